package tracker

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"privacyd/clock"
	"privacyd/templates"
)

var digestOut = flag.String("digest-out", "", "write the seeded digest's HTML and text to this path (.html, .txt) for review")

// seedDigest fills a register through Deliver and returns the case IDs by
// letter. See TestDigest for the figures it should give.
func seedDigest(t *testing.T) (*Tracker, *clock.Fake, map[string]string) {
	t.Helper()
	clk := clock.NewFake(time.Time{})
	tr := newSweepTracker(t, filepath.Join(t.TempDir(), "db"), clk, nil)
	const (
		access  = "Graag wil ik inzage in mijn persoonsgegevens op grond van artikel 15 AVG."
		erasure = "Please delete all my personal data under article 17 GDPR."
		both    = "Graag wil ik inzage in mijn persoonsgegevens op grond van artikel 15 AVG. Daarna wil ik dat u al mijn persoonsgegevens verwijdert (artikel 17 AVG)."
		dm      = "Please stop sending me advertising. I object to the use of my data for direct marketing."
	)
	seed := []struct {
		letter string
		at     time.Time
		body   string
	}{
		{"J", local(2025, 12, 1, 10, 0), access},
		{"A", local(2026, 1, 20, 10, 0), access},
		{"B", local(2026, 2, 2, 10, 0), erasure},
		{"C", local(2026, 3, 2, 10, 0), both},
		{"F", local(2026, 3, 5, 10, 0), access},
		{"G", local(2026, 3, 12, 10, 0), access},
		{"H", local(2026, 3, 16, 10, 0), access},
		{"D", local(2026, 4, 7, 10, 0), access},
		{"E", local(2026, 4, 9, 10, 0), dm},
		{"I", local(2026, 4, 10, 10, 0), access},
	}
	ids := map[string]string{}
	for i, s := range seed {
		deliver(t, tr, clk, uint32(i+1), s.at, requestMail(i+1, strings.ToLower(s.letter)+"@example.net", "Request "+s.letter, s.body))
		var id string
		if err := tr.w.QueryRow(`SELECT id FROM cases WHERE requester = ?`, strings.ToLower(s.letter)+"@example.net").Scan(&id); err != nil {
			t.Fatalf("case %s: %v", s.letter, err)
		}
		ids[s.letter] = id
	}
	closeCase := func(letter, status string, at time.Time) {
		mustExec(t, tr, `UPDATE cases SET status = ?, closed_at = ? WHERE id = ?`, status, fmtTime(at), ids[letter])
	}
	closeCase("J", StatusCompleted, local(2026, 1, 5, 12, 0))
	closeCase("A", StatusCompleted, local(2026, 2, 10, 12, 0))
	closeCase("B", StatusRefused, local(2026, 3, 10, 12, 0))
	closeCase("C", StatusCompleted, local(2026, 4, 8, 12, 0))
	closeCase("I", StatusNotARequest, local(2026, 4, 10, 12, 0))
	mustExec(t, tr, `UPDATE cases SET status = 'extended', extended = 1 WHERE id = ?`, ids["G"])
	mustExec(t, tr, `INSERT INTO events (case_id, at, actor, type, old_value, new_value) VALUES (?, ?, 'staff@example.org', 'changed_extended', '0', '1')`,
		ids["G"], fmtTime(local(2026, 4, 9, 15, 0)))
	mustExec(t, tr, `UPDATE cases SET status = 'awaiting_identity' WHERE id = ?`, ids["H"])
	return tr, clk, ids
}

