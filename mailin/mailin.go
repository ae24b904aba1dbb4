// Package mailin reads the privacy mailbox over IMAP: it fetches every message
// it has not handled yet (UIDVALIDITY and UID checkpoint kept by its Sink),
// hands the raw bytes to the Sink, and marks a message processed on the server
// only after the Sink has durably committed its effects. It waits for new mail
// with IDLE or by polling, and reconnects with backoff.
package mailin

import (
	"context"
	"time"
)

// Raw is one fetched message.
type Raw struct {
	UID          uint32
	InternalDate time.Time // the server's arrival time: the legal receipt time
	Data         []byte
}

// Sink receives fetched messages. The tracker implements it.
type Sink interface {
	// Checkpoint returns the UIDVALIDITY and highest handled UID stored for mailbox
	// (0, 0 when none).
	Checkpoint(ctx context.Context, mailbox string) (uidValidity, lastUID uint32, err error)
	// Deliver commits the effects of every message in batch and advances the
	// checkpoint of mailbox to (uidValidity, highest UID in batch), all in one
	// transaction. It is idempotent: a message it has seen before (also under
	// another UIDVALIDITY) has no second effect.
	Deliver(ctx context.Context, mailbox string, uidValidity uint32, batch []Raw) error
}
