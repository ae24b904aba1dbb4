package hostile

import (
	"bytes"
	"context"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	xhtml "golang.org/x/net/html"

	"privacyd/internal/smtptest"
	"privacyd/message"
)

// outcome is what privacyd must do with a mail.
type outcome int

const (
	// opensCase: a new case for the sender, who gets exactly one mail (the
	// acknowledgement or the identity check); staff are told.
	opensCase outcome = iota
	// showsStaff: no case; staff see the mail; the sender gets nothing.
	showsStaff
	// recordsOnly: no case and no mail to anyone.
	recordsOnly
)

func (o outcome) String() string {
	return [...]string{"opens a case", "shown to staff", "recorded only"}[o]
}

type hostileMail struct {
	name   string
	raw    func(t *testing.T) []byte
	from   string // the sender's address
	want   outcome
	big    bool   // skipped under -short
	yaml   string // extra configuration
	budget time.Duration
	check  func(t *testing.T, e *env, raw []byte)
}

func file(name string) func(t *testing.T) []byte {
	return func(t *testing.T) []byte {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
}

func gen(f func() []byte) func(t *testing.T) []byte { return func(*testing.T) []byte { return f() } }

// corpus is the hostile-mail corpus with each mail's expected outcome.
var corpus = []hostileMail{
	{name: "multipart without boundary", raw: file("no-boundary.eml"), from: "nora@example.net", want: opensCase},
	{name: "boundary declared but not used", raw: file("broken-boundary.eml"), from: "bruno@example.net", want: opensCase},
	{name: "8-bit UTF-8 headers, Latin-1 body", raw: file("8bit-headers.eml"), from: "jose@example.net", want: opensCase,
		check: func(t *testing.T, e *env, _ []byte) { wantName(t, e, "Jos\u00e9 M\u00fcller") }},
	{name: "8-bit Latin-1 headers", raw: file("latin1-headers.eml"), from: "renee@example.net", want: opensCase},
	{name: "invalid UTF-8 in headers and body", raw: file("invalid-utf8.eml"), from: "ivan@example.net", want: opensCase},
	{name: "unknown charset", raw: file("unknown-charset.eml"), from: "kira@example.net", want: opensCase},
	{name: "25 MB attachment", raw: gen(func() []byte { return genBigAttachment(25 << 20) }), from: "petra@example.net",
		want: opensCase, big: true, budget: 20 * time.Second},
	{name: "1 MB single line", raw: gen(func() []byte { return genLongLine(1 << 20) }), from: "lena@example.net", want: opensCase},
	{name: "100-level nested multiparts", raw: gen(func() []byte { return genNested(100) }), from: "nils@example.net", want: opensCase},
	{name: "10,000 headers after the real ones", raw: gen(func() []byte { return genManyHeaders(10000, false) }), from: "hugo@example.net", want: opensCase},
	// KNOWN LIMIT (message package): past 1,000 fields or 1 MiB of header,
	// every field is ignored, From and Subject too, so the case has no
	// requester and nobody but staff is mailed. Safe (no crash, no loop, the
	// mail is kept and staff see it), but staff must find the sender in the
	// raw mail. Only the safety properties are asserted.
	{name: "10,000 Received headers before the real ones", raw: gen(func() []byte { return genManyHeaders(10000, true) }), from: "hugo@example.net",
		want: opensCase},
	{name: "huge Subject, 1,000 From addresses, 10,000 References", raw: gen(genHugeFields), from: "fiona@example.net", want: opensCase,
		check: func(t *testing.T, e *env, _ []byte) {
			for _, m := range e.SMTP.Messages() {
				if len(m.Raw) > 200<<10 {
					t.Errorf("a %d-byte mail to %v: the huge fields were copied", len(m.Raw), m.To)
				}
				if n := strings.Count(m.Header.Get("References"), "<"); n > 25 {
					t.Errorf("References of the mail to %v has %d IDs", m.To, n)
				}
			}
		}},
	{name: "HTML bomb", raw: gen(genHTMLBomb), from: "hilde@example.net", want: opensCase},
	{name: "zip attachment, never unpacked", raw: gen(genZip), from: "zara@example.net", want: opensCase,
		check: func(t *testing.T, e *env, raw []byte) {
			if !bytes.Contains(raw, []byte(zipMarker)) {
				t.Fatal("the test zip does not hold its marker in the clear")
			}
			for _, m := range e.SMTP.Messages() {
				if bytes.Contains(m.Raw, []byte(zipMarker)) {
					t.Errorf("the content of the zip reached a mail to %v", m.To)
				}
			}
			if n := e.count(`SELECT COUNT(*) FROM messages WHERE classification LIKE '%' || ? || '%'`, zipMarker); n != 0 {
				t.Error("the content of the zip reached the classification")
			}
			p := message.Parse(raw, message.Options{})
			if len(p.Attachments) != 1 || p.Attachments[0].Filename != "docs.zip" || p.Attachments[0].MediaType != "application/zip" {
				t.Errorf("attachments %+v, want docs.zip listed", p.Attachments)
			}
		}},
	{name: "CRLF in display name and subject", raw: file("crlf-name.eml"), from: "eve@example.net", want: opensCase,
		check: func(t *testing.T, e *env, _ []byte) {
			for _, m := range e.SMTP.Messages() {
				for _, bad := range []string{"victim@example.com", "victim2@example.com"} {
					if slices.Contains(m.To, bad) {
						t.Errorf("a mail went to the injected %s", bad)
					}
				}
				if m.Header.Get("X-Injected") != "" || m.Header.Get("Bcc") != "" {
					t.Errorf("injected header in the mail to %v: %v", m.To, m.Header)
				}
			}
		}},
	{name: "HTML in display name and subject", raw: file("html-name.eml"), from: "mallory@example.net", want: opensCase,
		check: func(t *testing.T, e *env, _ []byte) {
			for _, m := range e.SMTP.Messages() {
				html := htmlPart(t, m)
				if html == "" {
					t.Errorf("the mail to %v has no HTML part", m.To)
					continue
				}
				assertNoInjectedMarkup(t, m.To, html)
			}
		}},
	{name: "Message-ID missing", raw: file("no-message-id.eml"), from: "mona@example.net", want: opensCase},
	{name: "Date missing", raw: file("no-date.eml"), from: "dirk@example.net", want: opensCase},
	{name: "Message-ID and Date missing, no MIME", raw: file("no-id-no-date.eml"), from: "xena@example.net", want: opensCase},
	{name: "headers only, empty subject", raw: file("headers-only.eml"), from: "hank@example.net", want: showsStaff},
	{name: "binary garbage", raw: file("garbage.eml"), from: "", want: recordsOnly},
	{name: "binary garbage after a header", raw: file("garbage-body.eml"), from: "", want: recordsOnly},
	{name: "oversized: only a prefix parsed, kept whole", raw: gen(func() []byte { return genOversized(200 << 10) }),
		from: "otto@example.net", want: opensCase, yaml: "limits:\n  max_parse_bytes: 65536\n",
		check: func(t *testing.T, e *env, raw []byte) {
			if len(raw) < 3*65536 {
				t.Fatalf("the oversized mail is only %d bytes", len(raw))
			}
			for _, m := range e.SMTP.Messages() {
				if bytes.Contains(m.Raw, []byte(oversizeMarker)) {
					t.Errorf("text beyond the parse limit reached the mail to %v", m.To)
				}
			}
			// The staff notice carries the request text from the prefix.
			if staff := e.SentTo(e.Staff); len(staff) == 0 || !strings.Contains(message.Parse(staff[0].Raw, message.Options{}).Text, "delete my account") {
				t.Errorf("the staff notice lacks the request text of the parsed prefix")
			}
		}},
}

// TestHostileCorpus runs every mail of the corpus through the real path: it
// is appended to an IMAP server, read by the daemon's reader, stored and
// answered by the tracker and sent by the outbox to an SMTP sink.
func TestHostileCorpus(t *testing.T) {
	for _, hm := range corpus {
		t.Run(hm.name, func(t *testing.T) {
			if hm.big && testing.Short() {
				t.Skip("big mail skipped under -short")
			}
			raw := hm.raw(t)
			e := newEnv(t, envOpts{extraYAML: hm.yaml})
			e.appendRaw(raw)
			budget := hm.budget
			if budget == 0 {
				budget = 10 * time.Second
			}
			start := time.Now()
			done := make(chan struct{})
			var read int
			go func() {
				defer close(done)
				read, _ = e.Process()
			}()
			select {
			case <-done:
			case <-time.After(budget):
				t.Fatalf("processing took longer than %v: a hang", budget)
			}
			took := time.Since(start)
			t.Logf("%d bytes processed in %v", len(raw), took.Round(time.Millisecond))
			if read != 1 {
				t.Fatalf("the reader delivered %d mails, want 1", read)
			}
			assertKeptWhole(t, e)
			assertOutcome(t, e, hm.from, hm.want)
			for _, m := range e.SMTP.Messages() {
				assertSafeHeaders(t, m)
			}
			if hm.check != nil {
				hm.check(t, e, raw)
			}
			// Nothing happens twice and nothing loops: another pass reads and sends nothing.
			if r, s := e.Process(); r != 0 || s != 0 {
				t.Errorf("a second pass read %d and sent %d mails", r, s)
			}
		})
	}
}

// assertKeptWhole checks that the one stored mail is the whole mail as the
// IMAP server hands it out (BODY[]).
func assertKeptWhole(t *testing.T, e *env) {
	t.Helper()
	want := e.fetchBody(1)
	var size, stored int
	if err := e.db().QueryRow(`SELECT size, length(raw) FROM messages`).Scan(&size, &stored); err != nil {
		t.Fatalf("the mail is not in the register: %v", err)
	}
	if size != len(want) || stored != len(want) {
		t.Errorf("stored %d bytes (size %d) of a %d-byte mail", stored, size, len(want))
	}
	var same int
	if err := e.db().QueryRow(`SELECT raw = ? FROM messages`, want).Scan(&same); err != nil || same != 1 {
		t.Errorf("the stored mail differs from the one on the server (%v)", err)
	}
}

func assertOutcome(t *testing.T, e *env, from string, want outcome) {
	t.Helper()
	cases := e.Cases()
	var toSender int
	if from != "" {
		toSender = len(e.SentTo(from))
	}
	toStaff := len(e.SentTo(e.Staff))
	total := len(e.SMTP.Messages())
	got := "?"
	switch {
	case len(cases) == 1 && toSender == 1 && toStaff == 1 && total == 2:
		got = opensCase.String()
	case len(cases) == 0 && toSender == 0 && toStaff == 1 && total == 1:
		got = showsStaff.String()
	case len(cases) == 0 && total == 0:
		got = recordsOnly.String()
	}
	if got != want.String() {
		t.Fatalf("outcome: %d cases, %d mails to the sender, %d to staff, %d in all (%s); want %s",
			len(cases), toSender, toStaff, total, got, want)
	}
	if want == opensCase && cases[0].Requester != from {
		t.Errorf("case requester %q, want %q", cases[0].Requester, from)
	}
}

// allowedHeaders are the only header fields privacyd writes.
var allowedHeaders = []string{"From", "To", "Subject", "Date", "Message-Id", "In-Reply-To", "References", "Auto-Submitted",
	"X-Auto-Response-Suppress", "User-Agent", "X-Mailer", "Mime-Version", "Content-Type", "Content-Transfer-Encoding"}

// assertSafeHeaders parses what the SMTP sink received: only the fields
// privacyd writes, each once, one To address that is the envelope recipient.
func assertSafeHeaders(t *testing.T, m smtptest.Message) {
	t.Helper()
	pm, err := mail.ReadMessage(bytes.NewReader(m.Raw))
	if err != nil {
		t.Errorf("a mail to %v does not parse: %v", m.To, err)
		return
	}
	for k, v := range pm.Header {
		if !slices.Contains(allowedHeaders, k) {
			t.Errorf("mail to %v has an unexpected header %s: %q", m.To, k, v)
		}
		if len(v) != 1 {
			t.Errorf("mail to %v has %d %s headers", m.To, len(v), k)
		}
	}
	to, err := pm.Header.AddressList("To")
	if err != nil || len(to) != len(m.To) {
		t.Errorf("To %v (%v) vs envelope %v", to, err, m.To)
	}
	for _, a := range to {
		if !slices.Contains(m.To, strings.ToLower(a.Address)) {
			t.Errorf("To %s is not an envelope recipient %v", a.Address, m.To)
		}
	}
	if _, err := pm.Header.AddressList("From"); err != nil {
		t.Errorf("From does not parse: %v", err)
	}
	dec := mime.WordDecoder{}
	if _, err := dec.DecodeHeader(pm.Header.Get("Subject")); err != nil {
		t.Errorf("Subject does not decode: %v", err)
	}
}

// htmlPart returns the decoded text/html part of a captured mail.
func htmlPart(t *testing.T, m smtptest.Message) string {
	t.Helper()
	pm, err := mail.ReadMessage(bytes.NewReader(m.Raw))
	if err != nil {
		t.Fatal(err)
	}
	return findHTML(t, pm.Header.Get("Content-Type"), pm.Header.Get("Content-Transfer-Encoding"), pm.Body)
}

func findHTML(t *testing.T, ct, cte string, body io.Reader) string {
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return ""
	}
	if strings.HasPrefix(mt, "multipart/") {
		mr := multipart.NewReader(body, params["boundary"])
		for {
			p, err := mr.NextRawPart()
			if err != nil {
				return ""
			}
			if s := findHTML(t, p.Header.Get("Content-Type"), p.Header.Get("Content-Transfer-Encoding"), p); s != "" {
				return s
			}
		}
	}
	if mt != "text/html" {
		return ""
	}
	var r io.Reader = body
	if strings.EqualFold(cte, "quoted-printable") {
		r = quotedPrintable(body)
	}
	b, _ := io.ReadAll(r)
	return string(b)
}

// assertNoInjectedMarkup checks that html has no element or attribute that
// could have come from a sender's name or subject: no script, img or iframe,
// no event handler, no link off the organisation's own addresses.
func assertNoInjectedMarkup(t *testing.T, to []string, html string) {
	t.Helper()
	z := xhtml.NewTokenizer(strings.NewReader(html))
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			return
		}
		if tt != xhtml.StartTagToken && tt != xhtml.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		switch tok.Data {
		case "script", "img", "iframe", "object", "embed", "form":
			t.Errorf("mail to %v: injected <%s>", to, tok.Data)
		}
		for _, a := range tok.Attr {
			if strings.HasPrefix(strings.ToLower(a.Key), "on") || strings.Contains(a.Val, "evil.example") {
				t.Errorf("mail to %v: injected attribute %s=%q on <%s>", to, a.Key, a.Val, tok.Data)
			}
		}
	}
}

// wantName checks that the case keeps the sender's decoded display name.
func wantName(t *testing.T, e *env, name string) {
	t.Helper()
	d, err := e.D.Tracker.Case(context.Background(), e.Cases()[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if d.RequesterName != name {
		t.Errorf("requester name %q, want %q", d.RequesterName, name)
	}
}
