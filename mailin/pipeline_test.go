package mailin

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"privacyd/internal/imaptest"
)

// hookEvents records the pipeline steps a pass reports through testHook and
// lets a test wait for one of them (a handshake, not a timing guess).
type hookEvents struct {
	mu     sync.Mutex
	events []string
	waits  map[string]chan struct{}
	// check, if set, runs on the session goroutine for every event.
	check func(event string)
}

func newHookEvents() *hookEvents { return &hookEvents{waits: make(map[string]chan struct{})} }

func (h *hookEvents) hook(event string, first, last uint32) {
	e := fmt.Sprintf("%s %d-%d", event, first, last)
	h.mu.Lock()
	check := h.check
	h.mu.Unlock()
	if check != nil {
		check(e)
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.events = append(h.events, e)
	if ch := h.ch(e); !h.happened(ch) {
		close(ch)
	}
}

func (h *hookEvents) happened(ch chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

// ch returns the channel closed once event e happened (h.mu held).
func (h *hookEvents) ch(e string) chan struct{} {
	ch, ok := h.waits[e]
	if !ok {
		ch = make(chan struct{})
		h.waits[e] = ch
	}
	return ch
}

// await waits up to 10s for event e ("fetched 11-20"); it reports whether
// the event happened.
func (h *hookEvents) await(e string) bool {
	h.mu.Lock()
	ch := h.ch(e)
	h.mu.Unlock()
	select {
	case <-ch:
		return true
	case <-time.After(10 * time.Second):
		return false
	}
}

func (h *hookEvents) all() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return slices.Clone(h.events)
}

func (h *hookEvents) has(e string) bool { return slices.Contains(h.all(), e) }

// gateSink wraps memSink: before its n-th Deliver (counting from 1, failed
// calls included) it runs before[n], which may block on a handshake and may
// return an error to fail that call. It records which calls have returned.
type gateSink struct {
	*memSink
	gmu      sync.Mutex
	attempts int // Deliver calls, failed ones included
	returned map[int]bool
	before   map[int]func() error
}

func newGateSink() *gateSink {
	return &gateSink{memSink: newSink(), returned: make(map[int]bool), before: make(map[int]func() error)}
}

func (g *gateSink) deliverCalls() int {
	g.gmu.Lock()
	defer g.gmu.Unlock()
	return g.attempts
}

func (g *gateSink) Deliver(ctx context.Context, mailbox string, validity uint32, batch []Raw) error {
	g.gmu.Lock()
	g.attempts++
	n := g.attempts
	f := g.before[n]
	g.gmu.Unlock()
	defer func() {
		g.gmu.Lock()
		g.returned[n] = true
		g.gmu.Unlock()
	}()
	if f != nil {
		if err := f(); err != nil {
			return err
		}
	}
	return g.memSink.Deliver(ctx, mailbox, validity, batch)
}

func (g *gateSink) hasReturned(n int) bool {
	g.gmu.Lock()
	defer g.gmu.Unlock()
	return g.returned[n]
}

// awaitOr is a before-function that waits for event e and fails the call
// (and the test) when it does not come.
func awaitOr(t *testing.T, h *hookEvents, e string) func() error {
	return func() error {
		if !h.await(e) {
			t.Errorf("Deliver waited 10s for %q, which never came while it ran", e)
			return errors.New("handshake timed out")
		}
		return nil
	}
}

// deliverGoroutines waits up to 5s for every Deliver goroutine of the
// pipeline to have exited and returns how many are left.
func deliverGoroutines() int {
	deadline := time.Now().Add(5 * time.Second)
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		left := strings.Count(string(buf[:n]), "mailin.(*session).deliver.func")
		if left == 0 || time.Now().After(deadline) {
			return left
		}
		runtime.Gosched()
	}
}

func uidRange(from, to uint32) []uint32 {
	var out []uint32
	for u := from; u <= to; u++ {
		out = append(out, u)
	}
	return out
}

