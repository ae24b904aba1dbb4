package tracker

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The sent log closes most of the window in which a mail can go out twice.
//
// A mail is marked sent after the SMTP server accepted it. That mark is a
// database write, and the database has one writer at a time: while mail is
// read, the ingest path holds the write lock for a whole batch, so MarkSent
// waited for it (0.3 ms typically, several ms often, up to a second measured
// during a backlog). A privacyd killed in that wait had handed the mail to the
// server without recording it, and sent it again after the restart.
//
// So MarkSent first appends "ID TIME" to a small file beside the database
// (the database path with "-sent"), one write system call that no lock
// delays, and then records the mark in the database as before. A line
// written survives the death of the process (it is in the page cache); it is
// not synced, like the mark itself (openMarkDB), so only a crash of the
// machine can lose it. When the tracker opens, the marks in the file are
// applied to the database (once more, harmlessly, for those already there)
// and the file is emptied; it is emptied as well whenever every line in it
// is in the database and it has grown past sentLogMax. It holds outbox row
// numbers and times, nothing personal.

// With copies to the own mailbox (Options.CopyWait), the sender also writes
// "begin ID ATTEMPTS" just before it hands mail ID to the SMTP server. A
// begin line without a mark after it, for a mail still unsent whose
// attempts did not change since, is a mail that may or may not have gone
// out: at start it is set in doubt (outbox.in_doubt) and due CopyWait
// later, when the sender looks for its copy in the mailbox before sending
// it again. Only one mail is in flight at a time, and its MarkSent,
// MarkRetry, MarkFailed or MarkInDoubt settles it before the next begins,
// so emptying the log at a MarkSent drops no begin line that still
// matters.

// sentLogMax is the size at which the sent log is emptied once every mark in
// it is in the database.
const sentLogMax = 64 << 10

type sentMark struct {
	id int64
	at time.Time
}

// sentBegin is a begin line: attempt attempts+1 of mail id was started.
type sentBegin struct {
	id       int64
	attempts int
}

type sentLog struct {
	mu   sync.Mutex
	path string
	f    *os.File
	size int64
	// pending are marks written to the file whose database update failed;
	// Due applies them before it reads the due mails.
	pending []sentMark
}

// openSentLog applies the marks left in the sent log at path to the
// database through db, sets the mails begun but not marked in doubt, due at
// doubtUntil (unless doubtUntil is zero: no copies, so they are simply sent
// again), empties the log and opens it for appending.
func openSentLog(ctx context.Context, db *sql.DB, path string, doubtUntil time.Time) (_ *sentLog, applied, doubted int, err error) {
	marks, begins, err := readSentLog(path)
	if err != nil {
		return nil, 0, 0, err
	}
	if len(marks) > 0 {
		if err := applyMarks(ctx, db, marks); err != nil {
			return nil, 0, 0, fmt.Errorf("sent log %s: %w", path, err)
		}
	}
	if len(begins) > 0 && !doubtUntil.IsZero() {
		if doubted, err = applyBegins(ctx, db, begins, doubtUntil); err != nil {
			return nil, 0, 0, fmt.Errorf("sent log %s: %w", path, err)
		}
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return nil, 0, 0, fmt.Errorf("sent log: %w", err)
	}
	if err := f.Truncate(0); err != nil {
		f.Close()
		return nil, 0, 0, fmt.Errorf("sent log: %w", err)
	}
	return &sentLog{path: path, f: f}, len(marks), doubted, nil
}

// readSentLog returns the marks and begin lines in the file at path (none
// when it does not exist). A line that does not parse — the last one, cut
// short when the process died while writing it — is skipped: a mark cut
// short leaves its mail unmarked, so it is sent again, as before this log
// existed; a begin line cut short leaves its mail out of doubt, and it is
// sent again without looking for its copy.
func readSentLog(path string) ([]sentMark, []sentBegin, error) {
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil, nil, nil
	} else if err != nil {
		return nil, nil, fmt.Errorf("sent log: %w", err)
	}
	var marks []sentMark
	var begins []sentBegin
	for line := range strings.Lines(string(data)) {
		if !strings.HasSuffix(line, "\n") {
			continue // cut short
		}
		f := strings.Fields(line)
		if len(f) == 3 && f[0] == "begin" {
			id, err := strconv.ParseInt(f[1], 10, 64)
			n, nerr := strconv.Atoi(f[2])
			if err == nil && nerr == nil && id > 0 && n >= 0 {
				begins = append(begins, sentBegin{id: id, attempts: n})
			}
			continue
		}
		if len(f) != 2 {
			continue
		}
		id, err := strconv.ParseInt(f[0], 10, 64)
		at, terr := time.Parse(time.RFC3339Nano, f[1])
		if err != nil || terr != nil || id <= 0 {
			continue
		}
		marks = append(marks, sentMark{id: id, at: at})
	}
	return marks, begins, nil
}

// applyBegins sets in doubt, due at until, the mails of begins that are
// still unsent and unfailed with the attempts they had when they began;
// it returns how many.
func applyBegins(ctx context.Context, db *sql.DB, begins []sentBegin, until time.Time) (int, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	st, err := tx.PrepareContext(ctx, `UPDATE outbox SET in_doubt = 1, next_attempt = MAX(next_attempt, ?)
		WHERE id = ? AND sent_at = '' AND failed_at = '' AND attempts = ?`)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, b := range begins {
		res, err := st.ExecContext(ctx, fmtTime(until), b.id, b.attempts)
		if err != nil {
			return 0, err
		}
		k, _ := res.RowsAffected()
		n += int(k)
	}
	return n, tx.Commit()
}

// applyMarks records marks in the outbox in one transaction; a mail already
// marked keeps its first mark.
func applyMarks(ctx context.Context, db *sql.DB, marks []sentMark) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	st, err := tx.PrepareContext(ctx, markSentSQL)
	if err != nil {
		return err
	}
	for _, m := range marks {
		if _, err := st.ExecContext(ctx, fmtTime(m.at), m.id); err != nil {
			return err
		}
	}
	return tx.Commit()
}

const markSentSQL = `UPDATE outbox SET sent_at = ?, attempts = attempts + 1, last_error = '' WHERE id = ? AND sent_at = ''`

// write appends m to the log.
func (l *sentLog) write(m sentMark) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	line := strconv.FormatInt(m.id, 10) + " " + m.at.UTC().Format(time.RFC3339Nano) + "\n"
	n, err := l.f.WriteString(line)
	l.size += int64(n)
	return err
}

// begin appends a begin line for attempt attempts+1 of mail id.
func (l *sentLog) begin(id int64, attempts int) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	n, err := l.f.WriteString("begin " + strconv.FormatInt(id, 10) + " " + strconv.Itoa(attempts) + "\n")
	l.size += int64(n)
	return err
}

// recorded says that m is in the database now (ok) or that recording it
// failed; it empties the log when every line in it is in the database and it
// has grown past sentLogMax.
func (l *sentLog) recorded(m sentMark, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !ok {
		l.pending = append(l.pending, m)
		return
	}
	if len(l.pending) == 0 && l.size > sentLogMax {
		if err := l.f.Truncate(0); err == nil {
			l.size = 0
		}
	}
}

// takePending returns the marks whose database update failed, and forgets them.
func (l *sentLog) takePending() []sentMark {
	l.mu.Lock()
	defer l.mu.Unlock()
	p := l.pending
	l.pending = nil
	return p
}

// close closes the file; its lines stay for the next start.
func (l *sentLog) close() error {
	if l == nil {
		return nil
	}
	return l.f.Close()
}
