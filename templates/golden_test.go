package templates

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the current templates")

// goldenSep separates subject, text and HTML in a golden file.
const goldenSep = "\n----------\n"

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// goldenData is the fixed data every golden file is rendered with: a request
// received on Thursday 5 March 2026 at 10:00 in Amsterdam, due Tuesday 7
// April 2026 (5 April is a Sunday, 6 April Easter Monday).
func goldenData() Data {
	ams, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		ams = time.FixedZone("CET", 3600)
	}
	return Data{
		Org:           Org{Name: "Voorbeeld B.V.", PrivacyAddress: "privacy@voorbeeld.nl"},
		CaseID:        "DSR-2026-0001",
		Status:        "in_progress",
		RequesterName: "Jan de Vries",
		RequesterAddr: "jan.devries@example.nl",
		Subject:       "Inzage in mijn gegevens",
		Rights:        []string{"access", "erasure"},
		Received:      time.Date(2026, 3, 5, 10, 0, 0, 0, ams),
		ReceivedDate:  day(2026, 3, 5),
		Due:           day(2026, 4, 7),
		ExtendedDue:   day(2026, 6, 5),
		Kind:          "request",
		Language:      "nl",
		KindReason:    "rights found",
		Evidence: []EvidenceLine{
			{Right: "access", Text: "inzage in mijn gegevens", Offset: 42},
			{Right: "erasure", Text: "verwijder mijn account", Offset: 97},
		},
		Message: "Goedemiddag,\n\nIk wil graag inzage in mijn gegevens. Welke gegevens heeft u van mij en met wie deelt u die? Verwijder daarna mijn account.\n\nMet vriendelijke groet,\nJan de Vries",
		Now:     time.Date(2026, 4, 3, 8, 0, 0, 0, ams),
	}
}

// goldenCase is one rendering: the template, a file suffix for variants and
// what to change in goldenData for the language.
type goldenCase struct {
	name    string
	variant string
	mutate  func(d *Data, lang string)
}

// staffWords are what staff would write in each language (reasons,
// messages), so each golden letter reads as a whole.
var staffWords = map[string]struct{ extend, refuse, fee, done, reply string }{
	"nl": {
		extend: "Uw gegevens staan in vijf verschillende systemen, waaronder ons archief. Het kost meer tijd om ze volledig en zorgvuldig te verzamelen.",
		refuse: "Uw facturen moeten wij volgens de fiscale bewaarplicht zeven jaar bewaren (artikel 52 van de Algemene wet inzake rijksbelastingen). Die kunnen we daarom nog niet verwijderen. Uw overige gegevens hebben we wel verwijderd.",
		fee:    "Dit is uw vijfde inzageverzoek in drie maanden. Sinds ons laatste antwoord van 2 maart 2026 zijn uw gegevens niet veranderd.",
		done:   "In de bijlage vindt u een overzicht van al uw gegevens, waarvoor we ze gebruiken, met wie we ze delen en hoe lang we ze bewaren.\n\nUw account hebben we daarna verwijderd.",
		reply:  "We hebben uw gegevens gevonden in ons klantsysteem. Wilt u ook de gegevens van uw oude account uit 2019 ontvangen?",
	},
	"en": {
		extend: "Your data is stored in five different systems, including our archive. Collecting it completely and carefully takes more time.",
		refuse: "We must keep your invoices for seven years because of our legal duty under Dutch tax law (article 52 of the General State Taxes Act). We cannot delete those yet. We have deleted all your other data.",
		fee:    "This is your fifth request for access in three months. Your data has not changed since our last answer of 2 March 2026.",
		done:   "Attached you will find an overview of all your data, what we use it for, who we share it with and how long we keep it.\n\nWe have then deleted your account.",
		reply:  "We found your data in our customer system. Would you also like to receive the data of your old account from 2019?",
	},
	"de": {
		extend: "Ihre Daten sind in fünf verschiedenen Systemen gespeichert, darunter unser Archiv. Sie vollständig und sorgfältig zusammenzutragen, braucht mehr Zeit.",
		refuse: "Ihre Rechnungen müssen wir nach niederländischem Steuerrecht sieben Jahre aufbewahren (Artikel 52 der Algemene wet inzake rijksbelastingen). Diese können wir daher noch nicht löschen. Alle übrigen Daten haben wir gelöscht.",
		fee:    "Dies ist Ihre fünfte Auskunftsanfrage innerhalb von drei Monaten. Seit unserer letzten Antwort vom 2. März 2026 haben sich Ihre Daten nicht geändert.",
		done:   "Im Anhang finden Sie eine Übersicht über alle Ihre Daten, wofür wir sie nutzen, an wen wir sie weitergeben und wie lange wir sie speichern.\n\nIhr Konto haben wir anschließend gelöscht.",
		reply:  "Wir haben Ihre Daten in unserem Kundensystem gefunden. Möchten Sie auch die Daten Ihres alten Kontos aus dem Jahr 2019 erhalten?",
	},
	"fr": {
		extend: "Vos données sont enregistrées dans cinq systèmes différents, dont nos archives. Les rassembler de façon complète et soigneuse demande plus de temps.",
		refuse: "Nous devons conserver vos factures pendant sept ans en vertu de la législation fiscale néerlandaise (article 52 de l’Algemene wet inzake rijksbelastingen). Nous ne pouvons donc pas encore les supprimer. Toutes vos autres données ont été supprimées.",
		fee:    "Il s’agit de votre cinquième demande d’accès en trois mois. Vos données n’ont pas changé depuis notre dernière réponse du 2 mars 2026.",
		done:   "Vous trouverez en pièce jointe un aperçu de toutes vos données, de leur utilisation, des destinataires et de leur durée de conservation.\n\nNous avons ensuite supprimé votre compte.",
		reply:  "Nous avons trouvé vos données dans notre système clients. Souhaitez-vous aussi recevoir les données de votre ancien compte de 2019 ?",
	},
}

