package interop_test

import (
	"bufio"
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"privacyd/internal/dovecot"
	"privacyd/internal/imaptest"
	"privacyd/internal/smtptest"
	"privacyd/internal/testcfg"
	"privacyd/tracker"
)

// mailbox is the IMAP server of the crash test: Dovecot when installed,
// else the in-process imaptest server (which outlives the daemon's death
// just as well, since the daemon is a subprocess).
type mailbox struct {
	name           string
	addr           string
	user, password string
	appendMany     func(n int, next func(i int) ([]byte, time.Time)) error
	// deliver puts one mail into INBOX, as the company's mail server does
	// with the copies of privacyd's own mails (smtp.copy_to_self).
	deliver func(raw []byte) error
	flagged func() (total, withKeyword int, err error)
}

func startMailbox(t *testing.T) mailbox {
	t.Helper()
	if _, ok := dovecot.Installed(); ok || dovecot.Required() {
		dc := dovecot.Start(t)
		return mailbox{name: "dovecot", addr: dc.Addr(), user: dc.User(), password: dc.Password(),
			appendMany: func(n int, next func(i int) ([]byte, time.Time)) error { return dc.AppendMany("INBOX", n, next) },
			deliver: func(raw []byte) error {
				_, err := dc.Append("INBOX", raw, time.Now())
				return err
			},
			flagged: func() (int, int, error) {
				msgs, err := dc.Messages("INBOX")
				k := 0
				for _, m := range msgs {
					if m.Has("$privacyd") {
						k++
					}
				}
				return len(msgs), k, err
			}}
	}
	t.Log("dovecot not installed: the crash test runs against the in-process imaptest server")
	srv := imaptest.Start(t, imaptest.WithCredentials(privacyAddr, "secret"))
	return mailbox{name: "imaptest", addr: srv.Addr(), user: privacyAddr, password: "secret",
		appendMany: func(n int, next func(i int) ([]byte, time.Time)) error {
			for i := range n {
				raw, at := next(i)
				if _, err := srv.Append("INBOX", dovecot.CRLF(raw), at); err != nil {
					return err
				}
			}
			return nil
		},
		deliver: func(raw []byte) error {
			_, err := srv.Append("INBOX", raw, time.Now())
			return err
		},
		flagged: func() (int, int, error) {
			msgs, err := srv.Messages("INBOX")
			k := 0
			for _, m := range msgs {
				if m.Has("$privacyd") {
					k++
				}
			}
			return len(msgs), k, err
		}}
}

// crashRequests makes n requests from n different people (the per-sender
// cap of automatic mails must not interfere): the 20 hand-written requests
// over and over, each with its own sender and Message-ID.
func crashRequests(n int, base time.Time) (raws [][]byte, msgIDs, addrs []string) {
	tpl := requests(base)
	for i := range n {
		r := tpl[i%len(tpl)]
		addr := fmt.Sprintf("klant%04d@example.net", i)
		id := fmt.Sprintf("crash%04d.%d@example.net", i, base.Unix())
		raw := strings.Replace(r.raw, "<"+r.addr+">", "<"+addr+">", 1)
		if !strings.Contains(raw, "<"+addr+">") { // "From: addr" without a name
			raw = strings.Replace(raw, "From: "+r.addr, "From: "+addr, 1)
		}
		raw = strings.Replace(raw, "<"+r.msgID+">", "<"+id+">", 1)
		raws = append(raws, []byte(raw))
		msgIDs = append(msgIDs, id)
		addrs = append(addrs, addr)
	}
	return raws, msgIDs, addrs
}

// buildPrivacyd builds the privacyd binary into dir.
func buildPrivacyd(t testing.TB, dir string) string {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to build privacyd: %v", err)
	}
	bin := filepath.Join(dir, "privacyd")
	cmd := exec.Command(gobin, "build", "-o", bin, "privacyd/cmd/privacyd")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// crashState is what the test reads from the database between kills.
// outbox counts the mails about cases; unsent counts every unsent mail.
type crashState struct {
	cases, messages, outbox, unsent int
}

