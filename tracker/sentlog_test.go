package tracker

import (
	"context"
	"os"
	"testing"
	"time"

	"privacyd/clock"
	"privacyd/outbox"
)

// sentLogTracker is a tracker that keeps the sent log, with one new case
// (so two mails in the outbox), and those mails as Due returns them.
func sentLogTracker(t *testing.T) (*Tracker, string, *clock.Fake, []int64) {
	t.Helper()
	clk := clock.NewFake(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
	tr, path := hxTracker(t, clk, func(o *Options) { o.SentLog = true })
	hxDeliver(t, tr, clk.Now(), hxMail("Tom <tom@example.com>", "Delete my data", "r1@example.com", "Please delete my data."))
	ms, err := tr.Due(context.Background(), clk.Now(), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 2 {
		t.Fatalf("%d mails due, want 2 (the customer's and the staff notification)", len(ms))
	}
	return tr, path, clk, []int64{ms[0].ID, ms[1].ID}
}

func dueIDs(t *testing.T, tr *Tracker, now time.Time) map[int64]bool {
	t.Helper()
	ms, err := tr.Due(context.Background(), now, 10)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[int64]bool{}
	for _, m := range ms {
		ids[m.ID] = true
	}
	return ids
}

// TestSentLogSurvivesKill: privacyd is killed after MarkSent wrote its line
// but before the database recorded the mark (here the database update
// fails: its connection is gone, as in a process that dies). The next
// start applies the line, so the mail is not sent again; a line cut short
// is skipped; the log is emptied and private to its owner.
func TestSentLogSurvivesKill(t *testing.T) {
	tr, path, clk, ids := sentLogTracker(t)
	tr.mark.Close() // the database update of the next mark fails
	at := clk.Now().Add(time.Minute)
	if err := tr.MarkSent(context.Background(), ids[0], at); err != nil {
		t.Fatalf("MarkSent with the mark in the sent log: %v", err)
	}
	var sent string
	if err := tr.DB().QueryRow(`SELECT sent_at FROM outbox WHERE id = ?`, ids[0]).Scan(&sent); err != nil || sent != "" {
		t.Fatalf("sent_at %q, %v: the database update was meant to fail", sent, err)
	}
	f, err := os.OpenFile(path+"-sent", os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("12") // a line cut short by the kill
	f.Close()

	// The next start, on the same files.
	tr2, err := New(context.Background(), tr.opt)
	if err != nil {
		t.Fatal(err)
	}
	defer tr2.Close()
	if err := tr2.DB().QueryRow(`SELECT sent_at FROM outbox WHERE id = ?`, ids[0]).Scan(&sent); err != nil {
		t.Fatal(err)
	}
	if got := parseTime(sent); !got.Equal(at) {
		t.Errorf("after the restart mail %d has sent_at %q, want %v", ids[0], sent, at)
	}
	due := dueIDs(t, tr2, clk.Now().Add(time.Hour))
	if due[ids[0]] || !due[ids[1]] {
		t.Errorf("due after the restart: %v; want only %d (the unmarked one)", due, ids[1])
	}
	st, err := os.Stat(path + "-sent")
	if err != nil {
		t.Fatal(err)
	}
	if st.Size() != 0 {
		t.Errorf("sent log holds %d bytes after it was applied, want 0", st.Size())
	}
	if mode := st.Mode().Perm(); mode != 0o600 {
		t.Errorf("sent log mode %o, want 600", mode)
	}
}

// TestSentLogPendingAppliedByDue: when only the database update fails in a
// running privacyd (here its context ended), MarkSent still reports
// success, and the next Due records the mark before it looks for due mails,
// so the mail is not sent again.
func TestSentLogPendingAppliedByDue(t *testing.T) {
	tr, _, clk, ids := sentLogTracker(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := tr.MarkSent(ctx, ids[1], clk.Now()); err != nil {
		t.Fatalf("MarkSent with the mark in the sent log: %v", err)
	}
	due := dueIDs(t, tr, clk.Now().Add(time.Hour))
	if due[ids[1]] || !due[ids[0]] {
		t.Errorf("due: %v; want only %d", due, ids[0])
	}
	var sent string
	if err := tr.DB().QueryRow(`SELECT sent_at FROM outbox WHERE id = ?`, ids[1]).Scan(&sent); err != nil || sent == "" {
		t.Errorf("mail %d: sent_at %q, %v; want it recorded by Due", ids[1], sent, err)
	}
}

// TestSentLogBounded: the log is emptied once it has grown past sentLogMax
// and every line in it is in the database.
func TestSentLogBounded(t *testing.T) {
	tr, path, clk, ids := sentLogTracker(t)
	line := int64(len("1 2026-11-27T09:00:00Z\n"))
	for i := int64(0); i <= sentLogMax/line+1; i++ {
		if err := tr.MarkSent(context.Background(), ids[0], clk.Now()); err != nil {
			t.Fatal(err)
		}
	}
	st, err := os.Stat(path + "-sent")
	if err != nil {
		t.Fatal(err)
	}
	if st.Size() > sentLogMax {
		t.Errorf("sent log is %d bytes after %d marks, want at most %d", st.Size(), sentLogMax/line+2, sentLogMax)
	}
	if st.Size() == 0 {
		t.Errorf("sent log is empty; want the marks since it was last emptied")
	}
}

// TestSentLogOnlyForTheSender: a tracker opened for reading the register
// while the daemon runs does not touch the daemon's sent log.
func TestSentLogOnlyForTheSender(t *testing.T) {
	tr, path, clk, ids := sentLogTracker(t)
	tr.mark.Close()
	if err := tr.MarkSent(context.Background(), ids[0], clk.Now()); err != nil {
		t.Fatal(err)
	}
	opt := tr.opt
	opt.SentLog = false
	reader, err := New(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	reader.Close()
	st, err := os.Stat(path + "-sent")
	if err != nil {
		t.Fatal(err)
	}
	if st.Size() == 0 {
		t.Error("a tracker without SentLog emptied the sent log")
	}
}

// TestSentLogInDoubt: with copies to the own mailbox, a mail handed to the
// SMTP server ("begin" in the sent log) but not marked sent when privacyd
// was killed is in doubt after the restart: due only CopyWait later, with
// InDoubt set, so the sender first looks for its copy. A mail whose attempt
// was settled (here a retry) is not; without copies nothing is in doubt.
func TestSentLogInDoubt(t *testing.T) {
	for _, copies := range []bool{true, false} {
		tr, _, clk, ids := sentLogTracker(t)
		tr.opt.CopyWait = 10 * time.Minute // as if configured from the start
		ctx := context.Background()
		if err := tr.Sending(ids[0], 0); err != nil {
			t.Fatal(err)
		}
		if err := tr.Sending(ids[1], 0); err != nil {
			t.Fatal(err)
		}
		if err := tr.MarkRetry(ctx, ids[1], clk.Now(), "451 try later"); err != nil {
			t.Fatal(err)
		}
		// Killed here: mail ids[0] may or may not be at the server.
		opt := tr.opt
		if !copies {
			opt.CopyWait = 0
		}
		tr2, err := New(ctx, opt)
		if err != nil {
			t.Fatal(err)
		}
		now := clk.Now()
		doubt := map[int64]bool{}
		ms, err := tr2.Due(ctx, now, 10)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			doubt[m.ID] = m.InDoubt
		}
		if copies {
			if _, due := doubt[ids[0]]; due || doubt[ids[1]] {
				t.Errorf("with copies, due at the restart: %v; want only %d, not in doubt", doubt, ids[1])
			}
			ms, _ := tr2.Due(ctx, now.Add(10*time.Minute), 10)
			for _, m := range ms {
				if m.ID == ids[0] && !m.InDoubt {
					t.Errorf("mail %d due after CopyWait but not in doubt", m.ID)
				}
				doubt[m.ID] = m.InDoubt
			}
			if !doubt[ids[0]] {
				t.Errorf("mail %d not due in doubt CopyWait after the restart", ids[0])
			}
			// A later answer from the server settles the doubt.
			if err := tr2.MarkRetry(ctx, ids[0], now, "451 try later"); err != nil {
				t.Fatal(err)
			}
			for _, m := range mustDue(t, tr2, now) {
				if m.InDoubt {
					t.Errorf("mail %d still in doubt after MarkRetry", m.ID)
				}
			}
		} else if len(doubt) != 2 || doubt[ids[0]] || doubt[ids[1]] {
			t.Errorf("without copies, due at the restart: %v; want both, neither in doubt", doubt)
		}
		tr2.Close()
	}
}

func mustDue(t *testing.T, tr *Tracker, now time.Time) []outbox.Mail {
	t.Helper()
	ms, err := tr.Due(context.Background(), now, 10)
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

// TestOwnCopiesRecordedOnly: the copies of privacyd's own mails
// (smtp.copy_to_self) come back into the mailbox; they are recorded as own
// mail and cause nothing — no case, no mail, no staff notice.
func TestOwnCopiesRecordedOnly(t *testing.T) {
	tr, _, clk, _ := sentLogTracker(t)
	ctx := context.Background()
	ms := mustDue(t, tr, clk.Now())
	var raws [][]byte
	for _, m := range ms {
		raw, err := outbox.Render(m)
		if err != nil {
			t.Fatal(err)
		}
		raws = append(raws, raw)
		if err := tr.MarkSent(ctx, m.ID, clk.Now()); err != nil {
			t.Fatal(err)
		}
	}
	hxDeliver(t, tr, clk.Now(), raws...)
	var cases, outboxRows, recorded int
	if err := tr.DB().QueryRow(`SELECT (SELECT COUNT(*) FROM cases), (SELECT COUNT(*) FROM outbox),
		(SELECT COUNT(*) FROM messages WHERE disposition = ?)`, DispIgnored).Scan(&cases, &outboxRows, &recorded); err != nil {
		t.Fatal(err)
	}
	if cases != 1 || outboxRows != len(ms) || recorded != len(ms) {
		t.Errorf("after the copies came back: %d cases, %d outbox mails, %d recorded only; want 1, %d, %d",
			cases, outboxRows, recorded, len(ms), len(ms))
	}
}
