package templates

import (
	"fmt"
	htmltemplate "html/template"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unicode"
)

// refInputs are random strings full of what the hand-written matchers and
// fast paths look at: white space of every kind, control, bidi and invalid
// bytes, bullets, digits, quotes, markup and multi-byte letters.
func refInputs(n int) []string {
	pieces := []string{"a", "Zb", "é", "É", "ß", "İ", "K", "word", "label:", "#cmd", "12", "1", "3.", "7)", "123.",
		"-", "*", "•", "!", ">", "> ", ">>", " ", "  ", "   ", "\t", "\n", "\n\n", "\n \n", "\r", "\r\n", "\f", "\v",
		"\x00", "\x7f", "\u0085", "\u00a0", "\u2007", "\u202f", "\u2003", "\u2028", "\u2029", "\u202e", "\u2066",
		"\u200f", "\ufffd", "\xff", "\xe2\x80", "\xc3", "<", "&", "\"", "'", "Re:", "AW:", "ANTW:", "RÉF:",
		"[DSR-2026-0001]", "[DSR-2026-0001] ", strings.Repeat("x", 31), strings.Repeat("Lang ", 40), "2026", "juni"}
	r := rand.New(rand.NewPCG(3, 4))
	out := []string{"", " ", "\n", "\ufffd", "\xff"}
	for range n {
		var b strings.Builder
		for range r.IntN(24) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		out = append(out, b.String())
	}
	return out
}

// The matchers do what the regular expressions they replace do.
func TestMatchersSameAsRegexp(t *testing.T) {
	for _, s := range refInputs(5000) {
		want := -1
		if m := bulletRe.FindString(s); m != "" {
			want = len(m)
		}
		if got := bulletLen(s); got != want {
			t.Fatalf("bulletLen(%q) = %d, want %d", s, got, want)
		}
		want = -1
		if m := columnRe.FindStringSubmatch(s); m != nil {
			want = len(m[1])
		}
		if got := columnLen(s); got != want {
			t.Fatalf("columnLen(%q) = %d, want %d", s, got, want)
		}
		if got, want := quotePrefixLen(s), len(quoteRe.FindString(s)); got != want {
			t.Fatalf("quotePrefixLen(%q) = %d, want %d", s, got, want)
		}
		var parts []string
		for rest := s; ; {
			p, tail, more := cutPara(rest)
			parts = append(parts, p)
			if !more {
				break
			}
			rest = tail
		}
		if want := paraRe.Split(s, -1); fmt.Sprint(parts) != fmt.Sprint(want) || len(parts) != len(want) {
			t.Fatalf("cutPara splits %q into %q, want %q", s, parts, want)
		}
		for _, p := range replyPrefixes {
			if got, want := hasLowerPrefix(s, p), strings.HasPrefix(strings.ToLower(s), p); got != want {
				t.Fatalf("hasLowerPrefix(%q, %q) = %v, want %v", s, p, got, want)
			}
		}
	}
}

// The functions with fast paths give what the straightforward versions
// they replaced gave (kept below). oneLine and multiLine differ on purpose
// only in also turning U+FFFD into a space.
func TestFuncsSameAsReference(t *testing.T) {
	for _, s := range refInputs(5000) {
		if got, want := parasHTML(s), parasRef(s); got != want {
			t.Fatalf("paras(%q)\n= %q\nwant %q", s, got, want)
		}
		if got, want := quoteText(s), quoteRef(s); got != want {
			t.Fatalf("quote(%q) = %q, want %q", s, got, want)
		}
		if got, want := indentText(3, s), indentRef(3, s); got != want {
			t.Fatalf("indent(3, %q) = %q, want %q", s, got, want)
		}
		if got, want := tidyText(s), tidyTextRef(s); got != want {
			t.Fatalf("tidyText(%q)\n= %q\nwant %q", s, got, want)
		}
		if got, want := joinFields(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("joinFields(%q) = %q, want %q", s, got, want)
		}
		if strings.Contains(s, "\ufffd") {
			continue // a real U+FFFD: the reference keeps it
		}
		if got, want := oneLine(s), oneLineRef(s); got != want {
			t.Fatalf("oneLine(%q) = %q, want %q", s, got, want)
		}
		if got, want := multiLine(s), multiLineRef(s); got != want {
			t.Fatalf("multiLine(%q) = %q, want %q", s, got, want)
		}
	}
	// U+FFFD is treated like the invalid bytes encoding/json replaces by it.
	for in, want := range map[string]string{
		"a\ufffdb": "a b", "a\xff\xfe\ufffd\ufffdb": "a b", "\ufffd": "", "x \ufffd y": "x y",
	} {
		if got := oneLine(in); got != want {
			t.Errorf("oneLine(%q) = %q, want %q", in, got, want)
		}
	}
	if got := multiLine("a\ufffd\xff\n\ufffdb\ufffd"); got != "a \n b" {
		t.Errorf("multiLine = %q", got)
	}
}

