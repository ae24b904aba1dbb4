package tracker

import (
	"fmt"
	"testing"
	"time"

	"privacyd/clock"
)

// TestIngestFailureIsolated: when handling one mail fails inside the batch
// (here a trigger refuses its case), its partial effects are rolled back,
// the mail is still stored, marked "error", for staff, and the other mails of
// the batch and the checkpoint commit as usual.
func TestIngestFailureIsolated(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
	tr, _ := hxTracker(t, clk, nil)
	// The writer pool has one connection, so the temporary trigger is seen by Deliver.
	if _, err := tr.w.Exec(`CREATE TEMP TRIGGER refuse_tom BEFORE INSERT ON main.events
		WHEN NEW.type = 'case_opened' AND (SELECT requester FROM main.cases WHERE id = NEW.case_id) = 'tom@example.com'
		BEGIN SELECT RAISE(ABORT, 'injected failure'); END`); err != nil {
		t.Fatal(err)
	}
	hxDeliver(t, tr, clk.Now(),
		hxMail("Tom <tom@example.com>", "Delete my data", "r1@example.com", "Please delete my data."),
		hxMail("Anna <anna@example.nl>", "Inzage", "r2@example.nl", "Ik wil graag inzage in mijn persoonsgegevens."))

	if n := hxCount(t, tr.DB(), `SELECT COUNT(*) FROM cases WHERE requester = 'tom@example.com'`); n != 0 {
		t.Errorf("Tom's failed mail left %d cases", n)
	}
	if n := hxCount(t, tr.DB(), `SELECT COUNT(*) FROM outbox WHERE to_addrs LIKE '%tom@%'`); n != 0 {
		t.Errorf("Tom's failed mail left %d queued mails", n)
	}
	if n := hxCount(t, tr.DB(), `SELECT COUNT(*) FROM messages WHERE message_id = 'r1@example.com' AND disposition = 'error' AND raw IS NOT NULL AND case_id IS NULL`); n != 1 {
		t.Errorf("Tom's mail stored %d times with disposition error, want 1", n)
	}
	if n := hxCount(t, tr.DB(), `SELECT COUNT(*) FROM cases WHERE requester = 'anna@example.nl'`); n != 1 {
		t.Errorf("Anna has %d cases, want 1", n)
	}
	if n := hxCount(t, tr.DB(), `SELECT last_uid FROM checkpoint WHERE mailbox = 'INBOX'`); n != 2 {
		t.Errorf("checkpoint at uid %d, want 2", n)
	}
}

// TestIngestFailureAfterGoodMail: a batch is first handled without
// savepoints; when a later mail fails, the whole batch is handled again mail
// by mail. The mail before it must then have its effects once, exactly as
// when it is delivered alone, and keep its case ID.
func TestIngestFailureAfterGoodMail(t *testing.T) {
	anna := func() []byte {
		return hxMail("Anna <anna@example.nl>", "Inzage", "r2@example.nl", "Ik wil graag inzage in mijn persoonsgegevens.")
	}
	counts := func(tr *Tracker) string {
		return fmt.Sprintf("cases %d, messages %d, events %d, outbox %d",
			hxCount(t, tr.DB(), `SELECT COUNT(*) FROM cases WHERE requester = 'anna@example.nl'`),
			hxCount(t, tr.DB(), `SELECT COUNT(*) FROM messages WHERE from_addr = 'anna@example.nl'`),
			hxCount(t, tr.DB(), `SELECT COUNT(*) FROM events WHERE case_id IN (SELECT id FROM cases WHERE requester = 'anna@example.nl')`),
			hxCount(t, tr.DB(), `SELECT COUNT(*) FROM outbox WHERE case_id IN (SELECT id FROM cases WHERE requester = 'anna@example.nl')`))
	}

	clk := clock.NewFake(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
	alone, _ := hxTracker(t, clk, nil)
	hxDeliver(t, alone, clk.Now(), anna())
	want := counts(alone)

	tr, _ := hxTracker(t, clk, nil)
	if _, err := tr.w.Exec(`CREATE TEMP TRIGGER refuse_tom BEFORE INSERT ON main.events
		WHEN NEW.type = 'case_opened' AND (SELECT requester FROM main.cases WHERE id = NEW.case_id) = 'tom@example.com'
		BEGIN SELECT RAISE(ABORT, 'injected failure'); END`); err != nil {
		t.Fatal(err)
	}
	hxDeliver(t, tr, clk.Now(), anna(),
		hxMail("Tom <tom@example.com>", "Delete my data", "r1@example.com", "Please delete my data."))
	if got := counts(tr); got != want {
		t.Errorf("Anna's mail before the failing one: %s; delivered alone: %s", got, want)
	}
	var aloneID, id string
	if err := alone.DB().QueryRow(`SELECT id FROM cases`).Scan(&aloneID); err != nil {
		t.Fatal(err)
	}
	if err := tr.DB().QueryRow(`SELECT id FROM cases WHERE requester = 'anna@example.nl'`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	if id != aloneID {
		t.Errorf("Anna's case is %s, want %s (the rolled-back first pass must not use up case numbers)", id, aloneID)
	}
	if n := hxCount(t, tr.DB(), `SELECT COUNT(*) FROM messages WHERE message_id = 'r1@example.com' AND disposition = 'error'`); n != 1 {
		t.Errorf("Tom's mail stored %d times with disposition error, want 1", n)
	}
}
