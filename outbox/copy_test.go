package outbox

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"privacyd/clock"
	"privacyd/internal/smtptest"
)

const ownAddr = "privacy@example.org"

// TestSenderCopyToSelf: with CopyTo, every mail goes to the own mailbox as
// an envelope recipient that no header names, and the queue hears of each
// mail just before it is handed over.
func TestSenderCopyToSelf(t *testing.T) {
	srv := smtptest.Start(t, smtptest.Config{})
	q := &memQueue{}
	q.add(testMail(1), t0)
	m2 := testMail(2)
	m2.Attempts = 3
	q.add(m2, t0)
	cfg := plainConfig(srv)
	cfg.CopyTo = ownAddr
	s := NewSender(cfg, q, clock.NewFake(t0), testLogger(t))
	if sent, err := s.SendDue(t.Context()); err != nil || sent != 2 {
		t.Fatalf("SendDue() = %d, %v; want 2, nil", sent, err)
	}
	for _, msg := range srv.Messages() {
		if !slices.Equal(msg.To, []string{"jorg@example.de", ownAddr}) {
			t.Errorf("envelope recipients %q, want the customer and the own mailbox", msg.To)
		}
		for _, h := range []string{"To", "Cc", "Bcc"} {
			if strings.Contains(msg.Header.Get(h), ownAddr) {
				t.Errorf("%s header %q names the own mailbox", h, msg.Header.Get(h))
			}
		}
	}
	if want := [][2]int64{{1, 0}, {2, 3}}; !slices.Equal(q.begun, want) {
		t.Errorf("Sending calls %v, want %v", q.begun, want)
	}

	// Without CopyTo the queue is not told (nothing to look for later).
	q2 := &memQueue{}
	q2.add(testMail(3), t0)
	if _, err := NewSender(plainConfig(srv), q2, clock.NewFake(t0), testLogger(t)).SendDue(t.Context()); err != nil {
		t.Fatal(err)
	}
	if len(q2.begun) != 0 {
		t.Errorf("Sending called %v without CopyTo", q2.begun)
	}
	if msgs := srv.Messages(); !slices.Equal(msgs[len(msgs)-1].To, []string{"jorg@example.de"}) {
		t.Errorf("without CopyTo: recipients %q", msgs[len(msgs)-1].To)
	}
}

// TestSenderUnansweredEndOfData: the server stores the mail but its answer
// to the end of DATA never comes (the connection is lost). With copies the
// mail is in doubt: not sent again before CopyWait, and then only if its
// copy is not in the mailbox. Without copies it is retried (and delivered
// twice) as before.
func TestSenderUnansweredEndOfData(t *testing.T) {
	var stall chan struct{}
	srv := smtptest.Start(t, smtptest.Config{OnMessage: func(smtptest.Message) {
		if stall != nil {
			<-stall
		}
	}})
	stall = make(chan struct{})
	t.Cleanup(func() { close(stall) })
	q := &memQueue{}
	q.add(testMail(1), t0)
	clk := clock.NewFake(t0)
	cfg := plainConfig(srv)
	cfg.Timeout = 300 * time.Millisecond
	cfg.CopyTo = ownAddr
	s := NewSender(cfg, q, clk, testLogger(t))
	s.CopyWait = 10 * time.Minute
	var looked []string
	s.Confirm = func(_ context.Context, id string) (bool, error) {
		looked = append(looked, id)
		return true, nil // the copy came back: the server had taken it
	}
	if _, err := s.SendDue(t.Context()); err != nil {
		t.Fatalf("SendDue() = %v", err)
	}
	m := q.get(1)
	if m.state != "queued" || !m.InDoubt || len(m.doubts) != 1 || len(m.retries) != 0 {
		t.Fatalf("after the unanswered end of DATA: state %s, in doubt %v, doubts %v, retries %v; want queued, in doubt once",
			m.state, m.InDoubt, m.doubts, m.retries)
	}
	if m.next.Before(t0.Add(10 * time.Minute)) {
		t.Errorf("next attempt %v, want no earlier than CopyWait", m.next)
	}
	if len(srv.Messages()) != 1 {
		t.Fatalf("server stored %d messages, want 1", len(srv.Messages()))
	}
	clk.Set(m.next)
	if _, err := s.SendDue(t.Context()); err != nil {
		t.Fatalf("second SendDue() = %v", err)
	}
	if m := q.get(1); m.state != "sent" || len(m.sentAt) != 1 {
		t.Errorf("after its copy was found: state %s, sent %v; want sent", m.state, m.sentAt)
	}
	if !slices.Equal(looked, []string{testMail(1).MessageID}) {
		t.Errorf("looked for %q, want the mail's Message-ID once", looked)
	}
	if n := len(srv.Messages()); n != 1 {
		t.Errorf("server has %d messages, want 1: the mail was sent again", n)
	}
}

// TestSenderInDoubt: a mail in doubt is marked sent when its copy is in the
// mailbox, sent when it is not, and rescheduled (still in doubt, not sent)
// when the mailbox cannot be searched.
func TestSenderInDoubt(t *testing.T) {
	for _, tc := range []struct {
		name               string
		found              bool
		err                error
		wantState          string
		wantSMTP, wantDoub int
	}{
		{"copy found", true, nil, "sent", 0, 0},
		{"no copy", false, nil, "sent", 1, 0},
		{"mailbox unreachable", false, errors.New("imap dial: connection refused"), "queued", 0, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := smtptest.Start(t, smtptest.Config{})
			q := &memQueue{}
			m := testMail(1)
			m.InDoubt, m.Attempts = true, 1
			q.add(m, t0)
			cfg := plainConfig(srv)
			cfg.CopyTo = ownAddr
			s := NewSender(cfg, q, clock.NewFake(t0.Add(time.Hour)), testLogger(t))
			s.Confirm = func(context.Context, string) (bool, error) { return tc.found, tc.err }
			if _, err := s.SendDue(t.Context()); err != nil {
				t.Fatalf("SendDue() = %v", err)
			}
			got := q.get(1)
			if got.state != tc.wantState || len(srv.Messages()) != tc.wantSMTP || len(got.doubts) != tc.wantDoub {
				t.Errorf("state %s, %d sent over SMTP, %d reschedules in doubt; want %s, %d, %d",
					got.state, len(srv.Messages()), len(got.doubts), tc.wantState, tc.wantSMTP, tc.wantDoub)
			}
			if tc.err != nil && (!got.InDoubt || !got.next.After(t0.Add(time.Hour))) {
				t.Errorf("after a failed lookup: in doubt %v, next %v; want in doubt, later", got.InDoubt, got.next)
			}
		})
	}
}
