// Package templates renders every mail privacyd sends — to customers in their
// language, to staff and to the owner — as a subject, a plain-text body and an
// HTML alternative, from embedded defaults that files in templates.dir may
// override one by one.
//
// # Layout
//
// Each mail is three files under a language directory:
//
//	<lang>/<name>.subject.txt   text/template, one line: the Subject
//	<lang>/<name>.txt           text/template: the text/plain body
//	<lang>/<name>.html          html/template: the text/html alternative
//
// plus shared pieces:
//
//	layout.html                 html/template defining "top" and "bottom" (the page frame)
//	<lang>/_partials.txt        text/template definitions ("greeting", "signature", ...)
//	<lang>/_partials.html       html/template definitions of the same names
//
// A file with the same relative path in templates.dir replaces the embedded
// one; everything else stays embedded. A directory for a new language may be
// added; it must then hold all three files of each mail it provides. See
// README.md in this directory for the fields and functions templates may use.
//
// Customer mails exist in nl, en, de and fr, staff mails in nl and en. A
// language without the mail falls back to English.
//
// Text output is normalised after rendering: one paragraph per source line is
// fine, long lines are wrapped at 72 columns, runs of blank lines collapse to
// one. Subjects are forced onto one line and always carry "[<CaseID>]" when
// the Data has a case ID. Single-line fields of Data (names, subject,
// addresses) are stripped of control characters before rendering, so a name
// with CR/LF cannot inject header or body lines; the HTML is escaped by
// html/template.
package templates

import (
	"bytes"
	"cmp"
	"embed"
	"errors"
	"fmt"
	htmltemplate "html/template"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	texttemplate "text/template"
	"time"
	"unicode"
	"unicode/utf8"
)

// Template names.
const (
	Acknowledgement  = "acknowledgement"   // customer: we received your request
	IdentityCheck    = "identity_check"    // customer: please confirm who you are
	IdentityReminder = "identity_reminder" // customer: reminder of the identity check
	Extension        = "extension"         // customer: we extend, with reason and new date
	Completion       = "completion"        // customer: your request is done
	Refusal          = "refusal"           // customer: refused, reasons, complaint and court
	FeeRequest       = "fee_request"       // customer: manifestly unfounded/excessive, fee
	Reply            = "reply"             // customer: free text from #reply
	WithdrawnNotice  = "withdrawn"         // customer: the case is closed as withdrawn
	StaffNewCase     = "staff_new_case"    // staff: a new case, classification, how to answer
	StaffNotRequest  = "staff_not_request" // staff: a personal mail that is not a request
	StaffFollowUp    = "staff_followup"    // staff: the customer wrote again
	StaffResult      = "staff_result"      // staff: what a command changed (or why not)
	StaffHelp        = "staff_help"        // staff: the command list
	StaffForgery     = "staff_forgery"     // staff: a command was refused as unauthenticated
	StaffWarnings    = "staff_warnings"    // staff: deadline warnings of a sweep
	StaffSendFailed  = "staff_send_failed" // staff: a mail could not be delivered
)

// CustomerNames lists the mails sent to customers, in lifecycle order.
var CustomerNames = []string{
	Acknowledgement, IdentityCheck, IdentityReminder, Extension, Completion,
	Refusal, FeeRequest, Reply, WithdrawnNotice,
}

// StaffNames lists the mails sent to staff.
var StaffNames = []string{
	StaffNewCase, StaffNotRequest, StaffFollowUp, StaffResult, StaffHelp,
	StaffForgery, StaffWarnings, StaffSendFailed,
}

// Names returns every template name, customer mails first.
func Names() []string { return slices.Concat(CustomerNames, StaffNames) }

// FallbackLanguage is used when a mail does not exist in the requested language.
const FallbackLanguage = "en"

// Mail is a rendered mail.
type Mail struct {
	Subject string
	Text    string
	HTML    string
}

// Org is the organisation, from configuration.
type Org struct {
	Name           string
	PrivacyAddress string
}

// Authority is the supervisory authority, from configuration.
type Authority struct {
	Name    string
	URL     string
	Address string
}

