package testcfg_test

import (
	"path/filepath"
	"slices"
	"testing"
	"time"

	"privacyd/config"
	"privacyd/internal/testcfg"
)

func TestDefaults(t *testing.T) {
	dir := t.TempDir()
	path := testcfg.Write(t, dir, testcfg.Config{IMAPAddr: "127.0.0.1:1143", IMAPPassword: "secret", SMTPAddr: "127.0.0.1:1025"})
	if path != filepath.Join(dir, "privacyd.yaml") {
		t.Errorf("path %s", path)
	}
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Organisation.Name != "Example Shop B.V." || cfg.Organisation.PrivacyAddress != "privacy@example.org" {
		t.Errorf("organisation %+v", cfg.Organisation)
	}
	if cfg.IMAP.Address != "127.0.0.1:1143" || cfg.IMAP.TLS != "none" || cfg.IMAP.Username != "privacy@example.org" ||
		cfg.IMAP.Password != "secret" || cfg.IMAP.PasswordFile != "" {
		t.Errorf("imap %+v", cfg.IMAP)
	}
	if cfg.SMTP.Address != "127.0.0.1:1025" || cfg.SMTP.TLS != "none" {
		t.Errorf("smtp %+v", cfg.SMTP)
	}
	if !slices.Equal(cfg.Staff.Addresses, []string{"staff@example.org"}) {
		t.Errorf("staff %v", cfg.Staff.Addresses)
	}
	if cfg.Database.Path != filepath.Join(dir, "privacyd.db") {
		t.Errorf("database %s", cfg.Database.Path)
	}
	if cfg.HTTP.Address != "" || cfg.Policy.IdentityCheck == "never" {
		t.Errorf("http %q, identity check %q", cfg.HTTP.Address, cfg.Policy.IdentityCheck)
	}
}

func TestAllFields(t *testing.T) {
	dir := t.TempDir()
	path := testcfg.Write(t, dir, testcfg.Config{
		Organisation: "Voorbeeld B.V.", Privacy: "avg@example.nl", Timezone: "Europe/Berlin",
		IMAPAddr: "127.0.0.1:1143", IMAPUser: "mailbox-user", IMAPPassword: "s3cret", PasswordFile: "imap-password",
		PollInterval: "7s", IMAPYAML: "  idle: false\n  processed_mailbox: Done\n",
		SMTPAddr: "127.0.0.1:1025", Staff: "team@example.nl", Owner: "owner@example.nl", IdentityCheck: "never",
		ExtraYAML: "limits:\n  answer_max_age_days: 3650\n",
	})
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Organisation.Name != "Voorbeeld B.V." || cfg.Organisation.PrivacyAddress != "avg@example.nl" || cfg.Location.String() != "Europe/Berlin" {
		t.Errorf("organisation %+v, location %v", cfg.Organisation, cfg.Location)
	}
	if cfg.IMAP.Username != "mailbox-user" || cfg.IMAP.Password != "" || cfg.IMAP.PasswordFile != filepath.Join(dir, "imap-password") {
		t.Errorf("imap %+v", cfg.IMAP)
	}
	if pw, err := cfg.IMAPPassword(); err != nil || pw != "s3cret" {
		t.Errorf("IMAPPassword() = %q, %v", pw, err)
	}
	if cfg.IMAP.PollInterval != config.Duration(7*time.Second) || cfg.IMAP.IDLE == nil || *cfg.IMAP.IDLE || cfg.IMAP.ProcessedMailbox != "Done" {
		t.Errorf("imap %+v", cfg.IMAP)
	}
	if !slices.Equal(cfg.Staff.Addresses, []string{"team@example.nl"}) || cfg.Owner != "owner@example.nl" || cfg.Policy.IdentityCheck != "never" {
		t.Errorf("staff %v, owner %q, policy %+v", cfg.Staff.Addresses, cfg.Owner, cfg.Policy)
	}
	if cfg.Limits.AnswerMaxAgeDays != 3650 {
		t.Errorf("limits %+v", cfg.Limits)
	}
}
