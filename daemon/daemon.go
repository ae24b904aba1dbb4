// Package daemon wires privacyd together from its configuration: the
// tracker (register and outbox), the IMAP reader, the SMTP sender, the
// scheduled work and the HTTP health endpoint. cmd/privacyd's run and sandbox
// commands, and the end-to-end tests, start privacyd through it.
package daemon

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"sync"
	"time"

	"privacyd/classify"
	"privacyd/clock"
	"privacyd/config"
	"privacyd/deadline"
	"privacyd/mailin"
	"privacyd/outbox"
	"privacyd/templates"
	"privacyd/tracker"
)

// Daemon is a configured privacyd.
type Daemon struct {
	Config  *config.Config
	Tracker *tracker.Tracker
	Reader  *mailin.Reader
	Sender  *outbox.Sender
	log     *slog.Logger
	clk     clock.Clock

	mu       sync.Mutex
	lastPoll time.Time
}

// Options adjust a Daemon beyond its configuration.
type Options struct {
	Log   *slog.Logger
	Clock clock.Clock
	// IMAPTLS and SMTPTLS override the TLS configuration (tests with their own CA).
	IMAPTLS, SMTPTLS *tls.Config
}

// New builds a Daemon from cfg. It opens the database but connects to nothing yet.
func New(ctx context.Context, cfg *config.Config, opt Options) (*Daemon, error) {
	if opt.Log == nil {
		opt.Log = slog.New(slog.DiscardHandler)
	}
	if opt.Clock == nil {
		opt.Clock = clock.Real{}
	}
	d := &Daemon{Config: cfg, log: opt.Log, clk: opt.Clock}

	tr, err := newTracker(ctx, cfg, opt.Log, opt.Clock, true)
	if err != nil {
		return nil, err
	}
	d.Tracker = tr

	imapOpt, err := IMAPOptions(cfg, opt.IMAPTLS)
	if err != nil {
		tr.Close()
		return nil, err
	}
	imapOpt.Log = opt.Log.With("component", "mailin")
	imapOpt.OnPoll = func(t time.Time) {
		d.mu.Lock()
		d.lastPoll = t
		d.mu.Unlock()
	}
	d.Reader = mailin.New(imapOpt, tr)

	smtpCfg, err := SMTPConfig(cfg, opt.SMTPTLS)
	if err != nil {
		tr.Close()
		return nil, err
	}
	d.Sender = outbox.NewSender(smtpCfg, tr, opt.Clock, opt.Log.With("component", "outbox"))
	if cfg.SMTP.CopyToSelf {
		// A mail that may have gone out before a crash is looked for in
		// the mailbox (its copy) before it is sent again.
		d.Sender.CopyWait = time.Duration(cfg.SMTP.CopyWait)
		d.Sender.Confirm = func(ctx context.Context, messageID string) (bool, error) {
			return mailin.HasMessageID(ctx, imapOpt, messageID)
		}
	}
	d.Sender.OnFailed = func(m outbox.Mail, err error) {
		if ferr := tr.SendFailed(context.Background(), m, err); ferr != nil {
			opt.Log.Error("telling staff about a failed mail", "mail", m.ID, "err", ferr)
		}
	}
	tr.SetOnQueued(d.Sender.Wake)
	return d, nil
}

// NewTracker opens the register configured by cfg (for commands that only read it).
func NewTracker(ctx context.Context, cfg *config.Config, log *slog.Logger, clk clock.Clock) (*tracker.Tracker, error) {
	return newTracker(ctx, cfg, log, clk, false)
}

