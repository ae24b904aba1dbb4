package classify

import (
	"slices"
	"strings"
	"testing"

	"privacyd/message"
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
		checkKind(t, c, "even overleggen", tt.body, tt.want)
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

// TestAppealIsNoObjection: "Widerspruch" against a Bescheid and
// "bezwaar" against a besluit or a fine appeal a decision, not a
// processing; an objection to a decision to pass on data stays one.
func TestAppealIsNoObjection(t *testing.T) {
	c := newTestClassifier(t)
	for _, tt := range []struct {
		subject, body string
		want          bool
	}{
		{"Widerspruch gegen Bescheid vom 12.11.", "Sehr geehrte Damen und Herren,\n\nhiermit lege ich fristgerecht Widerspruch gegen Ihren Wohngeldbescheid vom 12.11.2026 ein. Das Einkommen meines Sohnes wurde doppelt angerechnet.\n\nUrsula Brandstätter", false},
		{"bezwaarschrift", "Geachte heer/mevrouw,\n\nHierbij maak ik bezwaar tegen uw besluit van 10 november om mijn rijbewijs ongeldig te verklaren. Ik verzoek u het besluit te herzien.\n\nK. de Groot", false},
		{"Bezwaar", "Hierbij teken ik bezwaar aan tegen de parkeerboete van 12 november, ik had een geldig ticket.", false},
		{"Widerspruch", "Ich widerspreche Ihrer Entscheidung, meine Daten an die Auskunftei zu melden.", true},
		{"bezwaar", "Ik maak bezwaar tegen het besluit om mijn gegevens te delen met jullie partners.", true},
		{"Nebenkostenabrechnung 2025", "Ich bitte um Einsicht in die Belege und lege vorsorglich Widerspruch gegen die Nebenkostenabrechnung ein.", false},
		{"Heizkosten", "Ich widerspreche jeder über die Heizkostenabrechnung hinausgehenden Auswertung der Verbrauchsdaten meiner Wohnung.", true},
	} {
		checkSubjectHasRight(t, c, tt.subject, tt.body, Objection, tt.want)
	}
}

// TestPersonsAbsenceAndQuotes: an absence told in the past ("I was
// actually on annual leave that week"), a leave named as a record ("my
// sick leave details") and automatic words a person quotes from a mail
// they got are a person's mail; the notices are automatic.
func TestPersonsAbsenceAndQuotes(t *testing.T) {
	c := newTestClassifier(t)
	checkKinds(t, c, []kindCase{
		{"my absence record is wrong", "Hi,\nMy absence record says I was off sick 3-7 November but I was actually on annual leave that week. Please fix the record.\nThanks, Hannah", Request},
		{"my sick leave details", "Hi Sandra,\n\nMy team lead said he'd read my fit note. Could you tell me who has had access to my sickness absence records?\n\nPaul", Request},
		{"Rejected - I want a person to look at this", "This morning I got an email saying I \"do not meet the allocation criteria\". No name on it, just \"Allocation Team - this message was generated automatically\". Please have a member of staff review my application and the decision.\n\nTomasz", Request},
		{"BLOKKADE ONTERECHT", "Volgens de melding heeft \"ons\nautomatische systeem\" mijn bericht als \"ophitsend\" aangemerkt. Een computer die dat bepaalt, dat is de wereld op zijn kop. Ik eis dat een medewerker van vlees en bloed mijn bericht bekijkt en de blokkade opnieuw beoordeelt.", Request},
		{"Out of office", "I am on annual leave until 3 January. Your mail will not be forwarded.", AutoReply},
		{"Re: your request", "This message was generated automatically. Your request has been received and will be handled within 30 days.", AutoReply},
	})
}

// TestObjectionBesideMarketing: an objection in words that object, in a
// sentence of its own, counts beside a direct-marketing objection, and
// "personalising prices" is a processing objected to, not a price
// disputed; a bare "I object" that belongs to the marketing sentence
// does not.
func TestObjectionBesideMarketing(t *testing.T) {
	c := newTestClassifier(t)
	checkRights(t, c, "I object to the processing of my personal data for analysing my browsing and personalising prices or offers. "+
		"Further, I object to the use of my contact details for direct marketing. Please take me off your marketing lists.",
		[]string{ObjectDirectMarketing, Objection})
	checkRights(t, c, "I object to your newsletters and to the use of my address for direct marketing. Please confirm.",
		[]string{ObjectDirectMarketing})
}

// TestFieldCorrectedBesideBilling: a correction of a date of birth or a
// name is a rectification even when the mail mentions a price or an
// invoice; a wrong amount on an invoice is not.
func TestFieldCorrectedBesideBilling(t *testing.T) {
	c := newTestClassifier(t)
	for _, tt := range []struct {
		subject, body string
		want          bool
	}{
		{"Date of birth wrong on my policy", "Hi, my DOB is 19/07/1990 not 19/01/1990 as on my certificate. Can you fix it please? Not sure if it matters for the price but want it right.\nPriya", true},
		{"faute dans mon nom", "Bonjour,\nsur toutes vos factures mon nom est ecrit \"Garnié\" au lieu de Garnier. pouvez vous corriger svp, ca pose probleme pour ma banque.\nmerci\nBenoit", true},
		{"Invoice 2231", "Hi, the amount on invoice 2231 is wrong, you charged me twice for delivery. Can you fix it please?\nPriya", false},
	} {
		checkSubjectHasRight(t, c, tt.subject, tt.body, Rectification, tt.want)
	}
}

// TestApplicationLetterIsNoPitch: a lawyer's letter about an
// application names the job's words (candidate, poste, entretien,
// candidature) and asks for a copy and erasure below "Je vous demande
// :"; it is a request. A pitch whose only own-data right is its footer's
// "Wil je geen mails meer van mij ontvangen?" stays a pitch.
func TestApplicationLetterIsNoPitch(t *testing.T) {
	c := newTestClassifier(t)
	letter := "Madame, Monsieur,\n\nJe suis le conseil de Madame Perrin, qui m'a mandatée pour exercer en son nom les droits qu'elle tient du RGPD.\n\n" +
		"Ma cliente a été candidate à un poste au sein de votre société en 2024 ; un dossier comportant des notes d'entretien circulerait encore en interne.\n\n" +
		"Je vous demande en conséquence :\n- de me communiquer une copie de l'intégralité des données la concernant (article 15) ;\n" +
		"- puis de procéder à l'effacement de ce dossier de candidature (article 17).\n\nSophie Aubert\nAvocate au Barreau de Nantes"
	r := c.Classify(msg("Sophie Aubert <s.aubert@avocats.example.fr>", "Mme Perrin - droits d'accès et d'effacement", letter))
	if r.Kind != Request || !slices.Contains(r.Rights, Access) || !slices.Contains(r.Rights, Erasure) {
		t.Errorf("lawyer's letter: %s %v (%s), want a request for access and erasure", r.Kind, r.Rights, r.KindReason)
	}
	pitch := "Hoi,\n\nMet meer klanten komen ook meer AVG-verzoeken: inzageverzoeken, verzoeken om gegevens te verwijderen of te corrigeren en dataportabiliteit.\n\n" +
		"Met PrivacyFlow verwerk je al deze verzoeken automatisch. Heb je donderdag 15 minuten voor een korte demo?\n\nRuben\nAccount Executive, PrivacyFlow\n\n" +
		"Wil je geen mails meer van mij ontvangen? Laat het me even weten."
	r = c.Classify(msg("Ruben <ruben@privacyflow.example>", "AVG-verzoeken in 5 minuten afhandelen?", pitch))
	if r.Kind != NotARequest {
		t.Errorf("pitch: %s %v (%s), want not_a_request", r.Kind, r.Rights, r.KindReason)
	}
}

// TestEvenIfIsNoCondition: "ne pas effacer ..., même si ..., et ne plus
// les utiliser en attendant" asks a restriction; "even if" concedes,
// where "if you may not delete it, restrict it" makes the restriction
// part of an erasure.
func TestEvenIfIsNoCondition(t *testing.T) {
	c := newTestClassifier(t)
	checkHasRight(t, c, "Je vous demande donc de ne surtout pas effacer ce rapport ni la fiche, même si Hugo arrête les cours en décembre, "+
		"et de ne plus les utiliser à d'autres fins en attendant que le dossier soit clos.", Restriction, true)
	checkHasRight(t, c, "Please delete all my data. If you may not delete some of it by law, do not delete that part but restrict its processing.", Restriction, false)
	// Without an erasure asked, "if you cannot delete it, lock it" asks the
	// restriction alone.
	checkHasRight(t, c, "Gut, wenn Sie die Rechnungen wegen der Aufbewahrungsfristen nicht löschen können, dann sperren Sie die Daten bitte so lange.", Restriction, true)
	// German "als" compares; it is a condition in Dutch only.
	checkHasRight(t, c, "Löschen Sie meine Buchungsdaten bitte nicht und schränken Sie die Verarbeitung ein, ich brauche sie als Beweis.", Restriction, true)
}

// TestReminderQuotingOwnLetter: a reminder that quotes the person's own
// unanswered letter, without a Re: or an In-Reply-To, is a request for
// staff to see; the quoted letter adds no right (the word model may read
// one in the new text and the subject, as it does for any triage).
func TestReminderQuotingOwnLetter(t *testing.T) {
	c := newTestClassifier(t)
	body := "Madame, Monsieur,\n\nJe n'ai reçu aucune réponse à mon courrier du 12 octobre, reproduit ci-dessous. Je vous rappelle que vous deviez me répondre dans un délai d'un mois. Je maintiens l'ensemble de mes demandes.\n\nJ.-P. Girard\n\n" +
		"Le 12/10/2026 à 10:05, Jean-Pierre Girard a écrit :\n> Madame, Monsieur,\n>\n> Je vous demande de rectifier cette information inexacte dans vos fichiers (article 16 du RGPD) et de limiter le traitement de ces données (article 18).\n>\n> Jean-Pierre Girard\n"
	raw := "From: Jean-Pierre Girard <jp.girard@example.fr>\r\nTo: privacy@example.com\r\nSubject: RELANCE - contestation d'un impayé\r\n" +
		"Content-Type: text/plain; charset=utf-8\r\n\r\n" + strings.ReplaceAll(body, "\n", "\r\n")
	r := c.Classify(message.Parse([]byte(raw), message.Options{}))
	if r.Kind != Request {
		t.Errorf("reminder: %s %v (%s), want a request", r.Kind, r.Rights, r.KindReason)
	}
	for _, e := range r.Evidence {
		if strings.Contains(e.Text, "rectifier") || strings.Contains(e.Text, "article") || strings.Contains(e.Text, "limiter") {
			t.Errorf("reminder: evidence %q comes from the quoted letter", e.Text)
		}
	}
}

// TestLeaveAskedAndNumberKept: a leave asked for in the text is no
// absence notice, also when the subject names it; keeping one's number
// when changing provider is number porting, not data portability.
func TestLeaveAskedAndNumberKept(t *testing.T) {
	c := newTestClassifier(t)
	r := c.Classify(msg("Liam <liam@example.org>", "annual leave 21-31 Dec", "Hi,\n\nSorry if this is the wrong inbox. I'd like to book annual leave from 21 to 31 December. Could you put it in for me?\n\nThanks\nLiam"))
	if r.Kind == AutoReply {
		t.Errorf("leave asked: %s (%s), want a person's mail", r.Kind, r.KindReason)
	}
	checkHasRight(t, c, "Hallo, ik ga naar een andere provider en wil mijn 06-nummer houden, welke gegevens heb ik nodig om het over te zetten?", Portability, false)
	checkHasRight(t, c, "Ik stap over naar een andere provider. Stuur mij al mijn gegevens in een bestand dat ik daar kan importeren.", Portability, true)
}
