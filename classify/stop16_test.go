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

// TestWithdrawalBesideErasure: the word model adds a withdrawal beside an
// erasure when a withdrawal phrase hinted at it ("ich widerrufe ... die
// Einwilligung ... Bitte entfernen Sie die Bilder"), as it already added
// an erasure beside a withdrawal; an erasure with no word of consent gets
// none.
func TestWithdrawalBesideErasure(t *testing.T) {
	c := newTestClassifier(t)
	for _, tt := range []struct {
		body string
		want bool
	}{
		{"ich widerrufe für meine Tochter Mia (Gruppe Igel) die Einwilligung zur Veröffentlichung von Fotos. Bitte entfernen Sie die Bilder von der Homepage.", true},
		{"Wij trekken onze toestemming voor de foto's van onze zoon Daan in. Haal de foto's alstublieft van de website en uit de nieuwsbrief.", true},
		{"Please delete my account and all the data you hold on me, I no longer use the app.", false},
		{"Bitte löschen Sie mein Kundenkonto und alle Daten dazu, ich bestelle nicht mehr bei Ihnen.", false},
	} {
		checkHasRight(t, c, tt.body, WithdrawConsent, tt.want)
		checkHasRight(t, c, tt.body, Erasure, true)
	}
}

// TestNegationOverOr: a negation carries over "or" to the next verb ("nicht
// geändert oder gelöscht", "not altered or deleted"), but not from "weet
// niet of" (whether), and "and" still ends it.
func TestNegationOverOr(t *testing.T) {
	c := newTestClassifier(t)
	for _, tt := range []struct {
		body string
		want bool
	}{
		{"Bitte geben Sie mir Auskunft über meine Daten. Bis zur Klärung sollen diese Daten nicht geändert oder gelöscht werden.", false},
		{"Please send me a copy of the recordings. They must not be altered or deleted while my claim is pending.", false},
		{"Merci de m'envoyer une copie de mon dossier et de ne pas le modifier ou supprimer avant la fin du litige.", false},
		{"I do not want my account closed or my order history deleted, I just don't want the adverts.", false},
		{"I don't want your newsletter anymore and please delete my account.", true},
	} {
		checkHasRight(t, c, tt.body, Erasure, tt.want)
	}
}

// TestBillingAddressIsAField: a billing address is kept in the customer's
// file, so correcting it is a rectification ("rectifier mon dossier :
// nom ..., adresse de facturation ..."); a delivery address still belongs
// to an order.
func TestBillingAddressIsAField(t *testing.T) {
	c := newTestClassifier(t)
	checkHasRight(t, c, "Je vous demande de bien vouloir rectifier mon dossier : nom Lefebvre-Roux, adresse de facturation 18 avenue Jean Jaurès, 69007 Lyon.", Rectification, true)
	checkHasRight(t, c, "Please correct my billing address to 4 Mill Lane, Leeds, it has been wrong on every bill since I moved.", Rectification, true)
	checkKind(t, c, "Bestelling 44120", "Kunnen jullie het bezorgadres van bestelling 44120 nog aanpassen naar Dorpsstraat 3? Ik ben die dag niet thuis.", NotARequest)
}

// TestErasureFromArticle: a name or photo taken out of a press article,
// and a French wish that data "soient supprimées" after a long subject.
func TestErasureFromArticle(t *testing.T) {
	c := newTestClassifier(t)
	checkAllHaveRight(t, c, Erasure,
		"Ik verzoek jullie mijn naam uit dat artikel te halen, of het hele artikel offline te halen. Het is 15 jaar geleden.",
		"On his behalf we request that you remove our client's name and photograph from the article of 14 March.",
		"Je souhaite également que les données collectées via ces traceurs depuis mars soient supprimées.",
	)
}

// TestNotDeliveredByAPerson: "It was NOT delivered" about a bag or a
// parcel is a person's complaint, not a delivery failure notice; a
// notice that names the message still is one.
func TestNotDeliveredByAPerson(t *testing.T) {
	c := newTestClassifier(t)
	checkKind(t, c, "Flight EX442", "The app says the bag was delivered. It was NOT delivered. And send me every bit of data you have on me, booking history, call notes, the lot.", Request)
	checkKind(t, c, "My parcel", "Tracking says my parcel was delivered on Tuesday but it was not delivered, nobody rang the bell. Where is it?", NotARequest)
	r := c.Classify(msg("Mail Delivery System <MAILER-DAEMON@mx.example.net>", "Undelivered Mail Returned to Sender", "Your message was not delivered to anna@example.org because the mailbox is full."))
	if r.Kind != Bounce {
		t.Errorf("delivery failure notice: %s (%s), want bounce", r.Kind, r.KindReason)
	}
}

