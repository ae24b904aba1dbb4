package templates

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzTidyText checks the text normaliser keeps every word, in order, and
// only exceeds the width with a single unbreakable word.
func FuzzTidyText(f *testing.F) {
	for _, s := range []string{
		"- " + strings.Repeat("word ", 30),
		"Label:      " + strings.Repeat("value ", 20),
		"  #extend <reason>         two more months; reason goes to customer and more words",
		"We received your request on 5 maart 2026 and will answer by dinsdag 7 april 2026 at the latest, really.",
		"https://example.com/" + strings.Repeat("a", 90) + " tail",
		"a\r\n\r\n\r\nb\tc  ",
		"1er avril 2026 " + strings.Repeat("x ", 40),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if !utf8.ValidString(in) || strings.ContainsAny(in, ">\u00a0\u202f\u2007") {
			return // quotes add ">" markers on continuation lines; no-break spaces do not break
		}
		out := tidyText(in)
		if got, want := strings.Fields(out), strings.Fields(strings.ReplaceAll(in, "\r", "")); !slices.Equal(got, want) {
			t.Fatalf("words changed:\n in: %q\nout: %q", in, out)
		}
		for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			if utf8.RuneCountInString(l) > WrapWidth && len(strings.Fields(l)) > 1 {
				// Allowed only when the line's words cannot be split further:
				// the first line keeps its leading columns.
				fs := strings.Fields(l)
				if utf8.RuneCountInString(fs[len(fs)-1]) < WrapWidth/2 && !strings.HasPrefix(l, " ") {
					t.Fatalf("line longer than %d: %q (from %q)", WrapWidth, l, in)
				}
			}
		}
	})
}
