package tracker

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"privacyd/classify"
	"privacyd/deadline"
	"privacyd/templates"
)

// DigestData is what the owner's weekly digest shows (see templates.DigestData).
type DigestData = templates.DigestData

// Digest windows.
const (
	digestWeeks   = 12 // bars in the chart
	digestHorizon = 7  // days ahead in the due table
	onTimeWindow  = 90 // days of the on-time rate and the days-to-close figures
)

// MaxDigestDue bounds the cases the weekly digest lists as overdue or due
// soon (the most urgent first): with thousands of them the mail grew past
// what mail servers accept (14 MB at 25,000). The counts stay complete.
const MaxDigestDue = 200

// Digest computes the weekly digest as of now. The reported week is the
// seven days before now's date (on a Monday: the week Monday to Sunday just
// ended); the chart has twelve such periods, the last one being that week.
// Cases closed as not_a_request are not counted as requests.
func (t *Tracker) Digest(ctx context.Context, now time.Time) (DigestData, error) {
	r := t.opt.Rules
	loc := r.Loc
	today := r.Today(now)
	from, to := today.AddDays(-7), today.AddDays(-1)
	start := today.AddDays(-7 * digestWeeks)
	d := DigestData{
		Org: t.opt.Org, Lang: t.opt.StaffLanguage, Now: now.In(loc),
		From: from.Time(time.UTC), To: to.Time(time.UTC), PeriodFrom: start.Time(time.UTC),
		HorizonDays: digestHorizon, OnTimeWindow: onTimeWindow, OnTimePct: -1,
	}
	since := start
	if w := today.AddDays(-onTimeWindow); w.Before(since) {
		since = w
	}
	cases, err := t.Cases(ctx, Filter{ActiveSince: since.Time(loc).AddDate(0, 0, -1)})
	if err != nil {
		return d, fmt.Errorf("digest: %w", err)
	}
	in := func(x, a, b deadline.Date) bool { return !x.Before(a) && !x.After(b) }

	// Requests received: the chart, per right, per language.
	weeks := make([]templates.WeekCount, digestWeeks)
	for i := range weeks {
		a := start.AddDays(7 * i)
		weeks[i] = templates.WeekCount{From: a.Time(time.UTC), To: a.AddDays(6).Time(time.UTC)}
	}
	rights := map[string]*templates.PeriodCount{}
	langs := map[string]*templates.PeriodCount{}
	bump := func(m map[string]*templates.PeriodCount, name string, week bool) {
		pc := m[name]
		if pc == nil {
			pc = &templates.PeriodCount{Name: name}
			m[name] = pc
		}
		pc.Weeks++
		if week {
			pc.Week++
		}
	}
	var closeDays []int
	open := map[string]int{}
	for _, c := range cases {
		if c.Status == StatusNotARequest {
			continue
		}
		rd, err := deadline.ParseDate(c.ReceivedDate)
		if err != nil {
			return d, fmt.Errorf("digest: case %s: received date: %w", c.ID, err)
		}
		if in(rd, start, to) {
			i := rd.Sub(start) / 7
			weeks[i].Count++
			d.TwelveWeeks++
			week := in(rd, from, to)
			if week {
				d.Received++
			}
			if len(c.Rights) == 0 {
				bump(rights, "(not classified)", week)
			}
			for _, rt := range c.Rights {
				bump(rights, rt, week)
			}
			bump(langs, c.Language, week)
		}
		eff, err := effectiveDue(c)
		if err != nil {
			return d, fmt.Errorf("digest: case %s: %w", c.ID, err)
		}
		if Open(c.Status) {
			open[c.Status]++
			d.OpenTotal++
			overdue := today.After(eff)
			if !eff.After(today.AddDays(digestHorizon)) {
				d.Due = append(d.Due, templates.DigestCase{CaseID: c.ID, Rights: c.Rights, Status: c.Status,
					Due: eff.Time(time.UTC), DaysLeft: eff.Sub(today), Overdue: overdue, Extended: c.Extended})
			}
			if overdue {
				d.Overdue++
				if !eff.Before(today.AddDays(-onTimeWindow)) { // passed within the window: late already
					d.OnTimeOf++
				}
			}
			continue
		}
		closed := parseTime(c.ClosedAt)
		if closed.IsZero() {
			continue
		}
		cd := deadline.DateOf(closed, loc)
		if in(cd, from, to) {
			switch c.Status {
			case StatusCompleted:
				d.Completed = append(d.Completed, c.ID)
			case StatusRefused:
				d.Refused = append(d.Refused, c.ID)
			}
		}
		if (c.Status == StatusCompleted || c.Status == StatusRefused) && in(cd, today.AddDays(-onTimeWindow), today) {
			d.OnTimeOf++
			if !r.Passed(eff, closed) {
				d.OnTime++
			}
			closeDays = append(closeDays, cd.Sub(rd))
		}
	}
	d.Weeks = weeks
	for _, w := range weeks {
		d.MaxWeek = max(d.MaxWeek, w.Count)
	}
	for _, s := range OpenStatuses {
		d.Open = append(d.Open, templates.Count{Name: s, Count: open[s]})
	}
	slices.SortStableFunc(d.Due, func(a, b templates.DigestCase) int {
		if c := a.Due.Compare(b.Due); c != 0 {
			return c
		}
		return strings.Compare(a.CaseID, b.CaseID)
	})
	if len(d.Due) > MaxDigestDue {
		d.DueMore = len(d.Due) - MaxDigestDue
		d.Due = d.Due[:MaxDigestDue]
	}
	if d.OnTimeOf > 0 {
		d.OnTimePct = int(math.Round(100 * float64(d.OnTime) / float64(d.OnTimeOf)))
	}
	if n := len(closeDays); n > 0 {
		slices.Sort(closeDays)
		d.Closed90 = n
		if n%2 == 1 {
			d.MedianDays = float64(closeDays[n/2])
		} else {
			d.MedianDays = float64(closeDays[n/2-1]+closeDays[n/2]) / 2
		}
		d.P90Days = closeDays[int(math.Ceil(0.9*float64(n)))-1] // nearest rank
	}
	d.PerRight = sortedCounts(rights, classify.Rights)
	d.PerLanguage = sortedCounts(langs, []string{"nl", "en", "de", "fr"})

	// Extensions granted in the week, from the event log.
	rows, err := t.r.QueryContext(ctx, `SELECT DISTINCT case_id FROM events WHERE type = 'changed_extended' AND new_value = '1'
		AND at >= ? AND at < ? ORDER BY case_id`, fmtTime(from.Time(loc)), fmtTime(today.Time(loc)))
	if err != nil {
		return d, fmt.Errorf("digest: extensions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return d, err
		}
		d.Extended = append(d.Extended, id)
	}
	return d, rows.Err()
}

