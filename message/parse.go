package message

import (
	"bytes"
	"fmt"
	"mime"
	"net/mail"
	nettextproto "net/textproto"
	"strings"
)

// Options bound the work Parse does.
type Options struct {
	// MaxBytes is how much of the raw mail is parsed; 0 means 10 MiB.
	// Beyond it the mail is still kept by the caller, only not parsed.
	MaxBytes int64
}

// Limits that keep Parse linear and bounded on hostile input.
const (
	// DefaultMaxBytes is the part of a raw mail Parse looks at by default.
	DefaultMaxBytes = 10 << 20
	// MaxText is the most text (bytes of UTF-8) kept in Message.Text.
	MaxText = 1 << 20
	// MaxDepth is the deepest nesting of multiparts and attached messages
	// that is descended into.
	MaxDepth = 50

	maxHeaderBytes     = 1 << 20   // header block of the top-level message
	maxPartHeaderBytes = 256 << 10 // header block of a body part
	maxHeaderFields    = 1000      // header fields processed per header block
	maxParts           = 1000      // body parts visited in one mail
	maxBoundaryLen     = 200       // longer boundaries are junk
	maxPartText        = 4 << 20   // decoded bytes of one text part looked at
	maxDeliveryStatus  = 64 << 10  // bytes kept of a message/delivery-status
	maxReturnedText    = 4 << 10   // bytes kept of the text of a report's returned message
	maxFilename        = 255       // bytes kept of an attachment file name
)

// Parse decodes raw into a Message. It never fails and never panics: whatever
// cannot be decoded is recorded in Message.Problems and a safe default is used.
//
// Text is the concatenation of the inline text bodies in document order: for
// a multipart/alternative the text/plain alternative is preferred, else the
// HTML one converted to text. An attached message (message/rfc822) outside a
// report is rendered as a forwarded section ("---------- Forwarded message
// ---------" with its From, Date, Subject and text) and marks the message
// Forwarded. Attachments are listed, never unpacked.
func Parse(raw []byte, opt Options) (m *Message) {
	p := &parser{m: &Message{Header: map[string][]string{}}, seen: map[string]bool{}}
	p.wd = newWordDecoder(p.problem)
	p.sc = getScratch()
	defer putScratch(p.sc)
	defer func() {
		if r := recover(); r != nil {
			p.rec = nil
			p.problem("internal error while parsing: result is partial")
			m = p.m
			p.finishFields()
		}
	}()
	limit := opt.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	if int64(len(raw)) > limit {
		raw = raw[:limit]
		p.m.Truncated = true
		p.problem(fmt.Sprintf("mail larger than %d bytes: only the first %d bytes parsed", limit, limit))
	}
	p.parseTop(raw)
	return p.m
}

// parser holds the state of one Parse call.
type parser struct {
	m     *Message
	wd    *mime.WordDecoder
	seen  map[string]bool // problems already recorded
	parts int             // body parts visited
	// forwarded is set when an attached message outside a report was found.
	forwarded bool
	// rec, when set, collects problems instead of recording them: for
	// headers read ahead or only looked up.
	rec *[]string
	sc  *scratch // reused buffers
}

func (p *parser) problem(s string) {
	if p.rec != nil {
		*p.rec = append(*p.rec, s)
		return
	}
	if p.seen[s] || len(p.m.Problems) >= 50 {
		return
	}
	p.seen[s] = true
	p.m.Problems = append(p.m.Problems, s)
}

// chunk is one piece of body text.
type chunk struct {
	text string
	html bool
}

// collector gathers the text and attachments of a subtree.
type collector struct {
	chunks []chunk
	atts   []Attachment
}

func (c *collector) merge(o *collector) {
	c.chunks = append(c.chunks, o.chunks...)
	c.atts = append(c.atts, o.atts...)
}

func (c *collector) hasPlain() bool {
	for _, ch := range c.chunks {
		if !ch.html && strings.TrimSpace(ch.text) != "" {
			return true
		}
	}
	return false
}

func (c *collector) hasText() bool {
	for _, ch := range c.chunks {
		if strings.TrimSpace(ch.text) != "" {
			return true
		}
	}
	return false
}

func (p *parser) parseTop(raw []byte) {
	// An mbox "From " line before the header is not part of the mail.
	if bytes.HasPrefix(raw, []byte("From ")) {
		if i := bytes.IndexByte(raw, '\n'); i >= 0 {
			raw = raw[i+1:]
		}
	}
	h, body := p.readHeader(raw, maxHeaderBytes)
	p.headerFields(h)
	mt, params := p.contentType(h)
	p.m.MediaType = mt
	if mt == "multipart/report" {
		p.m.ReportType = strings.ToLower(singleLine(params["report-type"]))
		if len(p.m.ReportType) > 64 {
			p.m.ReportType = truncateUTF8(p.m.ReportType, 64)
		}
	}
	c := &collector{}
	p.body(h, mt, params, body, 0, false, c)
	p.finishBody(c)
	p.finishFields()
}

