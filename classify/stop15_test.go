package classify

import (
	"slices"
	"testing"
)

// TestRepresentativeAsksAsWe: a lawyer asks for the client as "we"
// ("verlangen wir Auskunft nach Art. 15 DSGVO"), so the words of the job
// application the letter is about (Stelle, m/w/d, Bewerbung, Lebenslauf)
// make it no recruiter's pitch; a recruiter who searches "im Auftrag
// unseres Mandanten" and lists the job's tasks asks for nothing and stays
// one.
func TestRepresentativeAsksAsWe(t *testing.T) {
	c := newTestClassifier(t)
	letter := "Sehr geehrte Damen und Herren,\n\nwir zeigen an, dass uns Frau Petrova mit der Wahrnehmung ihrer Interessen beauftragt hat. Vollmacht anbei.\n\n" +
		"Unsere Mandantin hat sich auf die Stelle \"Sachbearbeiter/in (m/w/d)\" beworben und binnen Minuten eine Absage erhalten. Die Vorauswahl wertet Lücken im Lebenslauf automatisch aus.\n\n" +
		"Namens unserer Mandantin\n1. fechten wir die ausschließlich automatisierte Entscheidung gemäß Art. 22 DSGVO an und verlangen eine erneute Prüfung der Bewerbung durch eine Person;\n" +
		"2. verlangen wir Auskunft nach Art. 15 DSGVO.\n\nMit freundlichen Grüßen\nDr. Helena Brandt\nRechtsanwältin"
	r := c.Classify(msg("Kanzlei Brandt <kanzlei@brandt-recht.example.de>", "Ihre Absage an Frau Petrova", letter))
	if r.Kind != Request || !slices.Contains(r.Rights, Access) || !slices.Contains(r.Rights, AutomatedDecision) || !r.Representative {
		t.Errorf("lawyer's letter: %s %v rep=%v (%s), want a request for access and automated_decision by a representative", r.Kind, r.Rights, r.Representative, r.KindReason)
	}
	pitch := "Guten Tag,\n\nim Auftrag unseres Mandanten, eines Versandhändlers, suchen wir eine/n Datenschutzkoordinator/in (m/w/d). " +
		"Sie bearbeiten Auskunftsersuchen nach Art. 15 DSGVO und Löschanfragen der Kunden.\n\nIhre Bewerbung mit Lebenslauf senden Sie bitte an uns. Wir freuen uns auf Sie!\n\nPersonalberatung Kessler"
	r = c.Classify(msg("Personalberatung Kessler <jobs@kessler-personal.example.de>", "Stelle: Datenschutzkoordinator/in (m/w/d)", pitch))
	if r.Kind != NotARequest {
		t.Errorf("recruiter's pitch: %s %v (%s), want not_a_request", r.Kind, r.Rights, r.KindReason)
	}
}

// TestLeaveNamedAsMine: a person who writes "ook iets over mijn
// zwangerschapsverlof" is no absence notice; "Ik ben met
// zwangerschapsverlof tot 1 maart" is one.
func TestLeaveNamedAsMine(t *testing.T) {
	c := newTestClassifier(t)
	for _, tt := range []struct {
		body string
		want Kind
	}{
		{"Hoi,\n\nIk heb een vraag over hoe er met mijn gegevens wordt omgegaan op het intranet, daar staat meer over mij dan ik wist (ook iets over mijn zwangerschapsverlof). Kan de privacy-functionaris mij even bellen?\n\nTineke", Request},
		{"Bedankt voor je bericht. Ik ben met zwangerschapsverlof tot 1 maart 2027 en lees mijn mail niet. Je mail wordt niet doorgestuurd.", AutoReply},
	} {
		r := c.Classify(msg("Tineke <tineke@example.nl>", "even overleggen", tt.body))
		if r.Kind != tt.want {
			t.Errorf("%.50q: %s (%s), want %s", tt.body, r.Kind, r.KindReason, tt.want)
		}
	}
}

// TestMisdirectedDataIsTriage: a person who received another person's
// invoice, payslip or statement tells of personal data sent to the wrong
// place even when asking nothing: a request for staff triage. A parcel
// left with the neighbours is a delivery complaint.
func TestMisdirectedDataIsTriage(t *testing.T) {
	c := newTestClassifier(t)
	for _, tt := range []struct {
		subject, body string
		want          Kind
	}{
		{"Wrong invoice", "Hi, your email this morning had an invoice for a Mrs J. Ashby attached, not me. Thought you should know. Deleted it.\n\nTom", Request},
		{"fout", "jullie mail van vanmorgen met de loonstrook van ene D. Mulder kwam bij mij binnen. even gemeld. weggegooid.", Request},
		{"Post", "Guten Tag, in meinem Umschlag lag der Kontoauszug eines anderen Kunden. Ich habe ihn vernichtet.\n\nGruß K. Brandt", Request},
		{"relevé", "Bonjour, j'ai reçu dans mon espace client le relevé de compte d'un certain M. Denis. A corriger de votre côté. JP", Request},
		{"pakket", "Mijn pakket is gisteren bij de buren bezorgd in plaats van bij mij. Kunnen jullie de bezorger daarop aanspreken?\n\nEls", NotARequest},
	} {
		r := c.Classify(msg("Someone <someone@example.org>", tt.subject, tt.body))
		if r.Kind != tt.want || len(r.Rights) > 0 {
			t.Errorf("%.50q: %s %v (%s), want %s without rights", tt.body, r.Kind, r.Rights, r.KindReason, tt.want)
		}
	}
}

// TestNoMoreAdvertising: "plus aucune publicité" and "keinerlei Werbung
// mehr" stop direct marketing; "je ne reçois plus aucun mail de
// confirmation" asks for nothing of the kind.
func TestNoMoreAdvertising(t *testing.T) {
	c := newTestClassifier(t)
	for _, tt := range []struct {
		body string
		want bool
	}{
		{"Bonjour, je ne veux plus aucune publicité de votre part, ni par mail ni par SMS. Nathalie", true},
		{"Ich möchte, dass meine Tochter ab sofort keinerlei Werbung mehr von Ihnen bekommt, weder per Mail noch per Push.", true},
		{"Twee dingen. Stop met die wekelijkse mail en de pushberichten over aanbiedingen.", true},
		{"Bonjour, depuis la mise à jour je ne reçois plus aucun mail de confirmation de commande. Pouvez-vous vérifier ?", false},
	} {
		checkHasRight(t, c, tt.body, ObjectDirectMarketing, tt.want)
	}
}
