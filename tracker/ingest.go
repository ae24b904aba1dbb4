package tracker

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/mail"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"privacyd/classify"
	"privacyd/deadline"
	"privacyd/mailin"
	"privacyd/message"
	"privacyd/templates"
)

var _ mailin.Sink = (*Tracker)(nil)

// Dispositions record what privacyd did with an incoming mail.
const (
	DispNewCase    = "new_case"
	DispFollowUp   = "follow_up"
	DispCommand    = "staff_command"
	DispIgnored    = "recorded"        // auto-reply, bounce, list mail, own mail: recorded, not answered
	DispShownStaff = "shown_to_staff"  // personal mail that is not a request
	DispRefusedCmd = "command_refused" // failed authentication
	DispError      = "error"           // handling failed; stored whole for staff
)

// incoming is one fetched mail, parsed and classified outside the transaction.
type incoming struct {
	raw      mailin.Raw
	mailbox  string
	validity uint32
	sha      string
	msgID    string // Message-ID, or "sha256:<hex>" when missing
	msg      *message.Message
	cls      classify.Result
	clsJSON  []byte // cls as stored, encoded by prepare (nil: encode when stored)
	// msgPart is what the staff notification of a new case shows of the
	// mail (messagePart), encoded by prepare (nil: encode when queued).
	msgPart  []byte
	from     string // lower-case address
	fromName string
}

// Checkpoint implements mailin.Sink.
func (t *Tracker) Checkpoint(ctx context.Context, mailbox string) (uint32, uint32, error) {
	var v, last uint32
	err := t.w.QueryRowContext(ctx, `SELECT uidvalidity, last_uid FROM checkpoint WHERE mailbox = ?`, mailbox).Scan(&v, &last)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, nil
	}
	return v, last, err
}

// Deliver implements mailin.Sink: the effects of every message in batch and
// the new checkpoint commit in one transaction.
//
// The batch is first handled without a savepoint per mail: a savepoint costs
// two statements per mail and a copy of every page a mail changes (about a
// tenth of the transaction's time). When handling a mail fails, that
// transaction is rolled back and the batch handled again with each mail in
// its own savepoint (ingestIsolated), so the one bad mail is stored marked
// "error" and the others commit as usual.
func (t *Tracker) Deliver(ctx context.Context, mailbox string, uidValidity uint32, batch []mailin.Raw) error {
	if len(batch) == 0 {
		return nil
	}
	prep := t.prepared(mailbox, uidValidity, batch)
	defer t.delivered(prep)
	defer prep.abort()
	queued, err := t.deliverTx(ctx, prep, false)
	var f *mailFailed
	if errors.As(err, &f) {
		t.log.Warn("handling a mail failed; its batch is handled again, each mail on its own", "uid", f.uid, "mails", len(batch))
		queued, err = t.deliverTx(ctx, prep, true)
	}
	if err != nil {
		return err
	}
	t.ck.Kick()
	if queued > 0 && t.opt.OnQueued != nil {
		t.opt.OnQueued()
	}
	return nil
}

// mailFailed is deliverTx's error when handling one mail failed in a batch
// handled without savepoints.
type mailFailed struct {
	uid uint32
	err error
}

func (e *mailFailed) Error() string { return fmt.Sprintf("uid %d: %v", e.uid, e.err) }
func (e *mailFailed) Unwrap() error { return e.err }