// DefaultAuthority returns the Dutch supervisory authority, used when
// Data.Authority.Name is empty.
func DefaultAuthority() Authority {
	return Authority{
		Name:    "Autoriteit Persoonsgegevens",
		URL:     "https://autoriteitpersoonsgegevens.nl",
		Address: "Postbus 93374, 2509 AJ Den Haag",
	}
}

// EvidenceLine is one phrase that decided the classification.
type EvidenceLine struct {
	Right  string
	Text   string
	Offset int
}

// Warning is one case needing attention in a staff warning mail.
type Warning struct {
	CaseID   string
	Rights   []string
	Status   string
	Due      time.Time
	DaysLeft int    // negative when overdue
	What     string // "due in 3 working days", "overdue since 2026-04-07, 2 days", "last day to extend"
}

// Data is everything a template may use. Dates are calendar dates at
// midnight UTC; templates format them in the mail's language.
type Data struct {
	Org       Org
	Authority Authority // empty Name: DefaultAuthority()
	Lang      string    // the language being rendered (set by Render)

	CaseID         string
	Status         string
	RequesterName  string
	RequesterAddr  string // only in staff mails
	Subject        string // the customer's original subject
	Rights         []string
	Representative bool
	Received       time.Time // receipt instant, local time
	ReceivedDate   time.Time // zero: the date of Received
	Due            time.Time
	ExtendedDue    time.Time
	Extended       bool

	Reason  string // #extend, #refuse, #fee reason; staff_forgery/staff_send_failed: what went wrong
	Message string // #done message, #reply text, or the customer's new text in staff mails
	Amount  string // #fee amount, as staff wrote it
	IDCopy  bool   // the identity mail may ask for an ID copy

	// Staff-only fields.
	Kind       string
	Language   string
	KindReason string
	Evidence   []EvidenceLine
	Triage     bool
	Repetitive bool // possibly repetitive (art. 12(5)): a hint
	// ReadLate is set when privacyd read the request this many days after
	// it arrived, too late for an automatic answer: the customer got none.
	ReadLate int
	Changes  []string // what a command changed
	Refusals []string // why a command changed nothing
	Warnings []Warning
	// WarningsTotal is how many cases need attention in a staff_warnings
	// mail: those in Warnings and those the mail does not list (a sweep
	// lists a bounded number of overdue cases). Render raises it to
	// len(Warnings) when it is less, so 0 means "exactly the listed ones".
	WarningsTotal int
	// WarningsOverdue is how many of the WarningsTotal cases are overdue,
	// listed or not. Render raises it to the number of overdue Warnings
	// when it is less, so 0 means "as many as are listed".
	WarningsOverdue int
	Now             time.Time

	// Command is the staff command a staff_result or staff_forgery mail is
	// about, as staff wrote it (e.g. "#extend complex: data in five systems").
	Command string
	// FailedMail is the template name of the mail staff_send_failed reports
	// (e.g. "acknowledgement"); empty if unknown.
	FailedMail string
	// Recipient is the address staff_send_failed could not deliver to.
	Recipient string
}

// ReSubject is the reply subject for the customer's original Subject:
// "Re: " plus BareSubject. It is empty when BareSubject is.
func (d Data) ReSubject() string {
	if s := d.BareSubject(); s != "" {
		return "Re: " + s
	}
	return ""
}

// BareSubject is the customer's Subject without reply prefixes (Re:, AW:,
// Antw:, ...) and without the "[<CaseID>]" tag, on one line, shortened to
// 150 characters.
func (d Data) BareSubject() string {
	s := oneLine(d.Subject)
	if d.CaseID != "" {
		s = strings.ReplaceAll(s, "["+d.CaseID+"]", "")
	}
	s = strings.TrimSpace(s)
	for {
		cut := false
		for _, p := range replyPrefixes {
			if hasLowerPrefix(s, p) {
				s = strings.TrimSpace(s[len(p):])
				cut = true
				break
			}
		}
		if !cut {
			break
		}
	}
	s = joinFields(s)
	if s == "" {
		return ""
	}
	if len(s) > 150 { // else it has at most 150 runes
		if r := []rune(s); len(r) > 150 {
			s = strings.TrimSpace(string(r[:149])) + "…"
		}
	}
	return s
}