func readState(db *sql.DB) (crashState, error) {
	var s crashState
	err := db.QueryRow(`SELECT (SELECT COUNT(*) FROM cases), (SELECT COUNT(*) FROM messages),
		(SELECT COUNT(*) FROM outbox WHERE case_id IS NOT NULL), (SELECT COUNT(*) FROM outbox WHERE sent_at = '' AND failed_at = '')`).
		Scan(&s.cases, &s.messages, &s.outbox, &s.unsent)
	return s, err
}

// TestCrashKillRestart is the crash-safety check of issues 2 and 6: the
// privacyd binary works through a backlog (500 mails in CI), is killed with
// SIGKILL at random moments — by time and by SMTP progress — and
// restarted, and in the end every mail gave exactly one case and every case
// exactly one acknowledgement (or identity mail) and one staff
// notification, recorded in the outbox and delivered exactly once.
//
// privacyd runs with smtp.copy_to_self: the SMTP sink puts the copy of each
// mail into the mailbox before it answers 250, as the company's mail server
// would (a real one a little later; copy_wait covers that), and a mail that
// was in the sink's hands when privacyd was killed is looked for there
// before it is sent again. A mail delivered twice fails the test. With
// PRIVACYD_CRASH_COPIES=0 privacyd runs without copies, as before: then a
// kill between the sink's 250 and privacyd's record sends that mail twice
// (RFC 1047); such duplicates are counted and reported, and fail the test
// only with PRIVACYD_CRASH_STRICT=1.
func TestCrashKillRestart(t *testing.T) {
	n, kills := 150, 4
	if ciScale() {
		n, kills = 500, 5
	}
	if v, err := strconv.Atoi(os.Getenv("PRIVACYD_CRASH_N")); err == nil && v > 0 {
		n = v
	}
	seed := uint64(time.Now().UnixNano())
	if v, err := strconv.ParseUint(os.Getenv("PRIVACYD_CRASH_SEED"), 10, 64); err == nil {
		seed = v
	}
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	t.Logf("crash test: %d mails, %d kills, seed %d (PRIVACYD_CRASH_SEED to repeat)", n, kills, seed)

	dir := t.TempDir()
	bin := buildPrivacyd(t, dir)
	mb := startMailbox(t)
	copies := os.Getenv("PRIVACYD_CRASH_COPIES") != "0"
	var copyErrs atomic.Int32
	var copiesDelivered atomic.Int32
	sinkCfg := smtptest.Config{}
	if copies {
		sinkCfg.OnMessage = func(m smtptest.Message) {
			if slices.Contains(m.To, privacyAddr) {
				if err := mb.deliver(m.Raw); err != nil {
					copyErrs.Add(1)
					return
				}
				copiesDelivered.Add(1)
			}
		}
	}
	sink := smtptest.Start(t, sinkCfg)
	ic := interopConfig(mb.addr, mb.user, mb.password, sink.Addr(), "  poll_interval: 5s")
	if copies {
		ic.SMTPYAML = "  copy_to_self: true\n  copy_wait: 3s\n"
	}
	t.Logf("copies to the own mailbox: %v (PRIVACYD_CRASH_COPIES=0 to run without)", copies)
	cfgPath := testcfg.Write(t, dir, ic)
	dbPath := filepath.Join(dir, "privacyd.db")

	// Recent arrival times: no case is near its due date, so the deadline
	// sweep at start has nothing to say (its mails would not be per case).
	base := time.Now().Add(-time.Duration(n+60) * time.Minute).Truncate(time.Minute)
	raws, msgIDs, addrs := crashRequests(n, base)
	if err := mb.appendMany(n, func(i int) ([]byte, time.Time) { return raws[i], base.Add(time.Duration(i) * time.Minute) }); err != nil {
		t.Fatal(err)
	}

	var proc *exec.Cmd
	var exited chan error
	run := 0
	start := func() {
		t.Helper()
		run++
		logf, err := os.Create(filepath.Join(dir, fmt.Sprintf("run%d.log", run)))
		if err != nil {
			t.Fatal(err)
		}
		proc = exec.Command(bin, "run", "-config", cfgPath, "-log-level", "info")
		proc.Stdout, proc.Stderr = logf, logf
		proc.SysProcAttr = childAttr()
		if err := proc.Start(); err != nil {
			t.Fatal(err)
		}
		exited = make(chan error, 1)
		go func(c *exec.Cmd, f *os.File) { exited <- c.Wait(); f.Close() }(proc, logf)
	}
	t.Cleanup(func() {
		if proc != nil && proc.ProcessState == nil {
			proc.Process.Kill()
			<-exited
		}
		if t.Failed() {
			for i := 1; i <= run; i++ {
				b, _ := os.ReadFile(filepath.Join(dir, fmt.Sprintf("run%d.log", i)))
				t.Logf("privacyd run %d log (tail):\n%s", i, tail(b, 40))
			}
		}
	})
	db := openDB(t, dbPath)
	state := func() crashState {
		s, err := readState(db)
		if err != nil && !strings.Contains(err.Error(), "no such table") && !strings.Contains(err.Error(), "unable to open") {
			t.Logf("reading the state: %v", err)
		}
		return s
	}
	done := func() bool {
		s := state()
		return s.cases == n && s.outbox == 2*n && s.unsent == 0
	}

	type killNote struct {
		how   string
		at    time.Duration
		state crashState
		sink  int
	}
	var notes []killNote
	firstRun := map[string]int{} // Message-ID -> the run that first delivered it
	noteDeliveries := func() {
		for _, m := range sink.Messages() {
			if id := m.Header.Get("Message-ID"); firstRun[id] == 0 {
				firstRun[id] = run
			}
		}
	}
	deadline := time.Now().Add(4 * time.Minute)
	for k := range kills {
		start()
		began := time.Now()
		var how string
		switch cs := state().cases; {
		case k%3 == 0 && cs < n:
			// By ingest progress: once the register holds a random number
			// of further cases (batches commit 100 at a time), i.e. while
			// the next batch is fetched, parsed and committed.
			target := cs + 1 + rng.IntN(n-cs)
			how = fmt.Sprintf("at case %d", target)
			for state().cases < target && time.Now().Before(deadline) {
				time.Sleep(time.Millisecond)
			}
		case k%3 == 1:
			// By SMTP progress: right after the sink stored mail number
			// target, i.e. inside the window between the server taking
			// the mail and privacyd recording it as sent.
			have := len(sink.Messages())
			target := have + 1 + rng.IntN(max(1, 2*n-have))
			how = fmt.Sprintf("at sink message %d", target)
			for len(sink.Messages()) < target && !done() && time.Now().Before(deadline) {
				time.Sleep(200 * time.Microsecond)
			}
		default:
			// By time: anywhere in start-up, fetch, ingest and sending.
			d := time.Duration(20+rng.IntN(800)) * time.Millisecond
			how = "after " + d.String()
			for time.Since(began) < d && !done() {
				time.Sleep(2 * time.Millisecond)
			}
		}
		if done() {
			t.Logf("kill %d (%s): the backlog was already done; no kill", k+1, how)
			break // the running process is the last run
		}
		if err := proc.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		<-exited
		noteDeliveries()
		notes = append(notes, killNote{how: how, at: time.Since(began), state: state(), sink: len(sink.Messages())})
		if len(notes) != run {
			t.Fatalf("bookkeeping: %d kills noted in %d runs", len(notes), run)
		}
	}

	// The last run finishes the backlog (unless the loop above ended with a
	// run that was not killed).
	if len(notes) == run {
		start()
	}
	finalStart := time.Now()
	for !done() {
		if time.Now().After(deadline) {
			t.Fatalf("the backlog was not done in time: %+v, sink %d", state(), len(sink.Messages()))
		}
		select {
		case err := <-exited:
			t.Fatalf("privacyd exited on its own: %v", err)
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Logf("the last run finished the rest of the backlog in %v", time.Since(finalStart).Round(time.Millisecond))
	// Wait for the last run's IMAP session (which also flags what a killed
	// run committed but did not flag), then stop it cleanly.
	if e := copyErrs.Load(); e > 0 {
		t.Errorf("the sink could not put %d copies into the mailbox", e)
	}
	waitFor(t, 20*time.Second, "every message (requests and copies) flagged $privacyd", func() bool {
		total, k, err := mb.flagged()
		return err == nil && total == n+int(copiesDelivered.Load()) && k == total
	})
	waitFor(t, 20*time.Second, "the last run's IMAP session", func() bool {
		b, _ := os.ReadFile(filepath.Join(dir, fmt.Sprintf("run%d.log", run)))
		return bytes.Contains(b, []byte("mailbox selected"))
	})
	proc.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("privacyd exited with %v after SIGTERM", err)
		}
	case <-time.After(20 * time.Second):
		t.Error("privacyd did not stop within 20 s of SIGTERM")
	}
	noteDeliveries()

	dupRuns := map[int]int{} // run -> mails it delivered that were delivered again later
	seen := map[string]int{}
	for _, m := range sink.Messages() {
		id := m.Header.Get("Message-ID")
		seen[id]++
		if seen[id] == 2 {
			dupRuns[firstRun[id]]++
		}
	}
	for i, kn := range notes {
		t.Logf("kill %d %s (%v after start): cases %d/%d, messages %d, outbox %d (unsent %d), sink %d; mails of this run delivered again later: %d",
			i+1, kn.how, kn.at.Round(time.Millisecond), kn.state.cases, n, kn.state.messages, kn.state.outbox, kn.state.unsent, kn.sink, dupRuns[i+1])
	}

	// How often the copies decided: from the runs' logs.
	var doubted, found, resent int
	for i := 1; i <= run; i++ {
		b, _ := os.ReadFile(filepath.Join(dir, fmt.Sprintf("run%d.log", i)))
		for _, l := range bytes.Split(b, []byte("\n")) {
			switch {
			case bytes.Contains(l, []byte("their copies are looked for before they are sent again")):
				doubted++
			case bytes.Contains(l, []byte("is in the mailbox; recorded as sent, not sent again")):
				found++
			case bytes.Contains(l, []byte("no copy of a mail that may have gone out")):
				resent++
			}
		}
	}
	t.Logf("restarts with mails in doubt: %d; their copies found (not sent again): %d; not found (sent): %d", doubted, found, resent)
	checkCrashOutcome(t, bin, cfgPath, db, sink, n, msgIDs, addrs, copies)
}