// deliverTx handles the prepared batch and advances the checkpoint in one
// transaction, each mail in its own savepoint when isolated; it returns the
// number of mails queued.
func (t *Tracker) deliverTx(ctx context.Context, prep *preparer, isolated bool) (int, error) {
	tx, err := t.w.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	var maxUID uint32
	queued := 0
	for i := range prep.batch {
		in := prep.get(i)
		var n int
		if isolated {
			if n, err = t.ingestIsolated(ctx, tx, in); err != nil {
				return 0, fmt.Errorf("uid %d: %w", in.raw.UID, err)
			}
		} else if n, err = t.ingest(ctx, tx, in); err != nil {
			if ctx.Err() != nil {
				return 0, fmt.Errorf("uid %d: %w", in.raw.UID, err)
			}
			return 0, &mailFailed{uid: in.raw.UID, err: err}
		}
		queued += n
		maxUID = max(maxUID, in.raw.UID)
	}
	if _, err := t.exec(ctx, tx, `INSERT INTO checkpoint (mailbox, uidvalidity, last_uid) VALUES (?, ?, ?)
		ON CONFLICT (mailbox) DO UPDATE SET uidvalidity = excluded.uidvalidity,
		last_uid = CASE WHEN checkpoint.uidvalidity = excluded.uidvalidity THEN MAX(checkpoint.last_uid, excluded.last_uid) ELSE excluded.last_uid END`,
		prep.mailbox, prep.validity, maxUID); err != nil {
		return 0, fmt.Errorf("checkpoint: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("commit: %w", err)
	}
	return queued, nil
}

// ingestIsolated runs ingest inside a savepoint. When handling one mail
// fails (a template that does not render, a bug), its partial effects are
// rolled back and the mail is still stored, marked "error", so that one bad
// mail can neither block the mailbox nor be lost; it is logged with its UID
// and listed with its disposition in the register. Only a failure to store it at all fails the batch.
func (t *Tracker) ingestIsolated(ctx context.Context, tx *sql.Tx, in *incoming) (int, error) {
	if _, err := t.exec(ctx, tx, `SAVEPOINT ingest`); err != nil {
		return 0, err
	}
	n, err := t.ingest(ctx, tx, in)
	if err == nil {
		_, err = t.exec(ctx, tx, `RELEASE ingest`)
		return n, err
	}
	if ctx.Err() != nil {
		return 0, err
	}
	t.log.Error("handling a mail failed; it is stored for staff", "uid", in.raw.UID, "err", err)
	if _, rerr := tx.ExecContext(ctx, `ROLLBACK TO ingest`); rerr != nil {
		return 0, errors.Join(err, rerr)
	}
	if _, rerr := tx.ExecContext(ctx, `RELEASE ingest`); rerr != nil {
		return 0, errors.Join(err, rerr)
	}
	if _, serr := t.insertMessage(ctx, tx, in, "", DispError); serr != nil {
		return 0, errors.Join(err, serr)
	}
	return 0, nil
}

// preparer parses and classifies a batch outside the transaction, spread
// over the available CPUs (both are pure functions of the mail), while the
// transaction already handles the mails that are ready: next returns the
// mails in batch order. A panic in a worker is raised again in the caller of
// next, as if the work had run there.
type preparer struct {
	batch    []mailin.Raw
	mailbox  string
	validity uint32
	ins      []*incoming
	ready    []chan struct{}
	next     atomic.Int64
	stop     atomic.Bool
	panicked atomic.Pointer[any]
	// claimed is closed when every mail of the batch has been taken by a
	// worker: a batch prepared ahead starts then (see Prepare).
	claimed     chan struct{}
	claimedOnce sync.Once
}

// Prepare implements mailin.Preparer: the mailbox reader hands over a batch
// as soon as it is fetched, while the transaction of the batch before may
// still run, so that the CPUs parse and classify ahead of the single writer
// instead of idling while it commits. Its workers start once every mail of
// the batch before has been taken, so the batch the transaction needs first
// is never overtaken. Deliver uses the work when it is called with the same
// batch. At most two batches are held ahead; older ones are dropped.
func (t *Tracker) Prepare(mailbox string, uidValidity uint32, batch []mailin.Raw) {
	if len(batch) == 0 {
		return
	}
	t.ahead.Lock()
	defer t.ahead.Unlock()
	var after <-chan struct{}
	if t.ahead.last != nil {
		after = t.ahead.last.claimed
	}
	if len(t.ahead.ps) >= 2 {
		t.ahead.ps[0].abort()
		t.ahead.ps = slices.Delete(t.ahead.ps, 0, 1)
	}
	p := t.startPrepare(mailbox, uidValidity, batch, after)
	t.ahead.ps = append(t.ahead.ps, p)
	t.ahead.last = p
}

// prepared returns the preparer of batch: the one Prepare started, or a new
// one. Batches prepared before it are not going to be delivered: dropped.
// Deliver is called with a non-empty batch.
func (t *Tracker) prepared(mailbox string, uidValidity uint32, batch []mailin.Raw) *preparer {
	t.ahead.Lock()
	defer t.ahead.Unlock()
	for i, p := range t.ahead.ps {
		if p.mailbox == mailbox && p.validity == uidValidity && len(p.batch) == len(batch) && &p.batch[0] == &batch[0] {
			for _, old := range t.ahead.ps[:i] {
				old.abort()
			}
			t.ahead.ps = slices.Delete(t.ahead.ps, 0, i+1)
			return p
		}
	}
	// Not prepared (a reader without Prepare, or the same mail fetched again
	// in a new session): what is held for these UIDs is stale.
	t.ahead.ps = slices.DeleteFunc(t.ahead.ps, func(old *preparer) bool {
		stale := old.mailbox == mailbox && (old.validity != uidValidity || old.batch[0].UID <= batch[len(batch)-1].UID)
		if stale {
			old.abort()
		}
		return stale
	})
	p := t.startPrepare(mailbox, uidValidity, batch, nil)
	t.ahead.last = p
	return p
}

// delivered forgets p as the batch the next Prepare waits for.
func (t *Tracker) delivered(p *preparer) {
	t.ahead.Lock()
	defer t.ahead.Unlock()
	if t.ahead.last == p {
		t.ahead.last = nil
	}
}

func (t *Tracker) startPrepare(mailbox string, validity uint32, batch []mailin.Raw, after <-chan struct{}) *preparer {
	p := &preparer{batch: batch, mailbox: mailbox, validity: validity, ins: make([]*incoming, len(batch)),
		ready: make([]chan struct{}, len(batch)), claimed: make(chan struct{})}
	for i := range p.ready {
		p.ready[i] = make(chan struct{})
	}
	workers := runtime.GOMAXPROCS(0)
	if after != nil {
		// Prepared ahead, while a transaction runs: leave it a CPU. On two
		// CPUs, a second worker made the transaction — the path every mail
		// waits on — wait for a CPU about a third of its time.
		workers = max(1, workers-1)
	}
	for range min(workers, len(batch)) {
		go func() {
			if after != nil {
				<-after
			}
			for {
				i := int(p.next.Add(1) - 1)
				if i >= len(batch)-1 {
					p.claimedOnce.Do(func() { close(p.claimed) })
				}
				if i >= len(batch) {
					return
				}
				if p.stop.Load() {
					close(p.ready[i])
					continue
				}
				p.one(t, i)
			}
		}()
	}
	return p
}

func (p *preparer) one(t *Tracker, i int) {
	defer close(p.ready[i])
	defer func() {
		if v := recover(); v != nil {
			p.panicked.CompareAndSwap(nil, &v)
			p.stop.Store(true)
		}
	}()
	p.ins[i] = t.prepare(p.mailbox, p.validity, p.batch[i])
}

// get waits for mail i of the batch.
func (p *preparer) get(i int) *incoming {
	<-p.ready[i]
	if p.ins[i] == nil {
		if v := p.panicked.Load(); v != nil {
			panic(*v)
		}
		panic("tracker: mail not prepared")
	}
	return p.ins[i]
}

// abort tells the workers to skip the mails not yet started.
func (p *preparer) abort() { p.stop.Store(true) }

// prepareHook, set by a test, sees the UID of every mail prepare parses.
var prepareHook func(uid uint32)

func (t *Tracker) prepare(mailbox string, validity uint32, raw mailin.Raw) *incoming {
	if prepareHook != nil {
		prepareHook(raw.UID)
	}
	sum := sha256.Sum256(raw.Data)
	in := &incoming{raw: raw, mailbox: mailbox, validity: validity, sha: hex.EncodeToString(sum[:])}
	in.msg = message.Parse(raw.Data, message.Options{MaxBytes: t.opt.MaxParseBytes})
	in.msgID = in.msg.MessageID
	if in.msgID == "" {
		in.msgID = "sha256:" + in.sha
	}
	if in.msg.From != nil {
		in.from = message.NormalizeAddress(in.msg.From.Address)
		in.fromName = in.msg.From.Name
	}
	in.cls = t.opt.Classifier.Classify(in.msg)
	in.clsJSON, _ = json.Marshal(in.cls)
	if in.cls.Kind == classify.Request {
		in.msgPart = messagePart(in) // only a request can open a case
	}
	if in.raw.InternalDate.IsZero() {
		in.raw.InternalDate = t.now()
	}
	return in
}

// ingest records one message and its effects in tx; it returns the number of
// mails queued.
func (t *Tracker) ingest(ctx context.Context, tx *sql.Tx, in *incoming) (int, error) {
	// Message-ID is the second guard after the UID checkpoint: the same mail
	// fetched again (a crash, a UIDVALIDITY change) has no second effect. A
	// different mail that reuses a Message-ID is still a new mail.
	var dup int64
	err := t.queryRow(ctx, tx, dupQuery, in.msgID, in.sha, in.from, fmtTime(in.msg.Date), in.msg.Subject).Scan(&dup)
	if err == nil {
		t.log.Info("duplicate mail skipped", "uid", in.raw.UID, "message", dup)
		return 0, nil
	} else if !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}

	switch {
	case in.from != "" && slices.Contains(t.opt.OwnAddresses, in.from) && in.cls.Kind != classify.StaffCommand:
		_, err := t.insertMessage(ctx, tx, in, "", DispIgnored)
		return 0, err
	case in.cls.Kind == classify.AutoReply || in.cls.Kind == classify.Bounce:
		return t.handleAutomatic(ctx, tx, in)
	case in.cls.Kind == classify.StaffCommand:
		return t.handleCommandMail(ctx, tx, in)
	}
	if _, ok := t.staffRef(in); ok {
		// A reply to a staff mail: staff's own (a comment, or commands the
		// classifier missed), or someone else holding a staff token.
		return t.handleCommandMail(ctx, tx, in)
	}
	if caseID, err := t.matchThread(ctx, tx, in); err != nil {
		return 0, err
	} else if caseID != "" {
		return t.followUp(ctx, tx, in, caseID)
	}
	if in.cls.Kind == classify.Request {
		return t.openCase(ctx, tx, in, in.cls.Rights, "privacyd", 0)
	}
	// not_a_request: nothing a person wrote is dropped; show it to staff, who
	// can turn it into a case with #open. List and bulk mail is only recorded.
	if isBulk(in.msg) || !answerable(in.from, t.opt.OwnAddresses) {
		_, err := t.insertMessage(ctx, tx, in, "", DispIgnored)
		return 0, err
	}
	return t.showToStaff(ctx, tx, in)
}