// While the Sink works on batch N, the reader fetches batch N+1 and marks
// batch N-1, but never fetches N+2: at most two batches are held.
func TestPipelineFetchesAheadWhileDeliverRuns(t *testing.T) {
	srv := imaptest.Start(t)
	appendN(t, srv, "INBOX", 1, 30, 100)
	h := newHookEvents()
	sink := newGateSink()
	// Batch 1's Deliver returns only once batch 2 is fetched: with a
	// sequential pass this would never happen.
	sink.before[1] = awaitOr(t, h, "fetched 11-20")
	// Batch 2's Deliver returns only once batch 1 is marked and batch 3
	// fetched.
	sink.before[2] = func() error {
		if err := awaitOr(t, h, "marked 1-10")(); err != nil {
			return err
		}
		return awaitOr(t, h, "fetched 21-30")()
	}
	h.check = func(e string) {
		// Fetching batch N+2 before Deliver N returned would hold three batches.
		if e == "fetched 21-30" && !sink.hasReturned(1) {
			t.Error("batch 3 fetched while batch 1 was still being delivered")
		}
	}
	opt := testOptions(srv, nil)
	opt.BatchSize = 10
	r := New(opt, sink)
	r.testHook = h.hook
	n, err := r.Once(context.Background())
	if err != nil || n != 30 {
		t.Fatalf("Once = %d, %v; want 30, nil", n, err)
	}
	_, calls := sink.snapshot()
	var got [][]uint32
	for _, c := range calls {
		got = append(got, c.uids)
	}
	want := [][]uint32{uidRange(1, 10), uidRange(11, 20), uidRange(21, 30)}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("Deliver calls %v, want %v (UID order, one batch each)", got, want)
	}
	if with, _ := flagged(t, srv, "INBOX"); !slices.Equal(with, uidRange(1, 30)) {
		t.Errorf("flagged %v, want 1-30", with)
	}
	if !h.has("marked 21-30") {
		t.Errorf("the last batch was not marked: %v", h.all())
	}
}

// A Deliver error on batch 2 of 4: batch 3, already fetched ahead, is
// dropped; batches 2-4 are neither delivered nor marked, batch 4 is not even
// fetched, and no Deliver goroutine is left behind. The next pass delivers
// the rest.
func TestPipelineDeliverErrorStopsEverythingAfter(t *testing.T) {
	srv := imaptest.Start(t)
	appendN(t, srv, "INBOX", 1, 40, 100)
	h := newHookEvents()
	sink := newGateSink()
	// Fail batch 2 only after batch 3 has been fetched ahead.
	sink.before[2] = func() error {
		if err := awaitOr(t, h, "fetched 21-30")(); err != nil {
			return err
		}
		return errSinkDown
	}
	opt := testOptions(srv, nil)
	opt.BatchSize = 10
	r := New(opt, sink)
	r.testHook = h.hook
	n, err := r.Once(context.Background())
	if !errors.Is(err, errSinkDown) || n != 10 {
		t.Fatalf("Once = %d, %v; want 10 and the sink's error", n, err)
	}
	if left := deliverGoroutines(); left != 0 {
		t.Errorf("%d Deliver goroutine(s) still running after Once returned", left)
	}
	_, calls := sink.snapshot()
	if len(calls) != 1 || !slices.Equal(calls[0].uids, uidRange(1, 10)) {
		t.Errorf("successful Deliver calls %v, want only batch 1-10", calls)
	}
	if _, last := sink.checkpoint(); last != 10 {
		t.Errorf("checkpoint at uid %d, want 10", last)
	}
	if with, _ := flagged(t, srv, "INBOX"); !slices.Equal(with, uidRange(1, 10)) {
		t.Errorf("flagged %v, want exactly batch 1 (1-10)", with)
	}
	for _, e := range h.all() {
		if strings.HasPrefix(e, "marked") && e != "marked 1-10" || e == "fetched 31-40" {
			t.Errorf("after the failed batch: %q (steps %v)", e, h.all())
		}
	}
	if calls3 := sink.deliverCalls(); calls3 != 2 {
		t.Errorf("Deliver called %d times, want 2 (batch 3 must not be delivered)", calls3)
	}

	if n, err := r.Once(context.Background()); err != nil || n != 30 {
		t.Fatalf("second Once = %d, %v; want 30, nil", n, err)
	}
	if with, _ := flagged(t, srv, "INBOX"); !slices.Equal(with, uidRange(1, 40)) {
		t.Errorf("flagged %v after the second pass, want 1-40", with)
	}
	for uid, k := range sink.deliveredUIDs() {
		if k != 1 {
			t.Errorf("uid %d delivered %d times", uid, k)
		}
	}
}