// checkCrashOutcome checks the register, the outbox and the SMTP sink after
// the crash test and reports duplicates delivered.
func checkCrashOutcome(t *testing.T, bin, cfgPath string, db *sql.DB, sink *smtptest.Server, n int, msgIDs, addrs []string, copies bool) {
	t.Helper()
	// The register as an operator sees it: privacyd cases -json.
	out, err := exec.Command(bin, "cases", "-config", cfgPath, "-json").Output()
	if err != nil {
		t.Fatalf("privacyd cases: %v", err)
	}
	perMsgID := map[string]int{}
	caseOf := map[string]string{} // request Message-ID -> case ID
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	lines := 0
	for sc.Scan() {
		var c struct {
			ID        string `json:"id"`
			MessageID string `json:"message_id"`
			Requester string `json:"requester"`
		}
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("cases -json line %q: %v", sc.Text(), err)
		}
		lines++
		perMsgID[c.MessageID]++
		caseOf[c.MessageID] = c.ID
	}
	if lines != n {
		t.Errorf("privacyd cases lists %d cases, want exactly %d", lines, n)
	}
	missing, twice := 0, 0
	for _, id := range msgIDs {
		switch perMsgID[id] {
		case 0:
			missing++
		case 1:
		default:
			twice++
		}
	}
	if missing > 0 || twice > 0 {
		t.Errorf("%d requests without a case, %d with more than one", missing, twice)
	}
	var stored, storedDistinct, ownCopies int
	if err := db.QueryRow(`SELECT COUNT(*), COUNT(DISTINCT message_id), (SELECT COUNT(*) FROM messages WHERE disposition = ?)
		FROM messages WHERE disposition != ?`, tracker.DispIgnored, tracker.DispIgnored).Scan(&stored, &storedDistinct, &ownCopies); err != nil {
		t.Fatal(err)
	}
	if stored != n || storedDistinct != n {
		t.Errorf("messages table: %d rows (besides those only recorded), %d distinct Message-IDs; want %d of each", stored, storedDistinct, n)
	}
	if copies && ownCopies != 2*n {
		t.Errorf("%d copies of privacyd's own mails recorded, want %d (one per mail sent)", ownCopies, 2*n)
	}

	// The outbox: per case exactly one customer mail and one staff mail, all sent.
	rows, err := db.Query(`SELECT c.id,
		(SELECT COUNT(*) FROM outbox o WHERE o.case_id = c.id AND o.audience = ?),
		(SELECT COUNT(*) FROM outbox o WHERE o.case_id = c.id AND o.audience = ?),
		(SELECT COUNT(*) FROM outbox o WHERE o.case_id = c.id AND o.sent_at = '')
		FROM cases c`, tracker.AudienceCustomer, tracker.AudienceStaff)
	if err != nil {
		t.Fatal(err)
	}
	bad := 0
	for rows.Next() {
		var id string
		var cust, staff, unsent int
		if err := rows.Scan(&id, &cust, &staff, &unsent); err != nil {
			t.Fatal(err)
		}
		if cust != 1 || staff != 1 || unsent != 0 {
			bad++
			if bad <= 10 {
				t.Errorf("%s: %d customer mails, %d staff mails, %d unsent in the outbox; want 1, 1, 0", id, cust, staff, unsent)
			}
		}
	}
	rows.Close()
	if bad > 0 {
		t.Errorf("%d cases with a wrong outbox", bad)
	}

	// The SMTP sink: every requester got their one mail; count duplicates.
	notCase := map[string]bool{} // mails not about one case (e.g. deadline warnings)
	nrows, err := db.Query(`SELECT message_id FROM outbox WHERE case_id IS NULL`)
	if err != nil {
		t.Fatal(err)
	}
	for nrows.Next() {
		var id string
		if err := nrows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		notCase["<"+id+">"] = true
	}
	nrows.Close()
	if len(notCase) > 0 {
		t.Logf("%d mails not about a case (deadline sweep or digest) left out of the count", len(notCase))
	}
	deliveries := map[string]int{} // Message-ID -> times delivered
	kindOf := map[string]string{}
	for _, m := range sink.Messages() {
		id := m.Header.Get("Message-ID")
		if notCase[id] {
			continue
		}
		deliveries[id]++
		to := slices.DeleteFunc(slices.Clone(m.To), func(a string) bool { return a == privacyAddr })
		if len(to) == 1 && to[0] == staffAddr {
			kindOf[id] = "staff"
		} else {
			kindOf[id] = "customer"
		}
	}
	noMail := 0
	for i, addr := range addrs {
		ids := map[string]bool{}
		for _, m := range sentTo(sink, addr) {
			ids[m.Header.Get("Message-ID")] = true
		}
		if len(ids) != 1 {
			noMail++
			if noMail <= 10 {
				t.Errorf("%s (case %s) got %d distinct mails, want exactly 1", addr, caseOf[msgIDs[i]], len(ids))
			}
		}
	}
	if len(deliveries) != 2*n {
		t.Errorf("the sink received %d distinct mails, want %d (one per request and one per staff notification)", len(deliveries), 2*n)
	}
	dups, dupCustomer, dupStaff := 0, 0, 0
	for id, k := range deliveries {
		if k > 1 {
			dups += k - 1
			if kindOf[id] == "customer" {
				dupCustomer += k - 1
			} else {
				dupStaff += k - 1
			}
		}
	}
	delivered := 0
	for _, k := range deliveries {
		delivered += k
	}
	t.Logf("outcome: %d requests -> %d cases; %d case mails delivered for %d distinct Message-IDs; duplicates delivered: %d (customer %d, staff %d)",
		n, lines, delivered, len(deliveries), dups, dupCustomer, dupStaff)
	if dups > 0 && (copies || os.Getenv("PRIVACYD_CRASH_STRICT") == "1") {
		t.Errorf("%d duplicate deliveries", dups)
	}
}

func tail(b []byte, lines int) string {
	s := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(s) > lines {
		s = s[len(s)-lines:]
	}
	return strings.Join(s, "\n")
}
