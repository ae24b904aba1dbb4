package deadline_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"privacyd/deadline"
)

// The property tests compare the package with a deliberately naive reference
// written from LAW.md: refMonths for the month-end rule, refClosedNL for the
// Dutch list. Easter itself is checked against published dates in TestEaster.

// refMonths is "the same date n months later, or the last day of that month".
func refMonths(rec deadline.Date, n int) deadline.Date {
	y, m := rec.Year, int(rec.Month)+n
	for m > 12 {
		y, m = y+1, m-12
	}
	last := 31
	for time.Date(y, time.Month(m), last, 0, 0, 0, 0, time.UTC).Month() != time.Month(m) {
		last--
	}
	return deadline.Date{Year: y, Month: time.Month(m), Day: min(rec.Day, last)}
}

// refClosedNL reports whether d is a Saturday, a Sunday or one of the days of
// Algemene termijnenwet art. 3.
func refClosedNL(d deadline.Date) bool {
	t := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
	if t.Weekday() == time.Saturday || t.Weekday() == time.Sunday {
		return true
	}
	switch {
	case d.Month == 1 && d.Day == 1, d.Month == 5 && d.Day == 5,
		d.Month == 12 && (d.Day == 25 || d.Day == 26):
		return true
	case d.Month == 4 && d.Day == 27:
		return true // a Sunday is already closed above
	case d.Month == 4 && d.Day == 26:
		if time.Date(d.Year, 4, 27, 0, 0, 0, 0, time.UTC).Weekday() == time.Sunday {
			return true
		}
	}
	e := deadline.Easter(d.Year)
	et := time.Date(e.Year, e.Month, e.Day, 0, 0, 0, 0, time.UTC)
	for _, off := range []int{-2, 1, 39, 50} {
		if et.AddDate(0, 0, off).Equal(t) {
			return true
		}
	}
	return false
}

// checkRolled checks that got is the first day on or after unrolled that is
// not closed.
func checkRolled(t *testing.T, what string, rec, unrolled, got deadline.Date) {
	t.Helper()
	if got.Before(unrolled) {
		t.Fatalf("%s: %s for receipt %s is before the unrolled date %s", what, got, rec, unrolled)
	}
	if refClosedNL(got) {
		t.Fatalf("%s: %s for receipt %s is not a working day", what, got, rec)
	}
	for x := unrolled; x.Before(got); x = x.AddDays(1) {
		if !refClosedNL(x) {
			t.Fatalf("%s: %s for receipt %s skips working day %s", what, got, rec, x)
		}
	}
}

// TestPropertyEveryReceiptDate runs every receipt date from 2000 to 2399
// against the reference.
//
// Bounds. The unrolled due date is 28 to 31 days after receipt (31 January →
// 28 February gives 28; 5 March → 5 April gives 31). Rolling adds the length
// of the closed run that starts there. The longest Dutch run is five days:
// when Easter is 25 April (in this range first in 2038), Good Friday
// 23, Saturday 24, Easter 25, Easter Monday 26 and King's Day Tuesday 27 April
// are closed in a row, and 23 March → 23 April is a 31-day month. So the true
// bound is 28–36 days, not 28–35; other runs are at most four days (Good
// Friday–Easter Monday; Thursday 25 December–Sunday 28; Ascension Thursday
// 4 May + 5 May + weekend). The extended due date's unrolled span is 89
// (31 January → 30 April, common year) to 92 days, so at most 97 rolled.
// The test asserts that both ends of the due bound are actually reached.
func TestPropertyEveryReceiptDate(t *testing.T) {
	r := mustRules(t, "", "NL")
	minDue, maxDue, minExt, maxExt := 1000, 0, 1000, 0
	var maxDueAt deadline.Date
	for rec := d("2000-01-01"); rec.Before(d("2400-01-01")); rec = rec.AddDays(1) {
		due, ext := r.DueFrom(rec), r.ExtendedDueFrom(rec)
		checkRolled(t, "due", rec, refMonths(rec, 1), due)
		checkRolled(t, "extended due", rec, refMonths(rec, 3), ext)
		if !ext.After(due) {
			t.Fatalf("receipt %s: extended due %s not after due %s", rec, ext, due)
		}
		n, m := due.Sub(rec), ext.Sub(rec)
		if n < minDue {
			minDue = n
		}
		if n > maxDue {
			maxDue, maxDueAt = n, rec
		}
		minExt, maxExt = min(minExt, m), max(maxExt, m)
	}
	if minDue != 28 || maxDue != 36 {
		t.Errorf("due is %d–%d days after receipt, want exactly 28–36", minDue, maxDue)
	}
	if maxDueAt != d("2038-03-23") {
		t.Errorf("first 36-day due at receipt %s, want 2038-03-23", maxDueAt)
	}
	if minExt < 89 || maxExt > 97 {
		t.Errorf("extended due is %d–%d days after receipt, want within 89–97", minExt, maxExt)
	}
	t.Logf("due %d–%d days, extended due %d–%d days after receipt", minDue, maxDue, minExt, maxExt)
}

// refAmsterdamDate is the receipt date by the EU summer-time rule (Directive
// 2000/84/EC): CEST (+02:00) from 01:00 UTC on the last Sunday of March to
// 01:00 UTC on the last Sunday of October, CET (+01:00) otherwise.
func refAmsterdamDate(at time.Time) deadline.Date {
	at = at.UTC()
	lastSunday := func(y int, m time.Month) time.Time {
		t := time.Date(y, m+1, 0, 1, 0, 0, 0, time.UTC) // last day of m, 01:00 UTC
		for t.Weekday() != time.Sunday {
			t = t.AddDate(0, 0, -1)
		}
		return t
	}
	off := time.Hour
	if y := at.Year(); !at.Before(lastSunday(y, time.March)) && at.Before(lastSunday(y, time.October)) {
		off = 2 * time.Hour
	}
	y, m, dd := at.Add(off).Date()
	return deadline.Date{Year: y, Month: m, Day: dd}
}

