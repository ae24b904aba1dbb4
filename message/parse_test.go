package message

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"net/mail"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// parseCase is one mail and what must come out of it.
type parseCase struct {
	name  string
	file  string        // in testdata/
	gen   func() []byte // or a generated mail
	opt   Options
	check func(t *testing.T, m *Message)
	// maxDur bounds the parse time of pathological input (0: 2s).
	maxDur time.Duration
}

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Small assertion helpers; each names what it checks.
func eq[T comparable](t *testing.T, what string, got, want T) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %#v, want %#v", what, got, want)
	}
}

func contains(t *testing.T, what, s, sub string) {
	t.Helper()
	if !strings.Contains(s, sub) {
		t.Errorf("%s does not contain %q:\n%s", what, sub, s)
	}
}

func notContains(t *testing.T, what, s, sub string) {
	t.Helper()
	if strings.Contains(s, sub) {
		t.Errorf("%s contains %q:\n%s", what, sub, s)
	}
}

func hasProblem(t *testing.T, m *Message, sub string) {
	t.Helper()
	for _, p := range m.Problems {
		if strings.Contains(p, sub) {
			return
		}
	}
	t.Errorf("no problem containing %q in %q", sub, m.Problems)
}

func noProblems(t *testing.T, m *Message) {
	t.Helper()
	if len(m.Problems) != 0 {
		t.Errorf("Problems = %q, want none", m.Problems)
	}
}

func addr(t *testing.T, what string, a *mail.Address, name, address string) {
	t.Helper()
	if a == nil {
		t.Errorf("%s = nil, want %q <%s>", what, name, address)
		return
	}
	eq(t, what+".Name", a.Name, name)
	eq(t, what+".Address", a.Address, address)
}

