package classify

import (
	"fmt"
	"strings"
	"syscall"
	"testing"
	"time"

	"privacyd/message"
)

// letter5KB is a typical formal request of about 5 KB with quoted text below.
func letter5KB() []byte {
	var b strings.Builder
	b.WriteString("From: Jan de Vries <jan@example.net>\r\nTo: privacy@shop.example\r\nSubject: Verzoek om inzage en verwijdering (art. 15 en 17 AVG)\r\n")
	b.WriteString("Date: Mon, 2 Mar 2026 10:00:00 +0100\r\nMessage-ID: <bench@example.net>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n")
	b.WriteString("Geachte heer/mevrouw,\r\n\r\n")
	para := "Op grond van artikel 15 van de Algemene verordening gegevensbescherming verzoek ik u mij te laten weten of u persoonsgegevens van mij verwerkt, met de doeleinden, de ontvangers, de bewaartermijn en de herkomst van de gegevens. Daarna verzoek ik u alle gegevens te verwijderen, behalve wat u wettelijk moet bewaren. Ik wil niet langer gebeld worden voor aanbiedingen.\r\n\r\n"
	for b.Len() < 3500 {
		b.WriteString(para)
	}
	b.WriteString("Met vriendelijke groet,\r\nJan de Vries\r\n\r\nOp 1 maart 2026 schreef Klantenservice <service@shop.example>:\r\n")
	for b.Len() < 5*1024 {
		b.WriteString("> Wilt u uw account verwijderen? Dat kan via Mijn Account. Met vriendelijke groet, Team Service.\r\n")
	}
	return []byte(b.String())
}

// html1MB is an HTML-only mail of about 1 MB (a long table-heavy newsletter-like
// body with a request at the top).
func html1MB() []byte {
	var b strings.Builder
	b.WriteString("From: Jan <jan@example.net>\r\nTo: privacy@shop.example\r\nSubject: Delete my data\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n")
	b.WriteString("<html><body><p>Please delete my account and all personal data you hold about me.</p><table>")
	for i := 0; b.Len() < 1<<20; i++ {
		fmt.Fprintf(&b, "<tr><td class=\"c%d\"><b>Row %d</b></td><td>I do not want my account deleted, I only want a copy of my data &amp; more text.</td></tr>\n", i%7, i)
	}
	b.WriteString("</table></body></html>\r\n")
	return []byte(b.String())
}

func benchClassify(b *testing.B, raw []byte) {
	c, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	m := message.Parse(raw, message.Options{})
	if r := c.Classify(m); r.Kind != Request {
		b.Fatalf("kind %s (%s); the parsed mail is not what the benchmark means to measure", r.Kind, r.KindReason)
	}
	b.SetBytes(int64(len(m.Subject) + len(m.NewText)))
	b.ReportAllocs()
	start := cpuTime()
	n := 0
	for b.Loop() {
		c.Classify(m)
		n++
	}
	reportCPU(b, start, n)
}

// cpuTime is the process's user+system CPU time. The wall-clock ns/op of a
// benchmark on a loaded machine says little; cpu-ns/op says what the work
// costs.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, start time.Duration, n int) {
	if d := cpuTime() - start; n > 0 && d > 0 {
		b.ReportMetric(float64(d.Nanoseconds())/float64(n), "cpu-ns/op")
	}
}

// BenchmarkClassify5KB classifies a parsed typical 5 KB mail.
func BenchmarkClassify5KB(b *testing.B) { benchClassify(b, letter5KB()) }

// BenchmarkClassify1MBHTML classifies the parsed Message of a 1 MB HTML-only
// mail. Only the first 64 KiB of subject and new text are read (maxScan).
func BenchmarkClassify1MBHTML(b *testing.B) { benchClassify(b, html1MB()) }

// BenchmarkParseAndClassify1MBHTML includes message.Parse, for comparison.
func BenchmarkParseAndClassify1MBHTML(b *testing.B) {
	raw := html1MB()
	c, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	start := cpuTime()
	n := 0
	for b.Loop() {
		c.Classify(message.Parse(raw, message.Options{}))
		n++
	}
	reportCPU(b, start, n)
}

// BenchmarkCorpus classifies every parsed corpus mail in turn.
func BenchmarkCorpus(b *testing.B) {
	c, err := New(corpusOptions)
	if err != nil {
		b.Fatal(err)
	}
	var msgs []*message.Message
	for _, l := range readLabels(b) {
		raw, err := readCorpus(l.file)
		if err != nil {
			b.Fatal(err)
		}
		msgs = append(msgs, message.Parse(raw, message.Options{}))
	}
	b.ReportAllocs()
	i := 0
	start := cpuTime()
	for b.Loop() {
		c.Classify(msgs[i%len(msgs)])
		i++
	}
	reportCPU(b, start, i)
}

func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := New(Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
