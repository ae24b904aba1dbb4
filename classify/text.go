package classify

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxScan caps the bytes of Subject+"\n"+NewText that are tokenized, so the
// cost of classification is bounded whatever the size of the mail. 64 KiB
// is far more than any letter a person writes.
const maxScan = 64 << 10

// token is one word of the scanned text, folded for matching.
type token struct {
	s          string // lower case, accents removed
	start, end int    // byte offsets in the scanned text
	sent       int    // sentence number
	clause     int    // clause number (sentences split further at , : ( ) ...)
	subject    bool   // token is in the subject line
	// form is true for a word of a form's fill-in instruction ("[Give
	// details ...]", "<<Name>>") or of an option not ticked ("[ ]
	// Löschung", "☐ effacement"): see formText.
	form bool
	// Set by lexicon.mark: the languages in which the word is a negation
	// (langBit), and whether it is a break or a contrast.
	neg           uint8
	brk, contrast bool
	id            int32 // vocabulary id of s in the lexicon, -1 if none
}

// fold lower-cases r and removes accents from Latin letters. ß becomes "ss",
// æ "ae", œ "oe"; every other rune maps to itself lower-cased.
func fold(b []byte, r rune) []byte {
	if r < 0x80 {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(b, byte(r))
	}
	r = unicode.ToLower(r)
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å', 'ā', 'ă', 'ą':
		return append(b, 'a')
	case 'ç', 'ć', 'č':
		return append(b, 'c')
	case 'è', 'é', 'ê', 'ë', 'ē', 'ė', 'ę', 'ě':
		return append(b, 'e')
	case 'ì', 'í', 'î', 'ï', 'ī', 'ı':
		return append(b, 'i')
	case 'ñ', 'ń', 'ň':
		return append(b, 'n')
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø', 'ō', 'ő':
		return append(b, 'o')
	case 'ù', 'ú', 'û', 'ü', 'ū', 'ů', 'ű':
		return append(b, 'u')
	case 'ý', 'ÿ':
		return append(b, 'y')
	case 'ß':
		return append(b, 's', 's')
	case 'æ':
		return append(b, 'a', 'e')
	case 'œ':
		return append(b, 'o', 'e')
	case 'š', 'ś':
		return append(b, 's')
	case 'ž', 'ź', 'ż':
		return append(b, 'z')
	case 'ł':
		return append(b, 'l')
	case 'ĳ':
		return append(b, 'i', 'j')
	}
	return utf8.AppendRune(b, r)
}

// foldString folds a whole string (used for lexicon words).
func foldString(s string) string {
	var b []byte
	for _, r := range s {
		b = fold(b, r)
	}
	return string(b)
}

