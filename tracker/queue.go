package tracker

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"privacyd/outbox"
	"privacyd/templates"
)

var _ outbox.Queue = (*Tracker)(nil)

// draft is a mail to be queued inside a transaction.
type draft struct {
	caseID string
	// ref is what the Message-ID's token names when it is not caseID: a
	// mail shown to staff that is not a case ("m<row>").
	ref      string
	kind     string // template name
	audience string
	to       []string
	mail     templates.Mail // a mail rendered already (the digest, the sweep's staff mail)
	// data, when set, is rendered with template kind when the mail is sent
	// (Due) instead of mail: the ingest path queues two mails per request,
	// and rendering them in its single-writer transaction made it twice as slow.
	data *templates.Data
	// dataMore, when set with data, is more template data as JSON, encoded
	// before the transaction (messagePart): stored after data's, and its
	// fields win when the two are read back (renderQueued).
	dataMore  []byte
	inReplyTo string
	refs      []string
	auto      bool // Auto-Submitted: auto-replied (RFC 3834)
}

// enqueue stores d in the outbox within tx and returns its Message-ID.
func (t *Tracker) enqueue(ctx context.Context, tx *sql.Tx, d draft) (string, error) {
	if len(d.to) == 0 {
		return "", nil
	}
	now := t.now()
	ref := d.ref
	if ref == "" {
		ref = d.caseID
	}
	id := t.issueMessageID(ref, d.audience)
	to, _ := json.Marshal(d.to)
	var caseID any
	if d.caseID != "" {
		caseID = d.caseID
	}
	var data []byte
	if d.data != nil {
		v := *d.data
		v.Org, v.Authority = templates.Org{}, templates.Authority{} // from the configuration when rendered
		var err error
		if data, err = json.Marshal(v); err != nil {
			return "", fmt.Errorf("queue %s mail: %w", d.kind, err)
		}
		if d.dataMore != nil {
			data = slices.Concat([]byte("["), data, []byte(","), d.dataMore, []byte("]"))
		}
	}
	ts := fmtTime(now)
	_, err := t.exec(ctx, tx, `INSERT INTO outbox (case_id, kind, audience, from_addr, from_name, to_addrs,
		subject, text, html, data, message_id, in_reply_to, refs, auto_submitted, date, created_at, next_attempt)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		caseID, d.kind, d.audience, t.opt.From, t.opt.FromName, string(to),
		d.mail.Subject, d.mail.Text, d.mail.HTML, string(data), id, d.inReplyTo, strings.Join(d.refs, " "),
		d.auto, ts, ts, ts)
	if err != nil {
		return "", fmt.Errorf("queue %s mail: %w", d.kind, err)
	}
	return id, nil
}

// renderQueued renders a mail queued with template data (draft.data), with
// the organisation and authority of the current configuration. The data is
// one JSON object, or an array of objects read one after the other into the
// same templates.Data (draft.dataMore).
func (t *Tracker) renderQueued(kind, data string) (templates.Mail, error) {
	var d templates.Data
	parts := []json.RawMessage{json.RawMessage(data)}
	if strings.HasPrefix(data, "[") {
		if err := json.Unmarshal([]byte(data), &parts); err != nil {
			return templates.Mail{}, fmt.Errorf("template data of %s mail: %w", kind, err)
		}
	}
	for _, p := range parts {
		if err := json.Unmarshal(p, &d); err != nil {
			return templates.Mail{}, fmt.Errorf("template data of %s mail: %w", kind, err)
		}
	}
	d.Org, d.Authority = t.opt.Org, t.opt.Authority
	m, err := t.opt.Templates.Render(kind, d.Lang, d)
	if err != nil {
		return templates.Mail{}, fmt.Errorf("render %s: %w", kind, err)
	}
	return m, nil
}

// Due implements outbox.Queue. A mail queued with template data is
// rendered here, once: the rendering is stored in the outbox row, so the
// register keeps the mail exactly as it was sent (also after a template
// change) and a retry sends the same text. One that does not render comes
// back with Err set, and the sender marks it failed (staff are told when it
// was for a customer).
func (t *Tracker) Due(ctx context.Context, now time.Time, limit int) ([]outbox.Mail, error) {
	if err := t.applyPendingMarks(ctx); err != nil {
		return nil, err
	}
	out, rendered, err := t.due(ctx, now, limit)
	if err != nil || len(rendered) == 0 {
		return out, err
	}
	if err := t.storeRendered(ctx, rendered); err != nil {
		// Not fatal: the mail is rendered again at the next attempt.
		t.log.Warn("storing rendered mails failed", "err", err)
	}
	return out, nil
}

// storeRendered writes the rendering of mails queued as template data.
func (t *Tracker) storeRendered(ctx context.Context, ms []outbox.Mail) error {
	tx, err := t.mark.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, `UPDATE outbox SET subject = ?, text = ?, html = ? WHERE id = ? AND text = '' AND data != ''`)
	if err != nil {
		return err
	}
	for _, m := range ms {
		if _, err := stmt.ExecContext(ctx, m.Subject, m.Text, m.HTML, m.ID); err != nil {
			return err
		}
	}
	return tx.Commit()
}

func (t *Tracker) due(ctx context.Context, now time.Time, limit int) (out, rendered []outbox.Mail, err error) {
	rows, err := t.r.QueryContext(ctx, `SELECT id, COALESCE(case_id, ''), kind, from_addr, from_name, to_addrs,
		subject, text, html, data, message_id, in_reply_to, refs, auto_submitted, date, attempts, in_doubt
		FROM outbox WHERE sent_at = '' AND failed_at = '' AND next_attempt <= ?
		ORDER BY next_attempt, id LIMIT ?`, fmtTime(now), limit)
	if err != nil {
		return nil, nil, fmt.Errorf("outbox due: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var m outbox.Mail
		var to, refs, date, data string
		if err := rows.Scan(&m.ID, &m.CaseID, &m.Kind, &m.From, &m.FromName, &to, &m.Subject, &m.Text, &m.HTML,
			&data, &m.MessageID, &m.InReplyTo, &refs, &m.AutoSubmitted, &date, &m.Attempts, &m.InDoubt); err != nil {
			return nil, nil, err
		}
		if data != "" && m.Text == "" {
			r, err := t.renderQueued(m.Kind, data)
			if err != nil {
				t.log.Error("a queued mail does not render", "mail", m.ID, "case", m.CaseID, "err", err)
				m.Err = err
			}
			m.Subject, m.Text, m.HTML = r.Subject, r.Text, r.HTML
			if err == nil {
				rendered = append(rendered, m)
			}
		}
		if err := json.Unmarshal([]byte(to), &m.To); err != nil {
			return nil, nil, fmt.Errorf("outbox %d: recipients: %w", m.ID, err)
		}
		m.References = strings.Fields(refs)
		m.Date = parseTime(date)
		out = append(out, m)
	}
	return out, rendered, rows.Err()
}

// MarkSent implements outbox.Queue. The mark goes to the sent log first,
// which no database lock delays, then into the database (sentlog.go). When
// only the database update fails, the mark stays in the log, Due applies it
// before it reads the due mails, and MarkSent reports success: the mail is
// not sent again.
func (t *Tracker) MarkSent(ctx context.Context, id int64, at time.Time) error {
	m := sentMark{id: id, at: at}
	logged := t.sent != nil
	if logged {
		if err := t.sent.write(m); err != nil {
			t.log.Warn("sent log: write failed; the mark goes to the database only", "mail", id, "err", err)
			logged = false
		}
	}
	_, err := t.mark.ExecContext(ctx, markSentSQL, fmtTime(at), id)
	if logged {
		t.sent.recorded(m, err == nil)
		if err != nil {
			t.log.Warn("mail sent; its mark is in the sent log, the database update follows", "mail", id, "err", err)
			return nil
		}
	}
	return err
}

// applyPendingMarks records the marks MarkSent could not write to the database.
func (t *Tracker) applyPendingMarks(ctx context.Context) error {
	if t.sent == nil {
		return nil
	}
	p := t.sent.takePending()
	if len(p) == 0 {
		return nil
	}
	if err := applyMarks(ctx, t.mark, p); err != nil {
		for _, m := range p {
			t.sent.recorded(m, false)
		}
		return fmt.Errorf("sent marks: %w", err)
	}
	for _, m := range p {
		t.sent.recorded(m, true)
	}
	return nil
}

// MarkRetry implements outbox.Queue. The server answered, so the mail is
// no longer in doubt.
func (t *Tracker) MarkRetry(ctx context.Context, id int64, next time.Time, errText string) error {
	_, err := t.mark.ExecContext(ctx, `UPDATE outbox SET next_attempt = ?, attempts = attempts + 1, last_error = ?, in_doubt = 0 WHERE id = ?`, fmtTime(next), errText, id)
	return err
}

// Sending implements outbox.InFlight: a begin line in the sent log, when
// the tracker keeps one.
func (t *Tracker) Sending(id int64, attempts int) error {
	if t.sent == nil || t.opt.CopyWait <= 0 {
		return nil
	}
	return t.sent.begin(id, attempts)
}

// MarkInDoubt implements outbox.InFlight.
func (t *Tracker) MarkInDoubt(ctx context.Context, id int64, next time.Time, errText string) error {
	_, err := t.mark.ExecContext(ctx, `UPDATE outbox SET next_attempt = ?, attempts = attempts + 1, last_error = ?, in_doubt = 1 WHERE id = ?`, fmtTime(next), errText, id)
	return err
}

// MarkFailed implements outbox.Queue.
func (t *Tracker) MarkFailed(ctx context.Context, id int64, at time.Time, errText string) error {
	_, err := t.mark.ExecContext(ctx, `UPDATE outbox SET failed_at = ?, attempts = attempts + 1, last_error = ? WHERE id = ?`, fmtTime(at), errText, id)
	return err
}

// NextAttempt implements outbox.Queue.
func (t *Tracker) NextAttempt(ctx context.Context) (time.Time, bool, error) {
	var s sql.NullString
	err := t.r.QueryRowContext(ctx, `SELECT MIN(next_attempt) FROM outbox WHERE sent_at = '' AND failed_at = ''`).Scan(&s)
	if err != nil || !s.Valid {
		return time.Time{}, false, err
	}
	return parseTime(s.String), true, nil
}

// OutboxStats counts the outbox for health and metrics.
type OutboxStats struct {
	Pending, Sent, Failed int
	OldestPending         time.Time
}

// OutboxStats returns counts of the outbox.
func (t *Tracker) OutboxStats(ctx context.Context) (OutboxStats, error) {
	var s OutboxStats
	var oldest sql.NullString
	err := t.r.QueryRowContext(ctx, `SELECT
		COALESCE(SUM(sent_at = '' AND failed_at = ''), 0), COALESCE(SUM(sent_at != ''), 0), COALESCE(SUM(failed_at != ''), 0),
		MIN(CASE WHEN sent_at = '' AND failed_at = '' THEN created_at END) FROM outbox`).Scan(&s.Pending, &s.Sent, &s.Failed, &oldest)
	if oldest.Valid {
		s.OldestPending = parseTime(oldest.String)
	}
	return s, err
}

// SetOnQueued sets the function called after a commit that queued mail.
func (t *Tracker) SetOnQueued(f func()) { t.opt.OnQueued = f }

// SendFailed records that outgoing mail m was refused for good, and tells
// staff when it was a mail to a customer about a case.
func (t *Tracker) SendFailed(ctx context.Context, m outbox.Mail, sendErr error) error {
	if m.CaseID == "" {
		t.log.Error("mail refused permanently", "mail", m.ID, "kind", m.Kind, "err", sendErr)
		return nil
	}
	tx, err := t.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var audience string
	if err := tx.QueryRowContext(ctx, `SELECT audience FROM outbox WHERE id = ?`, m.ID).Scan(&audience); err != nil {
		return err
	}
	if err := t.event(ctx, tx, m.CaseID, "privacyd", "mail_failed", 0, "", m.Kind, errText(sendErr)); err != nil {
		return err
	}
	n := 0
	if audience == AudienceCustomer {
		c, err := t.loadCase(ctx, tx, m.CaseID)
		if err != nil {
			return err
		}
		d := t.caseData(c, t.opt.StaffLanguage)
		d.Reason = errText(sendErr)
		if n, err = t.notifyStaff(ctx, tx, c.ID, templates.StaffSendFailed, d, "", nil); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	if n > 0 && t.opt.OnQueued != nil {
		t.opt.OnQueued()
	}
	return nil
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return clip(err.Error(), 500)
}
