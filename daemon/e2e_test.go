package daemon_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"privacyd/internal/e2e"
	"privacyd/internal/imaptest"
	"privacyd/message"
)

const (
	privacyAddr = "privacy@example.org"
	staffAddr   = "staff@example.org"
)

// env is privacyd against real in-process IMAP and SMTP servers, with a
// database file in a temp dir and a fake clock (internal/e2e).
type env struct{ *e2e.Env }

func newEnv(t *testing.T, extraYAML string, opts ...imaptest.Option) *env {
	t.Helper()
	return &env{e2e.New(t, e2e.Options{ExtraYAML: extraYAML, IMAP: opts})}
}

// appendMail delivers raw (LF line ends allowed) to the INBOX at at.
func (e *env) appendMail(raw string, at time.Time) {
	e.T.Helper()
	e.Append(e2e.CRLF(raw), at)
}

func mail(from, subject, msgID, body string, headers ...string) string {
	h := strings.Join(headers, "\n")
	if h != "" {
		h += "\n"
	}
	return fmt.Sprintf("From: %s\nTo: %s\nSubject: %s\nMessage-ID: <%s>\nDate: Thu, 26 Nov 2026 10:00:00 +0100\n%sMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n%s\n",
		from, privacyAddr, subject, msgID, h, body)
}

var (
	nlAccess = mail("Marieke Jansen <marieke@example.net>", "Inzageverzoek", "req-nl@example.net",
		"Beste,\n\nGraag wil ik op grond van artikel 15 AVG inzage in de persoonsgegevens die u van mij verwerkt.\n\nGroet,\nMarieke")
	enErasure = mail("Tom Baker <tom@example.com>", "Delete my data", "req-en@example.com",
		"Hi,\n\nPlease delete my account and all personal data you hold about me.\n\nTom")
	outOfOffice = mail("Sanne <sanne@example.net>", "Automatisch antwoord: afwezig", "ooo@example.net",
		"Ik ben afwezig tot 30 november.", "Auto-Submitted: auto-replied")
	bounce = "From: Mail Delivery System <MAILER-DAEMON@mx.example.com>\nTo: " + privacyAddr + "\nSubject: Undelivered Mail Returned to Sender\n" +
		"Message-ID: <bounce-1@mx.example.com>\nDate: Thu, 26 Nov 2026 10:05:00 +0100\nAuto-Submitted: auto-replied\nMIME-Version: 1.0\n" +
		"Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\n\n--b1\nContent-Type: text/plain\n\n" +
		"This is the mail system at host mx.example.com.\nI'm sorry to have to inform you that your message could not be delivered.\n" +
		"--b1\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.com\n\nFinal-Recipient: rfc822; nobody@example.com\nAction: failed\nStatus: 5.1.1\n--b1--\n"
)

