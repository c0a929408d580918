package subscriptions

// A WebSocket operation's results (wsSink, paced or not) and how a
// connection is closed: with a code after what is queued, or at once for
// a slow consumer (4013), whose cut frame is completed first.

import (
	"errors"
	"os"
	"sync/atomic"

	"github.com/coder/websocket"

	"github.com/nexus-commerce/nexus/router/internal/recovery"
)

// wsSink turns an operation's results into next (data) messages.
type wsSink struct {
	cn *wsConn
	op *wsOperation
	// paced is the gateway's word on this stream (gateway.PacedWriter); it
	// may change between Nexts.
	paced atomic.Bool
}

// Paced says whether Next may wait for the client (a replaying stream)
// or must never wait (a live one, possibly shared).
func (s *wsSink) Paced(paced bool) { s.paced.Store(paced) }

// Next queues one result. On a paced stream it first waits, while the
// connection's buffer is more than half full, for the client to take
// some; a client that takes nothing for the pace timeout is disconnected.
func (s *wsSink) Next(payload []byte) error {
	if s.op.stopped.Load() {
		return errClosed
	}
	if s.paced.Load() {
		if err := s.cn.out.waitRoom(s.cn.h.opts.PaceTimeout, s.op.quit); err != nil {
			if errors.Is(err, errNotReading) {
				s.cn.tooSlow(ReasonNotReading)
			}
			return err
		}
	}
	msg := make([]byte, 0, len(s.op.next)+len(payload)+1)
	msg = append(append(append(msg, s.op.next...), payload...), '}')
	return s.cn.out.push(msg)
}

// Complete tells the client the operation is over.
func (s *wsSink) Complete() {
	if s.cn.finish(s.op) {
		s.cn.send(frame(s.op.id, "complete", nil))
	}
}

// Error delivers the subgraph's final errors as a result, then completes.
func (s *wsSink) Error(payload []byte) {
	if s.op.stopped.Load() {
		return
	}
	_ = s.Next(payload)
	s.Complete()
}

// send queues a message; a full buffer disconnects the client.
func (cn *wsConn) send(msg []byte) { _ = cn.out.push(msg) }

// slow disconnects a client whose buffer filled up.
func (cn *wsConn) slow() { cn.tooSlow(ReasonBufferFull) }

// tooSlow disconnects a slow consumer with 4013, counted and logged by
// reason, unless the connection is closing already.
func (cn *wsConn) tooSlow(reason string) {
	text := "slow consumer: buffer full"
	if reason == ReasonNotReading {
		text = "slow consumer: not reading"
	}
	if cn.shut(CloseSlowConsumer, text, false) {
		cn.h.slowConsumer(reason, "websocket", cn.r.RemoteAddr, cn.reqID)
	}
}

// failed gives up on a client whose connection broke, or closes one that
// took nothing for the write timeout as a slow consumer. A write cut by a
// close in progress changes nothing.
func (cn *wsConn) failed(err error) {
	switch {
	case cn.sock.isAborted():
	case errors.Is(err, os.ErrDeadlineExceeded):
		cn.tooSlow(ReasonNotReading)
	default:
		cn.cancel()
		_ = cn.c.CloseNow()
	}
}

// closeWith closes the connection with a close code, once, after the
// messages already queued are written. The close handshake runs on its own
// goroutine.
func (cn *wsConn) closeWith(code websocket.StatusCode, reason string) {
	cn.shut(code, reason, true)
}

// shut closes the connection once and reports whether this call did;
// flush lets queued messages go first. Without flush (a slow client, whose
// queue is the problem) the queue is dropped and a write in flight cut;
// the socket completes the frame it cut and makes room for the close frame
// (socket.finish), which then waits in the kernel for the client to read.
func (cn *wsConn) shut(code websocket.StatusCode, reason string, flush bool) bool {
	cn.mu.Lock()
	if cn.closing {
		cn.mu.Unlock()
		return false
	}
	cn.closing = true
	if cn.ka != nil {
		cn.ka.Stop()
	}
	if cn.expiry != nil {
		cn.expiry.Stop()
	}
	done := make(chan struct{})
	cn.closed = done
	cn.mu.Unlock()
	if !flush {
		cn.out.close()
		cn.sock.abort()
	}
	idle := cn.out.wait()
	go func() {
		defer close(done)
		defer recovery.Guard(cn.h.opts.Log, cn.h.opts.Metrics, recovery.KindWSConnection, cn.reqID, cn.abort)
		<-idle
		cn.out.close()
		if err := cn.sock.finish(!flush); err != nil {
			cn.abort(err)
			return
		}
		_ = cn.c.Close(code, truncate(reason, 120))
	}()
	return true
}
