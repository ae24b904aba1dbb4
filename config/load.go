package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Defaults for keys that are absent or empty.
const (
	DefaultTimezone        = "Europe/Amsterdam"
	DefaultLanguage        = "en"
	DefaultCasePrefix      = "DSR"
	DefaultSAName          = "Autoriteit Persoonsgegevens"
	DefaultSAURL           = "https://autoriteitpersoonsgegevens.nl"
	DefaultSAAddress       = "Postbus 93374, 2509 AJ Den Haag"
	DefaultMailbox         = "INBOX"
	DefaultPollInterval    = Duration(60e9)      // 1m
	DefaultCopyWait        = Duration(10 * 60e9) // 10m
	DefaultHolidays        = "NL"
	DefaultClockStarts     = ClockReceipt
	DefaultDeadlineSweep   = "0 8 * * *"
	DefaultDigest          = "0 8 * * 1"
	DefaultClosedCaseDays  = 730
	DefaultHTTPAddress     = "127.0.0.1:9465"
	DefaultMaxParseBytes   = 10 << 20
	DefaultAutoMailsPerDay = 5
	DefaultAnswerMaxAge    = 30
	DefaultIdentityCheck   = IdentityUnknownSender
	DefaultRepetitiveCount = 3
	DefaultRepetitiveDays  = 90
	DefaultReminderDays    = 7
	DefaultExtensionWarn   = 5
	DefaultFeeWaitDays     = 14
)

// DefaultWarnDaysBefore are the working days before the due date on which
// staff are warned about an open case.
var DefaultWarnDaysBefore = []int{7, 3, 1}

// Values of deadlines.clock_starts.
const (
	ClockReceipt          = "receipt"
	ClockIdentityVerified = "identity_verified"
)

// Values of policy.identity_check.
const (
	IdentityUnknownSender = "unknown_sender"
	IdentityAlways        = "always"
	IdentityNever         = "never"
)

// Load reads, decodes and validates the configuration file at path. Relative
// paths in the file are resolved against the file's directory. The returned
// error lists every problem found, each naming its key.
func Load(path string) (*Config, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	c, err := Parse(b, filepath.Dir(abs))
	if err != nil {
		return nil, fmt.Errorf("config %s: %w", path, err)
	}
	return c, nil
}

// Parse decodes and validates a configuration. Relative paths in it are
// resolved against baseDir (left relative when baseDir is empty). Decoding is
// strict: an unknown key is an error. Then defaults are applied (SetDefaults)
// and the result is validated (Validate). The error joins every problem.
func Parse(b []byte, baseDir string) (*Config, error) {
	var c Config
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	err := dec.Decode(&c)
	if errors.Is(err, io.EOF) {
		err = nil // an empty file: every required key will be reported missing
	}
	var decodeProblems []problem
	if err != nil {
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			return nil, fmt.Errorf("invalid YAML: %v", err)
		}
		// Type errors and unknown keys: the decoder went on with the rest,
		// so validate that too and report everything at once.
		decodeProblems = decodeError(b, te)
	} else {
		var extra yaml.Node
		if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
			return nil, errors.New("the file holds more than one YAML document")
		}
	}
	// http.address: absent means the default, an explicit "" disables it.
	if !hasKey(b, "http", "address") {
		c.HTTP.Address = DefaultHTTPAddress
	}
	c.resolvePaths(baseDir)
	c.SetDefaults()
	probs := c.validate()
	if len(decodeProblems) > 0 {
		bad := map[string]bool{}
		for _, p := range decodeProblems {
			bad[p.path] = true
		}
		kept := decodeProblems
		for _, p := range probs {
			if !bad[p.path] { // already reported as undecodable
				kept = append(kept, p)
			}
		}
		probs = kept
	}
	if err := joinProblems(probs); err != nil {
		return nil, err
	}
	return &c, nil
}

// SetDefaults fills in every empty key that has a default. It does not touch
// http.address: there the empty string means "disabled" (Parse puts the
// default in when the key is absent from the file).
func (c *Config) SetDefaults() {
	o := &c.Organisation
	def(&o.Timezone, DefaultTimezone)
	def(&o.DefaultLanguage, DefaultLanguage)
	def(&o.CasePrefix, DefaultCasePrefix)
	if sa := &o.SupervisoryAuthority; *sa == (SupervisoryAuthority{}) {
		*sa = SupervisoryAuthority{Name: DefaultSAName, URL: DefaultSAURL, Address: DefaultSAAddress}
	}

	def(&c.IMAP.TLS, defaultTLS(c.IMAP.Address, "143"))
	def(&c.IMAP.Mailbox, DefaultMailbox)
	if c.IMAP.IDLE == nil {
		t := true
		c.IMAP.IDLE = &t
	}
	if c.IMAP.PollInterval == 0 {
		c.IMAP.PollInterval = DefaultPollInterval
	}

	def(&c.SMTP.TLS, defaultTLS(c.SMTP.Address, "587", "25"))
	def(&c.SMTP.From, o.PrivacyAddress)
	if c.SMTP.CopyWait == 0 {
		c.SMTP.CopyWait = DefaultCopyWait
	}

	if len(c.Staff.Notify) == 0 {
		c.Staff.Notify = append([]string(nil), c.Staff.Addresses...)
	}
	if c.Owner == "" && len(c.Staff.Addresses) > 0 {
		c.Owner = c.Staff.Addresses[0]
	}

	def(&c.Deadlines.Holidays, DefaultHolidays)
	def(&c.Deadlines.ClockStarts, DefaultClockStarts)
	if c.Deadlines.WarnDaysBefore == nil { // an explicit [] turns warnings off
		c.Deadlines.WarnDaysBefore = append([]int(nil), DefaultWarnDaysBefore...)
	}

	def(&c.Schedule.DeadlineSweep, DefaultDeadlineSweep)
	def(&c.Schedule.Digest, DefaultDigest)

	defInt(&c.Retention.ClosedCaseDays, DefaultClosedCaseDays)
	if c.Limits.MaxParseBytes == 0 {
		c.Limits.MaxParseBytes = DefaultMaxParseBytes
	}
	defInt(&c.Limits.AutoMailsPerSender, DefaultAutoMailsPerDay)
	defInt(&c.Limits.AnswerMaxAgeDays, DefaultAnswerMaxAge)

	def(&c.Policy.IdentityCheck, DefaultIdentityCheck)
	defInt(&c.Policy.RepetitiveCount, DefaultRepetitiveCount)
	defInt(&c.Policy.RepetitiveDays, DefaultRepetitiveDays)
	defInt(&c.Policy.IdentityReminderDays, DefaultReminderDays)
	defInt(&c.Policy.IdentityWaitDays, 2*c.Policy.IdentityReminderDays)
	defInt(&c.Policy.FeeWaitDays, DefaultFeeWaitDays)
	defInt(&c.Deadlines.ExtensionWarnDays, DefaultExtensionWarn)
}

