package tracker

import (
	"fmt"
	"testing"
	"time"

	"privacyd/clock"
)

// TestWriterLeavesCheckpointsToTheCheckpointer: the writer connection keeps
// its pages until the commit and checkpoints only past walAutoCheckpoint
// pages, so after a batch the WAL still holds the batch's frames, and the
// checkpointer copies every one of them into the database file.
func TestWriterLeavesCheckpointsToTheCheckpointer(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
	tr, _ := hxTracker(t, clk, nil)
	var spill, auto int
	if err := tr.w.QueryRow(`PRAGMA cache_spill`).Scan(&spill); err != nil {
		t.Fatal(err)
	}
	if err := tr.w.QueryRow(`PRAGMA wal_autocheckpoint`).Scan(&auto); err != nil {
		t.Fatal(err)
	}
	if spill != 0 || auto != walAutoCheckpoint {
		t.Errorf("writer: cache_spill %d, wal_autocheckpoint %d", spill, auto)
	}
	// Stop the background goroutine so that this test runs the checkpoints.
	ck := tr.ck
	tr.ck = nil
	ck.once.Do(func() { close(ck.stop) })
	<-ck.done
	defer ck.db.Close()

	// SQLite's default automatic checkpoint (1000 pages) would have
	// emptied a WAL of this size during the commits.
	for i := range 30 {
		var raws [][]byte
		for j := range 20 {
			raws = append(raws, hxMail(fmt.Sprintf("C%d <c%d-%d@example.com>", j, i, j), "Delete my data",
				fmt.Sprintf("r%d-%d@example.com", i, j), "Please delete all personal data you hold about me."))
		}
		hxDeliver(t, tr, clk.Now(), raws...)
	}
	wal, copied, err := ck.checkpoint()
	if err != nil {
		t.Fatal(err)
	}
	if wal <= 1000 || copied != wal {
		t.Errorf("checkpoint: %d frames in the WAL, %d copied; want more than 1000, all copied", wal, copied)
	}
	if n := hxCount(t, tr.DB(), `SELECT COUNT(*) FROM cases`); n != 600 {
		t.Errorf("%d cases, want 600", n)
	}
}
