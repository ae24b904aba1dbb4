package templates

import (
	"io"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"
)

var customerLangs = []string{"nl", "en", "de", "fr"}

// Every mail exists in Dutch and English, customer mails also in German and
// French.
func TestEveryMailInItsLanguages(t *testing.T) {
	s := mustNew(t, "")
	for _, n := range CustomerNames {
		for _, l := range customerLangs {
			if !s.Has(n, l) {
				t.Errorf("customer mail %s missing in %s", n, l)
			}
		}
	}
	for _, n := range StaffNames {
		for _, l := range []string{"nl", "en"} {
			if !s.Has(n, l) {
				t.Errorf("staff mail %s missing in %s", n, l)
			}
		}
	}
	if got := len(Names()); got != 17 {
		t.Errorf("Names() has %d names, want the 17 constants", got)
	}
}

// flat joins all whitespace (line wrapping, indentation, non-breaking
// spaces) into single spaces, so phrases match across wrapped lines.
func flat(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) }), " ")
}

// missing reports the phrases missing from the text or the HTML part (HTML
// compared after unescaping, so "&amp;" does not hide a match).
func missing(m Mail, phrases ...string) []string {
	h, text := flat(html.UnescapeString(m.HTML)), flat(m.Text)
	var out []string
	for _, p := range phrases {
		if !strings.Contains(text, p) {
			out = append(out, "text: "+p)
		}
		if !strings.Contains(h, p) {
			out = append(out, "html: "+p)
		}
	}
	return out
}

func present(m Mail, phrases ...string) []string {
	h, text := flat(html.UnescapeString(m.HTML)), flat(m.Text)
	var out []string
	for _, p := range phrases {
		if strings.Contains(text, p) || strings.Contains(h, p) {
			out = append(out, p)
		}
	}
	return out
}

// A refusal names the supervisory authority with its address and the court
// route: a petition to the rechtbank within six weeks, no lawyer needed
// (art. 35 UAVG), in every language.
func TestRefusalComplaintAndCourt(t *testing.T) {
	s := mustNew(t, "")
	sixWeeks := map[string][]string{
		"nl": {"zes weken", "verzoekschrift", "rechtbank", "geen advocaat", "artikel 35"},
		"en": {"six weeks", "petition", "district court (rechtbank)", "do not need a lawyer", "article 35"},
		"de": {"sechs Wochen", "Antrag (verzoekschrift)", "Gericht (rechtbank)", "Einen Anwalt brauchen Sie dafür nicht", "Artikel 35"},
		"fr": {"six semaines", "requête (verzoekschrift)", "tribunal néerlandais (rechtbank)", "pas besoin d’avocat", "article 35"},
	}
	for _, lang := range customerLangs {
		d := goldenData()
		d.Reason = "fiscal retention duty"
		m := render(t, s, Refusal, lang, d)
		if miss := missing(m, append([]string{"Autoriteit Persoonsgegevens", "Postbus 93374, 2509 AJ Den Haag",
			"https://autoriteitpersoonsgegevens.nl", "fiscal retention duty"}, sixWeeks[lang]...)...); miss != nil {
			t.Errorf("%s refusal lacks %q", lang, miss)
		}
		// Another country's authority from configuration replaces the default.
		d.Authority = Authority{Name: "Information Commissioner's Office", URL: "https://ico.org.uk", Address: "Wycliffe House, Wilmslow SK9 5AF"}
		m = render(t, s, Refusal, lang, d)
		if miss := missing(m, "Information Commissioner's Office", "Wycliffe House, Wilmslow SK9 5AF", "https://ico.org.uk"); miss != nil {
			t.Errorf("%s refusal with configured authority lacks %q", lang, miss)
		}
		if p := present(m, "Autoriteit Persoonsgegevens"); p != nil {
			t.Errorf("%s refusal still names the default authority", lang)
		}
	}
}