func isWordRune(r rune) bool {
	return r < 0x80 && ('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') ||
		r >= 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// abbreviations after which a full stop does not end a sentence.
var abbrev = map[string]bool{
	"art": true, "abs": true, "nr": true, "no": true, "mr": true, "dr": true, "me": true,
	"mme": true, "st": true, "bzw": true, "vgl": true, "ca": true, "inkl": true, "ggf": true,
	"evtl": true, "lid": true, "al": true, "par": true, "ref": true, "tel": true, "jr": true,
	"sr": true, "mevr": true, "dhr": true, "hr": true, "fr": true, "prof": true, "ir": true,
	"ing": true, "drs": true, "mw": true, "etc": true, "resp": true, "bijv": true, "bv": true,
	"usw": true, "bzgl": true, "sog": true, "lt": true, "zzgl": true, "ggfs": true, "vs": true,
	"approx": true, "incl": true, "excl": true, "env": true, "cf": true, "ex": true, "mio": true,
	"tsd": true, "str": true, "vol": true, "pag": true, "blz": true, "nl": true, "jan": true, "feb": true,
	"mrt": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"okt": true, "oct": true, "nov": true, "dec": true, "dez": true, "ms": true, "mrs": true,
}

// tokenize splits text into folded word tokens with sentence and clause
// numbers. sent and clause continue from the given counters (the subject is
// tokenized first, the body after it). subjectEnd is the byte offset where
// the subject ends: tokens before it are marked as subject tokens.
func tokenize(text string, subjectEnd int) []token {
	toks := make([]token, 0, len(text)/6+4)
	// All folded words go into one buffer, turned into one string at the
	// end; token.s are substrings of it.
	buf := make([]byte, 0, len(text)+16)
	sent, clause := 0, 0
	start := -1
	lineStart := true // at the start of a line (only spaces seen)
	newlines := 0     // newlines since the last non-space rune
	var ends []int
	brk := func(sentence bool) {
		if len(toks) == 0 {
			return
		}
		last := toks[len(toks)-1]
		if sentence && last.sent == sent {
			sent++
		}
		if last.clause == clause {
			clause++
		}
	}
	flush := func(end int) {
		if start >= 0 {
			// s is set below; remember where this word's bytes end.
			toks = append(toks, token{start: start, end: end, sent: sent, clause: clause, subject: start < subjectEnd})
			ends = append(ends, len(buf))
			start = -1
		}
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			if start < 0 {
				if lineStart && len(toks) > 0 {
					// A bullet or numbered list item starts a new sentence.
					if isListItem(text[i:]) {
						brk(true)
					}
				}
				start = i
			}
			buf = fold(buf, r)
			lineStart = false
			newlines = 0
			i += size
			continue
		}
		// Join words across hyphens and soft hyphens: e-mail, machine-readable;
		// but not a French inverted pronoun (avez-vous, dites-moi).
		if start >= 0 && (r == '-' || r == '\u00ad' || r == '\u2010') && i+size < len(text) {
			if r2, _ := utf8.DecodeRuneInString(text[i+size:]); isWordRune(r2) && !pronounAfter(text[i+size:]) {
				i += size
				continue
			}
		}
		flush(i)
		switch r {
		case '\n':
			newlines++
			if newlines >= 2 || i == subjectEnd {
				brk(true)
			}
			lineStart = true
		case ' ', '\t', '\r', '\u00a0':
		case '.':
			var last []byte // the folded word before the full stop
			if n := len(toks); n > 0 && toks[n-1].end == i {
				from := 0
				if n > 1 {
					from = ends[n-2]
				}
				last = buf[from:ends[n-1]]
			}
			if sentenceEnd(text, i+1, last) {
				brk(true)
			}
			lineStart, newlines = false, 0
		case '!', '?', ';':
			// "(ironically!)", "(why?)": an aside in brackets, not the
			// end of the sentence around it.
			brk(!strings.HasPrefix(text[i+size:], ")"))
			lineStart, newlines = false, 0
		case '-', '*', '•', '·', '▪', '–', '—', '>', '[', '☐', '☑', '☒', '□', '■', '✓', '✔', '✗', '✘':
			// At the start of a line: a bullet or a tick box of a form
			// ("[x] Auskunft", "☐ effacement"), a new sentence.
			brk(lineStart)
			newlines = 0
		case '\'', '\u2019':
			// An apostrophe inside a word splits it without ending the
			// clause: "n'effacez", "l'accès", "don't" (French "n'" is a
			// negation of the verb after it); a quotation mark ends it.
			if !(start < 0 && i > 0 && i+size < len(text) && isWordRune(lastRune(text[:i])) && isWordRuneAt(text[i+size:])) {
				brk(false)
			}
			lineStart, newlines = false, 0
		default:
			// , : ( ) " and anything else end a clause.
			brk(false)
			lineStart, newlines = false, 0
		}
		i += size
	}
	flush(len(text))
	all := string(buf)
	from := 0
	for i := range toks {
		toks[i].s = all[from:ends[i]]
		from = ends[i]
	}
	return toks
}

// isListItem reports whether s starts a numbered item ("1.", "2)", "a)").
func isListItem(s string) bool {
	n := 0
	for n < len(s) && n < 3 && (s[n] >= '0' && s[n] <= '9' || n == 0 && s[n] >= 'a' && s[n] <= 'z') {
		n++
	}
	return n > 0 && n < len(s) && (s[n] == '.' || s[n] == ')') && (n+1 == len(s) || s[n+1] == ' ' || s[n+1] == '\t')
}