// replyPrefixes are the reply markers BareSubject removes, in lower case.
var replyPrefixes = [...]string{"re:", "aw:", "antw:", "antwoord:", "sv:", "réf:", "ref:", "r:", "wg:"}

// hasLowerPrefix reports whether strings.ToLower(s) starts with p, without
// lowering all of s.
func hasLowerPrefix(s, p string) bool {
	i := 0 // bytes of p matched
	for _, r := range s {
		if i == len(p) {
			return true
		}
		var buf [utf8.UTFMax]byte
		n := utf8.EncodeRune(buf[:], unicode.ToLower(r))
		if n > len(p)-i || string(buf[:n]) != p[i:i+n] {
			return false
		}
		i += n
	}
	return i == len(p)
}

// joinFields is strings.Join(strings.Fields(s), " "), without allocating
// when s already is that.
func joinFields(s string) string {
	if s == "" || isOneLine(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// Set is a loaded set of templates. It is read-only after New and safe for
// concurrent use.
type Set struct {
	dir   string
	mails map[string]map[string]*parsed // name → lang → templates
}

type parsed struct {
	subject *texttemplate.Template
	text    *texttemplate.Template
	html    *htmltemplate.Template
	files   [3]string // for errors: where subject, text and html came from
}

//go:embed all:defaults
var embedded embed.FS

// defaultsFS is the embedded tree rooted at defaults/.
func defaultsFS() fs.FS {
	f, err := fs.Sub(embedded, "defaults")
	if err != nil {
		panic(err) // cannot happen: the directory is embedded
	}
	return f
}

const (
	partText   = ".txt"
	partHTML   = ".html"
	partSubj   = ".subject.txt"
	layoutFile = "layout.html"
	partialsTx = "_partials.txt"
	partialsHT = "_partials.html"
)

// source is the content of one template file and where it came from.
type source struct {
	body   string
	origin string // "embedded:en/x.txt" or the override's path on disk
}

// New loads the embedded defaults and, if dir is not empty, the overrides in
// dir. Every template is parsed and trial-rendered with sample data, so a
// syntax error, an unknown field or a missing partial fails here with the
// file's name rather than later when a customer is waiting.
func New(dir string) (*Set, error) {
	files := map[string]source{}
	err := fs.WalkDir(defaultsFS(), ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := fs.ReadFile(defaultsFS(), p)
		if err != nil {
			return err
		}
		files[p] = source{string(b), "embedded:" + p}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("templates: reading embedded defaults: %w", err)
	}
	if dir != "" {
		if err := readOverrides(dir, files); err != nil {
			return nil, err
		}
	}
	s := &Set{dir: dir, mails: map[string]map[string]*parsed{}}
	if err := s.parseAll(files); err != nil {
		return nil, err
	}
	return s, nil
}

// readOverrides adds the files of dir to files, replacing embedded ones.
// Template files (.txt, .html) must belong to a known mail or be a partial or
// the layout; anything else with those extensions is an error, so a typo in a
// file name does not silently leave the default in place. Other files
// (README, backups, dotfiles) are ignored.
func readOverrides(dir string, files map[string]source) error {
	known := map[string]bool{}
	for _, n := range Names() {
		known[n] = true
	}
	root := os.DirFS(dir)
	return fs.WalkDir(root, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("templates: reading %s: %w", dir, err)
		}
		base := path.Base(p)
		if strings.HasPrefix(base, ".") && p != "." {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if e.IsDir() {
			return nil
		}
		if !strings.HasSuffix(p, partText) && !strings.HasSuffix(p, partHTML) {
			return nil
		}
		disk := filepath.Join(dir, filepath.FromSlash(p))
		if p != layoutFile {
			lang, file, ok := strings.Cut(p, "/")
			if !ok || strings.Contains(file, "/") || !validLang(lang) {
				return fmt.Errorf("templates: %s: not a template file (expected <lang>/<name>%s, <lang>/<name>%s, <lang>/<name>%s or %s)",
					disk, partSubj, partText, partHTML, layoutFile)
			}
			if file != partialsTx && file != partialsHT {
				name, _ := splitPart(file)
				if !known[name] {
					return fmt.Errorf("templates: %s: unknown mail %q (known: %s)", disk, name, strings.Join(Names(), ", "))
				}
			}
		}
		b, err := fs.ReadFile(root, p)
		if err != nil {
			return fmt.Errorf("templates: %s: %w", disk, err)
		}
		files[p] = source{string(b), disk}
		return nil
	})
}

// validLang accepts a language tag like "nl", "en" or "pt-BR".
func validLang(l string) bool {
	if len(l) < 2 || len(l) > 8 {
		return false
	}
	for _, r := range l {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-') {
			return false
		}
	}
	return true
}

