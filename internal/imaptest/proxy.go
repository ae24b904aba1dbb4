package imaptest

import (
	"fmt"
	"io"
	"net"
	"sync"
	"testing"
)

// Proxy is a TCP proxy on loopback in front of another server (a real
// Dovecot, say) that can cut its connections, at once or in the middle of
// what the server sends, as a network failure would.
type Proxy struct {
	ln     net.Listener
	target string
	conns  *connSet
	wg     sync.WaitGroup
}

// NewProxy listens on 127.0.0.1:0 and forwards every connection to target.
func NewProxy(target string) (*Proxy, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("imaptest: proxy listen: %w", err)
	}
	p := &Proxy{ln: ln, target: target, conns: newConnSet()}
	p.wg.Add(1)
	go p.serve()
	return p, nil
}

// StartProxy is NewProxy for a test; it closes the proxy when the test ends.
func StartProxy(tb testing.TB, target string) *Proxy {
	tb.Helper()
	p, err := NewProxy(target)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { p.Close() })
	return p
}

func (p *Proxy) serve() {
	defer p.wg.Done()
	tl := &trackedListener{Listener: p.ln, set: p.conns}
	for {
		c, err := tl.Accept()
		if err != nil {
			return
		}
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			p.forward(c)
		}()
	}
}

// forward copies both ways until either side ends; writes to the client go
// through the tracked connection, so CutAfter counts what the server sent.
func (p *Proxy) forward(client net.Conn) {
	defer client.Close()
	up, err := net.Dial("tcp", p.target)
	if err != nil {
		return
	}
	defer up.Close()
	done := make(chan struct{}, 2)
	go func() {
		io.Copy(up, client)
		done <- struct{}{}
	}()
	go func() {
		io.Copy(client, up)
		done <- struct{}{}
	}()
	<-done // one direction ended: end both
}

// Addr is the proxy's host:port.
func (p *Proxy) Addr() string { return p.ln.Addr().String() }

// CutConnections closes every proxied connection and returns how many.
func (p *Proxy) CutConnections() int { return p.conns.closeAll() }

// CutAfter closes every connection once the server has sent n more bytes
// through the proxy, in the middle of a write if need be; the channel is
// closed after the cut.
func (p *Proxy) CutAfter(n int64) <-chan struct{} { return p.conns.arm(n) }

// Blackhole makes everything the server sends vanish (on) or arrive again
// (off), with the connections still up.
func (p *Proxy) Blackhole(on bool) { p.conns.setBlackhole(on) }

// Conns reports the open proxied connections and all accepted so far.
func (p *Proxy) Conns() (open, total int) { return p.conns.count() }

// Close stops accepting, cuts every connection and waits for the copiers.
func (p *Proxy) Close() error {
	err := p.ln.Close()
	p.conns.closeAll()
	p.wg.Wait()
	return err
}
