package classify

import (
	"os"
	"strings"
	"testing"
)

// batch32Groups splits batch 32 (train32a/b/c-everyday.txt, t32a-*, t32b-*
// and t32c-* mails) into its three files and two halves: the held-out
// half is every odd-numbered mail of each file (first, third, ...), the
// tuning half the others. The held-out half's errors are printed only
// with CLASSIFY_SHOW_HELDOUT=1 (see corpus_test.go for how it was used).
func batch32Groups(labels []label) map[string][]label {
	g := map[string][]label{}
	pos := map[string]int{}
	for _, l := range labels {
		if !strings.HasPrefix(l.file, "t32") {
			continue
		}
		file := l.file[:4]
		pos[file]++
		g[file] = append(g[file], l)
		g["t32"] = append(g["t32"], l)
		if pos[file]%2 == 1 {
			g["held-out"] = append(g["held-out"], l)
		} else {
			g["tuning"] = append(g["tuning"], l)
		}
	}
	return g
}

// TestBatch32 logs batch 32's figures per file, together and per half.
// The batch is part of the train split; its rates are gated there.
func TestBatch32(t *testing.T) {
	c, err := New(corpusOptions)
	if err != nil {
		t.Fatal(err)
	}
	g := batch32Groups(readLabels(t))
	for _, name := range []string{"t32a", "t32b", "t32c", "t32", "tuning", "held-out"} {
		ls := g[name]
		if len(ls) == 0 {
			t.Fatalf("%s: no mails", name)
		}
		m := evaluate(t, c, ls)
		full := 0
		for range ls {
			full++
		}
		full -= len(m.errors)
		t.Logf("%s: %d of %d fully right%s", name, full, len(ls), m.table())
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

// TestLowerCaseAfterFullStop checks that a full stop followed by a word in
// lower case ends a sentence (everyday mail), unless it ends an
// abbreviation or a single letter.
func TestLowerCaseAfterFullStop(t *testing.T) {
	for _, tt := range []struct {
		text, a, b string
		same       bool
	}{
		{"ich brauch das konto nicht mehr. bitte komplett löschen", "mehr", "bitte", false},
		{"jamais commandé chez vous. d'ou vous avez eu mon numero", "vous", "d", false},
		{"Rechnungen, Verträge usw. bitte aufbewahren", "usw", "bitte", true},
		{"etwa ca. zwanzig Mails", "ca", "zwanzig", true},
		{"z.B. meine Adresse", "b", "meine", true},
		{"version 2.1 is out", "2", "1", true},
	} {
		toks := tokenize(tt.text, 0)
		sa, sb := -1, -1
		for _, tk := range toks {
			if tk.s == tt.a && sa < 0 {
				sa = tk.sent
			}
			if tk.s == tt.b && sa >= 0 {
				sb = tk.sent
			}
		}
		if sa < 0 || sb < 0 {
			t.Fatalf("%q: words not found", tt.text)
		}
		if (sa == sb) != tt.same {
			t.Errorf("%q: %q and %q in one sentence %v, want %v", tt.text, tt.a, tt.b, sa == sb, tt.same)
		}
	}
}
