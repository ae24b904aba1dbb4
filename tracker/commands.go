package tracker

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"privacyd/classify"
	"privacyd/deadline"
	"privacyd/templates"
)

// staffRef returns the case (or "m<row>" message) a staff mail answers: the
// newest reference that is a Message-ID privacyd issued to staff, with a
// valid keyed token.
func (t *Tracker) staffRef(in *incoming) (string, bool) {
	for _, ref := range refsOf(in.msg) {
		if r, ok := t.verifyMessageID(ref); ok && r.Audience == AudienceStaff {
			return r.CaseID, true
		}
	}
	return "", false
}

// handleCommandMail authenticates a staff reply and applies its commands.
// A command is honoured only from an address in staff.addresses, in a reply
// that references a Message-ID privacyd issued to staff (keyed token), and,
// when security.trusted_authserv_id is set, with a DKIM pass recorded by
// that server. Anything else changes nothing, is recorded, and staff are told
// (at most once per hour per sender); the sender gets nothing.
func (t *Tracker) handleCommandMail(ctx context.Context, tx *sql.Tx, in *incoming) (int, error) {
	ref, refOK := t.staffRef(in)
	reason := ""
	switch {
	case !slices.Contains(t.opt.StaffAddresses, in.from):
		reason = t.staffText("sender is not in staff.addresses")
	case !refOK:
		reason = t.staffText("the mail does not answer a mail privacyd sent to staff (no valid token in References/In-Reply-To)")
	case t.opt.TrustedAuthservID != "" && !dkimPass(in.msg.Header["Authentication-Results"], t.opt.TrustedAuthservID, domainOf(in.from)):
		reason = fmt.Sprintf(t.staffText("no DKIM pass from %s in Authentication-Results"), t.opt.TrustedAuthservID)
	}
	caseID := ""
	if refOK && !strings.HasPrefix(ref, "m") {
		caseID = ref
	}
	if caseID != "" && !t.caseExists(ctx, tx, caseID) {
		caseID = ""
	}
	if reason != "" {
		return t.refuseForged(ctx, tx, in, caseID, reason)
	}
	row, err := t.insertMessage(ctx, tx, in, caseID, DispCommand)
	if err != nil {
		return 0, err
	}
	cmds := ParseCommands(in.msg.NewText)
	if len(cmds) == 0 {
		if caseID != "" {
			return 0, t.event(ctx, tx, caseID, in.from, "staff_mail", row, "", "", "a staff reply without commands")
		}
		return 0, nil
	}
	a := &applier{t: t, tx: tx, in: in, actor: in.from, msgRow: row, caseID: caseID, ref: ref}
	for _, c := range cmds {
		if err := a.apply(ctx, c); err != nil {
			return 0, err
		}
	}
	return a.finish(ctx)
}

// refuseForged records a command mail that failed authentication.
func (t *Tracker) refuseForged(ctx context.Context, tx *sql.Tx, in *incoming, caseID, reason string) (int, error) {
	row, err := t.insertMessage(ctx, tx, in, caseID, DispRefusedCmd)
	if err != nil {
		return 0, err
	}
	t.log.Warn("staff command refused: authentication failed", "uid", in.raw.UID, "case", caseID, "reason", reason)
	if caseID != "" {
		if err := t.event(ctx, tx, caseID, "unauthenticated", "command_refused", row, "", "", reason); err != nil {
			return 0, err
		}
	}
	// Tell staff at most once per hour per claimed sender.
	key := "forgery_notice:" + in.from
	var last string
	_ = tx.QueryRowContext(ctx, `SELECT value FROM kv WHERE key = ?`, key).Scan(&last)
	if lt := parseTime(last); !lt.IsZero() && t.now().Sub(lt) < time.Hour {
		return 0, nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
		key, fmtTime(t.now())); err != nil {
		return 0, err
	}
	d := templates.Data{Org: t.opt.Org, Lang: t.opt.StaffLanguage, CaseID: caseID, RequesterAddr: in.from,
		Reason: reason, Received: in.raw.InternalDate.In(t.opt.Rules.Loc), Now: t.now().In(t.opt.Rules.Loc)}
	return t.notifyStaff(ctx, tx, caseID, templates.StaffForgery, d, "", nil)
}

// applier applies the commands of one staff mail and collects what changed.
type applier struct {
	t        *Tracker
	tx       *sql.Tx
	in       *incoming
	actor    string
	msgRow   int64
	caseID   string
	ref      string
	changes  []string
	refusals []string
	queued   int
	help     bool
}

