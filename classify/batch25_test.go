package classify

import (
	"slices"
	"strings"
	"testing"
)

// Batch 25: generic patterns (a change verb near a personal field, a new
// value told, disagreement with an activity, "keep it but do nothing else
// with it"), each next to an everyday mail that is no request. These
// sentences are not in the corpus: they were written after the tuning to
// see whether the patterns carry over to other words.
func TestGenericPatterns(t *testing.T) {
	c := newTestClassifier(t)
	tests := []struct {
		body string
		want []string
	}{
		// rectification: a new value told and a change asked
		{"Please note my new address for your records: 4 High St, Bath.", []string{Rectification}},
		{"I've changed my name by deed poll. Please update your records.", []string{Rectification}},
		{"Hi, I've reverted to my maiden name (Jones). Please change it on the account.", []string{Rectification}},
		{"My last name was misspelled on my account: it's Smyth not Smith.", []string{Rectification}},
		{"Het telefoonnummer dat jullie van mij hebben klopt niet meer. Het is nu 0687654321.", []string{Rectification}},
		{"Mein Name wird bei Ihnen falsch geschrieben: richtig ist Müller mit ü.", []string{Rectification}},
		{"Vous avez toujours mon ancienne adresse à Nantes, j'habite maintenant à Rennes, 4 rue Victor Hugo.", []string{Rectification}},
		{"Vous avez mal orthographié mon nom, c'est Dupont avec un t.", []string{Rectification}},
		// ... and the other side: one order, a device, an introduction, a password
		{"Can I change my delivery address for order 123?", nil},
		{"Wijzig het adres van mijn bestelling 5531 alstublieft.", nil},
		{"Ma nouvelle adresse de livraison est 3 rue X, pouvez-vous modifier ma commande ?", nil},
		{"Kann ich mein Passwort im Kundenkonto ändern?", nil},
		{"My new phone arrived broken, can you replace it with a new one?", nil},
		{"Hoi, ik heet Piet. Kan ik de kleur van de bank nog aanpassen?", nil},
		{"Ik woon in Utrecht. Kan ik mijn afspraak wijzigen?", nil},
		{"Can I change the name on my gift card?", nil},
		{"We got married last week and bought our rings from you - thanks!", nil},
		// "in order to" is no order
		{"In order to verify my identity, please update my address in your records.", []string{Rectification}},
		// objection told as not wanting or disagreeing
		{"I don't want you to keep analysing what I watch to recommend things.", []string{Objection}},
		{"Please stop using my viewing history to guess what I like.", []string{Objection}},
		{"Ik wil niet dat mijn kijkgedrag wordt gebruikt om mij in te delen.", []string{Objection}},
		{"Ich möchte nicht, dass Sie mein Nutzungsverhalten auswerten.", []string{Objection}},
		{"Je ne veux pas que vous analysiez ce que je regarde.", []string{Objection}},
		{"I object to the fee you charged me for the late return.", nil},
		{"Ik ben het niet eens met de beoordeling van mijn klacht.", nil},
		{"Je ne suis pas d'accord avec le traitement de ma réclamation.", nil},
		{"I don't agree with the following terms of your new contract.", nil},
		// restriction: keep it, do nothing else with it
		{"Please don't do anything with my information until I confirm who I am, just keep it.", []string{Restriction}},
		{"Houd mijn gegevens maar gebruik ze niet tot de zaak rond is.", []string{Restriction}},
		{"Behalten Sie meine Daten, aber nutzen Sie sie bis zur Entscheidung nicht.", []string{Restriction}},
		{"Gardez mes données mais ne les traitez plus jusqu'à la fin de l'enquête.", []string{Restriction}},
		{"Kunnen jullie het pakket nog even bewaren tot zaterdag?", nil},
		{"Können Sie das Paket nur bis Freitag aufbewahren?", nil},
		{"J'ai gardé le ticket uniquement pour conserver la garantie.", nil},
		{"Please only store my card details if I tick the box.", nil},
		// a second round of everyday wording, written after the first
		{"Hi there, just letting you know I've changed my email to k.lee@mail.example, the old one is closed.", []string{Rectification}},
		{"Hello, my mobile is now 07123 456789, please use that from now on.", []string{Rectification}},
		{"My address on your system is still my parents' place. I live at 22 Rose Street now.", []string{Rectification}},
		{"I'm a customer of yours and my IBAN has changed. New IBAN: NL02RABO0123456789.", []string{Rectification}},
		{"Mijn achternaam is sinds kort Bakker in plaats van Visser.", []string{Rectification}},
		{"Jullie sturen alles nog naar mijn oude mailadres. Kunnen jullie mijn nieuwe gebruiken: a@b.nl?", []string{Rectification}},
		{"Sie haben noch meine alte E-Mail-Adresse. Die neue ist max@neu.de.", []string{Rectification}},
		{"Suite à mon mariage, mon nom est désormais Dubois. Merci de faire le changement.", []string{Rectification}},
		{"I don't like that you keep tabs on everything I buy. Please stop.", []string{Objection}},
		{"I'm not OK with you using my location data in the background.", []string{Objection}},
		{"Please don't profile me.", []string{Objection}},
		{"Ik heb er bezwaar tegen dat jullie mijn gesprekken opnemen.", []string{Objection}},
		{"Ik vind het niet goed dat jullie mijn aankopen analyseren.", []string{Objection}},
		{"Ich lehne es ab, dass Sie mein Verhalten in der App auswerten.", []string{Objection}},
		{"Merci de ne plus suivre mon activité sur votre site.", []string{Objection}},
		{"Je conteste l'utilisation de mes données pour établir un profil.", []string{Objection}},
		{"Arrêtez de suivre ma commande, elle est arrivée.", nil},
		{"Can you just store my data and not touch it until this is sorted out?", []string{Restriction}},
		{"Zolang de klacht loopt wil ik niet dat mijn gegevens worden gebruikt, alleen bewaard.", []string{Restriction}},
		{"Jusqu'à nouvel ordre, n'utilisez plus mes données, gardez-les seulement.", []string{Restriction}},
		{"Pendant l'examen de ma contestation, merci de ne pas traiter mes données.", []string{Restriction}},
		{"Ich wohne seit 20 Jahren in Köln und möchte meinen Termin ändern.", nil},
		{"Thanks, my address is now correct in your system.", nil},
		{"Is it possible to update my order with an extra cushion?", nil},
		{"I don't agree with your decision to refuse my refund.", nil},
		{"My new address is in the attachment, please send the invoice there.", nil},
		{"Kunnen jullie mijn klacht even bijhouden en mij op de hoogte houden?", nil},
		{"Mijn nieuwe telefoon doet het niet, kunnen jullie hem vervangen?", nil},
		{"Ich bin nicht damit einverstanden, dass die Rechnung so hoch ist.", nil},
		{"Die neue Lieferadresse ist Bahnhofstr. 2.", nil},
		{"Bitte bewahren Sie das Paket bis Montag auf.", nil},
		{"Je ne suis pas d'accord pour que le colis soit livré chez le voisin.", nil},
		{"Mon nouveau numéro de commande est 12345.", nil},
		// everyday wording of the other rights (third round)
		{"Can I see everything you've stored about me?", []string{Access}},
		{"Was wissen Sie eigentlich alles über mich?", []string{Access}},
		{"Please send my purchase history as a spreadsheet so I can move to another shop.", []string{Portability}},
		{"Can I get my playlist data in a file I can import elsewhere?", []string{Portability}},
		{"Je voudrais récupérer mes données pour les transférer ailleurs.", []string{Portability}},
		{"I never agreed to this. Take back my consent please.", []string{WithdrawConsent}},
		{"No more catalogues please.", []string{ObjectDirectMarketing}},
		{"Ik wil geen post meer van jullie.", []string{ObjectDirectMarketing}},
		{"Gooi mijn account maar weg, ik gebruik het niet meer.", []string{Erasure}},
		{"Bitte machen Sie mein Konto zu und werfen Sie alles weg.", []string{Erasure}},
		{"Mijn aanvraag is door de computer afgewezen, ik wil dat een medewerker ernaar kijkt.", []string{AutomatedDecision}},
		{"If this happens again I will move my money elsewhere.", nil},
		// German and French wording of the three rights (fourth round)
		{"Mein Vorname ist Jürgen, nicht Jürgen-Peter. Bitte passen Sie das an.", []string{Rectification}},
		{"Seit meiner Scheidung trage ich wieder meinen Geburtsnamen Krause.", []string{Rectification}},
		{"Bitte hinterlegen Sie meine neue Adresse: Lindenweg 4, 80331 München.", []string{Rectification}},
		{"Ihre Daten über mich sind veraltet, ich wohne nicht mehr in Hamburg.", []string{Rectification}},
		{"Je ne m'appelle plus Martin mais Bernard depuis mon mariage.", []string{Rectification}},
		{"Ne m'appelez plus pour vos offres.", []string{ObjectDirectMarketing}},
		{"Unterlassen Sie es bitte, mein Einkaufsverhalten zu analysieren.", []string{Objection}},
		{"Je ne veux plus que vous utilisiez mes données de géolocalisation.", []string{Objection}},
		{"Arrêtez d'analyser mes achats s'il vous plaît.", []string{Objection}},
		{"I don't consent to you tracking me and I object to it.", []string{Objection}},
		{"Merci de geler mon dossier jusqu'à la fin du litige.", []string{Restriction}},
		{"Zet mijn gegevens even op slot tot de klacht is afgehandeld.", []string{Restriction}},
		// informal one-liners (sixth round)
		{"hey can u delete my acc pls", []string{Erasure}},
		{"i want all my info gone from ur site", []string{Erasure}},
		{"Do you still have my details on file? If so please remove them.", []string{Erasure}},
		{"I want to know who you sold my email address to.", []string{Access}},
		{"Please take my photo off your Instagram.", []string{Erasure}},
		{"haal mijn foto van jullie website af", []string{Erasure}},
		{"ik heb nooit toestemming gegeven voor die nieuwsbrief, haal me eraf", []string{ObjectDirectMarketing}},
		{"Bitte rufen Sie mich nie wieder an.", []string{ObjectDirectMarketing}},
		{"If so, please remove the item from my basket.", nil},
		// objection to analysis, restriction while a complaint runs (eighth round)
		{"I'd like you to stop monitoring how I use your website.", []string{Objection}},
		{"You have no legitimate reason to analyse my purchases, so please stop.", []string{Objection}},
		{"Can you make sure my data isn't used for analytics anymore?", []string{Objection}},
		{"Opt me out of the data analysis programme.", []string{Objection}},
		{"Gebruik mijn gegevens niet meer voor analyses.", []string{Objection}},
		{"Bitte schließen Sie mich von der Profilbildung aus.", []string{Objection}},
		{"N'utilisez plus mes données à des fins d'analyse.", []string{Objection}},
		{"Please keep my account but stop processing my information while you investigate.", []string{Restriction}},
		{"Houd mijn account aan maar verwerk niets meer totdat de klacht is opgelost.", []string{Restriction}},
		{"Löschen Sie nichts, aber verarbeiten Sie meine Daten nicht weiter, bis die Beschwerde geklärt ist.", []string{Restriction}},
		{"Ne supprimez rien, mais cessez d'utiliser mes données jusqu'à la résolution de ma plainte.", []string{Restriction}},
		// questions and conditionals (ninth round)
		{"The phone number you have for me is out of use.", []string{Rectification}},
		{"Is it OK if I ask you not to use my data for profiling?", []string{Objection}},
		{"Would you please not analyse my shopping behaviour?", []string{Objection}},
		{"Ik zou het fijn vinden als jullie mijn aankopen niet meer analyseren.", []string{Objection}},
		{"Es wäre mir lieb, wenn Sie mein Nutzungsverhalten nicht mehr auswerten.", []string{Objection}},
		{"J'aimerais que vous n'analysiez plus mes achats.", []string{Objection}},
		{"Kunnen jullie het gebruik van mijn gegevens stopzetten zolang de klacht loopt?", []string{Restriction}},
		{"Can I change my appointment to next Tuesday?", nil},
		{"Please change the language of my account to Dutch.", nil},
		// tenth round
		{"Please update my preferences: I don't want any more marketing emails.", []string{ObjectDirectMarketing}},
		{"Ik wil mijn account niet verwijderen, maar wel mijn oude adres eruit halen.", []string{Erasure}},
		{"Ich möchte, dass Sie meine alte Adresse löschen und die neue eintragen.", []string{Erasure, Rectification}},
		{"I gave you permission to use my photo in the brochure, but I'd now like to take that back.", []string{WithdrawConsent}},
		{"Ik heb toestemming gegeven voor de foto op jullie website, maar die wil ik nu terugtrekken.", []string{WithdrawConsent}},
		{"Je ne donne plus mon accord pour la publication de ma photo.", []string{WithdrawConsent}},
		// access and erasure in everyday words (eleventh round)
		{"I'd like to see the notes your staff made about my complaint calls.", []string{Access}},
		{"Please provide me with all emails and chat logs about me.", []string{Access}},
		{"I want a printout of my customer file.", []string{Access}},
		{"Mag ik een afschrift van mijn klantdossier?", []string{Access}},
		{"Please make sure nothing of mine stays in your database.", []string{Erasure}},
		{"My ex-employer still has my CV on file, please destroy it.", []string{Erasure}},
		{"Zorg dat er niets meer van mij in jullie systemen staat.", []string{Erasure}},
		{"Mijn cv mag uit jullie bestand.", []string{Erasure}},
		{"Bitte sorgen Sie dafür, dass nichts mehr von mir bei Ihnen gespeichert ist.", []string{Erasure}},
		{"Faites en sorte qu'il ne reste plus rien de moi chez vous.", []string{Erasure}},
		{"Ik wil nooit meer iets van jullie horen.", []string{ObjectDirectMarketing}},
		{"Mijn naam mag uit de nieuwsbrief.", []string{ObjectDirectMarketing}},
		{"Nothing of mine was in the parcel you sent back.", nil},
		{"Het pakket kan weg, ik heb een nieuw besteld.", nil},
		{"Please destroy it, the voucher was a mistake.", nil},
		// decisions, portability, consent no longer given (twelfth round)
		{"The app flagged my account as fraud automatically. Please have an employee reconsider.", []string{AutomatedDecision}},
		{"Ik wil mijn foto's en albums downloaden om ze naar een andere dienst over te zetten.", []string{Portability}},
		{"Bitte schicken Sie mir meine Daten in einem Format, das ich bei einem anderen Anbieter hochladen kann.", []string{Portability}},
		{"I no longer agree to you sharing my data with your partners.", []string{WithdrawConsent}},
		{"Ik ga niet meer akkoord met het delen van mijn gegevens met partners.", []string{WithdrawConsent}},
		{"Ich bin nicht mehr damit einverstanden, dass Sie meine Daten an Partner weitergeben.", []string{WithdrawConsent}},
		{"Je ne suis plus d'accord pour que vous partagiez mes données avec vos partenaires.", []string{WithdrawConsent}},
		{"I no longer agree with your prices.", nil},
		// a field told wrong in other words (thirteenth round)
		{"You've spelt my name wrong again - it's Catherine with a C.", []string{Rectification}},
		{"There's a mistake in my address: it's flat 4, not flat 14.", []string{Rectification}},
		{"Could you swap my landline for my mobile as the main contact number?", []string{Rectification}},
		{"I'm now using a different email, please make a note of it: j@new.example", []string{Rectification}},
		{"Er staat een fout in mijn adres, het huisnummer is 14 en niet 41.", []string{Rectification}},
		{"Ich habe eine neue Handynummer, bitte speichern Sie diese statt der alten.", []string{Rectification}},
		{"In meiner Adresse ist ein Fehler: Hausnummer 12, nicht 21.", []string{Rectification}},
		{"Il y a une erreur dans mon adresse : c'est le numéro 12 et pas 21.", []string{Rectification}},
		{"Vous avez mal noté mon prénom, c'est Chloé.", []string{Rectification}},
		{"J'ai un nouveau numéro de téléphone, merci de le noter.", []string{Rectification}},
		{"There's a mistake in my order: I got two left shoes.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) {
			want := tt.want
			if want == nil {
				want = []string{}
			}
			r := c.Classify(msg("Jan <jan@example.net>", "", tt.body))
			if !slices.Equal(r.Rights, want) {
				t.Errorf("rights = %v, want %v (evidence %v)", r.Rights, want, r.Evidence)
			}
			// The evidence points at the matched words of the scanned
			// text (an empty subject, then the body).
			text := "\n" + tt.body
			for _, e := range r.Evidence {
				if e.Offset < 0 || e.Offset+len(e.Text) > len(text) || text[e.Offset:e.Offset+len(e.Text)] != e.Text {
					t.Errorf("evidence %q at %d is not the text there", e.Text, e.Offset)
				}
			}
		})
	}
}

