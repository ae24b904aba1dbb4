package mailin

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"privacyd/internal/imaptest"
)

// memSink is an in-memory Sink that keeps the interface contract: Deliver
// commits the batch and the checkpoint together, and a message seen before
// (by content, across UIDVALIDITY) has no second effect.
type memSink struct {
	mu       sync.Mutex
	validity uint32
	last     uint32
	seen     map[[32]byte]bool
	effects  []Raw         // first deliveries only
	calls    []deliverCall // every successful Deliver
	failNext int           // the next failNext Delivers fail
	panics   int           // the next panics Delivers panic
	notify   chan struct{} // a non-blocking tick after each successful Deliver
}

type deliverCall struct {
	validity uint32
	uids     []uint32
}

var errSinkDown = errors.New("sink: database is locked")

func newSink() *memSink {
	return &memSink{seen: make(map[[32]byte]bool), notify: make(chan struct{}, 1)}
}

func (m *memSink) Checkpoint(ctx context.Context, mailbox string) (uint32, uint32, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.validity, m.last, nil
}

func (m *memSink) Deliver(ctx context.Context, mailbox string, validity uint32, batch []Raw) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(batch) == 0 {
		panic("Deliver with an empty batch")
	}
	if m.failNext > 0 {
		m.failNext--
		return errSinkDown
	}
	if m.panics > 0 {
		m.panics--
		panic("sink bug")
	}
	call := deliverCall{validity: validity}
	for _, raw := range batch {
		call.uids = append(call.uids, raw.UID)
		h := sha256.Sum256(raw.Data)
		if !m.seen[h] {
			m.seen[h] = true
			m.effects = append(m.effects, raw)
		}
	}
	m.calls = append(m.calls, call)
	m.validity, m.last = validity, batch[len(batch)-1].UID
	select {
	case m.notify <- struct{}{}:
	default:
	}
	return nil
}

func (m *memSink) setCheckpoint(validity, last uint32) {
	m.mu.Lock()
	m.validity, m.last = validity, last
	m.mu.Unlock()
}

func (m *memSink) checkpoint() (uint32, uint32) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.validity, m.last
}

func (m *memSink) numEffects() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.effects)
}

func (m *memSink) snapshot() ([]Raw, []deliverCall) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]Raw(nil), m.effects...), append([]deliverCall(nil), m.calls...)
}

// deliveredUIDs counts, per UID, how often it was part of a successful Deliver.
func (m *memSink) deliveredUIDs() map[uint32]int {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make(map[uint32]int)
	for _, c := range m.calls {
		for _, u := range c.uids {
			out[u]++
		}
	}
	return out
}

// logCapture is a slog.Handler that keeps every record as a line, passes it
// to t.Log while the test runs, and announces messages on a channel.
type logCapture struct {
	st    *logState
	attrs []slog.Attr
}

type logState struct {
	mu     sync.Mutex
	tb     testing.TB
	done   bool
	lines  []string
	events chan string
}

func newLog(tb testing.TB) (*slog.Logger, *logState) {
	st := &logState{tb: tb, events: make(chan string, 4096)}
	tb.Cleanup(func() {
		st.mu.Lock()
		st.done = true
		st.mu.Unlock()
	})
	return slog.New(&logCapture{st: st}), st
}

func (h *logCapture) Enabled(context.Context, slog.Level) bool { return true }

func (h *logCapture) Handle(_ context.Context, r slog.Record) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s", r.Level, r.Message)
	for _, a := range h.attrs {
		fmt.Fprintf(&b, " %s", a)
	}
	r.Attrs(func(a slog.Attr) bool {
		fmt.Fprintf(&b, " %s", a)
		return true
	})
	line := b.String()
	h.st.mu.Lock()
	defer h.st.mu.Unlock()
	h.st.lines = append(h.st.lines, line)
	if !h.st.done {
		h.st.tb.Log(line)
	}
	select {
	case h.st.events <- line:
	default:
	}
	return nil
}

func (h *logCapture) WithAttrs(as []slog.Attr) slog.Handler {
	return &logCapture{st: h.st, attrs: append(append([]slog.Attr(nil), h.attrs...), as...)}
}

func (h *logCapture) WithGroup(string) slog.Handler { return h }

func (st *logState) all() []string {
	st.mu.Lock()
	defer st.mu.Unlock()
	return append([]string(nil), st.lines...)
}

