package imaptest

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// Dovecot is a real Dovecot IMAP server run by a test on a loopback port,
// with a throwaway configuration, one passwd-file user and Maildir storage in
// a temporary directory. Plain IMAP, plaintext LOGIN allowed (loopback).
type Dovecot struct {
	dir      string
	conf     string
	addr     string
	username string
	password string
	cmd      *exec.Cmd
	exited   chan struct{}
	logBuf   *bytes.Buffer
}

// DovecotBinary is where StartDovecot looks first; then $PATH.
const DovecotBinary = "/usr/sbin/dovecot"

func dovecotPath() (string, error) {
	if _, err := os.Stat(DovecotBinary); err == nil {
		return DovecotBinary, nil
	}
	return exec.LookPath("dovecot")
}

// StartDovecot starts Dovecot for a test and stops it when the test ends.
// The test is skipped, with the reason, when Dovecot is not installed
// (Debian: apt-get install dovecot-imapd) or the test does not run as root
// (Dovecot switches to its own users).
func StartDovecot(tb testing.TB) *Dovecot {
	tb.Helper()
	bin, err := dovecotPath()
	if err != nil {
		tb.Skip("dovecot is not installed (apt-get install dovecot-imapd); skipping the Dovecot interop test")
	}
	if os.Geteuid() != 0 {
		tb.Skip("the Dovecot interop test runs Dovecot as root (it drops to its own users); skipping")
	}
	// Not tb.TempDir: its parent is 0700, and Dovecot's own users must
	// reach the files.
	dir, err := os.MkdirTemp("", "privacyd-dovecot-")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { os.RemoveAll(dir) })
	d, err := startDovecot(bin, dir)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if err := d.Close(); err != nil {
			tb.Log(err)
		}
	})
	return d
}

