package mailin

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/emersion/go-imap/v2"
)

// HasMessageID reports whether the mailbox or the processed mailbox holds a
// message whose Message-ID is id (angle brackets optional). It connects as
// the reader would, examines each mailbox read-only, searches, and logs
// out; it changes nothing on the server. The sender uses it to find the
// copy of a mail that may have gone out before privacyd stopped
// (smtp.copy_to_self), so that the mail is not sent twice.
func HasMessageID(ctx context.Context, opt Options, id string) (bool, error) {
	id = strings.Trim(strings.TrimSpace(id), "<>")
	if id == "" {
		return false, errors.New("mailin: empty Message-ID")
	}
	if err := opt.Validate(); err != nil {
		return false, fmt.Errorf("mailin: %w", err)
	}
	s, err := dialOnce(ctx, opt)
	if err != nil {
		return false, err
	}
	defer s.close()
	w := s.guard("look for a Message-ID")
	defer w.stop()
	r := s.r
	boxes := []string{r.opt.Mailbox}
	if p := r.opt.ProcessedMailbox; p != "" {
		boxes = append(boxes, p)
	}
	for i, box := range boxes {
		if _, err := s.c.Select(box, &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
			var ie *imap.Error
			if i > 0 && errors.As(err, &ie) && ie.Type == imap.StatusResponseTypeNo {
				continue // the processed mailbox is not created yet
			}
			return false, fmt.Errorf("imap examine %q: %w", box, err)
		}
		w.touch()
		data, err := s.c.UIDSearch(&imap.SearchCriteria{
			Header: []imap.SearchCriteriaHeaderField{{Key: "Message-ID", Value: id}},
		}, nil).Wait()
		if err != nil {
			return false, fmt.Errorf("imap search %q: %w", box, err)
		}
		uids := data.AllUIDs()
		if len(uids) == 0 {
			continue
		}
		// SEARCH HEADER matches a substring, without regard to case:
		// compare the envelopes' Message-IDs exactly.
		w.touch()
		msgs, err := s.c.Fetch(imap.UIDSetNum(uids...), &imap.FetchOptions{Envelope: true}).Collect()
		if err != nil {
			return false, fmt.Errorf("imap fetch %q: %w", box, err)
		}
		for _, m := range msgs {
			if m.Envelope != nil && strings.Trim(m.Envelope.MessageID, "<>") == id {
				return true, s.logout()
			}
		}
	}
	return false, s.logout()
}
