package classify

import (
	"fmt"
	"os"
	"testing"
)

func TestOne(t *testing.T) {
	c := newTestClassifier(t)
	r := c.Classify(msg("Jan <jan@example.net>", os.Getenv("SUBJ"), os.Getenv("BODY")))
	fmt.Println(r.Kind, r.Rights, r.KindReason)
	for _, e := range r.Evidence {
		fmt.Printf("  %s %q\n", e.Right, e.Text)
	}
	sc := c.scan(msg("Jan <jan@example.net>", os.Getenv("SUBJ"), os.Getenv("BODY")))
	for i, tk := range sc.toks {
		fmt.Printf("%d:%s/c%d/b%v ", i, tk.s, tk.clause, tk.brk)
	}
	fmt.Println()
}
