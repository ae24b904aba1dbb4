package classify

import (
	"net/mail"
	"slices"
	"strings"
	"testing"

	"privacyd/message"
)

func newTestClassifier(t testing.TB) *Classifier {
	t.Helper()
	c, err := New(Options{
		StaffAddresses: []string{"Staff Member <staff@shop.example>"},
		OwnAddresses:   []string{"privacy@shop.example"},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// msg builds a Message the way message.Parse would for a plain mail.
func msg(from, subject, body string, header ...string) *message.Message {
	m := &message.Message{Subject: subject, Text: body, NewText: body, Header: map[string][]string{}}
	if from != "" {
		a, err := mail.ParseAddress(from)
		if err != nil {
			panic(err)
		}
		m.From = a
	}
	for i := 0; i+1 < len(header); i += 2 {
		m.Header[header[i]] = append(m.Header[header[i]], header[i+1])
	}
	return m
}

func TestRightsByPhrasing(t *testing.T) {
	c := newTestClassifier(t)
	tests := []struct {
		name, subject, body string
		want                []string
	}{
		// informal one-liners
		{"haal mijn gegevens weg", "", "haal mijn gegevens weg", []string{Erasure}},
		{"what data do you have on me", "", "what data do you have on me?", []string{Access}},
		{"stop met mailen", "", "stop met mailen", []string{ObjectDirectMarketing}},
		{"geen reclame meer", "", "Ik wil geen reclame meer.", []string{ObjectDirectMarketing}},
		{"afmelden nieuwsbrief", "", "graag afmelden nieuwsbrief", []string{ObjectDirectMarketing}},
		{"Werbewiderspruch", "", "Werbewiderspruch!", []string{ObjectDirectMarketing}},
		{"ne plus recevoir de publicité", "", "Je ne veux plus recevoir de publicité.", []string{ObjectDirectMarketing}},
		{"unsubscribe", "", "unsubscribe", []string{ObjectDirectMarketing}},
		{"welke gegevens hebben jullie", "", "Welke gegevens hebben jullie van mij?", []string{Access}},
		{"konto loeschen without umlaut", "", "bitte mein konto loeschen", []string{Erasure}},
		{"donnees without accents", "", "supprimez toutes mes donnees svp", []string{Erasure}},
		{"typo acount", "", "plz delet my acount", []string{Erasure}},
		{"compound klantgegevens", "", "Verwijder al mijn klantgegevens.", []string{Erasure}},
		// negation
		{"do not delete, only a copy", "", "I do not want my account deleted, I only want a copy of my data.", []string{Access}},
		{"the issue's own example: a bare copy", "", "I do not want my account deleted, I only want a copy", []string{Access}},
		{"just a copy", "", "Please don't close my account. I just want a copy.", []string{Access}},
		{"alleen een kopie", "", "Ik wil niet dat mijn account wordt verwijderd, ik wil alleen een kopie.", []string{Access}},
		{"nur eine Kopie", "", "Bitte löschen Sie mein Konto nicht, ich möchte nur eine Kopie.", []string{Access}},
		{"seulement une copie", "", "Ne supprimez pas mon compte, je veux seulement une copie.", []string{Access}},
		{"hou op met bellen", "", "Hou op met bellen!", []string{ObjectDirectMarketing}},
		{"rejected automatically, a person to look", "", "Why was my credit application rejected automatically? I want a person to look at it.", []string{AutomatedDecision}},
		{"an order cancelled automatically is no decision about a person", "", "My order was cancelled automatically, where is my refund?", nil},
		{"do not use my data for now", "", "Please don't use my data for now while you check whether it is correct.", []string{Restriction}},
		{"voorlopig niet gebruiken", "", "Gebruik mijn gegevens voorlopig niet totdat u heeft uitgezocht of ze kloppen.", []string{Restriction}},
		{"vorerst nicht verarbeiten", "", "Bitte verarbeiten Sie meine Daten vorerst nicht, bis die Richtigkeit geklärt ist.", []string{Restriction}},
		{"ne plus utiliser le temps de vérifier", "", "Merci de ne plus utiliser mes données le temps de vérifier leur exactitude.", []string{Restriction}},
		{"an app not used for now is no restriction", "", "Ik kan de app voorlopig niet gebruiken, hij crasht steeds.", nil},
		{"which recipients got my data", "", "Which recipients did you share my data with? Please also tell me the purposes.", []string{Access}},
		{"aan wie doorgegeven", "", "Aan wie hebben jullie mijn gegevens doorgegeven?", []string{Access}},
		{"sharing a newsletter is no access request", "", "Which companies did you share the newsletter with? Great content!", nil},
		{"refusée automatiquement, une personne réexamine", "", "Ma demande de crédit a été refusée automatiquement, je veux qu'une personne réexamine mon dossier.", []string{AutomatedDecision}},
		{"niet opzeggen, wel stoppen met bellen", "", "Ik wil mijn abonnement niet opzeggen, maar stop met bellen.", []string{ObjectDirectMarketing}},
		{"niet verwijderen, alleen inzage", "", "Verwijder mijn account niet, ik wil alleen inzage in mijn gegevens.", []string{Access}},
		{"nicht löschen, nur Auskunft", "", "Bitte meine Daten nicht löschen, ich möchte nur Auskunft über meine Daten.", []string{Access}},
		{"nicht löschen after the object", "", "Löschen Sie mein Konto bitte nicht! Ich will nur eine Kopie meiner Daten.", []string{Access}},
		{"ne pas supprimer", "", "Je ne veux pas que vous supprimiez mon compte, je veux seulement une copie de mes données.", []string{Access}},
		{"a gap does not span a contrast", "", "Ik wil niet dat mijn account wordt verwijderd hoor, ik wil alleen weten welke gegevens jullie van mij hebben opgeslagen.", []string{Access}},
		{"no longer is not a negation", "", "I no longer want to receive your newsletter.", []string{ObjectDirectMarketing}},
		// article numbers
		{"art. 15 AVG", "", "Verzoek op grond van art. 15 AVG.", []string{Access}},
		{"Art. 17 DSGVO", "", "Antrag nach Art. 17 DSGVO.", []string{Erasure}},
		{"article 21 RGPD", "", "Je fais valoir l'article 21 RGPD.", []string{Objection}},
		{"Art. 21 Abs. 2 is direct marketing", "", "Widerspruch nach Art. 21 Abs. 2 DSGVO.", []string{ObjectDirectMarketing}},
		{"artikel 21 lid 1 is objection", "", "Bezwaar op grond van artikel 21 lid 1 AVG.", []string{Objection}},
		{"article 7(3) is withdrawal", "", "I rely on article 7(3) GDPR.", []string{WithdrawConsent}},
		{"artikel 17", "", "Ik beroep me op artikel 17.", []string{Erasure}},
		{"art. 15 en 17 keeps both", "", "Verzoek ex art. 15 en 17 AVG.", []string{Access, Erasure}},
		{"Art. 22", "", "Ich berufe mich auf Art. 22 DSGVO.", []string{AutomatedDecision}},
		// distinctions between rights
		{"bezwaar against direct marketing is not objection", "", "Ik maak bezwaar tegen het gebruik van mijn gegevens voor direct marketing.", []string{ObjectDirectMarketing}},
		{"objection to legitimate interest", "", "I object to the processing of my data based on your legitimate interests.", []string{Objection}},
		{"portability in machine-readable form", "", "Please send me my data in a machine-readable format so I can move to another provider.", []string{Portability}},
		{"rights list of an access letter adds nothing", "", "Please tell me: the existence of the right to request rectification or erasure of personal data or restriction of processing or to object to such processing.\n\nPlease send a copy of my personal data.", []string{Access}},
		{"several rights in one mail", "", "Stuur mij een kopie van mijn gegevens. Daarna wil ik dat u alles verwijdert. En ik trek mijn toestemming in.", []string{Access, Erasure, WithdrawConsent}},
		{"restriction until resolved", "", "Please restrict the processing of my data until the dispute is resolved.", []string{Restriction}},
		{"human review of an automated decision", "", "My application was automatically rejected. I want a human to review the decision.", []string{AutomatedDecision}},
		{"rectification of a wrong name", "", "Mijn naam is verkeerd gespeld, kunt u die corrigeren?", []string{Rectification}},
		// subject
		{"subject only", "Verwijder mijn gegevens", "", []string{Erasure}},
		{"subject adds to the body", "Inzageverzoek", "Zie bijlage.", []string{Access}},
		// boilerplate
		{"disclaimer does not ask for erasure", "", "Graag een kopie van mijn gegevens.\n\nAls u niet de beoogde ontvanger bent, verzoeken wij u dit bericht te verwijderen.", []string{Access}},
		{"delivery address is not rectification", "", "Can you change the delivery address for my order 1234?", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := c.Classify(msg("Jan <jan@example.net>", tt.subject, tt.body))
			want := tt.want
			if want == nil {
				want = []string{}
			}
			if !slices.Equal(r.Rights, want) {
				t.Errorf("rights = %v, want %v (evidence %v)", r.Rights, want, r.Evidence)
			}
		})
	}
}

func TestKindByHeadersAndText(t *testing.T) {
	c := newTestClassifier(t)
	request := "Please delete my account and all my personal data."
	tests := []struct {
		name string
		m    *message.Message
		want Kind
	}{
		{"plain request", msg("jan@example.net", "delete", request), Request},
		{"an Exchange NDR without its headers", msg("jan@example.net", "", "Your message did not reach some or all of the intended recipients. The following recipient(s) cannot be reached: jan@example.com"), Bounce},
		{"a Sendmail bounce without its headers", msg("jan@example.net", "", "----- The following addresses had permanent fatal errors -----"), Bounce},
		{"a French bounce without its headers", msg("jan@example.net", "", "Votre message n'a pu être remis à un ou plusieurs destinataires."), Bounce},
		{"a person whose letter did not reach us", msg("jan@example.net", "", "My letter did not reach you last week, so here it is again: I want a copy of my data."), Request},
		{"a German date does not end the sentence", msg("jan@example.net", "", "Ich bin bis zum 10. Januar im Urlaub. Für Auskunftsersuchen nach DSGVO wenden Sie sich bitte an datenschutz@beispiel.de."), AutoReply},
		{"a German date in a request", msg("jan@example.net", "", "Ich habe am 3. März um Auskunft gebeten. Bitte senden Sie mir eine Kopie meiner Daten."), Request},
		{"a Gmail bounce without its headers", msg("jan@example.net", "", "Delivery to the following recipient failed permanently: jan@example.com. The recipient's mailbox is full."), Bounce},
		{"Auto-Submitted auto-replied", msg("jan@example.net", "Re: delete", request, "Auto-Submitted", "auto-replied"), AutoReply},
		{"Auto-Submitted auto-generated", msg("jan@example.net", "x", request, "Auto-Submitted", "auto-generated"), AutoReply},
		{"Auto-Submitted no is a person", msg("jan@example.net", "x", request, "Auto-Submitted", "no", "X-Auto-Response-Suppress", "All"), Request},
		{"X-Autoreply", msg("jan@example.net", "x", request, "X-Autoreply", "yes"), AutoReply},
		{"X-Autorespond", msg("jan@example.net", "x", request, "X-Autorespond", "yes"), AutoReply},
		{"X-Auto-Response-Suppress", msg("jan@example.net", "x", request, "X-Auto-Response-Suppress", "OOF, AutoReply"), AutoReply},
		{"Precedence auto_reply", msg("jan@example.net", "x", request, "Precedence", "auto_reply"), AutoReply},
		{"Precedence bulk with out-of-office text", msg("jan@example.net", "Away", "I am out of the office until Monday.", "Precedence", "bulk"), AutoReply},
		{"Precedence bulk newsletter", msg("news@example.net", "Deals", "Big deals this week on garden furniture.", "Precedence", "bulk"), NotARequest},
		{"List-Unsubscribe newsletter", msg("news@example.net", "Deals", "Stop by for our spring sale. Unsubscribe here.", "List-Unsubscribe", "<mailto:u@example.net>"), NotARequest},
		{"List-Unsubscribe on a letter sent by a service", msg("jan@example.net", "x", request, "List-Unsubscribe", "<mailto:u@letters.example>"), Request},
		{"List-Id mailing list about erasure", msg("bob@lists.example", "[gdpr] erasure of ex-employees", "How do you handle erasure requests? Do you delete the data from archives?", "List-Id", "<gdpr.lists.example>"), NotARequest},
		{"Read: receipt text", msg("olga@example.net", "Read: Your request", "Your message was read on Tuesday, 10 March 2026."), AutoReply},
		{"subject Auto: prefix", msg("jan@example.net", "Auto: Re: your request", "Back next week."), AutoReply},
		{"subject out of office hours is a person", msg("jan@example.net", "Out of office hours calls", "Your sales team calls me at 10 pm. Stop calling me."), Request},
		{"role address acknowledgement", msg("support@vendor.example", "Your message", "Thank you for contacting us. We have received your message."), AutoReply},
		{"headerless auto-reply to our subject naming a right", msg("karin@bureau.example", "Re: Uw inzageverzoek", "Karin Vos is niet meer werkzaam bij ons. Uw e-mail wordt niet doorgestuurd."), AutoReply},
		{"reply subject alone invokes nothing", msg("jan@example.net", "Re: Verwijder mijn gegevens", "Ik heb nog niets gehoord."), NotARequest},
		{"a person thanking for a mail", msg("jan@example.net", "Re: your mail", "Thank you for your email. We have received your letter; my reference number is 123. Please delete my account."), Request},
		{"sales pitch about GDPR", msg("sales@tools.example", "GDPR compliance", "Handling data subject access requests manually? Our platform automates it. Book a free demo today."), NotARequest},
		{"List-Id of our own mailbox is not a newsletter", msg("jan@example.net", "x", request, "List-Id", "<privacy.shop.example>"), Request},
		{"MAILER-DAEMON", msg("MAILER-DAEMON@mx.example.net", "failure notice", request), Bounce},
		{"postmaster", msg("postmaster@mx.example.net", "Undeliverable", "x"), Bounce},
		{"X-Failed-Recipients", msg("mx@mx.example.net", "x", "x", "X-Failed-Recipients", "a@b.example"), Bounce},
		{"null Return-Path", msg("desk@example.net", "Melding geregistreerd", "Uw melding is geregistreerd.", "Return-Path", "<>"), AutoReply},
		{"noreply sender", msg("noreply@example.net", "Your order", "Your order has shipped."), NotARequest},
		{"noreply acknowledgement", msg("no-reply@example.net", "Received", "Thank you for your email. We have received your message and will respond within 2 business days."), AutoReply},
		{"own mail", msg("privacy@shop.example", "[DSR-1] We received your request", request), AutoReply},
		{"out of office text only", msg("jan@example.net", "Out of Office", "I am out of the office until 3 March with no access to email."), AutoReply},
		{"afwezigheid text only", msg("jan@example.net", "Afwezig", "Ik ben afwezig tot en met 9 maart."), AutoReply},
		{"Abwesenheitsnotiz", msg("jan@example.net", "Abwesenheitsnotiz", "Ich bin bis zum 20.03. nicht im Büro."), AutoReply},
		{"réponse automatique", msg("jan@example.net", "Réponse automatique : votre demande", "Je suis absent du bureau jusqu'au 16 mars."), AutoReply},
		{"ticket acknowledgement that names the right", msg("privacy@bigco.example", "Request received", "Thank you for your message. We have received your request to delete your data. Your reference number is 123. This is an automated message."), AutoReply},
		{"bounce text", msg("mail@mx.example.net", "Undelivered Mail Returned to Sender", "This is the mail system at host mx. I'm sorry to have to inform you that your message could not be delivered to one or more recipients."), Bounce},
		{"replying to an auto-reply subject is a person", msg("jan@example.net", "Re: Automatic reply: your request", request), Request},
		{"staff command", msg("staff@shop.example", "Re: [DSR-1]", "#verified\n#note ok"), StaffCommand},
		{"staff command after blank lines", msg("Staff@Shop.Example", "Re: [DSR-1]", "\n\n  #done thanks"), StaffCommand},
		{"staff without a command", msg("staff@shop.example", "Re: [DSR-1]", "I will call her tomorrow."), NotARequest},
		{"command from a customer is not a staff command", msg("jan@example.net", "Re: [DSR-1]", "#verified\nPlease delete my data."), Request},
		{"triage", msg("jan@example.net", "privacy", "How did you get my personal data?"), Request},
		{"order question", msg("jan@example.net", "order", "Where is my parcel? Order 1234."), NotARequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := c.Classify(tt.m)
			if r.Kind != tt.want {
				t.Errorf("kind = %s (%s), want %s", r.Kind, r.KindReason, tt.want)
			}
			if r.KindReason == "" {
				t.Error("no KindReason")
			}
			if r.Kind != Request && (len(r.Rights) > 0 || r.Representative) {
				t.Errorf("kind %s with rights %v, representative %v", r.Kind, r.Rights, r.Representative)
			}
		})
	}
}

func TestMultipartReportIsBounce(t *testing.T) {
	c := newTestClassifier(t)
	m := msg("someone@example.net", "Your request", "Please delete my data.")
	m.MediaType, m.ReportType = "multipart/report", "delivery-status"
	if r := c.Classify(m); r.Kind != Bounce {
		t.Errorf("kind = %s, want bounce", r.Kind)
	}
	m.ReportType = "disposition-notification"
	if r := c.Classify(m); r.Kind != AutoReply {
		t.Errorf("read receipt: kind = %s, want auto_reply", r.Kind)
	}
}

func TestTriage(t *testing.T) {
	c := newTestClassifier(t)
	// (Asking where the data came from, "Hoe komen jullie aan mijn
	// persoonsgegevens?", is access since batch 19: art. 15(1)(g).)
	r := c.Classify(msg("jan@example.net", "vraag", "Is mijn account ook getroffen door het datalek? Ik maak me zorgen over mijn persoonsgegevens."))
	if r.Kind != Request || !r.Triage || len(r.Rights) != 0 {
		t.Errorf("got kind %s triage %v rights %v, want a request for triage without rights", r.Kind, r.Triage, r.Rights)
	}
	r = c.Classify(msg("jan@example.net", "delete", "Please delete my account."))
	if r.Triage {
		t.Error("a clear request is marked for triage")
	}
}

func TestQuotedTextAddsNoRights(t *testing.T) {
	c := newTestClassifier(t)
	m := msg("jan@example.net", "Re: your question", "Thanks, that answers my question.")
	m.Quoted = "> Would you like us to delete your account and all your data?\n> Or send you a copy of your data?"
	m.Text = m.NewText + "\n\n" + m.Quoted
	r := c.Classify(m)
	if len(r.Rights) != 0 {
		t.Errorf("rights %v from quoted text (evidence %v)", r.Rights, r.Evidence)
	}
}

func TestForwardedTextCounts(t *testing.T) {
	c := newTestClassifier(t)
	m := msg("jan@example.net", "Fwd: request", "See below.\n\n---------- Forwarded message ---------\nFrom: Jan\nSubject: request\n\nPlease delete my personal data.")
	m.Forwarded = true
	if r := c.Classify(m); !slices.Equal(r.Rights, []string{Erasure}) {
		t.Errorf("rights = %v, want [erasure]", r.Rights)
	}
}

func TestEvidenceOffsets(t *testing.T) {
	c := newTestClassifier(t)
	subject := "Inzageverzoek"
	body := "Beste,\n\nGraag wil ik dat u al mijn gegevens verwijdert."
	r := c.Classify(msg("jan@example.net", subject, body))
	scanned := subject + "\n" + body
	if len(r.Evidence) == 0 {
		t.Fatal("no evidence")
	}
	var sawSubject, sawBody bool
	for _, e := range r.Evidence {
		if e.Offset < 0 || e.Offset+len(e.Text) > len(scanned) || scanned[e.Offset:e.Offset+len(e.Text)] != e.Text {
			t.Errorf("evidence %+v does not point into Subject+\"\\n\"+NewText", e)
		}
		if !slices.Contains(r.Rights, e.Right) {
			t.Errorf("evidence for %s, which is not among the rights %v", e.Right, r.Rights)
		}
		if e.Offset < len(subject) {
			sawSubject = true
		}
		if e.Offset > len(subject) {
			sawBody = true
		}
	}
	if !sawSubject || !sawBody {
		t.Errorf("want evidence from subject and body, got %+v", r.Evidence)
	}
	// The erasure phrase in the body.
	i := strings.Index(scanned, "gegevens verwijdert")
	found := false
	for _, e := range r.Evidence {
		if e.Right == Erasure && e.Offset <= i && i < e.Offset+len(e.Text) {
			found = true
		}
	}
	if !found {
		t.Errorf("no erasure evidence around offset %d: %+v", i, r.Evidence)
	}
}

func TestRepresentative(t *testing.T) {
	c := newTestClassifier(t)
	tests := []struct {
		name, body string
		want       bool
	}{
		{"lawyer on behalf of client", "We act on behalf of our client Mr Smith and request a copy of his personal data.", true},
		{"namens mijn moeder", "Namens mijn moeder vraag ik inzage in haar gegevens.", true},
		{"volmacht", "Ik heb een volmacht van mijn vader en wil dat zijn account wordt verwijderd.", true},
		{"Rechtsanwalt im Auftrag", "Im Auftrag unserer Mandantin verlangen wir Auskunft nach Art. 15 DSGVO.", true},
		{"Vollmacht für meine Mutter", "Ich habe eine Vollmacht für meine Mutter und bitte um Löschung ihrer Daten.", true},
		{"avocat au nom de", "En qualité d'avocat de Mme Roux, j'agis en son nom et demande l'effacement de ses données.", true},
		{"parent for a child", "As her parent I ask you to delete my daughter's account.", true},
		{"debt counsellor", "Als schuldhulpverlener van de heer De Bruijn vraag ik een overzicht van zijn gegevens.", true},
		{"we act for", "We act for Mr Patel and ask you to delete all personal data about him.", true},
		{"wir vertreten", "Wir vertreten Frau Beck und verlangen die Löschung ihrer Daten.", true},
		{"namens jullie is not a representative", "Er belt steeds iemand namens jullie. Verwijder mijn nummer uit jullie systemen.", false},
		{"own request", "Please send me a copy of my personal data.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := c.Classify(msg("x@example.net", "", tt.body))
			if r.Representative != tt.want {
				t.Errorf("representative = %v, want %v (evidence %v, rights %v)", r.Representative, tt.want, r.RepresentativeEvidence, r.Rights)
			}
		})
	}
}

