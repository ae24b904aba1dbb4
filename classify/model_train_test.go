package classify

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"privacyd/message"
)

var writeModel = flag.Bool("write-model", false, "train the word model on the corpus and write model/words.tsv")

// trainDoc is one corpus mail as the trainer sees it.
type trainDoc struct {
	file, split string
	feats       []string
	y           []bool // per modelLabels entry
	machine     bool   // an automatic reply: teaches the "automatic" label only
}

// trainDocs reads the person mails of the corpus (requests and mails that
// are not requests) and its automatic replies, which teach only the
// "automatic" label. Bounces (which return a person's mail) and staff
// commands are left out.
func trainDocs(t testing.TB) []trainDoc {
	c, err := newClassifier(corpusOptions, nil) // the embedded model may be of an older layout
	if err != nil {
		t.Fatal(err)
	}
	var docs []trainDoc
	for _, l := range readLabels(t) {
		if l.kind != "request" && l.kind != "not_a_request" && l.kind != "auto_reply" {
			continue
		}
		raw, err := readCorpus(l.file)
		if err != nil {
			t.Fatal(err)
		}
		sc := c.scan(message.Parse(raw, message.Options{}))
		d := trainDoc{file: l.file, split: l.split, y: make([]bool, len(modelLabels)), machine: l.kind == "auto_reply"}
		seen := map[string]bool{}
		eachFeature(sc, func(kind, a, b string, s, e int) {
			if k := featureKey(kind, a, b); !seen[k] {
				seen[k] = true
				d.feats = append(d.feats, k)
			}
		})
		for i, r := range Rights {
			d.y[i] = slices.Contains(l.rights, r)
		}
		d.y[modelRequest] = l.kind == "request"
		d.y[modelRep] = l.rep
		d.y[modelAuto] = d.machine
		docs = append(docs, d)
	}
	return docs
}

// trainWordModel fits one L2-regularised logistic regression per label on
// docs (features seen in at least two of them), by AdaGrad in a fixed
// order, so the result is the same on every run.
func trainWordModel(docs []trainDoc) *wordModel {
	return trainWordModelWith(docs, defaultTrain)
}

// trainParams are the trainer's settings.
type trainParams struct {
	epochs    int
	rate, l2  float64
	minDF     int
	posWeight float64 // weight of a positive example of a right
}

var defaultTrain = trainParams{epochs: 30, rate: 0.5, l2: 1e-4, minDF: 5, posWeight: 1}

// trainWordModelWith is trainWordModel with settings tp.
func trainWordModelWith(docs []trainDoc, tp trainParams) *wordModel {
	epochs, rate, l2, minDF := tp.epochs, tp.rate, tp.l2, tp.minDF
	df := map[string]int{}
	for _, d := range docs {
		for _, f := range d.feats {
			df[f]++
		}
	}
	index := map[string]int{}
	var names []string
	for _, d := range docs {
		for _, f := range d.feats {
			if _, ok := index[f]; !ok && df[f] >= minDF {
				index[f] = len(names)
				names = append(names, f)
			}
		}
	}
	nl := len(modelLabels)
	type row struct {
		idx   []int
		scale float64
	}
	rows := make([]row, len(docs))
	for i, d := range docs {
		rows[i].scale = modelScale(len(d.feats))
		for _, f := range d.feats {
			if k, ok := index[f]; ok {
				rows[i].idx = append(rows[i].idx, k)
			}
		}
	}
	w := make([]float64, len(names)*nl)
	gw := make([]float64, len(names)*nl)
	b := make([]float64, nl)
	gb := make([]float64, nl)
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(3, 15))
	for range epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, di := range order {
			r, d := rows[di], docs[di]
			for l := range nl {
				if d.machine && l != modelAuto {
					continue
				}
				z := b[l]
				for _, k := range r.idx {
					z += w[k*nl+l] * r.scale
				}
				y, cw := 0.0, 1.0
				if d.y[l] {
					y = 1
					if l < len(Rights) {
						cw = tp.posWeight
					}
				}
				g := (sigmoid(z) - y) * cw
				gb[l] += g * g
				b[l] -= rate * g / math.Sqrt(gb[l]+1e-8)
				for _, k := range r.idx {
					j := k*nl + l
					gj := g*r.scale + l2*w[j]
					gw[j] += gj * gj
					w[j] -= rate * gj / math.Sqrt(gw[j]+1e-8)
				}
			}
		}
	}
	m := &wordModel{bias: b}
	m.keys = map[string][]float32{}
	for k, name := range names {
		row := make([]float32, nl)
		keep := false
		for l := range nl {
			v := w[k*nl+l]
			row[l] = float32(v)
			keep = keep || math.Abs(v) >= 0.01
		}
		if keep {
			m.add(name, row)
			m.keys[name] = row
		}
	}
	return m
}

