package classify

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
)

//go:embed lexicon/*.txt
var lexiconFS embed.FS

// Categories a lexicon line can name besides the nine rights.
const (
	catRepresentative = "representative" // written on someone else's behalf
	catAutoReply      = "autoreply"      // out-of-office, vacation, automatic answer: decisive
	catAck            = "ack"            // acknowledgement/ticket phrasing: weak, adds up
	catBounce         = "bounce"         // delivery failure phrasing
	catPrivacy        = "privacy"        // mentions personal data or privacy (triage)
	catIgnore         = "ignore"         // boilerplate: rights in the same sentence do not count ("ignore-RIGHT": that right only)
	catNegation       = "negation"       // a negation word (one word per line)
	catBreak          = "break"          // a word that ends the scope of a negation ("but", "maar")
	catBulk           = "bulk"           // newsletter and mass-mail phrasing
	catSpam           = "spam"           // sales pitch and spam phrasing
	catBilling        = "billing"        // invoices, amounts and orders: generic correction words are not rectification
	catStatement      = "statement"      // "I have the right to ...": a sentence that lists rights one has
	catAsk            = "ask"            // a word that asks or exercises ("please", "verzoek", "bitte", "je demande")
	catOfftopic       = "offtopic"       // an order, a product, a job application: a mention of personal data beside it is no triage
	catUseTold        = "usetold"        // a use of the writer's data told ("your app tracks where I sleep"): with catUnwanted, an objection
	catUnwanted       = "unwanted"       // not wanted ("I'm not okay with that", "das will ich nicht"): with catUseTold, an objection
	catUndo           = "undo"           // "please do not do that": the right phrases of the sentence before are not asked
	catNotice         = "notice"         // a machine's notice (order, parcel, bill, password, appointment): weak, adds up, only where no person writes
)

var categories = func() map[string]bool {
	m := map[string]bool{catRepresentative: true, catAutoReply: true, catAck: true, catBounce: true,
		catPrivacy: true, catIgnore: true, catNegation: true, catBreak: true, catBulk: true, catSpam: true, catBilling: true,
		catStatement: true, catAsk: true, catOfftopic: true, catUseTold: true, catUnwanted: true, catUndo: true, catNotice: true}
	for _, r := range Rights {
		m[r] = true
	}
	return m
}()

// alt is one alternative of a phrase element: an exact word or a prefix.
type alt struct {
	s      string
	prefix bool // "verwijder*": any word starting with s
	suffix bool // "*gegevens": any word ending in s (compounds)
}

// elem is one word position of a phrase.
type elem struct {
	alts []alt
	gap  int // how many tokens may be skipped before this element
	// ids are the vocabulary ids of the plain alternatives, sorted; affix
	// the prefix and suffix ones. Set by lexicon.add.
	ids   []int32
	affix []alt
}

// matches reports whether the token t fills this word position.
func (e *elem) matches(t *token) bool {
	if t.id >= 0 {
		if len(e.ids) <= 8 {
			for _, id := range e.ids {
				if id == t.id {
					return true
				}
			}
		} else if _, ok := slices.BinarySearch(e.ids, t.id); ok {
			return true
		}
	}
	for _, a := range e.affix {
		if a.prefix && strings.HasPrefix(t.s, a.s) || a.suffix && strings.HasSuffix(t.s, a.s) {
			return true
		}
	}
	return false
}

// phrase is one lexicon line.
type phrase struct {
	cat    string
	weight int
	lang   string // language of the file it came from; "" if neutral
	elems  []elem
	src    string // file:line, for messages
	// article is true when a word of the phrase is a number ("art. 17").
	article bool
	right   bool // cat is one of the nine rights
	// objected is set on an objection made by useNotWanted from a use
	// told and a sentence that objects to it: it counts as a word that
	// objects.
	objected bool
	// only is set for "ignore-RIGHT" lines: the boilerplate silences that
	// right alone in its sentence.
	only string
	// need lists the elements after the first made of plain words only:
	// the phrase can match only in a text that holds one of the words of
	// each (checked before the costlier search). Set by lexicon.add.
	need []int
	// idx numbers the phrase in its lexicon (set by lexicon.add), for
	// find's record of which phrases' needs a text meets.
	idx int
}

// automatic reports whether p is automatic phrasing: an out-of-office,
// an acknowledgement or a bounce.
func (p *phrase) automatic() bool {
	return p.cat == catAutoReply || p.cat == catAck || p.cat == catBounce
}

