package hostile

import (
	"bytes"
	"fmt"
	"net/mail"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"privacyd/internal/e2e"
	"privacyd/internal/imaptest"
	"privacyd/internal/smtptest"
)

// TestNeverAnswersMachines: privacyd never mails its own address, an
// auto-reply, a bounce or list mail, even when their text reads as a request.
func TestNeverAnswersMachines(t *testing.T) {
	e := newEnv(t, envOpts{})
	const req = "Please delete my account and all personal data you hold about me."
	machines := map[string]string{
		"own address":             plainMail("Privacy <privacy@example.org>", "Delete my data", "own@example.org", req),
		"own address, upper case": plainMail("PRIVACY@EXAMPLE.ORG", "Delete my data", "own2@example.org", req),
		"Auto-Submitted: auto-replied": plainMail("Ann <ann@example.net>", "Re: Delete my data", "ar1@example.net", req,
			"Auto-Submitted: auto-replied"),
		"Auto-Submitted: auto-generated": plainMail("Ben <ben@example.net>", "Delete my data", "ar2@example.net", req,
			"Auto-Submitted: auto-generated"),
		"X-Autoreply":            plainMail("Cas <cas@example.net>", "Delete my data", "ar3@example.net", req, "X-Autoreply: yes"),
		"Precedence: auto_reply": plainMail("Dan <dan@example.net>", "Delete my data", "ar4@example.net", req, "Precedence: auto_reply"),
		"X-Auto-Response-Suppress": plainMail("Eva <eva@example.net>", "Delete my data", "ar5@example.net", req,
			"X-Auto-Response-Suppress: All"),
		"null Return-Path": plainMail("Fay <fay@example.net>", "Delete my data", "ar6@example.net", req, "Return-Path: <>"),
		"list mail": plainMail("Gus <gus@example.net>", "Delete my data", "list1@example.net", req,
			"List-Id: Customers <customers.lists.example.net>", "List-Unsubscribe: <mailto:leave@lists.example.net>"),
		"Precedence: bulk": plainMail("Hal <hal@example.net>", "Delete my data", "bulk1@example.net", req, "Precedence: bulk"),
		"Precedence: list": plainMail("Ida <ida@example.net>", "Delete my data", "list2@example.net", req, "Precedence: list"),
		"noreply sender":   plainMail("Shop <no-reply@shop.example.net>", "Delete my data", "nr1@example.net", req),
		"bounce": "From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\nTo: privacy@example.org\nSubject: Undelivered Mail Returned to Sender\n" +
			"Message-ID: <bounce-1@mx.example.net>\nDate: Thu, 26 Nov 2026 10:05:00 +0100\nMIME-Version: 1.0\n" +
			"Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\n\n--b1\nContent-Type: text/plain\n\n" +
			"Your message could not be delivered.\n--b1\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n\n" +
			"Final-Recipient: rfc822; jan@example.net\nAction: failed\nStatus: 5.1.1\n--b1\nContent-Type: message/rfc822\n\n" +
			plainMail("Jan <jan@example.net>", "Delete my data", "orig@example.net", req) + "--b1--\n",
	}
	senders := map[string]string{}
	for name, raw := range machines {
		e.appendRaw(e2e.CRLF(raw))
		m, err := mail.ReadMessage(bytes.NewReader(e2e.CRLF(raw)))
		if err != nil {
			t.Fatal(err)
		}
		a, err := mail.ParseAddress(m.Header.Get("From"))
		if err != nil {
			t.Fatal(err)
		}
		senders[name] = strings.ToLower(a.Address)
	}
	read, _ := e.Process()
	if read != len(machines) {
		t.Fatalf("read %d mails, want %d", read, len(machines))
	}
	for name, addr := range senders {
		if n := len(e.SentTo(addr)); n != 0 {
			t.Errorf("%s: privacyd sent %d mails to %s", name, n, addr)
		}
	}
	for _, m := range e.SMTP.Messages() {
		if !slices.Equal(m.To, []string{e.Staff}) {
			t.Errorf("a mail went to %v", m.To)
		}
	}
	// The bounce's original sender is not mailed either.
	if n := len(e.SentTo("jan@example.net")); n != 0 {
		t.Errorf("the sender quoted in a bounce got %d mails", n)
	}
	if r, s := e.Process(); r != 0 || s != 0 {
		t.Errorf("a second pass read %d and sent %d", r, s)
	}
}

// robot is an auto-responder without any loop headers (no Auto-Submitted,
// no Precedence, no X-Autoreply): for every mail to its address it writes
// back to privacy@ at once, through the IMAP inbox.
type robot struct {
	addr     string
	threaded bool // answer in the thread (In-Reply-To) or as a new mail
	mu       sync.Mutex
	inbox    *imaptest.Server
	got      int
}

