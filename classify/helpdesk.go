package classify

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A help desk's receipt, status mail, reminder or survey names the request
// it answers in the person's own words: between quotation marks ("Ihr
// Anliegen "Daten löschen" wurde abgeschlossen", « stop les sms de promo
// »), on a labelled line ("Kurzbeschreibung: Auskunft / Kopie Befunde",
// "Onderwerp: account weg"), in a chat transcript ("Du (14:02): bitte
// austragen"), or whole below a separator line. Its own words around them
// are the machine's: an acknowledgement, a status, a rating scale. Many
// such systems send no Auto-Submitted header (wordmodel101–104,
// holdout368, holdout371). helpDeskQuote reads that structure; this file
// holds it.

// helpDeskQuote reports whether sc reads as a help desk's mail that
// quotes the request it answers. All of:
//   - every right's evidence in the body (ev) stands in the person's
//     quoted words (quotedRegions), in the desk's links and buttons
//     (linkLines), after the desk's name for the request ("uw verzoek
//     tot inzage", namedRequest) or, in a plain mail (no newsletter or
//     pitch phrasing) that is no reply, beside the reader's possessive
//     (yoursBeside);
//   - no first person singular word stands outside them (a person who
//     writes about a receipt tells it in their own words), and the
//     quoted words say "I" or name a right or personal data: the request
//     answered (also when no right phrase is read: the word model may
//     read one in them);
//   - the desk's own words carry machine phrasing of 2 points (4 in a
//     reply): acknowledgement and automatic-reply phrases, ticket
//     metadata lines (fields, counted by ticketFields: a point each) and a
//     rating scale (scale, ratingScale: 2).
func (sc *scan) helpDeskQuote(ev []Evidence, plain, scale bool, fields int) bool {
	body := sc.subjectEnd + 1
	if body >= len(sc.text) {
		return false
	}
	q := sc.quotedRegions()
	desk := sc.linkLines()
	// The person's words, and the desk's links and buttons ("Déposer mon
	// justificatif : https://...", "Anfrage anzeigen · Benachrichtigungen
	// deaktivieren"): neither is the writer asking.
	inQ := func(off int) bool { return inRanges(q, off) || inRanges(desk, off) }
	// The desk's telling about the reader's things counts only outside a
	// reply (a person may thank below it, "We hebben je gegevens
	// aangepast. / Dank je wel", wordmodel105a) and without newsletter or
	// pitch phrasing (an unsubscribe notice, a panel invitation).
	yours := func(k, end int) bool { return plain && !sc.subjReply && sc.yoursBeside(k, end) }
	quotedAsk := false // the quoted words say "I" or name a right
	agent := sc.agentSentences()
	for _, t := range sc.toks {
		if sc.personsI(&t, agent) {
			if !inQ(t.start) {
				return false
			}
			quotedAsk = quotedAsk || inRanges(q, t.start)
		}
	}
	for _, mt := range sc.matches {
		if t := sc.toks[mt.s]; !t.subject && (mt.p.right || mt.p.cat == catPrivacy) && inRanges(q, t.start) {
			quotedAsk = true
		}
	}
	// Every right's evidence in the body stands in the quoted words, in
	// the desk's links or where the desk names the request; the subject
	// names what the mail answers.
	for _, e := range ev {
		if e.Offset < body {
			continue
		}
		k := sc.tokenAt(e.Offset)
		named := sc.namedRequest(k) || yours(k, e.Offset+len(e.Text))
		if !named && !inQ(e.Offset) {
			return false
		}
		quotedAsk = quotedAsk || named // "wir haben Ihren Antrag auf Selbstauskunft nach Art. 15 DSGVO erhalten"
	}
	if !quotedAsk {
		return false
	}
	machine := 0
	best := map[int]int{} // the heaviest machine phrase of each sentence
	for _, mt := range sc.matches {
		t := sc.toks[mt.s]
		if t.subject || (mt.p.cat != catAck && mt.p.cat != catAutoReply) || inRanges(q, t.start) {
			continue
		}
		if w := mt.p.weight; w > best[t.sent] {
			machine += w - best[t.sent]
			best[t.sent] = w
		}
	}
	// A reply ("Re:", "AW:") may be a person's, written below or above
	// the receipt they answer ("Vielen Dank für die schnelle
	// Erledigung!"): a desk that answers in the thread takes more.
	need := 2
	if sc.subjReply {
		need = 4
	}
	score := machine + fields
	if scale {
		score += 2 // a reply may quote the survey it answers
	}
	return score >= need
}

// personsI reports whether token t is the writer's "I" in the body and
// stands in no sentence of the desk's agent (agentSentences).
func (sc *scan) personsI(t *token, agent map[int]bool) bool {
	return !t.subject && sc.writersIAt(t) && !agent[t.sent]
}

// agentSentences returns the sentences in which the desk's agent speaks
// in the first person: a receipt's phrase that holds the "I" ("Ik ben
// Sanne en ik heb je vraag opgepakt", "I've picked up your request",
// holdout403), and, once the agent has so introduced themselves, every
// other sentence with an "I" and no right phrase of weight 2 ("Ik ga
// ermee aan de slag en laat je weten hoe het ervoor staat", "Je reviens
// vers vous dès que la suppression est effective", wordmodel115a,
// wordmodel116a): that "I" is no customer's.
func (sc *scan) agentSentences() map[int]bool {
	var out map[int]bool
	for _, mt := range sc.matches {
		if mt.p.cat != catAck || sc.toks[mt.s].subject {
			continue
		}
		for k := mt.s; k < mt.e; k++ {
			if sc.writersIAt(&sc.toks[k]) {
				if out == nil {
					out = map[int]bool{}
				}
				out[sc.toks[mt.s].sent] = true
				break
			}
		}
	}
	if out == nil {
		return nil
	}
	rightSent := map[int]bool{}
	for _, mt := range sc.matches {
		if mt.p.right && mt.p.weight >= 2 { // not "dès que la suppression est effective"
			rightSent[sc.toks[mt.s].sent] = true
		}
	}
	for _, t := range sc.toks {
		if !t.subject && !rightSent[t.sent] && sc.writersIAt(&t) {
			out[t.sent] = true
		}
	}
	return out
}