// splitPart splits "acknowledgement.subject.txt" into ("acknowledgement", ".subject.txt").
func splitPart(file string) (name, part string) {
	for _, p := range []string{partSubj, partText, partHTML} {
		if n, ok := strings.CutSuffix(file, p); ok {
			return n, p
		}
	}
	return file, ""
}

func (s *Set) parseAll(files map[string]source) error {
	// Group the mail files by (lang, name).
	type key struct{ lang, name string }
	groups := map[key]map[string]source{}
	for p, src := range files {
		lang, file, ok := strings.Cut(p, "/")
		if !ok || file == partialsTx || file == partialsHT {
			continue
		}
		name, part := splitPart(file)
		if part == "" {
			continue
		}
		k := key{lang, name}
		if groups[k] == nil {
			groups[k] = map[string]source{}
		}
		groups[k][part] = src
	}
	keys := make([]key, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int { return cmp.Or(cmp.Compare(a.lang, b.lang), cmp.Compare(a.name, b.name)) })

	layout, ok := files[layoutFile]
	if !ok {
		return errors.New("templates: layout.html missing")
	}
	for _, k := range keys {
		g := groups[k]
		for _, part := range []string{partSubj, partText, partHTML} {
			if _, ok := g[part]; !ok {
				where := "embedded"
				for _, src := range g {
					if !strings.HasPrefix(src.origin, "embedded:") {
						where = filepath.Dir(src.origin)
					}
				}
				return fmt.Errorf("templates: %s: %s/%s%s missing: a mail needs all of %s, %s and %s",
					where, k.lang, k.name, part, partSubj, partText, partHTML)
			}
		}
		// Partials of the same language, else English.
		ptx, okt := files[k.lang+"/"+partialsTx]
		if !okt {
			ptx = files[FallbackLanguage+"/"+partialsTx]
		}
		pht, okh := files[k.lang+"/"+partialsHT]
		if !okh {
			pht = files[FallbackLanguage+"/"+partialsHT]
		}
		tf := textFuncs(k.lang)
		hf := htmlFuncs(k.lang)
		p := &parsed{files: [3]string{g[partSubj].origin, g[partText].origin, g[partHTML].origin}}
		var err error
		if p.subject, err = texttemplate.New(tplName(g[partSubj].origin)).Funcs(tf).Parse(g[partSubj].body); err != nil {
			return fileErr(g[partSubj].origin, err)
		}
		t := texttemplate.New(tplName(g[partText].origin)).Funcs(tf)
		if ptx.body != "" {
			if _, err := t.New(tplName(ptx.origin)).Parse(ptx.body); err != nil {
				return fileErr(ptx.origin, err)
			}
		}
		if _, err := t.Parse(g[partText].body); err != nil {
			return fileErr(g[partText].origin, err)
		}
		p.text = t
		h := htmltemplate.New(tplName(g[partHTML].origin)).Funcs(hf)
		if _, err := h.New(tplName(layout.origin)).Parse(layout.body); err != nil {
			return fileErr(layout.origin, err)
		}
		if pht.body != "" {
			if _, err := h.New(tplName(pht.origin)).Parse(pht.body); err != nil {
				return fileErr(pht.origin, err)
			}
		}
		if _, err := h.Parse(g[partHTML].body); err != nil {
			return fileErr(g[partHTML].origin, err)
		}
		p.html = h
		if s.mails[k.name] == nil {
			s.mails[k.name] = map[string]*parsed{}
		}
		s.mails[k.name][k.lang] = p
		// Trial renders catch unknown fields, missing partials and bad
		// function arguments now, with the file's name.
		for _, d := range sampleData() {
			d = prepare(d, k.lang)
			if _, err := p.render(&d); err != nil {
				return err
			}
		}
	}
	for n := range s.mails {
		if _, ok := s.mails[n][FallbackLanguage]; !ok {
			return fmt.Errorf("templates: %s has no English version %s/%s.* (the fallback language)", n, FallbackLanguage, n)
		}
	}
	return nil
}

