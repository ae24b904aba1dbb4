package templates

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestTidyTextSameAsReference checks the optimised tidyText against the
// straightforward implementation it replaced (kept below), on the golden
// files, the fuzz corpus and generated text full of wrapping cases.
func TestTidyTextSameAsReference(t *testing.T) {
	var inputs []string
	for _, dir := range []string{"testdata/golden", "testdata/fuzz"} {
		_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				if b, err := os.ReadFile(p); err == nil {
					inputs = append(inputs, string(b))
				}
			}
			return nil
		})
	}
	words := []string{"5", "5.", "1er", "12", "123", "June", "juni", "2026", "2026.", "2026),", "april", "mei", "and", "of",
		"-", "*", "•", "!", "1.", "12)", ">", ">>", "> >", "label:", "   ", "  ", "\t", "\u00a0", "\u202f", "x\u2003y",
		"https://example.com/" + strings.Repeat("a", 80), "persoonsgegevens", "verwerking", "Auskunft", "é", "\xff", "#extend"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		var b strings.Builder
		for range r.IntN(60) {
			w := words[r.IntN(len(words))]
			w = strings.NewReplacer(`\t`, "\t", `\u00a0`, "\u00a0", `\u202f`, "\u202f", `\u2003`, "\u2003", `\xff`, "\xff").Replace(w)
			b.WriteString(w)
			switch r.IntN(12) {
			case 0:
				b.WriteString("\n")
			case 1:
				b.WriteString("\n\n")
			case 2:
				b.WriteString("   ")
			case 3:
				b.WriteString("\r\n")
			default:
				b.WriteString(" ")
			}
		}
		inputs = append(inputs, b.String())
	}
	if len(inputs) < 3000 {
		t.Fatalf("only %d inputs", len(inputs))
	}
	for _, in := range inputs {
		if got, want := tidyText(in), tidyTextRef(in); got != want {
			t.Fatalf("tidyText(%q)\n= %q\nwant %q", in, got, want)
		}
		for _, w := range []int{20, 40, 72} {
			for l := range strings.SplitSeq(in, "\n") {
				if got, want := wrapLine(l, w), wrapLineRef(l, w); !slices.Equal(got, want) {
					t.Fatalf("wrapLine(%q, %d)\n= %q\nwant %q", l, w, got, want)
				}
			}
		}
	}
}

