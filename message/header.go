package message

import (
	"bytes"
	"html"
	"io"
	"mime"
	"net/mail"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

const (
	maxHeaderValue = 64 << 10 // bytes kept of one decoded header value
	maxMsgIDs      = 500      // msg-ids kept from one References field
	maxMsgIDLen    = 998      // longer "msg-ids" are junk
	maxAddresses   = 500      // addresses kept from one address field
	maxNameLen     = 256      // bytes kept of a display name
)

// newWordDecoder returns an RFC 2047 decoder that never fails on a charset:
// an unknown charset is decoded as UTF-8 if valid, else as Windows-1252, and
// problem is called once per unknown charset.
func newWordDecoder(problem func(string)) *mime.WordDecoder {
	var seen map[string]bool // made on the first problem
	return &mime.WordDecoder{CharsetReader: func(cs string, input io.Reader) (io.Reader, error) {
		b, err := io.ReadAll(io.LimitReader(input, maxHeaderValue))
		if err != nil {
			return bytes.NewReader(nil), nil
		}
		s, p := decodeCharset(b, cs, 4*maxHeaderValue)
		// Without a problem func nothing is tracked: plainWordDecoder is
		// shared between goroutines.
		if p != "" && problem != nil && !seen[p] {
			if seen == nil {
				seen = map[string]bool{}
			}
			seen[p] = true
			problem("header: " + p)
		}
		return strings.NewReader(s), nil
	}}
}

// plainWordDecoder decodes encoded words without reporting problems.
var plainWordDecoder = newWordDecoder(nil)

// decodeHeaderValue turns a raw (unfolded) header value into a clean,
// single-line UTF-8 string: 8-bit bytes are fixed, encoded words decoded,
// control characters replaced by spaces.
func decodeHeaderValue(raw string, wd *mime.WordDecoder) string {
	if len(raw) > maxHeaderValue {
		raw = truncateUTF8(raw, maxHeaderValue)
	}
	s, _ := fixUTF8String(raw)
	if strings.Contains(s, "=?") {
		if d, err := safeDecodeHeader(wd, s); err == nil {
			s, _ = fixUTF8String(d)
		}
	}
	return singleLine(s)
}

func safeDecodeHeader(wd *mime.WordDecoder, s string) (out string, err error) {
	defer func() {
		if p := recover(); p != nil {
			out, err = "", errPanic
		}
	}()
	return wd.DecodeHeader(s)
}

// singleLine replaces control characters (CR, LF, TAB, ...) and invisible
// format characters by spaces and trims the result. Runs of spaces are kept
// except the ones it creates.
func singleLine(s string) string {
	if singleLineClean(s) {
		return strings.TrimSpace(s)
	}
	var sb strings.Builder
	sb.Grow(len(s))
	lastSpace := false
	for _, r := range s {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029' {
			if !lastSpace {
				sb.WriteByte(' ')
			}
			lastSpace = true
			continue
		}
		lastSpace = r == ' '
		sb.WriteRune(r)
	}
	return strings.TrimSpace(sb.String())
}

// singleLineClean reports whether singleLine has nothing to replace in s:
// valid UTF-8 without control, format or line/paragraph separator
// characters.
func singleLineClean(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			if c < 0x20 || c == 0x7F {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029' {
			return false
		}
		i += n
	}
	return true
}

