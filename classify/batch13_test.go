package classify

import (
	"slices"
	"strings"
	"testing"
)

// Rules added with batch 13 of the corpus (real-world templates and machine
// mail).

func TestAutomatedDecisionQuestionInAccessRequest(t *testing.T) {
	c := newTestClassifier(t)
	tests := []struct {
		name, body string
		want       []string
	}{
		{"asked inside an access request", "Stuur mij een kopie van al mijn persoonsgegevens. Nemen jullie automatische beslissingen over mij? Zo ja, welke logica zit erachter?", []string{Access}},
		{"AP letter list item", "Ik wil graag inzage in mijn persoonsgegevens.\n- of er sprake is van geautomatiseerde besluitvorming, waaronder profilering;", []string{Access}},
		{"statement, not a question", "Please send me a copy of all my data. My loan was refused by an automated decision and I want a human to review it.", []string{Access, AutomatedDecision}},
		{"question without access", "Was my application rejected by an automated decision without human review?", []string{AutomatedDecision}},
	}
	for _, tt := range tests {
		r := c.Classify(msg("a@example.net", "", tt.body))
		if !slices.Equal(r.Rights, tt.want) {
			t.Errorf("%s: rights %v, want %v (%v)", tt.name, r.Rights, tt.want, r.Evidence)
		}
	}
}

func TestBillingCorrectionIsNotRectification(t *testing.T) {
	c := newTestClassifier(t)
	r := c.Classify(msg("a@example.net", "Factuur klopt niet", "Op mijn factuur staan twee keer verzendkosten. Kunt u dit corrigeren?"))
	if len(r.Rights) != 0 || r.Kind != NotARequest {
		t.Errorf("invoice correction: %s %v", r.Kind, r.Rights)
	}
	// A personal datum named on the invoice is a rectification.
	r = c.Classify(msg("a@example.net", "Factuur", "Mijn naam staat verkeerd op de factuur: het is Jansen, niet Janssen. Kunt u dit corrigeren?"))
	if !slices.Equal(r.Rights, []string{Rectification}) {
		t.Errorf("name on the invoice: %v", r.Rights)
	}
}

func TestAcknowledgementRepeatingTheSubject(t *testing.T) {
	c := newTestClassifier(t)
	// A ticket system's acknowledgement carries the subject of the request;
	// the right in the subject must not make it a request.
	r := c.Classify(msg("jira@company.example", "[JIRA] (PRIV-318) Erase my data",
		"Your request has been received. PRIV-318 has been created and our team will be in touch soon."))
	if r.Kind != AutoReply {
		t.Errorf("ticket acknowledgement: %s (%s)", r.Kind, r.KindReason)
	}
	// A person who thanks and asks in the body is still a request.
	r = c.Classify(msg("a@example.net", "Erase my data", "Thanks for your message. Please erase all my personal data."))
	if r.Kind != Request {
		t.Errorf("person: %s (%s)", r.Kind, r.KindReason)
	}
}

func TestBounceLanguageIsTheReturnedMails(t *testing.T) {
	c := newTestClassifier(t)
	body := "This is the mail system at host mx.example.\n\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\n" +
		"Onderwerp: Verwijder mijn gegevens\nIk wil dat u al mijn persoonsgegevens verwijdert en mij geen reclame meer stuurt. Met vriendelijke groet, en dank voor de moeite."
	r := c.Classify(msg("MAILER-DAEMON@mx.example", "Undelivered Mail Returned to Sender", body))
	if r.Kind != Bounce || r.Language != "nl" {
		t.Errorf("got %s %s, want bounce nl", r.Kind, r.Language)
	}
}

