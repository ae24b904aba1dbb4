package tracker

import (
	"cmp"
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"privacyd/deadline"
	"privacyd/templates"
)

// The deadline sweep: warnings to staff before any deadline can pass, and the
// customer's identity reminder. The sweep computes everything from today's
// date (the tracker's clock, in the organisation's zone) and from what
// warnings_sent says was already sent, so it is idempotent: run it as often as
// you like, and a run after downtime catches up what the missed runs would
// have sent.
//
// What is recorded, and why so (issue: the sweep of 100,000 cases within a
// second, worst case included):
//
//   - A warning is a stage of a sequence: for a due date (kind due or
//     due_receipt) the stages are n working days before it (before:<n>, for
//     each n of WarnDaysBefore), the due day (due_day) and overdue
//     (overdue); the other kinds have one stage each. warnings_sent keeps
//     one row per stage that was sent, keyed by case, kind, stage and the
//     date the sequence is about (for_date).
//   - A stage counts as sent when it or a later stage of its sequence was
//     recorded. So when several stages of one sequence fall due together
//     (the first sweep, or after downtime), only the most urgent is recorded
//     and mailed: the earlier ones are superseded, and since the stages of a
//     sequence only ever advance (today only moves forward; a new due date,
//     after an extension, is a new sequence), a superseded stage can never
//     fall due again. This keeps "each warning once per case", also across
//     restarts and catch-up, with one row per sequence instead of one per
//     stage.
//   - A case whose due date has passed is reported in the staff mail of
//     every working day while it stays overdue (the daily reminder). The
//     case's first overdue warning is a stage like any other: recorded once
//     (due:overdue), with a warning_sent event that says staff will be
//     reminded every working day. The later daily reminders are not recorded
//     per case: the kv row sweepDailyKey holds the day of the last daily
//     reminder, so a second sweep that day (a restart) does not repeat it,
//     and a sweep after downtime sends one reminder, one line per case. The
//     staff mail itself, kept in the outbox, records each day's reminder.
//     A case that becomes overdue later in a day (a request read late) is
//     warned at the next sweep through its own recorded stage. Before schema
//     v8 every daily reminder was a row (overdue:<date>) and an event; v8
//     turned those into the once-recorded stage and the kv row.

// Warning kinds, as recorded in warnings_sent.kind.
const (
	WarnDue              = "due"               // before, on and after the (extended) due date
	WarnDueReceipt       = "due_receipt"       // the receipt-based date when the clock started at verification
	WarnExtension        = "extension"         // the last working days in which an extension is allowed
	WarnIdentity         = "identity"          // staff: the identity has been missing too long
	WarnIdentityReminder = "identity_reminder" // customer: one reminder of the identity check
	WarnFee              = "fee"               // staff: a fee was asked and not paid
)

// reminderCatchUp is how many days after its day a customer's identity
// reminder that was not sent then (privacyd was not running, or the
// per-sender cap held it back) is still sent; after that it never is.
const reminderCatchUp = 7

// sweepDailyKey is the kv key of the day (YYYY-MM-DD, organisation's zone)
// of the last daily reminder of the overdue cases (schema v8).
const sweepDailyKey = "sweep_overdue_daily"

// SweepOptions are the warning policy. The zero value gives the defaults.
type SweepOptions struct {
	// WarnDaysBefore are the working days before the due date at which staff
	// are warned (deadlines.warn_days_before). nil means 7, 3 and 1; an
	// empty non-nil slice turns these warnings off (the due day and overdue
	// warnings stay).
	WarnDaysBefore []int
	// ExtensionWarnDays is how many working days before the one-month due
	// date staff are told to decide on an extension (default 5).
	ExtensionWarnDays int
	// IdentityReminderDays after the identity mail the customer is reminded
	// once (policy.identity_reminder_days, default 7), or up to seven days
	// later if no sweep could send it then (reminderCatchUp).
	IdentityReminderDays int
	// IdentityWaitDays after the identity mail staff are told the case is
	// still waiting (default twice IdentityReminderDays).
	IdentityWaitDays int
	// FeeWaitDays after a fee was asked staff are told it is still unpaid
	// (default 14).
	FeeWaitDays int
}

func (o SweepOptions) withDefaults() SweepOptions {
	if o.WarnDaysBefore == nil {
		o.WarnDaysBefore = []int{7, 3, 1}
	}
	if o.ExtensionWarnDays <= 0 {
		o.ExtensionWarnDays = 5
	}
	if o.IdentityReminderDays <= 0 {
		o.IdentityReminderDays = 7
	}
	if o.IdentityWaitDays <= 0 {
		o.IdentityWaitDays = 2 * o.IdentityReminderDays
	}
	if o.FeeWaitDays <= 0 {
		o.FeeWaitDays = 14
	}
	return o
}

// SweepResult is what one sweep did.
type SweepResult struct {
	Today deadline.Date // the sweep's date in the organisation's zone
	Open  int           // open cases looked at
	// Warnings are the lines of every case that needs attention, most
	// urgent first: a warning that fell due and was not sent before, or the
	// daily reminder of an overdue case. Empty when nothing was due.
	Warnings []templates.Warning
	// Overdue counts the Warnings that are overdue (DaysLeft < 0).
	Overdue int
	// Daily counts the Warnings that are only the daily reminder of an
	// overdue case: nothing new was recorded for them.
	Daily int
	// Listed are the lines the staff mail lists, most urgent first: at most
	// MaxListed (see listedWarnings). The mail counts the others. Listed is
	// Warnings when there are no more than MaxListed.
	Listed []templates.Warning
	// Recorded counts the warnings recorded in warnings_sent: the most
	// urgent new stage of each sequence, and the identity reminders queued.
	Recorded int
	// Reminders counts identity reminders queued to customers.
	Reminders int
	// MessageID is the Message-ID of the staff mail, if one was queued.
	MessageID string
}

