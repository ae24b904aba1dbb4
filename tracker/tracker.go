// Package tracker owns privacyd's register: the SQLite database of cases,
// messages, the append-only event log and the outbox. One transaction per
// batch of incoming mail commits the case changes, their events, the mails
// they cause and the IMAP checkpoint together, or none of them.
package tracker

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"privacyd/classify"
	"privacyd/clock"
	"privacyd/deadline"
	"privacyd/templates"
)

// Statuses of a case (DESIGN.md).
const (
	StatusAwaitingIdentity = "awaiting_identity"
	StatusInProgress       = "in_progress"
	StatusExtended         = "extended"
	StatusAwaitingPayment  = "awaiting_payment"
	StatusCompleted        = "completed"
	StatusRefused          = "refused"
	StatusWithdrawn        = "withdrawn"
	StatusNotARequest      = "not_a_request"
)

// OpenStatuses are the statuses of an open case, in the order of a case's life.
var OpenStatuses = []string{StatusAwaitingIdentity, StatusInProgress, StatusExtended, StatusAwaitingPayment}

// openSQL is the SQL condition for an open case.
var openSQL = "status IN ('" + strings.Join(OpenStatuses, "', '") + "')"

// Open reports whether status is a status of an open case.
func Open(status string) bool { return slices.Contains(OpenStatuses, status) }

// Options configure a Tracker.
type Options struct {
	Path  string
	Log   *slog.Logger
	Clock clock.Clock

	Classifier *classify.Classifier
	Templates  *templates.Set
	Rules      deadline.Rules
	// ClockStartsAtVerification applies the UK-style rule: the month runs from
	// identity verification (deadlines.clock_starts: identity_verified).
	ClockStartsAtVerification bool

	Org       templates.Org
	Authority templates.Authority
	// CasePrefix starts case IDs ("DSR").
	CasePrefix string
	// From and FromName are the sender of every mail privacyd sends.
	From     string
	FromName string
	// OwnAddresses are privacyd's own addresses; mail from them is never answered.
	OwnAddresses []string
	// StaffAddresses may send commands; StaffNotify receive notifications.
	StaffAddresses []string
	StaffNotify    []string
	Owner          string
	// StaffLanguage is the language of staff mails; DefaultLanguage is used for
	// customers whose language privacyd does not write.
	StaffLanguage   string
	DefaultLanguage string
	// CommandKey keys the tokens in Message-IDs issued to staff. When empty a
	// random key is generated once and kept in the database.
	CommandKey []byte
	// TrustedAuthservID, when set, requires a DKIM pass recorded by that server
	// in Authentication-Results for staff commands.
	TrustedAuthservID string

	MaxParseBytes      int64
	AutoMailsPerSender int // per address per 24 hours
	// AnswerMaxAge: a request read longer than this after its receipt gets
	// no automatic customer mail; staff are told (0: no limit).
	AnswerMaxAge    time.Duration
	IdentityCheck   string
	IDCopy          bool
	RepetitiveCount int
	RepetitiveDays  int
	// RetentionDays is retention.closed_case_days: Retain erases the personal
	// data of cases closed longer ago than this (0: 730).
	RetentionDays int
	// SentLog keeps the sent log (sentlog.go) beside the database: set by
	// the process that sends the mail (the daemon), not by commands that
	// only read the register while it runs.
	SentLog bool
	// CopyWait, when set, says that every mail sent goes to privacyd's own
	// mailbox as well (smtp.copy_to_self), and how long such a copy may
	// take to arrive. The sent log then also records each mail just before
	// it is handed to the SMTP server; at start, a mail handed over but not
	// marked sent is in doubt (outbox.Mail.InDoubt), due CopyWait later,
	// when the sender looks for its copy before sending it again.
	CopyWait time.Duration

	// OnQueued is called after a commit that queued mail (to wake the sender).
	OnQueued func()
}

// Tracker is the register. It is safe for concurrent use.
type Tracker struct {
	w, r *sql.DB
	mark *sql.DB  // records SMTP results; see openMarkDB
	sent *sentLog // MarkSent's marks before they are in the database (sentlog.go)
	ck   *checkpointer
	// caseRefRe finds case IDs ("DSR-2026-0001") in subjects.
	caseRefRe *regexp.Regexp
	opt       Options
	log       *slog.Logger
	key       []byte

	stmts txStmts // prepared statements of the current write transaction
	// macs holds keyed HMACs of the Message-ID tokens (hmac.New costs two
	// hash blocks and allocations; Reset restores the keyed state).
	macs sync.Pool

	// ahead holds the batches the mailbox reader handed to Prepare, oldest
	// first, and the preparer started last (the next one waits for its mails
	// to be taken).
	ahead struct {
		sync.Mutex
		ps   []*preparer
		last *preparer
	}
}

// txStmts caches the statements prepared in one write transaction, so that
// the statements run for every mail of a batch are parsed once per batch,
// not once per execution (database/sql re-prepares every ExecContext and
// QueryRowContext with arguments). The writer pool has a single connection,
// so there is one write transaction at a time; a statement is only used with
// the transaction it was prepared in, and database/sql closes it when that
// transaction ends.
type txStmts struct {
	mu sync.Mutex
	tx *sql.Tx
	m  map[string]*sql.Stmt
}

// stmt returns query prepared in tx, or nil when preparing it failed (the
// caller then runs the query unprepared, and sees the error there).
func (t *Tracker) stmt(ctx context.Context, tx *sql.Tx, query string) *sql.Stmt {
	c := &t.stmts
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.tx != tx {
		c.tx, c.m = tx, make(map[string]*sql.Stmt, 24)
	}
	if s, ok := c.m[query]; ok {
		return s
	}
	s, err := tx.PrepareContext(ctx, query)
	if err != nil {
		return nil
	}
	c.m[query] = s
	return s
}

