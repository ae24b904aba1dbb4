// Package smtptest runs an in-process SMTP server (github.com/emersion/go-smtp)
// on loopback that captures every message it accepts. Tests use it as the far
// end of privacyd's outbox; the sandbox command uses it as the mail server whose
// deliveries it prints.
//
// The server can be told to misbehave the way real ones do: refuse messages
// with a 4xx or 5xx reply (SetReject, RejectNext), answer slowly (SetDelay), or
// go away and come back on the same address (Close, Restart). It optionally
// requires AUTH PLAIN and offers STARTTLS or implicit TLS with a self-signed
// certificate made at start, whose CA pool is exposed for the client.
package smtptest

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"math/big"
	"mime"
	"net"
	"net/mail"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// TLS modes of the server, as in privacyd's smtp.tls configuration key.
const (
	TLSNone     = "none"     // plain SMTP; AUTH is allowed without TLS (loopback only)
	TLSStartTLS = "starttls" // STARTTLS offered; AUTH only after it
	TLSImplicit = "implicit" // TLS from the first byte (submissions, port 465 style)
)

// Config configures a Server. The zero value is a plain, unauthenticated
// server on 127.0.0.1 with a random port.
type Config struct {
	// Addr is the listen address; default "127.0.0.1:0".
	Addr string
	// Domain is the name the server greets with; default "smtptest.localhost".
	Domain string
	// TLS is one of TLSNone (default when empty), TLSStartTLS, TLSImplicit.
	TLS string
	// Username and Password, when Username is set, make AUTH PLAIN mandatory
	// before MAIL FROM.
	Username, Password string
	// OnMessage, if set, is called with each accepted message, after it is
	// stored and before the server answers 250 to the client. It runs on the
	// session's goroutine, so keep it quick.
	OnMessage func(Message)
	// ErrorLog receives the go-smtp server's internal errors. Default: discarded.
	ErrorLog smtp.Logger
	// MaxMessageBytes limits message size; default 32 MiB.
	MaxMessageBytes int64
}

// Message is one message the server accepted.
type Message struct {
	From     string      // envelope sender (MAIL FROM)
	To       []string    // envelope recipients (RCPT TO)
	Raw      []byte      // the message as received, CRLF line ends
	Header   mail.Header // parsed header (nil if it did not parse)
	TLS      bool        // whether the session was encrypted
	AuthUser string      // the AUTH PLAIN username, if any
	Received time.Time
}

// Subject returns the decoded Subject header.
func (m Message) Subject() string {
	if m.Header == nil {
		return ""
	}
	s := m.Header.Get("Subject")
	dec := new(mime.WordDecoder)
	if d, err := dec.DecodeHeader(s); err == nil {
		return d
	}
	return s
}

// Server is a running SMTP test server. Its methods are safe for concurrent use.
type Server struct {
	cfg       Config
	tlsConfig *tls.Config // server side; nil for TLSNone
	caPool    *x509.CertPool
	caPEM     []byte

	mu       sync.Mutex
	addr     string
	srv      *smtp.Server
	ln       net.Listener
	down     chan struct{} // closed by Close; interrupts delays
	running  bool
	msgs     []Message
	changed  chan struct{} // closed and replaced whenever msgs grows
	reject   *smtp.SMTPError
	rejectMF *smtp.SMTPError // refuse MAIL FROM (the sender) while set
	rejectN  int             // >0: reject this many more transactions; <0: reject all
	rejected int
	delay    time.Duration
	onData   func() // tests: called when a message's data is in, before the delay
	sessions int
	logMu    sync.Mutex
	logOff   bool
}

// New starts a server as configured. Close it when done.
func New(cfg Config) (*Server, error) {
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:0"
	}
	if cfg.Domain == "" {
		cfg.Domain = "smtptest.localhost"
	}
	if cfg.MaxMessageBytes == 0 {
		cfg.MaxMessageBytes = 32 << 20
	}
	switch cfg.TLS {
	case "":
		cfg.TLS = TLSNone
	case TLSNone, TLSStartTLS, TLSImplicit:
	default:
		return nil, fmt.Errorf("smtptest: unknown TLS mode %q", cfg.TLS)
	}
	s := &Server{cfg: cfg, changed: make(chan struct{})}
	if cfg.TLS != TLSNone {
		cert, pemBytes, err := selfSigned()
		if err != nil {
			return nil, fmt.Errorf("smtptest: certificate: %w", err)
		}
		s.tlsConfig = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
		s.caPool = x509.NewCertPool()
		s.caPool.AppendCertsFromPEM(pemBytes)
		s.caPEM = pemBytes
	}
	if err := s.listen(cfg.Addr); err != nil {
		return nil, err
	}
	return s, nil
}

// Start is New for tests: it fails the test on error, routes the server's
// error log to t.Logf and closes the server when the test ends.
func Start(t testing.TB, cfg Config) *Server {
	t.Helper()
	if cfg.ErrorLog == nil {
		cfg.ErrorLog = &testLogger{t: t}
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatalf("smtptest.New() = %v", err)
	}
	if tl, ok := cfg.ErrorLog.(*testLogger); ok {
		tl.s = s
	}
	t.Cleanup(func() { s.shutdown() })
	return s
}

