package hostile

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"fmt"
	"strings"
)

// The big hostile mails are generated here at test time rather than
// committed. Each has a request text that a person could have written, so
// the expected outcome is a case unless said otherwise.

const requestText = "Please delete my account and all personal data you hold about me."

func header(from, subject, msgID string) string {
	return fmt.Sprintf("From: %s\r\nTo: privacy@example.org\r\nSubject: %s\r\nMessage-ID: <%s>\r\nDate: Thu, 26 Nov 2026 10:00:00 +0100\r\nMIME-Version: 1.0\r\n",
		from, subject, msgID)
}

// base64Lines encodes b as base64 in lines of 76 characters.
func base64Lines(b []byte) string {
	enc := base64.StdEncoding.EncodeToString(b)
	var sb strings.Builder
	sb.Grow(len(enc) + len(enc)/76*2 + 2)
	for len(enc) > 76 {
		sb.WriteString(enc[:76])
		sb.WriteString("\r\n")
		enc = enc[76:]
	}
	sb.WriteString(enc)
	sb.WriteString("\r\n")
	return sb.String()
}

// genBigAttachment is a request with an attachment of size bytes (base64).
func genBigAttachment(size int) []byte {
	data := bytes.Repeat([]byte("scan of my passport, page 1 \x00\x01\x02\xff"), size/32+1)[:size]
	return []byte(header("Petra Pdf <petra@example.net>", "Delete my data (ID attached)", "big-attachment@example.net") +
		"Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + requestText +
		"\r\n--b1\r\nContent-Type: application/pdf; name=\"passport.pdf\"\r\nContent-Disposition: attachment; filename=\"passport.pdf\"\r\n" +
		"Content-Transfer-Encoding: base64\r\n\r\n" + base64Lines(data) + "--b1--\r\n")
}

// genLongLine is a request whose body is one line of n bytes.
func genLongLine(n int) []byte {
	line := requestText + " " + strings.Repeat("a", n)
	return []byte(header("Lena Line <lena@example.net>", "Delete my data", "long-line@example.net") +
		"Content-Type: text/plain; charset=utf-8\r\n\r\n" + line + "\r\n")
}

// genNested is a request in depth nested multiparts: the request text in
// the outermost part and again in the innermost.
func genNested(depth int) []byte {
	var sb strings.Builder
	sb.WriteString(header("Nils Nest <nils@example.net>", "Delete my data", "nested@example.net"))
	sb.WriteString("Content-Type: multipart/mixed; boundary=\"n0\"\r\n\r\n--n0\r\nContent-Type: text/plain\r\n\r\n" + requestText + "\r\n")
	for i := 1; i <= depth; i++ {
		fmt.Fprintf(&sb, "--n%d\r\nContent-Type: multipart/mixed; boundary=\"n%d\"\r\n\r\n", i-1, i)
	}
	fmt.Fprintf(&sb, "--n%d\r\nContent-Type: text/plain\r\n\r\nINNERMOST %s\r\n", depth, requestText)
	for i := depth; i >= 0; i-- {
		fmt.Fprintf(&sb, "--n%d--\r\n", i)
	}
	return []byte(sb.String())
}

// genManyHeaders is a request with n extra header fields: Received fields
// before the real ones, as an MTA chain puts them (before), or X- fields after.
func genManyHeaders(n int, before bool) []byte {
	var extra strings.Builder
	for i := range n {
		if before {
			fmt.Fprintf(&extra, "Received: from relay%d.example.net (relay%d.example.net [192.0.2.%d]) by mx.example.org; Thu, 26 Nov 2026 10:00:00 +0100\r\n", i, i, i%250)
		} else {
			fmt.Fprintf(&extra, "X-Spam-Junk-%d: %s\r\n", i, strings.Repeat("j", i%100))
		}
	}
	h := header("Hugo Headers <hugo@example.net>", "Delete my data", "many-headers@example.net")
	if before {
		h = extra.String() + h
	} else {
		h += extra.String()
	}
	return []byte(h + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + requestText + "\r\n")
}

