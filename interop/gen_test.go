package interop_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// mailGen makes realistic, varied mail for the backlog benchmark: Dutch and
// English, 2–20 KB, text, HTML, multipart/alternative and multipart/mixed
// with attachments; mostly requests for every right, some auto-replies,
// bounces and ordinary questions. The same seed gives the same mails.
type mailGen struct {
	r    *rand.Rand
	base time.Time
	// Counts of what was generated, by kind.
	requests, autos, bounces, other int
}

func newMailGen(seed uint64, base time.Time) *mailGen {
	return &mailGen{r: rand.New(rand.NewPCG(seed, 42)), base: base}
}

var (
	firstNames = []string{"Marieke", "Henk", "Fatima", "Jeroen", "Sanne", "Pieter", "Ans", "Kees", "Yvonne", "Bram",
		"Tom", "Sarah", "James", "Emily", "Oliver", "Priya", "Michael", "Laura", "Daniel", "Sophie", "Mohamed", "Lotte", "Ravi", "Anna"}
	lastNames = []string{"de Vries", "Bakker", "El Amrani", "Visser", "Mulder", "de Boer", "Jansen", "van Dijk", "Peters",
		"Hendriks", "Baker", "O'Connor", "Wright", "Chen", "Smith", "Patel", "Brown", "Müller", "Kim", "Janssen", "Yilmaz", "Smit"}
	domains = []string{"gmail.example", "hotmail.example", "ziggo.example", "kpnmail.example", "outlook.example", "icloud.example",
		"xs4all.example", "proton.example", "yahoo.example", "btinternet.example"}

	asks = map[string]map[string][]string{
		"nl": {
			"access": {"Op grond van artikel 15 AVG verzoek ik u om inzage in alle persoonsgegevens die u van mij verwerkt.",
				"Ik wil graag weten welke gegevens jullie van mij hebben en waarvoor jullie die gebruiken.",
				"Graag ontvang ik een kopie van mijn persoonsgegevens."},
			"erasure": {"Ik verzoek u al mijn persoonsgegevens te verwijderen.", "Haal al mijn gegevens weg uit jullie systemen.",
				"Wilt u mijn account en alle bijbehorende gegevens wissen?"},
			"rectification": {"Mijn adres in uw administratie is onjuist; graag corrigeren naar Dorpsstraat 5, 1234 AB Ergens.",
				"Mijn naam is verkeerd gespeld, wilt u dat aanpassen?"},
			"object_direct_marketing": {"Ik maak bezwaar tegen het gebruik van mijn gegevens voor direct marketing.",
				"Ik wil geen reclame en nieuwsbrieven meer van u ontvangen."},
			"portability": {"Ik wil mijn gegevens ontvangen in een gestructureerd, gangbaar en machineleesbaar formaat (artikel 20 AVG)."},
			"restriction": {"Ik verzoek u de verwerking van mijn gegevens te beperken totdat mijn klacht is behandeld."},
			"objection":   {"Ik maak op grond van artikel 21 AVG bezwaar tegen de verwerking van mijn gegevens voor profilering."},
		},
		"en": {
			"access": {"Under Article 15 GDPR I request a copy of all personal data you hold about me.",
				"What personal data do you hold about me, and what do you use it for?",
				"Please send me a copy of my personal data (subject access request)."},
			"erasure": {"Please delete all personal data you hold about me.", "I want you to erase my account and all my data.",
				"I am exercising my right to erasure under Article 17 GDPR."},
			"rectification": {"My address on file is wrong; please correct it to 5 High Street, Anytown.",
				"My date of birth is incorrect in your records, please rectify it."},
			"object_direct_marketing": {"I object to the use of my personal data for direct marketing.",
				"Please stop sending me marketing emails."},
			"portability": {"I would like to receive my data in a structured, commonly used, machine-readable format (data portability)."},
			"restriction": {"Please restrict the processing of my personal data while my complaint is investigated."},
			"objection":   {"I object under Article 21 GDPR to the processing of my data for profiling."},
		},
	}
	rightsWeighted = []string{"access", "access", "access", "erasure", "erasure", "erasure", "rectification",
		"object_direct_marketing", "object_direct_marketing", "portability", "restriction", "objection"}

	greetings = map[string][]string{"nl": {"Geachte heer, mevrouw,", "Beste,", "Hallo,", "Goedemiddag,"},
		"en": {"Dear Sir or Madam,", "Hello,", "Hi there,", "Dear Data Protection Officer,"}}
	closings = map[string][]string{"nl": {"Met vriendelijke groet,", "Groeten,", "Alvast bedankt,"},
		"en": {"Kind regards,", "Best wishes,", "Thanks,", "Yours faithfully,"}}
	contexts = map[string][]string{
		"nl": {"Ik ben al jaren klant bij u, mijn klantnummer is %d.", "Vorige maand heb ik mijn abonnement opgezegd (klantnummer %d).",
			"Ik kreeg onlangs een brief van u met referentie %d die ik niet begrijp."},
		"en": {"I have been a customer for years; my customer number is %d.", "I cancelled my subscription last month (account %d).",
			"I recently received a letter from you with reference %d that I do not understand."},
	}
	others = map[string][]string{
		"nl": {"Wanneer wordt mijn bestelling geleverd? Ik wacht al twee weken.", "Kunt u mij een nieuwe factuur sturen?",
			"Ik wil graag een klacht indienen over de bezorging."},
		"en": {"When will my order be delivered? I have been waiting for two weeks.", "Could you send me a new invoice?",
			"I would like to complain about the delivery."},
	}
	disclaimer = map[string]string{
		"nl": "Dit bericht is uitsluitend bestemd voor de geadresseerde en kan vertrouwelijke informatie bevatten. " +
			"Indien u dit bericht ten onrechte heeft ontvangen, wordt u verzocht de afzender te informeren en het bericht te verwijderen. " +
			"Aan de inhoud van dit bericht kunnen geen rechten worden ontleend. ",
		"en": "This message is intended only for the addressee and may contain confidential information. " +
			"If you received it in error, please notify the sender and delete it. Any views expressed are those of the author. ",
	}
	quoted = map[string]string{
		"nl": "> Beste klant,\n>\n> Hartelijk dank voor uw bestelling. Hieronder vindt u een overzicht van de artikelen,\n" +
			"> de bezorgkosten en het verwachte bezorgmoment. Heeft u vragen, neem dan contact op met onze klantenservice.\n>\n",
		"en": "> Dear customer,\n>\n> Thank you for your order. Below you will find an overview of the items, the delivery\n" +
			"> costs and the expected delivery date. If you have any questions, please contact customer service.\n>\n",
	}
)

