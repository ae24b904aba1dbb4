package main

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The expected JSON lines are worked out by hand from LAW.md ("The clock");
// weekdays from a calendar (2026-01-01 is a Thursday).
func TestRunDeadline(t *testing.T) {
	cfgNY := writeDeadlineConfig(t, "America/New_York", "none", "2026-04-06")
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		// DESIGN.md's example: 5 March 2026 + 1 month = 5 April = Easter
		// Sunday; 6 April Easter Monday → Tuesday 7 April. 5 June 2026 is a
		// Friday.
		{"design example", []string{"-received", "2026-03-05T10:00:00+01:00"},
			`{"received":"2026-03-05T10:00:00+01:00","timezone":"Europe/Amsterdam","received_date":"2026-03-05","due":"2026-04-07","extended_due":"2026-06-05"}`},
		// 22:30 UTC on 31 March is 00:30 CEST on 1 April: received 1 April;
		// due Friday 1 May (no Dutch holiday); ext Wednesday 1 July. The
		// instant is shown in Amsterdam time.
		{"late UTC evening", []string{"-received", "2026-03-31T22:30:00Z"},
			`{"received":"2026-04-01T00:30:00+02:00","timezone":"Europe/Amsterdam","received_date":"2026-04-01","due":"2026-05-01","extended_due":"2026-07-01"}`},
		// The same instant with -tz UTC stays 31 March: due 30 April
		// (Thursday, clamped), ext 30 June (Tuesday).
		{"-tz UTC", []string{"-received", "2026-03-31T22:30:00Z", "-tz", "UTC"},
			`{"received":"2026-03-31T22:30:00Z","timezone":"UTC","received_date":"2026-03-31","due":"2026-04-30","extended_due":"2026-06-30"}`},
		// Christmas chain: 25 Dec 2026 Friday and 26 Saturday are holidays,
		// 27 Sunday → Monday 28 Dec. Ext 25 Feb 2027, Thursday.
		{"christmas", []string{"-received", "2026-11-25T12:00:00+01:00"},
			`{"received":"2026-11-25T12:00:00+01:00","timezone":"Europe/Amsterdam","received_date":"2026-11-25","due":"2026-12-28","extended_due":"2027-02-25"}`},
		// Config: New York, weekends only, 6 April 2026 closed. 03:00 UTC on
		// 5 March is 22:00 EST on 4 March → received 4 March; 4 April is a
		// Saturday → 5 Sunday → 6 closed by config → Tuesday 7 April. Ext
		// 4 June, Thursday.
		{"config zone and calendar", []string{"-config", cfgNY, "-received", "2026-03-05T03:00:00Z"},
			`{"received":"2026-03-04T22:00:00-05:00","timezone":"America/New_York","received_date":"2026-03-04","due":"2026-04-07","extended_due":"2026-06-04"}`},
		// -tz overrides the config's zone, the calendar stays: 04:00 CET on
		// 5 March → 5 April Sunday → 6 closed by config (Easter Monday is not
		// closed by "none", but the extra date is) → Tuesday 7 April. Ext
		// 5 June, Friday.
		{"-tz overrides config", []string{"-config", cfgNY, "-tz", "Europe/Amsterdam", "-received", "2026-03-05T03:00:00Z"},
			`{"received":"2026-03-05T04:00:00+01:00","timezone":"Europe/Amsterdam","received_date":"2026-03-05","due":"2026-04-07","extended_due":"2026-06-05"}`},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out, errw bytes.Buffer
			if err := runDeadline(c.args, &out, &errw); err != nil {
				t.Fatalf("runDeadline(%q): %v (stderr %q)", c.args, err, errw.String())
			}
			if got := out.String(); got != c.want+"\n" {
				t.Errorf("output\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

func TestRunDeadlineErrors(t *testing.T) {
	for _, c := range []struct {
		args  []string
		want  string // in the error text
		usage bool   // a usageError
	}{
		{nil, "-received is required", true},
		{[]string{"-received", "2026-03-05"}, "RFC 3339", true},
		{[]string{"-received", "yesterday"}, "yesterday", true},
		{[]string{"-received", "2026-03-05T10:00:00+01:00", "-tz", "Mars/Base"}, "Mars/Base", true},
		{[]string{"-received", "2026-03-05T10:00:00+01:00", "extra"}, "extra", true},
		{[]string{"-recieved", "2026-03-05T10:00:00+01:00"}, "recieved", true},
		{[]string{"-received", "2026-03-05T10:00:00+01:00", "-config", filepath.Join(t.TempDir(), "missing.yaml")}, "missing.yaml", false},
	} {
		var out, errw bytes.Buffer
		err := runDeadline(c.args, &out, &errw)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("runDeadline(%q) error = %v; want one containing %q", c.args, err, c.want)
			continue
		}
		var ue usageError
		if errors.As(err, &ue) != c.usage {
			t.Errorf("runDeadline(%q): usage error = %v, want %v", c.args, !c.usage, c.usage)
		}
		if out.Len() != 0 {
			t.Errorf("runDeadline(%q) printed %q on error", c.args, out.String())
		}
	}
	var out, errw bytes.Buffer
	if err := runDeadline([]string{"-h"}, &out, &errw); !errors.Is(err, flag.ErrHelp) || !strings.Contains(errw.String(), "-received") {
		t.Errorf("-h: err %v, stderr %q", err, errw.String())
	}
}

// writeDeadlineConfig writes a complete, valid configuration with the given
// deadline settings and returns its path.
func writeDeadlineConfig(t *testing.T, tz, holidays, extra string) string {
	t.Helper()
	dir := t.TempDir()
	key := filepath.Join(dir, "command.key")
	if err := os.WriteFile(key, []byte(strings.Repeat("k", 64)), 0o600); err != nil {
		t.Fatal(err)
	}
	yaml := `organisation:
  name: Example B.V.
  privacy_address: privacy@example.org
  timezone: ` + tz + `
imap:
  address: 127.0.0.1:1143
  tls: none
  username: privacy@example.org
  password_env: PRIVACYD_TEST_UNSET_PASSWORD
smtp:
  address: 127.0.0.1:1025
  tls: none
database:
  path: privacyd.db
staff:
  addresses: [staff@example.org]
deadlines:
  holidays: ` + holidays + `
  extra_closed: ["` + extra + `"]
security:
  command_key_file: command.key
`
	p := filepath.Join(dir, "privacyd.yaml")
	if err := os.WriteFile(p, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}
