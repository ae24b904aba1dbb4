package interop_test

import (
	"context"
	"database/sql"
	"log/slog"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"privacyd/internal/dovecot"
	"privacyd/internal/e2e"
	"privacyd/internal/smtptest"
	"privacyd/internal/testcfg"
)

// interopConfig is privacyd's configuration in the interop tests, for an IMAP
// server at imapAddr (plain, loopback) and an SMTP server at smtpAddr.
// imapYAML holds more keys under imap: (indented two spaces); the poll
// interval is 5s unless it sets one.
func interopConfig(imapAddr, user, password, smtpAddr, imapYAML string) testcfg.Config {
	c := testcfg.Config{
		Organisation: "Voorbeeld Webwinkel B.V.", Privacy: privacyAddr, Timezone: "Europe/Amsterdam", Staff: staffAddr,
		IMAPAddr: imapAddr, IMAPUser: user, IMAPPassword: password, PasswordFile: "imap-password", IMAPYAML: imapYAML,
		SMTPAddr: smtpAddr,
		ExtraYAML: `limits:
  # The test mails carry fixed dates in 2026 and privacyd runs on the real
  # clock here: answer them however long ago they arrived.
  answer_max_age_days: 3650
`,
	}
	if !strings.Contains(imapYAML, "poll_interval") {
		c.PollInterval = "5s"
	}
	return c
}

// env is privacyd (in process, through daemon.New: internal/e2e on the real
// clock) against a real Dovecot and the in-process SMTP sink.
type env struct {
	*e2e.Env
	dc *dovecot.Server
}

// newEnv starts Dovecot (skipping without it), the SMTP sink and privacyd.
// imapYAML is YAML under imap: (indented two spaces).
func newEnv(t *testing.T, imapYAML string) *env {
	t.Helper()
	dc := dovecot.Start(t)
	c := interopConfig(dc.Addr(), dc.User(), dc.Password(), "", imapYAML)
	return &env{Env: e2e.New(t, e2e.Options{Config: &c, RealClock: true, LogLevel: slog.LevelWarn}), dc: dc}
}

// processAll reads the mailbox once and, unlike e2e's Process, sends until
// nothing is due, failing the test on a sender error.
func (e *env) processAll() int {
	e.T.Helper()
	ctx := context.Background()
	n, err := e.D.Reader.Once(ctx)
	if err != nil {
		e.T.Fatalf("reader: %v", err)
	}
	for range 100 {
		sent, err := e.D.Sender.SendDue(ctx)
		if err != nil {
			e.T.Fatalf("sender: %v", err)
		}
		if sent == 0 {
			return n
		}
	}
	e.T.Fatal("outbox did not drain")
	return n
}

func (e *env) append(raw string, at time.Time) {
	e.T.Helper()
	if _, err := e.dc.Append("INBOX", []byte(raw), at); err != nil {
		e.T.Fatal(err)
	}
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
