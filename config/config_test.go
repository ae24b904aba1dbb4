package config

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

const examplePath = "../config.example.yaml"

// minimal is the smallest valid configuration.
const minimal = `
organisation:
  name: Example B.V.
  privacy_address: Privacy@Example.org
imap:
  address: imap.example.org:993
  username: privacy@example.org
  password_env: TEST_IMAP_PW
smtp:
  address: smtp.example.org:587
database:
  path: data/privacyd.db
staff:
  addresses: [Anna@example.org, bram@example.org]
`

func mustParse(t *testing.T, y, dir string) *Config {
	t.Helper()
	c, err := Parse([]byte(y), dir)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return c
}

// parseErr parses y, expects an error and returns its lines.
func parseErr(t *testing.T, y, dir string) []string {
	t.Helper()
	c, err := Parse([]byte(y), dir)
	if err == nil {
		t.Fatalf("Parse succeeded, want an error; got %+v", c)
	}
	return strings.Split(err.Error(), "\n")
}

// hasLine reports whether one line starts with prefix and contains every part.
func hasLine(lines []string, prefix string, parts ...string) bool {
	for _, l := range lines {
		if !strings.HasPrefix(l, prefix) {
			continue
		}
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(l, p)
		}
		if ok {
			return true
		}
	}
	return false
}

func TestExampleLoads(t *testing.T) {
	c, err := Load(examplePath)
	if err != nil {
		t.Fatalf("config.example.yaml does not load:\n%v", err)
	}
	if len(c.Warnings) != 0 {
		t.Errorf("the example gives warnings: %q", c.Warnings)
	}
	if c.Location == nil || c.Location.String() != "Europe/Amsterdam" {
		t.Errorf("Location = %v", c.Location)
	}
	if c.Organisation.Name != "Example B.V." || c.IMAP.PasswordEnv != "PRIVACYD_IMAP_PASSWORD" {
		t.Errorf("values not decoded: %+v", c.Organisation)
	}
}

// TestExampleDocumentsEveryKey walks the Config type and checks that every
// yaml key path is written in config.example.yaml, so that a new key cannot
// be left undocumented.
func TestExampleDocumentsEveryKey(t *testing.T) {
	b, err := os.ReadFile(examplePath)
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	inExample := map[string]bool{}
	var walk func(n *yaml.Node, prefix string)
	walk = func(n *yaml.Node, prefix string) {
		if n.Kind != yaml.MappingNode {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.HeadComment == "" && v.Kind != yaml.MappingNode {
				t.Errorf("example key %s%s has no comment", prefix, k.Value)
			}
			inExample[prefix+k.Value] = true
			walk(v, prefix+k.Value+".")
		}
	}
	walk(doc.Content[0], "")

	paths := keyPaths(reflect.TypeFor[Config](), "")
	if len(paths) < 60 {
		t.Fatalf("only %d key paths found in Config; the walk is broken", len(paths))
	}
	for _, p := range paths {
		if !inExample[p] {
			t.Errorf("key %s is not documented in config.example.yaml", p)
		}
	}
	for p := range inExample {
		if !slices.Contains(paths, p) && !slices.ContainsFunc(paths, func(q string) bool { return strings.HasPrefix(q, p+".") }) {
			t.Errorf("config.example.yaml has key %s that Config does not know", p)
		}
	}
}

// keyPaths lists every yaml key path of t (nested structs recursed).
func keyPaths(t reflect.Type, prefix string) []string {
	var out []string
	for f := range t.Fields() {
		tag := strings.Split(f.Tag.Get("yaml"), ",")[0]
		if tag == "" || tag == "-" {
			continue
		}
		p := prefix + tag
		out = append(out, p)
		if f.Type.Kind() == reflect.Struct {
			out = append(out, keyPaths(f.Type, p+".")...)
		}
	}
	return out
}