func words(lang string) struct{ extend, refuse, fee, done, reply string } {
	if w, ok := staffWords[lang]; ok {
		return w
	}
	return staffWords["en"]
}

func goldenCases() []goldenCase {
	none := func(*Data, string) {}
	tricky := func(d *Data, _ string) {
		d.RequesterName = "<b>Jan</b>\r\nBcc: evil@example.com"
		d.Subject = "Inzage <script>alert(1)</script>\r\nBcc: evil@example.com"
		d.Message = "<img src=x onerror=alert(1)>\r\nTweede regel & meer"
	}
	return []goldenCase{
		{Acknowledgement, "", none},
		{Acknowledgement, "marketing_representative", func(d *Data, _ string) {
			d.Rights = []string{"object_direct_marketing"}
			d.Representative = true
			d.Subject = ""
		}},
		{Acknowledgement, "tricky", tricky},
		{IdentityCheck, "", func(d *Data, _ string) { d.Status = "awaiting_identity" }},
		{IdentityCheck, "idcopy_representative", func(d *Data, _ string) {
			d.Status, d.IDCopy, d.Representative = "awaiting_identity", true, true
		}},
		{IdentityReminder, "", func(d *Data, _ string) { d.Status = "awaiting_identity" }},
		{IdentityReminder, "idcopy_representative", func(d *Data, _ string) {
			d.Status, d.IDCopy, d.Representative = "awaiting_identity", true, true
		}},
		{Extension, "", func(d *Data, l string) { d.Status, d.Extended, d.Reason = "extended", true, words(l).extend }},
		{Completion, "", func(d *Data, l string) { d.Status, d.Message = "completed", words(l).done }},
		{Completion, "no_message", func(d *Data, _ string) {
			d.Status, d.Message, d.Rights = "completed", "", []string{"object_direct_marketing"}
		}},
		{Refusal, "", func(d *Data, l string) {
			d.Status, d.Reason, d.Rights = "refused", words(l).refuse, []string{"erasure"}
		}},
		{FeeRequest, "", func(d *Data, l string) {
			d.Status, d.Reason, d.Amount, d.Rights = "awaiting_payment", words(l).fee, "€ 25", []string{"access"}
		}},
		{Reply, "", func(d *Data, l string) { d.Message = words(l).reply }},
		{WithdrawnNotice, "", func(d *Data, _ string) { d.Status = "withdrawn" }},
		{StaffNewCase, "", func(d *Data, _ string) { d.Status = "awaiting_identity" }},
		{StaffNewCase, "triage_repetitive", func(d *Data, _ string) {
			d.Triage, d.Repetitive, d.Representative = true, true, true
			d.Rights, d.Evidence = nil, nil
		}},
		{StaffNewCase, "tricky", tricky},
		{StaffNotRequest, "", func(d *Data, _ string) {
			d.Status, d.Kind, d.KindReason, d.Rights, d.Evidence = "not_a_request", "not_a_request", "no rights found", nil, nil
			d.Subject = "Vraag over mijn bestelling"
			d.Message = "Hallo,\n\nMijn bestelling 12345 is nog niet aangekomen. Kunt u kijken waar die blijft?\n\nJan"
		}},
		{StaffFollowUp, "", func(d *Data, _ string) {
			d.Status = "awaiting_identity"
			d.Subject = "Re: Inzage in mijn gegevens [DSR-2026-0001]"
			d.Message = "Mijn klantnummer is 48213 en ik woon op de Dorpsstraat 1 in Utrecht."
		}},
		{StaffResult, "", func(d *Data, _ string) {
			d.Status, d.Extended, d.Command = "extended", true, "#extend complex: data in five systems"
			d.Changes = []string{"status: in_progress → extended", "due: 2026-04-07 → 2026-06-05", "the customer was sent the extension notice"}
		}},
		{StaffResult, "refused", func(d *Data, _ string) {
			d.Command = "#refuse"
			d.Refusals = []string{"#refuse needs a reason: the customer must be told why (art. 12(4) GDPR)"}
		}},
		{StaffHelp, "", none},
		{StaffForgery, "", func(d *Data, _ string) {
			d.Reason = "sender boss@evil.example is not in staff.addresses"
			d.RequesterAddr = "boss@evil.example"
		}},
		{StaffWarnings, "", func(d *Data, _ string) {
			d.CaseID = ""
			d.Warnings = []Warning{
				{CaseID: "DSR-2026-0007", Rights: []string{"erasure"}, Status: "in_progress", Due: day(2026, 4, 8), DaysLeft: 3, What: "due in 3 working days"},
				{CaseID: "DSR-2026-0003", Rights: []string{"access"}, Status: "in_progress", Due: day(2026, 4, 1), DaysLeft: -2, What: "overdue since 2026-04-01, 2 days"},
				{CaseID: "DSR-2026-0005", Rights: []string{"access", "portability"}, Status: "in_progress", Due: day(2026, 4, 7), DaysLeft: 1, What: "last day to extend: 2026-04-07"},
			}
		}},
		// A sweep that lists the most overdue cases up to its bound and
		// every case not overdue yet: the rest are counted, not listed.
		{StaffWarnings, "more", func(d *Data, _ string) {
			d.CaseID = ""
			d.Warnings = []Warning{
				{CaseID: "DSR-2026-0003", Rights: []string{"access"}, Status: "in_progress", Due: day(2026, 3, 2), DaysLeft: -24, What: "overdue since Tue 2026-03-03, 31 days"},
				{CaseID: "DSR-2026-0004", Rights: []string{"erasure"}, Status: "in_progress", Due: day(2026, 3, 3), DaysLeft: -23, What: "overdue since Wed 2026-03-04, 30 days"},
				{CaseID: "DSR-2026-0007", Rights: []string{"erasure"}, Status: "in_progress", Due: day(2026, 4, 8), DaysLeft: 3, What: "due in 3 working days"},
			}
			d.WarningsTotal, d.WarningsOverdue = 24803, 24802
		}},
		// Left out are cases of both kinds (a caller other than the sweep).
		{StaffWarnings, "more_mixed", func(d *Data, _ string) {
			d.CaseID = ""
			d.Warnings = []Warning{
				{CaseID: "DSR-2026-0003", Rights: []string{"access"}, Status: "in_progress", Due: day(2026, 3, 2), DaysLeft: -24, What: "overdue since Tue 2026-03-03, 31 days"},
			}
			d.WarningsTotal, d.WarningsOverdue = 1201, 1001
		}},
		{StaffSendFailed, "", func(d *Data, _ string) {
			d.FailedMail, d.Recipient = Acknowledgement, "jan.devries@example.nl"
			d.Reason = "550 5.1.1 <jan.devries@example.nl>: Recipient address rejected: User unknown"
		}},
	}
}

func goldenPath(lang, name, variant string) string {
	f := name
	if variant != "" {
		f += "+" + variant
	}
	return filepath.Join("testdata", "golden", lang, f+".golden")
}

func TestGolden(t *testing.T) {
	s, err := New("")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range goldenCases() {
		for _, lang := range s.Languages(c.name) {
			d := goldenData()
			c.mutate(&d, lang)
			m, err := s.Render(c.name, lang, d)
			if err != nil {
				t.Fatalf("%s %s: %v", lang, c.name, err)
			}
			got := m.Subject + goldenSep + m.Text + goldenSep + m.HTML
			p := goldenPath(lang, c.name, c.variant)
			if *update {
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(p)
			if err != nil {
				t.Errorf("%v (run go test ./templates -update to create it)", err)
				continue
			}
			if got != string(want) {
				t.Errorf("%s differs from the rendering; run go test ./templates -update and review the diff\n%s", p, firstDiff(string(want), got))
			}
		}
	}
}

// firstDiff shows the first differing line of two texts.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + w + "\n  got:  " + g
		}
	}
	return ""
}