func (s *Server) listen(addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("smtptest: listen: %w", err)
	}
	if s.cfg.TLS == TLSImplicit {
		ln = tls.NewListener(ln, s.tlsConfig)
	}
	srv := smtp.NewServer(s)
	srv.Domain = s.cfg.Domain
	srv.MaxMessageBytes = s.cfg.MaxMessageBytes
	srv.MaxRecipients = 100
	srv.ReadTimeout = time.Minute
	srv.WriteTimeout = time.Minute
	srv.AllowInsecureAuth = s.cfg.TLS == TLSNone
	if s.cfg.TLS == TLSStartTLS {
		srv.TLSConfig = s.tlsConfig
	}
	srv.ErrorLog = s.errorLog()
	s.mu.Lock()
	s.addr = ln.Addr().String()
	s.srv = srv
	s.ln = ln
	s.down = make(chan struct{})
	s.running = true
	s.mu.Unlock()
	go func() { _ = srv.Serve(ln) }()
	return nil
}

func (s *Server) errorLog() smtp.Logger {
	if s.cfg.ErrorLog != nil {
		return s.cfg.ErrorLog
	}
	return discardLogger{}
}

// Addr returns the host:port the server listens on (also while it is down).
func (s *Server) Addr() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addr
}

// TLSMode returns the server's TLS mode (TLSNone, TLSStartTLS or TLSImplicit).
func (s *Server) TLSMode() string { return s.cfg.TLS }

// CAPool returns the pool that verifies the server's certificate, or nil
// without TLS. The certificate is valid for 127.0.0.1, ::1 and localhost.
func (s *Server) CAPool() *x509.CertPool { return s.caPool }

// CACertPEM returns the server's self-signed certificate in PEM form, or nil.
func (s *Server) CACertPEM() []byte { return bytes.Clone(s.caPEM) }

// ClientTLSConfig returns a client configuration that trusts the server's
// certificate, with ServerName set to the listen host. Nil without TLS.
func (s *Server) ClientTLSConfig() *tls.Config {
	if s.caPool == nil {
		return nil
	}
	host, _, _ := net.SplitHostPort(s.Addr())
	return &tls.Config{RootCAs: s.caPool, ServerName: host, MinVersion: tls.VersionTLS12}
}

// Messages returns a snapshot of the accepted messages, oldest first.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.msgs...)
}

// WaitFor waits until at least n messages were accepted or timeout passes,
// and returns the messages accepted by then (check the length).
func (s *Server) WaitFor(n int, timeout time.Duration) []Message {
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	for {
		s.mu.Lock()
		if len(s.msgs) >= n {
			out := append([]Message(nil), s.msgs...)
			s.mu.Unlock()
			return out
		}
		ch := s.changed
		s.mu.Unlock()
		select {
		case <-ch:
		case <-timer.C:
			return s.Messages()
		}
	}
}

// SetReject makes the server refuse every following message with code and
// msg at RCPT TO (code 4xx is temporary, 5xx permanent), until SetReject(0, "").
func (s *Server) SetReject(code int, msg string) { s.setReject(-1, code, msg) }

// RejectNext makes the server refuse the next n mail transactions with code
// and msg at RCPT TO, then accept again.
func (s *Server) RejectNext(n, code int, msg string) { s.setReject(n, code, msg) }

func (s *Server) setReject(n, code int, msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if code == 0 || n == 0 {
		s.reject, s.rejectN = nil, 0
		return
	}
	class := code / 100
	s.reject = &smtp.SMTPError{Code: code, EnhancedCode: smtp.EnhancedCode{class, 0, 0}, Message: msg}
	s.rejectN = n
}

// SetRejectSender makes the server refuse MAIL FROM with code and msg
// (e.g. 550 "sender not owned by user"), until SetRejectSender(0, "").
func (s *Server) SetRejectSender(code int, msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if code == 0 {
		s.rejectMF = nil
		return
	}
	s.rejectMF = &smtp.SMTPError{Code: code, EnhancedCode: smtp.EnhancedCode{code / 100, 7, 1}, Message: msg}
}

// Rejected returns how many transactions the server refused through
// SetReject/RejectNext so far.
func (s *Server) Rejected() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.rejected
}

// Sessions returns how many times a client greeted (EHLO/HELO) so far. A
// STARTTLS session greets twice.
func (s *Server) Sessions() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sessions
}

// SetDelay makes the server wait d after receiving a message's data before
// it answers (a slow server). The wait ends early when the server is closed.
func (s *Server) SetDelay(d time.Duration) {
	s.mu.Lock()
	s.delay = d
	s.mu.Unlock()
}

// Close stops the server: the listener and all connections are closed, so
// clients get "connection refused" until Restart. Messages are kept.
func (s *Server) Close() error {
	s.mu.Lock()
	srv, ln, running := s.srv, s.ln, s.running
	if running {
		s.running = false
		close(s.down)
	}
	s.mu.Unlock()
	if !running {
		return nil
	}
	// Close the listener ourselves too: go-smtp only knows it once Serve
	// has started running, which may not have happened yet.
	err := ln.Close()
	_ = srv.Close() // reports our listener as already closed
	return err
}

