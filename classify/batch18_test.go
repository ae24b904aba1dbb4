package classify

import (
	"slices"
	"strings"
	"testing"
)

// Batch 18: precision on formal letters that name many articles, each
// fix next to a mail that does invoke the right, so recall is kept.
func TestFormalLetterPrecision(t *testing.T) {
	c := newTestClassifier(t)
	tests := []struct {
		name, subject, body string
		want                []string
	}{
		// art. 15(1)(e): the rights an access request asks to be told about
		{"must inform me of my right to rectification, erasure or restriction", "",
			"Please send me a copy of my personal data. You must inform me of my right to rectification, erasure or restriction of processing and of my right to object.",
			[]string{Access}},
		{"informeren over mijn recht op rectificatie, wissing of beperking", "",
			"Graag een kopie van mijn persoonsgegevens. U dient mij ook te informeren over mijn recht op rectificatie, wissing of beperking van de verwerking en over mijn recht om bezwaar te maken.",
			[]string{Access}},
		{"informieren Sie mich über mein Recht auf Berichtigung, Löschung", "",
			"Bitte senden Sie mir eine Kopie meiner Daten. Informieren Sie mich dabei auch über mein Recht auf Berichtigung, Löschung oder Einschränkung der Verarbeitung sowie über mein Widerspruchsrecht.",
			[]string{Access}},
		{"m'informer de mon droit de demander la rectification", "",
			"Je demande une copie de mes données. Merci de m'informer également de mon droit de demander la rectification, l'effacement ou la limitation du traitement.",
			[]string{Access}},
		{"informing you that I exercise my right to erasure stays erasure", "",
			"I am informing you that I exercise my right to erasure under Article 17 GDPR.",
			[]string{Erasure}},
		{"exercising two rights by name stays two rights", "",
			"I hereby exercise my right to erasure and my right to object to processing based on legitimate interests.",
			[]string{Erasure, Objection}},
		// art. 15(1)(h): the logic of automated decisions is information
		{"list item asking the logic of automated decisions", "",
			"Under Art. 15 GDPR please send me a copy of my data and tell me whether you use automated decision-making or profiling, and if so, the logic involved.",
			[]string{Access}},
		{"geautomatiseerde besluitvorming en welke logica", "",
			"Op grond van artikel 15 AVG vraag ik een kopie van mijn gegevens.\n- of u geautomatiseerde besluitvorming gebruikt, en zo ja volgens welke logica.",
			[]string{Access}},
		{"an art. 22 request next to an access request keeps both", "",
			"My loan application was rejected automatically. Under Article 22(3) GDPR I request human intervention and contest the decision. Please also send me a copy of the data you used and explain the logic involved.",
			[]string{Access, AutomatedDecision}},
		// art. 17(2) and 19: other controllers and recipients are to be told
		{"17(2) copy or replication is not access", "",
			"Please erase all my personal data under Article 17(1) GDPR. If you have made it public, inform other controllers that I have requested the erasure of any links to, or copy or replication of, that data (Article 17(2)).",
			[]string{Erasure}},
		{"17 lid 2 kopie of reproductie", "",
			"Ik verzoek u al mijn gegevens te wissen. Laat andere verwerkingsverantwoordelijken weten dat ik vraag om iedere kopie of reproductie te verwijderen (artikel 17 lid 2 AVG).",
			[]string{Erasure}},
		{"Art. 17 Abs. 2 Kopien oder Replikationen", "",
			"Ich verlange die Löschung meiner Daten. Informieren Sie andere Verantwortliche, dass ich die Löschung von Kopien oder Replikationen verlangt habe.",
			[]string{Erasure}},
		{"17.2 copie ou reproduction", "",
			"Merci d'effacer mes données. Informez les autres responsables du traitement que je demande l'effacement de toute copie ou reproduction de celles-ci.",
			[]string{Erasure}},
		{"correction passed on to recipients (art. 19)", "",
			"Mijn huisnummer klopt niet, het is 41. Willen jullie dit aanpassen en de correctie ook doorgeven aan iedereen aan wie jullie mijn gegevens hebben verstrekt?",
			[]string{Rectification}},
		{"Berichtigung allen Empfängern mitteilen", "",
			"Mein Geburtsdatum ist falsch gespeichert. Bitte berichtigen Sie es und teilen Sie die Berichtigung allen Empfängern mit (Art. 19 DSGVO).",
			[]string{Rectification}},
		{"delete and inform all recipients keeps the erasure", "",
			"Please delete my data and inform all recipients you passed it to.",
			[]string{Erasure}},
		{"asking who the recipients are stays access", "",
			"I want to know which companies you have shared my personal data with.",
			[]string{Access}},
		// art. 15(2): transfers to third countries
		{"transfer to a third country is not portability", "",
			"Please send me a copy of my data. If my data is transferred to a third country, tell me which safeguards apply.",
			[]string{Access}},
		{"transfer to a new provider stays portability", "",
			"Please transfer my data directly to my new provider.",
			[]string{Portability}},
		// article lists and paragraphs
		{"subject list Articles 15 and 21(2)", "Requests under Articles 15 and 21(2) GDPR",
			"Please send me a copy of my data. I also object to any use of my data for marketing.",
			[]string{Access, ObjectDirectMarketing}},
		{"Art. 15 und Art. 21 Absatz 2", "Antrag nach Art. 15 und Art. 21 Absatz 2 DSGVO",
			"Bitte erteilen Sie mir Auskunft. Außerdem widerspreche ich der Nutzung meiner Daten für Werbung.",
			[]string{Access, ObjectDirectMarketing}},
		{"artikel 21, tweede lid", "", "Bezwaar op grond van artikel 21, tweede lid, AVG tegen reclame.", []string{ObjectDirectMarketing}},
		{"article 21, paragraphe 2", "", "Je m'oppose à la publicité (article 21, paragraphe 2, du RGPD).", []string{ObjectDirectMarketing}},
		{"article 21, paragraphe 1", "", "Je m'oppose au traitement de mes données (article 21, paragraphe 1, du RGPD).", []string{Objection}},
		{"Art. 21 Abs. 1 next to Werbung keeps both", "",
			"Ich widerspreche nach Art. 21 Abs. 1 DSGVO der Auswertung meines Kaufverhaltens. Außerdem möchte ich keine Werbung mehr.",
			[]string{ObjectDirectMarketing, Objection}},
		{"a bare bezwaar in a direct-marketing objection", "",
			"Ik maak bezwaar tegen het gebruik van mijn gegevens voor reclame (artikel 21 AVG). Laat u mij weten dat u mijn bezwaar heeft verwerkt?",
			[]string{ObjectDirectMarketing}},
		// call and mailing lists
		{"verwijder mijn nummer uit uw belbestanden", "", "Verwijder mijn nummer uit uw belbestanden.", []string{ObjectDirectMarketing}},
		{"Telefonnummer aus der Anrufliste", "", "Bitte löschen Sie meine Telefonnummer aus Ihrer Anrufliste.", []string{ObjectDirectMarketing}},
		{"numéro des listes d'appel", "", "Merci de retirer mon numéro de vos listes d'appel.", []string{ObjectDirectMarketing}},
		{"uit het klantenbestand stays erasure", "", "Verwijder mijn gegevens uit uw klantenbestand.", []string{Erasure}},
		{"mal écrit et erroné: rectification", "", "Mon code postal est erroné dans votre fichier : c'est 33000. Merci de le corriger.", []string{Rectification}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := c.Classify(msg("Jan <jan@example.net>", tt.subject, tt.body))
			if !slices.Equal(r.Rights, tt.want) {
				t.Errorf("rights = %v, want %v (evidence %v)", r.Rights, tt.want, r.Evidence)
			}
		})
	}
}

