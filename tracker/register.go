package tracker

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Case is one request in the register. The JSON form is the `cases -json`
// line of DESIGN.md, plus a few fields after those.
type Case struct {
	ID          string    `json:"id"`
	Status      string    `json:"status"`
	Rights      []string  `json:"rights"`
	Language    string    `json:"language"`
	Requester   string    `json:"requester"`
	ReceivedAt  time.Time `json:"received_at"`
	Due         string    `json:"due"`
	Extended    bool      `json:"extended"`
	ExtendedDue string    `json:"extended_due"`
	ClosedAt    string    `json:"closed_at"`
	Subject     string    `json:"subject"`
	MessageID   string    `json:"message_id"`

	RequesterName   string `json:"requester_name"`
	Representative  bool   `json:"representative"`
	Triage          bool   `json:"triage"`
	Repetitive      bool   `json:"repetitive"`
	ReceivedDate    string `json:"received_date"`
	ClockStart      string `json:"clock_start"`
	ExtensionReason string `json:"extension_reason,omitempty"`
	FeeAmount       string `json:"fee_amount,omitempty"`
	VerifiedAt      string `json:"verified_at,omitempty"`
	// ErasedAt is set when retention erased the case's personal data.
	ErasedAt string `json:"erased_at,omitempty"`
}

const caseColumns = `id, status, rights, language, requester, requester_name, representative, triage, repetitive,
	received_at, received_date, clock_start, due, extended, extended_due, extension_reason, fee_amount, verified_at,
	closed_at, subject, message_id, erased_at`

type scanner interface{ Scan(...any) error }

func scanCase(s scanner) (*Case, error) {
	c, _, err := scanCaseRaw(s)
	return c, err
}

// scanCaseRaw is scanCase that also returns received_at as stored.
func scanCaseRaw(s scanner) (*Case, string, error) {
	var c Case
	var rights, received string
	if err := s.Scan(&c.ID, &c.Status, &rights, &c.Language, &c.Requester, &c.RequesterName, &c.Representative,
		&c.Triage, &c.Repetitive, &received, &c.ReceivedDate, &c.ClockStart, &c.Due, &c.Extended, &c.ExtendedDue,
		&c.ExtensionReason, &c.FeeAmount, &c.VerifiedAt, &c.ClosedAt, &c.Subject, &c.MessageID, &c.ErasedAt); err != nil {
		return nil, "", err
	}
	c.Rights = splitRights(rights)
	c.ReceivedAt = parseTime(received)
	return &c, received, nil
}

// splitRights reads the rights column: comma-separated, never nil.
func splitRights(s string) []string {
	if s == "" {
		return []string{}
	}
	return strings.Split(s, ",")
}

// ErrNotFound is returned for an unknown case.
var ErrNotFound = errors.New("no such case")