// finishFields makes sure the maps and slices callers range over are set.
func (p *parser) finishFields() {
	if p.m.Header == nil {
		p.m.Header = map[string][]string{}
	}
	if p.m.MediaType == "" {
		p.m.MediaType = "text/plain"
	}
}

// finishBody joins the text chunks into Text (bounded by MaxText) and
// splits each chunk on its own into new and quoted text, so a forwarded
// message rendered after a reply's quote is still new text.
func (p *parser) finishBody(c *collector) {
	var text, newText, quoted joiner
	fwd := forwardSubject(p.m.Subject)
	add := func(b *joiner, s string) { b.add(s) }
	for _, ch := range c.chunks {
		t := strings.TrimSpace(ch.text)
		if t == "" {
			continue
		}
		room := MaxText - text.Len()
		if text.Len() > 0 {
			room -= 2
		}
		if room <= 0 {
			p.problem(fmt.Sprintf("text longer than %d bytes: cut", MaxText))
			break
		}
		if len(t) > room {
			t = truncateUTF8(t, room)
			p.problem(fmt.Sprintf("text longer than %d bytes: cut", MaxText))
		}
		add(&text, t)
		if ch.html {
			p.m.FromHTML = true
		}
		nt, q, f := splitQuotedOpt(t, fwd)
		add(&newText, nt)
		add(&quoted, q)
		p.m.Forwarded = p.m.Forwarded || f
	}
	p.m.Text = text.String()
	p.m.NewText = newText.String()
	p.m.Quoted = quoted.String()
	p.m.Forwarded = p.m.Forwarded || p.forwarded
	p.m.Attachments = c.atts
}

// joiner joins strings with blank lines between them; a single string is
// kept as it is, not copied.
type joiner struct {
	first string
	sb    strings.Builder
	n     int
}

func (j *joiner) add(s string) {
	if s == "" {
		return
	}
	switch j.n {
	case 0:
		j.first = s
	case 1:
		j.sb.Grow(len(j.first) + 2 + len(s))
		j.sb.WriteString(j.first)
		fallthrough
	default:
		j.sb.WriteString("\n\n")
		j.sb.WriteString(s)
	}
	j.n++
}

// Len is the length of String().
func (j *joiner) Len() int {
	if j.n <= 1 {
		return len(j.first)
	}
	return j.sb.Len()
}

func (j *joiner) String() string {
	if j.n <= 1 {
		return j.first
	}
	return j.sb.String()
}

// essentialKeys are the fields kept even past the header limits.
var essentialKeys = []string{"From", "Sender", "Reply-To", "To", "Cc", "Subject", "Date", "Message-Id", "In-Reply-To", "References",
	"Mime-Version", "Content-Type", "Content-Transfer-Encoding", "Auto-Submitted", "Precedence",
	"X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress", "List-Id", "List-Unsubscribe", "Return-Path",
	"Authentication-Results"}