// sentenceEnd decides whether the full stop before text[i:] ends a sentence.
// last is the folded word before it (nil after a non-word). (A check of
// the abbreviation before a capital read a token's text before it was
// set, so it never held: "Dr. Müller" starts a sentence at "Müller", and
// the corpus is measured that way.)
func sentenceEnd(text string, i int, last []byte) bool {
	j := i
	for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
		j++
	}
	if j == len(text) || text[j] == '\n' {
		return true
	}
	if j == i {
		return false // "21.2", "e.g", "example.org"
	}
	r, _ := utf8.DecodeRuneInString(text[j:])
	if unicode.IsUpper(r) && germanDay(text, i) && germanMonth(text[j:]) {
		return false // a German date: "bis zum 10. Januar"
	}
	// Everyday mail often goes on in lower case after a full stop ("ich
	// brauch das konto nicht mehr. bitte komplett löschen"): a word in
	// lower case after the space starts a new sentence too, unless the
	// full stop ends an abbreviation or a single letter ("z.B. meine",
	// "usw. bitte"; words such as "me" and "no" are read as words here).
	if unicode.IsLower(r) {
		if dayNumber(last) && dateBefore(text, i-1-len(last)) {
			return false // a date goes on: "am 07.12. erhalten"
		}
		return len(last) > 1 && !(abbrev[string(last)] && !abbrevWord[string(last)])
	}
	return unicode.IsUpper(r) || strings.ContainsRune("\"'(«„“", r)
}

// dayNumber reports whether w is a number of one or two digits, a day or
// month before a full stop in a date.
func dayNumber(w []byte) bool {
	if len(w) == 0 || len(w) > 2 {
		return false
	}
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// dateBefore reports whether the text before the number that starts at k
// is a day and a full stop ("07." of "07.12."), so that the number and
// the full stop after it end a date.
func dateBefore(text string, k int) bool {
	if k < 2 || text[k-1] != '.' {
		return false
	}
	return text[k-2] >= '0' && text[k-2] <= '9'
}

// abbrevWord are abbreviations that are words too ("contact me. please").
var abbrevWord = map[string]bool{"me": true, "no": true, "par": true, "lid": true, "al": true, "jan": true, "ex": true, "st": true}

// germanDay reports whether the full stop at i-1 follows a day number of
// one or two digits ("10.").
func germanDay(text string, i int) bool {
	k := i - 1 // the full stop
	n := 0
	for k-1 >= 0 && text[k-1] >= '0' && text[k-1] <= '9' {
		k--
		n++
	}
	return n >= 1 && n <= 2 && (k == 0 || text[k-1] == ' ' || text[k-1] == '\t' || text[k-1] == '\n')
}

// germanMonth reports whether s starts with the name of a month in German.
func germanMonth(s string) bool {
	for _, m := range []string{"Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
		"September", "Oktober", "November", "Dezember"} {
		if strings.HasPrefix(s, m) {
			return true
		}
	}
	return false
}

// frenchPronouns follow a hyphen in French inverted questions and
// imperatives ("conservez-vous", "envoyez-moi").
var frenchPronouns = []string{"ce", "vous", "nous", "moi", "toi", "les", "le", "la", "lui", "leur", "il", "elle", "ils", "elles", "je", "tu", "on", "en", "y"}

// pronounAfter reports whether s starts with a French pronoun that ends
// there (followed by a non-letter or the end).
func pronounAfter(s string) bool {
	for _, p := range frenchPronouns {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			if len(s) == len(p) {
				return true
			}
			if r, _ := utf8.DecodeRuneInString(s[len(p):]); !isWordRune(r) && r != '-' {
				return true
			}
		}
	}
	return false
}