// The identity check asks for proportionate details and never for an ID
// copy unless configured; with IDCopy it says BSN and photo may be blacked
// out and the copy is not kept; for a representative it asks proof of the
// mandate.
func TestIdentityCheckProportionate(t *testing.T) {
	s := mustNew(t, "")
	words := map[string]struct{ custNo, dob, noCopy, blackOut, notKept, mandate, parental string }{
		"nl": {"klantnummer", "geboortedatum", "geen kopie", "onleesbaar", "bewaren haar niet", "machtiging (volmacht)", "gezag"},
		"en": {"customer number", "date of birth", "do not send us a copy", "black out", "do not keep it", "power of attorney", "parental authority"},
		"de": {"Kundennummer", "Geburtsdatum", "keine Kopie", "schwärzen", "bewahren sie nicht auf", "Vollmacht", "Sorgerechts"},
		"fr": {"numéro de client", "date de naissance", "ne pas nous envoyer de copie", "asquez", "nous ne la conservons pas", "procuration", "autorité parentale"},
	}
	for _, name := range []string{IdentityCheck, IdentityReminder} {
		for _, lang := range customerLangs {
			w := words[lang]
			d := goldenData()
			m := render(t, s, name, lang, d)
			if miss := missing(m, w.custNo, w.dob, w.noCopy); miss != nil {
				t.Errorf("%s/%s lacks %q", lang, name, miss)
			}
			if p := present(m, "BSN", w.blackOut, w.notKept, w.mandate, w.parental); p != nil {
				t.Errorf("%s/%s without IDCopy/Representative mentions %q", lang, name, p)
			}
			d.IDCopy, d.Representative = true, true
			m = render(t, s, name, lang, d)
			if miss := missing(m, "BSN", w.blackOut, w.notKept, w.mandate, w.parental); miss != nil {
				t.Errorf("%s/%s with IDCopy and Representative lacks %q", lang, name, miss)
			}
			if p := present(m, w.noCopy); p != nil {
				t.Errorf("%s/%s with IDCopy still says not to send a copy", lang, name)
			}
		}
	}
}

func TestExtensionAndFee(t *testing.T) {
	s := mustNew(t, "")
	want := map[string]struct{ newDate, oldDate, art123, art125, withdraw string }{
		"nl": {"vrijdag 5 juni 2026", "7 april 2026", "artikel 12, lid 3", "artikel 12, lid 5", "intrekken"},
		"en": {"Friday 5 June 2026", "7 April 2026", "article 12(3)", "article 12(5)", "withdraw your request"},
		"de": {"Freitag, 5. Juni 2026", "7. April 2026", "Artikel 12 Absatz 3", "Artikel 12 Absatz 5", "zurückziehen"},
		"fr": {"vendredi 5 juin 2026", "7 avril 2026", "article 12, paragraphe 3", "article 12, paragraphe 5", "retirer votre demande"},
	}
	for _, lang := range customerLangs {
		w := want[lang]
		d := goldenData()
		d.Reason = "data in five systems"
		m := render(t, s, Extension, lang, d)
		if miss := missing(m, w.newDate, w.oldDate, w.art123, "data in five systems"); miss != nil {
			t.Errorf("%s extension lacks %q", lang, miss)
		}
		d.Amount, d.Reason = "EUR 25", "fifth request in three months"
		m = render(t, s, FeeRequest, lang, d)
		if miss := missing(m, "EUR 25", "fifth request in three months", w.art125, w.withdraw); miss != nil {
			t.Errorf("%s fee request lacks %q", lang, miss)
		}
	}
}

// Staff see the classification evidence, the repetitive hint and the
// commands.
func TestStaffNewCaseContent(t *testing.T) {
	s := mustNew(t, "")
	d := goldenData()
	d.Repetitive = true
	m := render(t, s, StaffNewCase, "en", d)
	if miss := missing(m, "access: 'inzage in mijn gegevens' (offset 42)", "jan.devries@example.nl",
		"#verified", "#extend", "#done", "#refuse", "#fee", "#reply", "#rights", "#note", "#withdrawn", "#notarequest", "#help",
		"Ik wil graag inzage in mijn gegevens"); miss != nil {
		t.Errorf("staff_new_case lacks %q", miss)
	}
	if !strings.Contains(strings.ToLower(m.Text), "possibly repetitive (art. 12(5))") {
		t.Error("staff_new_case lacks the repetitive hint")
	}
	if want := "[DSR-2026-0001] New request: access, erasure (due 2026-04-07)"; m.Subject != want {
		t.Errorf("subject = %q, want %q", m.Subject, want)
	}
	d.Repetitive = false
	if strings.Contains(strings.ToLower(render(t, s, StaffNewCase, "en", d).Text), "repetitive") {
		t.Error("repetitive hint without the flag")
	}
	// Commands stand one per line, at the start of the line after indentation.
	for _, c := range []string{"#verified", "#notarequest", "#help"} {
		found := false
		for _, l := range strings.Split(m.Text, "\n") {
			if strings.HasPrefix(strings.TrimSpace(l), c) {
				found = true
			}
		}
		if !found {
			t.Errorf("command %s not on a line of its own", c)
		}
	}
}

