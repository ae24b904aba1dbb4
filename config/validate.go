package config

import (
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/mail"
	"net/url"
	"os"
	"privacyd/deadline"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // LoadLocation works without a system zoneinfo

	"github.com/robfig/cron/v3"
)

// problem is one thing wrong with the configuration, at a key path.
type problem struct {
	path, msg string
}

func (p problem) Error() string {
	if p.path == "" {
		return p.msg
	}
	return p.path + ": " + p.msg
}

func joinProblems(probs []problem) error {
	errs := make([]error, len(probs))
	for i, p := range probs {
		errs[i] = p
	}
	return errors.Join(errs...)
}

// Bounds of numeric keys.
const (
	MinPollInterval   = Duration(5 * time.Second)
	MaxPollInterval   = Duration(24 * time.Hour)
	MinCopyWait       = Duration(time.Second) // smtp.copy_wait
	MaxCopyWait       = Duration(24 * time.Hour)
	MinClosedCaseDays = 30
	MinMaxParseBytes  = 64 << 10
	MaxMaxParseBytes  = 1 << 30
	MinCommandKeyLen  = 16
)

var (
	casePrefixRe = regexp.MustCompile(`^[A-Za-z0-9]{1,10}$`)
	envNameRe    = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	languages    = []string{"nl", "en", "de", "fr"}
	tlsModes     = []string{TLSImplicit, TLSStartTLS, TLSNone}
)

// Validate checks the configuration after defaults (SetDefaults) and reports
// every problem at once, joined with errors.Join, each prefixed with its key
// path. It also finishes the Config: it lower-cases mail addresses, sets
// Location, loads Security.CommandKey and recomputes Warnings. It may be
// called more than once.
func (c *Config) Validate() error {
	return joinProblems(c.validate())
}

