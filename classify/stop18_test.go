package classify

import (
	"testing"

	"privacyd/message"
)

// TestErasureToldBeforeDont: an erasure told in a sentence that asks
// nothing, before a sentence that asks not to erase, is the story that
// "don't" answers (holdout335, holdout336); an erasure the writer asks
// for, or wishes ("I'd like ... deleted"), still counts.
func TestErasureToldBeforeDont(t *testing.T) {
	c := newTestClassifier(t)
	for _, body := range []string{
		"Ihre Kollegin am Telefon sagte, dass die Daten nach der Kündigung gelöscht werden. Bitte löschen Sie vorerst nichts, wir brauchen die Protokolle als Nachweis.",
		"Your colleague said my account would be deleted when the contract ends. Please do not delete anything yet, I need the invoices for my tax return.",
		"Sein Profil ist inzwischen gelöscht. Ich habe Anzeige erstattet. Bitte löscht meinen Chatverlauf mit ihm NICHT, den brauche ich als Beweis.",
	} {
		checkHasRight(t, c, body, Erasure, false)
	}
	for _, body := range []string{
		"I'd like the heart rate data you already collected to be deleted. I do not want to close my account, please keep it open.",
		"Bitte löschen Sie meine alten Fotos. Mein Konto bitte nicht löschen, das brauche ich noch.",
	} {
		checkHasRight(t, c, body, Erasure, true)
	}
}

// TestNegationReachesSixWordsBeforeOr: "I did NOT ask to cancel my plan or
// have my details deleted" denies the deletion after "or" too (holdout335).
func TestNegationReachesSixWordsBeforeOr(t *testing.T) {
	c := newTestClassifier(t)
	body := "I think there's been a mix-up. I did NOT ask to cancel my plan or have my details deleted, please don't do that. I want a copy of the recordings of my calls."
	checkHasRight(t, c, body, Erasure, false)
	checkHasRight(t, c, body, Access, true)
}

// TestStop18Phrases: phrases added for the first blind sets of 28
// November, each with a mail that asks nothing.
func TestStop18Phrases(t *testing.T) {
	c := newTestClassifier(t)
	checkHasRight(t, c, "I'd like to know what recordings of me and my family you hold and to receive copies.", Access, true)
	checkHasRight(t, c, "Last spring he agreed to a photo for your newsletter. He has changed his mind: he no longer agrees to the photo being used.", WithdrawConsent, true)
	checkHasRight(t, c, "Ik heb gehoord dat die gesprekken worden opgenomen. Ik wil die opname hebben van die avond.", Access, true)
	checkHasRight(t, c, "Ik wil die opname van de voorstelling op dvd hebben, wat kost dat?", Access, false)
	checkHasRight(t, c, "Ik wil graag de beelden van mijn plek in dat tijdvak, dan kan ik ze aan de politie geven.", Access, true)
	checkHasRight(t, c, "Kunnen jullie die beelden alsjeblieft niet weggooien voor dit geregeld is?", Restriction, true)
	checkHasRight(t, c, "Ik krijg nog steeds die mail met aanbiedingen van jullie partners, daar wil ik ook vanaf.", ObjectDirectMarketing, true)
	checkHasRight(t, c, "I object to you sending my entry and exit times to my employer. Please stop.", Objection, true)
	checkHasRight(t, c, "I'd also like the background location tracking switched off. I don't see why you need it, and I object to it.", Objection, true)
	checkHasRight(t, c, "Il reçoit régulièrement des appels commerciaux de votre part. Nous vous demandons d'y mettre fin immédiatement.", ObjectDirectMarketing, true)
	checkHasRight(t, c, "Votre technicien m'a appelé trois fois pour le rendez-vous. Pouvez-vous y mettre fin et fixer une date ?", ObjectDirectMarketing, false)
}

