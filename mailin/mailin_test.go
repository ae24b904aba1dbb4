package mailin

import (
	"bytes"
	"context"
	"errors"
	"net"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"

	"privacyd/internal/imaptest"
)

func TestOnceDeliversAllOnceAndFlags(t *testing.T) {
	srv := imaptest.Start(t)
	sent := appendN(t, srv, "INBOX", 1, 5, 100)
	log, logs := newLog(t)
	sink := newSink()
	var polls int
	opt := testOptions(srv, log)
	opt.OnPoll = func(time.Time) { polls++ }
	r := New(opt, sink)

	n, err := r.Once(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if n != 5 {
		t.Fatalf("Once delivered %d, want 5", n)
	}
	effects, _ := sink.snapshot()
	if len(effects) != 5 {
		t.Fatalf("sink has %d messages, want 5", len(effects))
	}
	for _, raw := range effects {
		if !bytes.Equal(raw.Data, sent[raw.UID]) {
			t.Errorf("uid %d: data differs from what was appended", raw.UID)
		}
		want := time.Date(2026, 3, 5, 9, 0, int(raw.UID), 0, time.UTC)
		if !raw.InternalDate.Equal(want) {
			t.Errorf("uid %d: InternalDate %v, want %v", raw.UID, raw.InternalDate, want)
		}
	}
	validity, err := srv.UIDValidity("INBOX")
	if err != nil {
		t.Fatal(err)
	}
	if v, last := sink.checkpoint(); v != validity || last != 5 {
		t.Errorf("checkpoint (%d, %d), want (%d, 5)", v, last, validity)
	}
	msgs, err := srv.Messages("INBOX")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range msgs {
		if !m.Has(Keyword) {
			t.Errorf("uid %d lacks %s: %v", m.UID, Keyword, m.Flags)
		}
		if m.Has(imap.FlagSeen) || m.Has(imap.FlagDeleted) {
			t.Errorf("uid %d got %v: privacyd must leave \\Seen and \\Deleted alone", m.UID, m.Flags)
		}
	}
	if polls != 1 {
		t.Errorf("OnPoll called %d times, want 1", polls)
	}
	if r.Connected() {
		t.Error("Connected() after Once returned")
	}

	n, err = r.Once(context.Background())
	if err != nil || n != 0 {
		t.Fatalf("second Once = %d, %v; want 0, nil", n, err)
	}
	if _, calls := sink.snapshot(); len(calls) != 1 {
		t.Errorf("Deliver called %d times over two Once, want 1", len(calls))
	}
	if !srv.WaitOpenConns(0, 5*time.Second) {
		open, _ := srv.Conns()
		t.Errorf("%d connections left open after Once", open)
	}
	for _, l := range logs.all() {
		if strings.Contains(l, "jansen") || strings.Contains(l, "Jansen") || strings.Contains(l, "Geheim") || strings.Contains(l, "gegevens") {
			t.Errorf("log line carries personal data: %s", l)
		}
	}
}

func TestBatches(t *testing.T) {
	srv := imaptest.Start(t)
	appendN(t, srv, "INBOX", 1, 5, 0)
	sink := newSink()
	opt := testOptions(srv, nil)
	opt.BatchSize = 2
	n, err := New(opt, sink).Once(context.Background())
	if err != nil || n != 5 {
		t.Fatalf("Once = %d, %v", n, err)
	}
	_, calls := sink.snapshot()
	var got [][]uint32
	for _, c := range calls {
		got = append(got, c.uids)
	}
	want := [][]uint32{{1, 2}, {3, 4}, {5}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("batches %v, want %v", got, want)
	}
}

func TestLargeMailAndByteBoundedBatches(t *testing.T) {
	srv := imaptest.Start(t)
	small := mail(1, 10)
	size := 25 << 20 // a 25 MB mail
	if raceEnabled {
		size = 3 << 20
	}
	big := mail(2, size)
	for _, b := range [][]byte{small, big, mail(3, 10), mail(4, 10)} {
		if _, err := srv.Append("INBOX", b, time.Time{}); err != nil {
			t.Fatal(err)
		}
	}
	sink := newSink()
	opt := testOptions(srv, nil)
	opt.MaxBatchBytes = 1 << 20
	n, err := New(opt, sink).Once(context.Background())
	if err != nil || n != 4 {
		t.Fatalf("Once = %d, %v", n, err)
	}
	effects, calls := sink.snapshot()
	var got [][]uint32
	for _, c := range calls {
		got = append(got, c.uids)
	}
	if want := [][]uint32{{1}, {2}, {3, 4}}; !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("batches %v, want %v", got, want)
	}
	if !bytes.Equal(effects[1].Data, big) {
		t.Errorf("large mail: got %d bytes, want %d (or content differs)", len(effects[1].Data), len(big))
	}
}