// A mail that withdraws consent and no longer wants a processing is the
// withdrawal; an objection beside it needs a word that objects.
func TestConsentWithdrawalAbsorbsNotWanting(t *testing.T) {
	c := newTestClassifier(t)
	checkRights(t, c, "Ik wil niet dat jullie via de app mijn locatie volgen.", []string{Objection})
	checkRights(t, c, "Ik wil niet dat jullie via de app mijn locatie volgen. Ik trek mijn toestemming daarvoor in.", []string{WithdrawConsent})
	checkRights(t, c, "I withdraw my consent to location tracking, and I also object to you profiling me from my purchases.", []string{Objection, WithdrawConsent})
}

// Phrases of one right that read a same word count once; a phrase nested
// in another that reads other words counts on its own.
func TestNestedPhrasesCount(t *testing.T) {
	extra := []byte("erasure:1 zap ~4 blorf\nerasure:1 my ~1 wibble\nerasure:1 zap ~1 my\n")
	c, err := New(Options{ExtraPhrases: extra})
	if err != nil {
		t.Fatal(err)
	}
	// Apart from each other: 1 + 1.
	checkRights(t, c, "please zap the blorf and my wibble", []string{Erasure})
	// "my wibble" inside "zap ... blorf", reading other words: 1 + 1.
	checkRights(t, c, "please zap these two my wibble blorf", []string{Erasure})
	// "zap my" and "zap ... blorf" both read "zap": once, weight 1.
	checkRights(t, c, "please zap my blorf", []string{})
	// "zap my" reads a word of each of the others: one cluster.
	checkRights(t, c, "please zap my wibble blorf", []string{})
}

