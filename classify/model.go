package classify

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// The word model is the classifier's fallback for a person's mail in which
// no right phrase matched. Phrase lists learn the wordings they are shown;
// a new writer's wording is mostly new (classify/README.md, "What the
// blind sets showed"). The word model weighs every word of such a mail,
// its stem and each pair of words with a weight per right, learned once
// from the labelled corpus (logistic regression, `go test -run
// TestWriteWordModel -write-model`) and embedded as model/words.tsv. It
// is deterministic and explains itself: the words that weighed most are
// the evidence. It is consulted only when the phrases found no right, and
// what it finds is always marked for staff triage.

//go:embed model/words.tsv
var wordModelData []byte

// modelLabels are the labels the word model scores: the nine rights,
// whether a person's mail is a request at all, whether it is written on
// someone else's behalf, and whether a machine wrote it (learned from the
// person mails and the automatic replies of the corpus; the other labels
// from the person mails only).
var modelLabels = append(append([]string{}, Rights...), "request", catRepresentative, "automatic")

// modelRequest, modelRep and modelAuto are the indexes of "request",
// "representative" and "automatic" in modelLabels.
var (
	modelRequest = len(Rights)
	modelRep     = len(Rights) + 1
	modelAuto    = len(Rights) + 2
)

// wordModel holds a weight per feature and label, and a bias per label.
// Features are looked up by the FNV-1a hash of their key ("u:word"), so
// reading a mail allocates no strings.
type wordModel struct {
	bias []float64
	row  map[uint64]int32 // feature hash -> row in w
	w    []float32        // len(modelLabels) weights per row
	// keys holds the weights by feature key; only the trainer sets it,
	// to write the model file.
	keys map[string][]float32
}

// weights returns the weights of the feature with hash h, or nil.
func (m *wordModel) weights(h uint64) []float32 {
	i, ok := m.row[h]
	if !ok {
		return nil
	}
	n := len(modelLabels)
	return m.w[int(i)*n : int(i)*n+n]
}

