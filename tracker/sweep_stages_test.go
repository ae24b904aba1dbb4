package tracker

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"privacyd/clock"
	"privacyd/templates"
)

// sweepAt runs the sweep with the clock at at.
func sweepAt(t *testing.T, tr *Tracker, clk *clock.Fake, at time.Time) SweepResult {
	t.Helper()
	clk.Set(at)
	res, err := tr.Sweep(context.Background(), SweepOptions{})
	if err != nil {
		t.Fatalf("%s: %v", at.Format("2006-01-02 15:04"), err)
	}
	return res
}

func recorded(t *testing.T, tr *Tracker, caseID string) string {
	t.Helper()
	rows, err := tr.w.Query(`SELECT kind || ':' || threshold FROM warnings_sent WHERE case_id = ? ORDER BY rowid`, caseID)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

// TestSweepSuperseded: the first sweep of a case one working day before
// its due date records only before:1 (7 and 3 are superseded), and no
// later sweep sends 7 or 3 after all: the stages only advance. Received
// Fri 3 April 2026, due Mon 4 May (see TestSweepEaster); first swept Fri 1
// May; 5 May is a holiday, so the first overdue day with mail is Wed 6 May.
func TestSweepSuperseded(t *testing.T) {
	clk := clock.NewFake(time.Time{})
	tr := newSweepTracker(t, filepath.Join(t.TempDir(), "db"), clk, nil)
	id := insertCase(t, tr, 1, StatusInProgress, local(2026, 4, 3, 10, 0))
	want := map[int]string{ // day of May → the line
		1: "due in 1 working day; decide now whether to extend: after Mon 2026-05-04 the law no longer allows it",
		4: "due today; last day to extend: after today the law no longer allows it",
		6: "overdue since Tue 2026-05-05, 2 days",
		7: "overdue since Tue 2026-05-05, 3 days",
		8: "overdue since Tue 2026-05-05, 4 days",
	}
	for d := 1; d <= 8; d++ {
		for _, h := range []int{8, 15} { // a second sweep the same day sends nothing
			res := sweepAt(t, tr, clk, local(2026, 5, d, h, 0))
			got := ""
			if len(res.Warnings) == 1 {
				got = res.Warnings[0].What
			}
			if w := want[d]; h == 15 && got != "" || h == 8 && (got != w || len(res.Warnings) > 1) {
				t.Errorf("May %d %02d:00: %d lines %q, want %q", d, h, len(res.Warnings), got, w)
			}
			if h == 8 && d >= 7 && (res.Daily != 1 || res.Recorded != 0) {
				t.Errorf("May %d: daily %d, recorded %d; want the daily reminder, nothing recorded", d, res.Daily, res.Recorded)
			}
		}
	}
	if got, want := recorded(t, tr, id), "due:before:1 extension:window due:due_day due:overdue"; got != want {
		t.Errorf("recorded %q, want %q", got, want)
	}
	// The case history: one event per new warning, the overdue one saying
	// that the daily mail goes on; no event for the daily reminders.
	var evs []string
	d, err := tr.Detail(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range d.Events {
		if e.Type == "warning_sent" {
			evs = append(evs, e.NewValue)
			if e.NewValue == "due:overdue" && (!strings.HasPrefix(e.Detail, "due:overdue — overdue since Tue 2026-05-05, 2 days; ") ||
				!strings.Contains(e.Detail, "every working day")) {
				t.Errorf("overdue event detail %q", e.Detail)
			}
		}
	}
	if got, want := strings.Join(evs, " "), "due:before:1 due:due_day due:overdue"; got != want {
		t.Errorf("warning_sent events %q, want %q", got, want)
	}
	if got := countOutbox(t, tr, templates.StaffWarnings); got != len(want) {
		t.Errorf("%d staff mails, want %d", got, len(want))
	}
}

// TestSweepDailyCatchUp: the daily reminder of the overdue cases goes once
// a working day, also across a restart; after missed days one sweep lists
// each case once; a case that turns up overdue after the day's reminder
// (a request read late) is warned at the next sweep that day, alone.
func TestSweepDailyCatchUp(t *testing.T) {
	path := filepath.Join(t.TempDir(), "db")
	clk := clock.NewFake(time.Time{})
	tr := newSweepTracker(t, path, clk, nil)
	a := insertCase(t, tr, 1, StatusInProgress, local(2026, 9, 1, 10, 0)) // due Thu 1 October
	b := insertCase(t, tr, 2, StatusInProgress, local(2026, 9, 2, 10, 0)) // due Fri 2 October
	if res := sweepAt(t, tr, clk, local(2026, 10, 12, 8, 0)); len(res.Warnings) != 2 || res.Recorded != 2 || res.Daily != 0 {
		t.Fatalf("Mon 12 Oct: %d lines, %d recorded, %d daily; want 2, 2, 0", len(res.Warnings), res.Recorded, res.Daily)
	}
	tr.Close()
	// Down Tuesday and Wednesday; up Thursday twice. Case 1 is then 14
	// days past its due date (1 to 15 October).
	for start := range 2 {
		tr = newSweepTracker(t, path, clk, nil)
		res := sweepAt(t, tr, clk, local(2026, 10, 15, 9+start, 0))
		tr.Close()
		if want := 2 * (1 - start); len(res.Warnings) != want || res.Daily != want || res.Recorded != 0 {
			t.Fatalf("Thu 15 Oct, start %d: %d lines, %d daily, %d recorded; want %d, %d, 0", start+1, len(res.Warnings), res.Daily, res.Recorded, want, want)
		}
	}
	tr = newSweepTracker(t, path, clk, nil)
	var texts []string
	if err := func() error {
		rows, err := tr.w.Query(`SELECT text FROM outbox WHERE kind = ? ORDER BY id`, templates.StaffWarnings)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				return err
			}
			texts = append(texts, s)
		}
		return rows.Err()
	}(); err != nil {
		t.Fatal(err)
	}
	if len(texts) != 2 {
		t.Fatalf("%d staff mails, want 2 (Monday, Thursday)", len(texts))
	}
	for _, id := range []string{a, b} {
		if n := strings.Count(texts[1], id); n != 1 {
			t.Errorf("Thursday's mail names %s %d times, want once", id, n)
		}
	}
	if !strings.Contains(texts[1], a+"  OVERDUE: overdue since Fri 2026-10-02, 14 days") {
		t.Errorf("Thursday's mail:\n%s", texts[1])
	}
	// Read late, registered at noon, already overdue: warned at 13:00, alone.
	c := insertCase(t, tr, 3, StatusInProgress, local(2026, 9, 3, 10, 0))
	res := sweepAt(t, tr, clk, local(2026, 10, 15, 13, 0))
	if len(res.Warnings) != 1 || res.Warnings[0].CaseID != c || res.Recorded != 1 || res.Daily != 0 {
		t.Fatalf("Thu 13:00: %+v, recorded %d, daily %d; want case %s alone", res.Warnings, res.Recorded, res.Daily, c)
	}
	// Friday: all three, as the daily reminder.
	if res := sweepAt(t, tr, clk, local(2026, 10, 16, 8, 0)); len(res.Warnings) != 3 || res.Daily != 3 || res.Recorded != 0 {
		t.Fatalf("Fri 16 Oct: %d lines, %d daily, %d recorded; want 3, 3, 0", len(res.Warnings), res.Daily, res.Recorded)
	}
}