// namedRequest reports whether token k stands up to six words after the
// desk's name for the reader's request, a second person possessive
// before a request noun ("uw verzoek tot inzage", "your request for
// erasure", "Ihre Anfrage auf Auskunft", "votre demande d'accès"), or
// after a second person subject and a verb of asking in its sentence
// (askedVerbs).
func (sc *scan) namedRequest(k int) bool {
	if k >= len(sc.toks) {
		return false
	}
	for j := k; j >= 1 && j >= k-6; j-- {
		if sc.toks[j].sent != sc.toks[k].sent {
			break
		}
		if requestNouns[sc.toks[j].s] && yourRequest[sc.toks[j-1].s] {
			return true
		}
	}
	// "Thanks for your subject access request": the possessive before the
	// evidence, the request noun in it.
	if k >= 1 && yourRequest[sc.toks[k-1].s] && sc.toks[k-1].sent == sc.toks[k].sent {
		for j := k; j < len(sc.toks) && j <= k+3 && sc.toks[j].sent == sc.toks[k].sent; j++ {
			if requestNouns[sc.toks[j].s] {
				return true
			}
		}
	}
	// "Kopie van je gesprek met Fleur": the desk names the reader's
	// conversation right after the evidence's first word.
	for j := k + 1; j < len(sc.toks) && j <= k+4 && sc.toks[j].sent == sc.toks[k].sent; j++ {
		if conversationNouns[sc.toks[j].s] && yourRequest[sc.toks[j-1].s] {
			return true
		}
	}
	// "Je hebt onlangs je lidmaatschap opgezegd en gevraagd je gegevens
	// te verwijderen", "you asked us to delete", "Sie haben die Löschung
	// beantragt": the reader's request told back in the second person.
	asked := -1
	for j := k - 1; j >= 0 && j >= k-10 && sc.toks[j].sent == sc.toks[k].sent; j-- {
		if askedVerbs[sc.toks[j].s] {
			asked = j
			break
		}
	}
	for j := asked - 1; asked > 0 && j >= 0 && j >= asked-8 && sc.toks[j].sent == sc.toks[k].sent; j-- {
		if youSubjects[sc.toks[j].s] {
			return true
		}
	}
	return false
}

// askedVerbs are the past participles and past tenses of asking;
// youSubjects the second person subjects before them.
var (
	askedVerbs = map[string]bool{"gevraagd": true, "aangevraagd": true, "verzocht": true, "asked": true,
		"requested": true, "gebeten": true, "beantragt": true, "angefragt": true, "verlangt": true,
		"demande": true, "sollicite": true, "exige": true}
	youSubjects = map[string]bool{"je": true, "jij": true, "u": true, "you": true, "sie": true, "du": true, "vous": true}
)

// yoursBeside reports whether a second person possessive stands within
// two words of the evidence that runs from token k to offset end, in its
// sentence: the desk tells the reader about the reader's things ("Die
// Berichtigung Ihrer Anschrift ist erfolgt", "Votre opposition à la
// prospection a bien été prise en compte", "process your Subject Access
// Request"), in a sentence without an ask phrase. helpDeskQuote asks it
// only of a mail that says no "I".
func (sc *scan) yoursBeside(k, end int) bool {
	if k >= len(sc.toks) {
		return false
	}
	// A sentence that asks is the writer's ("Please amend your records",
	// a debt adviser writing "we", wordmodel104d); the desk tells.
	for _, mt := range sc.matches {
		if mt.p.cat == catAsk && sc.toks[mt.s].sent == sc.toks[k].sent {
			return false
		}
	}
	last := k
	for last+1 < len(sc.toks) && sc.toks[last+1].start < end {
		last++
	}
	for j := max(0, k-2); j <= last+2 && j < len(sc.toks); j++ {
		if sc.toks[j].sent == sc.toks[k].sent && yourRequest[sc.toks[j].s] {
			return true
		}
	}
	return false
}

// requestNouns name a request or a ticket, conversationNouns a chat;
// yourRequest are the second person possessives before them.
var (
	requestNouns = map[string]bool{"request": true, "ticket": true, "case": true, "enquiry": true, "inquiry": true,
		"verzoek": true, "aanvraag": true, "melding": true, "vraag": true, "anfrage": true, "antrag": true,
		"anliegen": true, "vorgang": true, "demande": true, "requete": true, "dossier": true}
	conversationNouns = map[string]bool{"gesprek": true, "chatgesprek": true, "chat": true, "conversation": true,
		"gesprach": true, "chatverlauf": true, "discussion": true, "transcript": true}
	yourRequest = union(yourWords, map[string]bool{"je": true, "jouw": true, "ihres": true, "dein": true,
		"deine": true, "deines": true, "deinem": true, "ta": true, "ton": true})
)

