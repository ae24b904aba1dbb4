package tracker

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"privacyd/message"
)

// idTracker is a Tracker without a database: enough for issuing and
// verifying Message-IDs and for the reference extraction.
func idTracker(key string) *Tracker {
	return &Tracker{key: []byte(key), opt: Options{From: "privacy@example.org", CasePrefix: "DSR"}}
}

func TestMessageIDTokens(t *testing.T) {
	tr := idTracker("key-one-0123456789abcdef0123456789")
	other := idTracker("key-two-0123456789abcdef0123456789")

	id := tr.issueMessageID("DSR-2026-0001", AudienceStaff)
	if !strings.HasSuffix(id, "@example.org") || strings.ContainsAny(id, "<> ") {
		t.Fatalf("issued %q", id)
	}
	r, ok := tr.verifyMessageID(id)
	if !ok || r.CaseID != "DSR-2026-0001" || r.Audience != AudienceStaff {
		t.Fatalf("verify(%q) = %+v, %v", id, r, ok)
	}
	if id2 := tr.issueMessageID("DSR-2026-0001", AudienceStaff); id2 == id {
		t.Error("two issued IDs are equal: the nonce does not vary")
	}
	if _, ok := other.verifyMessageID(id); ok {
		t.Error("an ID issued under another key verified")
	}
	// Upper-case domain: the same address.
	local, dom, _ := strings.Cut(id, "@")
	if _, ok := tr.verifyMessageID(local + "@" + strings.ToUpper(dom)); !ok {
		t.Error("the domain is compared case-sensitively")
	}
	parts := strings.Split(local, ".")
	for _, tc := range []struct {
		name string
		id   string
	}{
		{"another case", strings.Join([]string{"DSR-2026-0002", parts[1], parts[2], parts[3]}, ".") + "@" + dom},
		{"another audience", strings.Join([]string{parts[0], AudienceCustomer, parts[2], parts[3]}, ".") + "@" + dom},
		{"another nonce", strings.Join([]string{parts[0], parts[1], "000000000000", parts[3]}, ".") + "@" + dom},
		{"upper-case token", strings.Join([]string{parts[0], parts[1], parts[2], strings.ToUpper(parts[3])}, ".") + "@" + dom},
		{"short token", strings.Join([]string{parts[0], parts[1], parts[2], parts[3][:23]}, ".") + "@" + dom},
		{"another domain", local + "@evil.example"},
		{"domain suffix", local + "@example.org.evil.example"},
		{"no domain", local},
		{"extra part", "x." + local + "@" + dom},
		{"empty", ""},
		{"angle brackets", "<" + id + ">"},
	} {
		if _, ok := tr.verifyMessageID(tc.id); ok {
			t.Errorf("%s: %q verified", tc.name, tc.id)
		}
	}
	// A token for one case is a token for that case only: the customer's copy
	// of a mail does not open the staff door.
	cust := tr.issueMessageID("DSR-2026-0001", AudienceCustomer)
	if r, ok := tr.verifyMessageID(cust); !ok || r.Audience != AudienceCustomer {
		t.Errorf("customer ID %q: %+v %v", cust, r, ok)
	}
	// Mails about no case.
	none := tr.issueMessageID("", AudienceOwner)
	if r, ok := tr.verifyMessageID(none); !ok || r.CaseID != "" || r.Audience != AudienceOwner {
		t.Errorf("ID about no case %q: %+v %v", none, r, ok)
	}
	msg := tr.issueMessageID("m42", AudienceStaff)
	if r, ok := tr.verifyMessageID(msg); !ok || r.CaseID != "m42" {
		t.Errorf("ID about message 42 %q: %+v %v", msg, r, ok)
	}
}