// lexicon is the compiled set of phrases, indexed by their first element.
type lexicon struct {
	// vocab numbers every plain word of the lexicon; byID[id] lists the
	// phrases whose first word is that word.
	vocab map[string]int32
	byID  [][]*phrase
	// prefix holds phrases whose first word is a prefix, keyed by the
	// first two bytes of that prefix; each entry is checked with HasPrefix.
	prefix map[string][]prefixEntry
	// prefixBits has bit b0<<8|b1 set when a prefix phrase starts with
	// the bytes b0 b1: most words start otherwise and skip the map.
	prefixBits [1 << 16 / 64]uint64
	suffix     []suffixEntry // few entries: each is tried on every word
	// suffixLast has bit b set when a suffix phrase's first word ends in
	// byte b: most words end otherwise and skip the suffix loop.
	suffixLast [256 / 64]uint64
	// negation[id] holds the languages (langBit) in which the word
	// negates; flags[id] whether it is a break (flagBreak) and a break
	// that is not a plain conjunction (flagContrast: a gap never spans
	// it). Indexed by vocabulary id, so marking a word takes one lookup.
	negation []uint8
	flags    []uint8
	stop     map[string][]string // folded function word -> languages
	// classes are the word classes ("@field_en name|surname|address"),
	// by name, as the alternatives written on their defining line.
	classes map[string][]string
	n       int
}

func newLexicon() *lexicon {
	return &lexicon{vocab: map[string]int32{}, prefix: map[string][]prefixEntry{},
		stop:    map[string][]string{},
		classes: map[string][]string{}}
}

// loadEmbedded loads every embedded lexicon file. Files are named by
// language (nl.txt, en.txt, de.txt, fr.txt); common.txt is language-neutral;
// stopwords.txt holds the function words for language detection.
func (lx *lexicon) loadEmbedded() error {
	entries, err := lexiconFS.ReadDir("lexicon")
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		data, err := lexiconFS.ReadFile(path.Join("lexicon", name))
		if err != nil {
			return err
		}
		lang := strings.TrimSuffix(name, ".txt")
		switch lang {
		case "stopwords":
			lx.loadStopwords(data)
			continue
		case "common":
			lang = ""
		}
		if err := lx.load(data, name, lang); err != nil {
			return err
		}
	}
	return nil
}

func (lx *lexicon) loadStopwords(data []byte) {
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		lang := strings.TrimSuffix(f[0], ":")
		for _, w := range f[1:] {
			w = foldString(w)
			lx.stop[w] = append(lx.stop[w], lang)
		}
	}
}

// load parses one phrase file. The format is described in README.md:
//
//	# comment
//	CATEGORY[:WEIGHT] PHRASE
//	@CLASS WORD|WORD|...
//
// A PHRASE is words separated by spaces; "a|b" gives alternatives, a
// trailing "*" makes a word a prefix, a leading "*" a suffix (for
// compounds: "*gegevens" matches klantgegevens), "~" lets up to 4 words (in the same
// sentence) come between two words and "~N" up to N (at most 12).
// "@CLASS" in a word position stands for the alternatives of a word
// class defined on an earlier line (of this file or an embedded one).
func (lx *lexicon) load(data []byte, name, lang string) error {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	ln := 0
	for sc.Scan() {
		ln++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "@") {
			if err := lx.defineClass(line); err != nil {
				return fmt.Errorf("%s:%d: %v", name, ln, err)
			}
			continue
		}
		p, err := lx.parsePhrase(line)
		if err != nil {
			return fmt.Errorf("%s:%d: %v", name, ln, err)
		}
		p.lang = lang
		p.src = fmt.Sprintf("%s:%d", name, ln)
		if lang == "en" {
			contractions(p)
		}
		lx.add(p)
	}
	return sc.Err()
}

// defineClass reads a word class line: "@NAME WORD|WORD|..." (the words may
// be spread over several fields and may use other classes). A class is
// defined once; its name is lower-case letters, digits and "_".
func (lx *lexicon) defineClass(line string) error {
	f := strings.Fields(line)
	name := strings.TrimPrefix(f[0], "@")
	if !validClassName(name) {
		return fmt.Errorf("bad class name %q (lower-case letters, digits and _)", f[0])
	}
	if _, ok := lx.classes[name]; ok {
		return fmt.Errorf("class @%s defined twice", name)
	}
	if len(f) < 2 {
		return fmt.Errorf("class @%s has no words", name)
	}
	var words []string
	for _, x := range f[1:] {
		alts, err := lx.expand(x)
		if err != nil {
			return err
		}
		words = append(words, alts...)
	}
	lx.classes[name] = words
	return nil
}