// cleanName makes a display name a plain single-line string: HTML tags are
// removed, entities decoded, control characters and angle brackets dropped,
// whitespace collapsed, surrounding quotes trimmed.
func cleanName(s string) string {
	if plainName(s) {
		return truncateUTF8(s, maxNameLen)
	}
	s, _ = fixUTF8String(s)
	if strings.ContainsAny(s, "<&") {
		var sb strings.Builder
		in := false
		for _, r := range s {
			switch {
			case r == '<':
				in = true
			case r == '>' && in:
				in = false
				sb.WriteByte(' ')
			case !in:
				sb.WriteRune(r)
			}
		}
		s = html.UnescapeString(sb.String())
	}
	s = singleLine(s)
	s = strings.Map(func(r rune) rune {
		if r == '<' || r == '>' || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	s = strings.Trim(s, `"' `)
	return truncateUTF8(s, maxNameLen)
}

// plainName reports whether cleanName has nothing to do on s but cut it:
// printable ASCII without angle brackets or "&", single blanks only, and no
// blank or quote at either end.
func plainName(s string) bool {
	if s == "" {
		return true
	}
	switch s[0] {
	case ' ', '"', '\'':
		return false
	}
	switch s[len(s)-1] {
	case ' ', '"', '\'':
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c > 0x7E, c == '<', c == '>', c == '&':
			return false
		case c == ' ' && s[i-1] == ' ':
			return false
		}
	}
	return true
}

// cleanAddr tidies a bare addr-spec and reports whether it looks like one.
func cleanAddr(a string) (string, bool) {
	a = strings.TrimSpace(a)
	a = strings.Trim(a, "<>\"'()[],;: \t")
	a = strings.TrimPrefix(a, "mailto:")
	if a == "" || len(a) > 254 || strings.IndexFunc(a, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '<' || r == '>' || r == ','
	}) >= 0 {
		return "", false
	}
	at := strings.LastIndexByte(a, '@')
	if at <= 0 || at == len(a)-1 {
		return "", false
	}
	return a, true
}

// splitTopLevel splits an address list at commas that are outside quotes,
// angle brackets and comments.
func splitTopLevel(s string) []string {
	var parts []string
	inQuote, angle, paren := false, 0, 0
	start := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && inQuote:
			i++
		case c == '"':
			inQuote = !inQuote
		case inQuote:
		case c == '<':
			angle++
		case c == '>' && angle > 0:
			angle--
		case c == '(':
			paren++
		case c == ')' && paren > 0:
			paren--
		case (c == ',' || c == ';') && angle == 0 && paren == 0:
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}

// lenientAddress finds an address in one list element that net/mail
// refused: an <addr-spec> with an "@" wins, else a bare word with an "@".
func lenientAddress(seg string, wd *mime.WordDecoder) *mail.Address {
	// Prefer the last <...@...> (HTML in a name comes before the address).
	for end := len(seg); end > 0; {
		gt := strings.LastIndexByte(seg[:end], '>')
		if gt < 0 {
			break
		}
		lt := strings.LastIndexByte(seg[:gt], '<')
		if lt < 0 {
			break
		}
		if a, ok := cleanAddr(seg[lt+1 : gt]); ok {
			name := seg[:lt] + " " + seg[gt+1:]
			return &mail.Address{Name: cleanName(decodeHeaderValue(name, wd)), Address: a}
		}
		end = lt
	}
	fields := strings.FieldsFunc(seg, func(r rune) bool {
		return unicode.IsSpace(r) || r == '<' || r == '>' || r == '"' || r == '(' || r == ')'
	})
	for i, f := range fields {
		if a, ok := cleanAddr(f); ok {
			rest := append(append([]string{}, fields[:i]...), fields[i+1:]...)
			return &mail.Address{Name: cleanName(decodeHeaderValue(strings.Join(rest, " "), wd)), Address: a}
		}
	}
	return nil
}

