package outbox

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	gomail "github.com/wneessen/go-mail"

	"privacyd/clock"
	"privacyd/internal/smtptest"
)

// memQueue is an in-memory Queue, recording every call. MarkRetry
// increments Attempts, as the tracker's outbox table does.
type memQueue struct {
	mu      sync.Mutex
	mails   []*qmail
	dueHook chan time.Time // if set, receives the now of every Due call
	begun   [][2]int64     // the Sending calls: mail ID, attempts
}

type qmail struct {
	Mail
	next    time.Time
	state   string // queued, sent, failed
	errText string
	sentAt  []time.Time
	failAt  []time.Time
	retries []time.Time // the next attempts scheduled, in order
	doubts  []time.Time // the next attempts scheduled by MarkInDoubt
}

func (q *memQueue) add(m Mail, next time.Time) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.mails = append(q.mails, &qmail{Mail: m, next: next, state: "queued"})
}

func (q *memQueue) get(id int64) qmail {
	q.mu.Lock()
	defer q.mu.Unlock()
	for _, m := range q.mails {
		if m.ID == id {
			c := *m
			c.sentAt = slices.Clone(m.sentAt)
			c.failAt = slices.Clone(m.failAt)
			c.retries = slices.Clone(m.retries)
			c.doubts = slices.Clone(m.doubts)
			return c
		}
	}
	panic(fmt.Sprintf("no mail %d", id))
}

func (q *memQueue) find(id int64) (*qmail, error) {
	for _, m := range q.mails {
		if m.ID == id {
			return m, nil
		}
	}
	return nil, fmt.Errorf("no mail %d", id)
}

func (q *memQueue) Due(_ context.Context, now time.Time, limit int) ([]Mail, error) {
	q.mu.Lock()
	var out []Mail
	for _, m := range q.mails {
		if m.state == "queued" && !m.next.After(now) && len(out) < limit {
			out = append(out, m.Mail)
		}
	}
	hook := q.dueHook
	q.mu.Unlock()
	if hook != nil {
		hook <- now
	}
	return out, nil
}

func (q *memQueue) MarkSent(_ context.Context, id int64, at time.Time) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	m, err := q.find(id)
	if err != nil {
		return err
	}
	m.state = "sent"
	m.sentAt = append(m.sentAt, at)
	return nil
}

func (q *memQueue) MarkRetry(_ context.Context, id int64, next time.Time, errText string) error {
	return q.reschedule(id, next, errText, func(m *qmail) { m.retries = append(m.retries, next) })
}

// reschedule counts an attempt of mail id, due again at next, and lets
// record note it.
func (q *memQueue) reschedule(id int64, next time.Time, errText string, record func(*qmail)) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	m, err := q.find(id)
	if err != nil {
		return err
	}
	m.Attempts++
	m.next = next
	m.errText = errText
	record(m)
	return nil
}

func (q *memQueue) MarkFailed(_ context.Context, id int64, at time.Time, errText string) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	m, err := q.find(id)
	if err != nil {
		return err
	}
	m.state = "failed"
	m.errText = errText
	m.failAt = append(m.failAt, at)
	return nil
}

// Sending implements InFlight: it records id and attempts.
func (q *memQueue) Sending(id int64, attempts int) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.begun = append(q.begun, [2]int64{id, int64(attempts)})
	return nil
}

// MarkInDoubt implements InFlight.
func (q *memQueue) MarkInDoubt(_ context.Context, id int64, next time.Time, errText string) error {
	return q.reschedule(id, next, errText, func(m *qmail) {
		m.InDoubt = true
		m.doubts = append(m.doubts, next)
	})
}

func (q *memQueue) NextAttempt(context.Context) (time.Time, bool, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	var t time.Time
	ok := false
	for _, m := range q.mails {
		if m.state == "queued" && (!ok || m.next.Before(t)) {
			t, ok = m.next, true
		}
	}
	return t, ok, nil
}

var t0 = time.Date(2026, 3, 5, 9, 0, 0, 0, time.UTC)

func testMail(id int64) Mail {
	m := ackMail()
	m.ID = id
	m.MessageID = fmt.Sprintf("DSR-2026-0042.%d@privacy.example.org", id)
	m.Date = t0
	return m
}

