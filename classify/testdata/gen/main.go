// Command gen renders the hand-written mails in src/*.txt into .eml files in
// ../corpus and writes ../corpus/labels.tsv. Run from the repository root:
//
//	go run ./classify/testdata/gen
//
// Source format: a mail starts with a line "=== NAME". Then header lines up to
// a blank line, then the body up to the next "===" line. Lower-case header
// keys are directives, not mail headers:
//
//	label: KIND LANG RIGHTS REP   (RIGHTS comma-separated or "-"; REP 0 or 1)
//	enc: 8bit | qp | base64       (content-transfer-encoding of the text)
//	charset: utf-8 | iso-8859-1 | windows-1252
//	html: no | only | alt | raw   (raw: the body is HTML already, sent as text/html)
//	note: TEXT                    (a remark for readers; ignored)
//	report: delivery-status       (multipart/report; body lines after a line
//	                               "--- status ---" are the delivery-status part,
//	                               after "--- original ---" the returned mail)
//
// Files named holdout-*.txt form the held-out split, holdoutN-*.txt (N 3 or
// more, any number of digits) the split holdoutN, wordmodelNN*.txt the
// split wordmodelNN
// (mails written for the word model, which the phrase lists are not tuned
// on); all others are "train".
// The labels are written from what each mail means, by hand, in the source.
package main

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"fmt"
	"html"
	"mime"
	"mime/quotedprintable"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

type mail struct {
	name, split string
	label       []string
	dir         map[string]string
	headers     [][2]string
	body        string
}