var parseCases = []parseCase{
	{name: "plain CRLF", file: "plain.eml", check: func(t *testing.T, m *Message) {
		eq(t, "MessageID", m.MessageID, "CAFoo.123@mail.example.nl")
		addr(t, "From", m.From, "Jan de Vries", "Jan.de.Vries@Example.NL")
		eq(t, "Subject", m.Subject, "Inzage in mijn gegevens")
		eq(t, "Date", m.Date.UTC(), time.Date(2026, 3, 2, 8, 59, 58, 0, time.UTC))
		eq(t, "MediaType", m.MediaType, "text/plain")
		eq(t, "Header Auto-Submitted", strings.Join(m.Header["Auto-Submitted"], "|"), "no")
		eq(t, "Header Received count", len(m.Header["Received"]), 1)
		eq(t, "Text", m.Text, "Beste,\n\nIk wil graag inzage in mijn persoonsgegevens.\n\nMet vriendelijke groet,\nJan de Vries")
		eq(t, "NewText", m.NewText, m.Text)
		eq(t, "Quoted", m.Quoted, "")
		eq(t, "FromHTML", m.FromHTML, false)
		noProblems(t, m)
	}},
	{name: "HTML only", file: "html_only.eml", check: func(t *testing.T, m *Message) {
		eq(t, "Subject", m.Subject, "Suppression de mes données")
		eq(t, "FromHTML", m.FromHTML, true)
		eq(t, "MediaType", m.MediaType, "text/html")
		contains(t, "Text", m.Text, "Bonjour,\n\nJe souhaite la suppression de mes données & de mon compte.\nMerci beaucoup.")
		contains(t, "Text", m.Text, "- compte 42\n- newsletter")
		contains(t, "Text", m.Text, "Cordialement,\nMarie")
		contains(t, "Text", m.Text, "> Ancien message cité")
		for _, s := range []string{"Secret title", "color: red", "do not show", "<p>", "&eacute;", "\u00a0"} {
			notContains(t, "Text", m.Text, s)
		}
		notContains(t, "NewText", m.NewText, "Ancien message")
		contains(t, "Quoted", m.Quoted, "Ancien message cité")
	}},
	{name: "multipart/alternative prefers text/plain", file: "alternative.eml", check: func(t *testing.T, m *Message) {
		eq(t, "Text", m.Text, "Please send me a copy of my data.")
		eq(t, "FromHTML", m.FromHTML, false)
		eq(t, "MediaType", m.MediaType, "multipart/alternative")
		eq(t, "Attachments", len(m.Attachments), 0)
		noProblems(t, m)
	}},
	{name: "quoted-printable", file: "qp.eml", check: func(t *testing.T, m *Message) {
		eq(t, "Text", m.Text, "Café au lait, a very long line that was wrapped by the quoted-printable encoder here.\nA literal equals sign = and a broken escape =ZZ stays.")
	}},
	{name: "base64 UTF-8 and B-encoded subject", file: "base64.eml", check: func(t *testing.T, m *Message) {
		eq(t, "Subject", m.Subject, "Löschung")
		eq(t, "Text", m.Text, "Hallo, bitte löschen Sie mein Konto. 😀")
		noProblems(t, m)
	}},
	{name: "ISO-8859-1 body and subject", file: "latin1.eml", check: func(t *testing.T, m *Message) {
		eq(t, "Subject", m.Subject, "Auskunftsersuchen Überprüfung")
		addr(t, "From", m.From, "Jörg Müller", "jorg@example.de")
		eq(t, "Text", m.Text, "Bitte um Auskunft über meine Daten gemäß Art. 15 DSGVO.")
		noProblems(t, m)
	}},
	{name: "Windows-1252 body and subject", file: "cp1252.eml", check: func(t *testing.T, m *Message) {
		eq(t, "Subject", m.Subject, "Refund € “quoted”")
		addr(t, "From", m.From, "Renée O’Brien", "renee@example.com")
		eq(t, "Text", m.Text, "It cost €50 and I said “delete it” – twice.")
		noProblems(t, m)
	}},
	{name: "encoded-word subject", file: "encoded_subject.eml", check: func(t *testing.T, m *Message) {
		eq(t, "Subject", m.Subject, "Verwijder mijn gegevens please 🔒 Datenlöschung")
		addr(t, "From", m.From, "🔒 Data", "sec@example.com")
		eq(t, "Header Subject", m.Header["Subject"][0], m.Subject)
	}},
	{name: "declared boundary absent", file: "broken_boundary.eml", check: func(t *testing.T, m *Message) {
		eq(t, "Text", m.Text, "Please erase my account.")
		if !reflect.DeepEqual(m.Attachments, []Attachment{{Filename: "id.pdf", MediaType: "application/pdf", Size: 9}}) {
			t.Errorf("Attachments = %+v", m.Attachments)
		}
		hasProblem(t, m, "boundary not found")
		hasProblem(t, m, "guessed")
	}},
	{name: "missing boundary parameter", file: "missing_boundary.eml", check: func(t *testing.T, m *Message) {
		eq(t, "Text", m.Text, "I object to direct marketing.")
		eq(t, "FromHTML", m.FromHTML, false)
		hasProblem(t, m, "without boundary")
	}},
	{name: "8-bit headers", file: "8bit_headers.eml", check: func(t *testing.T, m *Message) {
		eq(t, "Subject", m.Subject, "Données personnelles à supprimer")
		addr(t, "From", m.From, "René François", "rene@example.fr")
		eq(t, "Header X-Latin", m.Header["X-Latin"][0], "café")
	}},
	{name: "invalid UTF-8 and control characters", file: "invalid_utf8.eml", check: func(t *testing.T, m *Message) {
		eq(t, "Text", m.Text, "Naïve café and a bad sequence ÿþ and valid ü.\nLine two\nLine three")
		hasProblem(t, m, "invalid UTF-8")
	}},
	{name: "unknown charset", file: "unknown_charset.eml", check: func(t *testing.T, m *Message) {
		eq(t, "Subject", m.Subject, "Schön")
		eq(t, "Text", m.Text, "Grüße, bitte löschen.")
		hasProblem(t, m, "unknown charset x-made-up: decoded as Windows-1252")
	}},
	{name: "zip attachment listed, not unpacked", file: "zip_attachment.eml", check: func(t *testing.T, m *Message) {
		eq(t, "Text", m.Text, "Anbei meine Unterlagen.")
		// The generator wrote a 245-byte zip holding a 100000-byte file,
		// and an 8-byte PNG signature.
		want := []Attachment{
			{Filename: "Unterlagen für Sie.zip", MediaType: "application/zip", Size: 245},
			{Filename: "passwd.png", MediaType: "image/png", Size: 8},
		}
		if !reflect.DeepEqual(m.Attachments, want) {
			t.Errorf("Attachments = %+v, want %+v", m.Attachments, want)
		}
		notContains(t, "Text", m.Text, "AAAA")
	}},
	{name: "CRLF and HTML in display names", file: "display_name.eml", check: func(t *testing.T, m *Message) {
		addr(t, "From", m.From, "Evil Bcc: x@evil.example", "evil@example.com")
		if len(m.ReplyTo) != 1 {
			t.Fatalf("ReplyTo = %v", m.ReplyTo)
		}
		addr(t, "ReplyTo", m.ReplyTo[0], "Bold Name", "reply@example.com")
		if len(m.To) != 1 {
			t.Fatalf("To = %v", m.To)
		}
		addr(t, "To", m.To[0], "alert(1) Privacy", "privacy@example.org")
		if len(m.Cc) != 2 {
			t.Fatalf("Cc = %v", m.Cc)
		}
		addr(t, "Cc[0]", m.Cc[0], `Line"Quote`, "cc@example.com")
		addr(t, "Cc[1]", m.Cc[1], "broken", "cc2@example.com")
		for _, v := range m.Header["From"] {
			notContains(t, "Header From", v, "\n")
		}
	}},
	{name: "missing Message-ID and Date", file: "missing_ids.eml", check: func(t *testing.T, m *Message) {
		eq(t, "MessageID", m.MessageID, "")
		eq(t, "Date zero", m.Date.IsZero(), true)
		addr(t, "From", m.From, "", "nobody@example.com")
		noProblems(t, m)
	}},
	{name: "junk Date, Message-ID, In-Reply-To, References", file: "bad_date.eml", check: func(t *testing.T, m *Message) {
		eq(t, "Date zero", m.Date.IsZero(), true)
		eq(t, "MessageID", m.MessageID, "")
		eq(t, "InReplyTo", len(m.InReplyTo), 0)
		eq(t, "References", strings.Join(m.References, " "), "a@x b@x")
		hasProblem(t, m, "Date unparsable")
	}},
	{name: "bounce multipart/report", file: "bounce.eml", check: func(t *testing.T, m *Message) {
		eq(t, "MediaType", m.MediaType, "multipart/report")
		eq(t, "ReportType", m.ReportType, "delivery-status")
		eq(t, "ReportedMessageID", m.ReportedMessageID, "case-1.ack@privacyd.example.org")
		contains(t, "DeliveryStatus", m.DeliveryStatus, "Final-Recipient: rfc822; nobody@example.net")
		contains(t, "Text", m.Text, "550 5.1.1 User unknown")
		notContains(t, "Text", m.Text, "We received your request")
		eq(t, "ReturnedText", m.ReturnedText, "We received your request.")
		eq(t, "Forwarded", m.Forwarded, false)
		eq(t, "Header Auto-Submitted", m.Header["Auto-Submitted"][0], "auto-replied")
	}},
	{name: "Gmail reply en, attribution wrapped", file: "gmail_en.eml", check: func(t *testing.T, m *Message) {
		eq(t, "NewText", m.NewText, "Here is my customer number: 12345.")
		contains(t, "Quoted", m.Quoted, "Please confirm your identity.")
		contains(t, "Quoted", m.Quoted, "wrote:")
		eq(t, "InReplyTo", strings.Join(m.InReplyTo, " "), "case-1.ack@privacyd.example.org")
		eq(t, "References", strings.Join(m.References, " "), "case-1.req@example.com case-1.ack@privacyd.example.org")
	}},
	{name: "Outlook reply nl", file: "outlook_nl.eml", check: func(t *testing.T, m *Message) {
		eq(t, "NewText", m.NewText, "Hierbij mijn klantnummer 998877 en geboortedatum.\n\nMet vriendelijke groet,\nPiet")
		contains(t, "Quoted", m.Quoted, "-----Oorspronkelijk bericht-----")
		contains(t, "Quoted", m.Quoted, "Wilt u uw identiteit bevestigen?")
		eq(t, "Forwarded", m.Forwarded, false)
	}},
	{name: "Outlook HTML reply en", file: "outlook_en_html.eml", check: func(t *testing.T, m *Message) {
		eq(t, "NewText", m.NewText, "Please delete everything you hold about me.")
		contains(t, "Quoted", m.Quoted, "We need to verify your identity.")
		eq(t, "FromHTML", m.FromHTML, true)
	}},
	{name: "Apple reply de, flowed, iPhone signature", file: "apple_de.eml", check: func(t *testing.T, m *Message) {
		eq(t, "NewText", m.NewText, "Ich widerspreche der Verarbeitung meiner Daten für Werbung und bitte um Bestätigung.")
		contains(t, "Quoted", m.Quoted, "Von meinem iPhone gesendet")
		contains(t, "Quoted", m.Quoted, "Wir haben Ihre Anfrage erhalten.")
	}},
	{name: "Gmail HTML reply fr", file: "gmail_fr_html.eml", check: func(t *testing.T, m *Message) {
		eq(t, "NewText", m.NewText, "Je veux accéder à mes données.")
		contains(t, "Quoted", m.Quoted, "a écrit :")
		contains(t, "Quoted", m.Quoted, "> Nous avons reçu votre demande.")
	}},
	{name: "Apple reply nl with iPhone signature", file: "apple_nl_signature.eml", check: func(t *testing.T, m *Message) {
		eq(t, "NewText", m.NewText, "Ik trek mijn toestemming in.")
		contains(t, "Quoted", m.Quoted, "Verzonden vanaf mijn iPhone")
		contains(t, "Quoted", m.Quoted, "het volgende geschreven:")
	}},
	{name: "Gmail reply nl (plain preferred over HTML)", file: "gmail_nl_html.eml", check: func(t *testing.T, m *Message) {
		eq(t, "NewText", m.NewText, "Mijn klantnummer is 55501.")
		eq(t, "FromHTML", m.FromHTML, false)
		contains(t, "Quoted", m.Quoted, "> Wilt u uw klantnummer sturen?")
	}},
	{name: "Gmail reply de, attribution wrapped in the address", file: "gmail_de.eml", check: func(t *testing.T, m *Message) {
		eq(t, "NewText", m.NewText, "Bitte berichtigen Sie meine Adresse: Hauptstraße 1.")
		contains(t, "Quoted", m.Quoted, "Bitte bestätigen Sie Ihre Identität.")
	}},
	{name: "Outlook reply de, Latin-1 QP", file: "outlook_de.eml", check: func(t *testing.T, m *Message) {
		eq(t, "NewText", m.NewText, "Ich möchte meine Einwilligung widerrufen.\n\nMit freundlichen Grüßen\nFrank Weber")
		contains(t, "Quoted", m.Quoted, "Wir haben Ihre Anfrage erhalten.")
	}},
	{name: "Outlook HTML reply fr, Windows-1252", file: "outlook_fr_html.eml", check: func(t *testing.T, m *Message) {
		eq(t, "NewText", m.NewText, "Je m’oppose à la prospection commerciale.")
		contains(t, "Quoted", m.Quoted, "Nous avons bien reçu votre demande.")
		notContains(t, "Text", m.Text, "MsoNormal")
	}},
	{name: "Apple reply en, iPad signature", file: "apple_en.eml", check: func(t *testing.T, m *Message) {
		eq(t, "NewText", m.NewText, "Please restrict the processing of my data until this is resolved.")
		contains(t, "Quoted", m.Quoted, "> We received your request.")
	}},
	{name: "Apple HTML reply fr", file: "apple_fr.eml", check: func(t *testing.T, m *Message) {
		eq(t, "NewText", m.NewText, "Je demande la portabilité de mes données.")
		contains(t, "Quoted", m.Quoted, "Envoyé de mon iPhone")
		contains(t, "Quoted", m.Quoted, "> Nous avons reçu votre demande.")
	}},
	{name: "signature", file: "signature.eml", check: func(t *testing.T, m *Message) {
		eq(t, "NewText", m.NewText, "My address is wrong, please correct it to 1 Main Street.")
		contains(t, "Quoted", m.Quoted, "Tom Example\nExample Ltd")
	}},
	{name: "inline reply keeps answers", file: "inline_reply.eml", check: func(t *testing.T, m *Message) {
		eq(t, "NewText", m.NewText, "It is 4711.\n\nAll of it.")
		contains(t, "Quoted", m.Quoted, "> What is your customer number?")
	}},
	{name: "staff command above Outlook rule", file: "staff_command.eml", check: func(t *testing.T, m *Message) {
		eq(t, "NewText", m.NewText, "#verified\n#note checked passport copy")
		contains(t, "Quoted", m.Quoted, "A new request arrived.")
	}},
	{name: "Gmail forward", file: "forward_gmail.eml", check: func(t *testing.T, m *Message) {
		eq(t, "Forwarded", m.Forwarded, true)
		contains(t, "NewText", m.NewText, "I never got an answer to this.")
		contains(t, "NewText", m.NewText, "Please delete all my personal data.")
	}},
	{name: "Outlook forward de", file: "forward_outlook_de.eml", check: func(t *testing.T, m *Message) {
		eq(t, "Forwarded", m.Forwarded, true)
		contains(t, "NewText", m.NewText, "Siehe unten.")
		contains(t, "NewText", m.NewText, "Ich verlange Auskunft nach Art. 15 DSGVO.")
	}},
	{name: "Apple forward nl", file: "forward_apple_nl.eml", check: func(t *testing.T, m *Message) {
		eq(t, "Forwarded", m.Forwarded, true)
		contains(t, "NewText", m.NewText, "Verwijder mijn gegevens alstublieft.")
	}},
	{name: "message/rfc822 forward", file: "forward_rfc822.eml", check: func(t *testing.T, m *Message) {
		eq(t, "Forwarded", m.Forwarded, true)
		contains(t, "NewText", m.NewText, "See the attached mail.")
		contains(t, "NewText", m.NewText, "Subject: Datenübertragung")
		contains(t, "NewText", m.NewText, "I want to port my data to another provider.")
		notContains(t, "NewText", m.NewText, "<p>")
		eq(t, "Attachments", len(m.Attachments), 1)
		eq(t, "Attachment type", m.Attachments[0].MediaType, "message/rfc822")
		eq(t, "Attachment name", m.Attachments[0].Filename, "request.eml")
		eq(t, "From stays outer", m.From.Address, "zoe@example.com")
		eq(t, "Subject stays outer", m.Subject, "my earlier request")
	}},

	// Generated, pathological input.
	{name: "multipart nested 100 deep", gen: genNested(100), check: func(t *testing.T, m *Message) {
		hasProblem(t, m, "nested deeper than 50")
		notContains(t, "Text", m.Text, "deepest")
		eq(t, "MediaType", m.MediaType, "multipart/mixed")
	}},
	{name: "multipart nested 40 deep is read", gen: genNested(40), check: func(t *testing.T, m *Message) {
		eq(t, "Text", m.Text, "deepest text")
	}},
	{name: "10000 header fields", gen: genManyHeaders(10000), check: func(t *testing.T, m *Message) {
		hasProblem(t, m, "more than 1000 header fields")
		eq(t, "Subject", m.Subject, "many headers")
		eq(t, "X-Filler kept", len(m.Header["X-Filler"]), maxHeaderFields-3)
		eq(t, "Text", m.Text, "body after many headers")
	}},
	{name: "1 MB single line", gen: genLongLine(1 << 20), check: func(t *testing.T, m *Message) {
		eq(t, "Text length", len(m.Text), 1<<20)
		eq(t, "NewText length", len(m.NewText), 1<<20)
	}},
	{name: "HTML bomb", gen: genHTMLBomb, maxDur: 3 * time.Second, check: func(t *testing.T, m *Message) {
		eq(t, "FromHTML", m.FromHTML, true)
		contains(t, "Text", m.Text, "start of bomb")
		if len(m.Text) > MaxText {
			t.Errorf("Text is %d bytes, more than %d", len(m.Text), MaxText)
		}
	}},
	{name: "truncated at MaxBytes", gen: genLongLine(200 << 10), opt: Options{MaxBytes: 64 << 10}, check: func(t *testing.T, m *Message) {
		eq(t, "Truncated", m.Truncated, true)
		hasProblem(t, m, "only the first 65536 bytes parsed")
		if len(m.Text) >= 64<<10 || len(m.Text) < 60<<10 {
			t.Errorf("Text is %d bytes, want just under 64 KiB", len(m.Text))
		}
	}},
	{name: "truncated inside multipart", gen: genTruncatedMultipart, opt: Options{MaxBytes: 4096}, check: func(t *testing.T, m *Message) {
		eq(t, "Truncated", m.Truncated, true)
		eq(t, "Text", m.Text, "first part text")
		for _, p := range m.Problems {
			notContains(t, "problem", p, "not closed")
		}
	}},
	{name: "empty input", gen: func() []byte { return nil }, check: func(t *testing.T, m *Message) {
		eq(t, "MediaType", m.MediaType, "text/plain")
		eq(t, "Text", m.Text, "")
	}},
	{name: "no header at all", gen: func() []byte { return []byte("just some words\nand more\n") }, check: func(t *testing.T, m *Message) {
		eq(t, "Text", m.Text, "just some words\nand more")
		hasProblem(t, m, "malformed header line")
	}},
}