// ticketFieldNames are the names of a ticket's metadata lines ("Status:
// In Bearbeitung", "Zugewiesen an: Datenschutz", "Ref:MSG0882214"), which
// a help desk prints and a person's letter does not.
var ticketFieldNames = map[string]bool{
	"status": true, "priority": true, "prioriteit": true, "priorität": true, "priorité": true,
	"assigned to": true, "assignee": true, "toegewezen aan": true, "zugewiesen an": true, "assigné à": true,
	"ticket": true, "ticket id": true, "ticket number": true, "ticket no": true, "ticketnummer": true,
	"ticket-nr": true, "ticketnr": true, "case number": true, "case id": true, "vorgangsnummer": true,
	"numéro de ticket": true, "n° de ticket": true, "aanvraagnummer": true, "ref": true, "referentie": true,
	"reference": true, "referenz": true, "référence": true, "group": true, "groep": true, "gruppe": true,
	"groupe": true, "queue": true, "wachtrij": true, "channel": true, "kanaal": true, "kanal": true, "canal": true,
	"created": true, "aangemaakt": true, "erstellt": true, "créé le": true, "opened": true, "geopend": true,
	"response time": true, "reactietijd": true, "gemiddelde reactietijd": true, "antwortzeit": true,
	"délai de réponse": true, "agent": true, "behandelaar": true, "bearbeiter": true, "bearbeiterin": true,
	"category": true, "categorie": true, "kategorie": true, "catégorie": true, "type": true,
	"décision": true, "decision": true, "besluit": true, "entscheidung": true, "updated by": true,
	"next update expected": true, "verwachte reactie": true, "expected response": true, "erwartete antwort": true,
	"réponse attendue": true, "bearbeitungsfrist": true, "délai de traitement estimé": true,
	"délai de traitement": true, "afhandeltermijn": true, "behandeltermijn": true, "oude status": true,
	"nieuwe status": true, "old status": true, "new status": true, "alter status": true, "neuer status": true,
	"melding": true, "vorgangs-id": true, "reden afsluiten": true, "closure reason": true,
	"previous assignee": true, "new assignee": true, "sla": true, "old": true, "new": true,
	"ancien statut": true, "nouveau statut": true, "request id": true, "received": true, "completed": true,
	"systems": true, "aufgabe": true, "erstellt von": true, "bearbeitet von": true, "ergebnis": true,
	"task": true, "created by": true, "result": true, "taak": true, "resultaat": true, "tâche": true,
	"résultat": true,
}

