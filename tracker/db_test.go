package tracker

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"privacyd/clock"
	"privacyd/mailin"
)

// hxTracker opens a Tracker on a fresh database file in a temp dir, with a
// fake clock, privacy@example.org as its own address and staff@example.org as
// staff. mod may adjust the options.
func hxTracker(t testing.TB, clk *clock.Fake, mod func(*Options)) (*Tracker, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "privacyd.db")
	opt := Options{
		Path: path, Clock: clk,
		From: "privacy@example.org", FromName: "Example Shop",
		OwnAddresses:   []string{"privacy@example.org"},
		StaffAddresses: []string{"staff@example.org"},
		StaffNotify:    []string{"staff@example.org"},
		CommandKey:     []byte("0123456789abcdef0123456789abcdef"),
	}
	if mod != nil {
		mod(&opt)
	}
	tr, err := New(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tr.Close() })
	return tr, path
}

// hxMail is a plain-text mail.
func hxMail(from, subject, msgID, body string, headers ...string) []byte {
	h := strings.Join(headers, "\r\n")
	if h != "" {
		h += "\r\n"
	}
	return []byte(fmt.Sprintf("From: %s\r\nTo: privacy@example.org\r\nSubject: %s\r\nMessage-ID: <%s>\r\n"+
		"Date: Thu, 26 Nov 2026 10:00:00 +0100\r\n%sMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n%s\r\n",
		from, subject, msgID, h, body))
}

// hxDeliver hands raw mails to tr as the IMAP reader would, with UIDs
// continuing from the checkpoint of INBOX (uidvalidity 1).
func hxDeliver(t testing.TB, tr *Tracker, at time.Time, raws ...[]byte) {
	t.Helper()
	ctx := context.Background()
	_, last, err := tr.Checkpoint(ctx, "INBOX")
	if err != nil {
		t.Fatal(err)
	}
	batch := make([]mailin.Raw, len(raws))
	for i, r := range raws {
		batch[i] = mailin.Raw{UID: last + uint32(i) + 1, InternalDate: at, Data: r}
	}
	if err := tr.Deliver(ctx, "INBOX", 1, batch); err != nil {
		t.Fatal(err)
	}
}

func hxCount(t testing.TB, db *sql.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func rawDB(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestDBRefusesNewerSchema(t *testing.T) {
	tr, path := hxTracker(t, clock.NewFake(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)), nil)
	tr.Close()
	db := rawDB(t, path)
	if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d", len(migrations)+1)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err := New(context.Background(), Options{Path: path})
	if err == nil {
		t.Fatal("a database of a newer schema was opened")
	}
	if !strings.Contains(err.Error(), "newer") {
		t.Errorf("error %q does not say the database is newer", err)
	}
	// Nothing was changed: the version is still the newer one.
	db = rawDB(t, path)
	if v := hxCount(t, db, "PRAGMA user_version"); v != len(migrations)+1 {
		t.Errorf("user_version %d after the refused open, want %d", v, len(migrations)+1)
	}
}

func TestDBReopenIsNoOp(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
	tr, path := hxTracker(t, clk, func(o *Options) { o.CommandKey = nil })
	hxDeliver(t, tr, clk.Now(), hxMail("Tom <tom@example.com>", "Delete my data", "r1@example.com",
		"Please delete all personal data you hold about me."))
	key := string(tr.key)
	tr.Close()

	for i := range 2 {
		tr2, err := New(context.Background(), Options{Path: path, Clock: clk})
		if err != nil {
			t.Fatalf("reopen %d: %v", i, err)
		}
		if v := hxCount(t, tr2.DB(), "PRAGMA user_version"); v != len(migrations) {
			t.Errorf("reopen %d: user_version %d, want %d", i, v, len(migrations))
		}
		if n := hxCount(t, tr2.DB(), "SELECT COUNT(*) FROM cases"); n != 1 {
			t.Errorf("reopen %d: %d cases, want 1", i, n)
		}
		if string(tr2.key) != key {
			t.Errorf("reopen %d: the generated command key changed", i)
		}
		tr2.Close()
	}
}

func TestDBFileMode0600(t *testing.T) {
	old := syscallUmask(0) // the most permissive umask: the mode must come from privacyd
	defer syscallUmask(old)
	clk := clock.NewFake(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
	tr, path := hxTracker(t, clk, nil)
	hxDeliver(t, tr, clk.Now(), hxMail("Tom <tom@example.com>", "Delete my data", "r1@example.com", "Please delete my data."))
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(p), err)
			continue
		}
		if m := fi.Mode().Perm(); m != 0o600 {
			t.Errorf("%s has mode %o, want 600", filepath.Base(p), m)
		}
	}
}