func genNested(depth int) func() []byte {
	return func() []byte {
		var b bytes.Buffer
		b.WriteString("From: a@example.com\nSubject: nested\n")
		for i := 0; i < depth; i++ {
			fmt.Fprintf(&b, "Content-Type: multipart/mixed; boundary=\"b%d\"\n\n--b%d\n", i, i)
		}
		b.WriteString("Content-Type: text/plain\n\ndeepest text\n")
		for i := depth - 1; i >= 0; i-- {
			fmt.Fprintf(&b, "--b%d--\n", i)
		}
		return b.Bytes()
	}
}

func genManyHeaders(n int) func() []byte {
	return func() []byte {
		var b bytes.Buffer
		b.WriteString("From: a@example.com\nSubject: many headers\nContent-Type: text/plain\n")
		for i := 3; i < n; i++ {
			fmt.Fprintf(&b, "X-Filler: value %d\n", i)
		}
		b.WriteString("\nbody after many headers\n")
		return b.Bytes()
	}
}

func genLongLine(n int) func() []byte {
	return func() []byte {
		var b bytes.Buffer
		b.WriteString("From: a@example.com\nSubject: long\nContent-Type: text/plain\n\n")
		b.Write(bytes.Repeat([]byte("x"), n))
		b.WriteString("\n")
		return b.Bytes()
	}
}

