package mailin

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"slices"
	"strings"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// session is one logged-in connection with the mailbox selected.
type session struct {
	r        *Reader
	log      *slog.Logger
	c        *imapclient.Client
	conn     net.Conn    // under c: closing it ends every pending Wait
	stop     func() bool // stops the context.AfterFunc that closes the conn
	newMail  chan struct{}
	caps     imap.CapSet
	validity uint32
	keywords bool // the server keeps $privacyd
}

// open dials, logs in, makes sure the processed mailbox exists, selects the
// mailbox, compares UIDVALIDITY with the checkpoint and repairs missing
// keywords.
func (r *Reader) open(ctx context.Context) (_ *session, err error) {
	s := &session{r: r, log: r.log, newMail: make(chan struct{}, 1)}
	if err := s.dial(ctx); err != nil {
		return nil, err
	}
	ok := false
	defer func() {
		if !ok { // an error or a panic: do not leak the connection
			s.close()
		}
	}()
	w := s.guard("login/select")
	defer w.stop()
	if err := s.login(); err != nil {
		return nil, err
	}
	if err := s.ensureProcessed(); err != nil {
		return nil, err
	}
	if err := s.selectMailbox(ctx); err != nil {
		return nil, err
	}
	ok = true
	return s, nil
}

func (s *session) dial(ctx context.Context) error {
	o := &s.r.opt
	host, _, err := net.SplitHostPort(o.Address)
	if err != nil {
		return fmt.Errorf("imap address %q: %w", o.Address, err)
	}
	tcfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if o.TLSConfig != nil {
		tcfg = o.TLSConfig.Clone()
	}
	if tcfg.ServerName == "" {
		tcfg.ServerName = host
	}
	copts := &imapclient.Options{
		TLSConfig:   tcfg,
		DebugWriter: s.r.debug,
		UnilateralDataHandler: &imapclient.UnilateralDataHandler{
			// Runs on the client's read goroutine: must never block.
			Mailbox: func(d *imapclient.UnilateralDataMailbox) {
				if d.NumMessages != nil {
					select {
					case s.newMail <- struct{}{}:
					default:
					}
				}
			},
		},
	}
	dctx, cancel := context.WithTimeout(ctx, o.DialTimeout)
	defer cancel()
	d := &net.Dialer{}
	var conn net.Conn
	if o.TLS == TLSImplicit {
		if tcfg.NextProtos == nil {
			tcfg.NextProtos = []string{"imap"}
		}
		conn, err = (&tls.Dialer{NetDialer: d, Config: tcfg}).DialContext(dctx, "tcp", o.Address)
	} else {
		conn, err = d.DialContext(dctx, "tcp", o.Address)
	}
	if err != nil {
		return fmt.Errorf("imap connect %s: %w", o.Address, err)
	}
	// The client API has no context: closing the connection unblocks every
	// pending Wait, so that is how ctx cancels a session.
	s.conn = conn
	s.stop = context.AfterFunc(ctx, func() { conn.Close() })
	if o.TLS == TLSStartTLS {
		// The STARTTLS handshake is bounded by DialTimeout too.
		hs := context.AfterFunc(dctx, func() { conn.Close() })
		s.c, err = imapclient.NewStartTLS(conn, copts) // refuses PREAUTH before TLS
		hs()
		if err != nil {
			s.stop()
			conn.Close()
			return fmt.Errorf("imap starttls %s: %w", o.Address, err)
		}
	} else {
		s.c = imapclient.New(conn, copts)
	}
	return nil
}

func (s *session) login() error {
	o := &s.r.opt
	if err := s.c.WaitGreeting(); err != nil {
		return fmt.Errorf("imap greeting: %w", err)
	}
	if s.c.Caps().Has(imap.CapLoginDisabled) {
		return fmt.Errorf("%w: server disables LOGIN on this connection (use implicit or starttls)", ErrAuth)
	}
	if err := s.c.Login(o.Username, o.Password).Wait(); err != nil {
		var ie *imap.Error
		if errors.As(err, &ie) && (ie.Type == imap.StatusResponseTypeNo || ie.Type == imap.StatusResponseTypeBad) &&
			ie.Code != imap.ResponseCodeUnavailable {
			return fmt.Errorf("%w: %v", ErrAuth, err)
		}
		return fmt.Errorf("imap login: %w", err)
	}
	s.caps = s.c.Caps()
	if s.caps == nil {
		return errors.New("imap: no capabilities after login")
	}
	return nil
}