func plainConfig(srv *smtptest.Server) SMTPConfig {
	return SMTPConfig{Address: srv.Addr(), TLS: TLSNone, Timeout: 5 * time.Second}
}

func testLogger(t *testing.T) *slog.Logger {
	return slog.New(slog.NewTextHandler(tlogWriter{t}, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

type tlogWriter struct{ t *testing.T }

func (w tlogWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSuffix(string(p), "\n"))
	return len(p), nil
}

func TestSenderDeliversOnceOverOneSession(t *testing.T) {
	srv := smtptest.Start(t, smtptest.Config{})
	q := &memQueue{}
	for id := int64(1); id <= 3; id++ {
		q.add(testMail(id), t0)
	}
	clk := clock.NewFake(t0)
	s := NewSender(plainConfig(srv), q, clk, testLogger(t))

	sent, err := s.SendDue(t.Context())
	if err != nil || sent != 3 {
		t.Fatalf("SendDue() = %d, %v; want 3, nil", sent, err)
	}
	msgs := srv.Messages()
	if len(msgs) != 3 {
		t.Fatalf("server got %d messages, want 3", len(msgs))
	}
	if n := srv.Sessions(); n != 1 {
		t.Errorf("%d SMTP sessions, want 1 for the pass", n)
	}
	for i, msg := range msgs {
		id := int64(i + 1)
		if msg.From != "privacy@example.org" || !slices.Equal(msg.To, []string{"jorg@example.de"}) {
			t.Errorf("envelope %q -> %q", msg.From, msg.To)
		}
		if got, want := msg.Header.Get("Message-Id"), "<"+testMail(id).MessageID+">"; got != want {
			t.Errorf("message %d: Message-ID %q, want %q", id, got, want)
		}
		if m := q.get(id); m.state != "sent" || len(m.sentAt) != 1 || !m.sentAt[0].Equal(t0) {
			t.Errorf("mail %d: state %s, sent at %v", id, m.state, m.sentAt)
		}
	}

	// A second pass finds nothing due and sends nothing.
	clk.Advance(time.Hour)
	if sent, err := s.SendDue(t.Context()); err != nil || sent != 0 {
		t.Errorf("second SendDue() = %d, %v", sent, err)
	}
	if n := len(srv.Messages()); n != 3 {
		t.Errorf("server has %d messages after second pass, want 3", n)
	}
	for id := int64(1); id <= 3; id++ {
		if n := len(q.get(id).sentAt); n != 1 {
			t.Errorf("mail %d marked sent %d times", id, n)
		}
	}
}

func within(d, base time.Duration) bool {
	return d >= base*9/10 && d <= base*11/10
}

func TestSenderTemporaryFailureBacksOff(t *testing.T) {
	srv := smtptest.Start(t, smtptest.Config{})
	srv.SetReject(451, "greylisted, try later")
	q := &memQueue{}
	q.add(testMail(1), t0)
	clk := clock.NewFake(t0)
	s := NewSender(plainConfig(srv), q, clk, testLogger(t))
	var failed []Mail
	s.OnFailed = func(m Mail, err error) { failed = append(failed, m) }

	var delays []time.Duration
	for pass := range 4 {
		sent, err := s.SendDue(t.Context())
		if err != nil || sent != 0 {
			t.Fatalf("pass %d: SendDue() = %d, %v", pass, sent, err)
		}
		m := q.get(1)
		if m.state != "queued" || len(m.retries) != pass+1 {
			t.Fatalf("pass %d: state %s, %d retries", pass, m.state, len(m.retries))
		}
		if !strings.Contains(m.errText, "451") {
			t.Errorf("pass %d: error text %q lacks the SMTP code", pass, m.errText)
		}
		delays = append(delays, m.next.Sub(clk.Now()))

		// Not due yet: a pass now does not touch the server.
		before := srv.Rejected()
		if _, err := s.SendDue(t.Context()); err != nil {
			t.Fatal(err)
		}
		if srv.Rejected() != before {
			t.Fatalf("pass %d: mail retried before its next attempt", pass)
		}
		clk.Set(m.next)
	}
	for i, d := range delays {
		if want := time.Minute << i; !within(d, want) {
			t.Errorf("retry %d after %v, want %v ±10%%", i+1, d, want)
		}
	}

	srv.SetReject(0, "")
	sent, err := s.SendDue(t.Context())
	if err != nil || sent != 1 {
		t.Fatalf("SendDue() after the server recovered = %d, %v", sent, err)
	}
	if m := q.get(1); m.state != "sent" || len(m.sentAt) != 1 {
		t.Errorf("state %s, sent %d times", m.state, len(m.sentAt))
	}
	if n := len(srv.Messages()); n != 1 {
		t.Errorf("server has %d messages, want 1", n)
	}
	if len(failed) != 0 {
		t.Errorf("OnFailed called for a temporary failure")
	}
}

func TestSenderBackoffCapped(t *testing.T) {
	s := NewSender(SMTPConfig{}, &memQueue{}, nil, nil)
	for attempts, want := range map[int]time.Duration{0: time.Minute, 3: 8 * time.Minute, 6: time.Hour, 7: time.Hour, 500: time.Hour} {
		if d := s.backoff(attempts); !within(d, want) {
			t.Errorf("backoff(%d) = %v, want %v ±10%%", attempts, d, want)
		}
	}
}

func TestSenderGivesUpAfterThreeDays(t *testing.T) {
	srv := smtptest.Start(t, smtptest.Config{})
	srv.SetReject(452, "mailbox full")
	q := &memQueue{}
	q.add(testMail(1), t0)
	clk := clock.NewFake(t0.Add(72*time.Hour - time.Minute))
	s := NewSender(plainConfig(srv), q, clk, testLogger(t))
	var failErr error
	s.OnFailed = func(_ Mail, err error) { failErr = err }

	if _, err := s.SendDue(t.Context()); err != nil {
		t.Fatal(err)
	}
	if m := q.get(1); m.state != "queued" {
		t.Fatalf("state %s before three days, want queued", m.state)
	}
	clk.Set(t0.Add(73 * time.Hour))
	if _, err := s.SendDue(t.Context()); err != nil {
		t.Fatal(err)
	}
	if m := q.get(1); m.state != "failed" || len(m.failAt) != 1 {
		t.Fatalf("state %s, failed %d times; want failed once", m.state, len(m.failAt))
	}
	var f *Failure
	if !errors.Is(failErr, ErrGaveUp) || !errors.As(failErr, &f) || f.Code != 452 || !f.Permanent {
		t.Errorf("OnFailed error = %v (%+v)", failErr, f)
	}
}

func TestSenderPermanentFailure(t *testing.T) {
	srv := smtptest.Start(t, smtptest.Config{})
	srv.SetReject(550, "no such user here")
	q := &memQueue{}
	q.add(testMail(1), t0)
	q.add(testMail(2), t0)
	clk := clock.NewFake(t0)
	var logs bytes.Buffer
	s := NewSender(plainConfig(srv), q, clk, slog.New(slog.NewTextHandler(&logs, nil)))
	type call struct {
		m   Mail
		err error
	}
	var calls []call
	s.OnFailed = func(m Mail, err error) {
		if st := q.get(m.ID).state; st != "failed" {
			t.Errorf("OnFailed before MarkFailed (state %s)", st)
		}
		calls = append(calls, call{m, err})
	}

	// Mail 1 is refused; then the server accepts mail 2 in the same pass.
	srv.RejectNext(1, 550, "no such user here")
	sent, err := s.SendDue(t.Context())
	if err != nil || sent != 1 {
		t.Fatalf("SendDue() = %d, %v; want 1, nil", sent, err)
	}
	m := q.get(1)
	if m.state != "failed" || len(m.failAt) != 1 || len(m.retries) != 0 {
		t.Errorf("mail 1: state %s, failed %d, retried %d", m.state, len(m.failAt), len(m.retries))
	}
	if q.get(2).state != "sent" {
		t.Errorf("mail 2 not sent after mail 1 was refused")
	}
	if len(calls) != 1 || calls[0].m.ID != 1 {
		t.Fatalf("OnFailed calls = %v", calls)
	}
	var f *Failure
	if !errors.As(calls[0].err, &f) || !f.Permanent || f.Code != 550 {
		t.Errorf("OnFailed error = %v (%+v)", calls[0].err, f)
	}

	// Never retried.
	clk.Advance(48 * time.Hour)
	if _, err := s.SendDue(t.Context()); err != nil {
		t.Fatal(err)
	}
	if n := srv.Rejected(); n != 1 {
		t.Errorf("server refused %d transactions, want 1 (no retry)", n)
	}
	if len(calls) != 1 || len(q.get(1).failAt) != 1 {
		t.Errorf("failure recorded again")
	}

	// Logs name IDs, codes and the server's reason, never the address or
	// the content; nor does the error text stored in the queue.
	out := logs.String()
	for _, secret := range []string{"jorg@", "Auskunft", "Eingang"} {
		if strings.Contains(out, secret) {
			t.Errorf("log contains %q:\n%s", secret, out)
		}
	}
	if et := q.get(1).errText; strings.Contains(et, "jorg@") || !strings.Contains(et, "550") {
		t.Errorf("stored error text = %q", et)
	}
	if d := f.Detail(); !strings.Contains(d, "jorg@example.de") {
		t.Errorf("Detail() = %q, want the unredacted text", d)
	}
	for _, want := range []string{"mail_id=1", "case_id=DSR-2026-0042", "kind=ack", "smtp_code=550", "no such user here"} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q:\n%s", want, out)
		}
	}
}

