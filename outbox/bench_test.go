package outbox

import (
	"testing"
	"time"

	"privacyd/clock"
	"privacyd/internal/smtptest"
)

func BenchmarkRender(b *testing.B) {
	m := ackMail()
	for b.Loop() {
		if _, err := Render(m); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSendDue measures delivery over one loopback SMTP session per
// pass of 100 mails (Build, NOOP+MAIL+RCPT+DATA+RSET per mail, MarkSent).
func BenchmarkSendDue(b *testing.B) {
	srv, err := smtptest.New(smtptest.Config{})
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	const batch = 100
	q := &memQueue{}
	clk := clock.NewFake(t0)
	s := NewSender(SMTPConfig{Address: srv.Addr(), TLS: TLSNone, Timeout: 5 * time.Second}, q, clk, nil)
	s.Batch = batch
	id := int64(0)
	for b.Loop() {
		b.StopTimer()
		q.mu.Lock()
		q.mails = q.mails[:0] // keep the in-memory queue small
		q.mu.Unlock()
		for range batch {
			id++
			q.add(testMail(id), t0)
		}
		b.StartTimer()
		if n, err := s.SendDue(b.Context()); err != nil || n != batch {
			b.Fatalf("SendDue() = %d, %v", n, err)
		}
	}
	b.ReportMetric(float64(b.N*batch)/b.Elapsed().Seconds(), "mails/s")
}