func (s *session) ensureProcessed() error {
	name := s.r.opt.ProcessedMailbox
	if name == "" {
		return nil
	}
	err := s.c.Create(name, nil).Wait()
	if err == nil {
		s.log.Info("created processed mailbox", "processed_mailbox", name)
		return nil
	}
	var ie *imap.Error
	if errors.As(err, &ie) && ie.Code == imap.ResponseCodeAlreadyExists {
		return nil
	}
	// Some servers say NO without ALREADYEXISTS: ask whether it is there.
	if _, serr := s.c.Status(name, &imap.StatusOptions{UIDValidity: true}).Wait(); serr == nil {
		return nil
	}
	return fmt.Errorf("imap create processed mailbox %q: %w", name, err)
}

func (s *session) selectMailbox(ctx context.Context) error {
	o := &s.r.opt
	sel, err := s.c.Select(o.Mailbox, nil).Wait()
	if err != nil {
		var ie *imap.Error
		if errors.As(err, &ie) && ie.Code == imap.ResponseCodeNonExistent {
			return fmt.Errorf("imap select: mailbox %q does not exist (renamed or deleted?): %w", o.Mailbox, err)
		}
		return fmt.Errorf("imap select %q: %w", o.Mailbox, err)
	}
	s.validity = sel.UIDValidity
	s.keywords = slices.ContainsFunc(sel.PermanentFlags, func(f imap.Flag) bool {
		return f == imap.FlagWildcard || strings.EqualFold(string(f), Keyword)
	})
	if !s.keywords && !s.r.noKeywordsSaid.Swap(true) {
		s.log.Info("server does not keep custom keywords (no \\* in PERMANENTFLAGS); processed mail is not flagged " + Keyword)
	}
	s.log = s.r.log.With("uidvalidity", s.validity)
	s.r.connected.Store(true)

	v, last, err := s.r.sink.Checkpoint(ctx, o.Mailbox)
	if err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	switch {
	case v == 0:
		s.log.Info("mailbox selected; no checkpoint yet", "messages", sel.NumMessages)
	case v != s.validity:
		s.log.Warn("UIDVALIDITY changed; reading the mailbox again from the start (the sink drops what it has seen)",
			"old_uidvalidity", v, "last_uid", last, "messages", sel.NumMessages)
	default:
		s.log.Info("mailbox selected", "last_uid", last, "messages", sel.NumMessages)
		if o.ProcessedMailbox == "" && s.keywords && last > 0 {
			s.repair(imap.UID(last))
		}
		if o.ProcessedMailbox != "" && last > 0 {
			s.repairMove(imap.UID(last))
		}
	}
	return nil
}

// repair flags messages at or below the checkpoint that lack the keyword: a
// crash or cut between Deliver and STORE leaves such messages. Failure is
// only logged.
func (s *session) repair(last imap.UID) {
	w := s.guard("repair")
	defer w.stop()
	uids := s.processedLeft(last, Keyword)
	if len(uids) == 0 {
		return
	}
	if err := s.storeKeyword(uids); err != nil {
		s.log.Warn("flagging processed messages failed", "count", len(uids), "err", err)
		return
	}
	s.log.Info("flagged processed messages that lacked "+Keyword, "count", len(uids), "first_uid", uids[0], "last_uid", uids[len(uids)-1])
}

// processedLeft returns the UIDs at or below the checkpoint last that do
// not carry flag: processed messages a crash left unmarked.
func (s *session) processedLeft(last imap.UID, flag imap.Flag) []imap.UID {
	var set imap.UIDSet
	set.AddRange(1, last)
	data, err := s.c.UIDSearch(&imap.SearchCriteria{UID: []imap.UIDSet{set}, NotFlag: []imap.Flag{flag}}, nil).Wait()
	if err != nil {
		s.log.Warn("searching for processed messages left unmarked failed", "err", err)
		return nil
	}
	var uids []imap.UID
	for _, uid := range data.AllUIDs() {
		if uid <= last { // defensive: a server may answer with more than asked
			uids = append(uids, uid)
		}
	}
	return uids
}

