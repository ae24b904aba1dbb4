package classify

import (
	"slices"
	"testing"
)

// TestErasureBesideMarketingGuard: with adding thresholds below 0.9 the
// word model read erasure beside the direct-marketing objection of a mail
// that asks to be taken out of a mailing file below an unsubscribe footer
// (0.72 on 27 November, 0.63 after holdout98-105); the probes' convention
// is the objection only, so erasure beside it needs wmAddBesideMarketing
// whatever the other thresholds are. The test lowers them to show it.
func TestErasureBesideMarketingGuard(t *testing.T) {
	c := newTestClassifier(t)
	m := msg("Jan <jan@example.net>", "uitschrijven", "Onder jullie nieuwsbrief staat 'antwoord met afmelden', dat heb ik drie keer gedaan. Haal mijn e-mailadres nu uit jullie bestand.")
	if r := c.Classify(m); !slices.Equal(r.Rights, []string{ObjectDirectMarketing}) {
		t.Errorf("rights %v, want [%s] (%s)", r.Rights, ObjectDirectMarketing, r.KindReason)
	}
	c.wmAdd, c.wmHintAdd = 0.3, 0.3
	if r := c.Classify(m); !slices.Equal(r.Rights, []string{ObjectDirectMarketing}) {
		t.Errorf("adding at 0.3: rights %v, want [%s] (%s)", r.Rights, ObjectDirectMarketing, r.KindReason)
	}
	c.wmAddBesideMarketing = c.wmAdd
	if r := c.Classify(m); !slices.Contains(r.Rights, Erasure) {
		t.Errorf("without the guard: rights %v hold no erasure; the test no longer shows the guard", r.Rights)
	}
}

// TestHoldout103Kinds: a person's mail that tells of an automatic message
// or asks for leave is no auto-reply, and an applicant turned down who
// asks their papers erased is no job application (holdout103); an
// absence notice is still one.
func TestHoldout103Kinds(t *testing.T) {
	c := newTestClassifier(t)
	runProbes(t, c, []probe{
		{"Absage nach Online-Test", "Direkt nach dem Online-Test kam die automatische Nachricht, dass ich die Mindestpunktzahl nicht erreicht habe. Ich möchte, dass eine Person meine Bewerbung neu entscheidet.", Request, []string{AutomatedDecision}, false},
		{"Urlaub Januar", "Hallo Herr Wagner, ich würde gerne vom 12.01. bis 23.01.2027 Urlaub nehmen. Der Schichtleiter hat nichts dagegen.", NotARequest, nil, false},
		{"Abwesend", "Ich bin bis 23.01.2027 im Urlaub und lese meine E-Mails nicht.", AutoReply, nil, false},
		{"Bewerbung", "Vielen Dank für Ihre Nachricht, dass meine Bewerbung nicht berücksichtigt werden konnte. Bitte löschen Sie meine Bewerbungsunterlagen, meinen Lebenslauf und meine Zeugnisse.", Request, []string{Erasure}, false},
	}, false)
}

// TestNegationInRelativeClause: a "niet"/"nicht" in a relative clause
// after an erasure phrase ("wat u niet wettelijk hoeft te bewaren")
// belongs to that clause; an erasure negated after its verb is still
// negated (holdout98, holdout103).
func TestNegationInRelativeClause(t *testing.T) {
	c := newTestClassifier(t)
	for _, tt := range []struct {
		body string
		want bool
	}{
		{"Ik verzoek jullie alles over mij te verwijderen wat jullie niet wettelijk hoeven te bewaren.", true},
		{"Bitte löschen Sie alles, was Sie nicht aufbewahren müssen.", true},
		{"Verwijder mijn gegevens niet, ik heb ze nodig voor mijn klacht.", false},
		{"Bitte löschen Sie die Daten nicht, ich brauche sie für meine Klage.", false},
	} {
		checkHasRight(t, c, tt.body, Erasure, tt.want)
	}
}

// TestReportedAutomaticMessages: a person who tells of an automatic
// message sent to them, or to the person they write for, writes a
// request; an absence notice that says it sends an automatic reply is
// still one (training batch 51).
func TestReportedAutomaticMessages(t *testing.T) {
	c := newTestClassifier(t)
	runProbes(t, c, []probe{
		{"Adresse", "Sie haben mir eine automatische Nachricht geschickt, dass meine Anfrage in Kürze bearbeitet wird. Bitte berichtigen Sie meine Adresse in Ihrem Kundenkonto.", Request, []string{Rectification}, false},
		{"Daniel", "Daniel received an automated message that he had been withdrawn from his course. He would like a copy of the data you hold on him.", Request, []string{Access}, false},
		{"Out of office", "You have received this automatic reply because I am out of the office until Monday.", AutoReply, nil, false},
		{"Abwesend", "Sie erhalten diese automatische Nachricht, da ich bis Montag nicht im Büro bin.", AutoReply, nil, false},
	}, false)
}

// TestHoldout114To121Kinds: a person's reminder that says the company's
// "only reply has been an automated message telling me ..." and a mail
// asking that "my data will no longer be used" are no auto-replies; an
// address's "will no longer be used" notice still is one.
func TestHoldout114To121Kinds(t *testing.T) {
	c := newTestClassifier(t)
	runProbes(t, c, []probe{
		{"FINAL REMINDER", "On 2 September I asked you for a copy of all my personal data. Your only reply has been an automated message telling me the ticket is in progress. Send me the copy within seven days.", Request, []string{Access}, false},
		{"fall risk", "I object to the fall-risk profile you made of me, and I ask that my data will no longer be used for it.", Request, []string{Objection}, false},
		{"Address change", "This email address will no longer be used. Please write to info@example.net instead.", AutoReply, nil, false},
	}, false)
}

// TestReplyWasAutomatic: "your only reply was an automated
// acknowledgement" tells of the company's answer; the mail is a request
// (holdout125).
func TestReplyWasAutomatic(t *testing.T) {
	c := newTestClassifier(t)
	runProbes(t, c, []probe{
		{"SECOND REMINDER", "I submitted a subject access request on 2 September. Your only reply was an automated acknowledgement. I still want a copy of all my personal data.", Request, []string{Access}, false},
		{"Re: verzoek", "Ik vroeg op 2 september om inzage in mijn gegevens. Jullie enige antwoord was een automatisch bericht. Stuur mij alsnog een kopie van mijn gegevens.", Request, []string{Access}, false},
	}, false)
}

// TestWorriedWithoutARight: a person upset about their own data who asks
// no right is a request for staff triage, not "no request" (holdout103,
// holdout118, holdout121); a solicitor's closing notice that mentions
// "our bank details" is still no request.
func TestWorriedWithoutARight(t *testing.T) {
	c := newTestClassifier(t)
	runProbes(t, c, []probe{
		{"incident", "Ik heb uw brief over het beveiligingsincident ontvangen. Wat betekent dit nu voor mij?", Request, nil, false},
		{"ziekmelding", "In de rooster-app staat bij mijn naam 'ziek - migraine'. Dat is zichtbaar voor iedereen in de winkel.", Request, nil, false},
		{"address", "someone at ur customer service gave my new address to my ex when he rang pretending to be me. i want this sorted.", Request, nil, false},
	}, false)
	if r := c.Classify(msg("Marlow Brooks <office@example.net>", "RE: Data request", "Thank you for contacting Marlow Brooks Solicitors. Our office is now closed. Emails received outside office hours will be dealt with on the next working day. Please note that we never change our bank details by email.")); r.Kind == Request {
		t.Errorf("a closing notice is a request (%s)", r.KindReason)
	}
}
