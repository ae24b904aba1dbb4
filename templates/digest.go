package templates

import (
	"errors"
	"fmt"
	htmltemplate "html/template"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	texttemplate "text/template"
	"time"
)

// Digest is the owner's weekly digest. Its files are
//
//	<lang>/digest.subject.tmpl   text/template, one line: the Subject
//	<lang>/digest.text.tmpl      text/template: the text/plain body
//	<lang>/digest.html.tmpl      html/template: the text/html alternative (with layout.html)
//
// executed with a DigestData rather than a Data, which is why they carry the
// .tmpl suffix and are rendered by RenderDigest, not Render. A file of the
// same relative path in templates.dir overrides the embedded one. The digest
// exists in en and nl; other languages fall back to English.
const Digest = "digest"

// DigestData is everything the weekly digest shows. It names cases by ID and
// rights only: no names or addresses. Dates are calendar dates at midnight
// UTC, like Data's.
type DigestData struct {
	Org  Org
	Lang string    // the language being rendered (set by RenderDigest)
	Now  time.Time // when the digest was made, local time

	// The reported week: the seven days before the digest's date, From to To
	// inclusive.
	From, To time.Time
	// Received counts requests received in the reported week.
	Received int
	// Weeks are the last twelve seven-day periods, oldest first; the last is
	// the reported week. MaxWeek is the largest Count (for scaling bars).
	Weeks   []WeekCount
	MaxWeek int

	// Open counts the open cases by status (every open status, also at 0).
	Open      []Count
	OpenTotal int
	// Due lists the open cases that are overdue or due within seven days,
	// overdue first, then by due date.
	Due     []DigestCase
	Overdue int
	// DueMore counts the overdue and nearly due cases not listed in Due
	// (the digest lists the most urgent ones only; the counts stay true).
	DueMore int

	// Case IDs extended, completed and refused in the reported week.
	Extended, Completed, Refused []string

	// On time over the last 90 days: cases answered (completed or refused)
	// in those days by their due date, out of those answered plus the open
	// cases whose due date passed in those days. OnTimePct is -1 when
	// OnTimeOf is 0.
	OnTime, OnTimeOf, OnTimePct int
	// Days from receipt to closing, over the cases answered in the last 90
	// days: Closed90 cases, median and 90th percentile (nearest rank).
	Closed90     int
	MedianDays   float64
	P90Days      int
	PerRight     []PeriodCount // requests per right: reported week and 12 weeks
	PerLanguage  []PeriodCount // requests per language
	TwelveWeeks  int           // requests received in the twelve weeks
	PeriodFrom   time.Time     // first day of the twelve weeks
	HorizonDays  int           // the look-ahead of Due, in days (7)
	OnTimeWindow int           // the window of the on-time rate, in days (90)
}

// WeekCount is one bar of the chart.
type WeekCount struct {
	From, To time.Time // inclusive
	Count    int
}

// Count is a named number.
type Count struct {
	Name  string
	Count int
}

// PeriodCount is a named number for the reported week and the twelve weeks.
type PeriodCount struct {
	Name        string
	Week, Weeks int
}

// DigestCase is one line of the due table.
type DigestCase struct {
	CaseID   string
	Rights   []string
	Status   string
	Due      time.Time
	DaysLeft int // calendar days; negative when overdue
	Overdue  bool
	Extended bool
}

const (
	digestSubj = ".subject.tmpl"
	digestText = ".text.tmpl"
	digestHTML = ".html.tmpl"
)

// digestFuncs adds the chart helpers to the common functions.
func digestFuncs(lang string) map[string]any {
	return map[string]any{
		// bar: n of max as a run of '#' at most width long (at least one for n > 0).
		"bar": func(n, max, width int) string { return strings.Repeat("#", barLen(n, max, width)) },
		// barpx: n of max as a length in pixels, at most width.
		"barpx": func(n, max, width int) int { return barLen(n, max, width) },
		// pad: s padded with spaces to width runes (left-aligned).
		"pad": func(width int, s string) string {
			if n := len([]rune(s)); n < width {
				return s + strings.Repeat(" ", width-n)
			}
			return s
		},
		// rpad: the number n right-aligned in width.
		"rpad": func(width, n int) string { return fmt.Sprintf("%*d", width, n) },
		// md: month-day "03-30".
		"md": func(t time.Time) string { return t.Format("01-02") },
		// num: a float with at most one decimal ("4", "4.5").
		"num": func(f float64) string {
			s := fmt.Sprintf("%.1f", f)
			return strings.TrimSuffix(s, ".0")
		},
		// abs: |n|.
		"abs": func(n int) int {
			if n < 0 {
				return -n
			}
			return n
		},
		// status: a status in words.
		"status": func(s string) string { return statusIn(lang, s) },
	}
}

func barLen(n, max, width int) int {
	if n <= 0 || max <= 0 {
		return 0
	}
	l := n * width / max
	if l < 1 {
		l = 1
	}
	return l
}

var statusWords = map[string]map[string]string{
	"en": {"awaiting_identity": "awaiting identity", "in_progress": "in progress", "extended": "extended",
		"awaiting_payment": "awaiting payment", "completed": "completed", "refused": "refused",
		"withdrawn": "withdrawn", "not_a_request": "not a request"},
	"nl": {"awaiting_identity": "wacht op identiteit", "in_progress": "in behandeling", "extended": "verlengd",
		"awaiting_payment": "wacht op betaling", "completed": "afgerond", "refused": "geweigerd",
		"withdrawn": "ingetrokken", "not_a_request": "geen verzoek"},
}