func def(p *string, v string) {
	if *p == "" {
		*p = v
	}
}

func defInt(p *int, v int) {
	if *p == 0 {
		*p = v
	}
}

// defaultTLS is starttls for the plain-text submission/IMAP ports, where a
// server expects STARTTLS, and implicit TLS otherwise.
func defaultTLS(address string, starttlsPorts ...string) string {
	if _, port, err := splitHostPort(address); err == nil {
		for _, p := range starttlsPorts {
			if port == p {
				return TLSStartTLS
			}
		}
	}
	return TLSImplicit
}

// resolvePaths makes every relative file path absolute against baseDir.
func (c *Config) resolvePaths(baseDir string) {
	if baseDir == "" {
		return
	}
	for _, p := range []*string{
		&c.IMAP.PasswordFile, &c.IMAP.CAFile,
		&c.SMTP.PasswordFile, &c.SMTP.CAFile,
		&c.Database.Path,
		&c.Security.CommandKeyFile,
		&c.Templates.Dir,
		&c.Classify.ExtraPhrases,
	} {
		if *p == "" || filepath.IsAbs(*p) {
			continue
		}
		if p == &c.Database.Path && (*p == ":memory:" || strings.HasPrefix(*p, "file:")) {
			continue // SQLite special names
		}
		*p = filepath.Join(baseDir, *p)
	}
}

// hasKey reports whether the mapping path (for example "http", "address")
// exists in the YAML document b.
func hasKey(b []byte, path ...string) bool {
	var doc yaml.Node
	if yaml.Unmarshal(b, &doc) != nil || len(doc.Content) == 0 {
		return false
	}
	n := doc.Content[0]
next:
	for _, k := range path {
		if n.Kind != yaml.MappingNode {
			return false
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == k {
				n = n.Content[i+1]
				continue next
			}
		}
		return false
	}
	return true
}

var (
	lineRe    = regexp.MustCompile(`^line (\d+): (.*)$`)
	unknownRe = regexp.MustCompile(`^field (\S+) not found in type`)
)

// decodeError turns the decoder's "line N: ..." messages into problems that
// name the key path, e.g. "imap.pasword: unknown key (line 7)".
func decodeError(b []byte, te *yaml.TypeError) []problem {
	keys := keyLines(b)
	var probs []problem
	for _, msg := range te.Errors {
		m := lineRe.FindStringSubmatch(msg)
		if m == nil {
			probs = append(probs, problem{"", msg})
			continue
		}
		line, _ := strconv.Atoi(m[1])
		if u := unknownRe.FindStringSubmatch(m[2]); u != nil {
			p := findKey(keys[line], u[1])
			if p == "" {
				p = u[1]
			}
			probs = append(probs, problem{p, fmt.Sprintf("unknown key (line %d)", line)})
			continue
		}
		if ps := keys[line]; len(ps) > 0 {
			probs = append(probs, problem{ps[len(ps)-1], fmt.Sprintf("%s (line %d)", m[2], line)})
			continue
		}
		probs = append(probs, problem{"", msg})
	}
	return probs
}

// findKey returns the path among paths whose last element is name.
func findKey(paths []string, name string) string {
	for _, p := range paths {
		if p == name || strings.HasSuffix(p, "."+name) {
			return p
		}
	}
	return ""
}

// keyLines maps each line of the document to the key paths written or valued
// on it.
func keyLines(b []byte) map[int][]string {
	out := map[int][]string{}
	var doc yaml.Node
	if yaml.Unmarshal(b, &doc) != nil || len(doc.Content) == 0 {
		return out
	}
	var walk func(n *yaml.Node, path string, depth int)
	walk = func(n *yaml.Node, path string, depth int) {
		if depth > 20 {
			return
		}
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				p := k.Value
				if path != "" {
					p = path + "." + k.Value
				}
				out[k.Line] = append(out[k.Line], p)
				if v.Line != k.Line {
					out[v.Line] = append(out[v.Line], p)
				}
				walk(v, p, depth+1)
			}
		case yaml.SequenceNode:
			for _, v := range n.Content {
				if len(out[v.Line]) == 0 || out[v.Line][len(out[v.Line])-1] != path {
					out[v.Line] = append(out[v.Line], path)
				}
				walk(v, path, depth+1)
			}
		}
	}
	walk(doc.Content[0], "", 0)
	return out
}
