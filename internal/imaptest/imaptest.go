// Package imaptest runs a real, in-process IMAP server on loopback for tests
// and for the sandbox: go-imap's imapserver protocol server over the
// imapmemserver in-memory backend, with one user.
//
// On top of the plain server it offers what fault tests need: a choice of
// capabilities (IMAP4rev2 with IDLE, MOVE and UIDPLUS, or IMAP4rev1 only, with
// or without IDLE), a mailbox that refuses keywords, implicit TLS or STARTTLS
// with a self-signed certificate made in-process, cutting every connection
// (at once or after the server wrote a number of bytes, which lands in the
// middle of a FETCH), stopping and restarting on the same address, mailbox
// create/delete/rename, and reading back what a mailbox holds. Proxy puts
// the same cuts in front of any other server (a real Dovecot, for one).
//
// New(Config) works anywhere (the sandbox command uses it); Start(tb, ...)
// wraps it for tests and closes the server when the test ends.
package imaptest

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"
)

// TLS modes of a Server, the same words as privacyd's imap.tls setting.
const (
	TLSNone     = "none"
	TLSImplicit = "implicit"
	TLSStartTLS = "starttls"
)

// Default credentials of the single user.
const (
	DefaultUsername = "privacy@example.org"
	DefaultPassword = "secret"
)

// Config describes a Server. The zero value is a plain IMAP4rev2 server on
// 127.0.0.1 with an INBOX and the default user.
type Config struct {
	// Addr is the listen address; default "127.0.0.1:0". Use loopback only.
	Addr string
	// Username and Password of the one user; defaults DefaultUsername and
	// DefaultPassword.
	Username, Password string
	// Mailboxes are created at start; default {"INBOX"}.
	Mailboxes []string
	// Rev1Only advertises IMAP4rev1 only: no MOVE, no UIDPLUS (and IDLE only
	// as the rev1 extension, see NoIdle).
	Rev1Only bool
	// ExtraCaps are advertised in addition with Rev1Only, e.g. imap.CapUIDPlus
	// for a server with UIDPLUS but without MOVE.
	ExtraCaps []imap.Cap
	// NoIdle removes IDLE from the advertised capabilities. It needs Rev1Only
	// (IDLE is part of IMAP4rev2) and TLS "none" or "implicit".
	NoIdle bool
	// SilentIdle makes IDLE announce nothing (as a server whose change
	// notification is broken): only a client's own timeout ends it.
	SilentIdle bool
	// NoKeywords makes SELECT report PERMANENTFLAGS without \* and makes
	// STORE refuse keywords (flags that do not start with a backslash), as a
	// server that cannot keep custom keywords does.
	NoKeywords bool
	// TLS is TLSNone (default), TLSImplicit or TLSStartTLS. With TLS a
	// self-signed certificate for 127.0.0.1/localhost is generated.
	TLS string
	// Logf receives the server's error log; nil discards it.
	Logf func(format string, args ...any)
}

// Server is a running in-process IMAP server.
type Server struct {
	cfg   Config
	mem   *imapmemserver.Server
	user  *imapmemserver.User
	cert  tls.Certificate
	pool  *x509.CertPool
	conns *connSet

	loginAttempts atomic.Int64
	loginFailures atomic.Int64
	idles         atomic.Int64
	copyErr       atomic.Pointer[error]

	mu     sync.Mutex
	addr   string
	srv    *imapserver.Server // nil while stopped
	ln     net.Listener       // the raw listener of srv
	closed bool
}

