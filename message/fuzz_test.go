package message

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func addTestdataSeeds(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.eml"))
	if err != nil || len(files) == 0 {
		f.Fatalf("no seeds: %v", err)
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add(genNested(60)())
	f.Add([]byte("Content-Type: multipart/mixed; boundary=a\n\n--a\nContent-Type: message/rfc822\n\nContent-Type: multipart/mixed; boundary=a\n\n--a\n--a--\n"))
}

// FuzzParse asserts that Parse never panics and that its output is valid
// UTF-8 and bounded, whatever the input.
func FuzzParse(f *testing.F) {
	addTestdataSeeds(f)
	f.Fuzz(func(t *testing.T, raw []byte) {
		opt := Options{MaxBytes: 1 << 20}
		m := Parse(raw, opt)
		checkInvariants(t, m, opt)
	})
}

// FuzzSplitQuoted asserts that the splitter never panics, keeps its output
// valid UTF-8 and within the input's size, and that each line of its
// output comes from the input.
func FuzzSplitQuoted(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.eml"))
	for _, name := range files {
		b, _ := os.ReadFile(name)
		f.Add(Parse(b, Options{}).Text)
	}
	f.Add("a\n> b\nOn Mon, 1 Jan 2026 at 10:00, X <x@y> wrote:\n> c\n-- \nsig\n")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			text = strings.ToValidUTF8(text, "\uFFFD")
		}
		n, q, _ := splitQuoted(text)
		if !utf8.ValidString(n) || !utf8.ValidString(q) {
			t.Fatalf("invalid UTF-8 out")
		}
		if len(n) > len(text) || len(q) > len(text) {
			t.Fatalf("output longer than input: %d, %d > %d", len(n), len(q), len(text))
		}
		src := strings.ReplaceAll(text, "\r\n", "\n")
		for _, l := range strings.Split(n+"\n"+q, "\n") {
			if l != "" && !strings.Contains(src, l) {
				t.Fatalf("line %q not from the input", l)
			}
		}
	})
}

// mail5KB is a typical customer mail: multipart/alternative, QP, a quoted
// earlier mail, about 5 KB.
func mail5KB() []byte {
	var b bytes.Buffer
	b.WriteString("Received: from mx.example.nl by mx.example.org; Mon, 2 Mar 2026 10:00:00 +0100\r\n")
	b.WriteString("From: =?utf-8?q?J=C3=B6rg_M=C3=BCller?= <jorg@example.de>\r\nTo: privacy@example.org\r\n")
	b.WriteString("Subject: =?utf-8?q?Re=3A_Auskunft_=C3=BCber_meine_Daten?=\r\nDate: Mon, 2 Mar 2026 10:00:00 +0100\r\n")
	b.WriteString("Message-ID: <bench@example.de>\r\nIn-Reply-To: <a@x>\r\nReferences: <r@x> <a@x>\r\n")
	b.WriteString("MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"BB\"\r\n\r\n--BB\r\n")
	b.WriteString("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n")
	b.WriteString("Bitte um Auskunft =C3=BCber meine Daten nach Art. 15 DSGVO.\r\n\r\n")
	b.WriteString("Am 01.03.2026 um 10:00 schrieb Privacy <privacy@example.org>:\r\n")
	for i := 0; b.Len() < 2800; i++ {
		fmt.Fprintf(&b, "> Zeile %d der urspr=C3=BCnglichen Nachricht mit etwas Text.\r\n", i)
	}
	b.WriteString("--BB\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>Bitte um Auskunft &uuml;ber meine Daten.</p><blockquote>")
	for b.Len() < 5000 {
		b.WriteString("<div>Zeile der urspr&uuml;nglichen Nachricht.</div>")
	}
	b.WriteString("</blockquote></body></html>\r\n--BB--\r\n")
	return b.Bytes()
}

// mail1MBHTML is an HTML-only mail of about 1 MB.
func mail1MBHTML() []byte {
	var b bytes.Buffer
	b.WriteString("From: a@example.com\r\nSubject: big\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><head><style>p{}</style></head><body>")
	for b.Len() < 1<<20 {
		b.WriteString("<div><p>Bitte l&ouml;schen Sie <b>alle</b> meine Daten &amp; Konten.<br>Danke.</p><table><tr><td>1</td><td>2</td></tr></table></div>\n")
	}
	b.WriteString("</body></html>\r\n")
	return b.Bytes()
}

func BenchmarkParse5KB(b *testing.B) {
	raw := mail5KB()
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		Parse(raw, Options{})
	}
}

func BenchmarkParse1MBHTML(b *testing.B) {
	raw := mail1MBHTML()
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		Parse(raw, Options{})
	}
}

func TestBenchmarkInputs(t *testing.T) {
	m := Parse(mail5KB(), Options{})
	if m.NewText != "Bitte um Auskunft über meine Daten nach Art. 15 DSGVO." {
		t.Errorf("5KB NewText = %q", m.NewText)
	}
	m = Parse(mail1MBHTML(), Options{})
	if !m.FromHTML || !strings.HasPrefix(m.Text, "Bitte löschen Sie alle meine Daten & Konten.\nDanke.") {
		t.Errorf("1MB Text starts %q", truncateUTF8(m.Text, 100))
	}
}
