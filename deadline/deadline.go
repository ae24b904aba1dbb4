// Package deadline computes the GDPR legal clock (art. 12(3)): receipt date,
// one-month due date and the three-month extended due date, with month-end
// clamping and rolling past weekends and public holidays (Regulation 1182/71
// art. 3, Algemene termijnenwet). It is pure calendar arithmetic: no I/O, no
// clock; every instant is passed in.
//
// The rules, as LAW.md states them (sources: GDPR art. 12(3)-(4); EDPB
// Guidelines 01/2022 §§157-164; Regulation 1182/71 art. 3):
//
//   - The receipt date is the calendar date, in the organisation's time zone,
//     of the instant the mail reached the mailbox.
//   - The due date is the same calendar date one month later; when that date
//     does not exist, the last day of that month (31 January → 28/29 February).
//     time.Time.AddDate is wrong here: it normalises 31 February to 3 March.
//   - A due date on a Saturday, Sunday or public holiday moves to the next
//     working day (repeated until a working day).
//   - The extended due date is three months from the receipt date, by the same
//     rules — not two months added to the one-month due date.
//   - The period ends at midnight at the end of the due date, local time
//     (see Rules.EndOf).
package deadline

import (
	"database/sql/driver"
	"fmt"
	"strings"
	"time"
)

// Defaults used when configuration leaves a value empty.
const (
	// DefaultTimezone is the organisation time zone when none is configured.
	DefaultTimezone = "Europe/Amsterdam"
	// DefaultCalendar is the holiday calendar when none is configured.
	DefaultCalendar = "NL"
)

// Date is a calendar date without a time or zone. The zero Date is not a
// valid date; IsZero reports it. Dates are comparable with == and usable as
// map keys when normalised (as every function of this package returns them).
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the calendar date of t in loc. A nil loc means UTC.
func DateOf(t time.Time, loc *time.Location) Date {
	if loc == nil {
		loc = time.UTC
	}
	y, m, d := t.In(loc).Date()
	return Date{y, m, d}
}

// ParseDate parses YYYY-MM-DD. It rejects dates that do not exist (2026-02-30).
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("date %q: want an existing date as YYYY-MM-DD", s)
	}
	return DateOf(t, time.UTC), nil
}

// String formats d as YYYY-MM-DD.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// Time returns midnight at the start of d in loc. A nil loc means UTC.
func (d Date) Time(loc *time.Location) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// AddDays returns the date n days after d (before d when n is negative).
func (d Date) AddDays(n int) Date {
	return DateOf(time.Date(d.Year, d.Month, d.Day+n, 12, 0, 0, 0, time.UTC), time.UTC)
}

// AddMonths returns the same day of the month n months after d; when that day
// does not exist in the target month, the last day of that month (31 January
// + 1 month = 28 or 29 February; 31 August + 1 month = 30 September). This is
// the month-end rule of Regulation 1182/71 art. 3(2)(c) and EDPB Guidelines
// 01/2022 §§157-164, and unlike time.AddDate it never spills into the next month.
// n may be negative.
func (d Date) AddMonths(n int) Date {
	// Months counted from year 0, so that the division works for negative n.
	m := d.Year*12 + int(d.Month-1) + n
	y, mon := floorDiv(m, 12), time.Month(m-floorDiv(m, 12)*12+1)
	day := d.Day
	if last := DaysIn(y, mon); day > last {
		day = last
	}
	return Date{y, mon, day}
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// DaysIn returns the number of days in month m of year y (Gregorian calendar).
func DaysIn(y int, m time.Month) int {
	// Day 0 of the next month is the last day of m.
	return time.Date(y, m+1, 0, 12, 0, 0, 0, time.UTC).Day()
}

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday { return d.Time(time.UTC).Weekday() }

// Compare returns -1 if d is before u, 0 if they are the same date, +1 if d is after u.
func (d Date) Compare(u Date) int {
	switch {
	case d.Year != u.Year:
		return cmpInt(d.Year, u.Year)
	case d.Month != u.Month:
		return cmpInt(int(d.Month), int(u.Month))
	default:
		return cmpInt(d.Day, u.Day)
	}
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Before reports whether d is before u.
func (d Date) Before(u Date) bool { return d.Compare(u) < 0 }

// After reports whether d is after u.
func (d Date) After(u Date) bool { return d.Compare(u) > 0 }

// Sub returns the number of days from u to d (negative when d is before u).
func (d Date) Sub(u Date) int {
	// Noon UTC avoids any daylight-saving ambiguity; UTC has none anyway.
	return int(d.Time(time.UTC).Sub(u.Time(time.UTC)).Hours()) / 24
}

// MarshalText formats d as YYYY-MM-DD, and the zero Date as the empty string.
// encoding/json uses it, so a Date is a JSON string.
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return []byte{}, nil
	}
	return []byte(d.String()), nil
}

// UnmarshalText parses YYYY-MM-DD; the empty string gives the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	p, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = p
	return nil
}

// Value implements driver.Valuer: a Date is stored as TEXT YYYY-MM-DD, the
// zero Date as NULL.
func (d Date) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.String(), nil
}

// Scan implements sql.Scanner for TEXT YYYY-MM-DD (string or []byte),
// time.Time (its UTC date) and NULL (the zero Date).
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Date{}
		return nil
	case string:
		return d.UnmarshalText([]byte(v))
	case []byte:
		return d.UnmarshalText(v)
	case time.Time:
		*d = DateOf(v, time.UTC)
		return nil
	}
	return fmt.Errorf("deadline: cannot scan %T into a Date", src)
}

