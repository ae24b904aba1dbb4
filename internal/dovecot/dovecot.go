// Package dovecot starts a real Dovecot IMAP server (Debian's dovecot-imapd)
// on loopback for interoperability tests and benchmarks: a throwaway
// configuration, maildir store, passwd-file user and log in a temporary
// directory, nothing in /etc touched, no TLS, plain LOGIN allowed.
//
// Start skips the test with a clear message when the dovecot binary is not
// installed, unless the environment variable PRIVACYD_DOVECOT is 1 (as CI
// sets it), in which case the test fails: there the suite must run.
//
// Mail is put into the server the way an ordinary mail client does it: with
// IMAP APPEND over a go-imap client (Append, AppendMany). When the test
// fails, the server's log is written to the test log.
//
// Running as root (CI) the mail store belongs to the "dovecot" user that the
// Debian package creates, logins run as "dovenull"; running as another user
// every Dovecot process runs as that user.
package dovecot

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// EnvRequire is the environment variable that makes a missing Dovecot a
// test failure instead of a skip when set to "1".
const EnvRequire = "PRIVACYD_DOVECOT"

// Default credentials of the one user.
const (
	DefaultUser     = "privacy@example.org"
	DefaultPassword = "secret"
)

// Options configure a Server. The zero value is fine.
type Options struct {
	// User and Password of the one mail user; defaults DefaultUser and
	// DefaultPassword.
	User, Password string
	// Mailboxes are created at start besides INBOX.
	Mailboxes []string
	// Binary is the dovecot executable; default: "dovecot" on PATH, else
	// /usr/sbin/dovecot.
	Binary string
	// Format is the mail store: "maildir" (default), "sdbox" or "mdbox".
	// Maildir is the most common, but Dovecot rewrites its UID list on every
	// APPEND, so filling thousands of mails gets slow (2,000 APPENDs: ~36 s
	// for maildir, ~3 s for sdbox, ~1.4 s for mdbox on a 2-core machine);
	// benchmarks use sdbox.
	Format string
	// Fsync keeps Dovecot's default fsync behaviour; by default the
	// throwaway store is written with mail_fsync = never (faster fills; the
	// tests kill privacyd, never Dovecot).
	Fsync bool
}

// Server is a running Dovecot. Its methods are safe for concurrent use.
type Server struct {
	opt     Options
	bin     string
	dir     string // the temporary directory holding everything
	conf    string
	logPath string
	outPath string // dovecot's own stdout/stderr (fatal start errors)
	addr    string

	mu     sync.Mutex
	cmd    *exec.Cmd
	out    *os.File
	exited chan error // receives cmd.Wait's result
}

// Installed returns the dovecot binary and whether it is installed.
func Installed() (string, bool) {
	if p, err := exec.LookPath("dovecot"); err == nil {
		return p, true
	}
	for _, p := range []string{"/usr/sbin/dovecot", "/usr/local/sbin/dovecot"} {
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() && fi.Mode()&0o111 != 0 {
			return p, true
		}
	}
	return "", false
}

// Required reports whether EnvRequire is set: a missing Dovecot must then
// fail, not skip.
func Required() bool { return os.Getenv(EnvRequire) == "1" }

// Start starts a Dovecot for tb and stops it when the test ends. It skips
// tb when Dovecot is not installed (fails when Required). On failure of the
// test the server's log is shown.
func Start(tb testing.TB, opts ...Options) *Server {
	tb.Helper()
	var opt Options
	if len(opts) > 0 {
		opt = opts[0]
	}
	if opt.Binary == "" {
		bin, ok := Installed()
		if !ok {
			msg := "dovecot is not installed (apt-get install dovecot-imapd): skipping the Dovecot interoperability test"
			if Required() {
				tb.Fatalf("%s=1 but %s", EnvRequire, strings.TrimSuffix(msg, ": skipping the Dovecot interoperability test"))
			}
			tb.Skip(msg + "; set " + EnvRequire + "=1 to make this a failure")
		}
		opt.Binary = bin
	}
	s, err := New(opt)
	if err != nil {
		tb.Fatalf("dovecot: %v", err)
	}
	tb.Cleanup(func() {
		if tb.Failed() {
			tb.Logf("dovecot log (%s):\n%s", s.logPath, s.Log())
		}
		if err := s.Close(); err != nil {
			tb.Errorf("dovecot: stop: %v", err)
		}
	})
	return s
}

