package tracker

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// DefaultRetentionDays is retention.closed_case_days when unset: two years.
const DefaultRetentionDays = 730

// retentionBatch is how many cases one retention transaction erases.
const retentionBatch = 100

// What retention keeps and what it erases (GDPR art. 5(1)(e), storage
// limitation), for a case closed more than RetentionDays ago:
//
// Erased (set to "" or NULL):
//   - cases: requester, requester_name, subject, extension_reason (staff's
//     words to the customer);
//   - messages of the case (the request, follow-ups, staff command mails,
//     refused command mails): raw, from_addr, from_name, subject, and the
//     classification JSON (its evidence quotes the mail) becomes "{}";
//   - outbox mails of the case (to the customer and to staff): to_addrs
//     ("[]"), subject, text, html, in_reply_to, refs, last_error; a mail still
//     pending is marked failed, never sent;
//   - events of the case: the detail of every event except those whose
//     detail privacyd writes itself without personal text (case_opened,
//     mail_queued, mail_suppressed, command_refused, warning_sent,
//     staff_mail, erased); old and new values except for status, rights,
//     dates, flags and the fee amount. So #note texts, refusal reasons,
//     extension reasons, SMTP errors (which can name the address) and
//     auto-reply reasons go.
//
// Kept, anonymous, for the register, the export and the digest: the case ID,
// status, rights, language, representative/triage/repetitive flags, every
// date (received, due, extended due, verified, closed), the fee amount, the
// number and kind of mails in and out with their dates and sizes, and the
// event log's types, times and actors (staff addresses: who did what is the
// accountability the register exists for). Also kept: the Message-IDs and
// SHA-256 of incoming mails, because they are the guard that stops an old
// mail fetched again (a new UIDVALIDITY) from opening a new case and mailing
// the person once more; they are opaque identifiers, not content.
//
// Mail that never belonged to a case (auto-replies, bounces, list mail, mail
// shown to staff as not a request) is erased the same way RetentionDays after
// it arrived, and staff mails about no case RetentionDays after they were
// created (a mail still pending then is marked failed). Backups made earlier still hold the data: rotate them within the
// same period.
//
// The erasure of each case is one transaction with an "erased" event, the
// database overwrites freed content (secure_delete) and the WAL is
// checkpointed afterwards, so the erased bytes do not linger in the files.

// keptDetail lists the event types whose detail holds no personal text.
var keptDetail = []string{"case_opened", "mail_queued", "mail_suppressed", "command_refused", "warning_sent", "staff_mail", "erased"}

// keptValues lists the event types whose old and new values hold no personal text.
var keptValues = []string{"status_changed", "case_opened", "mail_queued", "mail_failed", "warning_sent",
	"changed_verified_at", "changed_closed_at", "changed_due", "changed_clock_start", "changed_extended_due",
	"changed_extended", "changed_rights", "changed_triage", "changed_fee_amount"}

// Retain erases the personal data of cases closed more than RetentionDays
// ago (see above for what is kept) and returns how many cases it erased. It
// is idempotent: an erased case is not touched again. Run it daily.
func (t *Tracker) Retain(ctx context.Context) (n int, err error) {
	days := t.opt.RetentionDays
	if days <= 0 {
		days = DefaultRetentionDays
	}
	now := t.now()
	cutoff := fmtTime(now.AddDate(0, 0, -days))
	// The writer connection, for the checkpoint at the end. secure_delete is
	// on for every connection (the DSN in db.go): with it on only now, bytes
	// left over earlier (a page split leaves old cells in free space) stay.
	conn, err := t.w.Conn(ctx)
	if err != nil {
		return 0, fmt.Errorf("retention: %w", err)
	}
	defer conn.Close()
	for {
		k, err := t.retainBatch(ctx, conn, cutoff, days, now)
		n += k
		if err != nil {
			return n, err
		}
		if k < retentionBatch {
			break
		}
	}
	loose, err := t.retainLoose(ctx, conn, cutoff)
	if err != nil {
		return n, err
	}
	if n > 0 || loose > 0 {
		// Move the erased pages out of the WAL into the (zeroed) database file.
		var busy, logged, done int
		resume := t.ck.pause()
		err := conn.QueryRowContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &logged, &done)
		resume()
		if err != nil || busy != 0 {
			t.log.Warn("retention: wal checkpoint incomplete", "busy", busy, "err", err)
		}
		t.log.Info("retention: personal data erased", "cases", n, "other_mails", loose, "closed_case_days", days)
	}
	return n, nil
}