// A Yahoo/AOL bounce is a bounce by its text alone, whatever request the
// returned mail mentions.
func TestYahooBounceText(t *testing.T) {
	c := newTestClassifier(t)
	body := "Sorry, we were unable to deliver your message to the following address.\n\n<peter@yahoo.example>:\n554: delivery error: dd This user doesn't have a yahoo.com account\n\n--- Below this line is a copy of the message.\n\nSubject: Your access request\n\nYou asked us for a copy of your personal data."
	if r := c.Classify(msg("Peter <peter@example.net>", "hello", body)); r.Kind != Bounce {
		t.Errorf("kind = %s (%s), want bounce", r.Kind, r.KindReason)
	}
}

// "ignore-RIGHT" silences one right in its sentence and leaves the others.
func TestIgnoreOneRight(t *testing.T) {
	c, err := New(Options{ExtraPhrases: []byte("ignore-erasure shredder ~3 policy\n")})
	if err != nil {
		t.Fatal(err)
	}
	body := "Our shredder policy says: delete my data and send me a copy of my data."
	r := c.Classify(msg("x@example.net", "", body))
	if !slices.Equal(r.Rights, []string{Access}) {
		t.Errorf("rights = %v, want [access] (erasure silenced in its sentence)", r.Rights)
	}
	plain := newTestClassifier(t)
	if r := plain.Classify(msg("x@example.net", "", body)); !slices.Equal(r.Rights, []string{Access, Erasure}) {
		t.Errorf("without the extra phrase: rights = %v, want [access erasure]", r.Rights)
	}
	if _, err := New(Options{ExtraPhrases: []byte("ignore-acces copy\n")}); err == nil || !strings.Contains(err.Error(), "extra phrases:1:") || !strings.Contains(err.Error(), `unknown right "acces"`) {
		t.Errorf("error %v, want it to name line 1 and the unknown right", err)
	}
}

