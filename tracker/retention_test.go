package tracker

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"privacyd/clock"
)

// staffReply is a reply from staff to the staff mail about caseID, carrying
// a valid token.
func hxStaffReply(tr *Tracker, caseID, msgID, body string) []byte {
	ref := tr.issueMessageID(caseID, AudienceStaff)
	return hxMail("Anna <staff@example.org>", "Re: ["+caseID+"]", msgID, body, "In-Reply-To: <"+ref+">", "References: <"+ref+">")
}

func TestRetention(t *testing.T) {
	ctx := context.Background()
	t0 := time.Date(2026, 3, 5, 9, 0, 0, 0, time.UTC)
	clk := clock.NewFake(t0)
	tr, path := hxTracker(t, clk, func(o *Options) { o.RetentionDays = 730 })

	// A: closed on day 1, with personal text everywhere (name, subject, body,
	// a note, the extension reason, the closing message).
	hxDeliver(t, tr, t0, hxMail("Zebulon Quaxley <zebulon@example.net>", "Wis alles van Zebulon", "a@example.net",
		"Verwijder alle gegevens van mij, klantnummer QX-77310."))
	// B: opened on day 1, never closed.
	hxDeliver(t, tr, t0, hxMail("Ottilie Brask <ottilie@example.net>", "Inzage Ottilie", "b@example.net",
		"Ik wil inzage in mijn gegevens, klantnummer OB-55120."))
	// A mail that is not a request, shown to staff.
	hxDeliver(t, tr, t0, hxMail("Waldemar Pruss <waldemar@example.net>", "Bestelling Waldemar", "c@example.net",
		"Waar blijft bestelling WP-99321?"))
	cs, err := tr.Cases(ctx, Filter{})
	if err != nil || len(cs) != 2 {
		t.Fatalf("cases %v %v", cs, err)
	}
	a, b := cs[0].ID, cs[1].ID
	clk.Advance(24 * time.Hour)
	hxDeliver(t, tr, clk.Now(), hxStaffReply(tr, a, "s1@example.org",
		"#verified\n#extend Zebulon's data sits in five systems\n#note Zebulon phoned from 0612345678"))
	hxDeliver(t, tr, clk.Now(), hxStaffReply(tr, a, "s2@example.org", "#done Zebulon, all erased."))
	if c, _ := tr.Case(ctx, a); c.Status != StatusCompleted || c.ClosedAt == "" {
		t.Fatalf("case A: status %s closed %q", c.Status, c.ClosedAt)
	}
	// C: closed a year later.
	clk.Set(t0.AddDate(1, 0, 0))
	hxDeliver(t, tr, clk.Now(), hxMail("Cosima Vrell <cosima@example.net>", "Delete Cosima", "d@example.net",
		"Please delete all personal data you hold about me."))
	cs, _ = tr.Cases(ctx, Filter{})
	c := cs[2].ID
	hxDeliver(t, tr, clk.Now(), hxStaffReply(tr, c, "s3@example.org", "#notarequest"))

	type snapshot struct{ msgs, outbox, events int }
	snap := func(id string) snapshot {
		return snapshot{
			hxCount(t, tr.DB(), `SELECT COUNT(*) FROM messages WHERE case_id = ?`, id),
			hxCount(t, tr.DB(), `SELECT COUNT(*) FROM outbox WHERE case_id = ?`, id),
			hxCount(t, tr.DB(), `SELECT COUNT(*) FROM events WHERE case_id = ?`, id),
		}
	}
	beforeA, _ := tr.Case(ctx, a)
	snapA := snap(a)
	if snapA.msgs != 3 || snapA.outbox < 4 {
		t.Fatalf("case A has %d mails in and %d out before retention", snapA.msgs, snapA.outbox)
	}

	// 729 days after A closed: nothing yet.
	closedA := parseTime(beforeA.ClosedAt)
	clk.Set(closedA.AddDate(0, 0, 729))
	if n, err := tr.Retain(ctx); err != nil || n != 0 {
		t.Fatalf("Retain at 729 days = %d, %v; want 0", n, err)
	}
	// 731 days: A goes, B (open) and C (closed later) stay.
	clk.Set(closedA.AddDate(0, 0, 731))
	if n, err := tr.Retain(ctx); err != nil || n != 1 {
		t.Fatalf("Retain at 731 days = %d, %v; want 1", n, err)
	}
	afterA, err := tr.Case(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	if afterA.Requester != "" || afterA.RequesterName != "" || afterA.Subject != "" || afterA.ExtensionReason != "" {
		t.Errorf("case A keeps personal fields: %+v", afterA)
	}
	// The anonymous facts stay.
	if afterA.Status != beforeA.Status || strings.Join(afterA.Rights, ",") != strings.Join(beforeA.Rights, ",") ||
		afterA.Language != beforeA.Language || !afterA.ReceivedAt.Equal(beforeA.ReceivedAt) || afterA.Due != beforeA.Due ||
		afterA.ExtendedDue != beforeA.ExtendedDue || afterA.Extended != beforeA.Extended || afterA.ClosedAt != beforeA.ClosedAt ||
		afterA.VerifiedAt != beforeA.VerifiedAt || afterA.ID != beforeA.ID {
		t.Errorf("retention changed anonymous facts:\nbefore %+v\nafter  %+v", beforeA, afterA)
	}
	if got := snap(a); got.msgs != snapA.msgs || got.outbox != snapA.outbox || got.events != snapA.events+1 {
		t.Errorf("counts after retention %+v, want %+v plus one event", got, snapA)
	}
	if at, err := tr.ErasedAt(ctx, a); err != nil || !at.Equal(clk.Now()) {
		t.Errorf("ErasedAt(A) = %v, %v; want %v", at, err, clk.Now())
	}
	if n := hxCount(t, tr.DB(), `SELECT COUNT(*) FROM messages WHERE case_id = ? AND (raw IS NOT NULL OR from_addr != '' OR from_name != '' OR subject != '')`, a); n != 0 {
		t.Errorf("%d mails of case A keep personal data", n)
	}
	if n := hxCount(t, tr.DB(), `SELECT COUNT(*) FROM outbox WHERE case_id = ? AND (to_addrs != '[]' OR subject != '' OR text != '' OR html != '' OR data != '')`, a); n != 0 {
		t.Errorf("%d outgoing mails of case A keep personal data", n)
	}
	d, err := tr.Detail(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]int{}
	for _, e := range d.Events {
		types[e.Type]++
		for _, s := range []string{e.Detail, e.OldValue, e.NewValue} {
			if strings.Contains(s, "Zebulon") || strings.Contains(s, "0612345678") {
				t.Errorf("event %s keeps %q", e.Type, s)
			}
		}
	}
	if types["erased"] != 1 || types["status_changed"] != 3 || types["note"] != 1 || types["case_opened"] != 1 {
		t.Errorf("event types after retention: %v", types)
	}
	// B and C are untouched.
	for _, id := range []string{b, c} {
		if at, _ := tr.ErasedAt(ctx, id); !at.IsZero() {
			t.Errorf("%s was erased", id)
		}
		if n := hxCount(t, tr.DB(), `SELECT COUNT(*) FROM messages WHERE case_id = ? AND raw IS NOT NULL AND from_addr != ''`, id); n == 0 {
			t.Errorf("%s lost its mails", id)
		}
	}
	// The mail shown to staff (no case) is two years old too.
	if n := hxCount(t, tr.DB(), `SELECT COUNT(*) FROM messages WHERE case_id IS NULL AND raw IS NOT NULL`); n != 0 {
		t.Errorf("%d mails without a case keep their raw text", n)
	}

	// The personal text is gone from the files, not only from the rows.
	for _, p := range []string{path, path + "-wal"} {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		for _, s := range []string{"Zebulon", "zebulon@example.net", "QX-77310", "0612345678", "Waldemar", "WP-99321"} {
			if bytes.Contains(data, []byte(s)) {
				t.Errorf("%s still holds %q after retention", p[strings.LastIndex(p, "/")+1:], s)
			}
		}
		if !bytes.Contains(data, []byte("OB-55120")) && p == path {
			t.Logf("(case B's text is in the WAL, not yet in the main file)")
		}
	}

	// Idempotent: nothing more to do, no second "erased" event.
	if n, err := tr.Retain(ctx); err != nil || n != 0 {
		t.Errorf("second Retain = %d, %v; want 0", n, err)
	}
	if got := snap(a); got.events != snapA.events+1 {
		t.Errorf("a second Retain added events: %d", got.events)
	}
	// C goes two years after it closed.
	clk.Set(clk.Now().AddDate(1, 0, 1))
	if n, err := tr.Retain(ctx); err != nil || n != 1 {
		t.Errorf("Retain a year later = %d, %v; want 1 (case C)", n, err)
	}
	if n, err := tr.Retain(ctx); err != nil || n != 0 {
		t.Errorf("Retain again = %d, %v", n, err)
	}

	// The log stays append-only: texts of a case that is not erased cannot
	// be blanked, and nothing else of an erased case's events can change.
	if _, err := tr.w.Exec(`UPDATE events SET detail = '' WHERE case_id = ?`, b); err == nil {
		t.Error("an event of a case that is not erased was changed")
	}
	if _, err := tr.w.Exec(`UPDATE events SET type = 'x' WHERE case_id = ?`, a); err == nil {
		t.Error("an event type of an erased case was changed")
	}
	if _, err := tr.w.Exec(`UPDATE events SET detail = 'forged' WHERE case_id = ? AND type = 'erased'`, a); err == nil {
		t.Error("an erased case's event detail was rewritten")
	}
}

func TestRetentionDefaultAndFollowUpAfterErasure(t *testing.T) {
	ctx := context.Background()
	t0 := time.Date(2026, 3, 5, 9, 0, 0, 0, time.UTC)
	clk := clock.NewFake(t0)
	tr, _ := hxTracker(t, clk, nil) // RetentionDays 0: 730
	hxDeliver(t, tr, t0, hxMail("Tom <tom@example.com>", "Delete my data", "r1@example.com", "Please delete all personal data you hold about me."))
	id := func() string { cs, _ := tr.Cases(ctx, Filter{}); return cs[0].ID }()
	hxDeliver(t, tr, t0, hxStaffReply(tr, id, "s1@example.org", "#withdrawn"))
	clk.Set(t0.AddDate(0, 0, 729))
	if n, _ := tr.Retain(ctx); n != 0 {
		t.Fatalf("erased after 729 days with the default of 730")
	}
	clk.Set(t0.AddDate(0, 0, 731))
	if n, err := tr.Retain(ctx); err != nil || n != 1 {
		t.Fatalf("Retain = %d, %v", n, err)
	}
	// The same mail fetched again (a new UIDVALIDITY) is still recognised.
	hxDeliver(t, tr, clk.Now(), hxMail("Tom <tom@example.com>", "Delete my data", "r1@example.com", "Please delete all personal data you hold about me."))
	if n := hxCount(t, tr.DB(), `SELECT COUNT(*) FROM cases`); n != 1 {
		t.Errorf("an old mail fetched again after retention opened a case (%d cases)", n)
	}
	// The customer writes again in the old thread: a new case, not a follow-up of the erased one.
	hxDeliver(t, tr, clk.Now(), hxMail("Tom <tom@example.com>", "Re: Delete my data ["+id+"]", "r2@example.com",
		"Please delete my data again."))
	if n := hxCount(t, tr.DB(), `SELECT COUNT(*) FROM cases`); n != 2 {
		t.Errorf("%d cases; the new mail should open a case of its own", n)
	}
	// An erased case gets no mail, even from a staff command.
	before := hxCount(t, tr.DB(), `SELECT COUNT(*) FROM outbox WHERE case_id = ? AND audience = 'c'`, id)
	hxDeliver(t, tr, clk.Now(), hxStaffReply(tr, id, "s2@example.org", "#reply hello"))
	if after := hxCount(t, tr.DB(), `SELECT COUNT(*) FROM outbox WHERE case_id = ? AND audience = 'c'`, id); after != before {
		t.Errorf("a #reply on an erased case queued mail to nobody (%d → %d)", before, after)
	}
}
