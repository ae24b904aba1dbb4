package classify

import "testing"

// TestHelpDeskQuotingRequest: a help desk's survey, receipt, status mail or
// chat transcript without automation headers, sent from an address that
// looks like a person's, quotes the request it answers (holdout371,
// wordmodel104a): it is automatic, whatever right the quoted words name.
func TestHelpDeskQuotingRequest(t *testing.T) {
	c := newTestClassifier(t)
	for _, tc := range []struct{ name, subject, body string }{
		{"survey with bracketed scale", "Hoe hebben wij u geholpen? (aanvraag 482913)",
			"Beste M. van Dijk,\n\nOnlangs heeft u contact gehad met onze klantenservice over \"verwijder mijn gegevens\".\n\nHoe tevreden bent u over de afhandeling?\n\n[Zeer tevreden]  [Tevreden]  [Neutraal]  [Ontevreden]  [Zeer ontevreden]\n\nAlvast bedankt!\nGlasnet"},
		{"survey with emoji scale", "How did we do?",
			"Hi Karen,\n\nYou recently chatted with us about \"can you tell me what data you keep about me\". How would you rate the conversation?\n\n😞   😐   😃\n\nThanks for helping us improve!"},
		{"survey with number scale", "Votre avis",
			"Bonjour,\n\nNous avons clôturé votre demande « stop les sms de promo ».\nSur une échelle de 0 à 10, recommanderiez-vous notre service client ?\n\n0 1 2 3 4 5 6 7 8 9 10\n\nMerci de votre participation."},
		{"survey with named options", "Ihre Meinung ist uns wichtig",
			"Guten Tag Herr Yilmaz,\n\nIhr Anliegen \"Ratenkauf abgelehnt – bitte Mensch prüfen lassen\" wurde abgeschlossen.\nWie zufrieden waren Sie mit der Bearbeitung?\n\nsehr zufrieden · zufrieden · neutral · unzufrieden · sehr unzufrieden"},
		{"receipt with the request below a separator", "[Maison Claire] suppression de mon compte",
			"Votre demande (90412) a bien été reçue et sera examinée par notre équipe d'assistance.\n\nPour ajouter des commentaires, répondez simplement à cet e-mail.\n\n----------------------------------------------\n\nMarie Dupont, 27 nov. 2026, 22:31 UTC+1\n\nBonjour, je veux que vous supprimiez mon compte et toutes mes données.\n\n----------------------------------------------\nCet e-mail est un service de Maison Claire."},
		{"status mail with ticket fields", "Vorfall INC0107733",
			"Sehr geehrte Frau Scholz,\n\nder Status Ihres Vorfalls INC0107733 wurde auf \"In Bearbeitung\" gesetzt.\nKurzbeschreibung: Patientenakte Auskunft / Kopie Befunde\nZugewiesen an: Datenschutz & Informationssicherheit\n\nRef:MSG0882214"},
		{"chat transcript", "Dein Chatverlauf",
			"Hier ist eine Kopie deines Gesprächs:\n\nDu (14:02): die nummer gehört nicht mehr mir, bitte austragen\nLukas (14:05): Danke, ich habe das an das Team weitergegeben.\n\nBewerte das Gespräch: 👍 👎"},
		{"agent comment and link bar", "hello",
			"Répondez au-dessus de cette ligne.\n\nVotre demande RGPD-145 est passée à l'état : Résolu.\nCommentaire de Léa (DPO) : « Le profilage publicitaire a été désactivé sur votre compte. »\n\nVoir la demande · Ne plus recevoir de notifications"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := c.Classify(msg("Klantenservice <jess@lumen.example.com>", tc.subject, tc.body))
			if r.Kind != AutoReply {
				t.Errorf("kind %s %v (%s), want auto_reply", r.Kind, r.Rights, r.KindReason)
			}
		})
	}
}