func TestMaxMessageBytesKeepsPrefix(t *testing.T) {
	srv := imaptest.Start(t)
	big := mail(1, 50_000)
	if _, err := srv.Append("INBOX", big, time.Time{}); err != nil {
		t.Fatal(err)
	}
	appendN(t, srv, "INBOX", 2, 2, 0)
	sink := newSink()
	opt := testOptions(srv, nil)
	opt.MaxMessageBytes = 1000
	if n, err := New(opt, sink).Once(context.Background()); err != nil || n != 2 {
		t.Fatalf("Once = %d, %v", n, err)
	}
	effects, _ := sink.snapshot()
	if !bytes.Equal(effects[0].Data, big[:1000]) {
		t.Errorf("oversized mail: kept %d bytes, want the first 1000", len(effects[0].Data))
	}
	if !bytes.Equal(effects[1].Data, mail(2, 0)) {
		t.Error("the mail after the oversized one is damaged")
	}
}

func TestRunIdleDeliversNewMailQuickly(t *testing.T) {
	srv := imaptest.Start(t)
	appendN(t, srv, "INBOX", 1, 1, 0)
	sink := newSink()
	polls := make(chan struct{}, 16)
	log, _ := newLog(t)
	opt := testOptions(srv, log) // PollInterval and MaxIdle 1h: only IDLE can be quick
	opt.OnPoll = tick(polls)
	r := New(opt, sink)
	runReader(t, r)
	waitFor(t, "first pass", polls, func() bool { return sink.numEffects() == 1 })
	if !r.Connected() {
		t.Error("Connected() false while Run idles")
	}

	start := time.Now()
	appendN(t, srv, "INBOX", 2, 2, 0)
	waitFor(t, "new mail through IDLE", sink.notify, func() bool { return sink.numEffects() == 2 })
	t.Logf("new mail to Deliver with IDLE: %v", time.Since(start))
	if srv.IdleCommands() == 0 {
		t.Error("server saw no IDLE command")
	}
	if got := sink.deliveredUIDs(); got[1] != 1 || got[2] != 1 {
		t.Errorf("deliveries per uid %v, want each once", got)
	}
}

func TestRunPolls(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts []imaptest.Option
		idle bool
	}{
		{"server without IDLE", []imaptest.Option{imaptest.WithoutIdle()}, true},
		{"IDLE disabled in options", nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := imaptest.Start(t, tc.opts...)
			sink := newSink()
			polls := make(chan struct{}, 1)
			opt := testOptions(srv, nil)
			opt.IDLE = tc.idle
			opt.PollInterval = 10 * time.Millisecond
			opt.OnPoll = tick(polls)
			runReader(t, New(opt, sink))
			waitTick(t, polls, "the first pass")
			appendN(t, srv, "INBOX", 1, 2, 0)
			waitFor(t, "polled mail", sink.notify, func() bool { return sink.numEffects() == 2 })
			if n := srv.IdleCommands(); n != 0 {
				t.Errorf("server saw %d IDLE commands, want 0", n)
			}
		})
	}
}