func TestStaffFollowUpIdentity(t *testing.T) {
	s := mustNew(t, "")
	d := goldenData()
	d.Status = "awaiting_identity"
	for lang, phrase := range map[string]string{"en": "identity", "nl": "identiteit"} {
		m := render(t, s, StaffFollowUp, lang, d)
		if !strings.Contains(m.Text, phrase) || !strings.Contains(m.Text, "#verified") {
			t.Errorf("%s followup for awaiting_identity does not point at the identity answer:\n%s", lang, m.Text)
		}
		d2 := d
		d2.Status = "in_progress"
		if strings.Contains(render(t, s, StaffFollowUp, lang, d2).Subject, "?") {
			t.Errorf("%s followup subject asks about identity for an in_progress case", lang)
		}
	}
}

// Warnings come most urgent first, whatever order the caller used, and
// overdue rows are red in HTML.
func TestWarningsOrderAndRed(t *testing.T) {
	s := mustNew(t, "")
	d := Data{Now: day(2026, 4, 3), Warnings: []Warning{
		{CaseID: "DSR-2026-0009", Due: day(2026, 4, 10), DaysLeft: 5, What: "due in 5 working days"},
		{CaseID: "DSR-2026-0002", Due: day(2026, 3, 30), DaysLeft: -4, What: "overdue since 2026-03-30, 4 days"},
		{CaseID: "DSR-2026-0004", Due: day(2026, 4, 6), DaysLeft: 1, What: "due tomorrow"},
	}}
	for _, lang := range []string{"en", "nl"} {
		m := render(t, s, StaffWarnings, lang, d)
		order := []int{strings.Index(m.Text, "DSR-2026-0002"), strings.Index(m.Text, "DSR-2026-0004"), strings.Index(m.Text, "DSR-2026-0009")}
		if !slices.IsSorted(order) || order[0] < 0 {
			t.Errorf("%s warnings not most urgent first: %v\n%s", lang, order, m.Text)
		}
		red := `<tr style="color:#b91c1c;">`
		if strings.Count(m.HTML, red) != 1 {
			t.Errorf("%s: want exactly one red (overdue) row, got %d", lang, strings.Count(m.HTML, red))
		}
		if i := strings.Index(m.HTML, red); i < 0 || !strings.Contains(m.HTML[i:i+300], "DSR-2026-0002") {
			t.Errorf("%s: the red row is not the overdue case", lang)
		}
		if !strings.Contains(m.Subject, "3") || !strings.Contains(m.Subject, "1") {
			t.Errorf("%s subject lacks the counts: %q", lang, m.Subject)
		}
	}
	if d.Warnings[0].CaseID != "DSR-2026-0009" {
		t.Error("Render reordered the caller's slice")
	}
}

// The HTML of every mail is balanced: every block element opened is closed.
func TestHTMLBalanced(t *testing.T) {
	s := mustNew(t, "")
	void := map[string]bool{"br": true, "meta": true, "img": true, "hr": true}
	for _, name := range Names() {
		for _, lang := range s.Languages(name) {
			for _, d := range sampleData() {
				m := render(t, s, name, lang, d)
				z := html.NewTokenizer(strings.NewReader(m.HTML))
				var stack []string
			loop:
				for {
					switch z.Next() {
					case html.ErrorToken:
						if z.Err() != io.EOF {
							t.Fatal(z.Err())
						}
						break loop
					case html.StartTagToken:
						n, _ := z.TagName()
						if !void[string(n)] {
							stack = append(stack, string(n))
						}
					case html.EndTagToken:
						n, _ := z.TagName()
						if len(stack) == 0 || stack[len(stack)-1] != string(n) {
							t.Errorf("%s/%s: unexpected </%s>, open: %v", lang, name, n, stack)
							break loop
						}
						stack = stack[:len(stack)-1]
					}
				}
				if len(stack) != 0 {
					t.Errorf("%s/%s: unclosed %v", lang, name, stack)
				}
			}
		}
	}
}

// Staff mails about something that is not (yet) a case have no "[]" in the
// subject and no empty case line.
func TestStaffMailsWithoutCase(t *testing.T) {
	s := mustNew(t, "")
	for _, name := range StaffNames {
		if name == StaffNewCase || name == StaffFollowUp {
			continue // always about a case
		}
		for _, lang := range []string{"en", "nl"} {
			d := goldenData()
			d.CaseID = ""
			m := render(t, s, name, lang, d)
			if strings.Contains(m.Subject, "[]") || strings.Contains(m.Text, "[]") {
				t.Errorf("%s/%s shows an empty case tag: %q", lang, name, m.Subject)
			}
			for _, l := range strings.Split(m.Text, "\n") {
				if f := strings.Fields(l); len(f) == 1 && (f[0] == "Case:" || f[0] == "Zaak:") {
					t.Errorf("%s/%s has an empty case line", lang, name)
				}
			}
		}
	}
}