// TestHelpDeskQuoteNotPerson: the same structure around a person's own
// words stays the person's request: a person who quotes what they asked
// before, or what the desk answered, and asks in their own words; a
// person whose letter has a subject line and a quote but says "I"
// outside them; a reply that quotes a receipt.
func TestHelpDeskQuoteNotPerson(t *testing.T) {
	c := newTestClassifier(t)
	for _, tc := range []struct{ name, subject, body string }{
		{"quotes own earlier request and repeats it", "nog steeds niets",
			"Op 3 november schreef ik u: \"verwijder mijn gegevens\". U bevestigde de ontvangst van uw aanvraag, maar ik hoor niets. Verwijder nu alstublieft mijn gegevens."},
		{"quotes the receipt and asks", "Ticket 4411",
			"Your system said \"We have received your request and will reply within 5 working days\". That was six weeks ago. I want a copy of my data now.\n\nTicket: 4411\nStatus: open"},
		{"letter with subject line, I outside", "Verzoek",
			"Onderwerp: verzoek tot verwijdering\n\nGeachte heer, mevrouw,\n\nBedankt voor uw bericht van 2 mei. Ik wil dat u al mijn gegevens wist.\n\nMet vriendelijke groet,\nJan"},
		{"rating line in a person's mail that asks", "Survey",
			"I got your survey:\n0 1 2 3 4 5 6 7 8 9 10\nI don't want surveys. Please delete my email address from your systems."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := c.Classify(msg("Jan Person <jan.person@example.org>", tc.subject, tc.body))
			if r.Kind != Request {
				t.Errorf("kind %s (%s), want request", r.Kind, r.KindReason)
			}
		})
	}
}

// TestRatingScale: the survey scales ratingScale knows, and lines that are
// not one.
func TestRatingScale(t *testing.T) {
	for _, s := range []string{
		"0 1 2 3 4 5 6 7 8 9 10",
		"1 | 2 | 3 | 4 | 5",
		"[Zeer tevreden]  [Tevreden]  [Neutraal]  [Ontevreden]",
		"sehr zufrieden · zufrieden · neutral · unzufrieden",
		"😞   😐   😃",
		"Bewerte das Gespräch: 👍 👎",
	} {
		if !ratingScale(s) {
			t.Errorf("ratingScale(%q) = false, want true", s)
		}
	}
	for _, s := range []string{
		"1 2 3",
		"2 3 4 5 6",
		"Jan Jansen | Sales | +31 20 123 4567",
		"Thanks! 😀😀",
		"[1] see the attachment [2] my old letter [3] your answer",
		"Home · About us · Contact",
	} {
		if ratingScale(s) {
			t.Errorf("ratingScale(%q) = true, want false", s)
		}
	}
}

// TestQuotedRegionParts: the line shapes quotedRegions reads.
func TestQuotedRegionParts(t *testing.T) {
	if k, ok := labelledLine("Kurzbeschreibung: Patientenakte Auskunft"); !ok || k != len("Kurzbeschreibung:") {
		t.Errorf("labelledLine: %d %v", k, ok)
	}
	if _, ok := labelledLine("Klantnummer: 12345"); ok {
		t.Error("a customer number is not the person's words")
	}
	if k, ok := chatLine("Du (14:02): bitte austragen"); !ok || k != len("Du (14:02):") {
		t.Errorf("chatLine: %d %v", k, ok)
	}
	if k, ok := chatLine("[14:02] Lukas: ok"); !ok || k != len("[14:02] Lukas:") {
		t.Errorf("chatLine bracketed: %d %v", k, ok)
	}
	if _, ok := chatLine("Ik bel u morgen (na 14:00): graag terugbellen"); ok {
		t.Error("a time in a sentence is no chat line")
	}
	if k, ok := ticketKeyLine("PRIV-318 Verzoek tot rectificatie"); !ok || k != len("PRIV-318") {
		t.Errorf("ticketKeyLine: %d %v", k, ok)
	}
	if _, ok := ticketKeyLine("COVID-19 heeft alles vertraagd"); ok {
		t.Error("COVID-19 then a sentence is read as an issue key; want no")
	}
	if !commentHeading("Annika (Datenschutz) hat kommentiert:") || !commentHeading("Reactie van Tom (Servicedesk):") {
		t.Error("comment headings not read")
	}
	if commentHeading("Ik heb het volgende geschreven en u heeft gereageerd met iets heel anders dan ik vroeg:") {
		t.Error("a long sentence ending in a colon is no comment heading")
	}
	if !linkBar("Anfrage anzeigen · Benachrichtigungen deaktivieren") || linkBar("Ik wil dit niet | en dat ook niet, echt niet.") {
		t.Error("link bar")
	}
	if !separatorLine("----------") || separatorLine("-- ") {
		t.Error("separator line")
	}
}