func genHTMLBomb() []byte {
	var b bytes.Buffer
	b.WriteString("From: a@example.com\nSubject: bomb\nContent-Type: text/html\n\n<p>start of bomb</p>")
	b.WriteString(strings.Repeat("<div><blockquote><b><i><table><tr><td>", 30000))
	b.WriteString(strings.Repeat("&amp;&lt;&#x41;&nbsp;", 100000))
	b.WriteString(strings.Repeat("<br>", 100000))
	b.WriteString(strings.Repeat("<a href='x'>", 50000))
	b.WriteString("<script>" + strings.Repeat("x", 100000))
	return b.Bytes()
}

func genTruncatedMultipart() []byte {
	var b bytes.Buffer
	b.WriteString("From: a@example.com\nContent-Type: multipart/mixed; boundary=zz\n\n--zz\nContent-Type: text/plain\n\nfirst part text\n--zz\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n")
	for b.Len() < 8192 {
		b.WriteString("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=\n")
	}
	b.WriteString("--zz--\n")
	return b.Bytes()
}

func TestParse(t *testing.T) {
	for _, tc := range parseCases {
		t.Run(tc.name, func(t *testing.T) {
			var raw []byte
			if tc.file != "" {
				raw = readTestdata(t, tc.file)
			} else {
				raw = tc.gen()
			}
			start := time.Now()
			m := Parse(raw, tc.opt)
			d := time.Since(start)
			limit := tc.maxDur
			if limit == 0 {
				limit = 2 * time.Second
			}
			if d > limit {
				t.Errorf("Parse took %v, more than %v", d, limit)
			}
			checkInvariants(t, m, tc.opt)
			tc.check(t, m)
		})
	}
}

