package schedule

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

func ams(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestParse(t *testing.T) {
	for _, ok := range []string{"0 8 * * *", "0 8 * * 1", "30 7 * * 1-5", "@daily", "CRON_TZ=Europe/Berlin 0 9 * * 1-5"} {
		if _, err := Parse(ok); err != nil {
			t.Errorf("Parse(%q): %v", ok, err)
		}
	}
	for _, bad := range []string{"", "0 8 * *", "0 0 8 * * *", "61 8 * * *", "0 8 * * mon-xyz"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) accepted", bad)
		}
	}
}

// The default digest (Monday 08:00) across the DST switch of 29 March 2026.
func TestNextPrevious(t *testing.T) {
	loc := ams(t)
	at := func(m time.Month, d, h, min int) time.Time { return time.Date(2026, m, d, h, min, 0, 0, loc) }
	next, err := Next("0 8 * * 1", loc, at(3, 27, 12, 0))
	if err != nil || !next.Equal(at(3, 30, 8, 0)) || next.UTC().Hour() != 6 {
		t.Errorf("Next = %v, %v; want Mon 2026-03-30 08:00 CEST (06:00Z)", next, err)
	}
	for _, c := range []struct {
		now  time.Time
		want time.Time
	}{
		{at(3, 31, 10, 0), at(3, 30, 8, 0)},
		{at(3, 30, 8, 0), at(3, 30, 8, 0)},  // at the slot itself
		{at(3, 30, 7, 59), at(3, 23, 8, 0)}, // a minute before: last week's (CET, 07:00Z)
	} {
		prev, ok, err := Previous("0 8 * * 1", loc, c.now, 8*24*time.Hour)
		if err != nil || !ok || !prev.Equal(c.want) {
			t.Errorf("Previous(%v) = %v, %v, %v; want %v", c.now, prev, ok, err, c.want)
		}
	}
	if _, ok, _ := Previous("0 8 * * 1", loc, at(3, 31, 10, 0), 12*time.Hour); ok {
		t.Errorf("Previous found a run within 12 hours of Tuesday 10:00")
	}
	if _, _, err := Previous("nonsense", loc, at(3, 31, 10, 0), time.Hour); err == nil {
		t.Error("Previous accepted a bad spec")
	}
}

// TestRunnerVirtualTime runs the real cron runner under testing/synctest:
// ten virtual days from Saturday 1 January 2000 00:00 UTC.
func TestRunnerVirtualTime(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		loc := ams(t)
		var buf syncBuffer
		log := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
		r := New(loc, log)
		var mu sync.Mutex
		var daily, weekly []time.Time
		var panics, fails atomic.Int32
		add := func(name, spec string, f func(context.Context) error) {
			if err := r.Add(name, spec, f); err != nil {
				t.Fatal(err)
			}
		}
		add("sweep", "0 8 * * *", func(context.Context) error {
			mu.Lock()
			daily = append(daily, time.Now().In(loc))
			mu.Unlock()
			return nil
		})
		add("digest", "0 8 * * 1", func(context.Context) error {
			mu.Lock()
			weekly = append(weekly, time.Now().In(loc))
			mu.Unlock()
			return nil
		})
		add("panics", "0 9 * * *", func(context.Context) error { panics.Add(1); panic("boom") })
		add("fails", "0 10 * * *", func(context.Context) error { fails.Add(1); return errors.New("no database") })
		if err := r.Add("bad", "0 8 * *", nil); err == nil {
			t.Error("Add accepted a 4-field spec")
		}
		ctx, cancel := context.WithCancel(context.Background())
		r.Start(ctx)
		time.Sleep(10 * 24 * time.Hour)
		synctest.Wait()
		cancel()
		r.Stop(context.Background())

		// 08:00 in Amsterdam (CET) is 07:00 UTC: 1 to 10 January.
		if len(daily) != 10 || daily[0].Day() != 1 || daily[0].Hour() != 8 || daily[9].Day() != 10 {
			t.Errorf("daily runs: %v", daily)
		}
		// Mondays: 3 and 10 January 2000.
		if len(weekly) != 2 || weekly[0].Day() != 3 || weekly[1].Day() != 10 || weekly[0].Weekday() != time.Monday {
			t.Errorf("weekly runs: %v", weekly)
		}
		// A panicking job is recovered and runs again the next day.
		if panics.Load() != 10 || fails.Load() != 10 {
			t.Errorf("panicking job ran %d times, failing job %d; want 10 each", panics.Load(), fails.Load())
		}
		out := buf.String()
		if !strings.Contains(out, "cron: panic") || !strings.Contains(out, `msg="scheduled job failed" job=fails err="no database"`) {
			t.Errorf("log:\n%s", out)
		}
	})
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
