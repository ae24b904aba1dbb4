package imaptest

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

func testMail(i int) []byte {
	return fmt.Appendf(nil, "From: a@example.org\r\nTo: privacy@example.org\r\nSubject: test %d\r\nMessage-ID: <%d@example.org>\r\n\r\nbody %d\r\n", i, i, i)
}

func TestAppendAndMessages(t *testing.T) {
	s := Start(t)
	when := time.Date(2026, 3, 5, 10, 0, 0, 0, time.UTC)
	for i := 1; i <= 3; i++ {
		uid, err := s.Append("INBOX", testMail(i), when.Add(time.Duration(i)*time.Minute), imap.Flag("$x"))
		if err != nil {
			t.Fatal(err)
		}
		if uid != uint32(i) {
			t.Fatalf("Append #%d: uid %d", i, uid)
		}
	}
	msgs, err := s.Messages("INBOX")
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 3 {
		t.Fatalf("Messages = %d, want 3", len(msgs))
	}
	for i, m := range msgs {
		if !m.Has("$X") || m.Has(imap.FlagSeen) {
			t.Errorf("uid %d flags %v", m.UID, m.Flags)
		}
		want := when.Add(time.Duration(i+1) * time.Minute)
		if !m.InternalDate.Equal(want) {
			t.Errorf("uid %d internal date %v, want %v", m.UID, m.InternalDate, want)
		}
		if m.Size != int64(len(testMail(i+1))) {
			t.Errorf("uid %d size %d", m.UID, m.Size)
		}
	}
	if _, err := s.Append("Nope", testMail(9), time.Time{}); err == nil {
		t.Error("Append to a missing mailbox succeeded")
	}
}

func TestCapabilities(t *testing.T) {
	for _, tc := range []struct {
		name                string
		opts                []Option
		idle, move, uidplus bool
	}{
		{"rev2", nil, true, true, true},
		{"rev1", []Option{WithRev1Only()}, true, false, false},
		{"rev1 no idle", []Option{WithoutIdle()}, false, false, false},
		{"rev1 uidplus", []Option{WithExtraCaps(imap.CapUIDPlus)}, true, false, true},
		{"rev1 no idle implicit tls", []Option{WithoutIdle(), WithTLS(TLSImplicit)}, false, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := Start(t, tc.opts...)
			c, err := s.Dial()
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			caps := c.Caps()
			if caps.Has(imap.CapIdle) != tc.idle || caps.Has(imap.CapMove) != tc.move || caps.Has(imap.CapUIDPlus) != tc.uidplus {
				t.Errorf("caps %v: want idle=%v move=%v uidplus=%v", caps, tc.idle, tc.move, tc.uidplus)
			}
		})
	}
}