func TestExchangeNDRTextWithoutHeaders(t *testing.T) {
	c := newTestClassifier(t)
	for _, body := range []string{
		"La remise à ces destinataires ou groupes a échoué :\n\nrgpd@x.example\n\nJe vous prie d'effacer toutes mes données personnelles.",
		"Die Zustellung an folgende Empfänger oder Gruppen ist fehlgeschlagen:\n\nx@y.example\n\nBitte löschen Sie alle meine Daten.",
		"Delivery has failed to these recipients or groups:\n\nx@y.example\n\nPlease delete all my personal data.",
	} {
		if r := c.Classify(msg("someone@example.org", "hello", body)); r.Kind != Bounce {
			t.Errorf("%.40q: %s (%s)", body, r.Kind, r.KindReason)
		}
	}
}

func TestPersonReportingAnAutomaticMail(t *testing.T) {
	c := newTestClassifier(t)
	for _, x := range [][2]string{
		{"Still no answer", "I only got your automatic reply saying my request was received, but nothing since. Please delete my account and all my data."},
		{"Nog steeds niets", "Ik kreeg alleen een automatisch antwoord dat mijn verzoek is ontvangen. Ik wil nog steeds inzage in mijn gegevens."},
		{"Immer noch nichts", "Ich habe nur eine automatische Antwort erhalten, dass meine Anfrage eingegangen ist. Ich verlange weiterhin Auskunft nach Art. 15 DSGVO."},
		{"Toujours rien", "J'ai seulement reçu une réponse automatique disant que ma demande a bien été enregistrée. Je demande toujours l'effacement de mes données."},
		{"Your mail bounced", "My earlier mail to dpo@shop.example bounced with 'address not found'. So again: please erase my personal data."},
	} {
		if r := c.Classify(msg("p@example.net", x[0], x[1])); r.Kind != Request {
			t.Errorf("%s: %s (%s)", x[0], r.Kind, r.KindReason)
		}
	}
	// The automatic mail itself stays automatic.
	for _, body := range []string{
		"Dit is een automatisch antwoord. Ik ben afwezig tot 6 april.",
		"You have received this automatic reply because I am out of the office until Monday.",
		"Address not found. Your message wasn't delivered to x@y.example because the address couldn't be found.",
	} {
		if r := c.Classify(msg("p@example.net", "hello", body)); r.Kind == Request || r.Kind == NotARequest {
			t.Errorf("%.40q: %s (%s)", body, r.Kind, r.KindReason)
		}
	}
}