func TestSenderRefusedSenderIsNotPermanent(t *testing.T) {
	srv := smtptest.Start(t, smtptest.Config{})
	srv.SetRejectSender(550, "sender not owned by user")
	q := &memQueue{}
	q.add(testMail(1), t0)
	clk := clock.NewFake(t0)
	s := NewSender(plainConfig(srv), q, clk, testLogger(t))
	s.OnFailed = func(Mail, error) { t.Error("OnFailed for a refused sender address") }
	if _, err := s.SendDue(t.Context()); err != nil {
		t.Fatal(err)
	}
	m := q.get(1)
	if m.state != "queued" || len(m.retries) != 1 || !strings.Contains(m.errText, "550") {
		t.Fatalf("state %s, %d retries, error %q", m.state, len(m.retries), m.errText)
	}
	srv.SetRejectSender(0, "")
	clk.Set(m.next)
	if sent, err := s.SendDue(t.Context()); err != nil || sent != 1 {
		t.Errorf("SendDue() after the fix = %d, %v", sent, err)
	}
}

func TestSenderUnbuildableMailFails(t *testing.T) {
	q := &memQueue{}
	bad := testMail(1)
	bad.To = []string{"not an address"}
	q.add(bad, t0)
	s := NewSender(SMTPConfig{Address: "127.0.0.1:1", TLS: TLSNone}, q, clock.NewFake(t0), testLogger(t))
	var n int
	s.OnFailed = func(Mail, error) { n++ }
	if _, err := s.SendDue(t.Context()); err != nil {
		t.Fatal(err)
	}
	if m := q.get(1); m.state != "failed" || n != 1 {
		t.Errorf("state %s, OnFailed %d times", m.state, n)
	}
}