// Restart listens again on the same address after Close.
func (s *Server) Restart() error {
	s.mu.Lock()
	running, addr := s.running, s.addr
	s.mu.Unlock()
	if running {
		return errors.New("smtptest: server is running")
	}
	return s.listen(addr)
}

// shutdown closes the server and silences its test logger, so nothing logs
// after the test returned.
func (s *Server) shutdown() {
	s.logMu.Lock()
	s.logOff = true
	s.logMu.Unlock()
	_ = s.Close()
}

// NewSession implements smtp.Backend.
func (s *Server) NewSession(c *smtp.Conn) (smtp.Session, error) {
	s.mu.Lock()
	s.sessions++
	s.mu.Unlock()
	return &session{s: s, c: c}, nil
}

type session struct {
	s        *Server
	c        *smtp.Conn
	authUser string
	from     string
	to       []string
	rejected bool // this transaction already counted as rejected
}

var _ smtp.AuthSession = (*session)(nil)

func (x *session) AuthMechanisms() []string {
	if x.s.cfg.Username == "" {
		return nil
	}
	return []string{sasl.Plain}
}

func (x *session) Auth(mech string) (sasl.Server, error) {
	if x.s.cfg.Username == "" || mech != sasl.Plain {
		return nil, smtp.ErrAuthUnknownMechanism
	}
	return sasl.NewPlainServer(func(identity, username, password string) error {
		if identity != "" && identity != username {
			return smtp.ErrAuthFailed
		}
		if username != x.s.cfg.Username || password != x.s.cfg.Password {
			return smtp.ErrAuthFailed
		}
		x.authUser = username
		return nil
	}), nil
}

func (x *session) Mail(from string, _ *smtp.MailOptions) error {
	if x.s.cfg.Username != "" && x.authUser == "" {
		return smtp.ErrAuthRequired
	}
	x.s.mu.Lock()
	rej := x.s.rejectMF
	x.s.mu.Unlock()
	if rej != nil {
		err := *rej
		return &err
	}
	x.from, x.to, x.rejected = from, nil, false
	return nil
}

func (x *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	s := x.s
	s.mu.Lock()
	if s.reject != nil {
		err := *s.reject
		if !x.rejected {
			x.rejected = true
			s.rejected++
			if s.rejectN > 0 {
				s.rejectN--
				if s.rejectN == 0 {
					s.reject = nil
				}
			}
		}
		s.mu.Unlock()
		return &err
	}
	s.mu.Unlock()
	x.to = append(x.to, to)
	return nil
}

func (x *session) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s := x.s
	s.mu.Lock()
	delay, down, onData := s.delay, s.down, s.onData
	s.mu.Unlock()
	if onData != nil {
		onData()
	}
	if delay > 0 {
		t := time.NewTimer(delay)
		select {
		case <-t.C:
		case <-down:
			t.Stop()
			return &smtp.SMTPError{Code: 421, EnhancedCode: smtp.EnhancedCode{4, 3, 2}, Message: "shutting down"}
		}
	}
	msg := Message{From: x.from, To: append([]string(nil), x.to...), Raw: raw, AuthUser: x.authUser, Received: time.Now()}
	if _, ok := x.c.TLSConnectionState(); ok {
		msg.TLS = true
	}
	if pm, err := mail.ReadMessage(bytes.NewReader(raw)); err == nil {
		msg.Header = pm.Header
	}
	s.mu.Lock()
	s.msgs = append(s.msgs, msg)
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
	if s.cfg.OnMessage != nil {
		s.cfg.OnMessage(msg)
	}
	return nil
}

func (x *session) Reset() { x.from, x.to, x.rejected = "", nil, false }

func (x *session) Logout() error { return nil }

// selfSigned makes a self-signed ECDSA certificate for loopback names, which
// is its own CA.
func selfSigned() (tls.Certificate, []byte, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 62))
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               pkix.Name{CommonName: "smtptest loopback"},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(7 * 24 * time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
		DNSNames:              []string{"localhost"},
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	pemBytes := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	cert := tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
	return cert, pemBytes, nil
}

type discardLogger struct{}

func (discardLogger) Printf(string, ...any) {}
func (discardLogger) Println(...any)        {}

// testLogger sends the server's error log to t.Logf until the server is shut
// down by the test cleanup.
type testLogger struct {
	t testing.TB
	s *Server
}

func (l *testLogger) Printf(format string, v ...any) { l.log(fmt.Sprintf(format, v...)) }
func (l *testLogger) Println(v ...any)               { l.log(strings.TrimSuffix(fmt.Sprintln(v...), "\n")) }

func (l *testLogger) log(line string) {
	if l.s == nil {
		return
	}
	l.s.logMu.Lock()
	defer l.s.logMu.Unlock()
	if !l.s.logOff {
		l.t.Logf("smtptest: %s", line)
	}
}
