package mailin

import (
	"context"
	"testing"
	"time"

	"privacyd/internal/dovecot"
)

// latencySink models a Deliver that takes a fixed time per batch without
// using the CPU (a commit waiting for the disk); it never advances the
// checkpoint, so every Once reads the whole backlog again.
type latencySink struct{ cost time.Duration }

func (latencySink) Checkpoint(context.Context, string) (uint32, uint32, error) { return 0, 0, nil }

func (s latencySink) Deliver(context.Context, string, uint32, []Raw) error {
	time.Sleep(s.cost) // the modelled commit, not a schedule
	return nil
}

// BenchmarkPipelineOverlap measures Once over a 2,000-mail backlog (~12 KB
// each) on a real Dovecot with a Sink that spends a fixed 50 ms per
// 100-mail batch: with fetch-ahead the fetch and the marking hide behind
// Deliver, so the pass approaches 20 × 50 ms. Unlike the end-to-end
// interop benchmark it is not disturbed by other processes using the CPUs.
//
//	go test -run '^$' -bench PipelineOverlap -benchtime 5x ./mailin
func BenchmarkPipelineOverlap(b *testing.B) {
	const mails, cost = 2000, 50 * time.Millisecond
	d := dovecot.Start(b)
	if err := d.AppendMany("INBOX", mails, func(i int) ([]byte, time.Time) {
		return mail(i+1, 12_000), time.Time{}
	}); err != nil {
		b.Fatal(err)
	}
	r := New(Options{Address: d.Addr(), TLS: TLSNone, Username: d.User(), Password: d.Password()}, latencySink{cost})
	for b.Loop() {
		n, err := r.Once(context.Background())
		if err != nil || n != mails {
			b.Fatalf("Once = %d, %v", n, err)
		}
	}
	perPass := b.Elapsed() / time.Duration(b.N)
	b.ReportMetric(float64(mails*b.N)/b.Elapsed().Seconds(), "mails/s")
	b.ReportMetric(float64(perPass-mails/100*cost)/float64(time.Millisecond), "ms_beyond_deliver")
}