func main() {
	srcDir := "classify/testdata/gen/src"
	outDir := "classify/testdata/corpus"
	files, err := filepath.Glob(filepath.Join(srcDir, "*.txt"))
	check(err)
	// Batches written later come last, in this order, so adding one leaves
	// the numbering (Date, Message-ID) of the mails already generated
	// unchanged.
	late := []string{"holdout4", "train18", "holdout5", "train19", "train20", "train21", "holdout6", "train22", "holdout7", "train23", "holdout8", "train24", "holdout9", "train25", "holdout10", "holdout11", "train26", "holdout12", "train27", "holdout13", "train28", "holdout14", "train29", "holdout15", "holdout16", "holdout17", "train30", "train32a", "train32b", "train32c", "train33a", "train33b", "holdout18", "holdout19", "holdout21", "holdout22", "holdout20", "train31", "holdout23", "holdout24", "holdout25", "wordmodel34a", "wordmodel34b", "wordmodel34c", "wordmodel34d", "wordmodel34e", "wordmodel34f", "wordmodel35g", "wordmodel35h", "wordmodel35i", "wordmodel35j", "wordmodel35k", "wordmodel35m", "wordmodel35n", "wordmodel35p", "wordmodel36a", "wordmodel36b", "wordmodel36c", "wordmodel36d", "wordmodel36e", "wordmodel36f", "wordmodel36g", "wordmodel36h", "wordmodel37a", "wordmodel37b", "wordmodel37c", "wordmodel37d", "holdout26", "holdout27", "holdout28", "holdout29", "wordmodel38a", "wordmodel38b", "wordmodel38c", "wordmodel38d", "wordmodel38e", "wordmodel38f", "holdout30", "holdout31", "holdout32", "holdout33", "wordmodel39a", "wordmodel39b", "wordmodel39c", "wordmodel39d", "wordmodel39e", "wordmodel39f", "holdout34", "holdout35", "holdout36", "holdout37", "wordmodel40a", "wordmodel40b", "wordmodel40c", "wordmodel40d", "holdout38", "holdout39", "holdout40", "holdout41", "wordmodel41a", "wordmodel41b", "wordmodel41c", "wordmodel41d", "wordmodel41e", "wordmodel41f", "holdout42", "holdout43", "wordmodel42a", "wordmodel42b", "wordmodel42c", "wordmodel42d", "wordmodel42e", "wordmodel42f", "holdout44", "holdout45", "holdout46", "holdout47", "wordmodel43a", "wordmodel43b", "wordmodel43c", "wordmodel43d", "wordmodel43e", "wordmodel43f", "holdout48", "holdout49", "holdout50", "holdout51", "holdout52", "holdout53", "wordmodel44a", "wordmodel44b", "wordmodel44c", "wordmodel44d", "holdout54", "holdout55", "holdout56", "holdout57", "wordmodel45a", "wordmodel45b", "wordmodel45c", "wordmodel45d", "holdout58", "holdout59", "holdout60", "holdout61", "wordmodel46a", "wordmodel46b", "wordmodel46c", "wordmodel46d", "holdout62", "holdout63", "holdout64", "holdout65", "wordmodel47a", "wordmodel47b", "wordmodel47c", "wordmodel47d", "holdout66", "holdout67", "holdout68", "holdout69", "holdout70", "holdout71", "holdout72", "holdout73", "holdout74", "holdout75", "holdout76", "holdout77", "holdout78", "holdout79", "holdout80", "holdout81", "holdout82", "holdout83", "holdout84", "holdout85", "holdout86", "holdout87", "holdout88", "holdout89", "holdout90", "holdout91", "holdout92", "holdout93", "holdout94", "holdout95", "holdout96", "holdout97", "wordmodel48a", "wordmodel48b", "wordmodel48c", "wordmodel48d", "wordmodel49a", "wordmodel49b", "wordmodel49c", "wordmodel49d", "holdout98", "holdout99", "holdout100", "holdout101", "holdout102", "holdout103", "holdout104", "holdout105", "wordmodel50a", "wordmodel50b", "wordmodel50c", "wordmodel50d", "wordmodel51a", "wordmodel51b", "wordmodel51c", "wordmodel51d", "holdout106", "holdout107", "holdout108", "holdout109", "holdout110", "holdout111", "holdout112", "holdout113", "holdout114", "holdout115", "holdout116", "holdout117", "holdout118", "holdout119", "holdout120", "holdout121", "holdout122", "holdout123", "holdout124", "holdout125", "holdout126", "holdout127", "holdout128", "holdout129", "holdout130", "holdout131", "holdout132", "holdout133", "holdout134", "holdout135", "holdout136", "holdout137", "wordmodel52a", "wordmodel52b", "wordmodel52c", "wordmodel52d", "holdout138", "holdout139", "holdout140", "holdout141", "wordmodel53a", "wordmodel53b", "wordmodel53c", "wordmodel53d", "holdout142", "holdout143", "holdout144", "holdout145", "wordmodel54a", "wordmodel54b", "wordmodel54c", "wordmodel54d", "holdout146", "holdout147", "holdout148", "holdout149", "wordmodel55a", "wordmodel55b", "wordmodel55c", "wordmodel55d", "holdout150", "holdout151", "holdout152", "holdout153", "wordmodel56a", "wordmodel56b", "wordmodel56c", "wordmodel56d", "holdout154", "holdout155", "holdout156", "holdout157", "wordmodel57a", "wordmodel57b", "wordmodel57c", "wordmodel57d", "holdout158", "holdout159", "holdout160", "holdout161", "wordmodel58a", "wordmodel58b", "wordmodel58c", "wordmodel58d", "holdout162", "holdout163", "holdout164", "holdout165", "wordmodel59a", "wordmodel59b", "wordmodel59c", "wordmodel59d", "holdout166", "holdout167", "holdout168", "holdout169", "wordmodel60a", "wordmodel60b", "wordmodel60c", "wordmodel60d", "holdout170", "holdout171", "holdout172", "holdout173", "wordmodel61a", "wordmodel61b", "holdout174", "holdout175", "holdout176", "holdout177", "wordmodel62a", "wordmodel62b", "wordmodel62c", "wordmodel62d", "holdout178", "holdout179", "holdout180", "holdout181", "wordmodel63a", "wordmodel63b", "wordmodel63c", "wordmodel63d", "holdout182", "holdout183", "holdout184", "holdout185", "wordmodel64a", "wordmodel64b", "wordmodel64c", "wordmodel64d", "holdout186", "holdout187", "holdout188", "holdout189", "wordmodel65a", "wordmodel65b", "wordmodel65c", "wordmodel65d", "holdout190", "holdout191", "holdout192", "holdout193", "wordmodel66a", "wordmodel66b", "wordmodel66c", "wordmodel66d", "holdout194", "holdout195", "holdout196", "holdout197", "wordmodel67a", "wordmodel67b", "wordmodel67c", "wordmodel67d", "holdout198", "holdout199", "holdout200", "holdout201", "wordmodel68a", "wordmodel68b", "wordmodel68c", "wordmodel68d", "holdout202", "holdout203", "holdout204", "holdout205", "wordmodel69a", "wordmodel69b", "wordmodel69c", "wordmodel69d", "holdout206", "holdout207", "holdout208", "holdout209", "wordmodel70a", "wordmodel70b", "wordmodel70c", "wordmodel70d", "holdout210", "holdout211", "holdout212", "holdout213", "wordmodel71a", "wordmodel71b", "wordmodel71c", "wordmodel71d", "holdout214", "holdout215", "holdout216", "holdout217", "wordmodel72a", "wordmodel72b", "wordmodel72c", "wordmodel72d", "holdout218", "holdout219", "holdout220", "holdout221", "holdout222", "holdout223", "holdout224", "holdout225", "holdout226", "holdout227", "holdout228", "holdout229", "holdout230", "holdout231", "holdout232", "holdout233", "wordmodel73a", "wordmodel73b", "wordmodel73c", "wordmodel73d", "holdout234", "holdout235", "holdout236", "holdout237", "wordmodel74a", "wordmodel74b", "wordmodel74c", "wordmodel74d", "holdout238", "holdout239", "holdout240", "holdout241", "wordmodel75a", "wordmodel75b", "wordmodel75c", "wordmodel75d", "holdout242", "holdout243", "holdout244", "holdout245", "wordmodel76a", "wordmodel76b", "wordmodel76c", "wordmodel76d", "holdout246", "holdout247", "holdout248", "holdout249", "wordmodel77a", "wordmodel77b", "wordmodel77c", "wordmodel77d", "holdout250", "holdout251", "holdout252", "holdout253", "wordmodel78a", "wordmodel78b", "wordmodel78c", "wordmodel78d", "holdout254", "holdout255", "holdout256", "holdout257", "wordmodel79a", "wordmodel79b", "wordmodel79c", "wordmodel79d", "holdout258", "holdout259", "holdout260", "holdout261", "wordmodel80a", "wordmodel80b", "wordmodel80c", "wordmodel80d", "holdout262", "holdout263", "holdout264", "holdout265", "wordmodel81a", "wordmodel81b", "wordmodel81c", "wordmodel81d", "holdout266", "holdout267", "holdout268", "holdout269", "wordmodel82a", "wordmodel82b", "wordmodel82c", "wordmodel82d", "holdout270", "holdout271", "holdout272", "holdout273", "wordmodel83a", "wordmodel83b", "wordmodel83c", "wordmodel83d", "holdout274", "holdout275", "holdout276", "holdout277", "holdout278", "holdout279", "holdout280", "holdout281", "holdout282", "holdout283", "holdout284", "holdout285", "holdout286", "holdout287", "holdout288", "holdout289", "wordmodel84a", "wordmodel84b", "wordmodel84c", "wordmodel84d", "holdout290", "holdout291", "holdout292", "holdout293", "wordmodel85a", "wordmodel85b", "wordmodel85c", "wordmodel85d", "holdout294", "holdout295", "holdout296", "holdout297", "wordmodel86a", "wordmodel86b", "wordmodel86c", "wordmodel86d", "holdout298", "holdout299", "holdout300", "holdout301", "wordmodel87a", "wordmodel87b", "wordmodel87c", "wordmodel87d", "holdout302", "holdout303", "holdout304", "holdout305", "wordmodel88a", "wordmodel88b", "wordmodel88c", "wordmodel88d", "holdout306", "holdout307", "holdout308", "holdout309", "wordmodel89a", "wordmodel89b", "wordmodel89c", "wordmodel89d", "holdout310", "holdout311", "holdout312", "holdout313", "wordmodel90a", "wordmodel90b", "wordmodel90c", "wordmodel90d", "holdout314", "holdout315", "holdout316", "holdout317", "wordmodel91a", "wordmodel91b", "wordmodel91c", "wordmodel91d", "holdout318", "holdout319", "holdout320", "holdout321", "wordmodel92a", "wordmodel92b", "wordmodel92c", "wordmodel92d", "holdout322", "holdout323", "holdout324", "holdout325", "wordmodel93a", "wordmodel93b", "wordmodel93c", "wordmodel93d", "holdout326", "holdout327", "holdout328", "holdout329", "wordmodel94a", "wordmodel94b", "wordmodel94c", "wordmodel94d", "holdout330", "holdout331", "holdout332", "holdout333", "wordmodel95a", "wordmodel95b", "holdout334", "holdout335", "holdout336", "holdout337", "wordmodel96a", "wordmodel96b", "wordmodel96c", "wordmodel96d", "holdout338", "holdout339", "holdout340", "holdout341", "wordmodel97a", "wordmodel97b", "wordmodel97c", "wordmodel97d", "holdout342", "holdout343", "holdout344", "holdout345", "wordmodel98a", "wordmodel98b", "wordmodel98c", "wordmodel98d", "holdout346", "holdout347", "holdout348", "holdout349", "wordmodel99a", "wordmodel99b", "wordmodel99c", "wordmodel99d", "holdout350", "holdout351", "holdout352", "holdout353", "wordmodel100a", "wordmodel100b", "wordmodel100c", "wordmodel100d", "holdout354", "holdout355", "holdout356", "holdout357", "wordmodel101a", "wordmodel101b", "wordmodel101c", "wordmodel101d", "holdout358", "holdout359", "holdout360", "holdout361", "wordmodel102a", "wordmodel102b", "wordmodel102c", "wordmodel102d", "holdout362", "holdout363", "holdout364", "holdout365", "wordmodel103a", "wordmodel103b", "holdout366", "holdout367", "holdout368", "holdout369", "holdout370", "holdout371", "holdout372", "holdout373", "wordmodel104a", "wordmodel104b", "wordmodel104c", "wordmodel104d", "holdout374", "holdout375", "holdout376", "holdout377", "wordmodel105a", "wordmodel105b", "wordmodel105c", "wordmodel105d", "holdout378", "holdout379", "holdout380", "holdout381", "wordmodel106a", "wordmodel106b", "wordmodel106c", "wordmodel106d", "holdout382", "holdout383", "holdout384", "holdout385", "wordmodel107a", "wordmodel107b", "wordmodel107c", "wordmodel107d", "holdout386", "holdout387", "holdout388", "holdout389", "wordmodel108a", "wordmodel108b", "wordmodel108c", "wordmodel108d", "holdout390", "holdout391", "holdout392", "holdout393", "wordmodel109a", "wordmodel109b", "wordmodel109c", "wordmodel109d", "holdout394", "holdout395", "holdout396", "holdout397", "wordmodel110a", "wordmodel110b", "wordmodel110c", "wordmodel110d", "holdout398", "holdout399", "holdout400", "holdout401", "wordmodel111a", "wordmodel111b", "wordmodel111c", "wordmodel111d", "holdout402", "holdout403", "holdout404", "holdout405", "wordmodel112a", "wordmodel112b", "wordmodel112c", "wordmodel112d", "holdout406", "holdout407", "holdout408", "holdout409", "wordmodel113a", "wordmodel113b", "wordmodel113c", "wordmodel113d", "holdout410", "holdout411", "holdout412", "holdout413", "wordmodel114a", "wordmodel114b", "wordmodel114c", "wordmodel114d", "holdout414", "holdout415", "holdout416", "holdout417", "wordmodel115a", "wordmodel115b", "wordmodel115c", "wordmodel115d", "holdout418", "holdout419", "holdout420", "holdout421", "wordmodel116a", "wordmodel116b", "wordmodel116c", "wordmodel116d", "holdout422", "holdout423", "holdout424", "holdout425", "wordmodel117a", "wordmodel117b", "wordmodel117c", "wordmodel117d", "holdout426", "holdout427", "holdout428", "holdout429", "holdout430", "holdout431", "holdout432", "holdout433", "holdout434", "holdout435", "holdout436", "holdout437", "holdout438", "holdout439", "holdout440", "holdout441", "wordmodel118a", "wordmodel118b", "holdout442", "holdout443", "holdout444", "holdout445", "wordmodel119a", "wordmodel119b", "holdout446", "holdout447", "holdout448", "holdout449", "wordmodel120a", "holdout450", "holdout451", "holdout452", "holdout453", "wordmodel121a", "holdout454", "holdout455", "holdout456", "holdout457", "wordmodel122a", "holdout458", "holdout459", "holdout460", "holdout461", "holdout462", "holdout463", "holdout464", "holdout465", "holdout466", "holdout467", "holdout468", "holdout469", "holdout470", "holdout471", "holdout472", "holdout473", "holdout474", "holdout475", "holdout476", "holdout477", "holdout478", "holdout479", "holdout480", "holdout481", "wordmodel123a", "holdout482", "holdout483", "holdout484", "holdout485", "holdout486", "holdout487", "holdout488", "holdout489"}
	// A name matches the first entry it starts with (so holdout40-*.txt
	// has ranked as holdout4 since it was added, and must stay so to keep
	// the numbering); from holdout98 on, the whole number must match.
	rank := func(f string) int {
		base := filepath.Base(f)
		for i, p := range late {
			if !strings.HasPrefix(base, p) {
				continue
			}
			if n := leadingNumber(strings.TrimPrefix(base, "holdout")); strings.HasPrefix(base, "holdout") && n >= 98 && p != "holdout"+strconv.Itoa(n) {
				continue
			}
			return i + 1
		}
		return 0
	}
	sort.SliceStable(files, func(i, j int) bool {
		if ri, rj := rank(files[i]), rank(files[j]); ri != rj {
			return ri < rj
		}
		return files[i] < files[j]
	})
	old, _ := filepath.Glob(filepath.Join(outDir, "*.eml"))
	for _, f := range old {
		check(os.Remove(f))
	}
	var labels bytes.Buffer
	labels.WriteString("# file\tsplit\tkind\tlanguage\trights\trepresentative\n")
	seen := map[string]bool{}
	n := 0
	for _, f := range files {
		split := "train"
		switch base := filepath.Base(f); {
		case strings.HasPrefix(base, "holdout") && leadingNumber(base[7:]) >= 3:
			split = "holdout" + strconv.Itoa(leadingNumber(base[7:])) // holdout3-*.txt ... holdout105-*.txt
		case strings.HasPrefix(base, "holdout"):
			split = "holdout"
		case strings.HasPrefix(base, "fresh"):
			split = "fresh"
		case strings.HasPrefix(base, "wordmodel") && leadingNumber(base[9:]) > 0:
			split = "wordmodel" + strconv.Itoa(leadingNumber(base[9:])) // wordmodel34a-*.txt ...: written for the word model; the phrase lists are not tuned on them
		}
		for _, m := range parseSource(f, split) {
			if seen[m.name] {
				fail("%s: duplicate name %s", f, m.name)
			}
			seen[m.name] = true
			if len(m.label) != 4 {
				fail("%s: %s: label needs 4 fields", f, m.name)
			}
			n++
			raw := render(m, n)
			check(os.WriteFile(filepath.Join(outDir, m.name), raw, 0o644))
			fmt.Fprintf(&labels, "%s\t%s\t%s\n", m.name, m.split, strings.Join(m.label, "\t"))
		}
	}
	check(os.WriteFile(filepath.Join(outDir, "labels.tsv"), labels.Bytes(), 0o644))
	fmt.Println("wrote", n, "mails")
}