func TestStripIdle(t *testing.T) {
	for in, want := range map[string]string{
		"* CAPABILITY IMAP4rev1 IDLE ENABLE\r\n":        "* CAPABILITY IMAP4rev1 ENABLE\r\n",
		"* OK [CAPABILITY IMAP4rev1 IDLE] ready\r\n":    "* OK [CAPABILITY IMAP4rev1] ready\r\n",
		"* CAPABILITY IMAP4rev1 IDLEX IDLE\r\n":         "* CAPABILITY IMAP4rev1 IDLEX\r\n",
		"* CAPABILITY IMAP4rev1 UNSELECT\r\n":           "* CAPABILITY IMAP4rev1 UNSELECT\r\n",
		"A1 OK [CAPABILITY IMAP4rev1 IDLE UTF8] ok\r\n": "A1 OK [CAPABILITY IMAP4rev1 UTF8] ok\r\n",
	} {
		if got := string(stripIdle([]byte(in))); got != want {
			t.Errorf("stripIdle(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTLSModes(t *testing.T) {
	for _, mode := range []string{TLSImplicit, TLSStartTLS} {
		t.Run(mode, func(t *testing.T) {
			s := Start(t, WithTLS(mode))
			if _, err := s.Append("INBOX", testMail(1), time.Time{}); err != nil {
				t.Fatal(err)
			}
			msgs, err := s.Messages("INBOX")
			if err != nil {
				t.Fatal(err)
			}
			if len(msgs) != 1 {
				t.Fatalf("got %d messages", len(msgs))
			}
		})
	}
}

func TestNoKeywords(t *testing.T) {
	s := Start(t, WithoutKeywords())
	if _, err := s.Append("INBOX", testMail(1), time.Time{}); err != nil {
		t.Fatal(err)
	}
	c, err := s.Dial()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	sel, err := c.Select("INBOX", nil).Wait()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range sel.PermanentFlags {
		if f == imap.FlagWildcard {
			t.Errorf("PERMANENTFLAGS %v has \\*", sel.PermanentFlags)
		}
	}
	err = c.Store(imap.UIDSetNum(1), &imap.StoreFlags{Op: imap.StoreFlagsAdd, Flags: []imap.Flag{"$privacyd"}}, nil).Close()
	var ie *imap.Error
	if !errors.As(err, &ie) || ie.Type != imap.StatusResponseTypeNo {
		t.Errorf("STORE keyword: %v, want NO", err)
	}
	if err := c.Store(imap.UIDSetNum(1), &imap.StoreFlags{Op: imap.StoreFlagsAdd, Flags: []imap.Flag{imap.FlagSeen}}, nil).Close(); err != nil {
		t.Errorf("STORE \\Seen: %v", err)
	}
}

func TestCutStopRestart(t *testing.T) {
	s := Start(t)
	c, err := s.Dial()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if open, _ := s.Conns(); open != 1 {
		t.Fatalf("open conns %d, want 1", open)
	}
	if n := s.CutConnections(); n != 1 {
		t.Fatalf("CutConnections = %d", n)
	}
	select {
	case <-c.Closed():
	case <-time.After(5 * time.Second):
		t.Fatal("client not closed after cut")
	}

	addr := s.Addr()
	if err := s.Stop(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Dial(); err == nil {
		t.Fatal("Dial after Stop succeeded")
	}
	if _, err := s.Append("INBOX", testMail(1), time.Time{}); err != nil {
		t.Fatal(err)
	}
	if err := s.Restart(); err != nil {
		t.Fatal(err)
	}
	if s.Addr() != addr {
		t.Fatalf("address changed %s → %s", addr, s.Addr())
	}
	msgs, err := s.Messages("INBOX")
	if err != nil || len(msgs) != 1 {
		t.Fatalf("after restart: %v, %v", msgs, err)
	}
}

func TestCutAfterMidFetch(t *testing.T) {
	s := Start(t)
	for i := range 20 {
		body := testMail(i)
		body = append(body, strings.Repeat("x", 4000)...)
		if _, err := s.Append("INBOX", body, time.Time{}); err != nil {
			t.Fatal(err)
		}
	}
	c, err := s.Dial()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := c.Select("INBOX", nil).Wait(); err != nil {
		t.Fatal(err)
	}
	cut := s.CutAfter(30_000)
	cmd := c.Fetch(imap.SeqSet{{Start: 1, Stop: 0}}, &imap.FetchOptions{
		BodySection: []*imap.FetchItemBodySection{{Peek: true}},
	})
	// Stream, and stop at the first error: after a literal read failed,
	// touching the command again races inside imapclient (see mailin).
	var read int64
	var fetchErr error
loop:
	for msg := cmd.Next(); msg != nil; msg = cmd.Next() {
		for item := msg.Next(); item != nil; item = msg.Next() {
			if bs, ok := item.(imapclient.FetchItemDataBodySection); ok && bs.Literal != nil {
				// A cut by the peer reads as io.EOF, which io.Copy takes for
				// success: only a full read of Size() bytes proves the
				// literal complete.
				buf := make([]byte, bs.Literal.Size())
				n, err := io.ReadFull(bs.Literal, buf)
				read += int64(n)
				if err != nil {
					fetchErr = err
					break loop
				}
			}
		}
	}
	if fetchErr == nil {
		fetchErr = cmd.Close()
	}
	if fetchErr == nil {
		t.Fatalf("fetch of 80 KB survived a cut after 30 KB (read %d)", read)
	}
	if read >= 80_000 {
		t.Fatalf("read %d bytes before the cut", read)
	}
	select {
	case <-cut:
	case <-time.After(5 * time.Second):
		t.Fatal("cut channel not closed")
	}
}

func TestLoginAttempts(t *testing.T) {
	s := Start(t, WithCredentials("u", "p"))
	if _, err := s.Dial(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DialAs("u", "wrong"); err == nil {
		t.Fatal("login with a wrong password succeeded")
	}
	if a, f := s.LoginAttempts(); a != 2 || f != 1 {
		t.Fatalf("LoginAttempts = %d, %d; want 2, 1", a, f)
	}
}

func TestConfigErrors(t *testing.T) {
	for _, cfg := range []Config{{TLS: "bogus"}, {NoIdle: true}, {NoIdle: true, Rev1Only: true, TLS: TLSStartTLS}} {
		if s, err := New(cfg); err == nil {
			s.Close()
			t.Errorf("New(%+v) succeeded", cfg)
		}
	}
}

// Mail appended between the last command and IDLE must be announced once
// IDLE starts.
func TestIdleSendsQueuedUpdates(t *testing.T) {
	s := Start(t)
	s.Append("INBOX", testMail(1), time.Time{})
	got := make(chan uint32, 10)
	c, err := imapclient.DialInsecure(s.Addr(), &imapclient.Options{UnilateralDataHandler: &imapclient.UnilateralDataHandler{
		Mailbox: func(d *imapclient.UnilateralDataMailbox) {
			if d.NumMessages != nil {
				got <- *d.NumMessages
			}
		}}})
	if err != nil {
		t.Fatal(err)
	}
	c.Login(s.Username(), s.Password()).Wait()
	c.Select("INBOX", nil).Wait()
	s.Append("INBOX", testMail(2), time.Time{})
	idle, err := c.Idle()
	if err != nil {
		t.Fatal(err)
	}
	select {
	case n := <-got:
		if n != 2 {
			t.Errorf("EXISTS %d, want 2", n)
		}
	case <-time.After(2 * time.Second):
		t.Error("no exists")
	}
	idle.Close()
	idle.Wait()
}

func TestProxy(t *testing.T) {
	s := Start(t)
	p := StartProxy(t, s.Addr())
	c, err := imapclient.DialInsecure(p.Addr(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Login(s.Username(), s.Password()).Wait(); err != nil {
		t.Fatalf("login through the proxy: %v", err)
	}
	if open, _ := p.Conns(); open != 1 {
		t.Fatalf("proxy has %d open connections", open)
	}
	if n := p.CutConnections(); n != 1 {
		t.Fatalf("CutConnections = %d", n)
	}
	select {
	case <-c.Closed():
	case <-time.After(5 * time.Second):
		t.Fatal("client not closed after the proxy cut")
	}
	if !s.WaitOpenConns(0, 5*time.Second) {
		t.Error("the server side stayed open after the proxy cut")
	}
}