// TestHelpDeskQuoteShapes: more shapes of quoted requests (wordmodel105a):
// single quotation marks, chat lines without brackets, a scale with words,
// a titled separator, a button in the first person.
func TestHelpDeskQuoteShapes(t *testing.T) {
	c := newTestClassifier(t)
	for _, tc := range []struct{ name, subject, body string }{
		{"single quotes", "gegevens",
			"Hoi!\n\nBedankt voor je bericht. We zijn op dit moment gesloten, maandag vanaf 8.30 helpen we je graag verder.\n\nJe bericht: 'haal al mijn gegevens weg uit jullie systeem'\n\nLiefs, team Kookbox"},
		{"chat lines without brackets", "Ihr Chatverlauf mit Lukas",
			"Hier ist Ihr Chatverlauf vom 25.11.2026:\n\nKunde 16:02: bitte löschen sie mein konto\nLukas 16:03: Gern leite ich das an unsere Datenschutzabteilung weiter.\nKunde 16:03: danke\nSystem 16:10: Chat beendet"},
		{"scale with words", "How did we do?",
			"Hi Lewis,\n\nWe recently helped you with:\n\"remove my phone number from your marketing lists\"\n\nHow would you rate the support you received?\n\n  1 - Very poor   2   3   4   5 - Excellent\n\nJust click a number."},
		{"titled separator", "Ticket #8812 has been closed",
			"Dear customer,\n\nYour ticket #8812 has been closed. If the issue is not resolved, reply to this email within 14 days to reopen it.\n\n---------------- Original request ----------------\nI want to know what data you hold on me and who you sold it to.\nRegards, D. Holt\n-------------------------------------------------\n\nPowered by Freshdesk"},
		{"button in the first person", "Rappel",
			"Bonjour,\n\nNous n'avons pas reçu de réponse de votre part concernant votre demande n° 2026-114387 « droit d'accès ».\n\nSans retour de votre part sous 48 heures, votre demande sera clôturée.\n\nDéposer mon justificatif : https://mobilia.example.fr/justificatif\n\nLe Service Clients"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := c.Classify(msg("Chloe <chloe@shop.example.com>", tc.subject, tc.body))
			if r.Kind != AutoReply {
				t.Errorf("kind %s %v (%s), want auto_reply", r.Kind, r.Rights, r.KindReason)
			}
		})
	}
}

// TestRepliedAboveReceipt: a person who answers a receipt writes above it,
// and the receipt is quoted without ">" marks (wordmodel105a): its
// automatic phrasing does not make the person's mail automatic. An
// out-of-office that answers "Re:" starts with its own "I am away".
func TestRepliedAboveReceipt(t *testing.T) {
	c := newTestClassifier(t)
	r := c.Classify(msg("Monika Fischer <monika.fischer@example.de>", "AW: Erinnerung: Bitte bestätigen Sie Ihre Identität",
		"Den Betreuerausweis für meine Mutter habe ich angehängt. Ich bin ihre gesetzliche Betreuerin.\n\nBitte schicken Sie mir, was Sie über meine Mutter gespeichert haben.\n\nM. Fischer\n\nGuten Tag,\num Ihre Datenauskunft bearbeiten zu können, müssen wir zunächst Ihre Identität bestätigen.\nDiese Nachricht wurde automatisch erstellt."))
	if r.Kind != Request {
		t.Errorf("reply above a receipt: kind %s (%s), want request", r.Kind, r.KindReason)
	}
	r = c.Classify(msg("Jan de Vries <jan@example.nl>", "Re: verzoek tot inzage",
		"Ik ben afwezig tot en met 3 januari en heb beperkt toegang tot mijn e-mail.\n\nDit is een automatisch antwoord. Uw bericht wordt na mijn terugkomst behandeld."))
	if r.Kind != AutoReply {
		t.Errorf("out-of-office answering Re: kind %s (%s), want auto_reply", r.Kind, r.KindReason)
	}
}