// Subjects: the case tag and the reply prefixes are handled as before.
func TestSubjectsSameAsReference(t *testing.T) {
	for _, s := range refInputs(5000) {
		if strings.Contains(s, "\ufffd") {
			continue // oneLine turns it into a space now
		}
		for _, id := range []string{"", "DSR-2026-0001"} {
			d := Data{Subject: s, CaseID: id}
			if got, want := d.BareSubject(), bareSubjectRef(d); got != want {
				t.Fatalf("BareSubject(%q) = %q, want %q", s, got, want)
			}
			subj := oneLine(s)
			if got, want := caseTagOnce(subj, id), caseTagOnceRef(subj, id); got != want {
				t.Fatalf("caseTagOnce(%q, %q) = %q, want %q", subj, id, got, want)
			}
		}
	}
}

func TestDatesSameAsReference(t *testing.T) {
	for _, lang := range []string{"nl", "en", "de", "fr", "xx", ""} {
		for _, tm := range []time.Time{
			day(2026, 4, 1), day(2026, 12, 31), day(1, 1, 1).Add(time.Hour), day(10000, 1, 1), day(-5, 3, 1),
			time.Date(2026, 3, 5, 23, 30, 0, 0, time.FixedZone("", 3600)),
		} {
			if got, want := dateIn(lang, tm), dateRef(lang, tm); got != want {
				t.Errorf("dateIn(%s, %v) = %q, want %q", lang, tm, got, want)
			}
			if got, want := dayIn(lang, tm), dayRef(lang, tm); got != want {
				t.Errorf("dayIn(%s, %v) = %q, want %q", lang, tm, got, want)
			}
			if got, want := isoDayIn(lang, tm), isoDayRef(lang, tm); got != want {
				t.Errorf("isoDayIn(%s, %v) = %q, want %q", lang, tm, got, want)
			}
		}
	}
}

// The implementations before they were optimised.

func parasRef(s string) htmltemplate.HTML {
	var b strings.Builder
	ps := paraRe.Split(strings.TrimSpace(s), -1)
	for i, p := range ps {
		margin := "0 0 12px 0"
		if i == len(ps)-1 {
			margin = "0"
		}
		b.WriteString(`<p style="margin:` + margin + `;">`)
		b.WriteString(strings.ReplaceAll(htmltemplate.HTMLEscapeString(p), "\n", "<br>\n"))
		b.WriteString("</p>\n")
	}
	return htmltemplate.HTML(b.String())
}

func quoteRef(s string) string {
	if s == "" {
		return ""
	}
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		if l == "" {
			lines[i] = ">"
		} else {
			lines[i] = "> " + l
		}
	}
	return strings.Join(lines, "\n")
}

func indentRef(n int, s string) string {
	pad := strings.Repeat(" ", n)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = pad + l
		}
	}
	return strings.Join(lines, "\n")
}

func oneLineRef(s string) string {
	if s == "" {
		return ""
	}
	s = strings.ToValidUTF8(s, " ")
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || isBidiControl(r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

func multiLineRef(s string) string {
	if s == "" {
		return ""
	}
	s = strings.ToValidUTF8(s, " ")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r == '\u2028' || r == '\u2029':
			return '\n'
		case unicode.IsControl(r) || isBidiControl(r):
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

func dateRef(lang string, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	y, m, d := t.Date()
	months, ok := monthNames[lang]
	if !ok {
		months = monthNames[FallbackLanguage]
		lang = FallbackLanguage
	}
	switch lang {
	case "de":
		return fmt.Sprintf("%d. %s %d", d, months[m-1], y)
	case "fr":
		if d == 1 {
			return fmt.Sprintf("1er %s %d", months[m-1], y)
		}
	}
	return fmt.Sprintf("%d %s %d", d, months[m-1], y)
}

func dayRef(lang string, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	days, ok := dayNames[lang]
	if !ok {
		days, lang = dayNames[FallbackLanguage], FallbackLanguage
	}
	w := days[t.Weekday()]
	if lang == "de" {
		return w + ", " + dateRef(lang, t)
	}
	return w + " " + dateRef(lang, t)
}

func isoDayRef(lang string, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	days, ok := shortDayNames[lang]
	if !ok {
		days = shortDayNames[FallbackLanguage]
	}
	return days[t.Weekday()] + " " + t.Format("2006-01-02")
}

func bareSubjectRef(d Data) string {
	s := oneLine(d.Subject)
	if d.CaseID != "" {
		s = strings.ReplaceAll(s, "["+d.CaseID+"]", "")
	}
	s = strings.TrimSpace(s)
	for {
		l := strings.ToLower(s)
		cut := false
		for _, p := range []string{"re:", "aw:", "antw:", "antwoord:", "sv:", "réf:", "ref:", "r:", "wg:"} {
			if strings.HasPrefix(l, p) {
				s = strings.TrimSpace(s[len(p):])
				cut = true
				break
			}
		}
		if !cut {
			break
		}
	}
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return ""
	}
	if r := []rune(s); len(r) > 150 {
		s = strings.TrimSpace(string(r[:149])) + "…"
	}
	return s
}

func caseTagOnceRef(subj, caseID string) string {
	if caseID == "" {
		return subj
	}
	tag := "[" + caseID + "]"
	i := strings.Index(subj, tag)
	if i < 0 {
		return strings.TrimSpace(subj + " " + tag)
	}
	rest := strings.ReplaceAll(subj[i+len(tag):], tag, "")
	return strings.Join(strings.Fields(subj[:i+len(tag)]+rest), " ")
}
