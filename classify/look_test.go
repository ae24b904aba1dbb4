package classify

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// TestLook is the first look at new corpus sets, before anything is tuned
// on them: PRIVACYD_LOOK names splits (comma-separated, e.g.
// "holdout334,holdout335"); it prints each split's kind accuracy and
// micro-F1 and then the table of all of them together. It checks nothing:
// a blind set's figures are measured once, recorded, and only then gated
// (testdata/look.sh runs it at a given commit). PRIVACYD_LOOK_ERRORS=1
// also prints each mail's errors, for mining after the look is recorded.
func TestLook(t *testing.T) {
	want := os.Getenv("PRIVACYD_LOOK")
	if want == "" {
		t.Skip("PRIVACYD_LOOK not set")
	}
	splits := strings.Split(want, ",")
	c, err := New(corpusOptions)
	if err != nil {
		t.Fatal(err)
	}
	var all []label
	byName := map[string][]label{}
	for _, l := range readLabels(t) {
		if slices.Contains(splits, l.split) {
			all = append(all, l)
			byName[l.split] = append(byName[l.split], l)
		}
	}
	for _, s := range splits {
		if len(byName[s]) == 0 {
			t.Fatalf("split %s: no mails", s)
		}
		m := evaluate(t, c, byName[s])
		p, r, f := m.microF1()
		t.Logf("== %s: mails %d kind %.3f loop %d micro P/R/F1 %.3f/%.3f/%.3f language %.3f representative %d/%d (%d false)",
			s, m.n, ratio(m.kindOK, m.n), m.loop, p, r, f, ratio(m.langOK, m.n), m.repFound, m.repTotal, m.repFP)
	}
	m := evaluate(t, c, all)
	t.Log(m.table())
	if os.Getenv("PRIVACYD_LOOK_ERRORS") == "1" {
		for _, e := range m.errors {
			t.Log(e)
		}
	}
}