func (a *applier) refuse(c Command, format string, args ...any) {
	a.refusals = append(a.refusals, fmt.Sprintf("#%s: %s", c.Name, fmt.Sprintf(a.t.staffText(format), args...)))
}

func (a *applier) changed(format string, args ...any) {
	a.changes = append(a.changes, fmt.Sprintf(a.t.staffText(format), args...))
}

func (a *applier) apply(ctx context.Context, c Command) error {
	t := a.t
	switch c.Name {
	case "help":
		a.help = true
		return nil
	case "open":
		return a.open(ctx, c)
	}
	if !knownCommand(c.Name) {
		a.refuse(c, "unknown command; send #help for the list")
		return nil
	}
	if a.caseID == "" {
		a.refuse(c, "this mail is not about a case; #open turns a mail shown to you into a case")
		return nil
	}
	cs, err := t.loadCase(ctx, a.tx, a.caseID)
	if err != nil {
		return err
	}
	today := deadline.DateOf(t.now(), t.opt.Rules.Loc)
	due, _ := deadline.ParseDate(cs.Due)
	lang := cs.Language
	open := Open(cs.Status)
	if !open && c.Name != "note" && c.Name != "reply" && c.Name != "rights" {
		a.refuse(c, "the case is closed (%s)", cs.Status)
		return nil
	}
	switch c.Name {
	case "note":
		if c.Arg == "" {
			a.refuse(c, "needs a text: #note <text>")
			return nil
		}
		a.changed("note added")
		return t.event(ctx, a.tx, cs.ID, a.actor, "note", a.msgRow, "", "", c.Arg)

	case "verified":
		if cs.VerifiedAt != "" {
			a.refuse(c, "identity was already confirmed")
			return nil
		}
		newStatus := cs.Status
		if cs.Status == StatusAwaitingIdentity {
			newStatus = StatusInProgress
		}
		sets := map[string]any{"verified_at": fmtTime(t.now()), "status": newStatus}
		if t.opt.ClockStartsAtVerification && cs.Status == StatusAwaitingIdentity {
			start := today
			sets["clock_start"] = start.String()
			sets["due"] = t.opt.Rules.DueFrom(start).String()
			sets["extended_due"] = t.opt.Rules.ExtendedDueFrom(start).String()
			a.changed("the clock runs from %s (deadlines.clock_starts: identity_verified): due %s", start, sets["due"])
		}
		if err := a.update(ctx, cs, sets); err != nil {
			return err
		}
		a.changed("identity confirmed; status %s", newStatus)
		return nil

	case "extend":
		switch {
		case c.Arg == "":
			a.refuse(c, "needs a reason, which the customer will receive: #extend <reason> (art. 12(3))")
		case cs.Extended:
			a.refuse(c, "the case was already extended once; the law allows one extension of at most two months")
		case today.After(due):
			a.refuse(c, "the one-month due date %s has passed; an extension must be told to the customer on or before it (art. 12(3))", cs.Due)
		default:
			if err := a.update(ctx, cs, map[string]any{"status": StatusExtended, "extended": true, "extension_reason": c.Arg}); err != nil {
				return err
			}
			cs.Status, cs.Extended, cs.ExtensionReason = StatusExtended, true, c.Arg
			d := t.caseData(cs, lang)
			d.Reason = c.Arg
			if err := a.mail(ctx, cs, templates.Extension, d); err != nil {
				return err
			}
			a.changed("extended to %s; the customer was told the reason", cs.ExtendedDue)
		}
		return nil

	case "done":
		if err := a.close(ctx, cs, StatusCompleted); err != nil {
			return err
		}
		d := t.caseData(cs, lang)
		d.Message = c.Arg
		if err := a.mail(ctx, cs, templates.Completion, d); err != nil {
			return err
		}
		a.changed("completed; the customer received the closing mail")
		return nil

	case "refuse":
		switch {
		case c.Arg == "":
			a.refuse(c, "needs the reason, which the customer will receive: #refuse <reason> (art. 12(4))")
			return nil
		case slices.Contains(cs.Rights, classify.ObjectDirectMarketing):
			a.refuse(c, "an objection to direct marketing must always be honoured (art. 21(3) GDPR); it cannot be refused. Correct the rights with #rights if this is not such an objection")
			return nil
		}
		if err := a.close(ctx, cs, StatusRefused); err != nil {
			return err
		}
		if err := t.event(ctx, a.tx, cs.ID, a.actor, "refusal_reason", a.msgRow, "", "", c.Arg); err != nil {
			return err
		}
		d := t.caseData(cs, lang)
		d.Reason = c.Arg
		if err := a.mail(ctx, cs, templates.Refusal, d); err != nil {
			return err
		}
		late := ""
		if today.After(due) {
			late = fmt.Sprintf(" (late: the due date was %s)", cs.Due)
		}
		a.changed("refused; the customer received the reasons, the right to complain to %s and to go to court%s", t.opt.Authority.Name, late)
		return nil

	case "fee":
		amount, reason, _ := strings.Cut(c.Arg, " ")
		reason = strings.TrimSpace(reason)
		switch {
		case !validAmount(amount) || reason == "":
			a.refuse(c, "needs an amount and a reason: #fee <amount> <reason> (art. 12(5): only for manifestly unfounded or excessive requests)")
			return nil
		case slices.Contains(cs.Rights, classify.ObjectDirectMarketing):
			a.refuse(c, "an objection to direct marketing is always free (art. 21(3) GDPR)")
			return nil
		}
		if err := a.update(ctx, cs, map[string]any{"status": StatusAwaitingPayment, "fee_amount": amount}); err != nil {
			return err
		}
		cs.Status, cs.FeeAmount = StatusAwaitingPayment, amount
		d := t.caseData(cs, lang)
		d.Reason, d.Amount = reason, amount
		if err := a.mail(ctx, cs, templates.FeeRequest, d); err != nil {
			return err
		}
		a.changed("fee of %s asked; the customer may withdraw instead", amount)
		return nil

	case "reply":
		if c.Arg == "" {
			a.refuse(c, "needs the text for the customer: #reply <text>")
			return nil
		}
		d := t.caseData(cs, lang)
		d.Message = c.Arg
		if err := a.mail(ctx, cs, templates.Reply, d); err != nil {
			return err
		}
		a.changed("your text was sent to the customer")
		return nil

	case "rights":
		var rights []string
		for _, r := range strings.FieldsFunc(strings.ToLower(c.Arg), func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
			if !slices.Contains(classify.Rights, r) {
				a.refuse(c, "unknown right %q; known: %s", r, strings.Join(classify.Rights, ", "))
				return nil
			}
			rights = append(rights, r)
		}
		if len(rights) == 0 {
			a.refuse(c, "needs at least one right: #rights access,erasure")
			return nil
		}
		rights = sortedRights(rights)
		if err := a.update(ctx, cs, map[string]any{"rights": strings.Join(rights, ","), "triage": false}); err != nil {
			return err
		}
		a.changed("rights set to %s", strings.Join(rights, ", "))
		return nil

	case "withdrawn":
		if err := a.close(ctx, cs, StatusWithdrawn); err != nil {
			return err
		}
		if err := a.mail(ctx, cs, templates.WithdrawnNotice, t.caseData(cs, lang)); err != nil {
			return err
		}
		a.changed("closed as withdrawn; the customer received a confirmation")
		return nil

	case "notarequest":
		if err := a.close(ctx, cs, StatusNotARequest); err != nil {
			return err
		}
		a.changed("closed as not a request; the customer gets no mail")
		return nil
	}
	return nil
}