// tplName names a parsed template after its file, so that Go's template
// errors ("template: en/refusal.txt:12:3: ...") point at the right file,
// also when the error is in a shared partial or the layout.
func tplName(origin string) string { return strings.TrimPrefix(origin, "embedded:") }

func fileErr(origin string, err error) error {
	return fmt.Errorf("templates: %s: %w", tplName(origin), err)
}

// Has reports whether mail name exists in exactly language lang (without fallback).
func (s *Set) Has(name, lang string) bool {
	_, ok := s.mails[name][lang]
	return ok
}

// Languages returns the languages mail name exists in, sorted.
func (s *Set) Languages(name string) []string {
	var ls []string
	for l := range s.mails[name] {
		ls = append(ls, l)
	}
	slices.Sort(ls)
	return ls
}

// Render renders template name in lang (a region is ignored when the mail
// does not have it: "nl-BE" renders "nl"), falling back to English when the
// mail has no such language. d.Lang is set to the language actually
// rendered; the caller's d is not modified.
func (s *Set) Render(name, lang string, d Data) (Mail, error) {
	byLang, ok := s.mails[name]
	if !ok {
		return Mail{}, fmt.Errorf("templates: unknown template %q", name)
	}
	lang = strings.ToLower(strings.TrimSpace(lang))
	p, ok := byLang[lang]
	if !ok {
		// "nl-BE" → "nl"
		if base, _, cut := strings.Cut(lang, "-"); cut {
			lang = base
			p, ok = byLang[lang]
		}
	}
	if !ok {
		lang = FallbackLanguage
		p = byLang[lang]
	}
	d = prepare(d, lang)
	return p.render(&d)
}

// outBufs holds the buffers the templates execute into.
var outBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func (p *parsed) render(d *Data) (Mail, error) {
	b := outBufs.Get().(*bytes.Buffer)
	defer func() {
		if b.Cap() <= 256<<10 {
			outBufs.Put(b)
		}
	}()
	b.Reset()
	if err := p.subject.Execute(b, d); err != nil {
		return Mail{}, fileErr(p.files[0], err)
	}
	subj := caseTagOnce(oneLine(b.String()), d.CaseID)
	b.Reset()
	if err := p.text.Execute(b, d); err != nil {
		return Mail{}, fileErr(p.files[1], err)
	}
	text := tidyText(b.String())
	b.Reset()
	if err := p.html.Execute(b, d); err != nil {
		return Mail{}, fileErr(p.files[2], err)
	}
	html := string(append(bytes.TrimSpace(b.Bytes()), '\n'))
	return Mail{Subject: subj, Text: text, HTML: html}, nil
}

