package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"privacyd/clock"
	"privacyd/config"
	"privacyd/daemon"
	"privacyd/mailin"
	"privacyd/outbox"
	"privacyd/schedule"
	"privacyd/templates"
)

// checkTimeout bounds each network check.
const checkTimeout = 20 * time.Second

// runCheckConfig validates the configuration file and tries everything it
// names: the IMAP login and mailbox, the SMTP connection and login, the
// database, the cron expressions and the templates. It prints one ✓ or ✗
// line per check and fails when any check does.
func runCheckConfig(args []string, _ io.Reader, stdout, _ io.Writer) error {
	fs := flag.NewFlagSet("check-config", flag.ContinueOnError)
	cfgPath := fs.String("config", "", "configuration `file`")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *cfgPath == "" {
		return usageError{errors.New("-config is required")}
	}
	return checkConfig(context.Background(), *cfgPath, stdout, checkOptions{})
}

// checkOptions adjust check-config for tests.
type checkOptions struct {
	clock clock.Clock
}

// checker prints the report and counts failures.
type checker struct {
	w      io.Writer
	failed []string
}

func (c *checker) ok(format string, args ...any) {
	fmt.Fprintf(c.w, "✓ %s\n", fmt.Sprintf(format, args...))
}

func (c *checker) fail(what string, format string, args ...any) {
	fmt.Fprintf(c.w, "✗ %s\n", fmt.Sprintf(format, args...))
	c.failed = append(c.failed, what)
}

func (c *checker) note(format string, args ...any) {
	fmt.Fprintf(c.w, "  %s\n", fmt.Sprintf(format, args...))
}

func checkConfig(ctx context.Context, path string, w io.Writer, opt checkOptions) error {
	if opt.clock == nil {
		opt.clock = clock.Real{}
	}
	c := &checker{w: w}
	cfg, err := config.Load(path)
	if err != nil {
		c.fail("config", "configuration %s is not valid:", path)
		for _, line := range strings.Split(err.Error(), "\n") {
			c.note("%s", line)
		}
		return fmt.Errorf("%s: the configuration is not valid", path)
	}
	c.ok("configuration %s is valid", path)
	for _, warn := range cfg.Warnings {
		c.note("warning: %s", warn)
	}

	// IMAP: log in and look at the mailbox, changing nothing.
	if o, err := daemon.IMAPOptions(cfg, nil); err != nil {
		c.fail("imap", "imap: %v", err)
	} else {
		o.DialTimeout = checkTimeout
		ictx, cancel := context.WithTimeout(ctx, checkTimeout)
		res, err := mailin.Check(ictx, o)
		cancel()
		switch {
		case errors.Is(err, mailin.ErrAuth):
			c.fail("imap", "imap: %s refused the login of %s: wrong username or password (%v)", o.Address, o.Username, err)
		case err != nil:
			c.fail("imap", "imap: %v", err)
		default:
			c.ok("imap: logged in to %s (%s) as %s; mailbox %q has %d %s", o.Address, o.TLS, o.Username, o.Mailbox,
				res.Messages, checkPlural(int(res.Messages), "message", "messages"))
			if o.ProcessedMailbox != "" {
				if res.ProcessedExists {
					c.note("processed mail is moved to %q", o.ProcessedMailbox)
				} else {
					c.note("processed mailbox %q does not exist yet; privacyd creates it on start", o.ProcessedMailbox)
				}
			}
		}
	}

	// SMTP: connect, TLS and AUTH as the sender would.
	if sc, err := daemon.SMTPConfig(cfg, nil); err != nil {
		c.fail("smtp", "smtp: %v", err)
	} else {
		sc.Timeout = checkTimeout
		sctx, cancel := context.WithTimeout(ctx, checkTimeout)
		err := outbox.CheckConnection(sctx, sc)
		cancel()
		if err != nil {
			c.fail("smtp", "smtp: %s: %v", sc.Address, err)
		} else if sc.Username != "" {
			c.ok("smtp: connected to %s (%s) and logged in as %s", sc.Address, sc.TLS, sc.Username)
		} else {
			c.ok("smtp: connected to %s (%s), no login configured", sc.Address, sc.TLS)
		}
	}

	// Templates, including the digest.
	if set, err := templates.New(cfg.Templates.Dir); err != nil {
		c.fail("templates", "templates: %v", err)
	} else if err := set.CheckDigest(cfg.Organisation.DefaultLanguage); err != nil {
		c.fail("templates", "templates: %v", err)
	} else if cfg.Templates.Dir != "" {
		c.ok("templates: the embedded defaults and the overrides in %s load and render", cfg.Templates.Dir)
	} else {
		c.ok("templates: the embedded defaults load and render")
	}

	// The database: open (migrating if needed) and write.
	tr, err := daemon.NewTracker(ctx, cfg, slog.New(slog.DiscardHandler), opt.clock)
	if err != nil {
		c.fail("database", "database %s: %v", cfg.Database.Path, err)
	} else {
		if err := tr.CheckWritable(ctx); err != nil {
			c.fail("database", "database %s is not writable: %v", cfg.Database.Path, err)
		} else {
			n := -1
			_ = tr.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM cases`).Scan(&n)
			c.ok("database %s is writable (%d %s in the register)", cfg.Database.Path, n, checkPlural(n, "case", "cases"))
		}
		tr.Close()
	}

	// The schedule, in the organisation's zone.
	now := opt.clock.Now()
	for _, s := range []struct{ key, spec string }{
		{"schedule.deadline_sweep", cfg.Schedule.DeadlineSweep},
		{"schedule.digest", cfg.Schedule.Digest},
	} {
		next, err := schedule.Next(s.spec, cfg.Location, now)
		if err != nil {
			c.fail(s.key, "%s: %v", s.key, err)
			continue
		}
		c.ok("%s %q: next run %s", s.key, s.spec, next.Format("Mon 2006-01-02 15:04 MST"))
	}
	if cfg.HTTP.Address == "" {
		c.note("http.address is empty: no /healthz and /metrics")
	} else {
		c.note("/healthz and /metrics on http://%s", cfg.HTTP.Address)
	}

	if len(c.failed) > 0 {
		fmt.Fprintf(w, "\n%d %s failed: %s\n", len(c.failed), checkPlural(len(c.failed), "check", "checks"), strings.Join(c.failed, ", "))
		return fmt.Errorf("%d %s failed (%s)", len(c.failed), checkPlural(len(c.failed), "check", "checks"), strings.Join(c.failed, ", "))
	}
	fmt.Fprintln(w, "\nall checks passed")
	return nil
}

func checkPlural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
