package interop_test

import (
	"encoding/base64"
	"fmt"
	"strings"
	"time"
)

// request is one hand-written request to privacy@ with what privacyd must
// make of it.
type request struct {
	name, addr string // the sender
	lang       string // the language it is written in
	right      string // one right it plainly asks for
	subject    string
	msgID      string
	raw        string
}

const (
	privacyAddr = "privacy@example.org"
	staffAddr   = "privacy-team@example.org"
)

// hdr writes the common headers of a mail from name <addr>.
func hdr(fromHeader, subject, msgID string, date time.Time, extra ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "From: %s\nTo: %s\nSubject: %s\nMessage-ID: <%s>\nDate: %s\nMIME-Version: 1.0\n",
		fromHeader, privacyAddr, subject, msgID, date.Format(time.RFC1123Z))
	for _, h := range extra {
		b.WriteString(h + "\n")
	}
	return b.String()
}

func plainUTF8(h, body string) string {
	return h + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n" + body + "\n"
}

func htmlOnly(h, html string) string {
	return h + "Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n" + html + "\n"
}

func alternative(h, text, html string) string {
	return h + "Content-Type: multipart/alternative; boundary=\"alt-b0undary\"\n\n" +
		"--alt-b0undary\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n" + text + "\n" +
		"--alt-b0undary\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n" + html + "\n" +
		"--alt-b0undary--\n"
}

func withAttachment(h, text, filename, ctype string, data []byte) string {
	enc := base64.StdEncoding.EncodeToString(data)
	var lines []string
	for len(enc) > 76 {
		lines = append(lines, enc[:76])
		enc = enc[76:]
	}
	lines = append(lines, enc)
	return h + "Content-Type: multipart/mixed; boundary=\"mix-b0undary\"\n\n" +
		"--mix-b0undary\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n" + text + "\n" +
		"--mix-b0undary\nContent-Type: " + ctype + "; name=\"" + filename + "\"\nContent-Disposition: attachment; filename=\"" + filename + "\"\n" +
		"Content-Transfer-Encoding: base64\n\n" + strings.Join(lines, "\n") + "\n--mix-b0undary--\n"
}

// latin1QP is body in ISO-8859-1, quoted-printable, as older Dutch mail
// clients send it.
func latin1QP(h, body string) string {
	var b strings.Builder
	col := 0
	for _, r := range body {
		var chunk string
		switch {
		case r == '\n':
			b.WriteString("\n")
			col = 0
			continue
		case r == '=' || r > 126:
			chunk = fmt.Sprintf("=%02X", byte(r)) // ISO-8859-1 covers the runes used here
		default:
			chunk = string(r)
		}
		if col+len(chunk) > 73 {
			b.WriteString("=\n")
			col = 0
		}
		b.WriteString(chunk)
		col += len(chunk)
	}
	return h + "Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\n" + b.String() + "\n"
}

// fakePDF is a small PDF-looking attachment.
func fakePDF(title string) []byte {
	return []byte("%PDF-1.4\n1 0 obj << /Title (" + title + ") >> endobj\n" + strings.Repeat("0 0 0 RG 72 720 m 540 720 l S\n", 40) + "%%EOF\n")
}