func validClassName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// expand splits one word position "a|@class|b*" into its alternatives,
// replacing each class by its words.
func (lx *lexicon) expand(f string) ([]string, error) {
	var out []string
	for _, a := range strings.Split(f, "|") {
		if c, ok := strings.CutPrefix(a, "@"); ok {
			words, ok := lx.classes[c]
			if !ok {
				return nil, fmt.Errorf("unknown class %q", a)
			}
			out = append(out, words...)
			continue
		}
		out = append(out, a)
	}
	return out, nil
}

func (lx *lexicon) parsePhrase(line string) (*phrase, error) {
	catw, rest, ok := strings.Cut(line, " ")
	rest = strings.TrimSpace(rest)
	if !ok || rest == "" {
		return nil, fmt.Errorf("want \"CATEGORY PHRASE\", got %q", line)
	}
	cat, w, hasW := strings.Cut(catw, ":")
	only := ""
	if r, ok := strings.CutPrefix(cat, catIgnore+"-"); ok {
		// "ignore-access": boilerplate for one right only.
		if !slices.Contains(Rights, r) {
			return nil, fmt.Errorf("unknown right %q in %q", r, cat)
		}
		cat, only = catIgnore, r
	}
	if !categories[cat] {
		return nil, fmt.Errorf("unknown category %q", cat)
	}
	p := &phrase{cat: cat, only: only, weight: 2, right: slices.Contains(Rights, cat)}
	if hasW {
		n, err := strconv.Atoi(w)
		if err != nil || n < 1 || n > 9 {
			return nil, fmt.Errorf("weight %q: want 1 to 9", w)
		}
		p.weight = n
	}
	gap := 0
	for _, f := range strings.Fields(rest) {
		if f[0] == '~' {
			if len(p.elems) == 0 || gap > 0 {
				return nil, fmt.Errorf("%q must stand between two words", f)
			}
			gap = 4
			if len(f) > 1 {
				n, err := strconv.Atoi(f[1:])
				if err != nil || n < 1 || n > 12 {
					return nil, fmt.Errorf("gap %q: want ~ or ~1 to ~12", f)
				}
				gap = n
			}
			continue
		}
		var e elem
		e.gap = gap
		gap = 0
		alts, err := lx.expand(f)
		if err != nil {
			return nil, err
		}
		for _, a := range alts {
			pre := strings.HasSuffix(a, "*")
			suf := !pre && strings.HasPrefix(a, "*")
			a = strings.TrimSuffix(strings.TrimPrefix(a, "*"), "*")
			// A phrase word is folded and tokenized like the text: a word
			// with punctuation inside ("e-mail", "l'article") must be
			// written as the tokenizer sees it.
			a = foldString(strings.ReplaceAll(a, "-", ""))
			if a == "" || strings.ContainsAny(a, "*~'’.,;:!?()\"") {
				return nil, fmt.Errorf("bad word %q in phrase", f)
			}
			if pre && len(a) < 2 {
				return nil, fmt.Errorf("prefix %q is too short", a+"*")
			}
			if suf && len(a) < 4 {
				return nil, fmt.Errorf("suffix %q is too short (4 letters at least)", "*"+a)
			}
			e.alts = append(e.alts, alt{s: a, prefix: pre, suffix: suf})
			if strings.Trim(a, "0123456789") == "" {
				p.article = true
			}
		}
		p.elems = append(p.elems, e)
	}
	if gap > 0 {
		return nil, fmt.Errorf("phrase ends with a gap")
	}
	if cat == catNegation || cat == catBreak {
		if len(p.elems) != 1 {
			return nil, fmt.Errorf("%s takes single words (a|b|c), not a phrase", cat)
		}
		for _, a := range p.elems[0].alts {
			if a.prefix || a.suffix {
				return nil, fmt.Errorf("%s takes plain words, not prefixes or suffixes", cat)
			}
		}
	}
	return p, nil
}

