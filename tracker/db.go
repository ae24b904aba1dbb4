package tracker

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"time"

	_ "modernc.org/sqlite" // the pure-Go driver "sqlite"
)

// pragmas are per connection, so they live in the DSN (API-NOTES §6):
// secure_delete zeroes deleted content, so retention leaves nothing behind;
// busy_timeout first, WAL, foreign keys, BEGIN IMMEDIATE and a sortable time
// format. temp_store(MEMORY) keeps the statement journal of the savepoint
// each mail is ingested in (ingestIsolated) in memory: in a temporary file
// it cost a write system call for every page a mail touched a second time.
const pragmas = "_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)" +
	"&_pragma=foreign_keys(1)&_pragma=secure_delete(1)&_pragma=temp_store(MEMORY)" +
	"&_txlock=immediate&_time_format=sqlite"

// dsn is the data source name of the database at path with the given
// synchronous mode (FULL for everything but the SMTP results).
func dsn(path, synchronous string) string {
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + pragmas + "&_pragma=synchronous(" + synchronous + ")"
}

// openDB opens the single-writer pool and the reader pool of the database at
// path, creating it with mode 0600, and migrates the schema.
func openDB(ctx context.Context, path string) (w, r *sql.DB, err error) {
	if f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600); err != nil {
		return nil, nil, fmt.Errorf("open database %s: %w", path, err)
	} else {
		f.Close()
	}
	full := dsn(path, "FULL")
	// The writer: cache_spill off — a batch of mail changes several MB of
	// pages; with spilling, the writer wrote dirty pages to the WAL in the
	// middle of the transaction and many of them again before the commit;
	// now each page of a batch is written once, at the commit. The WAL is
	// checkpointed in the background (checkpointer), by the writer only
	// when it grows past walAutoCheckpoint pages.
	writer := full + "&_pragma=cache_spill(0)" + fmt.Sprintf("&_pragma=wal_autocheckpoint(%d)", walAutoCheckpoint)
	if w, err = sql.Open("sqlite", writer); err != nil {
		return nil, nil, err
	}
	w.SetMaxOpenConns(1) // the single writer: writers queue in database/sql
	if err := migrate(ctx, w); err != nil {
		w.Close()
		return nil, nil, fmt.Errorf("migrate %s: %w", path, err)
	}
	if r, err = sql.Open("sqlite", full+"&mode=ro"); err != nil {
		w.Close()
		return nil, nil, err
	}
	r.SetMaxOpenConns(4) // WAL: readers never block the writer
	return w, r, nil
}

// openMarkDB opens the connection that records SMTP results (MarkSent and
// kin) with synchronous=NORMAL: in WAL mode such a commit survives a crash of
// the process without waiting for an fsync, which narrows the window in which
// a killed privacyd has handed a mail to the SMTP server but not yet recorded
// it — the one way a mail can go out twice. Only a crash of the machine could
// lose such a record, and its cost is one repeated mail with the same
// Message-ID. Everything else commits with synchronous=FULL.
func openMarkDB(path string) (*sql.DB, error) {
	db, err := sql.Open("sqlite", dsn(path, "NORMAL"))
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	return db, nil
}

