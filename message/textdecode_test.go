package message

import (
	"bytes"
	"encoding/base64"
	"math/rand/v2"
	"net/mail"
	nettextproto "net/textproto"
	"strings"
	"testing"
	"time"
)

// The single-pass decoders must agree with the step-by-step ones they
// replace in the hot path (decodeQP, decodeBase64, fixUTF8, decodeCP1252,
// cleanText, net/mail.ParseDate), which keep their own tests.

// checkTextDecoders compares the fused decoders with the plain ones on b.
func checkTextDecoders(t *testing.T, b []byte) {
	t.Helper()
	if got, want := decodeQPTo(nil, b), decodeQP(b); !bytes.Equal(got, want) {
		t.Fatalf("decodeQPTo(%q) = %q, want %q", b, got, want)
	}
	if got, want := qpSize(b), len(decodeQP(b)); got != want {
		t.Fatalf("qpSize(%q) = %d, want %d", b, got, want)
	}
	got, gotOK := decodeBase64To([]byte("junk"), b)
	want, wantOK := decodeBase64(b)
	if !bytes.Equal(got, append([]byte("junk"), want...)) || gotOK != wantOK {
		t.Fatalf("decodeBase64To(%q) = %q, %v; want %q, %v", b, got, gotOK, want, wantOK)
	}
	if got, want := base64Size(b), len(want); got != want {
		t.Fatalf("base64Size(%q) = %d, want %d", b, got, want)
	}
	fixed, fixedOK := fixUTF8(b)
	if s, ok := cleanBytes(b, false); s != cleanText(fixed) || ok != fixedOK {
		t.Fatalf("cleanBytes(%q, utf-8) = %q, %v; want %q, %v", b, s, ok, cleanText(fixed), fixedOK)
	}
	if s, _ := cleanBytes(b, true); s != cleanText(decodeCP1252(b)) {
		t.Fatalf("cleanBytes(%q, cp1252) = %q, want %q", b, s, cleanText(decodeCP1252(b)))
	}
	for _, cs := range []string{"", "UTF-8", " \"utf-8\"", "\" utf-8\"", "latin1", "windows-1252", "ISO-8859-15", "x-foo"} {
		s, p := decodeCharset(b, cs, 1<<20)
		if gs, gp := decodeText(b, cs, 1<<20); gs != cleanText(s) || gp != p {
			t.Fatalf("decodeText(%q, %q) = %q, %q; want %q, %q", b, cs, gs, gp, cleanText(s), p)
		}
	}
	if s, ok := fixUTF8String(string(b)); s != fixed || ok != fixedOK {
		t.Fatalf("fixUTF8String(%q) = %q, %v", b, s, ok)
	}
	checkSimpleAddress(t, string(b))
	if got, want := trimmedEndsWithColon(string(b)), strings.HasSuffix(strings.TrimSpace(string(b)), ":"); got != want {
		t.Fatalf("trimmedEndsWithColon(%q) = %v", b, got)
	}
}

// checkSimpleAddress compares the fast address parser with net/mail.
func checkSimpleAddress(t *testing.T, s string) {
	t.Helper()
	a := simpleAddress(s)
	if a == nil {
		return
	}
	p := mail.AddressParser{WordDecoder: plainWordDecoder}
	l, err := p.ParseList(s)
	if err != nil || len(l) != 1 || l[0].Name != a.Name || l[0].Address != a.Address {
		t.Fatalf("simpleAddress(%q) = %q <%s>; net/mail: %v, %v", s, a.Name, a.Address, l, err)
	}
}

func TestSimpleAddress(t *testing.T) {
	for _, c := range []struct {
		in, name, addr string
	}{
		{"a@b", "", "a@b"},
		{"first.last+tag@sub.example.org", "", "first.last+tag@sub.example.org"},
		{"Privacy Team <privacy@example.org>", "Privacy Team", "privacy@example.org"},
		{"<x@y.z>", "", "x@y.z"},
		{"O'Brien <o@b.ie>", "O'Brien", "o@b.ie"},
		{"a@b (comment)", "-", ""},
		{"J. Doe <j@d.e>", "-", ""},
		{"Jane  Doe <j@d.e>", "-", ""},
		{"=?utf-8?q?J=C3=B6rg?= <j@d.e>", "-", ""},
		{"\"Doe, Jane\" <j@d.e>", "-", ""},
		{".a@b", "-", ""}, {"a.@b", "-", ""}, {"a..b@c", "-", ""}, {"a@b.", "-", ""}, {"a@", "-", ""}, {"@b", "-", ""},
		{"Name <a@b> ", "-", ""}, {" a@b", "-", ""}, {"Name <a@b>, c@d", "-", ""}, {"Name < a@b>", "-", ""},
		{"Jörg <j@d.e>", "-", ""}, {"a@b, c@d", "-", ""}, {"Name<a@b>", "-", ""}, {"", "-", ""},
	} {
		a := simpleAddress(c.in)
		if c.name == "-" {
			if a != nil {
				t.Errorf("simpleAddress(%q) = %+v, want nil (net/mail's job)", c.in, a)
			}
			continue
		}
		if a == nil || a.Name != c.name || a.Address != c.addr {
			t.Errorf("simpleAddress(%q) = %+v, want %q <%s>", c.in, a, c.name, c.addr)
		}
		checkSimpleAddress(t, c.in)
	}
}