func (r *robot) onMessage(m smtptest.Message) {
	if !slices.Contains(m.To, r.addr) {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got++
	var extra []string
	subject := fmt.Sprintf("Request %d: delete my data", r.got)
	if r.threaded {
		pm, err := mail.ReadMessage(bytes.NewReader(m.Raw))
		if err == nil {
			id := pm.Header.Get("Message-Id")
			extra = append(extra, "In-Reply-To: "+id, "References: "+id)
			subject = "Re: " + pm.Header.Get("Subject")
		}
	}
	raw := plainMail("Helpdesk Robot <"+r.addr+">", subject, fmt.Sprintf("robot-%d@example.net", r.got),
		"Thank you for your mail. Please delete my account and all personal data you hold about me.", extra...)
	r.inbox.Append("INBOX", e2e.CRLF(raw), time.Time{})
}

func (r *robot) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.got
}

// settle processes until a pass reads and sends nothing; it returns the
// number of passes, failing beyond max.
func settle(t *testing.T, max int, envs ...*env) int {
	t.Helper()
	for pass := 1; pass <= max; pass++ {
		busy := false
		for _, e := range envs {
			if r, s := e.Process(); r > 0 || s > 0 {
				busy = true
			}
		}
		if !busy {
			return pass
		}
	}
	t.Fatalf("still mailing after %d passes: a loop", max)
	return 0
}

// TestAutoResponderLoopStops plays privacyd against an auto-responder that
// sends no loop headers and writes a new "request" for every mail it gets.
// Only the per-sender cap (limits.auto_mails_per_sender, 5 a day) can stop
// it, and does.
func TestAutoResponderLoopStops(t *testing.T) {
	for _, tc := range []struct {
		yaml string
		cap  int
	}{{"", 5}, {"limits:\n  auto_mails_per_sender: 2\n", 2}} {
		t.Run(fmt.Sprintf("cap %d", tc.cap), func(t *testing.T) {
			r := &robot{addr: "robot@example.net"}
			e := newEnv(t, envOpts{onMessage: r.onMessage, extraYAML: tc.yaml})
			r.inbox = e.IMAP
			e.appendRaw(e2e.CRLF(plainMail("Helpdesk Robot <robot@example.net>", "Delete my data", "robot-0@example.net",
				"Please delete my account and all personal data you hold about me.")))
			passes := settle(t, 30, e)
			if got := r.count(); got != tc.cap {
				t.Errorf("the robot got %d mails, want exactly the cap of %d", got, tc.cap)
			}
			if n := len(e.Cases()); n != tc.cap+1 {
				t.Errorf("%d cases, want %d (each robot mail is a request; the last one is not answered)", n, tc.cap+1)
			}
			if n := e.count(`SELECT COUNT(*) FROM events WHERE type = 'mail_suppressed'`); n != 1 {
				t.Errorf("%d mail_suppressed events, want 1", n)
			}
			t.Logf("auto-responder loop, cap %d: stopped after %d passes, %d mails to the robot, %d cases, %d mails in all",
				tc.cap, passes, r.count(), len(e.Cases()), len(e.SMTP.Messages()))

			// The next day the cap allows mail again, but the loop is over:
			// nothing is waiting, and nothing is sent.
			e.Clock.Advance(25 * time.Hour)
			if r, s := e.Process(); r != 0 || s != 0 {
				t.Errorf("the next day a pass read %d and sent %d", r, s)
			}
		})
	}
}

// TestThreadedAutoResponderStops: an auto-responder that answers in the
// thread (and without loop headers) is a follow-up of the case, which is
// never answered automatically.
func TestThreadedAutoResponderStops(t *testing.T) {
	r := &robot{addr: "robot@example.net", threaded: true}
	e := newEnv(t, envOpts{onMessage: r.onMessage})
	r.inbox = e.IMAP
	e.appendRaw(e2e.CRLF(plainMail("Helpdesk Robot <robot@example.net>", "Delete my data", "robot-0@example.net",
		"Please delete my account and all personal data you hold about me.")))
	passes := settle(t, 10, e)
	if got := r.count(); got != 1 {
		t.Errorf("the robot got %d mails, want 1 (the acknowledgement)", got)
	}
	if n := len(e.Cases()); n != 1 {
		t.Errorf("%d cases, want 1 (the robot's answer is a follow-up)", n)
	}
	t.Logf("threaded auto-responder: stopped after %d passes, %d mails to the robot", passes, r.count())
}

// relay carries mail from one privacyd's SMTP sink to the other's IMAP
// inbox, optionally stripping loop headers (a broken relay or list) and
// threading headers.
type relay struct {
	mu          sync.Mutex
	boxes       map[string]*imaptest.Server // address -> inbox
	stripLoop   bool
	stripThread bool
	carried     map[string]int // mails carried to each address
}

var loopHeaders = []string{"Auto-Submitted", "X-Auto-Response-Suppress", "Precedence", "X-Autoreply"}
var threadHeaders = []string{"In-Reply-To", "References"}

