package message

import (
	"slices"
	"strings"
	"unicode"
)

// SplitQuoted separates what the sender wrote now from quoted earlier mail
// and signatures. newText keeps the sender's own lines (for inline replies,
// the lines between the quotes) and, for a forwarded mail, the forwarded
// text; quoted holds the rest: "> " quotes, attribution lines ("On ... wrote:",
// "Op ... schreef ...:", "Am ... schrieb ...:", "Le ... a écrit :"),
// everything after an Outlook header block or "-----Original Message-----",
// and signatures ("-- " and mobile ones such as "Sent from my iPhone").
// Both results have LF line ends and no leading or trailing blank lines.
func SplitQuoted(text string) (newText, quoted string) {
	n, q, _ := splitQuoted(text)
	return n, q
}

// lineKind is what one line of a body is.
type lineKind int

const (
	kindText lineKind = iota
	kindQuote
	kindForward     // a forwarded-message marker
	kindSigDelim    // "-- "
	kindMobileSig   // "Sent from my iPhone"
	kindOrigMessage // "-----Original Message-----" and its translations
)

// maxMarkerLine is the longest line looked at as a marker.
const maxMarkerLine = 300

var forwardMarkers = []string{
	"forwarded message", "begin forwarded message", "doorgestuurd bericht",
	"begin doorgestuurd bericht", "weitergeleitete nachricht",
	"anfang der weitergeleiteten nachricht", "message transféré", "message transfere",
	"début du message réexpédié", "debut du message reexpedie", "forwarded e-mail",
	"doorgestuurde e-mail", "weitergeleitete e-mail",
}

var origMarkers = []string{
	"original message", "oorspronkelijk bericht", "originele bericht",
	"ursprüngliche nachricht", "ursprungliche nachricht", "originalnachricht",
	"message d'origine", "message d’origine", "message original",
	// "---- Ihre Nachricht ----" above the copy a ticket system quotes
	"your message", "uw bericht", "je bericht", "ihre nachricht", "votre message",
	"your request", "uw vraag", "ihre anfrage", "votre demande",
}

// copyMarkers head the copy of the mail a ticket system answers, on a line
// of their own ending in a colon ("Ihre Nachricht:", "Rappel de votre
// message :"): what follows is the customer's mail, quoted.
var copyMarkers = []string{
	"your message", "uw bericht", "je bericht", "ihre nachricht", "votre message",
	"rappel de votre message", "copy of your message", "kopie van uw bericht",
}

var mobileSigs = []string{
	"sent from my ", "sent from outlook", "sent from mail for windows", "sent from yahoo mail",
	"sent from samsung", "sent from proton mail", "sent with proton mail", "get outlook for ",
	"verzonden vanaf mijn ", "verstuurd vanaf mijn ", "verzonden met ", "verzonden vanuit ",
	"verstuurd met ", "von meinem ", "gesendet von meinem ", "gesendet von outlook",
	"gesendet mit ", "envoyé de mon ", "envoyé depuis mon ", "envoyé à partir de ",
	"envoye de mon ", "envoyé avec ", "obtenir outlook pour ", "outlook voor ios",
	"outlook für ios",
}

// fromKeys and otherKeys are the field names of an Outlook-style header
// block in a reply ("From:" then "Sent:", "To:", "Subject:", ...).
var fromKeys = map[string]bool{"from": true, "van": true, "von": true, "de": true}
var otherKeys = map[string]bool{
	"sent": true, "verzonden": true, "gesendet": true, "envoyé": true, "envoye": true,
	"date": true, "datum": true, "to": true, "aan": true, "an": true, "à": true, "a": true,
	"subject": true, "onderwerp": true, "betreff": true, "objet": true, "cc": true,
}

var attributionWords = []string{
	" wrote", " schreef", " schrieb", " a écrit", " a ecrit", "het volgende geschreven",
	" geschrieben", " écrit :", " écrit:", " skrev", " escribió",
}