func (g *mailGen) pick(s []string) string { return s[g.r.IntN(len(s))] }

// next returns mail i and its arrival time.
func (g *mailGen) next(i int) ([]byte, time.Time) {
	at := g.base.Add(time.Duration(i) * 37 * time.Second)
	lang := "nl"
	if g.r.IntN(2) == 1 {
		lang = "en"
	}
	first, last := g.pick(firstNames), g.pick(lastNames)
	addr := fmt.Sprintf("%s.%s.%d@%s", strings.ToLower(first), strings.ToLower(strings.NewReplacer(" ", "", "'", "", "ü", "u").Replace(last)), i, g.pick(domains))
	from := fmt.Sprintf("%s %s <%s>", first, last, addr)
	if strings.ContainsAny(last, "ü'") {
		from = fmt.Sprintf("=?UTF-8?Q?%s_%s?= <%s>", first, strings.NewReplacer(" ", "_", "ü", "=C3=BC", "'", "=27").Replace(last), addr)
	}
	id := fmt.Sprintf("bench%06d.%d@%s", i, g.base.Unix(), addr[strings.LastIndex(addr, "@")+1:])
	target := 2048 + g.r.IntN(18*1024) // 2–20 KB

	switch k := g.r.IntN(100); {
	case k < 5:
		g.autos++
		subj := map[string]string{"nl": "Automatisch antwoord: afwezig", "en": "Automatic reply: out of office"}[lang]
		body := map[string]string{"nl": "Ik ben afwezig tot maandag en heb beperkt toegang tot mijn e-mail.",
			"en": "I am out of the office until Monday with limited access to email."}[lang]
		h := hdr(from, subj, id, at, "Auto-Submitted: auto-replied")
		return []byte(plainUTF8(h, g.pad(body+"\n", lang, target))), at
	case k < 8:
		g.bounces++
		h := hdr("Mail Delivery System <MAILER-DAEMON@mx"+fmt.Sprint(i%7)+".example.com>", "Undelivered Mail Returned to Sender", id, at, "Auto-Submitted: auto-replied")
		orig := g.pad("", lang, target)
		return []byte(h + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"rep\"\n\n" +
			"--rep\nContent-Type: text/plain\n\nThis is the mail system. Your message could not be delivered.\n" +
			"--rep\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.com\n\nFinal-Recipient: rfc822; " + addr + "\nAction: failed\nStatus: 5.1.1\n" +
			"--rep\nContent-Type: text/rfc822-headers\n\nFrom: privacy@example.org\nSubject: earlier mail\n\n" + orig + "\n--rep--\n"), at
	}

	var subject, core string
	if g.r.IntN(100) < 8 {
		g.other++
		subject = map[string]string{"nl": "Vraag over mijn bestelling", "en": "Question about my order"}[lang]
		core = g.pick(others[lang])
	} else {
		g.requests++
		right := g.pick(rightsWeighted)
		subject = map[string][]string{
			"nl": {"Inzageverzoek", "Verzoek AVG", "Mijn gegevens", "Verzoek om " + right, "privacy"},
			"en": {"Subject access request", "GDPR request", "My personal data", "Data protection request", "privacy"},
		}[lang][g.r.IntN(5)]
		core = g.pick(asks[lang][right])
		if g.r.IntN(3) == 0 {
			second := g.pick(rightsWeighted)
			core += " " + g.pick(asks[lang][second])
		}
	}
	text := g.pick(greetings[lang]) + "\n\n" + fmt.Sprintf(g.pick(contexts[lang]), 100000+g.r.IntN(900000)) + "\n" +
		core + "\n\n" + g.pick(closings[lang]) + "\n" + first + " " + last + "\n\n"
	text = g.pad(text, lang, target)
	h := hdr(from, subject, id, at)

	switch s := g.r.IntN(100); {
	case s < 40:
		return []byte(plainUTF8(h, text)), at
	case s < 55:
		return []byte(htmlOnly(h, toHTML(text))), at
	case s < 85:
		// Both parts count towards the size: halve the text.
		return []byte(alternative(h, text[:len(text)/2], toHTML(text[:len(text)/2]))), at
	default:
		data := make([]byte, 1024+g.r.IntN(len(text)/2+1))
		for j := range data {
			data[j] = byte(g.r.IntN(256))
		}
		name, ctype := "scan.pdf", "application/pdf"
		if g.r.IntN(2) == 0 {
			name, ctype = "foto-id.jpg", "image/jpeg"
		}
		half := text[:len(text)/2]
		return []byte(withAttachment(h, half, name, ctype, data)), at
	}
}

// pad lengthens text to about target bytes with what real mail carries:
// a quoted earlier mail and a mail disclaimer.
func (g *mailGen) pad(text, lang string, target int) string {
	var b strings.Builder
	b.WriteString(text)
	if b.Len() < target {
		b.WriteString(map[string]string{"nl": "Op 1 maart 2026 schreef Klantenservice:\n", "en": "On 1 March 2026 Customer Service wrote:\n"}[lang])
		for b.Len() < target*2/3 {
			b.WriteString(quoted[lang])
		}
		b.WriteString("\n-- \n")
		for b.Len() < target {
			b.WriteString(disclaimer[lang])
		}
	}
	return b.String()
}

func toHTML(text string) string {
	var b strings.Builder
	b.WriteString("<html><head><meta charset=\"utf-8\"><style>p{font-family:Arial,sans-serif}</style></head><body>\n")
	for _, para := range strings.Split(text, "\n\n") {
		b.WriteString("<p>" + strings.ReplaceAll(htmlEscape(para), "\n", "<br>\n") + "</p>\n")
	}
	b.WriteString("</body></html>")
	return b.String()
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\"", "&quot;").Replace(s)
}
