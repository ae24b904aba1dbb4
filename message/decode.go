package message

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/emersion/go-message/charset"
)

// cp1252High maps the bytes 0x80..0x9F of Windows-1252 to runes; undefined
// positions map to the C1 control of the same value, as WHATWG does.
var cp1252High = [32]rune{
	'\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
	'\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
	'\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
	'\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
}

// cp1252Rune decodes one Windows-1252 byte. It is a superset of ISO-8859-1
// for the printable range, which is how browsers treat "iso-8859-1" too.
func cp1252Rune(b byte) rune {
	if b >= 0x80 && b < 0xA0 {
		return cp1252High[b-0x80]
	}
	return rune(b)
}

// decodeCP1252 decodes b as Windows-1252. It never fails.
func decodeCP1252(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/4)
	for _, c := range b {
		if c < 0x80 {
			sb.WriteByte(c)
		} else {
			sb.WriteRune(cp1252Rune(c))
		}
	}
	return sb.String()
}

// fixUTF8 returns b as valid UTF-8: valid sequences are kept and every byte
// that is not part of a valid sequence is decoded as Windows-1252 (the usual
// cause is Latin-1 text labelled as UTF-8 or not labelled at all). ok is
// false when something had to be fixed.
func fixUTF8(b []byte) (s string, ok bool) {
	if utf8.Valid(b) {
		return string(b), true
	}
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/4)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n <= 1 {
			sb.WriteRune(cp1252Rune(b[0]))
			b = b[1:]
			continue
		}
		sb.Write(b[:n])
		b = b[n:]
	}
	return sb.String(), false
}

// normCharset lower-cases a charset label and strips quotes and blanks.
func normCharset(cs string) string {
	return strings.ToLower(strings.Trim(strings.TrimSpace(cs), `"'`))
}

// safeLabel returns a sender-controlled token (charset, encoding) in a form
// that is safe to put into Problems: only short labels made of
// [a-z0-9._+/-] without long digit runs are shown, anything else is
// replaced, so no personal data can hide in it.
func safeLabel(s string) string {
	s = strings.ToLower(s)
	if len(s) == 0 {
		return "(empty)"
	}
	if len(s) > 24 {
		return "(long label)"
	}
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
			if digits >= 5 {
				return "(odd label)"
			}
			continue
		case r >= 'a' && r <= 'z', strings.ContainsRune("._+/-", r):
		default:
			return "(odd label)"
		}
		digits = 0
	}
	return s
}

// decodeCharset converts b from charset cs to valid UTF-8. The returned
// problem is empty when the decoding was clean. At most limit bytes of
// output are produced.
func decodeCharset(b []byte, cs string, limit int) (string, string) {
	cs = normCharset(cs)
	switch cs {
	case "", "utf-8", "utf8", "us-ascii", "ascii", "ansi_x3.4-1968", "x-unknown", "unknown", "unknown-8bit", "x-user-defined", "default":
		s, ok := fixUTF8(b)
		if !ok {
			return s, "invalid UTF-8 in text: invalid bytes decoded as Windows-1252"
		}
		return s, ""
	case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252", "iso_8859-1", "x-cp1252":
		return decodeCP1252(b), ""
	}
	r, err := charset.Reader(cs, bytes.NewReader(b))
	if err != nil {
		s, ok := fixUTF8(b)
		how := "UTF-8"
		if !ok {
			how = "Windows-1252"
		}
		return s, "unknown charset " + safeLabel(cs) + ": decoded as " + how
	}
	out, err := readAllLimit(r, limit)
	s, ok := fixUTF8(out)
	if err != nil {
		return s, "charset " + safeLabel(cs) + ": decoding failed part way"
	}
	if !ok {
		return s, "charset " + safeLabel(cs) + ": decoder produced invalid UTF-8"
	}
	return s, ""
}

// readAllLimit reads at most limit bytes from r, recovering from a panic in
// a third-party decoder.
func readAllLimit(r io.Reader, limit int) (b []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = errPanic
		}
	}()
	var buf bytes.Buffer
	_, err = io.Copy(&buf, io.LimitReader(r, int64(limit)))
	return buf.Bytes(), err
}

type panicError struct{}

func (panicError) Error() string { return "panic in decoder" }