func knownCommand(name string) bool {
	switch name {
	case "verified", "extend", "done", "refuse", "fee", "reply", "rights", "note", "withdrawn", "notarequest", "open", "help":
		return true
	}
	return false
}

func validAmount(s string) bool {
	s = strings.TrimLeft(s, "€$£")
	s = strings.TrimPrefix(strings.TrimPrefix(s, "EUR"), "eur")
	f, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", "."), 64)
	return err == nil && f > 0 && f < 100000
}

// update sets columns of cs with one event per changed column.
func (a *applier) update(ctx context.Context, cs *Case, sets map[string]any) error {
	cols := make([]string, 0, len(sets))
	for k := range sets {
		cols = append(cols, k)
	}
	slices.Sort(cols)
	for _, col := range cols {
		var old string
		if err := a.tx.QueryRowContext(ctx, `SELECT CAST(`+col+` AS TEXT) FROM cases WHERE id = ?`, cs.ID).Scan(&old); err != nil {
			return err
		}
		v := sets[col]
		nv := fmt.Sprint(v)
		if b, ok := v.(bool); ok {
			nv = "0"
			if b {
				nv = "1"
			}
		}
		if old == nv {
			continue
		}
		if _, err := a.tx.ExecContext(ctx, `UPDATE cases SET `+col+` = ?, updated_at = ? WHERE id = ?`, v, fmtTime(a.t.now()), cs.ID); err != nil {
			return fmt.Errorf("update %s: %w", col, err)
		}
		typ := "changed_" + col
		if col == "status" {
			typ = "status_changed"
		}
		if err := a.t.event(ctx, a.tx, cs.ID, a.actor, typ, a.msgRow, old, nv, ""); err != nil {
			return err
		}
	}
	if s, ok := sets["status"].(string); ok {
		cs.Status = s
	}
	return nil
}