func parseSource(path, split string) []mail {
	data, err := os.ReadFile(path)
	check(err)
	var out []mail
	var cur *mail
	inBody := false
	var body []string
	flush := func() {
		if cur != nil {
			cur.body = strings.TrimRight(strings.Join(body, "\n"), "\n ") + "\n"
			out = append(out, *cur)
		}
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "=== ") {
			flush()
			cur = &mail{name: strings.TrimSpace(line[4:]), split: split, dir: map[string]string{}}
			if !strings.HasSuffix(cur.name, ".eml") {
				cur.name += ".eml"
			}
			inBody, body = false, nil
			continue
		}
		if cur == nil {
			continue // preamble / comments
		}
		if !inBody {
			if strings.TrimSpace(line) == "" {
				inBody = true
				continue
			}
			k, v, ok := strings.Cut(line, ":")
			if !ok {
				fail("%s: %s: bad header line %q", path, cur.name, line)
			}
			v = strings.TrimSpace(v)
			if k == strings.ToLower(k) {
				if k == "label" {
					cur.label = strings.Fields(v)
				} else {
					cur.dir[k] = v
				}
			} else {
				cur.headers = append(cur.headers, [2]string{k, v})
			}
			continue
		}
		body = append(body, line)
	}
	flush()
	return out
}

