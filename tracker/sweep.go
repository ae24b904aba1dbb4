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

	"privacyd/deadline"
	"privacyd/templates"
)

// The deadline sweep: warnings to staff before any deadline can pass, and the
// customer's identity reminder. The sweep computes everything from today's
// date (the tracker's clock, in the organisation's zone) and from what
// warnings_sent says was already sent, so it is idempotent: run it as often as
// you like, and a run after downtime catches up what the missed runs would
// have sent.

// Warning kinds, as recorded in warnings_sent.kind.
const (
	WarnDue              = "due"               // before, on and after the (extended) due date
	WarnDueReceipt       = "due_receipt"       // the receipt-based date when the clock started at verification
	WarnExtension        = "extension"         // the last working days in which an extension is allowed
	WarnIdentity         = "identity"          // staff: the identity has been missing too long
	WarnIdentityReminder = "identity_reminder" // customer: one reminder of the identity check
	WarnFee              = "fee"               // staff: a fee was asked and not paid
)

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
	// once (policy.identity_reminder_days, default 7).
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
	// Warnings are the lines of the staff mail, most urgent first. Empty
	// when nothing new was due.
	Warnings []templates.Warning
	// Recorded counts the thresholds recorded in warnings_sent, including
	// those that fell due together with a more urgent one and were not
	// mailed on their own.
	Recorded int
	// Reminders counts identity reminders queued to customers.
	Reminders int
	// MessageID is the Message-ID of the staff mail, if one was queued.
	MessageID string
}

// threshold is one warning that may fall due for a case.
type threshold struct {
	kind, name string
	forDate    deadline.Date // what it is about: a due date, the identity mail's date, ...
	at         deadline.Date // the day it falls due
}

// kindRank orders kinds by urgency when two thresholds fall due the same day.
func kindRank(k string) int {
	return slices.Index([]string{WarnDue, WarnExtension, WarnDueReceipt, WarnIdentity, WarnFee, WarnIdentityReminder}, k)
}