// New starts a server described by cfg.
func New(cfg Config) (*Server, error) {
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:0"
	}
	if cfg.Username == "" {
		cfg.Username = DefaultUsername
	}
	if cfg.Password == "" {
		cfg.Password = DefaultPassword
	}
	if len(cfg.Mailboxes) == 0 {
		cfg.Mailboxes = []string{"INBOX"}
	}
	if cfg.TLS == "" {
		cfg.TLS = TLSNone
	}
	switch cfg.TLS {
	case TLSNone, TLSImplicit, TLSStartTLS:
	default:
		return nil, fmt.Errorf("imaptest: TLS %q: want none, implicit or starttls", cfg.TLS)
	}
	if cfg.NoIdle && !cfg.Rev1Only {
		return nil, errors.New("imaptest: NoIdle needs Rev1Only (IMAP4rev2 includes IDLE)")
	}
	if cfg.NoIdle && cfg.TLS == TLSStartTLS {
		return nil, errors.New("imaptest: NoIdle does not work with STARTTLS")
	}
	s := &Server{
		cfg:   cfg,
		mem:   imapmemserver.New(),
		user:  imapmemserver.NewUser(cfg.Username, cfg.Password),
		conns: newConnSet(),
		addr:  cfg.Addr,
	}
	for _, name := range cfg.Mailboxes {
		if err := s.user.Create(name, nil); err != nil {
			return nil, fmt.Errorf("imaptest: create %s: %w", name, err)
		}
	}
	s.mem.AddUser(s.user)
	if cfg.TLS != TLSNone {
		var err error
		if s.cert, s.pool, err = selfSigned(); err != nil {
			return nil, err
		}
	}
	if err := s.Restart(); err != nil {
		return nil, err
	}
	return s, nil
}

// Option changes a Config for Start.
type Option func(*Config)

// WithRev1Only advertises IMAP4rev1 only (no MOVE, no UIDPLUS).
func WithRev1Only() Option { return func(c *Config) { c.Rev1Only = true } }

// WithExtraCaps advertises IMAP4rev1 plus caps (e.g. imap.CapUIDPlus).
func WithExtraCaps(caps ...imap.Cap) Option {
	return func(c *Config) { c.Rev1Only, c.ExtraCaps = true, caps }
}

// WithoutIdle advertises IMAP4rev1 only and hides IDLE.
func WithoutIdle() Option { return func(c *Config) { c.Rev1Only, c.NoIdle = true, true } }

// WithSilentIdle makes IDLE announce nothing.
func WithSilentIdle() Option { return func(c *Config) { c.SilentIdle = true } }

// WithoutKeywords makes the server refuse custom keywords.
func WithoutKeywords() Option { return func(c *Config) { c.NoKeywords = true } }

// WithTLS sets the TLS mode (TLSImplicit or TLSStartTLS).
func WithTLS(mode string) Option { return func(c *Config) { c.TLS = mode } }

// WithMailboxes sets the mailboxes created at start.
func WithMailboxes(names ...string) Option { return func(c *Config) { c.Mailboxes = names } }

// WithCredentials sets the user's name and password.
func WithCredentials(username, password string) Option {
	return func(c *Config) { c.Username, c.Password = username, password }
}

// Start starts a server for a test and closes it when the test ends. Server
// errors go to tb.Logf while the test runs.
func Start(tb testing.TB, opts ...Option) *Server {
	tb.Helper()
	var (
		mu   sync.Mutex
		done bool
	)
	cfg := Config{Logf: func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		if !done {
			tb.Logf("imaptest: "+format, args...)
		}
	}}
	for _, o := range opts {
		o(&cfg)
	}
	s, err := New(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		mu.Lock()
		done = true
		mu.Unlock()
		s.Close()
	})
	return s
}

// Addr is the host:port the server listens on.
func (s *Server) Addr() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addr
}

// Username is the user's login name.
func (s *Server) Username() string { return s.cfg.Username }

// Password is the user's password.
func (s *Server) Password() string { return s.cfg.Password }

// TLSMode is the server's TLS mode: TLSNone, TLSImplicit or TLSStartTLS.
func (s *Server) TLSMode() string { return s.cfg.TLS }

// CertPool trusts the server's self-signed certificate (nil without TLS).
func (s *Server) CertPool() *x509.CertPool { return s.pool }

