package message

// Options bound the work Parse does.
type Options struct {
	// MaxBytes is how much of the raw mail is parsed; 0 means 10 MiB.
	// Beyond it the mail is still kept by the caller, only not parsed.
	MaxBytes int64
}

// Parse decodes raw into a Message. It never fails and never panics: whatever
// cannot be decoded is recorded in Message.Problems and a safe default is used.
func Parse(raw []byte, opt Options) *Message {
	// STUB: replaced by the real parser.
	return &Message{Header: map[string][]string{}}
}