// TestSenderUnpreparedMailFails: a mail the queue could not prepare (a
// template that does not render) is failed and reported, not sent and not
// retried; the mail next to it still goes out.
func TestSenderUnpreparedMailFails(t *testing.T) {
	srv := smtptest.Start(t, smtptest.Config{})
	q := &memQueue{}
	bad := testMail(1)
	bad.Err = errors.New("render acknowledgement: template broken")
	q.add(bad, t0)
	q.add(testMail(2), t0)
	s := NewSender(plainConfig(srv), q, clock.NewFake(t0), testLogger(t))
	var failed []int64
	s.OnFailed = func(m Mail, err error) {
		if !strings.Contains(err.Error(), "template broken") {
			t.Errorf("OnFailed error %v", err)
		}
		failed = append(failed, m.ID)
	}
	if sent, err := s.SendDue(t.Context()); err != nil || sent != 1 {
		t.Fatalf("SendDue() = %d, %v", sent, err)
	}
	if m := q.get(1); m.state != "failed" || !strings.Contains(m.errText, "template broken") || !slices.Equal(failed, []int64{1}) {
		t.Errorf("mail 1: state %s, error %q, OnFailed for %v", m.state, m.errText, failed)
	}
	if m := q.get(2); m.state != "sent" {
		t.Errorf("mail 2: state %s", m.state)
	}
	if got := len(srv.Messages()); got != 1 {
		t.Errorf("%d mails reached the server, want 1", got)
	}
}