func has(m mail, key string) bool {
	for _, h := range m.headers {
		if strings.EqualFold(h[0], key) {
			return true
		}
	}
	return false
}

func render(m mail, n int) []byte {
	var b bytes.Buffer
	charset := m.dir["charset"]
	if charset == "" {
		charset = "utf-8"
	}
	if !has(m, "From") {
		fmt.Fprintf(&b, "From: customer%d@example.net\r\n", n)
	}
	if !has(m, "To") {
		b.WriteString("To: privacy@shop.example\r\n")
	}
	if !has(m, "Date") {
		d := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC).Add(time.Duration(n) * 97 * time.Minute)
		fmt.Fprintf(&b, "Date: %s\r\n", d.Format(time.RFC1123Z))
	}
	if !has(m, "Message-ID") {
		fmt.Fprintf(&b, "Message-ID: <corpus-%04d@mail.example.net>\r\n", n)
	}
	for _, h := range m.headers {
		v := h[1]
		if needsEncoding(v) && (h[0] == "Subject" || h[0] == "From" || h[0] == "To") {
			v = encodeHeader(h[0], v, charset)
		}
		fmt.Fprintf(&b, "%s: %s\r\n", h[0], v)
	}
	b.WriteString("MIME-Version: 1.0\r\n")
	body := m.body
	if m.dir["report"] != "" {
		renderReport(&b, m, body, charset)
		return b.Bytes()
	}
	switch m.dir["html"] {
	case "", "no":
		writePart(&b, "text/plain", charset, m.dir["enc"], body, true)
	case "only":
		writePart(&b, "text/html", charset, m.dir["enc"], toHTML(body), true)
	case "raw":
		writePart(&b, "text/html", charset, m.dir["enc"], body, true)
	case "alt":
		bd := fmt.Sprintf("alt-%04d", n)
		fmt.Fprintf(&b, "Content-Type: multipart/alternative; boundary=\"%s\"\r\n\r\n", bd)
		fmt.Fprintf(&b, "--%s\r\n", bd)
		writePart(&b, "text/plain", charset, m.dir["enc"], body, false)
		fmt.Fprintf(&b, "\r\n--%s\r\n", bd)
		writePart(&b, "text/html", charset, m.dir["enc"], toHTML(body), false)
		fmt.Fprintf(&b, "\r\n--%s--\r\n", bd)
	default:
		fail("%s: bad html directive", m.name)
	}
	return b.Bytes()
}