// genHTMLBomb is an HTML-only request with deep nesting, a huge run of
// entities and a wide table.
func genHTMLBomb() []byte {
	var sb strings.Builder
	sb.WriteString(header("Hilde Html <hilde@example.net>", "Delete my data", "html-bomb@example.net"))
	sb.WriteString("Content-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>" + requestText + "</p>\r\n")
	sb.WriteString(strings.Repeat("<div><span><b>", 50000))
	sb.WriteString(strings.Repeat("&amp;&lt;&#x41;&nbsp;&#9999999999;", 20000))
	sb.WriteString("<table>" + strings.Repeat("<tr>"+strings.Repeat("<td>x</td>", 100)+"</tr>\r\n", 500) + "</table>")
	sb.WriteString(strings.Repeat("</b></span></div>", 50000))
	sb.WriteString("<style>" + strings.Repeat("p{color:red}", 10000) + "</style><script>" + strings.Repeat("x", 100000) + "</script></body></html>\r\n")
	return []byte(sb.String())
}

// zipMarker is in a file inside the zip, stored uncompressed, so it is
// visible in the raw mail but must never appear in any text privacyd takes
// from the mail.
const zipMarker = "ZIPPED-CONTENT-MUST-NOT-BE-READ"

// genZip is a request with a zip attachment (a stored file, binary transfer
// encoding, and a highly compressed 10 MB file).
func genZip() []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "note.txt", Method: zip.Store})
	w.Write([]byte(zipMarker + " Please also erase my brother's data."))
	w, _ = zw.Create("zeros.bin")
	w.Write(make([]byte, 10<<20))
	zw.Close()
	return []byte(header("Zara Zip <zara@example.net>", "Delete my data", "zip@example.net") +
		"Content-Type: multipart/mixed; boundary=\"z1\"\r\n\r\n--z1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + requestText +
		"\r\n--z1\r\nContent-Type: application/zip; name=\"docs.zip\"\r\nContent-Disposition: attachment; filename=\"docs.zip\"\r\n" +
		"Content-Transfer-Encoding: binary\r\n\r\n" + buf.String() + "\r\n--z1--\r\n")
}

// oversizeMarker is placed beyond the parse limit of the oversized mail.
const oversizeMarker = "BEYOND-THE-PARSE-LIMIT"

// genOversized is a request of about size bytes: the request text first,
// then filler, then a second text part beyond the parse limit.
func genOversized(size int) []byte {
	return []byte(header("Otto Oversize <otto@example.net>", "Delete my data", "oversized@example.net") +
		"Content-Type: multipart/mixed; boundary=\"o1\"\r\n\r\n--o1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + requestText +
		"\r\n--o1\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
		base64Lines(bytes.Repeat([]byte{0xAB}, size*3/4)) +
		"--o1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + oversizeMarker + " and also my wife's data\r\n--o1--\r\n")
}

// genHugeFields is a request whose Subject is about 200 KB of encoded
// words, whose From lists 1,000 addresses (the first is the sender) and
// whose References hold 10,000 Message-IDs.
func genHugeFields() []byte {
	var subj, from, refs strings.Builder
	subj.WriteString("Delete my data")
	for i := range 3000 {
		fmt.Fprintf(&subj, "\r\n =?utf-8?q?_w=C3=B6rd%d?=", i)
	}
	from.WriteString("Fiona Fields <fiona@example.net>")
	for i := range 999 {
		fmt.Fprintf(&from, ",\r\n other%d@example.net", i)
	}
	for i := range 10000 {
		fmt.Fprintf(&refs, "\r\n <ref%d@example.net>", i)
	}
	return []byte("From: " + from.String() + "\r\nTo: privacy@example.org\r\nSubject: " + subj.String() +
		"\r\nMessage-ID: <huge-fields@example.net>\r\nReferences:" + refs.String() + "\r\nIn-Reply-To: <ref9999@example.net>" +
		"\r\nDate: Thu, 26 Nov 2026 10:00:00 +0100\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + requestText + "\r\n")
}
