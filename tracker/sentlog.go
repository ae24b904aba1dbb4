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

// sentLogMax is the size at which the sent log is emptied once every mark in
// it is in the database.
const sentLogMax = 64 << 10

type sentMark struct {
	id int64
	at time.Time
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
// database through db, empties the log and opens it for appending.
func openSentLog(ctx context.Context, db *sql.DB, path string) (*sentLog, int, error) {
	marks, err := readSentLog(path)
	if err != nil {
		return nil, 0, err
	}
	if len(marks) > 0 {
		if err := applyMarks(ctx, db, marks); err != nil {
			return nil, 0, fmt.Errorf("sent log %s: %w", path, err)
		}
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return nil, 0, fmt.Errorf("sent log: %w", err)
	}
	if err := f.Truncate(0); err != nil {
		f.Close()
		return nil, 0, fmt.Errorf("sent log: %w", err)
	}
	return &sentLog{path: path, f: f}, len(marks), nil
}

// readSentLog returns the marks in the file at path (none when it does not
// exist). A line that does not parse — the last one, cut short when the
// process died while writing it — is skipped: its mail was not marked, so
// it is sent again, as before this log existed.
func readSentLog(path string) ([]sentMark, error) {
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("sent log: %w", err)
	}
	var marks []sentMark
	for line := range strings.Lines(string(data)) {
		idStr, atStr, ok := strings.Cut(strings.TrimSuffix(line, "\n"), " ")
		if !ok {
			continue
		}
		id, err := strconv.ParseInt(idStr, 10, 64)
		at, terr := time.Parse(time.RFC3339Nano, atStr)
		if err != nil || terr != nil || id <= 0 {
			continue
		}
		marks = append(marks, sentMark{id: id, at: at})
	}
	return marks, nil
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
