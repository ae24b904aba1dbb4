package mailin

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"

	"privacyd/internal/imaptest"
)

// prepSink is a memSink that is also a Preparer and records the order of
// the calls, with the slice each batch was handed in.
type prepSink struct {
	*memSink
	mu    sync.Mutex
	log   []string
	slice map[uint32]*Raw // first UID → &batch[0] given to Prepare
	bad   []string
}

func (p *prepSink) Prepare(mailbox string, validity uint32, batch []Raw) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.log = append(p.log, "prepare "+uidText(batch))
	p.slice[batch[0].UID] = &batch[0]
}

func (p *prepSink) Deliver(ctx context.Context, mailbox string, validity uint32, batch []Raw) error {
	p.mu.Lock()
	p.log = append(p.log, "deliver "+uidText(batch))
	if p.slice[batch[0].UID] != &batch[0] {
		p.bad = append(p.bad, uidText(batch))
	}
	p.mu.Unlock()
	return p.memSink.Deliver(ctx, mailbox, validity, batch)
}

func uidText(b []Raw) string { return fmt.Sprintf("%d-%d", b[0].UID, b[len(b)-1].UID) }

// TestPreparerSeesEachBatchBeforeDeliver: a Sink that implements Preparer
// gets every batch as soon as it is fetched — before the Deliver of the
// batch before it has finished — and Deliver later gets the same slice.
func TestPreparerSeesEachBatchBeforeDeliver(t *testing.T) {
	srv := imaptest.Start(t)
	appendN(t, srv, "INBOX", 1, 30, 100)
	sink := &prepSink{memSink: newSink(), slice: map[uint32]*Raw{}}
	opt := testOptions(srv, nil)
	opt.BatchSize = 10
	h := newHookEvents()
	r := New(opt, sink)
	r.testHook = h.hook
	if n, err := r.Once(context.Background()); err != nil || n != 30 {
		t.Fatalf("Once = %d, %v", n, err)
	}
	sink.mu.Lock()
	defer sink.mu.Unlock()
	for _, b := range []string{"1-10", "11-20", "21-30"} {
		p, d := slices.Index(sink.log, "prepare "+b), slices.Index(sink.log, "deliver "+b)
		if p < 0 || d < 0 || p > d {
			t.Errorf("batch %s: prepare at %d, deliver at %d in %v", b, p, d, sink.log)
		}
	}
	if len(sink.bad) > 0 {
		t.Errorf("Deliver got another slice than Prepare for %v", sink.bad)
	}
	if len(sink.log) != 6 {
		t.Errorf("calls %v, want one Prepare and one Deliver per batch", sink.log)
	}
}
