package tracker

import (
	"context"
	"fmt"
	"testing"
	"time"

	"privacyd/clock"
)

// BenchmarkDueRender measures the sender's side of a mail queued by the
// ingest path: Due reads it, renders it from its template data and stores
// the rendering (per mail; the two mails of 500 new cases per op).
func BenchmarkDueRender(b *testing.B) {
	clk := clock.NewFake(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
	tr, _ := hxTracker(b, clk, func(o *Options) { o.IdentityCheck = "never" })
	var raws [][]byte
	for i := range 500 {
		raws = append(raws, hxMail(fmt.Sprintf("Klant %d <klant%d@example.nl>", i, i), "Inzageverzoek",
			fmt.Sprintf("r%d@example.nl", i), "Beste heer, mevrouw,\n\nGraag ontvang ik een overzicht van alle persoonsgegevens "+
				"die u van mij verwerkt, met het doel, de ontvangers en de bewaartermijn (art. 15 AVG).\n\nMet vriendelijke groet,\nKlant"))
	}
	hxDeliver(b, tr, clk.Now(), raws...)
	ctx := context.Background()
	n := 0
	for b.Loop() {
		b.StopTimer()
		if _, err := tr.w.Exec(`UPDATE outbox SET subject = '', text = '', html = ''`); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		ms, err := tr.Due(ctx, clk.Now().Add(time.Hour), 1000)
		if err != nil || len(ms) != 1000 {
			b.Fatalf("Due: %d mails, %v", len(ms), err)
		}
		n += len(ms)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n)/1e3, "µs/mail")
}