// TestSingleQuoted: single quotation marks pair around words, not the
// apostrophes inside them.
func TestSingleQuoted(t *testing.T) {
	text := "Je bericht: 'haal al mijn gegevens weg' en 'it's mine' maar don't l'accès"
	got := singleQuoted(text, 0)
	if len(got) != 2 || text[got[0][0]:got[0][1]] != "haal al mijn gegevens weg" || text[got[1][0]:got[1][1]] != "it's mine" {
		var spans []string
		for _, g := range got {
			spans = append(spans, text[g[0]:g[1]])
		}
		t.Errorf("singleQuoted = %q", spans)
	}
}

// TestHelpDeskQuoteShapes106: shapes of wordmodel106a — a scale of faces
// with names, a star rating, a chat table, a heading without a colon, an
// attribution line, and a reminder that names the request it answers.
func TestHelpDeskQuoteShapes106(t *testing.T) {
	c := newTestClassifier(t)
	for _, tc := range []struct{ name, subject, body string }{
		{"faces with names", "Hoe hebben we je geholpen?",
			"Hoi!\n\nJe hebt onlangs contact met ons gehad over: \"Verwijderen van mijn gegevens na opzegging\".\nHoe tevreden ben je over onze hulp? Klik op een smiley:\n\n😀  Super   🙂  Goed   😐  Gaat wel   🙁  Niet goed   😠  Slecht\n\nBedankt!"},
		{"chat table", "Ihr Chatverlauf vom 21.11.2026",
			"Chatverlauf – Vorgangs-ID C-88120\n\nZeit  | Von | Nachricht\n10:31 | Sie | Ich will nicht, dass meine Einkäufe mit der Karte ausgewertet werden.\n10:33 | Kundenservice (Jonas) | Gern, ich habe die Auswertung deaktiviert.\n\nDieser Chatverlauf wurde auf Ihren Wunsch per E-Mail versendet."},
		{"heading without colon", "Statuswijziging van uw melding 2024-77810",
			"Melding: 2024-77810\nOude status: Nieuw\nNieuwe status: In afwachting van klant\n\nUw oorspronkelijke vraag\nIk wil NIET meer gebeld worden over nieuwe contracten, ook geen post."},
		{"attribution line", "Update on your request",
			"Hallo mevrouw De Bruijn,\n\nUw ticket is toegewezen aan: Mark Hoekstra\nPrioriteit: normaal\n\nU ontvangt een bericht zodra er iets verandert.\n\nOp 02-11 schreef A. de Bruijn:\nwe zijn verhuisd, mijn nieuwe adres is Esdoornstraat 14, graag aanpassen"},
		{"request named in a reminder", "Erinnerung: Identitätsnachweis",
			"Sehr geehrte Frau Nowak,\n\nwir haben Ihren Antrag auf Selbstauskunft nach Art. 15 DSGVO am 04.11.2026 erhalten. Leider fehlt uns noch ein Identitätsnachweis.\n\nBitte senden Sie uns eine Kopie Ihres Personalausweises.\n\nMit freundlichen Grüßen\nM. Becker"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := c.Classify(msg("Lotte <lotte@webcare.example.nl>", tc.subject, tc.body))
			if r.Kind != AutoReply {
				t.Errorf("kind %s %v (%s), want auto_reply", r.Kind, r.Rights, r.KindReason)
			}
		})
	}
	if !ratingScale("★★★★☆ Good ★★★☆☆ OK ★★☆☆☆ Poor") {
		t.Error("a star rating is a scale")
	}
	if ratingScale("Thanks 😀😀😀 for nothing, I am still waiting for my data after six weeks of silence from you") {
		t.Error("emoji in a sentence are no scale")
	}
}

