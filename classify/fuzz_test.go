package classify

import (
	"net/mail"
	"slices"
	"strings"
	"testing"

	"privacyd/message"
)

func FuzzClassify(f *testing.F) {
	f.Add("Inzageverzoek", "Ik wil niet dat u mijn account verwijdert, alleen inzage (art. 15 AVG).", "", "jan@example.net", false)
	f.Add("Re: x", "#verified\n#note ok", "> quoted\n", "staff@shop.example", false)
	f.Add("Automatic reply", "I am out of the office.", "", "a@b.example", false)
	f.Add("", "Art. 21 Abs. 2 DSGVO\n- löschen\n1. nicht", "", "", true)
	f.Add("é", "\xff\xfe l'accès à mes données, ne pas supprimer", "", "MAILER-DAEMON@x", false)
	f.Add(strings.Repeat("a ", 100), strings.Repeat("delete ~ * | my data. ", 50), "", "noreply@x.example", true)
	f.Add("Formular", "[x] Auskunft\n[ ] Löschung und\n    Widerspruch\n☐ effacement ☑ accès\n[Geef aan welke gegevens\n\n<<Name>> [ ]\n  ", "", "jan@example.net", false)
	c, err := New(Options{StaffAddresses: []string{"staff@shop.example"}, OwnAddresses: []string{"privacy@shop.example"}})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, subject, body, quoted, from string, autoHeader bool) {
		m := &message.Message{Subject: subject, NewText: body, Text: body + quoted, Quoted: quoted, Header: map[string][]string{}}
		if from != "" {
			m.From = &mail.Address{Address: from}
		}
		if autoHeader {
			m.Header["Auto-Submitted"] = []string{"auto-replied"}
		}
		r := c.Classify(m)
		switch r.Kind {
		case Request, StaffCommand, AutoReply, Bounce, NotARequest:
		default:
			t.Fatalf("kind %q", r.Kind)
		}
		if !slices.IsSorted(r.Rights) {
			t.Fatalf("rights not sorted: %v", r.Rights)
		}
		for _, x := range r.Rights {
			if !slices.Contains(Rights, x) {
				t.Fatalf("unknown right %q", x)
			}
		}
		if r.Rights == nil || r.Evidence == nil {
			t.Fatal("nil rights or evidence")
		}
		if autoHeader && r.Kind == Request {
			t.Fatal("auto-submitted mail taken as a request")
		}
		if !slices.Contains(append(slices.Clone(Languages), "und"), r.Language) {
			t.Fatalf("language %q", r.Language)
		}
		scanned := strings.TrimSpace(strings.NewReplacer("\r", " ", "\n", " ").Replace(subject)) + "\n" + body
		if strings.TrimSpace(body) == "" && quoted == "" {
			scanned = strings.TrimSpace(strings.NewReplacer("\r", " ", "\n", " ").Replace(subject)) + "\n" + body + quoted
		}
		for _, e := range r.Evidence {
			if e.Offset < 0 || e.Offset+len(e.Text) > len(scanned) || scanned[e.Offset:e.Offset+len(e.Text)] != e.Text {
				t.Fatalf("evidence %+v outside the scanned text", e)
			}
		}
	})
}