// add sets the weights of feature key (used by the loader and the trainer).
func (m *wordModel) add(key string, ws []float32) {
	if m.row == nil {
		m.row = map[uint64]int32{}
	}
	m.row[hashString(key)] = int32(len(m.w) / len(modelLabels))
	m.w = append(m.w, ws...)
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashString is the FNV-1a hash of s.
func hashString(s string) uint64 {
	return hashMore(fnvOffset, s)
}

// hashMore continues the FNV-1a hash h over s.
func hashMore(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// loadWordModel reads the model file: a line "bias\tw0 w1 ..." and then a
// line "feature\tw0 w1 ..." per feature, one weight per modelLabels entry.
// Lines starting with # are comments.
func loadWordModel(data []byte) (*wordModel, error) {
	m := &wordModel{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		key, ws, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("word model line %d: no tab", n)
		}
		f := strings.Fields(ws)
		if len(f) != len(modelLabels) {
			return nil, fmt.Errorf("word model line %d: %d weights, want %d", n, len(f), len(modelLabels))
		}
		row := make([]float32, len(f))
		for i, s := range f {
			v, err := strconv.ParseFloat(s, 32)
			if err != nil {
				return nil, fmt.Errorf("word model line %d: %v", n, err)
			}
			row[i] = float32(v)
		}
		if key == "bias" && m.bias == nil {
			m.bias = make([]float64, len(row))
			for i, v := range row {
				m.bias[i] = float64(v)
			}
			continue
		}
		m.add(key, row)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if m.bias == nil {
		return nil, fmt.Errorf("word model: no bias line")
	}
	return m, nil
}

// feature is one feature of a text: the hash of its key and the token
// span it comes from.
type feature struct {
	h    uint64
	s, e int // tokens
}

// eachFeature calls emit for every feature of the scanned text, in text
// order (the same feature may come more than once): every word ("u:word"),
// the first six letters of a longer word ("p:verwij"), and each pair of
// neighbouring words in a sentence ("b:delete my"). A word after a
// negation in the same clause is marked ("n:word", "m:stem"), so "niet
// verwijderen" weighs otherwise than "verwijderen". The subject of a reply
// (the conversation's), words of a form's instructions and numbers longer
// than three digits are left out. The feature's key is kind + ":" + a,
// followed by " " + b when b is not empty.
func eachFeature(sc *scan, emit func(kind, a, b string, s, e int)) {
	negClause := -1
	prev := -1
	for i := range sc.toks[:min(len(sc.toks), modelMaxWords)] {
		t := &sc.toks[i]
		if t.form || sc.subjReply && t.subject || isNumber(t.s) && len(t.s) > 3 {
			prev = -1
			continue
		}
		if t.brk || t.contrast {
			negClause = -1
		}
		// A negation word counts in the mail's language only: Dutch "'t"
		// is not English "don't" ("Kun je 't account verwijderen?").
		isNeg := t.neg&langBit(sc.lang) != 0
		if isNeg {
			negClause = t.clause
		}
		neg := negClause == t.clause && !isNeg
		u, p := "u", "p"
		if neg {
			u, p = "n", "m"
		}
		emit(u, t.s, "", i, i+1)
		if utf8.RuneCountInString(t.s) > 6 {
			k, j := 0, 0
			for j = range t.s {
				if k == 6 {
					break
				}
				k++
			}
			emit(p, t.s[:j], "", i, i+1)
		}
		if prev >= 0 && sc.toks[prev].sent == t.sent {
			emit("b", sc.toks[prev].s, t.s, prev, i+1)
		}
		prev = i
	}
}

// modelMaxWords is how many words of a mail the word model reads: what a
// person asks stands at the top, and no mail of the corpus it learned
// from is longer (the longest has fewer than 500), so a long mail costs
// no more than a letter.
const modelMaxWords = 1000

// featureKey is the key of a feature as eachFeature describes it.
func featureKey(kind, a, b string) string {
	if b == "" {
		return kind + ":" + a
	}
	return kind + ":" + a + " " + b
}

// modelFeatures returns the features of the scanned text, each once (at
// its first place), in text order. Duplicates are found with an
// open-addressing set of hashes, which is several times faster than
// sorting them.
func modelFeatures(sc *scan) []feature {
	out := make([]feature, 0, 3*len(sc.toks))
	size := 16
	for size < 2*cap(out) {
		size <<= 1
	}
	set := make([]uint64, size) // 0: empty (a feature hashing to 0 is tracked by zero)
	mask := uint64(size - 1)
	zero := false
	eachFeature(sc, func(kind, a, b string, s, e int) {
		h := hashMore(hashMore(fnvOffset, kind), ":")
		h = hashMore(h, a)
		if b != "" {
			h = hashMore(hashMore(h, " "), b)
		}
		if h == 0 {
			if !zero {
				zero = true
				out = append(out, feature{h, s, e})
			}
			return
		}
		for i := h & mask; ; i = (i + 1) & mask {
			switch set[i] {
			case h:
				return
			case 0:
				set[i] = h
				out = append(out, feature{h, s, e})
				return
			}
		}
	})
	return out
}

// modelScale is the value of each present feature: 1/sqrt(n) for n
// features, so that a long mail does not weigh more than a short one.
func modelScale(n int) float64 {
	if n == 0 {
		return 0
	}
	return 1 / math.Sqrt(float64(n))
}

// sigmoid is the logistic function.
func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// guess is what the word model makes of a text.
type guess struct {
	p      []float64 // probability per modelLabels entry
	feats  []feature
	scale  float64
	weight [][]float32 // weights of feats (nil rows for unknown features)
}

// score scores the scanned text.
func (m *wordModel) score(sc *scan) *guess {
	g := &guess{feats: modelFeatures(sc)}
	g.scale = modelScale(len(g.feats))
	z := append([]float64(nil), m.bias...)
	g.weight = make([][]float32, len(g.feats))
	for i, f := range g.feats {
		row := m.weights(f.h)
		g.weight[i] = row
		for l, v := range row {
			z[l] += float64(v) * g.scale
		}
	}
	g.p = make([]float64, len(z))
	for l := range z {
		g.p[l] = sigmoid(z[l])
	}
	return g
}

// evidence returns the (at most n) features that weighed most for label
// l, strongest first, as evidence of right in sc's text. Overlapping
// spans are shown once.
func (g *guess) evidence(sc *scan, l, n int, right string) []Evidence {
	type contrib struct {
		i int
		v float32
	}
	var cs []contrib
	for i, row := range g.weight {
		if row != nil && row[l] > 0 {
			cs = append(cs, contrib{i, row[l]})
		}
	}
	sort.SliceStable(cs, func(a, b int) bool {
		if cs[a].v != cs[b].v {
			return cs[a].v > cs[b].v
		}
		return g.feats[cs[a].i].s < g.feats[cs[b].i].s
	})
	var ev []Evidence
	used := map[int]bool{}
	for _, c := range cs {
		if len(ev) == n {
			break
		}
		f := g.feats[c.i]
		overlap := false
		for k := f.s; k < f.e; k++ {
			overlap = overlap || used[k]
		}
		if overlap {
			continue
		}
		for k := f.s; k < f.e; k++ {
			used[k] = true
		}
		start, end := sc.toks[f.s].start, sc.toks[f.e-1].end
		ev = append(ev, Evidence{Right: right, Text: sc.text[start:end], Offset: start})
	}
	return ev
}

// The thresholds of the word model (see modelGuess), chosen on held-out
// splits the model was not trained on (README.md).
const (
	defaultModelRight          = 0.85
	defaultModelRequest        = 0.9
	defaultModelVeto           = 0.01
	defaultModelRep            = 0.3
	defaultModelRepVeto        = 0.01
	defaultModelNoRequest      = 0.1
	defaultModelAdd            = 0.9
	defaultModelHintAdd        = 0.7
	defaultModelHintTriage     = 0.9
	defaultModelRequestAlone   = 0.99
	defaultModelAuto           = 0.5
	defaultModelAutoAlone      = 0.98
	defaultModelAutoNotRequest = 0.7
	// modelAutoPhishing is where the automatic label overrules the rules'
	// phishing (machineNotRequest).
	modelAutoPhishing = 0.9

	defaultModelAddBesideMarketing = 0.9
	defaultModelAskAdd             = 0.8
)

var (
	embeddedOnce  sync.Once
	embeddedModel *wordModel
	embeddedErr   error
)

// embeddedWordModel returns the embedded word model, read once; nil when
// the embedded file holds no bias line (no model trained).
func embeddedWordModel() (*wordModel, error) {
	embeddedOnce.Do(func() {
		if len(bytes.TrimSpace(wordModelData)) == 0 {
			return
		}
		embeddedModel, embeddedErr = loadWordModel(wordModelData)
	})
	return embeddedModel, embeddedErr
}
