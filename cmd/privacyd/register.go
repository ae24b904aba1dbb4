package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"privacyd/clock"
	"privacyd/config"
	"privacyd/daemon"
	"privacyd/tracker"
)

// openRegister loads the configuration and opens its database.
func openRegister(ctx context.Context, path string) (*tracker.Tracker, *config.Config, error) {
	if path == "" {
		return nil, nil, usageError{errors.New("-config is required")}
	}
	cfg, err := config.Load(path)
	if err != nil {
		return nil, nil, err
	}
	tr, err := daemon.NewTracker(ctx, cfg, slog.New(slog.DiscardHandler), clock.Real{})
	return tr, cfg, err
}

func runCases(args []string, _ io.Reader, stdout, _ io.Writer) error {
	fs := flag.NewFlagSet("cases", flag.ContinueOnError)
	cfgPath := fs.String("config", "", "configuration `file`")
	status := fs.String("status", "", "only cases with this status (or \"open\")")
	asJSON := fs.Bool("json", false, "one JSON object per line")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	ctx := context.Background()
	tr, _, err := openRegister(ctx, *cfgPath)
	if err != nil {
		return err
	}
	defer tr.Close()
	cases, err := tr.Cases(ctx, tracker.Filter{Status: *status})
	if err != nil {
		return err
	}
	// Buffered: a register of 100,000 cases took seconds of system time
	// written a line (or a cell) at a time.
	out := bufio.NewWriterSize(stdout, 64<<10)
	if *asJSON {
		enc := json.NewEncoder(out)
		for _, c := range cases {
			if err := enc.Encode(c); err != nil {
				return err
			}
		}
		return out.Flush()
	}
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSTATUS\tRIGHTS\tLANG\tRECEIVED\tDUE\tREQUESTER")
	for _, c := range cases {
		due := c.Due
		if c.Extended {
			due = c.ExtendedDue + " (ext)"
		}
		rights := strings.Join(c.Rights, ",")
		if rights == "" {
			rights = "(triage)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c.ID, c.Status, rights, c.Language, c.ReceivedDate, due, c.Requester)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	return out.Flush()
}

func runCase(args []string, _ io.Reader, stdout, _ io.Writer) error {
	fs := flag.NewFlagSet("case", flag.ContinueOnError)
	cfgPath := fs.String("config", "", "configuration `file`")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError{errors.New("want exactly one case ID")}
	}
	ctx := context.Background()
	tr, cfg, err := openRegister(ctx, *cfgPath)
	if err != nil {
		return err
	}
	defer tr.Close()
	d, err := tr.Detail(ctx, pos[0])
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(d)
	}
	loc := cfg.Location
	fmt.Fprintf(stdout, "%s  %s\n", d.ID, d.Status)
	fmt.Fprintf(stdout, "requester:  %s <%s>\n", d.RequesterName, d.Requester)
	fmt.Fprintf(stdout, "subject:    %s\n", d.Subject)
	fmt.Fprintf(stdout, "rights:     %s\n", strings.Join(d.Rights, ", "))
	fmt.Fprintf(stdout, "language:   %s\n", d.Language)
	fmt.Fprintf(stdout, "received:   %s\n", d.ReceivedAt.In(loc).Format("2006-01-02 15:04:05 MST"))
	fmt.Fprintf(stdout, "due:        %s\n", d.Due)
	if d.Extended {
		fmt.Fprintf(stdout, "extended:   %s (%s)\n", d.ExtendedDue, d.ExtensionReason)
	}
	if d.VerifiedAt != "" {
		fmt.Fprintf(stdout, "verified:   %s\n", localTime(d.VerifiedAt, loc))
	}
	if d.ClosedAt != "" {
		fmt.Fprintf(stdout, "closed:     %s\n", localTime(d.ClosedAt, loc))
	}
	if d.ErasedAt != "" {
		fmt.Fprintf(stdout, "erased:     %s (retention: personal data removed)\n", localTime(d.ErasedAt, loc))
	}
	fmt.Fprintln(stdout, "\nmessages:")
	for _, m := range d.Messages {
		who := m.From
		if m.Direction == "out" {
			who = "→ " + strings.Join(m.To, ", ")
		}
		fmt.Fprintf(stdout, "  %s  %-3s %-22s %s  %s\n", m.At.In(loc).Format("2006-01-02 15:04"), m.Direction, m.Kind+" "+m.Status, who, m.Subject)
	}
	fmt.Fprintln(stdout, "\nevents:")
	for _, e := range d.Events {
		change := ""
		if e.OldValue != "" || e.NewValue != "" {
			change = fmt.Sprintf(" %s→%s", e.OldValue, e.NewValue)
		}
		fmt.Fprintf(stdout, "  %s  %-20s %s%s %s\n", e.At.In(loc).Format("2006-01-02 15:04"), e.Type, e.Actor, change, e.Detail)
	}
	return nil
}

func runExport(args []string, _ io.Reader, stdout, _ io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	cfgPath := fs.String("config", "", "configuration `file`")
	format := fs.String("format", "csv", "csv or json")
	out := fs.String("out", "", "write to `file` instead of standard output")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *format != "csv" && *format != "json" {
		return usageError{fmt.Errorf("-format %q: want csv or json", *format)}
	}
	ctx := context.Background()
	tr, _, err := openRegister(ctx, *cfgPath)
	if err != nil {
		return err
	}
	defer tr.Close()
	w := stdout
	if *out != "" {
		f, err := os.OpenFile(*out, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	cases, err := tr.Cases(ctx, tracker.Filter{})
	if err != nil {
		return err
	}
	if *format == "json" {
		var all []*tracker.CaseDetail
		for _, c := range cases {
			d, err := tr.Detail(ctx, c.ID)
			if err != nil {
				return err
			}
			all = append(all, d)
		}
		if all == nil {
			all = []*tracker.CaseDetail{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(map[string]any{"cases": all})
	}
	cw := csv.NewWriter(w)
	cw.Write([]string{"id", "status", "rights", "language", "requester", "requester_name", "representative",
		"received_at", "received_date", "due", "extended", "extended_due", "extension_reason", "fee_amount",
		"verified_at", "closed_at", "subject", "message_id", "erased_at"})
	for _, c := range cases {
		cw.Write([]string{c.ID, c.Status, strings.Join(c.Rights, ","), c.Language, c.Requester, c.RequesterName,
			strconv.FormatBool(c.Representative), c.ReceivedAt.Format("2006-01-02T15:04:05Z07:00"), c.ReceivedDate, c.Due,
			strconv.FormatBool(c.Extended), c.ExtendedDue, c.ExtensionReason, c.FeeAmount, c.VerifiedAt, c.ClosedAt,
			c.Subject, c.MessageID, c.ErasedAt})
	}
	cw.Flush()
	return cw.Error()
}

func runBackup(args []string, _ io.Reader, stdout, _ io.Writer) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	cfgPath := fs.String("config", "", "configuration `file`")
	to := fs.String("to", "", "write the copy to `file` (must not exist)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *to == "" {
		return usageError{errors.New("-to is required")}
	}
	ctx := context.Background()
	tr, _, err := openRegister(ctx, *cfgPath)
	if err != nil {
		return err
	}
	defer tr.Close()
	if err := tr.Backup(ctx, *to); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backup written to %s\n", *to)
	return nil
}

// localTime shows a stored RFC 3339 time in the organisation's zone.
func localTime(s string, loc *time.Location) string {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return s
	}
	return t.In(loc).Format("2006-01-02 15:04:05 MST")
}