// TestSweepMigrationV8: a register swept before schema v8 has a row
// overdue:<date> for every day a case was warned. After the upgrade its
// earliest counts as the overdue stage and the latest day as the day of the
// last daily reminder: a sweep later that day repeats nothing, the next
// working day sends the daily reminder, and nothing new is recorded.
func TestSweepMigrationV8(t *testing.T) {
	path := filepath.Join(t.TempDir(), "db")
	clk := clock.NewFake(local(2026, 10, 13, 8, 0))
	tr := newSweepTracker(t, path, clk, nil)
	id := insertCase(t, tr, 1, StatusInProgress, local(2026, 9, 1, 10, 0)) // due Thu 1 October
	// Back to v7, as the old sweep left it on Mon 12 and Tue 13 October.
	mustExec(t, tr, `DELETE FROM kv WHERE key = ?`, sweepDailyKey)
	for _, d := range []string{"2026-10-12", "2026-10-13"} {
		mustExec(t, tr, `INSERT INTO warnings_sent (case_id, kind, threshold, for_date, sent_on, created_at, primary_, message_id)
			VALUES (?, 'due', ?, '2026-10-01', ?, ?, 1, ?)`, id, "overdue:"+d, d, d+"T06:00:00.000000000Z", "m-"+d+"@example.org")
	}
	mustExec(t, tr, `ALTER TABLE outbox DROP COLUMN in_doubt; DROP INDEX outbox_identity; DROP INDEX events_fee; PRAGMA user_version = 7`)
	tr.Close()

	tr = newSweepTracker(t, path, clk, nil)
	var sentOn, msgID string
	if err := tr.w.QueryRow(`SELECT sent_on, message_id FROM warnings_sent WHERE case_id = ? AND kind = 'due' AND threshold = 'overdue'`, id).
		Scan(&sentOn, &msgID); err != nil || sentOn != "2026-10-12" || msgID != "m-2026-10-12@example.org" {
		t.Errorf("the overdue stage: sent %s in %s (%v); want the first day's", sentOn, msgID, err)
	}
	var last string
	if err := tr.w.QueryRow(`SELECT value FROM kv WHERE key = ?`, sweepDailyKey).Scan(&last); err != nil || last != "2026-10-13" {
		t.Errorf("last daily reminder %q (%v), want 2026-10-13", last, err)
	}
	if res := sweepAt(t, tr, clk, local(2026, 10, 13, 16, 0)); len(res.Warnings) != 0 {
		t.Errorf("Tue 13 Oct, after the upgrade: %+v, want nothing", res.Warnings)
	}
	if res := sweepAt(t, tr, clk, local(2026, 10, 14, 8, 0)); len(res.Warnings) != 1 || res.Daily != 1 || res.Recorded != 0 {
		t.Errorf("Wed 14 Oct: %d lines, %d daily, %d recorded; want 1, 1, 0", len(res.Warnings), res.Daily, res.Recorded)
	}
	if got := countRows(t, tr, `SELECT COUNT(*) FROM warnings_sent`); got != 3 {
		t.Errorf("%d warnings_sent rows, want 3 (the two old, the stage)", got)
	}
}