func TestLanguage(t *testing.T) {
	c := newTestClassifier(t)
	tests := []struct{ name, subject, body, want string }{
		{"nl", "", "Ik wil graag weten welke gegevens jullie van mij hebben.", "nl"},
		{"en", "", "I would like to know which data you hold about me.", "en"},
		{"de", "", "Ich möchte wissen, welche Daten Sie über mich gespeichert haben.", "de"},
		{"fr", "", "Je voudrais savoir quelles données vous avez sur moi.", "fr"},
		{"subject only nl", "Verwijder mijn gegevens", "", "nl"},
		{"subject only de without function words", "Konto löschen", "", "de"},
		{"only an article and the law's German name", "", "Art. 17 DSGVO", "de"},
		{"only an article and the law's French name", "", "article 21 RGPD", "fr"},
		{"empty", "", "", "und"},
		{"numbers only", "", "12345 67890", "und"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.Classify(msg("x@example.net", tt.subject, tt.body)).Language; got != tt.want {
				t.Errorf("language = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestExtraPhrases(t *testing.T) {
	extra := []byte("# our own words\nerasure frobnicate ~2 my ~2 quux\nrepresentative:1 zaakwaarnemer\nrepresentative:1 gevolmachtigde\n")
	c, err := New(Options{ExtraPhrases: extra})
	if err != nil {
		t.Fatal(err)
	}
	r := c.Classify(msg("x@example.net", "", "Please frobnicate all my quux."))
	if !slices.Equal(r.Rights, []string{Erasure}) {
		t.Errorf("rights = %v, want [erasure] from the extra phrase", r.Rights)
	}
	plain := newTestClassifier(t)
	if r := plain.Classify(msg("x@example.net", "", "Please frobnicate all my quux.")); len(r.Rights) != 0 {
		t.Errorf("without the extra phrases: rights = %v, want none", r.Rights)
	}
}

func TestExtraPhrasesErrors(t *testing.T) {
	tests := []struct{ name, file, wantLine, wantText string }{
		{"unknown category", "# ok\nerasure delete me\nfoo bar\n", "extra phrases:3:", "unknown category"},
		{"no phrase", "access\n", "extra phrases:1:", "CATEGORY PHRASE"},
		{"bad weight", "\n\naccess:0 copy\n", "extra phrases:3:", "weight"},
		{"gap at the end", "access copy ~\n", "extra phrases:1:", "gap"},
		{"gap at the start", "access ~ copy\n", "extra phrases:1:", "between two words"},
		{"gap too long", "access copy ~40 data\n", "extra phrases:1:", "gap"},
		{"punctuation in a word", "access copy. data\n", "extra phrases:1:", "bad word"},
		{"short suffix", "access *ab\n", "extra phrases:1:", "suffix"},
		{"negation phrase", "negation not really\n", "extra phrases:1:", "single words"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(Options{ExtraPhrases: []byte(tt.file)})
			if err == nil {
				t.Fatal("New accepted a bad phrase file")
			}
			if !strings.Contains(err.Error(), tt.wantLine) || !strings.Contains(err.Error(), tt.wantText) {
				t.Errorf("error %q, want it to name %q and say %q", err, tt.wantLine, tt.wantText)
			}
		})
	}
}

func TestNilAndEmpty(t *testing.T) {
	c := newTestClassifier(t)
	for _, m := range []*message.Message{nil, {}, {Header: map[string][]string{}}} {
		r := c.Classify(m)
		if r.Rights == nil || r.Evidence == nil {
			t.Errorf("Classify(%v): nil rights or evidence", m)
		}
		if r.Kind != NotARequest || r.Language != "und" {
			t.Errorf("Classify(%v) = %s %s, want not_a_request und", m, r.Kind, r.Language)
		}
	}
}

func TestHugeTextIsCapped(t *testing.T) {
	c := newTestClassifier(t)
	body := "Please delete my data. " + strings.Repeat("lorem ipsum dolor sit amet ", 80000) + " I also want a copy of my data."
	r := c.Classify(msg("x@example.net", "", body))
	if !slices.Equal(r.Rights, []string{Erasure}) {
		t.Errorf("rights = %v: want only what is in the first %d bytes", r.Rights, maxScan)
	}
}

func TestEmbeddedLexiconsParse(t *testing.T) {
	lx := newLexicon()
	if err := lx.loadEmbedded(); err != nil {
		t.Fatal(err)
	}
	if lx.n < 500 {
		t.Errorf("only %d phrases loaded", lx.n)
	}
	for _, l := range Languages {
		n := 0
		for _, langs := range lx.stop {
			if slices.Contains(langs, l) {
				n++
			}
		}
		if n < 30 {
			t.Errorf("%s: %d function words", l, n)
		}
	}
}

func TestConcurrentUse(t *testing.T) {
	c := newTestClassifier(t)
	bodies := []string{"Please delete my account.", "Ik wil inzage in mijn gegevens.", "Bitte keine Werbung mehr.", "Je retire mon consentement."}
	done := make(chan Result, 40)
	for i := 0; i < 40; i++ {
		go func(i int) { done <- c.Classify(msg("x@example.net", "", bodies[i%len(bodies)])) }(i)
	}
	for i := 0; i < 40; i++ {
		if r := <-done; len(r.Rights) != 1 {
			t.Errorf("concurrent classification gave rights %v", r.Rights)
		}
	}
}
