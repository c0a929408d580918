package subscriptions

import (
	"errors"
	"net"
	"os"
	"sync"
	"time"
)

// writeChunk bounds one write call. Each call gets the write timeout of
// its own, so the timeout measures how long the client took nothing, not
// how long a large batch took to cross a slow link.
const writeChunk = 32 << 10

// closeWriteTimeout bounds writing what completes a cut frame before the
// close frame.
const closeWriteTimeout = 2 * time.Second

// errAborted is returned by a write that was cut short because the
// connection is being closed.
var errAborted = errors.New("write aborted: connection closing")

// socket is the TCP connection under an upgraded WebSocket. The router
// frames its own messages and writes each batch the outbox hands it in as
// few write calls as it can (one per writeChunk), instead of one write per
// message through the WebSocket library; the library still reads, closes
// and writes its control frames (pong, close) through Write. One mutex
// keeps both writers to whole frames: the library's control frames are
// at most 127 bytes and flushed with one Write each.
//
// The kernel send buffer is fixed (SO_SNDBUF, Options.SocketBufferBytes)
// rather than left to autotuning (up to 4 MiB), so a client that stops
// reading blocks the writer after a known amount and the write timeout
// notices it. Before the close frame of such a client the buffer is
// raised, so the frame fits and waits there for the client to read again.
type socket struct {
	net.Conn
	// base is the SO_SNDBUF set at the upgrade (0: none could be set).
	base    int
	timeout time.Duration

	// wmu serialises writes: the outbox's batches and the library's frames.
	wmu sync.Mutex
	// rest is the unwritten tail of a frame a failed write cut (under
	// wmu): the client must get it before any other frame.
	rest []byte
	// stalled is set (under wmu) when a write timed out: the kernel
	// buffer is full.
	stalled bool
	buf     []byte

	// dmu guards the write deadline against abort: once aborted, the
	// outbox's writes fail at once instead of arming a fresh deadline.
	dmu     sync.Mutex
	aborted bool
}

// newSocket wraps a hijacked connection and fixes its send buffer to
// sndbuf bytes (0 leaves it alone).
func newSocket(c net.Conn, sndbuf int, timeout time.Duration) *socket {
	s := &socket{Conn: c, timeout: timeout}
	if sndbuf > 0 && setSendBuffer(c, sndbuf) == nil {
		s.base = sndbuf
	}
	return s
}

// setSendBuffer sets SO_SNDBUF on the TCP connection under c (through
// TLS and the server's own wrappers, which expose NetConn).
func setSendBuffer(c net.Conn, n int) error {
	for {
		switch t := c.(type) {
		case interface{ SetWriteBuffer(int) error }:
			return t.SetWriteBuffer(n)
		case interface{ NetConn() net.Conn }:
			c = t.NetConn()
		default:
			return errors.New("not a TCP connection")
		}
	}
}

// Write is the WebSocket library's: control frames, each written whole.
func (s *socket) Write(p []byte) (int, error) {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if len(s.rest) > 0 {
		// A frame of ours was cut: nothing may follow it but its tail
		// (see finish). The library gives up on the connection.
		return 0, net.ErrClosed
	}
	_ = s.Conn.SetWriteDeadline(time.Now().Add(s.timeout))
	return s.Conn.Write(p)
}

// arm sets the write deadline of the outbox's next write call, unless the
// connection is being closed.
func (s *socket) arm() bool {
	s.dmu.Lock()
	defer s.dmu.Unlock()
	if s.aborted {
		return false
	}
	_ = s.Conn.SetWriteDeadline(time.Now().Add(s.timeout))
	return true
}

// abort cuts the outbox's write in flight (and fails the ones after it):
// the connection is closing and its queue is dropped.
func (s *socket) abort() {
	s.dmu.Lock()
	defer s.dmu.Unlock()
	s.aborted = true
	_ = s.Conn.SetWriteDeadline(time.Unix(1, 0))
}

// bufPool holds batch buffers between batches, so an idle connection
// keeps none.
var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, writeChunk+1024); return &b }}

// writeFrames writes msgs as text frames, in order, at most writeChunk
// bytes per write call. A failed write leaves the tail of the frame it cut
// in rest; a timeout marks the socket stalled.
func (s *socket) writeFrames(msgs [][]byte) error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if len(s.rest) > 0 {
		return net.ErrClosed
	}
	bp := bufPool.Get().(*[]byte)
	buf := (*bp)[:0]
	// ends are the frames' end offsets in buf, to find a cut frame's tail.
	var endsArr [64]int
	ends := endsArr[:0]
	for _, m := range msgs {
		buf = appendFrameHeader(buf, len(m))
		buf = append(buf, m...)
		ends = append(ends, len(buf))
	}
	err := s.writeAll(buf, ends)
	if cap(buf) <= 64<<10 {
		*bp = buf[:0]
		bufPool.Put(bp)
	}
	return err
}

// writeAll writes buf in chunks; wmu must be held.
func (s *socket) writeAll(buf []byte, ends []int) error {
	for off := 0; off < len(buf); {
		if !s.arm() {
			s.cut(buf, ends, off)
			return errAborted
		}
		n, err := s.Conn.Write(buf[off:min(off+writeChunk, len(buf))])
		off += n
		if err != nil {
			s.cut(buf, ends, off)
			if errors.Is(err, os.ErrDeadlineExceeded) {
				s.stalled = true
			}
			return err
		}
	}
	return nil
}

// cut keeps the unwritten tail of the frame that byte off of buf is in.
func (s *socket) cut(buf []byte, ends []int, off int) {
	start := 0
	for _, end := range ends {
		if off < end {
			if off > start {
				s.rest = append([]byte(nil), buf[off:end]...)
			}
			return
		}
		start = end
	}
}

// finish readies the connection for the library's close frame after the
// outbox stopped: a frame a write cut is completed, and for a client that
// is not reading (slow, or a write timed out) the kernel send buffer is
// raised so the tail and the close frame fit behind what it already holds
// and reach the client once it reads again. An error means the close frame
// cannot be sent.
func (s *socket) finish(slow bool) error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if (slow || s.stalled || len(s.rest) > 0) && s.base > 0 {
		// Linux doubles the value and counts what is queued against it:
		// this leaves room for the tail, the close frame and a pong.
		_ = setSendBuffer(s.Conn, s.base+len(s.rest)+4<<10)
	}
	if len(s.rest) == 0 {
		return nil
	}
	_ = s.Conn.SetWriteDeadline(time.Now().Add(closeWriteTimeout))
	_, err := s.Conn.Write(s.rest)
	s.rest = nil
	return err
}

// appendFrameHeader appends the header of an unmasked, final text frame
// of n payload bytes (RFC 6455 5.2), as a server sends it.
func appendFrameHeader(b []byte, n int) []byte {
	const finText = 0x81
	switch {
	case n < 126:
		return append(b, finText, byte(n))
	case n <= 0xFFFF:
		return append(b, finText, 126, byte(n>>8), byte(n))
	default:
		return append(b, finText, 127, byte(n>>56), byte(n>>48), byte(n>>40), byte(n>>32), byte(n>>24), byte(n>>16), byte(n>>8), byte(n))
	}
}

// isAborted reports whether abort was called.
func (s *socket) isAborted() bool {
	s.dmu.Lock()
	defer s.dmu.Unlock()
	return s.aborted
}
