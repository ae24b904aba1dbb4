package classify

import (
	"slices"
	"strings"
	"testing"

	"privacyd/message"
)

// Batch 28: consent withdrawn in everyday words, a fraud system's refusal
// with a request for a human look, a child's photos taken off a website.
// These mails are not in the corpus: they were written after the tuning on
// batch 28 and holdout13, in other words, to see whether the rules carry
// over (see the comment in corpus_test.go for how many were wrong before).
func TestBatch28Probes(t *testing.T) {
	c := newTestClassifier(t)
	tests := []probe{
		// consent withdrawn in everyday words
		{"recommendations", "I'm not OK any more with you using my listening history for suggestions. I did agree to it when I joined, but I've changed my mind.", Request, []string{WithdrawConsent}, false},
		{"reading list", "Please stop keeping my borrowing history. I don't want you to store my reading history any more.", Request, []string{WithdrawConsent}, false},
		{"kijkgedrag", "Vroeger vond ik het prima, maar ik geef geen toestemming meer voor het gebruiken van mijn kijkgedrag.", Request, []string{WithdrawConsent}, false},
		{"toestemming", "Mijn toestemming voor de nieuwsbrief geldt niet langer.", Request, []string{ObjectDirectMarketing, WithdrawConsent}, false},
		{"Einwilligung", "Meine Zustimmung zur Auswertung meiner Hörgewohnheiten gilt ab heute nicht mehr.", Request, []string{WithdrawConsent}, false},
		{"Werbung", "Ich will keine Werbeanrufe mehr. Meine Einwilligung dafür, die ich beim Vertragsabschluss gegeben habe, widerrufe ich.", Request, []string{ObjectDirectMarketing, WithdrawConsent}, false},
		{"historique", "Je ne suis plus d'accord pour que mon historique d'écoute serve à vos recommandations.", Request, []string{WithdrawConsent}, false},
		{"consentement", "Je ne donne plus mon accord pour l'utilisation de ma géolocalisation.", Request, []string{WithdrawConsent}, false},
		// an automated refusal with a request for a human look
		{"booking", "Your anti-fraud check cancelled my booking at once. Could someone on your staff look at it again and explain why?", Request, []string{AutomatedDecision}, false},
		{"account closed", "My account was closed by your fraud detection system. I want a human to review it.", Request, []string{AutomatedDecision}, false},
		{"bestelling", "Jullie fraudefilter heeft mijn bestelling automatisch geannuleerd. Ik wil dat een medewerker er opnieuw naar kijkt.", Request, []string{AutomatedDecision}, false},
		{"Buchung", "Ihr Betrugsfilter hat meine Buchung storniert, ohne dass ein Mitarbeiter sie geprüft hat. Bitte lassen Sie das einen Menschen prüfen.", Request, []string{AutomatedDecision}, false},
		{"compte", "Mon compte a été bloqué par votre outil anti-fraude. Je souhaite qu'un conseiller examine mon dossier.", Request, []string{AutomatedDecision}, false},
		// a child's photos taken off a website
		{"pictures", "Could you take the pictures of my daughter off the club's Instagram page?", Request, []string{Erasure}, true},
		{"foto's", "Graag de foto's van onze zoon van de site van de voetbalclub afhalen.", Request, []string{Erasure}, true},
		{"Bilder", "Bitte entfernen Sie die Bilder meines Sohnes von Ihrer Webseite.", Request, []string{Erasure}, true},
		{"photos", "Pouvez-vous enlever les photos de ma fille de la page Facebook de l'école ?", Request, []string{Erasure}, true},
		// the other side
		{"history", "Can I see my listening history from last year in the app?", NotARequest, nil, false},
		{"kast", "Geeft u toestemming voor de verhuizing van de kast op zaterdag?", NotARequest, nil, false},
		{"Betrug", "Ich wurde Opfer eines Betrugs mit meiner Kreditkarte, bitte sperren Sie die Karte.", NotARequest, nil, false},
		{"fraud", "Is this email about a fraud check really from you?", NotARequest, nil, false},
		{"photos", "Where can I find the photos of the school play on the website?", NotARequest, nil, false},
		{"foto's", "Kunnen jullie de foto's van het schoolreisje op de website zetten?", NotARequest, nil, false},
		// second round
		{"app", "I don't want you to track my workouts anymore, I only said yes because the app asked.", Request, []string{WithdrawConsent}, false},
		{"watchlist", "I don't want you to delete my watch history, I need it for the kids' profile.", NotARequest, nil, false},
		{"leesgeschiedenis", "Ik wil niet meer dat de bibliotheek mijn leesgeschiedenis bewaart, daar had ik ooit een vinkje voor gezet.", Request, []string{WithdrawConsent}, false},
		{"Einwilligung", "Die Einwilligung zur Datenweitergabe an Ihre Partner, die ich bei der Anmeldung angekreuzt habe, ziehe ich zurück.", Request, []string{WithdrawConsent}, false},
		{"accord", "Je ne suis plus d'accord avec le prix de l'abonnement, je vais résilier.", NotARequest, nil, false},
		{"refund", "My payment was declined by my bank's fraud system, can I pay by transfer instead?", NotARequest, nil, false},
		{"Konto", "Mein Kundenkonto wurde automatisch gesperrt, weil Ihr System einen Betrugsverdacht hatte. Ich möchte, dass ein Mitarbeiter das überprüft.", Request, []string{AutomatedDecision}, false},
		{"commande", "Ma commande a été annulée automatiquement par votre système anti-fraude, sans qu'aucune personne ne l'examine.", Request, []string{AutomatedDecision}, false},
		{"foto", "Mag de foto van mijn dochter in de nieuwsbrief? Ze vindt het leuk.", NotARequest, nil, false},
		{"Fotos", "Die Fotos meiner Tochter vom Sommerfest sind toll, können Sie mir die Dateien schicken?", NotARequest, nil, false},
	}
	runProbes(t, c, tests, true)
}

