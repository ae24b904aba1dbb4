package tracker

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"privacyd/clock"
)

// TestDigestBounded: with more overdue cases than MaxDigestDue, the digest
// lists the most urgent MaxDigestDue of them, keeps the true counts and
// says how many more there are and how to list them, in text and HTML.
func TestDigestBounded(t *testing.T) {
	clk := clock.NewFake(local(2026, 11, 30, 8, 0)) // a Monday
	tr := newSweepTracker(t, filepath.Join(t.TempDir(), "db"), clk, nil)
	n := MaxDigestDue + 23
	for i := range n {
		// Received 40–90 days ago: all overdue, the oldest most urgent.
		insertCase(t, tr, i+1, StatusInProgress, local(2026, 9, 1+i%50, 10, 0))
	}
	d, err := tr.Digest(context.Background(), clk.Now())
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Due) != MaxDigestDue || d.DueMore != 23 || d.Overdue != n || d.OpenTotal != n {
		t.Fatalf("digest lists %d, %d more, %d overdue, %d open; want %d, 23, %d, %d",
			len(d.Due), d.DueMore, d.Overdue, d.OpenTotal, MaxDigestDue, n, n)
	}
	// The listed ones are the MaxDigestDue due first, in that order.
	var all []string
	for i := range n {
		all = append(all, tr.opt.Rules.Compute(local(2026, 9, 1+i%50, 10, 0)).Due.String())
	}
	slices.Sort(all)
	var listed []string
	for _, l := range d.Due {
		listed = append(listed, l.Due.Format("2006-01-02"))
	}
	if !slices.Equal(listed, all[:MaxDigestDue]) {
		t.Errorf("listed due dates %v\nwant %v", listed, all[:MaxDigestDue])
	}
	m, err := tr.RenderDigest(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, part := range []string{m.Text, m.HTML} {
		if !strings.Contains(part, "23 more cases") || !strings.Contains(part, "privacyd cases -status open") {
			t.Errorf("the digest does not say what it left out:\n%s", part)
		}
	}
	if strings.Count(m.Text, "DSR-") != MaxDigestDue {
		t.Errorf("the text names %d cases, want %d", strings.Count(m.Text, "DSR-"), MaxDigestDue)
	}
}