func TestSenderServerDown(t *testing.T) {
	srv := smtptest.Start(t, smtptest.Config{})
	q := &memQueue{}
	q.add(testMail(1), t0)
	q.add(testMail(2), t0)
	clk := clock.NewFake(t0)
	s := NewSender(plainConfig(srv), q, clk, testLogger(t))
	if err := srv.Close(); err != nil {
		t.Fatal(err)
	}

	sent, err := s.SendDue(t.Context())
	if err == nil || sent != 0 {
		t.Fatalf("SendDue() with the server down = %d, %v; want an error", sent, err)
	}
	for id := int64(1); id <= 2; id++ {
		m := q.get(id)
		if m.state != "queued" || len(m.sentAt) != 0 || len(m.retries) != 1 {
			t.Errorf("mail %d: state %s, sent %d, retries %d", id, m.state, len(m.sentAt), len(m.retries))
		}
		if d := m.next.Sub(t0); !within(d, time.Minute) {
			t.Errorf("mail %d: next attempt after %v, want ~1m", id, d)
		}
	}
	s.mu.Lock()
	hold := s.holdUntil
	s.mu.Unlock()
	if !hold.After(t0) {
		t.Errorf("no pass backoff after the server was down")
	}

	if err := srv.Restart(); err != nil {
		t.Fatal(err)
	}
	clk.Advance(2 * time.Minute)
	sent, err = s.SendDue(t.Context())
	if err != nil || sent != 2 {
		t.Fatalf("SendDue() after restart = %d, %v; want 2", sent, err)
	}
	if n := len(srv.Messages()); n != 2 {
		t.Errorf("server got %d messages, want 2", n)
	}
}

func TestSenderSlowServer(t *testing.T) {
	t.Run("context deadline", func(t *testing.T) {
		srv := smtptest.Start(t, smtptest.Config{})
		srv.SetDelay(time.Minute)
		q := &memQueue{}
		q.add(testMail(1), t0)
		s := NewSender(plainConfig(srv), q, clock.NewFake(t0), testLogger(t))
		ctx, cancel := context.WithTimeout(t.Context(), 200*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, err := s.SendDue(ctx)
		elapsed := time.Since(start)
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("SendDue() = %v, want context.DeadlineExceeded", err)
		}
		if elapsed > 3*time.Second {
			t.Errorf("SendDue() took %v after a 200ms deadline", elapsed)
		}
		// The outcome is unknown: the mail stays due, neither sent nor failed.
		if m := q.get(1); m.state != "queued" || len(m.sentAt)+len(m.failAt)+len(m.retries) != 0 {
			t.Errorf("state %s, sent %d, failed %d, retries %d", m.state, len(m.sentAt), len(m.failAt), len(m.retries))
		}
	})
	t.Run("command timeout", func(t *testing.T) {
		srv := smtptest.Start(t, smtptest.Config{})
		srv.SetDelay(time.Minute)
		q := &memQueue{}
		q.add(testMail(1), t0)
		clk := clock.NewFake(t0)
		cfg := plainConfig(srv)
		cfg.Timeout = 300 * time.Millisecond
		s := NewSender(cfg, q, clk, testLogger(t))
		if _, err := s.SendDue(t.Context()); err != nil {
			t.Fatalf("SendDue() = %v", err)
		}
		m := q.get(1)
		if m.state != "queued" || len(m.retries) != 1 {
			t.Fatalf("state %s, retries %d; want a retry", m.state, len(m.retries))
		}
		srv.SetDelay(0)
		clk.Set(m.next)
		if sent, err := s.SendDue(t.Context()); err != nil || sent != 1 {
			t.Fatalf("SendDue() = %d, %v", sent, err)
		}
	})
}

