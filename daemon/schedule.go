package daemon

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net/http"
	"time"

	"privacyd/config"
	"privacyd/health"
	"privacyd/mailin"
	"privacyd/outbox"
	"privacyd/schedule"
	"privacyd/tracker"
)

// IMAPOptions returns the reader options configured by cfg (password
// resolved now, TLS from imap.ca_file unless tlsCfg overrides it), as New
// builds them; check-config uses them to try the connection.
func IMAPOptions(cfg *config.Config, tlsCfg *tls.Config) (mailin.Options, error) {
	pass, err := cfg.IMAPPassword()
	if err != nil {
		return mailin.Options{}, err
	}
	if tlsCfg == nil {
		if tlsCfg, err = tlsConfig(cfg.IMAP.Address, cfg.IMAP.CAFile); err != nil {
			return mailin.Options{}, fmt.Errorf("imap.ca_file: %w", err)
		}
	}
	return mailin.Options{
		Address: cfg.IMAP.Address, TLS: cfg.IMAP.TLS, TLSConfig: tlsCfg,
		Username: cfg.IMAP.Username, Password: pass,
		Mailbox: cfg.IMAP.Mailbox, ProcessedMailbox: cfg.IMAP.ProcessedMailbox,
		IDLE: cfg.IMAP.IDLE == nil || *cfg.IMAP.IDLE, PollInterval: time.Duration(cfg.IMAP.PollInterval),
	}, nil
}

// SMTPConfig returns the SMTP configuration of cfg, as New builds it.
func SMTPConfig(cfg *config.Config, tlsCfg *tls.Config) (outbox.SMTPConfig, error) {
	pass, err := cfg.SMTPPassword()
	if err != nil {
		return outbox.SMTPConfig{}, err
	}
	if tlsCfg == nil {
		if tlsCfg, err = tlsConfig(cfg.SMTP.Address, cfg.SMTP.CAFile); err != nil {
			return outbox.SMTPConfig{}, fmt.Errorf("smtp.ca_file: %w", err)
		}
	}
	c := outbox.SMTPConfig{Address: cfg.SMTP.Address, TLS: cfg.SMTP.TLS, TLSConfig: tlsCfg,
		Username: cfg.SMTP.Username, Password: pass, Timeout: 30 * time.Second}
	if cfg.SMTP.CopyToSelf {
		c.CopyTo = cfg.Organisation.PrivacyAddress
	}
	return c, nil
}

// SweepOptions returns the warning policy configured by cfg.
func SweepOptions(cfg *config.Config) tracker.SweepOptions {
	return tracker.SweepOptions{
		WarnDaysBefore:       cfg.Deadlines.WarnDaysBefore,
		IdentityReminderDays: cfg.Policy.IdentityReminderDays,
		IdentityWaitDays:     cfg.Policy.IdentityWaitDays,
		FeeWaitDays:          cfg.Policy.FeeWaitDays,
		ExtensionWarnDays:    cfg.Deadlines.ExtensionWarnDays,
	}
}

// location is organisation.timezone (UTC if it cannot be had).
func (d *Daemon) location() *time.Location {
	if d.Config.Location != nil {
		return d.Config.Location
	}
	if r, err := Rules(d.Config); err == nil && r.Loc != nil {
		return r.Loc
	}
	return time.UTC
}

// Sweep runs the deadline sweep once, then erases the personal data of
// cases closed longer than retention.closed_case_days.
func (d *Daemon) Sweep(ctx context.Context) error {
	_, err := d.Tracker.Sweep(ctx, SweepOptions(d.Config))
	if _, rerr := d.Tracker.Retain(ctx); rerr != nil {
		err = errors.Join(err, fmt.Errorf("retention: %w", rerr))
	}
	return err
}

// startSchedule catches up the scheduled work first — a deadline sweep
// (idempotent: it computes from today's date what is due and not yet sent),
// and the weekly digest when its last slot passed while privacyd was down —
// then starts cron for schedule.deadline_sweep and schedule.digest in the
// organisation's zone. stop stops cron and waits for a running job.
// Failures of the catch-up are logged, not fatal: cron tries again.
func (d *Daemon) startSchedule(ctx context.Context) (stop func(), err error) {
	cfg := d.Config
	loc := d.location()
	log := d.log.With("component", "schedule")
	r := schedule.New(loc, log)
	if err := r.Add("deadline_sweep", cfg.Schedule.DeadlineSweep, d.Sweep); err != nil {
		return nil, fmt.Errorf("schedule.deadline_sweep: %w", err)
	}
	digest := func(ctx context.Context) error {
		_, err := d.Tracker.SendDigest(ctx, d.clk.Now())
		return err
	}
	if err := r.Add("digest", cfg.Schedule.Digest, digest); err != nil {
		return nil, fmt.Errorf("schedule.digest: %w", err)
	}

	if err := d.Sweep(ctx); err != nil {
		log.Error("deadline sweep at start", "err", err)
	}
	now := d.clk.Now()
	if slot, ok, err := schedule.Previous(cfg.Schedule.Digest, loc, now, 8*24*time.Hour); err != nil {
		return nil, fmt.Errorf("schedule.digest: %w", err)
	} else if ok {
		if sent, err := d.Tracker.CatchUpDigest(ctx, slot); err != nil {
			log.Error("weekly digest at start", "err", err)
		} else if sent {
			log.Info("missed weekly digest sent", "slot", slot.Format(time.RFC3339))
		}
	}
	r.Start(ctx)
	next := r.NextRuns()
	if len(next) == 2 {
		log.Info("schedule started", "timezone", loc.String(), "next_sweep", next[0].Format(time.RFC3339), "next_digest", next[1].Format(time.RFC3339))
	}
	return func() {
		sctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		r.Stop(sctx)
	}, nil
}

// healthOptions wires /healthz and /metrics to the reader, the tracker and
// the clock.
func (d *Daemon) healthOptions() health.Options {
	maxPoll := 15 * time.Minute
	if p := 3 * time.Duration(d.Config.IMAP.PollInterval); p > maxPoll {
		maxPoll = p
	}
	return health.Options{
		Connected: d.Reader.Connected,
		LastPoll:  d.LastPoll,
		Snapshot: func(ctx context.Context) (health.Snapshot, error) {
			s, err := d.Tracker.Stats(ctx)
			if err != nil {
				return health.Snapshot{}, err
			}
			return health.Snapshot{
				MailsByKind: s.MailsByKind, MailsByDisposition: s.MailsByDisposition, CasesByStatus: s.CasesByStatus,
				Overdue: s.Overdue, OutboxPending: s.Outbox.Pending, OutboxSent: s.Outbox.Sent, OutboxFailed: s.Outbox.Failed,
				OldestPending: s.Outbox.OldestPending,
			}, nil
		},
		Clock:      d.clk,
		Log:        d.log.With("component", "http"),
		MaxPollAge: maxPoll,
	}
}

// HealthHandler serves /healthz and /metrics.
func (d *Daemon) HealthHandler() http.Handler { return health.Handler(d.healthOptions()) }

// startHTTP serves /healthz and /metrics on http.address; an empty address
// disables the listener (stop is then a no-op). A listen error is returned:
// the administrator asked for the endpoint, so it must not silently be missing.
func (d *Daemon) startHTTP(ctx context.Context) (stop func(), err error) {
	addr := d.Config.HTTP.Address
	if addr == "" {
		return func() {}, nil
	}
	stop, _, err = health.Serve(addr, d.HealthHandler(), d.log.With("component", "http"))
	if err != nil {
		return nil, fmt.Errorf("http.address: %w", err)
	}
	return stop, nil
}
