package tracker

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"privacyd/clock"
	"privacyd/deadline"
	"privacyd/mailin"
	"privacyd/templates"
)

const (
	testStaff = "staff@example.org"
	testOwner = "owner@example.org"
)

var amsterdam = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		panic(err)
	}
	return loc
}()

// newSweepTracker opens a tracker on path with the fake clock clk.
func newSweepTracker(t *testing.T, path string, clk clock.Clock, mod func(*Options)) *Tracker {
	t.Helper()
	rules, err := deadline.NewRules("Europe/Amsterdam", "NL", nil)
	if err != nil {
		t.Fatal(err)
	}
	opt := Options{
		Path: path, Clock: clk, Rules: rules,
		From: "privacy@example.org", FromName: "Example B.V.",
		OwnAddresses:   []string{"privacy@example.org"},
		StaffAddresses: []string{testStaff}, StaffNotify: []string{testStaff}, Owner: testOwner,
		StaffLanguage: "en", DefaultLanguage: "en",
		CommandKey:    []byte("0123456789abcdef0123456789abcdef"),
		IdentityCheck: "never",
		Org:           templates.Org{Name: "Example B.V.", PrivacyAddress: "privacy@example.org"},
	}
	if mod != nil {
		mod(&opt)
	}
	tr, err := New(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tr.Close() })
	return tr
}

// requestMail is a customer's request mail.
func requestMail(n int, from, subject, body string) []byte {
	s := fmt.Sprintf("From: Customer %d <%s>\r\nTo: privacy@example.org\r\nSubject: %s\r\nMessage-ID: <req-%d@example.net>\r\n"+
		"Date: Fri, 03 Apr 2026 10:00:00 +0200\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n%s\r\n",
		n, from, subject, n, body)
	return []byte(s)
}

// deliver hands one mail to the tracker as if the IMAP reader fetched it at
// internal, with the clock set to that instant.
func deliver(t *testing.T, tr *Tracker, clk *clock.Fake, uid uint32, internal time.Time, raw []byte) {
	t.Helper()
	clk.Set(internal)
	if err := tr.Deliver(context.Background(), "INBOX", 1, []mailin.Raw{{UID: uid, InternalDate: internal, Data: raw}}); err != nil {
		t.Fatalf("Deliver uid %d: %v", uid, err)
	}
}

func local(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, amsterdam)
}

func onlyCase(t *testing.T, tr *Tracker) *Case {
	t.Helper()
	cs, err := tr.Cases(context.Background(), Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 1 {
		t.Fatalf("got %d cases, want 1", len(cs))
	}
	return cs[0]
}

func countOutbox(t *testing.T, tr *Tracker, kind string) int {
	t.Helper()
	var n int
	if err := tr.w.QueryRow(`SELECT COUNT(*) FROM outbox WHERE kind = ?`, kind).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestSweepEaster steps day by day through the life of a request received
// on Good Friday 2026 (3 April) and checks which warning went out when.
//
// Derived by hand: due = 3 May 2026, a Sunday, rolled to Monday 4 May (NL
// calendar; 4 May is not a holiday, 5 May is). Working days before 4 May,
// counting back: Fri 1 May (1), Thu 30 Apr (2), Wed 29 Apr (3), Tue 28 Apr
// (4), Mon 27 Apr is King's Day, Fri 24 Apr (5), Thu 23 Apr (6), Wed 22 Apr
// (7). Overdue from Tue 5 May, which is Liberation Day (no mail); then every
// working day: Wed 6 (2 days), Thu 7 (3), Fri 8 (4), Mon 11 (7), Tue 12 (8).
func TestSweepEaster(t *testing.T) {
	clk := clock.NewFake(time.Time{})
	tr := newSweepTracker(t, filepath.Join(t.TempDir(), "db"), clk, nil)
	deliver(t, tr, clk, 1, local(2026, 4, 3, 10, 0), requestMail(1, "anna@example.net", "Inzageverzoek",
		"Graag wil ik inzage in mijn persoonsgegevens op grond van artikel 15 AVG."))
	c := onlyCase(t, tr)
	if c.Due != "2026-05-04" {
		t.Fatalf("due = %s, want 2026-05-04", c.Due)
	}

	want := map[string]string{
		"2026-04-22": "due in 7 working days",
		"2026-04-24": "due in 5 working days; decide now whether to extend: after Mon 2026-05-04 the law no longer allows it",
		"2026-04-29": "due in 3 working days",
		"2026-05-01": "due in 1 working day",
		"2026-05-04": "due today; last day to extend: after today the law no longer allows it",
		"2026-05-06": "overdue since Tue 2026-05-05, 2 days",
		"2026-05-07": "overdue since Tue 2026-05-05, 3 days",
		"2026-05-08": "overdue since Tue 2026-05-05, 4 days",
		"2026-05-11": "overdue since Tue 2026-05-05, 7 days",
		"2026-05-12": "overdue since Tue 2026-05-05, 8 days",
	}
	got := map[string]string{}
	mails := 0
	for day := local(2026, 4, 3, 8, 0); day.Before(local(2026, 5, 13, 0, 0)); day = day.AddDate(0, 0, 1) {
		clk.Set(day)
		for run := 0; run < 2; run++ { // the second run of a day sends nothing
			res, err := tr.Sweep(context.Background(), SweepOptions{})
			if err != nil {
				t.Fatalf("%s: Sweep: %v", day.Format("2006-01-02"), err)
			}
			if run == 1 && len(res.Warnings) > 0 {
				t.Errorf("%s: second sweep of the day warned again: %+v", day.Format("2006-01-02"), res.Warnings)
			}
			for _, w := range res.Warnings {
				got[day.Format("2006-01-02")] = w.What
				if w.CaseID != c.ID {
					t.Errorf("warning for %s, want %s", w.CaseID, c.ID)
				}
			}
			if res.MessageID != "" {
				mails++
			}
		}
	}
	for d, w := range want {
		if got[d] != w {
			t.Errorf("%s: warning %q, want %q", d, got[d], w)
		}
	}
	for d, g := range got {
		if _, ok := want[d]; !ok {
			t.Errorf("%s: unexpected warning %q", d, g)
		}
	}
	if mails != len(want) || countOutbox(t, tr, templates.StaffWarnings) != len(want) {
		t.Errorf("staff warning mails: %d (outbox %d), want %d", mails, countOutbox(t, tr, templates.StaffWarnings), len(want))
	}
	// The overdue mail renders with the overdue marker and the case ID.
	var subj, text string
	if err := tr.w.QueryRow(`SELECT subject, text FROM outbox WHERE kind = ? ORDER BY id DESC LIMIT 1`, templates.StaffWarnings).Scan(&subj, &text); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, c.ID) || !strings.Contains(text, "OVERDUE") || !strings.Contains(subj, "1 overdue") {
		t.Errorf("last warning mail:\nSubject: %s\n%s", subj, text)
	}
}

// TestSweepRestart: a restart between two thresholds sends each once.
func TestSweepRestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "db")
	clk := clock.NewFake(time.Time{})
	tr := newSweepTracker(t, path, clk, nil)
	deliver(t, tr, clk, 1, local(2026, 4, 3, 10, 0), requestMail(1, "anna@example.net", "Inzage",
		"Graag wil ik inzage in mijn persoonsgegevens op grond van artikel 15 AVG."))
	clk.Set(local(2026, 4, 22, 8, 0))
	res, err := tr.Sweep(context.Background(), SweepOptions{})
	if err != nil || len(res.Warnings) != 1 {
		t.Fatalf("first sweep: %v, %+v", err, res.Warnings)
	}
	tr.Close()

	// Restart the same day: nothing again.
	tr2 := newSweepTracker(t, path, clk, nil)
	clk.Set(local(2026, 4, 22, 17, 0))
	if res, err := tr2.Sweep(context.Background(), SweepOptions{}); err != nil || len(res.Warnings) != 0 {
		t.Fatalf("sweep after restart, same day: %v, %+v", err, res.Warnings)
	}
	// Down on 23 and 24 April (the extension warning's day); up on the 27th
	// (King's Day): the extension warning is caught up, once.
	clk.Set(local(2026, 4, 27, 9, 0))
	res, err = tr2.Sweep(context.Background(), SweepOptions{})
	if err != nil || len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0].What, "decide now whether to extend") {
		t.Fatalf("catch-up sweep: %v, %+v", err, res.Warnings)
	}
	tr2.Close()
	tr3 := newSweepTracker(t, path, clk, nil)
	if res, err := tr3.Sweep(context.Background(), SweepOptions{}); err != nil || len(res.Warnings) != 0 {
		t.Fatalf("sweep after second restart: %v, %+v", err, res.Warnings)
	}
	var n int
	if err := tr3.w.QueryRow(`SELECT COUNT(*) FROM warnings_sent`).Scan(&n); err != nil || n != 2 {
		t.Errorf("warnings_sent rows = %d (%v), want 2 (before:7, extension)", n, err)
	}
	if got := countOutbox(t, tr3, templates.StaffWarnings); got != 2 {
		t.Errorf("staff warning mails = %d, want 2", got)
	}
}

