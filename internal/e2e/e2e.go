// Package e2e runs a whole privacyd for tests: the daemon built from a real
// configuration file (internal/testcfg), against real in-process IMAP
// (internal/imaptest) and SMTP (internal/smtptest) servers, with its
// database in a temp dir and a fake clock. End-to-end, hostile-mail and
// interop tests share it; the interop tests point it at a real Dovecot
// (Options.Config) and run it on the real clock (Options.RealClock).
package e2e

import (
	"cmp"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"privacyd/clock"
	"privacyd/config"
	"privacyd/daemon"
	"privacyd/internal/imaptest"
	"privacyd/internal/smtptest"
	"privacyd/internal/testcfg"
	"privacyd/tracker"
)

// Options shape an Env.
type Options struct {
	// Domain of the privacy and staff addresses; default example.org.
	Domain string
	// ExtraYAML is appended to the configuration file.
	ExtraYAML string
	// OnMessage is called for every mail the SMTP server accepts.
	OnMessage func(smtptest.Message)
	// IMAP options for the IMAP server (capabilities, TLS, ...).
	IMAP []imaptest.Option
	// LogLevel of the daemon's log, which goes to t.Log; default info.
	LogLevel slog.Level

	// Config, when set, is the configuration file to write instead of the
	// default one: as given, but that an empty Privacy or Staff is made from
	// Domain, SMTPAddr is the SMTP server New starts, ExtraYAML is appended
	// to its own and, when IMAPAddr is empty, the in-process IMAP server's
	// address and login fill in the IMAP fields. With IMAPAddr set privacyd
	// reads that server (a real Dovecot, say) and Env.IMAP is nil.
	Config *testcfg.Config
	// RealClock runs privacyd on the real clock instead of a fake one;
	// Env.Clock is then nil.
	RealClock bool
}

// Env is one privacyd with its servers.
type Env struct {
	T       testing.TB
	Privacy string           // the privacy address, by default privacy@<domain>
	Staff   string           // the staff address, by default staff@<domain>
	IMAP    *imaptest.Server // nil when Options.Config names an IMAP server
	SMTP    *smtptest.Server
	Dir     string // holds privacyd.yaml, the password file and the database
	Cfg     *config.Config
	Clock   *clock.Fake // starts at 2026-11-27 09:00 UTC; nil with Options.RealClock
	D       *daemon.Daemon

	logLevel slog.Level
}

// New starts the servers and the daemon (not yet running: call Process, or
// D.Run for the real loop).
func New(t testing.TB, o Options) *Env {
	t.Helper()
	if o.Domain == "" {
		o.Domain = "example.org"
	}
	c := testcfg.Config{PasswordFile: "pw", PollInterval: "5s"}
	if o.Config != nil {
		c = *o.Config
	}
	c.Privacy = cmp.Or(c.Privacy, "privacy@"+o.Domain)
	c.Staff = cmp.Or(c.Staff, "staff@"+o.Domain)
	e := &Env{T: t, Dir: t.TempDir(), Privacy: c.Privacy, Staff: c.Staff, logLevel: o.LogLevel}
	if c.IMAPAddr == "" {
		e.IMAP = imaptest.Start(t, append([]imaptest.Option{imaptest.WithCredentials(e.Privacy, "secret")}, o.IMAP...)...)
		c.IMAPAddr, c.IMAPUser, c.IMAPPassword = e.IMAP.Addr(), e.Privacy, "secret"
	}
	e.SMTP = smtptest.Start(t, smtptest.Config{OnMessage: o.OnMessage})
	c.SMTPAddr = e.SMTP.Addr()
	c.ExtraYAML += o.ExtraYAML
	testcfg.Write(t, e.Dir, c)
	if !o.RealClock {
		e.Clock = clock.NewFake(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
	}
	e.load()
	e.start()
	return e
}

func (e *Env) configPath() string { return filepath.Join(e.Dir, "privacyd.yaml") }

func (e *Env) load() {
	e.T.Helper()
	cfg, err := config.Load(e.configPath())
	if err != nil {
		e.T.Fatal(err)
	}
	e.Cfg = cfg
}

func (e *Env) start() {
	e.T.Helper()
	log := slog.New(slog.NewTextHandler(testWriter{e.T}, &slog.HandlerOptions{Level: e.logLevel}))
	opts := daemon.Options{Log: log}
	if e.Clock != nil { // a nil *clock.Fake in the interface would not be nil
		opts.Clock = e.Clock
	}
	d, err := daemon.New(context.Background(), e.Cfg, opts)
	if err != nil {
		e.T.Fatal(err)
	}
	e.D = d
	e.T.Cleanup(func() { d.Close() })
}

// Restart closes the daemon and opens a new one on the same database.
func (e *Env) Restart() {
	e.T.Helper()
	e.D.Close()
	e.start()
}

// Reconfigure appends extraYAML to the configuration file, reloads it and restarts.
func (e *Env) Reconfigure(extraYAML string) {
	e.T.Helper()
	b, err := os.ReadFile(e.configPath())
	if err != nil {
		e.T.Fatal(err)
	}
	if err := os.WriteFile(e.configPath(), append(b, extraYAML...), 0o600); err != nil {
		e.T.Fatal(err)
	}
	e.load()
	e.Restart()
}

type testWriter struct{ t testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// Process reads the mailbox once and sends what is due; it returns how many
// mails were read and sent.
func (e *Env) Process() (read, sent int) {
	e.T.Helper()
	ctx := context.Background()
	read, err := e.D.Reader.Once(ctx)
	if err != nil {
		e.T.Fatalf("reader: %v", err)
	}
	sent, err = e.D.Sender.SendDue(ctx)
	if err != nil {
		e.T.Logf("sender: %v", err)
	}
	return read, sent
}

// Append puts raw into the INBOX as delivered at at, byte for byte.
func (e *Env) Append(raw []byte, at time.Time) {
	e.T.Helper()
	if _, err := e.IMAP.Append("INBOX", raw, at); err != nil {
		e.T.Fatal(err)
	}
}

// CRLF turns LF line ends into CRLF, as mail is stored.
func CRLF(s string) []byte {
	return []byte(strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\n", "\r\n"))
}

// Cases returns the register.
func (e *Env) Cases() []*tracker.Case {
	e.T.Helper()
	cs, err := e.D.Tracker.Cases(context.Background(), tracker.Filter{})
	if err != nil {
		e.T.Fatal(err)
	}
	return cs
}

// SentTo returns the captured mails with rcpt among their envelope recipients.
func (e *Env) SentTo(rcpt string) []smtptest.Message {
	var out []smtptest.Message
	for _, m := range e.SMTP.Messages() {
		if slices.Contains(m.To, rcpt) {
			out = append(out, m)
		}
	}
	return out
}
