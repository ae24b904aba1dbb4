package classify

import (
	"slices"
	"testing"
)

// TestErasureBesideMarketingGuard: since the word model adds rights at
// 0.7 (27 November, evening), it read erasure at about 0.72 beside the
// direct-marketing objection of a mail that asks to be taken out of a
// mailing file below an unsubscribe footer; the probes' convention is the
// objection only, so erasure beside it still needs wmAddBesideMarketing.
func TestErasureBesideMarketingGuard(t *testing.T) {
	c := newTestClassifier(t)
	m := msg("Jan <jan@example.net>", "uitschrijven", "Onder jullie nieuwsbrief staat 'antwoord met afmelden', dat heb ik drie keer gedaan. Haal mijn e-mailadres nu uit jullie bestand.")
	if r := c.Classify(m); !slices.Equal(r.Rights, []string{ObjectDirectMarketing}) {
		t.Errorf("rights %v, want [%s] (%s)", r.Rights, ObjectDirectMarketing, r.KindReason)
	}
	c.wmAddBesideMarketing = c.wmAdd
	if r := c.Classify(m); !slices.Contains(r.Rights, Erasure) {
		t.Errorf("without the guard: rights %v hold no erasure; the test no longer shows the guard", r.Rights)
	}
}
