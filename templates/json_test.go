package templates

import (
	"encoding/json"
	"testing"
	"time"
)

// jsonRoundTrip is what the outbox does with Data: Marshal when the mail is
// queued, Unmarshal when it is sent.
func jsonRoundTrip(t *testing.T, d Data) Data {
	t.Helper()
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var out Data
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// Render gives the same mail for Data that went through encoding/json as
// for the original, for every template in every language: the outbox stores
// Data as JSON and renders at send time, when a time.Time that was in
// Europe/Amsterdam has become a fixed-offset zone without a name.
func TestRenderSameAfterJSON(t *testing.T) {
	s := mustNew(t, "")
	ams, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	// The sample data New renders with, the same in Amsterdam time (late
	// in the evening, so a date taken in UTC would be a day off) and the
	// golden data.
	datas := sampleData()
	local := sampleData()[0]
	local.Received = time.Date(2026, 3, 5, 23, 30, 0, 0, ams)
	local.Now = time.Date(2026, 4, 3, 0, 15, 0, 0, ams)
	local.Due = time.Date(2026, 4, 7, 0, 0, 0, 0, ams)
	local.Warnings[0].Due = time.Date(2026, 4, 1, 0, 0, 0, 0, ams)
	// Invalid UTF-8, which encoding/json turns into U+FFFD (one per
	// byte), and U+FFFD itself, in every text field.
	bad := goldenData()
	for i, f := range []*string{
		&bad.Org.Name, &bad.Org.PrivacyAddress, &bad.CaseID, &bad.Status, &bad.RequesterName, &bad.RequesterAddr,
		&bad.Subject, &bad.Reason, &bad.Message, &bad.Amount, &bad.Kind, &bad.Language, &bad.KindReason,
		&bad.Command, &bad.FailedMail, &bad.Recipient,
	} {
		*f += [...]string{" x\xff\xfe y", "\xc3\n\xff\xfe\xfdz", "a\ufffd\xffb", "\xe2\x82 \ufffd\ufffd", "q\xff"}[i%5]
	}
	bad.Rights = append(bad.Rights, "access\xff")
	bad.Changes = []string{"status\xff\xfe: x", "\ufffd"}
	bad.Refusals = []string{"no\xc3"}
	bad.Evidence = append(bad.Evidence, EvidenceLine{Right: "erasure\xff", Text: "wis\xff\xfe\ufffd mij", Offset: 3})
	bad.Warnings = []Warning{{CaseID: "DSR-2026-0002\xff", Rights: []string{"x\xfe"}, Status: "in_progress\xff\xff", What: "due\xff soon"}}
	datas = append(datas, local, goldenData(), newCaseData(), bad)

	zoneChanged := 0
	for i, d := range datas {
		rt := jsonRoundTrip(t, d)
		if rt.Received.Location().String() != d.Received.Location().String() {
			zoneChanged++
		}
		for _, name := range Names() {
			for _, lang := range s.Languages(name) {
				want := render(t, s, name, lang, d)
				got := render(t, s, name, lang, rt)
				if got.Subject != want.Subject {
					t.Errorf("data %d %s/%s: subject after JSON %q, want %q", i, lang, name, got.Subject, want.Subject)
				}
				if got.Text != want.Text {
					t.Errorf("data %d %s/%s: text after JSON differs:\n%s", i, lang, name, firstDiff(want.Text, got.Text))
				}
				if got.HTML != want.HTML {
					t.Errorf("data %d %s/%s: HTML after JSON differs:\n%s", i, lang, name, firstDiff(want.HTML, got.HTML))
				}
			}
		}
	}
	if zoneChanged == 0 {
		t.Error("no time zone changed in the round trip; the test proves nothing about zones")
	}
}