// Batch 19: everyday phrasings that were weak in the blind holdout5 look.
func TestEverydayPhrasingBatch19(t *testing.T) {
	c := newTestClassifier(t)
	tests := []struct {
		name, body string
		want       []string
	}{
		{"where did you get my number", "Where did you get my number from?", []string{Access}},
		{"how can I get my address changed is no access", "How can I get my address changed?", []string{Rectification}},
		{"hoe komen jullie aan mijn persoonsgegevens", "Hoe komen jullie aan mijn persoonsgegevens?", []string{Access}},
		{"waar vandaan", "Waar hebben jullie mijn adres vandaan?", []string{Access}},
		{"woher", "Woher haben Sie meine Anschrift?", []string{Access}},
		{"comment avez-vous obtenu", "Comment avez-vous obtenu mon adresse e-mail ?", []string{Access}},
		{"wat doen jullie met mijn bestelling is nothing", "Wat doen jullie met mijn bestelling?", nil},
		{"nog steeds nieuwsbrief", "Ik ontvang nog steeds jullie nieuwsbrief.", []string{ObjectDirectMarketing}},
		{"trotzdem Werbemails", "Ich bekomme trotzdem weiterhin Ihre Werbemails.", []string{ObjectDirectMarketing}},
		{"stop using my details for marketing", "Please stop using my details for marketing purposes.", []string{ObjectDirectMarketing}},
		{"stop met gebruiken voor reclame", "Stop met het gebruiken van mijn adres voor reclame.", []string{ObjectDirectMarketing}},
		{"Daten für Werbezwecke verwenden", "Ich will nicht mehr, dass Sie meine Daten für Werbezwecke verwenden.", []string{ObjectDirectMarketing}},
		{"stop processing until sorted out", "Please stop processing my data until it has been sorted out.", []string{Restriction}},
		{"stop using my data for now", "Please stop using my data for now.", []string{Restriction}},
		{"stop using my data now stays an objection", "Please stop using my data now!", []string{Objection}},
		{"achternaam wijzigen in a long sentence", "Kunnen jullie mijn achternaam in het klantaccount en op alle post wijzigen?", []string{Rectification}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkRights(t, c, tt.body, tt.want) })
	}
}

// A sales pitch that names privacy requests is not a request.
func TestSalesPitchAboutRequests(t *testing.T) {
	c := newTestClassifier(t)
	for _, body := range []string{
		"Our platform lets companies like yours answer access and deletion requests in minutes. Would you be open to a quick chat this week?",
		"Mit unserer Software beantworten Sie Auskunfts- und Löschanfragen nach DSGVO in wenigen Minuten. Vereinbaren Sie jetzt eine kostenlose Demo!",
		"Notre plateforme gère automatiquement vos demandes d'accès et d'effacement au titre du RGPD. Réservez une démo gratuite dès aujourd'hui !",
	} {
		if r := c.Classify(msg("Sales <sales@vendor.example>", "", body)); r.Kind != NotARequest {
			t.Errorf("%.40q: kind %s (%s) rights %v, want not_a_request", body, r.Kind, r.KindReason, r.Rights)
		}
	}
}

// Batch 20: a sentence that states the rights one has and asks nothing
// lists them; a sentence that asks keeps them.
func TestStatedRightsList(t *testing.T) {
	c := newTestClassifier(t)
	tests := []struct {
		name, body string
		want       []string
	}{
		{"preamble listing three rights, then access", "Under the GDPR I have the right to access, rectification and erasure of my personal data. At this stage I only want a copy of my data.", []string{Access}},
		{"privacy policy says", "Your privacy policy says I have the right to access, rectify and erase my data. I would like to use my right of access.", []string{Access}},
		{"nl preambule", "Volgens de AVG heb ik recht op inzage, correctie en verwijdering van mijn persoonsgegevens. Op dit moment wil ik alleen inzage.", []string{Access}},
		{"de Präambel", "Laut Ihrer Datenschutzerklärung habe ich ein Recht auf Auskunft, Berichtigung und Löschung. Ich bitte um Auskunft.", []string{Access}},
		{"fr préambule", "Selon le RGPD, je dispose d'un droit d'accès, de rectification et d'effacement. Je souhaite seulement exercer mon droit d'accès.", []string{Access}},
		{"one right stated keeps it", "I have the right to erasure, so delete my data.", []string{Erasure}},
		{"stated and asked in one sentence keeps both", "I have the right to access and erasure, so send me my data and delete it.", []string{Access, Erasure}},
		{"nl stated and asked keeps both", "Ik heb recht op inzage en verwijdering, dus stuur mij mijn gegevens en verwijder ze daarna.", []string{Access, Erasure}},
		{"an erasure phrase does not swallow a right listed before it", "Ik wil inzage en verwijdering van mijn gegevens.", []string{Access, Erasure}},
		{"it still reads what it erases", "Hallo, wil mijn account opheffen en alles wat jullie van mij hebben wissen.", []string{Erasure}},
		{"stuur mij mijn gegevens", "Stuur mij mijn gegevens.", []string{Access}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkRights(t, c, tt.body, tt.want) })
	}
}

