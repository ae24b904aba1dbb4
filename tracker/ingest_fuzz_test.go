package tracker

import (
	"context"
	"encoding/json"
	"net/mail"
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

var fuzzDeliver struct {
	once sync.Once
	tr   *Tracker
	uid  uint32
	err  error
}

// FuzzDeliver hands arbitrary mails to the tracker as the IMAP reader does.
// Whatever the bytes: Deliver succeeds, stores the mail (once), and every
// mail it queues can be rendered by the outbox (a hostile address or name
// must not make an acknowledgement unsendable), with recipients that are
// plain addresses.
func FuzzDeliver(f *testing.F) {
	for _, dir := range []string{"../hostile/testdata", "../classify/testdata/corpus"} {
		names, _ := filepath.Glob(filepath.Join(dir, "*.eml"))
		for i, n := range names {
			if dir != "../hostile/testdata" && i%4 != 0 {
				continue // a sample of the classifier corpus is enough
			}
			if b, err := os.ReadFile(n); err == nil && len(b) < 16<<10 {
				f.Add(b)
			}
		}
	}
	f.Add(hxMail("Tom <tom@example.com>", "Delete my data", "r1@example.com", "Please delete all personal data you hold about me."))
	f.Add(hxMail(`"a\"b" <"x y"@example.com>`, "Inzage", "r2@example.com", "Ik wil inzage in mijn gegevens."))
	f.Add(hxMail("=?utf-8?q?=0D=0ABcc:_x@y?= <tom@example.com>", "Inzage", "r3@example.com", "Ik wil inzage in mijn gegevens."))
	f.Add(hxMail("tom@[127.0.0.1]", "Inzage", "r4@example.com", "Ik wil inzage in mijn gegevens."))
	f.Add(hxMail("tom@example.com (Tom)", "Inzage", "", "Ik wil inzage in mijn gegevens."))
	f.Cleanup(func() {
		if fuzzDeliver.tr != nil {
			fuzzDeliver.tr.Close()
			os.RemoveAll(filepath.Dir(fuzzDeliver.tr.opt.Path))
		}
	})
	f.Fuzz(func(t *testing.T, raw []byte) {
		fuzzDeliver.once.Do(func() {
			// tmpfs when there is one: every Deliver commits with fsync.
			base := ""
			if fi, err := os.Stat("/dev/shm"); err == nil && fi.IsDir() {
				base = "/dev/shm"
			}
			dir, err := os.MkdirTemp(base, "privacyd-fuzz-")
			if err != nil {
				fuzzDeliver.err = err
				return
			}
			fuzzDeliver.tr, fuzzDeliver.err = New(context.Background(), Options{
				Path: filepath.Join(dir, "fuzz.db"), Clock: clock.NewFake(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)),
				From: "privacy@example.org", OwnAddresses: []string{"privacy@example.org"},
				StaffAddresses: []string{"staff@example.org"}, StaffNotify: []string{"staff@example.org"},
				CommandKey: []byte("fuzz"), AutoMailsPerSender: 1000,
			})
		})
		if fuzzDeliver.err != nil {
			t.Fatal(fuzzDeliver.err)
		}
		tr := fuzzDeliver.tr
		ctx := context.Background()
		var before, lastOut int
		tr.w.QueryRow(`SELECT COUNT(*) FROM messages`).Scan(&before)
		tr.w.QueryRow(`SELECT COALESCE(MAX(id), 0) FROM outbox`).Scan(&lastOut)
		fuzzDeliver.uid++
		if err := tr.Deliver(ctx, "INBOX", 1, []mailin.Raw{{UID: fuzzDeliver.uid, Data: raw}}); err != nil {
			t.Fatalf("Deliver: %v", err)
		}
		var after int
		tr.w.QueryRow(`SELECT COUNT(*) FROM messages`).Scan(&after)
		if after-before != 1 && after-before != 0 {
			t.Fatalf("%d mails stored for one", after-before)
		}
		rows, err := tr.w.Query(`SELECT id, to_addrs FROM outbox WHERE id > ?`, lastOut)
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for rows.Next() {
			var id int64
			var to string
			rows.Scan(&id, &to)
			var addrs []string
			if err := json.Unmarshal([]byte(to), &addrs); err != nil || len(addrs) == 0 {
				t.Errorf("outbox %d: recipients %q", id, to)
			}
			for _, a := range addrs {
				p, err := mail.ParseAddress(a)
				if err != nil || p.Address != a || strings.ContainsAny(a, "\r\n<>,") {
					t.Errorf("outbox %d: recipient %q is not a plain address (%v)", id, a, err)
				}
			}
			ids = append(ids, id)
		}
		rows.Close()
		due, err := tr.Due(ctx, time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC), 1000)
		if err != nil {
			t.Fatal(err)
		}
		pending := map[int64]bool{}
		for _, m := range due {
			if m.ID <= int64(lastOut) {
				continue
			}
			pending[m.ID] = true
			if _, err := outbox.Render(m); err != nil {
				t.Errorf("outbox %d (%s) cannot be rendered: %v", m.ID, m.Kind, err)
			}
			tr.MarkSent(ctx, m.ID, time.Now())
		}
		for _, id := range ids {
			if !pending[id] {
				t.Errorf("queued mail %d is not due", id)
			}
		}
	})
}