// showToStaff records in, a mail outside any case that is no request, as
// shown to staff and sends them the not-a-request notice, from which they
// can #open it.
func (t *Tracker) showToStaff(ctx context.Context, tx *sql.Tx, in *incoming) (int, error) {
	msgRow, err := t.insertMessage(ctx, tx, in, "", DispShownStaff)
	if err != nil {
		return 0, err
	}
	return t.notifyStaff(ctx, tx, fmt.Sprintf("m%d", msgRow), templates.StaffNotRequest, t.messageData(in), "", nil)
}

// insertMessage stores in and returns its row id.
func (t *Tracker) insertMessage(ctx context.Context, tx *sql.Tx, in *incoming, caseID, disp string) (int64, error) {
	cls := in.clsJSON
	if cls == nil {
		cls, _ = json.Marshal(in.cls)
	}
	var c any
	if caseID != "" {
		c = caseID
	}
	res, err := t.exec(ctx, tx, `INSERT INTO messages (case_id, mailbox, uidvalidity, uid, message_id, sha256,
		internal_date, from_addr, from_name, date_hdr, subject, kind, language, rights, classification, disposition,
		size, raw, processed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c, in.mailbox, in.validity, in.raw.UID, in.msgID, in.sha, fmtTime(in.raw.InternalDate), in.from, in.fromName,
		fmtTime(in.msg.Date), in.msg.Subject, string(in.cls.Kind), in.cls.Language, strings.Join(in.cls.Rights, ","),
		string(cls), disp, len(in.raw.Data), in.raw.Data, fmtTime(t.now()))
	if err != nil {
		return 0, fmt.Errorf("store message: %w", err)
	}
	return res.LastInsertId()
}

// event appends to the event log.
func (t *Tracker) event(ctx context.Context, tx *sql.Tx, caseID, actor, typ string, msg int64, oldV, newV, detail string) error {
	var m any
	if msg > 0 {
		m = msg
	}
	_, err := t.exec(ctx, tx, `INSERT INTO events (case_id, at, actor, type, message, old_value, new_value, detail)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, caseID, fmtTime(t.now()), actor, typ, m, oldV, newV, detail)
	if err != nil {
		return fmt.Errorf("event %s: %w", typ, err)
	}
	return nil
}

