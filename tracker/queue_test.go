package tracker

import (
	"context"
	"strings"
	"testing"
	"time"

	"privacyd/clock"
	"privacyd/mailin"
	"privacyd/outbox"
	"privacyd/templates"
)

// hxDue returns the due mails of tr's outbox as the sender gets them.
func hxDue(t testing.TB, tr *Tracker) []outbox.Mail {
	t.Helper()
	ms, err := tr.Due(context.Background(), time.Now().Add(24*time.Hour), 1000)
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

// hxQueued returns the one due mail of kind, rendered as it will be sent.
func hxQueued(t testing.TB, tr *Tracker, kind string) outbox.Mail {
	t.Helper()
	var found []outbox.Mail
	for _, m := range hxDue(t, tr) {
		if m.Kind == kind {
			found = append(found, m)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d due %s mails, want 1", len(found), kind)
	}
	return found[0]
}

// TestQueuedMailsRenderWhenSent: the two mails of a new case are queued as
// template data, without the rendered text and without the organisation's
// details, and come out of Due rendered in the customer's language, with the
// organisation as configured when they are sent.
func TestQueuedMailsRenderWhenSent(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
	org := func(name string) func(*Options) {
		return func(o *Options) {
			o.Org = templates.Org{Name: name, PrivacyAddress: "privacy@example.org"}
			o.IdentityCheck = "never"
		}
	}
	tr, path := hxTracker(t, clk, org("Zwaluw Fietsen B.V."))
	hxDeliver(t, tr, clk.Now(), hxMail("Anna de Vries <anna@example.nl>", "Inzageverzoek", "r1@example.nl",
		"Beste heer, mevrouw, ik wil graag weten welke persoonsgegevens u van mij verwerkt (art. 15 AVG)."))

	var caseID string
	if err := tr.r.QueryRow(`SELECT id FROM cases`).Scan(&caseID); err != nil {
		t.Fatal(err)
	}
	if n := hxCount(t, tr.DB(), `SELECT COUNT(*) FROM outbox WHERE subject = '' AND text = '' AND html = '' AND data != ''`); n != 2 {
		t.Errorf("%d outbox rows queued as template data, want 2", n)
	}
	if n := hxCount(t, tr.DB(), `SELECT COUNT(*) FROM outbox WHERE data LIKE '%Zwaluw%'`); n != 0 {
		t.Errorf("%d outbox rows store the organisation's name", n)
	}

	ack := hxQueued(t, tr, templates.Acknowledgement)
	if ack.Err != nil {
		t.Fatal(ack.Err)
	}
	// Received Friday 27 November 2026; one month is Sunday 27 December,
	// so the answer is due on Monday 28 December.
	for _, want := range []string{caseID, "Zwaluw Fietsen B.V.", "28 december 2026", "27 november 2026"} {
		if !strings.Contains(ack.Subject+ack.Text, want) || !strings.Contains(ack.HTML, want) {
			t.Errorf("acknowledgement lacks %q:\n%s\n%s", want, ack.Subject, ack.Text)
		}
	}
	if !strings.Contains(ack.Text, "Anna") || ack.To[0] != "anna@example.nl" || ack.InReplyTo != "r1@example.nl" {
		t.Errorf("acknowledgement to %v, in reply to %q:\n%s", ack.To, ack.InReplyTo, ack.Text)
	}
	staff := hxQueued(t, tr, templates.StaffNewCase)
	if staff.Err != nil || !strings.Contains(staff.Subject, caseID) || !strings.Contains(staff.Text, "art. 15 AVG") {
		t.Errorf("staff notification (err %v):\n%s\n%s", staff.Err, staff.Subject, staff.Text)
	}

	// The register shows the queued mails with their subjects.
	d, err := tr.Detail(context.Background(), caseID)
	if err != nil {
		t.Fatal(err)
	}
	outgoing := 0
	for _, m := range d.Messages {
		if m.Direction == "out" {
			outgoing++
			if !strings.Contains(m.Subject, caseID) {
				t.Errorf("register shows outgoing %s mail with subject %q", m.Kind, m.Subject)
			}
		}
	}
	if outgoing != 2 {
		t.Errorf("register shows %d outgoing mails, want 2", outgoing)
	}

	// Rendered once, when first due: the outbox keeps the mail as it was
	// sent, also after a configuration change, and a retry sends the same.
	if n := hxCount(t, tr.DB(), `SELECT COUNT(*) FROM outbox WHERE subject != '' AND text != '' AND html != ''
		AND (kind != 'acknowledgement' OR text LIKE '%Zwaluw Fietsen B.V.%')`); n != 2 {
		t.Errorf("%d outbox rows store their rendering, want 2", n)
	}
	tr.Close()
	tr2, err := New(context.Background(), Options{Path: path, Clock: clk, Org: templates.Org{Name: "Zwaluw Tweewielers B.V."}})
	if err != nil {
		t.Fatal(err)
	}
	defer tr2.Close()
	if again := hxQueued(t, tr2, templates.Acknowledgement); again.Text != ack.Text || again.Subject != ack.Subject || again.HTML != ack.HTML {
		t.Errorf("acknowledgement changed after a configuration change:\n%s", again.Text)
	}
}

// TestQueuedMailRenderedWithCurrentConfiguration: a mail not yet rendered
// takes the organisation's details from the configuration when it is.
func TestQueuedMailRenderedWithCurrentConfiguration(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
	tr, path := hxTracker(t, clk, func(o *Options) { o.Org = templates.Org{Name: "Zwaluw Fietsen B.V."} })
	hxDeliver(t, tr, clk.Now(), hxMail("Tom <tom@example.com>", "Delete my data", "r1@example.com", "Please delete my data."))
	tr.Close()
	tr2, err := New(context.Background(), Options{Path: path, Clock: clk, Org: templates.Org{Name: "Zwaluw Tweewielers B.V."}})
	if err != nil {
		t.Fatal(err)
	}
	defer tr2.Close()
	if m := hxQueued(t, tr2, templates.StaffNewCase); !strings.Contains(m.Text, "Zwaluw Tweewielers B.V.") && !strings.Contains(m.HTML, "Zwaluw Tweewielers B.V.") {
		t.Errorf("staff notification after a configuration change:\n%s", m.Text)
	}
}

// TestQueuedMailThatDoesNotRender comes back with Err set, next to the
// mails that do render, so the sender fails it instead of sending a blank mail.
func TestQueuedMailThatDoesNotRender(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
	tr, _ := hxTracker(t, clk, nil)
	hxDeliver(t, tr, clk.Now(), hxMail("Tom <tom@example.com>", "Delete my data", "r1@example.com", "Please delete my data."))
	if _, err := tr.w.Exec(`UPDATE outbox SET kind = 'no_such_template' WHERE kind = ?`, templates.StaffNewCase); err != nil {
		t.Fatal(err)
	}
	ms := hxDue(t, tr)
	if len(ms) != 2 {
		t.Fatalf("%d due mails, want 2", len(ms))
	}
	for _, m := range ms {
		switch {
		case m.Kind == "no_such_template" && (m.Err == nil || m.Subject != "" || m.Text != ""):
			t.Errorf("broken mail: err %v, subject %q", m.Err, m.Subject)
		case m.Kind != "no_such_template" && (m.Err != nil || m.Subject == "" || m.Text == ""):
			t.Errorf("%s: err %v, subject %q", m.Kind, m.Err, m.Subject)
		}
	}
}

// TestStaffNotificationDataInTwoParts: the staff notification of a new case
// is queued as the case's data and the mail's part (encoded before the
// transaction); read back, it renders exactly as the whole data written
// in one piece: the case's fields from the first part, the customer's text,
// kind and evidence from the second.
func TestStaffNotificationDataInTwoParts(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
	tr, _ := hxTracker(t, clk, nil)
	raw := hxMail("Anna de Vries <anna@example.nl>", "Inzageverzoek", "r1@example.nl",
		"Beste,\n\nGraag ontvang ik een kopie van al mijn persoonsgegevens (art. 15 AVG).\n\nAnna")
	hxDeliver(t, tr, clk.Now(), raw)

	var data, caseID string
	if err := tr.DB().QueryRow(`SELECT data, case_id FROM outbox WHERE kind = ?`, templates.StaffNewCase).Scan(&data, &caseID); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(data, "[") {
		t.Fatalf("staff notification data is not in two parts: %.80s", data)
	}
	got, err := tr.renderQueued(templates.StaffNewCase, data)
	if err != nil {
		t.Fatal(err)
	}

	// The same data built whole, as before the parts.
	c, err := tr.loadCase(context.Background(), tr.DB(), caseID)
	if err != nil {
		t.Fatal(err)
	}
	in := tr.prepare("INBOX", 1, mailin.Raw{UID: 1, InternalDate: clk.Now(), Data: raw})
	d := tr.caseData(c, tr.opt.StaffLanguage)
	d.Message = clip(in.msg.NewText, 8000)
	d.Kind, d.KindReason, d.Language = string(in.cls.Kind), in.cls.KindReason, in.cls.Language
	for _, e := range in.cls.Evidence {
		d.Evidence = append(d.Evidence, templates.EvidenceLine{Right: e.Right, Text: e.Text, Offset: e.Offset})
	}
	if len(d.Evidence) == 0 || d.CaseID == "" {
		t.Fatalf("the test mail has no evidence or no case: %+v", d)
	}
	d.Org, d.Authority = tr.opt.Org, tr.opt.Authority
	want, err := tr.opt.Templates.Render(templates.StaffNewCase, d.Lang, d)
	if err != nil {
		t.Fatal(err)
	}
	if got.Subject != want.Subject || got.Text != want.Text || got.HTML != want.HTML {
		t.Errorf("rendered from two parts:\n%s\n\nwhole:\n%s", got.Text, want.Text)
	}
}