func (c *Config) validate() []problem {
	v := &validator{}
	c.Warnings = nil
	c.Location = nil
	c.Security.CommandKey = nil

	o := &c.Organisation
	v.required("organisation.name", o.Name)
	v.address("organisation.privacy_address", &o.PrivacyAddress, true)
	if loc, err := time.LoadLocation(o.Timezone); err != nil || o.Timezone == "" || o.Timezone == "Local" {
		v.addf("organisation.timezone", "unknown time zone %q (want an IANA name like Europe/Amsterdam)", o.Timezone)
	} else {
		c.Location = loc
	}
	v.oneOf("organisation.default_language", o.DefaultLanguage, languages)
	if !casePrefixRe.MatchString(o.CasePrefix) {
		v.addf("organisation.case_prefix", "%q must be 1 to 10 letters or digits", o.CasePrefix)
	}
	sa := o.SupervisoryAuthority
	v.required("organisation.supervisory_authority.name", sa.Name)
	if u, err := url.Parse(sa.URL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		v.addf("organisation.supervisory_authority.url", "%q is not an http(s) URL", sa.URL)
	}

	v.server("imap", c.IMAP.Address, c.IMAP.TLS, c.IMAP.CAFile)
	v.required("imap.username", c.IMAP.Username)
	v.secret("imap", c.IMAP.Password, c.IMAP.PasswordEnv, c.IMAP.PasswordFile, true)
	v.required("imap.mailbox", c.IMAP.Mailbox)
	if c.IMAP.ProcessedMailbox != "" && strings.EqualFold(c.IMAP.ProcessedMailbox, c.IMAP.Mailbox) {
		v.addf("imap.processed_mailbox", "must differ from imap.mailbox %q", c.IMAP.Mailbox)
	}
	if p := c.IMAP.PollInterval; p < MinPollInterval || p > MaxPollInterval {
		v.addf("imap.poll_interval", "%s is out of range (%s to %s)", p, MinPollInterval, MaxPollInterval)
	}
	if w := c.SMTP.CopyWait; w < MinCopyWait || w > MaxCopyWait {
		v.addf("smtp.copy_wait", "%s is out of range (%s to %s)", w, MinCopyWait, MaxCopyWait)
	}

	v.server("smtp", c.SMTP.Address, c.SMTP.TLS, c.SMTP.CAFile)
	hasSecret := v.secret("smtp", c.SMTP.Password, c.SMTP.PasswordEnv, c.SMTP.PasswordFile, false)
	if hasSecret && c.SMTP.Username == "" {
		v.addf("smtp.username", "required when a password is set")
	}
	if !hasSecret && c.SMTP.Username != "" {
		v.addf("smtp.username", "set, but none of smtp.password, smtp.password_env, smtp.password_file is")
	}
	if strings.EqualFold(c.SMTP.From, o.PrivacyAddress) {
		c.SMTP.From = o.PrivacyAddress // the default; checked above
	} else {
		v.address("smtp.from", &c.SMTP.From, true)
	}

	v.required("database.path", c.Database.Path)

	if len(c.Staff.Addresses) == 0 {
		v.addf("staff.addresses", "required: at least one address")
	}
	// notify and owner default to (the first of) staff.addresses: a bad
	// staff address is reported once, under staff.addresses.
	sameAsStaff := slices.EqualFunc(c.Staff.Notify, c.Staff.Addresses, strings.EqualFold)
	ownerIsFirst := len(c.Staff.Addresses) > 0 && strings.EqualFold(c.Owner, c.Staff.Addresses[0])
	v.addresses("staff.addresses", c.Staff.Addresses)
	if sameAsStaff {
		c.Staff.Notify = append([]string(nil), c.Staff.Addresses...)
	} else {
		v.addresses("staff.notify", c.Staff.Notify)
	}
	v.staffList("staff.addresses", c.Staff.Addresses, o.PrivacyAddress)
	if !sameAsStaff {
		v.staffList("staff.notify", c.Staff.Notify, o.PrivacyAddress)
	}
	if ownerIsFirst {
		c.Owner = c.Staff.Addresses[0]
	} else {
		v.address("owner", &c.Owner, len(c.Staff.Addresses) > 0)
	}

	d := c.Deadlines
	if _, err := deadline.NewCalendar(d.Holidays, nil); err != nil {
		v.addf("deadlines.holidays", "%q is not one of %s", d.Holidays, strings.Join(deadline.CalendarNames(), ", "))
	}
	for i, s := range d.ExtraClosed {
		if _, err := time.Parse(time.DateOnly, s); err != nil {
			v.addf(fmt.Sprintf("deadlines.extra_closed[%d]", i), "%q is not a date YYYY-MM-DD", s)
		}
	}
	v.oneOf("deadlines.clock_starts", d.ClockStarts, []string{ClockReceipt, ClockIdentityVerified})
	for i, n := range d.WarnDaysBefore {
		switch {
		case n <= 0 || n > 60:
			v.addf("deadlines.warn_days_before", "%d is out of range (1 to 60 working days)", n)
		case i > 0 && n >= d.WarnDaysBefore[i-1]:
			v.addf("deadlines.warn_days_before", "%v must be sorted from most to fewest days, without repeats", d.WarnDaysBefore)
		}
	}

	v.cron("schedule.deadline_sweep", c.Schedule.DeadlineSweep)
	v.cron("schedule.digest", c.Schedule.Digest)

	s := &c.Security
	switch {
	case s.CommandKeyEnv != "" && s.CommandKeyFile != "":
		v.addf("security", "set command_key_env or command_key_file, not both")
	case s.CommandKeyEnv != "":
		if !envNameRe.MatchString(s.CommandKeyEnv) {
			v.addf("security.command_key_env", "%q is not an environment variable name", s.CommandKeyEnv)
		} else if k := os.Getenv(s.CommandKeyEnv); k == "" {
			v.addf("security.command_key_env", "environment variable %s is not set or empty", s.CommandKeyEnv)
		} else {
			v.commandKey(s, "security.command_key_env", []byte(k))
		}
	case s.CommandKeyFile != "":
		k, err := readSecretFile(s.CommandKeyFile)
		if err != nil {
			v.addf("security.command_key_file", "%v", err)
		} else {
			v.fileMode("security.command_key_file", s.CommandKeyFile)
			v.commandKey(s, "security.command_key_file", []byte(k))
		}
	}
	if strings.ContainsFunc(s.TrustedAuthservID, func(r rune) bool { return r <= ' ' || r == ';' || r > '~' }) {
		v.addf("security.trusted_authserv_id", "%q must be a host name without spaces", s.TrustedAuthservID)
	}

	if p := c.Templates.Dir; p != "" {
		if fi, err := os.Stat(p); err != nil || !fi.IsDir() {
			v.addf("templates.dir", "%q is not a directory", p)
		}
	}
	if p := c.Classify.ExtraPhrases; p != "" {
		if fi, err := os.Stat(p); err != nil || !fi.Mode().IsRegular() {
			v.addf("classify.extra_phrases", "%q is not a readable file", p)
		}
	}

	if n := c.Retention.ClosedCaseDays; n < MinClosedCaseDays || n > maxDays {
		v.addf("retention.closed_case_days", "%d is out of range (%d to %d)", n, MinClosedCaseDays, maxDays)
	}
	if a := c.HTTP.Address; a != "" {
		if _, _, err := splitHostPort(a); err != nil {
			v.addf("http.address", "%v", err)
		}
	}
	if n := c.Limits.MaxParseBytes; n < MinMaxParseBytes || n > MaxMaxParseBytes {
		v.addf("limits.max_parse_bytes", "%d is out of range (%d to %d)", n, MinMaxParseBytes, MaxMaxParseBytes)
	}
	if n := c.Limits.AutoMailsPerSender; n < 1 || n > 1000 {
		v.addf("limits.auto_mails_per_sender", "%d is out of range (1 to 1000)", n)
	}
	if n := c.Limits.AnswerMaxAgeDays; n < 1 || n > 3650 {
		v.addf("limits.answer_max_age_days", "%d is out of range (1 to 3650)", n)
	}

	p := c.Policy
	v.oneOf("policy.identity_check", p.IdentityCheck, []string{IdentityUnknownSender, IdentityAlways, IdentityNever})
	if p.RepetitiveCount < 2 || p.RepetitiveCount > 1000 {
		v.addf("policy.repetitive_count", "%d is out of range (2 to 1000)", p.RepetitiveCount)
	}
	if p.RepetitiveDays < 1 || p.RepetitiveDays > 3660 {
		v.addf("policy.repetitive_days", "%d is out of range (1 to 3660)", p.RepetitiveDays)
	}
	if p.IdentityReminderDays < 1 || p.IdentityReminderDays > 60 {
		v.addf("policy.identity_reminder_days", "%d is out of range (1 to 60)", p.IdentityReminderDays)
	}
	if p.IdentityWaitDays < 1 || p.IdentityWaitDays > 120 {
		v.addf("policy.identity_wait_days", "%d is out of range (1 to 120)", p.IdentityWaitDays)
	}
	if p.FeeWaitDays < 1 || p.FeeWaitDays > 120 {
		v.addf("policy.fee_wait_days", "%d is out of range (1 to 120)", p.FeeWaitDays)
	}
	if n := c.Deadlines.ExtensionWarnDays; n < 1 || n > 15 {
		v.addf("deadlines.extension_warn_days", "%d is out of range (1 to 15 working days)", n)
	}

	c.Warnings = v.warnings
	return v.probs
}

