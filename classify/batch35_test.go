package classify

import "testing"

// TestNotMonitoredNotices: a no-reply address's "this mailbox is not
// monitored" notice is automatic (batch 35's header-stripped safety test),
// while a person who complains that the company's mailbox is not read is
// still a person ("your mailbox", "Ihr Postfach", "jullie mailbox",
// "votre boîte").
func TestNotMonitoredNotices(t *testing.T) {
	c := newTestClassifier(t)
	runProbes(t, c, []probe{
		{"Re: delete my data", "This mailbox is not monitored. Please use the contact form.", AutoReply, nil, false},
		{"AW: Auskunft", "Dieses Postfach wird nicht überwacht. Bitte nutzen Sie das Kontaktformular.", AutoReply, nil, false},
		{"RE: verwijderen", "Deze mailbox wordt niet gelezen. Gebruik het contactformulier.", AutoReply, nil, false},
		{"RE: suppression", "Cette boîte n'est pas consultée. Merci d'utiliser le formulaire.", AutoReply, nil, false},
		{"Third time", "Is your mailbox not monitored? This is my third mail: please delete my account.", Request, []string{Erasure}, false},
		{"Zum dritten Mal", "Ihr Postfach wird wohl nicht gelesen. Ich schreibe zum dritten Mal: bitte löschen Sie mein Konto.", Request, []string{Erasure}, false},
		{"Derde keer", "Wordt jullie mailbox niet gelezen? Verwijder nu eindelijk mijn account.", Request, []string{Erasure}, false},
		{"Troisième fois", "Votre boîte n'est pas consultée ? Supprimez mon compte, s'il vous plaît.", Request, []string{Erasure}, false},
	}, false)
}
