package tracker

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"privacyd/clock"
	"privacyd/deadline"
	"privacyd/templates"
)

// scaleNow is the benchmarks' "today": Friday 27 November 2026, 09:00 in
// Amsterdam, a working day.
var scaleNow = time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC)

func scaleRules(b *testing.B) deadline.Rules {
	b.Helper()
	rules, err := deadline.NewRules("Europe/Amsterdam", "NL", nil)
	if err != nil {
		b.Fatal(err)
	}
	return rules
}

// openScale opens the register at path with a fake clock at now.
func openScale(b *testing.B, path string, now time.Time) *Tracker {
	b.Helper()
	tr, err := New(context.Background(), Options{Path: path, Clock: clock.NewFake(now), Rules: scaleRules(b),
		From: "privacy@example.org", StaffNotify: []string{"staff@example.org"}})
	if err != nil {
		b.Fatal(err)
	}
	return tr
}

// seedFile writes a register of n cases received over the two years before
// now to a new database file and returns its path. A quarter of the cases
// are open, so nearly all of those are overdue; the rest are closed. The
// open ones are the sweep's worst case: most in progress, and among them
// extended cases, cases waiting for the customer's identity (half with the
// identity mail in the outbox), cases waiting for a fee (with the event that
// asked it) and cases whose clock started at verification, so that every
// kind of threshold falls due. Nothing was ever recorded in warnings_sent.
func seedFile(b *testing.B, n int, now time.Time) string {
	b.Helper()
	ctx := context.Background()
	rules := scaleRules(b)
	path := filepath.Join(b.TempDir(), "scale.db")
	tr := openScale(b, path, now)
	defer tr.Close()
	tx, err := tr.w.BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	prep := func(q string) func(args ...any) {
		stmt, err := tx.PrepareContext(ctx, q)
		if err != nil {
			b.Fatal(err)
		}
		return func(args ...any) {
			if _, err := stmt.ExecContext(ctx, args...); err != nil {
				b.Fatal(err)
			}
		}
	}
	insertCase := prep(`INSERT INTO cases (id, year, seq, status, rights, language, requester, requester_name,
		received_at, received_date, clock_start, due, extended, extended_due, fee_amount, closed_at, subject, message_id, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	insertMail := prep(`INSERT INTO outbox (case_id, kind, audience, from_addr, from_name, to_addrs, subject, text, html,
		message_id, in_reply_to, refs, auto_submitted, date, created_at, next_attempt, sent_at)
		VALUES (?, ?, 'customer', 'privacy@example.org', '', ?, 'Identity', 'text', '', ?, '', '', 1, ?, ?, ?, ?)`)
	insertEvent := prep(`INSERT INTO events (case_id, at, actor, type, old_value, new_value) VALUES (?, ?, 'staff@example.org', 'status_changed', ?, ?)`)
	rights := []string{"access", "erasure", "access,portability", "object_direct_marketing", "rectification"}
	langs := []string{"nl", "en", "de", "fr"}
	span := 2 * 365 * 24 * time.Hour
	for i := range n {
		received := now.Add(-span + span/time.Duration(n)*time.Duration(i)) // span*i would overflow
		clk := rules.Compute(received)
		status, closed, extended, fee := StatusCompleted, fmtTime(received.Add(20*24*time.Hour)), false, ""
		start, due := clk.ReceivedDate, clk.Due
		switch {
		case i%4 == 0:
			status, closed = StatusInProgress, ""
			switch i / 4 % 8 {
			case 1:
				status, extended = StatusExtended, true
			case 2, 3:
				status = StatusAwaitingIdentity
			case 4:
				status, fee = StatusAwaitingPayment, "EUR 25"
			case 5: // verified ten days after receipt, the clock started then
				start = clk.ReceivedDate.AddDays(10)
				due = rules.DueFrom(start)
			}
		case i%17 == 0:
			status = StatusRefused
		}
		year := received.In(rules.Loc).Year()
		id := fmt.Sprintf("DSR-%d-%06d", year, i+1)
		requester := fmt.Sprintf("customer%d@example.net", i)
		insertCase(id, year, i+1, status, rights[i%len(rights)], langs[i%len(langs)], requester, "Customer",
			fmtTime(received), clk.ReceivedDate.String(), start.String(), due.String(), extended, clk.ExtendedDue.String(), fee,
			closed, "Request", fmt.Sprintf("m%d@example.net", i), fmtTime(received), fmtTime(received))
		switch {
		case status == StatusAwaitingIdentity && i/4%8 == 2:
			at := fmtTime(received.Add(time.Minute))
			insertMail(id, templates.IdentityCheck, `["`+requester+`"]`, fmt.Sprintf("id%d@example.org", i), at, at, at, at)
		case status == StatusAwaitingPayment:
			insertEvent(id, fmtTime(received.Add(3*24*time.Hour)), StatusInProgress, StatusAwaitingPayment)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	return path
}

// seedCases opens a register seeded by seedFile.
func seedCases(b *testing.B, n int, now time.Time) *Tracker {
	b.Helper()
	tr := openScale(b, seedFile(b, n, now), now)
	b.Cleanup(func() { tr.Close() })
	return tr
}

// copyFile copies the closed database at src to a new file and returns its path.
func copyFile(b *testing.B, src string) string {
	b.Helper()
	if _, err := os.Stat(src + "-wal"); err == nil {
		b.Fatalf("%s-wal exists: the database was not closed", src)
	}
	in, err := os.Open(src)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	dst := filepath.Join(b.TempDir(), "copy.db")
	out, err := os.Create(dst)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
	return dst
}

// cpuMeter adds up the CPU time (user and system, all threads) of the
// timed parts of a benchmark and reports it per op, next to the wall time:
// on a machine shared with other work the wall time says more about the
// neighbours than about the code.
type cpuMeter struct {
	total, start time.Duration
}

func cpuNow(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func (m *cpuMeter) Start(b *testing.B) { b.StartTimer(); m.start = cpuNow(b) }
func (m *cpuMeter) Stop(b *testing.B)  { m.total += cpuNow(b) - m.start; b.StopTimer() }
func (m *cpuMeter) Report(b *testing.B) {
	b.ReportMetric(float64(m.total.Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// nextWorkingDay returns the same time on the next working day.
func nextWorkingDay(r deadline.Rules, t time.Time) time.Time {
	for t = t.AddDate(0, 0, 1); !r.IsWorkingDay(r.Today(t)); t = t.AddDate(0, 0, 1) {
	}
	return t
}

// The deadline sweep, the register listing and the digest over 100,000 cases
// (issue 6: each under a second). Run with
//
//	go test -run '^$' -bench 'Scale' -benchtime 3x ./tracker
//
// The sweep is measured four ways: first, the first sweep ever over the
// register (every threshold of 25,000 open cases, 24,000 of them overdue,
// falls due at once, and the customers whose identity reminder fell due in
// the last week are reminded; the worst case of the staff's warnings);
// reminders, the same with every one of the 3,125 identity mails in the
// outbox sent ten days before, so that over 3,125 customers are reminded
// at once (the worst case of customer mail: a reminder is sent up to a
// week late, not later, so this needs 3,125 identity checks within one
// week); nextday, the sweep
// of each following working day (every overdue case is in the staff mail
// again, the daily reminder, which is recorded once for the day rather than
// per case: the daily load of a register this far behind); sameday, a
// second sweep on the same day (nothing new).
func BenchmarkScaleSweep100k(b *testing.B) {
	ctx := context.Background()
	seed := seedFile(b, 100_000, scaleNow)
	report := func(b *testing.B, res SweepResult) {
		b.ReportMetric(float64(res.Open), "open")
		b.ReportMetric(float64(len(res.Warnings)), "lines")
		b.ReportMetric(float64(res.Recorded), "recorded")
	}
	sweep := func(b *testing.B, tr *Tracker, at time.Time) SweepResult {
		tr.opt.Clock.(*clock.Fake).Set(at)
		res, err := tr.Sweep(ctx, SweepOptions{})
		if err != nil {
			b.Fatal(err)
		}
		return res
	}
	// firstSweeps sweeps a fresh copy of the register b.N times, timing
	// the sweep only: ready (if not nil) changes the copy before, after
	// (if not nil) looks at it after. It returns the last result.
	firstSweeps := func(b *testing.B, ready func(*Tracker), after func(*Tracker, SweepResult)) SweepResult {
		var res SweepResult
		var cpu cpuMeter
		b.StopTimer()
		for range b.N {
			tr := openScale(b, copyFile(b, seed), scaleNow)
			if ready != nil {
				ready(tr)
			}
			cpu.Start(b)
			res = sweep(b, tr, scaleNow)
			cpu.Stop(b)
			if after != nil {
				after(tr, res)
			}
			tr.Close()
		}
		cpu.Report(b)
		report(b, res)
		b.ReportMetric(float64(res.Reminders), "reminders")
		return res
	}
	b.Run("first", func(b *testing.B) {
		res := firstSweeps(b, nil, func(tr *Tracker, res SweepResult) {
			var size int
			if err := tr.r.QueryRow(`SELECT length(text) + length(html) FROM outbox WHERE message_id = ?`, res.MessageID).Scan(&size); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(size)/1e6, "mail-MB")
		})
		if res.Warnings == nil || res.Reminders == 0 {
			b.Fatalf("the first sweep warned %d cases and reminded %d customers", len(res.Warnings), res.Reminders)
		}
	})
	b.Run("reminders", func(b *testing.B) {
		res := firstSweeps(b, func(tr *Tracker) {
			if _, err := tr.w.Exec(`UPDATE outbox SET created_at = ?, sent_at = ? WHERE kind = ?`,
				fmtTime(scaleNow.AddDate(0, 0, -10)), fmtTime(scaleNow.AddDate(0, 0, -10)), templates.IdentityCheck); err != nil {
				b.Fatal(err)
			}
		}, nil)
		if res.Reminders < 100_000/32 {
			b.Fatalf("%d customers reminded, want every one with an identity mail", res.Reminders)
		}
	})
	b.Run("nextday", func(b *testing.B) {
		tr := openScale(b, copyFile(b, seed), scaleNow)
		defer tr.Close()
		day := scaleNow
		sweep(b, tr, day)
		var res SweepResult
		var cpu cpuMeter
		b.ResetTimer()
		b.StopTimer()
		for range b.N {
			day = nextWorkingDay(tr.opt.Rules, day)
			cpu.Start(b)
			res = sweep(b, tr, day)
			cpu.Stop(b)
		}
		cpu.Report(b)
		report(b, res)
		// Mostly the daily reminder; what is new (a due date that came
		// closer) is recorded.
		if fresh := len(res.Warnings) - res.Daily; res.Daily < len(res.Warnings)*9/10 || (fresh == 0) != (res.Recorded == 0) {
			b.Fatalf("the next working day: %d lines, %d of them the daily reminder, %d recorded", len(res.Warnings), res.Daily, res.Recorded)
		}
		b.ReportMetric(float64(res.Daily), "daily")
	})
	b.Run("sameday", func(b *testing.B) {
		tr := openScale(b, copyFile(b, seed), scaleNow)
		defer tr.Close()
		sweep(b, tr, scaleNow)
		var res SweepResult
		var cpu cpuMeter
		b.ResetTimer()
		b.StopTimer()
		for range b.N {
			cpu.Start(b)
			res = sweep(b, tr, scaleNow.Add(time.Hour))
			cpu.Stop(b)
			if len(res.Warnings) != 0 || res.Recorded != 0 {
				b.Fatalf("the second sweep of the day warned %d cases", len(res.Warnings))
			}
		}
		cpu.Report(b)
		report(b, res)
	})
}

func BenchmarkScaleCases100k(b *testing.B) {
	tr := seedCases(b, 100_000, scaleNow)
	ctx := context.Background()
	var cpu cpuMeter
	b.ResetTimer()
	b.StopTimer()
	for range b.N {
		cpu.Start(b)
		cs, err := tr.Cases(ctx, Filter{})
		cpu.Stop(b)
		if err != nil || len(cs) != 100_000 {
			b.Fatalf("%d cases, %v", len(cs), err)
		}
	}
	cpu.Report(b)
}

// BenchmarkScaleDigest100k computes the weekly digest (what the scheduled
// digest and `privacyd digest -preview` do first) and, in render, also
// renders it.
func BenchmarkScaleDigest100k(b *testing.B) {
	now := time.Date(2026, 11, 30, 7, 0, 0, 0, time.UTC)
	tr := seedCases(b, 100_000, now)
	ctx := context.Background()
	for _, render := range []bool{false, true} {
		name := "compute"
		if render {
			name = "render"
		}
		b.Run(name, func(b *testing.B) {
			var cpu cpuMeter
			var size int
			b.StopTimer()
			for range b.N {
				cpu.Start(b)
				d, err := tr.Digest(ctx, now)
				if err == nil && render {
					var m templates.Mail
					m, err = tr.RenderDigest(d)
					size = len(m.Text) + len(m.HTML)
				}
				cpu.Stop(b)
				if err != nil {
					b.Fatal(err)
				}
			}
			cpu.Report(b)
			if render {
				b.ReportMetric(float64(size)/1e6, "mail-MB")
			}
		})
	}
}
