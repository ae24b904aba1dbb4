// Package config loads and validates privacyd's YAML configuration file.
//
// The keys are fixed by DESIGN.md and documented, one by one, in
// config.example.yaml at the root of the repository (a test keeps the two in
// step). Loading is strict: unknown keys and bad values are errors that name
// the key path, and all of them are reported at once (errors.Join).
//
// Load = decode (unknown keys rejected) → relative paths resolved against the
// file's directory → SetDefaults → Validate. Validate also lower-cases mail
// addresses, sets Config.Location, loads Security.CommandKey and fills
// Config.Warnings (a plain password, a world-readable secret file), which the
// caller should log.
//
// The IMAP and SMTP passwords are not read at load time: IMAPPassword and
// SMTPPassword resolve them on each call, so a rotated secret is picked up on
// the next connection. The command key is read at load time. When no command
// key is configured, CommandKey stays nil and the tracker keeps a random key
// of its own in its database.
package config

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Config is the whole configuration file.
type Config struct {
	Organisation Organisation `yaml:"organisation"`
	IMAP         IMAP         `yaml:"imap"`
	SMTP         SMTP         `yaml:"smtp"`
	Database     Database     `yaml:"database"`
	Staff        Staff        `yaml:"staff"`
	Owner        string       `yaml:"owner"`
	Deadlines    Deadlines    `yaml:"deadlines"`
	Schedule     Schedule     `yaml:"schedule"`
	Security     Security     `yaml:"security"`
	Templates    Templates    `yaml:"templates"`
	Classify     Classify     `yaml:"classify"`
	Retention    Retention    `yaml:"retention"`
	HTTP         HTTP         `yaml:"http"`
	Limits       Limits       `yaml:"limits"`
	Policy       Policy       `yaml:"policy"`

	// Location is organisation.timezone, loaded. Set by Load.
	Location *time.Location `yaml:"-"`
	// Warnings are non-fatal remarks found while loading (a plain password, ...).
	Warnings []string `yaml:"-"`
}

// Organisation describes the company that runs the mailbox.
type Organisation struct {
	Name            string `yaml:"name"`
	PrivacyAddress  string `yaml:"privacy_address"`
	Timezone        string `yaml:"timezone"`         // default Europe/Amsterdam
	DefaultLanguage string `yaml:"default_language"` // nl, en, de or fr; default en
	// CasePrefix starts every case ID: "DSR" gives DSR-2026-0001.
	CasePrefix           string               `yaml:"case_prefix"`
	SupervisoryAuthority SupervisoryAuthority `yaml:"supervisory_authority"`
}

// SupervisoryAuthority is where a customer may complain (GDPR art. 77).
type SupervisoryAuthority struct {
	Name    string `yaml:"name"`    // default Autoriteit Persoonsgegevens
	URL     string `yaml:"url"`     // default https://autoriteitpersoonsgegevens.nl
	Address string `yaml:"address"` // default Postbus 93374, 2509 AJ Den Haag
}

// TLS modes for IMAP and SMTP connections.
const (
	TLSImplicit = "implicit"
	TLSStartTLS = "starttls"
	TLSNone     = "none" // only to a loopback address
)

// IMAP is the mailbox privacyd reads.
type IMAP struct {
	Address          string   `yaml:"address"` // host:port
	TLS              string   `yaml:"tls"`     // implicit, starttls or none
	Username         string   `yaml:"username"`
	Password         string   `yaml:"password"`
	PasswordEnv      string   `yaml:"password_env"`
	PasswordFile     string   `yaml:"password_file"`
	Mailbox          string   `yaml:"mailbox"`           // default INBOX
	ProcessedMailbox string   `yaml:"processed_mailbox"` // empty: keep in place, flag $privacyd
	IDLE             *bool    `yaml:"idle"`              // default true (used when the server offers it)
	PollInterval     Duration `yaml:"poll_interval"`     // default 1m
	// CAFile is a PEM file of CA certificates to trust instead of the
	// system roots (for a private CA or a self-signed test server).
	CAFile string `yaml:"ca_file"`
}

// SMTP is the server privacyd sends through.
type SMTP struct {
	Address      string `yaml:"address"` // host:port
	TLS          string `yaml:"tls"`     // implicit, starttls or none
	Username     string `yaml:"username"`
	Password     string `yaml:"password"`
	PasswordEnv  string `yaml:"password_env"`
	PasswordFile string `yaml:"password_file"`
	From         string `yaml:"from"` // default organisation.privacy_address
	// CAFile is a PEM file of CA certificates to trust instead of the system roots.
	CAFile string `yaml:"ca_file"`
	// CopyToSelf sends every mail to organisation.privacy_address as well
	// (an envelope recipient, named in no header), so that after a crash a
	// mail that may have gone out is looked for in the mailbox before it is
	// sent again. Default false.
	CopyToSelf bool `yaml:"copy_to_self"`
	// CopyWait is how long such a copy may take to arrive; default 10m.
	CopyWait Duration `yaml:"copy_wait"`
}

// Database is the SQLite file that holds the register.
type Database struct {
	Path string `yaml:"path"`
}

// Staff are the people who handle cases.
type Staff struct {
	// Addresses may send #commands.
	Addresses []string `yaml:"addresses"`
	// Notify receives case notifications and warnings.
	Notify []string `yaml:"notify"`
}