// prepare returns a copy of d that is safe and complete for rendering in lang.
func prepare(d Data, lang string) Data {
	d.Lang = lang
	if d.Authority.Name == "" {
		d.Authority = DefaultAuthority()
	}
	if d.ReceivedDate.IsZero() && !d.Received.IsZero() {
		y, m, dd := d.Received.Date()
		d.ReceivedDate = time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
	}
	for _, f := range []*string{
		&d.Org.Name, &d.Org.PrivacyAddress, &d.Authority.Name, &d.Authority.URL, &d.Authority.Address,
		&d.CaseID, &d.Status, &d.RequesterName, &d.RequesterAddr, &d.Subject, &d.Amount,
		&d.Kind, &d.Language, &d.KindReason, &d.Command, &d.FailedMail, &d.Recipient,
	} {
		*f = oneLine(*f)
	}
	d.Reason = multiLine(d.Reason)
	d.Message = multiLine(d.Message)
	d.Rights = mapStrings(d.Rights, oneLine)
	d.Changes = mapStrings(d.Changes, multiLine)
	d.Refusals = mapStrings(d.Refusals, multiLine)
	// Clean evidence is used as it is: templates only read it.
	if slices.ContainsFunc(d.Evidence, func(e EvidenceLine) bool {
		return oneLine(e.Right) != e.Right || oneLine(e.Text) != e.Text
	}) {
		ev := make([]EvidenceLine, len(d.Evidence))
		for i, e := range d.Evidence {
			ev[i] = EvidenceLine{Right: oneLine(e.Right), Text: oneLine(e.Text), Offset: e.Offset}
		}
		d.Evidence = ev
	}
	if d.Warnings != nil {
		ws := make([]Warning, len(d.Warnings))
		for i, w := range d.Warnings {
			ws[i] = Warning{CaseID: oneLine(w.CaseID), Rights: mapStrings(w.Rights, oneLine), Status: oneLine(w.Status),
				Due: w.Due, DaysLeft: w.DaysLeft, What: oneLine(w.What)}
		}
		// Most urgent first: fewest days left (most overdue) at the top.
		slices.SortStableFunc(ws, func(a, b Warning) int {
			return cmp.Or(cmp.Compare(a.DaysLeft, b.DaysLeft), a.Due.Compare(b.Due))
		})
		d.Warnings = ws
	}
	// The totals are never below what is listed, and the overdue cases left
	// out are never more than the cases left out.
	listed, listedOverdue := len(d.Warnings), overdueCount(d.Warnings)
	d.WarningsTotal = max(d.WarningsTotal, listed)
	d.WarningsOverdue = min(max(d.WarningsOverdue, listedOverdue), listedOverdue+d.WarningsTotal-listed)
	return d
}

// overdueCount is how many of ws are overdue.
func overdueCount(ws []Warning) int {
	n := 0
	for _, w := range ws {
		if w.DaysLeft < 0 {
			n++
		}
	}
	return n
}

// WarningsMore is how many of the WarningsTotal cases a staff_warnings mail
// does not list (WarningsTotal minus the Warnings listed).
func (d Data) WarningsMore() int { return max(d.WarningsTotal-len(d.Warnings), 0) }

// WarningsMoreOverdue is how many of the cases WarningsMore counts are
// overdue (WarningsOverdue minus the overdue Warnings listed).
func (d Data) WarningsMoreOverdue() int {
	return min(max(d.WarningsOverdue-overdueCount(d.Warnings), 0), d.WarningsMore())
}

// caseTagOnce makes sure subj carries "[<caseID>]" exactly once: a missing
// tag is appended, repeated ones (say from a customer subject that already
// had it) are dropped.
func caseTagOnce(subj, caseID string) string {
	if caseID == "" {
		return subj
	}
	tag := "[" + caseID + "]"
	i := strings.Index(subj, tag)
	if i < 0 {
		return strings.TrimSpace(subj + " " + tag)
	}
	if !strings.Contains(subj[i+len(tag):], tag) {
		return joinFields(subj)
	}
	rest := strings.ReplaceAll(subj[i+len(tag):], tag, "")
	return strings.Join(strings.Fields(subj[:i+len(tag)]+rest), " ")
}

// mapStrings returns the strings of in mapped by f: in itself when f
// changes none of them (templates only read the slices of Data), else a
// new slice.
func mapStrings(in []string, f func(string) string) []string {
	i := slices.IndexFunc(in, func(s string) bool { return f(s) != s })
	if i < 0 {
		return in
	}
	out := make([]string, len(in))
	copy(out, in[:i])
	for ; i < len(in); i++ {
		out[i] = f(in[i])
	}
	return out
}