// TestDigest checks the figures of a seeded register, derived by hand.
//
// Digest of Mon 13 April 2026: the week is Mon 6 to Sun 12 April; the
// twelve weeks start Mon 19 January. Cases (received → what happened):
//
//	J  1 Dec 2025   completed 5 Jan: outside every window
//	A 20 Jan  access        completed 10 Feb, due 20 Feb: on time, 21 days
//	B  2 Feb  erasure (en)  refused 10 Mar, due 2 Mar: late, 36 days
//	C  2 Mar  access+erasure completed 8 Apr (this week), due 2 Apr: late, 37 days
//	F  5 Mar  access        open, due Tue 7 Apr (5 Apr is a Sunday, 6 Apr Easter Monday): overdue 6 days
//	G 12 Mar  access        extended on 9 Apr (this week), due 12 Jun
//	H 16 Mar  access        awaiting identity, due Thu 16 Apr: 3 days left
//	D  7 Apr  access        open (this week)
//	E  9 Apr  object_direct_marketing (en), open (this week)
//	I 10 Apr  closed as not a request: not counted
func TestDigest(t *testing.T) {
	tr, _, ids := seedDigest(t)
	ctx := context.Background()
	// The seed is what the test assumes: the classifier's rights and languages.
	for letter, want := range map[string]string{"A": "access nl", "B": "erasure en", "C": "access,erasure nl",
		"E": "object_direct_marketing en", "F": "access nl"} {
		c, err := tr.Case(ctx, ids[letter])
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(c.Rights, ",") + " " + c.Language; got != want {
			t.Fatalf("seed case %s classified %q, want %q", letter, got, want)
		}
	}
	d, err := tr.Digest(ctx, local(2026, 4, 13, 8, 0))
	if err != nil {
		t.Fatal(err)
	}
	day := func(m time.Month, dd int) time.Time { return time.Date(2026, m, dd, 0, 0, 0, 0, time.UTC) }
	if !d.From.Equal(day(4, 6)) || !d.To.Equal(day(4, 12)) || !d.PeriodFrom.Equal(day(1, 19)) {
		t.Errorf("period %s..%s, twelve weeks from %s", d.From, d.To, d.PeriodFrom)
	}
	if d.Received != 2 || d.TwelveWeeks != 8 {
		t.Errorf("received %d this week, %d in 12 weeks; want 2, 8", d.Received, d.TwelveWeeks)
	}
	var weeks []int
	for _, w := range d.Weeks {
		weeks = append(weeks, w.Count)
	}
	if want := []int{1, 0, 1, 0, 0, 0, 2, 1, 1, 0, 0, 2}; !reflect.DeepEqual(weeks, want) || d.MaxWeek != 2 {
		t.Errorf("weeks %v (max %d), want %v (max 2)", weeks, d.MaxWeek, want)
	}
	if !d.Weeks[11].From.Equal(day(4, 6)) || !d.Weeks[11].To.Equal(day(4, 12)) {
		t.Errorf("last bar %s..%s", d.Weeks[11].From, d.Weeks[11].To)
	}
	wantOpen := []templates.Count{{Name: "awaiting_identity", Count: 1}, {Name: "in_progress", Count: 3},
		{Name: "extended", Count: 1}, {Name: "awaiting_payment", Count: 0}}
	if !reflect.DeepEqual(d.Open, wantOpen) || d.OpenTotal != 5 {
		t.Errorf("open %+v total %d", d.Open, d.OpenTotal)
	}
	wantDue := []templates.DigestCase{
		{CaseID: ids["F"], Rights: []string{"access"}, Status: "in_progress", Due: day(4, 7), DaysLeft: -6, Overdue: true},
		{CaseID: ids["H"], Rights: []string{"access"}, Status: "awaiting_identity", Due: day(4, 16), DaysLeft: 3},
	}
	if !reflect.DeepEqual(d.Due, wantDue) || d.Overdue != 1 {
		t.Errorf("due %+v overdue %d,\nwant %+v", d.Due, d.Overdue, wantDue)
	}
	if !reflect.DeepEqual(d.Extended, []string{ids["G"]}) || !reflect.DeepEqual(d.Completed, []string{ids["C"]}) || len(d.Refused) != 0 {
		t.Errorf("this week: extended %v completed %v refused %v", d.Extended, d.Completed, d.Refused)
	}
	if d.OnTime != 1 || d.OnTimeOf != 4 || d.OnTimePct != 25 {
		t.Errorf("on time %d of %d (%d%%), want 1 of 4 (25%%)", d.OnTime, d.OnTimeOf, d.OnTimePct)
	}
	if d.Closed90 != 3 || d.MedianDays != 36 || d.P90Days != 37 {
		t.Errorf("closed %d median %v p90 %d, want 3, 36, 37", d.Closed90, d.MedianDays, d.P90Days)
	}
	wantRights := []templates.PeriodCount{{Name: "access", Week: 1, Weeks: 6}, {Name: "erasure", Week: 0, Weeks: 2},
		{Name: "object_direct_marketing", Week: 1, Weeks: 1}}
	if !reflect.DeepEqual(d.PerRight, wantRights) {
		t.Errorf("per right %+v", d.PerRight)
	}
	wantLangs := []templates.PeriodCount{{Name: "nl", Week: 1, Weeks: 6}, {Name: "en", Week: 1, Weeks: 2}}
	if !reflect.DeepEqual(d.PerLanguage, wantLangs) {
		t.Errorf("per language %+v", d.PerLanguage)
	}

	for _, lang := range []string{"en", "nl"} {
		d.Lang = lang
		m, err := tr.RenderDigest(d)
		if err != nil {
			t.Fatal(err)
		}
		// Case IDs and rights only: no requester addresses or names.
		for _, part := range []string{m.Subject, m.Text, m.HTML} {
			if strings.Contains(part, "@example.net") || strings.Contains(part, "Customer ") {
				t.Errorf("%s digest names a requester:\n%s", lang, part)
			}
		}
		if !strings.Contains(m.Text, ids["F"]) || !strings.Contains(m.HTML, ids["F"]) {
			t.Errorf("%s digest lacks the overdue case", lang)
		}
		// The chart: 40 columns for the largest week, one bar per week.
		if !strings.Contains(m.Text, "04-06    2  "+strings.Repeat("#", 40)+"\n") || !strings.Contains(m.Text, "02-02    1  "+strings.Repeat("#", 20)+"\n") {
			t.Errorf("%s text chart:\n%s", lang, m.Text)
		}
		if n := strings.Count(m.HTML, `bgcolor="#2563eb"`); n != 6 {
			t.Errorf("%s HTML has %d bars, want 6 (weeks with requests)", lang, n)
		}
		if !strings.Contains(m.HTML, `<tr style="color:#b91c1c;">`) {
			t.Errorf("%s HTML: the overdue row is not red", lang)
		}
		for _, l := range strings.Split(m.Text, "\n") {
			if len([]rune(l)) > 72 {
				t.Errorf("%s text line longer than 72: %q", lang, l)
			}
		}
		if *digestOut != "" {
			base := strings.TrimSuffix(*digestOut, filepath.Ext(*digestOut)) + "." + lang
			os.WriteFile(base+".html", []byte(m.HTML), 0o644)
			os.WriteFile(base+".txt", []byte("Subject: "+m.Subject+"\n\n"+m.Text), 0o644)
		}
	}
}