// Ask and statement words do not vote for a language: "stop" and "pas"
// are words of several languages.
func TestAskWordsDoNotDecideLanguage(t *testing.T) {
	c := newTestClassifier(t)
	if r := c.Classify(msg("x@example.net", "STOP", "Stop aux mails commerciaux. Je ne veux plus rien recevoir.")); r.Language != "fr" {
		t.Errorf("language = %s, want fr", r.Language)
	}
}

// Batch 21: informal one-liners.
func TestInformalOneLinersBatch21(t *testing.T) {
	c := newTestClassifier(t)
	tests := []struct {
		body string
		want []string
	}{
		{"ik wil geen e-mails meer ontvangen van jullie", []string{ObjectDirectMarketing}},
		{"haal me van jullie lijst af", []string{ObjectDirectMarketing}},
		{"gebruik mijn gegevens niet zolang mijn klacht loopt", []string{Restriction}},
		{"can i see my data?", []string{Access}},
		{"dont send me any more promotional texts", []string{ObjectDirectMarketing}},
		{"don't send me any more promotional texts", []string{ObjectDirectMarketing}},
		{"Ich möchte wissen, was Sie über mich gespeichert haben.", []string{Access}},
		{"ich will mein konto loswerden mitsamt allen daten", []string{Erasure}},
		{"hört auf mir ständig emails zu schicken", []string{ObjectDirectMarketing}},
		{"bitte verwenden sie meine daten nicht mehr bis das geklärt ist", []string{Restriction}},
		{"envoyez-moi mes données svp", []string{Access}},
		// and what they must not catch
		{"Can I get my order delivered on Saturday?", nil},
		{"Haal me om vijf uur van het station af.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) { checkRights(t, c, tt.body, tt.want) })
	}
}

// Batch 22: camera footage, content with one's name, call stops, and
// portability that is not also access.
func TestBatch22(t *testing.T) {
	c := newTestClassifier(t)
	tests := []struct {
		body string
		want []string
	}{
		{"Mag ik de camerabeelden van 12 maart waarop ik sta?", []string{Access}},
		{"Ik maak bezwaar tegen camerabeelden waarop ik te zien ben.", []string{Objection}},
		{"Bitte schicken Sie mir eine Kopie der Videoaufnahmen, auf denen ich zu sehen bin.", []string{Access}},
		{"Je souhaite obtenir les images de vidéosurveillance sur lesquelles j'apparais.", []string{Access}},
		{"I left a review with my full name on your site. Can you remove it?", []string{Erasure}},
		{"Ik heb een review met mijn volledige naam geplaatst. Kunnen jullie die verwijderen?", []string{Erasure}},
		{"J'ai publié un commentaire avec mon nom. Pourriez-vous le retirer ?", []string{Erasure}},
		{"Je vous demande de cesser ces appels commerciaux.", []string{ObjectDirectMarketing}},
		{"Please provide the personal data I have given you in a machine-readable format.", []string{Portability}},
		{"Under Articles 15 and 20 GDPR, please send me a copy of my data in a machine-readable format.", []string{Access, Portability}},
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) { checkRights(t, c, tt.body, tt.want) })
	}
}

