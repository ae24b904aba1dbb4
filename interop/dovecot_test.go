package interop_test

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"privacyd/internal/smtptest"
	"privacyd/message"
	"privacyd/tracker"
)

var amsterdam = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		panic(err)
	}
	return loc
}()

// checkAnswered checks that each request got exactly one threaded,
// automatic mail naming its case, and returns the cases by request
// Message-ID.
func checkAnswered(t *testing.T, s *smtptest.Server, cases []*tracker.Case, reqs []request) map[string]*tracker.Case {
	t.Helper()
	byMsgID := map[string]*tracker.Case{}
	for _, c := range cases {
		if prev, dup := byMsgID[c.MessageID]; dup {
			t.Errorf("cases %s and %s both for request %s", prev.ID, c.ID, c.MessageID)
		}
		byMsgID[c.MessageID] = c
	}
	for _, r := range reqs {
		c, ok := byMsgID[r.msgID]
		if !ok {
			t.Errorf("no case for the request from %s (%q)", r.addr, r.subject)
			continue
		}
		if c.Requester != r.addr {
			t.Errorf("%s: requester %q, want %q", c.ID, c.Requester, r.addr)
		}
		if c.Language != r.lang {
			t.Errorf("%s (%q): language %q, want %q", c.ID, r.subject, c.Language, r.lang)
		}
		if !slices.Contains(c.Rights, r.right) {
			t.Errorf("%s (%q): rights %v lack %s", c.ID, r.subject, c.Rights, r.right)
		}
		got := sentTo(s, r.addr)
		if len(got) != 1 {
			t.Errorf("%s got %d mails, want exactly one (acknowledgement or identity check)", r.addr, len(got))
			continue
		}
		m := got[0]
		if v := m.Header.Get("Auto-Submitted"); v != "auto-replied" {
			t.Errorf("%s: Auto-Submitted %q, want auto-replied", c.ID, v)
		}
		if v := m.Header.Get("In-Reply-To"); v != "<"+r.msgID+">" {
			t.Errorf("%s: In-Reply-To %q, want <%s>", c.ID, v, r.msgID)
		}
		if v := m.Header.Get("References"); !slices.Contains(strings.Fields(v), "<"+r.msgID+">") {
			t.Errorf("%s: References %q lack <%s>", c.ID, v, r.msgID)
		}
		p := message.Parse(m.Raw, message.Options{})
		if !strings.HasPrefix(p.Subject, "Re:") || !strings.Contains(p.Subject, "["+c.ID+"]") {
			t.Errorf("%s: subject %q, want Re: ... [%s]", c.ID, p.Subject, c.ID)
		}
		if p.From == nil || p.From.Address != privacyAddr {
			t.Errorf("%s: From %v, want %s", c.ID, p.From, privacyAddr)
		}
	}
	return byMsgID
}

