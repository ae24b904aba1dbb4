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
		checkHasRight(t, c, tt.body, Erasure, tt.want)
	}
}

// TestListBelowFirstPerson: rights listed below "je vous demande :" are
// the writer's (or their client's) own, so a lawyer's letter that names
// "votre société" three times is no sales pitch; a pitch that lists
// what it sells below a colon of its own words stays one.
func TestListBelowFirstPerson(t *testing.T) {
	c := newTestClassifier(t)
	letter := "J'interviens en qualité de conseil de Monsieur Nkemba, ancien client de votre société.\n\n" +
		"Au nom et pour le compte de mon client, je vous demande :\n\n" +
		"1° en application de l'article 15 du RGPD, la communication de l'intégralité des données le concernant que votre société traite ;\n\n" +
		"2° en application de l'article 17 du RGPD, l'effacement de l'ensemble des données dont la conservation ne vous est pas imposée.\n\n" +
		"Je vous prie de m'adresser votre réponse dans le délai d'un mois. Votre société voudra bien confirmer la réception."
	r := c.Classify(msg("Cabinet Dufresne <contact@dufresne-avocats.example>", "Votre client M. Nkemba", letter))
	if r.Kind != Request || !slices.Equal(r.Rights, []string{Access, Erasure}) {
		t.Errorf("lawyer's letter: %s %v (%s), want request [access erasure]", r.Kind, r.Rights, r.KindReason)
	}
	pitch := "Bonjour,\n\nNotre solution aide votre société à répondre aux demandes RGPD. Je vous propose :\n\n" +
		"- la gestion automatisée des demandes d'accès et d'effacement pour votre société ;\n" +
		"- un essai gratuit de 30 jours, sans engagement, et une démo offerte à votre société.\n\n" +
		"Réservez votre démo dès aujourd'hui !"
	r = c.Classify(msg("Julie <julie@saas-rgpd.example>", "Conformité RGPD simplifiée", pitch))
	if r.Kind != NotARequest {
		t.Errorf("pitch: %s %v (%s), want not_a_request", r.Kind, r.Rights, r.KindReason)
	}
}

// TestAskAddNeedsAnAskingSentence: beside the phrases' rights, the word
// model adds a right below wmAdd only when the words that weighed most
// for it stand in a sentence that asks. With the threshold at zero every
// right the model reads at all qualifies, so only the asking sentence
// decides: each right it adds has evidence in that sentence, and a mail
// whose sentences only tell gets none added.
func TestAskAddNeedsAnAskingSentence(t *testing.T) {
	c := newTestClassifier(t)
	classify := func(askTh float64, body string) Result {
		c.wmAdd, c.wmHintAdd, c.wmAskAdd = 2, 2, askTh
		return c.Classify(msg("Jan <jan@example.net>", "Konto", body))
	}
	ask := "Bitte löschen Sie mein Kundenkonto und senden Sie mir vorher eine Kopie meiner Daten."
	tell := " Ihre Werbung kommt jeden Tag per SMS, und mein Name ist bei Ihnen falsch geschrieben."
	with, without := classify(0, ask+tell), classify(2, ask+tell)
	start, end := len("Konto\n"), len("Konto\n")+len(ask)
	var added []string
	for _, right := range with.Rights {
		if slices.Contains(without.Rights, right) {
			continue
		}
		added = append(added, right)
		inAsk := false
		for _, e := range with.Evidence {
			inAsk = inAsk || e.Right == right && e.Offset >= start && e.Offset < end
		}
		if !inAsk {
			t.Errorf("%s added without evidence in the asking sentence (%v; %s)", right, with.Evidence, with.KindReason)
		}
	}
	if len(added) == 0 {
		t.Errorf("nothing added at threshold 0 (%v; %s): the test no longer shows the path", with.Rights, with.KindReason)
	}
	with, without = classify(0, tell[1:]), classify(2, tell[1:])
	if !slices.Equal(with.Rights, without.Rights) {
		t.Errorf("telling sentences only: %v at threshold 0, %v without (%s)", with.Rights, without.Rights, with.KindReason)
	}
}