func (rl *relay) onMessage(m smtptest.Message) {
	rl.mu.Lock()
	defer rl.mu.Unlock()
	for _, to := range m.To {
		box, ok := rl.boxes[to]
		if !ok {
			continue
		}
		raw := m.Raw
		var drop []string
		if rl.stripLoop {
			drop = append(drop, loopHeaders...)
		}
		if rl.stripThread {
			drop = append(drop, threadHeaders...)
		}
		raw = stripHeaders(raw, drop)
		rl.carried[to]++
		box.Append("INBOX", raw, time.Time{})
	}
}

// stripHeaders removes the named fields (and their continuation lines) from
// the header of raw.
func stripHeaders(raw []byte, names []string) []byte {
	head, body, _ := bytes.Cut(raw, []byte("\r\n\r\n"))
	var out bytes.Buffer
	skip := false
	for _, line := range strings.Split(string(head), "\r\n") {
		if line != "" && (line[0] == ' ' || line[0] == '\t') {
			if !skip {
				out.WriteString(line + "\r\n")
			}
			continue
		}
		name, _, _ := strings.Cut(line, ":")
		skip = slices.ContainsFunc(names, func(n string) bool { return strings.EqualFold(n, strings.TrimSpace(name)) })
		if !skip {
			out.WriteString(line + "\r\n")
		}
	}
	out.WriteString("\r\n")
	out.Write(body)
	return out.Bytes()
}

// TestTwoPrivacydInstancesStop plays two privacyd instances against each
// other: each one's outgoing mail to the other's privacy@ address lands in
// the other's inbox. The exchange is started by a request "from" B's
// address to A, and must stop, also through a relay that strips the loop
// headers and even the threading headers.
func TestTwoPrivacydInstancesStop(t *testing.T) {
	for _, mode := range []struct {
		name               string
		stripLoop, stripTh bool
	}{
		{"faithful relay", false, false},
		{"relay strips loop headers", true, false},
		{"relay strips loop and thread headers", true, true},
	} {
		t.Run(mode.name, func(t *testing.T) {
			rl := &relay{boxes: map[string]*imaptest.Server{}, stripLoop: mode.stripLoop, stripThread: mode.stripTh, carried: map[string]int{}}
			a := newEnv(t, envOpts{domain: "a.example", onMessage: rl.onMessage})
			b := newEnv(t, envOpts{domain: "b.example", onMessage: rl.onMessage})
			rl.mu.Lock()
			rl.boxes[a.Privacy] = a.IMAP
			rl.boxes[b.Privacy] = b.IMAP
			rl.mu.Unlock()
			seed := strings.Replace(plainMail("B's privacy team <"+b.Privacy+">", "Delete my data", "seed@b.example",
				"Please delete my account and all personal data you hold about me."), "To: privacy@example.org", "To: "+a.Privacy, 1)
			a.appendRaw(e2e.CRLF(seed))
			passes := settle(t, 40, a, b)
			rl.mu.Lock()
			toA, toB := rl.carried[a.Privacy], rl.carried[b.Privacy]
			rl.mu.Unlock()
			cap := a.Cfg.Limits.AutoMailsPerSender
			if toB > cap || toA > cap {
				t.Errorf("%d mails to A and %d to B: more than the cap of %d each", toA, toB, cap)
			}
			t.Logf("%s: stopped after %d passes; A→B %d mails, B→A %d mails; A %d cases, B %d cases",
				mode.name, passes, toB, toA, len(a.Cases()), len(b.Cases()))
		})
	}
}

// TestForwardBackToInbox: a customer address that forwards everything back
// to privacy@ (an alias loop) returns privacyd's own acknowledgement to its
// inbox; that is its own mail and is never answered, even when the
// forwarder strips the loop and thread headers.
func TestForwardBackToInbox(t *testing.T) {
	for _, strip := range []bool{false, true} {
		rl := &relay{boxes: map[string]*imaptest.Server{}, stripLoop: strip, stripThread: strip, carried: map[string]int{}}
		e := newEnv(t, envOpts{onMessage: rl.onMessage})
		rl.mu.Lock()
		rl.boxes["fwd@example.net"] = e.IMAP
		rl.mu.Unlock()
		e.appendRaw(e2e.CRLF(plainMail("Fwd <fwd@example.net>", "Delete my data", "fwd-0@example.net",
			"Please delete my account and all personal data you hold about me.")))
		passes := settle(t, 10, e)
		rl.mu.Lock()
		n := rl.carried["fwd@example.net"]
		rl.mu.Unlock()
		if n != 1 {
			t.Errorf("strip %v: %d mails to the forwarding address, want 1", strip, n)
		}
		if c := len(e.Cases()); c != 1 {
			t.Errorf("strip %v: %d cases, want 1", strip, c)
		}
		t.Logf("forward loop (strip headers %v): stopped after %d passes, %d mails to the forwarder", strip, passes, n)
	}
}
