package mailin

import (
	"context"
	"io"
	"slices"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"privacyd/internal/dovecot"
	"privacyd/internal/imaptest"
)

// noopSink accepts everything and never advances: every Once reads the whole
// backlog again.
type noopSink struct{}

func (noopSink) Checkpoint(context.Context, string) (uint32, uint32, error) { return 0, 0, nil }
func (noopSink) Deliver(context.Context, string, uint32, []Raw) error       { return nil }

const (
	backlogMails = 2000
	backlogPad   = 4800 // about 5 KB per mail
)

// BenchmarkFetchBacklog measures Once over a 2,000-mail backlog of ~5 KB
// mails with a no-op Sink (search, size planning, batched fetch, keyword
// STORE), next to a plain streaming UID FETCH 1:* BODY.PEEK[] by the same
// client library, on the in-process server and on a real Dovecot (skipped
// when Dovecot is not installed).
//
//	go test -run '^$' -bench FetchBacklog -benchtime 10x ./mailin
func BenchmarkFetchBacklog(b *testing.B) {
	b.Run("memserver", func(b *testing.B) {
		srv := imaptest.Start(b)
		appendN(b, srv, "INBOX", 1, backlogMails, backlogPad)
		benchBacklog(b, Options{Address: srv.Addr(), TLS: TLSNone, Username: srv.Username(), Password: srv.Password()})
	})
	b.Run("dovecot", func(b *testing.B) {
		d := dovecot.Start(b)
		err := d.AppendMany("INBOX", backlogMails, func(i int) ([]byte, time.Time) {
			return mail(i+1, backlogPad), time.Time{}
		})
		if err != nil {
			b.Fatal(err)
		}
		benchBacklog(b, Options{Address: d.Addr(), TLS: TLSNone, Username: d.User(), Password: d.Password()})
	})
}

func benchBacklog(b *testing.B, opt Options) {
	b.Run("Once", func(b *testing.B) {
		r := New(opt, noopSink{})
		for b.Loop() {
			n, err := r.Once(context.Background())
			if err != nil {
				b.Fatal(err)
			}
			if n != backlogMails {
				b.Fatalf("Once delivered %d, want %d", n, backlogMails)
			}
		}
		b.ReportMetric(float64(backlogMails*b.N)/b.Elapsed().Seconds(), "mails/s")
	})
	b.Run("PlainFetch", func(b *testing.B) {
		for b.Loop() {
			if n := plainFetch(b, opt); n != backlogMails {
				b.Fatalf("plain fetch read %d, want %d", n, backlogMails)
			}
		}
		b.ReportMetric(float64(backlogMails*b.N)/b.Elapsed().Seconds(), "mails/s")
	})
}

// plainFetch connects, selects and streams UID FETCH 1:* BODY.PEEK[] into
// one buffer per message, as the baseline.
func plainFetch(b *testing.B, opt Options) int {
	c, err := imapclient.DialInsecure(opt.Address, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	if err := c.Login(opt.Username, opt.Password).Wait(); err != nil {
		b.Fatal(err)
	}
	if _, err := c.Select("INBOX", nil).Wait(); err != nil {
		b.Fatal(err)
	}
	var all imap.UIDSet
	all.AddRange(1, 0)
	cmd := c.Fetch(all, &imap.FetchOptions{UID: true, BodySection: []*imap.FetchItemBodySection{{Peek: true}}})
	n := 0
	for msg := cmd.Next(); msg != nil; msg = cmd.Next() {
		for item := msg.Next(); item != nil; item = msg.Next() {
			if bs, ok := item.(imapclient.FetchItemDataBodySection); ok && bs.Literal != nil {
				buf := make([]byte, bs.Literal.Size())
				if _, err := io.ReadFull(bs.Literal, buf); err != nil {
					b.Fatal(err)
				}
				n++
			}
		}
	}
	if err := cmd.Close(); err != nil {
		b.Fatal(err)
	}
	if err := c.Logout().Wait(); err != nil {
		b.Fatal(err)
	}
	return n
}

// BenchmarkIdleLatency measures the time from a delivery (APPEND on the
// server) to Sink.Deliver while Run idles, and reports the median.
//
//	go test -run '^$' -bench IdleLatency -benchtime 50x ./mailin
func BenchmarkIdleLatency(b *testing.B) {
	srv := imaptest.Start(b)
	sink := newSink()
	opt := testOptions(srv, nil)
	r := New(opt, sink)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		r.Run(ctx)
		close(done)
	}()
	defer func() {
		cancel()
		<-done
	}()
	var lat []time.Duration
	i := 0
	for b.Loop() {
		i++
		start := time.Now()
		if _, err := srv.Append("INBOX", mail(i, 2000), time.Time{}); err != nil {
			b.Fatal(err)
		}
		for sink.numEffects() < i {
			select {
			case <-sink.notify:
			case <-time.After(10 * time.Second):
				b.Fatalf("mail %d not delivered within 10s", i)
			}
		}
		lat = append(lat, time.Since(start))
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "ms-p50")
	b.ReportMetric(float64(lat[len(lat)-1].Microseconds())/1000, "ms-max")
}
