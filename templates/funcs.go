package templates

import (
	htmltemplate "html/template"
	"strconv"
	"strings"
	"sync"
	texttemplate "text/template"
	"time"
	"unicode"
	"unicode/utf8"
)

// WrapWidth is the column at which text bodies are wrapped.
const WrapWidth = 72

var (
	monthNames = map[string][12]string{
		"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		"nl": {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
		"de": {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
		"fr": {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	}
	dayNames = map[string][7]string{
		"en": {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
		"nl": {"zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"},
		"de": {"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"},
		"fr": {"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"},
	}
	shortDayNames = map[string][7]string{
		"en": {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
		"nl": {"zo", "ma", "di", "wo", "do", "vr", "za"},
		"de": {"So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"},
		"fr": {"dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."},
	}
	andWord = map[string]string{"en": "and", "nl": "en", "de": "und", "fr": "et"}

	// rightWords are the rights in plain words, as noun phrases that fit
	// "your request concerns: …" and a bulleted list.
	rightWords = map[string]map[string]string{
		"en": {
			"access":                  "a copy of your personal data and information on how we use it (access)",
			"rectification":           "correcting or completing your personal data",
			"erasure":                 "deleting your personal data",
			"restriction":             "temporarily limiting the use of your personal data",
			"portability":             "receiving your data in a machine-readable format, or having it sent to another company",
			"objection":               "your objection to our use of your personal data",
			"object_direct_marketing": "no longer using your data for advertising and direct marketing",
			"automated_decision":      "a review by a person of a decision that was made automatically",
			"withdraw_consent":        "withdrawing the consent you gave us earlier",
		},
		"nl": {
			"access":                  "inzage in uw persoonsgegevens en in wat wij ermee doen",
			"rectification":           "het corrigeren of aanvullen van uw persoonsgegevens",
			"erasure":                 "het verwijderen van uw persoonsgegevens",
			"restriction":             "het tijdelijk beperken van het gebruik van uw persoonsgegevens",
			"portability":             "het ontvangen van uw gegevens in een bruikbaar bestand, of het doorsturen ervan naar een ander bedrijf",
			"objection":               "uw bezwaar tegen het gebruik van uw persoonsgegevens",
			"object_direct_marketing": "het stoppen met het gebruik van uw gegevens voor reclame en direct marketing",
			"automated_decision":      "een beoordeling door een mens van een automatisch genomen besluit",
			"withdraw_consent":        "het intrekken van de toestemming die u ons eerder gaf",
		},
		"de": {
			"access":                  "Auskunft über Ihre personenbezogenen Daten und eine Kopie davon",
			"rectification":           "die Berichtigung oder Vervollständigung Ihrer personenbezogenen Daten",
			"erasure":                 "die Löschung Ihrer personenbezogenen Daten",
			"restriction":             "die vorübergehende Einschränkung der Nutzung Ihrer Daten",
			"portability":             "die Herausgabe Ihrer Daten in einem maschinenlesbaren Format oder ihre Übermittlung an ein anderes Unternehmen",
			"objection":               "Ihren Widerspruch gegen die Nutzung Ihrer personenbezogenen Daten",
			"object_direct_marketing": "keine Nutzung Ihrer Daten mehr für Werbung und Direktmarketing",
			"automated_decision":      "die Überprüfung einer automatisierten Entscheidung durch einen Menschen",
			"withdraw_consent":        "den Widerruf Ihrer früher erteilten Einwilligung",
		},
		"fr": {
			"access":                  "l’accès à vos données personnelles et une copie de celles-ci",
			"rectification":           "la correction ou le complément de vos données personnelles",
			"erasure":                 "l’effacement de vos données personnelles",
			"restriction":             "la limitation temporaire de l’utilisation de vos données",
			"portability":             "la remise de vos données dans un format lisible par machine, ou leur transmission à une autre entreprise",
			"objection":               "votre opposition à l’utilisation de vos données personnelles",
			"object_direct_marketing": "l’arrêt de l’utilisation de vos données à des fins de publicité et de prospection",
			"automated_decision":      "le réexamen par une personne d’une décision prise de façon automatisée",
			"withdraw_consent":        "le retrait du consentement que vous nous aviez donné",
		},
	}

	// mailWords name the customer mails for staff.
	mailWords = map[string]map[string]string{
		"en": {
			Acknowledgement: "the acknowledgement", IdentityCheck: "the identity check", IdentityReminder: "the identity reminder",
			Extension: "the extension notice", Completion: "the completion mail", Refusal: "the refusal",
			FeeRequest: "the fee request", Reply: "a #reply message", WithdrawnNotice: "the withdrawal confirmation",
		},
		"nl": {
			Acknowledgement: "de ontvangstbevestiging", IdentityCheck: "de identiteitsvraag", IdentityReminder: "de herinnering aan de identiteitsvraag",
			Extension: "de verlengingsbrief", Completion: "de afrondingsmail", Refusal: "de weigering",
			FeeRequest: "het verzoek om een vergoeding", Reply: "een #reply-bericht", WithdrawnNotice: "de bevestiging van intrekking",
		},
	}
)

func langOr(m map[string]string, lang string) string {
	if v, ok := m[lang]; ok {
		return v
	}
	return m[FallbackLanguage]
}

// dateIn formats the calendar date of t in lang: 5 april 2026, 5 April 2026,
// 5. April 2026, 5 avril 2026 (1er avril 2026).
func dateIn(lang string, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	var buf [48]byte
	return string(appendDate(buf[:0], lang, t))
}

// appendDate appends dateIn(lang, t) for a non-zero t.
func appendDate(b []byte, lang string, t time.Time) []byte {
	y, m, d := t.Date()
	months, ok := monthNames[lang]
	if !ok {
		months = monthNames[FallbackLanguage]
		lang = FallbackLanguage
	}
	switch {
	case lang == "de":
		b = strconv.AppendInt(b, int64(d), 10)
		b = append(b, '.')
	case lang == "fr" && d == 1:
		b = append(b, "1er"...)
	default:
		b = strconv.AppendInt(b, int64(d), 10)
	}
	b = append(b, ' ')
	b = append(b, months[m-1]...)
	b = append(b, ' ')
	return strconv.AppendInt(b, int64(y), 10)
}

// dayIn is dateIn with the weekday: dinsdag 7 april 2026, Tuesday 7 April
// 2026, Dienstag, 7. April 2026, mardi 7 avril 2026.
func dayIn(lang string, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	days, ok := dayNames[lang]
	if !ok {
		days, lang = dayNames[FallbackLanguage], FallbackLanguage
	}
	var buf [64]byte
	b := append(buf[:0], days[t.Weekday()]...)
	if lang == "de" {
		b = append(b, ',')
	}
	b = append(b, ' ')
	return string(appendDate(b, lang, t))
}

func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// isoDayIn is "Tue 2026-04-07" (en) or "di 2026-04-07" (nl), for staff.
func isoDayIn(lang string, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	days, ok := shortDayNames[lang]
	if !ok {
		days = shortDayNames[FallbackLanguage]
	}
	var buf [32]byte
	b := append(buf[:0], days[t.Weekday()]...)
	b = append(b, ' ')
	return string(t.AppendFormat(b, "2006-01-02"))
}

func clockTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("15:04")
}

func rightIn(lang, r string) string {
	if w, ok := rightWords[lang][r]; ok {
		return w
	}
	if w, ok := rightWords[FallbackLanguage][r]; ok && rightWords[lang] == nil {
		return w
	}
	return strings.ReplaceAll(r, "_", " ")
}

// joinIn joins items as "a, b and c" in lang.
func joinIn(lang string, items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + langOr(andWord, lang) + " " + items[len(items)-1]
}

func commonFuncs(lang string) map[string]any {
	return map[string]any{
		// date: 5 april 2026 / 5 April 2026 / 5. April 2026 / 5 avril 2026.
		"date": func(t time.Time) string { return dateIn(lang, t) },
		// day: the date with its weekday.
		"day": func(t time.Time) string { return dayIn(lang, t) },
		// iso: 2026-04-07.
		"iso": isoDate,
		// isoday: "Tue 2026-04-07".
		"isoday": func(t time.Time) string { return isoDayIn(lang, t) },
		// clock: 14:05.
		"clock": clockTime,
		// right: one right in plain words.
		"right": func(r string) string { return rightIn(lang, r) },
		// rights: all rights in plain words, joined with "and".
		"rights": func(rs []string) string {
			w := make([]string, len(rs))
			for i, r := range rs {
				w[i] = rightIn(lang, r)
			}
			return joinIn(lang, w)
		},
		// codes: the rights' JSON names, comma-separated ("access, erasure").
		"codes": func(rs []string) string { return strings.Join(rs, ", ") },
		// has: whether the list contains s.
		"has": func(list []string, s string) bool {
			for _, x := range list {
				if x == s {
					return true
				}
			}
			return false
		},
		// join: "a, b and c" in the mail's language.
		"join": func(items []string) string { return joinIn(lang, items) },
		// mailname: a customer mail's name in words, for staff.
		"mailname": func(name string) string {
			if w, ok := mailWords[lang][name]; ok {
				return w
			}
			if w, ok := mailWords[FallbackLanguage][name]; ok {
				return w
			}
			return name
		},
		// overdue: how many warnings are overdue.
		"overdue": overdueCount,
		// num: n with thousands separated: 24,800 (en) · 24.800 (nl, de) · 24 800 (fr).
		"num": func(n int) string { return numIn(lang, n) },
		// neg: -n, e.g. days overdue from DaysLeft.
		"neg": func(n int) int { return -n },
		// plural: one if n == 1, else many.
		"plural": func(n int, one, many string) string {
			if n == 1 {
				return one
			}
			return many
		},
	}
}

// numIn formats n with the thousands separator of lang: "," in English
// (and unknown languages), "." in Dutch and German, a narrow no-break space
// in French.
func numIn(lang string, n int) string {
	sep := ","
	switch lang {
	case "nl", "de":
		sep = "."
	case "fr":
		sep = "\u202f"
	}
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func textFuncs(lang string) texttemplate.FuncMap {
	f := texttemplate.FuncMap(commonFuncs(lang))
	// quote: prefix every line with "> ".
	f["quote"] = quoteText
	// indent: prefix every line with n spaces.
	f["indent"] = indentText
	return f
}

// quoteText prefixes every line of s with "> " (an empty line with ">"),
// after dropping final line breaks.
func quoteText(s string) string {
	if s == "" {
		return ""
	}
	s = strings.TrimRight(s, "\n")
	var b strings.Builder
	b.Grow(len(s) + 2*strings.Count(s, "\n") + 2)
	for first := true; ; first = false {
		l, rest, more := strings.Cut(s, "\n")
		if !first {
			b.WriteByte('\n')
		}
		if l == "" {
			b.WriteByte('>')
		} else {
			b.WriteString("> ")
			b.WriteString(l)
		}
		if !more {
			break
		}
		s = rest
	}
	return b.String()
}

// indentText prefixes every non-empty line of s with n spaces.
func indentText(n int, s string) string {
	pad := strings.Repeat(" ", n)
	var b strings.Builder
	b.Grow(len(s) + len(pad)*(strings.Count(s, "\n")+1))
	for first := true; ; first = false {
		l, rest, more := strings.Cut(s, "\n")
		if !first {
			b.WriteByte('\n')
		}
		if l != "" {
			b.WriteString(pad)
			b.WriteString(l)
		}
		if !more {
			break
		}
		s = rest
	}
	return b.String()
}

func htmlFuncs(lang string) htmltemplate.FuncMap {
	f := htmltemplate.FuncMap(commonFuncs(lang))
	// lines: the text, escaped, with line breaks as <br>.
	f["lines"] = func(s string) htmltemplate.HTML {
		return htmltemplate.HTML(strings.ReplaceAll(htmltemplate.HTMLEscapeString(s), "\n", "<br>\n"))
	}
	// paras: the text, escaped, as paragraphs (blank lines) with <br> for
	// single line breaks.
	f["paras"] = parasHTML
	return f
}

// parasHTML is the paras function: s, escaped by html/template's
// HTMLEscapeString, split into paragraphs at blank lines (as the regular
// expression \n\s*\n splits), with <br> for single line breaks.
func parasHTML(s string) htmltemplate.HTML {
	s = strings.TrimSpace(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/8 + 64)
	for {
		p, rest, more := cutPara(s)
		if more {
			b.WriteString(`<p style="margin:0 0 12px 0;">`)
		} else {
			b.WriteString(`<p style="margin:0;">`)
		}
		for e := htmltemplate.HTMLEscapeString(p); ; {
			l, tail, br := strings.Cut(e, "\n")
			b.WriteString(l)
			if !br {
				break
			}
			b.WriteString("<br>\n")
			e = tail
		}
		b.WriteString("</p>\n")
		if !more {
			break
		}
		s = rest
	}
	return htmltemplate.HTML(b.String())
}

// cutPara cuts s around the leftmost match of the regular expression
// \n\s*\n (a line break, white space, and the last line break in it):
// before and after are the text around it; found is false, with before ==
// s, when there is none.
func cutPara(s string) (before, after string, found bool) {
	for i := 0; i < len(s); {
		k := strings.IndexByte(s[i:], '\n')
		if k < 0 {
			break
		}
		i += k
		last := -1
		j := i + 1
		for ; j < len(s) && isPerlSpace(s[j]); j++ {
			if s[j] == '\n' {
				last = j
			}
		}
		if last >= 0 {
			return s[:i], s[last+1:], true
		}
		i = j
	}
	return s, "", false
}

// isBidiControl reports the Unicode bidirectional formatting characters that
// can make a name display differently from what it is.
func isBidiControl(r rune) bool {
	return r == '\u200e' || r == '\u200f' || (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069')
}

// oneLine makes s safe as a single-line value: control characters (CR, LF,
// tabs, NUL, C1), bidi controls, invalid UTF-8 and U+FFFD become spaces,
// runs of spaces collapse, ends are trimmed.
//
// U+FFFD counts as invalid UTF-8 because encoding/json turns each invalid
// byte into one: Data that went through JSON must render as the original.
func oneLine(s string) string {
	if s == "" || isOneLine(s) {
		return s
	}
	s = invalidToSpace(s)
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || isBidiControl(r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// isOneLine reports whether oneLine(s) == s for a non-empty s: valid UTF-8
// without U+FFFD, control, bidi or white space characters other than
// single spaces between words.
func isOneLine(s string) bool {
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	space := false // the previous byte was a space
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' {
				if space {
					return false
				}
				space = true
			} else if c < 0x20 || c == 0x7f {
				return false
			} else {
				space = false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || unicode.IsControl(r) || isBidiControl(r) || unicode.IsSpace(r) {
			return false // U+2028 and U+2029 are white space
		}
		space = false
		i += n
	}
	return true
}

// invalidToSpace replaces every run of invalid UTF-8 bytes and U+FFFD
// characters with one space, as strings.ToValidUTF8(s, " ") does with runs of
// invalid bytes alone. A run of invalid bytes becomes, after encoding/json,
// a run of U+FFFD, so both give the same.
func invalidToSpace(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return r == utf8.RuneError })
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	run := false
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError {
			if !run {
				b.WriteByte(' ')
				run = true
			}
		} else {
			b.WriteString(s[i : i+n])
			run = false
		}
		i += n
	}
	return b.String()
}

// multiLine keeps line breaks (normalised to \n) and tabs but removes other
// control and bidi characters; invalid UTF-8 and U+FFFD become spaces as in
// oneLine.
func multiLine(s string) string {
	if s == "" {
		return ""
	}
	if isMultiLine(s) {
		return strings.TrimSpace(s)
	}
	s = invalidToSpace(s)
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

// isMultiLine reports whether multiLine(s) is strings.TrimSpace(s): valid
// UTF-8 without U+FFFD, CR, line or paragraph separators, and without
// control or bidi characters other than LF and tab.
func isMultiLine(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || r == '\u2028' || r == '\u2029' || unicode.IsControl(r) || isBidiControl(r) {
			return false
		}
		i += n
	}
	return true
}

// tidier holds the buffers of tidyText, so that a render allocates only the
// resulting string.
type tidier struct {
	out   []byte
	words []word   // of the line being wrapped
	lines [][2]int // of the line being wrapped: words[start:end]
}

// word is a word of a line being wrapped: body[from:to] with sep spaces
// before it and n runes.
type word struct{ from, to, sep, n int }

var tidiers = sync.Pool{New: func() any { return &tidier{out: make([]byte, 0, 8<<10)} }}

// tidyText normalises a rendered text body: LF line ends, tabs as four
// spaces, no trailing spaces, at most one blank line in a row, lines wrapped at WrapWidth, no
// blank lines at the ends, one final newline.
func tidyText(s string) string {
	t := tidiers.Get().(*tidier)
	t.out = t.out[:0]
	t.tidy(s)
	out := string(t.out)
	if cap(t.out) <= 256<<10 && cap(t.words) <= 4<<10 {
		tidiers.Put(t)
	}
	return out
}

// tidy appends tidyText(s) to t.out.
func (t *tidier) tidy(s string) {
	if needsSpaceMap(s) {
		s = strings.ReplaceAll(s, "\r", "")
		s = strings.ReplaceAll(s, "\t", "    ")
		s = strings.Map(func(r rune) rune {
			// Other breaking white space becomes a plain space, so wrapping
			// sees it; no-break spaces (French « : ») stay.
			if isBreakingSpace(r) {
				return ' '
			}
			return r
		}, s)
	}
	started := false // a line was written
	blank := true    // suppress leading blank lines
	pending := false // a blank line, written only when more text follows
	for rest := s; ; {
		l, tail, more := strings.Cut(rest, "\n")
		rest = tail
		if n := len(l); n > 0 && (l[n-1] >= utf8.RuneSelf || asciiSpace(l[n-1])) {
			l = strings.TrimRightFunc(l, unicode.IsSpace)
		}
		if l == "" {
			if !blank {
				pending = true
			}
			blank = true
		} else {
			blank = false
			if pending {
				t.out = append(t.out, '\n') // started is true
				pending = false
			}
			if started {
				t.out = append(t.out, '\n')
			}
			started = true
			t.wrap(l, WrapWidth)
		}
		if !more {
			break
		}
	}
	t.out = append(t.out, '\n')
}

// isBreakingSpace is white space other than LF, the plain space and the
// no-break spaces (U+00A0, U+202F, U+2007).
func isBreakingSpace(r rune) bool {
	return r != '\n' && r != ' ' && r != '\u00a0' && r != '\u202f' && r != '\u2007' && unicode.IsSpace(r)
}

// asciiSpace is unicode.IsSpace for an ASCII byte.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// needsSpaceMap reports whether tidyText must rewrite s before splitting
// it into lines: it has CR, tabs, breaking white space other than LF and
// spaces, or invalid UTF-8 (which strings.Map turns into U+FFFD).
func needsSpaceMap(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if !spaceMapLook[c] {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			return true // \t, \v, \f or \r
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if n == 1 || isBreakingSpace(r) {
			return true // n == 1: invalid UTF-8
		}
		i += n
	}
	return false
}

// spaceMapLook marks the bytes needsSpaceMap must look at: ASCII white
// space other than LF and space, and every non-ASCII byte.
var spaceMapLook = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= utf8.RuneSelf || (c != '\n' && c != ' ' && asciiSpace(byte(c)))
	}
	return t
}()

// wrapLine breaks l (a line without a line break) at spaces so no line is
// longer than width columns; see tidier.wrap.
func wrapLine(l string, width int) []string {
	var t tidier
	t.wrap(l, width)
	return strings.Split(string(t.out), "\n")
}

// wrap appends l (a line without a line break) to t.out, broken at spaces
// into lines joined by "\n" so no line is longer than width columns (a
// single longer word, such as a URL, stays whole). Continuation lines keep
// the quote prefix, or hang under a bullet's text or a column's value. A day
// number stays with its month ("5 June"), and a lone short word is not left
// on the last line ("; and").
func (t *tidier) wrap(l string, width int) {
	if len(l) <= width || utf8.RuneCountInString(l) <= width {
		t.out = append(t.out, l...)
		return
	}
	prefix, prefixSpace := "", false // the quote marks, and whether a space follows them
	if n := quotePrefixLen(l); n > 0 {
		prefix = l[:n]
		prefixSpace = !strings.HasSuffix(prefix, " ")
		l = strings.TrimLeft(l[n:], " ")
	}
	prefixLen := len(prefix) // ASCII
	if prefixSpace {
		prefixLen++
	}
	lead := len(l) - len(strings.TrimLeft(l, " ")) // spaces before the first word
	var hang int                                   // spaces before continuation lines
	if m := bulletLen(l); m >= 0 {
		hang = utf8.RuneCountInString(l[:m])
	} else if m := columnLen(l); m >= 0 {
		hang = utf8.RuneCountInString(l[:m])
	} else {
		hang = lead
	}
	if prefixLen+hang > width/2 {
		hang = 0
	}
	b := t.out
	writePrefix := func(b []byte) []byte {
		b = append(b, prefix...)
		if prefixSpace {
			b = append(b, ' ')
		}
		return b
	}

	// Words with the spaces before them (runs of spaces align columns).
	words := t.words[:0]
	body := l[lead:] // starts with a word
	for i, sep := 0, 0; i < len(body); {
		if body[i] == ' ' {
			sep++
			i++
			continue
		}
		j, ascii := i, true
		for ; j < len(body) && body[j] != ' '; j++ {
			if body[j] >= utf8.RuneSelf {
				ascii = false
			}
		}
		n := j - i
		if !ascii {
			n = utf8.RuneCountInString(body[i:j])
		}
		words = append(words, word{i, j, sep, n})
		sep, i = 0, j
	}
	t.words = words[:0]
	w := func(k int) string { return body[words[k].from:words[k].to] }
	if len(words) == 0 {
		t.out = append(writePrefix(b), l...)
		return
	}
	words[0].sep = 0

	// Greedy fill; every line is a run of words, lines[i] = [start, end).
	lines := t.lines[:0]
	start := 0 // the current line is words[start:i]
	n := prefixLen + lead + words[0].n
	for i := 1; i < len(words); i++ {
		if sl, wl := words[i].sep, words[i].n; n+sl+wl <= width {
			n += sl + wl
			continue
		}
		// Keep "5 April 2026" together: carry the month before a year, and
		// a day number before that, to the next line.
		carry := 0
		if isYear(w(i)) && i-start > 1 && isMonth(w(i-1)) {
			carry = 1
		}
		if i-start > carry+1 && isDayNum(w(i-1-carry)) {
			carry++
		}
		lines = append(lines, [2]int{start, i - carry})
		start = i - carry
		n = prefixLen + hang
		for k := start; k <= i; k++ {
			if k > start {
				n++
			}
			n += words[k].n
		}
	}
	lines = append(lines, [2]int{start, len(words)})
	t.lines = lines[:0]
	// No lone short word on the last line.
	if k := len(lines); k > 1 && lines[k-1][1]-lines[k-1][0] == 1 && words[lines[k-1][0]].n <= 4 && lines[k-2][1]-lines[k-2][0] > 2 {
		lines[k-2][1]--
		lines[k-1][0]--
	}

	for i, ln := range lines {
		if i > 0 {
			b = append(b, '\n')
		}
		from := len(b)
		b = writePrefix(b)
		if i == 0 {
			b = appendSpaces(b, lead)
		} else {
			b = appendSpaces(b, hang)
		}
		for k := ln[0]; k < ln[1]; k++ {
			if k > ln[0] {
				if i == 0 {
					b = appendSpaces(b, words[k].sep)
				} else {
					b = append(b, ' ')
				}
			}
			b = append(b, w(k)...)
		}
		for len(b) > from && b[len(b)-1] == ' ' {
			b = b[:len(b)-1]
		}
	}
	t.out = b
}

// appendSpaces appends n spaces.
func appendSpaces(b []byte, n int) []byte {
	const s = "                                "
	for ; n > len(s); n -= len(s) {
		b = append(b, s...)
	}
	return append(b, s[:n]...)
}

// bulletLen is the length of the match of bulletRe at the start of l (a
// list item's marker with the white space around it), or -1.
func bulletLen(l string) int {
	i := 0
	for i < len(l) && isPerlSpace(l[i]) {
		i++
	}
	switch {
	case i == len(l):
		return -1
	case l[i] == '-' || l[i] == '*' || l[i] == '!':
		i++
	case strings.HasPrefix(l[i:], "•"):
		i += len("•")
	case isDigit(l[i]):
		i++
		if i < len(l) && isDigit(l[i]) {
			i++
		}
		if i == len(l) || (l[i] != '.' && l[i] != ')') {
			return -1
		}
		i++
	default:
		return -1
	}
	j := i
	for j < len(l) && isPerlSpace(l[j]) {
		j++
	}
	if j == i {
		return -1
	}
	return j
}

// columnLen is the length of the first group of columnRe matched at the
// start of l (a label or command and the run of two or more spaces after
// it, before the value), or -1. Like the regular expression it takes the
// first word, then the shortest stretch of at most 30 more characters
// without a tab that is followed by two or more white space characters and
// something else.
func columnLen(l string) int {
	i := 0
	for i < len(l) && isPerlSpace(l[i]) {
		i++
	}
	if i == len(l) {
		return -1
	}
	_, n := utf8.DecodeRuneInString(l[i:]) // \S
	i += n
	for k := 0; ; k++ {
		j := i
		for j < len(l) && isPerlSpace(l[j]) {
			j++
		}
		if j-i >= 2 && j < len(l) {
			return j
		}
		if k == 30 || i == len(l) || l[i] == '\t' {
			return -1
		}
		_, n := utf8.DecodeRuneInString(l[i:]) // [^\t]
		i += n
	}
}

// quotePrefixLen is the length of the quote marks that start l, as the
// regular expression ^(>\s?)+ matches them.
func quotePrefixLen(l string) int {
	i := 0
	for i < len(l) && l[i] == '>' {
		i++
		if i < len(l) && isPerlSpace(l[i]) {
			i++
		}
	}
	return i
}

// isPerlSpace is \s of Go's regular expressions.
func isPerlSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isYear is ^\d{4}[.,;:)]*$: a year, perhaps with punctuation after it.
func isYear(w string) bool {
	if len(w) < 4 || !isDigit(w[0]) || !isDigit(w[1]) || !isDigit(w[2]) || !isDigit(w[3]) {
		return false
	}
	return strings.Trim(w[4:], ".,;:)") == ""
}

// isMonth is ^\pL{3,}$: a word of at least three letters.
func isMonth(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
		n++
	}
	return n >= 3
}

// isDayNum is ^(\d{1,2}\.?|1er)$: a day number that belongs with the month
// after it: 5, 5., 1er.
func isDayNum(w string) bool {
	if w == "1er" {
		return true
	}
	w = strings.TrimSuffix(w, ".")
	return (len(w) == 1 && isDigit(w[0])) || (len(w) == 2 && isDigit(w[0]) && isDigit(w[1]))
}