// migrations is append-only: migrations[i] takes the schema from version i to
// i+1, and len(migrations) is the PRAGMA user_version of a current database.
var migrations = []string{
	`CREATE TABLE kv (key TEXT PRIMARY KEY, value BLOB NOT NULL);
	CREATE TABLE checkpoint (
		mailbox     TEXT PRIMARY KEY,
		uidvalidity INTEGER NOT NULL,
		last_uid    INTEGER NOT NULL
	);
	CREATE TABLE cases (
		id             TEXT PRIMARY KEY,
		year           INTEGER NOT NULL,
		seq            INTEGER NOT NULL,
		status         TEXT NOT NULL,
		rights         TEXT NOT NULL,          -- comma-separated, sorted
		language       TEXT NOT NULL,
		requester      TEXT NOT NULL,          -- lower-case address
		requester_name TEXT NOT NULL,
		representative INTEGER NOT NULL DEFAULT 0,
		triage         INTEGER NOT NULL DEFAULT 0,
		repetitive     INTEGER NOT NULL DEFAULT 0,
		received_at    TEXT NOT NULL,          -- RFC 3339 UTC: the legal receipt instant
		received_date  TEXT NOT NULL,          -- YYYY-MM-DD in the organisation's zone
		clock_start    TEXT NOT NULL,          -- date the month counts from
		due            TEXT NOT NULL,
		extended       INTEGER NOT NULL DEFAULT 0,
		extended_due   TEXT NOT NULL,
		extension_reason TEXT NOT NULL DEFAULT '',
		fee_amount     TEXT NOT NULL DEFAULT '',
		verified_at    TEXT NOT NULL DEFAULT '',
		closed_at      TEXT NOT NULL DEFAULT '',
		subject        TEXT NOT NULL,
		message_id     TEXT NOT NULL,
		created_at     TEXT NOT NULL,
		updated_at     TEXT NOT NULL,
		erased_at      TEXT NOT NULL DEFAULT '',
		UNIQUE (year, seq)
	);
	CREATE INDEX cases_status ON cases (status);
	CREATE INDEX cases_requester ON cases (requester);
	CREATE TABLE messages (
		id            INTEGER PRIMARY KEY,
		case_id       TEXT REFERENCES cases (id),
		mailbox       TEXT NOT NULL,
		uidvalidity   INTEGER NOT NULL,
		uid           INTEGER NOT NULL,
		message_id    TEXT NOT NULL,           -- as sent, or "sha256:..." when missing
		sha256        TEXT NOT NULL,
		internal_date TEXT NOT NULL,
		from_addr     TEXT NOT NULL,
		from_name     TEXT NOT NULL,
		date_hdr      TEXT NOT NULL,
		subject       TEXT NOT NULL,
		kind          TEXT NOT NULL,
		language      TEXT NOT NULL,
		rights        TEXT NOT NULL,
		classification TEXT NOT NULL,          -- the classify.Result as JSON
		disposition   TEXT NOT NULL,           -- what privacyd did with it
		size          INTEGER NOT NULL,
		raw           BLOB,                    -- NULL once erased by retention
		processed_at  TEXT NOT NULL
	);
	CREATE INDEX messages_msgid ON messages (message_id);
	CREATE INDEX messages_case ON messages (case_id);
	CREATE TABLE events (
		id         INTEGER PRIMARY KEY,
		case_id    TEXT REFERENCES cases (id),
		at         TEXT NOT NULL,
		actor      TEXT NOT NULL,              -- "privacyd", "customer", or a staff address
		type       TEXT NOT NULL,
		message    INTEGER REFERENCES messages (id),
		old_value  TEXT NOT NULL DEFAULT '',
		new_value  TEXT NOT NULL DEFAULT '',
		detail     TEXT NOT NULL DEFAULT ''
	);
	CREATE INDEX events_case ON events (case_id);
	CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
		BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
	CREATE TABLE outbox (
		id             INTEGER PRIMARY KEY,
		case_id        TEXT REFERENCES cases (id),
		kind           TEXT NOT NULL,
		audience       TEXT NOT NULL,          -- customer, staff, owner
		from_addr      TEXT NOT NULL,
		from_name      TEXT NOT NULL,
		to_addrs       TEXT NOT NULL,          -- JSON array
		subject        TEXT NOT NULL,
		text           TEXT NOT NULL,
		html           TEXT NOT NULL,
		message_id     TEXT NOT NULL UNIQUE,
		in_reply_to    TEXT NOT NULL,
		refs           TEXT NOT NULL,          -- space-separated
		auto_submitted INTEGER NOT NULL,
		date           TEXT NOT NULL,
		created_at     TEXT NOT NULL,
		next_attempt   TEXT NOT NULL,
		attempts       INTEGER NOT NULL DEFAULT 0,
		last_error     TEXT NOT NULL DEFAULT '',
		sent_at        TEXT NOT NULL DEFAULT '',
		failed_at      TEXT NOT NULL DEFAULT ''
	);
	CREATE INDEX outbox_pending ON outbox (next_attempt) WHERE sent_at = '' AND failed_at = '';
	CREATE INDEX outbox_case ON outbox (case_id);`,
	// v2: the scheduled work. warnings_sent makes each deadline warning (and
	// the customer's identity reminder) happen once per case, kind, threshold
	// and date, across restarts; digests_sent does the same for the weekly
	// digest to the owner.
	`CREATE TABLE warnings_sent (
		case_id    TEXT NOT NULL REFERENCES cases (id),
		kind       TEXT NOT NULL,          -- due, due_receipt, extension, identity, identity_reminder, fee
		threshold  TEXT NOT NULL,          -- "7", "due_day", "overdue:2026-05-06", "window", ...
		for_date   TEXT NOT NULL,          -- YYYY-MM-DD the warning is about (a due date, the identity mail's date)
		sent_on    TEXT NOT NULL,          -- YYYY-MM-DD of the sweep, organisation's zone
		created_at TEXT NOT NULL,
		primary_   INTEGER NOT NULL,       -- 1: this threshold decided the line that was mailed
		message_id TEXT NOT NULL DEFAULT '', -- the staff (or customer) mail it went out in
		UNIQUE (case_id, kind, threshold, for_date)
	);
	CREATE TABLE digests_sent (
		period     TEXT PRIMARY KEY,       -- first day of the reported week, YYYY-MM-DD
		sent_at    TEXT NOT NULL,
		message_id TEXT NOT NULL
	);`,
	// v3: retention (retention.go). The event log stays append-only, except
	// that the texts of an erased case's events may be blanked.
	`DROP TRIGGER events_append_only_update;
	CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
		WHEN NOT (NEW.id = OLD.id AND NEW.case_id IS OLD.case_id AND NEW.at = OLD.at AND NEW.actor = OLD.actor
			AND NEW.type = OLD.type AND NEW.message IS OLD.message
			AND NEW.old_value IN (OLD.old_value, '') AND NEW.new_value IN (OLD.new_value, '') AND NEW.detail IN (OLD.detail, '')
			AND EXISTS (SELECT 1 FROM cases WHERE cases.id = OLD.case_id AND cases.erased_at != ''))
		BEGIN SELECT RAISE(ABORT, 'events are append-only (only the texts of an erased case may be blanked)'); END;`,
	// v4: the per-sender cap of automatic mails (mailCustomer) counts one
	// recipient's recent mails; without this index it scanned the whole
	// outbox, with its large text columns, for every incoming mail.
	`CREATE INDEX outbox_auto_recipient ON outbox (audience, to_addrs, created_at) WHERE auto_submitted;`,
	// v5: the register is listed in order of receipt (cases, export, digest).
	`CREATE INDEX cases_received ON cases (received_at, id);`,
	// v6: a mail queued by the ingest path is rendered when it is sent: data
	// holds its template data (templates.Data as JSON, without the
	// organisation and authority, which come from the configuration), and
	// subject, text and html stay empty until then (queue.go).
	`ALTER TABLE outbox ADD COLUMN data TEXT NOT NULL DEFAULT '';`,
	// v7: the deadline sweep reads every open case. This index holds only
	// the open cases (the WHERE is openSQL's), with every column the sweep
	// reads, in order of receipt: the sweep reads it from end to end instead
	// of looking up each open case in the table, scattered among the closed
	// ones (sweep.go names it with INDEXED BY).
	`CREATE INDEX cases_open ON cases (received_at, id, status, rights, received_date, clock_start, due, extended, extended_due, fee_amount)
		WHERE status IN ('awaiting_identity', 'in_progress', 'extended', 'awaiting_payment');`,
	// v8: the deadline sweep records the overdue warning of a due date once
	// (threshold 'overdue'), and the day of its last daily reminder of the
	// overdue cases in kv (sweep.go); before, every daily reminder was a
	// row 'overdue:<date>' (and an event) per case. The old rows stay, as
	// the record of what was sent; each case's earliest becomes the stage
	// 'overdue', and the last day a reminder went out is the kv row, so a
	// sweep after the upgrade repeats nothing already sent. The two small
	// partial indexes give the sweep, for each case waiting for the
	// customer, when the identity check went out and when the fee was
	// asked, without reading every mail and event of the case.
	`CREATE INDEX outbox_identity ON outbox (case_id, created_at) WHERE kind = 'identity_check';
	CREATE INDEX events_fee ON events (case_id, at) WHERE type = 'status_changed' AND new_value = 'awaiting_payment';
	INSERT OR IGNORE INTO warnings_sent (case_id, kind, threshold, for_date, sent_on, created_at, primary_, message_id)
		SELECT case_id, kind, 'overdue', for_date, MIN(sent_on), created_at, primary_, message_id FROM warnings_sent
		WHERE threshold GLOB 'overdue:*' GROUP BY case_id, kind, for_date;
	INSERT OR REPLACE INTO kv (key, value)
		SELECT 'sweep_overdue_daily', MAX(sent_on) FROM warnings_sent WHERE threshold GLOB 'overdue:*' HAVING COUNT(*) > 0;`,
	// v9: a mail that may have reached the SMTP server unrecorded (privacyd
	// stopped, or the connection broke, between the end of DATA and the
	// record) is in doubt: with copies to the own mailbox, the sender looks
	// for its copy before it sends it again (sentlog.go).
	`ALTER TABLE outbox ADD COLUMN in_doubt INTEGER NOT NULL DEFAULT 0;`,
}

func migrate(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil) // immediate: two daemons can't migrate at once
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var v int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return err
	}
	if v > len(migrations) {
		return fmt.Errorf("database schema v%d is newer than this privacyd (v%d): upgrade privacyd", v, len(migrations))
	}
	if v == len(migrations) {
		return nil
	}
	for i := v; i < len(migrations); i++ {
		if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", len(migrations))); err != nil {
		return err
	}
	return tx.Commit()
}

// Times are stored as RFC 3339 text in UTC, so they sort and compare as text.
const timeFormat = "2006-01-02T15:04:05.000000000Z"

func fmtTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(timeFormat)
}

func parseTime(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// Backup writes a consistent copy of the database to path while privacyd
// runs (VACUUM INTO), with file mode 0600. path must not exist.
func (t *Tracker) Backup(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("backup %s: file exists", path)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	f.Close() // VACUUM INTO accepts an empty file, so the copy keeps mode 0600
	if _, err := t.w.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	return os.Chmod(path, 0o600)
}