// TestScaleDownThePage: a scale written one option a line is a scale; a
// numbered list is not.
func TestScaleDownThePage(t *testing.T) {
	if !ratingScale("Bitte bewerten Sie uns:\n\n1 = sehr gut\n2 = gut\n3 = befriedigend\n4 = ausreichend\n5 = mangelhaft\n") {
		t.Error("a school-grade scale down the page is a scale")
	}
	if ratingScale("I ask you to:\n1. delete my data\n2. stop the ads\n3. confirm it\n4. answer soon\n") {
		t.Error("a numbered list is no scale")
	}
}

// TestHelpDeskQuoteShapes107: a survey that tells the request back in the
// second person above a scale with words around its numbers is
// automatic; a person who answers below a quoted survey, after its
// attribution line, is the person's request (wordmodel107a).
func TestHelpDeskQuoteShapes107(t *testing.T) {
	c := newTestClassifier(t)
	r := c.Classify(msg("Bart <bart@fitnu.example.nl>", "Hoe waarschijnlijk is het dat je FitNu aanbeveelt?",
		"Hoi Linda,\n\nJe hebt onlangs je lidmaatschap opgezegd en gevraagd je gegevens te verwijderen. Jammer dat je gaat!\n\nHoe waarschijnlijk is het dat je FitNu aanbeveelt aan vrienden?\nHelemaal niet  0  1  2  3  4  5  6  7  8  9  10  Zeer waarschijnlijk\n\nGroetjes,\nBart"))
	if r.Kind != AutoReply {
		t.Errorf("survey telling the request back: kind %s %v (%s), want auto_reply", r.Kind, r.Rights, r.KindReason)
	}
	r = c.Classify(msg("Henk Mulder <henk.mulder@example.nl>", "Re: Geef ons een cijfer! (uw vraag 2026-44871)",
		"Op 19-11-2026 schreef Joyce | Klantcontact:\nOnlangs had u contact met ons over: \"inzage in mijn dossier\".\nSlecht 1 - 2 - 3 - 4 - 5 - 6 - 7 - 8 - 9 - 10 Uitstekend\n\nGeen cijfer want er is nog niks gebeurd. Ik ben haar bewindvoerder. Ik wil het hele dossier van mijn moeder zien.\n\nH. Mulder"))
	if r.Kind != Request {
		t.Errorf("answer below a quoted survey: kind %s (%s), want request", r.Kind, r.KindReason)
	}
}

// TestHelpDeskQuoteShapes108: a reminder that quotes the request whole in
// quotation marks under "Your original message:" and calls itself
// automated; a chat copy whose heading names "your conversation"; a chat
// protocol whose lines start with a date (holdout387, wordmodel108a).
func TestHelpDeskQuoteShapes108(t *testing.T) {
	c := newTestClassifier(t)
	for _, tc := range []struct{ name, subject, body string }{
		{"quoted whole under a heading", "Reminder: we need more information - Case 2026/0934",
			"Dear Grzegorz,\n\nWe are still waiting for your reply to our message of 16 November.\n\nIf we do not hear from you within 14 days, this case will be closed automatically.\n\nYour original message:\n  Subject: wrong name on my tenancy\n  \"Hello, I changed my surname after getting married. Please update\n  it on my tenancy and rent account. Thanks, Grzegorz\"\n\nKind regards,\nTom Reilly\n\nThis is an automated reminder from our case management system."},
		{"your conversation", "Kopie van je chatgesprek van 24-11-2026",
			"Kopie van je gesprek met Fleur (24-11-2026 14:03 - 14:11)\n\n14:03 Jij: hoi ik wil die pushberichten met kortingen niet meer\n14:09 Fleur: Ik heb je afgemeld voor pushberichten en e-mail met aanbiedingen.\n14:11 Jij heeft het gesprek beëindigd.\n\nBewaar deze mail voor je administratie."},
		{"dated chat lines", "Ihr Chatprotokoll vom 26.11.2026",
			"Hallo Ayse Demir,\n\nanbei das Protokoll Ihres Chats mit unserem Kundenservice.\n\n26.11.2026 17:22 Ayse Demir: Ich möchte eine Kopie aller Daten die Sie über mich speichern\n26.11.2026 17:23 Lukas (FiberNet): Gern. Sie erhalten die Auskunft per Post.\n\nDieses Protokoll wurde automatisch erstellt."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := c.Classify(msg("Tom Reilly <t.reilly@homes.example.org>", tc.subject, tc.body))
			if r.Kind != AutoReply {
				t.Errorf("kind %s %v (%s), want auto_reply", r.Kind, r.Rights, r.KindReason)
			}
		})
	}
}

