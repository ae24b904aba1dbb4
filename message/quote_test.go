package message

import (
	"strings"
	"testing"
	"time"
)

func TestSplitQuoted(t *testing.T) {
	for _, tc := range []struct {
		name      string
		in        string
		newText   string
		quotedHas []string
		fwd       bool
	}{
		{name: "no quote", in: "Please delete my data.\n", newText: "Please delete my data."},
		{name: "top posting with > quote",
			in:      "Yes, all of it.\n\nOn Mon, 2 Mar 2026 at 10:00, Privacy <privacy@example.org> wrote:\n> Which data?\n",
			newText: "Yes, all of it.", quotedHas: []string{"wrote:", "> Which data?"}},
		{name: "Gmail nl attribution",
			in:      "Ja.\n\nOp ma 2 mrt 2026 om 10:00 schreef Privacy <privacy@example.org>:\n\n> Welke gegevens?\n",
			newText: "Ja.", quotedHas: []string{"schreef"}},
		{name: "German attribution, unquoted original after it",
			in:      "Bitte löschen.\n\nAm 02.03.2026 um 10:00 schrieb Privacy <privacy@example.org>:\nWelche Daten?\n",
			newText: "Bitte löschen.", quotedHas: []string{"Welche Daten?"}},
		{name: "French attribution",
			in:      "Oui.\n\nLe lun. 2 mars 2026 à 10:00, Privacy <privacy@example.org> a écrit :\n> Quelles données ?\n",
			newText: "Oui.", quotedHas: []string{"a écrit :"}},
		{name: "attribution split over three lines",
			in:      "Fine.\n\nOn Mon, 2 Mar 2026 at 10:00, A Very Long Name Of The\nPrivacy Team <privacy@example.org>\nwrote:\n> q\n",
			newText: "Fine.", quotedHas: []string{"Privacy Team"}},
		{name: "own words that look like an attribution are kept",
			in:      "On Monday I wrote:\nplease remove me from the list.\n",
			newText: "On Monday I wrote:\nplease remove me from the list."},
		{name: "Outlook Original Message en",
			in:      "Done.\n\n-----Original Message-----\nFrom: A\nSent: Monday\nTo: B\nSubject: C\n\nold text\n",
			newText: "Done.", quotedHas: []string{"old text"}},
		{name: "a ticket system's copy of the mail it answers",
			in:      "Ihre Anfrage ist eingegangen.\n\n---- Ihre Nachricht ----\nBitte löschen Sie mein Konto.\n",
			newText: "Ihre Anfrage ist eingegangen.", quotedHas: []string{"Bitte löschen"}},
		{name: "a ticket system's copy after a colon line",
			in:      "Nous accusons réception de votre demande.\n\nRappel de votre message :\n« Je souhaite une copie de mes données. »\n",
			newText: "Nous accusons réception de votre demande.", quotedHas: []string{"une copie"}},
		{name: "a colon line naming something else is text",
			in:      "Hallo,\nMeine neue Adresse:\nHauptstraße 1\n",
			newText: "Hallo,\nMeine neue Adresse:\nHauptstraße 1"},
		{name: "a dashed line naming something else is text",
			in:      "Hallo\n---- Neue Adresse ----\nBitte ändern Sie meine Adresse.\n",
			newText: "Hallo\n---- Neue Adresse ----\nBitte ändern Sie meine Adresse."},
		{name: "Outlook header block fr without rule",
			in:      "Merci.\n\nDe : Privacy <privacy@example.org>\nEnvoyé : lundi 2 mars 2026 10:00\nÀ : Luc\nObjet : Demande\n\nancien\n",
			newText: "Merci.", quotedHas: []string{"ancien"}},
		{name: "Outlook header block de",
			in:      "Danke.\n\nVon: Privacy <privacy@example.org>\nGesendet: Montag, 2. März 2026 10:00\nAn: Klaus\nBetreff: Anfrage\n\nalt\n",
			newText: "Danke.", quotedHas: []string{"alt"}},
		{name: "letter-style header at the top is the sender's text",
			in:      "Van: Jan Jansen\nAan: Bedrijf BV\nOnderwerp: verwijderen\n\nVerwijder mijn gegevens.\n",
			newText: "Van: Jan Jansen\nAan: Bedrijf BV\nOnderwerp: verwijderen\n\nVerwijder mijn gegevens."},
		{name: "signature delimiter",
			in:      "Correct my name please.\n-- \nJane Doe\nACME\n",
			newText: "Correct my name please.", quotedHas: []string{"Jane Doe"}},
		{name: "mobile signatures", in: "Stop mailing me.\n\nSent from my iPhone\n",
			newText: "Stop mailing me.", quotedHas: []string{"Sent from my iPhone"}},
		{name: "mobile signature fr", in: "Arrêtez.\n\nEnvoyé de mon iPhone\n", newText: "Arrêtez."},
		{name: "mobile signature nl", in: "Stop.\n\nVerzonden vanaf mijn iPhone\n", newText: "Stop."},
		{name: "mobile signature de", in: "Halt.\n\nVon meinem iPhone gesendet\n", newText: "Halt."},
		{name: "inline answers kept",
			in:      "> Customer number?\n4711\n> Name?\nJan\n",
			newText: "4711\nJan", quotedHas: []string{"> Customer number?", "> Name?"}},
		{name: "Gmail forward", fwd: true,
			in:      "FYI\n\n---------- Forwarded message ---------\nFrom: Jan <jan@example.nl>\nDate: Mon\nSubject: x\n\nDelete my data.\n",
			newText: "FYI\n\n---------- Forwarded message ---------\nFrom: Jan <jan@example.nl>\nDate: Mon\nSubject: x\n\nDelete my data."},
		{name: "forward after signature keeps the forward", fwd: true,
			in:      "See below.\n-- \nJan\n\n-------- Doorgestuurd bericht --------\nOnderwerp: inzage\n\nIk wil inzage.\n",
			newText: "See below.\n\n-------- Doorgestuurd bericht --------\nOnderwerp: inzage\n\nIk wil inzage.", quotedHas: []string{"Jan"}},
		{name: "German forward", fwd: true,
			in:      "---------- Weitergeleitete Nachricht ----------\nVon: Uwe\n\nAuskunft bitte.\n",
			newText: "---------- Weitergeleitete Nachricht ----------\nVon: Uwe\n\nAuskunft bitte."},
		{name: "French forward", fwd: true,
			in:      "-------- Message transféré --------\nSujet : données\n\nSupprimez mes données.\n",
			newText: "-------- Message transféré --------\nSujet : données\n\nSupprimez mes données."},
		{name: "Apple forward fr with no-break space", fwd: true,
			in:      "Début du message réexpédié\u00a0:\n\nDe: Luc\n\nEffacez tout.\n",
			newText: "Début du message réexpédié\u00a0:\n\nDe: Luc\n\nEffacez tout."},
		{name: "Apple forward en", fwd: true,
			in:      "Again.\n\nBegin forwarded message:\n\nFrom: Jan\nSubject: x\n\nErase me.\n",
			newText: "Again.\n\nBegin forwarded message:\n\nFrom: Jan\nSubject: x\n\nErase me."},
		{name: "forward inside quoted mail stays quoted",
			in:      "Thanks.\n\n-----Original Message-----\nFrom: A\nSent: B\nTo: C\n\n---------- Forwarded message ---------\nold\n",
			newText: "Thanks.", quotedHas: []string{"old"}},
		{name: "CRLF input", in: "Hi\r\n\r\n> old\r\n", newText: "Hi", quotedHas: []string{"> old"}},
		{name: "empty", in: "", newText: ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n, q, fwd := splitQuoted(tc.in)
			if n != tc.newText {
				t.Errorf("newText = %q, want %q", n, tc.newText)
			}
			for _, s := range tc.quotedHas {
				if !strings.Contains(q, s) {
					t.Errorf("quoted %q does not contain %q", q, s)
				}
			}
			if fwd != tc.fwd {
				t.Errorf("forwarded = %v, want %v", fwd, tc.fwd)
			}
			n2, q2 := SplitQuoted(tc.in)
			if n2 != n || q2 != q {
				t.Errorf("SplitQuoted differs from splitQuoted")
			}
		})
	}
}

