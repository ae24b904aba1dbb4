package classify

import (
	"fmt"
	"os"
	"testing"

	"privacyd/message"
)

func TestDebugScratch(t *testing.T) {
	s := os.Getenv("CLS")
	if s == "" {
		t.Skip()
	}
	c, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := c.Classify(&message.Message{Subject: os.Getenv("SUBJ"), NewText: s, Header: map[string][]string{}})
	fmt.Printf("%+v\n", r)
}

func TestDebugToks(t *testing.T) {
	s := os.Getenv("TOK")
	if s == "" {
		t.Skip()
	}
	c, _ := New(Options{})
	toks := tokenize("\n"+s, 0)
	for _, tk := range toks {
		fmt.Printf("%s/%d/%d/%v ", tk.s, tk.sent, tk.clause, c.lx.negation[tk.s])
	}
	fmt.Println()
}

func TestDebugNeg(t *testing.T) {
	s := os.Getenv("NEG")
	if s == "" {
		t.Skip()
	}
	c, _ := New(Options{})
	m := &message.Message{NewText: s}
	sc := c.scan(m)
	for _, mt := range sc.matches {
		fmt.Printf("%s %s [%d,%d) lits=%v neg=%v\n", mt.p.cat, mt.p.src, mt.s, mt.e, mt.lits, c.negated(sc.toks, mt))
	}
}