func TestTextDecodersAgree(t *testing.T) {
	fixed := []string{
		"", "=", "==", "=4", "=41", "=4g", "= \r\n", "=\r", "=\rx", "= \t", "a=\nb", "=3D=\r\n=E2=82=AC",
		"aGVsbG8=", "aGVsbG8", "aGVsbG", "a", "ab", "abc", "abcde", "-_-_", "aGVs*bG8=", "a\r\nb\r\nc\r\nd",
		"\r", "\r\n", "\n\r", "a\rb", "\x00\x7f\t", "\uFEFFx\uFEFF", "\u0085\u0080\u009f\u00a0", "\xef\xbb", "\xef\xbb\xbf",
		"\xc2", "\xc2\x85", "\xc2\x85x", "\x85", "\x81\x8d\x8f\x90\x9d\x80\x9f", "caf\xe9", "\xff\xfe", "\xed\xa0\x80",
		"\xf4\x90\x80\x80", "\U0010FFFF", "a:", "a: \t\r", "a:\u00a0", "a:\u0085", ":\u3000", "\u00e9:", "\uFFFD", "\xe2\x82", "Gr\xfc\xdfe\r\n", "€ — “quotes” ’",
	}
	for _, s := range fixed {
		checkTextDecoders(t, []byte(s))
	}
	// Random inputs over an alphabet dense in the special cases.
	alphabet := []byte("=\r\n \tA3Dfgz+/-_@.<>:\v\f\x00\x7f\x80\x85\x9f\xa0\xbb\xbf\xc2\xc3\xe2\xef\xf0\xff")
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		b := make([]byte, r.IntN(24))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		checkTextDecoders(t, b)
	}
	// Real base64 of random bytes, with line breaks.
	for range 200 {
		raw := make([]byte, r.IntN(300))
		for i := range raw {
			raw[i] = byte(r.Uint32())
		}
		enc := []byte(base64.StdEncoding.EncodeToString(raw))
		var lines []byte
		for len(enc) > 76 {
			lines = append(append(lines, enc[:76]...), '\r', '\n')
			enc = enc[76:]
		}
		lines = append(lines, enc...)
		got, ok := decodeBase64To(nil, lines)
		if !bytes.Equal(got, raw) || !ok || base64Size(lines) != len(raw) {
			t.Fatalf("base64 of %d random bytes: got %d bytes, ok %v, size %d", len(raw), len(got), ok, base64Size(lines))
		}
		checkTextDecoders(t, lines)
	}
}

func FuzzTextDecoders(f *testing.F) {
	f.Add([]byte("=3D=\r\n=E2=82=AC\xc2\x85\uFEFF\r\x81"))
	f.Add([]byte("aGVsbG8gd29y\r\nbGQ"))
	f.Add([]byte("Privacy Team <privacy@example.org>"))
	f.Add([]byte("first.last+tag@sub.example.org"))
	f.Fuzz(func(t *testing.T, b []byte) {
		checkTextDecoders(t, b)
		checkDate(t, string(b))
	})
}

// checkDate compares parseDate with net/mail.ParseDate on values both
// accept, and checks the range rule.
func checkDate(t *testing.T, v string) {
	t.Helper()
	got, ok := parseDate(v)
	if !ok || got.IsZero() {
		return
	}
	if got.Year() < 1970 || got.Year() > 9999 {
		t.Fatalf("parseDate(%q) = %v outside the range", v, got)
	}
	if want, err := mail.ParseDate(v); err == nil && (!got.Equal(want) || got.Location().String() != want.Location().String()) {
		_, off1 := got.Zone()
		_, off2 := want.Zone()
		t.Fatalf("parseDate(%q) = %v (%d), net/mail says %v (%d)", v, got, off1, want, off2)
	}
}

func TestParseDateAgrees(t *testing.T) {
	for _, v := range []string{
		"Mon, 2 Mar 2026 10:00:00 +0100", "Mon, 02 Mar 2026 10:00:00 -0800", "mon, 2 mar 2026 10:00:00 +0000",
		"Mon,  2 Mar 2026  10:00:00  +0100", "Mon, 2 Mar 2026 10:00:00.123 +0100", "Tue, 2 Mar 2026 10:00:00 +0100",
		"Mon, 2 Mar 2026 10:00:00 +0100 (CET)", "2 Mar 2026 10:00:00 +0100", "Mon, 2 Mar 26 10:00:00 +0100",
		"Mon, 2 Mar 2026 10:00 +0100", "Mon, 2 Mar 2026 10:00:00 GMT", "Mon, 2 Mar 1969 10:00:00 +0100",
		"Mon, 2 Mar 2026 25:00:00 +0100", "Mon, 31 Feb 2026 10:00:00 +0100", "Mon, 2 Mar 2026 10:00:00 +2400",
	} {
		checkDate(t, v)
	}
	want := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	if got, ok := parseDate("Mon, 2 Mar 2026 10:00:00 +0100"); !ok || !got.Equal(want) {
		t.Errorf("parseDate = %v, %v", got, ok)
	}
}

func TestEssentialName(t *testing.T) {
	names := []string{"x-filler", "Received", "DKIM-Signature", "Fro", "Fromm", "From_", "Message_Id", "Subjec t", "List-Id(x)"}
	for _, k := range essentialKeys {
		names = append(names, k, strings.ToLower(k), strings.ToUpper(k))
	}
	for _, n := range names {
		want := essentialHeader(nettextproto.CanonicalMIMEHeaderKey(n))
		if got := essentialName([]byte(n)); got != want {
			t.Errorf("essentialName(%q) = %v, want %v", n, got, want)
		}
	}
	for _, k := range essentialKeys {
		if !essentialHeader(k) {
			t.Errorf("%q in essentialKeys but not essentialHeader", k)
		}
	}
}
