package templates

import (
	"strings"
	"testing"
	"time"
)

// BenchmarkRender renders the two mails of a new request (the customer's
// acknowledgement and the staff notification, which quotes the request).
func BenchmarkRender(b *testing.B) {
	s, err := New("")
	if err != nil {
		b.Fatal(err)
	}
	d := sampleData()[0]
	d.Message = strings.Repeat("Geachte heer, mevrouw, ik wil graag inzage in al mijn persoonsgegevens die u verwerkt, op grond van artikel 15 AVG, en een kopie daarvan.\n\n", 12)
	b.ReportAllocs()
	for b.Loop() {
		for _, name := range []string{Acknowledgement, StaffNewCase} {
			if _, err := s.Render(name, "nl", d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// newCaseMessage is a customer's request as it typically arrives: about
// 3 KB, a greeting, paragraphs hard-wrapped at 76 columns by the mail
// client (so quoting pushes them over the wrap width), one long unwrapped
// paragraph, a bulleted list and a signature.
const newCaseMessage = `Geachte heer, mevrouw,

Op grond van artikel 15 van de Algemene verordening gegevensbescherming
(AVG) verzoek ik u mij inzage te geven in alle persoonsgegevens die u van mij
verwerkt. Ik ben sinds 2019 klant bij u en heb in die tijd meerdere
bestellingen geplaatst, zowel via de website als via de app.

Ik wil graag weten welke gegevens u van mij heeft, voor welke doeleinden u die gebruikt, aan wie u ze heeft verstrekt of gaat verstrekken (in het bijzonder ontvangers in landen buiten de Europese Economische Ruimte), hoe lang u ze bewaart en waar u de gegevens vandaan heeft als u ze niet van mij zelf heeft gekregen.

Concreet verzoek ik u om:
- een kopie van alle persoonsgegevens die u van mij verwerkt, in een gangbaar elektronisch formaat;
- een overzicht van de verwerkingsdoeleinden en de rechtsgrondslag per doel;
- de namen van de ontvangers, waaronder verwerkers en andere derden;
- informatie over geautomatiseerde besluitvorming en profilering, als daarvan sprake is, met de onderliggende logica;
- de bewaartermijnen, of de criteria om die termijnen te bepalen.

Daarnaast verzoek ik u, op grond van artikel 17 AVG, mijn account en de
daarbij horende gegevens te verwijderen zodra u mij de inzage heeft gegeven,
voor zover u niet wettelijk verplicht bent ze te bewaren. Wilt u mij laten
weten welke gegevens u om die reden nog bewaart en tot wanneer?

Ik ontvang ook nog steeds uw nieuwsbrief en aanbiedingen per post, hoewel ik
mij daar al twee keer voor heb afgemeld. Ik maak daarom ook bezwaar tegen het
gebruik van mijn gegevens voor direct marketing (artikel 21 lid 2 AVG).

Mijn klantnummer is 48213. Het e-mailadres waarmee ik bij u bekend ben is
het adres waarvan ik deze e-mail stuur. Mocht u aanvullende informatie nodig
hebben om mijn identiteit vast te stellen, dan hoor ik dat graag; een kopie
van mijn paspoort stuur ik liever niet mee.

Ik heb ook gezien dat u gegevens deelt met partners voor "gepersonaliseerde aanbiedingen", zoals uw privacyverklaring het noemt. Ik wil graag weten welke partners dat zijn, welke gegevens van mij zij hebben ontvangen en op welke datum. Als u gegevens heeft gekocht van databureaus of van andere bedrijven, wil ik ook weten van wie en welke gegevens dat waren.

Verder vraag ik u mij te laten weten of u camerabeelden, opnames van
telefoongesprekken met uw klantenservice of chatgesprekken van mij bewaart.
Zo ja, dan ontvang ik daarvan graag ook een kopie, of een uitgeschreven
versie als een kopie niet mogelijk is. Ik heb in maart en in oktober vorig
jaar met uw klantenservice gebeld over een retourzending.

Ik zie uw reactie graag binnen de wettelijke termijn van een maand tegemoet.

Met vriendelijke groet,

Jan de Vries
Dorpsstraat 1
3512 AB Utrecht
06-12345678

P.S. Mocht u mijn verzoek niet (volledig) willen of kunnen uitvoeren, dan verneem ik graag de reden, zodat ik kan beoordelen of ik een klacht indien bij de Autoriteit Persoonsgegevens.
`

// newCaseData is the data of a typical new case: received in Amsterdam,
// three rights, a few evidence lines and newCaseMessage.
func newCaseData() Data {
	ams, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		ams = time.FixedZone("CET", 3600)
	}
	return Data{
		Org:           Org{Name: "Voorbeeld B.V.", PrivacyAddress: "privacy@voorbeeld.nl"},
		CaseID:        "DSR-2026-0417",
		Status:        "in_progress",
		RequesterName: "Jan de Vries",
		RequesterAddr: "jan.devries@example.nl",
		Subject:       "Inzageverzoek AVG en verwijdering account",
		Rights:        []string{"access", "erasure", "object_direct_marketing"},
		Received:      time.Date(2026, 3, 5, 10, 17, 0, 0, ams),
		Due:           day(2026, 4, 7),
		Kind:          "request",
		Language:      "nl",
		KindReason:    "rights found",
		Evidence: []EvidenceLine{
			{Right: "access", Text: "verzoek ik u mij inzage te geven", Offset: 112},
			{Right: "access", Text: "een kopie van alle persoonsgegevens", Offset: 798},
			{Right: "erasure", Text: "mijn account en de daarbij horende gegevens te verwijderen", Offset: 1390},
			{Right: "object_direct_marketing", Text: "bezwaar tegen het gebruik van mijn gegevens voor direct marketing", Offset: 1921},
		},
		Message: newCaseMessage,
		Now:     time.Date(2026, 3, 5, 10, 17, 3, 0, ams),
	}
}

// BenchmarkRenderNewCase renders what one typical new request costs: the
// Dutch acknowledgement to the customer and the staff_new_case notification
// quoting a 3 KB message. One op is both mails; ns/mail is half of ns/op.
func BenchmarkRenderNewCase(b *testing.B) {
	s, err := New("")
	if err != nil {
		b.Fatal(err)
	}
	d := newCaseData()
	if n := len(d.Message); n < 2800 || n > 3400 {
		b.Fatalf("message is %d bytes, want about 3 KB", n)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Render(Acknowledgement, "nl", d); err != nil {
			b.Fatal(err)
		}
		if _, err := s.Render(StaffNewCase, "nl", d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(2*b.N), "ns/mail")
}

// BenchmarkRenderNewCaseParallel is BenchmarkRenderNewCase on all
// GOMAXPROCS at once, as the daemon's goroutines share one Set; mails/s is
// the throughput of the whole machine.
func BenchmarkRenderNewCaseParallel(b *testing.B) {
	s, err := New("")
	if err != nil {
		b.Fatal(err)
	}
	d := newCaseData()
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := s.Render(Acknowledgement, "nl", d); err != nil {
				b.Error(err)
				return
			}
			if _, err := s.Render(StaffNewCase, "nl", d); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(2*b.N)/b.Elapsed().Seconds(), "mails/s")
}