func TestRequestsBecomeCasesAndAreAnswered(t *testing.T) {
	e := newEnv(t, "")
	amsterdam, _ := time.LoadLocation("Europe/Amsterdam")
	received := time.Date(2026, 3, 5, 10, 0, 0, 0, amsterdam)
	e.Clock.Set(received.Add(4 * time.Hour)) // read the same day: answered at once
	e.appendMail(nlAccess, received)
	e.appendMail(enErasure, received.Add(time.Hour))
	e.appendMail(outOfOffice, received.Add(2*time.Hour))
	e.appendMail(bounce, received.Add(3*time.Hour))
	e.Process()

	cases := e.Cases()
	if len(cases) != 2 {
		t.Fatalf("got %d cases, want 2 (the auto-reply and the bounce open none)", len(cases))
	}
	nl, en := cases[0], cases[1]
	if nl.ID != "DSR-2026-0001" || en.ID != "DSR-2026-0002" {
		t.Errorf("case IDs %s, %s; want DSR-2026-0001, DSR-2026-0002", nl.ID, en.ID)
	}
	if !nl.ReceivedAt.Equal(received) {
		t.Errorf("received_at %s, want the INTERNALDATE %s", nl.ReceivedAt, received)
	}
	// 5 March 2026 + 1 month = 5 April, Easter Sunday; 6 April is Easter Monday: due 7 April.
	if nl.Due != "2026-04-07" {
		t.Errorf("due %s, want 2026-04-07", nl.Due)
	}
	if nl.Requester != "marieke@example.net" || nl.Language != "nl" || !slices.Contains(nl.Rights, "access") {
		t.Errorf("nl case: requester %s language %s rights %v", nl.Requester, nl.Language, nl.Rights)
	}
	if en.Language != "en" || !slices.Contains(en.Rights, "erasure") {
		t.Errorf("en case: language %s rights %v", en.Language, en.Rights)
	}

	for _, c := range []struct {
		addr, origID, caseID string
	}{{"marieke@example.net", "req-nl@example.net", nl.ID}, {"tom@example.com", "req-en@example.com", en.ID}} {
		got := e.SentTo(c.addr)
		if len(got) != 1 {
			t.Fatalf("%s got %d mails, want 1 acknowledgement", c.addr, len(got))
		}
		m := got[0]
		if v := m.Header.Get("Auto-Submitted"); v != "auto-replied" {
			t.Errorf("%s: Auto-Submitted %q", c.addr, v)
		}
		if v := m.Header.Get("In-Reply-To"); v != "<"+c.origID+">" {
			t.Errorf("%s: In-Reply-To %q, want <%s>", c.addr, v, c.origID)
		}
		if v := m.Header.Get("References"); !strings.Contains(v, "<"+c.origID+">") {
			t.Errorf("%s: References %q lack the request", c.addr, v)
		}
		p := message.Parse(m.Raw, message.Options{})
		if !strings.Contains(p.Subject, "["+c.caseID+"]") || !strings.HasPrefix(p.Subject, "Re:") {
			t.Errorf("%s: subject %q, want Re: ... [%s]", c.addr, p.Subject, c.caseID)
		}
	}
	nlText := message.Parse(e.SentTo("marieke@example.net")[0].Raw, message.Options{}).Text
	if !strings.Contains(nlText, "april 2026") || !strings.Contains(nlText, "maart 2026") {
		t.Errorf("the Dutch answer does not state the receipt and due dates in Dutch:\n%s", nlText)
	}
	staff := e.SentTo(staffAddr)
	if len(staff) != 2 {
		t.Fatalf("staff got %d notifications, want 2", len(staff))
	}
	for _, a := range []string{"sanne@example.net", "mailer-daemon@mx.example.com"} {
		if n := len(e.SentTo(a)); n != 0 {
			t.Errorf("%s (auto-reply/bounce) got %d mails; must get none", a, n)
		}
	}
	msgs, err := e.IMAP.Messages("INBOX")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range msgs {
		if !m.Has("$privacyd") {
			t.Errorf("uid %d not flagged $privacyd after processing", m.UID)
		}
	}

	// Restart: nothing is handled twice.
	before := len(e.SMTP.Messages())
	e.Restart()
	e.Process()
	if n := len(e.Cases()); n != 2 {
		t.Errorf("after restart %d cases, want 2", n)
	}
	if n := len(e.SMTP.Messages()); n != before {
		t.Errorf("after restart %d mails sent, want %d", n, before)
	}
}

func TestUIDValidityChangeHandlesNothingTwice(t *testing.T) {
	e := newEnv(t, "")
	e.appendMail(nlAccess, time.Now())
	e.appendMail(enErasure, time.Now())
	e.Process()
	sent := len(e.SMTP.Messages())
	// The mailbox is recreated (a server migration): new UIDVALIDITY, same mails.
	if err := e.IMAP.DeleteMailbox("INBOX"); err != nil {
		t.Fatal(err)
	}
	if err := e.IMAP.CreateMailbox("INBOX"); err != nil {
		t.Fatal(err)
	}
	e.appendMail(nlAccess, time.Now())
	e.appendMail(enErasure, time.Now())
	e.appendMail(mail("New <new@example.net>", "Verwijder mijn gegevens", "req-new@example.net", "Haal al mijn gegevens weg."), time.Now())
	e.Process()
	if n := len(e.Cases()); n != 3 {
		t.Errorf("%d cases after UIDVALIDITY change, want 3 (two old, one new)", n)
	}
	if n := len(e.SMTP.Messages()) - sent; n != 2 {
		t.Errorf("%d mails sent after UIDVALIDITY change, want 2 (for the new request only)", n)
	}
}

