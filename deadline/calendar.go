package deadline

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
)

// Calendar knows which dates are not working days: Saturdays, Sundays, the
// public holidays of one country, and extra closed dates from configuration.
// A nil *Calendar closes weekends only. A Calendar is immutable and safe for
// concurrent use.
type Calendar struct {
	name  string
	rules []holidayRule
	extra map[Date]bool
	years sync.Map // int → map[Date]string: the holidays of a year, computed once
}

// Holiday is one public holiday on one date.
type Holiday struct {
	Date Date
	Name string
}

// holidayRule yields the date of one public holiday in a year, given that
// year's Easter Sunday; ok is false when the holiday is not kept that year.
type holidayRule struct {
	name string
	on   func(year int, easter Date) (d Date, ok bool)
}

// fixed is a holiday on the same date every year.
func fixed(m time.Month, day int) func(int, Date) (Date, bool) {
	return func(y int, _ Date) (Date, bool) { return Date{y, m, day}, true }
}

// easter is a holiday offset days from Easter Sunday (Good Friday -2,
// Easter Monday +1, Ascension +39, Whit Monday +50).
func easter(offset int) func(int, Date) (Date, bool) {
	return func(_ int, e Date) (Date, bool) { return e.AddDays(offset), true }
}

// onlyIn restricts a rule to the listed years.
func onlyIn(f func(int, Date) (Date, bool), years ...int) func(int, Date) (Date, bool) {
	return func(y int, e Date) (Date, bool) {
		if !slices.Contains(years, y) {
			return Date{}, false
		}
		return f(y, e)
	}
}

// kingsDayNL is King's Day: 27 April, or 26 April when 27 April is a Sunday
// (Wet viering Koningsdag). This is the rule since 2014; it is applied to
// every year. Note that the move only ever lands on a Saturday, so it never
// changes a deadline; it matters only for the holiday list.
func kingsDayNL(y int, _ Date) (Date, bool) {
	d := Date{y, time.April, 27}
	if d.Weekday() == time.Sunday {
		d = Date{y, time.April, 26}
	}
	return d, true
}

// calendars is the table of holiday calendars, keyed by upper-case name. To
// add a country, add an entry here (fixed dates with fixed, Easter-based ones
// with easter, anything else with a func) and a row to the tests. It is never
// modified at run time.
var calendars = map[string][]holidayRule{
	// No public holidays: Saturdays and Sundays only.
	"NONE": nil,

	// The Netherlands: Algemene termijnenwet art. 3(1), the statutory list
	// for legal periods. 5 May counts every year; there are no substitute
	// days when a holiday falls on a weekend. Bridge days declared by royal
	// decree are working days (add them with deadlines.extra_closed).
	"NL": {
		{"New Year's Day", fixed(time.January, 1)},
		{"Good Friday", easter(-2)},
		{"Easter Monday", easter(1)},
		{"King's Day", kingsDayNL},
		{"Liberation Day", fixed(time.May, 5)},
		{"Ascension Day", easter(39)},
		{"Whit Monday", easter(50)},
		{"Christmas Day", fixed(time.December, 25)},
		{"Second Day of Christmas", fixed(time.December, 26)},
	},

	// Germany: the nine holidays kept in every Land (BGB §193 rolls periods
	// past "staatlich anerkannte allgemeine Feiertage" at the place of
	// performance), plus Reformation Day 2017, kept nationwide that one year.
	// Holidays of single Länder (Epiphany, Corpus Christi, Reformation Day,
	// All Saints, ...) are not included: add them with deadlines.extra_closed.
	"DE": {
		{"New Year's Day", fixed(time.January, 1)},
		{"Good Friday", easter(-2)},
		{"Easter Monday", easter(1)},
		{"Labour Day", fixed(time.May, 1)},
		{"Ascension Day", easter(39)},
		{"Whit Monday", easter(50)},
		{"German Unity Day", fixed(time.October, 3)},
		{"Reformation Day", onlyIn(fixed(time.October, 31), 2017)},
		{"Christmas Day", fixed(time.December, 25)},
		{"Second Day of Christmas", fixed(time.December, 26)},
	},

	// Belgium: the ten legal holidays (Royal Decree of 18 April 1974);
	// Judicial Code art. 53 rolls periods past Saturdays, Sundays and legal
	// holidays. Good Friday and 26 December are not legal holidays.
	"BE": {
		{"New Year's Day", fixed(time.January, 1)},
		{"Easter Monday", easter(1)},
		{"Labour Day", fixed(time.May, 1)},
		{"Ascension Day", easter(39)},
		{"Whit Monday", easter(50)},
		{"National Day", fixed(time.July, 21)},
		{"Assumption Day", fixed(time.August, 15)},
		{"All Saints' Day", fixed(time.November, 1)},
		{"Armistice Day", fixed(time.November, 11)},
		{"Christmas Day", fixed(time.December, 25)},
	},
}

