package outbox

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/textproto"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	gomail "github.com/wneessen/go-mail"
	"github.com/wneessen/go-mail/smtp"
)

// TLS modes of SMTPConfig.TLS (the smtp.tls configuration key).
const (
	TLSImplicit = "implicit" // TLS from the first byte (port 465)
	TLSStartTLS = "starttls" // STARTTLS is required; never a plaintext fallback
	TLSNone     = "none"     // plaintext, allowed only to a loopback address
)

// DefaultTimeout is the SMTP connection and command timeout when
// SMTPConfig.Timeout is zero.
const DefaultTimeout = 30 * time.Second

// SMTPConfig says how to reach the SMTP submission server.
type SMTPConfig struct {
	// Address is host:port. Without a port: 465 for implicit TLS, 587 for
	// STARTTLS, 25 for none.
	Address string
	// TLS is TLSImplicit, TLSStartTLS or TLSNone (only to a loopback host).
	TLS string
	// TLSConfig replaces the default client TLS configuration (e.g. to trust a
	// private CA). If its ServerName is empty it is set to the host of Address.
	TLSConfig *tls.Config
	// Username and Password, when Username is set, are used for SMTP AUTH PLAIN.
	Username, Password string
	// Timeout bounds connecting and each SMTP command; default DefaultTimeout.
	Timeout time.Duration
	// HELO is the name sent in EHLO; default the machine's host name.
	HELO string
	// CopyTo, if set, is added to the envelope recipients of every mail (no
	// header names it): privacyd's own mailbox, where the copy shows that
	// the server took the mail. After a crash, or a connection lost while
	// the server was answering the end of DATA, the Sender looks for that
	// copy (Sender.Confirm) before it sends the mail again. A server that
	// refuses this recipient does not stop the mail; conn.copyRefused says
	// so.
	CopyTo string
}

// ErrConfig wraps SMTP configuration errors (bad address or TLS mode,
// plaintext to a non-loopback host). Retrying does not help.
var ErrConfig = errors.New("outbox: smtp config")

// endpoint is a validated SMTPConfig.
type endpoint struct {
	cfg  SMTPConfig
	host string
	port int
	addr string // host:port to dial
	tls  *tls.Config
}

func (c SMTPConfig) endpoint() (*endpoint, error) {
	host, portStr, err := net.SplitHostPort(c.Address)
	if err != nil {
		// No port given.
		host, portStr = strings.Trim(c.Address, "[]"), ""
	}
	if host == "" {
		return nil, fmt.Errorf("%w: address %q: no host", ErrConfig, c.Address)
	}
	var port int
	switch c.TLS {
	case TLSImplicit:
		port = 465
	case TLSStartTLS:
		port = 587
	case TLSNone:
		port = 25
		if !isLoopback(host) {
			return nil, fmt.Errorf("%w: tls none is only allowed to a loopback address, not %q", ErrConfig, host)
		}
	default:
		return nil, fmt.Errorf("%w: tls %q: want implicit, starttls or none", ErrConfig, c.TLS)
	}
	if portStr != "" {
		port, err = strconv.Atoi(portStr)
		if err != nil || port < 1 || port > 65535 {
			return nil, fmt.Errorf("%w: address %q: bad port", ErrConfig, c.Address)
		}
	}
	e := &endpoint{cfg: c, host: host, port: port, addr: net.JoinHostPort(host, strconv.Itoa(port))}
	if c.TLS != TLSNone {
		if c.TLSConfig != nil {
			e.tls = c.TLSConfig.Clone()
			if e.tls.ServerName == "" {
				// A custom config replaces go-mail's default, which carries
				// ServerName: host; without it verification fails.
				e.tls.ServerName = host
			}
		} else {
			e.tls = &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}
		}
	}
	if e.cfg.Timeout <= 0 {
		e.cfg.Timeout = DefaultTimeout
	}
	return e, nil
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// conn is one SMTP session, bound to a context: when the context ends, the
// network connection is closed, which aborts whatever command is in flight.
// go-mail itself only uses the context for the TCP dial.
type conn struct {
	client  *gomail.Client
	sc      *smtp.Client // the session, from client
	ctx     context.Context
	timeout time.Duration
	copyTo  string
	// copyRefused is the server's answer to the last refused RCPT TO of
	// copyTo (nil when it was accepted).
	copyRefused error

	mu   sync.Mutex
	raw  net.Conn
	stop func() bool
}