func TestSenderTLS(t *testing.T) {
	for _, mode := range []string{TLSImplicit, TLSStartTLS} {
		t.Run(mode, func(t *testing.T) {
			srv := smtptest.Start(t, smtptest.Config{TLS: mode, Username: "outbox", Password: "s3cret"})
			q := &memQueue{}
			q.add(testMail(1), t0)
			cfg := SMTPConfig{
				Address: srv.Addr(), TLS: mode, Username: "outbox", Password: "s3cret",
				// No ServerName: Send must fill it in from the address.
				TLSConfig: &tls.Config{RootCAs: srv.CAPool()},
				Timeout:   5 * time.Second,
			}
			s := NewSender(cfg, q, clock.NewFake(t0), testLogger(t))
			if sent, err := s.SendDue(t.Context()); err != nil || sent != 1 {
				t.Fatalf("SendDue() = %d, %v", sent, err)
			}
			msgs := srv.Messages()
			if len(msgs) != 1 || !msgs[0].TLS || msgs[0].AuthUser != "outbox" {
				t.Fatalf("messages = %d, TLS %v, auth %q", len(msgs), len(msgs) == 1 && msgs[0].TLS, msgs[0].AuthUser)
			}
		})
		t.Run(mode+" untrusted", func(t *testing.T) {
			srv := smtptest.Start(t, smtptest.Config{TLS: mode})
			// An empty pool (not the system roots: hermetic, and fast under -race).
			cfg := SMTPConfig{Address: srv.Addr(), TLS: mode, TLSConfig: &tls.Config{RootCAs: x509.NewCertPool()}, Timeout: 5 * time.Second}
			err := Send(t.Context(), cfg, mustBuild(t, testMail(1)))
			if err == nil || !strings.Contains(err.Error(), "certificate") {
				t.Errorf("Send() to an untrusted server = %v, want a certificate error", err)
			}
			if n := len(srv.Messages()); n != 0 {
				t.Errorf("server got %d messages", n)
			}
		})
	}
	t.Run("starttls required", func(t *testing.T) {
		// A server without STARTTLS: never fall back to plaintext.
		srv := smtptest.Start(t, smtptest.Config{})
		err := Send(t.Context(), SMTPConfig{Address: srv.Addr(), TLS: TLSStartTLS, Timeout: 5 * time.Second}, mustBuild(t, testMail(1)))
		if err == nil {
			t.Errorf("Send() = nil, want an error")
		}
		if n := len(srv.Messages()); n != 0 {
			t.Errorf("server got %d messages in plaintext", n)
		}
	})
	t.Run("wrong password", func(t *testing.T) {
		srv := smtptest.Start(t, smtptest.Config{TLS: TLSStartTLS, Username: "outbox", Password: "s3cret"})
		cfg := SMTPConfig{Address: srv.Addr(), TLS: TLSStartTLS, Username: "outbox", Password: "wrong",
			TLSConfig: srv.ClientTLSConfig(), Timeout: 5 * time.Second}
		err := CheckConnection(t.Context(), cfg)
		if f := Classify(err); err == nil || f.Code != 535 || f.Permanent {
			t.Errorf("CheckConnection() with a wrong password = %v (%+v), want a 535", err, f)
		}
		// The Sender keeps the mail (a configuration problem must not fail
		// the queue) and backs off.
		q := &memQueue{}
		q.add(testMail(1), t0)
		s := NewSender(cfg, q, clock.NewFake(t0), testLogger(t))
		if _, err := s.SendDue(t.Context()); err == nil {
			t.Error("SendDue() with a wrong password = nil error")
		}
		if m := q.get(1); m.state != "queued" || len(m.retries) != 1 {
			t.Errorf("state %s, %d retries", m.state, len(m.retries))
		}
		cfg.Password = "s3cret"
		if err := CheckConnection(t.Context(), cfg); err != nil {
			t.Errorf("CheckConnection() = %v", err)
		}
	})
}

func TestSendPlainAuthOnLoopback(t *testing.T) {
	srv := smtptest.Start(t, smtptest.Config{Username: "u", Password: "p"})
	_, port, _ := net.SplitHostPort(srv.Addr())
	for _, host := range []string{"127.0.0.1", "localhost"} {
		cfg := SMTPConfig{Address: net.JoinHostPort(host, port), TLS: TLSNone, Username: "u", Password: "p", Timeout: 5 * time.Second}
		if err := Send(t.Context(), cfg, mustBuild(t, testMail(1))); err != nil {
			t.Errorf("Send() via %s = %v", host, err)
		}
	}
	if msgs := srv.Messages(); len(msgs) != 2 || msgs[0].AuthUser != "u" {
		t.Errorf("messages = %d", len(msgs))
	}
}