func (st *logState) count(sub string) int {
	n := 0
	for _, l := range st.all() {
		if strings.Contains(l, sub) {
			n++
		}
	}
	return n
}

// waitLog waits until a log line containing sub arrives.
func (st *logState) waitLog(t *testing.T, sub string) {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case l := <-st.events:
			if strings.Contains(l, sub) {
				return
			}
		case <-timeout:
			t.Fatalf("no log line with %q within 10s", sub)
		}
	}
}

// tick returns an OnPoll that signals ch without ever blocking the reader.
func tick(ch chan struct{}) func(time.Time) {
	return func(time.Time) {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
}

// waitTick waits for one signal on ch.
func waitTick(t *testing.T, ch <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(10 * time.Second):
		t.Fatalf("timed out after 10s waiting for %s", what)
	}
}

// waitFor waits until cond holds, re-checking whenever tick fires.
func waitFor(t *testing.T, what string, tick <-chan struct{}, cond func() bool) {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for !cond() {
		select {
		case <-tick:
		case <-timeout:
			t.Fatalf("timed out after 10s waiting for %s", what)
		}
	}
}

// mail is a test message with a personal name, address and subject that
// must never show up in the logs.
func mail(i int, pad int) []byte {
	return fmt.Appendf(nil, "From: Jan Jansen <jan.jansen%d@example.nl>\r\n"+
		"To: privacy@example.org\r\nSubject: Geheim onderwerp %d\r\nMessage-ID: <m%d@example.nl>\r\n"+
		"Date: Thu, 05 Mar 2026 10:00:00 +0100\r\n\r\nHaal mijn gegevens weg. %d\r\n%s", i, i, i, i, strings.Repeat("x", pad))
}

func appendN(t testing.TB, srv *imaptest.Server, mailbox string, from, to, pad int) map[uint32][]byte {
	t.Helper()
	out := make(map[uint32][]byte)
	for i := from; i <= to; i++ {
		b := mail(i, pad)
		uid, err := srv.Append(mailbox, b, time.Date(2026, 3, 5, 9, 0, i, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		out[uid] = b
	}
	return out
}

// testOptions connects to srv in its TLS mode with short backoffs.
func testOptions(srv *imaptest.Server, log *slog.Logger) Options {
	return Options{
		Address:      srv.Addr(),
		TLS:          srv.TLSMode(),
		TLSConfig:    srv.ClientTLSConfig(),
		Username:     srv.Username(),
		Password:     srv.Password(),
		IDLE:         true,
		PollInterval: time.Hour,
		MaxIdle:      time.Hour,
		MinBackoff:   5 * time.Millisecond,
		MaxBackoff:   50 * time.Millisecond,
		Log:          log,
	}
}

// runReader starts r.Run. stop cancels it and returns its error (failing
// the test if Run does not return within 5s); done is closed when Run
// returns, whatever the reason, and then stop returns at once.
func runReader(t *testing.T, r *Reader) (stop func() error, done <-chan struct{}) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	finished := make(chan struct{})
	var err error
	go func() {
		err = r.Run(ctx)
		close(finished)
	}()
	stop = func() error {
		cancel()
		select {
		case <-finished:
			return err
		case <-time.After(5 * time.Second):
			t.Error("Run did not return within 5s of cancel")
			return nil
		}
	}
	t.Cleanup(func() { stop() })
	return stop, finished
}

// flagged reports which UIDs of mailbox carry the keyword.
func flagged(t *testing.T, srv *imaptest.Server, mailbox string) (with, without []uint32) {
	t.Helper()
	return byKeyword(t, srv.Messages, mailbox, func(m imaptest.Message) (uint32, bool) { return m.UID, m.Has(Keyword) })
}

// byKeyword lists mailbox and splits its UIDs by whether they carry the
// keyword; uidKeyword reads both off one message of the server's kind (the
// in-process one or a real Dovecot).
func byKeyword[M any](t *testing.T, list func(mailbox string) ([]M, error), mailbox string, uidKeyword func(M) (uint32, bool)) (with, without []uint32) {
	t.Helper()
	msgs, err := list(mailbox)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range msgs {
		if uid, ok := uidKeyword(m); ok {
			with = append(with, uid)
		} else {
			without = append(without, uid)
		}
	}
	return with, without
}