func TestDBWALAndBusyTimeout(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
	tr, path := hxTracker(t, clk, nil)
	for name, db := range map[string]*sql.DB{"writer": tr.w, "reader": tr.r} {
		var mode string
		if err := db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil {
			t.Fatal(err)
		}
		if mode != "wal" {
			t.Errorf("%s: journal_mode %q, want wal", name, mode)
		}
		if ms := hxCount(t, db, "PRAGMA busy_timeout"); ms < 1000 {
			t.Errorf("%s: busy_timeout %d ms, want at least 1000", name, ms)
		}
		if fk := hxCount(t, db, "PRAGMA foreign_keys"); fk != 1 {
			t.Errorf("%s: foreign_keys %d, want 1", name, fk)
		}
		if sd := hxCount(t, db, "PRAGMA secure_delete"); sd != 1 {
			t.Errorf("%s: secure_delete %d, want 1 (retention must not leave erased bytes in free pages)", name, sd)
		}
	}
	if _, err := tr.r.Exec("INSERT INTO kv (key, value) VALUES ('x', 'y')"); err == nil {
		t.Error("the reader pool could write")
	}

	// Another process holds the write lock for a moment: privacyd's write
	// waits for it (busy_timeout) instead of failing with SQLITE_BUSY.
	other := rawDB(t, path)
	conn, err := other.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	release := time.AfterFunc(300*time.Millisecond, func() {
		conn.ExecContext(context.Background(), "COMMIT")
	})
	defer release.Stop()
	// A reader is not blocked by the writer (WAL).
	if n := hxCount(t, tr.DB(), "SELECT COUNT(*) FROM cases"); n != 0 {
		t.Errorf("%d cases", n)
	}
	start := time.Now()
	hxDeliver(t, tr, clk.Now(), hxMail("Tom <tom@example.com>", "Delete my data", "r1@example.com", "Please delete my data."))
	if time.Since(start) < 200*time.Millisecond {
		t.Errorf("the write did not wait for the other writer's lock (%v)", time.Since(start))
	}
	if n := hxCount(t, tr.DB(), "SELECT COUNT(*) FROM cases"); n != 1 {
		t.Errorf("%d cases after the lock was released, want 1", n)
	}
}

