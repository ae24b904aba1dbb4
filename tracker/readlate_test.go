package tracker

import (
	"strings"
	"testing"
	"time"

	"privacyd/clock"
	"privacyd/mailin"
	"privacyd/templates"
)

// TestRequestReadLate: a request read more than AnswerMaxAge after it
// arrived (privacyd started on a mailbox with older mail) is registered with
// its real receipt and due date, but the customer gets no automatic mail —
// no acknowledgement with a due date already past, no identity check — and
// staff are told to answer personally. A recent one in the same batch is
// answered as usual.
func TestRequestReadLate(t *testing.T) {
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	clk := clock.NewFake(now)
	tr, _ := hxTracker(t, clk, func(o *Options) {
		o.AnswerMaxAge = 30 * 24 * time.Hour
		o.IdentityCheck = "always"
	})
	old := now.AddDate(0, 0, -45)
	err := tr.Deliver(t.Context(), "INBOX", 1, []mailin.Raw{
		{UID: 1, InternalDate: old, Data: hxMail("Tom <tom@example.com>", "Delete my data", "r1@example.com", "Please delete my data.")},
		{UID: 2, InternalDate: now.Add(-time.Hour), Data: hxMail("Anna <anna@example.nl>", "Inzage", "r2@example.nl",
			"Ik wil graag inzage in mijn persoonsgegevens.")},
	})
	if err != nil {
		t.Fatal(err)
	}
	var id, status, due string
	if err := tr.r.QueryRow(`SELECT id, status, due FROM cases WHERE requester = 'tom@example.com'`).Scan(&id, &status, &due); err != nil {
		t.Fatal(err)
	}
	// 13 October + 1 month = 13 November.
	if status != StatusInProgress || due != "2026-11-13" {
		t.Errorf("late case: status %s, due %s; want in_progress, 2026-11-13", status, due)
	}
	if n := hxCount(t, tr.DB(), `SELECT COUNT(*) FROM outbox WHERE audience = ? AND case_id = ?`, AudienceCustomer, id); n != 0 {
		t.Errorf("the late request got %d automatic mails", n)
	}
	if n := hxCount(t, tr.DB(), `SELECT COUNT(*) FROM events WHERE case_id = ? AND type = 'not_answered' AND detail LIKE 'read 45 days after%'`, id); n != 1 {
		t.Errorf("%d not_answered events for the late case, want 1", n)
	}
	var staff *string
	for _, m := range hxDue(t, tr) {
		if m.Kind == templates.StaffNewCase && m.CaseID == id {
			staff = &m.Text
		}
	}
	if staff == nil {
		t.Fatal("no staff notification for the late case")
	}
	if text := strings.Join(strings.Fields(*staff), " "); !strings.Contains(text, "arrived 45 days before privacyd read it") ||
		!strings.Contains(text, "answer personally") {
		t.Errorf("staff were not told to answer personally:\n%s", *staff)
	}
	// The recent one: the identity check (policy always), as usual.
	if n := hxCount(t, tr.DB(), `SELECT COUNT(*) FROM outbox o JOIN cases c ON c.id = o.case_id
		WHERE c.requester = 'anna@example.nl' AND o.audience = ? AND o.kind = 'identity_check'`, AudienceCustomer); n != 1 {
		t.Errorf("the recent request got %d identity mails, want 1", n)
	}
}
