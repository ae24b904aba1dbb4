package classify

import (
	"slices"
	"testing"

	"privacyd/message"
)

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

// TestWeakAutoWordsCountOnce: a weak out-of-office word ("vakantie",
// weight 1) counts once however often a person uses it — an employee
// whose sick days should have been holiday is no auto-reply (holdout56) —
// while an out-of-office that says it in its own words still is. And the
// restriction wordings the spent blind sets holdout54-57 showed the lists
// lacked: keep it, do not use it until it is sorted out.
func TestWeakAutoWordsCountOnce(t *testing.T) {
	c := newTestClassifier(t)
	runProbes(t, c, []probe{
		{"verkeerde ziekmeldingen", "Er staan ziekmeldingen op mijn naam, maar ik was op vakantie. Kunnen jullie ze corrigeren naar vakantie? En zolang dat niet uitgezocht is wil ik niet dat die registraties gebruikt worden.",
			Request, []string{Rectification, Restriction}, false},
		{"Afwezig", "Ik ben met vakantie tot en met 4 januari en lees mijn mail niet.", AutoReply, nil, false},
		{"Holiday", "I am on holiday until 4 January with no access to email.", AutoReply, nil, false},
		{"timesheets", "Please ensure that his timesheets are NOT deleted and are not used for any other purpose while the matter is pending.", Request, []string{Restriction}, false},
		{"reference", "My record says I was dismissed; I resigned. Please correct this on my record. Until it's corrected, I don't want anything from my file passed on to anyone.", Request, []string{Rectification, Restriction}, false},
		{"Bewertung", "Die Angabe auf meinem Profil ist falsch, bitte berichtigen. Bis das geklärt ist, nutzen Sie diese Markierung bitte nicht weiter.", Request, []string{Rectification, Restriction}, false},
	}, false)
}

// TestModelReadsHintedRights: a right the phrases only hinted at (a weak
// phrase, or one a convention rule dropped — "do NOT delete while the case
// runs" beside a negated erasure) is no longer kept from the word model
// when it is sure (holdout58-61: four restrictions missed while the model
// read them at 0.94-0.998). A right the phrases negated stays out. An
// exclamation in brackets does not end the sentence around it
// ("travelling (ironically!) until 4 December"), and a lawyer's letter
// about a score "calculé automatiquement" is no out-of-office.
func TestModelReadsHintedRights(t *testing.T) {
	c := newTestClassifier(t)
	runProbes(t, c, []probe{
		{"Buchung AP-7Q2", "In Ihrer Datenschutzerklärung steht, dass Buchungsdaten nach sechs Monaten gelöscht werden. Bitte tun Sie das für meine Buchung NICHT: Die Daten sollen bis zum Abschluss des Schlichtungsverfahrens erhalten bleiben, aber nicht für andere Zwecke verwendet werden.",
			Request, []string{Restriction}, false},
		{"procès", "J'ai un procès en cours contre l'hôpital. Je vous demande de ne PAS effacer mes données de remboursement de 2021, mon avocat en a besoin comme preuve. Bloquez-les si nécessaire mais ne les supprimez pas svp.",
			Request, []string{Restriction}, false},
		{"Out of office", "I'm travelling (ironically!) until 4 December with very patchy signal. I'll reply when I'm back.", AutoReply, nil, false},
		// A bare "automatiquement" and "l'absence de" are not an
		// out-of-office's words (holdout59's lawyer).
		{"Demande de réexamen", "Il ressort de vos conditions que la décision est prise sur la base d'un score calculé automatiquement, vu l'absence de bilans. Mon client conteste cette décision et demande un réexamen par une personne humaine.",
			Request, []string{AutomatedDecision}, false},
		{"Absence", "Je suis absente jusqu'au 3 janvier. En mon absence, contactez le secrétariat.", AutoReply, nil, false},
		// holdout62-65: an automatic message told of, and a request
		// service's letter generated for its user, are not auto-replies;
		// an auto-reply made on behalf of a company still is.
		{"Blocage", "Mon client a été informé par un message automatique que son compte était bloqué. Sur le fondement de l'article 22 du RGPD, il demande une intervention humaine et conteste cette décision.",
			Request, []string{AutomatedDecision}, false},
		{"Data Subject Request - Case #88213", "On behalf of the data subject we request a copy of her personal data under Article 15 GDPR.\nThis message was generated automatically on behalf of our user.",
			Request, []string{Access}, false},
		{"Re: your request", "This message was generated automatically on behalf of Acme Support. We will answer within five working days.", AutoReply, nil, false},
		{"Bestelling dubbel afgeschreven", "Mailen naar klantenservice heeft geen zin want daar krijg ik alleen een automatisch antwoord. Ik wil mijn geld terug.", NotARequest, nil, false},
		// holdout70-77: "buiten een automatisch antwoord" is a report,
		// "archived away until" no out-of-office, "automatische
		// Eingangsbestätigung" an automatic mail's own words; restriction
		// worded with a condition's negation ("zolang die klacht niet is
		// afgehandeld") is no negated restriction for the word model.
		{"RE: inzageverzoek", "Ik heb op 14 oktober een inzageverzoek gestuurd en nog altijd niets gehoord, buiten een automatisch antwoord. Graag alsnog een kopie van mijn gegevens.",
			Request, []string{Access}, false},
		{"please don't delete", "Please make sure nothing from my file is deleted or archived away until the claim is over, could you put a hold on it?",
			Request, []string{Restriction}, false},
		{"compte banni", "mon compte a été banni hier soir, le message dit \"détection automatique de triche\". c'est votre système qui a décidé tout seul. je veux qu'un vrai humain vérifie mon cas.",
			Request, []string{AutomatedDecision}, false},
		{"Absence", "Ce message est automatique. Je suis absent jusqu'au 2 janvier.", AutoReply, nil, false},
		{"dashcam footage", "I object to my dashcam footage being used in your driver training. I need the footage kept for my complaint, so just lock it away until that's done.",
			Request, []string{Objection, Restriction}, false},
		{"Eingangsbestätigung", "Vielen Dank für Ihre Nachricht an unser Datenschutzteam. Dies ist eine automatische Eingangsbestätigung. Werbesperren brauchen bis zu vier Wochen.", AutoReply, nil, false},
		{"notitie in mijn dossier", "Ik heb een klacht ingediend over een notitie van de huisarts in mijn dossier. Zolang die klacht niet is afgehandeld, wil ik dat die notitie bevroren wordt: niet wissen, maar ook niet gebruiken of delen.",
			Request, []string{Restriction}, false},
	}, false)
}

// TestRestrictionHintedByConditions: holdout75's patient asks to freeze a
// note "zolang die klacht niet is afgehandeld ... tot er een uitspraak is":
// the phrase rules read the condition's "niet" as a negated restriction
// and set it aside, so before 27 November the word model (sure of it) was
// kept from adding it. Restriction phrases set aside are hints now
// (wmRestrictionHint); without that rule the mail loses its restriction.
func TestRestrictionHintedByConditions(t *testing.T) {
	raw, err := readCorpus("h75-notitie-bevriezen-klacht.eml")
	if err != nil {
		t.Fatal(err)
	}
	c := newTestClassifier(t)
	m := message.Parse(raw, message.Options{})
	if r := c.Classify(m); !slices.Contains(r.Rights, Restriction) {
		t.Errorf("rights %v, want restriction (%s)", r.Rights, r.KindReason)
	}
	c.wmRestrictionHint = false
	if r := c.Classify(m); slices.Contains(r.Rights, Restriction) {
		t.Errorf("without the rule: rights %v still hold restriction; the test no longer shows the rule", r.Rights)
	}
}
