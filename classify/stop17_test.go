package classify

import "testing"

// TestNoAdsIsTheObjection: "keine Werbe-SMS mehr", "ni pub ni sms" — a
// promotion word after a negation is the objection to direct marketing
// itself, not a wish against it: the word model may read the right
// there, while a negated promotion word in a mail about something else
// adds none. French "ne ... plus rien" is one negation ("je ne veux plus
// rien recevoir" asks to receive nothing any more).
func TestNoAdsIsTheObjection(t *testing.T) {
	c := newTestClassifier(t)
	checkAllHaveRight(t, c, ObjectDirectMarketing,
		"Guten Tag, bitte ab sofort keine Werbe-SMS und keine Rabattmails mehr an meine Nummer. Gruß, J. Brandt",
		"je ne veux plus rien recevoir de votre part, ni pub ni sms. merci",
	)
	for _, body := range []string{
		"Er zat geen folder bij mijn pakket, terwijl die wel beloofd was op de site. Bestelling 55120.",
		"I never got the promo code from your newsletter, my order 8812 was charged the full price.",
	} {
		checkHasRight(t, c, body, ObjectDirectMarketing, false)
	}
}

// TestPlusRienIsOneNegation: the "rien" of "ne ... plus rien" does not
// deny the phrase it stands in, while a "pas" there still does.
func TestPlusRienIsOneNegation(t *testing.T) {
	c := newTestClassifier(t)
	checkHasRight(t, c, "Bonjour, je ne veux plus rien recevoir de votre magasin, merci de me retirer de vos fichiers.", ObjectDirectMarketing, true)
	checkHasRight(t, c, "Je n'ai plus jamais reçu ma carte de fidélité depuis mon déménagement, pouvez-vous la renvoyer ?", ObjectDirectMarketing, false)
}

// TestAskedFavourOnMine: a person who mentions leave or illness and asks
// the reader a favour on their own data ("Could you export my …",
// "Könnten Sie meine Daten löschen") writes a request, not an
// out-of-office; an absence notice that points to a colleague or to the
// writer's return stays automatic.
func TestAskedFavourOnMine(t *testing.T) {
	c := newTestClassifier(t)
	checkKinds(t, c, []kindCase{
		{"while I'm away", "I'm on maternity leave until May. Could you delete my account and the photos I uploaded to my profile?", Request},
		{"Daten", "Ich bin derzeit krankgeschrieben und nutze die App nicht mehr. Könnten Sie bitte meine gespeicherten Daten löschen?", Request},
		{"compte", "Je suis en congé parental jusqu'en avril. Pourriez-vous m'envoyer une copie de mes données personnelles ?", Request},
		{"Afwezig", "Ik ben met ouderschapsverlof tot 1 maart. Kunnen jullie mij een kopie van mijn gegevens sturen?", Request},
		{"Out of office", "I am on parental leave until 3 March. Could you send your access or deletion requests to my colleague Pieter at privacy@example.com?", AutoReply},
		{"Afwezig", "Ik ben met zwangerschapsverlof tot 1 maart en lees mijn mail niet. Kunt u uw verzoek tot inzage na mijn terugkomst opnieuw sturen?", AutoReply},
	})
}

// TestObjectInGap: a phrase that reads a verb with its own object
// ("retirer mon accord", "verwijder mijn gegevens") is what is asked,
// not another right's phrase that reads on past it to a later word
// ("retirer ... vidéo"); marketing words after it still make the
// objection to direct marketing.
func TestObjectInGap(t *testing.T) {
	c := newTestClassifier(t)
	checkHasRight(t, c, "Je voudrais retirer mon accord pour cette vidéo de témoignage, merci de la retirer de votre page.", WithdrawConsent, true)
	checkHasRight(t, c, "Je retire mon accord pour cette photo, elle ne me plaît plus.", WithdrawConsent, true)
	checkHasRight(t, c, "Je demande la suppression de mes coordonnées de vos fichiers de prospection commerciale.", ObjectDirectMarketing, true)
}

// TestSilencedHintLeavesModel: a weight-1 hint that boilerplate or a
// product sentence silences keeps the phrases from counting it, but does
// not keep the word model from reading that right elsewhere in the mail.
func TestSilencedHintLeavesModel(t *testing.T) {
	c := newTestClassifier(t)
	checkHasRight(t, c, "Hallo, ich wechsle zu einem anderen Händler und hätte gern alle meine Daten (Bestellungen, Garantien, Geräte) als Datei, die ich weiterverarbeiten kann, also Excel oder CSV. In meinem Konto finde ich dafür keinen Knopf. Gruß Jens", Portability, true)
	checkHasRight(t, c, "In allen Briefen steht „Herr Peters“, im Profil ist „männlich“ eingetragen. Das stimmt nicht und in den Einstellungen kann ich es nicht ändern. Bitte auf „divers“ setzen. Danke, Kim Peters", Rectification, true)
}

