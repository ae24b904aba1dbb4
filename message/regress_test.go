package message

import (
	"slices"
	"strings"
	"testing"
)

// A msg-id list ending in a lone "<" used to panic in ParseMsgIDs, which
// Parse recovered from by dropping the body.
func TestMsgIDsLoneBracket(t *testing.T) {
	for _, s := range []string{"<", "<a@b> <", "<a@b> < \t"} {
		got := ParseMsgIDs(s)
		want := []string{}
		if strings.Contains(s, "a@b") {
			want = []string{"a@b"}
		}
		if len(got) != len(want) || !slices.Equal(got, want) {
			t.Errorf("ParseMsgIDs(%q) = %q, want %q", s, got, want)
		}
	}
	m := Parse([]byte("From: a@example.com\r\nMessage-ID: <x@example.com> <\r\nReferences: <r@example.com> <\r\n\r\nthe body\r\n"), Options{})
	eq(t, "MessageID", m.MessageID, "x@example.com")
	eq(t, "Text", m.Text, "the body")
	if len(m.References) != 1 || m.References[0] != "r@example.com" {
		t.Errorf("References = %q", m.References)
	}
	for _, p := range m.Problems {
		if strings.Contains(p, "internal error") {
			t.Errorf("problem %q", p)
		}
	}
}

// A <meta charset> after non-ASCII bytes used to be looked up at a
// shifted offset (and could panic, losing the part).
func TestHTMLMetaCharsetAfterLatin1(t *testing.T) {
	raw := "From: a@example.com\r\nContent-Type: text/html\r\n\r\n" +
		"<!-- caf\xe9 \xe9\xe9\xe9 --><html><head><meta charset=\"windows-1252\"></head><body><p>caf\xe9 cr\xe8me</p></body></html>\r\n"
	if got := htmlMetaCharset([]byte(raw[strings.Index(raw, "<!--"):])); got != "windows-1252" {
		t.Errorf("htmlMetaCharset = %q", got)
	}
	m := Parse([]byte(raw), Options{})
	eq(t, "Text", m.Text, "café crème")
	for _, p := range m.Problems {
		if strings.Contains(p, "internal error") || strings.Contains(p, "charset") {
			t.Errorf("problem %q", p)
		}
	}
}

// A template that escaped its own markup sends the HTML source as the
// text of an HTML part ("&lt;html&gt;&lt;body&gt;&lt;p&gt;Hoi Bram,..."):
// it is read once more, so its words are text and its tags are gone; a
// mail that only talks about tags is left as it is.
func TestHTMLPartWithEscapedHTML(t *testing.T) {
	raw := "From: a@example.com\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" +
		"<html><body><p>&lt;html&gt;&lt;body&gt;&lt;p&gt;Hoi Bram,&lt;/p&gt;&lt;p&gt;Vorige week hielp &lt;b&gt;Lotte&lt;/b&gt; je.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</p></body></html>\r\n"
	m := Parse([]byte(raw), Options{})
	if strings.Contains(m.Text, "<p>") || !strings.Contains(m.Text, "Hoi Bram,") || !strings.Contains(m.Text, "Vorige week hielp Lotte je.") {
		t.Errorf("Text = %q", m.Text)
	}
	found := false
	for _, p := range m.Problems {
		found = found || strings.Contains(p, "escaped HTML")
	}
	if !found {
		t.Errorf("Problems = %q, want one about escaped HTML", m.Problems)
	}
	raw = "From: a@example.com\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" +
		"<p>Uw mail toonde &lt;p&gt; tussen de woorden.</p>\r\n"
	if m := Parse([]byte(raw), Options{}); m.Text != "Uw mail toonde <p> tussen de woorden." {
		t.Errorf("Text = %q", m.Text)
	}
}