// handleAutomatic records an auto-reply or bounce; it is never answered (RFC
// 3834). A bounce of a mail privacyd sent about a case tells staff, and so
// does an auto-reply outside a case that only the word model read as one
// (Result.Triage).
func (t *Tracker) handleAutomatic(ctx context.Context, tx *sql.Tx, in *incoming) (int, error) {
	caseID := ""
	refs := refsOf(in.msg)
	if in.msg.ReportedMessageID != "" {
		refs = append([]string{in.msg.ReportedMessageID}, refs...) // the mail a bounce reports on
	}
	for _, ref := range refs {
		if r, ok := t.verifyMessageID(ref); ok && r.Audience == AudienceCustomer && r.CaseID != "" {
			caseID = r.CaseID
		}
	}
	if caseID != "" && !t.caseExists(ctx, tx, caseID) {
		caseID = ""
	}
	if caseID == "" && in.cls.Kind == classify.AutoReply && in.cls.Triage && !isBulk(in.msg) && answerable(in.from, t.opt.OwnAddresses) {
		// Only the classifier's word model read it as automatic (a help
		// desk's status mail in a layout the rules do not know): never
		// answered, but shown to staff like a personal mail that is no
		// request, in case a person wrote it after all.
		return t.showToStaff(ctx, tx, in)
	}
	row, err := t.insertMessage(ctx, tx, in, caseID, DispIgnored)
	if err != nil || caseID == "" {
		return 0, err
	}
	typ := "auto_reply_received"
	if in.cls.Kind == classify.Bounce {
		typ = "bounce_received"
	}
	if err := t.event(ctx, tx, caseID, "mailer", typ, row, "", "", in.cls.KindReason); err != nil {
		return 0, err
	}
	if in.cls.Kind != classify.Bounce {
		return 0, nil
	}
	c, err := t.loadCase(ctx, prepTx{t, tx}, caseID)
	if err != nil {
		return 0, err
	}
	d := t.caseData(c, t.opt.StaffLanguage)
	d.Reason = t.staffText("the customer's mail server returned our mail as undeliverable")
	return t.notifyStaff(ctx, tx, caseID, templates.StaffSendFailed, d, "", nil)
}

