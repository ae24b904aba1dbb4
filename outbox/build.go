package outbox

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/mail"
	"slices"
	"strings"
	"unicode"

	gomail "github.com/wneessen/go-mail"
)

// userAgent is written as User-Agent and X-Mailer (go-mail's default names
// the library and its URL).
const userAgent = "privacyd"

// maxReferences bounds the References header. RFC 5322 §3.6.4 allows trimming
// a long thread; we keep the first ID (the thread root) and the latest ones.
const maxReferences = 20

// Build turns a queued Mail into a go-mail message: From with display name,
// To, Subject, the fixed Date and Message-ID, threading headers, RFC 3834
// auto-reply markers, a text/plain body and, when m.HTML is set, a text/html
// alternative, all UTF-8 and quoted-printable.
//
// References is written as m.References followed by m.InReplyTo (unless it
// is already the last one), as one space-separated list. IDs that are not
// plain msg-id text (spaces, control characters, angle brackets) are
// dropped, since they may come from a hostile incoming mail. CR, LF and
// other control characters in the display name and subject become spaces,
// so they cannot inject header fields.
func Build(m Mail) (*gomail.Msg, error) {
	msg := gomail.NewMsg(
		gomail.WithCharset(gomail.CharsetUTF8),
		gomail.WithEncoding(gomail.EncodingQP),
		gomail.WithBoundary(boundary(m)),
	)

	from, err := mail.ParseAddress(m.From)
	if err != nil {
		return nil, fmt.Errorf("outbox: mail %d: From: %w", m.ID, err)
	}
	msg.FromMailAddress(&mail.Address{Name: cleanText(m.FromName), Address: from.Address})

	if len(m.To) == 0 {
		return nil, fmt.Errorf("outbox: mail %d: no recipients", m.ID)
	}
	to := make([]*mail.Address, 0, len(m.To))
	for i, a := range m.To {
		addr, err := mail.ParseAddress(a)
		if err != nil {
			// Not %w: net/mail errors can quote the address, and this
			// error ends up in logs.
			return nil, fmt.Errorf("outbox: mail %d: recipient %d: invalid address", m.ID, i+1)
		}
		to = append(to, &mail.Address{Address: addr.Address})
	}
	msg.ToMailAddress(to...)

	msg.Subject(cleanText(m.Subject))

	id, ok := cleanMsgID(m.MessageID)
	if !ok {
		return nil, fmt.Errorf("outbox: mail %d: invalid or missing Message-ID", m.ID)
	}
	msg.SetMessageIDWithValue(id)
	if !m.Date.IsZero() {
		msg.SetDateWithValue(m.Date)
	}

	// RFC 5322 §3.6.4. SetGenHeader with several values would join them with
	// commas, which is not msg-id list syntax (API-NOTES §4), so pass one string.
	var refs []string
	for _, r := range m.References {
		if r, ok := cleanMsgID(r); ok && !slices.Contains(refs, r) {
			refs = append(refs, r)
		}
	}
	if irt, ok := cleanMsgID(m.InReplyTo); ok {
		msg.SetGenHeader(gomail.HeaderInReplyTo, "<"+irt+">")
		if len(refs) == 0 || refs[len(refs)-1] != irt {
			refs = slices.DeleteFunc(refs, func(r string) bool { return r == irt })
			refs = append(refs, irt)
		}
	}
	if len(refs) > maxReferences {
		refs = append(refs[:1], refs[len(refs)-maxReferences+1:]...)
	}
	if len(refs) > 0 {
		msg.SetGenHeader(gomail.HeaderReferences, "<"+strings.Join(refs, "> <")+">")
	}

	if m.AutoSubmitted {
		// RFC 3834 §5: automatic responses carry Auto-Submitted: auto-replied.
		// X-Auto-Response-Suppress asks Exchange/Outlook not to answer it.
		msg.SetGenHeader(gomail.Header("Auto-Submitted"), "auto-replied")
		msg.SetGenHeader(gomail.HeaderXAutoResponseSuppress, "All")
	}
	msg.SetUserAgent(userAgent)

	msg.SetBodyString(gomail.TypeTextPlain, m.Text)
	if m.HTML != "" {
		msg.AddAlternativeString(gomail.TypeTextHTML, m.HTML)
	}
	return msg, nil
}

// Render returns the RFC 5322 bytes of the message Build makes for m.
func Render(m Mail) ([]byte, error) {
	msg, err := Build(m)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := msg.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("outbox: mail %d: render: %w", m.ID, err)
	}
	return buf.Bytes(), nil
}

// boundary derives the multipart boundary from the mail's ID and content, so
// a rendering is reproducible (golden files, resends) and the boundary cannot
// occur in the content it separates.
func boundary(m Mail) string {
	h := sha256.New()
	for _, s := range []string{m.MessageID, m.Text, m.HTML} {
		fmt.Fprintf(h, "%d:%s", len(s), s)
	}
	return "privacyd-" + hex.EncodeToString(h.Sum(nil))[:40]
}

// cleanText makes s safe for a single header line: control characters
// (CR, LF, TAB, ...) become spaces, runs of spaces collapse, and the ends are
// trimmed.
func cleanText(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// cleanMsgID strips surrounding space and angle brackets from id and reports
// whether what remains is safe to write between < and >: printable ASCII
// without spaces, brackets or quotes, and not empty.
func cleanMsgID(id string) (string, bool) {
	id = strings.TrimSpace(id)
	id = strings.TrimPrefix(id, "<")
	id = strings.TrimSuffix(id, ">")
	if id == "" || len(id) > 250 {
		return "", false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if c <= ' ' || c >= 0x7f || c == '<' || c == '>' || c == '"' || c == '\\' || c == '(' || c == ')' || c == ',' {
			return "", false
		}
	}
	return id, true
}