// MaxListed is how many cases the sweep's staff mail lists at most; it
// states the true totals, counts the others and says how to list them
// (privacyd cases -status open). The overdue cases come first. When both
// overdue cases and cases not overdue yet are left out, each side gets half
// of the lines: the cases not overdue yet are the ones staff can still
// answer in time, and a register far behind must not push them out of the
// mail. So a mail has a few hundred lines, not one that lists 25,000 cases
// (19 MB, more than mail servers accept) or every one of 1,300 cases due
// soon (1 MB).
const MaxListed = 200

// MaxListedOverdue is how many overdue cases the staff mail lists when no
// case is due soon.
//
// Deprecated: the mail lists at most MaxListed cases in all (listedWarnings).
const MaxListedOverdue = MaxListed

// threshold is one warning that may fall due for a case: a stage of the
// sequence (kind, forDate).
type threshold struct {
	kind, name string
	forDate    deadline.Date // what it is about: a due date, the identity mail's date, ...
	forDay     string        // forDate as YYYY-MM-DD, as warnings_sent keeps it
	at         deadline.Date // the day it falls due
}

// stageRank orders the stages of one sequence: before:<n> (the larger n, the
// earlier), due_day, overdue. The stages of the other kinds have rank 0.
// overdue:<date> is the daily stage recorded before schema v8.
func stageRank(name string) int {
	switch {
	case name == "due_day":
		return 0
	case name == "overdue" || strings.HasPrefix(name, "overdue:"):
		return 1
	case strings.HasPrefix(name, "before:"):
		n, _ := strconv.Atoi(name[len("before:"):])
		return -n
	}
	return 0
}

// kindRank orders kinds by urgency when two thresholds fall due the same day.
func kindRank(k string) int {
	return slices.Index([]string{WarnDue, WarnExtension, WarnDueReceipt, WarnIdentity, WarnFee, WarnIdentityReminder}, k)
}

