// Package testcfg writes privacyd configuration files for tests: one
// privacy address, one staff address, plain (tls: none) IMAP and SMTP on
// loopback, the database in the file's folder and no HTTP listener. The
// end-to-end harness (internal/e2e), the interop tests against a real
// Dovecot and the daemon and command tests share it, each setting only what
// its test is about.
package testcfg

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Config is what a test's configuration file says. The zero value of a
// field means its default as documented, or that the key is left out.
type Config struct {
	// Organisation is organisation.name; default Example Shop B.V.
	Organisation string
	// Privacy is organisation.privacy_address; default privacy@example.org.
	Privacy string
	// Timezone is organisation.timezone; left out when empty.
	Timezone string

	// IMAPAddr is imap.address (host:port).
	IMAPAddr string
	// IMAPUser is imap.username; default Privacy.
	IMAPUser string
	// IMAPPassword is the IMAP password: written as imap.password, or into
	// the file PasswordFile names.
	IMAPPassword string
	// PasswordFile, when set, is the name of a file in the configuration's
	// folder that holds IMAPPassword (and a newline), given as
	// imap.password_file instead of imap.password.
	PasswordFile string
	// PollInterval is imap.poll_interval (e.g. 5s); left out when empty.
	PollInterval string
	// IMAPYAML holds more keys under imap:, each line indented two spaces.
	IMAPYAML string

	// SMTPAddr is smtp.address (host:port).
	SMTPAddr string
	// SMTPYAML holds more keys under smtp:, each line indented two spaces.
	SMTPYAML string

	// Staff is the one address of staff.addresses; default staff@example.org.
	Staff string
	// Owner is owner:; left out when empty.
	Owner string
	// IdentityCheck is policy.identity_check; left out when empty.
	IdentityCheck string

	// ExtraYAML is appended to the file (top-level keys).
	ExtraYAML string
}

// Write writes c as privacyd.yaml (and the password file, if any) into dir
// and returns the file's path. The database is privacyd.db in dir.
func Write(t testing.TB, dir string, c Config) string {
	t.Helper()
	c.Organisation = cmp.Or(c.Organisation, "Example Shop B.V.")
	c.Privacy = cmp.Or(c.Privacy, "privacy@example.org")
	c.IMAPUser = cmp.Or(c.IMAPUser, c.Privacy)
	c.Staff = cmp.Or(c.Staff, "staff@example.org")

	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	block := func(yaml string) {
		if yaml != "" {
			b.WriteString(strings.TrimSuffix(yaml, "\n") + "\n")
		}
	}
	line("organisation:")
	line("  name: %s", c.Organisation)
	line("  privacy_address: %s", c.Privacy)
	if c.Timezone != "" {
		line("  timezone: %s", c.Timezone)
	}
	line("  default_language: en")
	line("imap:")
	line("  address: %s", c.IMAPAddr)
	line("  tls: none")
	line("  username: %s", c.IMAPUser)
	if c.PasswordFile != "" {
		if err := os.WriteFile(filepath.Join(dir, c.PasswordFile), []byte(c.IMAPPassword+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		line("  password_file: %s", c.PasswordFile)
	} else {
		line("  password: %s", c.IMAPPassword)
	}
	if c.PollInterval != "" {
		line("  poll_interval: %s", c.PollInterval)
	}
	block(c.IMAPYAML)
	line("smtp:")
	line("  address: %s", c.SMTPAddr)
	line("  tls: none")
	block(c.SMTPYAML)
	line("database:")
	line("  path: privacyd.db")
	line("staff:")
	line("  addresses: [%s]", c.Staff)
	if c.Owner != "" {
		line("owner: %s", c.Owner)
	}
	if c.IdentityCheck != "" {
		line("policy:")
		line("  identity_check: %s", c.IdentityCheck)
	}
	line("http:")
	line(`  address: ""`)
	b.WriteString(c.ExtraYAML)

	path := filepath.Join(dir, "privacyd.yaml")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