func (t *Tracker) loadCase(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, id string) (*Case, error) {
	c, err := scanCase(q.QueryRowContext(ctx, `SELECT `+caseColumns+` FROM cases WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%s: %w", id, ErrNotFound)
	}
	return c, err
}

// Filter selects cases from the register.
type Filter struct {
	Status string // empty: all; "open": every open status
	Limit  int    // 0: no limit
	// ActiveSince, when set, keeps only cases open now or received or
	// closed at or after it (the digest needs no older history).
	ActiveSince time.Time
}

// Cases lists the register, oldest first.
func (t *Tracker) Cases(ctx context.Context, f Filter) ([]*Case, error) {
	q := `SELECT ` + caseColumns + ` FROM cases`
	var args []any
	switch f.Status {
	case "":
	case "open":
		q += ` WHERE ` + openSQL
	default:
		q += ` WHERE status = ?`
		args = append(args, f.Status)
	}
	if !f.ActiveSince.IsZero() {
		if f.Status == "" {
			q += ` WHERE`
		} else {
			q += ` AND`
		}
		since := fmtTime(f.ActiveSince)
		q += ` (` + openSQL + ` OR received_at >= ? OR closed_at >= ?)`
		args = append(args, since, since)
	}
	if f.Limit > 0 {
		q += fmt.Sprintf(` ORDER BY received_at, id LIMIT %d`, f.Limit)
		rows, err := t.r.QueryContext(ctx, q, args...)
		if err != nil {
			return nil, fmt.Errorf("list cases: %w", err)
		}
		return scanCases(rows)
	}
	// The whole register (or much of it): read the table in its own order
	// and sort here. Through the index on (received_at, id), SQLite looked
	// up every row in the table by its rowid, which cost more than reading
	// the table from end to end and sorting.
	rows, err := t.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list cases: %w", err)
	}
	defer rows.Close()
	type keyed struct {
		received string // received_at as stored, which sorts as the time
		c        *Case
	}
	var all []keyed
	for rows.Next() {
		c, received, err := scanCaseRaw(rows)
		if err != nil {
			return nil, fmt.Errorf("list cases: %w", err)
		}
		all = append(all, keyed{received, c})
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list cases: %w", err)
	}
	byReceipt := func(a, b keyed) int {
		return cmp.Or(strings.Compare(a.received, b.received), strings.Compare(a.c.ID, b.c.ID))
	}
	if !slices.IsSortedFunc(all, byReceipt) { // cases are mostly stored in the order they came in
		slices.SortFunc(all, byReceipt)
	}
	out := make([]*Case, len(all))
	for i, k := range all {
		out[i] = k.c
	}
	return out, nil
}

// scanCases reads every case of rows (selected with caseColumns) and closes rows.
func scanCases(rows *sql.Rows) ([]*Case, error) {
	defer rows.Close()
	var out []*Case
	for rows.Next() {
		c, err := scanCase(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Case returns one case.
func (t *Tracker) Case(ctx context.Context, id string) (*Case, error) {
	return t.loadCase(ctx, t.r, strings.ToUpper(strings.TrimSpace(id)))
}

// MessageInfo is a mail in a case's history (incoming or outgoing).
type MessageInfo struct {
	At          time.Time `json:"at"`
	Direction   string    `json:"direction"` // in, out
	From        string    `json:"from"`
	To          []string  `json:"to,omitempty"`
	Subject     string    `json:"subject"`
	MessageID   string    `json:"message_id"`
	Kind        string    `json:"kind"`
	Disposition string    `json:"disposition,omitempty"`
	Status      string    `json:"status,omitempty"` // outgoing: pending, sent, failed
	Size        int       `json:"size,omitempty"`
}

// Event is one line of a case's event log.
type Event struct {
	At       time.Time `json:"at"`
	Actor    string    `json:"actor"`
	Type     string    `json:"type"`
	OldValue string    `json:"old,omitempty"`
	NewValue string    `json:"new,omitempty"`
	Detail   string    `json:"detail,omitempty"`
}

// CaseDetail is a case with its messages and events.
type CaseDetail struct {
	*Case
	Messages []MessageInfo `json:"messages"`
	Events   []Event       `json:"events"`
}

// Detail returns a case with its messages and events.
func (t *Tracker) Detail(ctx context.Context, id string) (*CaseDetail, error) {
	c, err := t.Case(ctx, id)
	if err != nil {
		return nil, err
	}
	d := &CaseDetail{Case: c, Messages: []MessageInfo{}, Events: []Event{}}
	rows, err := t.r.QueryContext(ctx, `SELECT internal_date, from_addr, subject, message_id, kind, disposition, size
		FROM messages WHERE case_id = ? ORDER BY id`, c.ID)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var m MessageInfo
		var at string
		if err := rows.Scan(&at, &m.From, &m.Subject, &m.MessageID, &m.Kind, &m.Disposition, &m.Size); err != nil {
			rows.Close()
			return nil, err
		}
		m.At, m.Direction = parseTime(at), "in"
		d.Messages = append(d.Messages, m)
	}
	rows.Close()
	rows, err = t.r.QueryContext(ctx, `SELECT created_at, from_addr, to_addrs, subject, data, message_id, kind, sent_at, failed_at
		FROM outbox WHERE case_id = ? ORDER BY id`, c.ID)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var m MessageInfo
		var at, to, data, sent, failed string
		if err := rows.Scan(&at, &m.From, &to, &m.Subject, &data, &m.MessageID, &m.Kind, &sent, &failed); err != nil {
			rows.Close()
			return nil, err
		}
		if m.Subject == "" && data != "" { // queued as template data (draft.data)
			if r, err := t.renderQueued(m.Kind, data); err == nil {
				m.Subject = r.Subject
			}
		}
		m.At, m.Direction = parseTime(at), "out"
		m.To = strings.Split(strings.Trim(strings.ReplaceAll(to, `"`, ""), "[]"), ",")
		switch {
		case sent != "":
			m.Status = "sent"
		case failed != "":
			m.Status = "failed"
		default:
			m.Status = "pending"
		}
		d.Messages = append(d.Messages, m)
	}
	rows.Close()
	slices.SortStableFunc(d.Messages, func(a, b MessageInfo) int { return a.At.Compare(b.At) })
	rows, err = t.r.QueryContext(ctx, `SELECT at, actor, type, old_value, new_value, detail FROM events WHERE case_id = ? ORDER BY id`, c.ID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var e Event
		var at string
		if err := rows.Scan(&at, &e.Actor, &e.Type, &e.OldValue, &e.NewValue, &e.Detail); err != nil {
			return nil, err
		}
		e.At = parseTime(at)
		d.Events = append(d.Events, e)
	}
	return d, rows.Err()
}
