package classify

import (
	"strings"
	"testing"
)

// TestDialogueLines: a chat transcript without times ("Priya: ...",
// "Lena (Filmwelle): ...") is the speakers' words; a block of quoted
// header lines or a letter's labelled lines is not a chat.
func TestDialogueLines(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		said       []string
	}{
		{"two speakers, one twice", "Chat started 19:14\n\nPriya: can i get a copy of my data?\nJordan: Sure, under Account > Privacy.\nPriya: ok\n\nThanks for chatting.",
			[]string{" can i get a copy of my data?", " Sure, under Account > Privacy.", " ok"}},
		{"speaker with company, blank lines between", "Olaf: ich will wissen warum\n\nLena (Filmwelle): Hallo Olaf.\n\nOlaf: ok",
			[]string{" ich will wissen warum", " Hallo Olaf.", " ok"}},
		{"quoted header block", "Von: Jan\nGesendet: Freitag\nAn: datenschutz\nBetreff: Auskunft\n\nIch will Auskunft.", nil},
		{"two lines only", "Anna: hallo\nBert: hoi\n\nIk wil inzage.", nil},
		{"no speaker twice", "Name: Jan Jansen\nAdres: Dorpsstraat 1\nWoonplaats: Utrecht\nVerzoek: inzage", nil},
		{"lower-case labels", "note: a\nmore: b\nnote: c", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, r := range dialogueLines(tc.text, 0) {
				got = append(got, tc.text[r[0]:r[1]])
			}
			if strings.Join(got, "|") != strings.Join(tc.said, "|") {
				t.Errorf("got %q, want %q", got, tc.said)
			}
		})
	}
}

// TestWritersIFrenchOnly: the French first person words are the writer's
// "I" only in French; "J. de Vries" in a Dutch mail is an initial.
func TestWritersIFrenchOnly(t *testing.T) {
	for _, tc := range []struct {
		w, lang string
		want    bool
	}{
		{"j", "fr", true}, {"j", "nl", false}, {"mon", "en", false}, {"ma", "nl", false},
		{"moi", "fr", true}, {"je", "nl", false}, {"me", "fr", false}, {"me", "en", true}, {"ik", "nl", true},
	} {
		if got := writersI(tc.w, tc.lang); got != tc.want {
			t.Errorf("writersI(%q, %q) = %v, want %v", tc.w, tc.lang, got, tc.want)
		}
	}
}