func TestBackupWhileWriting(t *testing.T) {
	old := syscallUmask(0)
	defer syscallUmask(old)
	clk := clock.NewFake(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
	tr, _ := hxTracker(t, clk, nil)
	hxDeliver(t, tr, clk.Now(), hxMail("Tom <tom@example.com>", "Delete my data", "r0@example.com", "Please delete my data."))

	// A writer delivers mails (each a case, its message, two outbox mails and
	// the checkpoint, in one transaction) while backups are taken.
	var stop atomic.Bool
	var wg sync.WaitGroup
	var written atomic.Int64
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 1; !stop.Load() && i < 2000; i++ {
			raw := hxMail(fmt.Sprintf("P%d <p%d@example.net>", i, i), "Inzageverzoek", fmt.Sprintf("r%d@example.net", i),
				"Graag wil ik inzage in mijn persoonsgegevens (artikel 15 AVG).")
			_, last, err := tr.Checkpoint(context.Background(), "INBOX")
			if err != nil {
				t.Error(err)
				return
			}
			if err := tr.Deliver(context.Background(), "INBOX", 1, []mailin.Raw{{UID: last + 1, InternalDate: clk.Now(), Data: raw}}); err != nil {
				t.Error(err)
				return
			}
			written.Add(1)
		}
	}()
	dir := t.TempDir()
	for i := range 3 {
		for written.Load() < int64(5*(i+1)) && !stop.Load() {
			time.Sleep(time.Millisecond) // let the writer make progress between backups
		}
		dst := filepath.Join(dir, fmt.Sprintf("backup-%d.db", i))
		if err := tr.Backup(context.Background(), dst); err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(dst)
		if err != nil {
			t.Fatal(err)
		}
		if m := fi.Mode().Perm(); m != 0o600 {
			t.Errorf("backup has mode %o, want 600", m)
		}
		if err := tr.Backup(context.Background(), dst); err == nil {
			t.Error("a backup overwrote an existing file")
		}
		db := rawDB(t, dst)
		var ok string
		if err := db.QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
			t.Errorf("backup %d integrity_check %q %v", i, ok, err)
		}
		cases := hxCount(t, db, "SELECT COUNT(*) FROM cases")
		msgs := hxCount(t, db, "SELECT COUNT(*) FROM messages")
		last := hxCount(t, db, "SELECT last_uid FROM checkpoint WHERE mailbox = 'INBOX'")
		outbox := hxCount(t, db, "SELECT COUNT(*) FROM outbox")
		if cases < 1 || cases != msgs || last != msgs || outbox != 2*cases {
			t.Errorf("backup %d is not one consistent state: %d cases, %d messages, checkpoint %d, %d outbox mails",
				i, cases, msgs, last, outbox)
		}
		if v := hxCount(t, db, "PRAGMA user_version"); v != len(migrations) {
			t.Errorf("backup user_version %d, want %d", v, len(migrations))
		}
		db.Close()
		// The backup opens as a register.
		b, err := New(context.Background(), Options{Path: dst, Clock: clk})
		if err != nil {
			t.Fatalf("open backup: %v", err)
		}
		b.Close()
	}
	stop.Store(true)
	wg.Wait()
	if written.Load() < 15 {
		t.Errorf("only %d mails were written during the backups", written.Load())
	}
}

func syscallUmask(m int) int { return syscall.Umask(m) }

// TestDBUpgrade opens a database of every earlier schema version with the
// current binary: the missing migrations run, once, and the data stays.
func TestDBUpgrade(t *testing.T) {
	all := migrations
	defer func() { migrations = all }()
	for v := 1; v < len(all); v++ {
		t.Run(fmt.Sprintf("from v%d", v), func(t *testing.T) {
			migrations = all[:v]
			clk := clock.NewFake(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
			tr, path := hxTracker(t, clk, nil)
			// The code of today writes columns an old schema lacks, so the
			// old register's content is written as SQL of schema v1.
			if _, err := tr.w.Exec(`INSERT INTO cases (id, year, seq, status, rights, language, requester, requester_name,
				representative, triage, repetitive, received_at, received_date, clock_start, due, extended_due, subject, message_id,
				created_at, updated_at) VALUES ('DSR-2026-000001', 2026, 1, 'in_progress', 'erasure', 'en', 'tom@example.com', 'Tom',
				0, 0, 0, '2026-11-27T09:00:00.000000000Z', '2026-11-27', '2026-11-27', '2026-12-28', '2027-02-26', 'Delete my data',
				'r1@example.com', '2026-11-27T09:00:00.000000000Z', '2026-11-27T09:00:00.000000000Z')`); err != nil {
				t.Fatal(err)
			}
			tx, err := tr.w.Begin()
			if err != nil {
				t.Fatal(err)
			}
			if err := tr.event(context.Background(), tx, "DSR-2026-000001", "privacyd", "case_opened", 0, "", "in_progress", ""); err != nil {
				t.Fatal(err)
			}
			if err := tx.Commit(); err != nil {
				t.Fatal(err)
			}
			tr.Close()
			migrations = all
			tr2, err := New(context.Background(), Options{Path: path, Clock: clk})
			if err != nil {
				t.Fatalf("upgrade from v%d: %v", v, err)
			}
			defer tr2.Close()
			if got := hxCount(t, tr2.DB(), "PRAGMA user_version"); got != len(all) {
				t.Errorf("user_version %d after the upgrade, want %d", got, len(all))
			}
			if n := hxCount(t, tr2.DB(), "SELECT COUNT(*) FROM cases"); n != 1 {
				t.Errorf("%d cases after the upgrade, want 1", n)
			}
			// The event log is still append-only.
			if _, err := tr2.w.Exec(`UPDATE events SET detail = 'x'`); err == nil {
				t.Error("events could be changed after the upgrade")
			}
		})
	}
}
