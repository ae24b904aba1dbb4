package daemon_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"privacyd/classify"
	"privacyd/message"
	"privacyd/tracker"
)

// staffNotice returns the newest mail privacyd sent to staff about caseID.
func (e *env) staffNotice(caseID string) (msgID, subject string) {
	e.T.Helper()
	msgs := e.SentTo(staffAddr)
	for i := len(msgs) - 1; i >= 0; i-- {
		p := message.Parse(msgs[i].Raw, message.Options{})
		if strings.Contains(p.Subject, caseID) {
			return p.MessageID, p.Subject
		}
	}
	e.T.Fatalf("no staff mail about %s", caseID)
	return "", ""
}

var replySeq int

// staffReply appends a reply from `from` to the staff mail with msgID.
func (e *env) staffReply(from, inReplyTo, subject, body string, headers ...string) {
	e.T.Helper()
	replySeq++
	h := append([]string{"In-Reply-To: <" + inReplyTo + ">", "References: <" + inReplyTo + ">"}, headers...)
	e.appendMail(mail(from, "Re: "+subject, fmt.Sprintf("staff-%d-%d@example.org", time.Now().UnixNano(), replySeq), body, h...), time.Now())
}

// lastTo returns the subject and text (whitespace collapsed, as the text part
// is wrapped) of the newest mail to rcpt, and how many mails it got.
func (e *env) lastTo(rcpt string) (string, string, int) {
	msgs := e.SentTo(rcpt)
	if len(msgs) == 0 {
		return "", "", 0
	}
	p := message.Parse(msgs[len(msgs)-1].Raw, message.Options{})
	return p.Subject, strings.Join(strings.Fields(p.Text), " "), len(msgs)
}

func (e *env) caseByID(id string) *tracker.Case {
	e.T.Helper()
	c, err := e.D.Tracker.Case(context.Background(), id)
	if err != nil {
		e.T.Fatal(err)
	}
	return c
}