// ticketFields counts the lines of the body that are a ticket's metadata:
// ticketFieldNames before a colon and a value after it (a bullet may
// lead: " - Priority: Normal"), or a table row (tableRow).
func (sc *scan) ticketFields() int {
	if sc.subjectEnd+1 >= len(sc.text) {
		return 0
	}
	n := 0
	for line := range strings.Lines(sc.text[sc.subjectEnd+1:]) {
		if tableRow(strings.TrimSpace(line)) {
			n++
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok || len(k) > 30 || strings.TrimSpace(v) == "" {
			continue
		}
		if ticketFieldNames[strings.ToLower(strings.Trim(k, " \t-•*"))] {
			n++
		}
	}
	return n
}

// quotedRegions returns the byte ranges of sc.text (body only) that hold
// the words a help desk quotes: quotation marks within a paragraph,
// labelled lines (quoteLabels), chat transcript lines, the text below a
// separator line up to the next one, and the paragraph below a heading
// that introduces the quoted request (quoteHeadings, attribution).
func (sc *scan) quotedRegions() [][2]int {
	if !sc.regionsRead {
		sc.regions, sc.regionsRead = sc.findQuotedRegions(), true
	}
	return sc.regions
}

// findQuotedRegions computes quotedRegions.
func (sc *scan) findQuotedRegions() [][2]int {
	var out [][2]int
	text := sc.text
	start := sc.subjectEnd + 1
	below := -1 // start of a region below a separator or heading
	for i := start; i < len(text); {
		end := strings.IndexByte(text[i:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += i
		}
		line := text[i:end]
		trim := strings.TrimSpace(line)
		switch {
		case separatorLine(trim):
			if below >= 0 {
				out = append(out, [2]int{below, i})
				below = -1
			} else {
				below = end
			}
		case below < 0 && quoteHeading(trim) && !quoteFollows(text[min(end+1, len(text)):]):
			// The quoted request is the paragraph below the heading; a
			// person may write their own words after it ("Op 19-11-2026
			// schreef Joyce: ... \n\nGeen cijfer want ...", wordmodel107a).
			out = append(out, [2]int{end, paragraphEnd(text, end)})
		case speakerLine(trim):
			// A chat's speaker and time on a line of their own; what was
			// said is the paragraph below.
			out = append(out, [2]int{end, paragraphEnd(text, end)})
		case commentHeading(trim):
			// An agent's comment runs to the end of its paragraph.
			out = append(out, [2]int{end, paragraphEnd(text, end)})
		case tableRow(trim) || settingLine(trim):
			out = append(out, [2]int{i, end})
		default:
			if k, ok := labelledLine(line); ok {
				out = append(out, [2]int{i + k, end})
			} else if k, ok := chatLine(line); ok {
				out = append(out, [2]int{i + k, end})
			} else if k, ok := ticketKeyLine(line); ok {
				out = append(out, [2]int{i + k, end})
			}
		}
		i = end + 1
	}
	if below >= 0 {
		out = append(out, [2]int{below, len(text)})
	}
	out = append(out, dialogueLines(text, start)...)
	return append(out, sc.quotations()...)
}

// dialogueLines returns the spans of what was said in a chat transcript
// without times, from offset start of text ("Priya: hi, can i get a copy
// of my data?" / "Jordan: Hi Priya! ...", "Lena (Filmwelle): ...",
// holdout399): three lines or more in a row (blank lines between them
// allowed), each a speaker's name and a colon (speakerName), at least two
// speakers and one of them speaking twice. A block of quoted header lines
// ("Von:", "Gesendet:", "An:", "Betreff:") names each label once.
func dialogueLines(text string, start int) [][2]int {
	type said struct {
		name       string
		start, end int
	}
	var run []said
	var out [][2]int
	flush := func() {
		count := map[string]int{}
		twice := false
		for _, s := range run {
			count[s.name]++
			twice = twice || count[s.name] == 2
		}
		if len(run) >= 3 && len(count) >= 2 && twice {
			for _, s := range run {
				out = append(out, [2]int{s.start, s.end})
			}
		}
		run = run[:0]
	}
	for i := start; i < len(text); {
		end := strings.IndexByte(text[i:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += i
		}
		line := text[i:end]
		if name, k, ok := speakerName(line); ok {
			run = append(run, said{name, i + k, end})
		} else if strings.TrimSpace(line) != "" {
			flush()
		}
		i = end + 1
	}
	flush()
	return out
}

// speakerName returns the name before the colon that starts line and the
// offset after the colon, if the name can be a chat speaker's: one to
// four words, the first capitalised, no digits or addresses ("Priya",
// "Lena (Filmwelle)", "Agent Jordan").
func speakerName(line string) (string, int, bool) {
	i := strings.IndexByte(line, ':')
	if i <= 0 || i > 40 {
		return "", 0, false
	}
	name := strings.TrimSpace(line[:i])
	if n := len(strings.Fields(name)); n == 0 || n > 4 || strings.ContainsAny(name, "0123456789@/<>[]|") {
		return "", 0, false
	}
	if r, _ := utf8.DecodeRuneInString(name); !unicode.IsUpper(r) {
		return "", 0, false
	}
	return name, i + 1, true
}

// singleQuoted returns the spans of text from start between single
// quotation marks ('...', ‘...’) within a line: a mark opens after a
// space, a colon or the start of the line and before a letter, and closes
// after a letter or punctuation and before a space, punctuation or the
// end of the line, so that the apostrophes of "don't" and "l'accès" are
// no quotation marks.
func singleQuoted(text string, start int) [][2]int {
	var out [][2]int
	open := -1
	prev := '\n'
	for j := start; j < len(text); {
		r, n := utf8.DecodeRuneInString(text[j:])
		if r == '\n' {
			open = -1
		} else if r == '\'' || r == '‘' || r == '’' {
			next, _ := utf8.DecodeRuneInString(text[j+n:])
			if j+n >= len(text) {
				next = '\n'
			}
			switch {
			case open < 0 && r != '’' && (unicode.IsSpace(prev) || prev == ':' || prev == '(') && unicode.IsLetter(next):
				open = j + n
			case open >= 0 && r != '‘' && !unicode.IsSpace(prev) && !unicode.IsLetter(next) && !unicode.IsDigit(next):
				out = append(out, [2]int{open, j})
				open = -1
			}
		}
		prev = r
		j += n
	}
	return out
}

// quotations returns the byte ranges of the body between quotation marks,
// found once per scan (findQuotations): double ones paired within a
// paragraph, single ones within a line (singleQuoted).
func (sc *scan) quotations() [][2]int {
	if !sc.quotedRead {
		sc.quoted, sc.quotedRead = sc.findQuotations(), true
	}
	return sc.quoted
}

func (sc *scan) findQuotations() [][2]int {
	text := sc.text
	start := sc.subjectEnd + 1
	if start >= len(text) {
		return nil
	}
	out := singleQuoted(text, start)
	// Quotation marks pair within a paragraph.
	for p := start; p < len(text); {
		end := strings.Index(text[p:], "\n\n")
		if end < 0 {
			end = len(text)
		} else {
			end += p
		}
		open := -1
		for j := p; j < end; {
			r, n := utf8.DecodeRuneInString(text[j:])
			if isQuoteMark(r) {
				if open < 0 {
					open = j + n
				} else {
					out = append(out, [2]int{open, j})
					open = -1
				}
			}
			j += n
		}
		p = end + 2
	}
	return out
}

// inRanges reports whether off stands in one of the byte ranges rs.
func inRanges(rs [][2]int, off int) bool {
	for _, r := range rs {
		if off >= r[0] && off < r[1] {
			return true
		}
	}
	return false
}

// isQuoteMark reports whether r is a double quotation mark of the four
// languages: "…", “…”, „…“, «…», »…«, ‹…›.
func isQuoteMark(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»', '‹', '›':
		return true
	}
	return false
}

// separatorLine reports whether the trimmed line is a separator: five or
// more of - _ = * ~ alone, or a short title between runs of four or more
// ("---------------- Original request ----------------").
func separatorLine(s string) bool {
	if len(s) < 4 { // "----" (holdout427)
		return false
	}
	if l, r := strings.TrimLeft(s, "-_=*~"), strings.TrimRight(s, "-_=*~"); len(s)-len(l) >= 4 && len(s)-len(r) >= 4 && len(l) > len(s)-len(r) {
		title := strings.TrimSpace(s[len(s)-len(l) : len(r)])
		return len(strings.Fields(title)) <= 5
	}
	for _, r := range s {
		if !strings.ContainsRune("-_=*~", r) {
			return false
		}
	}
	return true
}

// quoteHeadings introduce the request a help desk quotes below them.
var quoteHeadings = map[string]bool{
	"your message": true, "your request": true, "your question": true, "your enquiry": true, "your inquiry": true,
	"you wrote": true, "original message": true, "your original message": true, "your original request": true,
	"uw bericht": true, "je bericht": true, "uw vraag": true, "je vraag": true, "uw verzoek": true, "je verzoek": true,
	"uw aanvraag": true, "je aanvraag": true, "u schreef": true, "jij schreef": true, "oorspronkelijk bericht": true,
	"ihre nachricht": true, "deine nachricht": true, "ihre anfrage": true, "deine anfrage": true, "ihr anliegen": true,
	"dein anliegen": true, "sie schrieben": true, "du schriebst": true, "ursprüngliche nachricht": true,
	"votre message": true, "ton message": true, "votre demande": true, "ta demande": true, "votre question": true,
	"vous avez écrit": true, "message d'origine": true, "message original": true, "votre message initial": true,
	"message": true, "bericht": true, "nachricht": true, "description": true, "omschrijving": true,
	"beschreibung": true, "uw oorspronkelijke bericht": true, "je oorspronkelijke bericht": true,
	"uw oorspronkelijke vraag": true, "your original question": true, "ihre ursprüngliche anfrage": true,
	"ihre ursprüngliche nachricht": true, "votre demande initiale": true, "votre message d'origine": true,
	"jouw vraag": true, "jouw bericht": true, "your conversation": true, "original request": true,
	"samenvatting": true, "summary": true, "zusammenfassung": true, "résumé": true, "jouw reactie": true,
	"uw reactie": true, "je reactie": true, "your reply": true, "your response": true, "ihre antwort": true,
	"deine antwort": true, "votre réponse": true, "case description": true, "ticket description": true,
	"request description": true, "rappel de votre demande": true, "description de la demande": true,
	"samengevoegd bericht": true, "merged message": true, "zusammengeführte nachricht": true,
	"message fusionné": true, "merge comment": true,
	"ursprüngliche anfrage": true, "oorspronkelijke vraag": true, "demande initiale": true,
}

// paragraphEnd returns the end of the first paragraph of text after
// offset from (blank lines right after from are skipped): the offset of
// the next blank line, or len(text).
func paragraphEnd(text string, from int) int {
	i := from
	for i < len(text) && (text[i] == '\n' || text[i] == '\r' || text[i] == ' ' || text[i] == '\t') {
		i++
	}
	if j := strings.Index(text[i:], "\n\n"); j >= 0 {
		return i + j
	}
	return len(text)
}

// quoteFollows reports whether the first line of text that is not blank
// opens a quotation: then the quotation marks bound what is quoted, not
// the rest of the mail.
func quoteFollows(text string) bool {
	s := strings.TrimLeft(text, " \t\r\n")
	r, _ := utf8.DecodeRuneInString(s)
	return isQuoteMark(r)
}

// commentHeading reports whether the trimmed line introduces an agent's
// comment, quoted below it to the end of its paragraph: "Annika
// (Datenschutz) hat kommentiert:", "Tom commented:", "Reactie van Tom
// (Servicedesk):", "Commentaire de Léa (DPO) :", "Antwort unseres Teams:".
func commentHeading(s string) bool {
	h, ok := strings.CutSuffix(s, ":")
	if !ok || len(h) > 60 {
		return false
	}
	h = strings.ToLower(strings.TrimSpace(h))
	for _, suf := range []string{"commented", "replied", "wrote", "heeft gereageerd", "reageerde", "schreef",
		"hat kommentiert", "hat geantwortet", "schrieb", "a commenté", "a répondu", "a écrit"} {
		if strings.HasSuffix(h, " "+suf) {
			return true
		}
	}
	for _, pre := range []string{"reactie van", "antwoord van", "comment from", "comment added", "reply from", "response from",
		"kommentar von", "antwort von", "antwort unseres", "commentaire de", "réponse de"} {
		if strings.HasPrefix(h, pre+" ") {
			return true
		}
	}
	return false
}

// settingLine reports whether the trimmed line shows a setting and its
// value after a gap, a colon or a dot leader ("E-mail met aanbiedingen
// uit", "Sharing with selected partners: OFF", "Newsletter hebdomadaire
// ....... Non"): a confirmation of preferences.
func settingLine(s string) bool {
	i := strings.LastIndexAny(s, " \t.:")
	if i <= 0 || len(strings.Fields(s)) > 9 {
		return false
	}
	switch strings.ToLower(s[i+1:]) {
	case "on", "off", "aan", "uit", "an", "aus", "oui", "non", "yes", "no", "ja", "nee", "nein", "actif", "inactif", "aktiv", "inaktiv":
	default:
		return false
	}
	gap := s[:i+1]
	return strings.HasSuffix(gap, "  ") || strings.HasSuffix(gap, "\t") || strings.HasSuffix(strings.TrimRight(gap, " "), ":") || strings.HasSuffix(strings.TrimRight(gap, " "), "..")
}

// tableRow reports whether the trimmed line is a row of a table drawn
// with bars ("| Type | Inzage (art. 15) |", "Status      | Abgeschlossen"):
// a ticket's fields.
func tableRow(s string) bool {
	if strings.HasPrefix(s, "|") && strings.Count(s, "|") >= 3 {
		return true
	}
	// "Vorgang     | HB-2611-4471": a field name, a gap, a bar.
	k, _, ok := strings.Cut(s, "|")
	return ok && strings.HasSuffix(k, "  ") && len(strings.Fields(k)) <= 3
}

// linkBar reports whether the trimmed line is a bar of links split by "·"
// or "|" ("Anfrage anzeigen · Benachrichtigungen deaktivieren", "View
// request | Unsubscribe"): short items, no sentence.
func linkBar(s string) bool {
	for _, sep := range []string{"·", "|"} {
		parts := strings.Split(s, sep)
		if len(parts) < 2 {
			continue
		}
		ok := true
		for _, p := range parts {
			p = strings.TrimSpace(p)
			if p == "" || len(strings.Fields(p)) > 5 || strings.ContainsAny(p, ".?!,:") {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// linkLines returns the byte ranges of the body's lines that are a bar
// of links, a link's label (linkBar, linkLabel), a rating scale ("Good,
// I'm satisfied | Bad, I'm unsatisfied") or hold a menu path
// ("Einstellungen > Datenschutz > Protokolle").
func (sc *scan) linkLines() [][2]int {
	var out [][2]int
	for i := sc.subjectEnd + 1; i < len(sc.text); {
		end := strings.IndexByte(sc.text[i:], '\n')
		if end < 0 {
			end = len(sc.text)
		} else {
			end += i
		}
		if trim := strings.TrimSpace(sc.text[i:end]); linkBar(trim) || linkLabel(trim) || strings.Count(trim, " > ") >= 2 || trim != "" && ratingScale(trim) {
			out = append(out, [2]int{i, end})
		}
		i = end + 1
	}
	return out
}

// linkLabel reports whether the trimmed line is a button or link: a web
// address after at most six words ("Déposer mon justificatif :
// https://...", "View your ticket: https://..."), or a bracketed button.
// Its words are the desk's, even in the first person ("Mon compte").
func linkLabel(s string) bool {
	// A button of six words or fewer in brackets, as an HTML mail's text
	// part shows it ("[Je donne mon avis]", wordmodel121a).
	if strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") && !strings.Contains(s[1:len(s)-1], "[") && len(strings.Fields(s)) <= 6 {
		return true
	}
	i := strings.Index(s, "://")
	if i < 0 {
		return false
	}
	before := s[:i]
	if j := strings.LastIndexAny(before, " \t<(["); j >= 0 {
		before = before[:j]
	} else {
		before = ""
	}
	return len(strings.Fields(before)) <= 6
}

// ticketKeyLine reports whether line starts with an issue key ("PRIV-318
// Verzoek tot rectificatie adres", "DSK-77 Widerspruch gegen Profiling")
// and returns the offset of the title after it.
func ticketKeyLine(line string) (int, bool) {
	s := strings.TrimLeft(line, " \t")
	lead := len(line) - len(s)
	i := 0
	for i < len(s) && (s[i] >= 'A' && s[i] <= 'Z' || i > 0 && s[i] >= '0' && s[i] <= '9') {
		i++
	}
	if i < 2 || i >= len(s) || s[i] != '-' || notIssueKeys[s[:i]] {
		return 0, false
	}
	j := i + 1
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j == i+1 || j >= len(s) || s[j] != ' ' {
		return 0, false
	}
	// A title is short and no sentence.
	if title := strings.TrimSpace(s[j:]); len(strings.Fields(title)) > 10 || strings.ContainsAny(title, ".?!") {
		return 0, false
	}
	return lead + j, true
}

// notIssueKeys are capitals before a dash and a number that name
// something else than a ticket ("COVID-19").
var notIssueKeys = map[string]bool{"COVID": true, "SARS": true, "MERS": true, "ISO": true, "EN": true, "DIN": true,
	"NEN": true, "A": true, "B": true, "CO": true, "ID": true, "PIN": true, "TAN": true}

// quoteHeading reports whether the trimmed line is a heading of
// quoteHeadings ending in a colon ("Your message:", "Ihre Nachricht
// lautete:", "Votre message :").
func quoteHeading(s string) bool {
	h, ok := strings.CutSuffix(s, ":")
	if !ok {
		// "Uw oorspronkelijke vraag" on a line of its own: a heading of
		// two words or more needs no colon.
		if h = strings.ToLower(strings.TrimSpace(s)); len(strings.Fields(h)) >= 2 && quoteHeadings[h] {
			return true
		}
		return false
	}
	h = strings.ToLower(strings.TrimSpace(strings.Trim(strings.TrimSpace(h), "-*_#")))
	if i := strings.IndexByte(h, '('); i > 0 {
		h = strings.TrimSpace(h[:i]) // "Case description (as submitted):"
	}
	h = strings.TrimSuffix(h, " lautete")
	h = strings.TrimSuffix(h, " luidde")
	return quoteHeadings[h] || attribution(h)
}

// attribution reports whether the lower-cased heading h, without its
// colon, introduces a quoted mail: "Op 02-11 schreef A. de Bruijn",
// "Customer wrote", "Am 3. Mai schrieb Uwe Lorenz", "Le 2 oct. 2026,
// Julie a écrit".
func attribution(h string) bool {
	if len(strings.Fields(h)) > 12 {
		return false
	}
	for _, w := range []string{" wrote", " schreef ", " schrieb ", " a écrit"} {
		if strings.Contains(h+" ", w) {
			return true
		}
	}
	return strings.HasSuffix(h, " schreef") || strings.HasSuffix(h, " schrieb")
}

// quoteLabels are the field names of a ticket's summary lines whose value
// is the person's words.
var quoteLabels = map[string]bool{
	"subject": true, "betreff": true, "onderwerp": true, "objet": true, "sujet": true, "summary": true,
	"description": true, "short description": true, "title": true, "samenvatting": true, "omschrijving": true,
	"korte omschrijving": true, "titel": true, "zusammenfassung": true, "beschreibung": true,
	"kurzbeschreibung": true, "titre": true, "résumé": true, "description courte": true,
	"your message": true, "your request": true, "uw bericht": true, "uw vraag": true, "uw verzoek": true,
	"je bericht": true, "je vraag": true, "ihre nachricht": true, "ihre anfrage": true, "ihr anliegen": true,
	"anliegen": true, "votre message": true, "votre demande": true, "request": true, "vraag": true,
	"verzoek": true, "anfrage": true, "nachricht": true, "demande": true, "message": true, "bericht": true,
	"your conversation": true, "jouw vraag": true, "nature de la demande": true, "type de demande": true,
	"you recently contacted us about": true, "you contacted us about": true, "je had contact met ons over": true,
	"u had contact met ons over": true, "sie hatten kontakt mit uns zum thema": true,
	"vous nous avez contactés au sujet de": true,
	"type of request":                      true, "request type": true, "soort verzoek": true, "art der anfrage": true,
	"beschrijving": true, "korte beschrijving": true, "last update": true, "comment": true, "opmerking": true,
	"kommentar": true, "commentaire": true, "jij": true, "you": true, "du": true, "vous": true, "klant": true,
	"customer": true, "kunde": true, "kundin": true, "client": true, "cliente": true, "bezoeker": true,
	"visitor": true, "besucher": true, "visiteur": true, "toelichting": true, "toelichting medewerker": true,
	"sie": true, "aufgabe": true, "ergebnis": true, "task": true, "result": true, "taak": true,
	"resultaat": true, "tâche": true, "résultat": true,
	"type": true, "reason": true, "reden": true, "grund": true, "raison": true, "motif": true,
	"antwort des teams": true, "answer from the team": true, "antwoord van het team": true,
	"réponse de votre conseiller": true, "answer from your adviser": true, "antwoord van je adviseur": true,
	"antwoord van uw adviseur": true, "antwort ihres beraters": true,
	"réponse de l'équipe": true, "latest update": true, "laatste update": true, "letzte aktualisierung": true,
	"dernière mise à jour": true, "last reply": true, "latest reply": true,
	"ticket name": true, "ticket title": true, "ticket subject": true, "case subject": true, "case title": true,
	"ticketnaam": true, "ticket-titel": true, "tickettitel": true, "titel van het ticket": true,
	"onderwerp van het ticket": true, "vorgangstitel": true, "betreff des tickets": true, "titel des tickets": true,
	"précisions": true, "droit exercé": true, "text": true, "tekst": true, "texte": true, "details": true, "topic": true, "thema": true, "thème": true, "détails": true, "einzelheiten": true, "nom du ticket": true, "titre du ticket": true, "objet du ticket": true, "sujet du ticket": true,
}

// labelledLine reports whether line is "Label: value" with a label of
// quoteLabels (a ticket number may follow the label: "Betreff (#4411):"),
// and returns the offset of the value.
func labelledLine(line string) (int, bool) {
	if k, ok := dottedField(line); ok {
		return k, true
	}
	i := strings.IndexByte(line, ':')
	if i <= 0 || i > 80 {
		return 0, false
	}
	key := strings.ToLower(strings.Trim(line[:i], " \t-•*"))
	if i > 40 && !aboutLabel(key) {
		return 0, false
	}
	if j := strings.IndexAny(key, "(#["); j > 0 {
		key = strings.TrimSpace(key[:j])
	}
	if !quoteLabels[key] && !aboutLabel(key) || strings.TrimSpace(line[i+1:]) == "" {
		return 0, false
	}
	return i + 1, true
}

// dottedField reports whether line is a form copy's field with a dotted
// leader, a label of quoteLabels, three dots or more and a value
// ("  Nachricht .......... Bitte löschen Sie alles", wordmodel112a), and
// returns the offset of the value.
func dottedField(line string) (int, bool) {
	i := strings.Index(line, "...")
	if i <= 0 || i > 40 {
		return 0, false
	}
	key := strings.ToLower(strings.Trim(line[:i], " \t-•*"))
	j := i
	for j < len(line) && (line[j] == '.' || line[j] == ' ') {
		j++
	}
	if !quoteLabels[key] || j == len(line) || line[j-1] != ' ' {
		return 0, false
	}
	return j, true
}

// aboutLabel reports whether a line's text before its colon ends in a
// word that says what it is about, in ten words or fewer ("You
// recently contacted us about:", "Vous avez récemment contacté notre
// service au sujet de :", "Sie hatten Kontakt mit uns zum Thema:").
func aboutLabel(key string) bool {
	if len(strings.Fields(key)) > 10 {
		return false
	}
	for _, w := range []string{" about", " over", " zum thema", " au sujet de", " concernant", " betreffend", " regarding"} {
		if strings.HasSuffix(key, w) {
			return true
		}
	}
	return false
}

// chatLine reports whether line is a chat transcript's line, a speaker and
// a time before a colon ("Du (14:02): ...", "[14:02] Lukas: ..."), and
// returns the offset of what was said.
func chatLine(line string) (int, bool) {
	s := strings.TrimLeft(line, " \t")
	lead := len(line) - len(s)
	if strings.HasPrefix(s, "[") {
		// "[14:02] Lukas: ..."
		end := strings.IndexByte(s, ']')
		if end < 0 {
			return 0, false
		}
		// "[14:02]", "[11/24/2026 16:20:11]"
		if in := strings.Fields(s[1:end]); len(in) == 0 || len(in) > 2 || !clockTime(in[len(in)-1]) || len(in) == 2 && !dateLike(in[0]) {
			return 0, false
		}
		rest := s[end+1:]
		i := strings.IndexByte(rest, ':')
		if i <= 0 || i > 40 {
			return 0, false
		}
		return lead + end + 1 + i + 1, true
	}
	// "10:41 Léa (assistante virtuelle) : ...": a time, a name, a colon;
	// a date may come first ("26.11.2026 17:22 Ayse Demir: ...").
	if f := strings.Fields(s); len(f) >= 4 && dateLike(f[0]) && clockTime(f[1]) {
		s, lead = strings.TrimLeft(s[len(f[0]):], " \t"), lead+len(s)-len(strings.TrimLeft(s[len(f[0]):], " \t"))
	}
	if f := strings.Fields(s); len(f) >= 3 && clockTime(f[0]) {
		rest := s[len(f[0]):]
		if i := strings.IndexByte(rest, ':'); i > 0 && i <= 40 {
			return lead + len(f[0]) + i + 1, true
		}
	}
	// "Kunde 16:02: ...": a name, a time, a colon.
	if f := strings.Fields(s); len(f) >= 3 && len(f[0]) <= 20 {
		for k := 1; k <= 2 && k < len(f); k++ {
			if tm, ok := strings.CutSuffix(f[k], ":"); ok && clockTime(tm) {
				return lead + strings.Index(s, f[k]) + len(f[k]), true
			}
		}
	}
	// "10:31 | Sie | ...": a table of time, speaker and text.
	if t, rest, ok := strings.Cut(s, "|"); ok && clockTime(t) {
		if _, said, ok := strings.Cut(rest, "|"); ok {
			return len(line) - len(said), true
		}
		return len(line) - len(rest), true
	}
	// "Du (14:02): ...", "Léa (conseillère) : ..."
	open := strings.IndexByte(s, '(')
	if open <= 0 || open > 40 {
		return 0, false
	}
	close := strings.IndexByte(s[open:], ')')
	if close < 0 || close > 30 || !clockTime(s[open+1:open+close]) && strings.ContainsAny(s[open+1:open+close], "0123456789") {
		return 0, false
	}
	after := open + close + 1
	if !strings.HasPrefix(strings.TrimLeft(s[after:], " "), ":") {
		return 0, false
	}
	return lead + after + strings.Index(s[after:], ":") + 1, true
}

// speakerLine reports whether the trimmed line is a chat speaker and a
// time alone ("Vous - 18:21", "Léa (assistante virtuelle) - 18:22").
func speakerLine(s string) bool {
	i := strings.LastIndexAny(s, "-–,")
	if i <= 0 || len(strings.Fields(s[:i])) > 5 {
		return false
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return clockTime(strings.TrimSpace(s[i+n:]))
}

// dateLike reports whether s is a date of digits and separators
// ("26.11.2026", "2026-11-26", "26/11/2026").
func dateLike(s string) bool {
	if len(s) < 6 || len(s) > 10 {
		return false
	}
	seps := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
		case r == '.' || r == '-' || r == '/':
			seps++
		default:
			return false
		}
	}
	return seps == 2
}

// clockTime reports whether s is a time of day, "9:05" or "14:02" (seconds
// may follow).
func clockTime(s string) bool {
	h, m, ok := strings.Cut(strings.TrimSpace(s), ":")
	if !ok || len(h) == 0 || len(h) > 2 || len(m) < 2 {
		return false
	}
	for _, r := range h + m[:2] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// ratingScale reports whether the body holds a rating scale (ratingScale).
func (sc *scan) ratingScale() bool {
	if sc.subjectEnd+1 >= len(sc.text) {
		return false
	}
	return ratingScale(sc.text[sc.subjectEnd+1:])
}

// ratingScale reports whether text holds a survey's rating scale, one
// option a line from 0 or 1 ("1 = sehr gut", "2 = gut", ... up to 4 or
// more), or on a line of its own: the numbers 0 or 1 up to 5 or 10 in order ("0 1 2 3 4
// 5 6 7 8 9 10"), three or more bracketed options ("[Zeer tevreden]
// [Tevreden] [Neutraal]"), options split by "·" or "|" of which one names
// satisfaction ("sehr zufrieden · zufrieden · neutral"), or two or more
// emoji alone or after a colon ("😞 😐 😃", "Rate the conversation: 👍
// 👎").
func ratingScale(text string) bool {
	next := -1 // the number the next line of a scale written down the page starts with
	for line := range strings.Lines(text) {
		s := strings.TrimSpace(line)
		if s == "" {
			continue
		}
		// "1 = sehr gut", "2 = gut", ... one option a line.
		if v, ok := scaleLine(s); ok && (v == next || next < 0 && v <= 1) {
			if next = v + 1; next >= 5 {
				return true
			}
		} else {
			next = -1
		}
		if digits(s) >= 5 && numberScale(s) || strings.Count(s, "[") >= 3 && strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") {
			return true
		}
		for _, sep := range []string{"·", "|"} {
			n := strings.Count(s, sep)
			if n == 0 {
				continue
			}
			named := 0 // options that name a point of satisfaction
			for p := range strings.SplitSeq(s, sep) {
				if satisfactionWords[strings.ToLower(strings.TrimSpace(p))] {
					named++
					continue
				}
				for _, w := range strings.Fields(p) { // "Good, I'm satisfied | Bad, I'm unsatisfied"
					if satisfactionWords[strings.ToLower(strings.Trim(w, ",.!?"))] {
						named++
						break
					}
				}
			}
			// Three options or more with one named, or two both named.
			if n >= 2 && named >= 1 || named >= 2 {
				return true
			}
		}
		if i := strings.LastIndexByte(s, ':'); i >= 0 && i+1 < len(s) {
			s = s[i+1:] // "Bewerte das Gespräch: 👍 👎"
		}
		if strings.Count(s, "★")+strings.Count(s, "☆") >= 5 {
			return true // "★★★★☆ Good"
		}
		if emojiScale(s) {
			return true // "😀  Super   🙂  Goed   😐  Gaat wel"
		}
		emoji, other := 0, 0
		for _, r := range s {
			switch {
			case unicode.IsSpace(r) || r == '\ufe0f':
			case r >= 0x1F300 && r <= 0x1FAFF || r >= 0x2600 && r <= 0x27BF:
				emoji++
			default:
				other++
			}
		}
		if emoji >= 2 && other == 0 {
			return true
		}
	}
	return false
}

// digits counts the ASCII digits of s.
func digits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n
}

// scaleLine reports whether s is one option of a scale written down the
// page, a number and a short name ("1 = sehr gut", "5 - Excellent"; not
// a numbered list's "1." or "1)"), and returns the number.
func scaleLine(s string) (int, bool) {
	i := 0
	for i < len(s) && i < 2 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return 0, false
	}
	v, _ := strconv.Atoi(s[:i])
	rest := strings.TrimSpace(s[i:])
	if rest == "" || !strings.ContainsRune("=-–:", rune(rest[0])) {
		return 0, false
	}
	if n := len(strings.Fields(rest[1:])); n == 0 || n > 3 {
		return 0, false
	}
	return v, true
}

// emojiScale reports whether s holds three or more emoji among at most
// eight words: faces with their names.
func emojiScale(s string) bool {
	emoji := 0
	for _, r := range s {
		if r >= 0x1F300 && r <= 0x1FAFF || r >= 0x2600 && r <= 0x27BF {
			emoji++
		}
	}
	if emoji < 3 {
		return false
	}
	words := 0
	for _, f := range strings.Fields(s) {
		if r, _ := utf8.DecodeRuneInString(f); unicode.IsLetter(r) {
			words++
		}
	}
	return words <= 8
}

// numberScale reports whether s is the numbers 0 or 1 to at least 5, in
// order, split by spaces or separators, with at most four words besides
// them ("1 - Very poor   2   3   4   5 - Excellent").
func numberScale(s string) bool {
	f := strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("·|[]()-–,", r) })
	want, words := -1, 0
	n := 0
	for _, x := range f {
		v, err := strconv.Atoi(x)
		if err != nil {
			if words++; words > 4 {
				return false
			}
			continue
		}
		switch {
		case want < 0 && (v == 0 || v == 1):
			want = v + 1
		case v == want:
			want++
		default:
			return false
		}
		n++
	}
	return n >= 5
}

// satisfactionWords name a point on a satisfaction scale.
var satisfactionWords = map[string]bool{
	"very satisfied": true, "satisfied": true, "neutral": true, "dissatisfied": true, "very dissatisfied": true,
	"zeer tevreden": true, "tevreden": true, "neutraal": true, "ontevreden": true, "zeer ontevreden": true,
	"sehr zufrieden": true, "zufrieden": true, "unzufrieden": true, "sehr unzufrieden": true,
	"très satisfait": true, "satisfait": true, "neutre": true, "insatisfait": true, "très insatisfait": true,
	"good": true, "bad": true, "goed": true, "slecht": true, "gut": true, "schlecht": true, "bien": true, "mauvais": true,
}
