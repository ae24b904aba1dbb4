package message

import "encoding/base64"

// The first, step-by-step transfer decoders, kept as the reference the
// single-pass ones (decodeQPTo, decodeBase64To, qpSize, base64Size) are
// tested against.

// decodeQP decodes quoted-printable tolerantly: "=XX" is a byte, "=" at the
// end of a line (optionally followed by blanks) is a soft line break, and any
// other "=" is kept literally. It never fails.
func decodeQP(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c != '=' {
			out = append(out, c)
			continue
		}
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
		j := i + 1
		for j < len(b) && (b[j] == ' ' || b[j] == '\t') {
			j++
		}
		if j == len(b) {
			i = j - 1
			continue
		}
		if b[j] == '\n' {
			i = j
			continue
		}
		if b[j] == '\r' {
			if j+1 < len(b) && b[j+1] == '\n' {
				j++
			}
			i = j
			continue
		}
		out = append(out, '=')
	}
	return out
}

// decodeBase64 decodes base64 tolerantly: characters outside the alphabet
// are skipped, padding is optional, a dangling last character is dropped.
// It never fails; ok is false when junk had to be skipped.
func decodeBase64(b []byte) (out []byte, ok bool) {
	clean := make([]byte, 0, len(b))
	ok = true
	for _, c := range b {
		if s, is := b64Char(c); is {
			clean = append(clean, s)
		} else if c != '=' && c != '\r' && c != '\n' && c != ' ' && c != '\t' {
			ok = false
		}
	}
	if len(clean)%4 == 1 {
		clean = clean[:len(clean)-1]
		ok = false
	}
	out = make([]byte, base64.RawStdEncoding.DecodedLen(len(clean)))
	n, err := base64.RawStdEncoding.Decode(out, clean)
	if err != nil {
		ok = false
	}
	return out[:n], ok
}