func TestStaffDrivesCaseThroughByMail(t *testing.T) {
	e := newEnv(t, "")
	e.Clock.Set(time.Date(2026, 3, 6, 9, 0, 0, 0, time.UTC))
	amsterdam, _ := time.LoadLocation("Europe/Amsterdam")
	e.appendMail(enErasure, time.Date(2026, 3, 5, 10, 0, 0, 0, amsterdam))
	e.Process()
	id := e.Cases()[0].ID
	if st := e.caseByID(id).Status; st != tracker.StatusAwaitingIdentity {
		t.Fatalf("new case from an unknown sender has status %s, want awaiting_identity", st)
	}

	notice, subj := e.staffNotice(id)
	e.staffReply("Anna <"+staffAddr+">", notice, subj, "#verified\n#extend complex: data in five systems\n\nAnna")
	e.Process()
	c := e.caseByID(id)
	if c.Status != tracker.StatusExtended || !c.Extended || c.VerifiedAt == "" {
		t.Fatalf("after #verified #extend: status %s extended %v verified %q", c.Status, c.Extended, c.VerifiedAt)
	}
	// Three months from 5 March 2026 is Friday 5 June 2026, a working day.
	if c.ExtendedDue != "2026-06-05" {
		t.Errorf("extended due %s, want 2026-06-05", c.ExtendedDue)
	}
	subjC, text, _ := e.lastTo("tom@example.com")
	if !strings.Contains(text, "complex: data in five systems") || !strings.Contains(text, "5 June 2026") {
		t.Errorf("the extension notice lacks the reason or the new date:\n%s", text)
	}
	if !strings.Contains(subjC, id) {
		t.Errorf("extension subject %q lacks %s", subjC, id)
	}
	_, result, _ := e.lastTo(staffAddr)
	if !strings.Contains(result, "2026-06-05") && !strings.Contains(result, "5 June 2026") {
		t.Errorf("the staff answer does not state the new date:\n%s", result)
	}

	// A second extension is refused with a reason, and nothing changes.
	notice, subj = e.staffNotice(id)
	e.staffReply(staffAddr, notice, subj, "#extend more work")
	e.Process()
	_, result, _ = e.lastTo(staffAddr)
	if !strings.Contains(result, "already") {
		t.Errorf("a second #extend was not refused with a reason:\n%s", result)
	}

	_, _, before := e.lastTo("tom@example.com")
	notice, subj = e.staffNotice(id)
	e.staffReply(staffAddr, notice, subj, "#done All your data has been erased.")
	e.Process()
	c = e.caseByID(id)
	if c.Status != tracker.StatusCompleted || c.ClosedAt == "" {
		t.Errorf("after #done: status %s closed %q", c.Status, c.ClosedAt)
	}
	_, text, after := e.lastTo("tom@example.com")
	if after != before+1 || !strings.Contains(text, "All your data has been erased.") {
		t.Errorf("the completion mail is missing or lacks staff's message (%d → %d mails):\n%s", before, after, text)
	}

	d, err := e.D.Tracker.Detail(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	var statuses []string
	for _, ev := range d.Events {
		if ev.Type == "status_changed" {
			statuses = append(statuses, ev.OldValue+"→"+ev.NewValue)
		}
	}
	want := []string{"awaiting_identity→in_progress", "in_progress→extended", "extended→completed"}
	if strings.Join(statuses, " ") != strings.Join(want, " ") {
		t.Errorf("status events %v, want %v", statuses, want)
	}
}

func TestRefusals(t *testing.T) {
	e := newEnv(t, "")
	e.appendMail(mail("Pieter <pieter@example.net>", "geen reclame meer", "odm@example.net", "Stop met mailen, ik wil geen reclame meer ontvangen."), time.Now())
	e.appendMail(nlAccess, time.Now())
	e.Process()
	cs := e.Cases()
	if len(cs) != 2 {
		t.Fatalf("%d cases", len(cs))
	}
	odm, access := cs[0], cs[1]

	notice, subj := e.staffNotice(odm.ID)
	e.staffReply(staffAddr, notice, subj, "#refuse we have a legitimate interest")
	e.Process()
	if st := e.caseByID(odm.ID).Status; st == tracker.StatusRefused {
		t.Fatal("an objection to direct marketing was refused")
	}
	_, result, _ := e.lastTo(staffAddr)
	if !strings.Contains(result, "21(3)") {
		t.Errorf("the staff answer does not explain why #refuse is not allowed:\n%s", result)
	}

	_, _, before := e.lastTo("marieke@example.net")
	notice, subj = e.staffNotice(access.ID)
	e.staffReply(staffAddr, notice, subj, "#refuse U bent geen klant van ons; wij verwerken geen gegevens van u.")
	e.Process()
	if st := e.caseByID(access.ID).Status; st != tracker.StatusRefused {
		t.Fatalf("access case status %s after #refuse, want refused", st)
	}
	_, text, after := e.lastTo("marieke@example.net")
	if after != before+1 {
		t.Fatalf("the customer got %d new mails, want the refusal", after-before)
	}
	for _, want := range []string{"Autoriteit Persoonsgegevens", "rechter", "zes weken", "geen klant van ons"} {
		if !strings.Contains(text, want) {
			t.Errorf("the refusal lacks %q:\n%s", want, text)
		}
	}
}

func TestForgedCommandsChangeNothing(t *testing.T) {
	e := newEnv(t, "")
	e.appendMail(enErasure, time.Now())
	e.appendMail(nlAccess, time.Now())
	e.Process()
	cs := e.Cases()
	tom, marieke := cs[0], cs[1]
	notice, subj := e.staffNotice(tom.ID)
	customerBefore := len(e.SentTo("tom@example.com"))

	// 1. A forged From: of a staff address, answering nothing privacyd sent to staff.
	e.appendMail(mail(staffAddr, "Re: ["+tom.ID+"]", "forged-1@evil.example", "#done", "In-Reply-To: <req-en@example.com>"), time.Now())
	// 2. A staff token replayed from a non-staff address.
	e.staffReply("mallory@evil.example", notice, subj, "#done")
	// 3. A made-up token of the right shape.
	local, domain, _ := strings.Cut(notice, "@")
	fake := local[:strings.LastIndex(local, ".")+1] + "0123456789abcdef01234567@" + domain
	if fake == notice {
		t.Fatal("the fake token equals the real one")
	}
	e.staffReply(staffAddr, fake, subj, "#done")
	// 4. The token of another case does not act on this one: it acts on its own case only.
	e.Process()

	if st := e.caseByID(tom.ID).Status; st != tracker.StatusAwaitingIdentity {
		t.Errorf("forged commands changed the case: status %s", st)
	}
	if st := e.caseByID(marieke.ID).Status; st != tracker.StatusAwaitingIdentity {
		t.Errorf("forged commands changed another case: status %s", st)
	}
	if n := len(e.SentTo("tom@example.com")); n != customerBefore {
		t.Errorf("the customer got %d mails from forged commands", n-customerBefore)
	}
	if n := len(e.SentTo("mallory@evil.example")); n != 0 {
		t.Errorf("the forger got %d mails", n)
	}
	// Staff are told, at most once per hour per claimed sender.
	forgery := 0
	for _, m := range e.SentTo(staffAddr) {
		if strings.Contains(string(m.Raw), "staff_forgery") || strings.Contains(strings.ToLower(m.Subject()), "refused") ||
			strings.Contains(strings.ToLower(m.Subject()), "geweigerd") {
			forgery++
		}
	}
	if forgery < 1 || forgery > 2 {
		t.Errorf("staff got %d forgery notices, want one per claimed sender (1 or 2)", forgery)
	}
}

func TestDKIMRequired(t *testing.T) {
	e := newEnv(t, "security:\n  trusted_authserv_id: mx.example.org\n")
	e.appendMail(enErasure, time.Now())
	e.Process()
	id := e.Cases()[0].ID
	notice, subj := e.staffNotice(id)
	e.staffReply(staffAddr, notice, subj, "#verified", "Authentication-Results: mx.example.org; dkim=fail header.d=example.org")
	e.Process()
	if st := e.caseByID(id).Status; st != tracker.StatusAwaitingIdentity {
		t.Fatalf("a command with a DKIM fail changed the case to %s", st)
	}
	e.staffReply(staffAddr, notice, subj, "#verified", "Authentication-Results: evil.example; dkim=pass header.d=example.org")
	e.Process()
	if st := e.caseByID(id).Status; st != tracker.StatusAwaitingIdentity {
		t.Fatalf("a DKIM pass from an untrusted server changed the case to %s", st)
	}
	e.staffReply(staffAddr, notice, subj, "#verified", "Authentication-Results: mx.example.org; dkim=pass header.d=example.org header.s=s1")
	e.Process()
	if st := e.caseByID(id).Status; st != tracker.StatusInProgress {
		t.Fatalf("a command with a trusted DKIM pass did not apply: status %s", st)
	}
}

func TestOpenTurnsMailIntoCase(t *testing.T) {
	e := newEnv(t, "")
	amsterdam, _ := time.LoadLocation("Europe/Amsterdam")
	at := time.Date(2026, 11, 2, 15, 30, 0, 0, amsterdam)
	e.appendMail(mail("Joost <joost@example.net>", "Vraag over mijn bestelling", "order@example.net",
		"Waar blijft mijn bestelling 4711? Ik heb al twee weken niets gehoord."), at)
	e.Process()
	if n := len(e.Cases()); n != 0 {
		t.Fatalf("an order question opened %d cases", n)
	}
	notice, subj := "", ""
	for _, m := range e.SentTo(staffAddr) {
		p := message.Parse(m.Raw, message.Options{})
		notice, subj = p.MessageID, p.Subject
	}
	if notice == "" {
		t.Fatal("the personal mail was not shown to staff")
	}
	e.staffReply(staffAddr, notice, subj, "#open access")
	e.Process()
	cs := e.Cases()
	if len(cs) != 1 {
		t.Fatalf("#open gave %d cases", len(cs))
	}
	if !cs[0].ReceivedAt.Equal(at) || cs[0].Due != "2026-12-02" {
		t.Errorf("opened case received %s due %s; want the original receipt %s and due 2026-12-02", cs[0].ReceivedAt, cs[0].Due, at)
	}
	if len(e.SentTo("joost@example.net")) != 1 {
		t.Errorf("the customer of an opened case got no acknowledgement")
	}
}

// TestModelAutomaticShownToStaff: a help desk's status mail that only the
// classifier's word model reads as automatic is never answered, but staff
// see it, and can turn it into a case if a person wrote it after all.
func TestModelAutomaticShownToStaff(t *testing.T) {
	e := newEnv(t, "")
	raw := mail("Brightwave Mobile <care@brightwave.example.co.uk>", "Update on your request #BW-30418", "bw-30418@brightwave.example.co.uk",
		"Hi Sarah,\n\nThere's an update on your request \"Subject access request - Sarah Hughes\".\n\nStatus: Awaiting customer\nMessage from Owen: We need a copy of a recent bill to confirm it's you. Please reply to this email with it attached.\n\nBrightwave Mobile Customer Care")
	c, err := classify.New(classify.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r := c.Classify(message.Parse([]byte(raw), message.Options{})); r.Kind != classify.AutoReply || !r.Triage {
		t.Fatalf("fixture: kind %s triage %v (%s); the test needs a mail only the word model reads as automatic", r.Kind, r.Triage, r.KindReason)
	}
	e.appendMail(raw, time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC))
	e.Process()
	if n := len(e.Cases()); n != 0 {
		t.Fatalf("the status mail opened %d cases", n)
	}
	if n := len(e.SentTo("care@brightwave.example.co.uk")); n != 0 {
		t.Fatalf("the status mail was answered %d times", n)
	}
	notice, subj := "", ""
	for _, m := range e.SentTo(staffAddr) {
		p := message.Parse(m.Raw, message.Options{})
		notice, subj = p.MessageID, p.Subject
	}
	if notice == "" {
		t.Fatal("the mail only the word model read as automatic was not shown to staff")
	}
	e.staffReply(staffAddr, notice, subj, "#open access")
	e.Process()
	if n := len(e.Cases()); n != 1 {
		t.Fatalf("#open gave %d cases", n)
	}
}