func classifyLine(line string) lineKind {
	if len(line) > maxMarkerLine {
		if isQuoteLine(line) {
			return kindQuote
		}
		return kindText
	}
	if line == "-- " || line == "--" || line == "-- \r" {
		return kindSigDelim
	}
	if isQuoteLine(line) {
		return kindQuote
	}
	t := strings.TrimSpace(line)
	if t == "" {
		return kindText
	}
	if t[0] == '-' || t[0] == '_' || t[len(t)-1] == ':' {
		l := strings.ToLower(t)
		core := strings.Trim(l, "-_ :*\u00a0")
		for _, m := range forwardMarkers {
			if core == m || (strings.HasPrefix(l, "--") && strings.Contains(core, m)) {
				return kindForward
			}
		}
		if t[len(t)-1] == ':' && !strings.HasPrefix(l, "--") && slices.Contains(copyMarkers, core) {
			return kindOrigMessage
		}
		if strings.HasPrefix(l, "--") {
			for _, m := range origMarkers {
				if core == m {
					return kindOrigMessage
				}
			}
		}
	}
	if len(t) < 80 && mayStartMobileSig(t[0]) {
		for _, s := range mobileSigs {
			if len(t) >= len(s) && strings.EqualFold(t[:len(s)], s) {
				return kindMobileSig
			}
		}
	}
	return kindText
}

// mobileSigFirst marks the ASCII letters (both cases) a mobile signature
// starts with.
var mobileSigFirst = func() (t [128]bool) {
	for _, s := range mobileSigs {
		c := s[0]
		t[c] = true
		if c >= 'a' && c <= 'z' {
			t[c-'a'+'A'] = true
		}
	}
	return t
}()

// mayStartMobileSig reports whether a line starting with byte c can be a
// mobile signature: a letter some signature starts with, or any non-ASCII
// byte (strings.EqualFold folds some non-ASCII letters to ASCII ones).
func mayStartMobileSig(c byte) bool {
	return c >= 0x80 || mobileSigFirst[c]
}

func isQuoteLine(line string) bool {
	return strings.HasPrefix(strings.TrimLeft(line, " "), ">")
}