// Rules computes deadlines in a time zone with a holiday calendar. A nil Loc
// means UTC and a nil Cal means weekends only; build Rules with NewRules to get
// the configured defaults (Europe/Amsterdam, NL).
type Rules struct {
	Loc *time.Location
	Cal *Calendar
}

// Result is the clock of one request.
type Result struct {
	ReceivedDate Date
	Due          Date // one month, rolled to a working day
	ExtendedDue  Date // three months from receipt, rolled to a working day
}

// NewRules builds Rules from configuration values in one call: tz is an IANA
// zone name (organisation.timezone; "" means DefaultTimezone), calendar a
// holiday calendar name (deadlines.holidays; "" means DefaultCalendar) and
// extra the extra closed dates as YYYY-MM-DD (deadlines.extra_closed).
// Programs that want zones to load on systems without a zone database should
// import _ "time/tzdata" in their main package.
func NewRules(tz, calendar string, extra []string) (Rules, error) {
	if strings.TrimSpace(tz) == "" {
		tz = DefaultTimezone
	}
	loc, err := time.LoadLocation(strings.TrimSpace(tz))
	if err != nil {
		return Rules{}, fmt.Errorf("deadline: time zone %q: %w", tz, err)
	}
	dates := make([]Date, 0, len(extra))
	for i, s := range extra {
		d, err := ParseDate(strings.TrimSpace(s))
		if err != nil {
			return Rules{}, fmt.Errorf("deadline: extra closed date %d: %w", i+1, err)
		}
		dates = append(dates, d)
	}
	cal, err := NewCalendar(calendar, dates)
	if err != nil {
		return Rules{}, err
	}
	return Rules{Loc: loc, Cal: cal}, nil
}

func (r Rules) loc() *time.Location {
	if r.Loc == nil {
		return time.UTC
	}
	return r.Loc
}

// Compute returns the clock for a request that reached the mailbox at
// received (the mail server's arrival time, IMAP INTERNALDATE).
func (r Rules) Compute(received time.Time) Result {
	d := DateOf(received, r.loc())
	return Result{ReceivedDate: d, Due: r.DueFrom(d), ExtendedDue: r.ExtendedDueFrom(d)}
}

// Today returns the calendar date of now in the rules' time zone.
func (r Rules) Today(now time.Time) Date { return DateOf(now, r.loc()) }

// DueFrom returns the one-month due date for a period that starts on start:
// the same date one month later (clamped to the month's last day), rolled to
// the next working day. With start = the receipt date this is the GDPR
// art. 12(3) due date; with start = the date identity information arrived it
// is the UK-style date of deadlines.clock_starts: identity_verified.
func (r Rules) DueFrom(start Date) Date { return r.NextWorkingDay(start.AddMonths(1)) }

// ExtendedDueFrom returns the extended due date for a period that starts on
// start: three months from start (clamped, then rolled), as art. 12(3)
// requires — not two months added to the one-month due date.
func (r Rules) ExtendedDueFrom(start Date) Date { return r.NextWorkingDay(start.AddMonths(3)) }

// IsWorkingDay reports whether d is neither a Saturday, a Sunday, a public
// holiday of the calendar, nor an extra closed date.
func (r Rules) IsWorkingDay(d Date) bool { return !r.Cal.IsClosed(d) }

// NextWorkingDay returns d itself when d is a working day, otherwise the
// first working day after d. This is the rolling rule of Regulation 1182/71
// art. 3(4): a period that would end on a Saturday, Sunday or public holiday
// ends at the end of the following working day.
func (r Rules) NextWorkingDay(d Date) Date {
	for !r.IsWorkingDay(d) {
		d = d.AddDays(1)
	}
	return d
}

// AddWorkingDays returns the n-th working day after d, or for negative n the
// |n|-th working day before d (d itself never counts, whether or not it is a
// working day). AddWorkingDays(due, -3) is "three working days before due".
// n == 0 returns d unchanged.
func (r Rules) AddWorkingDays(d Date, n int) Date {
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	for n > 0 {
		d = d.AddDays(step)
		if r.IsWorkingDay(d) {
			n--
		}
	}
	return d
}

// WorkingDaysBetween returns the signed number of working days from a to b:
// for a before b, the working days d with a < d <= b; for b before a, minus
// the working days d with b < d <= a; zero when a == b. It is additive
// (between(a,b) + between(b,c) == between(a,c)), and
// WorkingDaysBetween(a, AddWorkingDays(a, n)) == n for n >= 0, and for n < 0
// when a is a working day. With a = today and b = the due date it counts the
// working days left.
func (r Rules) WorkingDaysBetween(a, b Date) int {
	sign := 1
	if b.Before(a) {
		a, b, sign = b, a, -1
	}
	// Whole weeks have five weekdays; the few days left are counted one by
	// one; then the holidays on weekdays in (a, b] are taken off.
	total := b.Sub(a)
	n := total / 7 * 5
	for d := a.AddDays(total / 7 * 7); d.Before(b); {
		d = d.AddDays(1)
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n++
		}
	}
	n -= r.Cal.closedWeekdays(a, b)
	return sign * n
}

// EndOf returns the instant a period ending on d ends: midnight at the end of
// d, local time, i.e. the start of the next day in the rules' zone (LAW.md:
// "The deadline ends at midnight at the end of the due date, local time").
// An act at an instant t is in time when t.Before(r.EndOf(d)).
func (r Rules) EndOf(d Date) time.Time { return d.AddDays(1).Time(r.loc()) }

// Passed reports whether the period ending on d has ended at now, i.e. now is
// at or after EndOf(d). An extension or refusal is allowed only while
// Passed(due, now) is false.
func (r Rules) Passed(d Date, now time.Time) bool { return !now.Before(r.EndOf(d)) }
