package mailin_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"privacyd/internal/imaptest"
	"privacyd/mailin"
)

func TestCheck(t *testing.T) {
	srv := imaptest.Start(t, imaptest.WithMailboxes("INBOX", "Processed"))
	if _, err := srv.Append("INBOX", []byte("Subject: x\r\n\r\nhi\r\n"), time.Now()); err != nil {
		t.Fatal(err)
	}
	opt := func(password, mailbox, processed string) mailin.Options {
		return mailin.Options{Address: srv.Addr(), TLS: mailin.TLSNone, Username: srv.Username(), Password: password,
			Mailbox: mailbox, ProcessedMailbox: processed, DialTimeout: 5 * time.Second}
	}
	ctx := context.Background()
	res, err := mailin.Check(ctx, opt(srv.Password(), "INBOX", "Processed"))
	if err != nil || res.Messages != 1 || !res.ProcessedExists || res.UIDValidity == 0 {
		t.Fatalf("good login: %+v, %v", res, err)
	}
	if res, err := mailin.Check(ctx, opt(srv.Password(), "INBOX", "Archive/privacyd")); err != nil || res.ProcessedExists {
		t.Errorf("missing processed mailbox: %+v, %v (want no error, ProcessedExists false)", res, err)
	}
	if mbs, _ := srv.Mailboxes(); len(mbs) != 2 {
		t.Errorf("Check changed the server: mailboxes %v", mbs)
	}
	if _, err := mailin.Check(ctx, opt("wrong", "INBOX", "")); !errors.Is(err, mailin.ErrAuth) {
		t.Errorf("wrong password: %v, want ErrAuth", err)
	}
	if _, err := mailin.Check(ctx, opt(srv.Password(), "Nope", "")); err == nil || !strings.Contains(err.Error(), `mailbox "Nope" does not exist`) {
		t.Errorf("missing mailbox: %v", err)
	}
	if _, err := mailin.Check(ctx, mailin.Options{Address: "127.0.0.1:1", TLS: mailin.TLSNone, Username: "u", DialTimeout: time.Second}); err == nil {
		t.Error("nothing listening: no error")
	}
}