func TestFollowUpAndThreadHijack(t *testing.T) {
	e := newEnv(t, "")
	e.appendMail(enErasure, time.Now())
	e.Process()
	ack := e.SentTo("tom@example.com")[0]
	ackID := strings.Trim(ack.Header.Get("Message-ID"), "<>")
	caseID := e.Cases()[0].ID

	// The customer answers the acknowledgement.
	e.appendMail(mail("Tom Baker <tom@example.com>", "Re: Delete my data ["+caseID+"]", "followup@example.com",
		"My customer number is 12345.", "In-Reply-To: <"+ackID+">", "References: <req-en@example.com> <"+ackID+">"), time.Now())
	// Someone else names the case in a subject.
	e.appendMail(mail("Mallory <mallory@example.net>", "Re: ["+caseID+"] please also send me his data", "hijack@example.net",
		"Please send me all data of this case, I want access."), time.Now())
	staffBefore := len(e.SentTo(staffAddr))
	e.Process()

	cases := e.Cases()
	if len(cases) != 2 {
		t.Fatalf("%d cases, want 2: the follow-up attaches, the hijack opens its own", len(cases))
	}
	if cases[1].Requester != "mallory@example.net" {
		t.Errorf("second case requester %s, want mallory", cases[1].Requester)
	}
	d, err := e.D.Tracker.Detail(context.Background(), caseID)
	if err != nil {
		t.Fatal(err)
	}
	var in []string
	for _, m := range d.Messages {
		if m.Direction == "in" {
			in = append(in, m.MessageID)
		}
	}
	if !slices.Equal(in, []string{"req-en@example.com", "followup@example.com"}) {
		t.Errorf("case messages %v, want the request and the follow-up", in)
	}
	if n := len(e.SentTo(staffAddr)) - staffBefore; n != 2 {
		t.Errorf("staff got %d mails, want 2 (follow-up notice, new case)", n)
	}
	if n := len(e.SentTo("tom@example.com")); n != 1 {
		t.Errorf("the customer got %d mails, want only the first acknowledgement (a follow-up is not auto-answered)", n)
	}
}

func TestSMTPRefusesThenDelivers(t *testing.T) {
	e := newEnv(t, "")
	e.SMTP.SetReject(451, "4.3.0 try again later")
	e.appendMail(enErasure, time.Now())
	e.Process()
	if n := len(e.SMTP.Messages()); n != 0 {
		t.Fatalf("%d mails accepted while the server refuses", n)
	}
	st, _ := e.D.Tracker.OutboxStats(context.Background())
	if st.Pending != 2 {
		t.Fatalf("outbox pending %d, want 2", st.Pending)
	}
	e.SMTP.SetReject(0, "")
	e.Clock.Advance(2 * time.Hour)
	if _, err := e.D.Sender.SendDue(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := len(e.SMTP.Messages()); n != 2 {
		t.Fatalf("%d mails delivered after the server came back, want 2", n)
	}
	e.Clock.Advance(2 * time.Hour)
	e.D.Sender.SendDue(context.Background())
	if n := len(e.SMTP.Messages()); n != 2 {
		t.Errorf("%d mails after another pass, want still 2 (nothing sent twice)", n)
	}
}

func TestRunWithIdleAnswersNewMail(t *testing.T) {
	e := newEnv(t, "")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- e.D.Run(ctx) }()
	e.appendMail(nlAccess, time.Now())
	got := e.SMTP.WaitFor(2, 20*time.Second)
	if len(got) < 2 {
		t.Fatalf("got %d mails within the wait, want acknowledgement and notification", len(got))
	}
	// A second mail while idling.
	e.appendMail(enErasure, time.Now())
	if got := e.SMTP.WaitFor(4, 20*time.Second); len(got) < 4 {
		t.Fatalf("got %d mails, want 4 after a second request", len(got))
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run returned %v after cancel", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not stop after cancel")
	}
}

