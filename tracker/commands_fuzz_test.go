package tracker

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"privacyd/clock"
	"privacyd/mailin"
	"privacyd/outbox"
)

var fuzzCmd struct {
	once  sync.Once
	tr    *Tracker
	cases []string
	uid   uint32
	err   error
}

// caseState is everything about a case a command could change.
func caseState(t *testing.T, tr *Tracker, id string) string {
	t.Helper()
	c, err := tr.Case(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	var ev, out int
	tr.w.QueryRow(`SELECT COUNT(*) FROM events WHERE case_id = ? AND type NOT IN ('command_refused')`, id).Scan(&ev)
	tr.w.QueryRow(`SELECT COUNT(*) FROM outbox WHERE case_id = ? AND audience = 'c'`, id).Scan(&out)
	return fmt.Sprintf("%+v events=%d customer_mails=%d", *c, ev, out)
}

// FuzzCommandMail sends staff replies with fuzzed bodies, from staff or not,
// carrying a valid staff token, a customer token, another case's token, a
// forged token or none. Only staff with a valid staff token may change a
// case, and then only that case; whatever the text, Deliver succeeds and
// every mail it queues renders.
func FuzzCommandMail(f *testing.F) {
	for _, body := range []string{
		"#verified\n#extend complex: data in five systems\n\nAnna",
		"#done All your data has been erased.",
		"#refuse U bent geen klant van ons.",
		"#fee 25 manifestly excessive",
		"#rights access, erasure\n#note checked",
		"#reply Dear Tom,\n<script>alert(1)</script>\r\nBcc: x@evil.example",
		"#open erasure",
		"#help",
		"#withdrawn\n#notarequest\n#done",
		"#extend\u00a0reason",
	} {
		for kind := range byte(5) {
			f.Add(body, true, kind, uint8(0))
		}
		f.Add(body, false, byte(0), uint8(1))
	}
	f.Cleanup(func() {
		if fuzzCmd.tr != nil {
			fuzzCmd.tr.Close()
			os.RemoveAll(filepath.Dir(fuzzCmd.tr.opt.Path))
		}
	})
	f.Fuzz(func(t *testing.T, body string, fromStaff bool, tokenKind byte, which uint8) {
		fuzzCmd.once.Do(func() {
			base := ""
			if fi, err := os.Stat("/dev/shm"); err == nil && fi.IsDir() {
				base = "/dev/shm"
			}
			dir, err := os.MkdirTemp(base, "privacyd-fuzz-")
			if err != nil {
				fuzzCmd.err = err
				return
			}
			clk := clock.NewFake(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
			fuzzCmd.tr, fuzzCmd.err = New(context.Background(), Options{
				Path: filepath.Join(dir, "fuzz.db"), Clock: clk,
				From: "privacy@example.org", OwnAddresses: []string{"privacy@example.org"},
				StaffAddresses: []string{"staff@example.org"}, StaffNotify: []string{"staff@example.org"},
				CommandKey: []byte("fuzz"), AutoMailsPerSender: 1000,
			})
			if fuzzCmd.err != nil {
				return
			}
			for i := range 3 {
				fuzzCmd.uid++
				raw := hxMail(fmt.Sprintf("C%d <c%d@example.net>", i, i), "Delete my data", fmt.Sprintf("req%d@example.net", i),
					"Please delete all personal data you hold about me.")
				if err := fuzzCmd.tr.Deliver(context.Background(), "INBOX", 1, []mailin.Raw{{UID: fuzzCmd.uid, Data: raw}}); err != nil {
					fuzzCmd.err = err
					return
				}
			}
			cs, err := fuzzCmd.tr.Cases(context.Background(), Filter{})
			for _, c := range cs {
				fuzzCmd.cases = append(fuzzCmd.cases, c.ID)
			}
			fuzzCmd.err = err
		})
		if fuzzCmd.err != nil {
			t.Fatal(fuzzCmd.err)
		}
		tr := fuzzCmd.tr
		ctx := context.Background()
		target := fuzzCmd.cases[int(which)%len(fuzzCmd.cases)]
		other := fuzzCmd.cases[(int(which)+1)%len(fuzzCmd.cases)]
		var ref string
		authorized := false
		switch tokenKind % 5 {
		case 0:
			ref, authorized = tr.issueMessageID(target, AudienceStaff), fromStaff
		case 1:
			ref = tr.issueMessageID(target, AudienceCustomer)
		case 2:
			ref = tr.issueMessageID(other, AudienceStaff) // authorized for the other case only
		case 3:
			real := tr.issueMessageID(target, AudienceStaff)
			ref = real[:strings.LastIndex(real, ".")+1] + "0123456789abcdef01234567@example.org"
		case 4:
			ref = "req0@example.net"
		}
		from := "Mallory <staff@example.org.evil.example>"
		if fromStaff {
			from = "Anna <staff@example.org>"
		}
		before := map[string]string{}
		for _, id := range fuzzCmd.cases {
			before[id] = caseState(t, tr, id)
		}
		var lastOut int64
		tr.w.QueryRow(`SELECT COALESCE(MAX(id), 0) FROM outbox`).Scan(&lastOut)
		fuzzCmd.uid++
		raw := hxMail(from, "Re: ["+target+"]", fmt.Sprintf("cmd%d@example.org", fuzzCmd.uid), body,
			"In-Reply-To: <"+ref+">", "References: <"+ref+">")
		if err := tr.Deliver(ctx, "INBOX", 1, []mailin.Raw{{UID: fuzzCmd.uid, Data: raw}}); err != nil {
			t.Fatalf("Deliver: %v", err)
		}
		for _, id := range fuzzCmd.cases {
			mayChange := authorized && id == target || tokenKind%5 == 2 && fromStaff && id == other
			if after := caseState(t, tr, id); after != before[id] && !mayChange {
				t.Fatalf("case %s changed (authorized %v, token kind %d, from staff %v):\nbefore %s\nafter  %s",
					id, authorized, tokenKind%5, fromStaff, before[id], after)
			}
			c, _ := tr.Case(ctx, id)
			switch c.Status {
			case StatusAwaitingIdentity, StatusInProgress, StatusExtended, StatusAwaitingPayment,
				StatusCompleted, StatusRefused, StatusWithdrawn, StatusNotARequest:
			default:
				t.Fatalf("case %s has status %q", id, c.Status)
			}
		}
		due, err := tr.Due(ctx, time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC), 1000)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range due {
			if m.ID <= lastOut {
				continue
			}
			// A mail not from staff may tell staff, or answer its own
			// sender as a new customer, but mails nobody else.
			if !fromStaff && (len(m.To) != 1 || m.To[0] != "staff@example.org" && m.To[0] != "staff@example.org.evil.example") {
				t.Errorf("a mail not from staff queued %s to %v", m.Kind, m.To)
			}
			if _, err := outbox.Render(m); err != nil {
				t.Errorf("outbox %d (%s) cannot be rendered: %v", m.ID, m.Kind, err)
			}
			tr.MarkSent(ctx, m.ID, time.Now())
		}
	})
}