func (lx *lexicon) add(p *phrase) {
	switch p.cat {
	case catNegation:
		for _, a := range p.elems[0].alts {
			lx.negation[lx.intern(a.s)] |= langBit(p.lang)
		}
		return
	case catBreak:
		for _, a := range p.elems[0].alts {
			id := lx.intern(a.s)
			lx.flags[id] |= flagBreak
			if !conjunctions[a.s] {
				lx.flags[id] |= flagContrast
			}
		}
		return
	}
	p.idx = lx.n
	lx.n++
	for i := range p.elems {
		e := &p.elems[i]
		e.ids, e.affix = nil, nil
		for _, a := range e.alts {
			if a.prefix || a.suffix {
				e.affix = append(e.affix, a)
			} else {
				e.ids = append(e.ids, lx.intern(a.s))
			}
		}
		slices.Sort(e.ids)
		e.ids = slices.Compact(e.ids)
	}
	p.need = nil
	for i := 1; i < len(p.elems); i++ {
		if len(p.elems[i].affix) == 0 {
			p.need = append(p.need, i)
		}
	}
	// The element with the fewest words first: cheapest to check and
	// most often absent.
	slices.SortStableFunc(p.need, func(a, b int) int { return len(p.elems[a].ids) - len(p.elems[b].ids) })
	for _, a := range p.elems[0].alts {
		if a.prefix {
			lx.prefix[a.s[:2]] = append(lx.prefix[a.s[:2]], prefixEntry{a.s, p})
			k := prefixKey(a.s)
			lx.prefixBits[k/64] |= 1 << (k % 64)
		} else if a.suffix {
			i := slices.IndexFunc(lx.suffix, func(e suffixEntry) bool { return e.suffix == a.s })
			if i < 0 {
				i = len(lx.suffix)
				lx.suffix = append(lx.suffix, suffixEntry{suffix: a.s})
			}
			lx.suffix[i].ps = append(lx.suffix[i].ps, p)
			b := a.s[len(a.s)-1]
			lx.suffixLast[b/64] |= 1 << (b % 64)
		} else {
			id := lx.vocab[a.s]
			lx.byID[id] = append(lx.byID[id], p)
		}
	}
}

// langBit is the bit of language lang in a language set; a
// language-neutral file (common.txt, the user's extra phrases) is all of
// them.
func langBit(lang string) uint8 {
	switch lang {
	case "nl":
		return 1
	case "en":
		return 2
	case "de":
		return 4
	case "fr":
		return 8
	}
	return 0xF
}

// intern returns the vocabulary id of the plain word w, adding it if new.
func (lx *lexicon) intern(w string) int32 {
	if id, ok := lx.vocab[w]; ok {
		return id
	}
	id := int32(len(lx.byID))
	lx.vocab[w] = id
	lx.byID = append(lx.byID, nil)
	lx.negation = append(lx.negation, 0)
	lx.flags = append(lx.flags, 0)
	return id
}

// Bits of lexicon.flags.
const (
	flagBreak    = 1 << iota // ends a negation's scope ("but", "maar")
	flagContrast             // a break that is not a plain conjunction
)

type prefixEntry struct {
	prefix string
	p      *phrase
}

type suffixEntry struct {
	suffix string
	ps     []*phrase
}

// conjunctions are break words that may stand inside a phrase's gap
// ("delete my name and all other data"); other break words ("but",
// "maar", "nur") end what a phrase can span.
var conjunctions = map[string]bool{"and": true, "or": true, "so": true, "also": true, "en": true, "of": true,
	"dus": true, "ook": true, "und": true, "oder": true, "sowie": true, "auch": true, "et": true, "ou": true,
	"aussi": true, "egalement": true}

// match is one occurrence of a phrase in the tokens [s, e).
type match struct {
	p    *phrase
	s, e int
	lits []int // token indexes of the phrase's own words
}

