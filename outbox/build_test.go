package outbox

import (
	"bytes"
	"flag"
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
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// ackMail is a threaded, automatic acknowledgement with text and HTML, as the
// tracker queues it.
func ackMail() Mail {
	return Mail{
		ID:            7,
		CaseID:        "DSR-2026-0042",
		Kind:          "ack",
		From:          "privacy@example.org",
		FromName:      "Privacy Team Example B.V.",
		To:            []string{"jorg@example.de"},
		Subject:       "Re: Auskunftsersuchen [DSR-2026-0042] – Eingangsbestätigung",
		Text:          "Guten Tag,\n\nwir haben Ihre Anfrage am 5. März 2026 erhalten.\nSie erhalten unsere Antwort spätestens am 7. April 2026.\n",
		HTML:          "<p>Guten Tag,</p>\n<p>wir haben Ihre Anfrage am 5.&nbsp;März 2026 erhalten.</p>\n",
		MessageID:     "DSR-2026-0042.ack.1@privacy.example.org",
		InReplyTo:     "abc123@example.de",
		References:    []string{"root@example.de"},
		AutoSubmitted: true,
		Date:          time.Date(2026, 3, 5, 10, 0, 0, 0, time.FixedZone("CET", 3600)),
	}
}

func TestRenderGolden(t *testing.T) {
	got, err := Render(ackMail())
	if err != nil {
		t.Fatalf("Render() = %v", err)
	}
	path := filepath.Join("testdata", "ack.golden")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update once)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("Render() differs from %s (go test -update rewrites it):\n%s", path, got)
	}
	again, _ := Render(ackMail())
	if !bytes.Equal(got, again) {
		t.Errorf("Render() is not deterministic")
	}
}

// TestRenderHeaders checks the rendered acknowledgement by parsing it, not
// by comparing bytes, so it holds whatever go-mail's header order is.
func TestRenderHeaders(t *testing.T) {
	m := ackMail()
	raw, err := Render(m)
	if err != nil {
		t.Fatalf("Render() = %v", err)
	}
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("mail.ReadMessage() = %v", err)
	}
	h := msg.Header
	check := func(name, want string) {
		t.Helper()
		if got := h.Get(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	check("Message-ID", "<DSR-2026-0042.ack.1@privacy.example.org>")
	check("In-Reply-To", "<abc123@example.de>")
	check("References", "<root@example.de> <abc123@example.de>")
	check("Auto-Submitted", "auto-replied")
	check("X-Auto-Response-Suppress", "All")
	check("User-Agent", "privacyd")
	check("X-Mailer", "privacyd")
	check("MIME-Version", "1.0")
	if n := len(h["References"]); n != 1 {
		t.Errorf("%d References fields, want 1", n)
	}
	date, err := h.Date()
	if err != nil || !date.Equal(m.Date) {
		t.Errorf("Date = %v (%v), want %v", date, err, m.Date)
	}
	subj, err := new(mime.WordDecoder).DecodeHeader(h.Get("Subject"))
	if err != nil || subj != m.Subject {
		t.Errorf("Subject = %q (%v), want %q", subj, err, m.Subject)
	}
	from, err := mail.ParseAddress(h.Get("From"))
	if err != nil || from.Name != m.FromName || from.Address != m.From {
		t.Errorf("From = %+v (%v)", from, err)
	}
	to, err := h.AddressList("To")
	if err != nil || len(to) != 1 || to[0].Address != "jorg@example.de" {
		t.Errorf("To = %v (%v)", to, err)
	}

	// multipart/alternative: text/plain first, then text/html, both UTF-8 QP.
	mt, params, err := mime.ParseMediaType(h.Get("Content-Type"))
	if err != nil || mt != "multipart/alternative" {
		t.Fatalf("Content-Type = %q (%v)", h.Get("Content-Type"), err)
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	var types []string
	for {
		p, err := mr.NextPart() // decodes quoted-printable
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("NextPart() = %v", err)
		}
		ct, cp, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		types = append(types, ct)
		if cp["charset"] != "UTF-8" {
			t.Errorf("%s charset = %q", ct, cp["charset"])
		}
		body, _ := io.ReadAll(p)
		want := m.Text
		if ct == "text/html" {
			want = m.HTML
		}
		if got := strings.ReplaceAll(string(body), "\r\n", "\n"); got != want {
			t.Errorf("%s body = %q, want %q", ct, got, want)
		}
	}
	if !slices.Equal(types, []string{"text/plain", "text/html"}) {
		t.Errorf("parts = %v", types)
	}
	if !bytes.Contains(raw, []byte("Content-Transfer-Encoding: quoted-printable")) {
		t.Errorf("no quoted-printable part")
	}
}

func TestBuildNotAutomatic(t *testing.T) {
	m := ackMail()
	m.AutoSubmitted = false
	m.HTML = ""
	m.InReplyTo, m.References = "", nil
	raw, err := Render(m)
	if err != nil {
		t.Fatalf("Render() = %v", err)
	}
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Auto-Submitted", "X-Auto-Response-Suppress", "In-Reply-To", "References"} {
		if v, ok := msg.Header[name]; ok {
			t.Errorf("%s = %q, want absent", name, v)
		}
	}
	if ct := msg.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
		t.Errorf("Content-Type = %q, want text/plain only", ct)
	}
}