// exec runs query in tx as a statement prepared once per transaction.
func (t *Tracker) exec(ctx context.Context, tx *sql.Tx, query string, args ...any) (sql.Result, error) {
	if s := t.stmt(ctx, tx, query); s != nil {
		return s.ExecContext(ctx, args...)
	}
	return tx.ExecContext(ctx, query, args...)
}

// queryRow runs query in tx as a statement prepared once per transaction.
func (t *Tracker) queryRow(ctx context.Context, tx *sql.Tx, query string, args ...any) *sql.Row {
	if s := t.stmt(ctx, tx, query); s != nil {
		return s.QueryRowContext(ctx, args...)
	}
	return tx.QueryRowContext(ctx, query, args...)
}

// prepTx runs QueryRowContext on tx through the statement cache, for helpers
// that take any query runner (loadCase).
type prepTx struct {
	t  *Tracker
	tx *sql.Tx
}

func (p prepTx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return p.t.queryRow(ctx, p.tx, query, args...)
}

// New opens (creating and migrating if needed) the database and returns a Tracker.
func New(ctx context.Context, opt Options) (*Tracker, error) {
	if opt.Log == nil {
		opt.Log = slog.New(slog.DiscardHandler)
	}
	if opt.Clock == nil {
		opt.Clock = clock.Real{}
	}
	if opt.CasePrefix == "" {
		opt.CasePrefix = "DSR"
	}
	if opt.DefaultLanguage == "" {
		opt.DefaultLanguage = "en"
	}
	if opt.StaffLanguage == "" {
		opt.StaffLanguage = opt.DefaultLanguage
	}
	if opt.Rules.Loc == nil {
		opt.Rules.Loc = time.UTC
	}
	if opt.Rules.Cal == nil {
		cal, err := deadline.NewCalendar("NL", nil)
		if err != nil {
			return nil, err
		}
		opt.Rules.Cal = cal
	}
	if opt.RepetitiveCount == 0 {
		opt.RepetitiveCount = 3
	}
	if opt.RepetitiveDays == 0 {
		opt.RepetitiveDays = 90
	}
	if opt.AutoMailsPerSender == 0 {
		opt.AutoMailsPerSender = 5
	}
	if opt.IdentityCheck == "" {
		opt.IdentityCheck = "unknown_sender"
	}
	if opt.Templates == nil {
		set, err := templates.New("")
		if err != nil {
			return nil, err
		}
		opt.Templates = set
	}
	if opt.Classifier == nil {
		c, err := classify.New(classify.Options{StaffAddresses: opt.StaffAddresses, OwnAddresses: opt.OwnAddresses})
		if err != nil {
			return nil, err
		}
		opt.Classifier = c
	}
	w, r, err := openDB(ctx, opt.Path)
	if err != nil {
		return nil, err
	}
	mark, err := openMarkDB(opt.Path)
	if err != nil {
		w.Close()
		r.Close()
		return nil, err
	}
	var sent *sentLog
	if opt.SentLog {
		var applied, doubted int
		doubtUntil := time.Time{}
		if opt.CopyWait > 0 {
			doubtUntil = opt.Clock.Now().Add(opt.CopyWait)
		}
		if sent, applied, doubted, err = openSentLog(ctx, w, opt.Path+"-sent", doubtUntil); err != nil {
			w.Close()
			r.Close()
			mark.Close()
			return nil, err
		}
		if applied > 0 {
			opt.Log.Info("sent log applied: mails the SMTP server took before privacyd stopped", "marks", applied)
		}
		if doubted > 0 {
			opt.Log.Info("mails in the SMTP server's hands when privacyd stopped: their copies are looked for before they are sent again",
				"mails", doubted, "look_at", doubtUntil.UTC().Format(time.RFC3339))
		}
	}
	ck, err := startCheckpointer(opt.Path, opt.Log)
	if err != nil {
		w.Close()
		r.Close()
		mark.Close()
		sent.close()
		return nil, err
	}
	t := &Tracker{w: w, r: r, mark: mark, sent: sent, ck: ck, opt: opt, log: opt.Log,
		caseRefRe: caseRefPattern(opt.CasePrefix)}
	if t.key, err = t.commandKey(ctx); err != nil {
		t.Close()
		return nil, err
	}
	return t, nil
}

// Close closes the database.
func (t *Tracker) Close() error {
	return errors.Join(t.ck.close(), t.r.Close(), t.mark.Close(), t.sent.close(), t.w.Close())
}

// commandKey returns the configured key, or the one kept in the database,
// generating it on first use.
func (t *Tracker) commandKey(ctx context.Context) ([]byte, error) {
	if len(t.opt.CommandKey) > 0 {
		return t.opt.CommandKey, nil
	}
	var key []byte
	err := t.w.QueryRowContext(ctx, `SELECT value FROM kv WHERE key = 'command_key'`).Scan(&key)
	if err == nil {
		return key, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("read command key: %w", err)
	}
	key = make([]byte, 32)
	rand.Read(key)
	if _, err := t.w.ExecContext(ctx, `INSERT INTO kv (key, value) VALUES ('command_key', ?)`, key); err != nil {
		return nil, fmt.Errorf("store command key: %w", err)
	}
	return key, nil
}

// DB returns the read-only pool, for reports.
func (t *Tracker) DB() *sql.DB { return t.r }

func (t *Tracker) now() time.Time { return t.opt.Clock.Now().UTC() }

// domain returns the domain of privacyd's own address, for Message-IDs.
func (t *Tracker) domain() string {
	if _, d, ok := strings.Cut(t.opt.From, "@"); ok && d != "" {
		return strings.ToLower(d)
	}
	return "privacyd.invalid"
}