func TestWordClasses(t *testing.T) {
	extra := []byte("@gadget_xx frobnicator|wossname*\nrectification fix ~2 my ~2 @gadget_xx|@pfield_en ~3 quickly\n")
	c, err := New(Options{ExtraPhrases: extra})
	if err != nil {
		t.Fatal(err)
	}
	// The phrases alone: the word model may doubt a made-up word
	// ("frobnicator") and drop the right; this test is about classes.
	c.wm = nil
	for _, body := range []string{"Fix my frobnicator quickly.", "Fix my wossnames quickly.", "Fix my surname quickly."} {
		checkRights(t, c, body, []string{Rectification})
	}
	for _, tt := range []struct{ name, file, want string }{
		{"unknown class", "access copy ~2 @nothing_here\n", "unknown class"},
		{"twice", "@two_xx a|b\n@two_xx c\n", "defined twice"},
		{"bad name", "@Big a|b\n", "bad class name"},
		{"no words", "@empty_xx\n", "no words"},
		{"embedded name", "@pfield_en foo\n", "defined twice"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(Options{ExtraPhrases: []byte(tt.file)})
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "extra phrases:") {
				t.Errorf("error %v, want one naming the line and saying %q", err, tt.want)
			}
		})
	}
}

// A negation word counts in its own language only: French "pas" is a
// card in Dutch, English "t" is Dutch "'t", Dutch "noch" is German still.
func TestNegationInItsOwnLanguage(t *testing.T) {
	c := newTestClassifier(t)
	checkRights(t, c, "Verwijder mijn pas en al mijn gegevens.", []string{Erasure})
	checkRights(t, c, "Kun je 't account verwijderen?", []string{Erasure})
	checkRights(t, c, "Sie haben noch meine alte E-Mail-Adresse. Die neue ist max@neu.de.", []string{Rectification})
	// ... while each language's own negation still works
	checkRights(t, c, "Ik wil niet dat jullie mijn account verwijderen, ik wil alleen weten wat jullie van mij hebben.", []string{Access})
	checkRights(t, c, "Je ne demande pas la suppression de mes données.", []string{})
	checkRights(t, c, "Bitte löschen Sie mein Konto nicht.", []string{})
	checkRights(t, c, "I do not want my account deleted.", []string{})
}