// TestModelReadsMachineMail: desk mail the rules read as a request —
// a chat transcript in a layout without times, a receipt naming the
// request in its own words — is automatic when the word model's
// "automatic" label reads it so; a person's request with the same
// words, a person's reply above a receipt and a short person's request
// stay requests.
func TestModelReadsMachineMail(t *testing.T) {
	c := newTestClassifier(t)
	for _, tc := range []struct {
		name, from, subject, body string
		want                      Kind
	}{
		{"receipt from a first-name address", "Anna van Zendlijn Klantenservice <anna@zendlijn.example.nl>", "Re: verzoek tot verwijdering van mijn gegevens [Ticket #482913]",
			"Beste J. de Vries,\n\nBedankt voor je bericht. We hebben je vraag ontvangen en onder nummer #482913 geregistreerd.\n\nJe onderwerp: \"verzoek tot verwijdering van mijn gegevens\"\n\nEen van onze collega's van het privacyteam neemt binnen 5 werkdagen contact met je op. Je hoeft niets te doen; reageer op deze mail als je nog iets wilt toevoegen, dan komt het automatisch bij je ticket terecht.\n\nMet vriendelijke groet,\nAnna\nKlantenservice Zendlijn\n\nDit bericht is automatisch verstuurd.", AutoReply},
		{"person asks the same", "Jan de Vries <jan.devries@example.nl>", "verzoek tot verwijdering van mijn gegevens",
			"Beste klantenservice,\n\nIk wil dat jullie al mijn gegevens verwijderen. Mijn klantnummer is 482913.\n\nMet vriendelijke groet,\nJan de Vries", Request},
		{"person replies above a receipt", "Jan de Vries <jan.devries@example.nl>", "Re: verzoek tot verwijdering van mijn gegevens [Ticket #482913]",
			"Het is nu zes weken later en ik heb nog steeds niets gehoord. Verwijder mijn gegevens nu, anders dien ik een klacht in bij de AP.\n\nJan\n\nBedankt voor je bericht. We hebben je vraag ontvangen en onder nummer #482913 geregistreerd.\n\nEen van onze collega's van het privacyteam neemt binnen 5 werkdagen contact met je op.\n\nDit bericht is automatisch verstuurd.", Request},
		{"one-liner", "Priya Shah <priya@example.org>", "data", "hi, can i get a copy of my data? like everything you have", Request},
		{"agent picks the request up in the first person", "Sanne van Rabe Bank <sanne@rabebank.example.nl>", "Re: [#BNK-204913] Mijn gegevens doorgegeven aan incassobureau?",
			"Hoi,\n\nIk ben Sanne en ik heb je vraag opgepakt. Ik ga ermee aan de slag en laat je zo snel mogelijk weten wat we voor je kunnen doen.\n\nJe vraag:\n\"Ik kreeg een brief van een incassobureau met mijn oude adres erop. Hebben jullie mijn gegevens aan hen doorgegeven? Welke gegevens precies?\"\n\nJe ticketnummer is BNK-204913. Reageer gerust op deze e-mail als je nog iets wilt aanvullen.\n\nGroetjes,\nSanne\nTeam Klantcontact | Rabe Bank", AutoReply},
		{"agent introduces themselves and goes on in the first person", "Daan <daan@support.fietsenbaas.example.nl>", "[#20931] Daan heeft je verzoek opgepakt",
			"Hoi Anouk,\n\nIk ben Daan en ik heb je verzoek opgepakt. Je vroeg ons om je gegevens te verwijderen. Ik ga ermee aan de slag en laat je binnen een paar werkdagen weten hoe het ervoor staat.\n\nGroetjes,\nDaan\nTeam Fietsenbaas\n\nJe ontvangt dit bericht omdat je contact met ons hebt opgenomen. Antwoorden boven deze regel.", AutoReply},
		{"person tells the agent picked it up", "Jan de Vries <jan.devries@example.nl>", "Re: [#BNK-204913] Mijn gegevens",
			"Sanne schreef dat ze mijn vraag heeft opgepakt, maar ik hoor niets. Ik wil weten welke gegevens jullie aan het incassobureau hebben gegeven.\n\nJan", Request},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := c.Classify(msg(tc.from, tc.subject, tc.body))
			if r.Kind != tc.want {
				t.Errorf("kind %s %v (%s), want %s", r.Kind, r.Rights, r.KindReason, tc.want)
			}
		})
	}
}

// TestReplyBelowMarker: a person who writes right below a help desk's
// reply marker kept on top of their reply is a person; the desk's own
// receipt that starts with the marker and goes on in its phrasing is
// automatic.
func TestReplyBelowMarker(t *testing.T) {
	c := newTestClassifier(t)
	person := c.Classify(msg("Bernard Coste <bcoste@example.fr>", "Re: [##55012##] Nous avons bien reçu votre demande",
		"##- Veuillez saisir votre réponse au-dessus de cette ligne -##\n\nPrécision à ma demande : surtout ne supprimez rien. J'ai un litige en cours avec vous et j'aurai besoin de ces éléments devant le médiateur. Par contre je ne veux plus qu'ils servent à autre chose en attendant.\n\nB. Coste"))
	if person.Kind != Request {
		t.Errorf("person below the marker: kind %s (%s), want request", person.Kind, person.KindReason)
	}
	desk := c.Classify(msg("Aurélie <aurelie@rdv.example.fr>", "Re: profil de ma fille",
		"##- Veuillez répondre au-dessus de cette ligne -##\n\nBonjour,\n\nVotre demande (552810) a bien été reçue et sera traitée dans les meilleurs délais.\n\nAurélie Petit, 26 nov. 2025, 21:47 CET\n\nBonjour,\n\nJ'avais créé dans mon compte un profil pour ma fille Léa. Je voudrais que le profil de Léa soit supprimé."))
	if desk.Kind != AutoReply {
		t.Errorf("desk receipt below the marker: kind %s (%s), want auto_reply", desk.Kind, desk.KindReason)
	}
}