// Sweep sends, in one transaction, every warning that is due today and was
// not sent before: one mail to staff.notify about every case that needs
// attention (template StaffWarnings, most urgent first), and the identity
// reminder to customers who have not answered the identity check. On a
// working day the staff mail also reminds staff of every overdue case,
// once a day. The mail states how many cases need attention and how many
// are overdue; it lists the MaxListed most urgent (both overdue cases and
// cases not overdue yet, see listedWarnings) and counts the rest, so its
// size stays bounded however far behind the register is. The most urgent
// new stage of each warning sequence is recorded in warnings_sent (with
// the mail's Message-ID, listed or counted) and the case gets a
// warning_sent event, so each warning is sent once per case, also across
// restarts; when several fall due together (after downtime) the case gets
// one line that tells its current state. See the comment at the top of
// this file for what is recorded and why.
//
// The work is set-based. One query reads the open cases with the dates
// their thresholds count from and the stages recorded for them, the
// thresholds are computed in memory (dates and working-day counts once per
// distinct date), and one statement per few hundred rows records the new
// stages and their events; the writer's page cache is enlarged for the
// sweep, and the foreign keys of the rows it writes, all read in the same
// transaction, are not checked again (sweepConn). At 100,000 cases, a
// quarter open and nearly all of those overdue (BenchmarkScaleSweep100k),
// each sweep takes under a second, the first one, which warns 24,000 cases
// at once, the longest.
func (t *Tracker) Sweep(ctx context.Context, o SweepOptions) (SweepResult, error) {
	o = o.withDefaults()
	now := t.now()
	today := t.opt.Rules.Today(now)
	res := SweepResult{Today: today}

	conn, err := t.w.Conn(ctx)
	if err != nil {
		return res, fmt.Errorf("sweep: %w", err)
	}
	defer conn.Close()
	restore, err := sweepConn(ctx, conn)
	if err != nil {
		return res, fmt.Errorf("sweep: %w", err)
	}
	defer restore()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return res, fmt.Errorf("sweep: begin: %w", err)
	}
	defer tx.Rollback()
	cases, err := sweepCases(ctx, tx)
	if err != nil {
		return res, fmt.Errorf("sweep: %w", err)
	}
	res.Open = len(cases)

	// The daily reminder of the overdue cases: once each working day.
	daily := false
	if t.opt.Rules.IsWorkingDay(today) {
		var last string
		if err := tx.QueryRowContext(ctx, `SELECT CAST(value AS TEXT) FROM kv WHERE key = ?`, sweepDailyKey).Scan(&last); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return res, fmt.Errorf("sweep: last daily reminder: %w", err)
		}
		daily = last < today.String() // YYYY-MM-DD sorts as text; a clock set back repeats nothing
	}

	// Of every threshold that has fallen due, the new ones.
	day := t.newSweepDay(today, o)
	fresh := make([][]threshold, len(cases))
	repeat := make([]bool, len(cases)) // the daily reminder of an overdue case
	var remind []string
	nfresh := 0
	for i, sc := range cases {
		all, err := day.thresholds(sc)
		if err != nil {
			return res, fmt.Errorf("sweep %s: %w", sc.c.ID, err)
		}
		fresh[i] = newStages(all, sc.sent)
		nfresh += len(fresh[i])
		for _, th := range fresh[i] {
			if th.kind == WarnIdentityReminder {
				remind = append(remind, sc.c.ID)
			}
		}
		if daily && slices.ContainsFunc(all, func(th threshold) bool { return th.kind == WarnDue && th.name == "overdue" }) &&
			!slices.ContainsFunc(fresh[i], func(th threshold) bool { return th.kind == WarnDue && th.name == "overdue" }) {
			repeat[i] = true
		}
	}

	// The customers' reminders need the whole case (the sweep reads only
	// the columns it needs).
	full, err := loadCases(ctx, tx, remind)
	if err != nil {
		return res, fmt.Errorf("sweep: %w", err)
	}

	type pending struct {
		c      *Case
		line   templates.Warning
		ths    []threshold // the new stages, recorded with the mail
		prime  int         // index in ths of the most urgent; -1 if none
		repeat bool        // the daily reminder
	}
	lines := make([]*pending, 0, len(cases)) // pointers: sorting moves less
	recs := make([]warnRecord, 0, nfresh)
	// The customers' reminders first, as one batch.
	var rcs []*Case
	var rths []threshold
	for i, sc := range cases {
		for _, th := range fresh[i] {
			if th.kind == WarnIdentityReminder {
				c := full[sc.c.ID]
				if c == nil {
					return res, fmt.Errorf("sweep %s: %w", sc.c.ID, ErrNotFound)
				}
				rcs, rths = append(rcs, c), append(rths, th)
			}
		}
	}
	settled, queued, events, err := t.identityReminders(ctx, tx, rcs)
	if err != nil {
		return res, fmt.Errorf("sweep: identity reminders: %w", err)
	}
	res.Reminders = queued
	for i, c := range rcs {
		if settled[i] {
			recs = append(recs, warnRecord{caseID: c.ID, th: rths[i], primary: true})
			res.Recorded++
		}
	}
	for i, sc := range cases {
		var staff []threshold
		for _, th := range fresh[i] {
			if th.kind != WarnIdentityReminder {
				staff = append(staff, th)
			}
		}
		if len(staff) == 0 && !repeat[i] {
			continue
		}
		p := pending{c: sc.c, ths: staff, prime: -1, repeat: repeat[i]}
		for i, th := range staff {
			if p.prime < 0 {
				p.prime = i
			} else if d := th.at.Compare(staff[p.prime].at); d > 0 || d == 0 && kindRank(th.kind) < kindRank(staff[p.prime].kind) {
				p.prime = i
			}
		}
		shown := staff
		if p.repeat {
			shown = append(slices.Clip(staff), threshold{kind: WarnDue, name: "overdue"})
		}
		p.line = day.warningLine(sc.c, shown)
		lines = append(lines, &p)
	}

	if len(lines) > 0 {
		// Case IDs are unique, so this order is total.
		slices.SortFunc(lines, func(a, b *pending) int {
			return cmp.Or(cmp.Compare(a.line.DaysLeft, b.line.DaysLeft), a.line.Due.Compare(b.line.Due), cmp.Compare(a.c.ID, b.c.ID))
		})
		res.Warnings = make([]templates.Warning, len(lines))
		for i, p := range lines {
			res.Warnings[i] = p.line
			if p.line.DaysLeft < 0 {
				res.Overdue++
			}
			if len(p.ths) == 0 {
				res.Daily++
			}
		}
		res.Listed = listedWarnings(res.Warnings, res.Overdue)
		msgID := ""
		if len(t.opt.StaffNotify) > 0 {
			d := templates.Data{Org: t.opt.Org, Authority: t.opt.Authority, Lang: t.opt.StaffLanguage,
				Warnings: res.Listed, WarningsTotal: len(res.Warnings), WarningsOverdue: res.Overdue, Now: now.In(t.opt.Rules.Loc)}
			m, err := t.opt.Templates.Render(templates.StaffWarnings, d.Lang, d)
			if err != nil {
				return res, fmt.Errorf("sweep: render %s: %w", templates.StaffWarnings, err)
			}
			if msgID, err = t.enqueue(ctx, tx, draft{kind: templates.StaffWarnings, audience: AudienceStaff,
				to: t.opt.StaffNotify, mail: m, auto: true}); err != nil {
				return res, err
			}
			queued++
		}
		res.MessageID = msgID
		events = slices.Grow(events, len(lines)-res.Daily)
		var detail strings.Builder
		for _, p := range lines {
			if len(p.ths) == 0 {
				continue // the daily reminder: the mail records it
			}
			detail.Reset()
			overdue := false
			for j, th := range p.ths {
				recs = append(recs, warnRecord{caseID: p.c.ID, th: th, primary: j == p.prime, msgID: msgID})
				if j > 0 {
					detail.WriteByte(' ')
				}
				detail.WriteString(th.kind)
				detail.WriteByte(':')
				detail.WriteString(th.name)
				overdue = overdue || th.kind == WarnDue && th.name == "overdue"
				res.Recorded++
			}
			detail.WriteString(" — ")
			detail.WriteString(p.line.What)
			if overdue {
				detail.WriteString("; ")
				detail.WriteString(day.ph.daily)
			}
			events = append(events, sweepEvent{caseID: p.c.ID, typ: "warning_sent", newValue: p.ths[p.prime].kind + ":" + p.ths[p.prime].name, detail: detail.String()})
		}
	}
	if err := recordWarnings(ctx, tx, recs, today, now); err != nil {
		return res, fmt.Errorf("sweep: %w", err)
	}
	if err := sweepEvents(ctx, tx, events, now); err != nil {
		return res, fmt.Errorf("sweep: %w", err)
	}
	if daily {
		if _, err := tx.ExecContext(ctx, `INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
			sweepDailyKey, today.String()); err != nil {
			return res, fmt.Errorf("sweep: record the daily reminder: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return res, fmt.Errorf("sweep: commit: %w", err)
	}
	if queued > 0 && t.opt.OnQueued != nil {
		t.opt.OnQueued()
	}
	ids := make([]string, 0, min(len(lines), logCaseIDs))
	for _, p := range lines[:min(len(lines), logCaseIDs)] {
		ids = append(ids, p.c.ID)
	}
	t.log.Info("deadline sweep", "today", today.String(), "open", res.Open, "warned", len(lines),
		"overdue", res.Overdue, "daily", res.Daily, "listed", len(res.Listed), "recorded", res.Recorded, "reminders", res.Reminders,
		"cases", strings.Join(ids, ","))
	return res, nil
}

// identityReminders queues the identity reminder to the requester of each
// case of cs, as mailCustomer(c, IdentityReminder, ..., auto) does one case
// at a time, with its look-ups a few hundred to a statement: no mail to an
// address that cannot be answered; the per-sender cap of automatic mails
// (counting the reminders queued here too), a reminder held back by it
// getting a mail_suppressed event; threaded to the customer's
// conversation; a mail_queued event for each. The events are returned, to
// be written with the sweep's. settled[i] reports whether the reminder of
// cs[i] is done with (queued, or no address to send it to) and so to be
// recorded; one held back by the cap is not, and the next sweep tries
// again.
func (t *Tracker) identityReminders(ctx context.Context, tx *sql.Tx, cs []*Case) (settled []bool, queued int, evs []sweepEvent, err error) {
	settled = make([]bool, len(cs))
	var send []*Case
	var addrs []string // JSON arrays, as the outbox keeps to_addrs
	to := map[string]string{}
	for i, c := range cs {
		if !answerable(c.Requester, t.opt.OwnAddresses) {
			settled[i] = true
			continue
		}
		send = append(send, c)
		if _, ok := to[c.Requester]; !ok {
			b, _ := json.Marshal([]string{c.Requester})
			to[c.Requester] = string(b)
			addrs = append(addrs, string(b))
		}
	}
	if len(send) == 0 {
		return settled, 0, nil, nil
	}
	// The automatic mails to each address in the last 24 hours (capQuery,
	// for many addresses at once).
	count := make(map[string]int, len(addrs))
	since := fmtTime(t.now().Add(-24 * time.Hour))
	err = inChunks(ctx, tx, len(addrs), func(k int) string {
		return `SELECT to_addrs, COUNT(*) FROM outbox WHERE audience = ? AND auto_submitted AND created_at > ?
			AND to_addrs IN (` + strings.Repeat("?, ", k-1) + `?) GROUP BY to_addrs`
	}, func(i, j int) []any {
		args := []any{AudienceCustomer, since}
		for _, a := range addrs[i:j] {
			args = append(args, a)
		}
		return args
	}, func(st *sql.Stmt, args []any) error {
		return eachRow(ctx, st, args, func(rows *sql.Rows) error {
			var a string
			var n int
			err := rows.Scan(&a, &n)
			count[a] = n
			return err
		})
	})
	if err != nil {
		return nil, 0, nil, fmt.Errorf("per-sender cap: %w", err)
	}
	// The customer's latest mail in each case (customerThread).
	last := make(map[string]string, len(send))
	err = inChunks(ctx, tx, len(send), func(k int) string {
		return `SELECT v.column1, (SELECT m.message_id FROM messages m WHERE m.case_id = v.column1 AND m.from_addr = v.column2
			ORDER BY m.id DESC LIMIT 1) FROM (VALUES ` + values(k, 2) + `) AS v`
	}, func(i, j int) []any {
		args := make([]any, 0, 2*(j-i))
		for _, c := range send[i:j] {
			args = append(args, c.ID, c.Requester)
		}
		return args
	}, func(st *sql.Stmt, args []any) error {
		return eachRow(ctx, st, args, func(rows *sql.Rows) error {
			var id string
			var m sql.NullString
			err := rows.Scan(&id, &m)
			if m.Valid {
				last[id] = m.String
			}
			return err
		})
	})
	if err != nil {
		return nil, 0, nil, fmt.Errorf("threads: %w", err)
	}
	for i, c := range cs {
		if settled[i] {
			continue
		}
		a := to[c.Requester]
		if count[a] >= t.opt.AutoMailsPerSender {
			t.log.Warn("automatic mail suppressed: per-sender cap reached", "case", c.ID, "kind", templates.IdentityReminder)
			evs = append(evs, sweepEvent{caseID: c.ID, typ: "mail_suppressed", detail: templates.IdentityReminder + ": per-sender cap of automatic mails reached"})
			continue
		}
		inReplyTo, refs := c.MessageID, []string{c.MessageID}
		if m, ok := last[c.ID]; ok && m != c.MessageID {
			inReplyTo, refs = m, append(refs, m)
		}
		d := t.caseData(c, c.Language)
		id, err := t.enqueue(ctx, tx, draft{caseID: c.ID, kind: templates.IdentityReminder, audience: AudienceCustomer, to: []string{c.Requester},
			data: &d, inReplyTo: inReplyTo, refs: refs, auto: true})
		if err != nil {
			return nil, 0, nil, fmt.Errorf("%s: %w", c.ID, err)
		}
		count[a]++
		queued++
		settled[i] = true
		evs = append(evs, sweepEvent{caseID: c.ID, typ: "mail_queued", newValue: templates.IdentityReminder, detail: id})
		t.log.Info("identity reminder", "case", c.ID, "queued", 1)
	}
	return settled, queued, evs, nil
}

// sweepCacheKiB is the page cache of the writer's connection while it
// sweeps. The default (2 MiB) holds a small part of what a sweep of a large
// register touches: the open cases and the look-ups for them. With it, the
// same pages were read from the file again and again, a system call each:
// a third of the sweep's time at 100,000 cases. The cache only grows as
// pages are read, and shrinks back after the sweep.
const sweepCacheKiB = 64 << 10

// sweepConn readies conn for the sweep and returns the function that sets
// it back: the page cache is sweepCacheKiB, and foreign keys are not
// checked. Every row the sweep writes (warnings_sent, events, outbox) names
// a case it read in the same write transaction, so the check, an index
// look-up per row, could never fail: it was a tenth of the CPU time of a
// first sweep over 100,000 cases. A connection that cannot be set back is
// discarded, so no other work ever runs without the checks.
func sweepConn(ctx context.Context, conn *sql.Conn) (restore func(), err error) {
	var prev int
	if err := conn.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&prev); err != nil {
		return nil, fmt.Errorf("page cache: %w", err)
	}
	if _, err := conn.ExecContext(ctx, fmt.Sprintf(`PRAGMA cache_size = -%d`, sweepCacheKiB)); err != nil {
		return nil, fmt.Errorf("page cache: %w", err)
	}
	back := func() {
		ctx := context.WithoutCancel(ctx)
		// A connection left with the large cache would only use more
		// memory; one left without foreign keys must not be used again.
		_, err1 := conn.ExecContext(ctx, fmt.Sprintf(`PRAGMA cache_size = %d`, prev))
		_, err2 := conn.ExecContext(ctx, `PRAGMA foreign_keys = ON`)
		if err1 != nil || err2 != nil {
			_ = conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}
	if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
		back()
		return nil, fmt.Errorf("foreign keys: %w", err)
	}
	return back, nil
}

// newStages returns, of the thresholds all of a case that have fallen due,
// the new ones: of each sequence (kind, forDate) the most urgent stage,
// unless that stage or a later one was recorded before (sent).
func newStages(all []threshold, sent []sentStage) []threshold {
	var out []threshold
	for _, th := range all {
		r := stageRank(th.name)
		if slices.ContainsFunc(sent, func(s sentStage) bool { return s.kind == th.kind && s.forDay == th.forDay && s.rank >= r }) {
			continue
		}
		k := slices.IndexFunc(out, func(o threshold) bool { return o.kind == th.kind && o.forDay == th.forDay })
		switch {
		case k < 0:
			out = append(out, th)
		case stageRank(out[k].name) < r:
			out[k] = th // supersedes the earlier stage
		}
	}
	return out
}

// listedWarnings returns the lines the staff mail lists, of ws (most urgent
// first, so the overdue ones first), overdue of which are overdue: at most
// MaxListed. When both overdue lines and others must be left out, each
// side gets half of them; a side that needs fewer leaves the rest to the
// other. It is ws itself when ws has no more than MaxListed lines.
func listedWarnings(ws []templates.Warning, overdue int) []templates.Warning {
	if len(ws) <= MaxListed {
		return ws
	}
	soon := len(ws) - overdue
	late := min(overdue, max(MaxListed-soon, MaxListed/2))
	return slices.Concat(ws[:late], ws[overdue:overdue+min(soon, MaxListed-late)])
}

// logCaseIDs is how many case IDs, the most urgent, the sweep's log line
// names; "warned" counts them all.
const logCaseIDs = 50

// sweepCase is an open case as the sweep reads it: the columns the
// thresholds and the warning line need; since: when the identity check
// went out (awaiting_identity; else the receipt) or when the fee was asked
// (awaiting_payment); and the stages recorded in warnings_sent.
type sweepCase struct {
	c     *Case
	since time.Time
	sent  []sentStage
}

// sentStage is a stage recorded in warnings_sent.
type sentStage struct {
	kind, forDay string
	rank         int // stageRank
}

// sweepCasesSQL is sweepCases' query; its arguments are
// StatusAwaitingIdentity and StatusAwaitingPayment.
var sweepCasesSQL = `SELECT id, status, rights, received_at, received_date, clock_start, due, extended,
	extended_due, fee_amount,
	CASE status
		WHEN ? THEN (SELECT MIN(o.created_at) FROM outbox o WHERE o.case_id = cases.id AND o.kind = '` + templates.IdentityCheck + `')
		WHEN ? THEN (SELECT MAX(e.at) FROM events e WHERE e.case_id = cases.id AND e.type = 'status_changed' AND e.new_value = '` + StatusAwaitingPayment + `')
	END,
	(SELECT group_concat(w.kind || ' ' || w.threshold || ' ' || w.for_date, '|') FROM warnings_sent w
		WHERE w.case_id = cases.id AND w.threshold NOT GLOB 'overdue:*')
	FROM cases INDEXED BY cases_open WHERE ` + openSQL + ` ORDER BY received_at, id`

// sweepCases reads every open case within tx, with the date its identity or
// fee threshold counts from and the stages recorded for it, in one query.
// The dates come from the partial indexes outbox_identity and events_fee
// (schema v8), which the query can use because it names their WHERE
// literally. The daily rows of before schema v8 (overdue:<date>) are left
// out: v8 recorded their stage as overdue.
func sweepCases(ctx context.Context, tx *sql.Tx) ([]sweepCase, error) {
	rows, err := tx.QueryContext(ctx, sweepCasesSQL, StatusAwaitingIdentity, StatusAwaitingPayment)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []sweepCase
	for rows.Next() {
		var c Case
		var rights, received string
		var since, sent sql.NullString
		if err := rows.Scan(&c.ID, &c.Status, &rights, &received, &c.ReceivedDate, &c.ClockStart, &c.Due, &c.Extended,
			&c.ExtendedDue, &c.FeeAmount, &since, &sent); err != nil {
			return nil, err
		}
		c.Rights = splitRights(rights)
		c.ReceivedAt = parseTime(received)
		sc := sweepCase{c: &c, since: c.ReceivedAt}
		if since.Valid {
			sc.since = parseTime(since.String)
		}
		for s := range strings.SplitSeq(sent.String, "|") {
			if kind, rest, ok := strings.Cut(s, " "); ok {
				if name, forDay, ok := strings.Cut(rest, " "); ok {
					sc.sent = append(sc.sent, sentStage{kind: kind, forDay: forDay, rank: stageRank(name)})
				}
			}
		}
		out = append(out, sc)
	}
	return out, rows.Err()
}

// loadCases reads the cases with the given IDs within tx, a few hundred to
// a statement.
func loadCases(ctx context.Context, tx *sql.Tx, ids []string) (map[string]*Case, error) {
	out := make(map[string]*Case, len(ids))
	err := inChunks(ctx, tx, len(ids), func(k int) string {
		return `SELECT ` + caseColumns + ` FROM cases WHERE id IN (` + strings.Repeat("?, ", k-1) + `?)`
	}, func(i, j int) []any {
		args := make([]any, j-i)
		for n, id := range ids[i:j] {
			args[n] = id
		}
		return args
	}, func(st *sql.Stmt, args []any) error {
		rows, err := st.QueryContext(ctx, args...)
		if err != nil {
			return err
		}
		cs, err := scanCases(rows)
		for _, c := range cs {
			out[c.ID] = c
		}
		return err
	})
	return out, err
}

// effectiveDue is the date a case must be answered by now: the extended due
// date once extended, else the one-month due date.
func effectiveDue(c *Case) (deadline.Date, error) {
	s := c.Due
	if c.Extended {
		s = c.ExtendedDue
	}
	return deadline.ParseDate(s)
}

// sweepDay is one sweep's view of the calendar: today, the policy, and the
// dates and working-day counts it computed, kept by date (many cases share
// a due date).
type sweepDay struct {
	t      *Tracker
	r      deadline.Rules
	today  deadline.Date
	o      SweepOptions
	lang   string
	ph     phrases
	before []string                   // "before:<n>" for each of o.WarnDaysBefore
	strs   map[deadline.Date]string   // d.String()
	dates  map[string]dateOrErr       // parsed YYYY-MM-DD
	wdays  map[dayShift]deadline.Date // AddWorkingDays
	left   map[deadline.Date]int      // WorkingDaysBetween(today, d)
	states map[deadline.Date]string   // dueState(d)
}

type dateOrErr struct {
	d   deadline.Date
	err error
}

type dayShift struct {
	d deadline.Date
	n int
}

func (t *Tracker) newSweepDay(today deadline.Date, o SweepOptions) *sweepDay {
	s := &sweepDay{t: t, r: t.opt.Rules, today: today, o: o, lang: t.opt.StaffLanguage, ph: phrasesFor(t.opt.StaffLanguage),
		dates: map[string]dateOrErr{}, strs: map[deadline.Date]string{}, wdays: map[dayShift]deadline.Date{},
		left: map[deadline.Date]int{}, states: map[deadline.Date]string{}}
	for _, n := range o.WarnDaysBefore {
		s.before = append(s.before, "before:"+strconv.Itoa(n))
	}
	return s
}

func (s *sweepDay) str(d deadline.Date) string {
	v, ok := s.strs[d]
	if !ok {
		v = d.String()
		s.strs[d] = v
	}
	return v
}

func (s *sweepDay) date(str string) (deadline.Date, error) {
	v, ok := s.dates[str]
	if !ok {
		v.d, v.err = deadline.ParseDate(str)
		s.dates[str] = v
	}
	return v.d, v.err
}

// effectiveDue is effectiveDue with the sweep's parsed dates.
func (s *sweepDay) effectiveDue(c *Case) (deadline.Date, error) {
	if c.Extended {
		return s.date(c.ExtendedDue)
	}
	return s.date(c.Due)
}

func (s *sweepDay) addWorkingDays(d deadline.Date, n int) deadline.Date {
	k := dayShift{d, n}
	v, ok := s.wdays[k]
	if !ok {
		v = s.r.AddWorkingDays(d, n)
		s.wdays[k] = v
	}
	return v
}

// daysLeft is the number of working days from today to d (negative once passed).
func (s *sweepDay) daysLeft(d deadline.Date) int {
	v, ok := s.left[d]
	if !ok {
		v = s.r.WorkingDaysBetween(s.today, d)
		s.left[d] = v
	}
	return v
}

func (s *sweepDay) dueState(d deadline.Date) string {
	v, ok := s.states[d]
	if !ok {
		v = dueState(s.ph, s.r, d, s.today, s.lang)
		s.states[d] = v
	}
	return v
}

// thresholds returns every warning of sc that has fallen due by today
// (whether or not it was sent before).
func (s *sweepDay) thresholds(sc sweepCase) ([]threshold, error) {
	c, today, o := sc.c, s.today, s.o
	eff, err := s.effectiveDue(c)
	if err != nil {
		return nil, fmt.Errorf("due date: %w", err)
	}
	out := s.dueThresholds(nil, WarnDue, eff, true)

	// The extension window: an extension must be told to the customer on or
	// before the one-month due date (art. 12(3)); after it, never.
	if !c.Extended {
		due, err := s.date(c.Due)
		if err != nil {
			return nil, fmt.Errorf("due date: %w", err)
		}
		if at := s.addWorkingDays(due, -o.ExtensionWarnDays); !today.Before(at) && !today.After(due) {
			out = append(out, threshold{kind: WarnExtension, name: "window", forDate: due, forDay: s.str(due), at: at})
		}
	}

	// deadlines.clock_starts: identity_verified moves the due date; LAW.md
	// says warnings also track the date counted from receipt.
	if rd, ok := s.t.receiptDue(c); ok && rd != eff {
		out = s.dueThresholds(out, WarnDueReceipt, rd, false)
	}

	switch c.Status {
	case StatusAwaitingIdentity:
		since := deadline.DateOf(sc.since, s.r.Loc)
		// The reminder is a nudge a few days after the identity mail; one
		// missed by more than reminderCatchUp days (privacyd was down, or
		// the register was filled without sweeps) would only puzzle the
		// customer: the staff warning below asks staff to decide instead.
		if at := since.AddDays(o.IdentityReminderDays); !today.Before(at) && !today.After(at.AddDays(reminderCatchUp)) {
			out = append(out, threshold{kind: WarnIdentityReminder, name: "customer", forDate: since, forDay: s.str(since), at: at})
		}
		if at := since.AddDays(o.IdentityWaitDays); !today.Before(at) {
			out = append(out, threshold{kind: WarnIdentity, name: "waiting", forDate: since, forDay: s.str(since), at: at})
		}
	case StatusAwaitingPayment:
		since := deadline.DateOf(sc.since, s.r.Loc)
		if at := since.AddDays(o.FeeWaitDays); !today.Before(at) {
			out = append(out, threshold{kind: WarnFee, name: "unpaid", forDate: since, forDay: s.str(since), at: at})
		}
	}
	return out, nil
}

// dueThresholds appends to out the warnings about due date due: n working
// days before it for each n in o.WarnDaysBefore, on the day itself, and once
// overdue: from the first working day after it (daily: Sweep repeats it in
// the mail of every working day) or from the day after it (!daily).
func (s *sweepDay) dueThresholds(out []threshold, kind string, due deadline.Date, daily bool) []threshold {
	today := s.today
	if !today.After(due) {
		for i, n := range s.o.WarnDaysBefore {
			if n <= 0 {
				continue
			}
			if at := s.addWorkingDays(due, -n); !today.Before(at) {
				out = append(out, threshold{kind: kind, name: s.before[i], forDate: due, forDay: s.str(due), at: at})
			}
		}
	}
	switch {
	case today == due:
		out = append(out, threshold{kind: kind, name: "due_day", forDate: due, forDay: s.str(due), at: due})
	case today.After(due) && daily && s.r.IsWorkingDay(today):
		// Recorded once; the daily reminder is the sweep's (Sweep).
		out = append(out, threshold{kind: kind, name: "overdue", forDate: due, forDay: s.str(due), at: today})
	case today.After(due) && !daily:
		out = append(out, threshold{kind: kind, name: "overdue", forDate: due, forDay: s.str(due), at: due.AddDays(1)})
	}
	return out
}

// receiptDue returns the due date counted from receipt when the case's clock
// started later (at verification).
func (t *Tracker) receiptDue(c *Case) (deadline.Date, bool) {
	if c.ClockStart == "" || c.ClockStart == c.ReceivedDate {
		return deadline.Date{}, false
	}
	rd, err := deadline.ParseDate(c.ReceivedDate)
	if err != nil {
		return deadline.Date{}, false
	}
	if c.Extended {
		return t.opt.Rules.ExtendedDueFrom(rd), true
	}
	return t.opt.Rules.DueFrom(rd), true
}

// sweepChunk is how many rows one statement of the sweep's bulk look-ups
// and inserts carries (a few thousand bound values; SQLite allows 32,766).
// One statement per chunk costs far less than one per row: the rows are
// bound and stepped inside SQLite, without a round trip through
// database/sql for each.
const sweepChunk = 500

// eachRow runs st with args and calls scan for every row.
func eachRow(ctx context.Context, st *sql.Stmt, args []any, scan func(*sql.Rows) error) error {
	rows, err := st.QueryContext(ctx, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// values returns "(?, ?, ...), (...)" for n rows of width values each.
func values(n, width int) string {
	row := "(" + strings.Repeat("?, ", width-1) + "?)"
	return strings.Repeat(row+", ", n-1) + row
}

// inChunks runs query(k) for each chunk of n rows, k rows at a time, with
// the statement for a full chunk prepared once. args fills the arguments of
// rows [i, j).
func inChunks(ctx context.Context, tx *sql.Tx, n int, query func(k int) string, args func(i, j int) []any,
	run func(*sql.Stmt, []any) error) error {
	var full *sql.Stmt
	for i := 0; i < n; i += sweepChunk {
		j := min(i+sweepChunk, n)
		st := full
		if st == nil || j-i < sweepChunk {
			var err error
			if st, err = tx.PrepareContext(ctx, query(j-i)); err != nil {
				return err
			}
			if j-i == sweepChunk {
				full = st
			} else {
				defer st.Close()
			}
		}
		if err := run(st, args(i, j)); err != nil {
			return err
		}
	}
	if full != nil {
		full.Close()
	}
	return nil
}

// warnRecord is one row for warnings_sent.
type warnRecord struct {
	caseID  string
	th      threshold
	primary bool   // this threshold decided the line that was mailed
	msgID   string // the mail it went out in
}

// recordWarnings inserts recs into warnings_sent, sent today, a few hundred
// rows to a statement, in the order of the unique index (so that the
// inserts touch its pages, and those of the cases they refer to, in order).
// A threshold recorded before is an error (the sweep looked).
func recordWarnings(ctx context.Context, tx *sql.Tx, recs []warnRecord, today deadline.Date, now time.Time) error {
	slices.SortFunc(recs, func(a, b warnRecord) int {
		return cmp.Or(strings.Compare(a.caseID, b.caseID), strings.Compare(a.th.kind, b.th.kind), strings.Compare(a.th.name, b.th.name),
			a.th.forDate.Compare(b.th.forDate))
	})
	sentOn, created := today.String(), fmtTime(now)
	err := inChunks(ctx, tx, len(recs), func(k int) string {
		return `INSERT INTO warnings_sent (case_id, kind, threshold, for_date, sent_on, created_at, primary_, message_id) VALUES ` + values(k, 8)
	}, func(i, j int) []any {
		args := make([]any, 0, 8*(j-i))
		for _, r := range recs[i:j] {
			args = append(args, r.caseID, r.th.kind, r.th.name, r.th.forDay, sentOn, created, r.primary, r.msgID)
		}
		return args
	}, func(st *sql.Stmt, args []any) error {
		_, err := st.ExecContext(ctx, args...)
		return err
	})
	if err != nil {
		return fmt.Errorf("record %d warnings: %w", len(recs), err)
	}
	return nil
}

// sweepEvent is an event of the sweep: warning_sent, with the threshold
// that decided a case's line (newValue) and every threshold recorded with
// what the line said (detail); or mail_queued or mail_suppressed of an
// identity reminder.
type sweepEvent struct {
	caseID, typ, newValue, detail string
}

// sweepEvents appends evs to the event log, the rows t.event would write
// one by one, a few hundred to a statement, in the order of case IDs (in
// that order the inserts touch the index on case_id in order); a case's
// events keep their order.
func sweepEvents(ctx context.Context, tx *sql.Tx, evs []sweepEvent, now time.Time) error {
	slices.SortStableFunc(evs, func(a, b sweepEvent) int { return strings.Compare(a.caseID, b.caseID) })
	at := fmtTime(now)
	err := inChunks(ctx, tx, len(evs), func(k int) string {
		return `INSERT INTO events (case_id, at, actor, type, old_value, new_value, detail) VALUES ` + values(k, 7)
	}, func(i, j int) []any {
		args := make([]any, 0, 7*(j-i))
		for _, e := range evs[i:j] {
			args = append(args, e.caseID, at, "privacyd", e.typ, "", e.newValue, e.detail)
		}
		return args
	}, func(st *sql.Stmt, args []any) error {
		_, err := st.ExecContext(ctx, args...)
		return err
	})
	if err != nil {
		return fmt.Errorf("events: %w", err)
	}
	return nil
}

// warningLine describes case c for the staff mail: its current state (which
// is what the most urgent of the fresh thresholds is about), plus what else
// fell due.
func (s *sweepDay) warningLine(c *Case, fresh []threshold) templates.Warning {
	today, ph, lang := s.today, s.ph, s.lang
	eff, _ := s.effectiveDue(c)
	has := func(kind string) bool {
		return slices.ContainsFunc(fresh, func(th threshold) bool { return th.kind == kind })
	}
	w := templates.Warning{CaseID: c.ID, Rights: c.Rights, Status: c.Status, Due: eff.Time(time.UTC),
		DaysLeft: s.daysLeft(eff)}
	if today.After(eff) && w.DaysLeft >= 0 {
		w.DaysLeft = -1 // passed, though no working day since (a weekend): still overdue
	}
	var parts []string
	if has(WarnDue) || has(WarnExtension) {
		parts = append(parts, s.dueState(eff))
		if today == eff && !c.Extended {
			parts = append(parts, ph.lastDayExtend)
		} else if has(WarnExtension) && today.Before(eff) {
			parts = append(parts, fmt.Sprintf(ph.extend, isoDay(eff, lang)))
		}
	}
	if has(WarnDueReceipt) {
		if rd, ok := s.t.receiptDue(c); ok {
			parts = append(parts, fmt.Sprintf(ph.receipt, isoDay(rd, lang), s.dueState(rd)))
			dl := s.daysLeft(rd)
			if today.After(rd) && dl >= 0 {
				dl = -1 // passed, though no working day since (a weekend): still overdue
			}
			if dl < w.DaysLeft {
				w.DaysLeft, w.Due = dl, rd.Time(time.UTC)
			}
		}
	}
	for _, th := range fresh {
		switch th.kind {
		case WarnIdentity:
			parts = append(parts, fmt.Sprintf(ph.identity, today.Sub(th.forDate)))
		case WarnFee:
			parts = append(parts, fmt.Sprintf(ph.fee, c.FeeAmount, today.Sub(th.forDate)))
		}
	}
	w.What = strings.Join(parts, "; ")
	return w
}

// dueState says where today is relative to due: "due in 3 working days",
// "due today", "overdue since Tue 2026-05-05, 2 days".
func dueState(ph phrases, r deadline.Rules, due, today deadline.Date, lang string) string {
	switch {
	case today.After(due):
		n := today.Sub(due)
		return fmt.Sprintf(ph.overdue, isoDay(due.AddDays(1), lang), n, plural(n, ph.day, ph.days))
	case today == due:
		return ph.dueToday
	}
	n := r.WorkingDaysBetween(today, due)
	return fmt.Sprintf(ph.dueIn, n, plural(n, ph.workingDay, ph.workingDays))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// phrases are the words of a warning line in the staff language.
type phrases struct {
	overdue, dueToday, dueIn, lastDayExtend, extend, receipt, identity, fee, daily string
	day, days, workingDay, workingDays                                             string
}

func phrasesFor(lang string) phrases {
	if lang == "nl" {
		return phrases{
			overdue:       "te laat sinds %s, %d %s",
			dueToday:      "de termijn verloopt vandaag",
			dueIn:         "de termijn verloopt over %d %s",
			lastDayExtend: "laatste dag om te verlengen: na vandaag staat de wet dat niet meer toe",
			extend:        "beslis nu of u verlengt: na %s staat de wet dat niet meer toe",
			receipt:       "gerekend vanaf ontvangst (zonder de wachttijd op identiteit) uiterlijk %s: %s",
			identity:      "identiteit nog niet bevestigd, %d dagen na de identiteitsvraag",
			fee:           "vergoeding van %s gevraagd, %d dagen geleden, nog niet betaald",
			daily:         "de termijncontrole van elke werkdag noemt deze zaak zolang ze te laat is",
			day:           "dag", days: "dagen", workingDay: "werkdag", workingDays: "werkdagen",
		}
	}
	return phrases{
		overdue:       "overdue since %s, %d %s",
		dueToday:      "due today",
		dueIn:         "due in %d %s",
		lastDayExtend: "last day to extend: after today the law no longer allows it",
		extend:        "decide now whether to extend: after %s the law no longer allows it",
		receipt:       "counted from receipt (without the wait for identity) due %s: %s",
		identity:      "identity still not confirmed, %d days after the identity mail",
		fee:           "fee of %s asked %d days ago and not paid",
		daily:         "staff are reminded in the deadline check of every working day while it stays overdue",
		day:           "day", days: "days", workingDay: "working day", workingDays: "working days",
	}
}

// isoDay formats d as "Tue 2026-05-05" (en) or "di 2026-05-05" (nl).
func isoDay(d deadline.Date, lang string) string {
	names := [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
	if lang == "nl" {
		names = [7]string{"zo", "ma", "di", "wo", "do", "vr", "za"}
	}
	return names[d.Weekday()] + " " + d.String()
}
