// Package outbox delivers the mails that the tracker queued in the database,
// through SMTP, with retries and backoff. A mail is marked sent only after the
// SMTP server accepted it; a permanent refusal (5xx) is recorded and not
// retried forever.
//
// Build and Render turn a queued Mail into an RFC 5322 message (go-mail),
// threaded and marked as automatic per RFC 3834. Send and CheckConnection
// speak SMTP with implicit TLS, mandatory STARTTLS, or plaintext to loopback
// only. Sender drains a Queue: SendDue is one pass, Run the loop that waits
// for the next attempt, a Wake, or the end of its context.
package outbox

import (
	"context"
	"time"
)

// Mail is one queued outgoing mail, as stored in the outbox table.
type Mail struct {
	ID     int64
	CaseID string // may be empty (digest, warnings)
	Kind   string // template name that produced it
	// From is the sender address; FromName its display name.
	From     string
	FromName string
	To       []string
	Subject  string
	Text     string
	HTML     string // optional HTML alternative
	// MessageID is fixed when the mail is queued (without angle brackets),
	// so a resend after a crash carries the same ID.
	MessageID  string
	InReplyTo  string   // without angle brackets
	References []string // without angle brackets
	// AutoSubmitted marks an automatic mail (RFC 3834: auto-replied).
	AutoSubmitted bool
	Date          time.Time // the Date header, fixed when queued
	Attempts      int
	// InDoubt is set when an earlier attempt may have reached the server
	// unrecorded (privacyd stopped, or the connection broke, between the
	// end of DATA and its record): the Sender looks for the mail's copy
	// before it sends it again (Sender.Confirm).
	InDoubt bool
	// Err is set by the Queue when the mail could not be prepared (a
	// template that does not render): the Sender marks it failed at once,
	// as it does a mail the SMTP server refuses for good.
	Err error
}

// Queue is the outbox table, as the sender needs it. The tracker implements it.
//
// The Sender computes backoff from Mail.Attempts and gives up by Mail.Date,
// so MarkRetry must increment Attempts, and Date must be the time the mail
// was queued. errText may contain recipient addresses (it is the SMTP
// server's answer); it belongs in the database, not in logs.
type Queue interface {
	// Due returns up to limit unsent, unfailed mails whose next attempt is
	// at or before now, oldest first. A newly queued mail is due at once.
	Due(ctx context.Context, now time.Time, limit int) ([]Mail, error)
	// MarkSent records that the SMTP server accepted mail id.
	MarkSent(ctx context.Context, id int64, at time.Time) error
	// MarkRetry records a temporary failure and when to try again, and
	// increments the mail's Attempts.
	MarkRetry(ctx context.Context, id int64, next time.Time, errText string) error
	// MarkFailed records a permanent failure; the mail is not tried again.
	MarkFailed(ctx context.Context, id int64, at time.Time, errText string) error
	// NextAttempt returns the earliest next attempt of an unsent, unfailed
	// mail; ok is false when there is none.
	NextAttempt(ctx context.Context) (t time.Time, ok bool, err error)
}

// InFlight is implemented by a Queue that can keep which mail is in the SMTP
// server's hands, outside its transactions (the tracker's sent log). When
// copies go to privacyd's own mailbox (SMTPConfig.CopyTo), the Sender calls
// Sending just before it hands a mail over, and MarkInDoubt instead of
// MarkRetry when the connection broke while the server was answering the
// end of DATA, or when the copy could not be looked for. After a restart
// the Queue returns a mail whose Sending was not followed by MarkSent with
// Mail.InDoubt set, due no earlier than the copy can have arrived.
type InFlight interface {
	// Sending records that attempt number attempts+1 of mail id starts.
	Sending(id int64, attempts int) error
	// MarkInDoubt sets Mail.InDoubt, schedules the next attempt at next and
	// increments Attempts.
	MarkInDoubt(ctx context.Context, id int64, next time.Time, errText string) error
}