// retainBatch erases up to retentionBatch cases in one transaction.
func (t *Tracker) retainBatch(ctx context.Context, conn *sql.Conn, cutoff string, days int, now time.Time) (int, error) {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("retention: begin: %w", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT id FROM cases WHERE erased_at = '' AND closed_at != '' AND closed_at < ?
		ORDER BY closed_at, id LIMIT ?`, cutoff, retentionBatch)
	if err != nil {
		return 0, fmt.Errorf("retention: select: %w", err)
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	for _, id := range ids {
		if err := t.eraseCase(ctx, tx, id, days, now); err != nil {
			return 0, fmt.Errorf("retention: %s: %w", id, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("retention: commit: %w", err)
	}
	return len(ids), nil
}

func (t *Tracker) eraseCase(ctx context.Context, tx *sql.Tx, id string, days int, now time.Time) error {
	at := fmtTime(now)
	if _, err := tx.ExecContext(ctx, `UPDATE cases SET requester = '', requester_name = '', subject = '',
		extension_reason = '', erased_at = ?, updated_at = ? WHERE id = ?`, at, at, id); err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `UPDATE messages SET raw = NULL, from_addr = '', from_name = '', subject = '',
		classification = '{}' WHERE case_id = ?`, id)
	if err != nil {
		return err
	}
	mails, _ := res.RowsAffected()
	res, err = tx.ExecContext(ctx, `UPDATE outbox SET to_addrs = '[]', subject = '', text = '', html = '', data = '',
		in_reply_to = '', refs = '', last_error = CASE WHEN sent_at = '' AND failed_at = '' THEN 'erased by retention before it was sent' ELSE '' END,
		failed_at = CASE WHEN sent_at = '' AND failed_at = '' THEN ? ELSE failed_at END WHERE case_id = ?`, at, id)
	if err != nil {
		return err
	}
	out, _ := res.RowsAffected()
	res, err = tx.ExecContext(ctx, `UPDATE events SET
		detail = CASE WHEN type IN (`+sqlList(keptDetail)+`) THEN detail ELSE '' END,
		old_value = CASE WHEN type IN (`+sqlList(keptValues)+`) THEN old_value ELSE '' END,
		new_value = CASE WHEN type IN (`+sqlList(keptValues)+`) THEN new_value ELSE '' END
		WHERE case_id = ? AND (
			(detail != '' AND type NOT IN (`+sqlList(keptDetail)+`)) OR
			((old_value != '' OR new_value != '') AND type NOT IN (`+sqlList(keptValues)+`)))`, id)
	if err != nil {
		return err
	}
	evs, _ := res.RowsAffected()
	return t.event(ctx, tx, id, "privacyd", "erased", 0, "", "",
		fmt.Sprintf("retention.closed_case_days=%d: personal data of %d incoming and %d outgoing mails and %d event texts erased", days, mails, out, evs))
}

// retainLoose erases mail that belongs to no case, once older than cutoff.
func (t *Tracker) retainLoose(ctx context.Context, conn *sql.Conn, cutoff string) (int, error) {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("retention: begin: %w", err)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `UPDATE messages SET raw = NULL, from_addr = '', from_name = '', subject = '',
		classification = '{}' WHERE case_id IS NULL AND processed_at < ?
		AND (raw IS NOT NULL OR from_addr != '' OR from_name != '' OR subject != '')`, cutoff)
	if err != nil {
		return 0, fmt.Errorf("retention: mails without a case: %w", err)
	}
	n, _ := res.RowsAffected()
	if _, err := tx.ExecContext(ctx, `UPDATE outbox SET to_addrs = '[]', subject = '', text = '', html = '', data = '',
		in_reply_to = '', refs = '', last_error = CASE WHEN sent_at = '' AND failed_at = '' THEN 'erased by retention before it was sent' ELSE '' END,
		failed_at = CASE WHEN sent_at = '' AND failed_at = '' THEN ? ELSE failed_at END
		WHERE case_id IS NULL AND created_at < ? AND (to_addrs != '[]' OR subject != '' OR text != '' OR html != '' OR data != '')`, fmtTime(t.now()), cutoff); err != nil {
		return 0, fmt.Errorf("retention: staff mails without a case: %w", err)
	}
	// The once-an-hour memory of forged command mails names the claimed sender.
	if _, err := tx.ExecContext(ctx, `DELETE FROM kv WHERE key LIKE 'forgery_notice:%' AND CAST(value AS TEXT) < ?`, cutoff); err != nil {
		return 0, fmt.Errorf("retention: forgery notices: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("retention: commit: %w", err)
	}
	return int(n), nil
}

// ErasedAt returns when retention erased case id's personal data (zero if it has not).
func (t *Tracker) ErasedAt(ctx context.Context, id string) (time.Time, error) {
	var s string
	err := t.r.QueryRowContext(ctx, `SELECT erased_at FROM cases WHERE id = ?`, strings.ToUpper(strings.TrimSpace(id))).Scan(&s)
	if err == sql.ErrNoRows {
		return time.Time{}, fmt.Errorf("%s: %w", id, ErrNotFound)
	}
	return parseTime(s), err
}

// sqlList renders constant names as an SQL list of string literals.
func sqlList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "'" + strings.ReplaceAll(n, "'", "''") + "'"
	}
	return strings.Join(q, ", ")
}