// Deadlines configures the legal clock.
type Deadlines struct {
	Holidays       string   `yaml:"holidays"`         // calendar name, default NL; "none" for weekends only
	ExtraClosed    []string `yaml:"extra_closed"`     // extra closed dates, YYYY-MM-DD
	ClockStarts    string   `yaml:"clock_starts"`     // receipt (default) or identity_verified
	WarnDaysBefore []int    `yaml:"warn_days_before"` // working days, default [7, 3, 1]
	// ExtensionWarnDays before the one-month due date staff are told to
	// decide on an extension (working days, default 5).
	ExtensionWarnDays int `yaml:"extension_warn_days"`
}

// Schedule holds cron expressions (5 fields, in organisation.timezone).
type Schedule struct {
	DeadlineSweep string `yaml:"deadline_sweep"` // default "0 8 * * *"
	Digest        string `yaml:"digest"`         // default "0 8 * * 1"
}

// Security protects the staff command channel.
type Security struct {
	CommandKeyEnv     string `yaml:"command_key_env"`
	CommandKeyFile    string `yaml:"command_key_file"`
	TrustedAuthservID string `yaml:"trusted_authserv_id"` // when set, staff commands need a DKIM pass from it

	// CommandKey is the loaded key, at least 16 bytes. Set by Load. It is nil
	// when neither command_key_env nor command_key_file is configured: the
	// tracker then creates a random key once and keeps it in its database.
	CommandKey []byte `yaml:"-"`
}

// Templates lets a user override the embedded mail templates.
type Templates struct {
	Dir string `yaml:"dir"`
}

// Classify extends the classifier.
type Classify struct {
	ExtraPhrases string `yaml:"extra_phrases"` // path to a phrase file
}

// Retention limits how long personal data of closed cases is kept.
type Retention struct {
	ClosedCaseDays int `yaml:"closed_case_days"` // default 730
}

// HTTP is the health and metrics listener.
type HTTP struct {
	Address string `yaml:"address"` // default 127.0.0.1:9465; empty string disables
}

// Limits bound what privacyd accepts and sends.
type Limits struct {
	MaxParseBytes      int64 `yaml:"max_parse_bytes"`       // default 10 MiB: only this prefix of a mail is parsed
	AutoMailsPerSender int   `yaml:"auto_mails_per_sender"` // per address per day, default 5
	// AnswerMaxAgeDays: a request read more than this many days after it
	// arrived (privacyd started on a mailbox with history, or was down)
	// gets no automatic mail; staff are told to answer personally. Default 30.
	AnswerMaxAgeDays int `yaml:"answer_max_age_days"`
}

// Policy holds choices the privacy officer makes.
type Policy struct {
	// IdentityCheck: "unknown_sender" (default: ask only when the address is not
	// yet known from an earlier verified case), "always" or "never".
	IdentityCheck string `yaml:"identity_check"`
	// IDCopy allows the identity mail to ask for a copy of an ID document.
	IDCopy bool `yaml:"id_copy"`
	// RepetitiveCount requests within RepetitiveDays flag a case as possibly repetitive.
	RepetitiveCount int `yaml:"repetitive_count"` // default 3
	RepetitiveDays  int `yaml:"repetitive_days"`  // default 90
	// IdentityReminderDays after the identity mail, the customer is reminded once
	// (or up to seven days later when privacyd was down on that day; never later).
	IdentityReminderDays int `yaml:"identity_reminder_days"` // default 7
	// IdentityWaitDays after the identity mail staff are told the case still
	// waits (default twice identity_reminder_days).
	IdentityWaitDays int `yaml:"identity_wait_days"`
	// FeeWaitDays after a fee was asked staff are told it is unpaid (default 14).
	FeeWaitDays int `yaml:"fee_wait_days"`
}

// Duration is a time.Duration that also accepts a whole number of days with a
// "d" suffix ("30d"), next to Go durations ("90s", "1m", "1h30m").
type Duration time.Duration

// maxDays bounds the "d" form so that it cannot overflow a time.Duration.
const maxDays = 36500

// UnmarshalText parses a Go duration or a whole number of days ("30d").
// Negative durations are rejected.
func (d *Duration) UnmarshalText(b []byte) error {
	s := strings.TrimSpace(string(b))
	if n, ok := strings.CutSuffix(s, "d"); ok {
		days, err := strconv.Atoi(n)
		if err != nil || days < 0 || days > maxDays || n == "" || n[0] == '+' || n[0] == '-' {
			return fmt.Errorf("invalid duration %q: want a Go duration like 90s, 5m, 1h or whole days like 30d", s)
		}
		*d = Duration(time.Duration(days) * 24 * time.Hour)
		return nil
	}
	v, err := time.ParseDuration(s)
	if err != nil {
		return fmt.Errorf("invalid duration %q: want a Go duration like 90s, 5m, 1h or whole days like 30d", s)
	}
	if v < 0 {
		return fmt.Errorf("invalid duration %q: must not be negative", s)
	}
	*d = Duration(v)
	return nil
}

// UnmarshalYAML decodes a scalar with UnmarshalText. It reports a bad value as
// a *yaml.TypeError with its line, so that decoding goes on and every bad
// value in the file is reported at once.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: want a duration like 1m or 30d", n.Line)}}
	}
	if err := d.UnmarshalText([]byte(n.Value)); err != nil {
		return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: %v", n.Line, err)}}
	}
	return nil
}

// MarshalText formats d as a Go duration.
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// String formats d as a Go duration ("1m0s").
func (d Duration) String() string { return time.Duration(d).String() }
