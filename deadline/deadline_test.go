package deadline_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the tests need Europe/Amsterdam on any system

	"privacyd/deadline"
)

// Every expected value in this file was worked out by hand from the rules in
// LAW.md ("The clock"), with the weekday of each date taken from a calendar
// (anchors: 2026-01-01 is a Thursday, 2027-01-01 a Friday, 2028-01-01 a
// Saturday), never from this package's output. Dutch holidays are those of
// the Algemene termijnenwet art. 3; Easter dates are listed in TestEaster.
//
// Easter Sundays used below: 2016-03-27, 2025-04-20, 2026-04-05,
// 2027-03-28, 2028-04-16, 2038-04-25.

func d(s string) deadline.Date {
	v, err := deadline.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}

func ams(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func mustRules(t testing.TB, tz, cal string, extra ...string) deadline.Rules {
	t.Helper()
	r, err := deadline.NewRules(tz, cal, extra)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

type clockCase struct {
	name     string
	received string // RFC 3339 arrival instant
	recDate  string
	due      string
	ext      string
}

// nlCases run with Europe/Amsterdam and the NL calendar. Each row says where
// it comes from and how the expected dates follow from the rules.
var nlCases = []clockCase{
	// EDPB Guidelines 01/2022 example: received 5 March → due 5 April. 2027:
	// 5 April 2027 is a Monday, not a holiday (Easter Monday was 29 March).
	// Ext: 5 June 2027 is a Saturday → Sunday 6 → Monday 7 June.
	{"EDPB 5 March to 5 April", "2027-03-05T10:00:00+01:00", "2027-03-05", "2027-04-05", "2027-06-07"},
	// DESIGN.md example: 5 March 2026 + 1 month = 5 April 2026 = Easter
	// Sunday; 6 April Easter Monday; Tuesday 7 April. Ext: 5 June 2026 is a Friday.
	{"DESIGN example, Easter", "2026-03-05T10:00:00+01:00", "2026-03-05", "2026-04-07", "2026-06-05"},
	// EDPB / LAW.md: 31 August → 30 September (no 31 September). 30 Sep 2026
	// is a Wednesday. Ext: 31 August + 3 months = 30 November (clamped),
	// a Monday.
	{"31 August to 30 September", "2026-08-31T12:00:00+02:00", "2026-08-31", "2026-09-30", "2026-11-30"},
	// LAW.md: 31 January → 28 February in a common year. 28 Feb 2025 is a
	// Friday. Ext: 31 Jan + 3 months = 30 April 2025 (clamped), a Wednesday.
	{"31 January to 28 February", "2025-01-31T09:00:00+01:00", "2025-01-31", "2025-02-28", "2025-04-30"},
	// LAW.md: 31 January → 29 February in a leap year. 29 Feb 2028 is a
	// Tuesday. Ext: 30 April 2028 (clamped) is a Sunday → Monday 1 May (not
	// a Dutch holiday; King's Day 2028 is Thursday 27 April).
	{"31 January 2028 leap year", "2028-01-31T09:00:00+01:00", "2028-01-31", "2028-02-29", "2028-05-01"},
	// Leap year 2024: 29 Feb 2024 is a Thursday. Ext: 30 April 2024 Tuesday.
	{"31 January 2024 leap year", "2024-01-31T09:00:00+01:00", "2024-01-31", "2024-02-29", "2024-04-30"},
	// Clamp then roll: 31 Jan 2026 → 28 Feb 2026 = Saturday → Monday 2 March.
	// Ext is 3 months from receipt: 30 April 2026 (Thursday), not 2 months
	// after the rolled due date (which would give 2 May).
	{"31 January 2026 clamp then weekend", "2026-01-31T09:00:00+01:00", "2026-01-31", "2026-03-02", "2026-04-30"},
	// 29 Jan 2027 → 28 Feb 2027 (no 29 February) = Sunday → Monday 1 March.
	// Ext 29 April 2027 is a Thursday (King's Day 2027 is Tuesday 27 April).
	{"29 January 2027 clamp", "2027-01-29T09:00:00+01:00", "2027-01-29", "2027-03-01", "2027-04-29"},
	// Month end: 31 March 2026 → 30 April 2026 (Thursday). Ext: 30 June 2026, Tuesday.
	{"31 March month end", "2026-03-31T12:00:00+02:00", "2026-03-31", "2026-04-30", "2026-06-30"},
	// 31 May 2026 → 30 June (Tuesday). Ext: 31 August 2026, Monday.
	{"31 May month end", "2026-05-31T12:00:00+02:00", "2026-05-31", "2026-06-30", "2026-08-31"},
	// 31 Oct 2026 → 30 November (Monday). Ext: 31 Jan 2027 = Sunday → Monday 1 Feb.
	{"31 October month end", "2026-10-31T12:00:00+01:00", "2026-10-31", "2026-11-30", "2027-02-01"},
	// 31 Dec 2026 → 31 Jan 2027 = Sunday → Monday 1 Feb. Ext: 31 March 2027,
	// Wednesday (Easter Monday 2027 is 29 March). Two months after the
	// rolled due date would wrongly give 1 April.
	{"31 December month end", "2026-12-31T12:00:00+01:00", "2026-12-31", "2027-02-01", "2027-03-31"},
	// Extension clamp into a leap February: 30 Nov 2027 → due 30 Dec 2027
	// (Thursday); ext 30 Feb 2028 does not exist → 29 Feb 2028, Tuesday.
	{"30 November ext into leap February", "2027-11-30T12:00:00+01:00", "2027-11-30", "2027-12-30", "2028-02-29"},
	// 30 Nov 2026 → 30 Dec 2026 (Wednesday); ext 28 Feb 2027 (clamped) =
	// Sunday → Monday 1 March.
	{"30 November ext into common February", "2026-11-30T12:00:00+01:00", "2026-11-30", "2026-12-30", "2027-03-01"},

	// Late evening UTC, already the next day in Amsterdam (CEST, +02:00):
	// 2026-03-31T22:30Z = 2026-04-01 00:30 local → received 1 April.
	// Due 1 May 2026, Friday (1 May is no Dutch holiday). Ext 1 July, Wednesday.
	{"late UTC evening is next day (summer)", "2026-03-31T22:30:00Z", "2026-04-01", "2026-05-01", "2026-07-01"},
	// Winter (CET, +01:00): 2026-01-15T23:30Z = 16 Jan 00:30 → received
	// 16 Jan. Due 16 Feb, Monday. Ext 16 April, Thursday.
	{"late UTC evening is next day (winter)", "2026-01-15T23:30:00Z", "2026-01-16", "2026-02-16", "2026-04-16"},
	// 2026-01-15T22:59:59Z = 15 Jan 23:59:59 local → received 15 Jan. Due
	// 15 Feb = Sunday → Monday 16 Feb. Ext 15 April, Wednesday.
	{"last second of the local day", "2026-01-15T22:59:59Z", "2026-01-15", "2026-02-16", "2026-04-15"},

	// DST start: clocks go 02:00 → 03:00 on Sunday 29 March 2026 (last Sunday
	// of March). 2026-03-28T23:30Z = 29 March 00:30 +01:00 → received 29 March.
	// Due 29 April (Wednesday). Ext 29 June (Monday).
	{"DST start day, just after midnight", "2026-03-28T23:30:00Z", "2026-03-29", "2026-04-29", "2026-06-29"},
	// 2026-03-29T21:59:59Z = 29 March 23:59:59 +02:00 → still 29 March.
	{"DST start day, last second", "2026-03-29T21:59:59Z", "2026-03-29", "2026-04-29", "2026-06-29"},
	// 2026-03-29T22:30Z = 30 March 00:30 +02:00 → received 30 March (a fixed
	// +01:00 offset would wrongly say 29 March). Due 30 April (Thursday).
	// Ext 30 June (Tuesday).
	{"day after DST start, summer offset", "2026-03-29T22:30:00Z", "2026-03-30", "2026-04-30", "2026-06-30"},
	// DST end: 03:00 → 02:00 on Sunday 25 October 2026. 2026-10-24T22:30Z =
	// 25 Oct 00:30 +02:00 → received 25 Oct. Due 25 Nov (Wednesday). Ext 25
	// Jan 2027 (Monday).
	{"DST end day, just after midnight", "2026-10-24T22:30:00Z", "2026-10-25", "2026-11-25", "2027-01-25"},
	// 2026-10-25T01:30Z = 02:30 +01:00, the repeated hour, 25 Oct.
	{"DST end day, repeated hour", "2026-10-25T01:30:00Z", "2026-10-25", "2026-11-25", "2027-01-25"},
	// 2026-10-25T22:59:59Z = 25 Oct 23:59:59 +01:00 → 25 Oct.
	{"DST end day, last second", "2026-10-25T22:59:59Z", "2026-10-25", "2026-11-25", "2027-01-25"},
	// 2026-10-25T23:30Z = 26 Oct 00:30 +01:00 → received 26 Oct (a fixed
	// +02:00 offset would give 26 Oct 01:30, the same day, but +00:00 would
	// not). Due 26 Nov (Thursday). Ext 26 Jan 2027 (Tuesday).
	{"day after DST end", "2026-10-25T23:30:00Z", "2026-10-26", "2026-11-26", "2027-01-26"},

	// Weekends: received Wednesday 6 May 2026 → 6 June = Saturday → Sunday
	// 7 → Monday 8 June. Ext 6 August (Thursday).
	{"due on Saturday", "2026-05-06T12:00:00+02:00", "2026-05-06", "2026-06-08", "2026-08-06"},
	// Received on a Saturday (weekends count, the clock runs): 10 Jan 2026 →
	// 10 Feb (Tuesday). Ext 10 April 2026 (Friday).
	{"received on Saturday", "2026-01-10T12:00:00+01:00", "2026-01-10", "2026-02-10", "2026-04-10"},

	// Every Dutch holiday (Algemene termijnenwet art. 3):
	// New Year's Day: 1 Dec 2026 → 1 Jan 2027 = Friday, holiday → Sat 2 →
	// Sun 3 → Monday 4 Jan. Ext 1 March 2027, Monday.
	{"New Year's Day chain", "2026-12-01T12:00:00+01:00", "2026-12-01", "2027-01-04", "2027-03-01"},
	// New Year's Day on a Thursday: 1 Dec 2025 → 1 Jan 2026 → Friday 2 Jan.
	// Ext 1 March 2026 = Sunday → Monday 2 March.
	{"New Year's Day Thursday", "2025-12-01T12:00:00+01:00", "2025-12-01", "2026-01-02", "2026-03-02"},
	// Good Friday + Easter weekend + Easter Monday, a 4-day chain: 3 March
	// 2026 → 3 April (Good Friday) → 4 Sat, 5 Easter, 6 Easter Monday →
	// Tuesday 7 April. Ext 3 June 2026, Wednesday.
	{"Good Friday chain", "2026-03-03T12:00:00+01:00", "2026-03-03", "2026-04-07", "2026-06-03"},
	// Easter Monday alone: 6 March 2026 → 6 April → Tuesday 7 April. Ext 6
	// June = Saturday → Monday 8 June.
	{"Easter Monday", "2026-03-06T12:00:00+01:00", "2026-03-06", "2026-04-07", "2026-06-08"},
	// King's Day 27 April 2026 is a Monday → Tuesday 28 April. Ext 27 June
	// = Saturday → Monday 29 June.
	{"King's Day 27 April", "2026-03-27T12:00:00+01:00", "2026-03-27", "2026-04-28", "2026-06-29"},
	// King's Day 2025: 27 April is a Sunday, so King's Day is Saturday 26
	// April. 26 March 2025 → 26 April (Saturday, also King's Day) → Sunday
	// 27 (not King's Day, but Sunday) → Monday 28 April. Ext 26 June 2025,
	// Thursday.
	{"King's Day 26 April 2025", "2025-03-26T12:00:00+01:00", "2025-03-26", "2025-04-28", "2025-06-26"},
	// King's Day 2031: 27 April 2031 is a Sunday → Saturday 26 April.
	// 26 March 2031 → 26 April (Saturday) → 27 Sunday → Monday 28 April.
	// Ext 26 June 2031, Thursday.
	{"King's Day 26 April 2031", "2031-03-26T12:00:00+01:00", "2031-03-26", "2031-04-28", "2031-06-26"},
	// 5 May, every year (2026 is no lustrum year): Tuesday 5 May 2026 →
	// Wednesday 6 May. Received on Easter Sunday (the mailbox never closes).
	// Ext 5 July = Sunday → Monday 6 July.
	{"5 May 2026", "2026-04-05T12:00:00+02:00", "2026-04-05", "2026-05-06", "2026-07-06"},
	// 5 May 2027 (Wednesday) and Ascension 2027 (28 March + 39 = Thursday
	// 6 May) chain → Friday 7 May. Ext 5 July 2027, Monday.
	{"5 May then Ascension 2027", "2027-04-05T12:00:00+02:00", "2027-04-05", "2027-05-07", "2027-07-05"},
	// Ascension 2026 = 5 April + 39 = Thursday 14 May → Friday 15 May. Ext
	// 14 July, Tuesday.
	{"Ascension Day", "2026-04-14T12:00:00+02:00", "2026-04-14", "2026-05-15", "2026-07-14"},
	// Ascension and 5 May on the same Thursday: 2016 (Easter 27 March + 39 =
	// 5 May) → Friday 6 May. Ext 5 July 2016, Tuesday.
	{"Ascension on 5 May 2016", "2016-04-05T12:00:00+02:00", "2016-04-05", "2016-05-06", "2016-07-05"},
	// Whit Monday 2026 = 5 April + 50 = Monday 25 May → Tuesday 26 May.
	// Ext 25 July = Saturday → Monday 27 July.
	{"Whit Monday", "2026-04-25T12:00:00+02:00", "2026-04-25", "2026-05-26", "2026-07-27"},
	// Christmas 2026: 25 Nov → Friday 25 Dec (holiday), Saturday 26 (holiday
	// and weekend), Sunday 27 → Monday 28 Dec. Ext 25 Feb 2027, Thursday.
	{"Christmas Friday chain", "2026-11-25T12:00:00+01:00", "2026-11-25", "2026-12-28", "2027-02-25"},
	// Christmas 2025, a 4-day chain: Thursday 25, Friday 26, Sat 27, Sun 28
	// → Monday 29 Dec. Ext 25 Feb 2026, Wednesday.
	{"Christmas Thursday chain", "2025-11-25T12:00:00+01:00", "2025-11-25", "2025-12-29", "2026-02-25"},
	// Second Day of Christmas: 26 Nov 2025 → Friday 26 Dec → Monday 29 Dec.
	// Ext 26 Feb 2026, Thursday.
	{"Second Day of Christmas", "2025-11-26T12:00:00+01:00", "2025-11-26", "2025-12-29", "2026-02-26"},
	// No substitute days: 25/26 Dec 2027 are Saturday/Sunday; Monday 27 Dec
	// is a working day. 25 Nov 2027 → 27 Dec. Ext 25 Feb 2028, Friday.
	{"Christmas on a weekend, no substitute", "2027-11-25T12:00:00+01:00", "2027-11-25", "2027-12-27", "2028-02-25"},
	// The longest Dutch chain, five days: Easter 2038 is 25 April, so Good
	// Friday 23, Sat 24, Easter 25, Easter Monday 26 and King's Day Tuesday
	// 27 April are all closed → Wednesday 28 April, 36 days after receipt.
	// Ext 23 June 2038, Wednesday (Ascension 3 June, Whit Monday 14 June).
	{"Easter + King's Day five-day chain 2038", "2038-03-23T12:00:00+01:00", "2038-03-23", "2038-04-28", "2038-06-23"},
}

func TestComputeNL(t *testing.T) {
	r := mustRules(t, "", "")
	for _, c := range nlCases {
		t.Run(c.name, func(t *testing.T) {
			at, err := time.Parse(time.RFC3339, c.received)
			if err != nil {
				t.Fatal(err)
			}
			got := r.Compute(at)
			want := deadline.Result{ReceivedDate: d(c.recDate), Due: d(c.due), ExtendedDue: d(c.ext)}
			if got != want {
				t.Errorf("Compute(%s) = received %s due %s ext %s; want %s %s %s",
					c.received, got.ReceivedDate, got.Due, got.ExtendedDue, want.ReceivedDate, want.Due, want.ExtendedDue)
			}
		})
	}
}

// TestComputeOtherCalendars checks the other calendars and extra closed days.
func TestComputeOtherCalendars(t *testing.T) {
	cases := []struct {
		name, tz, cal string
		extra         []string
		clockCase
	}{
		// "none": weekends only. 5 March 2026 → 5 April (Sunday) → Monday
		// 6 April (Easter Monday is not closed). Ext 5 June, Friday.
		{"none", "", "none", nil, clockCase{"", "2026-03-05T10:00:00+01:00", "2026-03-05", "2026-04-06", "2026-06-05"}},
		// Extra closed date 7 April 2026: 5 April Easter, 6 Easter Monday,
		// 7 extra → Wednesday 8 April.
		{"NL + extra", "", "NL", []string{"2026-04-07"}, clockCase{"", "2026-03-05T10:00:00+01:00", "2026-03-05", "2026-04-08", "2026-06-05"}},
		// DE Labour Day: 1 April 2026 → Friday 1 May (closed in DE) → Monday
		// 4 May. Ext 1 July 2026, Wednesday.
		{"DE Labour Day", "Europe/Berlin", "DE", nil, clockCase{"", "2026-04-01T12:00:00+02:00", "2026-04-01", "2026-05-04", "2026-07-01"}},
		// DE German Unity Day: 3 Sep 2025 → Friday 3 Oct → Monday 6 Oct.
		// Ext 3 Dec 2025, Wednesday.
		{"DE Unity Day", "Europe/Berlin", "DE", nil, clockCase{"", "2025-09-03T12:00:00+02:00", "2025-09-03", "2025-10-06", "2025-12-03"}},
		// DE Reformation Day 2017 only: 31 July 2017 → due 31 Aug 2017
		// (Thursday); ext 31 Oct 2017 (Tuesday, closed nationwide that year)
		// → Wednesday 1 Nov.
		{"DE Reformation Day 2017", "Europe/Berlin", "de", nil, clockCase{"", "2017-07-31T12:00:00+02:00", "2017-07-31", "2017-08-31", "2017-11-01"}},
		// BE National Day: 21 June 2026 → Tuesday 21 July → Wednesday 22 July.
		// Ext 21 Sep 2026, Monday.
		{"BE National Day", "Europe/Brussels", "BE", nil, clockCase{"", "2026-06-21T12:00:00+02:00", "2026-06-21", "2026-07-22", "2026-09-21"}},
		// BE has no Good Friday: 3 March 2026 → Friday 3 April is a working
		// day in Belgium. Ext 3 June 2026, Wednesday.
		{"BE Good Friday works", "Europe/Brussels", "BE", nil, clockCase{"", "2026-03-03T12:00:00+01:00", "2026-03-03", "2026-04-03", "2026-06-03"}},
		// Another zone: 2026-03-05T03:00Z is 4 March 22:00 in New York (EST,
		// -05:00) → received 4 March. Due 4 April 2026 = Saturday → Sunday
		// 5 (Easter) → Monday 6 (Easter Monday, NL calendar) → Tuesday 7.
		// Ext 4 June 2026, Thursday.
		{"New York zone", "America/New_York", "NL", nil, clockCase{"", "2026-03-05T03:00:00Z", "2026-03-04", "2026-04-07", "2026-06-04"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := mustRules(t, c.tz, c.cal, c.extra...)
			at, err := time.Parse(time.RFC3339, c.received)
			if err != nil {
				t.Fatal(err)
			}
			got := r.Compute(at)
			want := deadline.Result{ReceivedDate: d(c.recDate), Due: d(c.due), ExtendedDue: d(c.ext)}
			if got != want {
				t.Errorf("got %+v, want %+v", got, want)
			}
		})
	}
}

// TestEaster checks the computus against published Easter dates.
func TestEaster(t *testing.T) {
	for _, s := range []string{
		"1818-03-22", // earliest possible date
		"1943-04-25", // latest possible date
		"2000-04-23",
		"2008-03-23",
		"2011-04-24",
		"2016-03-27",
		"2019-04-21",
		"2024-03-31",
		"2025-04-20",
		"2026-04-05",
		"2027-03-28",
		"2028-04-16",
		"2031-04-13",
		"2038-04-25",
		"2285-03-22",
	} {
		want := d(s)
		if got := deadline.Easter(want.Year); got != want {
			t.Errorf("Easter(%d) = %s, want %s", want.Year, got, want)
		}
	}
	// Every Easter is a Sunday between 22 March and 25 April.
	for y := 1583; y <= 4099; y++ {
		e := deadline.Easter(y)
		if e.Weekday() != time.Sunday || e.Before(deadline.Date{Year: y, Month: 3, Day: 22}) || e.After(deadline.Date{Year: y, Month: 4, Day: 25}) {
			t.Fatalf("Easter(%d) = %s (%s)", y, e, e.Weekday())
		}
	}
}

// TestHolidaysNL lists the Dutch holidays of a few years, worked out by hand
// from Algemene termijnenwet art. 3 and the Easter dates above.
func TestHolidaysNL(t *testing.T) {
	cal, err := deadline.NewCalendar("NL", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int][]string{
		// Easter 5 April: GF 3 Apr, EM 6 Apr, Ascension 14 May, Whit Monday 25 May.
		2026: {"2026-01-01 New Year's Day", "2026-04-03 Good Friday", "2026-04-06 Easter Monday",
			"2026-04-27 King's Day", "2026-05-05 Liberation Day", "2026-05-14 Ascension Day",
			"2026-05-25 Whit Monday", "2026-12-25 Christmas Day", "2026-12-26 Second Day of Christmas"},
		// Easter 20 April: GF 18 Apr, EM 21 Apr, Ascension 29 May, Whit
		// Monday 9 June; 27 April is a Sunday → King's Day 26 April.
		2025: {"2025-01-01 New Year's Day", "2025-04-18 Good Friday", "2025-04-21 Easter Monday",
			"2025-04-26 King's Day", "2025-05-05 Liberation Day", "2025-05-29 Ascension Day",
			"2025-06-09 Whit Monday", "2025-12-25 Christmas Day", "2025-12-26 Second Day of Christmas"},
		// Easter 13 April: GF 11 Apr, EM 14 Apr, Ascension 22 May, Whit
		// Monday 2 June; 27 April 2031 is a Sunday → King's Day 26 April.
		2031: {"2031-01-01 New Year's Day", "2031-04-11 Good Friday", "2031-04-14 Easter Monday",
			"2031-04-26 King's Day", "2031-05-05 Liberation Day", "2031-05-22 Ascension Day",
			"2031-06-02 Whit Monday", "2031-12-25 Christmas Day", "2031-12-26 Second Day of Christmas"},
	}
	for year, w := range want {
		var got []string
		for _, h := range cal.Holidays(year) {
			got = append(got, h.Date.String()+" "+h.Name)
		}
		if strings.Join(got, "\n") != strings.Join(w, "\n") {
			t.Errorf("Holidays(%d):\n%s\nwant:\n%s", year, strings.Join(got, "\n"), strings.Join(w, "\n"))
		}
	}
	// King's Day moves to 26 April only when 27 April is a Sunday.
	for _, c := range []struct {
		date string
		name string // "" = not a holiday
	}{
		{"2025-04-26", "King's Day"},
		{"2025-04-27", ""},
		{"2031-04-26", "King's Day"},
		{"2031-04-27", ""},
		{"2026-04-26", ""},
		{"2026-04-27", "King's Day"},
		{"2030-05-05", "Liberation Day"}, // lustrum year
		{"2027-05-05", "Liberation Day"}, // and every other year
		{"2026-05-01", ""},               // Labour Day is not Dutch
		{"2026-12-24", ""},
		{"2026-12-31", ""},
		{"2026-04-05", ""}, // Easter Sunday is a Sunday, not a listed holiday
	} {
		name, ok := cal.Holiday(d(c.date))
		if name != c.name || ok != (c.name != "") {
			t.Errorf("Holiday(%s) = %q, %v; want %q", c.date, name, ok, c.name)
		}
	}
}

func TestNewCalendar(t *testing.T) {
	for _, name := range []string{"", "NL", "nl", " NL ", "none", "NONE", "DE", "BE"} {
		if _, err := deadline.NewCalendar(name, nil); err != nil {
			t.Errorf("NewCalendar(%q): %v", name, err)
		}
	}
	_, err := deadline.NewCalendar("XX", nil)
	if err == nil || !strings.Contains(err.Error(), `"XX"`) || !strings.Contains(err.Error(), "NL") {
		t.Errorf("NewCalendar(XX) error = %v; want it to name XX and list NL", err)
	}
	c, _ := deadline.NewCalendar("", nil)
	if c.Name() != "NL" {
		t.Errorf("default calendar = %s, want NL", c.Name())
	}
	c, _ = deadline.NewCalendar("none", []deadline.Date{d("2026-06-01")})
	if name, ok := c.Holiday(d("2026-06-01")); !ok || name == "" {
		t.Errorf("extra closed date not closed")
	}
	if c.IsClosed(d("2026-06-02")) || !c.IsClosed(d("2026-06-06")) {
		t.Errorf("none calendar: Tuesday 2 June must be open, Saturday 6 June closed")
	}
	var nilCal *deadline.Calendar
	if nilCal.IsClosed(d("2026-12-25")) || !nilCal.IsClosed(d("2026-12-26")) {
		t.Errorf("nil calendar: Friday 25 Dec 2026 open, Saturday 26 closed")
	}
}

func TestNewRules(t *testing.T) {
	r := mustRules(t, "", "", "2026-04-07")
	if r.Loc.String() != "Europe/Amsterdam" || r.Cal.Name() != "NL" {
		t.Errorf("defaults: %s %s", r.Loc, r.Cal.Name())
	}
	for _, c := range []struct {
		tz, cal string
		extra   []string
		want    string
	}{
		{"Mars/Base", "NL", nil, "Mars/Base"},
		{"", "XX", nil, `"XX"`},
		{"", "NL", []string{"2026-13-01"}, "2026-13-01"},
		{"", "NL", []string{"2026-02-30"}, "2026-02-30"},
		{"", "NL", []string{"1 May"}, "1 May"},
	} {
		_, err := deadline.NewRules(c.tz, c.cal, c.extra)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("NewRules(%q, %q, %q) error = %v; want one naming %s", c.tz, c.cal, c.extra, err, c.want)
		}
	}
}

func TestZeroRules(t *testing.T) {
	// Zero Rules: UTC, weekends only. 2026-03-31T22:30Z is 31 March in UTC →
	// 30 April (Thursday); ext 30 June (Tuesday).
	got := deadline.Rules{}.Compute(time.Date(2026, 3, 31, 22, 30, 0, 0, time.UTC))
	want := deadline.Result{ReceivedDate: d("2026-03-31"), Due: d("2026-04-30"), ExtendedDue: d("2026-06-30")}
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestAddMonths(t *testing.T) {
	for _, c := range []struct {
		from string
		n    int
		want string
	}{
		{"2026-03-05", 1, "2026-04-05"},  // EDPB example
		{"2026-08-31", 1, "2026-09-30"},  // EDPB/LAW.md: no 31 September
		{"2026-01-31", 1, "2026-02-28"},  // common year
		{"2028-01-31", 1, "2028-02-29"},  // leap year (divisible by 4)
		{"2100-01-31", 1, "2100-02-28"},  // not leap: divisible by 100, not by 400
		{"2000-01-31", 1, "2000-02-29"},  // leap: divisible by 400
		{"2028-01-30", 1, "2028-02-29"},  // 30 → 29 in a leap February
		{"2026-11-30", 3, "2027-02-28"},  // extension clamp
		{"2026-12-31", 2, "2027-02-28"},  // across the year
		{"2026-12-15", 1, "2027-01-15"},  // across the year
		{"2026-03-31", -1, "2026-02-28"}, // backwards clamps too
		{"2026-01-15", -1, "2025-12-15"}, // backwards across the year
		{"2028-02-29", 12, "2029-02-28"}, // a year on from 29 February
		{"2026-05-31", 0, "2026-05-31"},
	} {
		if got := d(c.from).AddMonths(c.n); got != d(c.want) {
			t.Errorf("%s.AddMonths(%d) = %s, want %s", c.from, c.n, got, c.want)
		}
	}
}

func TestDate(t *testing.T) {
	a, b := d("2026-12-31"), d("2027-01-01")
	if !a.Before(b) || a.After(b) || a.Compare(b) != -1 || b.Compare(a) != 1 || a.Compare(a) != 0 {
		t.Error("Compare/Before/After wrong for 2026-12-31 vs 2027-01-01")
	}
	if d("2026-02-01").Before(d("2026-01-31")) || !d("2026-01-31").Before(d("2026-02-01")) {
		t.Error("month ordering wrong")
	}
	if a.AddDays(1) != b || b.AddDays(-1) != a || d("2028-02-28").AddDays(1) != d("2028-02-29") || d("2026-02-28").AddDays(1) != d("2026-03-01") {
		t.Error("AddDays wrong at year/month ends")
	}
	if got := d("2027-01-01").Sub(d("2026-01-01")); got != 365 {
		t.Errorf("Sub over 2026 = %d, want 365", got)
	}
	if got := d("2028-03-01").Sub(d("2028-02-01")); got != 29 {
		t.Errorf("Sub over Feb 2028 = %d, want 29", got)
	}
	if d("2026-01-01").Weekday() != time.Thursday || d("2038-04-25").Weekday() != time.Sunday {
		t.Error("Weekday wrong")
	}
	if !(deadline.Date{}).IsZero() || a.IsZero() {
		t.Error("IsZero wrong")
	}
	if got := a.Time(ams(t)); got.Format(time.RFC3339) != "2026-12-31T00:00:00+01:00" {
		t.Errorf("Time = %s", got.Format(time.RFC3339))
	}
	for _, bad := range []string{"", "2026-02-30", "2026-13-01", "26-01-01", "2026-1-5", "2026-01-05T00:00:00Z", "x"} {
		if _, err := deadline.ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) accepted", bad)
		}
	}
}

