package mailin

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"privacyd/internal/dovecot"
	"privacyd/internal/imaptest"
)

// TestPipelineDovecot checks the fetch-ahead pipeline against a real
// Dovecot (skipped when Dovecot is not installed, unless PRIVACYD_DOVECOT=1):
// MOVE of batch N-1 and the FETCH of batch N+1 while the Sink works on N,
// a Deliver error, and a cut during the fetch ahead.
func TestPipelineDovecot(t *testing.T) {
	if testing.Short() {
		t.Skip("starting Dovecot takes seconds; skipped with -short")
	}
	d := dovecot.Start(t)
	options := func(mailbox string) Options {
		return Options{
			Address: d.Addr(), TLS: TLSNone, Username: d.User(), Password: d.Password(),
			Mailbox: mailbox, BatchSize: 10, MinBackoff: 5 * time.Millisecond, MaxBackoff: 50 * time.Millisecond,
		}
	}
	fill := func(t *testing.T, mailbox string, n int) {
		t.Helper()
		if err := d.CreateMailbox(mailbox); err != nil {
			t.Fatal(err)
		}
		if err := d.AppendMany(mailbox, n, func(i int) ([]byte, time.Time) {
			return mail(i+1, 2000), time.Date(2026, 3, 5, 9, 0, i, 0, time.UTC)
		}); err != nil {
			t.Fatal(err)
		}
	}
	keywords := func(t *testing.T, mailbox string) []uint32 {
		t.Helper()
		msgs, err := d.Messages(mailbox)
		if err != nil {
			t.Fatal(err)
		}
		var with []uint32
		for _, m := range msgs {
			if m.Has(Keyword) {
				with = append(with, m.UID)
			}
		}
		return with
	}

	t.Run("fetch ahead with move", func(t *testing.T) {
		fill(t, "PMv", 30)
		h := newHookEvents()
		sink := newGateSink()
		sink.before[1] = awaitOr(t, h, "fetched 11-20")
		sink.before[2] = func() error {
			if err := awaitOr(t, h, "marked 1-10")(); err != nil {
				return err
			}
			return awaitOr(t, h, "fetched 21-30")()
		}
		opt := options("PMv")
		opt.ProcessedMailbox = "PMvDone"
		r := New(opt, sink)
		r.testHook = h.hook
		if n, err := r.Once(context.Background()); err != nil || n != 30 {
			t.Fatalf("Once = %d, %v; want 30, nil", n, err)
		}
		_, calls := sink.snapshot()
		for i, c := range calls {
			if want := uidRange(uint32(10*i+1), uint32(10*i+10)); !slices.Equal(c.uids, want) {
				t.Errorf("Deliver call %d: uids %v, want %v", i+1, c.uids, want)
			}
		}
		if left, _ := d.Messages("PMv"); len(left) != 0 {
			t.Errorf("%d messages left after MOVE", len(left))
		}
		if moved, _ := d.Messages("PMvDone"); len(moved) != 30 {
			t.Errorf("%d messages moved, want 30", len(moved))
		}
	})

	t.Run("deliver error on batch 2 of 4", func(t *testing.T) {
		fill(t, "PErr", 40)
		h := newHookEvents()
		sink := newGateSink()
		sink.before[2] = func() error {
			if err := awaitOr(t, h, "fetched 21-30")(); err != nil {
				return err
			}
			return errSinkDown
		}
		r := New(options("PErr"), sink)
		r.testHook = h.hook
		if n, err := r.Once(context.Background()); !errors.Is(err, errSinkDown) || n != 10 {
			t.Fatalf("Once = %d, %v; want 10 and the sink's error", n, err)
		}
		if left := deliverGoroutines(); left != 0 {
			t.Errorf("%d Deliver goroutine(s) still running", left)
		}
		if with := keywords(t, "PErr"); !slices.Equal(with, uidRange(1, 10)) {
			t.Errorf("flagged %v, want exactly 1-10", with)
		}
		if h.has("fetched 31-40") || sink.deliverCalls() != 2 {
			t.Errorf("after the failed batch: %d Deliver calls, steps %v", sink.deliverCalls(), h.all())
		}
		if n, err := r.Once(context.Background()); err != nil || n != 30 {
			t.Fatalf("second Once = %d, %v; want 30, nil", n, err)
		}
		if with := keywords(t, "PErr"); !slices.Equal(with, uidRange(1, 40)) {
			t.Errorf("flagged %v, want 1-40", with)
		}
	})

	t.Run("cut during fetch ahead", func(t *testing.T) {
		fill(t, "PCut", 30)
		proxy := imaptest.StartProxy(t, d.Addr())
		h := newHookEvents()
		sink := newGateSink()
		sink.before[1] = awaitOr(t, h, "fetch failed 11-20")
		opt := options("PCut")
		opt.Address = proxy.Addr()
		cut := proxy.CutAfter(40_000) // inside the second batch's literals
		r := New(opt, sink)
		r.testHook = h.hook
		n, err := r.Once(context.Background())
		if err == nil || n != 10 {
			t.Fatalf("Once = %d, %v; want 10 and an error", n, err)
		}
		select {
		case <-cut:
		case <-time.After(10 * time.Second):
			t.Fatal("the connection was never cut")
		}
		if left := deliverGoroutines(); left != 0 {
			t.Errorf("%d Deliver goroutine(s) still running", left)
		}
		for _, e := range h.all() {
			if strings.HasPrefix(e, "marked") && e != "marked 1-10" {
				t.Errorf("marked after the cut: %q", e)
			}
		}
		if with := keywords(t, "PCut"); slices.ContainsFunc(with, func(u uint32) bool { return u > 10 }) {
			t.Errorf("flagged %v: beyond the delivered batch", with)
		}
		if n, err := r.Once(context.Background()); err != nil || n != 20 {
			t.Fatalf("next session: Once = %d, %v; want 20, nil", n, err)
		}
		for uid, k := range sink.deliveredUIDs() {
			if k != 1 {
				t.Errorf("uid %d delivered %d times", uid, k)
			}
		}
		effects, _ := sink.snapshot()
		for _, raw := range effects {
			if !bytes.Equal(raw.Data, mail(int(raw.UID), 2000)) {
				t.Errorf("uid %d: delivered bytes differ from what was appended", raw.UID)
			}
		}
		if with := keywords(t, "PCut"); !slices.Equal(with, uidRange(1, 30)) {
			t.Errorf("flagged %v after the next session, want 1-30", with)
		}
	})
}