// A subject with "Fwd:"/"WG:"/"TR:" turns an Outlook block into forwarded
// text.
func TestSplitQuotedForwardSubject(t *testing.T) {
	in := "See below.\n\nFrom: Jan\nSent: Monday\nTo: privacy\nSubject: inzage\n\nIk wil inzage.\n"
	for _, subj := range []string{"Fwd: inzage", "FW: inzage", "WG: Auskunft", "TR: demande", "Doorst: inzage"} {
		if !forwardSubject(subj) {
			t.Errorf("forwardSubject(%q) = false", subj)
		}
	}
	if forwardSubject("Re: inzage") {
		t.Error(`forwardSubject("Re: inzage") = true`)
	}
	n, _, fwd := splitQuotedOpt(in, true)
	if !fwd || !strings.Contains(n, "Ik wil inzage.") {
		t.Errorf("with Fwd subject: newText %q, forwarded %v", n, fwd)
	}
	n, q, fwd := splitQuotedOpt(in, false)
	if fwd || n != "See below." || !strings.Contains(q, "Ik wil inzage.") {
		t.Errorf("without Fwd subject: newText %q, quoted %q, forwarded %v", n, q, fwd)
	}
}

func TestUnflow(t *testing.T) {
	in := "a long \nline\n> quoted \n> more\nnext\n-- \nsig"
	want := "a long line\n> quoted more\nnext\n-- \nsig"
	if got := unflow(in, false); got != want {
		t.Errorf("unflow = %q, want %q", got, want)
	}
	if got := unflow("ab \ncd", true); got != "abcd" {
		t.Errorf("unflow delsp = %q", got)
	}
}

