package classify

import (
	"net/mail"
	"strings"
	"testing"

	"privacyd/message"
)

// A machine's notice without automation headers (an order confirmed, a
// bill ready, a direct debit announced, a technician's appointment) is
// an auto_reply when no person writes in it; a person who writes about
// an order or a bill in the same words says "I" and stays a person.
func TestMachineNotice(t *testing.T) {
	c, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, from, subject, body string
		want                      Kind
	}{
		{"order confirmed", "Shop <orders@shop.example>", "Order confirmed: #MC-4471902",
			"Thanks for your order!\n\nWe've received your order and we'll let you know when it ships.\n\nOrder number: MC-4471902\nDelivery address: 3 High Street\nTrack your order: https://shop.example/t/4471902\n", AutoReply},
		{"jaarnota", "Energie <nota@energie.example>", "Uw jaarnota staat voor u klaar",
			"Beste klant,\n\nUw jaarnota over de periode 01-11-2025 t/m 31-10-2026 staat voor u klaar in Mijn Energie.\nTe ontvangen: € 84,12\n\nBekijk uw jaarnota\n", AutoReply},
		{"Lastschrift", "Fernwärme <abrechnung@fw.example>", "SEPA-Lastschrift: Vorabankündigung",
			"Sehr geehrte Frau Brandt,\n\nwir ziehen am 15.12.2026 den Abschlag per SEPA-Lastschrift ein.\nBetrag: 118,00 EUR\nGläubiger-ID: DE12ZZZ00000812345\nMandatsreferenz: FWO-000412-12\n", AutoReply},
		{"rendez-vous", "Chaleur <rdv@chaleur.example>", "Confirmation de votre rendez-vous technicien",
			"Bonjour M. Roux,\n\nVotre rendez-vous pour l'entretien annuel de votre sous-station est confirmé : le jeudi 10 décembre 2026.\nLe technicien vous appellera 30 minutes avant son arrivée. En cas d'empêchement, merci de modifier votre rendez-vous depuis votre espace client.\n", AutoReply},
		{"a person about an order", "Jan <jan@example.nl>", "bestelling",
			"Ik heb bestelling 1234 nooit ontvangen. Bestelnummer: 1234, bedrag € 54,90, klantnummer 8812. Je bestelling is verzonden, staat er, maar er is niets gekomen.\n", NotARequest},
		{"a person's bill question", "Anna <anna@example.de>", "Rechnung",
			"Ihre Rechnung ist verfügbar, schreiben Sie, aber ich finde sie nicht. Betrag? Kundennummer 4471.\n", NotARequest},
	} {
		r := c.Classify(msg(tc.from, tc.subject, tc.body))
		if r.Kind != tc.want {
			t.Errorf("%s: kind %s (%s), want %s", tc.name, r.Kind, r.KindReason, tc.want)
		}
		if tc.want == AutoReply && !strings.HasPrefix(r.KindReason, "machine notice") {
			t.Errorf("%s: reason %q, want the machine notice", tc.name, r.KindReason)
		}
	}
}

// A desk's portal name and buttons say "my" for the reader, not for a
// writer: capitalised mid-line ("in Mijn Energie") or a short button line
// ("Consulter ma facture"). A person's "mijn" in a sentence is theirs.
func TestPortalWord(t *testing.T) {
	c, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "Uw nota staat klaar in Mijn Energie.\nConsulter ma facture\nIk wil mijn gegevens zien, want mijn adres klopt niet.\n"
	sc := c.scan(&message.Message{Text: text, NewText: text})
	got := map[int]bool{}
	for i := range sc.toks {
		if possessives[sc.toks[i].s] {
			got[sc.toks[i].start] = sc.portalWord(&sc.toks[i])
		}
	}
	want := map[int]bool{strings.Index(sc.text, "Mijn"): true, strings.Index(sc.text, "ma facture"): true,
		strings.Index(sc.text, "mijn gegevens"): false, strings.Index(sc.text, "mijn adres"): false}
	for at, w := range want {
		if g, ok := got[at]; !ok || g != w {
			t.Errorf("portalWord at %d (%q) = %v (seen %v), want %v", at, sc.text[at:at+6], g, ok, w)
		}
	}
}

