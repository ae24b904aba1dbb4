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

// TestHasMessageID: the copy of a sent mail is found by its Message-ID in
// the mailbox and in the processed mailbox, exactly (not a Message-ID that
// merely contains it, nor one in another header), without changing the
// server.
func TestHasMessageID(t *testing.T) {
	srv := imaptest.Start(t, imaptest.WithMailboxes("INBOX", "Processed"))
	for box, raw := range map[string]string{
		"INBOX":     "From: privacy@shop.example\r\nMessage-ID: <ack.1@shop.example>\r\nSubject: x\r\n\r\nhi\r\n",
		"Processed": "From: privacy@shop.example\r\nMessage-ID: <ack.2@shop.example>\r\nSubject: x\r\n\r\nhi\r\n",
	} {
		if _, err := srv.Append(box, []byte(raw), time.Now()); err != nil {
			t.Fatal(err)
		}
	}
	// A customer's reply names ack.3 in In-Reply-To, and its own Message-ID contains "ack.4@shop.example".
	if _, err := srv.Append("INBOX", []byte("From: a@example.net\r\nMessage-ID: <re.ack.4@shop.example.net>\r\nIn-Reply-To: <ack.3@shop.example>\r\nSubject: Re: x\r\n\r\nthanks\r\n"), time.Now()); err != nil {
		t.Fatal(err)
	}
	opt := mailin.Options{Address: srv.Addr(), TLS: mailin.TLSNone, Username: srv.Username(), Password: srv.Password(),
		Mailbox: "INBOX", ProcessedMailbox: "Processed", DialTimeout: 5 * time.Second}
	ctx := context.Background()
	for id, want := range map[string]bool{"ack.1@shop.example": true, "<ack.2@shop.example>": true,
		"ack.3@shop.example": false, "ack.4@shop.example": false, "ack.5@shop.example": false} {
		got, err := mailin.HasMessageID(ctx, opt, id)
		if err != nil || got != want {
			t.Errorf("HasMessageID(%s) = %v, %v; want %v", id, got, err, want)
		}
	}
	opt.ProcessedMailbox = "Archive/privacyd" // not created yet: only INBOX is searched
	if got, err := mailin.HasMessageID(ctx, opt, "ack.1@shop.example"); err != nil || !got {
		t.Errorf("without the processed mailbox: %v, %v; want true", got, err)
	}
	if mbs, _ := srv.Mailboxes(); len(mbs) != 2 {
		t.Errorf("HasMessageID changed the server: mailboxes %v", mbs)
	}
	opt.Password = "wrong"
	if _, err := mailin.HasMessageID(ctx, opt, "ack.1@shop.example"); !errors.Is(err, mailin.ErrAuth) {
		t.Errorf("wrong password: %v, want ErrAuth", err)
	}
}