// SplitQuoted stays linear on inputs made of nothing but markers.
func TestSplitQuotedLinear(t *testing.T) {
	for _, unit := range []string{"-- \n", "\n", "Sent from my iPhone\n", "From: a\nSent: b\nTo: c\n", "On 1 Jan 2026 10:00 X wrote:\n", "> q\n", "-----Original Message-----\n"} {
		in := strings.Repeat(unit, 50000)
		start := time.Now()
		SplitQuoted(in)
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%q x 50000: %v", unit, d)
		}
	}
}

// A short note that passes a mail on ("zur Info, keine Antwort bekommen")
// above an Outlook header block or "Original Message" marker makes the
// block forwarded text even without a "Fwd:" subject; a note of a reply,
// a long text or a block whose subject is a reply's keeps it quoted.
func TestSplitQuotedForwardNote(t *testing.T) {
	fwd := []struct{ note, block, body string }{
		{"zur Info, keine Antwort bekommen.\n\nMartin", "Von: Martin Vogel\nGesendet: Montag, 2. November 2026 09:12\nAn: service@shop.example\nBetreff: Auskunft", "bitte schicken Sie mir eine Kopie meiner Daten."},
		{"FYI - no reply yet.", "From: Dan Whitfield\nSent: 02 November 2026 11:40\nTo: help@shop.example\nSubject: my data", "Please send me a copy of my data."},
		{"ter info, nog steeds niks gehoord", "Van: Sanne Mulder\nVerzonden: dinsdag 3 november 2026 14:20\nAan: klantenservice@shop.example\nOnderwerp: inzageverzoek", "Ik wil een kopie van mijn gegevens."},
		{"Pour info, toujours pas de réponse.", "De : Nathalie Bernard\nEnvoyé : lundi 2 novembre 2026 10:05\nÀ : contact@shop.example\nObjet : demande d'accès", "Je souhaite une copie de mes données."},
		{"Zur Kenntnis.", "-----Ursprüngliche Nachricht-----\nVon: Holger Beck\nGesendet: Dienstag, 3. November 2026 10:15\nAn: kundenservice@shop.example\nBetreff: Kundenkonto", "bitte löschen Sie mein Kundenkonto."},
	}
	for _, tc := range fwd {
		in := tc.note + "\n\n" + tc.block + "\n\n" + tc.body + "\n"
		n, q, f := splitQuotedOpt(in, false)
		if !f || !strings.Contains(n, tc.body) || strings.Contains(q, tc.body) {
			t.Errorf("%q: newText %q, quoted %q, forwarded %v; want the body forwarded", tc.note, n, q, f)
		}
	}
	quoted := []struct{ note, block string }{
		// a reply's note
		{"Thanks, that answers my question.", "From: Shop Support\nSent: Monday\nTo: Jan\nSubject: your question"},
		{"Danke für die Antwort, alles klar.", "Von: Shop\nGesendet: Montag\nAn: Jan\nBetreff: Ihre Frage"},
		// a forwarding word, but the block is a reply in a thread
		{"Still no answer to this!", "From: Shop Support\nSent: Monday\nTo: Jan\nSubject: RE: my data"},
		{"Nog steeds geen reactie.", "Van: Klantenservice\nVerzonden: maandag\nAan: Jan\nOnderwerp: Antw: inzage"},
		// a long text that mentions a missing reply is a mail of its own
		{"I wrote to you in October and had no reply.\nThis is my second letter about it.\nI have also written to your DPO.\nPlease deal with it now.\nI will complain otherwise.", "From: Shop Support\nSent: Monday\nTo: Jan\nSubject: your ticket"},
		// a word inside another word is no note ("fyi" in "fyillis")
		{"Fyillis here", "From: Shop Support\nSent: Monday\nTo: Jan\nSubject: your ticket"},
	}
	for _, tc := range quoted {
		in := tc.note + "\n\n" + tc.block + "\n\nThe quoted text.\n"
		n, q, f := splitQuotedOpt(in, false)
		if f || strings.Contains(n, "The quoted text.") || !strings.Contains(q, "The quoted text.") {
			t.Errorf("%q: newText %q, quoted %q, forwarded %v; want the block quoted", tc.note, n, q, f)
		}
	}
}