// A colleague who forwards an out-of-office with a note that asks nothing
// passes the automatic mail on: the request named in its subject and its
// forwarded header lines is the one it answered (holdout443).
func TestForwardedOutOfOfficeWithNote(t *testing.T) {
	c, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	body := "Zur Info - kam auf meine Rückfrage an Herrn Pfeiffer zurück. Ich hake nächste Woche nach.\nVG Katrin\n\n-----Ursprüngliche Nachricht-----\nVon: Jonas Pfeiffer <jonas.pfeiffer@example.de>\nGesendet: Freitag, 27. November 2026 09:15\nAn: Katrin Vogel <k.vogel@example.de>\nBetreff: Abwesenheitsnotiz: App-Konto löschen\n\nVielen Dank für Ihre Nachricht. Ich bin bis einschließlich 07.12. im Urlaub und lese meine E-Mails nicht. Ihre Nachricht wird nicht weitergeleitet.\n"
	m := msg("Katrin Vogel <k.vogel@example.de>", "WG: Abwesenheitsnotiz: App-Konto löschen", body)
	m.Forwarded = true
	if r := c.Classify(m); r.Kind != AutoReply {
		t.Errorf("kind %s %v (%s), want auto_reply", r.Kind, r.Rights, r.KindReason)
	}
	// The same note with a question of one's own is the colleague's.
	m = msg("Katrin Vogel <k.vogel@example.de>", "WG: Abwesenheitsnotiz: App-Konto löschen", strings.Replace(body, "Ich hake nächste Woche nach.", "Bitte löschen Sie das Konto trotzdem sofort?", 1))
	m.Forwarded = true
	if r := c.Classify(m); r.Kind == AutoReply {
		t.Errorf("with an ask of one's own: kind %s (%s), want not auto_reply", r.Kind, r.KindReason)
	}
}

// A colleague's note above a forwarded "Automatic reply:" is passed on as
// it is, also under a subject of the colleague's own, where only the
// passed-on mail's subject line says it is automatic (holdout447).
func TestForwardedAutomaticSubjectLine(t *testing.T) {
	c, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	body := "fyi - the nursing home admin is off till Monday, see below. I'll chase next week.\nBen\n\n---------- Forwarded message ---------\nFrom: Ardmore Office <office@ardmore.example.ie>\nDate: Fri, 27 Nov 2026 at 13:22\nSubject: Automatic reply: Request re Michael Doyle (2201-554)\nTo: Ben Carter <ben@example.com>\n\nThank you for your email. The office is closed until Monday 30 November. For urgent matters please phone the nurses' station.\n"
	for _, subject := range []string{"Fwd: Automatic reply: Request re Michael Doyle (2201-554)", "hello"} {
		m := msg("Ben Carter <ben@example.com>", subject, body)
		m.Forwarded = true
		if r := c.Classify(m); r.Kind != AutoReply {
			t.Errorf("subject %q: kind %s (%s), want auto_reply", subject, r.Kind, r.KindReason)
		}
	}
	m := msg("Ben Carter <ben@example.com>", "hello", strings.Replace(body, "I'll chase next week.", "Can you send me a copy of my data?", 1))
	m.Forwarded = true
	if r := c.Classify(m); r.Kind == AutoReply {
		t.Errorf("with a question of one's own: kind %s (%s), want not auto_reply", r.Kind, r.KindReason)
	}
}

// A bracketed button line is the desk's link, a sentence in brackets is
// not.
func TestBracketButtonIsLinkLabel(t *testing.T) {
	for s, want := range map[string]bool{
		"[Je donne mon avis]": true,
		"[Bekijk je factuur]": true,
		"[I want you to delete all the data you hold on me, now]": false,
		"(Je donne mon avis)": false,
	} {
		if got := linkLabel(s); got != want {
			t.Errorf("linkLabel(%q) = %v, want %v", s, got, want)
		}
	}
}

// A colleague's note may name the request an out-of-office answered
// without asking it (holdout455): an auto_reply marked for triage, so
// staff see it; a sender who says "my" above it writes about their own
// data and stays a person.
func TestNoteNamesTheRequest(t *testing.T) {
	c, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	body := "Ter info: Sanne is tot 30 november weg, ik pak het inzageverzoek van mevr. Bakker zelf op.\nPieter\n\n-----Oorspronkelijk bericht-----\nVan: Sanne de Groot <s.degroot@ritnu.example.nl>\nVerzonden: dinsdag 17 november 2026 09:03\nAan: Pieter Smit <p.smit@ritnu.example.nl>\nOnderwerp: Automatisch antwoord: Inzageverzoek AVG artikel 15\n\nBedankt voor je bericht. Ik ben afwezig tot en met maandag 30 november en heb beperkt toegang tot mijn e-mail.\n"
	m := msg("Pieter Smit <p.smit@ritnu.example.nl>", "FW: Automatisch antwoord: Inzageverzoek AVG artikel 15", body)
	m.To = append(m.To, &mail.Address{Address: "privacy@ritnu.example.nl"})
	m.Forwarded = true
	if r := c.Classify(m); r.Kind != AutoReply || !r.Triage {
		t.Errorf("a colleague's note: kind %s %v triage %v (%s), want auto_reply for triage", r.Kind, r.Rights, r.Triage, r.KindReason)
	}
	m = msg("Pieter Smit <p.smit@ritnu.example.nl>", "FW: Automatisch antwoord: Inzageverzoek AVG artikel 15", strings.Replace(body, "ik pak het inzageverzoek van mevr. Bakker zelf op", "mijn inzageverzoek ligt nu al zes weken stil", 1))
	m.To = append(m.To, &mail.Address{Address: "privacy@ritnu.example.nl"})
	m.Forwarded = true
	if r := c.Classify(m); r.Kind == AutoReply {
		t.Errorf("a customer's own words: kind %s (%s), want not auto_reply", r.Kind, r.KindReason)
	}
}