// TestPassedOnWithoutWords: an out-of-office forwarded without a word of
// the sender's own stays an automatic reply, whatever right its quoted
// subject names (wordmodel96); with words of one's own that ask, it is
// the person's request.
func TestPassedOnWithoutWords(t *testing.T) {
	c := newTestClassifier(t)
	ooo := "-----Ursprüngliche Nachricht-----\r\nVon: Tim Kraus <t.kraus@example.de>\r\nBetreff: Abwesend: Adressänderung Kundennr. 5532\r\n\r\nIch bin bis zum 1. Dezember im Urlaub. Ab dem 2. Dezember bin ich wieder für Sie da.\r\n"
	for _, tc := range []struct {
		own  string
		want Kind
	}{
		{"", AutoReply},
		{"Ich bekomme nur diese Abwesenheitsnotiz. Bitte ändern Sie endlich meine Adresse in Lindenweg 4, 28195 Bremen.\r\n\r\n", Request},
	} {
		raw := "From: Nicole Berg <n.berg@example.de>\r\nTo: privacy@example.com\r\nSubject: WG: Abwesend: Adressänderung Kundennr. 5532\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + tc.own + ooo
		if r := c.Classify(message.Parse([]byte(raw), message.Options{})); r.Kind != tc.want {
			t.Errorf("%.40q: %s (%s), want %s", tc.own, r.Kind, r.KindReason, tc.want)
		}
	}
	// A bounce of the person's own request, passed on without words to
	// the right address, is that request (wordmodel97).
	raw := "From: Anouk Peters <anouk.peters@example.nl>\r\nTo: privacy@example.nl\r\nSubject: Fw: Onbestelbaar: mijn gegevens meenemen\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
		"-----Oorspronkelijk bericht-----\r\nVan: Microsoft Outlook <postmaster@example.nl>\r\nOnderwerp: Onbestelbaar: mijn gegevens meenemen\r\n\r\n" +
		"Uw bericht heeft enkele of alle geadresseerden niet bereikt.\r\nHet bericht is niet bezorgd bij: fg@example.nl\r\n\r\n" +
		"-----Oorspronkelijk bericht-----\r\nVan: Anouk Peters\r\nOnderwerp: mijn gegevens meenemen\r\n\r\n" +
		"Hallo, ik zeg mijn account op en wil al mijn foto's in een formaat dat ik bij een andere dienst kan inladen. Kunnen jullie dat klaarzetten?\r\n"
	if r := c.Classify(message.Parse([]byte(raw), message.Options{})); r.Kind != Request {
		t.Errorf("forwarded bounce of one's own request: %s (%s), want request", r.Kind, r.KindReason)
	}
}

// TestNoneOfDeniesTheVerb: "geen enkel gegeven uit het dossier te
// vernietigen" denies the erasure its long object ends in (holdout345);
// "geen enkele reclame meer en gooi mijn account weg" still erases.
func TestNoneOfDeniesTheVerb(t *testing.T) {
	c := newTestClassifier(t)
	checkHasRight(t, c, "Namens cliënte verzoek ik u om geen enkel gegeven uit het dossier te vernietigen, te wijzigen of te anonimiseren. Beperk de verwerking op grond van artikel 18 AVG.", Erasure, false)
	checkHasRight(t, c, "Wir bitten Sie, kein einziges Foto aus ihrem Konto zu löschen, wir brauchen sie noch.", Erasure, false)
	checkHasRight(t, c, "Ik wil geen enkele reclame meer van jullie en gooi mijn account maar weg ook.", Erasure, true)
}

// TestStop18PhrasesRound3: phrases from the third round of 28 November.
func TestStop18PhrasesRound3(t *testing.T) {
	c := newTestClassifier(t)
	checkHasRight(t, c, "De klantenservice zegt dat het systeem de naheffing automatisch verstuurt. Ik wil dat een mens hiernaar kijkt en niet een computer.", AutomatedDecision, true)
	checkHasRight(t, c, "En stuur me alvast een kopie van alle gewerkte uren van januari tot en met juni.", Access, true)
}