// essentialName reports, without allocating, whether a field name is one
// of essentialKeys in any ASCII case: whether its canonical form passes
// essentialHeader.
func essentialName(name []byte) bool {
	for _, k := range essentialKeys {
		if len(k) != len(name) {
			continue
		}
		i := 0
		for ; i < len(k); i++ {
			c := name[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			d := k[i]
			if d >= 'A' && d <= 'Z' {
				d += 'a' - 'A'
			}
			if c != d {
				break
			}
		}
		if i == len(k) {
			return true
		}
	}
	return false
}

// essentialHeader reports the fields kept even past the header limits.
func essentialHeader(key string) bool {
	switch key {
	case "From", "Sender", "Reply-To", "To", "Cc", "Subject", "Date", "Message-Id", "In-Reply-To", "References",
		"Mime-Version", "Content-Type", "Content-Transfer-Encoding", "Auto-Submitted", "Precedence",
		"X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress", "List-Id", "List-Unsubscribe", "Return-Path",
		"Authentication-Results":
		return true
	}
	return false
}

// readHeader splits b into its header and body. Lines that cannot be
// header fields end the header (the body starts there, as when the blank
// line is missing); the header block is bounded by maxBytes and
// maxHeaderFields.
func (p *parser) readHeader(b []byte, maxBytes int) (header, []byte) {
	// The builder's buffers are reused; hb.header copies out.
	hb := headerBuilder{buf: p.sc.hbuf[:0], offs: p.sc.hoffs[:0]}
	defer func() { p.sc.hbuf, p.sc.hoffs = hb.buf[:0], hb.offs[:0] }()
	fields := 0
	pos := 0
	first := true
	tooBig := false
	keep := false
	extra := 0
	late := map[string]bool{}
	for pos < len(b) {
		end := bytes.IndexByte(b[pos:], '\n')
		var line []byte
		next := len(b)
		if end >= 0 {
			line = b[pos : pos+end]
			next = pos + end + 1
		} else {
			line = b[pos:]
		}
		line = bytes.TrimSuffix(line, []byte("\r"))
		if len(bytes.TrimRight(line, " \t")) == 0 {
			// The blank line that ends the header.
			pos = next
			break
		}
		isCont := line[0] == ' ' || line[0] == '\t'
		if isCont && first {
			p.problem("header starts with a continuation line: skipped")
			pos = next
			continue
		}
		if !isCont && !validFieldLine(line) {
			// A junk line between fields is skipped; otherwise the blank
			// line is missing and the body starts here.
			if nl := nextLine(b, next); nl != nil && validFieldLine(nl) {
				p.problem("malformed header line: skipped")
				pos = next
				continue
			}
			p.problem("malformed header line: header ended there")
			break
		}
		first = false
		if pos+len(line) > maxBytes {
			tooBig = true
		}
		if !isCont {
			fields++
			keep = fields <= maxHeaderFields && !tooBig
			if !keep && extra < maxHeaderBytes/4 {
				// Past the limits, the first of each field that decides
				// who wrote, what and whether to answer is still kept:
				// MTAs prepend Received lines, so From may come late.
				name, _, _ := bytes.Cut(line, []byte(":"))
				if name = bytes.TrimSpace(name); essentialName(name) {
					key := nettextproto.CanonicalMIMEHeaderKey(string(name))
					if essentialHeader(key) && !late[key] {
						late[key], keep = true, true
					}
				}
			}
		}
		if keep {
			if fields > maxHeaderFields || tooBig {
				extra += len(line) + 2
			}
			if isCont {
				hb.addValue(line)
			} else {
				hb.startField(line)
			}
		}
		pos = next
	}
	if fields > maxHeaderFields {
		p.problem(fmt.Sprintf("more than %d header fields: the rest ignored", maxHeaderFields))
	}
	if tooBig {
		p.problem("header block too large: the rest ignored")
	}
	h := hb.header()
	if pos > len(b) {
		pos = len(b)
	}
	return h, b[pos:]
}

// nextLine returns the line starting at b[pos:] without its line end; nil
// at the end of b.
func nextLine(b []byte, pos int) []byte {
	if pos >= len(b) {
		return nil
	}
	l := b[pos:]
	if i := bytes.IndexByte(l, '\n'); i >= 0 {
		l = l[:i]
	}
	return bytes.TrimSuffix(l, []byte("\r"))
}

// validFieldLine reports whether line starts a header field: a non-empty
// field name of printable ASCII, optional blanks, then a colon.
func validFieldLine(line []byte) bool {
	i := bytes.IndexByte(line, ':')
	if i <= 0 {
		return false
	}
	name := bytes.TrimRight(line[:i], " \t")
	if len(name) == 0 {
		return false
	}
	for _, c := range name {
		if c < 33 || c > 126 {
			return false
		}
	}
	return true
}

// headerFields fills the envelope fields and the Header map.
func (p *parser) headerFields(h header) {
	m := p.m
	if len(m.Header) == 0 && len(h.fields) > 0 {
		m.Header = make(map[string][]string, len(h.fields))
	}
	// Fields seen once (most) share one backing array; capacity 1 keeps
	// appends by callers from writing into a neighbour.
	vals := make([]string, len(h.fields))
	for i, f := range h.fields {
		v := decodeHeaderValue(f.value, p.wd)
		if old, ok := m.Header[f.key]; ok {
			m.Header[f.key] = append(old, v)
			continue
		}
		vals[i] = v
		m.Header[f.key] = vals[i : i+1 : i+1]
	}
	if v := h.Get("Message-Id"); v != "" {
		if ids := ParseMsgIDs(v); len(ids) > 0 {
			m.MessageID = ids[0]
		} else {
			p.problem("Message-ID unparsable: ignored")
		}
	}
	m.InReplyTo = ParseMsgIDs(strings.Join(h.Values("In-Reply-To"), " "))
	m.References = ParseMsgIDs(strings.Join(h.Values("References"), " "))
	if v := h.Get("From"); v != "" {
		l, ok := parseAddressList(v, p.wd)
		if !ok {
			p.problem("From malformed: address found leniently")
		}
		if len(l) > 0 {
			m.From = l[0]
		} else {
			p.problem("From has no address")
		}
	}
	m.ReplyTo = p.addrs(h, "Reply-To")
	m.To = p.addrs(h, "To")
	m.Cc = p.addrs(h, "Cc")
	m.Subject = decodeHeaderValue(h.Get("Subject"), p.wd)
	if v := h.Get("Date"); v != "" {
		t, ok := parseDate(v)
		if !ok {
			p.problem("Date unparsable: left zero")
		}
		m.Date = t
	}
}

func (p *parser) addrs(h header, key string) []*mail.Address {
	var all []*mail.Address
	for _, v := range h.Values(key) {
		l, ok := parseAddressList(v, p.wd)
		if !ok {
			p.problem(key + " malformed: addresses found leniently")
		}
		all = append(all, l...)
		if len(all) >= maxAddresses {
			break
		}
	}
	return all
}

// contentType returns the lower-case media type and parameters of h. A
// missing or invalid Content-Type is text/plain (RFC 2045 §5.2).
func (p *parser) contentType(h header) (string, map[string]string) {
	v := h.Get("Content-Type")
	if strings.TrimSpace(v) == "" {
		return "text/plain", map[string]string{}
	}
	mt, params, ok := parseMediaType(v)
	if !ok {
		p.problem("Content-Type malformed: parsed leniently")
	}
	if !validMediaType(mt) {
		p.problem("Content-Type invalid: treated as text/plain")
		return "text/plain", params
	}
	return mt, params
}

// parseMediaType parses a Content-Type or Content-Disposition value; when
// mime.ParseMediaType refuses it, the parameters are split by hand.
func parseMediaType(v string) (string, map[string]string, bool) {
	v, _ = fixUTF8String(v)
	mt, params, err := mime.ParseMediaType(v)
	if err == nil {
		return strings.ToLower(mt), params, true
	}
	parts := strings.Split(v, ";")
	mt = strings.ToLower(strings.TrimSpace(parts[0]))
	params = map[string]string{}
	for _, kv := range parts[1:] {
		k, val, found := strings.Cut(kv, "=")
		if !found {
			continue
		}
		k = strings.ToLower(strings.TrimSpace(k))
		k = strings.TrimSuffix(k, "*")
		val = strings.TrimSpace(val)
		val = strings.Trim(val, `"'`)
		if _, dup := params[k]; !dup && k != "" {
			params[k] = val
		}
	}
	return mt, params, false
}

func validMediaType(mt string) bool {
	typ, sub, ok := strings.Cut(mt, "/")
	if !ok || typ == "" || sub == "" {
		return false
	}
	for _, r := range mt {
		if r <= ' ' || r > '~' || strings.ContainsRune(`()<>@,;:\"[]?=`, r) {
			return false
		}
	}
	return true
}

// body handles the body of an entity whose header is h.
func (p *parser) body(h header, mt string, params map[string]string, body []byte, depth int, inReport bool, c *collector) {
	defer func() {
		// Last resort: a panic in a third-party decoder loses this part only.
		if r := recover(); r != nil {
			p.problem("internal error in a body part: part skipped")
		}
	}()
	p.parts++
	if p.parts > maxParts {
		p.problem(fmt.Sprintf("more than %d body parts: the rest ignored", maxParts))
		return
	}
	cte := h.Get("Content-Transfer-Encoding")
	var disp string
	var dparams map[string]string // read only: nil is an empty map
	if cd := h.Get("Content-Disposition"); cd != "" {
		disp, dparams, _ = parseMediaType(cd)
	}
	filename := p.filename(dparams["filename"], params["name"])
	// A text part with a file name is an attached file, not the body.
	isAttachment := disp == "attachment" || filename != ""

	switch {
	case strings.HasPrefix(mt, "multipart/"):
		p.multipart(mt, params, body, depth, c)
	case mt == "message/rfc822" || mt == "message/global":
		p.attachedMessage(h, cte, filename, body, depth, inReport, c)
	case mt == "text/rfc822-headers" && inReport:
		dec, _ := decodeCTE(body, cte)
		hh, _ := p.quietHeader(dec)
		if ids := ParseMsgIDs(hh.Get("Message-Id")); len(ids) > 0 && p.m.ReportedMessageID == "" {
			p.m.ReportedMessageID = strings.Clone(ids[0]) // not the whole inner header block
		}
	case mt == "message/delivery-status" && inReport:
		dec, prob := decodeCTE(body, cte)
		if prob != "" {
			p.problem(prob)
		}
		if len(dec) > maxDeliveryStatus {
			dec = dec[:maxDeliveryStatus]
		}
		s, _ := fixUTF8(dec)
		if p.m.DeliveryStatus == "" {
			p.m.DeliveryStatus = cleanText(s)
		}
	case (mt == "text/plain" || mt == "text/html") && !isAttachment:
		if t := p.text(mt, params, cte, body); t != "" {
			c.chunks = append(c.chunks, chunk{text: t, html: mt == "text/html"})
		}
	default:
		c.atts = append(c.atts, Attachment{Filename: filename, MediaType: mt, Size: cteSize(body, cte)})
	}
}

// filename returns a clean file name from the disposition's filename or
// the content type's name parameter: encoded words decoded, one line, no
// directory part, bounded length.
func (p *parser) filename(fromDisp, fromType string) string {
	n := fromDisp
	if strings.TrimSpace(n) == "" {
		n = fromType
	}
	n = decodeHeaderValue(n, p.wd)
	if i := strings.LastIndexAny(n, `/\`); i >= 0 {
		n = n[i+1:]
	}
	n = strings.TrimSpace(strings.Trim(n, `"'`))
	return truncateUTF8(n, maxFilename)
}

// multipart splits a multipart body and walks its parts.
func (p *parser) multipart(mt string, params map[string]string, body []byte, depth int, c *collector) {
	if depth >= MaxDepth {
		p.problem(fmt.Sprintf("multipart nested deeper than %d: inner parts ignored", MaxDepth))
		return
	}
	boundary := params["boundary"]
	var parts [][]byte
	closed := false
	if boundary != "" && len(boundary) <= maxBoundaryLen {
		parts, closed = splitMultipart(body, boundary, maxParts-p.parts+1)
	}
	if len(parts) == 0 {
		if boundary == "" {
			p.problem("multipart without boundary")
		} else {
			p.problem("multipart boundary not found in body")
		}
		if g := guessBoundary(body); g != "" {
			parts, closed = splitMultipart(body, g, maxParts-p.parts+1)
			if len(parts) > 0 {
				p.problem("multipart boundary guessed from the body")
			}
		}
	}
	if len(parts) == 0 {
		// Nothing to split: use the body as plain text.
		p.problem("multipart body used as plain text")
		if t := p.text("text/plain", map[string]string{}, "", body); t != "" {
			c.chunks = append(c.chunks, chunk{text: t})
		}
		return
	}
	if !closed && !p.m.Truncated {
		p.problem("multipart not closed by a final boundary")
	}
	inReport := mt == "multipart/report"
	if mt == "multipart/alternative" {
		p.alternative(parts, depth, c)
		return
	}
	for _, part := range parts {
		p.part(part, depth+1, inReport, c)
	}
}

// alternative picks one alternative: the first that yields text/plain,
// else the first that yields any text. Plain-text alternatives are tried
// first, so the HTML one is usually never converted.
func (p *parser) alternative(parts [][]byte, depth int, c *collector) {
	heads := make([]*partHead, len(parts))
	head := func(i int) *partHead {
		if heads[i] == nil {
			heads[i] = p.readPart(parts[i])
		}
		return heads[i]
	}
	subs := make([]*collector, len(parts))
	eval := func(i int) *collector {
		if subs[i] == nil {
			subs[i] = &collector{}
			ph := head(i)
			for _, s := range ph.probs {
				p.problem(s)
			}
			p.body(ph.h, ph.mt, ph.params, ph.body, depth+1, false, subs[i])
		}
		return subs[i]
	}
	for i := range parts {
		if head(i).mt == "text/plain" && eval(i).hasPlain() {
			c.merge(subs[i])
			return
		}
	}
	for i := range parts {
		if eval(i).hasPlain() {
			c.merge(subs[i])
			return
		}
	}
	for _, sc := range subs {
		if sc.hasText() {
			c.merge(sc)
			return
		}
	}
	for _, sc := range subs {
		c.merge(sc)
	}
}

// partHead is the header of a body part read ahead, with the problems
// reading it found, to be recorded when the part is used.
type partHead struct {
	h      header
	body   []byte
	mt     string
	params map[string]string
	probs  []string
}

// readPart reads a body part's header without recording its problems.
func (p *parser) readPart(b []byte) *partHead {
	ph := &partHead{}
	saved := p.rec
	p.rec = &ph.probs
	defer func() { p.rec = saved }()
	ph.h, ph.body = p.readHeader(b, maxPartHeaderBytes)
	ph.mt, ph.params = p.contentType(ph.h)
	return ph
}

// part parses one body part of a multipart.
func (p *parser) part(b []byte, depth int, inReport bool, c *collector) {
	h, body := p.readHeader(b, maxPartHeaderBytes)
	mt, params := p.contentType(h)
	p.body(h, mt, params, body, depth, inReport, c)
}

// quietHeader reads a header for lookup only; its problems are not
// recorded.
func (p *parser) quietHeader(b []byte) (header, []byte) {
	var discard []string
	saved := p.rec
	p.rec = &discard
	defer func() { p.rec = saved }()
	return p.readHeader(b, maxPartHeaderBytes)
}

// writeText writes the text of c's chunks to sb, a blank line between
// them, and reports whether any of them was converted from HTML.
func (c *collector) writeText(sb *strings.Builder) (html bool) {
	for i, ch := range c.chunks {
		if i > 0 {
			sb.WriteString("\n\n")
		}
		sb.WriteString(strings.TrimSpace(ch.text))
		html = html || ch.html
	}
	return html
}

// attachedMessage handles a message/rfc822 part: inside a report it names
// the original message; elsewhere it is a forwarded mail whose text is
// rendered into the body.
func (p *parser) attachedMessage(h header, cte, filename string, body []byte, depth int, inReport bool, c *collector) {
	dec, prob := decodeCTE(body, cte)
	if prob != "" {
		p.problem(prob)
	}
	if inReport {
		hh, ibody := p.quietHeader(dec)
		if ids := ParseMsgIDs(hh.Get("Message-Id")); len(ids) > 0 && p.m.ReportedMessageID == "" {
			p.m.ReportedMessageID = strings.Clone(ids[0]) // not the whole inner header block
		}
		if p.m.ReturnedText == "" && depth < MaxDepth {
			imt, iparams := p.contentType(hh)
			ic := &collector{}
			var quiet []string
			saved, fwd := p.rec, p.forwarded
			p.rec = &quiet // the returned mail's problems are not the report's, nor what it forwards
			p.body(hh, imt, iparams, ibody, depth+1, false, ic)
			p.rec, p.forwarded = saved, fwd
			var sb strings.Builder
			ic.writeText(&sb)
			p.m.ReturnedText = truncateUTF8(strings.TrimSpace(sb.String()), maxReturnedText)
		}
		return
	}
	c.atts = append(c.atts, Attachment{Filename: filename, MediaType: "message/rfc822", Size: len(dec)})
	if depth >= MaxDepth {
		p.problem(fmt.Sprintf("attached messages nested deeper than %d: ignored", MaxDepth))
		return
	}
	p.forwarded = true
	ih, ibody := p.readHeader(dec, maxPartHeaderBytes)
	imt, iparams := p.contentType(ih)
	ic := &collector{}
	p.body(ih, imt, iparams, ibody, depth+1, false, ic)
	var sb strings.Builder
	sb.WriteString("---------- Forwarded message ---------\n")
	if v := ih.Get("From"); v != "" {
		if l, _ := parseAddressList(v, p.wd); len(l) > 0 {
			sb.WriteString("From: " + formatAddr(l[0]) + "\n")
		}
	}
	if v := ih.Get("Date"); v != "" {
		sb.WriteString("Date: " + decodeHeaderValue(v, p.wd) + "\n")
	}
	if v := ih.Get("Subject"); v != "" {
		sb.WriteString("Subject: " + decodeHeaderValue(v, p.wd) + "\n")
	}
	if v := ih.Get("To"); v != "" {
		if l, _ := parseAddressList(v, p.wd); len(l) > 0 {
			sb.WriteString("To: " + formatAddr(l[0]) + "\n")
		}
	}
	sb.WriteString("\n")
	html := ic.writeText(&sb)
	c.chunks = append(c.chunks, chunk{text: sb.String(), html: html})
	c.atts = append(c.atts, ic.atts...)
}

// formatAddr renders an address for display, without encoded words.
func formatAddr(a *mail.Address) string {
	if a.Name == "" {
		return "<" + a.Address + ">"
	}
	return a.Name + " <" + a.Address + ">"
}

// text decodes a text/plain or text/html body to clean text.
func (p *parser) text(mt string, params map[string]string, cte string, body []byte) string {
	dec, inScratch, prob := decodeCTETo(p.sc.text, body, cte)
	if prob != "" {
		p.problem(prob)
	}
	if len(dec) > maxPartText {
		dec = dec[:maxPartText]
		p.problem(fmt.Sprintf("text part longer than %d bytes: cut", maxPartText))
	}
	cs, hasCS := params["charset"]
	if mt == "text/html" && !hasCS {
		cs = htmlMetaCharset(dec)
	}
	s, prob := decodeText(dec, cs, 4*maxPartText)
	if inScratch {
		// The decoded bytes are dead now; keep the (maybe grown) buffer.
		p.sc.text = dec[:0]
	}
	if prob != "" {
		p.problem(prob)
	}
	if mt == "text/html" {
		t, cut := htmlToText(s, MaxText)
		if cut {
			p.problem(fmt.Sprintf("HTML text longer than %d bytes: cut", MaxText))
		}
		// A template that escaped its own markup shows the HTML source
		// as text ("<html><body><p>Hoi Bram,</p>..."): read it once more.
		if looksLikeHTMLDocument(t) {
			p.problem("HTML part shows escaped HTML: converted again")
			t, _ = htmlToText(t, MaxText)
		}
		return t
	}
	if strings.EqualFold(params["format"], "flowed") {
		s = unflow(s, strings.EqualFold(params["delsp"], "yes"))
	}
	return s
}

// looksLikeHTMLDocument reports whether text starts as an HTML document
// does: "<!DOCTYPE html", "<html" or "<body", in any case.
func looksLikeHTMLDocument(text string) bool {
	t := strings.TrimSpace(text)
	if len(t) > 16 {
		t = t[:16]
	}
	t = strings.ToLower(t)
	return strings.HasPrefix(t, "<!doctype html") || strings.HasPrefix(t, "<html") || strings.HasPrefix(t, "<body")
}

// htmlMetaCharset finds a <meta charset> in the first bytes of an HTML
// body whose Content-Type has no charset.
func htmlMetaCharset(b []byte) string {
	head := b[:min(len(b), 4096)]
	// ASCII lower case keeps the offsets of head (bytes.ToLower would
	// not for some non-ASCII text).
	var lower [4096]byte
	for j, c := range head {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[j] = c
	}
	i := bytes.Index(lower[:len(head)], []byte("charset="))
	if i < 0 {
		return ""
	}
	rest := head[i+len("charset="):]
	rest = bytes.TrimLeft(rest, `"' `)
	end := bytes.IndexAny(rest, "\"'; />\r\n")
	if end < 0 {
		end = len(rest)
	}
	return string(rest[:end])
}

// splitMultipart returns the parts of a multipart body delimited by
// boundary, at most max of them. closed reports whether the final
// delimiter was seen. It works on sub-slices: nothing is copied.
func splitMultipart(body []byte, boundary string, max int) (parts [][]byte, closed bool) {
	if max <= 0 {
		return nil, false
	}
	delim := []byte("--" + boundary)
	start := -1 // start of the current part, -1 before the first delimiter
	for pos := 0; pos <= len(body); {
		i := bytes.Index(body[pos:], delim)
		if i < 0 {
			break
		}
		i += pos
		if i > 0 && body[i-1] != '\n' {
			pos = i + 1
			continue
		}
		rest := body[i+len(delim):]
		final := bytes.HasPrefix(rest, []byte("--"))
		if final {
			rest = rest[2:]
		}
		j := 0
		for j < len(rest) && (rest[j] == ' ' || rest[j] == '\t') {
			j++
		}
		lineEnd := -1
		switch {
		case j == len(rest):
			lineEnd = len(body)
		case rest[j] == '\n':
			lineEnd = len(body) - len(rest) + j + 1
		case rest[j] == '\r' && (j+1 == len(rest) || rest[j+1] == '\n'):
			lineEnd = len(body) - len(rest) + j + min(2, len(rest)-j)
		}
		if lineEnd < 0 && !final {
			pos = i + 1
			continue
		}
		if lineEnd < 0 {
			// "--boundary--junk": accept as final delimiter.
			lineEnd = len(body)
		}
		if start >= 0 {
			end := i
			if end > start && body[end-1] == '\n' {
				end--
				if end > start && body[end-1] == '\r' {
					end--
				}
			}
			parts = append(parts, body[start:end])
			if len(parts) >= max {
				return parts, false
			}
		}
		if final {
			return parts, true
		}
		start = lineEnd
		pos = lineEnd
	}
	if start >= 0 && start <= len(body) {
		parts = append(parts, body[start:])
	}
	return parts, false
}

// guessBoundary finds a line that looks like a multipart delimiter.
func guessBoundary(body []byte) string {
	for pos, n := 0, 0; pos < len(body) && n < 1000; n++ {
		end := bytes.IndexByte(body[pos:], '\n')
		line := body[pos:]
		if end >= 0 {
			line = body[pos : pos+end]
		}
		line = bytes.TrimRight(line, " \t\r")
		if bytes.HasPrefix(line, []byte("--")) && len(line) > 3 && len(line) <= maxBoundaryLen+4 && !bytes.ContainsAny(line, " \t") {
			b := bytes.TrimPrefix(line, []byte("--"))
			b = bytes.TrimSuffix(b, []byte("--"))
			if len(b) > 0 {
				return string(b)
			}
		}
		if end < 0 {
			break
		}
		pos += end + 1
	}
	return ""
}

// unflow joins the soft line breaks of format=flowed text (RFC 3676).
// Each paragraph (a run of soft-broken lines of one quote depth) becomes
// one line; it writes straight into one builder.
func unflow(s string, delsp bool) string {
	var out strings.Builder
	out.Grow(len(s))
	paragraphs := 0 // paragraphs started
	curDepth := -1  // quote depth of the open paragraph, -1 if none
	for rest, more := s, true; more; {
		l := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			l, rest = rest[:i], rest[i+1:]
		} else {
			more = false
		}
		depth := 0
		for depth < len(l) && l[depth] == '>' {
			depth++
		}
		content := l[depth:]
		content = strings.TrimPrefix(content, " ") // space stuffing
		if curDepth >= 0 && depth != curDepth {
			curDepth = -1
		}
		if curDepth < 0 {
			if paragraphs > 0 {
				out.WriteByte('\n')
			}
			paragraphs++
			curDepth = depth
			if depth > 0 {
				for range depth {
					out.WriteByte('>')
				}
				out.WriteByte(' ')
			}
		}
		soft := strings.HasSuffix(content, " ") && content != "-- "
		if soft && delsp {
			content = content[:len(content)-1]
		}
		out.WriteString(content)
		if !soft {
			curDepth = -1
		}
	}
	return out.String()
}

// hfield is one header field: canonical key, unfolded value.
type hfield struct {
	key, value string
}

// header is a parsed header block in document order. It stands in for
// go-message's textproto.Header with the same reading rules: the key is
// the text before the first colon, blanks trimmed, in canonical form; the
// value is the rest with each line's blanks trimmed and the lines joined
// by one blank.
type header struct {
	fields []hfield
}

// Get returns the first value of key, which must be in canonical form.
func (h *header) Get(key string) string {
	for i := range h.fields {
		if h.fields[i].key == key {
			return h.fields[i].value
		}
	}
	return ""
}

// Values returns all values of key (canonical form) in order.
func (h *header) Values(key string) []string {
	var vs []string
	for i := range h.fields {
		if h.fields[i].key == key {
			vs = append(vs, h.fields[i].value)
		}
	}
	return vs
}

// trimBlanks trims spaces and tabs at both ends.
func trimBlanks(s []byte) []byte {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	n := len(s)
	for n > i && (s[n-1] == ' ' || s[n-1] == '\t') {
		n--
	}
	return s[i:n]
}

// headerBuilder collects the kept fields of a header block in one buffer,
// so the block costs one string allocation.
type headerBuilder struct {
	buf  []byte
	offs []int // per field: key start, key end, value start, value end
	open bool  // a field is being built
	vlen int   // bytes of the current value so far
}

func (hb *headerBuilder) startField(line []byte) {
	hb.endField()
	i := bytes.IndexByte(line, ':')
	ks := len(hb.buf)
	hb.buf = append(hb.buf, trimBlanks(line[:i])...)
	hb.offs = append(hb.offs, ks, len(hb.buf), len(hb.buf))
	hb.open = true
	hb.vlen = 0
	hb.addValue(line[i+1:])
}

func (hb *headerBuilder) addValue(piece []byte) {
	piece = trimBlanks(piece)
	if len(piece) == 0 {
		return
	}
	if hb.vlen > 0 {
		hb.buf = append(hb.buf, ' ')
	}
	hb.buf = append(hb.buf, piece...)
	hb.vlen += len(piece)
}

func (hb *headerBuilder) endField() {
	if hb.open {
		hb.offs = append(hb.offs, len(hb.buf))
		hb.open = false
	}
}

func (hb *headerBuilder) header() header {
	hb.endField()
	n := len(hb.offs) / 4
	if n == 0 {
		return header{}
	}
	s := string(hb.buf)
	h := header{fields: make([]hfield, n)}
	for i := range n {
		o := hb.offs[4*i:]
		h.fields[i] = hfield{key: nettextproto.CanonicalMIMEHeaderKey(s[o[0]:o[1]]), value: s[o[2]:o[3]]}
	}
	return h
}
