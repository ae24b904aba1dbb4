// Package classify decides what a mail is: its kind, language, the GDPR rights
// it invokes, whether it is written on someone else's behalf, and the evidence
// for each decision. It is pure: a parsed message in, a Result out; no network,
// no database, no clock.
package classify

import "privacyd/message"

// Kind is what a mail is.
type Kind string

// The kinds of mail.
const (
	Request      Kind = "request"
	StaffCommand Kind = "staff_command"
	AutoReply    Kind = "auto_reply"
	Bounce       Kind = "bounce"
	NotARequest  Kind = "not_a_request"
)

// The rights, by their JSON names (DESIGN.md).
const (
	Access                = "access"
	Rectification         = "rectification"
	Erasure               = "erasure"
	Restriction           = "restriction"
	Portability           = "portability"
	Objection             = "objection"
	ObjectDirectMarketing = "object_direct_marketing"
	AutomatedDecision     = "automated_decision"
	WithdrawConsent       = "withdraw_consent"
)

// Rights lists every right name in sorted order.
var Rights = []string{Access, AutomatedDecision, Erasure, ObjectDirectMarketing, Objection, Portability, Rectification, Restriction, WithdrawConsent}

// Evidence is a phrase that decided something.
type Evidence struct {
	Right  string `json:"right"`
	Text   string `json:"text"`
	Offset int    `json:"offset"`
}

// Result is the classification of one message.
type Result struct {
	Kind           Kind       `json:"kind"`
	Language       string     `json:"language"`
	Rights         []string   `json:"rights"`
	Representative bool       `json:"representative"`
	Evidence       []Evidence `json:"evidence"`
	// KindReason says why the kind was chosen ("header Auto-Submitted: auto-replied").
	KindReason string `json:"kind_reason,omitempty"`
	// Triage is true for a request whose rights are unclear: staff must look.
	Triage bool `json:"triage,omitempty"`
}

// Options configure a Classifier.
type Options struct {
	// StaffAddresses may send staff commands.
	StaffAddresses []string
	// OwnAddresses are privacyd's own addresses (privacy address, SMTP from):
	// mail from them is never a request.
	OwnAddresses []string
	// ExtraPhrases is the content of a user phrase file (classify.extra_phrases).
	ExtraPhrases []byte
}

// Classifier classifies messages. It is safe for concurrent use.
type Classifier struct {
	opt Options
}

// New returns a Classifier.
func New(opt Options) (*Classifier, error) {
	return &Classifier{opt: opt}, nil
}

// Classify classifies m. STUB: replaced by the real classifier.
func (c *Classifier) Classify(m *message.Message) Result {
	return Result{Kind: Request, Language: "und", Rights: []string{}, Evidence: []Evidence{}}
}