// TestAutomaticMailTextOnly: out-of-office replies, acknowledgements and
// bounces recognised from their text alone (a person's sender, no
// automation headers, a reply subject or a neutral one).
func TestAutomaticMailTextOnly(t *testing.T) {
	c := newTestClassifier(t)
	for _, x := range [][2]string{
		{"Re: Verzoek tot verwijdering", "Beste,\n\nIk ben met verlof tot 22 april. Mails worden niet gelezen. Voor dringende vragen: info@firma.example.\n\nMvg"},
		{"Re: inzageverzoek", "Hallo, ik zit tot en met vrijdag op een congres en heb beperkt toegang tot mijn mail. Ik reageer na terugkomst."},
		{"Re: Verzoek", "Bedankt voor uw e-mail. Ik werk op maandag, dinsdag en donderdag. Uw e-mail wordt op mijn eerstvolgende werkdag beantwoord."},
		{"Re: SAR", "Thanks for your email. I work part-time (Mon-Wed) and will respond on my next working day."},
		{"Re: Subject access request", "I am currently away from my desk and will respond to your email upon my return on 14 April."},
		{"Re: data deletion", "Hello, I'm on parental leave until September. Please direct any questions to hr@company.example."},
		{"AW: Auskunft", "Guten Tag, ich bin bis einschließlich 24.04. im Urlaub. Ihre E-Mail wird nicht weitergeleitet."},
		{"AW: Löschung", "Vielen Dank für Ihre Nachricht. Ich arbeite in Teilzeit und bin montags bis mittwochs erreichbar."},
		{"RE: Demande de suppression", "Bonjour, je suis en déplacement jusqu'au 15 avril et ne pourrai pas consulter mes e-mails. Pour toute urgence, contactez le 01 02 03 04 05."},
		{"RE: accès RGPD", "Merci pour votre message. Je suis actuellement en télétravail avec un accès restreint à ma messagerie, je vous répondrai dès que possible."},
		{"Thank you for contacting us", "Thank you for contacting Acme. This is an automated response confirming we have received your email. A member of our team will respond within 2 business days."},
		{"Bedankt voor je bericht", "Dit is een automatische bevestiging. We hebben je e-mail ontvangen en nemen binnen 3 werkdagen contact met je op."},
		{"Eingangsbestätigung", "Vielen Dank für Ihre E-Mail. Dies ist eine automatische Eingangsbestätigung. Wir melden uns schnellstmöglich bei Ihnen."},
		{"Accusé de réception", "Bonjour, nous accusons réception de votre courriel. Il sera traité dans les meilleurs délais. Ceci est un message automatique."},
		{"Mail delivery failed", "Diese Nachricht wurde automatisch vom Mailsystem erzeugt. Die Nachricht konnte nicht zugestellt werden. Empfänger unbekannt."},
		{"hello", "Votre message n'a pas pu être délivré. L'adresse est inconnue. Message d'origine: je veux que vous supprimiez mes données."},
		{"hello", "Uw bericht heeft sommige of alle geadresseerden niet bereikt. Onderwerp: inzage. Ik wil inzage in mijn gegevens."},
		{"hello", "Your message to privacy@x.example couldn't be delivered. privacy wasn't found at x.example. Original: please delete all my data."},
	} {
		r := c.Classify(msg("person@company.example", x[0], x[1]))
		if r.Kind != AutoReply && r.Kind != Bounce {
			t.Errorf("%s %.50q: %s (%s)", x[0], x[1], r.Kind, r.KindReason)
		}
	}
}

// TestRightsOneSentence: one everyday sentence per right and language.
func TestRightsOneSentence(t *testing.T) {
	c := newTestClassifier(t)
	for _, x := range [][2]string{
		{"access", "I would like to exercise my right of access under Article 15 of the GDPR."},
		{"access", "Please provide me with all information you hold about me, including any recordings of phone calls."},
		{"erasure", "I would like to exercise my right to erasure ('right to be forgotten')."},
		{"erasure", "Please remove all my personal information from your systems."},
		{"rectification", "My email address on file is out of date. Please update it to j.smith@example.org."},
		{"restriction", "I ask you to suspend the processing of my personal data until my complaint has been resolved."},
		{"portability", "Please send my data to my new provider directly."},
		{"objection", "I object to you processing my personal data on the basis of legitimate interests."},
		{"object_direct_marketing", "Please stop sending me promotional emails."},
		{"object_direct_marketing", "Don't call me again with offers."},
		{"automated_decision", "I do not want to be subject to a decision based solely on automated processing."},
		{"withdraw_consent", "I hereby withdraw my consent to the processing of my personal data."},
		{"access", "Ik wil gebruikmaken van mijn inzagerecht."},
		{"erasure", "Ik wil gebruikmaken van mijn recht op vergetelheid."},
		{"erasure", "Graag zou ik willen dat al mijn gegevens uit jullie systemen worden gehaald."},
		{"rectification", "Mijn e-mailadres is veranderd, kunt u dit aanpassen naar x@y.nl?"},
		{"restriction", "Ik verzoek u het gebruik van mijn gegevens tijdelijk stop te zetten totdat mijn klacht is behandeld."},
		{"portability", "Ik wil mijn gegevens meenemen naar een andere aanbieder."},
		{"objection", "Ik ben het niet eens met het gebruik van mijn gegevens voor analyses en maak daar bezwaar tegen."},
		{"object_direct_marketing", "Ik wil niet meer gebeld worden door uw organisatie."},
		{"withdraw_consent", "Ik trek mijn toestemming voor het gebruik van mijn gegevens in."},
		{"access", "Ich möchte wissen, welche Daten Sie über mich gespeichert haben."},
		{"erasure", "Bitte entfernen Sie alle meine Daten aus Ihrer Datenbank."},
		{"rectification", "Meine Telefonnummer hat sich geändert, bitte aktualisieren Sie sie."},
		{"restriction", "Bitte schränken Sie die Verarbeitung meiner Daten ein."},
		{"portability", "Bitte übermitteln Sie meine Daten an meinen neuen Stromanbieter."},
		{"objection", "Ich lege Widerspruch gegen die Verarbeitung meiner Daten ein."},
		{"object_direct_marketing", "Ich möchte keine Werbeanrufe mehr von Ihnen erhalten."},
		{"withdraw_consent", "Ich ziehe meine Einwilligung zurück."},
		{"access", "Je souhaite exercer mon droit d'accès à mes données personnelles."},
		{"erasure", "Je souhaite exercer mon droit à l'oubli."},
		{"rectification", "Mon adresse a changé, merci de la mettre à jour."},
		{"restriction", "Je vous demande de geler le traitement de mes données jusqu'à la résolution du litige."},
		{"portability", "Je souhaite récupérer mes données pour les transférer à un autre opérateur."},
		{"objection", "Je m'oppose au traitement de mes données à des fins d'analyse statistique."},
		{"object_direct_marketing", "Je ne veux plus recevoir d'appels commerciaux."},
		{"withdraw_consent", "Je retire mon consentement au traitement de mes données."},
		{"automated_decision", "Je refuse de faire l'objet d'une décision fondée exclusivement sur un traitement automatisé."},
	} {
		r := c.Classify(msg("p@example.net", "", x[1]))
		if !slices.Equal(r.Rights, []string{x[0]}) {
			t.Errorf("%q: rights %v, want %s", x[1], r.Rights, x[0])
		}
	}
}