// TestDovecotRequestsAutoRepliesAndBounce is the black-box check of issue 2
// against a real Dovecot: 20 requests in Dutch and English, two
// auto-replies and a bounce appended by an ordinary IMAP client give 20
// cases, one threaded automatic answer per request, 20 staff notifications,
// nothing to the machines, $privacyd on every message, and nothing twice
// after a restart.
func TestDovecotRequestsAutoRepliesAndBounce(t *testing.T) {
	e := newEnv(t, "")
	base := time.Date(2026, 3, 5, 9, 30, 0, 0, amsterdam)
	reqs := requests(base)
	autos, machines := automatic(base.Add(time.Hour))
	// Interleave the machines with the requests, as a real mailbox would.
	for i, r := range reqs {
		e.append(r.raw, base.Add(time.Duration(i)*17*time.Minute))
		if i%7 == 3 {
			e.append(autos[i/7], base.Add(time.Duration(i)*17*time.Minute+time.Minute))
		}
	}
	if n := e.processAll(); n != 23 {
		t.Errorf("reader delivered %d messages, want 23", n)
	}

	cases := e.Cases()
	if len(cases) != 20 {
		t.Fatalf("%d cases, want 20", len(cases))
	}
	byMsgID := checkAnswered(t, e.SMTP, cases, reqs)
	first := byMsgID[reqs[0].msgID]
	if !first.ReceivedAt.Equal(base) {
		t.Errorf("%s received_at %s, want the INTERNALDATE %s", first.ID, first.ReceivedAt, base)
	}
	// 5 March 2026 + 1 month = Sunday 5 April (Easter), Monday 6 April is
	// Easter Monday: due Tuesday 7 April.
	if first.Due != "2026-04-07" {
		t.Errorf("%s due %s, want 2026-04-07", first.ID, first.Due)
	}
	staff := sentTo(e.SMTP, staffAddr)
	if len(staff) != 20 {
		t.Errorf("staff got %d notifications, want 20", len(staff))
	}
	notified := map[string]bool{}
	for _, m := range staff {
		p := message.Parse(m.Raw, message.Options{})
		for _, c := range cases {
			if strings.Contains(p.Subject, c.ID) {
				notified[c.ID] = true
			}
		}
	}
	if len(notified) != 20 {
		t.Errorf("staff notifications name %d distinct cases, want 20", len(notified))
	}
	for _, a := range machines {
		if n := len(sentTo(e.SMTP, a)); n != 0 {
			t.Errorf("%s (auto-reply or bounce) got %d mails, want none", a, n)
		}
	}
	if n := len(e.SMTP.Messages()); n != 40 {
		t.Errorf("%d mails sent in all, want 40", n)
	}
	msgs, err := e.dc.Messages("INBOX")
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 23 {
		t.Errorf("INBOX holds %d messages, want all 23 (privacyd never deletes)", len(msgs))
	}
	for _, m := range msgs {
		if !m.Has("$privacyd") {
			t.Errorf("uid %d (%s) lacks $privacyd", m.UID, m.MessageID)
		}
	}

	// Restart: nothing is handled or sent twice.
	e.Restart()
	if n := e.processAll(); n != 0 {
		t.Errorf("after restart the reader delivered %d messages, want 0", n)
	}
	if n := len(e.Cases()); n != 20 {
		t.Errorf("after restart %d cases, want 20", n)
	}
	if n := len(e.SMTP.Messages()); n != 40 {
		t.Errorf("after restart %d mails sent in all, want still 40", n)
	}
}

// TestDovecotIdle runs privacyd (Run: IDLE, no polling in the meantime)
// and appends requests one by one while it waits: each is answered. It
// reports the median time from APPEND to the acknowledgement at the SMTP
// sink (issue 6 target: under 2 s).
func TestDovecotIdle(t *testing.T) {
	// poll_interval 1h: a mail answered within the test came through IDLE.
	e := newEnv(t, "  idle: true\n  poll_interval: 1h")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- e.D.Run(ctx) }()
	defer func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run returned %v after cancel", err)
			}
		case <-time.After(15 * time.Second):
			t.Error("Run did not stop after cancel")
		}
	}()
	waitFor(t, 10*time.Second, "the first pass", func() bool { return !e.D.LastPoll().IsZero() })

	n := 10
	if ciScale() {
		n = 50
	}
	var lat []time.Duration
	for i := range n {
		addr := fmt.Sprintf("idle%02d@example.net", i)
		id := fmt.Sprintf("idle%02d.%d@example.net", i, time.Now().UnixNano())
		raw := plainUTF8(hdr("Idle Tester <"+addr+">", "Inzageverzoek", id, time.Now()),
			"Beste,\n\nGraag wil ik inzage in de persoonsgegevens die u van mij verwerkt (artikel 15 AVG).\n\nGroet")
		start := time.Now()
		if _, err := e.dc.Append("INBOX", []byte(raw), time.Time{}); err != nil {
			t.Fatal(err)
		}
		var ack smtptest.Message
		waitFor(t, 30*time.Second, "the acknowledgement of "+addr, func() bool {
			got := sentTo(e.SMTP, addr)
			if len(got) > 0 {
				ack = got[0]
			}
			return len(got) > 0
		})
		lat = append(lat, time.Since(start))
		if v := ack.Header.Get("In-Reply-To"); v != "<"+id+">" {
			t.Errorf("%s: In-Reply-To %q", addr, v)
		}
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	t.Logf("IDLE: new mail to acknowledgement at the SMTP sink over %d mails: median %v, min %v, max %v",
		n, lat[n/2].Round(time.Millisecond), lat[0].Round(time.Millisecond), lat[n-1].Round(time.Millisecond))
	if got := len(e.Cases()); got != n {
		t.Errorf("%d cases, want %d", got, n)
	}
}

