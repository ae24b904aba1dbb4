package message

import (
	"bytes"
	"encoding/binary"
	"strings"
	"sync"
	"unicode/utf8"
)

// This file holds the single-pass forms of the text pipeline: transfer
// decoding into a reused buffer, and charset decoding fused with cleanText,
// so a text part is copied once into its final string.

// scratch holds the buffers one Parse reuses: for transfer-decoded text
// parts and for building header blocks. Nothing in them outlives the call
// that fills them.
type scratch struct {
	text  []byte
	hbuf  []byte
	hoffs []int
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// maxPooledScratch is the largest buffer returned to the pool, so one huge
// mail does not pin memory.
const maxPooledScratch = 1 << 20

func getScratch() *scratch { return scratchPool.Get().(*scratch) }

func putScratch(s *scratch) {
	if cap(s.text) > maxPooledScratch {
		s.text = nil
	}
	if cap(s.hbuf) > maxPooledScratch || cap(s.hoffs) > maxPooledScratch/8 {
		s.hbuf, s.hoffs = nil, nil
	}
	s.text, s.hbuf, s.hoffs = s.text[:0], s.hbuf[:0], s.hoffs[:0]
	scratchPool.Put(s)
}

// fixUTF8String is fixUTF8 for a string: s itself when it is valid UTF-8.
func fixUTF8String(s string) (string, bool) {
	if utf8.ValidString(s) {
		return s, true
	}
	return fixUTF8([]byte(s))
}

// decodeCTETo is decodeCTE writing quoted-printable and base64 output to
// dst[:0] (grown as needed), in which case inDst is true; other encodings
// return b itself.
func decodeCTETo(dst, b []byte, cte string) (out []byte, inDst bool, problem string) {
	switch cte = lowerTrim(cte); cte {
	case "quoted-printable":
		return decodeQPTo(dst[:0], b), true, ""
	case "base64":
		out, ok := decodeBase64To(dst[:0], b)
		if !ok {
			return out, true, "base64 body with invalid characters: skipped them"
		}
		return out, true, ""
	case "", "7bit", "8bit", "binary":
		return b, false, ""
	}
	return b, false, "unknown transfer encoding " + safeLabel(cte) + ": used as is"
}

// lowerTrim is strings.ToLower(strings.TrimSpace(s)) without allocating
// when s is already lower case ASCII.
func lowerTrim(s string) string {
	s = strings.TrimSpace(s)
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}

// decodeQPTo appends the quoted-printable decoding of b to out (the rules
// of decodeQP) and returns it.
func decodeQPTo(out, b []byte) []byte {
	if cap(out)-len(out) < len(b) {
		out = append(make([]byte, 0, len(out)+len(b)), out...)
	}
	for i := 0; i < len(b); i++ {
		j := bytes.IndexByte(b[i:], '=')
		if j < 0 {
			return append(out, b[i:]...)
		}
		out = append(out, b[i:i+j]...)
		i += j
		if i+2 < len(b) {
			h, ok1 := unhex(b[i+1])
			l, ok2 := unhex(b[i+2])
			if ok1 && ok2 {
				out = append(out, h<<4|l)
				i += 2
				continue
			}
		}
		// Soft line break: "=" [blanks] ("\r\n" | "\n" | end).
		if end, ok := qpSoftBreak(b, i); ok {
			i = end
			continue
		}
		out = append(out, '=')
	}
	return out
}

// b64Value maps a byte to its 6-bit value in the standard or URL-safe
// base64 alphabet, 0xFF when it is not in either.
var b64Value = func() (t [256]byte) {
	for c := range 256 {
		t[c] = 0xFF
		if s, ok := b64Char(byte(c)); ok {
			t[c] = byte(strings.IndexByte("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", s))
		}
	}
	return t
}()

// decodeBase64To appends the base64 decoding of b to out with the rules of
// decodeBase64: characters outside the alphabet are skipped, padding is
// optional, a dangling last character is dropped. ok is false when junk
// had to be skipped.
func decodeBase64To(out, b []byte) ([]byte, bool) {
	if need := len(b) / 4 * 3; cap(out)-len(out) < need {
		out = append(make([]byte, 0, len(out)+need), out...)
	}
	ok := true
	var acc uint32
	n := 0
	for _, c := range b {
		v := b64Value[c]
		if v == 0xFF {
			if c != '=' && c != '\r' && c != '\n' && c != ' ' && c != '\t' {
				ok = false
			}
			continue
		}
		acc = acc<<6 | uint32(v)
		n++
		if n == 4 {
			out = append(out, byte(acc>>16), byte(acc>>8), byte(acc))
			acc, n = 0, 0
		}
	}
	switch n {
	case 1:
		ok = false
	case 2:
		out = append(out, byte(acc>>4))
	case 3:
		out = append(out, byte(acc>>10), byte(acc>>2))
	}
	return out, ok
}

// The charset classes: decodeText handles csUTF8 and csCP1252 decodeText handles without a decoder.
const (
	csOther = iota
	csUTF8
	csCP1252
)

func charsetClass(cs string) int {
	switch cs {
	case "", "utf-8", "utf8", "us-ascii", "ascii", "ansi_x3.4-1968", "x-unknown", "unknown", "unknown-8bit", "x-user-defined", "default":
		return csUTF8
	case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252", "iso_8859-1", "x-cp1252":
		return csCP1252
	}
	return csOther
}

// normCharsetFast is normCharset without allocating for labels that are
// already clean lower case.
func normCharsetFast(cs string) string {
	t := strings.TrimSpace(cs)
	if len(t) > 0 && (t[0] == '"' || t[0] == '\'' || t[len(t)-1] == '"' || t[len(t)-1] == '\'') {
		return normCharset(cs)
	}
	return lowerTrim(t)
}

// decodeText is cleanText of decodeCharset(b, cs, limit): b in charset cs
// as clean, valid UTF-8 text. UTF-8, ASCII and Latin-1/Windows-1252 text is
// decoded and cleaned in one pass.
func decodeText(b []byte, cs string, limit int) (string, string) {
	switch charsetClass(normCharsetFast(cs)) {
	case csUTF8:
		s, ok := cleanBytes(b, false)
		if !ok {
			return s, "invalid UTF-8 in text: invalid bytes decoded as Windows-1252"
		}
		return s, ""
	case csCP1252:
		s, _ := cleanBytes(b, true)
		return s, ""
	}
	s, prob := decodeCharset(b, cs, limit)
	return cleanText(s), prob
}

// asciiClass is 0 for ASCII bytes cleanText keeps as they are, 1 for the
// ASCII bytes it changes or drops, 2 for bytes from 0x80 up.
var asciiClass = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c >= 0x80:
			t[c] = 2
		case c < 0x20 && c != '\n' && c != '\t', c == 0x7F:
			t[c] = 1
		}
	}
	return t
}()