// TestEverydayMailAndNegation: customer mail with words that sound like
// rights (remove an item, correct an order, a copy of an invoice) invokes
// none; negated rights do not count ("-" is no right and not a request).
func TestEverydayMailAndNegation(t *testing.T) {
	c := newTestClassifier(t)
	for _, x := range [][3]string{
		{"-", "Order", "Can you remove the second item from my order before it ships?"},
		{"-", "Abonnement", "Ik wil mijn abonnement op de krant stopzetten per 1 mei."},
		{"-", "Kündigung", "Hiermit kündige ich meinen Vertrag fristgerecht zum nächstmöglichen Zeitpunkt."},
		{"-", "Résiliation", "Merci de supprimer l'article de mon panier, il n'est plus disponible."},
		{"-", "Invoice copy", "Could you send me a copy of my last invoice? I can't find it in my account."},
		{"-", "Wrong item", "You sent me the wrong colour. Please correct the order and send the blue one."},
		{"-", "Lieferadresse", "Bitte ändern Sie die Lieferadresse meiner Bestellung 4411 auf Hauptstraße 5."},
		{"-", "Account locked", "My account is locked after too many login attempts, can you unlock it?"},
		{"-", "Retour", "Ik wil graag mijn geld terug voor de kapotte lamp."},
		{"-", "Question", "Do you ship to Belgium? And what are the delivery costs?"},
		{"-", "Facture", "Pouvez-vous m'envoyer une copie de ma facture de février ?"},
		{"-", "Thanks", "Thank you, I received the data export you sent. All good!"},
		{"erasure", "Account", "Please close my account and delete my data, I no longer use your service."},
		{"access", "Vraag", "Ik wil niet dat jullie iets verwijderen, ik wil alleen weten welke gegevens jullie hebben."},
		{"erasure", "Löschung", "Ich möchte nicht, dass Sie meine Daten weiter speichern. Bitte löschen Sie alles."},
		{"access", "Accès", "Je ne veux pas supprimer mon compte, je veux seulement savoir quelles données vous avez."},
		{"access,erasure", "Request", "Please send me a copy of my data. After that, delete everything."},
		{"object_direct_marketing", "Marketing", "I no longer want to receive marketing emails, but please keep my account open."},
	} {
		r := c.Classify(msg("p@example.net", x[1], x[2]))
		got := strings.Join(r.Rights, ",")
		if got == "" {
			got = "-"
		}
		if got != x[0] || x[0] == "-" && r.Kind == Request {
			t.Errorf("%q: %s %v, want %s", x[2], r.Kind, r.Rights, x[0])
		}
	}
}