// Sweep sends, in one transaction, every warning that is due today and was
// not sent before: one mail to staff.notify listing every case that needs
// attention (template StaffWarnings, most urgent first), and the identity
// reminder to customers who have not answered the identity check. Each
// threshold is recorded in warnings_sent, so it is sent once per case, also
// across restarts; when several fall due together (after downtime) the case
// gets one line that tells its current state, and all are recorded.
func (t *Tracker) Sweep(ctx context.Context, o SweepOptions) (SweepResult, error) {
	o = o.withDefaults()
	now := t.now()
	rules := t.opt.Rules
	today := rules.Today(now)
	res := SweepResult{Today: today}

	tx, err := t.w.BeginTx(ctx, nil)
	if err != nil {
		return res, fmt.Errorf("sweep: begin: %w", err)
	}
	defer tx.Rollback()
	cases, err := openCases(ctx, tx)
	if err != nil {
		return res, fmt.Errorf("sweep: %w", err)
	}
	res.Open = len(cases)

	type pending struct {
		c     *Case
		line  templates.Warning
		ths   []threshold
		prime int // index in ths of the most urgent
	}
	var lines []pending
	queued := 0
	for _, c := range cases {
		all, err := t.thresholds(ctx, tx, c, today, o)
		if err != nil {
			return res, fmt.Errorf("sweep %s: %w", c.ID, err)
		}
		var fresh []threshold
		for _, th := range all {
			done, err := warned(ctx, tx, c.ID, th)
			if err != nil {
				return res, fmt.Errorf("sweep %s: %w", c.ID, err)
			}
			if !done {
				fresh = append(fresh, th)
			}
		}
		var staff []threshold
		for _, th := range fresh {
			if th.kind != WarnIdentityReminder {
				staff = append(staff, th)
				continue
			}
			// The customer's reminder, threaded to their conversation.
			n, err := t.mailCustomer(ctx, tx, c, templates.IdentityReminder, t.caseData(c, c.Language), "", nil, true)
			if err != nil {
				return res, fmt.Errorf("sweep %s: %w", c.ID, err)
			}
			if n == 0 && answerable(c.Requester, t.opt.OwnAddresses) {
				// Held back by the per-sender cap of automatic mails: not
				// recorded, so the next sweep tries again.
				continue
			}
			if err := recordWarning(ctx, tx, c.ID, th, today, now, true, ""); err != nil {
				return res, err
			}
			res.Recorded++
			res.Reminders += n
			queued += n
			t.log.Info("identity reminder", "case", c.ID, "queued", n)
		}
		if len(staff) == 0 {
			continue
		}
		prime := 0
		for i, th := range staff {
			if d := th.at.Compare(staff[prime].at); d > 0 || d == 0 && kindRank(th.kind) < kindRank(staff[prime].kind) {
				prime = i
			}
		}
		lines = append(lines, pending{c: c, line: t.warningLine(c, staff, today, o), ths: staff, prime: prime})
	}

	if len(lines) > 0 {
		slices.SortStableFunc(lines, func(a, b pending) int {
			return cmp.Or(cmp.Compare(a.line.DaysLeft, b.line.DaysLeft), a.line.Due.Compare(b.line.Due), cmp.Compare(a.c.ID, b.c.ID))
		})
		for _, p := range lines {
			res.Warnings = append(res.Warnings, p.line)
		}
		msgID := ""
		if len(t.opt.StaffNotify) > 0 {
			d := templates.Data{Org: t.opt.Org, Authority: t.opt.Authority, Lang: t.opt.StaffLanguage,
				Warnings: res.Warnings, Now: now.In(rules.Loc)}
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
		for _, p := range lines {
			names := make([]string, len(p.ths))
			for i, th := range p.ths {
				if err := recordWarning(ctx, tx, p.c.ID, th, today, now, i == p.prime, msgID); err != nil {
					return res, err
				}
				names[i] = th.kind + ":" + th.name
				res.Recorded++
			}
			if err := t.event(ctx, tx, p.c.ID, "privacyd", "warning_sent", 0, "", p.ths[p.prime].kind+":"+p.ths[p.prime].name,
				strings.Join(names, " ")+" — "+p.line.What); err != nil {
				return res, err
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return res, fmt.Errorf("sweep: commit: %w", err)
	}
	if queued > 0 && t.opt.OnQueued != nil {
		t.opt.OnQueued()
	}
	ids := make([]string, len(lines))
	for i, p := range lines {
		ids[i] = p.c.ID
	}
	t.log.Info("deadline sweep", "today", today.String(), "open", res.Open, "warned", len(lines),
		"recorded", res.Recorded, "reminders", res.Reminders, "cases", strings.Join(ids, ","))
	return res, nil
}

// openCases reads every open case within tx.
func openCases(ctx context.Context, tx *sql.Tx) ([]*Case, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+caseColumns+` FROM cases WHERE `+openSQL+` ORDER BY received_at, id`)
	if err != nil {
		return nil, err
	}
	return scanCases(rows)
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

// thresholds returns every warning of c that has fallen due by today
// (whether or not it was sent before).
func (t *Tracker) thresholds(ctx context.Context, tx *sql.Tx, c *Case, today deadline.Date, o SweepOptions) ([]threshold, error) {
	r := t.opt.Rules
	eff, err := effectiveDue(c)
	if err != nil {
		return nil, fmt.Errorf("due date: %w", err)
	}
	var out []threshold
	out = append(out, dueThresholds(r, WarnDue, eff, today, o.WarnDaysBefore, true)...)

	// The extension window: an extension must be told to the customer on or
	// before the one-month due date (art. 12(3)); after it, never.
	if !c.Extended {
		due, err := deadline.ParseDate(c.Due)
		if err != nil {
			return nil, fmt.Errorf("due date: %w", err)
		}
		if at := r.AddWorkingDays(due, -o.ExtensionWarnDays); !today.Before(at) && !today.After(due) {
			out = append(out, threshold{kind: WarnExtension, name: "window", forDate: due, at: at})
		}
	}

	// deadlines.clock_starts: identity_verified moves the due date; LAW.md
	// says warnings also track the date counted from receipt.
	if rd, ok := t.receiptDue(c); ok && rd != eff {
		out = append(out, dueThresholds(r, WarnDueReceipt, rd, today, o.WarnDaysBefore, false)...)
	}

	switch c.Status {
	case StatusAwaitingIdentity:
		asked, err := identityAsked(ctx, tx, c)
		if err != nil {
			return nil, err
		}
		since := deadline.DateOf(asked, r.Loc)
		if at := since.AddDays(o.IdentityReminderDays); !today.Before(at) {
			out = append(out, threshold{kind: WarnIdentityReminder, name: "customer", forDate: since, at: at})
		}
		if at := since.AddDays(o.IdentityWaitDays); !today.Before(at) {
			out = append(out, threshold{kind: WarnIdentity, name: "waiting", forDate: since, at: at})
		}
	case StatusAwaitingPayment:
		asked, err := feeAsked(ctx, tx, c)
		if err != nil {
			return nil, err
		}
		since := deadline.DateOf(asked, r.Loc)
		if at := since.AddDays(o.FeeWaitDays); !today.Before(at) {
			out = append(out, threshold{kind: WarnFee, name: "unpaid", forDate: since, at: at})
		}
	}
	return out, nil
}

// dueThresholds are the warnings about due date due: n working days before
// it for each n in before, on the day itself, and once overdue every working
// day (daily) or once (!daily).
func dueThresholds(r deadline.Rules, kind string, due, today deadline.Date, before []int, daily bool) []threshold {
	var out []threshold
	if !today.After(due) {
		for _, n := range before {
			if n <= 0 {
				continue
			}
			if at := r.AddWorkingDays(due, -n); !today.Before(at) {
				out = append(out, threshold{kind: kind, name: fmt.Sprintf("before:%d", n), forDate: due, at: at})
			}
		}
	}
	switch {
	case today == due:
		out = append(out, threshold{kind: kind, name: "due_day", forDate: due, at: due})
	case today.After(due) && daily && r.IsWorkingDay(today):
		out = append(out, threshold{kind: kind, name: "overdue:" + today.String(), forDate: due, at: today})
	case today.After(due) && !daily:
		out = append(out, threshold{kind: kind, name: "overdue", forDate: due, at: due.AddDays(1)})
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

// identityAsked returns when the identity check went out (else the receipt).
func identityAsked(ctx context.Context, tx *sql.Tx, c *Case) (time.Time, error) {
	var s sql.NullString
	if err := tx.QueryRowContext(ctx, `SELECT MIN(created_at) FROM outbox WHERE case_id = ? AND kind = ?`,
		c.ID, templates.IdentityCheck).Scan(&s); err != nil {
		return time.Time{}, err
	}
	if s.Valid {
		return parseTime(s.String), nil
	}
	return c.ReceivedAt, nil
}

// feeAsked returns when the case last went to awaiting_payment.
func feeAsked(ctx context.Context, tx *sql.Tx, c *Case) (time.Time, error) {
	var s sql.NullString
	if err := tx.QueryRowContext(ctx, `SELECT MAX(at) FROM events WHERE case_id = ? AND type = 'status_changed' AND new_value = ?`,
		c.ID, StatusAwaitingPayment).Scan(&s); err != nil {
		return time.Time{}, err
	}
	if s.Valid {
		return parseTime(s.String), nil
	}
	return c.ReceivedAt, nil
}

// warned reports whether th was recorded for caseID before.
func warned(ctx context.Context, tx *sql.Tx, caseID string, th threshold) (bool, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM warnings_sent WHERE case_id = ? AND kind = ? AND threshold = ? AND for_date = ?`,
		caseID, th.kind, th.name, th.forDate.String()).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

func recordWarning(ctx context.Context, tx *sql.Tx, caseID string, th threshold, today deadline.Date, now time.Time, primary bool, msgID string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO warnings_sent (case_id, kind, threshold, for_date, sent_on, created_at, primary_, message_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, caseID, th.kind, th.name, th.forDate.String(), today.String(), fmtTime(now), primary, msgID)
	if err != nil {
		return fmt.Errorf("record warning %s %s:%s: %w", caseID, th.kind, th.name, err)
	}
	return nil
}

// warningLine describes case c for the staff mail: its current state (which
// is what the most urgent of the fresh thresholds is about), plus what else
// fell due.
func (t *Tracker) warningLine(c *Case, fresh []threshold, today deadline.Date, o SweepOptions) templates.Warning {
	r := t.opt.Rules
	ph := phrasesFor(t.opt.StaffLanguage)
	eff, _ := effectiveDue(c)
	has := func(kind string) bool {
		return slices.ContainsFunc(fresh, func(th threshold) bool { return th.kind == kind })
	}
	w := templates.Warning{CaseID: c.ID, Rights: c.Rights, Status: c.Status, Due: eff.Time(time.UTC),
		DaysLeft: r.WorkingDaysBetween(today, eff)}
	if today.After(eff) && w.DaysLeft >= 0 {
		w.DaysLeft = -1 // passed, though no working day since (a weekend): still overdue
	}
	var parts []string
	if has(WarnDue) || has(WarnExtension) {
		parts = append(parts, dueState(ph, r, eff, today, t.opt.StaffLanguage))
		if today == eff && !c.Extended {
			parts = append(parts, ph.lastDayExtend)
		} else if has(WarnExtension) && today.Before(eff) {
			parts = append(parts, fmt.Sprintf(ph.extend, isoDay(eff, t.opt.StaffLanguage)))
		}
	}
	if has(WarnDueReceipt) {
		if rd, ok := t.receiptDue(c); ok {
			parts = append(parts, fmt.Sprintf(ph.receipt, isoDay(rd, t.opt.StaffLanguage), dueState(ph, r, rd, today, t.opt.StaffLanguage)))
			dl := r.WorkingDaysBetween(today, rd)
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
	overdue, dueToday, dueIn, lastDayExtend, extend, receipt, identity, fee string
	day, days, workingDay, workingDays                                      string
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
