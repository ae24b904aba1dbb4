package message

import "testing"

func TestForwardStart(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"Hi,\nsee below.\n\n---------- Forwarded message ---------\nFrom: x\n", len("Hi,\nsee below.\n\n")},
		{"zie hieronder\r\n-------- Doorgestuurd bericht --------\r\nVan: x\r\n", len("zie hieronder\r\n")},
		{"Begin forwarded message:\n\nFrom: x\n", 0},
		{"je vous transfère le mail\n---------- Message transféré ---------\nDe : x\n", len("je vous transfère le mail\n")},
		{"no marker here\n-----Original Message-----\nFrom: x\n", -1}, // a reply's quote, not a forward
		{"I forwarded the message to my lawyer.\n", -1},
		{"", -1},
	} {
		if got := ForwardStart(tc.text); got != tc.want {
			t.Errorf("ForwardStart(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
}

func TestPassedOnStart(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"-----Ursprüngliche Nachricht-----\nVon: x\nBetreff: Abwesend\n", 0},
		{"zie onder\n-----Original Message-----\nFrom: x\n", len("zie onder\n")},
		{"Hi,\n---------- Forwarded message ---------\nFrom: x\n", len("Hi,\n")},
		{"I forwarded the original message to my lawyer.\n", -1},
		{"", -1},
	} {
		if got := PassedOnStart(tc.text); got != tc.want {
			t.Errorf("PassedOnStart(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
}
