package hostile

import (
	"os"
	"path/filepath"
	"testing"
)

// refetch makes every mail in the INBOX new again, as a server migration
// does: the mailbox is recreated (a new UIDVALIDITY) and the same bytes are
// delivered once more.
func (e *env) refetch(raws ...[]byte) {
	e.T.Helper()
	if err := e.IMAP.DeleteMailbox("INBOX"); err != nil {
		e.T.Fatal(err)
	}
	if err := e.IMAP.CreateMailbox("INBOX"); err != nil {
		e.T.Fatal(err)
	}
	for _, r := range raws {
		e.appendRaw(r)
	}
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestReusedMessageID: two different mails with the same Message-ID (a
// broken mailer) are two requests; both get a case and an answer.
func TestReusedMessageID(t *testing.T) {
	e := newEnv(t, envOpts{})
	e.appendRaw(readFile(t, "reused-id-1.eml"))
	e.appendRaw(readFile(t, "reused-id-2.eml"))
	e.Process()
	cs := e.Cases()
	if len(cs) != 2 {
		t.Fatalf("%d cases, want 2", len(cs))
	}
	for _, a := range []string{"rita@example.net", "sam@example.com"} {
		if n := len(e.SentTo(a)); n != 1 {
			t.Errorf("%s got %d mails, want 1", a, n)
		}
	}
	// Fetched again: still two cases, nothing sent again.
	sent := len(e.SMTP.Messages())
	e.refetch(readFile(t, "reused-id-1.eml"), readFile(t, "reused-id-2.eml"))
	e.Process()
	if n := len(e.Cases()); n != 2 {
		t.Errorf("%d cases after a re-fetch, want 2", n)
	}
	if n := len(e.SMTP.Messages()); n != sent {
		t.Errorf("%d mails sent after a re-fetch", n-sent)
	}
}

// TestMissingIDAndDateRefetched: mails without Message-ID or Date are still
// a case each, once; fetched again they give no duplicate.
func TestMissingIDAndDateRefetched(t *testing.T) {
	e := newEnv(t, envOpts{})
	files := []string{"no-message-id.eml", "no-date.eml", "no-id-no-date.eml"}
	var raws [][]byte
	for _, f := range files {
		raws = append(raws, readFile(t, f))
		e.appendRaw(raws[len(raws)-1])
	}
	e.Process()
	if n := len(e.Cases()); n != 3 {
		t.Fatalf("%d cases, want 3", n)
	}
	sent := len(e.SMTP.Messages())
	for range 2 {
		e.refetch(raws...)
		if r, _ := e.Process(); r != 3 {
			t.Fatalf("the re-fetch read %d mails, want 3", r)
		}
	}
	if n := len(e.Cases()); n != 3 {
		t.Errorf("%d cases after re-fetches, want 3", n)
	}
	if n := len(e.SMTP.Messages()); n != sent {
		t.Errorf("%d mails sent after re-fetches, want none", n-sent)
	}
	if n := e.count(`SELECT COUNT(*) FROM messages`); n != 3 {
		t.Errorf("%d stored mails, want 3", n)
	}
}