// checkInvariants asserts what must hold for any input.
func checkInvariants(t testing.TB, m *Message, opt Options) {
	t.Helper()
	if m == nil {
		t.Fatal("Parse returned nil")
	}
	if m.Header == nil {
		t.Error("Header is nil")
	}
	str := map[string]string{
		"MessageID": m.MessageID, "Subject": m.Subject, "MediaType": m.MediaType,
		"ReportType": m.ReportType, "Text": m.Text, "NewText": m.NewText, "Quoted": m.Quoted,
		"ReportedMessageID": m.ReportedMessageID, "DeliveryStatus": m.DeliveryStatus,
	}
	for k, vs := range m.Header {
		str["Header key "+k] = k
		for _, v := range vs {
			str["Header "+k] = v
			if strings.ContainsAny(v, "\r\n") {
				t.Errorf("Header %s value has a line break: %q", k, v)
			}
		}
	}
	addrs := append(append(append([]*mail.Address{m.From}, m.To...), m.Cc...), m.ReplyTo...)
	for i, a := range addrs {
		if a == nil {
			continue
		}
		str[fmt.Sprintf("address %d name", i)] = a.Name
		str[fmt.Sprintf("address %d", i)] = a.Address
		if strings.IndexFunc(a.Name, unicode.IsControl) >= 0 || strings.ContainsAny(a.Name, "<>") {
			t.Errorf("display name %q has control characters or angle brackets", a.Name)
		}
	}
	for i, id := range append(append([]string{}, m.InReplyTo...), m.References...) {
		str[fmt.Sprintf("msg-id %d", i)] = id
		if id == "" || strings.ContainsAny(id, "<> \r\n") {
			t.Errorf("msg-id %q is empty or has brackets or blanks", id)
		}
	}
	for i, a := range m.Attachments {
		str[fmt.Sprintf("attachment %d name", i)] = a.Filename
		str[fmt.Sprintf("attachment %d type", i)] = a.MediaType
		if a.Size < 0 {
			t.Errorf("attachment %d size %d", i, a.Size)
		}
	}
	for i, p := range m.Problems {
		str[fmt.Sprintf("problem %d", i)] = p
	}
	for k, v := range str {
		if !utf8.ValidString(v) {
			t.Errorf("%s is not valid UTF-8: %q", k, v)
		}
	}
	for _, s := range []string{m.Text, m.NewText, m.Quoted} {
		if strings.ContainsRune(s, '\r') {
			t.Errorf("text has a CR: %q", truncateUTF8(s, 200))
		}
	}
	if m.Subject != singleLine(m.Subject) {
		t.Errorf("Subject %q is not a clean single line", m.Subject)
	}
	if len(m.Text) > MaxText {
		t.Errorf("Text is %d bytes, more than MaxText", len(m.Text))
	}
	if len(m.NewText) > len(m.Text)+len("\n\n")*0 && len(m.NewText) > len(m.Text) {
		t.Errorf("NewText (%d bytes) longer than Text (%d bytes)", len(m.NewText), len(m.Text))
	}
	if len(m.Quoted) > len(m.Text) {
		t.Errorf("Quoted (%d bytes) longer than Text (%d bytes)", len(m.Quoted), len(m.Text))
	}
	if m.MediaType == "" || m.MediaType != strings.ToLower(m.MediaType) {
		t.Errorf("MediaType %q is empty or not lower case", m.MediaType)
	}
	if len(m.Problems) > 50 {
		t.Errorf("%d problems, more than 50", len(m.Problems))
	}
	limit := opt.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	// Bounded output: a few times the parsed input plus fixed overheads.
	total := 0
	for _, v := range str {
		total += len(v)
	}
	if int64(total) > 8*limit+1<<20 {
		t.Errorf("output is %d bytes for at most %d bytes parsed", total, limit)
	}
}