// TestForwardedPartRights: a mail that passes on an earlier one whose
// rights are only in the forwarded part is classified by what it
// forwards (README: "classify what is forwarded"), with a forward marker
// or an Outlook header block below a short note, also without "Fwd:" in
// the subject; a reply's note above a quoted answer is not.
func TestForwardedPartRights(t *testing.T) {
	c := newTestClassifier(t)
	tests := []struct {
		name, subject, body string
		kind                Kind
		rights              []string
	}{
		{"de marker", "Meine Personaldaten", "Ich leite Ihnen meine Anfrage weiter, bitte kümmern Sie sich darum.\n\n---------- Weitergeleitete Nachricht ----------\nVon: Jonas <j@mail.example>\nDatum: 4. Nov. 2026\nBetreff: Personaldaten\nAn: personal@shop.example\n\nIch bitte um eine Kopie meiner Personalakte.\n", Request, []string{Access}},
		{"de Apple", "Export", "Das hier ist noch offen.\n\nAnfang der weitergeleiteten Nachricht:\n\nVon: Ute <u@mail.example>\nBetreff: Export\n\nBitte stellen Sie mir meine Trainingsdaten in einem maschinenlesbaren Format zur Verfügung.\n", Request, []string{Portability}},
		{"de Outlook", "Kundenkonto", "zur Info, keine Antwort bekommen\n\nVon: Holger Beck\nGesendet: Dienstag, 3. November 2026 10:15\nAn: kundenservice@shop.example\nBetreff: Kundenkonto\n\nBitte löschen Sie mein Kundenkonto und alle Daten dazu.\n", Request, []string{Erasure}},
		{"en Outlook", "my data", "FYI - no reply yet.\n\nFrom: Dan Whitfield\nSent: 02 November 2026 11:40\nTo: help@shop.example\nSubject: my data\n\nPlease send me a copy of all the personal data you hold on me.\n", Request, []string{Access}},
		{"nl Outlook", "inzage", "ter info, nog steeds niks gehoord\n\nVan: Sanne Mulder\nVerzonden: dinsdag 3 november 2026 14:20\nAan: klantenservice@shop.example\nOnderwerp: inzageverzoek\n\nIk wil graag een kopie van al mijn persoonsgegevens.\n", Request, []string{Access}},
		{"fr Outlook", "accès", "Pour info, toujours pas de réponse.\n\nDe : Nathalie Bernard\nEnvoyé : lundi 2 novembre 2026 10:05\nÀ : contact@shop.example\nObjet : demande\n\nJe souhaite obtenir une copie de toutes les données personnelles que vous détenez sur moi.\n", Request, []string{Access}},
		// the other side: a reply's thanks above the shop's quoted answer
		{"en reply", "RE: your question", "Thanks, all clear now.\n\nFrom: Shop Support\nSent: Monday\nTo: Jan\nSubject: RE: your question\n\nYou can ask us for a copy of all the personal data we hold on you at any time.\n", NotARequest, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.rights
			if want == nil {
				want = []string{}
			}
			raw := "From: Jan <jan@example.net>\r\nTo: privacy@shop.example\r\nSubject: " + tt.subject + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + strings.ReplaceAll(tt.body, "\n", "\r\n")
			m := message.Parse([]byte(raw), message.Options{})
			r := c.Classify(m)
			if r.Kind != tt.kind || r.Kind == Request && !slices.Equal(r.Rights, want) {
				t.Errorf("%s %v, want %s %v (%s; evidence %v; new text %q)", r.Kind, r.Rights, tt.kind, want, r.KindReason, r.Evidence, m.NewText)
			}
		})
	}
}