// requests returns the 20 requests of the interoperability test, 10 in
// Dutch and 10 in English, in the ways people write them.
func requests(base time.Time) []request {
	at := func(i int) time.Time { return base.Add(time.Duration(i) * 17 * time.Minute) }
	var rs []request
	add := func(name, addr, lang, right, subject string, build func(h string) string, extra ...string) {
		i := len(rs)
		from := addr
		if name != "" {
			from = name + " <" + addr + ">"
		}
		id := fmt.Sprintf("req%02d.%d@%s", i+1, base.Unix(), addr[strings.Index(addr, "@")+1:])
		rs = append(rs, request{name: name, addr: addr, lang: lang, right: right, subject: subject, msgID: id,
			raw: build(hdr(from, subject, id, at(i), extra...))})
	}

	// --- Dutch ---
	add("Marieke de Vries", "marieke.devries@ziggo.example", "nl", "access", "Inzageverzoek AVG", func(h string) string {
		return plainUTF8(h, `Geachte heer, mevrouw,

Op grond van artikel 15 van de Algemene verordening gegevensbescherming (AVG)
verzoek ik u om inzage in de persoonsgegevens die u van mij verwerkt. Ik wil
graag weten welke gegevens u heeft, voor welke doeleinden u ze gebruikt, aan
wie u ze verstrekt en hoe lang u ze bewaart.

Mijn klantnummer is 4481-2290. Mijn adres is Kerkstraat 12, 3511 LX Utrecht.

Ik zie uw reactie binnen de wettelijke termijn van een maand graag tegemoet.

Met vriendelijke groet,

Marieke de Vries`)
	})
	add("Henk Bakker", "henkbakker62@kpnmail.example", "nl", "erasure", "verwijder mijn gegevens", func(h string) string {
		return plainUTF8(h, `Hallo,

Ik heb mijn abonnement vorige maand opgezegd. Haal al mijn gegevens weg uit
jullie systemen, ik wil niet meer bij jullie geregistreerd staan. Ook mijn
bestelgeschiedenis graag verwijderen.

Groeten Henk

Verstuurd vanaf mijn telefoon`)
	})
	add("Fatima El Amrani", "f.elamrani@hotmail.example", "nl", "rectification", "Correctie van mijn adresgegevens", func(h string) string {
		return htmlOnly(h, `<html><body><p>Beste medewerker,</p>
<p>In mijn account staat nog steeds mijn oude adres. Mijn gegevens kloppen dus niet.
Wilt u mijn adres <b>corrigeren</b> naar: Lindenlaan 8, 2312 AB Leiden?
Ook mijn achternaam is verkeerd gespeld: het is El Amrani, niet Elamrani.</p>
<p>Alvast bedankt voor het aanpassen.</p>
<p>Met vriendelijke groet,<br>Fatima El Amrani</p></body></html>`)
	})
	add("Jeroen Visser", "jeroen.visser@planet.example", "nl", "object_direct_marketing", "Geen reclame meer", func(h string) string {
		return latin1QP(h, `Geachte heer/mevrouw,

Ik ontvang steeds reclame en nieuwsbrieven van u, per e-mail én per post.
Ik maak bezwaar tegen het gebruik van mijn gegevens voor direct marketing.
Stuurt u mij alstublieft geen reclame meer, op geen enkele manier.

Met vriendelijke groet,
J. Visser
Kanaalweg 101, 9711 RE Groningen`)
	})
	add("Sanne Mulder", "sanne.mulder@xs4all.example", "nl", "portability", "Verzoek om overdracht van mijn gegevens", func(h string) string {
		return alternative(h, `Goedemiddag,

Ik stap over naar een andere aanbieder. Graag ontvang ik al mijn gegevens
(klantprofiel, verbruik en facturen) in een gestructureerd, gangbaar en
machineleesbaar formaat, zoals CSV of JSON, zodat ik ze kan meenemen
(recht op overdraagbaarheid, artikel 20 AVG).

Met vriendelijke groet,
Sanne Mulder`, `<div dir="ltr"><p>Goedemiddag,</p><p>Ik stap over naar een andere aanbieder. Graag ontvang ik al mijn gegevens
(klantprofiel, verbruik en facturen) in een gestructureerd, gangbaar en <i>machineleesbaar</i> formaat, zoals CSV of JSON,
zodat ik ze kan meenemen (recht op overdraagbaarheid, artikel 20 AVG).</p><p>Met vriendelijke groet,<br>Sanne Mulder</p></div>`)
	})
	add("mr. P.J. de Boer", "pdeboer@deboer-advocaten.example", "nl", "access", "Verzoek om inzage namens cliënt J. Smit", func(h string) string {
		return withAttachment(h, `Geachte heer, mevrouw,

Namens mijn cliënt, de heer J. Smit (geboren 14 maart 1971, klantnummer
77-10322), verzoek ik u op grond van artikel 15 AVG om een kopie van alle
persoonsgegevens die u over hem verwerkt. Een door cliënt ondertekende
machtiging treft u bijgaand aan.

Hoogachtend,

mr. P.J. de Boer
De Boer Advocaten
Herengracht 300, 1016 CE Amsterdam`, "machtiging-smit.pdf", "application/pdf", fakePDF("Machtiging J. Smit"))
	})
	add("Ans Jansen", "ans.jansen@gmail.example", "nl", "erasure", "Account van mijn dochter verwijderen", func(h string) string {
		return plainUTF8(h, `Beste,

Mijn dochter Lotte (12 jaar) heeft zonder mijn toestemming een account bij
jullie aangemaakt met het adres lotte.jansen@gmail.example. Als haar moeder
vraag ik jullie om dat account en alle gegevens van mijn dochter te
verwijderen.

Met vriendelijke groet,
Ans Jansen`)
	})
	add("Kees van Dijk", "kees@vandijk-bouw.example", "nl", "withdraw_consent", "Intrekken toestemming", func(h string) string {
		return plainUTF8(h, `Goedemorgen,

Bij de aanschaf van mijn wasmachine heb ik toestemming gegeven om mijn
gegevens te gebruiken voor klanttevredenheidsonderzoek. Ik trek mijn
toestemming hierbij in.

Met vriendelijke groet,
Kees van Dijk`)
	})
	add("Yvonne Peters", "yvonne.peters@telfort.example", "nl", "access", "Re: Uw bestelling 88123 is verzonden", func(h string) string {
		return plainUTF8(h, `Hallo,

Ik krijg opeens telefoontjes van een callcenter dat namens jullie belt.
Welke gegevens hebben jullie eigenlijk van mij, en van wie hebben jullie
mijn telefoonnummer gekregen? Ik wil graag een overzicht van alles wat
jullie over mij hebben opgeslagen.

Yvonne

--
Yvonne Peters
06-12345678

Op 3 maart 2026 om 14:02 schreef Webwinkel <noreply@example.org>:
> Beste Yvonne,
>
> Goed nieuws: uw bestelling 88123 is verzonden en wordt morgen bezorgd.
>
> Met vriendelijke groet,
> Klantenservice`)
	}, "In-Reply-To: <order-88123-shipped@example.org>", "References: <order-88123-shipped@example.org>")
	add("Bram Hendriks", "b.hendriks@upcmail.example", "nl", "restriction", "Beperking van de verwerking", func(h string) string {
		return plainUTF8(h, `Geachte heer/mevrouw,

Volgens uw administratie heb ik een betalingsachterstand. Dat klopt niet:
ik betwist de juistheid van die gegevens. Ik verzoek u de verwerking van
mijn gegevens te beperken totdat dit is uitgezocht, en de vordering niet
aan een incassobureau door te geven.

Met vriendelijke groet,
Bram Hendriks`)
	})

	// --- English ---
	add("Tom Baker", "tom.baker@btinternet.example", "en", "access", "Subject Access Request", func(h string) string {
		return plainUTF8(h, `Dear Sir or Madam,

I am writing to make a subject access request under Article 15 of the
GDPR. Please send me a copy of all personal data you hold about me, the
purposes of the processing, the recipients, and how long you will keep it.

My customer reference is UK-55102. I look forward to your response within
one month.

Yours faithfully,
Tom Baker`)
	})
	add("Sarah O'Connor", "sarah.oconnor@eircom.example", "en", "erasure", "Please delete my account", func(h string) string {
		return plainUTF8(h, `Hi there,

I no longer use your service. Please delete my account and erase all the
personal data you have about me. Thanks.

Sarah`)
	})
	add("James Wright", "jwright@outlook.example", "en", "portability", "Data portability request", func(h string) string {
		return alternative(h, `Hello,

Under Article 20 GDPR I would like to receive the personal data I provided
to you in a structured, commonly used and machine-readable format (CSV or
JSON is fine), so that I can transfer it to another provider.

Kind regards,
James Wright`, `<html><body><p>Hello,</p><p>Under Article 20 GDPR I would like to receive the personal data I provided to you in a
structured, commonly used and machine-readable format (CSV or JSON is fine), so that I can transfer it to another
provider.</p><p>Kind regards,<br>James Wright</p></body></html>`)
	})
	add("Emily Chen", "emily.chen@yahoo.example", "en", "object_direct_marketing", "Stop sending me marketing emails", func(h string) string {
		return htmlOnly(h, `<html><head><style>p{font-family:Arial}</style></head><body>
<p>Hello,</p>
<p>I keep getting your promotional emails even though I never signed up for them.
I object to the use of my personal data for direct marketing. Please stop sending
me marketing of any kind.</p>
<p>Emily</p>
<p style="color:#888">Sent from Yahoo Mail for iPhone</p></body></html>`)
	})
	add("Harper & Stone LLP", "dataprotection@harperstone.example", "en", "access", "Data subject access request on behalf of our client Mr R. Evans", func(h string) string {
		return withAttachment(h, `Dear Data Protection Officer,

We act on behalf of our client, Mr Robert Evans (date of birth 2 June 1985),
and we enclose his signed letter of authority. On his behalf we request a
copy of all personal data relating to him that you process, pursuant to
Article 15 GDPR.

Yours sincerely,

Harper & Stone LLP
12 Chancery Lane, London WC2A 1LS`, "letter-of-authority.pdf", "application/pdf", fakePDF("Letter of authority R. Evans"))
	})
	add("Oliver Smith", "oliver.smith@gmail.example", "en", "rectification", "Incorrect date of birth on my account", func(h string) string {
		return plainUTF8(h, `Hello,

My date of birth on my account is wrong: it says 1 January 1990, but it
should be 19 October 1988. Could you please correct it? The wrong date
causes problems with the age check at checkout.

Thanks,
Oliver Smith`)
	})
	add("Priya Patel", "priya.p@icloud.example", "en", "access", "what data do you have on me?", func(h string) string {
		return plainUTF8(h, `hi, what personal data do you hold about me and what do you do with it?
i'd like a copy please.

priya

Sent from my iPhone`)
	})
	add("Michael Brown", "m.brown@virginmedia.example", "en", "objection", "Objection to profiling", func(h string) string {
		return plainUTF8(h, `Dear Sir/Madam,

I object, under Article 21 GDPR, to the processing of my personal data on
the basis of your legitimate interests, including the profiling you use to
personalise prices. Please stop this processing.

Regards,
Michael Brown`)
	})
	add("=?UTF-8?Q?Laura_M=C3=BCller?=", "laura.mueller@gmx.example", "en", "erasure", "Right to be forgotten", func(h string) string {
		return plainUTF8(h, `Dear team,

I am exercising my right to erasure ("right to be forgotten") under Article
17 GDPR. Please erase all personal data concerning me and confirm when this
has been done.

Best regards,
Laura Müller`)
	})
	add("Daniel Kim", "daniel.kim@proton.example", "en", "automated_decision", "Automated decision on my credit application", func(h string) string {
		return plainUTF8(h, `Hello,

My application for payment in instalments was declined within seconds, so
I assume this was an automated decision. I want a human to review this
decision, and I would like meaningful information about the logic involved.

Daniel Kim`)
	})
	return rs
}

