package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"privacyd/clock"
	"privacyd/internal/imaptest"
	"privacyd/internal/smtptest"
	"privacyd/internal/testcfg"
)

// writeOpsConfig writes a configuration for in-process servers; extra is
// appended (YAML).
func writeOpsConfig(t *testing.T, imapAddr, imapPassword, smtpAddr, extra string) string {
	t.Helper()
	return testcfg.Write(t, t.TempDir(), testcfg.Config{
		IMAPAddr: imapAddr, IMAPPassword: imapPassword, IMAPYAML: "  processed_mailbox: Processed", SMTPAddr: smtpAddr,
		Owner: "owner@example.org", IdentityCheck: "never", ExtraYAML: extra,
	})
}

func TestCheckConfig(t *testing.T) {
	imap := imaptest.Start(t, imaptest.WithCredentials("privacy@example.org", "secret"))
	smtp := smtptest.Start(t, smtptest.Config{})
	clk := clock.NewFake(time.Date(2026, 3, 27, 12, 0, 0, 0, time.UTC)) // a Friday, before the DST switch

	t.Run("all good", func(t *testing.T) {
		var out bytes.Buffer
		err := checkConfig(context.Background(), writeOpsConfig(t, imap.Addr(), "secret", smtp.Addr(), ""), &out, checkOptions{clock: clk})
		if err != nil {
			t.Fatalf("%v\n%s", err, out.String())
		}
		for _, want := range []string{
			"✓ configuration ",
			`✓ imap: logged in to ` + imap.Addr() + ` (none) as privacy@example.org; mailbox "INBOX" has 0 messages`,
			`processed mailbox "Processed" does not exist yet`,
			"✓ smtp: connected to " + smtp.Addr() + " (none), no login configured",
			"✓ templates: the embedded defaults load and render",
			"is writable (0 cases in the register)",
			// Defaults: daily 08:00 and Monday 08:00, Amsterdam; 30 March is after the switch to CEST.
			`✓ schedule.deadline_sweep "0 8 * * *": next run Sat 2026-03-28 08:00 CET`,
			`✓ schedule.digest "0 8 * * 1": next run Mon 2026-03-30 08:00 CEST`,
			"all checks passed",
		} {
			if !strings.Contains(out.String(), want) {
				t.Errorf("report lacks %q:\n%s", want, out.String())
			}
		}
		if strings.Contains(out.String(), "✗") {
			t.Errorf("a check failed:\n%s", out.String())
		}
	})

	t.Run("wrong IMAP password", func(t *testing.T) {
		var out bytes.Buffer
		err := checkConfig(context.Background(), writeOpsConfig(t, imap.Addr(), "wrong", smtp.Addr(), ""), &out, checkOptions{clock: clk})
		if err == nil || !strings.Contains(err.Error(), "1 check failed (imap)") {
			t.Fatalf("err = %v\n%s", err, out.String())
		}
		t.Logf("report:\n%s", out.String())
		want := "✗ imap: " + imap.Addr() + " refused the login of privacy@example.org: wrong username or password"
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
		// The other checks still ran.
		if !strings.Contains(out.String(), "✓ smtp:") || !strings.Contains(out.String(), "✓ database ") {
			t.Errorf("other checks missing:\n%s", out.String())
		}
	})

	t.Run("nothing listening and a missing template", func(t *testing.T) {
		var out bytes.Buffer
		tdir := t.TempDir()
		os.MkdirAll(filepath.Join(tdir, "en"), 0o755)
		os.WriteFile(filepath.Join(tdir, "en", "digest.subject.tmpl"), []byte("{{.Nope}}"), 0o644)
		cfg := writeOpsConfig(t, imap.Addr(), "secret", "127.0.0.1:1", "templates:\n  dir: "+tdir+"\n")
		err := checkConfig(context.Background(), cfg, &out, checkOptions{clock: clk})
		if err == nil || !strings.Contains(err.Error(), "2 checks failed (smtp, templates)") {
			t.Fatalf("err = %v\n%s", err, out.String())
		}
		if !strings.Contains(out.String(), "✗ smtp: 127.0.0.1:1:") || !strings.Contains(out.String(), "✗ templates:") ||
			!strings.Contains(out.String(), "digest.subject.tmpl") {
			t.Errorf("report:\n%s", out.String())
		}
	})

	t.Run("invalid file", func(t *testing.T) {
		var out bytes.Buffer
		cfg := writeOpsConfig(t, imap.Addr(), "secret", smtp.Addr(), "schedule:\n  digest: \"0 8 * *\"\n")
		err := checkConfig(context.Background(), cfg, &out, checkOptions{clock: clk})
		if err == nil || !strings.Contains(out.String(), "✗ configuration") || !strings.Contains(out.String(), "schedule.digest") {
			t.Errorf("err = %v\n%s", err, out.String())
		}
	})
}

func TestRunCheckConfigUsage(t *testing.T) {
	var out bytes.Buffer
	if err := runCheckConfig(nil, nil, &out, &out); err == nil {
		t.Error("no -config: no error")
	}
}