// lastRune is the last rune of s (utf8.RuneError if none).
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// isWordRuneAt reports whether s starts with a word rune.
func isWordRuneAt(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

// Tick boxes of forms pasted into a mail: unticked ones ("[ ]", "[_]",
// "☐", "□", "( )") and ticked ones ("[x]", "☒", "☑", "(x)").
var (
	untickedBoxes = []string{"[ ]", "[  ]", "[_]", "[]", "☐", "□", "( )", "❏", "◻"}
	tickedBoxes   = []string{"[x]", "[X]", "[✓]", "[✔]", "[*]", "☒", "☑", "■", "(x)", "(X)", "✓", "✔"}
)

// boxAt reports whether text[i:] starts with a tick box, whether it is
// ticked, and its length in bytes.
func boxAt(text string, i int) (ticked bool, n int) {
	if c := text[i]; c != '[' && c != '(' && c != 0xE2 { // the boxes' first bytes
		return false, 0
	}
	for _, b := range untickedBoxes {
		if strings.HasPrefix(text[i:], b) {
			return false, len(b)
		}
	}
	for _, b := range tickedBoxes {
		if strings.HasPrefix(text[i:], b) {
			return true, len(b)
		}
	}
	return false, 0
}

// isBox reports whether text[i:] starts with a tick box.
func isBox(text string, i int) bool {
	_, n := boxAt(text, i)
	return n > 0
}

// formStart marks the bytes a tick box or an instruction starts with
// ("[", "(", "{", "<" and the first byte of ☐, ☒, ☑, □, ■, ✓, ✔).
var formStart = [256]bool{'[': true, '(': true, '{': true, '<': true, 0xE2: true}

// atLineStart reports whether only spaces stand between the start of
// text[i]'s line (or from) and i.
func atLineStart(text string, from, i int) bool {
	for j := i - 1; j >= from; j-- {
		switch text[j] {
		case ' ', '\t', '\r':
		case '\n':
			return true
		default:
			return false
		}
	}
	return true
}

// maxFormBracket bounds a fill-in instruction in brackets (bytes).
const maxFormBracket = 1000

// formText marks the words of toks (at byte offsets into text, the body
// from offset from on) that belong to a pasted template's fill-in
// instructions or to a form's options that are not ticked: text in
// square brackets, braces or << >> within one paragraph ("[Geef hier aan
// welke gegevens u verwijderd wilt hebben]", "<<Unterschrift>>"), and
// an unticked box's option up to the next box or the end of its line
// (and the indented lines that continue it). The rights such words name
// are the template's or the form's, not the writer's.
func formText(text string, from int, toks []token) {
	type span struct{ s, e int }
	var spans []span
	for i := from; i < len(text); {
		c := text[i]
		if !formStart[c] {
			i++
			continue
		}
		if ticked, n := boxAt(text, i); n > 0 && (atLineStart(text, from, i) || text[i-1] == ' ' || text[i-1] == '\t') {
			if ticked {
				i += n
				continue
			}
			// An option not ticked: up to the next box on its line, or
			// the end of the line and the indented lines after it.
			j := i + n
			for j < len(text) {
				if text[j] == '\n' {
					k := j + 1
					if k < len(text) && (text[k] == ' ' || text[k] == '\t') {
						m := k
						for m < len(text) && (text[m] == ' ' || text[m] == '\t') {
							m++
						}
						if m < len(text) && text[m] != '\n' && text[m] != '\r' && !isBox(text, m) {
							j = m
							continue
						}
					}
					break
				}
				if c := text[j]; (c == '[' || c == '(' || c == 0xE2) && (text[j-1] == ' ' || text[j-1] == '\t') {
					if _, bn := boxAt(text, j); bn > 0 {
						break
					}
				}
				j++
			}
			spans = append(spans, span{i, j})
			i = j
			continue
		}
		if c == '[' || c == '{' || c == '<' && strings.HasPrefix(text[i:], "<<") {
			closer := "]"
			switch c {
			case '<':
				closer = ">>"
			case '{':
				closer = "}"
			}
			end := -1
			for j := i + 1; j < len(text) && j-i <= maxFormBracket; j++ {
				if text[j] == closer[0] && strings.HasPrefix(text[j:], closer) {
					end = j + len(closer)
					break
				}
				if text[j] == '\n' && j+1 < len(text) && (text[j+1] == '\n' || text[j+1] == '\r') {
					break // a blank line: a paragraph ends
				}
				if text[j] == c && j > i+len(closer)-1 {
					break // another one opens: not an instruction
				}
			}
			if end > 0 {
				spans = append(spans, span{i, end})
				i = end
				continue
			}
		}
		i++
	}
	if len(spans) == 0 {
		return
	}
	k := 0
	for t := range toks {
		for k < len(spans) && spans[k].e <= toks[t].start {
			k++
		}
		if k == len(spans) {
			break
		}
		if toks[t].start >= spans[k].s {
			toks[t].form = true
		}
	}
}