// repairMove moves messages at or below the checkpoint that are still in
// the mailbox to the processed mailbox: a crash or cut between Deliver and
// the move leaves such messages. Messages flagged \Deleted are left alone (a
// COPY without UIDPLUS leaves the originals so, and they may be someone
// else's). Failure is only logged.
func (s *session) repairMove(last imap.UID) {
	w := s.guard("repair")
	defer w.stop()
	uids := s.processedLeft(last, imap.FlagDeleted)
	if len(uids) == 0 {
		return
	}
	if err := s.move(uids, s.r.opt.ProcessedMailbox); err != nil {
		s.log.Warn("moving processed messages left in the mailbox failed", "count", len(uids), "err", err)
		return
	}
	s.log.Info("moved processed messages left in the mailbox", "count", len(uids), "first_uid", uids[0], "last_uid", uids[len(uids)-1])
}

// close ends the session without LOGOUT.
func (s *session) close() {
	s.r.connected.Store(false)
	if s.stop != nil {
		s.stop()
	}
	if s.c != nil {
		s.c.Close()
	}
}

func (s *session) logout() error {
	w := s.guard("logout")
	defer w.stop()
	if err := s.c.Logout().Wait(); err != nil && !errors.Is(err, net.ErrClosed) && !errors.Is(err, io.EOF) {
		s.log.Debug("imap logout", "err", err)
	}
	return nil
}

// wait blocks until there may be new mail: IDLE when allowed and offered,
// else PollInterval, then NOOP.
func (s *session) wait(ctx context.Context) error {
	o := &s.r.opt
	if o.IDLE && s.caps.Has(imap.CapIdle) {
		return s.idle(ctx)
	}
	t := time.NewTimer(o.PollInterval)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-s.c.Closed():
		return errors.New("imap connection closed")
	case <-t.C:
	}
	w := s.guard("noop")
	defer w.stop()
	if err := s.c.Noop().Wait(); err != nil {
		return fmt.Errorf("imap noop: %w", err)
	}
	return nil
}

// idle runs IDLE until the server reports EXISTS, MaxIdle passes, ctx is
// done or the connection drops.
func (s *session) idle(ctx context.Context) error {
	w := s.guard("idle")
	cmd, err := s.c.Idle() // blocks until the server's "+ idling"
	w.stop()
	if err != nil {
		return fmt.Errorf("imap idle: %w", err)
	}
	t := time.NewTimer(s.r.opt.MaxIdle)
	defer t.Stop()
	woke := "max_idle"
	select {
	case <-s.newMail:
		woke = "exists"
	case <-t.C:
	case <-ctx.Done():
		woke = "cancel"
	case <-s.c.Closed():
		woke = "closed"
	}
	// While IDLE runs no other command may be sent: Close (DONE), then Wait.
	w = s.guard("idle done")
	defer w.stop()
	if err := cmd.Close(); err != nil {
		return fmt.Errorf("imap idle done: %w", err)
	}
	if err := cmd.Wait(); err != nil {
		return fmt.Errorf("imap idle: %w", err)
	}
	if woke == "cancel" {
		return ctx.Err()
	}
	s.log.Debug("idle woke", "why", woke)
	return nil
}

// watchdog closes the connection when the server stays silent for
// CommandTimeout while a command is outstanding.
type watchdog struct {
	t *time.Timer
	d time.Duration
}

// guard arms a watchdog; stop it when the command is answered, touch it on
// progress (each message of a FETCH).
func (s *session) guard(what string) watchdog {
	d := s.r.opt.CommandTimeout
	return watchdog{t: time.AfterFunc(d, func() {
		s.log.Warn("imap server did not answer; closing the connection", "command", what, "timeout", d)
		s.conn.Close()
	}), d: d}
}

func (w watchdog) touch() { w.t.Reset(w.d) }
func (w watchdog) stop()  { w.t.Stop() }