// Whole everyday mails with a greeting and a signature (fifth round).
func TestGenericPatternsWholeMails(t *testing.T) {
	c := newTestClassifier(t)
	tests := []struct {
		subject, body string
		want          []string
	}{
		{"Adreswijziging", "Beste klantenservice,\n\nIk ben vorige maand verhuisd. Mijn nieuwe adres is Dorpsstraat 5, 1234 AB Ergens. Willen jullie dit aanpassen?\n\nMet vriendelijke groet,\nEls", []string{Rectification}},
		{"Name", "Dear Sir or Madam,\n\nI recently got married and would be grateful if you could reflect my new surname, Taylor, on my customer record.\n\nKind regards,\nAnna Taylor", []string{Rectification}},
		{"Profiling", "Hello,\n\nI have noticed that your app recommends products based on what I looked at earlier. I would prefer that you don't do this with my information.\n\nThanks,\nMark", []string{Objection}},
		{"Verarbeitung", "Sehr geehrte Damen und Herren,\n\nich habe gegen Ihre Kündigung Einspruch eingelegt. Bis darüber entschieden ist, dürfen meine Daten nicht an Dritte weitergegeben oder anderweitig genutzt werden.\n\nMit freundlichen Grüßen", []string{Restriction}},
		{"Telefoon", "Hoi! Ik heb een nieuw nummer: 06-98765432. Het oude werkt niet meer. Groetjes, Kim", []string{Rectification}},
		{"adresse", "Bonjour, je vous informe de mon changement d'adresse : 5 rue Neuve, 75001 Paris. Merci.", []string{Rectification}},
		{"Adreswijziging bestelling 4471", "Hallo,\n\nKan het pakket van bestelling 4471 naar mijn werkadres? Dat is Industrieweg 2 in Zwolle.\n\nGroet, Piet", []string{}},
		{"Change of delivery address", "Hi,\n\nCould my order #8812 go to my office instead? 1 Main St, Leeds.\n\nThanks", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.subject, func(t *testing.T) {
			r := c.Classify(msg("Jan <jan@example.net>", tt.subject, tt.body))
			if !slices.Equal(r.Rights, tt.want) {
				t.Errorf("rights = %v, want %v (evidence %v)", r.Rights, tt.want, r.Evidence)
			}
		})
	}
}

// A relative's request in everyday words (seventh round).
func TestRepresentativeRelatives(t *testing.T) {
	c := newTestClassifier(t)
	for _, tt := range []struct {
		body string
		rep  bool
	}{
		{"I'm writing for my elderly mum, who can't use email. Please delete her account.", true},
		{"Mijn dochter van 15 heeft zich aangemeld, verwijder haar account alstublieft.", true},
		{"Je vous écris pour ma grand-mère: merci de supprimer son compte.", true},
		{"Mein Vater hat kein E-Mail. Bitte löschen Sie sein Konto.", true},
		{"My son told me about your privacy page. Please delete my own account.", false},
		{"Please delete my account. Your colleague said his team would help.", false},
	} {
		r := c.Classify(msg("Jan <jan@example.net>", "", tt.body))
		if r.Representative != tt.rep {
			t.Errorf("%q: representative %v, want %v (%v)", tt.body, r.Representative, tt.rep, r.RepresentativeEvidence)
		}
	}
}
