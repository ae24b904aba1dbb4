package classify

import (
	"os"
	"strings"
	"testing"
)

// batch33Groups splits batch 33 (train33a/b-everyday.txt, t33a-* and
// t33b-* mails) into its two files and two halves: the held-out half is
// every odd-numbered mail of each file (first, third, ...), the tuning
// half the others. The held-out half's errors are printed only with
// CLASSIFY_SHOW_HELDOUT=1 (see corpus_test.go for how it was used).
func batch33Groups(labels []label) map[string][]label {
	g := map[string][]label{}
	pos := map[string]int{}
	for _, l := range labels {
		if !strings.HasPrefix(l.file, "t33") {
			continue
		}
		file := l.file[:4]
		pos[file]++
		g[file] = append(g[file], l)
		g["t33"] = append(g["t33"], l)
		if pos[file]%2 == 1 {
			g["held-out"] = append(g["held-out"], l)
		} else {
			g["tuning"] = append(g["tuning"], l)
		}
	}
	return g
}

// TestBatch33 logs batch 33's figures per file, together and per half,
// and checks the safety property on each.
func TestBatch33(t *testing.T) {
	c, err := New(corpusOptions)
	if err != nil {
		t.Fatal(err)
	}
	g := batch33Groups(readLabels(t))
	for _, name := range []string{"t33a", "t33b", "t33", "tuning", "held-out"} {
		ls := g[name]
		if len(ls) == 0 {
			t.Fatalf("%s: no mails", name)
		}
		m := evaluate(t, c, ls)
		t.Logf("%s: %d of %d fully right%s", name, len(ls)-len(m.errors), len(ls), m.table())
		if m.loop > 0 {
			t.Errorf("%s: %d auto-replies or bounces taken as requests", name, m.loop)
		}
		if name == "tuning" || name == "held-out" && os.Getenv("CLASSIFY_SHOW_HELDOUT") == "1" {
			for _, e := range m.errors {
				t.Log(e)
			}
		}
	}
}
