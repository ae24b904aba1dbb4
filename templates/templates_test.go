package templates

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// defaultSet is parsed once for the tests that only read the defaults.
var defaultSet = sync.OnceValues(func() (*Set, error) { return New("") })

func mustNew(t *testing.T, dir string) *Set {
	t.Helper()
	var s *Set
	var err error
	if dir == "" {
		s, err = defaultSet()
	} else {
		s, err = New(dir)
	}
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func render(t *testing.T, s *Set, name, lang string, d Data) Mail {
	t.Helper()
	m, err := s.Render(name, lang, d)
	if err != nil {
		t.Fatalf("Render(%s, %s): %v", name, lang, err)
	}
	return m
}

// The acknowledgement states the receipt date and the due date, written the
// way the language writes dates (received 5 March 2026, due Tuesday 7 April
// 2026).
func TestAcknowledgementDates(t *testing.T) {
	s := mustNew(t, "")
	want := map[string][]string{
		"nl": {"5 maart 2026", "dinsdag 7 april 2026"},
		"en": {"5 March 2026", "Tuesday 7 April 2026"},
		"de": {"5. März 2026", "Dienstag, 7. April 2026"},
		"fr": {"5 mars 2026", "mardi 7 avril 2026"},
	}
	// The identity check is sent instead of the acknowledgement when the
	// identity must be checked first, so it acknowledges the request too.
	for _, name := range []string{Acknowledgement, IdentityCheck} {
		for lang, dates := range want {
			if !s.Has(name, lang) {
				t.Errorf("no %s in %s", name, lang)
				continue
			}
			m := render(t, s, name, lang, goldenData())
			if miss := missing(m, dates...); miss != nil {
				t.Errorf("%s/%s lacks %q", lang, name, miss)
			}
		}
	}
}

func TestDateFormats(t *testing.T) {
	for _, c := range []struct {
		lang      string
		d         int
		date, day string
	}{
		{"nl", 5, "5 april 2026", "zondag 5 april 2026"},
		{"en", 5, "5 April 2026", "Sunday 5 April 2026"},
		{"de", 5, "5. April 2026", "Sonntag, 5. April 2026"},
		{"fr", 5, "5 avril 2026", "dimanche 5 avril 2026"},
		{"fr", 1, "1er avril 2026", "mercredi 1er avril 2026"},
		{"xx", 1, "1 April 2026", "Wednesday 1 April 2026"},
	} {
		if got := dateIn(c.lang, day(2026, 4, c.d)); got != c.date {
			t.Errorf("dateIn(%s) = %q, want %q", c.lang, got, c.date)
		}
		if got := dayIn(c.lang, day(2026, 4, c.d)); got != c.day {
			t.Errorf("dayIn(%s) = %q, want %q", c.lang, got, c.day)
		}
	}
}

// Every mail about a case carries "[<case ID>]" in its subject, so replies
// find their case, whatever language and whatever override.
func TestSubjectsCarryCaseID(t *testing.T) {
	s := mustNew(t, "")
	for _, name := range Names() {
		for _, lang := range s.Languages(name) {
			tagged := goldenData()
			tagged.Subject = "Re: Inzage [DSR-2026-0001]"
			for _, d := range []Data{goldenData(), {CaseID: "DSR-2026-0042"}, tagged} {
				m := render(t, s, name, lang, d)
				if !strings.Contains(m.Subject, "["+d.CaseID+"]") {
					t.Errorf("%s/%s subject %q lacks [%s]", lang, name, m.Subject, d.CaseID)
				}
				if strings.Count(m.Subject, d.CaseID) != 1 {
					t.Errorf("%s/%s subject %q repeats the case ID", lang, name, m.Subject)
				}
			}
		}
	}
}

func TestReSubject(t *testing.T) {
	for in, want := range map[string]string{
		"Inzage":                         "Re: Inzage",
		"RE: Re: AW: inzage":             "Re: inzage",
		"Re: Inzage [DSR-2026-0001]":     "Re: Inzage",
		"  \r\n ":                        "",
		"Antw: verwijder\r\nBcc: x@y.nl": "Re: verwijder Bcc: x@y.nl",
	} {
		if got := (Data{Subject: in, CaseID: "DSR-2026-0001"}).ReSubject(); got != want {
			t.Errorf("ReSubject(%q) = %q, want %q", in, got, want)
		}
	}
	long := strings.Repeat("x", 400)
	if got := (Data{Subject: long}).ReSubject(); len([]rune(got)) > 160 {
		t.Errorf("long subject not shortened: %d runes", len([]rune(got)))
	}
}

// A display name or subject with markup and CR/LF comes out inert: escaped in
// HTML, on one line in the subject and the text.
func TestEscaping(t *testing.T) {
	s := mustNew(t, "")
	d := goldenData()
	d.RequesterName = "<script>alert(1)</script>\r\nBcc: evil@example.com"
	d.Subject = "<b>Inzage</b>\r\nBcc: evil@example.com"
	d.Message = "<img src=x onerror=alert(1)>\r\nline two"
	for _, name := range Names() {
		for _, lang := range s.Languages(name) {
			m := render(t, s, name, lang, d)
			if strings.ContainsAny(m.Subject, "\r\n") {
				t.Errorf("%s/%s subject has a line break: %q", lang, name, m.Subject)
			}
			for _, bad := range []string{"<script", "<b>", "<img"} {
				if strings.Contains(m.HTML, bad) {
					t.Errorf("%s/%s HTML contains %q unescaped", lang, name, bad)
				}
			}
			if strings.Contains(m.Text, "\r") {
				t.Errorf("%s/%s text contains CR", lang, name)
			}
			for _, l := range strings.Split(m.Text, "\n") {
				if strings.HasPrefix(l, "Bcc:") {
					t.Errorf("%s/%s text has an injected line %q", lang, name, l)
				}
			}
			if strings.Contains(m.Text, "&lt;") || strings.Contains(m.Text, "&amp;") {
				t.Errorf("%s/%s text contains HTML entities", lang, name)
			}
		}
	}
	m := render(t, s, Acknowledgement, "en", d)
	if !strings.Contains(m.HTML, "&lt;script&gt;") {
		t.Errorf("escaped name missing from HTML:\n%s", m.HTML)
	}
	if !strings.Contains(m.Text, "<script>alert(1)</script> Bcc: evil@example.com") {
		t.Errorf("text should show the name literally, on one line:\n%s", m.Text)
	}
}

func TestFallbackLanguage(t *testing.T) {
	s := mustNew(t, "")
	es := render(t, s, Acknowledgement, "es", goldenData())
	en := render(t, s, Acknowledgement, "en", goldenData())
	if es != en {
		t.Error("an unknown language should render the English mail")
	}
	if render(t, s, Acknowledgement, "NL-be", goldenData()) != render(t, s, Acknowledgement, "nl", goldenData()) {
		t.Error("nl-BE should render the Dutch mail")
	}
	if _, err := s.Render("no_such_mail", "en", Data{}); err == nil {
		t.Error("unknown template name: no error")
	}
}

func writeFile(t *testing.T, dir, rel, body string) string {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// A file in templates.dir replaces exactly the embedded file of the same
// path: that one part of that one mail changes, nothing else.
func TestOverrideReplacesOneFile(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "en/acknowledgement.subject.txt", "Got it, {{.RequesterName}}\n")
	writeFile(t, dir, "README.md", "not a template, ignored")
	def, over := mustNew(t, ""), mustNew(t, dir)
	for _, name := range Names() {
		for _, lang := range def.Languages(name) {
			a := render(t, def, name, lang, goldenData())
			b := render(t, over, name, lang, goldenData())
			if name == Acknowledgement && lang == "en" {
				if b.Subject != "Got it, Jan de Vries [DSR-2026-0001]" {
					t.Errorf("overridden subject = %q", b.Subject)
				}
				if a.Text != b.Text || a.HTML != b.HTML {
					t.Error("overriding the subject changed the body")
				}
				continue
			}
			if a != b {
				t.Errorf("%s/%s changed although not overridden", lang, name)
			}
		}
	}
}

// A broken override fails New, naming the file.
func TestBrokenOverride(t *testing.T) {
	for _, c := range []struct{ rel, body string }{
		{"nl/acknowledgement.html", "{{if .CaseID}}unclosed"},                                // syntax
		{"en/acknowledgement.txt", "{{.NoSuchField}}"},                                       // found by the trial render
		{"en/acknowledgment.txt", "typo in the name"},                                        // unknown mail
		{"es/acknowledgement.txt", "only one of three files"},                                // incomplete language
		{"layout.html", `{{define "top"}}<p>{{.Nope}}{{end}}{{define "bottom"}}</p>{{end}}`}, // shared file
	} {
		dir := t.TempDir()
		p := writeFile(t, dir, c.rel, c.body)
		_, err := New(dir)
		if err == nil {
			t.Errorf("%s: New succeeded", c.rel)
			continue
		}
		if c.rel == "es/acknowledgement.txt" {
			p = "es/acknowledgement.subject.txt"
		}
		if !strings.Contains(err.Error(), p) && !strings.Contains(err.Error(), filepath.Base(p)) {
			t.Errorf("%s: error does not name the file: %v", c.rel, err)
		}
	}
}

func TestWrap(t *testing.T) {
	long := "- " + strings.Repeat("word ", 30)
	out := tidyText(long)
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if len(l) > WrapWidth {
			t.Errorf("line longer than %d: %q", WrapWidth, l)
		}
		if !strings.HasPrefix(l, "- ") && !strings.HasPrefix(l, "  word") {
			t.Errorf("continuation not hanging under the bullet: %q", l)
		}
	}
	url := "See https://example.com/" + strings.Repeat("a", 100) + " please"
	if !strings.Contains(tidyText(url), "https://example.com/"+strings.Repeat("a", 100)) {
		t.Error("a long URL was broken")
	}
	// A date is not split across lines.
	for _, date := range []string{"5 maart 2026", "Dienstag, 7. April 2026", "1er avril 2026"} {
		for pad := 50; pad < 75; pad++ {
			out := tidyText(strings.Repeat("x", pad) + " " + date + " and more words follow here")
			if !strings.Contains(out, date) && !strings.Contains(out, "\n"+strings.TrimPrefix(date, "Dienstag, ")) {
				t.Errorf("date split at width %d: %q", pad, out)
			}
		}
	}
	if got := tidyText("\n\na\n\n\n\nb  \n\n"); got != "a\n\nb\n" {
		t.Errorf("tidyText = %q", got)
	}
	if got := tidyText("> " + strings.Repeat("quoted ", 20)); strings.Count(got, "> ") < 2 {
		t.Errorf("quote prefix not kept on continuation: %q", got)
	}
}

// A Set is shared by the daemon's goroutines.
func TestConcurrentRender(t *testing.T) {
	s := mustNew(t, "")
	done := make(chan error)
	for i := 0; i < 8; i++ {
		go func() {
			var err error
			for _, name := range Names() {
				if _, e := s.Render(name, customerLangs[i%4], goldenData()); e != nil {
					err = e
				}
			}
			done <- err
		}()
	}
	for i := 0; i < 8; i++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