type validator struct {
	probs    []problem
	warnings []string
}

func (v *validator) addf(path, format string, args ...any) {
	v.probs = append(v.probs, problem{path, fmt.Sprintf(format, args...)})
}

func (v *validator) warnf(path, format string, args ...any) {
	v.warnings = append(v.warnings, path+": "+fmt.Sprintf(format, args...))
}

func (v *validator) required(path, s string) {
	if strings.TrimSpace(s) == "" {
		v.addf(path, "required")
	}
}

func (v *validator) oneOf(path, s string, allowed []string) bool {
	for _, a := range allowed {
		if s == a {
			return true
		}
	}
	v.addf(path, "%q is not one of %s", s, strings.Join(allowed, ", "))
	return false
}

// address checks a bare mail address and lower-cases it in place.
func (v *validator) address(path string, p *string, required bool) {
	if *p == "" {
		if required {
			v.addf(path, "required")
		}
		return
	}
	a, err := checkAddress(*p)
	if err != nil {
		v.addf(path, "%v", err)
		return
	}
	*p = a
}

func (v *validator) addresses(path string, list []string) {
	for i := range list {
		v.address(fmt.Sprintf("%s[%d]", path, i), &list[i], true)
	}
}

// staffList reports repeated addresses and the privacy address itself in a
// list of people: mail from the privacy address is privacyd's own and is
// never acted on, and mail to it would come back into the mailbox.
func (v *validator) staffList(path string, list []string, privacy string) {
	seen := map[string]int{}
	for i, a := range list {
		a = strings.ToLower(a)
		if j, ok := seen[a]; ok {
			v.addf(fmt.Sprintf("%s[%d]", path, i), "%q repeats %s[%d]", a, path, j)
		}
		seen[a] = i
		if a != "" && strings.EqualFold(a, privacy) {
			v.addf(fmt.Sprintf("%s[%d]", path, i), "must not be organisation.privacy_address (privacyd ignores its own mail)")
		}
	}
}

