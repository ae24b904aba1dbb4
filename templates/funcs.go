package templates

import (
	"fmt"
	htmltemplate "html/template"
	"regexp"
	"strings"
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
	w := days[t.Weekday()]
	if lang == "de" {
		return w + ", " + dateIn(lang, t)
	}
	return w + " " + dateIn(lang, t)
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
	return days[t.Weekday()] + " " + t.Format("2006-01-02")
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
		"overdue": func(ws []Warning) int {
			n := 0
			for _, w := range ws {
				if w.DaysLeft < 0 {
					n++
				}
			}
			return n
		},
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

func textFuncs(lang string) texttemplate.FuncMap {
	f := texttemplate.FuncMap(commonFuncs(lang))
	// quote: prefix every line with "> ".
	f["quote"] = func(s string) string {
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
	// indent: prefix every line with n spaces.
	f["indent"] = func(n int, s string) string {
		pad := strings.Repeat(" ", n)
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			if l != "" {
				lines[i] = pad + l
			}
		}
		return strings.Join(lines, "\n")
	}
	return f
}

func htmlFuncs(lang string) htmltemplate.FuncMap {
	f := htmltemplate.FuncMap(commonFuncs(lang))
	// lines: the text, escaped, with line breaks as <br>.
	f["lines"] = func(s string) htmltemplate.HTML {
		return htmltemplate.HTML(strings.ReplaceAll(htmltemplate.HTMLEscapeString(s), "\n", "<br>\n"))
	}
	// paras: the text, escaped, as paragraphs (blank lines) with <br> for
	// single line breaks.
	f["paras"] = func(s string) htmltemplate.HTML {
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
	return f
}

// isBidiControl reports the Unicode bidirectional formatting characters that
// can make a name display differently from what it is.
func isBidiControl(r rune) bool {
	return r == '\u200e' || r == '\u200f' || (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069')
}

// oneLine makes s safe as a single-line value: control characters (CR, LF,
// tabs, NUL, C1), bidi controls and invalid UTF-8 become spaces, runs of
// spaces collapse, ends are trimmed.
func oneLine(s string) string {
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

// multiLine keeps line breaks (normalised to \n) and tabs but removes other
// control and bidi characters.
func multiLine(s string) string {
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

// tidyText normalises a rendered text body: LF line ends, tabs as four
// spaces, no trailing spaces, at most one blank line in a row, lines wrapped at WrapWidth, no
// blank lines at the ends, one final newline.
func tidyText(s string) string {
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
	var b strings.Builder
	b.Grow(len(s) + len(s)/8 + 1)
	started := false // a line was written
	blank := true    // suppress leading blank lines
	pending := false // a blank line, written only when more text follows
	line := func(l string) {
		if started {
			b.WriteByte('\n')
		}
		b.WriteString(l)
		started = true
	}
	for rest := s; ; {
		l, tail, more := strings.Cut(rest, "\n")
		rest = tail
		l = strings.TrimRightFunc(l, unicode.IsSpace)
		if l == "" {
			if !blank {
				pending = true
			}
			blank = true
		} else {
			blank = false
			if pending {
				line("")
				pending = false
			}
			if utf8.RuneCountInString(l) <= WrapWidth {
				line(l)
			} else {
				for _, w := range wrapLine(l, WrapWidth) {
					line(w)
				}
			}
		}
		if !more {
			break
		}
	}
	b.WriteByte('\n')
	return b.String()
}

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

// wrapLine breaks l at spaces so no line is longer than width columns (a
// single longer word, such as a URL, stays whole). Continuation lines keep
// the quote prefix, or hang under a bullet's text or a column's value. A day
// number stays with its month ("5 June"), and a lone short word is not left
// on the last line ("; and").
func wrapLine(l string, width int) []string {
	if utf8.RuneCountInString(l) <= width {
		return []string{l}
	}
	prefix := ""
	if n := quotePrefixLen(l); n > 0 {
		prefix = l[:n]
		if !strings.HasSuffix(prefix, " ") {
			prefix += " "
		}
		l = strings.TrimLeft(l[n:], " ")
	}
	var hang string
	if m := bulletRe.FindString(l); m != "" {
		hang = strings.Repeat(" ", utf8.RuneCountInString(m))
	} else if m := columnRe.FindStringSubmatch(l); m != nil {
		hang = strings.Repeat(" ", utf8.RuneCountInString(m[1]))
	} else {
		hang = l[:len(l)-len(strings.TrimLeft(l, " "))]
	}
	prefixLen, hangLen := utf8.RuneCountInString(prefix), utf8.RuneCountInString(hang)
	if prefixLen+hangLen > width/2 {
		hang, hangLen = "", 0
	}
	lead := l[:len(l)-len(strings.TrimLeft(l, " "))]

	// Words with the spaces before them (runs of spaces align columns).
	type word struct {
		sep, w string
		n      int // runes in w
	}
	body := strings.TrimLeft(l, " ")
	words := make([]word, 0, strings.Count(body, " ")+1)
	sep := 0 // spaces before the next word, beyond the one that splits
	for rest := body; ; {
		w, tail, more := strings.Cut(rest, " ")
		if w == "" {
			sep++
		} else {
			words = append(words, word{spaces(sep + 1), w, utf8.RuneCountInString(w)})
			sep = 0
		}
		if !more {
			break
		}
		rest = tail
	}
	if len(words) == 0 {
		return []string{prefix + l}
	}
	words[0].sep = ""

	// Greedy fill; every line is a run of words, lines[i] = [start, end).
	var lines [][2]int
	start := 0 // the current line is words[start:i]
	n := prefixLen + utf8.RuneCountInString(lead) + words[0].n
	for i := 1; i < len(words); i++ {
		wl := words[i].n
		if sl := len(words[i].sep); n+sl+wl <= width { // sep is ASCII spaces
			n += sl + wl
			continue
		}
		// Keep "5 April 2026" together: carry the month before a year, and
		// a day number before that, to the next line.
		carry := 0
		if isYear(words[i].w) && i-start > 1 && isMonth(words[i-1].w) {
			carry = 1
		}
		if i-start > carry+1 && isDayNum(words[i-1-carry].w) {
			carry++
		}
		lines = append(lines, [2]int{start, i - carry})
		start = i - carry
		n = prefixLen + hangLen
		for k := start; k <= i; k++ {
			if k > start {
				n++
			}
			n += words[k].n
		}
	}
	lines = append(lines, [2]int{start, len(words)})
	// No lone short word on the last line.
	if k := len(lines); k > 1 && lines[k-1][1]-lines[k-1][0] == 1 && words[lines[k-1][0]].n <= 4 && lines[k-2][1]-lines[k-2][0] > 2 {
		lines[k-2][1]--
		lines[k-1][0]--
	}

	out := make([]string, len(lines))
	var b strings.Builder
	for i, ln := range lines {
		b.Reset()
		b.WriteString(prefix)
		if i == 0 {
			b.WriteString(lead)
		} else {
			b.WriteString(hang)
		}
		for k := ln[0]; k < ln[1]; k++ {
			if k > ln[0] {
				if i == 0 {
					b.WriteString(words[k].sep)
				} else {
					b.WriteByte(' ')
				}
			}
			b.WriteString(words[k].w)
		}
		out[i] = strings.TrimRight(b.String(), " ")
	}
	return out
}

// spaces returns n spaces.
func spaces(n int) string {
	const s = "                                "
	if n <= len(s) {
		return s[:n]
	}
	return strings.Repeat(" ", n)
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