func TestDateJSONAndSQL(t *testing.T) {
	type rec struct {
		Due  deadline.Date `json:"due"`
		None deadline.Date `json:"none"`
	}
	b, err := json.Marshal(rec{Due: d("2026-04-07")})
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != `{"due":"2026-04-07","none":""}` {
		t.Errorf("json = %s", b)
	}
	var back rec
	if err := json.Unmarshal(b, &back); err != nil || back.Due != d("2026-04-07") || !back.None.IsZero() {
		t.Errorf("round trip = %+v, %v", back, err)
	}
	if err := json.Unmarshal([]byte(`{"due":"2026-02-30"}`), &back); err == nil {
		t.Error("json accepted 2026-02-30")
	}
	if v, _ := d("2026-04-07").Value(); v != "2026-04-07" {
		t.Errorf("Value = %v", v)
	}
	if v, _ := (deadline.Date{}).Value(); v != nil {
		t.Errorf("zero Value = %v, want NULL", v)
	}
	var s deadline.Date
	for _, src := range []any{"2026-04-07", []byte("2026-04-07"), time.Date(2026, 4, 7, 0, 0, 0, 0, time.UTC)} {
		s = deadline.Date{}
		if err := s.Scan(src); err != nil || s != d("2026-04-07") {
			t.Errorf("Scan(%T) = %s, %v", src, s, err)
		}
	}
	if err := s.Scan(nil); err != nil || !s.IsZero() {
		t.Errorf("Scan(nil) = %s, %v", s, err)
	}
	if err := s.Scan(42); err == nil {
		t.Error("Scan(int) accepted")
	}
}