// TestFormerEmployeeIsNoAbsenceNotice: "no longer employed, but I ..."
// tells a former employee's story (butI); a notice that goes on to the
// reader, and an absence notice with "but I", stay automatic.
func TestFormerEmployeeIsNoAbsenceNotice(t *testing.T) {
	c := newTestClassifier(t)
	for _, tt := range []struct {
		body string
		want Kind
	}{
		{"Ik ben sinds september niet meer in dienst, maar ik sta nog steeds op jullie website. Willen jullie mijn foto verwijderen?", Request},
		{"Ich bin seit Juli nicht mehr bei Ihnen tätig, aber ich bekomme immer noch Ihre Newsletter. Bitte löschen Sie meine Daten.", Request},
		{"Ik ben niet meer in dienst bij Bakker BV, maar u kunt uw vraag mailen naar info@bakker.example.", AutoReply},
		{"Ik ben tot maandag 7 december afwezig, maar ik lees mijn mail af en toe.", AutoReply},
	} {
		if r := c.Classify(msg("Kevin <kevin@example.net>", "foto", tt.body)); r.Kind != tt.want {
			t.Errorf("%q: %s, want %s (%s)", tt.body, r.Kind, tt.want, r.KindReason)
		}
	}
}

// TestOneVerbTwoObjects: a phrase that shares only its verb with a more
// specific phrase of another right keeps its own right when it reads a
// word of its own before that phrase ("mijn account en al mijn gegevens
// verwijderen, en mij van alle mailinglijsten halen"); a phrase inside
// the other one does not.
func TestOneVerbTwoObjects(t *testing.T) {
	c := newTestClassifier(t)
	checkRights(t, c, "Wil je mijn account en al mijn gegevens verwijderen aub, en mij van alle mailinglijsten halen?", []string{Erasure, ObjectDirectMarketing})
	checkRights(t, c, "Verwijder mij alsjeblieft van alle mailinglijsten.", []string{ObjectDirectMarketing})
}

// TestModelRepNeedsAnotherPerson: with the representative threshold at
// zero the word model would read every request as written for someone;
// it does so only where another person is named (mentionsOther).
func TestModelRepNeedsAnotherPerson(t *testing.T) {
	c := newTestClassifier(t)
	c.wmRep = 0
	for _, tt := range []struct {
		body string
		want bool
	}{
		{"We keep getting your catalogues at our address and we don't want them any more.", false},
		{"Please delete my account and all my data.", false},
		{"Please send me a copy of everything you keep in her file. She is nine.", true},
		{"Kunt u mij laten weten wat er van haar geregistreerd is?", true},
	} {
		r := c.Classify(msg("Jan <jan@example.net>", "data", tt.body))
		if r.Kind != Request || r.Representative != tt.want {
			t.Errorf("%q: %s representative %v, want request %v (%s)", tt.body, r.Kind, r.Representative, tt.want, r.KindReason)
		}
	}
}

// TestAwayThenIsNoAbsenceNotice: "da bin ich auf Dienstreise" after the
// date of an appointment is the writer's story; an absence notice with
// its dates stays one.
func TestAwayThenIsNoAbsenceNotice(t *testing.T) {
	c := newTestClassifier(t)
	for _, tt := range []struct {
		body string
		want bool
	}{
		{"Der Ablesedienst hat den 4.12. zwischen 8 und 12 Uhr angekündigt, da bin ich auf Dienstreise. Können Sie mir einen anderen Termin geben?", false},
		{"De monteur komt op 4 december, dan ben ik op vakantie. Kan het een week later?", false},
		{"Vom 1. bis 5. Dezember bin ich auf Dienstreise. Ihre Nachricht wird nicht weitergeleitet.", true},
		{"Ich bin bis zum 5. Dezember auf Dienstreise und lese meine E-Mails nur eingeschränkt.", true},
	} {
		r := c.Classify(msg("Birgit <birgit@example.net>", "Termin", tt.body))
		if got := r.Kind == AutoReply; got != tt.want {
			t.Errorf("%q: %s, want auto-reply %v (%s)", tt.body, r.Kind, tt.want, r.KindReason)
		}
	}
}

// TestWebFormRelayIsAPerson: a web form's "sent automatically from the
// contact form" relays a person's words; an answering machine's "sent
// automatically" is still one.
func TestWebFormRelayIsAPerson(t *testing.T) {
	c := newTestClassifier(t)
	form := "Nouveau message reçu via le site\n\nNom : Lucie Bertrand\nMessage :\nBonjour, je voudrais savoir quelles informations vous avez sur moi. Pouvez-vous m'envoyer une copie ? Merci\n\n---\nCe message a été envoyé automatiquement depuis le formulaire de contact."
	if r := c.Classify(msg("Site <formulaire@example.be>", "Nouveau message via le formulaire", form)); r.Kind != Request {
		t.Errorf("form relay: %s (%s), want request", r.Kind, r.KindReason)
	}
	machine := "Merci pour votre message. Nous vous répondrons dans les plus brefs délais.\n\nCe message a été envoyé automatiquement, merci de ne pas y répondre."
	if r := c.Classify(msg("Service <service@example.be>", "Accusé de réception", machine)); r.Kind != AutoReply {
		t.Errorf("answering machine: %s (%s), want auto_reply", r.Kind, r.KindReason)
	}
}
