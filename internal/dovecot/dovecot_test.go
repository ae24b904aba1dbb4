package dovecot_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"privacyd/internal/dovecot"
)

func testMail(i int) []byte {
	return fmt.Appendf(nil, "From: a%d@example.net\nTo: privacy@example.org\nSubject: test %d\nMessage-ID: <m%d@example.net>\n\nbody %d\n", i, i, i, i)
}

func TestServer(t *testing.T) {
	s := dovecot.Start(t, dovecot.Options{Mailboxes: []string{"Processed"}})
	at := time.Date(2026, 3, 5, 10, 0, 0, 0, time.FixedZone("CET", 3600))
	uid, err := s.Append("INBOX", testMail(1), at)
	if err != nil {
		t.Fatal(err)
	}
	if uid != 1 {
		t.Errorf("first APPEND got uid %d, want 1", uid)
	}
	if err := s.AppendMany("INBOX", 3, func(i int) ([]byte, time.Time) { return testMail(i + 2), at.Add(time.Duration(i) * time.Minute) }); err != nil {
		t.Fatal(err)
	}
	msgs, err := s.Messages("INBOX")
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 4 {
		t.Fatalf("%d messages, want 4", len(msgs))
	}
	for i, m := range msgs {
		if want := fmt.Sprintf("m%d@example.net", i+1); m.MessageID != want || m.UID != uint32(i+1) {
			t.Errorf("message %d: uid %d id %q, want uid %d id %q", i, m.UID, m.MessageID, i+1, want)
		}
	}
	if !msgs[0].InternalDate.Equal(at) {
		t.Errorf("INTERNALDATE %s, want %s", msgs[0].InternalDate, at)
	}

	// What privacyd relies on: keywords, MOVE, UIDPLUS, IDLE.
	c, err := s.Dial()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for _, cp := range []imap.Cap{imap.CapIdle, imap.CapMove, imap.CapUIDPlus} {
		if !c.Caps().Has(cp) {
			t.Errorf("dovecot lacks %s", cp)
		}
	}
	sel, err := c.Select("INBOX", nil).Wait()
	if err != nil {
		t.Fatal(err)
	}
	hasWildcard := false
	for _, f := range sel.PermanentFlags {
		hasWildcard = hasWildcard || f == imap.FlagWildcard
	}
	if !hasWildcard {
		t.Errorf("PERMANENTFLAGS %v lack \\*", sel.PermanentFlags)
	}
	if err := c.Store(imap.UIDSetNum(2), &imap.StoreFlags{Op: imap.StoreFlagsAdd, Silent: true, Flags: []imap.Flag{"$privacyd"}}, nil).Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Move(imap.UIDSetNum(3), "Processed").Wait(); err != nil {
		t.Fatal(err)
	}
	c.Logout().Wait()

	msgs, _ = s.Messages("INBOX")
	if len(msgs) != 3 || !msgs[1].Has("$privacyd") || msgs[0].Has("$privacyd") {
		t.Errorf("after STORE and MOVE: %+v", msgs)
	}
	moved, _ := s.Messages("Processed")
	if len(moved) != 1 || moved[0].MessageID != "m3@example.net" {
		t.Errorf("Processed holds %+v, want m3", moved)
	}

	// Restart keeps the store; a UIDVALIDITY reset keeps the mail too.
	if err := s.Restart(); err != nil {
		t.Fatal(err)
	}
	old, cur, err := s.ResetUIDValidity("INBOX")
	if err != nil {
		t.Fatal(err)
	}
	if cur == old {
		t.Errorf("UIDVALIDITY stayed %d", cur)
	}
	msgs, err = s.Messages("INBOX")
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 3 {
		t.Errorf("%d messages after the reset, want 3", len(msgs))
	}
	if !strings.Contains(s.Log(), "starting up") {
		t.Errorf("log does not show the start:\n%s", s.Log())
	}
}

func TestCredentialsAndTwoServers(t *testing.T) {
	s := dovecot.Start(t, dovecot.Options{User: "u@example.org", Password: "right"})
	c, err := s.Dial()
	if err != nil {
		t.Fatalf("right password: %v", err)
	}
	c.Close()
	c, err = imapclient.DialInsecure(s.Addr(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	err = c.Login("u@example.org", "wrong").Wait()
	var ie *imap.Error
	if !errors.As(err, &ie) || ie.Code != imap.ResponseCodeAuthenticationFailed {
		t.Errorf("wrong password: %v, want NO [AUTHENTICATIONFAILED]", err)
	}
	other := dovecot.Start(t)
	if s.Addr() == other.Addr() {
		t.Fatalf("two servers on one address %s", s.Addr())
	}
	if other.User() != dovecot.DefaultUser {
		t.Errorf("default user %q", other.User())
	}
}

func TestCRLF(t *testing.T) {
	for in, want := range map[string]string{
		"a\nb\n":     "a\r\nb\r\n",
		"a\r\nb\n":   "a\r\nb\r\n",
		"a\r\nb\r\n": "a\r\nb\r\n",
		"\n":         "\r\n",
		"abc":        "abc",
	} {
		if got := string(dovecot.CRLF([]byte(in))); got != want {
			t.Errorf("CRLF(%q) = %q, want %q", in, got, want)
		}
	}
}
