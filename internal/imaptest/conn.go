package imaptest

import (
	"bytes"
	"net"
	"sync"
	"time"
)

// connSet tracks the live raw TCP connections of a Server so a test can cut
// them, at once or after a number of bytes.
type connSet struct {
	mu      sync.Mutex
	conns   map[*trackedConn]struct{}
	armed   bool
	left    int64 // bytes the server may still write before the cut
	total   int   // connections accepted so far
	cutDone chan struct{}
	changed chan struct{} // closed and replaced whenever conns changes
	hole    bool          // drop everything the server writes
}

func (s *connSet) setBlackhole(on bool) {
	s.mu.Lock()
	s.hole = on
	s.mu.Unlock()
}

func (s *connSet) blackholed() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hole
}

func newConnSet() *connSet {
	return &connSet{conns: make(map[*trackedConn]struct{}), changed: make(chan struct{})}
}

func (s *connSet) add(c *trackedConn) {
	s.mu.Lock()
	s.conns[c] = struct{}{}
	s.total++
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
}

func (s *connSet) remove(c *trackedConn) {
	s.mu.Lock()
	delete(s.conns, c)
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
}

// waitOpen waits until exactly n connections are open, or timeout.
func (s *connSet) waitOpen(n int, timeout time.Duration) bool {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		open, ch := len(s.conns), s.changed
		s.mu.Unlock()
		if open == n {
			return true
		}
		select {
		case <-ch:
		case <-deadline.C:
			return false
		}
	}
}

// closeAll closes every live connection and returns how many there were.
func (s *connSet) closeAll() int {
	s.mu.Lock()
	l := make([]*trackedConn, 0, len(s.conns))
	for c := range s.conns {
		l = append(l, c)
	}
	s.mu.Unlock()
	for _, c := range l {
		c.Close()
	}
	return len(l)
}

func (s *connSet) count() (live, total int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.conns), s.total
}

// arm makes the connections close once the server has written n more bytes
// (over all connections), in the middle of a write if need be. The returned
// channel is closed after the cut.
func (s *connSet) arm(n int64) <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.armed = true
	s.left = n
	s.cutDone = make(chan struct{})
	return s.cutDone
}

// take asks to write n bytes. It returns how many may be written before an
// armed cut, and whether the cut comes right after those.
func (s *connSet) take(n int) (allow int, cut bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.armed {
		return n, false
	}
	if int64(n) < s.left {
		s.left -= int64(n)
		return n, false
	}
	s.armed = false
	return int(s.left), true
}

// cut closes every connection and announces it.
func (s *connSet) cut() {
	s.mu.Lock()
	done := s.cutDone
	s.mu.Unlock()
	s.closeAll()
	close(done)
}

type trackedListener struct {
	net.Listener
	set *connSet
}

func (l *trackedListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	tc := &trackedConn{Conn: c, set: l.set}
	l.set.add(tc)
	return tc, nil
}

type trackedConn struct {
	net.Conn
	set  *connSet
	once sync.Once
}

// Write writes p, or only the part of p before an armed cut: then every
// connection is closed in the middle of whatever p was (a literal, say).
func (c *trackedConn) Write(p []byte) (int, error) {
	if c.set.blackholed() {
		return len(p), nil // lost on the way: the client hears nothing
	}
	allow, cut := c.set.take(len(p))
	if !cut {
		return c.Conn.Write(p)
	}
	n, err := c.Conn.Write(p[:allow])
	c.set.cut()
	if err == nil {
		err = net.ErrClosed
	}
	return n, err
}

func (c *trackedConn) Close() error {
	c.once.Do(func() { c.set.remove(c) })
	return c.Conn.Close()
}

// noIdleListener wraps accepted connections in noIdleConn.
type noIdleListener struct{ net.Listener }

func (l noIdleListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return noIdleConn{c}, nil
}

// noIdleConn removes the IDLE token from the capability lists the server
// writes (greeting, CAPABILITY response, [CAPABILITY ...] codes): imapserver
// always advertises IDLE, and this is how a test gets a server without it.
// Only lines that contain "CAPABILITY" are touched. It sees plaintext only, so
// it works for plain and implicit-TLS listeners, not after STARTTLS.
type noIdleConn struct{ net.Conn }

var (
	capWord  = []byte("CAPABILITY")
	idleWord = []byte(" IDLE")
)

func (c noIdleConn) Write(p []byte) (int, error) {
	if !bytes.Contains(p, capWord) {
		return c.Conn.Write(p)
	}
	out := make([]byte, 0, len(p))
	for line := range bytes.Lines(p) {
		if bytes.Contains(line, capWord) {
			line = stripIdle(line)
		}
		out = append(out, line...)
	}
	if _, err := c.Conn.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// stripIdle removes every " IDLE" token that ends at a space, ']' or CR.
func stripIdle(line []byte) []byte {
	var out []byte
	for {
		i := bytes.Index(line, idleWord)
		if i < 0 {
			return append(out, line...)
		}
		end := i + len(idleWord)
		if end == len(line) || line[end] == ' ' || line[end] == ']' || line[end] == '\r' || line[end] == '\n' {
			out = append(out, line[:i]...)
		} else {
			out = append(out, line[:end]...)
		}
		line = line[end:]
	}
}
