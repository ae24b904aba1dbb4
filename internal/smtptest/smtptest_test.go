package smtptest

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

const testMsg = "From: a@example.org\r\nTo: b@example.org\r\nSubject: =?UTF-8?q?Gr=C3=BC=C3=9Fe?=\r\nMessage-ID: <m1@example.org>\r\n\r\nHello.\r\n"

// send delivers testMsg through c and returns the first error.
func send(c *smtp.Client, to ...string) error {
	if err := c.Mail("a@example.org", nil); err != nil {
		return err
	}
	for _, rcpt := range to {
		if err := c.Rcpt(rcpt, nil); err != nil {
			return err
		}
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write([]byte(testMsg)); err != nil {
		return err
	}
	return w.Close()
}

func dial(t *testing.T, s *Server) *smtp.Client {
	t.Helper()
	var c *smtp.Client
	var err error
	switch s.TLSMode() {
	case TLSImplicit:
		c, err = smtp.DialTLS(s.Addr(), s.ClientTLSConfig())
	case TLSStartTLS:
		c, err = smtp.DialStartTLS(s.Addr(), s.ClientTLSConfig())
	default:
		c, err = smtp.Dial(s.Addr())
	}
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

func TestCapture(t *testing.T) {
	var mu sync.Mutex
	var seen []Message
	s := Start(t, Config{OnMessage: func(m Message) {
		mu.Lock()
		seen = append(seen, m)
		mu.Unlock()
	}})
	if !strings.HasPrefix(s.Addr(), "127.0.0.1:") {
		t.Errorf("Addr() = %q, want loopback", s.Addr())
	}
	c := dial(t, s)
	if err := send(c, "b@example.org", "c@example.org"); err != nil {
		t.Fatalf("send: %v", err)
	}
	msgs := s.WaitFor(1, 5*time.Second)
	if len(msgs) != 1 {
		t.Fatalf("WaitFor(1) = %d messages", len(msgs))
	}
	m := msgs[0]
	if m.From != "a@example.org" || strings.Join(m.To, ",") != "b@example.org,c@example.org" {
		t.Errorf("envelope %q -> %q", m.From, m.To)
	}
	if string(m.Raw) != testMsg {
		t.Errorf("Raw = %q", m.Raw)
	}
	if m.Header.Get("Message-ID") != "<m1@example.org>" || m.Subject() != "Grüße" {
		t.Errorf("Message-ID %q, Subject %q", m.Header.Get("Message-ID"), m.Subject())
	}
	if m.TLS || m.AuthUser != "" {
		t.Errorf("TLS %v, AuthUser %q on a plain session", m.TLS, m.AuthUser)
	}
	mu.Lock()
	if len(seen) != 1 || seen[0].From != "a@example.org" {
		t.Errorf("OnMessage saw %d messages", len(seen))
	}
	mu.Unlock()

	// WaitFor returns what there is when the timeout passes.
	if got := s.WaitFor(2, 10*time.Millisecond); len(got) != 1 {
		t.Errorf("WaitFor(2) after timeout = %d messages", len(got))
	}
}

func TestWaitForWakesOnArrival(t *testing.T) {
	s := Start(t, Config{})
	done := make(chan []Message)
	go func() { done <- s.WaitFor(1, time.Minute) }()
	c := dial(t, s)
	if err := send(c, "b@example.org"); err != nil {
		t.Fatal(err)
	}
	select {
	case got := <-done:
		if len(got) != 1 {
			t.Errorf("WaitFor = %d messages", len(got))
		}
	case <-time.After(10 * time.Second):
		t.Fatal("WaitFor did not wake")
	}
}

func TestAuth(t *testing.T) {
	for _, mode := range []string{TLSNone, TLSStartTLS, TLSImplicit} {
		t.Run(mode, func(t *testing.T) {
			s := Start(t, Config{TLS: mode, Username: "u", Password: "p"})
			c := dial(t, s)
			if err := send(c, "b@example.org"); err == nil {
				t.Fatal("MAIL without AUTH accepted")
			}
			if err := c.Auth(sasl.NewPlainClient("", "u", "wrong")); err == nil {
				t.Fatal("wrong password accepted")
			}
			if err := c.Auth(sasl.NewPlainClient("", "u", "p")); err != nil {
				t.Fatalf("Auth() = %v", err)
			}
			if err := send(c, "b@example.org"); err != nil {
				t.Fatalf("send after AUTH: %v", err)
			}
			m := s.Messages()
			if len(m) != 1 || m[0].AuthUser != "u" || m[0].TLS != (mode != TLSNone) {
				t.Errorf("messages %d, auth %q, TLS %v", len(m), m[0].AuthUser, m[0].TLS)
			}
		})
	}
}

func TestNoAuthBeforeStartTLS(t *testing.T) {
	s := Start(t, Config{TLS: TLSStartTLS, Username: "u", Password: "p"})
	c, err := smtp.Dial(s.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Hello("client.test"); err != nil {
		t.Fatal(err)
	}
	if ok, _ := c.Extension("STARTTLS"); !ok {
		t.Error("STARTTLS not offered")
	}
	if ok, _ := c.Extension("AUTH"); ok {
		t.Error("AUTH offered before STARTTLS")
	}
}

func TestReject(t *testing.T) {
	s := Start(t, Config{})
	c := dial(t, s)
	s.RejectNext(2, 451, "try later")
	var se *smtp.SMTPError
	for i := range 2 {
		err := send(c, "b@example.org", "c@example.org")
		if !errors.As(err, &se) || se.Code != 451 {
			t.Fatalf("transaction %d: %v, want 451", i, err)
		}
		if err := c.Reset(); err != nil {
			t.Fatal(err)
		}
	}
	if err := send(c, "b@example.org"); err != nil {
		t.Fatalf("third transaction: %v", err)
	}
	if n := s.Rejected(); n != 2 {
		t.Errorf("Rejected() = %d, want 2 (one per transaction)", n)
	}

	s.SetReject(550, "no such user")
	for range 3 {
		err := send(c, "b@example.org")
		if !errors.As(err, &se) || se.Code != 550 {
			t.Fatalf("got %v, want 550", err)
		}
		_ = c.Reset()
	}
	s.SetReject(0, "")
	if err := send(c, "b@example.org"); err != nil {
		t.Fatalf("after SetReject(0): %v", err)
	}
	s.SetRejectSender(553, "not your address")
	if err := send(c, "b@example.org"); !errors.As(err, &se) || se.Code != 553 {
		t.Fatalf("MAIL FROM with SetRejectSender: %v, want 553", err)
	}
	s.SetRejectSender(0, "")
	if n := len(s.Messages()); n != 2 {
		t.Errorf("%d messages, want 2", n)
	}
}

func TestCloseRestart(t *testing.T) {
	s := Start(t, Config{})
	addr := s.Addr()
	if err := s.Close(); err != nil {
		t.Fatalf("Close() = %v", err)
	}
	if _, err := smtp.Dial(addr); err == nil {
		t.Fatal("dial succeeded while the server is down")
	}
	if err := s.Restart(); err != nil {
		t.Fatalf("Restart() = %v", err)
	}
	if s.Addr() != addr {
		t.Errorf("Addr() after restart = %q, want %q", s.Addr(), addr)
	}
	if err := s.Restart(); err == nil {
		t.Error("Restart() of a running server = nil")
	}
	c := dial(t, s)
	if err := send(c, "b@example.org"); err != nil {
		t.Fatalf("send after restart: %v", err)
	}
}

func TestDelayEndsOnClose(t *testing.T) {
	s := Start(t, Config{})
	s.SetDelay(time.Hour)
	inData := make(chan struct{}, 1)
	s.mu.Lock()
	s.onData = func() { inData <- struct{}{} }
	s.mu.Unlock()
	c := dial(t, s)
	errc := make(chan error, 1)
	go func() { errc <- send(c, "b@example.org") }()
	deadline := time.NewTimer(10 * time.Second)
	defer deadline.Stop()
	select {
	case <-inData: // the server holds the message and waits
	case <-deadline.C:
		t.Fatal("message data never arrived")
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-errc:
		if err == nil {
			t.Error("send succeeded although the server closed during the delay")
		}
	case <-deadline.C:
		t.Fatal("delay not interrupted by Close")
	}
	if n := len(s.Messages()); n != 0 {
		t.Errorf("%d messages captured", n)
	}
}

func TestClientTLSConfig(t *testing.T) {
	s := Start(t, Config{})
	if s.ClientTLSConfig() != nil || s.CAPool() != nil || s.CACertPEM() != nil {
		t.Error("TLS material on a plain server")
	}
	s = Start(t, Config{TLS: TLSImplicit})
	cfg := s.ClientTLSConfig()
	if cfg == nil || cfg.ServerName != "127.0.0.1" || !strings.Contains(string(s.CACertPEM()), "BEGIN CERTIFICATE") {
		t.Errorf("ClientTLSConfig() = %+v", cfg)
	}
	if _, err := New(Config{TLS: "bogus"}); err == nil {
		t.Error("New() with a bogus TLS mode = nil error")
	}
}