// TestDroppedHintLeavesModel: a weight-1 hint that loses to another
// right's hint on the same word ("übernehmen" read as "die neue ...
// übernehmen") does not keep the word model from its right.
func TestDroppedHintLeavesModel(t *testing.T) {
	c := newTestClassifier(t)
	checkHasRight(t, c, "Guten Tag, ich ziehe nach Rostock und wechsle den Optiker. Bitte stellen Sie mir meine Messwerte und die Glasdaten in einem gängigen elektronischen Format bereit, damit der neue Optiker sie gleich übernehmen kann. Freundliche Grüße, Petra Hahn", Portability, true)
}

// TestNoticeNamesRightsWithoutAsking: automatic mail that names the
// rights to tell the reader where to send them ("Wenn Sie Auskunft ...
// wünschen, nutzen Sie bitte das Formular", "Pour l'exercice de vos
// droits ... vous pouvez saisir notre délégué") asks none of them, and a
// read receipt ("Not read: ...") is automatic.
func TestNoticeNamesRightsWithoutAsking(t *testing.T) {
	c := newTestClassifier(t)
	checkKinds(t, c, []kindCase{
		{"Ihre Nachricht", "Danke für Ihre E-Mail, wir melden uns bald. Wenn Sie Löschung oder Berichtigung Ihrer Daten wünschen, nutzen Sie bitte unser Online-Formular. Ihr Serviceteam", AutoReply},
		{"Votre courriel", "Nous accusons bonne réception de votre courriel, il sera transmis au service compétent. Pour l'exercice de vos droits (accès, effacement), vous pouvez saisir notre délégué : dpo@example.fr.", AutoReply},
		{"Not read: Please erase my account", "Your message was deleted without being read on 2 December 2026.", AutoReply},
	})
}

// TestPointsAtAutomaticMail: a person who names the reader's automatic
// mail ("Your auto-reply says …", "further to the automated
// acknowledgement below") writes about it and asks on top; a notice that
// says "Your mailbox is almost full" or "Ihre Nachricht wurde nicht
// gelesen" stays automatic.
func TestPointsAtAutomaticMail(t *testing.T) {
	c := newTestClassifier(t)
	checkKinds(t, c, []kindCase{
		{"still waiting", "I write for my father, who has dementia; I hold his power of attorney. Please close his account and delete his details. Your auto-reply said someone would respond within 48 hours, that was two weeks ago.", Request},
		{"FW: Automated acknowledgement", "We write further to the automated acknowledgement below. We act for Mrs Lee and request a copy of all personal data you hold concerning her.", Request},
		{"Postfach", "Dieses Postfach wird nicht mehr betreut. Ihre Nachricht wurde nicht gelesen. Für Datenschutzanliegen schreiben Sie an datenschutz@example.de.", AutoReply},
	})
}

// TestReceivedAutomaticMailTold: a person who tells that an automatic
// answer came ("Er kwam alleen een automatisch antwoord", "12 October:
// automated acknowledgement received") writes about it; a notice that
// received something speaks as "we" to "you".
func TestReceivedAutomaticMailTold(t *testing.T) {
	c := newTestClassifier(t)
	checkKinds(t, c, []kindCase{
		{"Nogmaals", "Op 3 oktober vroeg ik u om alle gegevens van mijn moeder te wissen; ik heb haar volmacht. Er kwam alleen een automatisch antwoord en daarna niets. Graag alsnog verwijderen.", Request},
		{"No answer", "I asked on 1 October for a copy of my data.\n\n- 2 October: automated acknowledgement received.\n- Today: nothing.\n\nPlease send the copy this week.", Request},
		{"Automatic reply", "Automated acknowledgement: we have received your message and will reply within five working days.", AutoReply},
	})
}

// TestFrenchIndicativeIsNoAsk: "vous effacez" tells what the reader
// does; only the imperative "effacez" asks. A restriction that says "ne
// les effacez pas" beside "je sais que vous effacez ..." asks no erasure.
func TestFrenchIndicativeIsNoAsk(t *testing.T) {
	c := newTestClassifier(t)
	body := "Bonjour, mon contrat se termine fin décembre. Je sais que vous effacez les relevés de pointage après le départ. Je vous demande de ne pas les effacer : j'en ai besoin pour un litige avec mon ancien chef. Gardez-les simplement."
	checkHasRight(t, c, body, Erasure, false)
	checkHasRight(t, c, body, Restriction, true)
	checkHasRight(t, c, "Effacez toutes mes données, s'il vous plaît, je quitte votre service.", Erasure, true)
}

// kindCase is a mail (subject and body) and the kind it should get.
type kindCase struct {
	subject, body string
	want          Kind
}

// checkKinds checks the kind of each case (checkKind).
func checkKinds(t *testing.T, c *Classifier, cases []kindCase) {
	t.Helper()
	for _, tt := range cases {
		checkKind(t, c, tt.subject, tt.body, tt.want)
	}
}