// parseAddressList parses an address header tolerantly. ok is false when
// the strict parser failed and the lenient one was used.
func parseAddressList(raw string, wd *mime.WordDecoder) (list []*mail.Address, ok bool) {
	if len(raw) > maxHeaderValue {
		raw = truncateUTF8(raw, maxHeaderValue)
	}
	raw, _ = fixUTF8String(raw)
	if strings.TrimSpace(raw) == "" {
		return nil, true
	}
	strict := func() (l []*mail.Address, err error) {
		defer func() {
			if p := recover(); p != nil {
				l, err = nil, errPanic
			}
		}()
		p := mail.AddressParser{WordDecoder: wd}
		return p.ParseList(raw)
	}
	var l []*mail.Address
	var err error
	if a := simpleAddress(raw); a != nil {
		l = []*mail.Address{a}
	} else {
		l, err = strict()
	}
	ok = err == nil
	if err != nil {
		l = nil
		p := mail.AddressParser{WordDecoder: wd}
		for _, seg := range splitTopLevel(raw) {
			if strings.TrimSpace(seg) == "" {
				continue
			}
			if a, err := safeParseAddress(p, seg); err == nil {
				l = append(l, a)
			} else if a := lenientAddress(seg, wd); a != nil {
				l = append(l, a)
			}
			if len(l) >= maxAddresses {
				break
			}
		}
	}
	for _, a := range l {
		if a == nil {
			continue
		}
		if strings.Contains(a.Name, "=?") {
			// Encoded words inside quotes: wrong (RFC 2047 §5), but common.
			a.Name = decodeHeaderValue(a.Name, wd)
		}
		a.Name = cleanName(a.Name)
		if c, good := cleanAddr(a.Address); good {
			a.Address = c
		} else {
			a.Address = strings.Join(strings.Fields(singleLine(a.Address)), "")
		}
		list = append(list, a)
		if len(list) >= maxAddresses {
			break
		}
	}
	return list, ok
}

// addrAtext marks the ASCII atext characters of RFC 5322 (without the
// dot): what net/mail accepts in an atom.
var addrAtext = func() (t [128]bool) {
	for c := byte('!'); c <= '~'; c++ {
		t[c] = !strings.ContainsRune(`()<>[]:;@\,".`, rune(c))
	}
	return t
}()

// dotAtomEnd returns the end of the strict dot-atom of ASCII atext
// starting s (no leading, trailing or double dots), 0 if there is none.
func dotAtomEnd(s string) int {
	i := 0
	for {
		start := i
		for i < len(s) && s[i] < 0x80 && addrAtext[s[i]] {
			i++
		}
		if i == start {
			return 0 // empty: leading, trailing or double dot, or none
		}
		if i == len(s) || s[i] != '.' {
			return i
		}
		i++
	}
}

// simpleAddress parses the two commonest address forms, a bare
// "local@domain" and "Plain Name <local@domain>" (or "<local@domain>"),
// both in plain ASCII, exactly as net/mail would; nil for anything else,
// which goes to net/mail. Name words are atoms without dots or "=" (so
// no encoded words), one blank apart.
func simpleAddress(s string) *mail.Address {
	addrSpec := func(s string) int {
		i := dotAtomEnd(s)
		if i == 0 || i == len(s) || s[i] != '@' {
			return 0
		}
		j := dotAtomEnd(s[i+1:])
		if j == 0 {
			return 0
		}
		return i + 1 + j
	}
	if n := addrSpec(s); n > 0 {
		if n == len(s) {
			return &mail.Address{Address: s}
		}
		return nil
	}
	// Plain Name <local@domain>
	i := 0
	for i < len(s) && s[i] != '<' {
		start := i
		for i < len(s) && s[i] < 0x80 && addrAtext[s[i]] && s[i] != '=' {
			i++
		}
		if i == start || i == len(s) || s[i] != ' ' {
			return nil
		}
		i++ // the one blank after a word
	}
	if i == len(s) {
		return nil
	}
	name := ""
	if i > 0 {
		name = s[:i-1]
	}
	rest := s[i+1:]
	n := addrSpec(rest)
	if n == 0 || n+1 != len(rest) || rest[n] != '>' {
		return nil
	}
	return &mail.Address{Name: name, Address: rest[:n]}
}

func safeParseAddress(p mail.AddressParser, s string) (a *mail.Address, err error) {
	defer func() {
		if r := recover(); r != nil {
			a, err = nil, errPanic
		}
	}()
	return p.Parse(s)
}

// NormalizeAddress returns the bare addr-spec in s ("Name <A@B.example>" or
// "a@b.example"), lower-cased, for comparing addresses; "" if s holds no
// address.
func NormalizeAddress(s string) string {
	l, _ := parseAddressList(s, plainWordDecoder)
	if len(l) == 0 {
		return ""
	}
	a, ok := cleanAddr(l[0].Address)
	if !ok {
		return ""
	}
	return strings.ToLower(a)
}