// matchThread finds the case an incoming mail continues: it references a mail
// privacyd sent to the customer of a case, or that case's request, or names
// the case in its subject — and comes from the case's requester. A case
// reference from anyone else does not attach (thread hijack): it becomes a
// mail of its own.
func (t *Tracker) matchThread(ctx context.Context, tx *sql.Tx, in *incoming) (string, error) {
	var candidates []string
	for _, ref := range refsOf(in.msg) {
		if r, ok := t.verifyMessageID(ref); ok && r.CaseID != "" && r.Audience == AudienceCustomer {
			candidates = append(candidates, r.CaseID)
			continue
		}
		var c sql.NullString
		err := t.queryRow(ctx, tx, `SELECT case_id FROM messages WHERE message_id = ? AND case_id IS NOT NULL LIMIT 1`, ref).Scan(&c)
		if err == nil && c.Valid {
			candidates = append(candidates, c.String)
		} else if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return "", err
		}
	}
	candidates = append(candidates, t.caseRefs(in.msg.Subject)...)
	for _, id := range candidates {
		var requester string
		err := t.queryRow(ctx, tx, `SELECT requester FROM cases WHERE id = ?`, id).Scan(&requester)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		} else if err != nil {
			return "", err
		}
		if requester != "" && requester == in.from {
			return id, nil
		}
	}
	return "", nil
}

// followUp attaches a customer's mail to their case and tells staff.
func (t *Tracker) followUp(ctx context.Context, tx *sql.Tx, in *incoming, caseID string) (int, error) {
	row, err := t.insertMessage(ctx, tx, in, caseID, DispFollowUp)
	if err != nil {
		return 0, err
	}
	if err := t.event(ctx, tx, caseID, "customer", "customer_followup", row, "", "", ""); err != nil {
		return 0, err
	}
	c, err := t.loadCase(ctx, prepTx{t, tx}, caseID)
	if err != nil {
		return 0, err
	}
	d := t.caseData(c, t.opt.StaffLanguage)
	d.Message = clip(in.msg.NewText, 8000)
	return t.notifyStaff(ctx, tx, caseID, templates.StaffFollowUp, d, "", nil)
}

// openedCaseHook, set by a test, sees each case openCase built in memory.
var openedCaseHook func(*Case)