// dial connects, says EHLO, does TLS and AUTH as configured.
func dial(ctx context.Context, e *endpoint) (*conn, error) {
	c := &conn{ctx: ctx, timeout: e.cfg.Timeout, copyTo: e.cfg.CopyTo}
	dialFunc := func(dctx context.Context, _, _ string) (net.Conn, error) {
		d := net.Dialer{Timeout: e.cfg.Timeout}
		raw, err := d.DialContext(dctx, "tcp", e.addr)
		if err != nil {
			return nil, err
		}
		var nc net.Conn = raw
		if e.cfg.TLS == TLSImplicit {
			// Our dial function replaces go-mail's TLS dialer, so the
			// handshake is done here; returning a *tls.Conn lets go-mail's
			// smtp client see the session as encrypted (for AUTH PLAIN).
			tc := tls.Client(raw, e.tls)
			if err := tc.HandshakeContext(dctx); err != nil {
				_ = raw.Close()
				return nil, err
			}
			nc = tc
		}
		c.mu.Lock()
		c.raw = raw
		c.stop = context.AfterFunc(ctx, func() { _ = raw.Close() })
		c.mu.Unlock()
		return nc, nil
	}
	opts := []gomail.Option{
		gomail.WithPort(e.port),
		gomail.WithTimeout(e.cfg.Timeout),
		gomail.WithDialContextFunc(dialFunc),
	}
	switch e.cfg.TLS {
	case TLSImplicit:
		opts = append(opts, gomail.WithSSL(), gomail.WithTLSConfig(e.tls))
	case TLSStartTLS:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory), gomail.WithTLSConfig(e.tls))
	case TLSNone:
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	}
	if e.cfg.HELO != "" {
		opts = append(opts, gomail.WithHELO(e.cfg.HELO))
	}
	if e.cfg.Username != "" {
		auth := gomail.SMTPAuthPlain
		if e.cfg.TLS == TLSNone {
			// endpoint() allows none only to loopback; go-mail's PLAIN would
			// refuse an unencrypted session to e.g. "[::1]" or "localhost6".
			auth = gomail.SMTPAuthPlainNoEnc
		}
		opts = append(opts, gomail.WithSMTPAuth(auth), gomail.WithUsername(e.cfg.Username), gomail.WithPassword(e.cfg.Password))
	}
	client, err := gomail.NewClient(e.host, opts...)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrConfig, err)
	}
	c.client = client
	sc, err := client.DialToSMTPClientWithContext(ctx)
	if err != nil {
		c.abort()
		return nil, ctxErr(ctx, fmt.Errorf("smtp dial %s: %w", e.addr, err))
	}
	c.sc = sc
	return c, nil
}

// stageError is a failed step of one mail's SMTP transaction.
type stageError struct {
	stage string // "sender", "recipients", "MAIL FROM", "RCPT TO", "DATA", "message", "end of DATA"
	rcpt  string // the recipient a RCPT TO was refused for (Failure.Detail names it; Error redacts it)
	err   error
}

func (e *stageError) Error() string {
	if e.rcpt != "" {
		return e.stage + " <" + e.rcpt + ">: " + e.err.Error()
	}
	return e.stage + ": " + e.err.Error()
}
func (e *stageError) Unwrap() error { return e.err }

// send transmits one message on the session: MAIL FROM, RCPT TO, DATA. It
// returns nil as soon as the server has accepted the message (its reply to
// the end of DATA), so that the caller records it at once: go-mail's own
// Send says NOOP before and RSET after every message, and a privacyd killed
// during that RSET had a mail accepted but not yet recorded — sent again
// after the restart. Here RSET is said only after a failed step, to clear
// the transaction for the next mail.
func (c *conn) send(msg *gomail.Msg) error {
	if err := c.transact(msg); err != nil {
		return ctxErr(c.ctx, err)
	}
	return nil
}

func (c *conn) transact(msg *gomail.Msg) error {
	from, err := msg.GetSender(false)
	if err != nil {
		return &stageError{stage: "sender", err: err}
	}
	rcpts, err := msg.GetRecipients()
	if err != nil {
		return &stageError{stage: "recipients", err: err}
	}
	if err := c.sc.UpdateDeadline(c.timeout); err != nil {
		return &stageError{stage: "MAIL FROM", err: err}
	}
	fail := func(stage, rcpt string, err error) error {
		var te *textproto.Error
		if errors.As(err, &te) {
			// The server answered: the session lives on, without this transaction.
			_ = c.sc.Reset()
		}
		return &stageError{stage: stage, rcpt: rcpt, err: err}
	}
	if err := c.sc.Mail(from); err != nil {
		return fail("MAIL FROM", "", err)
	}
	for _, r := range rcpts {
		if err := c.sc.Rcpt(r); err != nil {
			return fail("RCPT TO", r, err)
		}
	}
	c.copyRefused = nil
	if c.copyTo != "" && !slices.ContainsFunc(rcpts, func(r string) bool { return strings.EqualFold(r, c.copyTo) }) {
		if err := c.sc.Rcpt(c.copyTo); err != nil {
			var te *textproto.Error
			if !errors.As(err, &te) {
				return fail("RCPT TO", c.copyTo, err) // the connection is gone
			}
			// Refused: the mail goes without its copy.
			c.copyRefused = err
		}
	}
	w, err := c.sc.Data()
	if err != nil {
		return fail("DATA", "", err)
	}
	if _, err := msg.WriteTo(w); err != nil {
		_ = w.Close()
		return &stageError{stage: "message", err: err}
	}
	if err := w.Close(); err != nil {
		return fail("end of DATA", "", err)
	}
	return nil
}