// TestParseNoPersonalDataInProblems feeds broken mails full of personal
// data and checks that no problem line repeats any of it.
func TestParseNoPersonalDataInProblems(t *testing.T) {
	raw := "From: Jan Secretname <jan.secret@example.nl\n" +
		"To: <<privacy@example.org\n" +
		"Subject: =?x-secretcharset-janbsn123456789?q?Jan?=\n" +
		"Date: Janbsn 123456789\n" +
		"Message-ID: secret-id-without-brackets\n" +
		"Content-Type: multipart/mixed; boundary=\"secretboundary\"\n\n" +
		"--otherboundary\nContent-Type: text/plain; charset=secretcharset\nContent-Transfer-Encoding: secretencoding\n\nmy BSN is 123456789\n"
	m := Parse([]byte(raw), Options{})
	if len(m.Problems) == 0 {
		t.Fatal("expected problems")
	}
	for _, p := range m.Problems {
		for _, secret := range []string{"Secretname", "jan.secret", "123456789", "secret-id", "secretboundary", "BSN"} {
			if strings.Contains(strings.ToLower(p), strings.ToLower(secret)) {
				t.Errorf("problem %q leaks %q", p, secret)
			}
		}
	}
	addr(t, "From", m.From, "Jan Secretname", "jan.secret@example.nl")
	contains(t, "Text", m.Text, "my BSN is 123456789")
}