// openCase opens a case for in with rights; actor opened it (privacyd, or a
// staff address for #open). It returns the number of mails queued.
func (t *Tracker) openCase(ctx context.Context, tx *sql.Tx, in *incoming, rights []string, actor string, msgRow int64) (int, error) {
	loc := t.opt.Rules.Loc
	received := in.raw.InternalDate
	year := received.In(loc).Year()
	id, seq, err := t.nextCaseID(ctx, tx, year)
	if err != nil {
		return 0, err
	}
	clk := t.opt.Rules.Compute(received)
	lang := t.customerLanguage(in.cls.Language)
	rights = sortedRights(rights)
	// Read long after it arrived (privacyd started on a mailbox with older
	// mail, or was down): no automatic mail — an acknowledgement with a due
	// date already past, or an identity check, would confuse the customer.
	// Staff answer personally. A case staff open with #open is theirs.
	readLate := 0
	if age := t.now().Sub(received); msgRow == 0 && t.opt.AnswerMaxAge > 0 && age > t.opt.AnswerMaxAge {
		readLate = int(age / (24 * time.Hour))
	}
	hist, err := t.requesterHistory(ctx, tx, in.from, received)
	if err != nil {
		return 0, err
	}
	status := StatusInProgress
	if t.needsIdentity(hist, rights) && readLate == 0 {
		status = StatusAwaitingIdentity
	}
	repetitive := t.isRepetitive(hist, in.from)
	now := fmtTime(t.now())
	_, err = t.exec(ctx, tx, `INSERT INTO cases (id, year, seq, status, rights, language, requester, requester_name,
		representative, triage, repetitive, received_at, received_date, clock_start, due, extended_due, subject, message_id,
		created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, year, seq, status, strings.Join(rights, ","), lang, in.from, in.fromName, in.cls.Representative,
		len(rights) == 0 || in.cls.Triage, repetitive, fmtTime(received), clk.ReceivedDate.String(), clk.ReceivedDate.String(),
		clk.Due.String(), clk.ExtendedDue.String(), in.msg.Subject, in.msgID, now, now)
	if err != nil {
		return 0, fmt.Errorf("insert case: %w", err)
	}
	if msgRow == 0 {
		if msgRow, err = t.insertMessage(ctx, tx, in, id, DispNewCase); err != nil {
			return 0, err
		}
	} else if _, err := t.exec(ctx, tx, `UPDATE messages SET case_id = ?, disposition = ? WHERE id = ?`, id, DispNewCase, msgRow); err != nil {
		return 0, err
	}
	if err := t.event(ctx, tx, id, actor, "case_opened", msgRow, "", status,
		fmt.Sprintf("rights=%s due=%s", strings.Join(rights, ","), clk.Due)); err != nil {
		return 0, err
	}
	t.log.Info("case opened", "case", id, "uid", in.raw.UID, "status", status)

	// The case as just inserted, without reading it back (TestOpenedCaseAsStored).
	c := &Case{ID: id, Status: status, Rights: splitRights(strings.Join(rights, ",")), Language: lang,
		Requester: in.from, RequesterName: in.fromName, Representative: in.cls.Representative,
		Triage: len(rights) == 0 || in.cls.Triage, Repetitive: repetitive, ReceivedAt: parseTime(fmtTime(received)),
		ReceivedDate: clk.ReceivedDate.String(), ClockStart: clk.ReceivedDate.String(), Due: clk.Due.String(),
		ExtendedDue: clk.ExtendedDue.String(), Subject: in.msg.Subject, MessageID: in.msgID}
	if openedCaseHook != nil {
		openedCaseHook(c)
	}
	queued := 0
	// The customer gets one mail at once: the acknowledgement with the receipt
	// and due dates (EDPB §57), or, when the identity must be checked first,
	// the identity check, which acknowledges the request as well.
	if machineMail(in.msg) {
		// The classifier took it for a request, but its headers say a
		// machine sent it: keep the case, never answer it (RFC 3834 §2).
		if err := t.event(ctx, tx, id, "privacyd", "not_answered", msgRow, "", "", "the mail carries automatic-mail headers"); err != nil {
			return 0, err
		}
	} else if readLate > 0 {
		if err := t.event(ctx, tx, id, "privacyd", "not_answered", msgRow, "", "",
			fmt.Sprintf("read %d days after it arrived (limits.answer_max_age_days): staff answer personally", readLate)); err != nil {
			return 0, err
		}
	} else if answerable(in.from, t.opt.OwnAddresses) {
		refs := append(slices.Clone(in.msg.References), in.msgID)
		name := templates.Acknowledgement
		if status == StatusAwaitingIdentity {
			name = templates.IdentityCheck
		}
		n, err := t.mailCustomer(ctx, tx, c, name, t.caseData(c, lang), in.msgID, refs, true)
		if err != nil {
			return 0, err
		}
		queued += n
	}
	d := t.caseData(c, t.opt.StaffLanguage)
	d.ReadLate = readLate
	part := in.msgPart
	if part == nil || in.clsJSON == nil { // not prepared, or reclassified (#open)
		part = messagePart(in)
	}
	n, err := t.notifyStaffMore(ctx, tx, id, templates.StaffNewCase, d, part, "", nil)
	return queued + n, err
}

// staffMessagePart is what a staff notification of a new case shows of the
// mail and its classification: fields of templates.Data, by their names.
type staffMessagePart struct {
	Message    string
	Kind       string
	KindReason string
	Language   string
	Evidence   []templates.EvidenceLine
}

// messagePart encodes in's staffMessagePart. It depends on the mail alone,
// so prepare encodes it beside the transaction (up to 8,000 characters of
// the customer's text and the evidence: the largest part of the ingest
// path's JSON).
func messagePart(in *incoming) []byte {
	p := staffMessagePart{Message: clip(in.msg.NewText, 8000), Kind: string(in.cls.Kind), KindReason: in.cls.KindReason,
		Language: in.cls.Language}
	for _, e := range in.cls.Evidence {
		p.Evidence = append(p.Evidence, templates.EvidenceLine{Right: e.Right, Text: e.Text, Offset: e.Offset})
	}
	b, _ := json.Marshal(p)
	return b
}

// dupQuery finds an earlier copy of a mail: the same Message-ID and the
// same bytes, or the same sender, Date and Subject.
const dupQuery = `SELECT id FROM messages WHERE message_id = ? AND
	(sha256 = ? OR (from_addr = ? AND date_hdr = ? AND subject = ?)) LIMIT 1`

// capQuery counts the automatic mails to one recipient since a time; it
// runs for every incoming request, on the index outbox_auto_recipient.
const capQuery = `SELECT COUNT(*) FROM outbox WHERE audience = ? AND auto_submitted AND to_addrs = ? AND created_at > ?`

// mailCustomer queues template name to the case's requester, threaded to
// inReplyTo, unless the per-sender cap of automatic mails is reached.
func (t *Tracker) mailCustomer(ctx context.Context, tx *sql.Tx, c *Case, name string, d templates.Data, inReplyTo string, refs []string, auto bool) (int, error) {
	if !answerable(c.Requester, t.opt.OwnAddresses) {
		return 0, nil
	}
	if auto {
		to, _ := json.Marshal([]string{c.Requester})
		var n int
		if err := t.queryRow(ctx, tx, capQuery, AudienceCustomer, string(to), fmtTime(t.now().Add(-24*time.Hour))).Scan(&n); err != nil {
			return 0, err
		}
		if n >= t.opt.AutoMailsPerSender {
			t.log.Warn("automatic mail suppressed: per-sender cap reached", "case", c.ID, "kind", name)
			return 0, t.event(ctx, tx, c.ID, "privacyd", "mail_suppressed", 0, "", "", name+": per-sender cap of automatic mails reached")
		}
	}
	if inReplyTo == "" {
		inReplyTo, refs = t.customerThread(ctx, tx, c)
	}
	id, err := t.enqueue(ctx, tx, draft{caseID: c.ID, kind: name, audience: AudienceCustomer, to: []string{c.Requester},
		data: &d, inReplyTo: inReplyTo, refs: refs, auto: auto})
	if err != nil {
		return 0, err
	}
	return 1, t.event(ctx, tx, c.ID, "privacyd", "mail_queued", 0, "", name, id)
}

// customerThread returns the In-Reply-To and References for a new mail in
// the case's customer thread: the latest mail of the customer, else the request.
func (t *Tracker) customerThread(ctx context.Context, tx *sql.Tx, c *Case) (string, []string) {
	last := c.MessageID
	_ = t.queryRow(ctx, tx, `SELECT message_id FROM messages WHERE case_id = ? AND from_addr = ? ORDER BY id DESC LIMIT 1`,
		c.ID, c.Requester).Scan(&last)
	refs := []string{c.MessageID}
	if last != c.MessageID {
		refs = append(refs, last)
	}
	return last, refs
}

// notifyStaff queues template name to staff.notify about caseID (or a
// message "m<row>"). inReplyTo threads it to a staff mail when set.
func (t *Tracker) notifyStaff(ctx context.Context, tx *sql.Tx, ref, name string, d templates.Data, inReplyTo string, to []string) (int, error) {
	return t.notifyStaffMore(ctx, tx, ref, name, d, nil, inReplyTo, to)
}

// notifyStaffMore is notifyStaff with more template data encoded already
// (draft.dataMore).
func (t *Tracker) notifyStaffMore(ctx context.Context, tx *sql.Tx, ref, name string, d templates.Data, more []byte, inReplyTo string, to []string) (int, error) {
	if to == nil {
		to = t.opt.StaffNotify
	}
	if len(to) == 0 {
		return 0, nil
	}
	var refs []string
	if inReplyTo != "" {
		refs = []string{inReplyTo}
	}
	caseID := ref
	if strings.HasPrefix(ref, "m") {
		caseID = "" // a message, not a case: the token still names it
	}
	if _, err := t.enqueue(ctx, tx, draft{caseID: caseID, ref: ref, kind: name, audience: AudienceStaff, to: to,
		data: &d, dataMore: more, inReplyTo: inReplyTo, refs: refs, auto: true}); err != nil {
		return 0, err
	}
	return 1, nil
}

// history is what the register knows of a requester's earlier cases.
type history struct {
	verified int // cases whose identity was verified
	recent   int // cases received within RepetitiveDays before this one
}

// requesterHistory reads from's earlier cases in one lookup (both counts
// use the index cases_requester).
func (t *Tracker) requesterHistory(ctx context.Context, tx *sql.Tx, from string, received time.Time) (history, error) {
	var h history
	if from == "" {
		return h, nil
	}
	since := received.AddDate(0, 0, -t.opt.RepetitiveDays)
	err := t.queryRow(ctx, tx, `SELECT COUNT(*) FILTER (WHERE verified_at != ''), COUNT(*) FILTER (WHERE received_at > ?)
		FROM cases WHERE requester = ?`, fmtTime(since), from).Scan(&h.verified, &h.recent)
	return h, err
}

// needsIdentity applies policy.identity_check: by default a request from an
// address already known from a verified earlier case is not asked again, and
// an objection to direct marketing or a withdrawal of consent (which concern
// the address itself) needs no identity check.
func (t *Tracker) needsIdentity(h history, rights []string) bool {
	switch t.opt.IdentityCheck {
	case "never":
		return false
	case "always":
		return true
	}
	if len(rights) > 0 && !slices.ContainsFunc(rights, func(r string) bool {
		return r != classify.ObjectDirectMarketing && r != classify.WithdrawConsent
	}) {
		return false
	}
	return h.verified == 0
}

// isRepetitive flags a requester with RepetitiveCount requests (this one
// included) within RepetitiveDays: a hint for staff (art. 12(5)), never a refusal.
func (t *Tracker) isRepetitive(h history, from string) bool {
	return from != "" && h.recent+1 >= t.opt.RepetitiveCount
}

func (t *Tracker) customerLanguage(lang string) string {
	switch lang {
	case "nl", "en", "de", "fr":
		return lang
	}
	return t.opt.DefaultLanguage
}

func (t *Tracker) caseExists(ctx context.Context, tx *sql.Tx, id string) bool {
	var n int
	return t.queryRow(ctx, tx, `SELECT 1 FROM cases WHERE id = ?`, id).Scan(&n) == nil
}

// caseData fills template data for c in lang.
func (t *Tracker) caseData(c *Case, lang string) templates.Data {
	d := templates.Data{
		Org: t.opt.Org, Authority: t.opt.Authority, Lang: lang,
		CaseID: c.ID, Status: c.Status, RequesterName: c.RequesterName, RequesterAddr: c.Requester,
		Subject: c.Subject, Rights: c.Rights, Representative: c.Representative,
		Received: c.ReceivedAt.In(t.opt.Rules.Loc), ReceivedDate: dateTime(c.ReceivedDate), Due: dateTime(c.Due),
		ExtendedDue: dateTime(c.ExtendedDue), Extended: c.Extended, Amount: c.FeeAmount, IDCopy: t.opt.IDCopy,
		Triage: c.Triage, Repetitive: c.Repetitive, Now: t.now().In(t.opt.Rules.Loc),
	}
	return d
}

// messageData fills template data for a mail that is not (yet) a case.
func (t *Tracker) messageData(in *incoming) templates.Data {
	d := templates.Data{Org: t.opt.Org, Authority: t.opt.Authority, Lang: t.opt.StaffLanguage,
		RequesterName: in.fromName, RequesterAddr: in.from, Subject: in.msg.Subject,
		Received: in.raw.InternalDate.In(t.opt.Rules.Loc), Message: clip(in.msg.NewText, 8000),
		Kind: string(in.cls.Kind), KindReason: in.cls.KindReason, Language: in.cls.Language, Now: t.now().In(t.opt.Rules.Loc)}
	clk := t.opt.Rules.Compute(in.raw.InternalDate)
	d.ReceivedDate, d.Due, d.ExtendedDue = dateTime(clk.ReceivedDate.String()), dateTime(clk.Due.String()), dateTime(clk.ExtendedDue.String())
	return d
}

func dateTime(s string) time.Time {
	d, err := deadline.ParseDate(s)
	if err != nil {
		return time.Time{}
	}
	return d.Time(time.UTC)
}

func refsOf(m *message.Message) []string {
	out := slices.Clone(m.InReplyTo)
	for i := len(m.References) - 1; i >= 0; i-- { // newest first
		if !slices.Contains(out, m.References[i]) {
			out = append(out, m.References[i])
		}
	}
	return out
}

// answerable reports whether privacyd may send automatic mail to addr:
// never to itself, to an empty sender or to machine senders (RFC 3834 §2).
func answerable(addr string, own []string) bool {
	if addr == "" || !strings.Contains(addr, "@") || slices.Contains(own, addr) {
		return false
	}
	if _, err := mail.ParseAddress(addr); err != nil {
		return false // the outbox could not send to it ("tom@[127.0.0.1" from a mangled literal)
	}
	local, _, _ := strings.Cut(addr, "@")
	local = strings.ReplaceAll(strings.ReplaceAll(local, "-", ""), "_", "")
	for _, p := range []string{"noreply", "donotreply", "mailerdaemon", "postmaster", "bounce", "noresponse"} {
		if strings.HasPrefix(local, p) || strings.HasSuffix(local, p) {
			return false
		}
	}
	return true
}

// machineMail reports mail that headers mark as sent by a machine: an
// auto-reply (RFC 3834 Auto-Submitted other than "no", X-Autoreply and
// kin), a delivery report, or list and bulk mail. Such mail is never answered.
func machineMail(m *message.Message) bool {
	if isBulk(m) || m.MediaType == "multipart/report" {
		return true
	}
	for _, v := range m.Header["Auto-Submitted"] {
		if !strings.EqualFold(strings.TrimSpace(strings.SplitN(v, ";", 2)[0]), "no") {
			return true
		}
	}
	for _, h := range []string{"X-Autoreply", "X-Autorespond", "X-Auto-Reply"} {
		if len(m.Header[h]) > 0 {
			return true
		}
	}
	for _, p := range m.Header["Precedence"] {
		if strings.EqualFold(strings.TrimSpace(p), "auto_reply") {
			return true
		}
	}
	for _, rp := range m.Header["Return-Path"] {
		if strings.TrimSpace(rp) == "<>" {
			return true
		}
	}
	return false
}

// isBulk reports list or bulk mail (RFC 2369, RFC 2919, Precedence).
func isBulk(m *message.Message) bool {
	if len(m.Header["List-Id"]) > 0 || len(m.Header["List-Unsubscribe"]) > 0 || len(m.Header["List-Post"]) > 0 {
		return true
	}
	for _, p := range m.Header["Precedence"] {
		switch strings.ToLower(strings.TrimSpace(p)) {
		case "bulk", "list", "junk":
			return true
		}
	}
	return false
}

func sortedRights(rights []string) []string {
	out := slices.Clone(rights)
	slices.Sort(out)
	return slices.Compact(out)
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && n < len(s) && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n] + "\n[…]"
}

func mailinRaw(uid uint32, internal time.Time, raw []byte) mailin.Raw {
	return mailin.Raw{UID: uid, InternalDate: internal, Data: raw}
}