func TestDefaults(t *testing.T) {
	dir := t.TempDir()
	c := mustParse(t, minimal, dir)
	o := c.Organisation
	check := func(name string, got, want any) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %#v, want %#v", name, got, want)
		}
	}
	check("timezone", o.Timezone, "Europe/Amsterdam")
	check("Location", c.Location.String(), "Europe/Amsterdam")
	check("default_language", o.DefaultLanguage, "en")
	check("case_prefix", o.CasePrefix, "DSR")
	check("privacy_address lower-cased", o.PrivacyAddress, "privacy@example.org")
	check("supervisory_authority", o.SupervisoryAuthority, SupervisoryAuthority{
		Name: "Autoriteit Persoonsgegevens", URL: "https://autoriteitpersoonsgegevens.nl",
		Address: "Postbus 93374, 2509 AJ Den Haag"})
	check("imap.tls for port 993", c.IMAP.TLS, "implicit")
	check("smtp.tls for port 587", c.SMTP.TLS, "starttls")
	check("imap.mailbox", c.IMAP.Mailbox, "INBOX")
	check("imap.idle", *c.IMAP.IDLE, true)
	check("imap.poll_interval", time.Duration(c.IMAP.PollInterval), time.Minute)
	check("smtp.from", c.SMTP.From, "privacy@example.org")
	check("database.path resolved", c.Database.Path, filepath.Join(dir, "data", "privacyd.db"))
	check("staff.addresses lower-cased", c.Staff.Addresses, []string{"anna@example.org", "bram@example.org"})
	check("staff.notify", c.Staff.Notify, []string{"anna@example.org", "bram@example.org"})
	check("owner", c.Owner, "anna@example.org")
	check("holidays", c.Deadlines.Holidays, "NL")
	check("clock_starts", c.Deadlines.ClockStarts, "receipt")
	check("warn_days_before", c.Deadlines.WarnDaysBefore, []int{7, 3, 1})
	check("deadline_sweep", c.Schedule.DeadlineSweep, "0 8 * * *")
	check("digest", c.Schedule.Digest, "0 8 * * 1")
	check("closed_case_days", c.Retention.ClosedCaseDays, 730)
	check("http.address", c.HTTP.Address, "127.0.0.1:9465")
	check("max_parse_bytes", c.Limits.MaxParseBytes, int64(10*1024*1024))
	check("auto_mails_per_sender", c.Limits.AutoMailsPerSender, 5)
	check("answer_max_age_days", c.Limits.AnswerMaxAgeDays, 30)
	check("identity_check", c.Policy.IdentityCheck, "unknown_sender")
	check("repetitive_count", c.Policy.RepetitiveCount, 3)
	check("repetitive_days", c.Policy.RepetitiveDays, 90)
	check("identity_reminder_days", c.Policy.IdentityReminderDays, 7)
	check("identity_wait_days", c.Policy.IdentityWaitDays, 14)
	check("fee_wait_days", c.Policy.FeeWaitDays, 14)
	check("extension_warn_days", c.Deadlines.ExtensionWarnDays, 5)
	check("CommandKey", c.Security.CommandKey, []byte(nil))
	check("Warnings", c.Warnings, []string(nil))
}

func TestExplicitValuesKept(t *testing.T) {
	c := mustParse(t, minimal+`
http:
  address: ""
owner: Boss@Example.org
deadlines:
  warn_days_before: []
  holidays: none
  clock_starts: identity_verified
`, "")
	if c.HTTP.Address != "" {
		t.Errorf("http.address \"\" should disable the listener, got %q", c.HTTP.Address)
	}
	if c.Owner != "boss@example.org" {
		t.Errorf("owner = %q", c.Owner)
	}
	if c.Deadlines.WarnDaysBefore == nil || len(c.Deadlines.WarnDaysBefore) != 0 {
		t.Errorf("warn_days_before: [] should stay empty, got %#v", c.Deadlines.WarnDaysBefore)
	}
	if c.Deadlines.Holidays != "none" || c.Deadlines.ClockStarts != ClockIdentityVerified {
		t.Errorf("deadlines = %+v", c.Deadlines)
	}
	for y, want := range map[string]string{
		"http:\n  address:\n":              "",
		"http: {}\n":                       DefaultHTTPAddress,
		"http:\n  address: 0.0.0.0:9000\n": "0.0.0.0:9000",
	} {
		if c := mustParse(t, minimal+y, ""); c.HTTP.Address != want {
			t.Errorf("%q: http.address = %q, want %q", y, c.HTTP.Address, want)
		}
	}
	// idle: false must not be replaced by the default.
	c = mustParse(t, strings.Replace(minimal, "  username:", "  idle: false\n  username:", 1), "")
	if c.IMAP.IDLE == nil || *c.IMAP.IDLE {
		t.Errorf("imap.idle: false was not kept")
	}
}

func TestUnknownKeyNamed(t *testing.T) {
	y := strings.Replace(minimal, "  password_env:", "  pasword: x\n  password_env:", 1) + "securty: {}\n"
	lines := parseErr(t, y, "")
	if !hasLine(lines, "imap.pasword: unknown key", "line 8") {
		t.Errorf("no error naming imap.pasword at line 8:\n%s", strings.Join(lines, "\n"))
	}
	if !hasLine(lines, "securty: unknown key") {
		t.Errorf("no error naming securty:\n%s", strings.Join(lines, "\n"))
	}
}

