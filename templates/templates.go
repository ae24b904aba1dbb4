// Package templates renders every mail privacyd sends — to customers in their
// language, to staff and to the owner — as a subject, a plain-text body and an
// HTML alternative, from embedded defaults that files in templates.dir may
// override one by one.
package templates

import "time"

// Template names.
const (
	Acknowledgement  = "acknowledgement"   // customer: we received your request
	IdentityCheck    = "identity_check"    // customer: please confirm who you are
	IdentityReminder = "identity_reminder" // customer: reminder of the identity check
	Extension        = "extension"         // customer: we extend, with reason and new date
	Completion       = "completion"        // customer: your request is done
	Refusal          = "refusal"           // customer: refused, reasons, complaint and court
	FeeRequest       = "fee_request"       // customer: manifestly unfounded/excessive, fee
	Reply            = "reply"             // customer: free text from #reply
	WithdrawnNotice  = "withdrawn"         // customer: the case is closed as withdrawn
	StaffNewCase     = "staff_new_case"    // staff: a new case, classification, how to answer
	StaffNotRequest  = "staff_not_request" // staff: a personal mail that is not a request
	StaffFollowUp    = "staff_followup"    // staff: the customer wrote again
	StaffResult      = "staff_result"      // staff: what a command changed (or why not)
	StaffHelp        = "staff_help"        // staff: the command list
	StaffForgery     = "staff_forgery"     // staff: a command was refused as unauthenticated
	StaffWarnings    = "staff_warnings"    // staff: deadline warnings of a sweep
	StaffSendFailed  = "staff_send_failed" // staff: a mail could not be delivered
)

// Mail is a rendered mail.
type Mail struct {
	Subject string
	Text    string
	HTML    string
}

// Org is the organisation, from configuration.
type Org struct {
	Name           string
	PrivacyAddress string
}

// Authority is the supervisory authority, from configuration.
type Authority struct {
	Name    string
	URL     string
	Address string
}

// EvidenceLine is one phrase that decided the classification.
type EvidenceLine struct {
	Right  string
	Text   string
	Offset int
}

// Warning is one case needing attention in a staff warning mail.
type Warning struct {
	CaseID   string
	Rights   []string
	Status   string
	Due      time.Time
	DaysLeft int    // negative when overdue
	What     string // "due in 3 working days", "overdue since 2026-04-07, 2 days", "last day to extend"
}

// Data is everything a template may use. Dates are calendar dates at
// midnight UTC; templates format them in the mail's language.
type Data struct {
	Org       Org
	Authority Authority
	Lang      string // the language being rendered

	CaseID         string
	Status         string
	RequesterName  string
	RequesterAddr  string // only in staff mails
	Subject        string // the customer's original subject
	Rights         []string
	Representative bool
	Received       time.Time // receipt instant, local time
	ReceivedDate   time.Time
	Due            time.Time
	ExtendedDue    time.Time
	Extended       bool

	Reason  string // #extend, #refuse, #fee reason
	Message string // #done message, #reply text, or the customer's new text in staff mails
	Amount  string // #fee amount, as staff wrote it
	IDCopy  bool   // the identity mail may ask for an ID copy

	// Staff-only fields.
	Kind       string
	Language   string
	KindReason string
	Evidence   []EvidenceLine
	Triage     bool
	Repetitive bool     // possibly repetitive (art. 12(5)): a hint
	Changes    []string // what a command changed
	Refusals   []string // why a command changed nothing
	Warnings   []Warning
	Now        time.Time
}

// Set is a loaded set of templates.
type Set struct {
	dir string
}

// New loads the embedded defaults and, if dir is not empty, the overrides in dir.
// STUB: replaced by the real renderer.
func New(dir string) (*Set, error) { return &Set{dir: dir}, nil }

// Render renders template name in lang (falling back to English when the
// template has no such language).
// STUB.
func (s *Set) Render(name, lang string, d Data) (Mail, error) {
	return Mail{Subject: name + " " + d.CaseID, Text: name + "\n", HTML: "<p>" + name + "</p>"}, nil
}
