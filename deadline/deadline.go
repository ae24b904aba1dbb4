// Package deadline computes the GDPR legal clock (art. 12(3)): receipt date,
// one-month due date and the three-month extended due date, with month-end
// clamping and rolling past weekends and public holidays (Regulation 1182/71
// art. 3, Algemene termijnenwet). It is pure calendar arithmetic.
package deadline

import (
	"fmt"
	"time"
)

// Date is a calendar date without a time or zone.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the calendar date of t in loc.
func DateOf(t time.Time, loc *time.Location) Date {
	y, m, d := t.In(loc).Date()
	return Date{y, m, d}
}

// ParseDate parses YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("date %q: want YYYY-MM-DD", s)
	}
	return DateOf(t, time.UTC), nil
}

// String formats d as YYYY-MM-DD.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// Time returns midnight at the start of d in loc.
func (d Date) Time(loc *time.Location) time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc) }

// Calendar knows which dates are not working days.
type Calendar struct {
	name  string
	extra map[Date]bool
}

// Rules computes deadlines in a time zone with a holiday calendar.
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

// NewCalendar returns the calendar name ("NL", or "none" for weekends only) with extra closed dates.
// STUB: replaced by the real engine.
func NewCalendar(name string, extra []Date) (*Calendar, error) {
	return &Calendar{name: name}, nil
}

// Compute returns the clock for a request that reached the mailbox at received.
// STUB.
func (r Rules) Compute(received time.Time) Result {
	d := DateOf(received, r.Loc)
	due := d.Time(time.UTC).AddDate(0, 1, 0)
	ext := d.Time(time.UTC).AddDate(0, 3, 0)
	return Result{ReceivedDate: d, Due: DateOf(due, time.UTC), ExtendedDue: DateOf(ext, time.UTC)}
}