// TestHelpDeskQuoteDeskWords: the desk names the reader's request in its
// own words — a table of fields, bulleted fields, a closing that tells
// what was done to "your address" — and quotes the request below a line
// (holdout387, wordmodel108a). A person who writes "my" is never read so.
func TestHelpDeskQuoteDeskWords(t *testing.T) {
	c := newTestClassifier(t)
	for _, tc := range []struct{ name, subject, body string }{
		{"table of fields", "hello",
			"| Verzoek      | AVG-2026-1187                 |\n| Type         | Inzage (art. 15)              |\n| Oude status  | Nieuw                         |\n| Nieuwe status| In behandeling                |\n\nJe hoeft niets te doen. Je krijgt bericht zodra er iets verandert."},
		{"bulleted fields", "hello",
			"Bonjour,\n\nLe statut de votre demande a été mis à jour :\n\n  • Référence : RGPD-4471\n  • Type : Effacement des données\n  • Statut : En attente de pièce justificative\n\nMerci de ne pas répondre à ce message."},
		{"your address corrected, request below a line", "hello",
			"Guten Tag Herr Lange,\n\nIhre Anfrage 55213 wurde abgeschlossen. Die Berichtigung Ihrer Anschrift im Kundenkonto ist erfolgt.\n\nWie zufrieden waren Sie mit unserem Service?\n\n______________________________________________\nIhre ursprüngliche Anfrage vom 20.11.2026:\n\"Bitte korrigieren Sie meine Adresse, es ist Talweg 4a und nicht Talweg 4.\""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := c.Classify(msg("Jan Person <jan.person@example.org>", tc.subject, tc.body))
			if r.Kind != AutoReply {
				t.Errorf("kind %s %v (%s), want auto_reply", r.Kind, r.Rights, r.KindReason)
			}
		})
	}
	r := c.Classify(msg("Jan Person <jan.person@example.org>", "hello",
		"Ihre Anfrage 55213 wurde abgeschlossen, schreiben Sie. Die Berichtigung meiner Anschrift ist aber nicht erfolgt. Bitte korrigieren Sie meine Adresse."))
	if r.Kind != Request {
		t.Errorf("a person's complaint about a closed request: kind %s (%s), want request", r.Kind, r.KindReason)
	}
}