// TestSweepReminderBatch: the sweep queues its identity reminders in one
// batch, as mailCustomer would one by one: the per-sender cap counts the
// reminders of the same sweep (a second case of the same customer is held
// back, with a mail_suppressed event, not recorded, and reminded the next
// day), each reminder is threaded to the customer's latest mail in the case
// and has its mail_queued event naming its Message-ID.
func TestSweepReminderBatch(t *testing.T) {
	clk := clock.NewFake(time.Time{})
	tr := newSweepTracker(t, filepath.Join(t.TempDir(), "db"), clk, func(o *Options) {
		o.IdentityCheck = "always"
		o.AutoMailsPerSender = 1
	})
	body := "Graag wil ik inzage in mijn persoonsgegevens op grond van artikel 15 AVG."
	deliver(t, tr, clk, 1, local(2026, 4, 6, 10, 0), requestMail(1, "anna@example.net", "Inzage", body))
	deliver(t, tr, clk, 2, local(2026, 4, 7, 11, 0), requestMail(2, "anna@example.net", "Inzage 2", body))
	deliver(t, tr, clk, 3, local(2026, 4, 7, 12, 0), requestMail(3, "carl@example.net", "Inzage", body))
	cs, err := tr.Cases(context.Background(), Filter{})
	if err != nil || len(cs) != 3 {
		t.Fatalf("%d cases (%v)", len(cs), err)
	}
	a, b, c := cs[0], cs[1], cs[2]
	// Carl wrote again in his case.
	mustExec(t, tr, `INSERT INTO messages (case_id, mailbox, uidvalidity, uid, message_id, sha256, internal_date, from_addr, from_name,
		date_hdr, subject, kind, language, rights, classification, disposition, size, processed_at)
		VALUES (?, 'INBOX', 1, 9, 'carl-2@example.net', 'x', ?, 'carl@example.net', 'Carl', '', 'Re: Inzage', 'request', 'nl', '', '{}', 'x', 1, ?)`,
		c.ID, fmtTime(local(2026, 4, 8, 9, 0)), fmtTime(local(2026, 4, 8, 9, 0)))

	o := SweepOptions{IdentityReminderDays: 7, IdentityWaitDays: 30}
	clk.Set(local(2026, 4, 14, 8, 0)) // 7 days after all three identity mails
	res, err := tr.Sweep(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if res.Reminders != 2 || res.Recorded != 2 {
		t.Fatalf("14 April: %d reminders, %d recorded; want 2, 2 (Anna's second held back)", res.Reminders, res.Recorded)
	}
	type mail struct{ caseID, to, inReplyTo, refs, msgID string }
	reminders := func() map[string]mail {
		rows, err := tr.w.Query(`SELECT case_id, to_addrs, in_reply_to, refs, message_id FROM outbox WHERE kind = ?`, templates.IdentityReminder)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		out := map[string]mail{}
		for rows.Next() {
			var m mail
			if err := rows.Scan(&m.caseID, &m.to, &m.inReplyTo, &m.refs, &m.msgID); err != nil {
				t.Fatal(err)
			}
			out[m.caseID] = m
		}
		return out
	}
	got := reminders()
	if m := got[a.ID]; m.to != `["anna@example.net"]` || m.inReplyTo != "req-1@example.net" || m.refs != "req-1@example.net" {
		t.Errorf("Anna's reminder: %+v", m)
	}
	if m := got[c.ID]; m.to != `["carl@example.net"]` || m.inReplyTo != "carl-2@example.net" || m.refs != "req-3@example.net carl-2@example.net" {
		t.Errorf("Carl's reminder: %+v, want it threaded to his latest mail", m)
	}
	if _, ok := got[b.ID]; ok {
		t.Errorf("Anna's second case reminded past the cap")
	}
	events := func(id, typ string) []string {
		d, err := tr.Detail(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range d.Events {
			if e.Type == typ {
				out = append(out, e.NewValue+" "+e.Detail)
			}
		}
		return out
	}
	for _, x := range []*Case{a, c} {
		if evs := events(x.ID, "mail_queued"); len(evs) != 2 || evs[1] != templates.IdentityReminder+" "+got[x.ID].msgID {
			t.Errorf("%s: mail_queued events %q, the last should name the reminder %s", x.ID, evs, got[x.ID].msgID)
		}
	}
	if evs := events(b.ID, "mail_suppressed"); len(evs) != 1 || !strings.Contains(evs[0], "identity_reminder: per-sender cap") {
		t.Errorf("%s: mail_suppressed events %q", b.ID, evs)
	}
	// The next day Anna's second case is reminded; nobody else again.
	clk.Set(local(2026, 4, 15, 8, 0))
	if res, err := tr.Sweep(context.Background(), o); err != nil || res.Reminders != 1 || res.Recorded != 1 {
		t.Fatalf("15 April: %v, %d reminders, %d recorded; want 1, 1", err, res.Reminders, res.Recorded)
	}
	if got := reminders(); len(got) != 3 || got[b.ID].inReplyTo != "req-2@example.net" {
		t.Errorf("reminders %+v", got)
	}
}

// TestSweepPageCache: the sweep enlarges the page cache of the writer's
// connection (the only one) for itself and sets it back; it turns the
// foreign-key checks off for itself, and on again.
func TestSweepPageCache(t *testing.T) {
	clk := clock.NewFake(time.Time{})
	tr := newSweepTracker(t, filepath.Join(t.TempDir(), "db"), clk, nil)
	insertCase(t, tr, 1, StatusInProgress, local(2026, 4, 3, 10, 0))
	cache := func() int {
		var n int
		if err := tr.w.QueryRow(`PRAGMA cache_size`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := cache()
	if before == -sweepCacheKiB {
		t.Fatalf("the cache is already %d", before)
	}
	if res := sweepAt(t, tr, clk, local(2026, 5, 6, 8, 0)); len(res.Warnings) != 1 {
		t.Fatalf("%d lines, want 1", len(res.Warnings))
	}
	if got := cache(); got != before {
		t.Errorf("cache_size %d after the sweep, want %d", got, before)
	}
	if got := countRows(t, tr, `SELECT COUNT(*) FROM pragma_foreign_key_check`); got != 0 {
		t.Errorf("%d foreign key violations", got)
	}
	if got := countRows(t, tr, `PRAGMA foreign_keys`); got != 1 {
		t.Errorf("foreign_keys %d after the sweep, want 1", got)
	}
	if _, err := tr.w.Exec(`INSERT INTO events (case_id, at, actor, type) VALUES ('DSR-1999-99999', '', 'x', 'x')`); err == nil {
		t.Error("an event for a case that does not exist was written after the sweep")
	}
}

// TestSweepQueryPlan: the sweep's query reads the open cases through
// cases_open (TestSweepReadsOpenIndex), the identity mail's and the fee's
// dates through the partial indexes of schema v8 (it must name their WHERE
// literally), and the recorded stages from warnings_sent's index only.
func TestSweepQueryPlan(t *testing.T) {
	tr := newSweepTracker(t, filepath.Join(t.TempDir(), "db"), clock.NewFake(local(2026, 4, 1, 9, 0)), nil)
	all := strings.Join(queryPlan(t, tr, sweepCasesSQL, StatusAwaitingIdentity, StatusAwaitingPayment), "\n")
	for _, want := range []string{"USING COVERING INDEX cases_open", "USING COVERING INDEX outbox_identity",
		"USING COVERING INDEX events_fee", "USING COVERING INDEX sqlite_autoindex_warnings_sent_1"} {
		if !strings.Contains(all, want) {
			t.Errorf("the plan does not use %q:\n%s", want, all)
		}
	}
}
