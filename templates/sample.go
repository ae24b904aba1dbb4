package templates

import "time"

// sampleData returns the data New renders every template with once, to find
// template errors that only show when executing: one Data with every field
// and flag set, one with nothing set.
func sampleData() []Data {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	full := Data{
		Org:            Org{Name: "Example B.V.", PrivacyAddress: "privacy@example.com"},
		Authority:      DefaultAuthority(),
		CaseID:         "DSR-2026-0001",
		Status:         "awaiting_identity",
		RequesterName:  "Jan de Vries",
		RequesterAddr:  "jan@example.nl",
		Subject:        "Inzage",
		Rights:         []string{"access", "erasure", "object_direct_marketing"},
		Representative: true,
		Received:       time.Date(2026, 3, 5, 10, 0, 0, 0, time.UTC),
		Due:            day(2026, 4, 7),
		ExtendedDue:    day(2026, 6, 5),
		Extended:       true,
		Reason:         "reason",
		Message:        "message\n\nmore",
		Amount:         "EUR 25",
		IDCopy:         true,
		Kind:           "request",
		Language:       "nl",
		KindReason:     "rights found",
		Evidence:       []EvidenceLine{{Right: "access", Text: "inzage", Offset: 1}},
		Triage:         true,
		Repetitive:     true,
		Changes:        []string{"status: in_progress"},
		Refusals:       []string{"no"},
		Warnings: []Warning{
			{CaseID: "DSR-2026-0002", Rights: []string{"access"}, Status: "in_progress", Due: day(2026, 4, 1), DaysLeft: -2, What: "overdue"},
			{CaseID: "DSR-2026-0003", Rights: []string{"erasure"}, Status: "extended", Due: day(2026, 4, 9), DaysLeft: 3, What: "due in 3 working days"},
		},
		WarningsTotal:   250,
		WarningsOverdue: 240,
		Now:             time.Date(2026, 4, 3, 8, 0, 0, 0, time.UTC),
		Command:         "#extend reason",
		FailedMail:      Acknowledgement,
		Recipient:       "jan@example.nl",
	}
	return []Data{full, {}}
}