func TestWrongPasswordStopsRun(t *testing.T) {
	e := newEnv(t, "")
	if err := os.WriteFile(filepath.Join(e.Dir, "pw"), []byte("wrong\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	e.Restart()
	done := make(chan error, 1)
	go func() { done <- e.D.Run(context.Background()) }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(strings.ToLower(err.Error()), "auth") {
			t.Errorf("Run returned %v, want an authentication error", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Run kept retrying a refused login")
	}
	if attempts, _ := e.IMAP.LoginAttempts(); attempts > 1 {
		t.Errorf("%d login attempts, want 1 (no retry loop that locks the account)", attempts)
	}
}

func TestOneBadMailDoesNotBlockTheMailbox(t *testing.T) {
	// A template override that fails when executed for one customer: the
	// request is still registered (nothing lost), the mail that does not
	// render is failed once, not retried forever, staff are told, and the
	// Dutch request after it is handled as usual.
	e := newEnv(t, "")
	dir := filepath.Join(e.Dir, "tpl", "en")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "identity_check.txt"), []byte("{{if eq .RequesterName \"Tom Baker\"}}{{index .Rights 99}}{{end}}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	e.Reconfigure("templates:\n  dir: tpl\n")
	e.appendMail(enErasure, time.Now())
	e.appendMail(nlAccess, time.Now())
	e.Process()
	cases := e.Cases()
	if len(cases) != 2 {
		t.Fatalf("%d cases, want 2", len(cases))
	}
	var tom string
	for _, c := range cases {
		if c.Requester == "tom@example.com" {
			tom = c.ID
		}
	}
	var failed, lastError string
	if err := e.D.Tracker.DB().QueryRow(`SELECT failed_at, last_error FROM outbox WHERE case_id = ? AND kind = 'identity_check'`, tom).
		Scan(&failed, &lastError); err != nil {
		t.Fatalf("Tom's identity mail: %v", err)
	}
	if failed == "" || !strings.Contains(lastError, "identity_check") {
		t.Errorf("Tom's identity mail: failed_at %q, error %q; want failed with the template error", failed, lastError)
	}
	if _, err := e.D.Sender.SendDue(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := e.SentTo("tom@example.com"); len(got) != 0 {
		t.Errorf("Tom got %d mails", len(got))
	}
	if got := e.SentTo("marieke@example.net"); len(got) != 1 {
		t.Errorf("Marieke got %d mails, want her acknowledgement", len(got))
	}
	told := false
	for _, m := range e.SentTo(staffAddr) {
		if strings.Contains(m.Subject(), tom) && strings.Contains(string(m.Raw), "identity_check") {
			told = true
		}
	}
	if !told {
		t.Errorf("staff were not told that the mail for %s failed", tom)
	}
	msgs, _ := e.IMAP.Messages("INBOX")
	for _, m := range msgs {
		if !m.Has("$privacyd") {
			t.Errorf("uid %d not marked processed; the mailbox would be stuck on it", m.UID)
		}
	}
}

func TestBounceOfAnAnswerTellsStaff(t *testing.T) {
	e := newEnv(t, "")
	e.appendMail(enErasure, time.Now())
	e.Process()
	ack := e.SentTo("tom@example.com")[0]
	ackID := ack.Header.Get("Message-ID")
	staffBefore := len(e.SentTo(staffAddr))
	dsn := "From: Mail Delivery System <MAILER-DAEMON@mx.example.com>\nTo: " + privacyAddr + "\nSubject: Undelivered Mail Returned to Sender\n" +
		"Message-ID: <bounce-2@mx.example.com>\nDate: Thu, 26 Nov 2026 10:05:00 +0100\nAuto-Submitted: auto-replied\nMIME-Version: 1.0\n" +
		"Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\n\n--b1\nContent-Type: text/plain\n\n" +
		"Your message could not be delivered: mailbox full.\n" +
		"--b1\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.com\n\nFinal-Recipient: rfc822; tom@example.com\nAction: failed\nStatus: 5.2.2\n" +
		"--b1\nContent-Type: text/rfc822-headers\n\nFrom: privacy@example.org\nTo: tom@example.com\nMessage-ID: " + ackID + "\nSubject: Re: Delete my data\n--b1--\n"
	e.appendMail(dsn, time.Now())
	e.Process()
	if n := len(e.Cases()); n != 1 {
		t.Fatalf("the bounce opened a case: %d cases", n)
	}
	if n := len(e.SentTo(staffAddr)) - staffBefore; n != 1 {
		t.Fatalf("staff got %d mails about the bounce, want 1", n)
	}
	if n := len(e.SentTo("mailer-daemon@mx.example.com")); n != 0 {
		t.Errorf("the bounce was answered")
	}
	d, err := e.D.Tracker.Detail(context.Background(), e.Cases()[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, ev := range d.Events {
		found = found || ev.Type == "bounce_received"
	}
	if !found {
		t.Error("no bounce_received event on the case")
	}
}
