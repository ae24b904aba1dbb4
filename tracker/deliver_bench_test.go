package tracker

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"privacyd/clock"
	"privacyd/mailin"
)

// BenchmarkDeliverTx measures the transaction of the ingest path alone — the
// single writer every incoming mail waits on in a backlog — without the
// parsing and classification that run beside it (prepared beforehand here):
// 5,000 mails of the classifier's corpus (every kind and language, each
// with its own Message-ID and sender), delivered in batches of 100 with
// synchronous=FULL as the daemon does, into a fresh register per op. It
// reports wall and CPU time per mail; the CPU figure varies far less on a
// shared machine.
//
//	go test -run '^$' -bench DeliverTx -benchtime 3x ./tracker
func BenchmarkDeliverTx(b *testing.B) {
	const n, batchSize = 5000, 100
	files, err := filepath.Glob("../classify/testdata/corpus/*.eml")
	if err != nil || len(files) == 0 {
		b.Fatalf("corpus: %v (%d files)", err, len(files))
	}
	var corpus [][]byte
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		corpus = append(corpus, raw)
	}
	msgID := regexp.MustCompile(`(?mi)^Message-ID:.*\r?\n`)
	fromAddr := regexp.MustCompile(`(?mi)^(From:[^\r\n@]*?)([A-Za-z0-9._%+-]+)@`)
	received := time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC)
	raws := make([]mailin.Raw, n)
	for i := range raws {
		raw := corpus[i%len(corpus)]
		raw = msgID.ReplaceAll(raw, nil)
		raw = fromAddr.ReplaceAll(raw, fmt.Appendf(nil, "${1}${2}.%d@", i))
		raw = append(fmt.Appendf(nil, "Message-ID: <bench-%d@example.net>\r\n", i), raw...)
		raws[i] = mailin.Raw{UID: uint32(i + 1), InternalDate: received.Add(time.Duration(i) * time.Second), Data: raw}
	}

	var cpu cpuMeter
	ctx := context.Background()
	cases := 0
	b.StopTimer()
	for range b.N {
		clk := clock.NewFake(received.Add(2 * time.Hour))
		tr, _ := hxTracker(b, clk, nil)
		var batches []*preparer
		for i := 0; i < n; i += batchSize {
			batch := raws[i:min(i+batchSize, n)]
			p := &preparer{batch: batch, mailbox: "INBOX", validity: 1, ins: make([]*incoming, len(batch)),
				ready: make([]chan struct{}, len(batch)), claimed: make(chan struct{})}
			for j, r := range batch {
				p.ins[j] = tr.prepare("INBOX", 1, r)
				p.ready[j] = make(chan struct{})
				close(p.ready[j])
			}
			batches = append(batches, p)
		}
		cpu.Start(b)
		for _, p := range batches {
			if _, err := tr.deliverTx(ctx, p, false); err != nil {
				b.Fatal(err)
			}
			tr.ck.Kick()
		}
		cpu.Stop(b)
		if err := tr.DB().QueryRow(`SELECT COUNT(*) FROM cases`).Scan(&cases); err != nil {
			b.Fatal(err)
		}
		tr.Close()
	}
	cpu.Report(b)
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/mail")
	b.ReportMetric(float64(cpu.total.Microseconds())/float64(b.N*n), "cpu-µs/mail")
	b.ReportMetric(float64(cases), "cases")
}