// newTracker opens the register; sender is true for the process that sends
// the mail (it keeps the sent log).
func newTracker(ctx context.Context, cfg *config.Config, log *slog.Logger, clk clock.Clock, sender bool) (*tracker.Tracker, error) {
	var extra []byte
	if cfg.Classify.ExtraPhrases != "" {
		b, err := os.ReadFile(cfg.Classify.ExtraPhrases)
		if err != nil {
			return nil, fmt.Errorf("classify.extra_phrases: %w", err)
		}
		extra = b
	}
	own := ownAddresses(cfg)
	var copyWait time.Duration
	if sender && cfg.SMTP.CopyToSelf {
		copyWait = time.Duration(cfg.SMTP.CopyWait)
	}
	cl, err := classify.New(classify.Options{StaffAddresses: lower(cfg.Staff.Addresses), OwnAddresses: own,
		ExtraPhrases: extra, ExtraPhrasesName: cfg.Classify.ExtraPhrases})
	if err != nil {
		return nil, fmt.Errorf("classify.extra_phrases: %w", err)
	}
	tpl, err := templates.New(cfg.Templates.Dir)
	if err != nil {
		return nil, fmt.Errorf("templates.dir: %w", err)
	}
	rules, err := Rules(cfg)
	if err != nil {
		return nil, err
	}
	return tracker.New(ctx, tracker.Options{
		Path: cfg.Database.Path, Log: log.With("component", "tracker"), Clock: clk,
		Classifier: cl, Templates: tpl, Rules: rules,
		ClockStartsAtVerification: cfg.Deadlines.ClockStarts == "identity_verified",
		Org:                       templates.Org{Name: cfg.Organisation.Name, PrivacyAddress: cfg.Organisation.PrivacyAddress},
		Authority: templates.Authority{Name: cfg.Organisation.SupervisoryAuthority.Name,
			URL: cfg.Organisation.SupervisoryAuthority.URL, Address: cfg.Organisation.SupervisoryAuthority.Address},
		CasePrefix: cfg.Organisation.CasePrefix,
		From:       strings.ToLower(cfg.SMTP.From), FromName: cfg.Organisation.Name,
		OwnAddresses:   own,
		StaffAddresses: lower(cfg.Staff.Addresses), StaffNotify: cfg.Staff.Notify, Owner: cfg.Owner,
		StaffLanguage: cfg.Organisation.DefaultLanguage, DefaultLanguage: cfg.Organisation.DefaultLanguage,
		CommandKey: cfg.Security.CommandKey, TrustedAuthservID: cfg.Security.TrustedAuthservID,
		MaxParseBytes: cfg.Limits.MaxParseBytes, AutoMailsPerSender: cfg.Limits.AutoMailsPerSender,
		AnswerMaxAge:  time.Duration(cfg.Limits.AnswerMaxAgeDays) * 24 * time.Hour,
		IdentityCheck: cfg.Policy.IdentityCheck, IDCopy: cfg.Policy.IDCopy,
		RepetitiveCount: cfg.Policy.RepetitiveCount, RepetitiveDays: cfg.Policy.RepetitiveDays,
		RetentionDays: cfg.Retention.ClosedCaseDays,
		SentLog:       sender,
		CopyWait:      copyWait,
	})
}

// Rules returns the deadline rules configured by cfg.
func Rules(cfg *config.Config) (deadline.Rules, error) {
	r, err := deadline.NewRules(cfg.Organisation.Timezone, cfg.Deadlines.Holidays, cfg.Deadlines.ExtraClosed)
	if err != nil {
		return deadline.Rules{}, fmt.Errorf("deadlines: %w", err)
	}
	return r, nil
}

// Run runs the daemon until ctx is done or the IMAP login is refused.
func (d *Daemon) Run(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	stopSchedule, err := d.startSchedule(ctx) // a sweep now, a missed digest, then cron
	if err != nil {
		return err
	}
	defer stopSchedule()
	stopHTTP, err := d.startHTTP(ctx) // /healthz and /metrics on http.address
	if err != nil {
		return err
	}
	defer stopHTTP()
	var wg sync.WaitGroup
	errs := make(chan error, 2)
	wg.Add(2)
	go func() {
		defer wg.Done()
		err := d.Reader.Run(ctx)
		if err != nil && ctx.Err() == nil {
			errs <- fmt.Errorf("imap: %w", err)
			cancel()
		}
	}()
	go func() {
		defer wg.Done()
		if err := d.Sender.Run(ctx); err != nil && ctx.Err() == nil {
			errs <- fmt.Errorf("smtp: %w", err)
			cancel()
		}
	}()
	wg.Wait()
	close(errs)
	var all []error
	for err := range errs {
		all = append(all, err)
	}
	return errors.Join(all...)
}

// Close closes the database.
func (d *Daemon) Close() error { return d.Tracker.Close() }

// LastPoll returns the time of the last successful pass over the mailbox.
func (d *Daemon) LastPoll() time.Time {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.lastPoll
}

func ownAddresses(cfg *config.Config) []string {
	own := []string{strings.ToLower(cfg.Organisation.PrivacyAddress)}
	if f := strings.ToLower(cfg.SMTP.From); f != "" && f != own[0] {
		own = append(own, f)
	}
	return own
}

func lower(in []string) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = strings.ToLower(strings.TrimSpace(s))
	}
	return out
}

// tlsConfig returns the TLS configuration for a server at addr, trusting the
// system roots or, when caFile is set, only that CA.
func tlsConfig(addr, caFile string) (*tls.Config, error) {
	host := addr
	if i := strings.LastIndex(addr, ":"); i >= 0 {
		host = strings.Trim(addr[:i], "[]")
	}
	c := &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}
	if caFile != "" {
		pem, err := os.ReadFile(caFile)
		if err != nil {
			return nil, err
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("%s: no PEM certificates", caFile)
		}
		c.RootCAs = pool
	}
	return c, nil
}