func renderReport(b *bytes.Buffer, m mail, body, charset string) {
	text, rest, _ := strings.Cut(body, "--- status ---\n")
	status, orig, _ := strings.Cut(rest, "--- original ---\n")
	bd := "report-" + strings.TrimSuffix(m.name, ".eml")
	fmt.Fprintf(b, "Content-Type: multipart/report; report-type=%s; boundary=\"%s\"\r\n\r\n", m.dir["report"], bd)
	fmt.Fprintf(b, "This is a MIME-encapsulated message.\r\n\r\n--%s\r\n", bd)
	writePart(b, "text/plain", charset, m.dir["enc"], text, false)
	fmt.Fprintf(b, "\r\n--%s\r\nContent-Type: message/delivery-status\r\n\r\n%s", bd, crlf(status))
	if orig != "" {
		fmt.Fprintf(b, "\r\n--%s\r\nContent-Type: message/rfc822\r\n\r\n%s", bd, crlf(orig))
	}
	fmt.Fprintf(b, "\r\n--%s--\r\n", bd)
}

func writePart(b *bytes.Buffer, ctype, charset, enc, body string, top bool) {
	raw := encodeCharset(body, charset)
	if enc == "" {
		enc = "8bit"
		if isASCII(raw) {
			enc = "7bit"
		}
	}
	fmt.Fprintf(b, "Content-Type: %s; charset=%s\r\n", ctype, charset)
	switch enc {
	case "7bit", "8bit":
		fmt.Fprintf(b, "Content-Transfer-Encoding: %s\r\n\r\n", enc)
		b.WriteString(crlf(string(raw)))
	case "qp":
		b.WriteString("Content-Transfer-Encoding: quoted-printable\r\n\r\n")
		var q bytes.Buffer
		w := quotedprintable.NewWriter(&q)
		_, _ = w.Write([]byte(crlf(string(raw))))
		_ = w.Close()
		b.Write(q.Bytes())
		b.WriteString("\r\n")
	case "base64":
		b.WriteString("Content-Transfer-Encoding: base64\r\n\r\n")
		s := base64.StdEncoding.EncodeToString([]byte(crlf(string(raw))))
		for len(s) > 76 {
			b.WriteString(s[:76] + "\r\n")
			s = s[76:]
		}
		b.WriteString(s + "\r\n")
	default:
		fail("bad enc %q", enc)
	}
}

