package classify

import (
	"slices"
	"testing"
)

// probe is one mail of a round of probes (batchNN_test.go): written after a
// batch's tuning, in other words, to see whether its rules carry over.
type probe struct {
	subject, body string
	kind          Kind
	rights        []string
	rep           bool
}

// runProbes classifies each probe as a mail from a person and checks its
// kind, its rights (for a request), whether it is written on someone
// else's behalf (when checkRep) and that every piece of evidence is the
// text at its offset.
func runProbes(t *testing.T, c *Classifier, probes []probe, checkRep bool) {
	t.Helper()
	for _, tt := range probes {
		t.Run(tt.subject+" "+tt.body, func(t *testing.T) {
			want := tt.rights
			if want == nil {
				want = []string{}
			}
			r := c.Classify(msg("Jan <jan@example.net>", tt.subject, tt.body))
			if r.Kind != tt.kind || r.Kind == Request && !slices.Equal(r.Rights, want) {
				t.Errorf("%s %v, want %s %v (%s; evidence %v)", r.Kind, r.Rights, tt.kind, want, r.KindReason, r.Evidence)
			}
			if checkRep && r.Kind == Request && r.Representative != tt.rep {
				t.Errorf("representative %v, want %v (%v)", r.Representative, tt.rep, r.RepresentativeEvidence)
			}
			text := tt.subject + "\n" + tt.body
			for _, e := range r.Evidence {
				if e.Offset < 0 || e.Offset+len(e.Text) > len(text) || text[e.Offset:e.Offset+len(e.Text)] != e.Text {
					t.Errorf("evidence %q at %d is not the text there", e.Text, e.Offset)
				}
			}
		})
	}
}