// waitFor polls cond every 20 ms until it holds or timeout passes (the
// daemon under test runs on real time against a real server).
func waitFor(t *testing.T, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", timeout, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestDovecotProcessedMailboxMove: with imap.processed_mailbox set, every
// handled message ends up in that mailbox (Dovecot has MOVE), none is lost,
// nothing is handled twice, and new mail after a restart is moved too.
func TestDovecotProcessedMailboxMove(t *testing.T) {
	e := newEnv(t, "  processed_mailbox: Verwerkt")
	base := time.Date(2026, 5, 11, 8, 0, 0, 0, amsterdam)
	reqs := requests(base)[:12]
	autos, _ := automatic(base)
	want := map[string]bool{}
	for i, r := range reqs {
		e.append(r.raw, base.Add(time.Duration(i)*time.Minute))
		want[r.msgID] = true
	}
	e.append(autos[0], base.Add(time.Hour))
	want[fmt.Sprintf("ooo-nl.%d@example.net", base.Add(time.Hour).Unix())] = true
	e.processAll()

	inbox, err := e.dc.Messages("INBOX")
	if err != nil {
		t.Fatal(err)
	}
	if len(inbox) != 0 {
		t.Errorf("INBOX still holds %d messages after processing, want 0", len(inbox))
	}
	moved, err := e.dc.Messages("Verwerkt")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, m := range moved {
		if got[m.MessageID] {
			t.Errorf("%s is in Verwerkt twice", m.MessageID)
		}
		got[m.MessageID] = true
	}
	if len(moved) != len(want) {
		t.Errorf("Verwerkt holds %d messages, want %d", len(moved), len(want))
	}
	for id := range want {
		if !got[id] && !strings.HasPrefix(id, "ooo-nl") {
			t.Errorf("request %s is neither in INBOX nor in Verwerkt: lost", id)
		}
	}
	if len(e.Cases()) != 12 {
		t.Errorf("%d cases, want 12", len(e.Cases()))
	}
	sent := len(e.SMTP.Messages())

	e.Restart()
	later := requests(base.Add(24 * time.Hour))[12:14]
	for _, r := range later {
		e.append(r.raw, base.Add(24*time.Hour))
	}
	if n := e.processAll(); n != 2 {
		t.Errorf("after restart the reader delivered %d messages, want the 2 new ones", n)
	}
	if n := len(e.Cases()); n != 14 {
		t.Errorf("%d cases after restart, want 14", n)
	}
	if n := len(e.SMTP.Messages()) - sent; n != 4 {
		t.Errorf("%d mails sent after restart, want 4 (two acknowledgements, two notifications)", n)
	}
	if inbox, _ := e.dc.Messages("INBOX"); len(inbox) != 0 {
		t.Errorf("INBOX holds %d messages, want 0", len(inbox))
	}
	if moved, _ := e.dc.Messages("Verwerkt"); len(moved) != 15 {
		t.Errorf("Verwerkt holds %d messages, want 15", len(moved))
	}
}

// TestDovecotUIDValidityChange: Dovecot renumbers the mailbox (its UID list
// and indexes rebuilt, as after a migration) under a new UIDVALIDITY:
// privacyd reads the mailbox again and handles only what is new.
func TestDovecotUIDValidityChange(t *testing.T) {
	e := newEnv(t, "")
	base := time.Date(2026, 6, 1, 10, 0, 0, 0, amsterdam)
	reqs := requests(base)
	for _, r := range reqs[:5] {
		e.append(r.raw, base)
	}
	e.processAll()
	sent := len(e.SMTP.Messages())
	if sent != 10 {
		t.Fatalf("%d mails for 5 requests, want 10", sent)
	}
	old, cur, err := e.dc.ResetUIDValidity("INBOX")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("UIDVALIDITY %d -> %d", old, cur)
	e.append(reqs[5].raw, base.Add(time.Hour))
	if n := e.processAll(); n != 6 {
		t.Errorf("reader delivered %d messages after the change, want all 6 again", n)
	}
	if n := len(e.Cases()); n != 6 {
		t.Errorf("%d cases, want 6 (five old, one new)", n)
	}
	if n := len(e.SMTP.Messages()) - sent; n != 2 {
		t.Errorf("%d mails sent after the change, want 2 (for the new request only)", n)
	}
	if got := sentTo(e.SMTP, reqs[5].addr); len(got) != 1 {
		t.Errorf("the new requester got %d mails, want 1", len(got))
	}
	msgs, _ := e.dc.Messages("INBOX")
	for _, m := range msgs {
		if !m.Has("$privacyd") {
			t.Errorf("uid %d lacks $privacyd after the change", m.UID)
		}
	}
}