func TestWorkingDays(t *testing.T) {
	r := mustRules(t, "", "NL")
	// Three working days before Tuesday 7 April 2026: 6 Easter Monday, 5
	// Easter, 4 Sat, 3 Good Friday are closed; Thu 2 (1), Wed 1 (2), Tue 31
	// March (3).
	if got := r.AddWorkingDays(d("2026-04-07"), -3); got != d("2026-03-31") {
		t.Errorf("3 working days before 2026-04-07 = %s, want 2026-03-31", got)
	}
	// Three after Thursday 24 Dec 2026: 25 (Fri, holiday), 26, 27 closed; Mon
	// 28 (1), Tue 29 (2), Wed 30 (3).
	if got := r.AddWorkingDays(d("2026-12-24"), 3); got != d("2026-12-30") {
		t.Errorf("3 working days after 2026-12-24 = %s, want 2026-12-30", got)
	}
	// One before Saturday 4 April 2026: Good Friday closed → Thursday 2 April.
	if got := r.AddWorkingDays(d("2026-04-04"), -1); got != d("2026-04-02") {
		t.Errorf("1 working day before 2026-04-04 = %s, want 2026-04-02", got)
	}
	if got := r.AddWorkingDays(d("2026-04-04"), 0); got != d("2026-04-04") {
		t.Errorf("AddWorkingDays(n=0) = %s", got)
	}
	// (31 Mar, 7 Apr]: 1 Wed, 2 Thu, 7 Tue = 3.
	if got := r.WorkingDaysBetween(d("2026-03-31"), d("2026-04-07")); got != 3 {
		t.Errorf("WorkingDaysBetween = %d, want 3", got)
	}
	if got := r.WorkingDaysBetween(d("2026-04-07"), d("2026-03-31")); got != -3 {
		t.Errorf("WorkingDaysBetween reversed = %d, want -3", got)
	}
	// (24 Dec 2026, 4 Jan 2027]: 28, 29, 30, 31 Dec and 4 Jan = 5.
	if got := r.WorkingDaysBetween(d("2026-12-24"), d("2027-01-04")); got != 5 {
		t.Errorf("WorkingDaysBetween over new year = %d, want 5", got)
	}
	if got := r.WorkingDaysBetween(d("2026-04-05"), d("2026-04-05")); got != 0 {
		t.Errorf("WorkingDaysBetween same day = %d", got)
	}
	if r.NextWorkingDay(d("2026-04-03")) != d("2026-04-07") || r.NextWorkingDay(d("2026-04-07")) != d("2026-04-07") {
		t.Error("NextWorkingDay wrong around Easter 2026")
	}
	if r.IsWorkingDay(d("2026-04-06")) || !r.IsWorkingDay(d("2026-04-07")) || r.IsWorkingDay(d("2026-04-04")) {
		t.Error("IsWorkingDay wrong around Easter 2026")
	}
	// UK-style clock from the day identity arrived: 10 March 2026 → 10 April
	// (Friday) and 10 June (Wednesday).
	if r.DueFrom(d("2026-03-10")) != d("2026-04-10") || r.ExtendedDueFrom(d("2026-03-10")) != d("2026-06-10") {
		t.Error("DueFrom/ExtendedDueFrom wrong for 2026-03-10")
	}
}