// issuedSet is a fixed set of IDs issued by tr: the same in every fuzz
// worker process, so seeds built from it verify everywhere. The nonces are
// fixed; the form is issueMessageID's, checked by the test itself.
func issuedSet(t testing.TB, tr *Tracker) []string {
	var out []string
	for i, c := range []string{"DSR-2026-0001", "DSR-2026-0002", "none", "m7", "DSR-2027-12345"} {
		for j, a := range []string{AudienceStaff, AudienceCustomer, AudienceOwner} {
			nonce := fmt.Sprintf("%012x", i*3+j+0xa1b2c3)
			out = append(out, fmt.Sprintf("%s.%s.%s.%s@%s", c, a, nonce, tr.token(c, a, nonce), tr.domain()))
		}
	}
	real := tr.issueMessageID("DSR-2026-0001", AudienceStaff)
	local, _, _ := strings.Cut(real, "@")
	p := strings.Split(local, ".")
	if len(p) != 4 || len(p[2]) != 12 || fmt.Sprintf("%s.%s.%s.%s@%s", p[0], p[1], p[2], tr.token(p[0], p[1], p[2]), tr.domain()) != real {
		t.Fatalf("issueMessageID's form changed: %q", real)
	}
	return out
}

func FuzzVerifyMessageID(f *testing.F) {
	tr := idTracker("fuzz-key-0123456789abcdef01234567")
	issued := issuedSet(f, tr)
	for _, id := range issued[:4] {
		f.Add(id, uint(3), byte('x'))
	}
	f.Add("DSR-2026-0001.s.0123456789ab.0123456789abcdef01234567@example.org", uint(0), byte(0))
	f.Add("none.o.aaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbb@EXAMPLE.ORG", uint(40), byte('A'))
	f.Add("CAFk9=xyz@mail.gmail.com", uint(1), byte('.'))
	f.Fuzz(func(t *testing.T, s string, pos uint, b byte) {
		// 1. An arbitrary string verifies only if it is one of the issued IDs
		// (the domain compares case-insensitively).
		if _, ok := tr.verifyMessageID(s); ok && !slices.ContainsFunc(issued, func(id string) bool { return sameID(id, s) }) {
			t.Fatalf("accepted %q, which was never issued", s)
		}
		// 2. Any change of one byte of an issued ID is rejected, unless it
		// only changes the case of the domain.
		id := issued[int(pos/256)%len(issued)]
		i := int(pos % uint(len(id)))
		mut := id[:i] + string([]byte{b}) + id[i+1:]
		if _, ok := tr.verifyMessageID(mut); ok && !sameID(id, mut) {
			t.Fatalf("mutation %q of issued %q was accepted", mut, id)
		}
		// 3. Inserting or deleting a byte is rejected too.
		ins := id[:i] + string([]byte{b}) + id[i:]
		if _, ok := tr.verifyMessageID(ins); ok {
			t.Fatalf("insertion %q into %q was accepted", ins, id)
		}
		del := id[:i] + id[i+1:]
		if _, ok := tr.verifyMessageID(del); ok {
			t.Fatalf("deletion %q from %q was accepted", del, id)
		}
	})
}

// sameID reports whether a and b are the same Message-ID, the domain compared
// case-insensitively.
func sameID(a, b string) bool {
	la, da, _ := strings.Cut(a, "@")
	lb, db, _ := strings.Cut(b, "@")
	return la == lb && strings.EqualFold(da, db) && strings.Count(b, "@") == 1
}

func TestCaseRefs(t *testing.T) {
	tr := idTracker("k")
	for _, tc := range []struct {
		subject string
		want    []string
	}{
		{"Re: Delete my data [DSR-2026-0001]", []string{"DSR-2026-0001"}},
		{"re: dsr-2026-0001 and DSR-2025-12345", []string{"DSR-2026-0001", "DSR-2025-12345"}},
		{"XDSR-2026-0001", nil},
		{"DSR-2026-001", nil},
		{"DSR-26-0001", nil},
		{"DSR-2026-0001x", nil},
		{"Ticket #4711", nil},
		{strings.Repeat("DSR-2026-0001 ", 100), []string{"DSR-2026-0001", "DSR-2026-0001", "DSR-2026-0001", "DSR-2026-0001", "DSR-2026-0001"}},
	} {
		if got := tr.caseRefs(tc.subject); !slices.Equal(got, tc.want) {
			t.Errorf("caseRefs(%.40q) = %v, want %v", tc.subject, got, tc.want)
		}
	}
}