// find returns every phrase occurrence in toks, in order of start token.
// For each start token and phrase, the first (shortest) occurrence counts.
// The cost is linear in len(toks): each token looks up its candidates in
// two maps and each candidate phrase tries a bounded number of positions.
func (lx *lexicon) find(toks []token) []match {
	lx.mark(toks)
	var out []match
	scratch := make([]int, 0, 32)
	// present has a bit for every lexicon word the text holds.
	present := make([]uint64, (len(lx.byID)+63)/64)
	for i := range toks {
		if id := toks[i].id; id >= 0 {
			present[id/64] |= 1 << (id % 64)
		}
	}
	// met records per phrase whether the text holds a word of each of
	// its needed elements (0 not checked yet, 1 yes, 2 no): it depends on
	// the text only, so a phrase that starts with a frequent word ("the",
	// "mijn") is checked once per text, not at every occurrence.
	var metBuf [4096]uint8
	met := metBuf[:0]
	if lx.n > len(metBuf) {
		met = make([]uint8, lx.n)
	} else {
		met = metBuf[:lx.n]
	}
	// The lits of every match are cut from one growing arena: a few
	// allocations per mail instead of one per match.
	var arena []int
	try := func(p *phrase, i int) {
		switch met[p.idx] {
		case 2:
			return
		case 0:
			met[p.idx] = 1
			for _, k := range p.need {
				found := false
				for _, id := range p.elems[k].ids {
					if present[id/64]&(1<<(id%64)) != 0 {
						found = true
						break
					}
				}
				if !found {
					met[p.idx] = 2
					return
				}
			}
		}
		if lits, ok := lx.matchFrom(p, 1, i+1, toks, toks[i].sent, append(scratch[:0], i)); ok {
			if cap(arena)-len(arena) < len(lits) {
				arena = make([]int, 0, max(256, 2*cap(arena)))
			}
			n := len(arena)
			arena = append(arena, lits...)
			out = append(out, match{p: p, s: i, e: lits[len(lits)-1] + 1, lits: arena[n:len(arena):len(arena)]})
		}
	}
	for i := range toks {
		t := toks[i].s
		if id := toks[i].id; id >= 0 {
			for _, p := range lx.byID[id] {
				if met[p.idx] != 2 { // checked before the call: most are
					try(p, i)
				}
			}
		}
		if len(t) >= 2 && lx.mayHavePrefix(t) {
			for _, pe := range lx.prefix[t[:2]] {
				if met[pe.p.idx] != 2 && strings.HasPrefix(t, pe.prefix) {
					try(pe.p, i)
				}
			}
		}
		if len(t) == 0 || lx.suffixLast[t[len(t)-1]/64]&(1<<(t[len(t)-1]%64)) == 0 {
			continue
		}
		for _, se := range lx.suffix {
			if strings.HasSuffix(t, se.suffix) {
				for _, p := range se.ps {
					if met[p.idx] != 2 {
						try(p, i)
					}
				}
			}
		}
	}
	return out
}

// prefixKey numbers the first two bytes of s (len(s) >= 2).
func prefixKey(s string) uint { return uint(s[0])<<8 | uint(s[1]) }

// mayHavePrefix reports whether a prefix phrase starts with the first two
// bytes of t (len(t) >= 2).
func (lx *lexicon) mayHavePrefix(t string) bool {
	k := prefixKey(t)
	return lx.prefixBits[k/64]&(1<<(k%64)) != 0
}

// mark sets the negation, break and contrast flags of toks.
func (lx *lexicon) mark(toks []token) {
	for i := range toks {
		t := &toks[i]
		t.id, t.neg, t.brk, t.contrast = -1, 0, false, false
		if id, ok := lx.vocab[t.s]; ok {
			// Negation and break words are in the vocabulary too, so
			// one lookup decides whether any flag can be set.
			t.id = id
			f := lx.flags[id]
			t.neg, t.brk, t.contrast = lx.negation[id], f&flagBreak != 0, f&flagContrast != 0
		}
	}
}

func (lx *lexicon) matchFrom(p *phrase, k, pos int, toks []token, sent int, lits []int) ([]int, bool) {
	if k == len(p.elems) {
		return lits, true
	}
	e := &p.elems[k]
	for j := pos; j <= pos+e.gap && j < len(toks) && toks[j].sent == sent; j++ {
		if e.matches(&toks[j]) {
			if r, ok := lx.matchFrom(p, k+1, j+1, toks, sent, append(lits, j)); ok {
				return r, true
			}
		}
		if toks[j].contrast {
			break // "verwijderd hoor, ik wil alleen weten welke gegevens"
		}
	}
	return lits, false
}

// unapostrophed are English negated verbs written without their
// apostrophe, as people type on phones ("dont", "cant", "didnt").
var unapostrophed = []string{"dont", "didnt", "doesnt", "cant", "couldnt", "wouldnt", "shouldnt", "wont",
	"isnt", "arent", "wasnt", "werent", "havent", "hasnt"}

// contractions lets every English word position that reads the "t" of
// "don't" (tokenized "don t") read those words too: "not|t ~2 want ...
// emails" matches "dont want any more emails", and "t" as a negation
// word makes them negations.
func contractions(p *phrase) {
	for i := range p.elems {
		e := &p.elems[i]
		if !slices.ContainsFunc(e.alts, func(a alt) bool { return a.s == "t" && !a.prefix && !a.suffix }) {
			continue
		}
		for _, w := range unapostrophed {
			if !slices.ContainsFunc(e.alts, func(a alt) bool { return a.s == w && !a.prefix && !a.suffix }) {
				e.alts = append(e.alts, alt{s: w})
			}
		}
	}
}