func TestProcessedMailboxMove(t *testing.T) {
	srv := imaptest.Start(t) // IMAP4rev2: MOVE
	appendN(t, srv, "INBOX", 1, 3, 0)
	sink := newSink()
	opt := testOptions(srv, nil)
	opt.ProcessedMailbox = "Processed"
	r := New(opt, sink)
	if n, err := r.Once(context.Background()); err != nil || n != 3 {
		t.Fatalf("Once = %d, %v", n, err)
	}
	if inbox, _ := srv.Messages("INBOX"); len(inbox) != 0 {
		t.Errorf("INBOX still has %d messages after MOVE", len(inbox))
	}
	with, without := flagged(t, srv, "Processed")
	if len(with) != 3 || len(without) != 0 {
		t.Errorf("Processed: %v with %s, %v without; want 3 with", with, Keyword, without)
	}
	if n, err := r.Once(context.Background()); err != nil || n != 0 {
		t.Fatalf("second Once = %d, %v", n, err)
	}
	if names, _ := srv.Mailboxes(); !slices.Equal(names, []string{"INBOX", "Processed"}) {
		t.Errorf("mailboxes %v", names)
	}
}

// A foreign message (uid 1, already handled) carries \Deleted set by someone
// else; uids 2 and 3 are new. Moving them must not purge uid 1.
func TestProcessedMailboxWithoutMove(t *testing.T) {
	for _, tc := range []struct {
		name      string
		opts      []imaptest.Option
		copyFails bool
		wantInbox []uint32 // what stays in INBOX
		wantDel   []uint32 // which of those carry \Deleted
		wantProc  int
	}{
		{"UIDPLUS", []imaptest.Option{imaptest.WithRev1Only(), imaptest.WithExtraCaps(imap.CapUIDPlus)}, false, []uint32{1}, []uint32{1}, 2},
		{"no UIDPLUS", []imaptest.Option{imaptest.WithRev1Only()}, false, []uint32{1, 2, 3}, []uint32{1, 2, 3}, 2},
		{"COPY fails", []imaptest.Option{imaptest.WithRev1Only(), imaptest.WithExtraCaps(imap.CapUIDPlus)}, true, []uint32{1, 2, 3}, []uint32{1}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := imaptest.Start(t, append(tc.opts, imaptest.WithMailboxes("INBOX", "Processed"))...)
			if _, err := srv.Append("INBOX", mail(1, 0), time.Time{}, imap.FlagDeleted); err != nil {
				t.Fatal(err)
			}
			appendN(t, srv, "INBOX", 2, 3, 0)
			validity, _ := srv.UIDValidity("INBOX")
			sink := newSink()
			sink.setCheckpoint(validity, 1)
			if tc.copyFails {
				srv.SetCopyError(&imap.Error{Type: imap.StatusResponseTypeNo, Code: imap.ResponseCodeOverQuota, Text: "quota"})
			}
			opt := testOptions(srv, nil)
			opt.ProcessedMailbox = "Processed"
			r := New(opt, sink)
			if n, err := r.Once(context.Background()); err != nil || n != 2 {
				t.Fatalf("Once = %d, %v (a failed move must not fail the pass)", n, err)
			}
			inbox, err := srv.Messages("INBOX")
			if err != nil {
				t.Fatal(err)
			}
			var uids, del []uint32
			for _, m := range inbox {
				uids = append(uids, m.UID)
				if m.Has(imap.FlagDeleted) {
					del = append(del, m.UID)
				}
			}
			if !slices.Equal(uids, tc.wantInbox) || !slices.Equal(del, tc.wantDel) {
				t.Errorf("INBOX uids %v (\\Deleted %v), want %v (\\Deleted %v)", uids, del, tc.wantInbox, tc.wantDel)
			}
			proc, err := srv.Messages("Processed")
			if err != nil {
				t.Fatal(err)
			}
			if len(proc) != tc.wantProc {
				t.Errorf("Processed has %d, want %d", len(proc), tc.wantProc)
			}
			if n, err := r.Once(context.Background()); err != nil || n != 0 {
				t.Fatalf("second Once = %d, %v", n, err)
			}
			if proc, _ := srv.Messages("Processed"); len(proc) != tc.wantProc {
				t.Errorf("second Once copied again: Processed has %d", len(proc))
			}
		})
	}
}