// TestBuildNoHeaderInjection feeds hostile values, as they may arrive from a
// customer's mail, into every header Build writes.
func TestBuildNoHeaderInjection(t *testing.T) {
	m := ackMail()
	m.FromName = "Privacy\r\nBcc: victim@example.net\r\nX-Evil: 1"
	m.Subject = "Hello\r\nBcc: victim@example.net\nX-Evil: 2"
	m.InReplyTo = "abc@example.de>\r\nBcc: victim@example.net"
	m.References = []string{"ok@example.de", "<bad\r\nX-Evil: 3>", "sp ace@example.de"}
	raw, err := Render(m)
	if err != nil {
		t.Fatalf("Render() = %v", err)
	}
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	for name := range msg.Header {
		if name == "Bcc" || name == "X-Evil" {
			t.Errorf("injected header %s: %q", name, msg.Header[name])
		}
	}
	from, err := mail.ParseAddress(msg.Header.Get("From"))
	if err != nil || from.Address != m.From || strings.ContainsAny(from.Name, "\r\n") {
		t.Errorf("From = %+v (%v)", from, err)
	}
	if from.Name != "Privacy Bcc: victim@example.net X-Evil: 1" {
		t.Errorf("From name = %q", from.Name)
	}
	if v := msg.Header.Get("In-Reply-To"); v != "" {
		t.Errorf("In-Reply-To = %q, want dropped", v)
	}
	if v := msg.Header.Get("References"); v != "<ok@example.de>" {
		t.Errorf("References = %q, want only the valid ID", v)
	}
	// Only the recipients we asked for are envelope recipients.
	b, _ := Build(m)
	rcpts, _ := b.GetRecipients() // go-mail writes them as <addr>
	if !slices.Equal(rcpts, []string{"<jorg@example.de>"}) {
		t.Errorf("recipients = %v", rcpts)
	}
}

func TestBuildReferences(t *testing.T) {
	tests := []struct {
		name      string
		refs      []string
		inReplyTo string
		want      string
	}{
		{"in-reply-to appended", []string{"a@x"}, "b@x", "<a@x> <b@x>"},
		{"in-reply-to already last", []string{"a@x", "b@x"}, "b@x", "<a@x> <b@x>"},
		{"in-reply-to moved to end", []string{"b@x", "a@x"}, "<b@x>", "<a@x> <b@x>"},
		{"brackets stripped", []string{"<a@x>"}, "", "<a@x>"},
		{"duplicates dropped", []string{"a@x", "a@x"}, "", "<a@x>"},
		{"only in-reply-to", nil, "b@x", "<b@x>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := ackMail()
			m.References, m.InReplyTo = tt.refs, tt.inReplyTo
			b, err := Build(m)
			if err != nil {
				t.Fatal(err)
			}
			if got := b.GetGenHeader("References"); len(got) != 1 || got[0] != tt.want {
				t.Errorf("References = %q, want %q", got, tt.want)
			}
		})
	}

	t.Run("long thread trimmed", func(t *testing.T) {
		m := ackMail()
		m.References = nil
		for i := range 30 {
			m.References = append(m.References, "r"+string(rune('a'+i%26))+strings.Repeat("x", i)+"@x")
		}
		m.InReplyTo = "last@x"
		b, err := Build(m)
		if err != nil {
			t.Fatal(err)
		}
		ids := strings.Fields(b.GetGenHeader("References")[0])
		if len(ids) != maxReferences || ids[0] != "<"+m.References[0]+">" || ids[len(ids)-1] != "<last@x>" {
			t.Errorf("References = %d IDs, first %s last %s", len(ids), ids[0], ids[len(ids)-1])
		}
		if ids[len(ids)-2] != "<"+m.References[29]+">" {
			t.Errorf("second to last = %s, want the newest reference", ids[len(ids)-2])
		}
	})
}