// ClientTLSConfig is a client TLS configuration that trusts the server
// (nil without TLS).
func (s *Server) ClientTLSConfig() *tls.Config {
	if s.pool == nil {
		return nil
	}
	return &tls.Config{RootCAs: s.pool, MinVersion: tls.VersionTLS12}
}

// Backend gives direct access to the in-memory user, for what the helpers
// here do not cover.
func (s *Server) Backend() *imapmemserver.User { return s.user }

// Restart starts listening again (on the same address after Stop). It is a
// no-op while the server runs.
func (s *Server) Restart() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return errors.New("imaptest: server closed")
	}
	if s.srv != nil {
		return nil
	}
	raw, err := net.Listen("tcp", s.addr)
	if err != nil {
		return fmt.Errorf("imaptest: listen: %w", err)
	}
	s.addr = raw.Addr().String()
	var ln net.Listener = &trackedListener{Listener: raw, set: s.conns}
	opts := &imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return &session{srv: s}, nil, nil
		},
		Logger:       logger(s.cfg.Logf),
		InsecureAuth: true, // loopback only
	}
	if !s.cfg.Rev1Only {
		opts.Caps = imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapIMAP4rev2: {}}
	} else if len(s.cfg.ExtraCaps) > 0 {
		opts.Caps = imap.CapSet{imap.CapIMAP4rev1: {}}
		for _, c := range s.cfg.ExtraCaps {
			opts.Caps[c] = struct{}{}
		}
	}
	tlsCfg := &tls.Config{Certificates: []tls.Certificate{s.cert}, MinVersion: tls.VersionTLS12}
	switch s.cfg.TLS {
	case TLSImplicit:
		ln = tls.NewListener(ln, tlsCfg)
	case TLSStartTLS:
		opts.TLSConfig = tlsCfg
	}
	if s.cfg.NoIdle {
		ln = noIdleListener{ln}
	}
	srv := imapserver.New(opts)
	s.srv, s.ln = srv, raw
	go srv.Serve(ln)
	return nil
}

// Stop closes the listener and every connection; the mailboxes are kept and
// Restart serves them again on the same address.
func (s *Server) Stop() error {
	s.mu.Lock()
	srv, ln := s.srv, s.ln
	s.srv, s.ln = nil, nil
	s.mu.Unlock()
	if srv == nil {
		return nil
	}
	// Close the listener ourselves: imapserver.Close only closes listeners
	// that Serve has registered, and Serve runs in its own goroutine.
	ln.Close()
	err := srv.Close()
	s.conns.closeAll()
	return err
}

// Close stops the server for good.
func (s *Server) Close() error {
	err := s.Stop()
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	return err
}

// CutConnections closes every open client connection (the listener stays)
// and returns how many there were.
func (s *Server) CutConnections() int { return s.conns.closeAll() }

// CutAfter arms a one-shot cut: once the server has written n more bytes
// (over all connections, TLS records included), every connection is closed.
// The returned channel is closed when the cut happened.
func (s *Server) CutAfter(n int64) <-chan struct{} { return s.conns.arm(n) }

// Blackhole makes everything the server writes vanish (on) or arrive again
// (off), with every connection still up: a hung server or a network that
// silently drops packets, which TCP keepalive does not notice.
func (s *Server) Blackhole(on bool) { s.conns.setBlackhole(on) }

// Conns reports the open connections and all connections accepted so far.
func (s *Server) Conns() (open, total int) { return s.conns.count() }

// WaitOpenConns waits until exactly n client connections are open (the
// server closes its side of a connection shortly after LOGOUT) and reports
// whether that happened within timeout.
func (s *Server) WaitOpenConns(n int, timeout time.Duration) bool {
	return s.conns.waitOpen(n, timeout)
}

// LoginAttempts reports how many LOGIN/AUTHENTICATE attempts the server saw,
// and how many of them failed.
func (s *Server) LoginAttempts() (attempts, failures int) {
	return int(s.loginAttempts.Load()), int(s.loginFailures.Load())
}