func startDovecot(bin, dir string) (*Dovecot, error) {
	// Dovecot's unprivileged processes need to reach the directory.
	if err := os.Chmod(dir, 0o755); err != nil {
		return nil, err
	}
	for _, sub := range []string{"run", "state"} {
		if err := os.Mkdir(filepath.Join(dir, sub), 0o755); err != nil {
			return nil, err
		}
	}
	mail := filepath.Join(dir, "mail")
	if err := os.Mkdir(mail, 0o777); err != nil {
		return nil, err
	}
	if err := os.Chmod(mail, 0o777); err != nil { // umask
		return nil, err
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	d := &Dovecot{
		dir:      dir,
		conf:     filepath.Join(dir, "dovecot.conf"),
		addr:     net.JoinHostPort("127.0.0.1", strconv.Itoa(port)),
		username: DefaultUsername,
		password: DefaultPassword,
		exited:   make(chan struct{}),
		logBuf:   new(bytes.Buffer),
	}
	passwd := filepath.Join(dir, "passwd")
	if err := os.WriteFile(passwd, fmt.Appendf(nil, "%s:{PLAIN}%s\n", d.username, d.password), 0o644); err != nil {
		return nil, err
	}
	conf := fmt.Sprintf(`base_dir = %[1]s/run
state_dir = %[1]s/state
log_path = %[1]s/dovecot.log
instance_name = privacyd-imaptest-%[2]d
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
mail_location = maildir:%[1]s/mail/%%u
mail_uid = dovecot
mail_gid = dovecot
first_valid_uid = 1
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%%u %[3]s
}
userdb {
  driver = static
  args = uid=dovecot gid=dovecot home=%[1]s/mail/%%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = %[2]d
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
protocol imap {
  mail_max_userip_connections = 100
}
`, dir, port, passwd)
	if err := os.WriteFile(d.conf, []byte(conf), 0o644); err != nil {
		return nil, err
	}
	d.cmd = exec.Command(bin, "-F", "-c", d.conf)
	d.cmd.Stdout = d.logBuf
	d.cmd.Stderr = d.logBuf
	if err := d.cmd.Start(); err != nil {
		return nil, fmt.Errorf("imaptest: start dovecot: %w", err)
	}
	go func() {
		d.cmd.Wait()
		close(d.exited)
	}()
	// Wait until it accepts connections (or died).
	deadline := time.Now().Add(15 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", d.addr, time.Second)
		if err == nil {
			c.Close()
			return d, nil
		}
		select {
		case <-d.exited:
			return nil, fmt.Errorf("imaptest: dovecot exited at start: %s%s", d.logBuf, d.Log())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			d.Close()
			return nil, fmt.Errorf("imaptest: dovecot did not listen on %s within 15s: %s", d.addr, d.Log())
		}
	}
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// Close stops Dovecot (SIGTERM to the master process it started, SIGKILL
// after 10s).
func (d *Dovecot) Close() error {
	select {
	case <-d.exited:
		return nil
	default:
	}
	if err := d.cmd.Process.Signal(syscall.SIGTERM); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return err
	}
	select {
	case <-d.exited:
		return nil
	case <-time.After(10 * time.Second):
		d.cmd.Process.Kill()
		<-d.exited
		return errors.New("imaptest: dovecot did not stop on SIGTERM; killed")
	}
}

// Addr is the host:port Dovecot listens on (plain IMAP).
func (d *Dovecot) Addr() string { return d.addr }

// Username is the test user's login.
func (d *Dovecot) Username() string { return d.username }

// Password is the test user's password.
func (d *Dovecot) Password() string { return d.password }

// Log returns Dovecot's log file so far.
func (d *Dovecot) Log() string {
	b, _ := os.ReadFile(filepath.Join(d.dir, "dovecot.log"))
	return string(b)
}

// Kick disconnects every session of the test user (doveadm kick), as a
// server restart or a network cut would.
func (d *Dovecot) Kick() error {
	bin, err := exec.LookPath("doveadm")
	if err != nil {
		return err
	}
	out, err := exec.Command(bin, "-c", d.conf, "kick", d.username).CombinedOutput()
	if err != nil {
		return fmt.Errorf("imaptest: doveadm kick: %v: %s", err, out)
	}
	return nil
}

// Dial opens a logged-in plain client connection.
func (d *Dovecot) Dial() (*imapclient.Client, error) {
	c, err := imapclient.DialInsecure(d.addr, nil)
	if err != nil {
		return nil, err
	}
	if err := c.Login(d.username, d.password).Wait(); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// Append stores raw in mailbox over IMAP APPEND, as a delivery would, and
// returns its UID (from APPENDUID).
func (d *Dovecot) Append(mailbox string, raw []byte, internalDate time.Time, flags ...imap.Flag) (uint32, error) {
	c, err := d.Dial()
	if err != nil {
		return 0, err
	}
	defer c.Close()
	cmd := c.Append(mailbox, int64(len(raw)), &imap.AppendOptions{Time: internalDate, Flags: flags})
	if _, err := cmd.Write(raw); err != nil {
		return 0, err
	}
	if err := cmd.Close(); err != nil {
		return 0, err
	}
	data, err := cmd.Wait()
	if err != nil {
		return 0, fmt.Errorf("imaptest: append to %s: %w", mailbox, err)
	}
	return uint32(data.UID), c.Logout().Wait()
}

// CreateMailbox creates a mailbox over IMAP.
func (d *Dovecot) CreateMailbox(name string) error {
	return d.do(func(c *imapclient.Client) error { return c.Create(name, nil).Wait() })
}

// DeleteMailbox deletes a mailbox over IMAP.
func (d *Dovecot) DeleteMailbox(name string) error {
	return d.do(func(c *imapclient.Client) error { return c.Delete(name).Wait() })
}

// UIDValidity reports a mailbox's UIDVALIDITY.
func (d *Dovecot) UIDValidity(mailbox string) (v uint32, err error) {
	err = d.do(func(c *imapclient.Client) error {
		st, err := c.Status(mailbox, &imap.StatusOptions{UIDValidity: true}).Wait()
		if err == nil {
			v = st.UIDValidity
		}
		return err
	})
	return v, err
}

// Messages lists a mailbox over a fresh read-only connection.
func (d *Dovecot) Messages(mailbox string) ([]Message, error) {
	c, err := d.Dial()
	if err != nil {
		return nil, err
	}
	return messagesVia(c, mailbox)
}

func (d *Dovecot) do(f func(*imapclient.Client) error) error {
	c, err := d.Dial()
	if err != nil {
		return err
	}
	defer c.Close()
	if err := f(c); err != nil {
		return err
	}
	return c.Logout().Wait()
}