// A colleague's "for your information" note above a passed-on receipt
// whose own words are automatic passes it on (holdout460); a customer who
// passes a confirmation on with thanks, or says "my", is a person
// (wordmodel82d, wordmodel117d).
func TestFYINote(t *testing.T) {
	c, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	receipt := "\n\n-------- Message transféré --------\nDe : Support PlayMetrics <noreply@playmetrics.example.com>\nDate : 27/11/2026 17:05\nObjet : Ticket n° 20261127-0412\n\nBonjour,\n\nNous accusons réception de votre demande. Un ticket a été créé sous le numéro 20261127-0412. Notre équipe vous répondra dans un délai de 5 jours ouvrés.\n\nCeci est un message automatique, merci de ne pas y répondre.\n"
	for _, tc := range []struct {
		note string
		want bool
	}{
		{"Pour info, le sous-traitant a bien reçu notre demande de suppression. Je relance lundi s'il n'y a rien.\n\nThomas", true},
		{"Merci beaucoup, c'est réglé pour moi, bonne journée !\n\nThomas", false},
		{"Pour info, ma demande de suppression traîne depuis des semaines.\n\nThomas", false},
	} {
		m := msg("Thomas Girard <t.girard@example.com>", "TR: Ticket n° 20261127-0412", tc.note+receipt)
		m.Forwarded = true
		r := c.Classify(m)
		if got := r.Kind == AutoReply && r.KindReason == reasonPassedOn; got != tc.want {
			t.Errorf("%q: kind %s (%s), want passed on %v", tc.note, r.Kind, r.KindReason, tc.want)
		}
	}
}

// A colleague's "for your information" note may use an asking word as a
// noun above a forwarded out-of-office (holdout471): passed on as it is.
func TestFYINoteWithAskingNoun(t *testing.T) {
	c, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	body := "Ter info: Marleen (medisch archief) is tot en met 6 december afwezig. Ik zet het verzoek\nmaandag zelf door naar haar vervanger.\nJeroen\n\n-----Oorspronkelijk bericht-----\nVan: Marleen de Groot <m.degroot@example.nl>\nVerzonden: donderdag 27 november 2026 10:02\nAan: Jeroen Smits <j.smits@example.nl>\nOnderwerp: Automatisch antwoord: Inzageverzoek patient 7734120\n\nDank voor je bericht. Ik ben afwezig tot en met vrijdag 6 december en lees mijn mail niet.\n"
	m := msg("Jeroen Smits <j.smits@example.nl>", "FW: Automatisch antwoord: Inzageverzoek patient 7734120", body)
	m.Forwarded = true
	if r := c.Classify(m); r.Kind != AutoReply {
		t.Errorf("kind %s %v (%s), want auto_reply", r.Kind, r.Rights, r.KindReason)
	}
}

// Outlook's rule of underscores above a forwarded mail's "Von:" line
// starts the mail passed on (holdout479).
func TestOutlookRule(t *testing.T) {
	text := "zur Info fürs Team\nVG Katrin\n________________________________________\nVon: Deniz Yildiz <d@example.de>\nGesendet: Freitag\n"
	if got, want := outlookRule(text), strings.Index(text, "____"); got != want {
		t.Errorf("outlookRule = %d, want %d", got, want)
	}
	if got := outlookRule("Mit freundlichen Grüßen\n____________\nFirma GmbH, Amtsgericht X\n"); got != -1 {
		t.Errorf("outlookRule on a signature rule = %d, want -1", got)
	}
}

// A help desk's receipt above the request it received, passed on below it,
// is the desk's: the rights are the passed-on mail's (holdout487). A
// person's own words above a forwarded receipt stay theirs.
func TestReceiptAbovePassedOnRequest(t *testing.T) {
	c, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	fwd := "\n\n---------- Message transféré ---------\nDe : kev.moreau <kev.moreau@example.fr>\nDate : mer. 12 juin 2024 à 08:44\nObjet : supprimer mon compte\n\nbonjour je veux que vous supprimez mon compte et toute les videos. merci\n"
	m := msg("Vigil'Cam Assistance <assistance@vigilcam.example.fr>", "[Vigil'Cam] Demande reçue : Fwd: supprimer mon compte",
		"##- Veuillez répondre au-dessus de cette ligne -##\n\nVotre demande (n° 30418) a bien été reçue et est en cours d'examen par notre équipe d'assistance.\n\nPour ajouter des commentaires, il vous suffit de répondre à cet e-mail."+fwd)
	m.Forwarded = true
	if r := c.Classify(m); r.Kind != AutoReply {
		t.Errorf("receipt above a passed-on request: kind %s %v (%s), want auto_reply", r.Kind, r.Rights, r.KindReason)
	}
	m = msg("Kevin Moreau <kev.moreau@example.fr>", "TR: supprimer mon compte",
		"Je vous l'ai déjà envoyé il y a un mois, je n'ai rien reçu. Je veux que vous supprimiez mon compte maintenant."+fwd)
	m.Forwarded = true
	if r := c.Classify(m); r.Kind != Request {
		t.Errorf("a person passing their request on again: kind %s (%s), want request", r.Kind, r.KindReason)
	}
}