// IdleCommands reports how many IDLE commands the server has seen.
func (s *Server) IdleCommands() int { return int(s.idles.Load()) }

// SetCopyError makes every COPY (and the COPY of a client's MOVE fallback)
// fail with err until it is called with nil. MOVE itself is not affected.
func (s *Server) SetCopyError(err error) {
	if err == nil {
		s.copyErr.Store(nil)
		return
	}
	s.copyErr.Store(&err)
}

// Append stores raw in mailbox with the given INTERNALDATE (zero: now) and
// flags, as a delivery agent would, and returns its UID. It wakes IDLE
// clients.
func (s *Server) Append(mailbox string, raw []byte, internalDate time.Time, flags ...imap.Flag) (uint32, error) {
	data, err := s.user.Append(mailbox, bytes.NewReader(raw), &imap.AppendOptions{Time: internalDate, Flags: flags})
	if err != nil {
		return 0, fmt.Errorf("imaptest: append to %s: %w", mailbox, err)
	}
	return uint32(data.UID), nil
}

// CreateMailbox creates a mailbox (a new UIDVALIDITY).
func (s *Server) CreateMailbox(name string) error { return s.user.Create(name, nil) }

// DeleteMailbox deletes a mailbox and its messages.
func (s *Server) DeleteMailbox(name string) error { return s.user.Delete(name) }

// RenameMailbox renames a mailbox.
func (s *Server) RenameMailbox(oldName, newName string) error {
	return s.user.Rename(oldName, newName, nil)
}

// UIDValidity reports a mailbox's UIDVALIDITY.
func (s *Server) UIDValidity(mailbox string) (uint32, error) {
	st, err := s.user.Status(mailbox, &imap.StatusOptions{UIDValidity: true})
	if err != nil {
		return 0, err
	}
	return st.UIDValidity, nil
}

// Dial opens a logged-in client connection to the server, over TLS when the
// server uses it.
func (s *Server) Dial() (*imapclient.Client, error) {
	return s.DialAs(s.cfg.Username, s.cfg.Password)
}

