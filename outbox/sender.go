package outbox

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"sync"
	"time"

	gomail "github.com/wneessen/go-mail"

	"privacyd/clock"
)

// Defaults of the Sender's tuning fields.
const (
	DefaultBatch         = 50
	DefaultMinBackoff    = time.Minute
	DefaultMaxBackoff    = time.Hour
	DefaultGiveUpAfter   = 72 * time.Hour
	DefaultPollInterval  = time.Minute
	DefaultShutdownGrace = 10 * time.Second
	DefaultCopyWait      = 10 * time.Minute
)

// maxAttemptsWithoutDate is the give-up rule for a mail without a Date
// (which should not happen): about three days of attempts at the usual
// backoff (1m, 2m, ... 1h, 1h, ...).
const maxAttemptsWithoutDate = 78

// ErrGaveUp marks the permanent failure of a mail that kept failing
// temporarily for longer than Sender.GiveUpAfter.
var ErrGaveUp = errors.New("outbox: gave up")

// Sender drains the outbox: it sends due mails over SMTP, marks them sent
// only after the server accepted them, and schedules retries with
// exponential backoff (mox queue style: the schedule lives in the database,
// one timer is re-armed from it).
//
// Set the exported fields before calling Run; zero values mean the defaults.
type Sender struct {
	// OnFailed, if set, is called after a mail was marked failed
	// permanently (5xx, unbuildable, or given up), with the reason. The
	// tracker uses it to tell the staff. It runs on the sender's goroutine.
	OnFailed func(m Mail, err error)
	// Batch is how many due mails one pass takes; default DefaultBatch.
	Batch int
	// MinBackoff is the delay after the first temporary failure; it doubles
	// with each attempt up to MaxBackoff. Each delay gets ±10% jitter.
	MinBackoff, MaxBackoff time.Duration
	// GiveUpAfter is how long after its Date a temporarily failing mail is
	// given up and marked failed; default DefaultGiveUpAfter (3 days).
	GiveUpAfter time.Duration
	// PollInterval is the longest Run waits between passes, even without a
	// Wake, so mail queued by another process is not stuck; default
	// DefaultPollInterval.
	PollInterval time.Duration
	// ShutdownGrace is how long Run lets the mail in flight finish after its
	// context ended; default DefaultShutdownGrace.
	ShutdownGrace time.Duration
	// Confirm, if set, looks in privacyd's own mailbox for the copy
	// (SMTPConfig.CopyTo) of the mail with messageID (without angle
	// brackets). A mail in doubt (Mail.InDoubt) whose copy is there is
	// marked sent without being sent again; one whose copy is not is sent.
	Confirm func(ctx context.Context, messageID string) (bool, error)
	// CopyWait is how long the copy of a mail in doubt is given to arrive
	// before it is looked for; default DefaultCopyWait. The tracker applies
	// it after a restart; the Sender after a connection that broke at the
	// end of DATA.
	CopyWait time.Duration

	cfg  SMTPConfig
	q    Queue
	clk  clock.Clock
	log  *slog.Logger
	wake chan struct{}

	mu           sync.Mutex // one pass at a time; guards the fields below
	passFailures int        // consecutive passes that could not reach the server
	holdUntil    time.Time  // no pass before this (server down)
	copyWarned   bool       // the refusal of SMTPConfig.CopyTo was logged
}

