package subscriptions

import (
	"errors"
	"log/slog"
	"sync"
	"time"

	"github.com/nexus-commerce/nexus/router/internal/metrics"
	"github.com/nexus-commerce/nexus/router/internal/recovery"
)

// errSlowConsumer is returned by push when a client's buffer is full.
var errSlowConsumer = errors.New("slow consumer: buffer full")

// errNotReading is returned by waitRoom when the client took nothing for
// the whole wait.
var errNotReading = errors.New("slow consumer: not reading")

// errClosed is returned by push after the outbox was closed.
var errClosed = errors.New("connection closed")

// batchBytes is about the most one write hands the connection: the writer
// takes queued messages up to it (at least one) at a time.
const batchBytes = writeChunk

// outbox is a client's bounded send buffer. Producers (the resolver, the
// read loop, keep-alive timers) never block on a slow network: push either
// queues the message or, when the bound is reached, gives up on the client
// (overflow runs once and the outbox closes). The messages are written by
// a goroutine that exists only while there is something to write, so an
// idle connection costs no goroutine and no buffer; it takes what is queued
// in batches (up to batchBytes), each written with as few system calls as
// the transport allows.
//
// A paced stream (see waitRoom) waits for room instead of overflowing.
type outbox struct {
	maxMsgs, maxBytes int
	write             func([][]byte) error
	overflow          func()
	failed            func(error)
	// grew is told each new peak (for the handler's stats).
	grew func(msgs, bytes int)
	// A panic in the writer goroutine is logged with reqID, counted under
	// kind (its connection's or stream's) and fails the client.
	log         *slog.Logger
	metrics     *metrics.Metrics
	kind, reqID string

	mu      sync.Mutex
	msgs    [][]byte
	head    int
	bytes   int
	writing bool
	closed  bool
	// idle is closed when the writer goroutine stops (see wait).
	idle chan struct{}
	// taken is closed (and cleared) when the writer takes a batch or the
	// outbox closes, for waitRoom; made by the first waiter.
	taken chan struct{}
	// peakMsgs and peakBytes are the most the outbox ever held.
	peakMsgs, peakBytes int
}

// newOutbox makes a client's outbox that sends with write; overflow is
// called once when a push finds the buffer full, failed once when write
// fails (or panics). kind and reqID label a panic of its writer.
func (h *Handler) newOutbox(kind, reqID string, write func([][]byte) error, overflow func(), failed func(error)) *outbox {
	return &outbox{maxMsgs: h.opts.BufferMessages, maxBytes: h.opts.BufferBytes, write: write, overflow: overflow, failed: failed, grew: h.recordPeak,
		log: h.opts.Log, metrics: h.opts.Metrics, kind: kind, reqID: reqID}
}

// push queues msg (which the outbox now owns).
func (o *outbox) push(msg []byte) error {
	o.mu.Lock()
	if o.closed {
		o.mu.Unlock()
		return errClosed
	}
	n := len(o.msgs) - o.head
	if n >= o.maxMsgs || (n > 0 && o.bytes+len(msg) > o.maxBytes) {
		o.closed = true
		o.release()
		o.wakeLocked()
		o.mu.Unlock()
		o.overflow()
		return errSlowConsumer
	}
	if o.head > 0 && o.head >= len(o.msgs)/2 {
		// Reuse the written prefix so a queue that never quite empties
		// does not grow its array.
		k := copy(o.msgs, o.msgs[o.head:])
		clear(o.msgs[k:])
		o.msgs = o.msgs[:k]
		o.head = 0
	}
	o.msgs = append(o.msgs, msg)
	o.bytes += len(msg)
	grew := false
	if n+1 > o.peakMsgs {
		o.peakMsgs, grew = n+1, true
	}
	if o.bytes > o.peakBytes {
		o.peakBytes, grew = o.bytes, true
	}
	if grew && o.grew != nil {
		o.grew(o.peakMsgs, o.peakBytes)
	}
	start := !o.writing
	o.writing = true
	o.mu.Unlock()
	if start {
		go o.drain()
	}
	return nil
}

