package tracker

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"hash"
	"regexp"
	"strings"
)

// Audiences of outgoing mail; part of every Message-ID privacyd issues.
const (
	AudienceCustomer = "c"
	AudienceStaff    = "s"
	AudienceOwner    = "o"
)

// nextCaseID allocates the next case ID of year, like DSR-2026-0001.
func (t *Tracker) nextCaseID(ctx context.Context, tx *sql.Tx, year int) (string, int, error) {
	var seq int
	if err := t.queryRow(ctx, tx, `SELECT COALESCE(MAX(seq), 0) + 1 FROM cases WHERE year = ?`, year).Scan(&seq); err != nil {
		return "", 0, fmt.Errorf("allocate case id: %w", err)
	}
	return fmt.Sprintf("%s-%d-%04d", t.opt.CasePrefix, year, seq), seq, nil
}

// caseRefPattern matches a case ID with prefix, e.g. "DSR-2026-0001".
func caseRefPattern(prefix string) *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(prefix) + `-\d{4}-\d{4,}\b`)
}

// caseRef matches a case ID in a subject, e.g. "[DSR-2026-0001]".
func (t *Tracker) caseRefs(subject string) []string {
	re := t.caseRefRe
	if re == nil { // a Tracker not made by New (tests)
		re = caseRefPattern(t.opt.CasePrefix)
	}
	var out []string
	for _, m := range re.FindAllString(subject, 5) {
		out = append(out, strings.ToUpper(m))
	}
	return out
}

// issueMessageID returns a fresh Message-ID (without angle brackets) for a
// mail about caseID to audience. It carries a keyed token, so a reply that
// references it proves it answers a mail privacyd sent to that audience about
// that case: <case>.<audience>.<nonce>.<token>@<domain>.
func (t *Tracker) issueMessageID(caseID, audience string) string {
	if caseID == "" {
		caseID = "none"
	}
	nonce := make([]byte, 6)
	rand.Read(nonce)
	n := hex.EncodeToString(nonce)
	return fmt.Sprintf("%s.%s.%s.%s@%s", caseID, audience, n, t.token(caseID, audience, n), t.domain())
}

func (t *Tracker) token(caseID, audience, nonce string) string {
	mac, _ := t.macs.Get().(hash.Hash)
	if mac == nil {
		mac = hmac.New(sha256.New, t.key)
	}
	mac.Reset()
	var buf [128]byte
	b := append(append(append(append(append(buf[:0], caseID...), '|'), audience...), '|'), nonce...)
	mac.Write(b)
	var sum [sha256.Size]byte
	tok := hex.EncodeToString(mac.Sum(sum[:0]))[:24]
	t.macs.Put(mac)
	return tok
}

// IssuedRef is what a Message-ID issued by privacyd says, once its token checks out.
type IssuedRef struct {
	CaseID   string
	Audience string
}

// verifyMessageID checks that id was issued by privacyd (its token matches)
// and returns its case and audience.
func (t *Tracker) verifyMessageID(id string) (IssuedRef, bool) {
	local, dom, ok := strings.Cut(id, "@")
	if !ok || !strings.EqualFold(dom, t.domain()) {
		return IssuedRef{}, false
	}
	parts := strings.Split(local, ".")
	if len(parts) != 4 {
		return IssuedRef{}, false
	}
	caseID, aud, nonce, tok := parts[0], parts[1], parts[2], parts[3]
	if !hmac.Equal([]byte(tok), []byte(t.token(caseID, aud, nonce))) {
		return IssuedRef{}, false
	}
	if caseID == "none" {
		caseID = ""
	}
	return IssuedRef{CaseID: caseID, Audience: aud}, true
}