func TestNormalizeAddress(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Jan.de.Vries@Example.NL", "jan.de.vries@example.nl"},
		{"Jan <Jan@Example.NL>", "jan@example.nl"},
		{`"Vries, Jan" <JAN@example.nl>`, "jan@example.nl"},
		{"  <a@b.example>  ", "a@b.example"},
		{"mailto:A@B.example", "a@b.example"},
		{"<b>Bob</b> <BOB@x.example>", "bob@x.example"},
		{"no address here", ""},
		{"", ""},
		{"@", ""},
	} {
		if got := NormalizeAddress(tc.in); got != tc.want {
			t.Errorf("NormalizeAddress(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseMsgIDs(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"<a@x> <b@x>", []string{"a@x", "b@x"}},
		{"<a@x>\r\n <b@x>", []string{"a@x", "b@x"}},
		{"<a@x><b@x>", []string{"a@x", "b@x"}},
		{"<a@x> junk (comment <c@x>) <a@x>", []string{"a@x", "c@x"}},
		{"a@x, b@x", []string{"a@x", "b@x"}},
		{"Your message of Monday", nil},
		{"<unterminated@x", []string{"unterminated@x"}},
		{"<>", nil},
		{"<a b@x>", []string{"ab@x"}},
		{"", nil},
	} {
		got := ParseMsgIDs(tc.in)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParseMsgIDs(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// A huge References keeps the first id and the most recent ones.
	var sb strings.Builder
	for i := 0; i < 2000; i++ {
		fmt.Fprintf(&sb, "<id%d@x> ", i)
	}
	got := ParseMsgIDs(sb.String())
	if len(got) != maxMsgIDs || got[0] != "id0@x" || got[len(got)-1] != "id1999@x" {
		t.Errorf("long list: %d ids, first %q, last %q", len(got), got[0], got[len(got)-1])
	}
}

func TestHTMLToText(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"entities", "<p>a &amp; b &lt;c&gt; &euro;5 &#8364;6 &#x20AC;7</p>", "a & b <c> €5 €6 €7"},
		{"whitespace", "<p>  many \n\t spaces   here </p>", "many spaces here"},
		{"br and blocks", "line1<br>line2<div>block</div>after", "line1\nline2\nblock\nafter"},
		{"nested blockquote", "new<blockquote>q1<blockquote>q2</blockquote></blockquote>", "new\n\n> q1\n\n> > q2"},
		{"script style head dropped", "<head><title>t</title></head><script>s()</script><style>x{}</style>visible", "visible"},
		{"pre keeps lines", "<pre>a\n  b\n\nc</pre>", "a\n  b\n\nc"},
		{"inline tags join", "<b>bold</b><i>italic</i> <a href=x>link</a>", "bolditalic link"},
		{"table cells", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc"},
		{"unclosed", "<p>open <b>bold", "open bold"},
		{"upper-case and odd tags", "A<BR>B<br/>C<DIV class=x>D</DIV >E<Blockquote>F</blockquote>", "A\nB\nC\nD\nE\n\n> F"},
		{"unclosed head", "<html><head><title>t</title><body><p>text</p>", "text"},
		{"unclosed svg", "<svg><p>all of it</p>", "all of it"},
		{"script text kept out in fallback", "<svg><script>bad()</script>text", "text"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, _ := htmlToText(tc.in, MaxText)
			if got != tc.want {
				t.Errorf("htmlToText(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
	// The output limit holds.
	big := strings.Repeat("<p>word word word</p>", 100000)
	got, cut := htmlToText(big, 1000)
	if !cut || len(got) > 1100 {
		t.Errorf("limit 1000: got %d bytes, cut=%v", len(got), cut)
	}
}

func TestDecoders(t *testing.T) {
	if got := string(decodeQP([]byte("a=3Db=\r\nc= \nd=E2=82=AC=4"))); got != "a=bcd€=4" {
		t.Errorf("decodeQP = %q", got)
	}
	if got, ok := decodeBase64([]byte("aGVsbG8gd29y\r\nbGQ")); string(got) != "hello world" || !ok {
		t.Errorf("decodeBase64 = %q, %v", got, ok)
	}
	if got, ok := decodeBase64([]byte("aGVs*bG8=")); string(got) != "hello" || ok {
		t.Errorf("decodeBase64 with junk = %q, %v", got, ok)
	}
	if n := base64Size([]byte("aGVsbG8gd29ybGQ=\n")); n != 11 {
		t.Errorf("base64Size = %d, want 11", n)
	}
	if s := decodeCP1252([]byte{0x80, 0x93, 0x94, 0xE9, 0x81}); s != "€“”é\u0081" {
		t.Errorf("decodeCP1252 = %q", s)
	}
	if s, ok := fixUTF8([]byte("ok \xc3\xbc bad \xfc")); s != "ok ü bad ü" || ok {
		t.Errorf("fixUTF8 = %q, %v", s, ok)
	}
	if s, p := decodeCharset([]byte("\x82\xa0\x82\xa2"), "shift_jis", 100); s != "あい" || p != "" {
		t.Errorf("decodeCharset shift_jis = %q, %q", s, p)
	}
	if s := cleanText("\uFEFFa\r\nb\rc\x00d\u0085e\uFEFF\u00a0\u00e9\uFFFD"); s != "a\nb\ncd\ne\u00a0\u00e9\uFFFD" {
		t.Errorf("cleanText = %q", s)
	}
}

func TestParseFrom(t *testing.T) {
	for _, tc := range []struct{ from, name, address string }{
		{`"Jan" <jan@example.nl>`, "Jan", "jan@example.nl"},
		{`jan@example.nl (Jan Jansen)`, "Jan Jansen", "jan@example.nl"},
		{`Jan Jansen jan@example.nl`, "Jan Jansen", "jan@example.nl"},
		{`Jan Jansen <jan@example.nl`, "Jan Jansen", "jan@example.nl"},
		{`Jan, Jansen <jan@example.nl>`, "Jansen", "jan@example.nl"},
		{`"Jan" <jan@example.nl>, other@example.org`, "Jan", "jan@example.nl"},
		{`=?utf-8?q?J=C3=A1n?= <jan@example.nl>`, "Ján", "jan@example.nl"},
		{`"=?utf-8?q?J=C3=A1n?=" <jan@example.nl>`, "Ján", "jan@example.nl"},
		{"\"J\u202eAN\" <jan@example.nl>", "J AN", "jan@example.nl"},
		{`<mailto:jan@example.nl>`, "", "jan@example.nl"},
	} {
		m := Parse([]byte("From: "+tc.from+"\nSubject: x\n\nbody\n"), Options{})
		if m.From == nil {
			t.Errorf("From %q: nil", tc.from)
			continue
		}
		if m.From.Name != tc.name || m.From.Address != tc.address {
			t.Errorf("From %q = %q <%s>, want %q <%s>", tc.from, m.From.Name, m.From.Address, tc.name, tc.address)
		}
	}
	for _, from := range []string{"", "<>", "undisclosed-recipients:;", "no address"} {
		m := Parse([]byte("From: "+from+"\n\nbody\n"), Options{})
		if m.From != nil {
			t.Errorf("From %q = %+v, want nil", from, m.From)
		}
	}
}

func TestMessageGet(t *testing.T) {
	m := Parse([]byte("message-id: <a@b>\nLIST-ID: <list.example.org>\nX-AutoReply: yes\n\nbody\n"), Options{})
	eq(t, "Get(Message-ID)", m.Get("Message-ID"), "<a@b>")
	eq(t, "Get(list-id)", m.Get("list-id"), "<list.example.org>")
	eq(t, "Header[X-Autoreply]", m.Header["X-Autoreply"][0], "yes")
	eq(t, "Get(missing)", m.Get("Auto-Submitted"), "")
	eq(t, "nil Get", (*Message)(nil).Get("x"), "")
}

func TestParseStructures(t *testing.T) {
	for _, tc := range []struct {
		name  string
		raw   string
		check func(t *testing.T, m *Message)
	}{
		{"related with inline image", "Content-Type: multipart/related; boundary=r\n\n--r\nContent-Type: text/html\n\n<p>Hi <img src=cid:1></p>\n--r\nContent-Type: image/png\nContent-ID: <1>\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--r--\n",
			func(t *testing.T, m *Message) {
				eq(t, "Text", m.Text, "Hi")
				eq(t, "attachments", len(m.Attachments), 1)
				eq(t, "attachment size", m.Attachments[0].Size, 8)
			}},
		{"signed", "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; boundary=s\n\n--s\nContent-Type: text/plain\n\nsigned text\n--s\nContent-Type: application/pkcs7-signature; name=smime.p7s\nContent-Transfer-Encoding: base64\n\nMIIB\n--s--\n",
			func(t *testing.T, m *Message) {
				eq(t, "Text", m.Text, "signed text")
				eq(t, "attachment", m.Attachments[0].Filename, "smime.p7s")
			}},
		{"text file attached inline is not body", "Content-Type: multipart/mixed; boundary=m\n\n--m\nContent-Type: text/plain\n\nbody text\n--m\nContent-Type: text/plain; name=\"notes.txt\"\nContent-Disposition: inline; filename=\"notes.txt\"\n\nnotes\n--m--\n",
			func(t *testing.T, m *Message) {
				eq(t, "Text", m.Text, "body text")
				eq(t, "attachment", m.Attachments[0].Filename, "notes.txt")
				eq(t, "attachment size", m.Attachments[0].Size, len("notes"))
			}},
		{"Apple mixed text around an image", "Content-Type: multipart/mixed; boundary=m\n\n--m\nContent-Type: text/plain\n\nbefore image\n--m\nContent-Type: image/jpeg\nContent-Disposition: inline\n\nxx\n--m\nContent-Type: text/plain\n\nafter image\n--m--\n",
			func(t *testing.T, m *Message) {
				eq(t, "Text", m.Text, "before image\n\nafter image")
			}},
		{"attached mail after an Outlook reply stays new", "Subject: RE: x\nContent-Type: multipart/mixed; boundary=m\n\n--m\nContent-Type: text/plain\n\nSee attached.\n\n-----Original Message-----\nFrom: a\nSent: b\nTo: c\n\nold\n--m\nContent-Type: message/rfc822\n\nSubject: first request\n\nDelete me please.\n--m--\n",
			func(t *testing.T, m *Message) {
				eq(t, "Forwarded", m.Forwarded, true)
				contains(t, "NewText", m.NewText, "See attached.")
				contains(t, "NewText", m.NewText, "Delete me please.")
				notContains(t, "NewText", m.NewText, "old")
				contains(t, "Quoted", m.Quoted, "old")
			}},
		{"read receipt report", "Content-Type: multipart/report; report-type=disposition-notification; boundary=r\n\n--r\nContent-Type: text/plain\n\nYour message was displayed.\n--r\nContent-Type: message/disposition-notification\n\nDisposition: manual-action/MDN-sent-manually; displayed\n--r\nContent-Type: text/rfc822-headers\n\nMessage-ID: <orig@privacyd>\nSubject: x\n--r--\n",
			func(t *testing.T, m *Message) {
				eq(t, "ReportType", m.ReportType, "disposition-notification")
				eq(t, "ReportedMessageID", m.ReportedMessageID, "orig@privacyd")
				eq(t, "Text", m.Text, "Your message was displayed.")
			}},
		{"mbox From line and missing blank line", "From jan@example.nl Mon Mar  2 10:00:00 2026\nFrom: jan@example.nl\nSubject: s\nthis line is body\n",
			func(t *testing.T, m *Message) {
				eq(t, "From", m.From.Address, "jan@example.nl")
				eq(t, "Text", m.Text, "this line is body")
			}},
		{"junk line between header fields", "From: jan@example.nl\nthis is junk\nSubject: still header\n\nbody\n",
			func(t *testing.T, m *Message) {
				eq(t, "Subject", m.Subject, "still header")
				eq(t, "Text", m.Text, "body")
				hasProblem(t, m, "malformed header line: skipped")
			}},
		{"HTML charset from meta", "Content-Type: text/html\n\n<meta charset=\"windows-1252\"><p>caf\xe9 \x80</p>",
			func(t *testing.T, m *Message) {
				eq(t, "Text", m.Text, "café €")
			}},
		{"quoted-printable multipart and unknown CTE", "Content-Type: multipart/mixed; boundary=m\nContent-Transfer-Encoding: quoted-printable\n\n--m\nContent-Type: text/plain\nContent-Transfer-Encoding: x-uuencode\n\nraw body\n--m--\n",
			func(t *testing.T, m *Message) {
				eq(t, "Text", m.Text, "raw body")
				hasProblem(t, m, "unknown transfer encoding x-uuencode")
			}},
		{"boundary that prefixes another", "Content-Type: multipart/mixed; boundary=ab\n\n--ab\nContent-Type: multipart/alternative; boundary=ab-1\n\n--ab-1\nContent-Type: text/plain\n\ninner\n--ab-1--\n--ab\nContent-Type: application/pdf; name=a.pdf\n\n%PDF\n--ab--\n",
			func(t *testing.T, m *Message) {
				eq(t, "Text", m.Text, "inner")
				eq(t, "attachments", len(m.Attachments), 1)
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := Parse([]byte(tc.raw), Options{})
			checkInvariants(t, m, Options{})
			tc.check(t, m)
		})
	}
}

type panicReader struct{}

func (panicReader) Read([]byte) (int, error) { panic("boom") }

// The last-resort recovers turn a panic in third-party code into an error.
func TestRecoverFromPanics(t *testing.T) {
	if _, err := readAllLimit(panicReader{}, 10); err != errPanic {
		t.Errorf("readAllLimit: err = %v, want errPanic", err)
	}
	wd := &mime.WordDecoder{CharsetReader: func(string, io.Reader) (io.Reader, error) { panic("boom") }}
	if _, err := safeDecodeHeader(wd, "=?x-y?q?a?="); err != errPanic {
		t.Errorf("safeDecodeHeader: err = %v, want errPanic", err)
	}
	// decodeHeaderValue keeps the raw value when decoding panics.
	if got := decodeHeaderValue("=?x-y?q?a?= rest", wd); got != "=?x-y?q?a?= rest" {
		t.Errorf("decodeHeaderValue = %q", got)
	}
	if l, _ := parseAddressList("=?x-y?q?a?= <a@b.example>", wd); len(l) != 1 || l[0].Address != "a@b.example" {
		t.Errorf("parseAddressList with panicking decoder = %v", l)
	}
}

// TestReturnedText: the text of a report's returned mail is kept apart from
// Text, bounded, HTML converted, and what it forwards does not mark the
// report Forwarded.
func TestReturnedText(t *testing.T) {
	report := func(inner string) []byte {
		return []byte("From: MAILER-DAEMON@mx.example\r\nSubject: Undelivered Mail\r\n" +
			"Content-Type: multipart/report; report-type=delivery-status; boundary=R\r\n\r\n" +
			"--R\r\nContent-Type: text/plain\r\n\r\nThis is the mail system at host mx.example.\r\n" +
			"--R\r\nContent-Type: message/delivery-status\r\n\r\nFinal-Recipient: rfc822; a@b.example\r\nAction: failed\r\n" +
			"--R\r\nContent-Type: message/rfc822\r\n\r\n" + inner + "\r\n--R--\r\n")
	}
	long := strings.Repeat("Wij hebben uw verzoek ontvangen. ", 400)
	m := Parse(report("From: privacy@shop.example\r\nSubject: Ontvangen\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>"+long+"</p>"), Options{})
	if !strings.HasPrefix(m.ReturnedText, "Wij hebben uw verzoek ontvangen.") || len(m.ReturnedText) > maxReturnedText {
		t.Errorf("ReturnedText: %d bytes, starts %.40q", len(m.ReturnedText), m.ReturnedText)
	}
	if strings.Contains(m.Text, "verzoek") {
		t.Errorf("the returned mail's text is in Text: %q", m.Text)
	}
	fwd := "From: a@b.example\r\nSubject: Fwd\r\nContent-Type: multipart/mixed; boundary=F\r\n\r\n--F\r\nContent-Type: text/plain\r\n\r\nsee below\r\n" +
		"--F\r\nContent-Type: message/rfc822\r\n\r\nFrom: c@d.example\r\nSubject: x\r\n\r\nforwarded words\r\n--F--"
	m = Parse(report(fwd), Options{})
	if m.Forwarded || !strings.Contains(m.ReturnedText, "see below") {
		t.Errorf("Forwarded %v, ReturnedText %q", m.Forwarded, m.ReturnedText)
	}
	if len(m.Problems) != 0 {
		t.Errorf("problems of the returned mail reported as the report's: %v", m.Problems)
	}
}
