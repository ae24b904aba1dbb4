package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"
	_ "time/tzdata" // zones load on systems without a zone database (scratch, distroless)

	"privacyd/config"
	"privacyd/deadline"
)

// deadlineOutput is the JSON object of `privacyd deadline` (DESIGN.md); the
// field order is the documented one.
type deadlineOutput struct {
	Received     string        `json:"received"` // the input instant, RFC 3339 in the zone
	Timezone     string        `json:"timezone"`
	ReceivedDate deadline.Date `json:"received_date"`
	Due          deadline.Date `json:"due"`
	ExtendedDue  deadline.Date `json:"extended_due"`
}

// runDeadline implements `privacyd deadline -received RFC3339 [-config FILE]
// [-tz ZONE]`: it prints the legal clock of a request that reached the
// mailbox at the given instant as one JSON object. The zone is -tz, else the
// config's organisation.timezone, else Europe/Amsterdam; the holidays come from
// the config's deadlines.holidays and deadlines.extra_closed, else NL.
func runDeadline(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("deadline", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	received := fs.String("received", "", "arrival `instant` of the mail, RFC 3339 (2026-03-05T10:00:00+01:00)")
	configPath := fs.String("config", "", "configuration `file` (for organisation.timezone and deadlines.*)")
	tz := fs.String("tz", "", "IANA time `zone`, overriding the configuration (default "+deadline.DefaultTimezone+")")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stderr, "usage: privacyd deadline -received RFC3339 [-config FILE] [-tz ZONE]")
			fs.SetOutput(stderr)
			fs.PrintDefaults()
			return err
		}
		return usageError{err}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Errorf("unexpected argument %q", fs.Arg(0))}
	}
	if *received == "" {
		return usageError{errors.New("-received is required")}
	}
	at, err := time.Parse(time.RFC3339, strings.TrimSpace(*received))
	if err != nil {
		return usageError{fmt.Errorf("-received %q is not an RFC 3339 instant like 2026-03-05T10:00:00+01:00", *received)}
	}

	if *tz != "" {
		if _, err := time.LoadLocation(*tz); err != nil {
			return usageError{fmt.Errorf("-tz %q is not a known IANA time zone like Europe/Amsterdam", *tz)}
		}
	}

	zone, calendar := "", ""
	var extra []string
	if *configPath != "" {
		cfg, err := config.Load(*configPath)
		if err != nil {
			return err
		}
		zone, calendar, extra = cfg.Organisation.Timezone, cfg.Deadlines.Holidays, cfg.Deadlines.ExtraClosed
	}
	if *tz != "" {
		zone = *tz
	}
	rules, err := deadline.NewRules(zone, calendar, extra)
	if err != nil {
		return err
	}
	res := rules.Compute(at)
	out := deadlineOutput{
		Received:     at.In(rules.Loc).Format(time.RFC3339),
		Timezone:     rules.Loc.String(),
		ReceivedDate: res.ReceivedDate,
		Due:          res.Due,
		ExtendedDue:  res.ExtendedDue,
	}
	return json.NewEncoder(stdout).Encode(out)
}