// tidyTextRef is tidyText as it was before it was optimised: it normalises a rendered text body: LF line ends, tabs as four
// spaces, no trailing spaces, at most one blank line in a row, lines wrapped at WrapWidth, no
// blank lines at the ends, one final newline.
func tidyTextRef(s string) string {
	s = strings.ReplaceAll(s, "\r", "")
	s = strings.ReplaceAll(s, "\t", "    ")
	s = strings.Map(func(r rune) rune {
		// Other breaking white space becomes a plain space, so wrapping
		// sees it; no-break spaces (French « : ») stay.
		if r != '\n' && r != ' ' && r != '\u00a0' && r != '\u202f' && r != '\u2007' && unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, s)
	var out []string
	blank := true // suppress leading blank lines
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimRightFunc(l, unicode.IsSpace)
		if l == "" {
			if !blank {
				out = append(out, "")
			}
			blank = true
			continue
		}
		blank = false
		out = append(out, wrapLineRef(l, WrapWidth)...)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n") + "\n"
}

// wrapLineRef is wrapLine as it was before it was optimised: it breaks l at spaces so no line is longer than width columns (a
// single longer word, such as a URL, stays whole). Continuation lines keep
// the quote prefix, or hang under a bullet's text or a column's value. A day
// number stays with its month ("5 June"), and a lone short word is not left
// on the last line ("; and").
func wrapLineRef(l string, width int) []string {
	if utf8.RuneCountInString(l) <= width {
		return []string{l}
	}
	prefix := ""
	if m := quoteRe.FindString(l); m != "" {
		prefix = m
		if !strings.HasSuffix(prefix, " ") {
			prefix += " "
		}
		l = strings.TrimLeft(l[len(m):], " ")
	}
	var hang string
	if m := bulletRe.FindStringSubmatch(l); m != nil {
		hang = strings.Repeat(" ", utf8.RuneCountInString(m[0]))
	} else if m := columnRe.FindStringSubmatch(l); m != nil {
		hang = strings.Repeat(" ", utf8.RuneCountInString(m[1]))
	} else {
		hang = l[:len(l)-len(strings.TrimLeft(l, " "))]
	}
	if utf8.RuneCountInString(prefix+hang) > width/2 {
		hang = ""
	}
	lead := l[:len(l)-len(strings.TrimLeft(l, " "))]

	// Words with the spaces before them (runs of spaces align columns).
	type word struct{ sep, w string }
	var words []word
	sep := ""
	for _, w := range strings.Split(strings.TrimLeft(l, " "), " ") {
		if w == "" {
			sep += " "
			continue
		}
		words = append(words, word{sep + " ", w})
		sep = ""
	}
	if len(words) == 0 {
		return []string{prefix + l}
	}
	words[0].sep = ""

	// Greedy fill; lines[i] are indexes into words.
	var lines [][]int
	cur := []int{0}
	n := utf8.RuneCountInString(prefix+lead) + utf8.RuneCountInString(words[0].w)
	for i := 1; i < len(words); i++ {
		wl := utf8.RuneCountInString(words[i].w)
		if n+utf8.RuneCountInString(words[i].sep)+wl <= width {
			cur = append(cur, i)
			n += utf8.RuneCountInString(words[i].sep) + wl
			continue
		}
		// Keep "5 April 2026" together: carry the month before a year, and
		// a day number before that, to the next line.
		carry := 0
		if yearRe.MatchString(words[i].w) && len(cur) > 1 && monthRe.MatchString(words[cur[len(cur)-1]].w) {
			carry = 1
		}
		if len(cur) > carry+1 && dayNumRe.MatchString(words[cur[len(cur)-1-carry]].w) {
			carry++
		}
		next := append(slices.Clone(cur[len(cur)-carry:]), i)
		cur = cur[:len(cur)-carry]
		lines = append(lines, cur)
		cur = next
		n = utf8.RuneCountInString(prefix + hang)
		for j, k := range cur {
			if j > 0 {
				n++
			}
			n += utf8.RuneCountInString(words[k].w)
		}
	}
	lines = append(lines, cur)
	// No lone short word on the last line.
	if k := len(lines); k > 1 && len(lines[k-1]) == 1 && utf8.RuneCountInString(words[lines[k-1][0]].w) <= 4 && len(lines[k-2]) > 2 {
		prev := lines[k-2]
		lines[k-1] = append([]int{prev[len(prev)-1]}, lines[k-1]...)
		lines[k-2] = prev[:len(prev)-1]
	}

	out := make([]string, len(lines))
	for i, ln := range lines {
		var b strings.Builder
		b.WriteString(prefix)
		if i == 0 {
			b.WriteString(lead)
		} else {
			b.WriteString(hang)
		}
		for j, k := range ln {
			if j > 0 {
				if i == 0 {
					b.WriteString(words[k].sep)
				} else {
					b.WriteString(" ")
				}
			}
			b.WriteString(words[k].w)
		}
		out[i] = strings.TrimRight(b.String(), " ")
	}
	return out
}

// The regular expressions the hand-written matchers replace: cutPara,
// bulletLen, columnLen, quotePrefixLen, isDayNum, isYear and isMonth.
var (
	paraRe   = regexp.MustCompile(`\n\s*\n`)
	bulletRe = regexp.MustCompile(`^(\s*)([-*•!]|\d{1,2}[.)])\s+`)
	quoteRe  = regexp.MustCompile(`^(>\s?)+`)
	// a "label:   value" or "  #cmd    explanation" line: hang at the value.
	columnRe = regexp.MustCompile(`^(\s*\S[^\t]{0,30}?\s{2,})\S`)
	// a day number that belongs with the month after it: 5, 5., 1er.
	dayNumRe = regexp.MustCompile(`^(\d{1,2}\.?|1er)$`)
	yearRe   = regexp.MustCompile(`^\d{4}[.,;:)]*$`)
	monthRe  = regexp.MustCompile(`^\pL{3,}$`)
)