func TestRefsOf(t *testing.T) {
	m := &message.Message{InReplyTo: []string{"c@x"}, References: []string{"a@x", "b@x", "c@x"}}
	if got, want := refsOf(m), []string{"c@x", "b@x", "a@x"}; !slices.Equal(got, want) {
		t.Errorf("refsOf = %v, want %v (In-Reply-To, then References newest first, no repeats)", got, want)
	}
}

var caseIDRe = regexp.MustCompile(`^DSR-\d{4}-\d{4,}$`)

// FuzzThreadRefs runs hostile Subject, In-Reply-To and References headers
// through message.Parse and the thread/case-reference extraction.
func FuzzThreadRefs(f *testing.F) {
	tr := idTracker("fuzz-key-0123456789abcdef01234567")
	staff := issuedSet(f, tr)[0]
	f.Add("Re: Delete my data [DSR-2026-0001]", "<"+staff+">", "<req@example.com> <"+staff+">")
	f.Add("=?utf-8?q?Re:_Inzage_=5BDSR-2026-0002=5D?=", "<a@b> <c@d>", "<a@b>\r\n <c@d>")
	f.Add("AW: WG: [dsr-2026-0003] Auskunft", "", "<<<>>> <a@b")
	f.Add(strings.Repeat("DSR-2026-0001", 50), strings.Repeat("<x@y>", 200), "")
	f.Add("Re:\r\nBcc: victim@example.com", "<a@b>\r\nX-Injected: 1", "(comment) <a@b> garbage")
	f.Fuzz(func(t *testing.T, subject, inReplyTo, references string) {
		raw := fmt.Sprintf("From: tom@example.com\r\nSubject: %s\r\nIn-Reply-To: %s\r\nReferences: %s\r\nMessage-ID: <m@example.com>\r\n\r\nbody\r\n",
			subject, inReplyTo, references)
		m := message.Parse([]byte(raw), message.Options{MaxBytes: 1 << 20})
		refs := refsOf(m)
		if len(refs) > len(m.InReplyTo)+len(m.References) {
			t.Fatalf("refsOf gave %d refs from %d+%d", len(refs), len(m.InReplyTo), len(m.References))
		}
		seen := map[string]bool{}
		for _, r := range refs {
			if seen[r] && !slices.Contains(m.InReplyTo, r) {
				t.Fatalf("reference %q repeated", r)
			}
			seen[r] = true
			if !slices.Contains(m.InReplyTo, r) && !slices.Contains(m.References, r) {
				t.Fatalf("reference %q from nowhere", r)
			}
			if strings.ContainsAny(r, "<>\r\n") {
				t.Fatalf("reference %q holds brackets or line breaks", r)
			}
			if ref, ok := tr.verifyMessageID(r); ok && r != staff && !sameID(staff, r) {
				t.Fatalf("reference %q verified as %+v", r, ref)
			}
		}
		cases := tr.caseRefs(m.Subject)
		if len(cases) > 5 {
			t.Fatalf("%d case references", len(cases))
		}
		for _, c := range cases {
			if !caseIDRe.MatchString(c) {
				t.Fatalf("case reference %q is not a case ID", c)
			}
			if !strings.Contains(strings.ToUpper(m.Subject), c) {
				t.Fatalf("case reference %q not in subject %q", c, m.Subject)
			}
		}
		if direct := tr.caseRefs(subject); len(direct) > 5 {
			t.Fatalf("%d case references from the raw subject", len(direct))
		}
	})
}