// checkAddress returns the lower-cased bare address s, or why it is not one.
func checkAddress(s string) (string, error) {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Name != "" || a.Address != s || strings.ContainsAny(s, " \t\"") {
		return "", fmt.Errorf("%q is not a bare mail address like privacy@example.org", s)
	}
	return strings.ToLower(s), nil
}

// splitHostPort splits host:port and checks that both are present and that
// the port is a number from 1 to 65535.
func splitHostPort(a string) (host, port string, err error) {
	host, port, err = net.SplitHostPort(a)
	if err != nil || host == "" {
		return "", "", fmt.Errorf("%q is not host:port", a)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
		return "", "", fmt.Errorf("%q: port %q is not a number from 1 to 65535", a, port)
	}
	return host, port, nil
}

// IsLoopback reports whether host (a name or an IP, without port) is
// localhost or a loopback address (127.0.0.0/8, ::1).
func IsLoopback(host string) bool {
	if strings.EqualFold(strings.TrimSuffix(host, "."), "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// server checks the address, tls mode and CA file of imap or smtp.
func (v *validator) server(sect, address, tls, caFile string) {
	host := ""
	if address == "" {
		v.addf(sect+".address", "required (host:port)")
	} else if h, _, err := splitHostPort(address); err != nil {
		v.addf(sect+".address", "%v", err)
	} else {
		host = h
	}
	if v.oneOf(sect+".tls", tls, tlsModes) && tls == TLSNone && host != "" && !IsLoopback(host) {
		v.addf(sect+".tls", "none is allowed only to a loopback address (127.0.0.1, ::1, localhost), not %q; use implicit or starttls", host)
	}
	if caFile != "" {
		b, err := os.ReadFile(caFile)
		if err != nil {
			v.addf(sect+".ca_file", "%v", err)
		} else if !x509.NewCertPool().AppendCertsFromPEM(b) {
			v.addf(sect+".ca_file", "%q holds no PEM certificate", caFile)
		}
	}
}

// secret checks that at most one (exactly one if required) password source
// is set, and reports whether one is.
func (v *validator) secret(sect, password, env, file string, required bool) bool {
	n := 0
	for _, s := range []string{password, env, file} {
		if s != "" {
			n++
		}
	}
	switch {
	case n > 1:
		v.addf(sect, "set only one of password, password_env, password_file")
		return true
	case n == 0:
		if required {
			v.addf(sect, "one of %[1]s.password, %[1]s.password_env, %[1]s.password_file is required", sect)
		}
		return false
	}
	switch {
	case password != "":
		v.warnf(sect+".password", "the password is written in the config file; prefer password_env or password_file")
	case env != "":
		if !envNameRe.MatchString(env) {
			v.addf(sect+".password_env", "%q is not an environment variable name", env)
		}
	case file != "":
		fi, err := os.Stat(file)
		if err != nil {
			v.addf(sect+".password_file", "%v", err)
		} else if !fi.Mode().IsRegular() {
			v.addf(sect+".password_file", "%q is not a regular file", file)
		} else {
			v.fileMode(sect+".password_file", file)
		}
	}
	return true
}

// fileMode warns when a secret file is readable by everyone.
func (v *validator) fileMode(path, file string) {
	if fi, err := os.Stat(file); err == nil && fi.Mode().Perm()&0o004 != 0 {
		v.warnf(path, "%q is readable by every user on this machine (chmod 600 it)", file)
	}
}

func (v *validator) commandKey(s *Security, path string, k []byte) {
	if len(k) < MinCommandKeyLen {
		v.addf(path, "the key is %d bytes; want at least %d (e.g. openssl rand -hex 32)", len(k), MinCommandKeyLen)
		return
	}
	s.CommandKey = k
}

func (v *validator) cron(path, spec string) {
	if _, err := cron.ParseStandard(spec); err != nil {
		v.addf(path, "%q is not a 5-field cron expression: %v", spec, err)
	}
}
