// Package health serves privacyd's operational endpoints on http.address:
//
//	/healthz  200 with a JSON body when the IMAP session is alive, the last
//	          successful pass over the mailbox is recent and the outbox is not
//	          stuck; 503 with the same body, naming the problems, otherwise.
//	/metrics  the Prometheus text format, from a private registry: mails
//	          processed by kind, cases by status, overdue cases, outbox depth,
//	          sent and failed mails, the IMAP session and the last poll time.
//
// The figures come from the register on every scrape (counts in SQLite
// survive restarts, so the *_total series are true counters), through a
// Snapshot function the daemon supplies; the package itself knows nothing of
// the tracker.
package health

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"privacyd/clock"
)

// Snapshot is the register's figures at one moment.
type Snapshot struct {
	MailsByKind        map[string]int // incoming mails by classification kind
	MailsByDisposition map[string]int // incoming mails by what privacyd did with them
	CasesByStatus      map[string]int
	Overdue            int // open cases past their (extended) due date
	OutboxPending      int
	OutboxSent         int
	OutboxFailed       int
	OldestPending      time.Time // zero when nothing is pending
}

// Options configure the handler. Connected, LastPoll and Snapshot are required.
type Options struct {
	Connected func() bool                             // the IMAP session is logged in with the mailbox selected
	LastPoll  func() time.Time                        // the last successful pass over the mailbox
	Snapshot  func(context.Context) (Snapshot, error) // the register's figures
	Clock     clock.Clock                             // default clock.Real
	Log       *slog.Logger                            // default: discard

	// MaxPollAge is how old the last successful pass may be (default 15m:
	// with IDLE a full pass happens at least every 5m).
	MaxPollAge time.Duration
	// MaxPendingAge is how long a mail may wait in the outbox before the
	// outbox counts as stuck (default 1h).
	MaxPendingAge time.Duration
}

