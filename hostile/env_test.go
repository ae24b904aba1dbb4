package hostile

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"

	"privacyd/clock"
	"privacyd/config"
	"privacyd/daemon"
	"privacyd/internal/imaptest"
	"privacyd/internal/smtptest"
	"privacyd/tracker"
)

// env is one privacyd against real in-process IMAP and SMTP servers, with a
// database file in a temp dir and a fake clock.
type env struct {
	t       *testing.T
	privacy string // the privacy@ address
	staff   string
	imap    *imaptest.Server
	smtp    *smtptest.Server
	dir     string
	cfg     *config.Config
	clk     *clock.Fake
	d       *daemon.Daemon
}

type envOpts struct {
	domain    string // default example.org
	extraYAML string
	onMessage func(smtptest.Message)
}

func newEnv(t *testing.T, o envOpts) *env {
	t.Helper()
	if o.domain == "" {
		o.domain = "example.org"
	}
	e := &env{t: t, dir: t.TempDir(), privacy: "privacy@" + o.domain, staff: "staff@" + o.domain}
	e.imap = imaptest.Start(t, imaptest.WithCredentials(e.privacy, "secret"))
	e.smtp = smtptest.Start(t, smtptest.Config{OnMessage: o.onMessage})
	if err := os.WriteFile(filepath.Join(e.dir, "pw"), []byte("secret\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	yaml := fmt.Sprintf(`organisation:
  name: Example Shop B.V.
  privacy_address: %[3]s
  default_language: en
imap:
  address: %[1]s
  tls: none
  username: %[3]s
  password_file: pw
  poll_interval: 5s
smtp:
  address: %[2]s
  tls: none
database:
  path: privacyd.db
staff:
  addresses: [%[4]s]
http:
  address: ""
%[5]s`, e.imap.Addr(), e.smtp.Addr(), e.privacy, e.staff, o.extraYAML)
	path := filepath.Join(e.dir, "privacyd.yaml")
	if err := os.WriteFile(path, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	e.cfg = cfg
	e.clk = clock.NewFake(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
	log := slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	d, err := daemon.New(context.Background(), e.cfg, daemon.Options{Log: log, Clock: e.clk})
	if err != nil {
		t.Fatal(err)
	}
	e.d = d
	t.Cleanup(func() { d.Close() })
	return e
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// process reads the mailbox once and sends what is due; it returns how many
// mails were read and sent.
func (e *env) process() (read, sent int) {
	e.t.Helper()
	ctx := context.Background()
	read, err := e.d.Reader.Once(ctx)
	if err != nil {
		e.t.Fatalf("reader: %v", err)
	}
	sent, err = e.d.Sender.SendDue(ctx)
	if err != nil {
		e.t.Logf("sender: %v", err)
	}
	return read, sent
}

// appendRaw puts raw into the INBOX as delivered; raw is used as is.
func (e *env) appendRaw(raw []byte) {
	e.t.Helper()
	if _, err := e.imap.Append("INBOX", raw, e.clk.Now()); err != nil {
		e.t.Fatal(err)
	}
}

// crlf turns LF line ends into CRLF.
func crlf(s string) []byte {
	return []byte(strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\n", "\r\n"))
}

func (e *env) cases() []*tracker.Case {
	e.t.Helper()
	cs, err := e.d.Tracker.Cases(context.Background(), tracker.Filter{})
	if err != nil {
		e.t.Fatal(err)
	}
	return cs
}

// sentTo returns the captured mails with rcpt among their envelope recipients.
func (e *env) sentTo(rcpt string) []smtptest.Message {
	var out []smtptest.Message
	for _, m := range e.smtp.Messages() {
		if slices.Contains(m.To, rcpt) {
			out = append(out, m)
		}
	}
	return out
}

// fetchBody returns BODY[] of uid in the INBOX as the IMAP server hands it out.
func (e *env) fetchBody(uid uint32) []byte {
	e.t.Helper()
	c, err := e.imap.Dial()
	if err != nil {
		e.t.Fatal(err)
	}
	defer c.Close()
	if _, err := c.Select("INBOX", &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		e.t.Fatal(err)
	}
	sec := &imap.FetchItemBodySection{Peek: true}
	msgs, err := c.Fetch(imap.UIDSetNum(imap.UID(uid)), &imap.FetchOptions{BodySection: []*imap.FetchItemBodySection{sec}}).Collect()
	if err != nil || len(msgs) != 1 {
		e.t.Fatalf("fetch uid %d: %d messages, %v", uid, len(msgs), err)
	}
	return msgs[0].FindBodySection(sec)
}

func (e *env) db() *sql.DB { return e.d.Tracker.DB() }

func (e *env) count(q string, args ...any) int {
	e.t.Helper()
	var n int
	if err := e.db().QueryRow(q, args...).Scan(&n); err != nil {
		e.t.Fatalf("%s: %v", q, err)
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