func (a *applier) close(ctx context.Context, cs *Case, status string) error {
	now := fmtTime(a.t.now())
	if err := a.update(ctx, cs, map[string]any{"status": status, "closed_at": now}); err != nil {
		return err
	}
	cs.ClosedAt = now
	return nil
}

// mail queues a customer letter triggered by staff (not automatic).
func (a *applier) mail(ctx context.Context, cs *Case, name string, d templates.Data) error {
	n, err := a.t.mailCustomer(ctx, a.tx, cs, name, d, "", nil, false)
	a.queued += n
	return err
}

// open turns a mail shown to staff as not a request into a case, with its
// original receipt time.
func (a *applier) open(ctx context.Context, c Command) error {
	t := a.t
	if !strings.HasPrefix(a.ref, "m") {
		a.refuse(c, "#open works in a reply to a mail shown to you as not a request")
		return nil
	}
	row, err := strconv.ParseInt(a.ref[1:], 10, 64)
	if err != nil {
		a.refuse(c, "unknown mail")
		return nil
	}
	var raw []byte
	var caseID sql.NullString
	var mailbox, internal string
	var validity, uid uint32
	err = a.tx.QueryRowContext(ctx, `SELECT raw, case_id, mailbox, uidvalidity, uid, internal_date FROM messages WHERE id = ?`, row).
		Scan(&raw, &caseID, &mailbox, &validity, &uid, &internal)
	if errors.Is(err, sql.ErrNoRows) || raw == nil {
		a.refuse(c, "that mail is no longer in the register")
		return nil
	} else if err != nil {
		return err
	}
	if caseID.Valid {
		a.refuse(c, "that mail is already case %s", caseID.String)
		return nil
	}
	in := t.prepareRaw(mailbox, validity, uid, parseTime(internal), raw)
	rights := in.cls.Rights
	if c.Arg != "" {
		rights = nil
		for _, r := range strings.FieldsFunc(strings.ToLower(c.Arg), func(r rune) bool { return r == ',' || r == ' ' }) {
			if !slices.Contains(classify.Rights, r) {
				a.refuse(c, "unknown right %q; known: %s", r, strings.Join(classify.Rights, ", "))
				return nil
			}
			rights = append(rights, r)
		}
	}
	in.cls.Kind = classify.Request
	in.clsJSON = nil // stale now
	n, err := t.openCase(ctx, a.tx, in, rights, a.actor, row)
	if err != nil {
		return err
	}
	a.queued += n
	var id string
	if err := a.tx.QueryRowContext(ctx, `SELECT case_id FROM messages WHERE id = ?`, row).Scan(&id); err != nil {
		return err
	}
	a.caseID = id
	a.changed("case %s opened with receipt time %s", id, parseTime(internal).In(t.opt.Rules.Loc).Format("2006-01-02 15:04"))
	return nil
}

// finish answers the staff member with what changed, or why nothing did.
func (a *applier) finish(ctx context.Context) (int, error) {
	t := a.t
	var d templates.Data
	if a.caseID != "" {
		cs, err := t.loadCase(ctx, a.tx, a.caseID)
		if err != nil {
			return 0, err
		}
		d = t.caseData(cs, t.opt.StaffLanguage)
	} else {
		d = templates.Data{Org: t.opt.Org, Authority: t.opt.Authority, Lang: t.opt.StaffLanguage, Now: t.now().In(t.opt.Rules.Loc)}
	}
	d.Changes, d.Refusals = a.changes, a.refusals
	ref := a.caseID
	if ref == "" {
		ref = a.ref
	}
	n := a.queued
	if len(a.changes) > 0 || len(a.refusals) > 0 {
		k, err := t.notifyStaff(ctx, a.tx, ref, templates.StaffResult, d, a.in.msgID, []string{a.actor})
		if err != nil {
			return 0, err
		}
		n += k
	}
	if a.help {
		k, err := t.notifyStaff(ctx, a.tx, ref, templates.StaffHelp, d, a.in.msgID, []string{a.actor})
		if err != nil {
			return 0, err
		}
		n += k
	}
	return n, nil
}

// prepareRaw parses and classifies a stored mail again.
func (t *Tracker) prepareRaw(mailbox string, validity, uid uint32, internal time.Time, raw []byte) *incoming {
	return t.prepare(mailbox, validity, mailinRaw(uid, internal, raw))
}

func domainOf(addr string) string {
	_, d, _ := strings.Cut(addr, "@")
	return strings.ToLower(d)
}
