package message

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxQuoteMarks bounds how many "> " marks one line gets from nested
// blockquotes; deeper nesting is shown at this depth.
const maxQuoteMarks = 8

// Flags of an element: flagBlock ones start and end on their own line,
// flagParagraph ones get a blank line around them, flagSkip ones have
// content that is never shown, and flagRawSkip are the skipped elements
// whose content the tokenizer reads as one raw text token, so they always
// end.
const (
	flagBlock uint8 = 1 << iota
	flagParagraph
	flagSkip
	flagRawSkip
)

func atomFlags(a atom.Atom) uint8 {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Caption, atom.Center, atom.Dd, atom.Details,
		atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Dt, atom.Fieldset, atom.Figcaption, atom.Figure,
		atom.Footer, atom.Form, atom.Header, atom.Li, atom.Main, atom.Menu, atom.Nav, atom.Section,
		atom.Summary, atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr, atom.Body, atom.Html:
		return flagBlock
	case atom.Blockquote, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Hr, atom.Ol,
		atom.P, atom.Pre, atom.Table, atom.Ul:
		return flagBlock | flagParagraph
	case atom.Script, atom.Style:
		return flagSkip | flagRawSkip
	case atom.Head, atom.Title, atom.Noscript, atom.Template, atom.Iframe, atom.Object, atom.Svg,
		atom.Math, atom.Select, atom.Textarea:
		return flagSkip
	}
	return 0
}

// textWriter collects the text of an HTML document line by line.
type textWriter struct {
	sb         strings.Builder
	limit      int
	full       bool
	quote      int  // blockquote depth
	atLineHead bool // nothing written on the current line yet
	pendingNL  int  // newlines owed before the next text
	space      bool // a blank is owed before the next word
}

func (w *textWriter) newline(n int) {
	if w.sb.Len() == 0 {
		return
	}
	if n > w.pendingNL {
		w.pendingNL = n
	}
	w.space = false
}

func (w *textWriter) write(s string) {
	if w.full || s == "" {
		return
	}
	w.begin()
	w.sb.WriteString(s)
	w.end()
}

func (w *textWriter) writeBytes(b []byte) {
	if w.full || len(b) == 0 {
		return
	}
	w.begin()
	w.sb.Write(b)
	w.end()
}

// begin writes what is owed before the next word: line breaks, the quote
// marks of a new line, or a blank.
func (w *textWriter) begin() {
	if w.pendingNL > 0 {
		for i := 0; i < min(w.pendingNL, 2); i++ {
			w.sb.WriteByte('\n')
		}
		w.pendingNL = 0
		w.atLineHead = true
		w.space = false
	}
	if w.sb.Len() == 0 {
		w.atLineHead = true
	}
	if w.atLineHead {
		w.sb.WriteString(quotePrefix(w.quote))
		w.atLineHead = false
		w.space = false
	} else if w.space {
		w.sb.WriteByte(' ')
		w.space = false
	}
}

func (w *textWriter) end() {
	if w.sb.Len() >= w.limit {
		w.full = true
	}
}

func quotePrefix(depth int) string {
	if depth <= 0 {
		return ""
	}
	return strings.Repeat("> ", min(depth, maxQuoteMarks))
}

// text writes collapsed text: runs of white space become one blank.
func (w *textWriter) text(s []byte) {
	for len(s) > 0 && !w.full {
		// Skip blanks.
		j := 0
		for j < len(s) {
			if isHTMLSpace(s[j]) {
				j++
			} else if isNBSP(s, j) {
				j += 2
			} else {
				break
			}
		}
		if j > 0 {
			if !w.atLineHead && w.pendingNL == 0 && w.sb.Len() > 0 {
				w.space = true
			}
			s = s[j:]
		}
		// Take a word.
		k := 0
		for k < len(s) {
			if c := htmlByteClass[s[k]]; c == 0 || c == 2 && !isNBSP(s, k) {
				k++
				continue
			}
			break
		}
		if k > 0 {
			// Words one plain blank apart are written as they stand, in one
			// go, when the limit cannot be reached on the way (so it cuts
			// after the same word as writing word by word would).
			e := k
			for e < len(s) && s[e] == ' ' {
				f := e + 1
				for f < len(s) {
					if c := htmlByteClass[s[f]]; c == 0 || c == 2 && !isNBSP(s, f) {
						f++
						continue
					}
					break
				}
				if f == e+1 {
					break
				}
				e = f
			}
			if e > k && w.sb.Len()+e+bulkMargin < w.limit {
				k = e
			}
			w.writeBytes(s[:k])
			s = s[k:]
		}
	}
}

// bulkMargin exceeds what begin writes before a word: two line breaks, the
// deepest quote prefix and a blank.
const bulkMargin = 2 + 2*maxQuoteMarks + 1 + 8

// htmlByteClass is 1 for HTML white space, 2 for 0xC2 (which may start a
// no-break space), 0 for any other byte.
var htmlByteClass = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case isHTMLSpace(byte(c)):
			t[c] = 1
		case c == 0xC2:
			t[c] = 2
		}
	}
	return t
}()

// isNBSP reports whether s[i:] starts with U+00A0 NO-BREAK SPACE.
func isNBSP(s []byte, i int) bool {
	return s[i] == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0
}