// TestRepresentativePhrasing: written for someone else ("1") or for
// oneself ("0").
func TestRepresentativePhrasing(t *testing.T) {
	c := newTestClassifier(t)
	for _, x := range [][3]string{
		{"1", "Request on behalf of my client", "We represent Ms. Lee and request, on her behalf, a copy of all personal data you hold about her. Her signed authority is attached."},
		{"1", "My late father", "My father passed away last month. As executor of his estate I ask you to close his account and delete his data."},
		{"1", "Mijn zoon", "Mijn zoon van 12 heeft een account aangemaakt. Als ouder wil ik dat dit account wordt verwijderd."},
		{"1", "Verzoek", "Als gemachtigde van mevrouw De Groot verzoek ik u om inzage in haar persoonsgegevens. De machtiging is bijgevoegd."},
		{"1", "Auskunft", "Als gesetzlicher Betreuer von Herrn Maier beantrage ich Auskunft über die zu ihm gespeicherten Daten."},
		{"1", "Demande", "En tant que représentant légal de mon fils mineur, je demande la suppression de son compte."},
		{"1", "Löschung", "Ich schreibe für meine Frau, die kein Deutsch spricht: bitte löschen Sie ihr Konto."},
		{"0", "Delete", "My son told me about your privacy page. Please delete my own account."},
		{"0", "Inzage", "Ik wil inzage in mijn eigen gegevens, mijn advocaat weet hiervan."},
		{"0", "Auskunft", "Ich bitte um Auskunft über meine Daten."},
	} {
		r := c.Classify(msg("p@example.net", x[1], x[2]))
		if r.Representative != (x[0] == "1") {
			t.Errorf("%q: representative %v %v", x[2], r.Representative, r.RepresentativeEvidence)
		}
	}
}

// TestShortMailLanguageAndRight: terse mails and subject-only mails still
// get their language and a right.
func TestShortMailLanguageAndRight(t *testing.T) {
	c := newTestClassifier(t)
	for _, x := range [][3]string{
		{"nl", "", "verwijder mijn account aub"},
		{"en", "", "delete my account pls"},
		{"de", "", "Konto löschen bitte"},
		{"fr", "", "supprimer mon compte svp"},
		{"nl", "AVG inzageverzoek", ""},
		{"de", "DSGVO Auskunft", ""},
		{"fr", "RGPD droit d'accès", ""},
		{"en", "GDPR SAR", ""},
		{"nl", "GDPR request", "Hoi, kunnen jullie al mijn data deleten? Thanks!"},
		{"fr", "Data", "Bonjour, je voudrais que vous effaciez mes data. Merci"},
		{"de", "Account", "Hallo, bitte meinen Account und alle Daten deleten. Danke"},
		{"nl", "Stop", "Stop met bellen!!!"},
		{"de", "Werbung", "Keine Werbung mehr!"},
		{"fr", "Pub", "Plus de pub svp"},
		{"en", "Stop", "Stop calling me!"},
	} {
		r := c.Classify(msg("p@example.net", x[1], x[2]))
		if r.Language != x[0] || len(r.Rights) == 0 {
			t.Errorf("%q %q: language %s rights %v, want %s and a right", x[1], x[2], r.Language, r.Rights, x[0])
		}
	}
}
