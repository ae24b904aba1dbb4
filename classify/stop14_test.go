package classify

import (
	"slices"
	"testing"
)

// TestUndoSentenceBefore: a sentence that asks not to do what the
// sentence before told ("Bitte tun Sie das für meine Buchung NICHT")
// sets that sentence's erasure aside; a threat in the same words without
// an ask ("Tun Sie das nicht, ...") does not.
func TestUndoSentenceBefore(t *testing.T) {
	c := newTestClassifier(t)
	for _, tt := range []struct {
		body string
		want bool
	}{
		{"In Ihrer Datenschutzerklärung steht, dass Buchungsdaten nach sechs Monaten gelöscht werden. Bitte tun Sie das für meine Buchung nicht, ich brauche sie für meine Beschwerde.", false},
		{"Your policy says accounts are deleted after a year without a login. Please don't do that with mine, I still need the invoices in it.", false},
		{"Volgens jullie site worden klantgegevens na zes maanden verwijderd. Doe dat alsjeblieft niet met mijn dossier, de klacht loopt nog.", false},
		{"Vous supprimez les données des clients après six mois. Merci de ne pas le faire pour mon dossier, le litige est en cours.", false},
		{"Bitte löschen Sie alle meine Daten. Tun Sie das nicht, beschwere ich mich bei der Aufsichtsbehörde.", true},
		{"Please delete my account and everything in it. Thanks for doing that quickly.", true},
	} {
		r := c.Classify(msg("Jan <jan@example.net>", "gegevens", tt.body))
		if got := slices.Contains(r.Rights, Erasure); got != tt.want {
			t.Errorf("%q: erasure %v, want %v (%s %v, %s)", tt.body, got, tt.want, r.Kind, r.Rights, r.KindReason)
		}
	}
}
