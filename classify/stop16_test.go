package classify

import "testing"

// TestDateKeepsSentence: a date written "07.12." does not end the
// sentence when the words go on in lower case ("am 07.12. erhalten"),
// while a number at the end of a sentence still does ("iphone 13. ik
// kon").
func TestDateKeepsSentence(t *testing.T) {
	for _, tt := range []struct {
		text string
		one  bool
	}{
		{"Ich habe Ihr Schreiben am 07.12. erhalten und widerspreche", true},
		{"Je l'ai reçu le 3.11. par courrier", true},
		{"de app crasht op mijn iphone 13. ik kon niets vinden", false},
		{"Mein Vertrag endet am 31.12. Bitte löschen Sie dann alles", false},
	} {
		toks := tokenize(tt.text, 0)
		one := toks[0].sent == toks[len(toks)-1].sent
		if one != tt.one {
			t.Errorf("%q: one sentence %v, want %v", tt.text, one, tt.one)
		}
	}
}