// TestSweepTogether: after downtime, several thresholds of one case fall due
// at once: one mail, one line with the current (most urgent) state; of each
// warning sequence only the most urgent stage is recorded (the earlier ones
// are superseded: TestSweepSuperseded checks they never come back); two
// cases share the mail, the overdue one first.
func TestSweepTogether(t *testing.T) {
	clk := clock.NewFake(time.Time{})
	tr := newSweepTracker(t, filepath.Join(t.TempDir(), "db"), clk, nil)
	body := "Please delete all my personal data under article 17 GDPR."
	deliver(t, tr, clk, 1, local(2026, 3, 20, 11, 0), requestMail(1, "bob@example.net", "Erasure", body))
	deliver(t, tr, clk, 2, local(2026, 4, 3, 10, 0), requestMail(2, "carol@example.net", "Erasure", body))
	cs, err := tr.Cases(context.Background(), Filter{})
	if err != nil || len(cs) != 2 {
		t.Fatalf("cases: %v %d", err, len(cs))
	}
	// Case 1: received 20 March, due Mon 20 April. Case 2: due Mon 4 May.
	if cs[0].Due != "2026-04-20" || cs[1].Due != "2026-05-04" {
		t.Fatalf("due dates %s, %s", cs[0].Due, cs[1].Due)
	}
	// First sweep ever on Fri 1 May: case 1 is overdue since Tue 21 April
	// (11 days); case 2 has had 7, 5 (extension) and 3 pass and is at 1.
	clk.Set(local(2026, 5, 1, 8, 0))
	res, err := tr.Sweep(context.Background(), SweepOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) != 2 {
		t.Fatalf("warnings: %+v", res.Warnings)
	}
	if w := res.Warnings[0]; w.CaseID != cs[0].ID || w.What != "overdue since Tue 2026-04-21, 11 days" || w.DaysLeft >= 0 {
		t.Errorf("first line %+v, want case 1 overdue", w)
	}
	// The extension warning was never given, so the line says that too.
	if w := res.Warnings[1]; w.CaseID != cs[1].ID || w.DaysLeft != 1 ||
		w.What != "due in 1 working day; decide now whether to extend: after Mon 2026-05-04 the law no longer allows it" {
		t.Errorf("second line %+v, want case 2 due in 1 working day", w)
	}
	if got := countOutbox(t, tr, templates.StaffWarnings); got != 1 {
		t.Errorf("staff mails = %d, want 1", got)
	}
	rows, err := tr.w.Query(`SELECT kind || ':' || threshold, primary_, message_id FROM warnings_sent WHERE case_id = ? ORDER BY 1`, cs[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	var recs []string
	for rows.Next() {
		var k, mid string
		var p bool
		if err := rows.Scan(&k, &p, &mid); err != nil {
			t.Fatal(err)
		}
		if mid != res.MessageID {
			t.Errorf("%s recorded with message %q, want %q", k, mid, res.MessageID)
		}
		if p {
			k += "*"
		}
		recs = append(recs, k)
	}
	rows.Close()
	if got, want := strings.Join(recs, " "), "due:before:1* extension:window"; got != want {
		t.Errorf("recorded %q, want %q", got, want)
	}
	// The event log says so.
	d, err := tr.Detail(context.Background(), cs[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	if e := d.Events[len(d.Events)-1]; e.Type != "warning_sent" || e.NewValue != "due:before:1" {
		t.Errorf("last event %+v", e)
	}
}

// TestSweepIdentityReminder: the customer is reminded once, threaded, after
// IdentityReminderDays; staff hear after IdentityWaitDays.
func TestSweepIdentityReminder(t *testing.T) {
	clk := clock.NewFake(time.Time{})
	tr := newSweepTracker(t, filepath.Join(t.TempDir(), "db"), clk, func(o *Options) { o.IdentityCheck = "always" })
	deliver(t, tr, clk, 1, local(2026, 4, 3, 10, 0), requestMail(1, "dave@example.net", "Inzage",
		"Graag wil ik inzage in mijn persoonsgegevens op grond van artikel 15 AVG."))
	c := onlyCase(t, tr)
	if c.Status != StatusAwaitingIdentity {
		t.Fatalf("status %s", c.Status)
	}
	o := SweepOptions{IdentityReminderDays: 5, IdentityWaitDays: 10}
	sweep := func(day int) SweepResult {
		t.Helper()
		clk.Set(local(2026, 4, day, 8, 0))
		res, err := tr.Sweep(context.Background(), o)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	for day := 3; day < 8; day++ {
		if res := sweep(day); res.Reminders != 0 || len(res.Warnings) != 0 {
			t.Fatalf("April %d: %+v", day, res)
		}
	}
	if res := sweep(8); res.Reminders != 1 || len(res.Warnings) != 0 { // 3 April + 5 days
		t.Fatalf("April 8: %+v", res)
	}
	if res := sweep(9); res.Reminders != 0 {
		t.Fatalf("April 9: reminded again: %+v", res)
	}
	if m := hxQueued(t, tr, templates.IdentityReminder); len(m.To) != 1 || m.To[0] != "dave@example.net" ||
		m.InReplyTo != "req-1@example.net" || !strings.Contains(m.Subject, c.ID) {
		t.Errorf("reminder to %v, In-Reply-To %q, subject %q", m.To, m.InReplyTo, m.Subject)
	}
	for day := 10; day < 13; day++ {
		if res := sweep(day); len(res.Warnings) != 0 {
			t.Fatalf("April %d: %+v", day, res)
		}
	}
	res := sweep(13) // 3 April + 10 days
	if len(res.Warnings) != 1 || res.Warnings[0].What != "identity still not confirmed, 10 days after the identity mail" {
		t.Fatalf("April 13: %+v", res.Warnings)
	}
	if res := sweep(14); len(res.Warnings) != 0 || res.Reminders != 0 {
		t.Fatalf("April 14: %+v", res)
	}
}

// TestSweepIdentityReminderCatchUp: a reminder no sweep sent on its day is
// sent late, up to reminderCatchUp days after it, and then never; staff's
// warning that the identity is missing comes either way.
func TestSweepIdentityReminderCatchUp(t *testing.T) {
	o := SweepOptions{IdentityReminderDays: 5, IdentityWaitDays: 10}
	for _, tc := range []struct {
		day       int // of April 2026: the first sweep after the identity mail of 3 April
		reminders int
	}{
		{8, 1},                   // on its day (3 April + 5)
		{8 + reminderCatchUp, 1}, // the last day it is still sent
		{9 + reminderCatchUp, 0}, // too late: it would only puzzle the customer
	} {
		clk := clock.NewFake(time.Time{})
		tr := newSweepTracker(t, filepath.Join(t.TempDir(), "db"), clk, func(o *Options) { o.IdentityCheck = "always" })
		deliver(t, tr, clk, 1, local(2026, 4, 3, 10, 0), requestMail(1, "dave@example.net", "Inzage",
			"Graag wil ik inzage in mijn persoonsgegevens op grond van artikel 15 AVG."))
		clk.Set(local(2026, 4, tc.day, 8, 0))
		res, err := tr.Sweep(context.Background(), o)
		if err != nil {
			t.Fatal(err)
		}
		if res.Reminders != tc.reminders || countOutbox(t, tr, templates.IdentityReminder) != tc.reminders {
			t.Errorf("first sweep on %d April: %d reminders (%d in the outbox), want %d", tc.day, res.Reminders,
				countOutbox(t, tr, templates.IdentityReminder), tc.reminders)
		}
		staffWarned := len(res.Warnings) == 1 && strings.HasPrefix(res.Warnings[0].What, "identity still not confirmed")
		if want := tc.day >= 13; staffWarned != want { // 3 April + 10
			t.Errorf("first sweep on %d April: staff warned %v (%+v), want %v", tc.day, staffWarned, res.Warnings, want)
		}
		// Later sweeps never send it.
		clk.Set(local(2026, 4, tc.day+1, 8, 0))
		if res, err := tr.Sweep(context.Background(), o); err != nil || res.Reminders != 0 {
			t.Errorf("next day after %d April: %+v, %v", tc.day, res, err)
		}
		tr.Close()
	}
}

// TestSweepFeeAndExtended: an unpaid fee is reported; an extended case is
// warned before its extended due date, not the one-month one.
func TestSweepFeeAndExtended(t *testing.T) {
	clk := clock.NewFake(time.Time{})
	tr := newSweepTracker(t, filepath.Join(t.TempDir(), "db"), clk, nil)
	body := "Graag wil ik inzage in mijn persoonsgegevens op grond van artikel 15 AVG."
	deliver(t, tr, clk, 1, local(2026, 4, 3, 10, 0), requestMail(1, "erin@example.net", "Inzage", body))
	deliver(t, tr, clk, 2, local(2026, 4, 3, 11, 0), requestMail(2, "fred@example.net", "Inzage", body))
	cs, _ := tr.Cases(context.Background(), Filter{})
	// Case 1 extended (extended due: 3 July 2026, a Friday); case 2 asked a
	// fee on 6 April (Easter Monday, the event's date counts).
	mustExec(t, tr, `UPDATE cases SET status = 'extended', extended = 1 WHERE id = ?`, cs[0].ID)
	mustExec(t, tr, `UPDATE cases SET status = 'awaiting_payment', fee_amount = 'EUR 25' WHERE id = ?`, cs[1].ID)
	mustExec(t, tr, `INSERT INTO events (case_id, at, actor, type, old_value, new_value) VALUES (?, ?, 'staff@example.org', 'status_changed', 'in_progress', 'awaiting_payment')`,
		cs[1].ID, fmtTime(local(2026, 4, 6, 12, 0)))
	clk.Set(local(2026, 4, 20, 8, 0)) // 6 April + 14 days
	res, err := tr.Sweep(context.Background(), SweepOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) != 1 || res.Warnings[0].CaseID != cs[1].ID || res.Warnings[0].What != "fee of EUR 25 asked 14 days ago and not paid" {
		t.Fatalf("fee warning: %+v", res.Warnings)
	}
	// The one-month due date of the extended case passes without a word.
	for d := local(2026, 4, 21, 8, 0); d.Before(local(2026, 6, 24, 0, 0)); d = d.AddDate(0, 0, 1) {
		clk.Set(d)
		res, err := tr.Sweep(context.Background(), SweepOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range res.Warnings {
			if w.CaseID == cs[0].ID {
				t.Fatalf("%s: extended case warned: %+v", d.Format("2006-01-02"), w)
			}
		}
	}
	// 7 working days before Fri 3 July: Thu 2, Wed 1, Tue 30 Jun, Mon 29,
	// Fri 26, Thu 25, Wed 24 June.
	clk.Set(local(2026, 6, 24, 8, 0))
	res, err = tr.Sweep(context.Background(), SweepOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, w := range res.Warnings {
		if w.CaseID == cs[0].ID {
			found = true
			if w.What != "due in 7 working days" || w.Due.Format("2006-01-02") != "2026-07-03" {
				t.Errorf("extended case: %+v", w)
			}
		}
	}
	if !found {
		t.Errorf("no warning for the extended case on 24 June: %+v", res.Warnings)
	}
}

// TestSweepReceiptDate: with the clock starting at verification, warnings
// also track the date counted from receipt.
func TestSweepReceiptDate(t *testing.T) {
	clk := clock.NewFake(time.Time{})
	tr := newSweepTracker(t, filepath.Join(t.TempDir(), "db"), clk, func(o *Options) { o.ClockStartsAtVerification = true })
	deliver(t, tr, clk, 1, local(2026, 4, 3, 10, 0), requestMail(1, "gina@example.net", "Inzage",
		"Graag wil ik inzage in mijn persoonsgegevens op grond van artikel 15 AVG."))
	c := onlyCase(t, tr)
	// Verified on 15 April: due 15 May (Fri). From receipt: Mon 4 May.
	mustExec(t, tr, `UPDATE cases SET clock_start = '2026-04-15', due = '2026-05-15', extended_due = '2026-07-15' WHERE id = ?`, c.ID)
	clk.Set(local(2026, 4, 22, 8, 0))
	res, err := tr.Sweep(context.Background(), SweepOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := "counted from receipt (without the wait for identity) due Mon 2026-05-04: due in 7 working days"
	if len(res.Warnings) != 1 || res.Warnings[0].What != want || res.Warnings[0].DaysLeft != 7 {
		t.Fatalf("warnings %+v, want %q", res.Warnings, want)
	}
}

func mustExec(t *testing.T, tr *Tracker, q string, args ...any) {
	t.Helper()
	if _, err := tr.w.Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// TestSweepDutchStaff: the warning lines are in the staff language.
func TestSweepDutchStaff(t *testing.T) {
	clk := clock.NewFake(time.Time{})
	tr := newSweepTracker(t, filepath.Join(t.TempDir(), "db"), clk, func(o *Options) { o.StaffLanguage = "nl" })
	deliver(t, tr, clk, 1, local(2026, 4, 3, 10, 0), requestMail(1, "hans@example.net", "Inzage",
		"Graag wil ik inzage in mijn persoonsgegevens op grond van artikel 15 AVG."))
	for _, c := range []struct {
		day  int
		want string
	}{
		{22, "de termijn verloopt over 7 werkdagen"},
		{24, "de termijn verloopt over 5 werkdagen; beslis nu of u verlengt: na ma 2026-05-04 staat de wet dat niet meer toe"},
	} {
		day, want := c.day, c.want
		clk.Set(local(2026, 4, day, 8, 0))
		res, err := tr.Sweep(context.Background(), SweepOptions{})
		if err != nil || len(res.Warnings) != 1 || res.Warnings[0].What != want {
			t.Errorf("April %d: %v %+v, want %q", day, err, res.Warnings, want)
		}
	}
	var subj string
	if err := tr.w.QueryRow(`SELECT subject FROM outbox WHERE kind = ? LIMIT 1`, templates.StaffWarnings).Scan(&subj); err != nil || !strings.Contains(subj, "zaak") {
		t.Errorf("subject %q (%v)", subj, err)
	}
}

// TestSweepReminderHeldByCapIsRetried: when the per-sender cap of automatic
// mails holds the identity reminder back, the next sweep tries again.
func TestSweepReminderHeldByCapIsRetried(t *testing.T) {
	clk := clock.NewFake(time.Time{})
	tr := newSweepTracker(t, filepath.Join(t.TempDir(), "db"), clk, func(o *Options) {
		o.IdentityCheck = "always"
		o.AutoMailsPerSender = 1 // the identity mail itself uses it up
	})
	deliver(t, tr, clk, 1, local(2026, 4, 7, 10, 0), requestMail(1, "erin@example.net", "Inzage",
		"Graag wil ik inzage in mijn persoonsgegevens op grond van artikel 15 AVG."))
	o := SweepOptions{IdentityReminderDays: 1}
	// 8 April 08:00: 22 hours after the identity mail, the cap of 1 a day holds the reminder back.
	clk.Set(local(2026, 4, 8, 8, 0))
	if res, err := tr.Sweep(context.Background(), o); err != nil || res.Reminders != 0 {
		t.Fatalf("8 April: %+v, %v", res, err)
	}
	if n := countOutbox(t, tr, templates.IdentityReminder); n != 0 {
		t.Fatalf("%d reminders queued past the cap", n)
	}
	// 9 April: the day has passed; the reminder goes out, once.
	clk.Set(local(2026, 4, 9, 8, 0))
	if res, err := tr.Sweep(context.Background(), o); err != nil || res.Reminders != 1 {
		t.Fatalf("9 April: %+v, %v", res, err)
	}
	clk.Set(local(2026, 4, 10, 8, 0))
	if res, err := tr.Sweep(context.Background(), o); err != nil || res.Reminders != 0 {
		t.Fatalf("10 April: reminded again: %+v, %v", res, err)
	}
	if n := countOutbox(t, tr, templates.IdentityReminder); n != 1 {
		t.Errorf("%d reminders queued, want 1", n)
	}
}

// insertCase puts a case received at received with status into the
// register directly, its dates computed by the tracker's rules.
func insertCase(t *testing.T, tr *Tracker, seq int, status string, received time.Time) string {
	t.Helper()
	clk := tr.opt.Rules.Compute(received)
	year := received.In(tr.opt.Rules.Loc).Year()
	id := fmt.Sprintf("DSR-%d-%05d", year, seq)
	mustExec(t, tr, `INSERT INTO cases (id, year, seq, status, rights, language, requester, requester_name, received_at, received_date,
		clock_start, due, extended, extended_due, subject, message_id, created_at, updated_at)
		VALUES (?, ?, ?, ?, 'access', 'en', ?, 'Customer', ?, ?, ?, ?, 0, ?, 'Request', ?, ?, ?)`,
		id, year, seq, status, fmt.Sprintf("c%d@example.net", seq), fmtTime(received), clk.ReceivedDate.String(),
		clk.ReceivedDate.String(), clk.Due.String(), clk.ExtendedDue.String(), fmt.Sprintf("r%d@example.net", seq), fmtTime(received), fmtTime(received))
	return id
}

// insertIdentityMail puts the identity check of case id, sent at at, into
// the outbox directly.
func insertIdentityMail(t *testing.T, tr *Tracker, id string, at time.Time) {
	t.Helper()
	ts := fmtTime(at)
	mustExec(t, tr, `INSERT INTO outbox (case_id, kind, audience, from_addr, from_name, to_addrs, subject, text, html,
		message_id, in_reply_to, refs, auto_submitted, date, created_at, next_attempt, sent_at)
		VALUES (?, ?, 'customer', 'privacy@example.org', '', '["c@example.net"]', 'Identity', 'text', '', ?, '', '', 1, ?, ?, ?, ?)`,
		id, templates.IdentityCheck, "id-"+id+"@example.org", ts, ts, ts, ts)
}

func countRows(t *testing.T, tr *Tracker, q string, args ...any) int {
	t.Helper()
	var n int
	if err := tr.w.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// TestSweepMany: a sweep over more cases than one statement of its bulk
// inserts carries (sweepChunk) warns every overdue case once, records every
// new warning once with the staff mail's Message-ID, writes one
// warning_sent event per case; a second run the same day does nothing; the
// next working day every overdue case is in the mail again (the daily
// reminder), with nothing recorded per case and no event.
func TestSweepMany(t *testing.T) {
	clk := clock.NewFake(time.Time{})
	var logs bytes.Buffer
	tr := newSweepTracker(t, filepath.Join(t.TempDir(), "db"), clk, func(o *Options) {
		o.Log = slog.New(slog.NewJSONHandler(&logs, nil))
	})
	const inProgress, waiting = 1100, 150 // 1,250 cases: the thresholds fill 3 chunks, the last one partly
	today := local(2026, 11, 27, 9, 0)    // a Friday
	ids := map[string]bool{}
	for i := range inProgress + waiting {
		status := StatusInProgress
		if i%8 == 0 && i/8 < waiting {
			status = StatusAwaitingIdentity
		}
		// Received between 60 and 260 days ago: every due date has passed.
		id := insertCase(t, tr, i+1, status, today.AddDate(0, 0, -60-i%200).Add(-time.Duration(i)*time.Minute))
		ids[id] = true
		if status == StatusAwaitingIdentity {
			// The identity mail went out 14 days ago: the reminder fell due
			// a week ago (the last day it is still sent), staff's identity
			// warning today.
			insertIdentityMail(t, tr, id, today.AddDate(0, 0, -14))
		}
	}
	if got := countRows(t, tr, `SELECT COUNT(*) FROM cases WHERE status = ?`, StatusAwaitingIdentity); got != waiting {
		t.Fatalf("%d cases await identity, want %d", got, waiting)
	}
	clk.Set(today)
	res, err := tr.Sweep(context.Background(), SweepOptions{})
	if err != nil {
		t.Fatal(err)
	}
	n := inProgress + waiting
	if res.Open != n || len(res.Warnings) != n || res.Reminders != waiting {
		t.Fatalf("open %d, lines %d, reminders %d; want %d, %d, %d", res.Open, len(res.Warnings), res.Reminders, n, n, waiting)
	}
	seen := map[string]bool{}
	for i, w := range res.Warnings {
		if !ids[w.CaseID] || seen[w.CaseID] {
			t.Fatalf("line %d: case %s unknown or listed twice", i, w.CaseID)
		}
		seen[w.CaseID] = true
		if w.DaysLeft >= 0 || !strings.HasPrefix(w.What, "overdue since ") {
			t.Errorf("line %d: %+v, want overdue", i, w)
		}
		if i > 0 && w.DaysLeft < res.Warnings[i-1].DaysLeft {
			t.Errorf("line %d (%d days left) after one with %d: not most urgent first", i, w.DaysLeft, res.Warnings[i-1].DaysLeft)
		}
	}
	// Each case: overdue; those awaiting identity also the customer's
	// reminder and the staff's identity warning.
	if want := n + 2*waiting; res.Recorded != want || countRows(t, tr, `SELECT COUNT(*) FROM warnings_sent`) != want {
		t.Errorf("recorded %d (table %d), want %d", res.Recorded, countRows(t, tr, `SELECT COUNT(*) FROM warnings_sent`), want)
	}
	if got := countRows(t, tr, `SELECT COUNT(*) FROM warnings_sent WHERE kind = 'due' AND threshold = 'overdue'
		AND primary_ AND message_id = ?`, res.MessageID); got != n {
		t.Errorf("%d overdue thresholds recorded as the primary of mail %s, want %d", got, res.MessageID, n)
	}
	if got := countRows(t, tr, `SELECT COUNT(DISTINCT case_id) FROM events WHERE type = 'warning_sent' AND new_value = 'due:overdue'
		AND detail LIKE '%; staff are reminded in the deadline check of every working day while it stays overdue'`); got != n {
		t.Errorf("warning_sent events for %d cases, want %d", got, n)
	}
	if got := countRows(t, tr, `SELECT COUNT(*) FROM warnings_sent w JOIN events e ON e.case_id = w.case_id AND e.type = 'warning_sent'
		WHERE w.kind = 'identity' AND e.detail LIKE '%due:overdue identity:waiting — %identity still not confirmed%'`); got != waiting {
		t.Errorf("%d events name both thresholds and the identity text, want %d", got, waiting)
	}
	if got := countOutbox(t, tr, templates.IdentityReminder); got != waiting {
		t.Errorf("%d identity reminders queued, want %d", got, waiting)
	}
	// Every case is overdue: the staff mail lists the MaxListed most
	// urgent and counts the others.
	var text string
	if err := tr.w.QueryRow(`SELECT text FROM outbox WHERE message_id = ?`, res.MessageID).Scan(&text); err != nil {
		t.Fatal(err)
	}
	if res.Overdue != n || len(res.Listed) != MaxListed {
		t.Errorf("%d overdue, %d listed; want %d, %d", res.Overdue, len(res.Listed), n, MaxListed)
	}
	for i, w := range res.Warnings {
		if listed := strings.Contains(text, w.CaseID+"  OVERDUE: "); listed != (i < MaxListed) {
			t.Fatalf("line %d (%s): listed in the staff mail %v, want %v", i, w.CaseID, listed, i < MaxListed)
		}
	}
	for _, want := range []string{thousands(n) + " cases need attention (" + thousands(n) + " overdue)",
		"… and " + thousands(n-MaxListed) + " more overdue cases; list them with:\n    privacyd cases -status open\n"} {
		if !strings.Contains(text, want) && !strings.Contains(strings.Join(strings.Fields(text), " "), want) { // wrapped at 72 columns
			t.Errorf("the staff mail lacks %q", want)
		}
	}
	// The log line counts every case and names the 50 most urgent; the log
	// never names a customer's address.
	var line struct {
		Msg             string
		Warned, Overdue int
		Listed          int
		Cases           string
	}
	for _, l := range strings.Split(logs.String(), "\n") {
		if strings.Contains(l, `"msg":"deadline sweep"`) {
			if err := json.Unmarshal([]byte(l), &line); err != nil {
				t.Fatal(err)
			}
		}
	}
	if named := strings.Split(line.Cases, ","); line.Warned != n || len(named) != 50 || named[0] != res.Warnings[0].CaseID {
		t.Errorf("log line: warned %d, %d cases named starting with %s; want %d, 50, %s", line.Warned, len(named), named[0], n, res.Warnings[0].CaseID)
	}
	if line.Overdue != n || line.Listed != MaxListed {
		t.Errorf("log line: overdue %d, listed %d; want %d, %d", line.Overdue, line.Listed, n, MaxListed)
	}
	if strings.Contains(logs.String(), "@example.net") {
		t.Error("the log names a customer's address")
	}

	// Later the same day: nothing new.
	clk.Set(today.Add(3 * time.Hour))
	if res, err := tr.Sweep(context.Background(), SweepOptions{}); err != nil || len(res.Warnings) != 0 || res.Recorded != 0 || res.Reminders != 0 {
		t.Fatalf("second sweep of the day: %v, %d lines, %d recorded, %d reminders", err, len(res.Warnings), res.Recorded, res.Reminders)
	}
	// Saturday: no overdue warnings. Monday: every case again (the daily
	// reminder, recorded by the mail and the day in kv, not per case),
	// identity reminders not.
	rows, events := countRows(t, tr, `SELECT COUNT(*) FROM warnings_sent`), countRows(t, tr, `SELECT COUNT(*) FROM events`)
	clk.Set(today.AddDate(0, 0, 1))
	if res, err := tr.Sweep(context.Background(), SweepOptions{}); err != nil || len(res.Warnings) != 0 {
		t.Fatalf("Saturday: %v, %d lines", err, len(res.Warnings))
	}
	clk.Set(today.AddDate(0, 0, 3))
	res, err = tr.Sweep(context.Background(), SweepOptions{})
	if err != nil || len(res.Warnings) != n || res.Daily != n || res.Overdue != n || res.Recorded != 0 || res.Reminders != 0 {
		t.Fatalf("Monday: %v, %d lines, %d daily, %d overdue, %d recorded, %d reminders; want %d, %d, %d, 0, 0",
			err, len(res.Warnings), res.Daily, res.Overdue, res.Recorded, res.Reminders, n, n, n)
	}
	for _, w := range res.Warnings {
		if !strings.HasPrefix(w.What, "overdue since ") || !strings.HasSuffix(w.What, " days") {
			t.Fatalf("Monday: line %+v, want overdue", w)
		}
	}
	if got := countRows(t, tr, `SELECT COUNT(*) FROM warnings_sent`); got != rows {
		t.Errorf("Monday: warnings_sent has %d rows, had %d", got, rows)
	}
	if got := countRows(t, tr, `SELECT COUNT(*) FROM events`); got != events {
		t.Errorf("Monday: %d events, had %d", got, events)
	}
	if got := countOutbox(t, tr, templates.StaffWarnings); got != 2 {
		t.Errorf("%d staff warning mails, want 2", got)
	}
	// A restart later on Monday: nothing again.
	clk.Set(today.AddDate(0, 0, 3).Add(5 * time.Hour))
	if res, err := tr.Sweep(context.Background(), SweepOptions{}); err != nil || len(res.Warnings) != 0 {
		t.Fatalf("Monday, later: %v, %d lines", err, len(res.Warnings))
	}
}

// thousands formats n as the English staff mail does: 1,250.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// TestSweepBoundedMail: when more cases need attention than MaxListed, the
// staff mail lists MaxListed of them, the most urgent overdue ones first
// and then the most urgent of those not overdue yet; when both kinds must
// be left out each gets half. It states the true totals and how many more
// there are; still every case's new warnings are recorded with the mail's
// Message-ID and every case gets its event. With no more cases than the
// bound, the mail lists them all and has no "more" line.
func TestSweepBoundedMail(t *testing.T) {
	for _, c := range []struct {
		overdue, soon         int
		listLate, listSoon    int // worked out by hand from MaxListed = 200
		moreText, moreHTMLish string
	}{
		// Only overdue cases left out: 9 not overdue listed, 191 overdue.
		{237, 9, 191, 9, "… and 46 more overdue cases; list them with:\n    privacyd cases -status open\n", "46 more overdue cases"},
		// Exactly the bound: all listed.
		{191, 9, 191, 9, "", ""},
		// Both kinds left out: 100 each.
		{260, 150, 100, 100, "… and 210 more cases, 160 of them overdue; list them with:\n    privacyd cases -status open\n", "210 more cases"},
		// Few overdue: all 12 of them, and 188 of the 230 not overdue.
		{12, 230, 12, 188, "… and 42 more cases; list them with:\n    privacyd cases -status open\n", "42 more cases"},
	} {
		t.Run(fmt.Sprintf("%d overdue, %d soon", c.overdue, c.soon), func(t *testing.T) {
			clk := clock.NewFake(time.Time{})
			tr := newSweepTracker(t, filepath.Join(t.TempDir(), "db"), clk, nil)
			today := local(2026, 11, 27, 9, 0) // a Friday
			type inserted struct {
				id  string
				due deadline.Date
			}
			var late []inserted
			seq := 0
			add := func(status string, received time.Time) inserted {
				seq++
				return inserted{insertCase(t, tr, seq, status, received), tr.opt.Rules.Compute(received).Due}
			}
			// Overdue: received between 45 and 145 days ago, several on one
			// day (so due dates tie and the case ID decides).
			for i := range c.overdue {
				late = append(late, add(StatusInProgress, today.AddDate(0, 0, -45-(i*7)%100).Add(-time.Duration(i)*time.Minute)))
			}
			// Not overdue: due today or within 7 working days (received a
			// month ago, up to 6 days later), and two waiting for their
			// identity for 20 days (due in about 10 days: only the identity
			// warning).
			var soon []string
			for i := range c.soon - 2 {
				soon = append(soon, add(StatusInProgress, today.AddDate(0, -1, i%7).Add(-2*time.Hour-time.Duration(i)*time.Minute)).id)
			}
			for range 2 {
				soon = append(soon, add(StatusAwaitingIdentity, today.AddDate(0, 0, -20)).id)
			}
			clk.Set(today)
			res, err := tr.Sweep(context.Background(), SweepOptions{})
			if err != nil {
				t.Fatal(err)
			}
			total := c.overdue + c.soon
			if len(res.Warnings) != total || res.Overdue != c.overdue || len(res.Listed) != c.listLate+c.listSoon {
				t.Fatalf("%d lines, %d overdue, %d listed; want %d, %d, %d", len(res.Warnings), res.Overdue, len(res.Listed),
					total, c.overdue, c.listLate+c.listSoon)
			}

			// The most urgent overdue cases are those due first (the case ID
			// breaks ties); then the first cases not overdue, in the order
			// of the result's lines (TestSweepMany checks that order).
			slices.SortFunc(late, func(a, b inserted) int { return cmp.Or(a.due.Compare(b.due), cmp.Compare(a.id, b.id)) })
			var want, left []string
			for i, x := range late {
				if i < c.listLate {
					want = append(want, x.id)
				} else {
					left = append(left, x.id)
				}
			}
			for i, w := range res.Warnings[c.overdue:] {
				if w.DaysLeft < 0 || !slices.Contains(soon, w.CaseID) {
					t.Errorf("line %+v after the overdue ones: want one of the cases not overdue", w)
				}
				if i < c.listSoon {
					want = append(want, w.CaseID)
				} else {
					left = append(left, w.CaseID)
				}
			}
			var got []string
			for _, w := range res.Listed {
				got = append(got, w.CaseID)
			}
			if !slices.Equal(got, want) {
				t.Errorf("listed %v\nwant %v", got, want)
			}

			var subj, text, html string
			if err := tr.w.QueryRow(`SELECT subject, text, html FROM outbox WHERE message_id = ?`, res.MessageID).Scan(&subj, &text, &html); err != nil {
				t.Fatal(err)
			}
			// The mail lists exactly those, in that order, and none of the others.
			last := -1
			for _, id := range want {
				i := strings.Index(text, "\n"+id+"  ")
				if i < 0 || strings.Count(text, id) != 1 {
					t.Fatalf("the staff mail lists %s %d times, want once:\n%s", id, strings.Count(text, id), text)
				}
				if i < last {
					t.Errorf("%s is listed out of order", id)
				}
				last = i
			}
			for _, id := range left {
				if strings.Contains(text, id) || strings.Contains(html, id) {
					t.Errorf("the staff mail lists %s, beyond the %d listed", id, MaxListed)
				}
			}
			totals := fmt.Sprintf("%d cases need attention (%d overdue)", total, c.overdue)
			if subj != "privacyd: "+totals {
				t.Errorf("subject %q, want the totals %q", subj, totals)
			}
			if !strings.Contains(strings.Join(strings.Fields(text), " "), totals) { // wrapped at 72 columns
				t.Errorf("the text lacks the totals %q:\n%s", totals, text)
			}
			if c.moreText == "" {
				if strings.Contains(text, "more") || strings.Contains(html, "privacyd cases -status open") {
					t.Errorf("the mail says there are more:\n%s", text)
				}
			} else {
				if !strings.Contains(text, c.moreText) {
					t.Errorf("the text lacks %q:\n%s", c.moreText, text[max(0, len(text)-600):])
				}
				if !strings.Contains(html, c.moreHTMLish) || !strings.Contains(html, "privacyd cases -status open") {
					t.Errorf("the HTML does not say %q and how to list them", c.moreHTMLish)
				}
			}

			// Every case's warnings are recorded with the mail, listed or
			// not, and every case has its event.
			if got := countRows(t, tr, `SELECT COUNT(DISTINCT case_id) FROM warnings_sent WHERE message_id = ?`, res.MessageID); got != total {
				t.Errorf("warnings of %d cases recorded with the mail, want %d", got, total)
			}
			if got := countRows(t, tr, `SELECT COUNT(*) FROM warnings_sent WHERE kind = 'due' AND threshold = 'overdue' AND primary_`); got != c.overdue {
				t.Errorf("%d overdue warnings recorded, want %d", got, c.overdue)
			}
			if got := countRows(t, tr, `SELECT COUNT(*) FROM warnings_sent WHERE kind = 'identity'`); got != 2 {
				t.Errorf("%d identity warnings recorded, want 2", got)
			}
			if got := countRows(t, tr, `SELECT COUNT(DISTINCT case_id) FROM events WHERE type = 'warning_sent'`); got != total {
				t.Errorf("warning_sent events for %d cases, want %d", got, total)
			}
			if got := countRows(t, tr, `SELECT COUNT(*) FROM events WHERE type = 'warning_sent' AND new_value = 'due:overdue'`); got != c.overdue {
				t.Errorf("%d overdue events, want %d", got, c.overdue)
			}
			// Recorded: nothing left for a second sweep of the day.
			clk.Set(today.Add(time.Hour))
			if res, err := tr.Sweep(context.Background(), SweepOptions{}); err != nil || len(res.Warnings) != 0 || len(res.Listed) != 0 {
				t.Fatalf("second sweep of the day: %v, %d lines, %d listed", err, len(res.Warnings), len(res.Listed))
			}
		})
	}
}

// TestSweepReadsOpenIndex: the sweep reads the open cases through the
// partial index cases_open (schema v7), whose WHERE must stay openSQL: if
// OpenStatuses changes, so must the index, in a new migration.
func TestSweepReadsOpenIndex(t *testing.T) {
	tr := newSweepTracker(t, filepath.Join(t.TempDir(), "db"), clock.NewFake(local(2026, 4, 1, 9, 0)), nil)
	var sqlText string
	if err := tr.w.QueryRow(`SELECT sql FROM sqlite_schema WHERE name = 'cases_open'`).Scan(&sqlText); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(sqlText, "WHERE "+openSQL) {
		t.Errorf("cases_open is %q, want it to end in WHERE %s", sqlText, openSQL)
	}
	if _, err := tr.Sweep(context.Background(), SweepOptions{}); err != nil {
		t.Fatalf("sweep on an empty register: %v", err)
	}
}

// TestCasesInOrderOfReceipt: the register lists cases by receipt, then ID,
// whatever order they were stored in (the whole register is sorted after
// reading; a limited listing comes sorted from the index).
func TestCasesInOrderOfReceipt(t *testing.T) {
	tr := newSweepTracker(t, filepath.Join(t.TempDir(), "db"), clock.NewFake(local(2026, 5, 1, 9, 0)), nil)
	at := local(2026, 4, 3, 10, 0)
	// Stored in this order: received 2nd, 3rd (seq 9), 1st, 3rd (seq 3).
	insertCase(t, tr, 5, StatusInProgress, at.Add(time.Hour))
	insertCase(t, tr, 9, StatusCompleted, at.Add(2*time.Hour))
	insertCase(t, tr, 7, StatusInProgress, at)
	insertCase(t, tr, 3, StatusInProgress, at.Add(2*time.Hour))
	for _, c := range []struct {
		f    Filter
		want string
	}{
		{Filter{}, "DSR-2026-00007 DSR-2026-00005 DSR-2026-00003 DSR-2026-00009"},
		{Filter{Status: "open"}, "DSR-2026-00007 DSR-2026-00005 DSR-2026-00003"},
		{Filter{Limit: 3}, "DSR-2026-00007 DSR-2026-00005 DSR-2026-00003"},
		{Filter{ActiveSince: at.Add(90 * time.Minute)}, "DSR-2026-00007 DSR-2026-00005 DSR-2026-00003 DSR-2026-00009"},
	} {
		cs, err := tr.Cases(context.Background(), c.f)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, x := range cs {
			ids = append(ids, x.ID)
		}
		if got := strings.Join(ids, " "); got != c.want {
			t.Errorf("Cases(%+v) = %s, want %s", c.f, got, c.want)
		}
	}
}