func TestSMTPConfigEndpoint(t *testing.T) {
	tests := []struct {
		cfg      SMTPConfig
		wantAddr string // "" means an ErrConfig error
	}{
		{SMTPConfig{Address: "smtp.example.org:587", TLS: TLSStartTLS}, "smtp.example.org:587"},
		{SMTPConfig{Address: "smtp.example.org", TLS: TLSImplicit}, "smtp.example.org:465"},
		{SMTPConfig{Address: "smtp.example.org", TLS: TLSStartTLS}, "smtp.example.org:587"},
		{SMTPConfig{Address: "127.0.0.1:2525", TLS: TLSNone}, "127.0.0.1:2525"},
		{SMTPConfig{Address: "[::1]:25", TLS: TLSNone}, "[::1]:25"},
		{SMTPConfig{Address: "localhost", TLS: TLSNone}, "localhost:25"},
		{SMTPConfig{Address: "smtp.example.org:25", TLS: TLSNone}, ""},
		{SMTPConfig{Address: "192.0.2.1:25", TLS: TLSNone}, ""},
		{SMTPConfig{Address: "smtp.example.org:587", TLS: "opportunistic"}, ""},
		{SMTPConfig{Address: "smtp.example.org:587"}, ""},
		{SMTPConfig{Address: ":587", TLS: TLSStartTLS}, ""},
		{SMTPConfig{Address: "smtp.example.org:99999", TLS: TLSStartTLS}, ""},
	}
	for _, tt := range tests {
		e, err := tt.cfg.endpoint()
		switch {
		case tt.wantAddr == "" && !errors.Is(err, ErrConfig):
			t.Errorf("%+v: err = %v, want ErrConfig", tt.cfg, err)
		case tt.wantAddr != "" && err != nil:
			t.Errorf("%+v: err = %v", tt.cfg, err)
		case tt.wantAddr != "" && e.addr != tt.wantAddr:
			t.Errorf("%+v: addr = %q, want %q", tt.cfg, e.addr, tt.wantAddr)
		}
	}
	// A custom TLS config gets the ServerName; the caller's copy is untouched.
	custom := &tls.Config{}
	e, err := SMTPConfig{Address: "smtp.example.org:465", TLS: TLSImplicit, TLSConfig: custom}.endpoint()
	if err != nil || e.tls.ServerName != "smtp.example.org" || custom.ServerName != "" {
		t.Errorf("ServerName = %q (caller's %q), %v", e.tls.ServerName, custom.ServerName, err)
	}
}

func mustBuild(t *testing.T, m Mail) *gomail.Msg {
	t.Helper()
	msg, err := Build(m)
	if err != nil {
		t.Fatal(err)
	}
	return msg
}

// TestRunWakesAndStops drives Run with channels: a pass on start, a pass on
// Wake (the mail queued meanwhile is delivered), and a clean return on
// cancel. PollInterval is a day, so only Wake can cause the second pass.
func TestRunWakesAndStops(t *testing.T) {
	srv := smtptest.Start(t, smtptest.Config{})
	q := &memQueue{dueHook: make(chan time.Time)}
	s := NewSender(plainConfig(srv), q, clock.Real{}, testLogger(t))
	s.PollInterval = 24 * time.Hour
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error)
	go func() { done <- s.Run(ctx) }()

	guard := time.NewTimer(10 * time.Second) // a hang guard, not a schedule
	defer guard.Stop()
	recv := func(what string) {
		t.Helper()
		select {
		case <-q.dueHook:
		case <-guard.C:
			t.Fatalf("no pass %s", what)
		}
	}
	recv("on start")
	q.add(testMail(1), time.Now())
	s.Wake()
	s.Wake() // coalesced, never blocks
	recv("after Wake")
	if msgs := srv.WaitFor(1, 10*time.Second); len(msgs) != 1 {
		t.Fatalf("server got %d messages after Wake", len(msgs))
	}

	cancel()
	// Run may be in a last Due call (from the second Wake); let it finish.
	for {
		select {
		case <-q.dueHook:
			continue
		case err := <-done:
			if err != nil {
				t.Errorf("Run() = %v after cancel, want nil", err)
			}
			if m := q.get(1); m.state != "sent" || len(m.sentAt) != 1 {
				t.Errorf("state %s, sent %d times", m.state, len(m.sentAt))
			}
			return
		case <-guard.C:
			t.Fatal("Run did not return after cancel")
		}
	}
}