// drain writes queued messages in order, in batches, until the queue is
// empty.
func (o *outbox) drain() {
	defer recovery.Guard(o.log, o.metrics, o.kind, o.reqID, o.writeFailed)
	var batch [][]byte
	for {
		o.mu.Lock()
		if o.closed || o.head == len(o.msgs) {
			o.stopLocked()
			o.mu.Unlock()
			return
		}
		size := 0
		for o.head < len(o.msgs) && (len(batch) == 0 || size+len(o.msgs[o.head]) <= batchBytes) {
			msg := o.msgs[o.head]
			o.msgs[o.head] = nil
			o.head++
			o.bytes -= len(msg)
			size += len(msg)
			batch = append(batch, msg)
		}
		o.wakeLocked()
		o.mu.Unlock()
		err := o.write(batch)
		clear(batch)
		batch = batch[:0]
		if err != nil {
			o.writeFailed(err)
			return
		}
	}
}

// waitRoom waits, for a paced stream, until the outbox is at most half
// full: the client is taking what is queued, so the stream's next message
// waits for it rather than overflowing the buffer. It gives up with
// errNotReading when the writer takes nothing for timeout, and with
// errClosed when the outbox closes or quit is closed.
func (o *outbox) waitRoom(timeout time.Duration, quit <-chan struct{}) error {
	var t *time.Timer
	defer func() {
		if t != nil {
			t.Stop()
		}
	}()
	for {
		o.mu.Lock()
		if o.closed {
			o.mu.Unlock()
			return errClosed
		}
		if n := len(o.msgs) - o.head; n <= o.maxMsgs/2 && o.bytes <= o.maxBytes/2 {
			o.mu.Unlock()
			return nil
		}
		if o.taken == nil {
			o.taken = make(chan struct{})
		}
		taken := o.taken
		o.mu.Unlock()
		if t == nil {
			t = time.NewTimer(timeout)
		} else {
			t.Reset(timeout) // the client took a batch: the wait starts over
		}
		select {
		case <-taken:
		case <-quit:
			return errClosed
		case <-t.C:
			return errNotReading
		}
	}
}

// wakeLocked tells waitRoom's waiters that the queue shrank or closed;
// o.mu must be held.
func (o *outbox) wakeLocked() {
	if o.taken != nil {
		close(o.taken)
		o.taken = nil
	}
}

// writeFailed stops the writer after a failed (or panicking) write and
// gives up on the client, once.
func (o *outbox) writeFailed(err error) {
	o.mu.Lock()
	already := o.closed
	o.closed = true
	o.stopLocked()
	o.wakeLocked()
	o.mu.Unlock()
	if !already {
		o.failed(err)
	}
}

// stopLocked marks the writer goroutine gone; o.mu must be held.
func (o *outbox) stopLocked() {
	o.writing = false
	o.release()
	if o.idle != nil {
		close(o.idle)
		o.idle = nil
	}
}

// wait returns a channel that is closed once nothing is being written:
// after it, the caller may write to the connection itself.
func (o *outbox) wait() <-chan struct{} {
	o.mu.Lock()
	defer o.mu.Unlock()
	if !o.writing {
		ch := make(chan struct{})
		close(ch)
		return ch
	}
	if o.idle == nil {
		o.idle = make(chan struct{})
	}
	return o.idle
}

// release drops the queue's memory once it is empty or abandoned; o.mu
// must be held.
func (o *outbox) release() {
	if o.closed || o.head == len(o.msgs) {
		o.msgs, o.head, o.bytes = nil, 0, 0
	}
}

// close stops the outbox: queued messages are dropped, pushes fail.
func (o *outbox) close() {
	o.mu.Lock()
	o.closed = true
	o.release()
	o.wakeLocked()
	o.mu.Unlock()
}
