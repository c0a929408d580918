package server

import (
	"errors"
	"log/slog"
	"net"
	"net/netip"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// tooManyConnections is the raw answer to a connection over the per-client
// cap: written before any request is read (the connection never reaches
// the HTTP server), so it is a complete HTTP/1.1 response of its own.
var tooManyConnections = func() []byte {
	body := `{"errors":[{"message":"too many connections from this client; retry later","extensions":{"code":"TOO_MANY_CONNECTIONS"}}]}`
	return []byte("HTTP/1.1 503 Service Unavailable\r\n" +
		"Content-Type: application/json\r\n" +
		"Retry-After: 1\r\n" +
		"Connection: close\r\n" +
		"Content-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n" + body)
}()

// refuseWriteTimeout bounds writing the answer to a refused connection,
// refuseDrain the reading of what its client had already sent (so closing
// does not reset the connection before the client read the answer).
const (
	refuseWriteTimeout = 2 * time.Second
	refuseDrain        = 250 * time.Millisecond
)

// maxRefusing bounds the refused connections being answered at once; past
// it, refused connections are closed without an answer, so a flood of
// them costs no more than that many short-lived goroutines.
const maxRefusing = 2048

// clientCap is a net.Listener that counts open connections per remote IP
// and refuses those over the cap at accept: one client cannot hold every
// descriptor of the router (slow bodies, idle keep-alives, WebSockets).
// Every accepted connection is counted, hijacked ones included (the
// WebSocket library closes the same net.Conn); the count drops when it is
// closed. max is read per accept, so a reload changes the cap for new
// connections.
type clientCap struct {
	net.Listener
	max func() int
	log *slog.Logger

	mu       sync.Mutex
	open     map[netip.Addr]int
	refusing atomic.Int64
	// refused counts refusals since the last log line; lastLog (UnixNano)
	// limits those lines to one a second, so a flood does not flood logs.
	refused atomic.Int64
	lastLog atomic.Int64
}

// capPerClient wraps ln; max returns the current cap (0 = none).
func capPerClient(ln net.Listener, max func() int, log *slog.Logger) *clientCap {
	return &clientCap{Listener: ln, max: max, log: log, open: map[netip.Addr]int{}}
}

// Accept returns the next connection within its client's cap, answering
// and closing those over it.
func (l *clientCap) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		ip := remoteIP(c)
		if l.acquire(ip) {
			return &countedConn{Conn: c, release: func() { l.release(ip) }}, nil
		}
		l.logRefusal(c)
		if l.refusing.Add(1) > maxRefusing {
			l.refusing.Add(-1)
			_ = c.Close()
			continue
		}
		go l.refuse(c)
	}
}

// acquire counts a connection from ip unless ip is at the cap.
func (l *clientCap) acquire(ip netip.Addr) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if n := l.max(); n > 0 && l.open[ip] >= n {
		return false
	}
	l.open[ip]++
	return true
}

func (l *clientCap) release(ip netip.Addr) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.open[ip]--; l.open[ip] <= 0 {
		delete(l.open, ip)
	}
}

// openFrom is the number of counted connections from ip.
func (l *clientCap) openFrom(ip netip.Addr) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.open[ip]
}

// refuse writes the 503 and closes c. The client's request (if it sent
// one) is drained briefly after the answer, so closing does not reset the
// connection before the client has read the answer.
func (l *clientCap) refuse(c net.Conn) {
	defer l.refusing.Add(-1)
	defer c.Close()
	_ = c.SetWriteDeadline(time.Now().Add(refuseWriteTimeout))
	if _, err := c.Write(tooManyConnections); err != nil {
		return
	}
	if cw, ok := c.(interface{ CloseWrite() error }); ok {
		_ = cw.CloseWrite()
	}
	_ = c.SetReadDeadline(time.Now().Add(refuseDrain))
	var buf [512]byte // small: thousands of these may run at once
	for range 128 {
		if _, err := c.Read(buf[:]); err != nil {
			break
		}
	}
}

// logRefusal logs refusals, at most one line a second (with the count
// since the previous line).
func (l *clientCap) logRefusal(c net.Conn) {
	n := l.refused.Add(1)
	now := time.Now().UnixNano()
	last := l.lastLog.Load()
	if now-last < int64(time.Second) || !l.lastLog.CompareAndSwap(last, now) {
		return
	}
	l.refused.Add(-n)
	l.log.Warn("connections refused: too many from one client", "remote", c.RemoteAddr().String(),
		"limit", l.max(), "refused", n)
}

// remoteIP is c's remote address without the port (IPv4-mapped IPv6
// unmapped, so one client counts once).
func remoteIP(c net.Conn) netip.Addr {
	if a, ok := c.RemoteAddr().(*net.TCPAddr); ok {
		return a.AddrPort().Addr().Unmap()
	}
	ap, err := netip.ParseAddrPort(c.RemoteAddr().String())
	if err != nil {
		return netip.Addr{}
	}
	return ap.Addr().Unmap()
}

// countedConn releases its client's count once, when closed.
type countedConn struct {
	net.Conn
	once    sync.Once
	release func()
}

func (c *countedConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.release)
	return err
}

// NetConn is the connection under the count, for code that tunes the
// socket (the subscription front end sets SO_SNDBUF), as tls.Conn's.
func (c *countedConn) NetConn() net.Conn { return c.Conn }

// CloseWrite lets net/http half-close the connection as it does a bare
// *net.TCPConn (its lingering close after an error response).
func (c *countedConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return errors.New("connection cannot half-close")
}