// TestErasureOfAPronoun: "merci de l'enlever", "la détruire", "delete
// the bank statements I uploaded", "remove the photographs", "nehmt die
// Bilder raus" and "my name taken off them" ask for an erasure.
func TestErasureOfAPronoun(t *testing.T) {
	c := newTestClassifier(t)
	checkAllHaveRight(t, c, Erasure,
		"Il y a une photo de moi à l'arrivée sur votre page Facebook, merci de l'enlever. Dossard 4471.",
		"J'ai accepté l'identification par la voix il y a un an mais je ne veux plus. Pouvez-vous désactiver l'empreinte vocale et la détruire ?",
		"Please send me a copy of my file and delete the six months of bank statements I uploaded, which you no longer need.",
		"Please also remove the photographs of Oliver that are currently on the school website and on the Facebook page.",
		"Meine Einwilligung von damals widerrufe ich hiermit, bitte nehmt die Bilder raus.",
		"I don't want my forum posts deleted. But I want my real name and email taken off them and my profile gone.",
		"Konkret geht es um das Foto im Jahresprospekt und die Bilder vom Sommerfest. Bitte nehmen Sie diese herunter.",
		"There is a note under learning needs that says hearing difficulties. I don't have any hearing problems. Please delete that note completely.",
	)
}

// TestMarketingWrittenIndirectly: fundraising letters, sales calls and a
// one-line "haal me van jullie lijst" object to direct marketing.
func TestMarketingWrittenIndirectly(t *testing.T) {
	c := newTestClassifier(t)
	checkAllHaveRight(t, c, ObjectDirectMarketing,
		"I made a one-off donation in 2023. Since then I get a letter asking for more nearly every month. I would like these mailings to stop.",
		"Every time my contract gets near the end your loyalty team calls me. Can you mark my account so I don't get sales calls?",
		"haal me van jullie lijst",
		"Ich habe einmal gespendet und bekomme seitdem Spendenbriefe. Bitte schicken Sie mir keine Bettelbriefe mehr.",
		"J'ai fait un don l'an dernier et depuis je reçois des courriers chaque mois. Merci de ne plus m'écrire.",
	)
}

// TestErasureAskedAfterAStory: an erasure asked in the words people use
// after telling what happened.
func TestErasureAskedAfterAStory(t *testing.T) {
	c := newTestClassifier(t)
	checkAllHaveRight(t, c, Erasure,
		"Your ANPR cameras take a picture of every car. I'd like all the photos and records of my car (reg ending 4XKT) deleted please.",
		"Ik sta op een interne niet-verhuren-lijst. Ik wil dat mijn naam van die lijst wordt gehaald.",
		"De review mag blijven staan maar haal mijn achternaam en woonplaats eraf aub.",
		"Je retire mon accord et je demande la suppression de mon image et de mon gabarit biométrique.",
		"Graag ontvang ik een overzicht van alle gegevens. Daarna willen wij dat de medische en dieetinformatie wordt verwijderd.",
	)
	// A number taken off a call list is the marketing objection, not an
	// erasure.
	checkHasRight(t, c, "Jullie bellen me steeds over een nieuw abonnement. Haal mijn nummer van de bellijst.", Erasure, false)
}

// TestPersonAnswersAutomaticMail: a person who answers an out-of-office
// or forwards a bounce, and asks for a right in their own words, writes a
// request; the automatic mail itself, and a reply to one that asks
// nothing, stay automatic or no request.
func TestPersonAnswersAutomaticMail(t *testing.T) {
	c := newTestClassifier(t)
	checkKinds(t, c, []kindCase{
		{"AW: Abwesenheitsnotiz: Löschung meines Kundenkontos",
			"Da Sie bis zum 3. Januar nicht im Haus sind: Bitte leiten Sie meine Löschanfrage an Ihre Vertretung weiter. Ich möchte, dass mein Kundenkonto samt Bestellhistorie noch dieses Jahr gelöscht wird.", Request},
		{"WG: Unzustellbar: Auskunft nach Art. 15 DSGVO",
			"meine Mail an datenschutz@ kam als unzustellbar zurück, ich versuche es jetzt über diese Adresse. Ich bitte um Auskunft, welche Daten Sie über mich gespeichert haben.\n\nVon: Microsoft Outlook\nBetreff: Unzustellbar: Auskunft nach Art. 15 DSGVO\n\nDie Nachricht konnte nicht zugestellt werden.", Request},
		{"Abwesenheitsnotiz: Löschung meines Kundenkontos",
			"Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich 3. Januar nicht im Büro. Ihre E-Mail wird nicht weitergeleitet.", AutoReply},
		{"Re: Out of Office: invoice 4471",
			"I am out of the office until 12 December with limited access to email. For urgent matters please contact the service desk.", AutoReply},
	})
}

