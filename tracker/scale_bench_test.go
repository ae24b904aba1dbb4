package tracker

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"privacyd/clock"
	"privacyd/deadline"
)

// seedCases fills a register with n cases spread over the two years before
// now, a quarter of them open (so the sweep has work), the rest closed.
func seedCases(b *testing.B, n int, now time.Time) *Tracker {
	b.Helper()
	ctx := context.Background()
	rules, err := deadline.NewRules("Europe/Amsterdam", "NL", nil)
	if err != nil {
		b.Fatal(err)
	}
	tr, err := New(ctx, Options{Path: filepath.Join(b.TempDir(), "scale.db"), Clock: clock.NewFake(now), Rules: rules,
		From: "privacy@example.org", StaffNotify: []string{"staff@example.org"}})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { tr.Close() })
	tx, err := tr.w.BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO cases (id, year, seq, status, rights, language, requester, requester_name,
		received_at, received_date, clock_start, due, extended, extended_due, closed_at, subject, message_id, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		b.Fatal(err)
	}
	rights := []string{"access", "erasure", "access,portability", "object_direct_marketing", "rectification"}
	langs := []string{"nl", "en", "de", "fr"}
	span := 2 * 365 * 24 * time.Hour
	for i := range n {
		received := now.Add(-span + time.Duration(i)*span/time.Duration(n))
		clk := rules.Compute(received)
		status, closed := StatusCompleted, fmtTime(received.Add(20*24*time.Hour))
		switch {
		case i%4 == 0:
			status, closed = StatusInProgress, ""
		case i%17 == 0:
			status = StatusRefused
		}
		year := received.In(rules.Loc).Year()
		if _, err := stmt.ExecContext(ctx, fmt.Sprintf("DSR-%d-%06d", year, i+1), year, i+1, status, rights[i%len(rights)],
			langs[i%len(langs)], fmt.Sprintf("customer%d@example.net", i), "Customer", fmtTime(received), clk.ReceivedDate.String(),
			clk.ReceivedDate.String(), clk.Due.String(), i%9 == 0, clk.ExtendedDue.String(), closed, "Request", fmt.Sprintf("m%d@example.net", i),
			fmtTime(received), fmtTime(received)); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	return tr
}

// The deadline sweep, the register listing and the digest over 100,000 cases
// (issue 6: each under a second). Run with
//
//	go test -run '^$' -bench 'Scale' -benchtime 3x ./tracker
func BenchmarkScaleSweep100k(b *testing.B) {
	now := time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC)
	tr := seedCases(b, 100_000, now)
	ctx := context.Background()
	b.ResetTimer()
	for i := range b.N {
		// Each iteration is a new day, so every sweep has thresholds to record.
		tr.opt.Clock.(*clock.Fake).Set(now.AddDate(0, 0, i))
		if _, err := tr.Sweep(ctx, SweepOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkScaleCases100k(b *testing.B) {
	now := time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC)
	tr := seedCases(b, 100_000, now)
	ctx := context.Background()
	b.ResetTimer()
	for range b.N {
		cs, err := tr.Cases(ctx, Filter{})
		if err != nil || len(cs) != 100_000 {
			b.Fatalf("%d cases, %v", len(cs), err)
		}
	}
}

func BenchmarkScaleDigest100k(b *testing.B) {
	now := time.Date(2026, 11, 30, 7, 0, 0, 0, time.UTC)
	tr := seedCases(b, 100_000, now)
	ctx := context.Background()
	b.ResetTimer()
	for range b.N {
		if _, err := tr.Digest(ctx, now); err != nil {
			b.Fatal(err)
		}
	}
}
