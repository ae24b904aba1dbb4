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
// what to change in goldenData.
type goldenCase struct {
	name    string
	variant string
	mutate  func(*Data)
}

func goldenCases() []goldenCase {
	none := func(*Data) {}
	return []goldenCase{
		{Acknowledgement, "", none},
		{Acknowledgement, "marketing_representative", func(d *Data) {
			d.Rights = []string{"object_direct_marketing"}
			d.Representative = true
			d.Subject = ""
		}},
		{StaffNewCase, "", func(d *Data) { d.Status = "awaiting_identity" }},
		{StaffNewCase, "triage_repetitive", func(d *Data) {
			d.Triage, d.Repetitive, d.Representative = true, true, true
			d.Rights, d.Evidence = nil, nil
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
			c.mutate(&d)
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
