package interop_test

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

	_ "modernc.org/sqlite"

	"privacyd/config"
	"privacyd/daemon"
	"privacyd/internal/dovecot"
	"privacyd/internal/smtptest"
	"privacyd/tracker"
)

// writeConfig writes a privacyd configuration into dir for an IMAP server at
// imapAddr (plain, loopback) and an SMTP server at smtpAddr, and returns its
// path. extra is appended YAML (top-level keys).
func writeConfig(t testing.TB, dir, imapAddr, user, password, smtpAddr, imapExtra, extra string) string {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, "imap-password"), []byte(password+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(imapExtra, "poll_interval") {
		imapExtra += "\n  poll_interval: 5s"
	}
	yaml := fmt.Sprintf(`organisation:
  name: Voorbeeld Webwinkel B.V.
  privacy_address: %[4]s
  timezone: Europe/Amsterdam
  default_language: en
imap:
  address: %[1]s
  tls: none
  username: %[2]s
  password_file: imap-password
%[6]s
smtp:
  address: %[3]s
  tls: none
database:
  path: privacyd.db
staff:
  addresses: [%[5]s]
http:
  address: ""
limits:
  # The test mails carry fixed dates in 2026 and privacyd runs on the real
  # clock here: answer them however long ago they arrived.
  answer_max_age_days: 3650
%[7]s`, imapAddr, user, smtpAddr, privacyAddr, staffAddr, imapExtra, extra)
	path := filepath.Join(dir, "privacyd.yaml")
	if err := os.WriteFile(path, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// env is privacyd (in process, through daemon.New) against a real Dovecot
// and the in-process SMTP sink.
type env struct {
	t    *testing.T
	dc   *dovecot.Server
	smtp *smtptest.Server
	dir  string
	cfg  *config.Config
	d    *daemon.Daemon
}

// newEnv starts Dovecot (skipping without it), the SMTP sink and privacyd.
// imapExtra is YAML under imap: (indented two spaces).
func newEnv(t *testing.T, imapExtra string) *env {
	t.Helper()
	e := &env{t: t, dir: t.TempDir()}
	e.dc = dovecot.Start(t)
	e.smtp = smtptest.Start(t, smtptest.Config{})
	path := writeConfig(t, e.dir, e.dc.Addr(), e.dc.User(), e.dc.Password(), e.smtp.Addr(), imapExtra, "")
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	e.cfg = cfg
	e.start()
	return e
}

func (e *env) start() {
	e.t.Helper()
	log := slog.New(slog.NewTextHandler(testWriter{e.t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	d, err := daemon.New(context.Background(), e.cfg, daemon.Options{Log: log})
	if err != nil {
		e.t.Fatal(err)
	}
	e.d = d
	e.t.Cleanup(func() { d.Close() })
}

// restart closes privacyd and opens a new one on the same database.
func (e *env) restart() {
	e.t.Helper()
	e.d.Close()
	e.start()
}

type testWriter struct{ t testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// process reads the mailbox once and sends everything that is due.
func (e *env) process() int {
	e.t.Helper()
	ctx := context.Background()
	n, err := e.d.Reader.Once(ctx)
	if err != nil {
		e.t.Fatalf("reader: %v", err)
	}
	e.drain()
	return n
}

// drain sends until the outbox has nothing due.
func (e *env) drain() {
	e.t.Helper()
	for range 100 {
		sent, err := e.d.Sender.SendDue(context.Background())
		if err != nil {
			e.t.Fatalf("sender: %v", err)
		}
		if sent == 0 {
			return
		}
	}
	e.t.Fatal("outbox did not drain")
}

func (e *env) append(raw string, at time.Time) {
	e.t.Helper()
	if _, err := e.dc.Append("INBOX", []byte(raw), at); err != nil {
		e.t.Fatal(err)
	}
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
func sentTo(s *smtptest.Server, rcpt string) []smtptest.Message {
	var out []smtptest.Message
	for _, m := range s.Messages() {
		if slices.Contains(m.To, strings.ToLower(rcpt)) || slices.Contains(m.To, rcpt) {
			out = append(out, m)
		}
	}
	return out
}

// openDB opens privacyd's database read-only.
func openDB(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// ciScale reports whether the long variants of the tests should run: in CI
// (CI=true) or when Dovecot is required (PRIVACYD_DOVECOT=1).
func ciScale() bool {
	return os.Getenv("CI") == "true" || dovecot.Required()
}
