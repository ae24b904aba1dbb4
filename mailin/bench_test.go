package mailin

import (
	"context"
	"io"
	"testing"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

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
// mails on the in-process server with a no-op Sink (search, size planning,
// batched fetch, keyword STORE), next to a plain streaming
// UID FETCH 1:* BODY.PEEK[] by the same client library.
//
//	go test -run '^$' -bench FetchBacklog -benchtime 20x ./mailin
func BenchmarkFetchBacklog(b *testing.B) {
	srv := imaptest.Start(b)
	appendN(b, srv, "INBOX", 1, backlogMails, backlogPad)

	b.Run("Once", func(b *testing.B) {
		r := New(testOptions(srv, nil), noopSink{})
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
			if n := plainFetch(b, srv); n != backlogMails {
				b.Fatalf("plain fetch read %d, want %d", n, backlogMails)
			}
		}
		b.ReportMetric(float64(backlogMails*b.N)/b.Elapsed().Seconds(), "mails/s")
	})
}

// plainFetch connects, selects and streams UID FETCH 1:* BODY.PEEK[] into
// one buffer per message, as the baseline.
func plainFetch(b *testing.B, srv *imaptest.Server) int {
	c, err := srv.Dial()
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
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