// TestDeskLineReaders: chat lines with a date and seconds in brackets,
// a web form's "Text:" line and a French "J+21" are the desk's layout,
// not a writer's words.
func TestDeskLineReaders(t *testing.T) {
	if k, ok := chatLine("[11/24/2026 16:20:40] Guest_8812: why did your system turn down my loan"); !ok || k != len("[11/24/2026 16:20:40] Guest_8812:") {
		t.Errorf("chatLine with date and seconds: %d %v", k, ok)
	}
	if _, ok := chatLine("[Ticket 4411] Status: open"); ok {
		t.Error("chatLine read a ticket tag as a time")
	}
	if _, ok := labelledLine("  Text: Ich bitte um eine Aufstellung aller Daten"); !ok {
		t.Error(`labelledLine did not read "Text:"`)
	}
	c := newTestClassifier(t)
	sc := c.scan(msg("a <a@example.fr>", "Escalade", "Motif : délai dépassé (J+21). J'ai transmis la demande."))
	var is []string
	for _, tk := range sc.toks {
		if sc.writersIAt(&tk) {
			is = append(is, tk.s)
		}
	}
	if strings.Join(is, " ") != "j" || sc.lang != "fr" {
		t.Errorf("writers' I in %q (%s): %q, want only the j of J'ai", sc.text, sc.lang, is)
	}
}

// TestModelReadsMachineNotRequest: an account notice without automation
// headers is automatic, read by the notice phrases or, where they miss,
// by the word model (then marked for staff); a person's thank-you stays
// not_a_request.
func TestModelReadsMachineNotRequest(t *testing.T) {
	c := newTestClassifier(t)
	r := c.Classify(msg("Northwind Energy <accounts@northwind-energy-example.co.uk>", "Your password has been changed",
		"Hello Laura,\n\nThe password for your Northwind Energy online account was changed on 27 November 2026 at\n22:13.\n\nIf you made this change, you don't need to do anything.\n\nIf you didn't, please reset your password straight away and call us on 0800 000 4411.\n\nNorthwind Energy\nRegistered in England and Wales No. 00000000"))
	// Since stop 21 the notice phrases read it first, as the machine's
	// own (no Triage); the word model's reading marks it for staff.
	if r.Kind != AutoReply || !r.Triage && !strings.HasPrefix(r.KindReason, "machine notice") {
		t.Errorf("password notice: kind %s triage %v (%s), want auto_reply, a machine notice or for staff", r.Kind, r.Triage, r.KindReason)
	}
	r = c.Classify(msg("Laura Fox <laura.fox@example.co.uk>", "Thanks",
		"Hello,\n\nI just wanted to say thank you for sorting out my meter reading so quickly last week. The engineer was very friendly.\n\nKind regards,\nLaura"))
	if r.Kind != NotARequest {
		t.Errorf("thank-you: kind %s (%s), want not_a_request", r.Kind, r.KindReason)
	}
}

// A form copy's field with a dotted leader is a labelled line; its value
// is what the person wrote, so their "ich" there is quoted (wordmodel112a).
func TestDottedFieldIsLabelled(t *testing.T) {
	line := "  Nachricht .......... Bitte löschen Sie alles was Sie über mich haben"
	k, ok := labelledLine(line)
	if !ok || line[k:k+5] != "Bitte" {
		t.Errorf("labelledLine(%q) = %d, %v; want the offset of the value", line, k, ok)
	}
	for _, l := range []string{"Kundennummer ....... 40-771-2093", "Bitte warten... ich melde mich", "Nachricht ..........", "und so weiter...dann"} {
		if _, ok := labelledLine(l); ok {
			t.Errorf("labelledLine(%q) = true; want false", l)
		}
	}
}