var errPanic error = panicError{}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// b64Char reports whether c belongs to the base64 alphabet (standard or
// URL-safe) and returns its standard form.
func b64Char(c byte) (byte, bool) {
	switch {
	case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '+', c == '/':
		return c, true
	case c == '-':
		return '+', true
	case c == '_':
		return '/', true
	}
	return 0, false
}

// b64Alphabet is 1 for the bytes b64Char accepts, else 0.
var b64Alphabet = func() (t [256]uint8) {
	for c := range 256 {
		if _, ok := b64Char(byte(c)); ok {
			t[c] = 1
		}
	}
	return t
}()

// base64Size is the decoded size of a base64 body, without decoding it.
func base64Size(b []byte) int {
	var n0, n1, n2, n3 int
	for len(b) >= 4 {
		n0 += int(b64Alphabet[b[0]])
		n1 += int(b64Alphabet[b[1]])
		n2 += int(b64Alphabet[b[2]])
		n3 += int(b64Alphabet[b[3]])
		b = b[4:]
	}
	for _, c := range b {
		n0 += int(b64Alphabet[c])
	}
	n := n0 + n1 + n2 + n3
	if n%4 == 1 {
		n--
	}
	return n/4*3 + max(0, n%4-1)
}

// qpSoftBreak reports whether the "=" at b[i], not followed by two hex
// digits, is a soft line break: "=" [blanks] ("\r\n" | "\n" | "\r" | end of
// input); end is the index of its last byte.
func qpSoftBreak(b []byte, i int) (end int, ok bool) {
	j := i + 1
	for j < len(b) && (b[j] == ' ' || b[j] == '\t') {
		j++
	}
	switch {
	case j == len(b):
		return j - 1, true
	case b[j] == '\n':
		return j, true
	case b[j] == '\r':
		if j+1 < len(b) && b[j+1] == '\n' {
			j++
		}
		return j, true
	}
	return 0, false
}

// qpSize is the decoded size of a quoted-printable body, without keeping
// it: decodeQP's rules, counting instead of writing.
func qpSize(b []byte) int {
	n := 0
	for i := 0; i < len(b); i++ {
		j := bytes.IndexByte(b[i:], '=')
		if j < 0 {
			return n + len(b) - i
		}
		n += j
		i += j
		if i+2 < len(b) {
			_, ok1 := unhex(b[i+1])
			_, ok2 := unhex(b[i+2])
			if ok1 && ok2 {
				n++
				i += 2
				continue
			}
		}
		if end, ok := qpSoftBreak(b, i); ok {
			i = end
			continue
		}
		n++
	}
	return n
}

// decodeCTE undoes the Content-Transfer-Encoding. problem is empty when
// the body decoded cleanly.
func decodeCTE(b []byte, cte string) (out []byte, problem string) {
	out, _, problem = decodeCTETo(nil, b, cte)
	return out, problem
}

// cteSize is the decoded size of a body in the given transfer encoding.
func cteSize(b []byte, cte string) int {
	switch strings.ToLower(strings.TrimSpace(cte)) {
	case "quoted-printable":
		return qpSize(b)
	case "base64":
		return base64Size(b)
	}
	return len(b)
}

// cleanText normalises decoded text: CRLF and lone CR become LF, NEL
// (U+0085) becomes LF, byte order marks (U+FEFF) are dropped, and other
// control characters than LF and TAB are removed. The input must be valid
// UTF-8; the output is too.
func cleanText(s string) string {
	s = strings.TrimPrefix(s, "\uFEFF")
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		if (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F || c == 0xC2 || c == 0xEF {
			break
		}
	}
	if i == len(s) {
		return s
	}
	out := make([]byte, 0, len(s))
	out = append(out, s[:i]...)
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				continue
			}
			out = append(out, '\n')
		case c == '\n' || c == '\t':
			out = append(out, c)
		case c < 0x20 || c == 0x7F:
			// dropped
		case c == 0xEF && strings.HasPrefix(s[i:], "\uFEFF"):
			// A zero-width no-break space (stray byte order mark).
			i += 2
		case c == 0xC2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] < 0xA0:
			// A C1 control character.
			if s[i+1] == 0x85 {
				out = append(out, '\n')
			}
			i++
		default:
			out = append(out, c)
		}
	}
	return string(out)
}

// truncateUTF8 cuts s to at most n bytes on a rune boundary.
func truncateUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