// hasKeyPrefix reports whether line starts with "<key>:" for a key in
// keys, allowing "*key:*" (bold) and a blank before the colon ("De :").
func hasKeyPrefix(line string, keys map[string]bool) bool {
	l := strings.TrimSpace(line)
	i := strings.IndexByte(l[:min(len(l), 17)], ':') // a later colon is too far anyway
	if i <= 0 || i > 16 {
		return false
	}
	k := strings.Trim(l[:i], "* \u00a0")
	// ASCII keys are lowered in a stack buffer: no allocation.
	var buf [16]byte
	for j := 0; j < len(k); j++ {
		c := k[j]
		if c >= 0x80 {
			return keys[strings.ToLower(k)]
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[j] = c
	}
	return keys[string(buf[:len(k)])]
}

// headerBlockAt reports whether lines[i] starts an Outlook-style block
// ("From: ..." followed by "Sent:"/"Date:"/"Subject:"/... lines).
func headerBlockAt(lines []string, i int) bool {
	if len(lines[i]) > maxMarkerLine || !hasKeyPrefix(lines[i], fromKeys) {
		return false
	}
	n := 0
	for j := i + 1; j < len(lines) && j <= i+7; j++ {
		if strings.TrimSpace(lines[j]) == "" {
			continue
		}
		if hasKeyPrefix(lines[j], otherKeys) {
			n++
		}
	}
	return n >= 2
}

// separatorLine is an Outlook "_____" rule or a row of dashes.
func separatorLine(l string) bool {
	if len(l) < 20 {
		return false
	}
	t := strings.TrimSpace(l)
	return len(t) >= 20 && strings.Trim(t, "_-") == ""
}

// attributionAt reports how many lines (1 to 3) starting at lines[i] form
// an attribution line such as "On <date>, <name> wrote:"; 0 if none.
func attributionAt(lines []string, i int) int {
	if len(lines[i]) > maxMarkerLine || strings.TrimSpace(lines[i]) == "" {
		return 0
	}
	// Cheap test first: one of the (up to) three lines must end with ":".
	colon := false
	for k := 0; k < 3 && i+k < len(lines); k++ {
		if trimmedEndsWithColon(lines[i+k]) {
			colon = true
			break
		}
	}
	if !colon {
		return 0
	}
	joined := ""
	for k := 0; k < 3 && i+k < len(lines); k++ {
		l := strings.TrimSpace(lines[i+k])
		if l == "" || len(joined)+len(l) > maxMarkerLine || isQuoteLine(lines[i+k]) {
			return 0
		}
		if joined != "" {
			joined += " "
		}
		joined += l
		if strings.HasSuffix(joined, ":") {
			if isAttribution(joined) {
				return k + 1
			}
			return 0
		}
	}
	return 0
}

// trimmedEndsWithColon is strings.HasSuffix(strings.TrimSpace(l), ":")
// without the call when the line ends in ASCII.
func trimmedEndsWithColon(l string) bool {
	j := len(l)
	for j > 0 && (l[j-1] == ' ' || l[j-1] >= '\t' && l[j-1] <= '\r') {
		j--
	}
	if j > 0 && l[j-1] >= 0x80 {
		return strings.HasSuffix(strings.TrimSpace(l), ":")
	}
	return j > 0 && l[j-1] == ':'
}

func isAttribution(s string) bool {
	l := strings.ToLower(s)
	found := false
	for _, w := range attributionWords {
		if strings.Contains(l, w) {
			found = true
			break
		}
	}
	if !found {
		return false
	}
	// A date with a time or an address: "On Monday I wrote:" in the
	// sender's own words is not an attribution.
	return strings.Contains(l, "@") || hasTime(l)
}

// hasTime reports whether s contains a clock time such as "10:00" or "9.30"
// or a four-digit year.
func hasTime(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if (s[i] == ':' || s[i] == '.') && i > 0 && isDigit(s[i-1]) && isDigit(s[i+1]) && isDigit(s[i+2]) {
			return true
		}
	}
	run := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			run++
			if run == 4 && (i+1 == len(s) || !isDigit(s[i+1])) {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// forwardSubject reports whether a subject marks a forwarded mail.
func forwardSubject(s string) bool {
	l := strings.ToLower(strings.TrimSpace(s))
	for _, p := range []string{"fwd:", "fw:", "fwd :", "fw :", "doorst:", "wg:", "tr:", "fwd[", "[fwd:"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

// splitQuoted is SplitQuoted that also reports whether the text forwards
// another mail.
func splitQuoted(text string) (newText, quoted string, forwarded bool) {
	return splitQuotedOpt(text, false)
}

// splitQuotedOpt splits text; with fwd (the subject says "Fwd:") an
// Outlook header block or "Original Message" marker starts forwarded text
// instead of quoted text.
//
// A short note above the block that says why the mail is passed on ("zur
// Info, keine Antwort bekommen", "FYI - no reply yet", "ter info, nog
// steeds niks gehoord", "Pour info, toujours pas de réponse") makes it a
// forward too, unless the block's own subject is a reply's ("Re:",
// "AW:"): the text after it is what is forwarded (see forwardNote).
func splitQuotedOpt(text string, fwd bool) (newText, quoted string, forwarded bool) {
	if strings.Contains(text, "\r") {
		text = strings.ReplaceAll(text, "\r\n", "\n")
	}
	lines := strings.Split(text, "\n")
	// newL and quoteL hold line numbers (-1: an empty line); every line
	// goes to one of them, plus one blank line: one backing array for both.
	n := len(lines) + 1
	both := make([]int32, 2*n)
	newL, quoteL := both[:0:n], both[n:n]
	lineRange := func(l []int32, from, to int) []int32 {
		for j := from; j < to; j++ {
			l = append(l, int32(j))
		}
		return l
	}
	seenNew := false // a non-blank line went to newL
	hasNew := func() bool { return seenNew }
	const (
		modeNew = iota
		modeSig
		modeHard
	)
	mode := modeNew
	rest := func(i int) {
		newL = lineRange(newL, i, len(lines))
	}
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if mode == modeHard {
			quoteL = append(quoteL, int32(i))
			continue
		}
		kind := classifyLine(line)
		if kind == kindForward {
			if mode == modeSig {
				newL = append(newL, -1)
			}
			forwarded = true
			rest(i)
			break
		}
		hardCut := false
		switch {
		case kind == kindOrigMessage:
			hardCut = true
		case separatorLine(line) && i+1 < len(lines) && (headerBlockAt(lines, i+1) || (i+2 < len(lines) && strings.TrimSpace(lines[i+1]) == "" && headerBlockAt(lines, i+2))):
			hardCut = true
		case kind == kindText && headerBlockAt(lines, i):
			hardCut = true
		}
		if hardCut {
			if fwd || !hasNew() || forwardNote(lines, newL, i) {
				// Nothing written before it, or only a note that passes it
				// on: a forward in all but name.
				forwarded = forwarded || fwd || hasNew()
				rest(i)
				break
			}
			mode = modeHard
			quoteL = append(quoteL, int32(i))
			continue
		}
		if mode == modeSig {
			quoteL = append(quoteL, int32(i))
			continue
		}
		switch kind {
		case kindSigDelim, kindMobileSig:
			if hasNew() {
				mode = modeSig
				quoteL = append(quoteL, int32(i))
				continue
			}
		case kindQuote:
			quoteL = append(quoteL, int32(i))
			continue
		}
		if kind == kindText {
			if k := attributionAt(lines, i); k > 0 {
				// Followed by "> " lines: only the attribution is quoted
				// (bottom or inline posting); else all that follows is.
				j := i + k
				for j < len(lines) && strings.TrimSpace(lines[j]) == "" {
					j++
				}
				quoteL = lineRange(quoteL, i, i+k)
				i += k - 1
				if j < len(lines) && isQuoteLine(lines[j]) {
					continue
				}
				if !hasNew() {
					// An attribution at the very top without quotes: keep the
					// text, it may be all the sender sent.
					quoteL = quoteL[:len(quoteL)-k]
					rest(i - k + 1)
					break
				}
				mode = modeHard
				continue
			}
		}
		newL = append(newL, int32(i))
		if !seenNew && strings.TrimSpace(line) != "" {
			seenNew = true
		}
	}
	return joinLines(lines, newL), joinLines(lines, quoteL), forwarded
}

// joinLines joins the lines numbered in nums (-1 is an empty line), trims
// blank lines at both ends and collapses runs of blank lines into one.
func joinLines(lines []string, nums []int32) string {
	var sb strings.Builder
	size := 0
	for _, j := range nums {
		if j >= 0 {
			size += len(lines[j]) + 1
		}
	}
	sb.Grow(size)
	blank := 0
	for _, j := range nums {
		l := ""
		if j >= 0 {
			l = lines[j]
		}
		if n := len(l); n == 0 || l[n-1] >= 0x80 || l[n-1] == ' ' || l[n-1] >= '\t' && l[n-1] <= '\r' {
			// Only then can there be white space to trim.
			l = strings.TrimRightFunc(l, unicode.IsSpace)
		}
		if l == "" {
			blank++
			continue
		}
		if sb.Len() > 0 {
			if blank > 0 {
				sb.WriteString("\n\n")
			} else {
				sb.WriteByte('\n')
			}
		}
		blank = 0
		sb.WriteString(l)
	}
	return sb.String()
}

// forwardNotes are words of a short note that passes a mail on: why it
// is forwarded (for information, no answer yet).
var forwardNotes = []string{
	"fyi", "for your information", "for info", "no reply", "no answer", "no response",
	"not had a reply", "not had an answer", "haven't heard", "have not heard", "still waiting", "forwarding",
	"ter info", "ter informatie", "ter kennisname", "geen antwoord", "geen reactie",
	"niks gehoord", "niets gehoord", "nog steeds niets", "nog steeds niks", "stuur ik door", "doorgestuurd",
	"zur info", "zur kenntnis", "zur information", "keine antwort", "keine reaktion",
	"nichts gehört", "nichts gehoert", "leite ich", "weitergeleitet", "immer noch nichts",
	"pour info", "pour information", "pas de réponse", "pas de reponse", "sans réponse",
	"sans reponse", "toujours rien", "je transfère", "je transfere", "je vous transmets",
}

// maxForwardNote is the most bytes and lines of new text a forwarding note
// may have.
const (
	maxForwardNote      = 300
	maxForwardNoteLines = 4
)

// forwardNote reports whether the new text so far (the lines newL of
// lines) is a short note that passes on the mail whose header block or
// marker is at lines[at].
func forwardNote(lines []string, newL []int32, at int) bool {
	if replyBlock(lines, at) {
		return false
	}
	var b strings.Builder
	n := 0
	for _, k := range newL {
		if k < 0 {
			continue
		}
		t := strings.TrimSpace(lines[k])
		if t == "" {
			continue
		}
		n++
		if n > maxForwardNoteLines || b.Len()+len(t) > maxForwardNote {
			return false
		}
		b.WriteString(t)
		b.WriteByte(' ')
	}
	l := strings.ToLower(b.String())
	for _, w := range forwardNotes {
		if i := strings.Index(l, w); i >= 0 && (i == 0 || !isWordByte(l[i-1])) && (i+len(w) == len(l) || !isWordByte(l[i+len(w)])) {
			return true
		}
	}
	return false
}

// isWordByte reports whether c is an ASCII letter or digit.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
}

// replyBlock reports whether a subject line among the up to 8 lines from
// lines[at] starts with a reply prefix ("Subject: RE: ...", "Betreff: AW:").
func replyBlock(lines []string, at int) bool {
	for j := at; j < len(lines) && j <= at+8; j++ {
		l := lines[j]
		if len(l) > maxMarkerLine {
			continue
		}
		k := strings.IndexByte(l, ':')
		if k <= 0 || k > 17 {
			continue
		}
		switch strings.ToLower(strings.TrimSpace(l[:k])) {
		case "subject", "onderwerp", "betreff", "objet", "sujet":
			v := strings.ToLower(strings.TrimSpace(l[k+1:]))
			for _, p := range []string{"re:", "re :", "aw:", "antw:", "sv:", "réf:", "ref:"} {
				if strings.HasPrefix(v, p) {
					return true
				}
			}
		}
	}
	return false
}

// PassedOnStart is ForwardStart that also takes an original-message
// marker ("-----Ursprüngliche Nachricht-----", "-----Original
// Message-----", which Outlook puts above a forwarded mail too) as the
// start of the mail passed on.
func PassedOnStart(text string) int {
	return firstLineOf(text, func(k lineKind) bool { return k == kindForward || k == kindOrigMessage })
}

// firstLineOf returns the byte offset in text of the first line whose
// kind is wanted, or -1.
func firstLineOf(text string, want func(lineKind) bool) int {
	off := 0
	for line := range strings.Lines(text) {
		if want(classifyLine(strings.TrimRight(line, "\r\n"))) {
			return off
		}
		off += len(line)
	}
	return -1
}

// ForwardStart returns the byte offset in text of the first line that
// marks a forwarded mail ("---------- Forwarded message ---------",
// "-------- Doorgestuurd bericht --------", "Begin forwarded message:" and
// their kin in the four languages), or -1 if there is none. Used on
// NewText, it tells the sender's own words (before it) from the mail they
// pass on.
func ForwardStart(text string) int {
	return firstLineOf(text, func(k lineKind) bool { return k == kindForward })
}