// TestAutomaticallyOfTheMailItself: "generated/sent automatically" marks an
// automatic mail only when it is said of the mail itself; a person who says
// a decision or a score about them was generated automatically is writing
// a request (taken for an auto-reply, it would be recorded and never shown
// to staff as a request).
func TestAutomaticallyOfTheMailItself(t *testing.T) {
	c := newTestClassifier(t)
	for _, tt := range []struct {
		name, subject, body string
		want                Kind
	}{
		{"en person", "my driving score", "Your app gave me a driving score that was generated automatically and my premium went up. I want a person to look at it and explain how it was calculated.", Request},
		{"nl person", "premie", "Mijn score is automatisch gegenereerd door jullie app en nu betaal ik meer. Ik wil dat een medewerker dit opnieuw bekijkt.", Request},
		{"en auto-reply", "Re: your mail", "Thank you for your message. This message was generated automatically, please do not reply.", AutoReply},
		{"en auto-reply 2", "Re: your mail", "This is an automatically generated email. We will get back to you within two working days.", AutoReply},
		{"nl auto-reply", "Re: uw mail", "Dit bericht is automatisch gegenereerd. Wij reageren binnen twee werkdagen.", AutoReply},
		{"de auto-reply", "AW: Ihre Mail", "Diese Nachricht wurde automatisch erstellt. Wir melden uns innerhalb von zwei Werktagen.", AutoReply},
		{"fr auto-reply", "RE: votre mail", "Ce message a ete genere automatiquement, merci de ne pas y repondre.", AutoReply},
	} {
		t.Run(tt.name, func(t *testing.T) {
			raw := "From: Someone <someone@example.net>\r\nTo: privacy@shop.example\r\nSubject: " + tt.subject + "\r\nMessage-ID: <m1@example.net>\r\n\r\n" + tt.body + "\r\n"
			if r := c.Classify(message.Parse([]byte(raw), message.Options{})); r.Kind != tt.want {
				t.Errorf("kind %s (%s), want %s", r.Kind, r.KindReason, tt.want)
			}
		})
	}
}