// ParseMsgIDs parses a msg-id list (Message-ID, In-Reply-To, References)
// tolerantly and returns the ids without angle brackets, in order, without
// duplicates. Without any angle brackets, words containing "@" are taken.
// Junk, comments and over-long ids are skipped; very long lists keep the
// first id and the most recent ones.
func ParseMsgIDs(s string) []string {
	if len(s) > 1<<20 {
		s = s[:1<<20]
	}
	s, _ = fixUTF8String(s)
	var ids []string
	var seen map[string]bool // built once there are many ids
	isSeen := func(id string) bool {
		if seen != nil {
			return seen[id]
		}
		return slices.Contains(ids, id)
	}
	add := func(id string) {
		if !printableASCII(id) {
			id = strings.Join(strings.FieldsFunc(id, func(r rune) bool {
				return unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
			}), "")
		}
		id = strings.Trim(id, "<>")
		if id == "" || len(id) > maxMsgIDLen || isSeen(id) || strings.ContainsAny(id, "<>\"") {
			return
		}
		ids = append(ids, id)
		if seen != nil {
			seen[id] = true
		} else if len(ids) >= 16 {
			seen = make(map[string]bool, 2*len(ids))
			for _, x := range ids {
				seen[x] = true
			}
		}
	}
	if strings.Contains(s, "<") {
		rest := s
		for {
			lt := strings.IndexByte(rest, '<')
			if lt < 0 {
				break
			}
			rest = rest[lt+1:]
			gt := strings.IndexAny(rest, "<>")
			if gt < 0 {
				if f := strings.Fields(rest); len(f) > 0 {
					add(f[0])
				}
				break
			}
			if rest[gt] == '>' {
				add(rest[:gt])
				rest = rest[gt+1:]
			}
		}
	} else {
		for _, w := range strings.FieldsFunc(s, func(r rune) bool {
			return unicode.IsSpace(r) || r == ',' || r == ';'
		}) {
			if strings.Contains(w, "@") {
				add(strings.Trim(w, `"'()[]`))
			}
		}
	}
	if len(ids) > maxMsgIDs {
		ids = append(ids[:1:1], ids[len(ids)-maxMsgIDs+1:]...)
	}
	return ids
}

// printableASCII reports whether s is made of bytes 0x21 to 0x7E only:
// no blanks, controls or format characters.
func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x21 || s[i] > 0x7E {
			return false
		}
	}
	return true
}

// dateLayouts are tried after net/mail.ParseDate refused a Date.
var dateLayouts = []string{
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 06 15:04:05 -0700",
	"Mon, 2 January 2006 15:04:05 -0700",
	"Mon Jan 2 15:04:05 2006",
	"Mon Jan 2 15:04:05 MST 2006",
	"Mon, 2 Jan 2006 15:04:05",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02T15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"Mon, 02 Jan 2006 15:04:05 -0700 (MST)",
}

// commonDateLayout is the RFC 5322 date as nearly every mailer writes it.
const commonDateLayout = "Mon, 2 Jan 2006 15:04:05 -0700"

// parseDate parses a Date header; zero if it cannot be parsed or is absurd.
func parseDate(v string) (time.Time, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}, true
	}
	// The usual form first: net/mail.ParseDate tries twelve layouts
	// without a day name before this one, each failure allocating an
	// error. A value this layout accepts starts with a day name, so none
	// of those earlier layouts could have accepted it, and net/mail would
	// return the same time.
	t, err := time.Parse(commonDateLayout, v)
	if err != nil {
		t, err = mail.ParseDate(v)
	}
	if err != nil {
		// Drop a trailing comment and doubled blanks, then try the layouts.
		w := v
		if i := strings.IndexByte(w, '('); i > 0 {
			w = strings.TrimSpace(w[:i])
		}
		w = strings.Join(strings.Fields(w), " ")
		for _, l := range dateLayouts {
			if t, err = time.Parse(l, w); err == nil {
				break
			}
		}
	}
	if err != nil || t.Year() < 1970 || t.Year() > 9999 {
		return time.Time{}, false
	}
	return t, true
}
