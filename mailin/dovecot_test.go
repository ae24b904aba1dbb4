package mailin

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"

	"privacyd/internal/dovecot"
	"privacyd/internal/imaptest"
)

// TestDovecot runs mailin against a real Dovecot on loopback (skipped when
// Dovecot is not installed, unless PRIVACYD_DOVECOT=1).
func TestDovecot(t *testing.T) {
	if testing.Short() {
		t.Skip("starting Dovecot takes seconds; skipped with -short")
	}
	d := dovecot.Start(t)
	options := func(mailbox string, log *slog.Logger) Options {
		return Options{
			Address: d.Addr(), TLS: TLSNone, Username: d.User(), Password: d.Password(),
			Mailbox: mailbox, IDLE: true, PollInterval: time.Hour, MaxIdle: time.Hour,
			MinBackoff: 5 * time.Millisecond, MaxBackoff: 50 * time.Millisecond, Log: log,
		}
	}
	fill := func(t *testing.T, mailbox string, from, to int) {
		t.Helper()
		if err := d.CreateMailbox(mailbox); err != nil {
			t.Fatal(err)
		}
		for i := from; i <= to; i++ {
			if _, err := d.Append(mailbox, mail(i, 2000), time.Date(2026, 3, 5, 9, 0, i, 0, time.UTC)); err != nil {
				t.Fatal(err)
			}
		}
	}
	keywords := func(t *testing.T, mailbox string) (with, without []uint32) {
		t.Helper()
		return byKeyword(t, d.Messages, mailbox, func(m dovecot.Message) (uint32, bool) { return m.UID, m.Has(Keyword) })
	}

	t.Run("keyword and repair", func(t *testing.T) {
		fill(t, "Kw", 1, 3)
		sink := newSink()
		r := New(options("Kw", nil), sink)
		if n, err := r.Once(context.Background()); err != nil || n != 3 {
			t.Fatalf("Once = %d, %v", n, err)
		}
		effects, _ := sink.snapshot()
		for _, raw := range effects {
			if want := time.Date(2026, 3, 5, 9, 0, int(raw.UID), 0, time.UTC); !raw.InternalDate.Equal(want) {
				t.Errorf("uid %d INTERNALDATE %v, want %v", raw.UID, raw.InternalDate, want)
			}
		}
		if with, without := keywords(t, "Kw"); len(with) != 3 {
			t.Fatalf("flagged %v, unflagged %v", with, without)
		}
		// Someone (or a crash before STORE) leaves uid 2 without the keyword.
		c, err := d.Dial()
		if err != nil {
			t.Fatal(err)
		}
		c.Select("Kw", nil).Wait()
		if err := c.Store(imap.UIDSetNum(2), &imap.StoreFlags{Op: imap.StoreFlagsDel, Flags: []imap.Flag{Keyword}}, nil).Close(); err != nil {
			t.Fatal(err)
		}
		c.Close()
		if n, err := r.Once(context.Background()); err != nil || n != 0 {
			t.Fatalf("second Once = %d, %v", n, err)
		}
		if with, without := keywords(t, "Kw"); len(with) != 3 {
			t.Errorf("after repair: flagged %v, unflagged %v", with, without)
		}
	})

	t.Run("move", func(t *testing.T) {
		fill(t, "Mv", 1, 3)
		sink := newSink()
		opt := options("Mv", nil)
		opt.ProcessedMailbox = "MvDone"
		r := New(opt, sink)
		if n, err := r.Once(context.Background()); err != nil || n != 3 {
			t.Fatalf("Once = %d, %v", n, err)
		}
		if left, _ := d.Messages("Mv"); len(left) != 0 {
			t.Errorf("%d messages left after MOVE", len(left))
		}
		if with, without := keywords(t, "MvDone"); len(with) != 3 {
			t.Errorf("processed mailbox: flagged %v, unflagged %v", with, without)
		}
		if n, err := r.Once(context.Background()); err != nil || n != 0 {
			t.Fatalf("second Once = %d, %v", n, err)
		}
	})

	t.Run("idle, cut, server restart", func(t *testing.T) {
		fill(t, "Idle", 1, 1)
		proxy := imaptest.StartProxy(t, d.Addr())
		sink := newSink()
		log, logs := newLog(t)
		opt := options("Idle", log)
		opt.Address = proxy.Addr()
		runReader(t, New(opt, sink))
		waitFor(t, "first mail", sink.notify, func() bool { return sink.numEffects() == 1 })
		fill(t, "Idle", 2, 2) // APPEND over IMAP, as a delivery would
		start := time.Now()
		waitFor(t, "mail through IDLE", sink.notify, func() bool { return sink.numEffects() == 2 })
		t.Logf("Dovecot: APPEND done to Deliver with IDLE in %v", time.Since(start))

		proxy.CutConnections() // the network drops the idling connection
		logs.waitLog(t, "reconnecting")
		fill(t, "Idle", 3, 3)
		waitFor(t, "mail after the cut", sink.notify, func() bool { return sink.numEffects() == 3 })

		// A restart of Dovecot itself (it may keep running sessions).
		if err := d.Restart(); err != nil {
			t.Fatal(err)
		}
		fill(t, "Idle", 4, 4)
		waitFor(t, "mail after the restart", sink.notify, func() bool { return sink.numEffects() == 4 })
		for uid, n := range sink.deliveredUIDs() {
			if n != 1 {
				t.Errorf("uid %d delivered %d times", uid, n)
			}
		}
	})

	t.Run("cut mid-fetch", func(t *testing.T) {
		fill(t, "Cut", 1, 30)
		proxy := imaptest.StartProxy(t, d.Addr())
		sink := newSink()
		polls := make(chan struct{}, 64)
		opt := options("Cut", nil)
		opt.Address = proxy.Addr()
		opt.BatchSize = 10
		opt.OnPoll = tick(polls)
		cut := proxy.CutAfter(40_000) // inside the second batch's literals
		runReader(t, New(opt, sink))
		select {
		case <-cut:
		case <-time.After(10 * time.Second):
			t.Fatal("the connection was never cut")
		}
		waitFor(t, "all 30 delivered", polls, func() bool { return sink.numEffects() == 30 })
		for uid, n := range sink.deliveredUIDs() {
			if n != 1 {
				t.Errorf("uid %d delivered %d times", uid, n)
			}
		}
		effects, _ := sink.snapshot()
		for _, raw := range effects {
			if !bytes.Equal(raw.Data, mail(int(raw.UID), 2000)) { // a fresh mailbox: uid i is mail i
				t.Errorf("uid %d: %d bytes delivered differ from what was appended", raw.UID, len(raw.Data))
			}
		}
		if _, total := proxy.Conns(); total < 2 {
			t.Errorf("%d connections through the proxy, want a reconnect", total)
		}
	})

	t.Run("uidvalidity", func(t *testing.T) {
		fill(t, "Uv", 1, 2)
		sink := newSink()
		r := New(options("Uv", nil), sink)
		if n, err := r.Once(context.Background()); err != nil || n != 2 {
			t.Fatalf("Once = %d, %v", n, err)
		}
		// A rebuilt index: same mail, new UIDVALIDITY and UIDs.
		_, validity, err := d.ResetUIDValidity("Uv")
		if err != nil {
			t.Fatal(err)
		}
		fill(t, "Uv", 3, 3)
		if n, err := r.Once(context.Background()); err != nil || n != 3 {
			t.Fatalf("Once after the reset = %d, %v; want all three offered again", n, err)
		}
		if v, last := sink.checkpoint(); v != validity || last != 3 {
			t.Errorf("checkpoint (%d, %d), want (%d, 3)", v, last, validity)
		}
		if got := sink.numEffects(); got != 3 {
			t.Errorf("sink effects %d, want 3 (the two old ones dedupe)", got)
		}
	})

	t.Run("wrong password", func(t *testing.T) {
		opt := options("INBOX", nil)
		opt.Password = "wrong"
		_, err := New(opt, newSink()).Once(context.Background())
		if !errors.Is(err, ErrAuth) {
			t.Fatalf("Once = %v, want ErrAuth", err)
		}
	})
}