func TestUIDValidityChange(t *testing.T) {
	srv := imaptest.Start(t)
	appendN(t, srv, "INBOX", 1, 3, 0)
	sink := newSink()
	log, logs := newLog(t)
	r := New(testOptions(srv, log), sink)
	if n, err := r.Once(context.Background()); err != nil || n != 3 {
		t.Fatalf("Once = %d, %v", n, err)
	}
	old, _ := srv.UIDValidity("INBOX")

	// The mailbox is recreated: same first message, one new one.
	if err := srv.DeleteMailbox("INBOX"); err != nil {
		t.Fatal(err)
	}
	if err := srv.CreateMailbox("INBOX"); err != nil {
		t.Fatal(err)
	}
	if _, err := srv.Append("INBOX", mail(1, 0), time.Time{}); err != nil {
		t.Fatal(err)
	}
	if _, err := srv.Append("INBOX", mail(4, 0), time.Time{}); err != nil {
		t.Fatal(err)
	}
	validity, _ := srv.UIDValidity("INBOX")
	if validity == old {
		t.Fatalf("UIDVALIDITY did not change (%d)", old)
	}
	if n, err := r.Once(context.Background()); err != nil || n != 2 {
		t.Fatalf("Once after UIDVALIDITY change = %d, %v; want both messages offered again", n, err)
	}
	_, calls := sink.snapshot()
	last := calls[len(calls)-1]
	if last.validity != validity || !slices.Equal(last.uids, []uint32{1, 2}) {
		t.Errorf("last Deliver (%d, %v), want (%d, [1 2])", last.validity, last.uids, validity)
	}
	if v, l := sink.checkpoint(); v != validity || l != 2 {
		t.Errorf("checkpoint (%d, %d), want (%d, 2)", v, l, validity)
	}
	if sink.numEffects() != 4 {
		t.Errorf("sink effects %d, want 4 (the repeated message dedupes)", sink.numEffects())
	}
	if logs.count("UIDVALIDITY changed") != 1 {
		t.Error("UIDVALIDITY change not logged")
	}
	if with, without := flagged(t, srv, "INBOX"); len(with) != 2 || len(without) != 0 {
		t.Errorf("flags after resync: with %v, without %v", with, without)
	}
}