// TestObjectedUseBesideAProduct: a use told and objected to in words that
// object ("I object to this", "Dem widerspreche ich") is an objection even
// when the use names a product or an offer (holdout347, holdout348).
func TestObjectedUseBesideAProduct(t *testing.T) {
	c := newTestClassifier(t)
	checkHasRight(t, c, "Your privacy notice says you build a learning profile of each child from where they tap, for product improvement. I object to this for her account.", Objection, true)
	checkHasRight(t, c, "Es wurde gesagt, dass die Genossenschaft die Mitgliederdaten an die Stadtwerke weitergibt, damit die uns passende Angebote machen. Dem widerspreche ich ausdrücklich, meine Daten sollen nicht an die Stadtwerke gehen.", Objection, true)
	checkHasRight(t, c, "Your app tracks where I sleep for product improvement. Is the new version out yet?", Objection, false)
}

// TestTicketNotPitch: a ticket system's acknowledgement that forwards the
// request "an die zuständige Stelle" is not a job pitch (holdout348).
func TestTicketNotPitch(t *testing.T) {
	c := newTestClassifier(t)
	checkKinds(t, c, []kindCase{
		{"[#AWB-20931] Auskunftsersuchen nach Art. 15 DSGVO", "Sehr geehrter Herr Dr. Kröger,\n\nvielen Dank für Ihre Nachricht. Ihre Anfrage wurde unter der Ticketnummer #AWB-20931 erfasst und an die zuständige Stelle weitergeleitet.\n\nBetreff: Auskunftsersuchen nach Art. 15 DSGVO\n\nBitte antworten Sie nicht direkt auf diese E-Mail.\n\nIhr Kundenservice", AutoReply},
	})
}

// TestStop18PhrasesRound4: phrases from the fourth round of 28 November.
func TestStop18PhrasesRound4(t *testing.T) {
	c := newTestClassifier(t)
	checkHasRight(t, c, "Ich möchte die Aufnahmen von mir bei der Abgabe sehen bzw. eine Kopie davon haben.", Access, true)
	checkHasRight(t, c, "Herr Richter erhält weiterhin Werbepost und E-Mails von Ihnen. Ich fordere Sie auf, dies sofort einzustellen.", ObjectDirectMarketing, true)
	checkHasRight(t, c, "Your notice says my driving data may be shared with selected partners. Also, which partners?", Access, true)
}

// TestApplicantNotPitch: a job applicant's own request, told in a pitch's
// words (cv, vacature, sollicitatie, candidature), is a request when the
// word model reads one; a recruiter's pitch stays a pitch.
func TestApplicantNotPitch(t *testing.T) {
	c := newTestClassifier(t)
	checkKinds(t, c, []kindCase{
		{"mijn cv", "Hallo,\n\nEen recruiter van een bedrijf waar ik nooit heb gesolliciteerd belde me op en had mijn cv, via jullie bureau zei hij. Ik heb me in 2024 bij jullie ingeschreven maar daarna nooit meer iets gehoord. Naar welke werkgevers hebben jullie mijn cv allemaal doorgestuurd, en wanneer?\n\nNoor", Request},
		{"Kandidaten voor uw vacatures", "Goedemiddag,\n\nWij zijn een werving- en selectiebureau en hebben drie kandidaten met een sterk cv voor uw openstaande vacature. Zullen we volgende week bellen om de sollicitatie van onze kandidaten te bespreken?\n\nMet vriendelijke groet,\nRecruitment Partners", NotARequest},
	})
}

// TestStop18PhrasesRound5: phrases from the fifth round of 28 November,
// and a German Jira receipt without Auto-Submitted (holdout350's
// automatic mail taken as a request).
func TestStop18PhrasesRound5(t *testing.T) {
	c := newTestClassifier(t)
	checkHasRight(t, c, "pls send me evrything you have on me. acct email same as this one. thx", Access, true)
	checkHasRight(t, c, "Meine Einwilligung zur Weitergabe an Partner widerrufe ich. Außerdem möchte ich keinen Newsletter und keine Werbe-Push-Nachrichten mehr bekommen.", ObjectDirectMarketing, true)
	checkHasRight(t, c, "Merci de corriger ma date de naissance. En attendant la correction, je vous demande de ne plus utiliser ces données pour filtrer mes commandes.", Restriction, true)
	checkKinds(t, c, []kindCase{
		{"[DSR-3312] Auskunftsersuchen nach Art. 15 DSGVO", "Hallo Sabine Krüger,\n\nIhre Anfrage wurde erstellt und erhält die Referenznummer DSR-3312.\n\nZusammenfassung: Auskunftsersuchen nach Art. 15 DSGVO\nStatus: Offen\n\nWir melden uns bei Ihnen, sobald es Neuigkeiten gibt. Sie können den Status jederzeit im Kundenportal einsehen.\n\nDiese Nachricht wurde automatisch vom Knaxbank Service Desk gesendet.", AutoReply},
	})
}