// CalendarNames returns the names NewCalendar accepts, sorted ("none" in lower case).
func CalendarNames() []string {
	names := make([]string, 0, len(calendars))
	for k := range calendars {
		names = append(names, canonicalName(k))
	}
	sort.Strings(names)
	return names
}

func canonicalName(upper string) string {
	if upper == "NONE" {
		return "none"
	}
	return upper
}

// NewCalendar returns the calendar name ("NL", "DE", "BE", or "none" for
// weekends only; case-insensitive; "" means DefaultCalendar) with extra closed
// dates. An unknown name is an error that names it and lists the known ones.
func NewCalendar(name string, extra []Date) (*Calendar, error) {
	key := strings.ToUpper(strings.TrimSpace(name))
	if key == "" {
		key = DefaultCalendar
	}
	rules, ok := calendars[key]
	if !ok {
		return nil, fmt.Errorf("deadline: unknown holiday calendar %q (known: %s)", name, strings.Join(CalendarNames(), ", "))
	}
	c := &Calendar{name: canonicalName(key), rules: rules}
	if len(extra) > 0 {
		c.extra = make(map[Date]bool, len(extra))
		for _, d := range extra {
			// Normalise, so that {2026, 2, 29} and {2026, 3, 1} are the same day.
			c.extra[d.AddDays(0)] = true
		}
	}
	return c, nil
}

// Name returns the calendar's canonical name ("NL", "none", ...); "none" for a nil Calendar.
func (c *Calendar) Name() string {
	if c == nil {
		return "none"
	}
	return c.name
}

// Holiday returns the name of the public holiday on d ("Extra closed day"
// for a configured date), or ok == false when d is not a holiday. Weekends
// are not holidays; see IsClosed.
func (c *Calendar) Holiday(d Date) (name string, ok bool) {
	if c == nil {
		return "", false
	}
	name, ok = c.year(d.Year)[d]
	return name, ok
}

// year returns the holidays of year (rules first, then extra closed dates),
// computed on first use and then kept: the sweep asks for many days.
func (c *Calendar) year(year int) map[Date]string {
	if m, ok := c.years.Load(year); ok {
		return m.(map[Date]string)
	}
	m := map[Date]string{}
	if len(c.rules) > 0 {
		e := Easter(year)
		for _, r := range c.rules {
			if h, ok := r.on(year, e); ok {
				if _, dup := m[h]; !dup {
					m[h] = r.name
				}
			}
		}
	}
	for d := range c.extra {
		if _, dup := m[d]; d.Year == year && !dup {
			m[d] = "Extra closed day"
		}
	}
	c.years.Store(year, m)
	return m
}

// closedWeekdays counts the holidays in (a, b] that fall on a weekday.
func (c *Calendar) closedWeekdays(a, b Date) int {
	if c == nil {
		return 0
	}
	n := 0
	for y := a.Year; y <= b.Year; y++ {
		for h := range c.year(y) {
			if wd := h.Weekday(); h.After(a) && !h.After(b) && wd != time.Saturday && wd != time.Sunday {
				n++
			}
		}
	}
	return n
}

// IsHoliday reports whether d is a public holiday or an extra closed date.
func (c *Calendar) IsHoliday(d Date) bool {
	_, ok := c.Holiday(d)
	return ok
}

// IsClosed reports whether d is not a working day: a Saturday, a Sunday, a
// public holiday or an extra closed date.
func (c *Calendar) IsClosed(d Date) bool {
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return true
	}
	return c.IsHoliday(d)
}

// Holidays returns the public holidays and extra closed dates of year, sorted
// by date. Two holidays on one date are both listed.
func (c *Calendar) Holidays(year int) []Holiday {
	if c == nil {
		return nil
	}
	var hs []Holiday
	e := Easter(year)
	for _, r := range c.rules {
		if d, ok := r.on(year, e); ok {
			hs = append(hs, Holiday{d, r.name})
		}
	}
	for d := range c.extra {
		if d.Year == year {
			hs = append(hs, Holiday{d, "Extra closed day"})
		}
	}
	sort.SliceStable(hs, func(i, j int) bool { return hs[i].Date.Before(hs[j].Date) })
	return hs
}

// Easter returns Easter Sunday of year in the Gregorian calendar, by the
// anonymous Gregorian computus (Meeus/Jones/Butcher). It is exact for every
// year from 1583 on; earlier years get the proleptic Gregorian date.
func Easter(year int) Date {
	a := year % 19
	b, c := year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return Date{year, time.Month(month), day}
}