// DialAs is Dial with other credentials.
func (s *Server) DialAs(username, password string) (*imapclient.Client, error) {
	opts := &imapclient.Options{TLSConfig: s.ClientTLSConfig()}
	var (
		c   *imapclient.Client
		err error
	)
	switch s.cfg.TLS {
	case TLSImplicit:
		c, err = imapclient.DialTLS(s.Addr(), opts)
	case TLSStartTLS:
		c, err = imapclient.DialStartTLS(s.Addr(), opts)
	default:
		c, err = imapclient.DialInsecure(s.Addr(), opts)
	}
	if err != nil {
		return nil, err
	}
	if err := c.Login(username, password).Wait(); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// Message is what a mailbox holds about one message.
type Message struct {
	UID          uint32
	Flags        []imap.Flag
	InternalDate time.Time
	Size         int64
}

// Has reports whether the message carries flag (case-insensitive).
func (m Message) Has(flag imap.Flag) bool {
	return slices.ContainsFunc(m.Flags, func(f imap.Flag) bool {
		return bytes.EqualFold([]byte(f), []byte(flag))
	})
}

// Messages lists a mailbox (UID order) over a fresh read-only connection,
// so it sees what any client would.
func (s *Server) Messages(mailbox string) ([]Message, error) {
	c, err := s.Dial()
	if err != nil {
		return nil, err
	}
	return messagesVia(c, mailbox)
}

// messagesVia lists mailbox over c, logs out and closes c.
func messagesVia(c *imapclient.Client, mailbox string) ([]Message, error) {
	defer c.Close()
	sel, err := c.Select(mailbox, &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil {
		return nil, fmt.Errorf("imaptest: examine %s: %w", mailbox, err)
	}
	if sel.NumMessages == 0 {
		return nil, c.Logout().Wait()
	}
	msgs, err := c.Fetch(imap.SeqSet{{Start: 1, Stop: 0}}, &imap.FetchOptions{
		UID: true, Flags: true, InternalDate: true, RFC822Size: true,
	}).Collect()
	if err != nil {
		return nil, fmt.Errorf("imaptest: fetch %s: %w", mailbox, err)
	}
	out := make([]Message, 0, len(msgs))
	for _, m := range msgs {
		out = append(out, Message{UID: uint32(m.UID), Flags: m.Flags, InternalDate: m.InternalDate, Size: m.RFC822Size})
	}
	slices.SortFunc(out, func(a, b Message) int { return int(a.UID) - int(b.UID) })
	return out, c.Logout().Wait()
}

// Mailboxes lists the user's mailbox names, sorted.
func (s *Server) Mailboxes() ([]string, error) {
	c, err := s.Dial()
	if err != nil {
		return nil, err
	}
	defer c.Close()
	l, err := c.List("", "*", nil).Collect()
	if err != nil {
		return nil, err
	}
	var names []string
	for _, d := range l {
		names = append(names, d.Mailbox)
	}
	slices.Sort(names)
	return names, c.Logout().Wait()
}

// session is the memserver's user session with login accounting and the
// NoKeywords behaviour.
type session struct {
	*imapmemserver.UserSession // nil until login
	srv                        *Server
}

var _ imapserver.SessionIMAP4rev2 = (*session)(nil)

func (ss *session) Login(username, password string) error {
	ss.srv.loginAttempts.Add(1)
	if username != ss.srv.cfg.Username {
		ss.srv.loginFailures.Add(1)
		return imapserver.ErrAuthFailed
	}
	if err := ss.srv.user.Login(username, password); err != nil {
		ss.srv.loginFailures.Add(1)
		return err
	}
	ss.UserSession = imapmemserver.NewUserSession(ss.srv.user)
	return nil
}

func (ss *session) Close() error {
	if ss.UserSession == nil {
		return nil
	}
	return ss.UserSession.Close()
}

func (ss *session) Select(name string, options *imap.SelectOptions) (*imap.SelectData, error) {
	data, err := ss.UserSession.Select(name, options)
	if err != nil || !ss.srv.cfg.NoKeywords {
		return data, err
	}
	data.PermanentFlags = slices.DeleteFunc(slices.Clone(data.PermanentFlags), func(f imap.Flag) bool {
		return f == imap.FlagWildcard || !isSystemFlag(f)
	})
	return data, nil
}

func (ss *session) Store(w *imapserver.FetchWriter, numSet imap.NumSet, flags *imap.StoreFlags, options *imap.StoreOptions) error {
	if ss.srv.cfg.NoKeywords && flags.Op != imap.StoreFlagsDel {
		for _, f := range flags.Flags {
			if !isSystemFlag(f) {
				return &imap.Error{Type: imap.StatusResponseTypeNo, Code: imap.ResponseCodeCannot, Text: "Keywords are not supported"}
			}
		}
	}
	return ss.UserSession.Store(w, numSet, flags, options)
}

// Idle first sends the updates queued since the last command, as real
// servers do: imapmemserver only sends updates that arrive while idling, so
// mail appended between a client's last command and its IDLE would wait for
// the next update.
func (ss *session) Idle(w *imapserver.UpdateWriter, stop <-chan struct{}) error {
	ss.srv.idles.Add(1)
	if ss.srv.cfg.SilentIdle {
		<-stop
		return nil
	}
	if err := ss.UserSession.Poll(w, true); err != nil {
		return err
	}
	return ss.UserSession.Idle(w, stop)
}

func (ss *session) Copy(numSet imap.NumSet, dest string) (*imap.CopyData, error) {
	if p := ss.srv.copyErr.Load(); p != nil {
		return nil, *p
	}
	return ss.UserSession.Copy(numSet, dest)
}

func isSystemFlag(f imap.Flag) bool { return len(f) > 0 && f[0] == '\\' }

type logger func(format string, args ...any)

func (l logger) Printf(format string, args ...any) {
	if l != nil {
		l(format, args...)
	}
}