// TestHintInATellingSentence: a weight-1 phrase in a sentence that only
// tells ("Wij krijgen elke maand acceptgiro's") does not keep the word
// model from reading the right the next sentence asks ("Wilt u ons niet
// meer aanschrijven"), as it would if no phrase had read it.
func TestHintInATellingSentence(t *testing.T) {
	c := newTestClassifier(t)
	body := "Wij krijgen elke maand acceptgiro's en loten van uw stichting. Wij geven al aan de kerk. Wilt u ons niet meer aanschrijven. Dank u wel."
	checkSubjectHasRight(t, c, "Acceptgiro's", body, ObjectDirectMarketing, true)
	checkKind(t, c, "Acceptgiro's", body, Request)
}

// TestRestrictionWrittenPlainly: "het gebruik van deze gegevens te
// beperken", "de registratie te bevriezen", and "nix löschen ... nicht
// benutzen" restrict; the last erases nothing.
func TestRestrictionWrittenPlainly(t *testing.T) {
	c := newTestClassifier(t)
	checkAllHaveRight(t, c, Restriction,
		"Ik ben het niet eens met het medisch advies. Ik verzoek u daarom het gebruik van deze gegevens te beperken totdat de second opinion er is.",
		"Tevens verzoek ik u om, zolang ik de afwijzing aanvecht, de registratie te bevriezen en niet met derden te delen.",
	)
	checkHasRight(t, c, "Bitte jetzt nix löschen von meinen Daten, die brauche ich vielleicht vor Gericht. Aber bis das geklärt ist sollen Sie die auch nicht benutzen.", Erasure, false)
}

// TestPersonOnLeaveAsks: a person who mentions their leave and asks for a
// right in their own words writes a request; an absence notice that
// points privacy requests elsewhere, or asks the reader, stays automatic.
func TestPersonOnLeaveAsks(t *testing.T) {
	c := newTestClassifier(t)
	checkKinds(t, c, []kindCase{
		{"Auskunft nach Art. 15 DSGVO – Personalakte",
			"ich befinde mich seit Juli in Elternzeit und habe daher keinen Zugriff auf das Mitarbeiterportal. Ich bitte Sie um Auskunft über alle zu meiner Person gespeicherten Daten sowie um eine Kopie meiner Personalakte.", Request},
		{"Subject access request",
			"I'm on paternity leave until 11 January so I'm writing from my personal address. I'd like to make a subject access request: I want copies of the notes from my last two performance reviews.", Request},
		{"Kundenkonto löschen",
			"bitte löschen Sie mein Kundenkonto bei Ihnen mit allen gespeicherten Daten. Ich bin ab morgen drei Wochen im Urlaub, eine Bestätigung per Mail reicht völlig.", Request},
		{"Vakantie", "Ik ben met vakantie tot 4 januari. Uw mail met onderwerp \"Verzoek tot verwijdering van mijn gegevens\" heb ik ontvangen en lees ik na terugkomst.", AutoReply},
		{"Opposition – analyse de mes absences",
			"Je suis en arrêt maladie depuis le 3 octobre. J'ai appris par un collègue que le service RH a mis en place un tableau de bord absentéisme qui croise les arrêts et les badges pour calculer un score individuel.\n\nJe m'oppose à ce traitement de mes données à des fins d'analyse et de scoring. Merci de m'en retirer.", Request},
		{"Automatic reply: Your November statement is ready",
			"Hello, this mailbox is no longer monitored. I have moved to a new email address. Please update your records and send future messages there. This is an automated message.", AutoReply},
		{"Afwezig: Verzoek verwijdering",
			"Dank voor uw bericht. Ik ben tot en met maandag 7 december afwezig. Verzoeken om inzage of verwijdering van persoonsgegevens worden na mijn terugkomst binnen de wettelijke termijn afgehandeld.", AutoReply},
		{"Re: stoppen met panel",
			"Dit is een automatisch antwoord. Beste panellid, bedankt voor je bericht. Wil je je toestemming voor het gebruik van je antwoorden intrekken? Dat verwerken we handmatig.", AutoReply},
	})
}

// TestAccessToLogs: the login history of one's own account is asked for
// as access.
func TestAccessToLogs(t *testing.T) {
	c := newTestClassifier(t)
	checkHasRight(t, c, "Mijn mailbox is overgenomen. Kunnen jullie mij een overzicht sturen van alle inlogpogingen op mijn account van de afgelopen twee maanden, met de IP-adressen?", Access, true)
}