// sortedCounts lists m in the order of known, then the rest by name.
func sortedCounts(m map[string]*templates.PeriodCount, known []string) []templates.PeriodCount {
	var out []templates.PeriodCount
	for _, k := range known {
		if pc, ok := m[k]; ok {
			out = append(out, *pc)
			delete(m, k)
		}
	}
	var rest []string
	for k := range m {
		rest = append(rest, k)
	}
	slices.Sort(rest)
	for _, k := range rest {
		out = append(out, *m[k])
	}
	return out
}

// RenderDigest renders d in the staff language (text and HTML).
func (t *Tracker) RenderDigest(d DigestData) (templates.Mail, error) {
	if d.Lang == "" {
		d.Lang = t.opt.StaffLanguage
	}
	return t.opt.Templates.RenderDigest(d)
}

// SendDigest queues the weekly digest to the owner for the digest slot
// (the scheduled time it is for), unless the digest of that slot's week was
// sent before: each week's digest goes out once, also when the daemon
// catches up a missed slot at start. The figures are as of the tracker's
// clock. It reports whether a digest was queued.
func (t *Tracker) SendDigest(ctx context.Context, slot time.Time) (bool, error) {
	if t.opt.Owner == "" {
		t.log.Warn("weekly digest not sent: no owner configured")
		return false, nil
	}
	period := t.opt.Rules.Today(slot).String()
	var x int
	err := t.r.QueryRowContext(ctx, `SELECT 1 FROM digests_sent WHERE period = ?`, period).Scan(&x)
	if err == nil {
		return false, nil
	} else if !errors.Is(err, sql.ErrNoRows) {
		return false, fmt.Errorf("digest: %w", err)
	}
	d, err := t.Digest(ctx, t.now())
	if err != nil {
		return false, err
	}
	m, err := t.RenderDigest(d)
	if err != nil {
		return false, fmt.Errorf("digest: %w", err)
	}
	tx, err := t.w.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `INSERT INTO digests_sent (period, sent_at, message_id) VALUES (?, ?, '') ON CONFLICT DO NOTHING`,
		period, fmtTime(t.now()))
	if err != nil {
		return false, fmt.Errorf("digest: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return false, nil // another run got there first
	}
	id, err := t.enqueue(ctx, tx, draft{kind: templates.Digest, audience: AudienceOwner, to: []string{t.opt.Owner}, mail: m, auto: true})
	if err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE digests_sent SET message_id = ? WHERE period = ?`, id, period); err != nil {
		return false, err
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("digest: commit: %w", err)
	}
	if t.opt.OnQueued != nil {
		t.opt.OnQueued()
	}
	t.log.Info("weekly digest queued", "period", period, "received", d.Received, "open", d.OpenTotal, "overdue", d.Overdue)
	return true, nil
}

// Stats are the register's figures for /metrics.
type Stats struct {
	// MailsByKind counts incoming mails by classification kind (request,
	// staff_command, auto_reply, bounce, not_a_request).
	MailsByKind map[string]int
	// MailsByDisposition counts incoming mails by what privacyd did with them.
	MailsByDisposition map[string]int
	// CasesByStatus counts cases by status (every status, also at 0).
	CasesByStatus map[string]int
	// Overdue counts open cases whose (extended) due date has passed.
	Overdue int
	Outbox  OutboxStats
}

// Stats returns the register's figures as of the tracker's clock.
func (t *Tracker) Stats(ctx context.Context) (Stats, error) {
	s := Stats{MailsByKind: map[string]int{}, MailsByDisposition: map[string]int{}, CasesByStatus: map[string]int{}}
	for _, st := range []string{StatusAwaitingIdentity, StatusInProgress, StatusExtended, StatusAwaitingPayment,
		StatusCompleted, StatusRefused, StatusWithdrawn, StatusNotARequest} {
		s.CasesByStatus[st] = 0
	}
	count := func(q string, m map[string]int, args ...any) error {
		rows, err := t.r.QueryContext(ctx, q, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var k string
			var n int
			if err := rows.Scan(&k, &n); err != nil {
				return err
			}
			m[k] = n
		}
		return rows.Err()
	}
	if err := count(`SELECT kind, COUNT(*) FROM messages GROUP BY kind`, s.MailsByKind); err != nil {
		return s, fmt.Errorf("stats: %w", err)
	}
	if err := count(`SELECT disposition, COUNT(*) FROM messages GROUP BY disposition`, s.MailsByDisposition); err != nil {
		return s, fmt.Errorf("stats: %w", err)
	}
	if err := count(`SELECT status, COUNT(*) FROM cases GROUP BY status`, s.CasesByStatus); err != nil {
		return s, fmt.Errorf("stats: %w", err)
	}
	today := t.opt.Rules.Today(t.now()).String()
	if err := t.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM cases WHERE `+openSQL+`
		AND CASE WHEN extended THEN extended_due ELSE due END < ?`, today).Scan(&s.Overdue); err != nil {
		return s, fmt.Errorf("stats: %w", err)
	}
	o, err := t.OutboxStats(ctx)
	if err != nil {
		return s, fmt.Errorf("stats: %w", err)
	}
	s.Outbox = o
	return s, nil
}

// CatchUpDigest sends the digest of slot, the last scheduled digest time,
// if it was missed while privacyd was down (SendDigest keeps it to once per
// week). On the very first call it only notes the time, so a new install does
// not open with a digest of the week before it ran.
func (t *Tracker) CatchUpDigest(ctx context.Context, slot time.Time) (bool, error) {
	var since string
	err := t.w.QueryRowContext(ctx, `SELECT value FROM kv WHERE key = 'digest_since'`).Scan(&since)
	if errors.Is(err, sql.ErrNoRows) {
		_, err := t.w.ExecContext(ctx, `INSERT INTO kv (key, value) VALUES ('digest_since', ?) ON CONFLICT DO NOTHING`, fmtTime(t.now()))
		return false, err
	} else if err != nil {
		return false, fmt.Errorf("digest: %w", err)
	}
	if slot.Before(parseTime(since)) {
		return false, nil
	}
	return t.SendDigest(ctx, slot)
}

// CheckWritable writes to the database (a kv row) to prove it is writable,
// for check-config.
func (t *Tracker) CheckWritable(ctx context.Context) error {
	_, err := t.w.ExecContext(ctx, `INSERT INTO kv (key, value) VALUES ('check_config', ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, fmtTime(t.now()))
	return err
}