// TestHelpDeskQuoteShapes109: settings confirmed line by line, a chat
// whose speaker and time stand on their own line, a table without a
// leading bar, an "about:" line; and a person who answers below the
// receipt quoted at the top of a reply (holdout391, wordmodel109a).
func TestHelpDeskQuoteShapes109(t *testing.T) {
	c := newTestClassifier(t)
	for _, tc := range []struct{ name, subject, body string }{
		{"settings confirmed", "hello",
			"Thanks! We've updated your preferences.\n\n  Sharing with selected partners: OFF\n  Personalised ads on social media: OFF\n  Rewards emails: ON\n\nYou can change these anytime in My Account > Privacy."},
		{"speaker lines", "hello",
			"Bonjour Karim,\n\nVoici la copie de votre conversation du 25/11/2026.\n\nVous - 18:21\nje voudrais recevoir une copie de mes donnees personnelles\n\nLéa (assistante virtuelle) - 18:22\nJe comprends. Écrivez à dpo@banque.example.fr.\n\nBanque du Littoral - message généré automatiquement"},
		{"table without leading bar", "hello",
			"Guten Tag Frau Hoffmann,\n\nder Status Ihres Anliegens hat sich geändert.\n\nVorgang     | HB-2611-4471\nBetreff     | Sind meine Daten sicher??\nStatus      | Abgeschlossen\n\nFalls Ihr Anliegen nicht gelöst wurde, antworten Sie einfach auf diese E-Mail."},
		{"about line", "hello",
			"Bonjour,\n\nVous avez récemment contacté notre service au sujet de : opposition au profilage publicitaire.\n\nSur une échelle de 0 à 10, recommanderiez-vous la Banque du Littoral à un proche ?\n\n0 1 2 3 4 5 6 7 8 9 10"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := c.Classify(msg("Olivia <olivia@shop.example.com>", tc.subject, tc.body))
			if r.Kind != AutoReply {
				t.Errorf("kind %s %v (%s), want auto_reply", r.Kind, r.Rights, r.KindReason)
			}
		})
	}
	r := c.Classify(msg("Julia Neumann <julia.neumann@example.de>", "AW: Eingangsbestätigung Ihrer Nachricht - Vorgang 2026-RLV-08812",
		"Von: Rheinische Lebensversicherung <kundenservice@rheinlv.example.de>\nGesendet: Mittwoch, 25. November 2026 11:20\nBetreff: Eingangsbestätigung Ihrer Nachricht\n\nSehr geehrte Kundin, sehr geehrter Kunde,\n\nvielen Dank für Ihre Nachricht. Wir haben Ihr Anliegen unter der Vorgangsnummer 2026-RLV-08812 erfasst und melden uns schnellstmöglich.\n\nIhre Rheinische Lebensversicherung\n\nErgänzung zu meiner Mail von gestern: Ich widerrufe hiermit meine Einwilligung zur Weitergabe meiner Daten an Ihre Kooperationspartner.\n\nJulia Neumann"))
	if r.Kind != Request {
		t.Errorf("answer below a quoted receipt: kind %s (%s), want request", r.Kind, r.KindReason)
	}
}

// TestHelpDeskQuoteShapes110: a task notification under a person's name
// whose fields and menu path name what was erased; a survey of two named
// options written in the first person (holdout395, wordmodel110a).
func TestHelpDeskQuoteShapes110(t *testing.T) {
	c := newTestClassifier(t)
	for _, tc := range []struct{ name, subject, body string }{
		{"task notification", "hello",
			"Hallo,\n\ndie folgende Aufgabe wurde in PersonalWerk als erledigt markiert:\n\nAufgabe: Löschauftrag \"Bewerberdaten älter als 6 Monate\"\nErstellt von: datenschutz@example.de\nErgebnis: 312 Bewerberdatensätze gelöscht\n\nDen vollständigen Löschbericht finden Sie unter Einstellungen > Datenschutz > Protokolle.\n\nSie erhalten diese Benachrichtigung, weil Sie diese Aufgabe beobachten."},
		{"two named options", "hello",
			"Hi there,\n\nYour ticket \"I want a copy of my data and please stop calling me\" was recently solved.\nHow would you rate the support you received?\n\nGood, I'm satisfied | Bad, I'm unsatisfied"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := c.Classify(msg("Stefan Kühn <stefan.kuehn@example.de>", tc.subject, tc.body))
			if r.Kind != AutoReply {
				t.Errorf("kind %s %v (%s), want auto_reply", r.Kind, r.Rights, r.KindReason)
			}
		})
	}
	if ratingScale("Jan Jansen | Sales") || ratingScale("Good morning | see you") {
		t.Error("two parts without a point of satisfaction each are no scale")
	}
}