// TestBulkReceiptWithoutAutoSubmitted: a ticket receipt marked
// "Precedence: bulk" but not Auto-Submitted, that quotes the request it
// files, is automatic when no right is asked in the first person
// (holdout350); a letter sent through a service that adds the header, and
// asks in the first person, stays a request.
func TestBulkReceiptWithoutAutoSubmitted(t *testing.T) {
	c := newTestClassifier(t)
	for _, tc := range []struct {
		subject, body string
		want          Kind
	}{
		{"[DSR-3312] Auskunftsersuchen nach Art. 15 DSGVO", "Hallo Sabine Krüger,\n\nIhre Anfrage wurde erstellt und erhält die Referenznummer DSR-3312.\n\nZusammenfassung: Auskunftsersuchen nach Art. 15 DSGVO\nStatus: Offen", AutoReply},
		{"Auskunftsersuchen nach Art. 15 DSGVO", "Sehr geehrte Damen und Herren,\n\nich verlange Auskunft über die zu meiner Person gespeicherten Daten nach Art. 15 DSGVO. Ihre Anfrage wurde erstellt, schrieben Sie mir letzte Woche, aber es kam nichts.\n\nMit freundlichen Grüßen\nSabine Krüger", Request},
	} {
		r := c.Classify(msg("Sabine <s@example.de>", tc.subject, tc.body, "Precedence", "bulk"))
		if r.Kind != tc.want {
			t.Errorf("%.40q: %s (%s), want %s", tc.body, r.Kind, r.KindReason, tc.want)
		}
	}
}

// TestHelpDeskWithoutAutoSubmitted: Jira's "[JIRA]" subjects and the
// receipts, status updates and reminders of help desks that send no
// Auto-Submitted header are automatic, whatever request they quote
// (holdout356, wordmodel101).
func TestHelpDeskWithoutAutoSubmitted(t *testing.T) {
	c := newTestClassifier(t)
	checkKinds(t, c, []kindCase{
		{"[JIRA] (DSR-412) Löschung meines Kontos", "Ihre Anfrage DSR-412 wurde erstellt.\n\nZusammenfassung: Löschung meines Kontos\nBeschreibung:\nBitte löscht mein Konto und alle Daten.", AutoReply},
		{"PRIV-1184 stop sending me the catalogue", "—-—-—-—-—\nReply above this line.\n\nPriya Nair changed the status to In Progress.\n\nSummary: stop sending me the catalogue\nDescription: I keep getting the paper catalogue. No more post please, and no more emails either.\n\nView request · Turn off this request's notifications", AutoReply},
		{"Re: [JIRA] (DSR-412) Löschung meines Kontos", "Es ist jetzt drei Wochen her. Bitte löschen Sie endlich mein Konto und alle meine Daten.", Request},
	})
	checkHasRight(t, c, "As our client contests the accuracy of the incident report, we request that the processing of that report be restricted pending resolution.", Restriction, true)
	checkHasRight(t, c, "Please also tell me which segments and scores you have attached to my name and address.", Access, true)
}