// unanswered reports whether err is a mail's end of DATA that got no
// answer: the connection broke after the whole mail was handed over, so
// the server may have taken it (RFC 1047).
func unanswered(err error) bool {
	var ste *stageError
	var te *textproto.Error
	return errors.As(err, &ste) && ste.stage == "end of DATA" && !errors.As(err, &te)
}

// close says QUIT and closes the connection.
func (c *conn) close() error {
	var err error
	if c.ctx.Err() == nil {
		err = c.client.CloseWithSMTPClient(c.sc)
	}
	c.abort()
	return err
}

// abort closes the network connection without QUIT.
func (c *conn) abort() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stop != nil {
		c.stop()
	}
	if c.raw != nil {
		_ = c.raw.Close()
	}
}

// ctxErr makes err match ctx.Err() with errors.Is when the context ended.
func ctxErr(ctx context.Context, err error) error {
	if cerr := ctx.Err(); cerr != nil && !errors.Is(err, cerr) {
		return fmt.Errorf("%w: %w", cerr, err)
	}
	return err
}

// Send delivers msgs over one SMTP session and returns the errors of the
// messages that failed, joined (nil if all were accepted). The context
// bounds the whole session: when it ends, the connection is closed. The
// errors name the SMTP step and may name recipients; Classify(err).Error() is
// the redacted text for logs.
func Send(ctx context.Context, cfg SMTPConfig, msgs ...*gomail.Msg) error {
	e, err := cfg.endpoint()
	if err != nil {
		return err
	}
	c, err := dial(ctx, e)
	if err != nil {
		return err
	}
	var errs []error
	for _, m := range msgs {
		if err := c.send(m); err != nil {
			errs = append(errs, err)
			if ctx.Err() != nil {
				break
			}
		}
	}
	// A failing QUIT changes nothing about messages already accepted.
	_ = c.close()
	return errors.Join(errs...)
}

// CheckConnection connects to the SMTP server, does TLS and AUTH as
// configured, and quits. It is for check-config.
func CheckConnection(ctx context.Context, cfg SMTPConfig) error {
	e, err := cfg.endpoint()
	if err != nil {
		return err
	}
	c, err := dial(ctx, e)
	if err != nil {
		return err
	}
	return c.close()
}

// Failure describes why delivering a mail failed, sorted into temporary
// (try again later) and permanent (give up), mox-style.
type Failure struct {
	Permanent bool
	Code      int    // SMTP reply code, 0 if none (network error, timeout)
	Enhanced  string // enhanced status code such as "5.1.1", if the server sent one
	Err       error
}

// Error returns the error text with every mail address (and Message-ID)
// replaced by "[address]": go-mail names the recipients, and servers quote
// them in their replies ("550 5.1.1 <jan@...>: user unknown"). The text is
// safe for logs and for the outbox's error column; Detail has the original.
func (f *Failure) Error() string { return redactAddresses(f.Err.Error()) }

// Detail returns the unredacted error text.
func (f *Failure) Detail() string { return f.Err.Error() }

// Unwrap returns the underlying error.
func (f *Failure) Unwrap() error { return f.Err }

// enhancedRE finds an enhanced status code (RFC 3463) at the start of a reply text.
var enhancedRE = regexp.MustCompile(`^[245]\.\d{1,3}\.\d{1,3}\b`)

var addressRE = regexp.MustCompile(`[^\s<>"'(),;:\[\]]+@[^\s<>"'(),;:\[\]]+`)

func redactAddresses(s string) string { return addressRE.ReplaceAllString(s, "[address]") }

// Classify sorts a delivery error (as returned by Send) into a Failure. It
// returns err itself if it already is one, and nil for nil. Permanent are:
// SMTP 5xx replies to RCPT TO, DATA and the end of DATA, and messages that
// cannot be sent at all (no sender or recipients). Everything else is temporary: 4xx replies,
// refused or broken connections, timeouts, TLS and AUTH trouble at connect
// and a 5xx to MAIL FROM (configuration problems, the same for every mail,
// must not fail the queue; they give up after Sender.GiveUpAfter like any
// temporary failure), and context ends. (go-mail's own Send, not used since
// the sender speaks the transaction itself, called a refused connection or
// an i/o timeout permanent; we do not.)
func Classify(err error) *Failure {
	if err == nil {
		return nil
	}
	var f *Failure
	if errors.As(err, &f) {
		return f
	}
	f = &Failure{Err: err}
	var ste *stageError
	if errors.As(err, &ste) {
		var te *textproto.Error
		if errors.As(err, &te) {
			f.Code = te.Code
			f.Enhanced = enhancedRE.FindString(te.Msg)
		}
		switch ste.stage {
		case "sender", "recipients":
			f.Permanent = true
		case "RCPT TO", "DATA", "end of DATA":
			f.Permanent = f.Code >= 500 && f.Code < 600
		}
		return f
	}
	// Replies during connect (greeting, EHLO, STARTTLS, AUTH) come as
	// net/textproto errors; keep their code for the logs.
	var te *textproto.Error
	if errors.As(err, &te) {
		f.Code = te.Code
	}
	return f
}