// TestSendDigest: once per week, also across restarts; a new week sends again.
func TestSendDigest(t *testing.T) {
	tr, clk, _ := seedDigest(t)
	ctx := context.Background()
	slot := local(2026, 4, 13, 8, 0)
	clk.Set(slot)
	for i, want := range []bool{true, false} {
		sent, err := tr.SendDigest(ctx, slot)
		if err != nil || sent != want {
			t.Fatalf("SendDigest #%d = %v, %v; want %v", i+1, sent, err, want)
		}
	}
	// Caught up later the same week for the same slot: still once.
	clk.Set(local(2026, 4, 14, 10, 0))
	if sent, err := tr.SendDigest(ctx, slot); err != nil || sent {
		t.Fatalf("catch-up of a sent slot: %v, %v", sent, err)
	}
	var to, aud, subj, text, html string
	if err := tr.w.QueryRow(`SELECT to_addrs, audience, subject, text, html FROM outbox WHERE kind = ?`, templates.Digest).
		Scan(&to, &aud, &subj, &text, &html); err != nil {
		t.Fatal(err)
	}
	if to != `["`+testOwner+`"]` || aud != AudienceOwner {
		t.Errorf("digest to %s audience %s", to, aud)
	}
	if subj != "Privacy requests 2026-04-06 to 2026-04-12: 2 new, 5 open, 1 OVERDUE" {
		t.Errorf("subject %q", subj)
	}
	if text == "" || !strings.Contains(html, "<html") {
		t.Errorf("digest parts missing")
	}
	next := local(2026, 4, 20, 8, 0)
	clk.Set(next)
	if sent, err := tr.SendDigest(ctx, next); err != nil || !sent {
		t.Fatalf("next week: %v, %v", sent, err)
	}
	if n := countOutbox(t, tr, templates.Digest); n != 2 {
		t.Errorf("digests queued: %d, want 2", n)
	}
}

func TestStats(t *testing.T) {
	tr, clk, _ := seedDigest(t)
	clk.Set(local(2026, 4, 13, 8, 0))
	s, err := tr.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// Ten request mails, all opened cases; F (due 7 April) is the one overdue
	// open case; G is extended to June.
	if s.MailsByKind["request"] != 10 || s.MailsByDisposition[DispNewCase] != 10 {
		t.Errorf("mails %v %v", s.MailsByKind, s.MailsByDisposition)
	}
	want := map[string]int{"awaiting_identity": 1, "in_progress": 3, "extended": 1, "awaiting_payment": 0,
		"completed": 3, "refused": 1, "withdrawn": 0, "not_a_request": 1}
	if !reflect.DeepEqual(s.CasesByStatus, want) || s.Overdue != 1 {
		t.Errorf("cases %v overdue %d", s.CasesByStatus, s.Overdue)
	}
	// Every case got an acknowledgement and a staff notification, none sent.
	if s.Outbox.Pending != 20 || s.Outbox.Sent != 0 || s.Outbox.OldestPending.IsZero() {
		t.Errorf("outbox %+v", s.Outbox)
	}
}