// formatWordModel writes m in the format loadWordModel reads, features
// sorted, weights rounded to three significant digits.
func formatWordModel(m *wordModel, header string) []byte {
	var sb strings.Builder
	sb.WriteString(header)
	num := func(v float64) string { return strconv.FormatFloat(v, 'g', 3, 32) }
	sb.WriteString("bias")
	for _, v := range m.bias {
		sb.WriteString(" " + num(v))
	}
	sb.WriteString("\n")
	keys := make([]string, 0, len(m.keys))
	for k := range m.keys {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		sb.WriteString(k + "\t")
		for l, v := range m.keys[k] {
			if l > 0 {
				sb.WriteString(" ")
			}
			sb.WriteString(num(float64(v)))
		}
		sb.WriteString("\n")
	}
	return []byte(strings.Replace(sb.String(), "bias ", "bias\t", 1))
}

// TestWriteWordModel trains the word model on every person mail of the
// corpus and writes model/words.tsv; it runs only with -write-model.
func TestWriteWordModel(t *testing.T) {
	if !*writeModel {
		t.Skip("run with -write-model to train the word model")
	}
	data, n := trainedModelFile(t)
	if err := os.WriteFile("model/words.tsv", data, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d features written", n)
}

// trainedModelFile trains the word model on the corpus and returns the
// model file and its number of features.
func trainedModelFile(t testing.TB) ([]byte, int) {
	docs := trainDocs(t)
	m := trainWordModel(docs)
	machine := 0
	for _, d := range docs {
		if d.machine {
			machine++
		}
	}
	header := fmt.Sprintf("# privacyd word model: logistic regression per label (%s), trained by\n"+
		"# TestWriteWordModel on %d person mails and %d automatic replies of testdata/corpus. Generated: do not edit.\n",
		strings.Join(modelLabels, " "), len(docs)-machine, machine)
	return formatWordModel(m, header), len(m.keys)
}

// TestModelMaxWordsCoversCorpus checks that no corpus mail is longer than
// the word model reads (modelMaxWords), so the cap changes nothing the
// model learned from.
func TestModelMaxWordsCoversCorpus(t *testing.T) {
	c, err := newClassifier(corpusOptions, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range readLabels(t) {
		raw, err := readCorpus(l.file)
		if err != nil {
			t.Fatal(err)
		}
		if n := len(c.scan(message.Parse(raw, message.Options{})).toks); n > modelMaxWords {
			t.Errorf("%s: %d words, more than the word model reads (%d)", l.file, n, modelMaxWords)
		}
	}
}

// TestWordModelUpToDate checks that the embedded model is the one the
// corpus trains: a corpus changed without retraining fails here. Floating
// point is exact only where the compiler fuses no multiply-adds, so the
// check runs on amd64 (CI) only.
func TestWordModelUpToDate(t *testing.T) {
	if runtime.GOARCH != "amd64" {
		t.Skip("training is bit-for-bit reproducible on amd64 only")
	}
	if testing.Short() {
		t.Skip("trains the model (seconds)")
	}
	data, _ := trainedModelFile(t)
	if !bytes.Equal(data, wordModelData) {
		t.Fatal("model/words.tsv is not what the corpus trains: run go test ./classify -run TestWriteWordModel -write-model")
	}
}

// TestWordModelHeldOut measures the word model on splits it was not
// trained on: PRIVACYD_MODEL_EVAL names them (comma-separated); the model
// is trained on every other split and the classifier is evaluated on the
// named ones without the model and with it at several thresholds.
func TestWordModelHeldOut(t *testing.T) {
	held, m, c := heldOutSetup(t, "PRIVACYD_MODEL_EVAL")
	var ls []label
	for _, l := range readLabels(t) {
		if slices.Contains(held, l.split) {
			ls = append(ls, l)
		}
	}
	report := func(name string) *metrics {
		mt := evaluate(t, c, ls)
		p, r, f := mt.microF1()
		t.Logf("%-58s kind %.3f  P %.3f R %.3f F1 %.3f  loop %d  rep %d/%d (%d false)", name, float64(mt.kindOK)/float64(mt.n), p, r, f, mt.loop, mt.repFound, mt.repTotal, mt.repFP)
		return mt
	}
	c.wm = nil
	report("no model")
	c.wm = m
	setRules(t, c)
	for _, th := range []float64{0.7, 0.75, 0.8, 0.85, 0.9} {
		c.wmRight = th
		name := fmt.Sprintf("fallback right %.2f", th)
		mt := report(name)
		if th == defaultModelRight {
			t.Logf("per right at the shipped setting:\n%s", mt.table())
		}
		if os.Getenv("PRIVACYD_MODEL_ERRORS") == name {
			for _, e := range mt.errors {
				t.Log(e)
			}
		}
	}
}

// setRules sets the word model's rule settings named in
// PRIVACYD_MODEL_RULES ("veto=0.02 add=0.5 any=1 hintadd=0.9
// hinttriage=0.97 restrhint=0 marketing=0.9 rep=0.5 request=0.9
// alone=0.99 norequest=0.1": drop below, add at or above, add beside an
// overlapping right too, add a right the phrases only hinted at beside
// theirs or to a mail without theirs at or above, read restriction phrases
// set aside as hints, add erasure beside a direct-marketing objection at or
// above, read a representative at or above, the request gates of a mail
// without right phrases, the no-request gate).
func setRules(t *testing.T, c *Classifier) {
	thresholds := map[string]*float64{"veto": &c.wmVeto, "add": &c.wmAdd, "hintadd": &c.wmHintAdd,
		"hinttriage": &c.wmHintTriage, "request": &c.wmRequest, "alone": &c.wmRequestAlone,
		"marketing": &c.wmAddBesideMarketing, "rep": &c.wmRep, "norequest": &c.wmNoRequest, "askadd": &c.wmAskAdd}
	flags := map[string]*bool{"any": &c.wmAddAny, "restrhint": &c.wmRestrictionHint}
	for _, kv := range strings.Fields(os.Getenv("PRIVACYD_MODEL_RULES")) {
		k, v, _ := strings.Cut(kv, "=")
		x, err := strconv.ParseFloat(v, 64)
		if err != nil {
			t.Fatalf("PRIVACYD_MODEL_RULES %q: %v", kv, err)
		}
		if p, ok := thresholds[k]; ok {
			*p = x
		} else if f, ok := flags[k]; ok {
			*f = x != 0
		} else {
			t.Fatalf("PRIVACYD_MODEL_RULES: unknown %q", k)
		}
	}
	if v := os.Getenv("PRIVACYD_MODEL_RULES"); v != "" {
		t.Logf("rules: %s", v)
	}
}

// TestWordModelMix (PRIVACYD_MODEL_MIX=splits) compares, on splits the
// model was not trained on, the rights of the phrases alone, the model
// alone, and the phrases with the model adding or vetoing rights.
// PRIVACYD_MODEL_SHOW=1 logs each mail where the model would drop or add
// a right; PRIVACYD_MODEL_KIND=request (or not) logs the model's
// "request" score of each mail the phrases read as a request (or not).
// TestWordModelHeldOut's PRIVACYD_MODEL_ERRORS names a setting whose
// errors to log.
func TestWordModelMix(t *testing.T) {
	held, m, c := heldOutSetup(t, "PRIVACYD_MODEL_MIX")
	c.wm = nil
	type item struct {
		want, phrase []string
		p            []float64
	}
	var items []item
	for _, l := range readLabels(t) {
		if !slices.Contains(held, l.split) || l.kind != "request" && l.kind != "not_a_request" {
			continue
		}
		raw, _ := readCorpus(l.file)
		msg := message.Parse(raw, message.Options{})
		r := c.Classify(msg)
		if r.Kind != Request && r.Kind != NotARequest {
			continue
		}
		it := item{l.rights, r.Rights, m.score(c.scan(msg)).p}
		items = append(items, it)
		if os.Getenv("PRIVACYD_MODEL_KIND") == "request" && r.Kind == Request {
			t.Logf("KIND want %s p(request)=%.4f %s", l.kind, it.p[modelRequest], l.file)
		}
		if os.Getenv("PRIVACYD_MODEL_KIND") == "not" && r.Kind == NotARequest {
			t.Logf("KIND want %s p(request)=%.3f best=%.2f %s", l.kind, it.p[modelRequest], slices.Max(it.p[:modelRequest]), l.file)
		}
		if os.Getenv("PRIVACYD_MODEL_SHOW") != "" {
			for li, x := range Rights {
				if slices.Contains(r.Rights, x) && it.p[li] < 0.01 {
					t.Logf("VETO %s %s p=%.4f want=%v ev=%s", l.file, x, it.p[li], slices.Contains(l.rights, x), evidenceFor(r, x))
				}
				if !slices.Contains(r.Rights, x) && it.p[li] >= 0.3 {
					t.Logf("ADD %s %s p=%.2f want=%v phrases=%v", l.file, x, it.p[li], slices.Contains(l.rights, x), r.Rights)
				}
			}
		}
	}
	f1 := func(name string, pick func(it item, r string, l int) bool) {
		var tp, fp, fn int
		for _, it := range items {
			for l, r := range Rights {
				got, want := pick(it, r, l), slices.Contains(it.want, r)
				switch {
				case got && want:
					tp++
				case got:
					fp++
				case want:
					fn++
				}
			}
		}
		p, rc := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
		t.Logf("%-28s tp %3d fp %3d fn %3d  P %.3f R %.3f F1 %.3f", name, tp, fp, fn, p, rc, 2*p*rc/(p+rc))
	}
	f1("phrases", func(it item, r string, l int) bool { return slices.Contains(it.phrase, r) })
	for _, th := range []float64{0.1, 0.15, 0.2, 0.25, 0.3, 0.5} {
		f1(fmt.Sprintf("model %.2f", th), func(it item, r string, l int) bool { return it.p[l] >= th })
	}
	for _, th := range []float64{0.2, 0.3, 0.4, 0.5, 0.7} {
		f1(fmt.Sprintf("phrases + model >= %.1f", th), func(it item, r string, l int) bool {
			return slices.Contains(it.phrase, r) || it.p[l] >= th
		})
	}
	for _, veto := range []float64{0, 0.005, 0.01, 0.02, 0.05} {
		f1(fmt.Sprintf("veto %.3f", veto), func(it item, r string, l int) bool {
			return slices.Contains(it.phrase, r) && it.p[l] >= veto
		})
	}
	for _, veto := range []float64{0.005, 0.02, 0.05, 0.1} {
		for _, add := range []float64{0.3, 0.5, 0.7} {
			f1(fmt.Sprintf("veto %.3f + model >= %.1f", veto, add), func(it item, r string, l int) bool {
				return slices.Contains(it.phrase, r) && it.p[l] >= veto || it.p[l] >= add
			})
		}
	}
}

// envTrainParams returns defaultTrain, or the settings in
// PRIVACYD_MODEL_PARAMS ("epochs rate l2 minDF posWeight").
func envTrainParams(t testing.TB) trainParams {
	tp := defaultTrain
	if v := os.Getenv("PRIVACYD_MODEL_PARAMS"); v != "" {
		if _, err := fmt.Sscanf(v, "%d %g %g %d %g", &tp.epochs, &tp.rate, &tp.l2, &tp.minDF, &tp.posWeight); err != nil {
			t.Fatal(err)
		}
	}
	return tp
}

// BenchmarkLoadWordModel measures reading the embedded word model (done
// once per process).
func BenchmarkLoadWordModel(b *testing.B) {
	for b.Loop() {
		if _, err := loadWordModel(wordModelData); err != nil {
			b.Fatal(err)
		}
	}
}

// heldOutSetup reads the splits to hold out from the environment
// variable env (comma-separated; the test is skipped without it), and
// returns them with a word model trained without them (heldOutModel) and
// a classifier of the embedded lexicons.
func heldOutSetup(t *testing.T, env string) ([]string, *wordModel, *Classifier) {
	v := os.Getenv(env)
	if v == "" {
		t.Skip("set " + env + "=split,split,... to measure")
	}
	held := strings.Split(v, ",")
	m, train := heldOutModel(t, held)
	t.Logf("trained on %d mails, %d features", len(train), len(m.keys))
	c, err := New(corpusOptions)
	if err != nil {
		t.Fatal(err)
	}
	return held, m, c
}

// heldOutModel trains a word model on every split but held and those
// named in PRIVACYD_MODEL_DROP (comma-separated), and returns it with the
// mails it was trained on.
func heldOutModel(t testing.TB, held []string) (*wordModel, []trainDoc) {
	drop := strings.Split(os.Getenv("PRIVACYD_MODEL_DROP"), ",")
	var train []trainDoc
	for _, d := range trainDocs(t) {
		if !slices.Contains(held, d.split) && !slices.Contains(drop, d.split) {
			train = append(train, d)
		}
	}
	return trainWordModelWith(train, envTrainParams(t)), train
}

// BenchmarkWordModelScore5KB measures the word model's reading of the
// typical 5 KB letter (done only for mails without right phrases).
func BenchmarkWordModelScore5KB(b *testing.B) {
	c, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	sc := c.scan(message.Parse(letter5KB(), message.Options{}))
	b.ReportAllocs()
	for b.Loop() {
		c.wm.score(sc)
	}
}