// The connection is cut while batch 2 is fetched ahead and batch 1 is being
// delivered: batch 1 is still committed and counted, nothing after it is
// delivered or marked, and the next session repairs the mark and goes on.
func TestPipelineCutDuringFetchAhead(t *testing.T) {
	for _, move := range []bool{false, true} {
		t.Run(map[bool]string{false: "keyword", true: "move"}[move], func(t *testing.T) {
			srv := imaptest.Start(t)
			sent := appendN(t, srv, "INBOX", 1, 30, 5000)
			h := newHookEvents()
			sink := newGateSink()
			// Batch 1 is about 52 KB: the cut lands inside batch 2's literals,
			// and Deliver of batch 1 returns only after that fetch failed.
			cut := srv.CutAfter(75_000)
			sink.before[1] = awaitOr(t, h, "fetch failed 11-20")
			opt := testOptions(srv, nil)
			opt.BatchSize = 10
			if move {
				opt.ProcessedMailbox = "Processed"
			}
			r := New(opt, sink)
			r.testHook = h.hook
			n, err := r.Once(context.Background())
			if !sink.hasReturned(1) {
				t.Error("Once returned while batch 1 was still being delivered")
			}
			select {
			case <-cut:
			case <-time.After(10 * time.Second):
				t.Fatal("the connection was never cut")
			}
			if err == nil || n != 10 {
				t.Fatalf("Once = %d, %v; want 10 (batch 1, delivered while the fetch failed) and an error", n, err)
			}
			if left := deliverGoroutines(); left != 0 {
				t.Errorf("%d Deliver goroutine(s) still running after Once returned", left)
			}
			if _, last := sink.checkpoint(); last != 10 {
				t.Errorf("checkpoint at uid %d, want 10", last)
			}
			for _, e := range h.all() {
				if strings.HasPrefix(e, "marked") && e != "marked 1-10" {
					t.Errorf("marked after the cut: %q", e)
				}
			}
			// Whatever the cut left marked lies within batch 1.
			if with, _ := flagged(t, srv, "INBOX"); slices.ContainsFunc(with, func(u uint32) bool { return u > 10 }) {
				t.Errorf("flagged %v: beyond the delivered batch", with)
			}
			if move {
				if moved, err := srv.Messages("Processed"); err != nil || len(moved) > 10 {
					t.Errorf("%d moved (err %v), want at most batch 1", len(moved), err)
				}
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
			if len(effects) != 30 {
				t.Errorf("%d delivered, want 30", len(effects))
			}
			for _, raw := range effects {
				if string(raw.Data) != string(sent[raw.UID]) {
					t.Errorf("uid %d: body differs from the appended one", raw.UID)
				}
			}
			if move {
				left, err := srv.Messages("INBOX")
				if err != nil {
					t.Fatal(err)
				}
				moved, err := srv.Messages("Processed")
				if err != nil {
					t.Fatal(err)
				}
				if len(left) != 0 || len(moved) != 30 {
					t.Errorf("%d left in INBOX, %d moved; want 0 and 30", len(left), len(moved))
				}
			} else if with, _ := flagged(t, srv, "INBOX"); !slices.Equal(with, uidRange(1, 30)) {
				t.Errorf("flagged %v after the next session, want 1-30", with)
			}
		})
	}
}

// ctx cancelled while batch 1 is delivered: batch 2 is not delivered and
// nothing is marked after it; Once returns promptly with no goroutine left.
func TestPipelineCancelDuringDeliver(t *testing.T) {
	srv := imaptest.Start(t)
	appendN(t, srv, "INBOX", 1, 30, 100)
	h := newHookEvents()
	sink := newGateSink()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sink.before[1] = func() error {
		cancel()
		// The cancel closes the connection: the fetch ahead fails (or had
		// already finished); either way the pass learns of it.
		return nil
	}
	opt := testOptions(srv, nil)
	opt.BatchSize = 10
	r := New(opt, sink)
	r.testHook = h.hook
	n, err := r.Once(ctx)
	if !sink.hasReturned(1) {
		t.Error("Once returned while batch 1 was still being delivered")
	}
	if err == nil {
		t.Fatal("Once after cancel returned no error")
	}
	if n != 10 {
		t.Errorf("Once = %d, want 10 (batch 1 was committed)", n)
	}
	if left := deliverGoroutines(); left != 0 {
		t.Errorf("%d Deliver goroutine(s) still running", left)
	}
	if calls := sink.deliverCalls(); calls != 1 {
		t.Errorf("Deliver called %d times after cancel, want 1", calls)
	}
	for _, e := range h.all() {
		if strings.HasPrefix(e, "marked") && e != "marked 1-10" {
			t.Errorf("marked after cancel: %q", e)
		}
	}
}

// A panic in the Sink, now on the Deliver goroutine, is still an error of
// the pass, not a crash.
func TestPipelineSinkPanicIsAnError(t *testing.T) {
	srv := imaptest.Start(t)
	appendN(t, srv, "INBOX", 1, 20, 100)
	sink := newSink()
	sink.panics = 1
	opt := testOptions(srv, nil)
	opt.BatchSize = 10
	r := New(opt, sink)
	n, err := r.Once(context.Background())
	if err == nil || !strings.Contains(err.Error(), "mailin: panic: sink bug") || n != 0 {
		t.Fatalf("Once = %d, %v; want 0 and the panic as an error", n, err)
	}
	if left := deliverGoroutines(); left != 0 {
		t.Errorf("%d Deliver goroutine(s) still running", left)
	}
	if with, _ := flagged(t, srv, "INBOX"); len(with) != 0 {
		t.Errorf("flagged %v although batch 1 panicked", with)
	}
}

// Fetching ahead holds two batches, within 2*MaxBatchBytes: a batch with a
// message above MaxBatchBytes waits until the running Deliver returned, and
// so does the batch after it.
func TestPipelineBigMessageIsNotFetchedAhead(t *testing.T) {
	srv := imaptest.Start(t)
	sent := map[uint32][]byte{}
	for i, pad := range []int{8000, 8000, 8000, 60_000, 8000} {
		b := mail(i+1, pad)
		uid, err := srv.Append("INBOX", b, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		sent[uid] = b
	}
	h := newHookEvents()
	sink := newGateSink()
	// One mail per batch (two would pass 10 KB); two small ones fit in 20 KB.
	sink.before[1] = awaitOr(t, h, "fetched 2-2")
	sink.before[3] = awaitOr(t, h, "held back 4-4")
	sink.before[4] = awaitOr(t, h, "held back 5-5")
	h.check = func(e string) {
		switch e {
		case "fetched 4-4":
			if !sink.hasReturned(3) {
				t.Error("the 60 KB mail was fetched while batch 3 was still held")
			}
		case "fetched 5-5":
			if !sink.hasReturned(4) {
				t.Error("batch 5 was fetched while the 60 KB mail was still held")
			}
		}
	}
	opt := testOptions(srv, nil)
	opt.MaxBatchBytes = 10_000
	r := New(opt, sink)
	r.testHook = h.hook
	if n, err := r.Once(context.Background()); err != nil || n != 5 {
		t.Fatalf("Once = %d, %v; want 5, nil", n, err)
	}
	effects, calls := sink.snapshot()
	if len(calls) != 5 {
		t.Errorf("%d Deliver calls, want 5 single-mail batches", len(calls))
	}
	for _, raw := range effects {
		if string(raw.Data) != string(sent[raw.UID]) {
			t.Errorf("uid %d: body differs from the appended one", raw.UID)
		}
	}
	if with, _ := flagged(t, srv, "INBOX"); !slices.Equal(with, uidRange(1, 5)) {
		t.Errorf("flagged %v, want 1-5", with)
	}
}
