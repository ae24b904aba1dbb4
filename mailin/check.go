package mailin

import (
	"context"
	"errors"
	"fmt"

	"github.com/emersion/go-imap/v2"
)

// CheckResult is what Check found on the server.
type CheckResult struct {
	Messages    uint32 // messages in the mailbox
	UIDValidity uint32
	// ProcessedExists reports whether Options.ProcessedMailbox exists; when
	// it does not, the reader creates it on its first session.
	ProcessedExists bool
}

// dialOnce connects and logs in as the reader would, for a one-off
// look at the server (Check, HasMessageID); the caller closes the session.
func dialOnce(ctx context.Context, opt Options) (*session, error) {
	r := New(opt, nil)
	s := &session{r: r, log: r.log, newMail: make(chan struct{}, 1)}
	if err := s.dial(ctx); err != nil {
		return nil, err
	}
	w := s.guard("login")
	defer w.stop()
	if err := s.login(); err != nil {
		s.close()
		return nil, err
	}
	return s, nil
}

// Check connects as the reader would, logs in, examines the mailbox
// (read-only) and looks for the processed mailbox, then logs out. It changes
// nothing on the server. A refused login returns an error wrapping ErrAuth;
// a missing mailbox an error that says so.
func Check(ctx context.Context, opt Options) (CheckResult, error) {
	var res CheckResult
	if err := opt.Validate(); err != nil {
		return res, fmt.Errorf("mailin: %w", err)
	}
	s, err := dialOnce(ctx, opt)
	if err != nil {
		return res, err
	}
	defer s.close()
	r := s.r
	sel, err := s.c.Select(r.opt.Mailbox, &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil {
		var ie *imap.Error
		if errors.As(err, &ie) && ie.Code == imap.ResponseCodeNonExistent {
			return res, fmt.Errorf("imap: mailbox %q does not exist: %w", r.opt.Mailbox, err)
		}
		return res, fmt.Errorf("imap examine %q: %w", r.opt.Mailbox, err)
	}
	res.Messages, res.UIDValidity = sel.NumMessages, sel.UIDValidity
	if name := r.opt.ProcessedMailbox; name != "" {
		_, err := s.c.Status(name, &imap.StatusOptions{NumMessages: true}).Wait()
		var ie *imap.Error
		switch {
		case err == nil:
			res.ProcessedExists = true
		case errors.As(err, &ie) && ie.Type == imap.StatusResponseTypeNo:
			// NONEXISTENT, or a server that says NO without a code.
		default:
			return res, fmt.Errorf("imap status %q: %w", name, err)
		}
	}
	return res, s.logout()
}
