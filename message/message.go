// Package message turns a raw RFC 5322 mail into a clean, decoded Message:
// decoded headers, the best text body (text/plain, else HTML converted to
// text), charsets decoded, and the new text separated from quoted earlier
// mail and signatures. It is pure: bytes in, a Message out, never a panic.
package message

import (
	"net/mail"
	"net/textproto"
	"time"
)

// Message is one parsed mail. Everything is decoded to UTF-8.
type Message struct {
	// MessageID is the Message-ID without angle brackets; empty if missing.
	MessageID  string
	InReplyTo  []string      // without angle brackets
	References []string      // without angle brackets, oldest first
	From       *mail.Address // nil if missing or unparsable
	ReplyTo    []*mail.Address
	To         []*mail.Address
	Cc         []*mail.Address
	Subject    string
	Date       time.Time // zero if missing or unparsable
	// Header holds every header field, canonical keys (textproto form), decoded
	// values; for the classifier's header rules (Auto-Submitted, List-Id, ...).
	// Keys are in net/textproto canonical form: "Message-Id", "List-Id",
	// "Auto-Submitted", "X-Autoreply"; use Get to look up any spelling.
	// Values are single lines (control characters replaced by blanks); at
	// most the first 1000 fields are kept.
	Header map[string][]string
	// MediaType is the top-level media type, lower case ("multipart/report").
	MediaType string
	// ReportType is the report-type parameter of a multipart/report, lower
	// case ("delivery-status", "disposition-notification"); else empty.
	ReportType string

	// Text is the whole best text body (text/plain, else HTML as text).
	Text string
	// NewText is Text without quoted earlier mail and signature: what the
	// sender wrote now. For a forwarded mail, it includes the forwarded text.
	NewText string
	// Quoted is what was removed from Text as quoted earlier mail.
	Quoted string
	// Forwarded is true when the body forwards another mail.
	Forwarded bool
	// FromHTML is true when Text was converted from text/html.
	FromHTML bool
	// ReportedMessageID is, for a multipart/report (a bounce or a read
	// receipt), the Message-ID of the original message it reports on, taken
	// from its message/rfc822 or text/rfc822-headers part; empty otherwise.
	ReportedMessageID string
	// DeliveryStatus is the text of the message/delivery-status part of a
	// multipart/report (at most 64 KiB), for finding the failed recipient.
	DeliveryStatus string
	// ReturnedText is, for a multipart/report, the text of the returned
	// message (its message/rfc822 part; at most 4 KiB): not part of Text,
	// so that what the returned mail asks is never read as the report's own
	// words, but there to tell the language the bounced conversation was in.
	ReturnedText string
	// Attachments lists the attachments (never unpacked).
	Attachments []Attachment
	// Truncated is true when only a prefix of the mail was parsed.
	Truncated bool
	// Problems lists what was wrong with the mail and how it was handled
	// ("unknown charset x-foo: decoded as Latin-1"); never personal data.
	Problems []string
}

// Attachment describes one attached part. Attachments are listed, never
// unpacked: a zip is one entry.
type Attachment struct {
	// Filename is the decoded file name without any directory part; may be
	// empty (an inline image, a forwarded message without a name).
	Filename string
	// MediaType is the lower-case media type ("application/pdf").
	MediaType string
	// Size is the decoded size in bytes (after base64 or quoted-printable).
	Size int
}

// Get returns the first decoded value of the header field key, in any
// spelling ("message-id", "Message-ID"); "" if absent.
func (m *Message) Get(key string) string {
	if m == nil {
		return ""
	}
	if v := m.Header[textproto.CanonicalMIMEHeaderKey(key)]; len(v) > 0 {
		return v[0]
	}
	return ""
}