func (o *Options) defaults() {
	if o.Clock == nil {
		o.Clock = clock.Real{}
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.MaxPollAge <= 0 {
		o.MaxPollAge = 15 * time.Minute
	}
	if o.MaxPendingAge <= 0 {
		o.MaxPendingAge = time.Hour
	}
}

// Status is the /healthz body.
type Status struct {
	Status                 string    `json:"status"` // "ok" or "fail"
	Problems               []string  `json:"problems"`
	IMAPConnected          bool      `json:"imap_connected"`
	LastPoll               time.Time `json:"last_poll,omitzero"`
	LastPollAgeSeconds     float64   `json:"last_poll_age_seconds"`
	OutboxPending          int       `json:"outbox_pending"`
	OutboxFailed           int       `json:"outbox_failed"`
	OldestPendingAgeSecond float64   `json:"outbox_oldest_pending_age_seconds"`
	OverdueCases           int       `json:"overdue_cases"`
}

// Check computes the health status.
func Check(ctx context.Context, o Options) Status {
	o.defaults()
	now := o.Clock.Now()
	st := Status{Status: "ok", Problems: []string{}, IMAPConnected: o.Connected(), LastPoll: o.LastPoll()}
	if !st.IMAPConnected {
		st.Problems = append(st.Problems, "imap: no session with the mailbox selected")
	}
	switch {
	case st.LastPoll.IsZero():
		st.Problems = append(st.Problems, "imap: no successful pass over the mailbox yet")
	default:
		age := now.Sub(st.LastPoll)
		st.LastPollAgeSeconds = age.Seconds()
		if age > o.MaxPollAge {
			st.Problems = append(st.Problems, fmt.Sprintf("imap: last successful pass %s ago (limit %s)", age.Round(time.Second), o.MaxPollAge))
		}
	}
	s, err := o.Snapshot(ctx)
	if err != nil {
		st.Problems = append(st.Problems, "database: "+err.Error())
	} else {
		st.OutboxPending, st.OutboxFailed, st.OverdueCases = s.OutboxPending, s.OutboxFailed, s.Overdue
		if !s.OldestPending.IsZero() {
			age := now.Sub(s.OldestPending)
			st.OldestPendingAgeSecond = age.Seconds()
			if age > o.MaxPendingAge {
				st.Problems = append(st.Problems, fmt.Sprintf("outbox: the oldest of %d pending mails has waited %s (limit %s)",
					s.OutboxPending, age.Round(time.Second), o.MaxPendingAge))
			}
		}
	}
	if len(st.Problems) > 0 {
		st.Status = "fail"
	}
	return st
}

// Handler returns the handler of /healthz and /metrics.
func Handler(o Options) http.Handler {
	o.defaults()
	reg := prometheus.NewRegistry()
	reg.MustRegister(newCollector(o), collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{ErrorHandling: promhttp.ContinueOnError}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
		defer cancel()
		st := Check(ctx, o)
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		if st.Status != "ok" {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.Encode(st)
	})
	return mux
}

// collector reads a Snapshot on every scrape.
type collector struct {
	o                                                          Options
	mails, dispositions, cases, overdue, pending, sent, failed *prometheus.Desc
	oldest, connected, lastPoll, scrapeErr                     *prometheus.Desc
}

func newCollector(o Options) *collector {
	d := func(name, help string, labels ...string) *prometheus.Desc {
		return prometheus.NewDesc("privacyd_"+name, help, labels, nil)
	}
	return &collector{o: o,
		mails:        d("mails_processed_total", "Incoming mails recorded in the register, by classification kind.", "kind"),
		dispositions: d("mails_disposition_total", "Incoming mails recorded in the register, by what privacyd did with them.", "disposition"),
		cases:        d("cases", "Cases in the register, by status.", "status"),
		overdue:      d("cases_overdue", "Open cases whose (extended) due date has passed."),
		pending:      d("outbox_pending", "Mails waiting in the outbox."),
		sent:         d("outbox_sent_total", "Mails the SMTP server accepted."),
		failed:       d("outbox_failed_total", "Mails given up on (permanent failure)."),
		oldest:       d("outbox_oldest_pending_age_seconds", "How long the oldest pending mail has waited (0 when none)."),
		connected:    d("imap_connected", "1 while an IMAP session has the mailbox selected."),
		lastPoll:     d("last_poll_timestamp_seconds", "Unix time of the last successful pass over the mailbox (0: none yet)."),
		scrapeErr:    d("register_up", "1 when the register could be read for this scrape."),
	}
}

func (c *collector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{c.mails, c.dispositions, c.cases, c.overdue, c.pending, c.sent, c.failed,
		c.oldest, c.connected, c.lastPoll, c.scrapeErr} {
		ch <- d
	}
}

func (c *collector) Collect(ch chan<- prometheus.Metric) {
	gauge := func(d *prometheus.Desc, v float64, labels ...string) {
		ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, v, labels...)
	}
	counter := func(d *prometheus.Desc, v float64, labels ...string) {
		ch <- prometheus.MustNewConstMetric(d, prometheus.CounterValue, v, labels...)
	}
	conn := 0.0
	if c.o.Connected() {
		conn = 1
	}
	gauge(c.connected, conn)
	lp := 0.0
	if t := c.o.LastPoll(); !t.IsZero() {
		lp = float64(t.UnixMilli()) / 1000
	}
	gauge(c.lastPoll, lp)

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	s, err := c.o.Snapshot(ctx)
	if err != nil {
		c.o.Log.Error("metrics: reading the register", "err", err)
		gauge(c.scrapeErr, 0)
		if !errors.Is(err, context.Canceled) {
			ch <- prometheus.NewInvalidMetric(c.cases, err)
		}
		return
	}
	gauge(c.scrapeErr, 1)
	for k, n := range s.MailsByKind {
		counter(c.mails, float64(n), k)
	}
	for k, n := range s.MailsByDisposition {
		counter(c.dispositions, float64(n), k)
	}
	for k, n := range s.CasesByStatus {
		gauge(c.cases, float64(n), k)
	}
	gauge(c.overdue, float64(s.Overdue))
	gauge(c.pending, float64(s.OutboxPending))
	counter(c.sent, float64(s.OutboxSent))
	counter(c.failed, float64(s.OutboxFailed))
	age := 0.0
	if !s.OldestPending.IsZero() {
		age = c.o.Clock.Now().Sub(s.OldestPending).Seconds()
	}
	gauge(c.oldest, age)
}

// Serve listens on addr and serves h until stop is called. It returns the
// bound address (useful with port 0).
func Serve(addr string, h http.Handler, log *slog.Logger) (stop func(), bound net.Addr, err error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, nil, fmt.Errorf("http listen %s: %w", addr, err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second,
		WriteTimeout: 30 * time.Second, IdleTimeout: time.Minute}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("http server stopped", "err", err)
		}
	}()
	log.Info("http listening", "address", ln.Addr().String())
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
		<-done
	}, ln.Addr(), nil
}