func statusIn(lang, s string) string {
	if w, ok := statusWords[lang][s]; ok {
		return w
	}
	if w, ok := statusWords[FallbackLanguage][s]; ok {
		return w
	}
	return strings.ReplaceAll(s, "_", " ")
}

// digestFile returns the content of a digest file: the override in dir if
// there is one, else the embedded default.
func (s *Set) digestFile(rel string) (body, origin string, err error) {
	if s.dir != "" {
		disk := filepath.Join(s.dir, filepath.FromSlash(rel))
		b, err := os.ReadFile(disk)
		if err == nil {
			return string(b), disk, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", "", fmt.Errorf("templates: %s: %w", disk, err)
		}
	}
	b, err := fs.ReadFile(embedded, "defaults/"+rel)
	if err != nil {
		return "", "", err
	}
	return string(b), rel, nil
}

// RenderDigest renders the weekly digest in d.Lang (English when the digest
// does not exist in that language).
func (s *Set) RenderDigest(d DigestData) (Mail, error) {
	lang := strings.ToLower(strings.TrimSpace(d.Lang))
	if _, _, err := s.digestFile(lang + "/" + Digest + digestText); err != nil {
		lang = FallbackLanguage
	}
	d.Lang = lang
	d.Org.Name, d.Org.PrivacyAddress = oneLine(d.Org.Name), oneLine(d.Org.PrivacyAddress)
	get := func(part string) (string, string, error) {
		body, origin, err := s.digestFile(lang + "/" + Digest + part)
		if err != nil {
			return "", "", fmt.Errorf("templates: %s/%s%s: %w", lang, Digest, part, err)
		}
		return body, origin, nil
	}
	var m Mail
	var b strings.Builder

	body, origin, err := get(digestSubj)
	if err != nil {
		return Mail{}, err
	}
	st, err := texttemplate.New(origin).Funcs(textFuncs(lang)).Funcs(digestFuncs(lang)).Parse(body)
	if err != nil {
		return Mail{}, fmt.Errorf("templates: %s: %w", origin, err)
	}
	if err := st.Execute(&b, d); err != nil {
		return Mail{}, fmt.Errorf("templates: %s: %w", origin, err)
	}
	m.Subject = oneLine(b.String())

	if body, origin, err = get(digestText); err != nil {
		return Mail{}, err
	}
	tt, err := texttemplate.New(origin).Funcs(textFuncs(lang)).Funcs(digestFuncs(lang)).Parse(body)
	if err != nil {
		return Mail{}, fmt.Errorf("templates: %s: %w", origin, err)
	}
	b.Reset()
	if err := tt.Execute(&b, d); err != nil {
		return Mail{}, fmt.Errorf("templates: %s: %w", origin, err)
	}
	m.Text = tidyText(b.String())

	if body, origin, err = get(digestHTML); err != nil {
		return Mail{}, err
	}
	layout, lorigin, err := s.digestFile(layoutFile)
	if err != nil {
		return Mail{}, fmt.Errorf("templates: %s: %w", layoutFile, err)
	}
	ht := htmltemplate.New(origin).Funcs(htmlFuncs(lang)).Funcs(digestFuncs(lang))
	if _, err := ht.New(lorigin).Parse(layout); err != nil {
		return Mail{}, fmt.Errorf("templates: %s: %w", lorigin, err)
	}
	if _, err := ht.Parse(body); err != nil {
		return Mail{}, fmt.Errorf("templates: %s: %w", origin, err)
	}
	b.Reset()
	if err := ht.Execute(&b, d); err != nil {
		return Mail{}, fmt.Errorf("templates: %s: %w", origin, err)
	}
	m.HTML = strings.TrimSpace(b.String()) + "\n"
	return m, nil
}

// CheckDigest renders the digest in every language it exists in (and in
// lang) with sample data, so a broken override shows at start or in
// check-config rather than on Monday morning.
func (s *Set) CheckDigest(lang string) error {
	sample := DigestData{
		Org: Org{Name: "Example B.V."}, Now: time.Date(2026, 4, 6, 8, 0, 0, 0, time.UTC),
		From: time.Date(2026, 3, 30, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 4, 5, 0, 0, 0, 0, time.UTC),
		Received: 2, Weeks: []WeekCount{{Count: 1}, {Count: 2}}, MaxWeek: 2,
		Open: []Count{{Name: "in_progress", Count: 1}}, OpenTotal: 1,
		Due:      []DigestCase{{CaseID: "DSR-2026-0001", Rights: []string{"access"}, Status: "in_progress", DaysLeft: -1, Overdue: true}},
		Overdue:  1,
		Extended: []string{"DSR-2026-0002"}, Completed: []string{"DSR-2026-0003"}, Refused: []string{"DSR-2026-0004"},
		OnTime: 1, OnTimeOf: 2, OnTimePct: 50, Closed90: 2, MedianDays: 4.5, P90Days: 9,
		PerRight: []PeriodCount{{Name: "access", Week: 1, Weeks: 2}}, PerLanguage: []PeriodCount{{Name: "nl", Week: 1, Weeks: 2}},
		HorizonDays: 7, OnTimeWindow: 90,
	}
	for _, l := range []string{lang, "en", "nl"} {
		sample.Lang = l
		if _, err := s.RenderDigest(sample); err != nil {
			return err
		}
		sample.Due, sample.Weeks, sample.Open = nil, nil, nil
		if _, err := s.RenderDigest(DigestData{Lang: l, OnTimePct: -1}); err != nil {
			return err
		}
	}
	return nil
}