// New starts a Dovecot as configured by opt. Close it when done: Close
// stops the server and removes its directory.
func New(opt Options) (*Server, error) {
	if opt.User == "" {
		opt.User = DefaultUser
	}
	if opt.Password == "" {
		opt.Password = DefaultPassword
	}
	switch opt.Format {
	case "":
		opt.Format = "maildir"
	case "maildir", "sdbox", "mdbox":
	default:
		return nil, fmt.Errorf("format %q: want maildir, sdbox or mdbox", opt.Format)
	}
	if strings.ContainsAny(opt.User+opt.Password, ":\n\r /") {
		return nil, errors.New("user and password must not contain ':', '/', spaces or line breaks")
	}
	if opt.Binary == "" {
		bin, ok := Installed()
		if !ok {
			return nil, errors.New("dovecot is not installed (apt-get install dovecot-imapd)")
		}
		opt.Binary = bin
	}
	// A short path of our own: Dovecot's unix sockets live below base_dir,
	// and socket paths are limited to 108 bytes.
	dir, err := os.MkdirTemp("", "privacyd-dovecot-")
	if err != nil {
		return nil, err
	}
	s := &Server{opt: opt, bin: opt.Binary, dir: dir,
		conf: filepath.Join(dir, "dovecot.conf"), logPath: filepath.Join(dir, "dovecot.log"), outPath: filepath.Join(dir, "dovecot.out")}
	if err := s.setup(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	var lastErr error
	for range 5 { // the free port we picked may be taken before Dovecot binds it
		port, err := freePort()
		if err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
		s.addr = net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
		if lastErr = s.writeConfig(port); lastErr != nil {
			break
		}
		if lastErr = s.start(); lastErr == nil {
			break
		}
	}
	if lastErr != nil {
		log := s.Log()
		os.RemoveAll(dir)
		return nil, fmt.Errorf("%w\n%s", lastErr, log)
	}
	for _, mb := range opt.Mailboxes {
		if err := s.CreateMailbox(mb); err != nil {
			s.Close()
			return nil, err
		}
	}
	return s, nil
}

// identity is who the Dovecot processes run as.
type identity struct {
	internalUser, internalGroup, loginUser string
	mailUID, mailGID                       int // -1: the process's own (not root)
	root                                   bool
}

func currentIdentity() (identity, error) {
	if os.Geteuid() != 0 {
		u, err := user.Current()
		if err != nil {
			return identity{}, err
		}
		g, err := user.LookupGroupId(strconv.Itoa(os.Getegid()))
		if err != nil {
			return identity{}, err
		}
		return identity{internalUser: u.Username, internalGroup: g.Name, loginUser: u.Username, mailUID: -1, mailGID: -1}, nil
	}
	// Root: the users the Debian package creates.
	mail, err := user.Lookup("dovecot")
	if err != nil {
		return identity{}, fmt.Errorf("running as root needs the system user \"dovecot\" (created by dovecot-core): %w", err)
	}
	login := "dovenull"
	if _, err := user.Lookup(login); err != nil {
		login = "nobody"
	}
	uid, _ := strconv.Atoi(mail.Uid)
	gid, _ := strconv.Atoi(mail.Gid)
	g, err := user.LookupGroupId(mail.Gid)
	if err != nil {
		return identity{}, err
	}
	return identity{internalUser: "dovecot", internalGroup: g.Name, loginUser: login, mailUID: uid, mailGID: gid, root: true}, nil
}

// setup makes the directory tree and the passwd-file.
func (s *Server) setup() error {
	id, err := currentIdentity()
	if err != nil {
		return err
	}
	// Dovecot wants base_dir world-readable (its login processes run as
	// another user) and fixes it with a warning otherwise.
	for d, mode := range map[string]os.FileMode{"run": 0o755, "state": 0o700, "mail": 0o700} {
		if err := os.Mkdir(filepath.Join(s.dir, d), mode); err != nil {
			return err
		}
		if err := os.Chmod(filepath.Join(s.dir, d), mode); err != nil { // umask
			return err
		}
	}
	if id.root {
		// The mail processes run as the dovecot user: let them through the
		// top directory and own the store.
		if err := os.Chmod(s.dir, 0o711); err != nil {
			return err
		}
		if err := os.Chown(filepath.Join(s.dir, "mail"), id.mailUID, id.mailGID); err != nil {
			return err
		}
	}
	// name:{PLAIN}password:uid:gid:gecos:home:shell:extra — uid/gid empty:
	// mail_uid/mail_gid (root) or the process's own.
	line := fmt.Sprintf("%s:{PLAIN}%s::::::\n", s.opt.User, s.opt.Password)
	return os.WriteFile(filepath.Join(s.dir, "passwd"), []byte(line), 0o644)
}

func (s *Server) writeConfig(port int) error {
	id, err := currentIdentity()
	if err != nil {
		return err
	}
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	p("# Throwaway Dovecot configuration written by privacyd/internal/dovecot.")
	p("base_dir = %s", filepath.Join(s.dir, "run"))
	p("state_dir = %s", filepath.Join(s.dir, "state"))
	p("instance_name = privacyd-test-%s", randHex(4))
	p("listen = 127.0.0.1")
	p("protocols = imap")
	p("ssl = no")
	p("disable_plaintext_auth = no")
	p("auth_mechanisms = plain login")
	p("auth_failure_delay = 0") // a refused login answers at once
	p("log_path = %s", s.logPath)
	p("mail_location = %s:%s/%%u", s.opt.Format, filepath.Join(s.dir, "mail"))
	if !s.opt.Fsync {
		p("mail_fsync = never")
	}
	p("default_internal_user = %s", id.internalUser)
	p("default_internal_group = %s", id.internalGroup)
	p("default_login_user = %s", id.loginUser)
	if id.mailUID >= 0 {
		p("mail_uid = %d", id.mailUID)
		p("mail_gid = %d", id.mailGID)
		p("first_valid_uid = %d", id.mailUID)
		p("first_valid_gid = %d", id.mailGID)
	} else {
		p("first_valid_uid = %d", os.Geteuid())
		p("first_valid_gid = %d", os.Getegid())
	}
	p("passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%%u %s\n}", filepath.Join(s.dir, "passwd"))
	p("userdb {\n  driver = passwd-file\n  args = username_format=%%u %s\n}", filepath.Join(s.dir, "passwd"))
	p("service imap-login {")
	p("  inet_listener imap {\n    address = 127.0.0.1\n    port = %d\n  }", port)
	p("  inet_listener imaps {\n    port = 0\n  }")
	// High-performance login mode: one long-lived login process instead of
	// a process spawned per connection.
	p("  service_count = 0\n  process_min_avail = 1")
	if !id.root {
		p("  chroot =")
	}
	p("}")
	if !id.root {
		p("service anvil {\n  chroot =\n}")
	}
	return os.WriteFile(s.conf, []byte(b.String()), 0o644)
}

// start runs dovecot in the foreground (as a child) and waits until it
// greets on its port.
func (s *Server) start() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cmd != nil {
		return errors.New("dovecot already running")
	}
	out, err := os.OpenFile(s.outPath, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	cmd := exec.Command(s.bin, "-F", "-c", s.conf)
	cmd.Stdout, cmd.Stderr = out, out
	cmd.SysProcAttr = sysProcAttr()
	if err := cmd.Start(); err != nil {
		out.Close()
		return fmt.Errorf("start %s: %w", s.bin, err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	deadline := time.Now().Add(15 * time.Second)
	for {
		if greets(s.addr) {
			s.cmd, s.out, s.exited = cmd, out, exited
			return nil
		}
		select {
		case err := <-exited:
			out.Close()
			return fmt.Errorf("dovecot exited at start: %v", err)
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			killGroup(cmd)
			<-exited
			out.Close()
			return errors.New("dovecot did not greet within 15s")
		}
	}
}

// greets reports whether an IMAP server greets on addr.
func greets(addr string) bool {
	c, err := net.DialTimeout("tcp", addr, time.Second)
	if err != nil {
		return false
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(2 * time.Second))
	line, err := bufio.NewReader(c).ReadString('\n')
	return err == nil && strings.HasPrefix(line, "* OK")
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

func randHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// Addr returns the host:port of the IMAP listener (plain IMAP, no TLS).
func (s *Server) Addr() string { return s.addr }

// User returns the login name of the mail user.
func (s *Server) User() string { return s.opt.User }

// Password returns the mail user's password.
func (s *Server) Password() string { return s.opt.Password }

// Dir returns the server's temporary directory.
func (s *Server) Dir() string { return s.dir }

// LogPath returns the path of the server's log file.
func (s *Server) LogPath() string { return s.logPath }

// Log returns the server's log so far (its log file, then anything it
// printed itself).
func (s *Server) Log() string {
	var b bytes.Buffer
	for _, p := range []string{s.logPath, s.outPath} {
		data, err := os.ReadFile(p)
		if err == nil {
			b.Write(data)
		}
	}
	return b.String()
}

// Stop stops the server (SIGTERM, then SIGKILL after 10 s); the mail store
// stays, and Restart starts it again on the same address.
func (s *Server) Stop() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stopLocked()
}

func (s *Server) stopLocked() error {
	if s.cmd == nil {
		return nil
	}
	cmd, exited := s.cmd, s.exited
	s.cmd = nil
	defer s.out.Close()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return err
	}
	select {
	case <-exited:
	case <-time.After(10 * time.Second):
		killGroup(cmd)
		<-exited
		return errors.New("dovecot did not stop within 10s of SIGTERM; killed")
	}
	// The master has exited; its children follow it. Make sure the port is
	// free before anyone restarts on it.
	for range 250 {
		if !greets(s.addr) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	return nil
}

// Restart starts a stopped server again on the same address, with the same
// mail store.
func (s *Server) Restart() error {
	if err := s.Stop(); err != nil {
		return err
	}
	return s.start()
}

// Close kills the server with all its processes (the store is thrown away,
// so there is nothing to shut down gracefully) and removes its directory.
func (s *Server) Close() error {
	s.mu.Lock()
	if s.cmd != nil {
		killGroup(s.cmd)
		<-s.exited
		s.out.Close()
		s.cmd = nil
	}
	s.mu.Unlock()
	return os.RemoveAll(s.dir)
}

// Dial connects and logs in as the mail user.
func (s *Server) Dial() (*imapclient.Client, error) {
	c, err := imapclient.DialInsecure(s.addr, nil)
	if err != nil {
		return nil, err
	}
	if err := c.Login(s.opt.User, s.opt.Password).Wait(); err != nil {
		c.Close()
		return nil, fmt.Errorf("dovecot login: %w", err)
	}
	return c, nil
}

// CreateMailbox creates mailbox name (no error if it exists).
func (s *Server) CreateMailbox(name string) error {
	c, err := s.Dial()
	if err != nil {
		return err
	}
	defer c.Close()
	if err := c.Create(name, nil).Wait(); err != nil {
		var ie *imap.Error
		if !errors.As(err, &ie) || ie.Code != imap.ResponseCodeAlreadyExists {
			return fmt.Errorf("dovecot create %s: %w", name, err)
		}
	}
	return c.Logout().Wait()
}

// Append stores raw in mailbox with IMAP APPEND, as a mail client does, with
// internalDate as the arrival time (zero: now) and the given flags. Bare LF
// line ends are turned into CRLF. It returns the UID (APPENDUID).
func (s *Server) Append(mailbox string, raw []byte, internalDate time.Time, flags ...imap.Flag) (uint32, error) {
	c, err := s.Dial()
	if err != nil {
		return 0, err
	}
	defer c.Close()
	uid, err := appendOne(c, mailbox, raw, internalDate, flags)
	if err != nil {
		return 0, err
	}
	return uid, c.Logout().Wait()
}

func appendOne(c *imapclient.Client, mailbox string, raw []byte, date time.Time, flags []imap.Flag) (uint32, error) {
	cmd := startAppend(c, mailbox, raw, date, flags)
	if cmd.err != nil {
		return 0, cmd.err
	}
	data, err := cmd.cmd.Wait()
	if err != nil {
		return 0, fmt.Errorf("dovecot append: %w", err)
	}
	return uint32(data.UID), nil
}

type pendingAppend struct {
	cmd *imapclient.AppendCommand
	err error
}

func startAppend(c *imapclient.Client, mailbox string, raw []byte, date time.Time, flags []imap.Flag) pendingAppend {
	raw = CRLF(raw)
	cmd := c.Append(mailbox, int64(len(raw)), &imap.AppendOptions{Time: date, Flags: flags})
	if _, err := cmd.Write(raw); err != nil {
		cmd.Close()
		return pendingAppend{err: fmt.Errorf("dovecot append: %w", err)}
	}
	if err := cmd.Close(); err != nil {
		return pendingAppend{err: fmt.Errorf("dovecot append: %w", err)}
	}
	return pendingAppend{cmd: cmd}
}

// AppendMany appends n messages to mailbox over one connection, pipelining
// up to 16 APPENDs at a time (Dovecot has LITERAL+). next returns message i
// and its arrival time; it is called in order and its bytes are not kept.
func (s *Server) AppendMany(mailbox string, n int, next func(i int) ([]byte, time.Time)) error {
	c, err := s.Dial()
	if err != nil {
		return err
	}
	defer c.Close()
	const window = 16
	var inflight []pendingAppend
	drain := func(keep int) error {
		for len(inflight) > keep {
			p := inflight[0]
			inflight = inflight[1:]
			if _, err := p.cmd.Wait(); err != nil {
				return fmt.Errorf("dovecot append: %w", err)
			}
		}
		return nil
	}
	for i := range n {
		raw, date := next(i)
		p := startAppend(c, mailbox, raw, date, nil)
		if p.err != nil {
			return p.err
		}
		inflight = append(inflight, p)
		if err := drain(window); err != nil {
			return err
		}
	}
	if err := drain(0); err != nil {
		return err
	}
	return c.Logout().Wait()
}

// CRLF returns raw with every bare LF turned into CRLF.
func CRLF(raw []byte) []byte {
	if !bytes.Contains(raw, []byte("\n")) {
		return raw
	}
	n := bytes.Count(raw, []byte("\n")) - bytes.Count(raw, []byte("\r\n"))
	if n == 0 {
		return raw
	}
	out := make([]byte, 0, len(raw)+n)
	for i, c := range raw {
		if c == '\n' && (i == 0 || raw[i-1] != '\r') {
			out = append(out, '\r')
		}
		out = append(out, c)
	}
	return out
}

// Message is what a mailbox holds about one message.
type Message struct {
	UID          uint32
	Flags        []imap.Flag
	InternalDate time.Time
	Size         int64
	MessageID    string // from the envelope, without angle brackets
}

// Has reports whether the message carries flag (case-insensitive).
func (m Message) Has(flag imap.Flag) bool {
	return slices.ContainsFunc(m.Flags, func(f imap.Flag) bool { return strings.EqualFold(string(f), string(flag)) })
}

// Messages lists mailbox in UID order over a fresh read-only connection (EXAMINE).
func (s *Server) Messages(mailbox string) ([]Message, error) {
	c, err := s.Dial()
	if err != nil {
		return nil, err
	}
	defer c.Close()
	sel, err := c.Select(mailbox, &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil {
		return nil, fmt.Errorf("dovecot examine %s: %w", mailbox, err)
	}
	if sel.NumMessages == 0 {
		return nil, c.Logout().Wait()
	}
	msgs, err := c.Fetch(imap.SeqSet{{Start: 1, Stop: 0}}, &imap.FetchOptions{
		UID: true, Flags: true, InternalDate: true, RFC822Size: true, Envelope: true,
	}).Collect()
	if err != nil {
		return nil, fmt.Errorf("dovecot fetch %s: %w", mailbox, err)
	}
	out := make([]Message, 0, len(msgs))
	for _, m := range msgs {
		msg := Message{UID: uint32(m.UID), Flags: m.Flags, InternalDate: m.InternalDate, Size: m.RFC822Size}
		if m.Envelope != nil {
			msg.MessageID = m.Envelope.MessageID
		}
		out = append(out, msg)
	}
	slices.SortFunc(out, func(a, b Message) int { return int(a.UID) - int(b.UID) })
	return out, c.Logout().Wait()
}

// UIDValidity returns the UIDVALIDITY of mailbox (STATUS).
func (s *Server) UIDValidity(mailbox string) (uint32, error) {
	c, err := s.Dial()
	if err != nil {
		return 0, err
	}
	defer c.Close()
	st, err := c.Status(mailbox, &imap.StatusOptions{UIDValidity: true}).Wait()
	if err != nil {
		return 0, fmt.Errorf("dovecot status %s: %w", mailbox, err)
	}
	return st.UIDValidity, c.Logout().Wait()
}

// ResetUIDValidity (maildir only) gives mailbox a new UIDVALIDITY while keeping its mail, as
// a server migration or a rebuilt index does: it stops the server, removes
// the mailbox's UID list and index files, and starts it again. Dovecot then
// numbers the messages afresh under UIDVALIDITY+1.
func (s *Server) ResetUIDValidity(mailbox string) (old, cur uint32, err error) {
	if s.opt.Format != "maildir" {
		return 0, 0, fmt.Errorf("ResetUIDValidity needs the maildir format, not %s", s.opt.Format)
	}
	if old, err = s.UIDValidity(mailbox); err != nil {
		return 0, 0, err
	}
	if err := s.Stop(); err != nil {
		return 0, 0, err
	}
	dir := filepath.Join(s.dir, "mail", s.opt.User)
	if !strings.EqualFold(mailbox, "INBOX") {
		dir = filepath.Join(dir, "."+strings.ReplaceAll(mailbox, "/", "."))
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return 0, 0, err
	}
	for _, e := range ents {
		if n := e.Name(); n == "dovecot-uidlist" || strings.HasPrefix(n, "dovecot.index") {
			if err := os.Remove(filepath.Join(dir, n)); err != nil {
				return 0, 0, err
			}
		}
	}
	if err := s.start(); err != nil {
		return 0, 0, err
	}
	cur, err = s.UIDValidity(mailbox)
	if err == nil && cur == old {
		err = fmt.Errorf("dovecot kept UIDVALIDITY %d after the reset", cur)
	}
	return old, cur, err
}
