package templates

import (
	"strings"
	"testing"
)

// num separates thousands in the mail's language.
func TestNum(t *testing.T) {
	for _, c := range []struct {
		lang string
		n    int
		want string
	}{
		{"en", 0, "0"}, {"en", 999, "999"}, {"en", 1000, "1,000"}, {"en", 24800, "24,800"},
		{"en", 1234567, "1,234,567"}, {"en", -24800, "-24,800"}, {"nl", 24800, "24.800"},
		{"de", 100000, "100.000"}, {"fr", 24800, "24\u202f800"}, {"xx", 1000, "1,000"},
	} {
		if got := numIn(c.lang, c.n); got != c.want {
			t.Errorf("num %s %d = %q, want %q", c.lang, c.n, got, c.want)
		}
	}
}

// The totals of a staff_warnings mail are never below what it lists: a
// caller that sets neither gets the listing counted, as before the totals
// existed, and no "more" line.
func TestWarningsTotalsNotBelowListed(t *testing.T) {
	s := mustNew(t, "")
	d := Data{Now: day(2026, 4, 3), Warnings: []Warning{
		{CaseID: "DSR-2026-0002", Due: day(2026, 3, 30), DaysLeft: -4, What: "overdue since 2026-03-30, 4 days"},
		{CaseID: "DSR-2026-0004", Due: day(2026, 4, 6), DaysLeft: 1, What: "due tomorrow"},
	}}
	for _, totals := range [][2]int{{0, 0}, {1, 0}, {2, 1}} {
		d.WarningsTotal, d.WarningsOverdue = totals[0], totals[1]
		p := prepare(d, "en")
		if p.WarningsTotal != 2 || p.WarningsOverdue != 1 || p.WarningsMore() != 0 || p.WarningsMoreOverdue() != 0 {
			t.Errorf("totals %v: prepared %d, %d, more %d, %d; want 2, 1, 0, 0", totals,
				p.WarningsTotal, p.WarningsOverdue, p.WarningsMore(), p.WarningsMoreOverdue())
		}
		m := render(t, s, StaffWarnings, "en", d)
		if m.Subject != "privacyd: 2 cases need attention (1 overdue)" || strings.Contains(m.Text, "more") || strings.Contains(m.HTML, "privacyd cases") {
			t.Errorf("totals %v: subject %q, text:\n%s", totals, m.Subject, m.Text)
		}
	}
	// More overdue cases than could be left out: capped at those left out.
	d.WarningsTotal, d.WarningsOverdue = 5, 9
	if p := prepare(d, "en"); p.WarningsOverdue != 4 || p.WarningsMore() != 3 || p.WarningsMoreOverdue() != 3 {
		t.Errorf("prepared overdue %d, more %d, %d; want 4, 3, 3", p.WarningsOverdue, p.WarningsMore(), p.WarningsMoreOverdue())
	}
}