// NewSender returns a Sender that delivers the mails of q through the SMTP
// server of cfg. A nil log discards.
func NewSender(cfg SMTPConfig, q Queue, clk clock.Clock, log *slog.Logger) *Sender {
	if clk == nil {
		clk = clock.Real{}
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Sender{cfg: cfg, q: q, clk: clk, log: log, wake: make(chan struct{}, 1)}
}

// Wake asks Run to make a pass now (new mail was queued). It never blocks.
func (s *Sender) Wake() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

func (s *Sender) batch() int                { return orDefault(s.Batch, DefaultBatch) }
func (s *Sender) minBackoff() time.Duration { return orDefault(s.MinBackoff, DefaultMinBackoff) }
func (s *Sender) maxBackoff() time.Duration { return orDefault(s.MaxBackoff, DefaultMaxBackoff) }
func (s *Sender) giveUpAfter() time.Duration {
	return orDefault(s.GiveUpAfter, DefaultGiveUpAfter)
}
func (s *Sender) pollInterval() time.Duration {
	return orDefault(s.PollInterval, DefaultPollInterval)
}
func (s *Sender) copyWait() time.Duration { return orDefault(s.CopyWait, DefaultCopyWait) }

func orDefault[T int | time.Duration](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}

// backoff returns the delay before the next attempt after attempts earlier
// failed attempts: min·2^attempts, capped at max, with ±10% jitter.
func (s *Sender) backoff(attempts int) time.Duration {
	d, limit := s.minBackoff(), s.maxBackoff()
	for i := 0; i < attempts && d < limit; i++ {
		d *= 2
	}
	d = min(d, limit)
	return time.Duration(float64(d) * (0.9 + 0.2*rand.Float64()))
}

// SendDue makes one pass: it takes up to Batch due mails from the queue and
// tries each over one SMTP session. Accepted mails are marked sent;
// temporary failures are rescheduled with backoff (or given up after
// GiveUpAfter); permanent ones are marked failed and reported to OnFailed.
//
// It returns how many mails were sent, and an error if the pass could not
// do its work: the queue failed, the server could not be reached (every
// mail of the batch is then rescheduled), or ctx ended (the mail in flight
// is left due, so it is tried again; its Message-ID is unchanged).
// Failures of single mails are recorded in the queue, not returned.
func (s *Sender) SendDue(ctx context.Context) (sent int, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sent, _, err = s.pass(ctx, ctx)
	return sent, err
}

// pass is SendDue; handled counts the mails whose state changed. No new mail
// is started once stop is done; ctx bounds the SMTP session and the queue
// calls (Run lets it outlive stop by ShutdownGrace, so the mail in flight
// at shutdown is finished and recorded, not sent twice).
func (s *Sender) pass(stop, ctx context.Context) (sent, handled int, err error) {
	now := s.clk.Now()
	mails, err := s.q.Due(ctx, now, s.batch())
	if err != nil {
		err = fmt.Errorf("outbox: due mails: %w", err)
		s.passFailed(now, err)
		return 0, 0, err
	}
	if len(mails) == 0 {
		return 0, 0, nil
	}
	e, cfgErr := s.cfg.endpoint()
	// With copies to the own mailbox, the queue keeps which mail is in the
	// server's hands, so that a mail that may have gone out is looked for
	// before it is sent again.
	inflight, _ := s.q.(InFlight)
	if s.cfg.CopyTo == "" {
		inflight = nil
	}

	var c *conn
	defer func() {
		if c != nil {
			_ = c.close()
		}
	}()
	for i, m := range mails {
		if err := stop.Err(); err != nil {
			return sent, handled, err
		}
		if m.InDoubt && s.Confirm != nil {
			settled, err := s.confirm(ctx, m, inflight)
			if err != nil {
				return sent, handled, err
			}
			if settled {
				handled++
				continue
			}
		}
		err := m.Err
		var msg *gomail.Msg
		if err == nil {
			msg, err = Build(m)
		}
		if err != nil {
			if err := s.fail(ctx, m, &Failure{Permanent: true, Err: err}); err != nil {
				return sent, handled, err
			}
			handled++
			continue
		}
		if c == nil {
			err := cfgErr
			if err == nil {
				c, err = dial(ctx, e)
			}
			if err != nil {
				if ctx.Err() != nil {
					return sent, handled, err
				}
				s.passFailed(now, err)
				for _, m := range mails[i:] {
					if err := s.retry(ctx, m, Classify(err)); err != nil {
						return sent, handled, err
					}
					handled++
				}
				return sent, handled, err
			}
			s.passFailures, s.holdUntil = 0, time.Time{}
		}

		if inflight != nil {
			if err := inflight.Sending(m.ID, m.Attempts); err != nil {
				s.log.Warn("outbox: recording the mail in flight failed; after a crash it is sent again without looking for its copy", mailAttrs(m, "err", err)...)
			}
		}
		err = c.send(msg)
		if err == nil {
			if c.copyRefused != nil && !s.copyWarned {
				s.copyWarned = true
				s.log.Warn("outbox: the SMTP server refuses the copy to privacyd's own mailbox (smtp.copy_to_self); mails go without it",
					failAttrs(Classify(&stageError{stage: "RCPT TO", err: c.copyRefused}))...)
			}
			// Accepted: recorded before anything else is said to the server.
			if err := s.q.MarkSent(ctx, m.ID, s.clk.Now()); err != nil {
				// The mail will be sent again (same Message-ID).
				s.log.Error("outbox: mail sent but not marked", mailAttrs(m, "err", err)...)
				return sent, handled, fmt.Errorf("outbox: mark mail %d sent: %w", m.ID, err)
			}
			s.log.Info("outbox: mail sent", mailAttrs(m)...)
			sent++
			handled++
			continue
		}
		f := Classify(err)
		if ctx.Err() != nil {
			return sent, handled, f // redacted; still errors.Is the context error
		}
		if f.Code == 0 || f.Code == 421 {
			// The connection is gone or going; dial again for the next mail.
			c.abort()
			c = nil
		}
		if !f.Permanent && f.Code >= 500 {
			s.log.Error("outbox: the SMTP server refuses our sender address; check smtp.from and the SMTP account",
				failAttrs(f)...)
		}
		switch {
		case inflight != nil && unanswered(err):
			// The server may have taken it: look for its copy first.
			err = s.doubt(ctx, m, f, inflight, s.copyWait())
		case f.Permanent:
			err = s.fail(ctx, m, f)
		default:
			err = s.retry(ctx, m, f)
		}
		if err != nil {
			return sent, handled, err
		}
		handled++
	}
	return sent, handled, nil
}

// passFailed backs off the whole pass: Run makes no pass before holdUntil.
func (s *Sender) passFailed(now time.Time, err error) {
	d := s.backoff(s.passFailures)
	s.passFailures++
	s.holdUntil = now.Add(d)
	f := Classify(err)
	level := slog.LevelWarn
	if f.Code >= 500 || errors.Is(err, ErrConfig) {
		// Refused at connect (e.g. 535 wrong password) or misconfigured:
		// waiting will not help, the administrator must act.
		level = slog.LevelError
	}
	s.log.Log(context.Background(), level, "outbox: pass failed; backing off", append(failAttrs(f),
		"failures", s.passFailures, "retry_in", d.Round(time.Second).String())...)
}

// retry reschedules m after a temporary failure, or gives it up when it has
// been failing for longer than GiveUpAfter.
func (s *Sender) retry(ctx context.Context, m Mail, f *Failure) error {
	now := s.clk.Now()
	expired := m.Attempts+1 >= maxAttemptsWithoutDate
	if !m.Date.IsZero() {
		expired = now.Sub(m.Date) >= s.giveUpAfter()
	}
	if expired {
		return s.fail(ctx, m, &Failure{Permanent: true, Code: f.Code, Enhanced: f.Enhanced,
			Err: fmt.Errorf("%w after %d attempts: %w", ErrGaveUp, m.Attempts+1, f.Err)})
	}
	next := now.Add(s.backoff(m.Attempts))
	if err := s.q.MarkRetry(ctx, m.ID, next, f.Error()); err != nil {
		return fmt.Errorf("outbox: mark mail %d for retry: %w", m.ID, err)
	}
	s.log.Info("outbox: mail deferred", mailAttrs(m, append(failAttrs(f),
		"attempt", m.Attempts+1, "next_attempt", next.UTC().Format(time.RFC3339))...)...)
	return nil
}

// confirm looks for the copy of m, a mail in doubt. settled is true when m
// needs no sending now: its copy was found and it is marked sent, or the
// lookup failed and m is rescheduled, still in doubt. err is an error of
// the queue.
func (s *Sender) confirm(ctx context.Context, m Mail, inflight InFlight) (settled bool, err error) {
	found, cerr := s.Confirm(ctx, m.MessageID)
	switch {
	case cerr != nil && ctx.Err() != nil:
		return true, ctx.Err()
	case cerr != nil:
		f := &Failure{Err: fmt.Errorf("looking for the copy of a mail that may have gone out: %w", cerr)}
		if inflight == nil {
			return true, s.retry(ctx, m, f)
		}
		return true, s.doubt(ctx, m, f, inflight, 0)
	case found:
		if err := s.q.MarkSent(ctx, m.ID, s.clk.Now()); err != nil {
			return true, fmt.Errorf("outbox: mark mail %d sent: %w", m.ID, err)
		}
		s.log.Info("outbox: the copy of a mail that may have gone out is in the mailbox; recorded as sent, not sent again", mailAttrs(m)...)
		return true, nil
	}
	s.log.Info("outbox: no copy of a mail that may have gone out is in the mailbox; sending it again", mailAttrs(m)...)
	return false, nil
}

// doubt reschedules m, which may have reached the server, at least wait
// from now (the backoff when longer), or gives it up like retry.
func (s *Sender) doubt(ctx context.Context, m Mail, f *Failure, inflight InFlight, wait time.Duration) error {
	now := s.clk.Now()
	expired := m.Attempts+1 >= maxAttemptsWithoutDate
	if !m.Date.IsZero() {
		expired = now.Sub(m.Date) >= s.giveUpAfter()
	}
	if expired {
		return s.retry(ctx, m, f) // gives it up
	}
	next := now.Add(max(wait, s.backoff(m.Attempts)))
	if err := inflight.MarkInDoubt(ctx, m.ID, next, f.Error()); err != nil {
		return fmt.Errorf("outbox: mark mail %d in doubt: %w", m.ID, err)
	}
	s.log.Info("outbox: mail may have gone out; its copy is looked for before it is sent again", mailAttrs(m, append(failAttrs(f),
		"attempt", m.Attempts+1, "next_attempt", next.UTC().Format(time.RFC3339))...)...)
	return nil
}

// fail marks m failed for good and calls OnFailed.
func (s *Sender) fail(ctx context.Context, m Mail, f *Failure) error {
	if err := s.q.MarkFailed(ctx, m.ID, s.clk.Now(), f.Error()); err != nil {
		return fmt.Errorf("outbox: mark mail %d failed: %w", m.ID, err)
	}
	s.log.Error("outbox: mail failed permanently", mailAttrs(m, append(failAttrs(f), "attempt", m.Attempts+1)...)...)
	if s.OnFailed != nil {
		s.OnFailed(m, f)
	}
	return nil
}

// mailAttrs names a mail in logs: IDs and kind, never addresses or content.
func mailAttrs(m Mail, more ...any) []any {
	return append([]any{"mail_id", m.ID, "case_id", m.CaseID, "kind", m.Kind}, more...)
}

// failAttrs describes a failure for logs: codes, and the error text with
// addresses redacted (Failure.Error).
func failAttrs(f *Failure) []any {
	attrs := []any{"permanent", f.Permanent}
	if f.Code != 0 {
		attrs = append(attrs, "smtp_code", f.Code)
	}
	if f.Enhanced != "" {
		attrs = append(attrs, "smtp_status", f.Enhanced)
	}
	return append(attrs, "err", f.Error())
}

// Run sends due mails until ctx ends, then returns nil. After each pass it
// waits until the queue's next attempt, a Wake, or at most PollInterval;
// after a pass that could not reach the server it waits out a growing
// backoff (ignoring Wake), so a dead server is not hammered. When ctx ends
// during a pass, the mail in flight gets ShutdownGrace to finish and be
// recorded; no further mail is started.
func (s *Sender) Run(ctx context.Context) error {
	work, cancelWork := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelWork()
	grace := orDefault(s.ShutdownGrace, DefaultShutdownGrace)
	stopGrace := context.AfterFunc(ctx, func() {
		t := time.AfterFunc(grace, cancelWork)
		context.AfterFunc(work, func() { t.Stop() })
	})
	defer stopGrace()

	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	for {
		if ctx.Err() != nil {
			return nil
		}
		handled := s.safePass(ctx, work)
		if ctx.Err() != nil {
			return nil
		}
		wait, wakeable := s.nextWait(ctx)
		if wait <= 0 {
			if handled > 0 {
				continue // the batch was full; more is due
			}
			// Due and NextAttempt disagree; do not spin.
			wait = 10 * time.Second
		}
		timer.Reset(wait)
		var wake <-chan struct{}
		if wakeable {
			wake = s.wake
		}
		select {
		case <-ctx.Done():
			return nil
		case <-timer.C:
		case <-wake:
			timer.Stop()
		}
	}
}

// safePass runs one pass and turns a panic into a logged, backed-off failure.
func (s *Sender) safePass(stop, ctx context.Context) (handled int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	defer func() {
		if r := recover(); r != nil {
			s.passFailed(s.clk.Now(), fmt.Errorf("outbox: panic: %v", r))
		}
	}()
	_, handled, _ = s.pass(stop, ctx)
	return handled
}

// nextWait returns how long Run waits, and whether Wake may cut it short.
func (s *Sender) nextWait(ctx context.Context) (time.Duration, bool) {
	now := s.clk.Now()
	s.mu.Lock()
	hold := s.holdUntil
	s.mu.Unlock()
	if hold.After(now) {
		return hold.Sub(now), false
	}
	wait := s.pollInterval()
	next, ok, err := s.q.NextAttempt(ctx)
	if err != nil {
		s.log.Warn("outbox: next attempt", "err", err)
		return wait, true
	}
	if ok {
		wait = min(wait, next.Sub(now))
	}
	return wait, true
}