// TestHelpDeskReceiptsRound7: receipts of help desks and homemade ticket
// systems without Auto-Submitted that quote the request in the first
// person (wordmodel102); a person's reply with words of their own stays a
// request.
func TestHelpDeskReceiptsRound7(t *testing.T) {
	c := newTestClassifier(t)
	checkKinds(t, c, []kindCase{
		{"Ticket 2026-11-5531 angelegt", "Ticket 2026-11-5531 wurde angelegt.\nAbsender: m.brandt@example.net\nKategorie: Datenschutz\nText: \"Ich will nicht, dass Sie mein Kaufverhalten auswerten. Hören Sie damit auf.\"\nBearbeitung durch: Team Datenschutz\n\nDieses Ticket wurde automatisch erzeugt.", AutoReply},
		{"Re: qui vous a donné mon adresse", "Bonjour 👋\nL'équipe est hors ligne pour le moment. Nous répondons habituellement en quelques heures.\nVous avez écrit :\n  qui vous a donné mon adresse ? je veux savoir ce que vous avez sur moi\nNous vous répondrons ici et par e-mail.\n— Panier Frais (via Intercom)", AutoReply},
		{"Uw verzoek 2026-0381 is afgerond", "Beste mevrouw Hendriks,\n\nUw verzoek \"Ik wil geen herinneringen meer per sms en haal mijn oude e-mailadres weg\" is afgerond.\n\nDit bericht is automatisch aangemaakt.", AutoReply},
		{"Re: Uw verzoek 2026-0381 is afgerond", "Het is helemaal niet afgerond, ik krijg nog steeds sms'jes. Verwijder mijn telefoonnummer nu echt uit jullie systeem.", Request},
	})
}

// TestStop18Round8: phrases from the eighth round of 28 November (a
// restriction asked as "op te schorten zolang", "ne supprimez pas ... j'en
// aurai besoin") and a help desk's holiday notice quoting the request.
func TestStop18Round8(t *testing.T) {
	c := newTestClassifier(t)
	checkHasRight(t, c, "Tevens verzoek ik u het gebruik van deze gegevens voor de invordering op te schorten zolang wij de vordering controleren.", Restriction, true)
	checkHasRight(t, c, "Surtout ne supprimez pas ce formulaire : je compte porter plainte et j'en aurai besoin.", Restriction, true)
	checkKinds(t, c, []kindCase{
		{"Re: vos enregistrements d'appels", "Bonjour,\n\nNotre équipe est en séminaire jusqu'au 2 décembre. Votre message ci-dessous sera traité à notre retour :\n\n« Je voudrais écouter l'enregistrement de mon appel, merci de me l'envoyer. »\n\nL'équipe", AutoReply},
	})
}

// TestSurveyAfterClosedTicket: a satisfaction survey that quotes the
// closed request is automatic (holdout368, the last round's two
// automatic mails taken as requests).
func TestSurveyAfterClosedTicket(t *testing.T) {
	c := newTestClassifier(t)
	checkKinds(t, c, []kindCase{
		{"Hoe hebben wij u geholpen? (gesprek #884213)", "Hoi Pieter,\n\nJe gesprek met onze klantenservice over \"Graag mijn gegevens inzien\" is afgerond.\n\nWil je ons laten weten hoe tevreden je bent? Het kost je maar 10 seconden.\n\nBedankt!\nTeam Huisenhaard\n\nJe ontvangt deze e-mail omdat je contact hebt gehad met onze klantenservice.", AutoReply},
		{"Votre avis compte", "Bonjour Camille,\n\nVotre demande #71548 « suppression de mes données » a été traitée.\n\nSur une échelle de 0 à 10, recommanderiez-vous notre service client à un proche ?\n\nVous recevez ce message suite à votre contact avec notre service client.", AutoReply},
	})
}

// TestInAppQuestionNotModelRequest: "Can I see my listening history from
// last year in the app?" asks how to use the app; the word model alone
// does not make it a request (TestBatch28Probes kept its convention after
// the retraining on holdout366-369), while a question about one's data
// with a right phrase stays a request.
func TestInAppQuestionNotModelRequest(t *testing.T) {
	c := newTestClassifier(t)
	checkKinds(t, c, []kindCase{
		{"history", "Can I see my listening history from last year in the app?", NotARequest},
		{"history", "Can I see which data you have about me? Not just what is in the app.", Request},
	})
}
