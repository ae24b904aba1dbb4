// Package schedule runs privacyd's scheduled work — the daily deadline sweep
// and the weekly digest — with github.com/robfig/cron/v3 in the
// organisation's time zone.
//
// Specs are standard 5-field cron expressions (minute hour day-of-month month
// day-of-week), parsed with cron.ParseStandard, the parser config.Validate
// uses too; a spec may carry its own "CRON_TZ=Zone " prefix. Jobs run with
// SkipIfStillRunning then Recover (in that order: API-NOTES §5, robfig/cron
// v3.0.1 leaves a job dead forever after one panic with the other order), and
// get the context given to Start. The jobs themselves must be idempotent:
// cron only nudges them, and a missed tick (downtime, a DST gap) is caught up
// by running them at start (see Previous).
package schedule

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/robfig/cron/v3"
)

// Parse parses a 5-field cron spec.
func Parse(spec string) (cron.Schedule, error) {
	s, err := cron.ParseStandard(spec)
	if err != nil {
		return nil, fmt.Errorf("cron spec %q: %w", spec, err)
	}
	return s, nil
}

// Next returns the first time after now at which spec fires in loc.
func Next(spec string, loc *time.Location, now time.Time) (time.Time, error) {
	s, err := Parse(spec)
	if err != nil {
		return time.Time{}, err
	}
	return s.Next(now.In(loc)), nil
}

// Previous returns the last time at or before now at which spec fired in loc,
// looking back at most lookback. ok is false when it did not fire in that
// window. The daemon uses it at start to catch up a digest it missed.
func Previous(spec string, loc *time.Location, now time.Time, lookback time.Duration) (prev time.Time, ok bool, err error) {
	s, err := Parse(spec)
	if err != nil {
		return time.Time{}, false, err
	}
	now = now.In(loc)
	// cron's Next has minute resolution and is strictly after its argument.
	t := now.Add(-lookback).Truncate(time.Minute).Add(-time.Second)
	for {
		n := s.Next(t)
		if n.IsZero() || n.After(now) {
			return prev, ok, nil
		}
		prev, ok, t = n, true, n
	}
}

// logger adapts *slog.Logger to cron.Logger: cron's chatter goes to debug,
// its errors (recovered panics) to error.
type logger struct{ l *slog.Logger }

func (c logger) Info(msg string, kv ...any) { c.l.Debug("cron: "+msg, kv...) }
func (c logger) Error(err error, msg string, kv ...any) {
	c.l.Error("cron: "+msg, append(kv, "err", err)...)
}

// Runner runs named jobs on cron specs.
type Runner struct {
	c   *cron.Cron
	log *slog.Logger
	ctx context.Context
}

// New returns a Runner whose specs are in loc (nil: UTC).
func New(loc *time.Location, log *slog.Logger) *Runner {
	if loc == nil {
		loc = time.UTC
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	l := logger{log}
	return &Runner{
		c: cron.New(
			cron.WithLocation(loc),
			cron.WithLogger(l),
			cron.WithChain(cron.SkipIfStillRunning(l), cron.Recover(l)),
		),
		log: log,
		ctx: context.Background(),
	}
}

// Add schedules job under name at spec. Errors of a run are logged.
func (r *Runner) Add(name, spec string, job func(context.Context) error) error {
	s, err := Parse(spec)
	if err != nil {
		return fmt.Errorf("schedule %s: %w", name, err)
	}
	r.c.Schedule(s, cron.FuncJob(func() { r.run(name, job) }))
	return nil
}

// run runs one job with the runner's context, and logs how it went.
func (r *Runner) run(name string, job func(context.Context) error) {
	if r.ctx.Err() != nil {
		return
	}
	start := time.Now()
	err := job(r.ctx)
	switch {
	case err == nil:
		r.log.Debug("scheduled job done", "job", name, "took", time.Since(start))
	case errors.Is(err, context.Canceled) && r.ctx.Err() != nil:
		r.log.Info("scheduled job stopped", "job", name)
	default:
		r.log.Error("scheduled job failed", "job", name, "err", err)
	}
}

// Start starts the runner; jobs get ctx. Stop it with Stop.
func (r *Runner) Start(ctx context.Context) {
	r.ctx = ctx
	r.c.Start()
}

// Stop stops the runner and waits until running jobs have returned or ctx
// is done.
func (r *Runner) Stop(ctx context.Context) {
	done := r.c.Stop().Done()
	select {
	case <-done:
	case <-ctx.Done():
	}
}

// NextRuns returns the next time each job runs, by entry order (for logs).
func (r *Runner) NextRuns() []time.Time {
	var out []time.Time
	for _, e := range r.c.Entries() {
		out = append(out, e.Next)
	}
	return out
}