func TestWrongPasswordIsPermanent(t *testing.T) {
	srv := imaptest.Start(t)
	opt := testOptions(srv, nil)
	opt.Password = "wrong"
	r := New(opt, newSink())

	start := time.Now()
	stop, done := runReader(t, r)
	select {
	case <-done:
		if err := stop(); !errors.Is(err, ErrAuth) {
			t.Fatalf("Run = %v, want ErrAuth", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run kept going after a refused login")
	}
	t.Logf("Run gave up after %v", time.Since(start))
	if a, f := srv.LoginAttempts(); a != 1 || f != 1 {
		t.Errorf("login attempts %d (failed %d), want exactly 1", a, f)
	}
	if _, err := r.Once(context.Background()); !errors.Is(err, ErrAuth) {
		t.Errorf("Once = %v, want ErrAuth", err)
	}
}

func TestCutMidFetchLosesNothing(t *testing.T) {
	srv := imaptest.Start(t)
	sent := appendN(t, srv, "INBOX", 1, 30, 5000)
	sink := newSink()
	polls := make(chan struct{}, 64)
	opt := testOptions(srv, nil)
	opt.BatchSize = 10
	opt.OnPoll = tick(polls)
	// Batch 1 is about 52 KB: the cut lands in the middle of batch 2's literals.
	cut := srv.CutAfter(75_000)
	runReader(t, New(opt, sink))
	select {
	case <-cut:
	case <-time.After(10 * time.Second):
		t.Fatal("the connection was never cut")
	}
	waitFor(t, "all 30 delivered and a full pass after", polls, func() bool { return sink.numEffects() == 30 })

	if _, total := srv.Conns(); total < 2 {
		t.Errorf("server saw %d connections, want a reconnect", total)
	}
	effects, calls := sink.snapshot()
	if len(calls) < 3 {
		t.Errorf("only %d Deliver calls", len(calls))
	}
	for uid, n := range sink.deliveredUIDs() {
		if n != 1 {
			t.Errorf("uid %d delivered %d times", uid, n)
		}
	}
	for _, raw := range effects {
		if !bytes.Equal(raw.Data, sent[raw.UID]) {
			t.Errorf("uid %d: %d bytes delivered, %d appended: a truncated body got through", raw.UID, len(raw.Data), len(sent[raw.UID]))
		}
	}
	if _, without := flagged(t, srv, "INBOX"); len(without) != 0 {
		t.Errorf("unflagged after recovery: %v", without)
	}
}

func TestDeliverErrorRetried(t *testing.T) {
	srv := imaptest.Start(t)
	appendN(t, srv, "INBOX", 1, 3, 0)
	sink := newSink()
	sink.failNext = 1
	r := New(testOptions(srv, nil), sink)
	if _, err := r.Once(context.Background()); !errors.Is(err, errSinkDown) {
		t.Fatalf("Once = %v, want the sink's error", err)
	}
	if with, _ := flagged(t, srv, "INBOX"); len(with) != 0 {
		t.Errorf("flagged %v although Deliver failed", with)
	}
	if v, l := sink.checkpoint(); v != 0 || l != 0 {
		t.Errorf("checkpoint (%d, %d) moved although Deliver failed", v, l)
	}
	if n, err := r.Once(context.Background()); err != nil || n != 3 {
		t.Fatalf("retry Once = %d, %v", n, err)
	}
	if with, _ := flagged(t, srv, "INBOX"); len(with) != 3 {
		t.Errorf("flagged %v after retry", with)
	}
}

func TestRunRetriesAfterDeliverError(t *testing.T) {
	srv := imaptest.Start(t)
	appendN(t, srv, "INBOX", 1, 3, 0)
	sink := newSink()
	sink.failNext = 2
	log, logs := newLog(t)
	runReader(t, New(testOptions(srv, log), sink))
	waitFor(t, "delivery after two failures", sink.notify, func() bool { return sink.numEffects() == 3 })
	if n := logs.count("reconnecting"); n != 2 {
		t.Errorf("%d reconnects logged, want 2", n)
	}
}

func TestRepairFlagsAtSessionStart(t *testing.T) {
	srv := imaptest.Start(t)
	appendN(t, srv, "INBOX", 1, 3, 0)
	validity, _ := srv.UIDValidity("INBOX")
	sink := newSink()
	sink.setCheckpoint(validity, 2) // 1 and 2 committed, but the crash came before STORE
	n, err := New(testOptions(srv, nil), sink).Once(context.Background())
	if err != nil || n != 1 {
		t.Fatalf("Once = %d, %v; want only uid 3", n, err)
	}
	if with, without := flagged(t, srv, "INBOX"); len(with) != 3 {
		t.Errorf("flagged %v, unflagged %v; want all three", with, without)
	}
}

func TestRepairMovesAtSessionStart(t *testing.T) {
	srv := imaptest.Start(t) // IMAP4rev2: MOVE
	appendN(t, srv, "INBOX", 1, 3, 0)
	validity, _ := srv.UIDValidity("INBOX")
	sink := newSink()
	sink.setCheckpoint(validity, 2) // 1 and 2 committed, but the crash came before the move
	opt := testOptions(srv, nil)
	opt.ProcessedMailbox = "Processed"
	n, err := New(opt, sink).Once(context.Background())
	if err != nil || n != 1 {
		t.Fatalf("Once = %d, %v; want only uid 3", n, err)
	}
	if inbox, _ := srv.Messages("INBOX"); len(inbox) != 0 {
		t.Errorf("INBOX still holds %d messages; the processed ones were not moved", len(inbox))
	}
	if proc, _ := srv.Messages("Processed"); len(proc) != 3 {
		t.Errorf("Processed holds %d messages, want 3", len(proc))
	}
}

func TestServerWithoutKeywords(t *testing.T) {
	srv := imaptest.Start(t, imaptest.WithoutKeywords())
	appendN(t, srv, "INBOX", 1, 2, 0)
	log, logs := newLog(t)
	sink := newSink()
	r := New(testOptions(srv, log), sink)
	for i, want := range []int{2, 0} {
		if n, err := r.Once(context.Background()); err != nil || n != want {
			t.Fatalf("Once #%d = %d, %v; want %d", i+1, n, err, want)
		}
	}
	if with, _ := flagged(t, srv, "INBOX"); len(with) != 0 {
		t.Errorf("flagged %v on a server without keywords", with)
	}
	if n := logs.count("does not keep custom keywords"); n != 1 {
		t.Errorf("no-keywords notice logged %d times, want once", n)
	}
}

func TestTLS(t *testing.T) {
	for _, mode := range []string{imaptest.TLSImplicit, imaptest.TLSStartTLS} {
		t.Run(mode, func(t *testing.T) {
			srv := imaptest.Start(t, imaptest.WithTLS(mode))
			appendN(t, srv, "INBOX", 1, 2, 0)
			sink := newSink()
			if n, err := New(testOptions(srv, nil), sink).Once(context.Background()); err != nil || n != 2 {
				t.Fatalf("Once = %d, %v", n, err)
			}
			opt := testOptions(srv, nil)
			opt.TLSConfig = nil // system roots do not trust the test CA
			_, err := New(opt, newSink()).Once(context.Background())
			if err == nil || errors.Is(err, ErrAuth) {
				t.Fatalf("Once without the CA = %v, want a certificate error", err)
			}
			if a, _ := srv.LoginAttempts(); a != 1 {
				t.Errorf("%d logins: credentials must not be sent over an unverified connection", a)
			}
		})
	}
}

func TestServerDownAtStart(t *testing.T) {
	srv := imaptest.Start(t)
	appendN(t, srv, "INBOX", 1, 2, 0)
	if err := srv.Stop(); err != nil {
		t.Fatal(err)
	}
	log, logs := newLog(t)
	sink := newSink()
	runReader(t, New(testOptions(srv, log), sink))
	logs.waitLog(t, "reconnecting")
	if err := srv.Restart(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "delivery after the server came up", sink.notify, func() bool { return sink.numEffects() == 2 })
}

func TestMailboxRenamed(t *testing.T) {
	srv := imaptest.Start(t, imaptest.WithMailboxes("INBOX", "Privacy"))
	appendN(t, srv, "Privacy", 1, 1, 0)
	log, logs := newLog(t)
	sink := newSink()
	opt := testOptions(srv, log)
	opt.Mailbox = "Privacy"
	runReader(t, New(opt, sink))
	waitFor(t, "first mail", sink.notify, func() bool { return sink.numEffects() == 1 })

	if err := srv.RenameMailbox("Privacy", "Old"); err != nil {
		t.Fatal(err)
	}
	srv.CutConnections()
	logs.waitLog(t, `mailbox "Privacy" does not exist`)
	logs.waitLog(t, "reconnecting")
	if err := srv.RenameMailbox("Old", "Privacy"); err != nil {
		t.Fatal(err)
	}
	appendN(t, srv, "Privacy", 2, 2, 0)
	waitFor(t, "mail after the rename was undone", sink.notify, func() bool { return sink.numEffects() == 2 })
}

func TestCancelStopsRunPromptly(t *testing.T) {
	t.Run("idling", func(t *testing.T) {
		srv := imaptest.Start(t)
		polls := make(chan struct{}, 1)
		opt := testOptions(srv, nil)
		opt.OnPoll = tick(polls)
		r := New(opt, newSink())
		stop, _ := runReader(t, r)
		waitTick(t, polls, "the first pass")
		start := time.Now()
		if err := stop(); !errors.Is(err, context.Canceled) {
			t.Errorf("Run = %v, want context.Canceled", err)
		}
		if d := time.Since(start); d > 3*time.Second { // MaxIdle is an hour: only the cancel can end it
			t.Errorf("Run took %v to stop", d)
		}
		if r.Connected() {
			t.Error("Connected() after Run returned")
		}
	})
	t.Run("backing off", func(t *testing.T) {
		srv := imaptest.Start(t)
		srv.Stop()
		log, logs := newLog(t)
		opt := testOptions(srv, log)
		opt.MinBackoff, opt.MaxBackoff = time.Hour, time.Hour
		stop, _ := runReader(t, New(opt, newSink()))
		logs.waitLog(t, "reconnecting")
		if err := stop(); !errors.Is(err, context.Canceled) {
			t.Errorf("Run = %v, want context.Canceled", err)
		}
	})
	t.Run("server never greets", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		accepted := make(chan net.Conn, 1)
		go func() {
			if c, err := ln.Accept(); err == nil {
				accepted <- c
			}
		}()
		r := New(Options{Address: ln.Addr().String(), TLS: TLSNone, Username: "u", Password: "p"}, newSink())
		stop, _ := runReader(t, r)
		var c net.Conn
		select {
		case c = <-accepted:
		case <-time.After(10 * time.Second):
			t.Fatal("the reader never connected")
		}
		defer c.Close()
		if err := stop(); !errors.Is(err, context.Canceled) {
			t.Errorf("Run = %v, want context.Canceled", err)
		}
	})
}

func TestOptionsValidate(t *testing.T) {
	ok := Options{Address: "127.0.0.1:143", TLS: TLSNone, Username: "u"}
	if err := ok.Validate(); err != nil {
		t.Errorf("valid options: %v", err)
	}
	for name, o := range map[string]Options{
		"no port":              {Address: "imap.example.org", TLS: TLSImplicit, Username: "u"},
		"plain to a remote":    {Address: "imap.example.org:143", TLS: TLSNone, Username: "u"},
		"unknown tls":          {Address: "imap.example.org:993", TLS: "ssl", Username: "u"},
		"no user":              {Address: "imap.example.org:993", TLS: TLSImplicit},
		"processed is mailbox": {Address: "imap.example.org:993", TLS: TLSImplicit, Username: "u", ProcessedMailbox: "INBOX"},
	} {
		if err := o.Validate(); err == nil {
			t.Errorf("%s: Validate() = nil", name)
		}
		if err := New(o, newSink()).Run(context.Background()); err == nil {
			t.Errorf("%s: Run() = nil", name)
		}
	}
}

func TestBackoff(t *testing.T) {
	b := backoff{min: time.Second, max: 5 * time.Minute}
	want := []time.Duration{1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300}
	for i, w := range want {
		w *= time.Second
		got := b.next(false)
		if got < w/2 || got > w {
			t.Errorf("failure %d: wait %v, want within [%v, %v]", i+1, got, w/2, w)
		}
	}
	if got := b.next(true); got < 500*time.Millisecond || got > time.Second {
		t.Errorf("after a healthy session: wait %v, want within [0.5s, 1s]", got)
	}
	if got := b.next(false); got < time.Second || got > 2*time.Second {
		t.Errorf("failure after reset: wait %v, want within [1s, 2s]", got)
	}
}

// A cut inside a message's literal reads as io.EOF from the literal reader;
// the truncated body must not reach the Sink.
func TestCutInsideLiteral(t *testing.T) {
	srv := imaptest.Start(t)
	big := mail(1, 400_000)
	if _, err := srv.Append("INBOX", big, time.Time{}); err != nil {
		t.Fatal(err)
	}
	log, logs := newLog(t)
	sink := newSink()
	srv.CutAfter(200_000) // well inside the 400 KB literal
	runReader(t, New(testOptions(srv, log), sink))
	waitFor(t, "delivery after the cut", sink.notify, func() bool { return sink.numEffects() == 1 })
	effects, calls := sink.snapshot()
	if len(calls) != 1 || !bytes.Equal(effects[0].Data, big) {
		t.Fatalf("%d Deliver calls, %d bytes delivered; want 1 call with all %d bytes", len(calls), len(effects[0].Data), len(big))
	}
	if logs.count("imap fetch abandoned") != 1 {
		t.Error("the cut did not surface as an abandoned fetch")
	}
}

// A server whose IDLE never announces new mail: MaxIdle's full pass finds it.
func TestMaxIdleSafetyNet(t *testing.T) {
	srv := imaptest.Start(t, imaptest.WithSilentIdle())
	sink := newSink()
	polls := make(chan struct{}, 1)
	opt := testOptions(srv, nil)
	opt.MaxIdle = 20 * time.Millisecond
	opt.OnPoll = tick(polls)
	runReader(t, New(opt, sink))
	waitTick(t, polls, "the first pass")
	appendN(t, srv, "INBOX", 1, 1, 0)
	waitFor(t, "mail found by the MaxIdle pass", sink.notify, func() bool { return sink.numEffects() == 1 })
	// PollInterval is an hour and IDLE announced nothing: only the MaxIdle
	// wake-up can have found the mail.
	if n := srv.IdleCommands(); n < 1 {
		t.Errorf("%d IDLE commands, want the reader to have idled", n)
	}
}

func TestSinkPanicCostsOnlyAReconnect(t *testing.T) {
	srv := imaptest.Start(t)
	appendN(t, srv, "INBOX", 1, 2, 0)
	sink := newSink()
	sink.panics = 1
	log, logs := newLog(t)
	runReader(t, New(testOptions(srv, log), sink))
	waitFor(t, "delivery after the panic", sink.notify, func() bool { return sink.numEffects() == 2 })
	if logs.count("mailin: panic: sink bug") != 1 {
		t.Error("the panic was not logged as a session error")
	}
	if !srv.WaitOpenConns(1, 5*time.Second) {
		open, _ := srv.Conns()
		t.Errorf("%d connections open, want the one live session (no leak from the panicked one)", open)
	}
}

// A server that stops answering with the connection up: the watchdog closes
// it after CommandTimeout and the reader reconnects.
func TestSilentServerTimesOut(t *testing.T) {
	srv := imaptest.Start(t)
	sink := newSink()
	polls := make(chan struct{}, 1)
	log, logs := newLog(t)
	opt := testOptions(srv, log)
	opt.IDLE = false
	opt.PollInterval = 5 * time.Millisecond
	opt.CommandTimeout = 100 * time.Millisecond
	opt.OnPoll = tick(polls)
	runReader(t, New(opt, sink))
	waitTick(t, polls, "the first pass")
	srv.Blackhole(true)
	logs.waitLog(t, "imap server did not answer")
	srv.Blackhole(false)
	appendN(t, srv, "INBOX", 1, 1, 0)
	waitFor(t, "delivery after the server answered again", sink.notify, func() bool { return sink.numEffects() == 1 })
}
