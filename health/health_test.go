package health

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"privacyd/clock"
)

type fake struct {
	connected atomic.Bool
	lastPoll  time.Time
	snap      Snapshot
	err       error
}

func (f *fake) options(clk clock.Clock) Options {
	return Options{
		Connected: f.connected.Load,
		LastPoll:  func() time.Time { return f.lastPoll },
		Snapshot:  func(context.Context) (Snapshot, error) { return f.snap, f.err },
		Clock:     clk,
	}
}

func get(t *testing.T, srv *httptest.Server, path string) (int, string) {
	t.Helper()
	res, err := http.Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

func TestHealthz(t *testing.T) {
	now := time.Date(2026, 4, 13, 8, 0, 0, 0, time.UTC)
	clk := clock.NewFake(now)
	f := &fake{}
	srv := httptest.NewServer(Handler(f.options(clk)))
	defer srv.Close()

	healthz := func() (int, Status) {
		t.Helper()
		code, body := get(t, srv, "/healthz")
		var st Status
		if err := json.Unmarshal([]byte(body), &st); err != nil {
			t.Fatalf("body %q: %v", body, err)
		}
		return code, st
	}
	// At start: no session, never polled.
	code, st := healthz()
	if code != 503 || st.Status != "fail" || len(st.Problems) != 2 {
		t.Errorf("at start: %d %+v", code, st)
	}
	// Healthy.
	f.connected.Store(true)
	f.lastPoll = now.Add(-2 * time.Minute)
	f.snap = Snapshot{OutboxPending: 1, OldestPending: now.Add(-10 * time.Minute), Overdue: 2}
	code, st = healthz()
	if code != 200 || st.Status != "ok" || len(st.Problems) != 0 || st.LastPollAgeSeconds != 120 || st.OverdueCases != 2 {
		t.Errorf("healthy: %d %+v", code, st)
	}
	// The last pass is too old, and the outbox is stuck.
	clk.Set(now.Add(2 * time.Hour))
	code, st = healthz()
	if code != 503 || len(st.Problems) != 2 || !strings.Contains(st.Problems[0], "last successful pass 2h2m0s ago") ||
		!strings.Contains(st.Problems[1], "outbox: the oldest of 1 pending mails has waited 2h10m0s") {
		t.Errorf("stale: %d %+v", code, st)
	}
	// The database cannot be read.
	clk.Set(now)
	f.err = errors.New("disk I/O error")
	if code, st = healthz(); code != 503 || len(st.Problems) != 1 || st.Problems[0] != "database: disk I/O error" {
		t.Errorf("db error: %d %+v", code, st)
	}
}

func TestMetrics(t *testing.T) {
	now := time.Date(2026, 4, 13, 8, 0, 0, 0, time.UTC)
	f := &fake{lastPoll: time.Unix(1776067200, 0), snap: Snapshot{
		MailsByKind:        map[string]int{"request": 7, "auto_reply": 2},
		MailsByDisposition: map[string]int{"new_case": 7, "recorded": 2},
		CasesByStatus:      map[string]int{"in_progress": 5, "completed": 2},
		Overdue:            1, OutboxPending: 3, OutboxSent: 11, OutboxFailed: 1, OldestPending: now.Add(-90 * time.Second),
	}}
	f.connected.Store(true)
	srv := httptest.NewServer(Handler(f.options(clock.NewFake(now))))
	defer srv.Close()
	code, body := get(t, srv, "/metrics")
	if code != 200 {
		t.Fatalf("status %d: %s", code, body)
	}
	for _, want := range []string{
		`privacyd_mails_processed_total{kind="request"} 7`,
		`privacyd_mails_processed_total{kind="auto_reply"} 2`,
		`privacyd_mails_disposition_total{disposition="new_case"} 7`,
		`privacyd_cases{status="in_progress"} 5`,
		`privacyd_cases{status="completed"} 2`,
		"privacyd_cases_overdue 1",
		"privacyd_outbox_pending 3",
		"privacyd_outbox_sent_total 11",
		"privacyd_outbox_failed_total 1",
		"privacyd_outbox_oldest_pending_age_seconds 90",
		"privacyd_imap_connected 1",
		"privacyd_last_poll_timestamp_seconds 1.7760672e+09",
		"privacyd_register_up 1",
		"# TYPE privacyd_mails_processed_total counter",
		"go_goroutines ",
	} {
		if !strings.Contains(body, want+"\n") && !strings.Contains(body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	// A register that cannot be read: the rest still comes, register_up 0.
	f.err = errors.New("database is locked")
	code, body = get(t, srv, "/metrics")
	if !strings.Contains(body, "privacyd_register_up 0") || !strings.Contains(body, "privacyd_imap_connected 1") {
		t.Errorf("with a register error: %d\n%s", code, body)
	}
	if code, _ := get(t, srv, "/nope"); code != 404 {
		t.Errorf("/nope: %d", code)
	}
}

func TestServe(t *testing.T) {
	stop, addr, err := Serve("127.0.0.1:0", http.NotFoundHandler(), nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := http.Get("http://" + addr.String() + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	stop()
	if _, err := http.Get("http://" + addr.String() + "/healthz"); err == nil {
		t.Error("still serving after stop")
	}
	if _, _, err := Serve("127.0.0.1:not-a-port", http.NotFoundHandler(), nil); err == nil {
		t.Error("Serve accepted a bad address")
	}
}