func TestEndOf(t *testing.T) {
	r := mustRules(t, "", "NL")
	for _, c := range []struct{ date, want string }{
		{"2026-04-07", "2026-04-07T22:00:00Z"}, // start of 8 April, CEST +02:00
		{"2026-01-15", "2026-01-15T23:00:00Z"}, // start of 16 Jan, CET +01:00
		{"2026-03-28", "2026-03-28T23:00:00Z"}, // start of 29 March (DST starts at 02:00) is still +01:00
		{"2026-03-29", "2026-03-29T22:00:00Z"}, // start of 30 March, +02:00: the 29th lasts 23 hours
		{"2026-10-25", "2026-10-25T23:00:00Z"}, // start of 26 October, +01:00: the 25th lasts 25 hours
	} {
		if got := r.EndOf(d(c.date)).UTC().Format(time.RFC3339); got != c.want {
			t.Errorf("EndOf(%s) = %s, want %s", c.date, got, c.want)
		}
	}
	end := r.EndOf(d("2026-04-07"))
	if r.Passed(d("2026-04-07"), end.Add(-time.Nanosecond)) || !r.Passed(d("2026-04-07"), end) {
		t.Error("Passed wrong at the boundary")
	}
	if got := r.Today(time.Date(2026, 3, 31, 22, 30, 0, 0, time.UTC)); got != d("2026-04-01") {
		t.Errorf("Today = %s", got)
	}
}
