package tracker

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"privacyd/clock"
	"privacyd/mailin"
)

// TestPrepareAhead: batches handed to Prepare before their Deliver are
// parsed once, ahead, and used by Deliver; a batch prepared but never
// delivered is dropped, and Deliver of a batch not prepared still works.
func TestPrepareAhead(t *testing.T) {
	var mu sync.Mutex
	prepared := map[uint32]int{}
	prepareHook = func(uid uint32) {
		mu.Lock()
		prepared[uid]++
		mu.Unlock()
	}
	defer func() { prepareHook = nil }()
	clk := clock.NewFake(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
	tr, _ := hxTracker(t, clk, nil)
	batch := func(from, to uint32) []mailin.Raw {
		var b []mailin.Raw
		for uid := from; uid <= to; uid++ {
			b = append(b, mailin.Raw{UID: uid, InternalDate: clk.Now(), Data: hxMail(fmt.Sprintf("C <c%d@example.com>", uid),
				"Delete my data", fmt.Sprintf("r%d@example.com", uid), "Please delete all personal data you hold about me.")})
		}
		return b
	}
	ctx := context.Background()
	deliver := func(b []mailin.Raw) {
		t.Helper()
		if err := tr.Deliver(ctx, "INBOX", 1, b); err != nil {
			t.Fatal(err)
		}
	}
	// As the mailbox reader does: batch N+1 is prepared while N is delivered.
	b1, b2, b3 := batch(1, 10), batch(11, 20), batch(21, 30)
	tr.Prepare("INBOX", 1, b1)
	deliver(b1)
	tr.Prepare("INBOX", 1, b2)
	tr.Prepare("INBOX", 1, b3)
	deliver(b2)
	deliver(b3)
	// A batch prepared, then fetched again (a new session) and delivered as another slice.
	b4 := batch(31, 40)
	tr.Prepare("INBOX", 1, b4)
	deliver(batch(31, 40))
	// Not prepared at all.
	deliver(batch(41, 45))

	if n := hxCount(t, tr.DB(), `SELECT COUNT(*) FROM cases`); n != 45 {
		t.Errorf("%d cases, want 45", n)
	}
	mu.Lock()
	defer mu.Unlock()
	for uid := uint32(1); uid <= 45; uid++ {
		want := 1
		if uid >= 31 && uid <= 40 {
			want = 2 // once ahead (perhaps only partly: dropped), once for the delivered slice
		}
		if got := prepared[uid]; got > want || got == 0 || (want == 1 && got != 1) {
			t.Errorf("uid %d prepared %d times, want %d", uid, got, want)
		}
	}
	tr.ahead.Lock()
	defer tr.ahead.Unlock()
	if len(tr.ahead.ps) != 0 {
		t.Errorf("%d batches still held ahead after every Deliver", len(tr.ahead.ps))
	}
}