func crlf(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\n", "\r\n")
}

func toHTML(body string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><style>p{margin:0 0 1em 0} .x{color:#333}</style></head>\n<body><div class=\"x\">\n")
	for _, para := range strings.Split(body, "\n\n") {
		lines := strings.Split(strings.TrimSpace(para), "\n")
		for i, l := range lines {
			lines[i] = html.EscapeString(l)
		}
		b.WriteString("<p>" + strings.Join(lines, "<br>\n") + "</p>\n")
	}
	b.WriteString("</div></body></html>\n")
	return b.String()
}

var cp1252 = map[rune]byte{'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8A, '‹': 0x8B, 'Œ': 0x8C, 'Ž': 0x8E, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9A, '›': 0x9B, 'œ': 0x9C, 'ž': 0x9E, 'Ÿ': 0x9F}

// bestFit maps typographic punctuation that Latin-1 lacks to ASCII.
var bestFit = map[rune]string{'–': "-", '—': "-", '‘': "'", '’': "'", '‚': ",", '“': "\"", '”': "\"", '„': "\"", '…': "...", '€': "EUR", '•': "*"}

func encodeCharset(s, charset string) []byte {
	switch strings.ToLower(charset) {
	case "utf-8":
		return []byte(s)
	case "iso-8859-1", "windows-1252":
		var out []byte
		for _, r := range s {
			if c, ok := cp1252[r]; ok && charset == "windows-1252" {
				out = append(out, c)
			} else if r < 256 && !(r >= 0x80 && r < 0xA0) {
				out = append(out, byte(r))
			} else if a, ok := bestFit[r]; ok {
				// what a mail client's best-fit mapping writes in Latin-1
				out = append(out, a...)
			} else {
				fail("rune %q not in %s", r, charset)
			}
		}
		return out
	}
	fail("bad charset %q", charset)
	return nil
}

func needsEncoding(s string) bool { return !isASCII([]byte(s)) }

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

func encodeHeader(key, v, charset string) string {
	if key == "Subject" {
		if strings.ToLower(charset) == "utf-8" {
			return mime.BEncoding.Encode("utf-8", v)
		}
		return qEncodeLatin(v, charset)
	}
	// Address: encode only the display name.
	if i := strings.LastIndex(v, "<"); i > 0 {
		name := strings.TrimSpace(v[:i])
		return mime.QEncoding.Encode("utf-8", name) + " " + v[i:]
	}
	return v
}

func qEncodeLatin(v, charset string) string {
	raw := encodeCharset(v, charset)
	var b strings.Builder
	b.WriteString("=?" + charset + "?Q?")
	for _, c := range raw {
		switch {
		case c == ' ':
			b.WriteByte('_')
		case c >= 0x80 || c == '=' || c == '?' || c == '_' || c < 0x20:
			fmt.Fprintf(&b, "=%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteString("?=")
	return b.String()
}

func check(err error) {
	if err != nil {
		fail("%v", err)
	}
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "gen: "+format+"\n", args...)
	os.Exit(1)
}

// leadingNumber returns the number the decimal digits at the start of s
// spell, or 0 when s starts with none.
func leadingNumber(s string) int {
	n := 0
	for i := 0; i < len(s) && s[i] >= '0' && s[i] <= '9' && n < 1e6; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