// Batch 23: more objects of an erasure, a person instead of a machine,
// typo-ridden access questions, objection to tracking.
func TestBatch23(t *testing.T) {
	c := newTestClassifier(t)
	tests := []struct {
		body string
		want []string
	}{
		{"Verwijder alsjeblieft mijn bestelgeschiedenis en mijn opgeslagen adressen.", []string{Erasure}},
		{"Ik wil weten wat er over mij in jullie systeem staat.", []string{Access}},
		{"Now that I've left, please erase my fingerprint and photo from your door system.", []string{Erasure}},
		{"Merci de supprimer ma photo de profil et mon empreinte de vos fichiers.", []string{Erasure}},
		{"My application was declined within seconds. I want a member of staff to look at the decision again, not a machine.", []string{AutomatedDecision}},
		{"can u send me al the personal infomation u have on me pls", []string{Access}},
		{"I object to you analysing my browsing behaviour to build a profile of me.", []string{Objection}},
		{"Bis zur Klärung darf der Eintrag nicht an Dritte übermittelt werden.", []string{Restriction}},
		{"Ich bekomme von Ihnen dauernd Werbebriefe. Bitte unterlassen Sie das.", []string{ObjectDirectMarketing}},
		// an erasure of "the data you hold about me" is no access request
		{"Please erase all the personal data you hold about me.", []string{Erasure}},
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) { checkRights(t, c, tt.body, tt.want) })
	}
}

// A headerless out-of-office that refers readers elsewhere for their
// rights is never a request; a person who names their own request is.
func TestOutOfOfficeReferral(t *testing.T) {
	c := newTestClassifier(t)
	r := c.Classify(msg("Mike <mike@agency.example>", "Re: Your request", "I am currently on leave. For requests to access or delete your personal data, write to dpo@agency.example."))
	if r.Kind == Request {
		t.Errorf("kind = request %v (%s), want no request", r.Rights, r.KindReason)
	}
	r = c.Classify(msg("Jan <jan@example.net>", "", "For my request to delete my data, please write to my new address."))
	if !slices.Equal(r.Rights, []string{Erasure}) {
		t.Errorf("rights = %v, want [erasure]", r.Rights)
	}
}

// Batch 24: asking whether one's data goes to other companies is access
// (art. 15(1)(c)); telling them to stop is not; an erasure of "everything
// you have about me" is not also access.
func TestBatch24(t *testing.T) {
	c := newTestClassifier(t)
	tests := []struct {
		body string
		want []string
	}{
		{"Do you share my details with other companies? If so, which ones?", []string{Access}},
		{"Stop selling my information to third parties.", []string{Objection}},
		{"I don't want you to share my data with other companies.", []string{Objection}},
		{"Please stop sharing my details with other companies for marketing.", []string{ObjectDirectMarketing}},
		{"Delen jullie mijn gegevens met andere bedrijven?", []string{Access}},
		{"Geben Sie meine Daten an andere Firmen weiter?", []string{Access}},
		{"Hören Sie auf, meine Daten an andere Firmen weiterzugeben.", []string{Objection}},
		{"Partagez-vous mes données avec d'autres entreprises ?", []string{Access}},
		{"Löschen Sie alles, was Sie über mich haben.", []string{Erasure}},
		{"Effacez tout ce que vous avez sur moi.", []string{Erasure}},
		{"Auf Ihrer Webseite ist ein Foto von mir. Bitte entfernen Sie es.", []string{Erasure}},
		{"Bitte entfernen Sie das Produkt aus meinem Warenkorb.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) { checkRights(t, c, tt.body, tt.want) })
	}
}

// checkRights classifies body, from an ordinary sender without a subject,
// and checks that it gets exactly the rights want (none when want is empty).
func checkRights(t *testing.T, c *Classifier, body string, want []string) {
	t.Helper()
	r := c.Classify(msg("Jan <jan@example.net>", "", body))
	if !slices.Equal(r.Rights, want) {
		t.Errorf("rights = %v, want %v (evidence %v)", r.Rights, want, r.Evidence)
	}
}

// checkHasRight classifies body, from an ordinary sender with subject
// "gegevens", and checks whether it holds right (want) or not.
func checkHasRight(t *testing.T, c *Classifier, body, right string, want bool) {
	t.Helper()
	checkSubjectHasRight(t, c, "gegevens", body, right, want)
}

// checkKind checks the kind of a person's mail with subject and body.
func checkKind(t *testing.T, c *Classifier, subject, body string, want Kind) {
	t.Helper()
	if r := c.Classify(msg("Jan <jan@example.net>", subject, body)); r.Kind != want {
		t.Errorf("%.50q: %s (%s), want %s", body, r.Kind, r.KindReason, want)
	}
}

// checkSubjectHasRight is checkHasRight for a mail with its own subject.
func checkSubjectHasRight(t *testing.T, c *Classifier, subject, body, right string, want bool) {
	t.Helper()
	r := c.Classify(msg("Jan <jan@example.net>", subject, body))
	if got := slices.Contains(r.Rights, right); got != want {
		t.Errorf("%q: %s %v, want %v (%s %v, %s)", body, right, got, want, r.Kind, r.Rights, r.KindReason)
	}
}