// cleanBytes returns cleanText(fixUTF8(b)) (cp1252 false) or
// cleanText(decodeCP1252(b)) (cp1252 true) in one pass; ok is fixUTF8's.
func cleanBytes(b []byte, cp1252 bool) (string, bool) {
	var sb strings.Builder
	ok := true
	started := false
	start := 0 // b[start:i] is kept as it is
	flush := func(i int) {
		if !started {
			sb.Grow(len(b) + 16)
			started = true
		}
		sb.Write(b[start:i])
	}
	for i := 0; i < len(b); {
		// Eight bytes at a time while they are all kept ASCII: below
		// 0x80, none below 0x20 (LF and TAB go the slow way) or 0x7F.
		for i+8 <= len(b) {
			x := binary.LittleEndian.Uint64(b[i:])
			const ones, highs = 0x0101010101010101, 0x8080808080808080
			if (x|(x-0x20*ones)|((x^0x7F*ones)-ones))&highs != 0 {
				break
			}
			i += 8
		}
		if i >= len(b) {
			break
		}
		c := b[i]
		switch asciiClass[c] {
		case 0:
			i++
			continue
		case 1:
			flush(i)
			if c == '\r' && (i+1 == len(b) || b[i+1] != '\n') {
				sb.WriteByte('\n')
			}
			i++
			start = i
			continue
		}
		if !cp1252 {
			r, n := utf8.DecodeRune(b[i:])
			if r != utf8.RuneError || n > 1 {
				if r >= 0x80 && r < 0xA0 || r == '\uFEFF' {
					// A C1 control (NEL is a line break) or a stray
					// byte order mark.
					flush(i)
					if r == 0x85 {
						sb.WriteByte('\n')
					}
					i += n
					start = i
					continue
				}
				i += n
				continue
			}
			ok = false
		}
		// One byte as Windows-1252; its C1 controls are dropped.
		flush(i)
		if r := cp1252Rune(c); r >= 0xA0 {
			sb.WriteRune(r)
		}
		i++
		start = i
	}
	if !started {
		return string(b), ok
	}
	flush(len(b))
	return sb.String(), ok
}