// TestPropertyRandomInstants checks receipt dates of random instants against
// the EU DST rule, biased towards the hours around local midnight and the DST
// switches, and that Compute agrees with DueFrom/ExtendedDueFrom.
func TestPropertyRandomInstants(t *testing.T) {
	r := mustRules(t, "", "NL")
	rng := rand.New(rand.NewPCG(1, 2))
	lo := time.Date(1996, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	hi := time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	for i := range 100000 {
		var at time.Time
		switch i % 3 {
		case 0: // anywhere
			at = time.Unix(lo+rng.Int64N(hi-lo), 0)
		case 1: // within two hours of local midnight (21:00–02:00 UTC)
			day := time.Unix(lo+rng.Int64N(hi-lo), 0).UTC().Truncate(24 * time.Hour)
			at = day.Add(21*time.Hour + time.Duration(rng.Int64N(5*3600))*time.Second)
		case 2: // within a day of a DST switch
			y := 1996 + rng.IntN(204)
			m := time.March
			if rng.IntN(2) == 0 {
				m = time.October
			}
			sw := time.Date(y, m+1, 0, 1, 0, 0, 0, time.UTC)
			for sw.Weekday() != time.Sunday {
				sw = sw.AddDate(0, 0, -1)
			}
			at = sw.Add(time.Duration(rng.Int64N(2*86400)-86400) * time.Second)
		}
		got := r.Compute(at)
		rec := refAmsterdamDate(at)
		if got.ReceivedDate != rec {
			t.Fatalf("Compute(%s).ReceivedDate = %s, want %s", at.UTC().Format(time.RFC3339), got.ReceivedDate, rec)
		}
		if got.Due != r.DueFrom(rec) || got.ExtendedDue != r.ExtendedDueFrom(rec) {
			t.Fatalf("Compute(%s) = %+v disagrees with DueFrom/ExtendedDueFrom", at.Format(time.RFC3339), got)
		}
		// The instant is before the end of its own receipt date and the due date.
		if !at.Before(r.EndOf(rec)) || !at.Before(r.EndOf(got.Due)) || r.EndOf(rec).Sub(at) > 25*time.Hour {
			t.Fatalf("EndOf inconsistent for %s", at.Format(time.RFC3339))
		}
	}
}

// TestPropertyWorkingDays checks AddWorkingDays and WorkingDaysBetween
// against each other and against the reference calendar.
func TestPropertyWorkingDays(t *testing.T) {
	r := mustRules(t, "", "NL")
	rng := rand.New(rand.NewPCG(3, 4))
	base := d("2020-01-01")
	for range 5000 {
		a := base.AddDays(rng.IntN(20 * 365))
		n := rng.IntN(61) - 30
		b := r.AddWorkingDays(a, n)
		if r.IsWorkingDay(a) == refClosedNL(a) {
			t.Fatalf("IsWorkingDay(%s) disagrees with the reference", a)
		}
		if n != 0 && refClosedNL(b) {
			t.Fatalf("AddWorkingDays(%s, %d) = %s, a closed day", a, n, b)
		}
		if (n > 0 && !b.After(a)) || (n < 0 && !b.Before(a)) || (n == 0 && b != a) {
			t.Fatalf("AddWorkingDays(%s, %d) = %s goes the wrong way", a, n, b)
		}
		if n >= 0 || r.IsWorkingDay(a) {
			if got := r.WorkingDaysBetween(a, b); got != n {
				t.Fatalf("WorkingDaysBetween(%s, AddWorkingDays(%s, %d)=%s) = %d", a, a, n, b, got)
			}
		}
		c := a.AddDays(rng.IntN(121) - 60)
		if r.WorkingDaysBetween(a, b)+r.WorkingDaysBetween(b, c) != r.WorkingDaysBetween(a, c) {
			t.Fatalf("WorkingDaysBetween not additive for %s, %s, %s", a, b, c)
		}
		if r.WorkingDaysBetween(a, c) != -r.WorkingDaysBetween(c, a) {
			t.Fatalf("WorkingDaysBetween not antisymmetric for %s, %s", a, c)
		}
		if wd := r.NextWorkingDay(c); refClosedNL(wd) || wd.Before(c) || (!refClosedNL(c) && wd != c) {
			t.Fatalf("NextWorkingDay(%s) = %s", c, wd)
		}
	}
}

// TestPropertyAddMonths checks AddMonths against the reference for every
// start date of four years (including a leap year and 2100).
func TestPropertyAddMonths(t *testing.T) {
	for _, start := range []string{"2026-01-01", "2098-01-01"} {
		for x := d(start); x.Before(d(start).AddMonths(48)); x = x.AddDays(1) {
			for _, n := range []int{1, 3, 12} {
				if got, want := x.AddMonths(n), refMonths(x, n); got != want {
					t.Fatalf("%s.AddMonths(%d) = %s, want %s", x, n, got, want)
				}
			}
		}
	}
}

func BenchmarkCompute(b *testing.B) {
	r := mustRules(b, "", "NL")
	at := time.Date(2026, 3, 5, 9, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		// Walk through receipt days so the holiday rules and rolling vary.
		_ = r.Compute(at.Add(time.Duration(i%1461) * 24 * time.Hour))
		i++
	}
}
