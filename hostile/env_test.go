package hostile

import (
	"database/sql"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/emersion/go-imap/v2"

	"privacyd/internal/e2e"
	"privacyd/internal/smtptest"
)

// env is one privacyd against real in-process IMAP and SMTP servers, with a
// database file in a temp dir and a fake clock (internal/e2e).
type env struct{ *e2e.Env }

type envOpts struct {
	domain    string // default example.org
	extraYAML string
	onMessage func(smtptest.Message)
}

func newEnv(t *testing.T, o envOpts) *env {
	t.Helper()
	return &env{e2e.New(t, e2e.Options{Domain: o.domain, ExtraYAML: o.extraYAML, OnMessage: o.onMessage, LogLevel: slog.LevelWarn})}
}

// appendRaw puts raw into the INBOX as delivered; raw is used as is.
func (e *env) appendRaw(raw []byte) {
	e.T.Helper()
	if _, err := e.IMAP.Append("INBOX", raw, e.Clock.Now()); err != nil {
		e.T.Fatal(err)
	}
}

// fetchBody returns BODY[] of uid in the INBOX as the IMAP server hands it out.
func (e *env) fetchBody(uid uint32) []byte {
	e.T.Helper()
	c, err := e.IMAP.Dial()
	if err != nil {
		e.T.Fatal(err)
	}
	defer c.Close()
	if _, err := c.Select("INBOX", &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		e.T.Fatal(err)
	}
	sec := &imap.FetchItemBodySection{Peek: true}
	msgs, err := c.Fetch(imap.UIDSetNum(imap.UID(uid)), &imap.FetchOptions{BodySection: []*imap.FetchItemBodySection{sec}}).Collect()
	if err != nil || len(msgs) != 1 {
		e.T.Fatalf("fetch uid %d: %d messages, %v", uid, len(msgs), err)
	}
	return msgs[0].FindBodySection(sec)
}

func (e *env) db() *sql.DB { return e.D.Tracker.DB() }

func (e *env) count(q string, args ...any) int {
	e.T.Helper()
	var n int
	if err := e.db().QueryRow(q, args...).Scan(&n); err != nil {
		e.T.Fatalf("%s: %v", q, err)
	}
	return n
}

func plainMail(from, subject, msgID, body string, headers ...string) string {
	h := strings.Join(headers, "\n")
	if h != "" {
		h += "\n"
	}
	id := ""
	if msgID != "" {
		id = "Message-ID: <" + msgID + ">\n"
	}
	return fmt.Sprintf("From: %s\nTo: privacy@example.org\nSubject: %s\n%sDate: Thu, 26 Nov 2026 10:00:00 +0100\n%sMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n%s\n",
		from, subject, id, h, body)
}