// automatic returns two auto-replies and a bounce: they must be recorded
// and never answered.
func automatic(base time.Time) (raws []string, senders []string) {
	ooNL := plainUTF8(hdr("Sanne de Wit <sanne.dewit@example.net>", "Automatisch antwoord: Afwezig", fmt.Sprintf("ooo-nl.%d@example.net", base.Unix()), base,
		"Auto-Submitted: auto-replied", "In-Reply-To: <newsletter-2026-11@example.org>"),
		"Ik ben afwezig tot en met 4 december en lees mijn mail niet. Voor dringende zaken kunt u contact opnemen met mijn collega Piet.")
	ooEN := plainUTF8(hdr("Gary Holmes <gary.holmes@example.co.uk>", "Automatic reply: Your privacy request", fmt.Sprintf("ooo-en.%d@example.co.uk", base.Unix()), base.Add(time.Minute),
		"Auto-Submitted: auto-generated", "X-Auto-Response-Suppress: All", "Thread-Topic: Your privacy request"),
		"Thank you for your email. I am out of the office until Monday 30 November with limited access to email. I will reply on my return.")
	bounce := hdr("Mail Delivery System <MAILER-DAEMON@mx1.example.com>", "Undelivered Mail Returned to Sender", fmt.Sprintf("bounce.%d@mx1.example.com", base.Unix()), base.Add(2*time.Minute),
		"Auto-Submitted: auto-replied") +
		"Content-Type: multipart/report; report-type=delivery-status; boundary=\"rep\"\n\n" +
		"--rep\nContent-Type: text/plain; charset=us-ascii\n\nThis is the mail system at host mx1.example.com.\n\n" +
		"I'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\n<nobody@example.com>: host mx.example.com said: 550 5.1.1 User unknown\n" +
		"--rep\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx1.example.com\n\nFinal-Recipient: rfc822; nobody@example.com\nAction: failed\nStatus: 5.1.1\n" +
		"--rep--\n"
	return []string{ooNL, ooEN, bounce}, []string{"sanne.dewit@example.net", "gary.holmes@example.co.uk", "mailer-daemon@mx1.example.com"}
}