func TestBadValuesAllReported(t *testing.T) {
	y := `
organisation:
  privacy_address: "Privacy <privacy@example.org>"
  timezone: Mars/Base
  default_language: es
  case_prefix: DSR-2
imap:
  address: imap.example.org
  tls: ssl
  username: u
  password_env: A
  password_file: /nonexistent
  poll_interval: 2s
smtp:
  address: smtp.example.org:587
database:
  path: x.db
staff:
  addresses: [not-an-address]
deadlines:
  clock_starts: whenever
  warn_days_before: [1, 3]
  extra_closed: ["2026-13-01"]
schedule:
  digest: "0 0 8 * * 1"
retention:
  closed_case_days: 7
policy:
  identity_check: sometimes
  repetitive_count: abc
http:
  address: ":x"
`
	lines := parseErr(t, y, "")
	for _, want := range []struct{ prefix, part string }{
		{"organisation.name: required", ""},
		{"organisation.privacy_address:", "bare mail address"},
		{"organisation.timezone:", "Mars/Base"},
		{"organisation.default_language:", `"es" is not one of nl, en, de, fr`},
		{"organisation.case_prefix:", "DSR-2"},
		{"imap.address:", "host:port"},
		{"imap.tls:", `"ssl" is not one of implicit, starttls, none`},
		{"imap:", "only one of"},
		{"imap.poll_interval:", "2s"},
		{"staff.addresses[0]:", "not-an-address"},
		{"deadlines.clock_starts:", "whenever"},
		{"deadlines.warn_days_before:", "sorted"},
		{"deadlines.extra_closed[0]:", "2026-13-01"},
		{"schedule.digest:", "5-field"},
		{"retention.closed_case_days:", "7"},
		{"policy.identity_check:", "sometimes"},
		{"policy.repetitive_count:", "abc"},
		{"http.address:", ":x"},
	} {
		if !hasLine(lines, want.prefix, want.part) {
			t.Errorf("missing error %q ... %q", want.prefix, want.part)
		}
	}
	// A value that could not be decoded is reported once, not again by validation.
	n := 0
	for _, l := range lines {
		if strings.HasPrefix(l, "policy.repetitive_count:") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("policy.repetitive_count reported %d times", n)
	}
	if t.Failed() {
		t.Logf("got:\n%s", strings.Join(lines, "\n"))
	}
}

func TestTLSNoneOnlyToLoopback(t *testing.T) {
	for _, tc := range []struct {
		addr string
		ok   bool
	}{
		{"127.0.0.1:143", true},
		{"127.5.6.7:143", true},
		{"[::1]:143", true},
		{"localhost:143", true},
		{"LOCALHOST:143", true},
		{"imap.example.org:143", false},
		{"10.0.0.1:143", false},
		{"192.168.1.2:143", false},
		{"[::2]:143", false},
		{"localhost.example.org:143", false},
	} {
		y := strings.Replace(minimal, "imap.example.org:993", `"`+tc.addr+`"`+"\n  tls: none", 1)
		_, err := Parse([]byte(y), "")
		if tc.ok && err != nil {
			t.Errorf("%s: %v", tc.addr, err)
		}
		if !tc.ok && (err == nil || !strings.Contains(err.Error(), "imap.tls: none is allowed only to a loopback address")) {
			t.Errorf("%s: err = %v, want the loopback error", tc.addr, err)
		}
	}
	// The same rule for SMTP.
	y := strings.Replace(minimal, "smtp.example.org:587", "smtp.example.org:25\n  tls: none", 1)
	if _, err := Parse([]byte(y), ""); err == nil || !strings.Contains(err.Error(), "smtp.tls: none") {
		t.Errorf("smtp tls none to a remote host: err = %v", err)
	}
}

func TestSecretsFromEnvAndFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "smtp.pw"), []byte("s3cret smtp\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "key"), []byte("0123456789abcdef0123\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	y := minimal + `  # smtp continues below
`
	y = strings.Replace(y, "  address: smtp.example.org:587", `  address: smtp.example.org:587
  username: sender
  password_file: smtp.pw`, 1) + `
security:
  command_key_file: key
`
	cfgPath := filepath.Join(dir, "privacyd.yaml")
	if err := os.WriteFile(cfgPath, []byte(y), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	if string(c.Security.CommandKey) != "0123456789abcdef0123" {
		t.Errorf("CommandKey = %q", c.Security.CommandKey)
	}
	if got, err := c.SMTPPassword(); err != nil || got != "s3cret smtp" {
		t.Errorf("SMTPPassword = %q, %v", got, err)
	}

	t.Setenv("TEST_IMAP_PW", "")
	if _, err := c.IMAPPassword(); err == nil || !strings.Contains(err.Error(), "TEST_IMAP_PW is not set") {
		t.Errorf("IMAPPassword with the variable empty: err = %v", err)
	}
	t.Setenv("TEST_IMAP_PW", "imap pw")
	if got, err := c.IMAPPassword(); err != nil || got != "imap pw" {
		t.Errorf("IMAPPassword = %q, %v", got, err)
	}

	// A world-readable password file works but is warned about.
	if err := os.Chmod(filepath.Join(dir, "smtp.pw"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err = Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(c.Warnings, func(w string) bool { return strings.HasPrefix(w, "smtp.password_file:") }) {
		t.Errorf("no warning about a world-readable smtp.password_file: %q", c.Warnings)
	}

	// Without any SMTP password source: no authentication, no error.
	c = mustParse(t, minimal, dir)
	if got, err := c.SMTPPassword(); err != nil || got != "" {
		t.Errorf("SMTPPassword without a source = %q, %v", got, err)
	}
}

func TestSecretSourceRules(t *testing.T) {
	noIMAP := strings.Replace(minimal, "  password_env: TEST_IMAP_PW\n", "", 1)
	if lines := parseErr(t, noIMAP, ""); !hasLine(lines, "imap: one of", "is required") {
		t.Errorf("no password source for IMAP: %q", lines)
	}
	plain := strings.Replace(minimal, "  password_env: TEST_IMAP_PW\n", "  password: hunter2\n", 1)
	c := mustParse(t, plain, "")
	if len(c.Warnings) != 1 || !strings.HasPrefix(c.Warnings[0], "imap.password:") {
		t.Errorf("plain password: Warnings = %q", c.Warnings)
	}
	if p, err := c.IMAPPassword(); err != nil || p != "hunter2" {
		t.Errorf("IMAPPassword = %q, %v", p, err)
	}
	missingFile := strings.Replace(minimal, "  password_env: TEST_IMAP_PW\n", "  password_file: nope.txt\n", 1)
	if lines := parseErr(t, missingFile, t.TempDir()); !hasLine(lines, "imap.password_file:", "nope.txt") {
		t.Errorf("missing password file: %q", lines)
	}
	userOnly := strings.Replace(minimal, "  address: smtp.example.org:587", "  address: smtp.example.org:587\n  username: u", 1)
	if lines := parseErr(t, userOnly, ""); !hasLine(lines, "smtp.username:") {
		t.Errorf("smtp username without password: %q", lines)
	}
}

func TestCommandKey(t *testing.T) {
	y := minimal + "security:\n  command_key_env: TEST_CMD_KEY\n"
	t.Setenv("TEST_CMD_KEY", "")
	if lines := parseErr(t, y, ""); !hasLine(lines, "security.command_key_env:", "not set") {
		t.Errorf("unset key: %q", lines)
	}
	t.Setenv("TEST_CMD_KEY", "short")
	if lines := parseErr(t, y, ""); !hasLine(lines, "security.command_key_env:", "at least 16") {
		t.Errorf("short key: %q", lines)
	}
	t.Setenv("TEST_CMD_KEY", "a-long-enough-command-key")
	if c := mustParse(t, y, ""); string(c.Security.CommandKey) != "a-long-enough-command-key" {
		t.Errorf("CommandKey = %q", c.Security.CommandKey)
	}
}

func TestDuration(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"90s", 90 * time.Second, true},
		{"1h30m", 90 * time.Minute, true},
		{"30d", 30 * 24 * time.Hour, true},
		{"0d", 0, true},
		{"1.5d", 0, false},
		{"-1d", 0, false},
		{"-5s", 0, false},
		{"d", 0, false},
		{"3xd", 0, false},
		{"60", 0, false},
		{"1month", 0, false},
		{"99999999d", 0, false},
	} {
		var d Duration
		err := d.UnmarshalText([]byte(tc.in))
		if (err == nil) != tc.ok || (tc.ok && time.Duration(d) != tc.want) {
			t.Errorf("%q: got %v, %v; want %v ok=%v", tc.in, time.Duration(d), err, tc.want, tc.ok)
		}
	}
}

func TestNotYAML(t *testing.T) {
	for _, y := range []string{"organisation: [", "- a\n- b\n", "a: 1\n---\nb: 2\n", "organisation:\n  name: a\n  name: b\n"} {
		if _, err := Parse([]byte(y), ""); err == nil {
			t.Errorf("%q: no error", y)
		}
	}
	// An empty file reports the required keys.
	_, err := Parse(nil, "")
	if err == nil || !strings.Contains(err.Error(), "organisation.name: required") {
		t.Errorf("empty file: %v", err)
	}
	var joined interface{ Unwrap() []error }
	if !errors.As(err, &joined) || len(joined.Unwrap()) < 5 {
		t.Errorf("empty file: want a joined error of every missing key, got %v", err)
	}
}

func FuzzParse(f *testing.F) {
	ex, err := os.ReadFile(examplePath)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(ex)
	f.Add([]byte(minimal))
	f.Add([]byte("imap:\n  poll_interval: 3xd\n"))
	f.Add([]byte("a: &a [*a]\n"))
	f.Add([]byte("http: {address: }\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := Parse(b, "/nonexistent")
		if err == nil && (c == nil || c.Location == nil) {
			t.Fatalf("no error but config %v", c)
		}
	})
}

// writeCA writes a self-signed CA certificate in PEM to path.
func writeCA(t *testing.T, path string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "test CA"},
		NotBefore:             time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		NotAfter:              time.Date(2036, 1, 1, 0, 0, 0, 0, time.UTC),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	writeCA(t, filepath.Join(dir, "ca.pem"))
	if err := os.WriteFile(filepath.Join(dir, "junk.pem"), []byte("not a certificate\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "tpl"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "phrases.txt"), []byte("inzage\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	withFiles := func(imapCA, tpl, phrases string) string {
		y := strings.Replace(minimal, "  username: privacy@example.org", "  username: privacy@example.org\n  ca_file: "+imapCA, 1)
		return y + "templates:\n  dir: " + tpl + "\nclassify:\n  extra_phrases: " + phrases + "\n"
	}
	c := mustParse(t, withFiles("ca.pem", "tpl", "phrases.txt"), dir)
	if c.IMAP.CAFile != filepath.Join(dir, "ca.pem") || c.Templates.Dir != filepath.Join(dir, "tpl") ||
		c.Classify.ExtraPhrases != filepath.Join(dir, "phrases.txt") {
		t.Errorf("paths not resolved against %s: %q %q %q", dir, c.IMAP.CAFile, c.Templates.Dir, c.Classify.ExtraPhrases)
	}
	// Absolute paths are kept as they are.
	abs := filepath.Join(dir, "ca.pem")
	if c := mustParse(t, withFiles(abs, filepath.Join(dir, "tpl"), filepath.Join(dir, "phrases.txt")), "/elsewhere"+dir); c.IMAP.CAFile != abs {
		t.Errorf("absolute ca_file changed to %q", c.IMAP.CAFile)
	}

	lines := parseErr(t, withFiles("junk.pem", "phrases.txt", "tpl"), dir)
	for _, want := range []struct{ prefix, part string }{
		{"imap.ca_file:", "no PEM certificate"},
		{"templates.dir:", "not a directory"},
		{"classify.extra_phrases:", "not a readable file"},
	} {
		if !hasLine(lines, want.prefix, want.part) {
			t.Errorf("missing error %s ... %s in\n%s", want.prefix, want.part, strings.Join(lines, "\n"))
		}
	}
	if lines := parseErr(t, withFiles("missing.pem", "tpl", "phrases.txt"), dir); !hasLine(lines, "imap.ca_file:", "missing.pem") {
		t.Errorf("missing ca_file: %q", lines)
	}
}

func TestStaffAddresses(t *testing.T) {
	y := strings.Replace(minimal, "[Anna@example.org, bram@example.org]",
		"[anna@example.org, ANNA@example.org, privacy@example.org]\n  notify: [bram@example.org, bram@example.org]", 1)
	lines := parseErr(t, y, "")
	for _, want := range []struct{ prefix, part string }{
		{"staff.addresses[1]:", "repeats staff.addresses[0]"},
		{"staff.addresses[2]:", "privacy_address"},
		{"staff.notify[1]:", "repeats staff.notify[0]"},
	} {
		if !hasLine(lines, want.prefix, want.part) {
			t.Errorf("missing error %s ... %s in\n%s", want.prefix, want.part, strings.Join(lines, "\n"))
		}
	}
	// A bad staff address is reported once, not again for the notify and
	// owner keys that default to it.
	y = strings.Replace(minimal, "[Anna@example.org, bram@example.org]", "[\"Anna <anna@example.org>\"]", 1)
	lines = parseErr(t, y, "")
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "staff.addresses[0]:") {
		t.Errorf("want one error for staff.addresses[0], got\n%s", strings.Join(lines, "\n"))
	}
}