func TestBuildErrors(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Mail)
	}{
		{"no message id", func(m *Mail) { m.MessageID = "" }},
		{"message id with space", func(m *Mail) { m.MessageID = "a b@x" }},
		{"no recipients", func(m *Mail) { m.To = nil }},
		{"bad recipient", func(m *Mail) { m.To = []string{"not an address"} }},
		{"bad from", func(m *Mail) { m.From = "nobody" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := ackMail()
			tt.edit(&m)
			if _, err := Build(m); err == nil {
				t.Errorf("Build() = nil error")
			}
		})
	}
	// The recipient error must not quote the address (it is logged).
	m := ackMail()
	m.To = []string{"secret person <jan@"}
	if _, err := Build(m); err == nil || strings.Contains(err.Error(), "jan") {
		t.Errorf("Build() = %v", err)
	}
}

// FuzzRender feeds hostile values into the fields that can come from an
// incoming mail (subject, threading IDs, recipient) or the configuration
// (display name). Whatever Build accepts must render to a message whose
// header fields are exactly the ones privacyd writes, each once.
func FuzzRender(f *testing.F) {
	f.Add("Re: Auskunft", "abc@example.de", "root@example.de", "Privacy Team", "jorg@example.de")
	f.Add("Hi\r\nBcc: x@y", "a@b>\r\nX: y", "<c@d> <e@f>", "A\nB", "x@example.org")
	f.Add("=?UTF-8?q?=0D=0ABcc:_x@y?=", "", "", "\"quoted\\\" name\"", "\"odd local\"@example.org")
	f.Add(strings.Repeat("long subject ", 80), strings.Repeat("x", 300)+"@y", "r@s", "Ünïcödé", "a@[127.0.0.1]")
	allowed := map[string]bool{
		"Auto-Submitted": true, "Date": true, "In-Reply-To": true, "Mime-Version": true,
		"Message-Id": true, "References": true, "Subject": true, "User-Agent": true,
		"X-Auto-Response-Suppress": true, "X-Mailer": true, "From": true, "To": true,
		"Content-Type": true, "Content-Transfer-Encoding": true,
	}
	f.Fuzz(func(t *testing.T, subject, inReplyTo, ref, fromName, to string) {
		m := ackMail()
		m.Subject, m.InReplyTo, m.FromName, m.To = subject, inReplyTo, fromName, []string{to}
		m.References = strings.Split(ref, " ")
		raw, err := Render(m)
		if err != nil {
			return // refused is fine; the mail is then marked failed
		}
		msg, err := mail.ReadMessage(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("rendered message does not parse: %v\n%s", err, raw)
		}
		for name, vals := range msg.Header {
			if !allowed[name] {
				t.Errorf("unexpected header %q: %q", name, vals)
			}
			if len(vals) != 1 {
				t.Errorf("header %s appears %d times", name, len(vals))
			}
		}
		if got := msg.Header.Get("Message-Id"); got != "<"+m.MessageID+">" {
			t.Errorf("Message-ID = %q", got)
		}
		rcpts, err := msg.Header.AddressList("To")
		if err != nil || len(rcpts) != 1 {
			t.Errorf("To = %v, %v", rcpts, err)
		}
	})
}