// pre writes preformatted text, keeping its line breaks.
func (w *textWriter) pre(s string) {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	for i, line := range strings.Split(s, "\n") {
		if i > 0 && w.sb.Len() > 0 {
			w.pendingNL++
		}
		w.write(strings.TrimRight(line, " \t\r"))
		if w.full {
			return
		}
	}
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// htmlToText converts HTML to readable text: script, style and head are
// dropped, block elements and <br> become line breaks, entities are decoded,
// white space is collapsed and blockquote content is marked with "> ". It
// uses the tokenizer only (no tree building), so time and memory stay
// linear in the input whatever the nesting; output stops at limit bytes.
func htmlToText(src string, limit int) (s string, truncated bool) {
	s, truncated, skipped := htmlToTextSkip(src, limit, flagSkip)
	if s == "" && skipped {
		// An unclosed <svg>, <head> or <select> swallowed everything: show
		// all but scripts and styles rather than nothing.
		s, truncated, _ = htmlToTextSkip(src, limit, flagRawSkip)
	}
	return s, truncated
}

// htmlToTextSkip converts src, dropping the content of the elements in
// skipSet (flagSkip or flagRawSkip); skipped reports whether non-blank text was dropped outside
// script and style.
func htmlToTextSkip(src string, limit int, skipSet uint8) (s string, truncated, skipped bool) {
	z := html.NewTokenizer(strings.NewReader(src))
	w := &textWriter{limit: limit}
	w.sb.Grow(min(len(src)/2, limit))
	skip := 0           // depth inside skipSet
	var inRaw atom.Atom // the last skipped element opened
	inPre := 0          // depth inside <pre>
	listDepth := 0
	for !w.full {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return finishHTML(w), w.full, skipped
		case html.TextToken:
			if skip > 0 {
				if !skipped && atomFlags(inRaw)&flagRawSkip == 0 && strings.TrimSpace(string(z.Text())) != "" {
					skipped = true
				}
				continue
			}
			if inPre > 0 {
				w.pre(string(z.Text()))
			} else {
				w.text(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			a := tagAtom(z.Raw())
			flags := atomFlags(a)
			start := tt != html.EndTagToken
			if a == atom.Body && start {
				// The body ends any unclosed <head>.
				skip = 0
			}
			if flags&skipSet != 0 {
				if tt == html.StartTagToken {
					skip++
					inRaw = a
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
					inRaw = 0
				}
				continue
			}
			if skip > 0 {
				continue
			}
			switch {
			case a == atom.Br:
				w.pendingNL++
				if w.sb.Len() == 0 {
					w.pendingNL = 0
				}
				w.space = false
			case a == atom.Blockquote:
				w.newline(2)
				if start && tt != html.SelfClosingTagToken {
					w.quote++
				} else if !start && w.quote > 0 {
					w.quote--
				}
			case a == atom.Pre:
				w.newline(2)
				if tt == html.StartTagToken {
					inPre++
				} else if !start && inPre > 0 {
					inPre--
				}
			case a == atom.Li:
				w.newline(1)
				if start {
					w.write(strings.Repeat("  ", min(max(listDepth-1, 0), 4)) + "-")
					w.space = true
				}
			case a == atom.Ul || a == atom.Ol:
				w.newline(2)
				if tt == html.StartTagToken {
					listDepth++
				} else if !start && listDepth > 0 {
					listDepth--
				}
			case a == atom.Td || a == atom.Th:
				if start && !w.atLineHead {
					w.space = true
				}
			case a == atom.Img && start:
				// Images carry no text for the reader; alt text is usually noise.
			case flags&flagParagraph != 0:
				w.newline(2)
			case flags&flagBlock != 0:
				w.newline(1)
			}
		}
	}
	return finishHTML(w), true, skipped
}

// tagAtom returns the atom of the tag whose raw bytes are raw ("<div ...>",
// "</P>"), without allocating as Tokenizer.TagName does; 0 if unknown.
func tagAtom(raw []byte) atom.Atom {
	var buf [16]byte
	i := 0
	if i < len(raw) && raw[i] == '<' {
		i++
	}
	if i < len(raw) && raw[i] == '/' {
		i++
	}
	n := 0
	for ; i < len(raw); i++ {
		c := raw[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' || c == '>' {
			break
		}
		if n == len(buf) {
			return 0 // longer than any atom we look at
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	return atom.Lookup(buf[:n])
}

func finishHTML(w *textWriter) string {
	s := w.sb.String()
	if finished(s) {
		// The loop below would copy s unchanged (plus a final newline
		// that TrimSpace drops).
		return strings.TrimSpace(s)
	}
	// Trim each line's end and collapse runs of blank lines.
	var sb strings.Builder
	sb.Grow(len(s))
	blank := 0
	for len(s) > 0 {
		var l string
		l, s, _ = strings.Cut(s, "\n")
		l = strings.TrimRight(l, " \t")
		if l == "" || l == ">" {
			blank++
			if blank > 1 {
				continue
			}
		} else {
			blank = 0
		}
		sb.WriteString(l)
		sb.WriteByte('\n')
	}
	return strings.TrimSpace(sb.String())
}

// finished reports whether no line of s ends in a blank or tab and no two
// blank lines (empty or a lone ">") follow each other: what finishHTML's
// loop would change.
func finished(s string) bool {
	blank := 0
	for len(s) > 0 {
		var l string
		l, s, _ = strings.Cut(s, "\n")
		if n := len(l); n > 0 && (l[n-1] == ' ' || l[n-1] == '\t') {
			return false
		}
		if l == "" || l == ">" {
			blank++
			if blank > 1 {
				return false
			}
		} else {
			blank = 0
		}
	}
	return true
}