// TestRunRearmsTimer runs in a synctest bubble: the next pass happens
// exactly when the queue's next attempt is due, not before, without polling.
// The mail has a bad recipient, so the pass needs no network.
func TestRunRearmsTimer(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		q := &memQueue{}
		bad := testMail(1)
		bad.To = []string{"nobody"}
		q.add(bad, start.Add(time.Hour))
		var calls []time.Time
		var mu sync.Mutex
		hook := make(chan time.Time)
		q.dueHook = hook
		go func() {
			for now := range hook {
				mu.Lock()
				calls = append(calls, now)
				mu.Unlock()
			}
		}()
		s := NewSender(SMTPConfig{Address: "127.0.0.1:1", TLS: TLSNone}, q, clock.Real{}, testLogger(t))
		s.PollInterval = 24 * time.Hour
		ctx, cancel := context.WithCancel(t.Context())
		done := make(chan error)
		go func() { done <- s.Run(ctx) }()

		time.Sleep(time.Hour - time.Second)
		synctest.Wait()
		mu.Lock()
		if len(calls) != 1 {
			t.Errorf("%d passes before the next attempt, want 1", len(calls))
		}
		mu.Unlock()
		time.Sleep(2 * time.Second)
		synctest.Wait()
		m := q.get(1)
		if m.state != "failed" || !m.failAt[0].Equal(start.Add(time.Hour)) {
			t.Errorf("state %s at %v, want failed at start+1h", m.state, m.failAt)
		}
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run() = %v", err)
		}
		close(hook)
	})
}

// TestRunBacksOffWholePass: when a pass cannot reach the server, Run waits
// out a growing backoff and ignores Wake meanwhile, so a dead server is not
// hammered. The unreachable server is a configuration error here, which
// takes the same path as a refused connection without touching the network
// inside the bubble.
func TestRunBacksOffWholePass(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		q := &memQueue{}
		q.add(testMail(1), start)
		var passes []time.Duration
		var mu sync.Mutex
		hook := make(chan time.Time)
		q.dueHook = hook
		go func() {
			for now := range hook {
				mu.Lock()
				passes = append(passes, now.Sub(start))
				mu.Unlock()
			}
		}()
		s := NewSender(SMTPConfig{Address: "smtp.example.org", TLS: "bogus"}, q, clock.Real{}, testLogger(t))
		ctx, cancel := context.WithCancel(t.Context())
		done := make(chan error)
		go func() { done <- s.Run(ctx) }()

		synctest.Wait()
		if m := q.get(1); m.Attempts != 1 || m.state != "queued" {
			t.Fatalf("first pass: %d attempts, state %s", m.Attempts, m.state)
		}
		time.Sleep(30 * time.Second)
		q.add(testMail(2), time.Now())
		s.Wake()
		time.Sleep(time.Second)
		synctest.Wait()
		if m := q.get(2); m.Attempts != 0 {
			t.Errorf("new mail tried during the pass backoff (Wake must wait)")
		}
		time.Sleep(40 * time.Second) // 71s: the first backoff (1m ±10%) is over
		synctest.Wait()
		if m := q.get(2); m.Attempts != 1 {
			t.Errorf("new mail tried %d times by 71s, want 1", m.Attempts)
		}
		time.Sleep(10 * time.Minute)
		synctest.Wait()
		mu.Lock()
		n := len(passes)
		mu.Unlock()
		if n > 8 {
			t.Errorf("%d passes in 11 minutes against a dead server: %v", n, passes)
		}
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run() = %v", err)
		}
		close(hook)
		t.Logf("passes at %v", passes)
	})
}