// TestRestrictionWhileDisputed: keeping a contested record out of use
// while the dispute runs, in the words of wordmodel78.
func TestRestrictionWhileDisputed(t *testing.T) {
	c := newTestClassifier(t)
	checkAllHaveRight(t, c, Restriction,
		"Mon crédit a été refusé à cause d'un incident de paiement que je conteste. Pendant l'examen, merci de geler cette information et de ne pas l'utiliser.",
		"Your claims handler mentioned notes on file about suspicious claims. While I contest them, I ask that they are not used in the assessment of my current claim.",
		"Het verslag van mijn jaargesprek klopt niet. En zolang dat niet rond is, hoop ik dat het niet meegenomen wordt in de beslissing over mijn contract.",
		"In meiner Akte steht eine Allergie, die ich nicht habe. Bitte korrigieren Sie das. Bis das geklärt ist, möchte ich nicht, dass dieser Eintrag an Apotheken weitergegeben wird.",
		"Ik verzoek u zolang mijn bezwaar bij de bezwarencommissie loopt, de huidige beoordeling niet te gebruiken voor de bonusberekening.",
	)
}

// TestPersonsWordsNotAutomatic: "my sick leave" discussed by a manager,
// and "reference" asked about four times, are a person's words, not an
// out-of-office or a ticket system's.
func TestPersonsWordsNotAutomatic(t *testing.T) {
	c := newTestClassifier(t)
	checkKind(t, c, "My manager discussed my sick leave in front of the whole team",
		"In Monday's team huddle my manager put up the team's absence overview, including my three weeks off. I thought medical stuff was confidential. Someone in privacy should know this is happening.", Request)
	checkKind(t, c, "What did you tell my new employer?",
		"A job offer was withdrawn after a reference check with you. The reference wasn't great, they said. I want to see exactly what was said or sent about me in that reference and who gave the reference. Please also tell me if anyone else asked for a reference about me.", Request)
	checkKind(t, c, "Automatic reply", "I am on my annual leave until 4 January with no access to email. During my sick leave your message will not be forwarded.", AutoReply)
}

// TestAccessToTheSource: where the data came from is asked as access, also
// with a reason after it whose "niet" negates nothing ("hoe u aan mijn
// telefoonnummer komt want dat staat niet in de telefoongids").
func TestAccessToTheSource(t *testing.T) {
	c := newTestClassifier(t)
	checkAllHaveRight(t, c, Access,
		"Ook wil ik weten hoe u aan mijn telefoonnummer komt want dat staat niet in de telefoongids.",
		"Stop daarmee graag. En ik wil weten hoe jullie aan mijn naam en adres komen.",
		"I have never given you my number. Tell me where you got it from and take me off every marketing list.",
	)
	checkHasRight(t, c, "Verwijder niks voordat ik een overzicht heb gehad van alles wat jullie van mij hebben.", Erasure, false)
}

// TestLastRoundPhrases: phrases found in holdout274-277's errors.
func TestLastRoundPhrases(t *testing.T) {
	c := newTestClassifier(t)
	checkHasRight(t, c, "Voordat jullie mijn gegevens opruimen wil ik eerst een kopie. En stuur me aub geen 'kom je terug' aanbiedingen.", ObjectDirectMarketing, true)
	checkHasRight(t, c, "hoi ik wil wete wat jullie allemaal van me hebbe opgeslage. mn account is kevin99", Access, true)
	checkHasRight(t, c, "Ich habe die Vollmacht meiner Tante. Bitte teilen Sie mir mit, welchen Personen oder Firmen Sie den Code und sonstige Angaben über meine Tante weitergegeben haben.", Access, true)
}

// checkAllHaveRight checks that each body is read with right.
func checkAllHaveRight(t *testing.T, c *Classifier, right string, bodies ...string) {
	t.Helper()
	for _, body := range bodies {
		checkHasRight(t, c, body, right, true)
	}
}

// TestDocumentCopyIsNoExport: a copy asked as a pdf or on paper is access,
// and the word model does not add a portability beside it; a file another
// app can read (GPX, CSV) still is portability.
func TestDocumentCopyIsNoExport(t *testing.T) {
	c := newTestClassifier(t)
	checkHasRight(t, c, "Ik wil graag inzage in mijn gegevens. Stuur de kopie alstublieft digitaal, in een gangbaar formaat zoals pdf.", Portability, false)
	checkHasRight(t, c, "Je passe sur une autre montre. Est-ce que je peux récupérer toutes mes sorties dans un fichier que l'autre appli sait lire, genre GPX ou FIT ? Je ne trouve qu'un export PDF.", Portability, true)
}
