package subscriptions

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nexus-commerce/nexus/router/internal/gateway"
	"github.com/nexus-commerce/nexus/router/internal/recovery"
)

// contextWithShutdown is the request's context, also ended by Shutdown.
func contextWithShutdown(r *http.Request, h *Handler) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(r.Context())
	stop := context.AfterFunc(h.ctx, cancel)
	return ctx, func() { stop(); cancel() }
}

// serveSSE runs one operation over GraphQL over SSE (graphql-sse's
// distinct connections mode): POST with a JSON body or GET with query
// parameters, answered by `event: next` messages and one `event: complete`.
// Refusals before the stream starts are plain JSON errors with a 4xx; a
// mutation sent with GET is one of them (405, Allow: POST), decided before
// anything runs.
func (h *Handler) serveSSE(w http.ResponseWriter, r *http.Request) {
	reqID := w.Header().Get("X-Request-ID") // set by the server's middleware
	st := &sseState{w: w, rc: http.NewResponseController(w)}
	// A panic on this stream is this request's alone: an error (a 500
	// before the stream started, else an error event) and the stream ends.
	defer recovery.Guard(h.opts.Log, h.opts.Metrics, recovery.KindSSEStream, reqID, st.panicked)

	req, status, code, msg := h.sseRequest(w, r)
	if status != 0 {
		writeJSONError(w, status, code, msg)
		return
	}
	// Persisted operations, APQ and the safelist, as over HTTP.
	if err := h.resolveQuery(req); err != nil {
		pe := persistedRefusal(err)
		if pe == nil {
			h.opts.Log.Error("subscription: resolve query", "err", err, "request_id", reqID)
			writeJSONError(w, http.StatusInternalServerError, "INTERNAL_SERVER_ERROR", "internal error")
			return
		}
		writeJSONError(w, pe.HTTPStatus(http.StatusBadRequest), pe.Code, pe.Message)
		return
	}
	if strings.TrimSpace(req.Query) == "" {
		writeJSONError(w, http.StatusBadRequest, "BAD_REQUEST", "query is required (or a persisted operation id in extensions.persistedQuery)")
		return
	}
	exec, err := h.execOptions(r, r.Method == http.MethodPost)
	if err != nil {
		var coded interface{ ErrorCode() string }
		if errors.As(err, &coded) && coded.ErrorCode() == "UNAUTHENTICATED" {
			w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
			writeJSONError(w, http.StatusUnauthorized, "UNAUTHENTICATED", err.Error())
			return
		}
		h.opts.Log.Error("subscription request setup", "err", err, "request_id", reqID)
		writeJSONError(w, http.StatusInternalServerError, "INTERNAL_SERVER_ERROR", "internal error")
		return
	}

	h.connections.Add(1)
	defer h.connections.Add(-1)
	h.subscriptions.Add(1)
	defer h.subscriptions.Add(-1)

	ctx, cancel := contextWithShutdown(r, h)
	defer cancel()
	// A slow consumer (buffer full on a live stream, or taking nothing for
	// the write or pace timeout) ends the stream, counted and logged once.
	var slowOnce sync.Once
	var slowReason atomic.Pointer[string]
	tooSlow := func(reason string) {
		slowOnce.Do(func() {
			slowReason.Store(&reason)
			h.slowConsumer(reason, "sse", r.RemoteAddr, reqID)
			if reason == ReasonNotReading {
				st.abort() // nothing more can be written: cut the write in flight
			}
			cancel()
		})
	}
	out := h.newOutbox(recovery.KindSSEStream, reqID, func(b [][]byte) error { return st.write(b, h.opts.WriteTimeout) },
		func() { tooSlow(ReasonBufferFull) },
		func(err error) {
			if errors.Is(err, os.ErrDeadlineExceeded) && !st.isAborted() {
				tooSlow(ReasonNotReading)
			}
			cancel()
		})
	st.out = out

	// The operation starts before the response does: a refusal that has
	// its own status (a mutation over GET) can still be answered with it.
	// Results that come at once wait for the header (st.write sends it).
	sink := &sseSink{out: out, done: make(chan struct{}), quit: ctx.Done(), pace: h.opts.PaceTimeout, tooSlow: tooSlow}
	stop, err := h.start(ctx, req.graphQL(), exec, sink) // ctx carries the request id (server middleware)
	var re *gateway.RequestError
	if errors.As(err, &re) && re.Code == "METHOD_NOT_ALLOWED" {
		w.Header().Set("Allow", http.MethodPost)
		writeJSONError(w, http.StatusMethodNotAllowed, re.Code, re.Err.Error())
		return
	}
	if ferr := st.start(); ferr != nil {
		if stop != nil {
			stop()
		}
		return
	}
	// The token authenticated the request, not forever: the stream ends
	// with an error when it expires.
	var expired atomic.Bool
	if p := exec.Principal; p != nil && !p.Expires.IsZero() {
		t := time.AfterFunc(time.Until(p.Expires), func() {
			defer recovery.Guard(h.opts.Log, h.opts.Metrics, recovery.KindSSEStream, reqID, func(error) { cancel() })
			expired.Store(true)
			cancel()
		})
		defer t.Stop()
	}
	var ka *time.Timer
	ka = time.AfterFunc(time.Hour, func() {
		defer recovery.Guard(h.opts.Log, h.opts.Metrics, recovery.KindSSEStream, reqID, func(error) { cancel() })
		if out.push([]byte(":\n\n")) == nil {
			ka.Reset(h.opts.KeepAlive)
		}
	})
	ka.Reset(h.opts.KeepAlive)

	if err == nil {
		select {
		case <-ctx.Done():
			stop()
		case <-sink.done:
		}
	}
	ka.Stop()
	why := slowReason.Load()
	slow := why != nil
	switch {
	case expired.Load() && !slow:
		_ = out.push(sseEvent("next", errorsObject(codedError("token expired: subscribe again with a fresh token", "UNAUTHENTICATED"))))
	case ctx.Err() != nil && !slow:
		// The client left or the router is shutting down.
	case err != nil:
		_ = out.push(sseEvent("next", errorsObject(h.errorList(err))))
	}
	if !slow && r.Context().Err() == nil {
		_ = out.push([]byte("event: complete\n\n"))
	}
	<-out.wait()
	out.close()
	if slow && *why == ReasonBufferFull {
		// Best effort: the client may still read what is already on its
		// way and learn why it was cut off. (One that is not reading
		// cannot: its stream just ends.)
		_ = st.write([][]byte{sseEvent("next", errorsObject(codedError("slow consumer: buffer full", "SLOW_CONSUMER"))), []byte("event: complete\n\n")}, h.opts.WriteTimeout)
	}
}

// sseState is one SSE response: its header is sent once, by whichever
// comes first of the handler starting the stream and the first result.
type sseState struct {
	w   http.ResponseWriter
	rc  *http.ResponseController
	out *outbox

	mu      sync.Mutex
	started bool

	// dmu guards the write deadline against abort (see socket: the same
	// protocol).
	dmu     sync.Mutex
	aborted bool
}

// header sends the stream's status and header once; st.mu must be held.
func (st *sseState) headerLocked() {
	if st.started {
		return
	}
	st.started = true
	hdr := st.w.Header()
	hdr.Set("Content-Type", "text/event-stream; charset=utf-8")
	hdr.Set("Cache-Control", "no-cache")
	hdr.Set("X-Accel-Buffering", "no") // proxies must not hold events back
	st.w.WriteHeader(http.StatusOK)
}

// start sends the header and flushes it, so the client sees the stream open.
func (st *sseState) start() error {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.headerLocked()
	return st.rc.Flush()
}

// write sends msgs (the header first if need be) at most writeChunk bytes
// per write, each bounded by timeout: a client that takes nothing for
// timeout fails the write (os.ErrDeadlineExceeded).
func (st *sseState) write(msgs [][]byte, timeout time.Duration) error {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.headerLocked()
	bp := bufPool.Get().(*[]byte)
	b := (*bp)[:0]
	for _, m := range msgs {
		b = append(b, m...)
	}
	err := st.writeLocked(b, timeout)
	if cap(b) <= 64<<10 {
		*bp = b[:0]
		bufPool.Put(bp)
	}
	return err
}

// writeLocked writes and flushes b in chunks; st.mu must be held.
func (st *sseState) writeLocked(b []byte, timeout time.Duration) error {
	for off := 0; off < len(b); {
		if !st.arm(timeout) {
			return errAborted
		}
		end := min(off+writeChunk, len(b))
		if _, err := st.w.Write(b[off:end]); err != nil {
			return err
		}
		if err := st.rc.Flush(); err != nil {
			return err
		}
		off = end
	}
	return nil
}

// arm sets the deadline of the next write unless the stream was aborted.
func (st *sseState) arm(timeout time.Duration) bool {
	st.dmu.Lock()
	defer st.dmu.Unlock()
	if st.aborted {
		return false
	}
	_ = st.rc.SetWriteDeadline(time.Now().Add(timeout))
	return true
}

// abort cuts the write in flight and fails the ones after it: the client
// is not reading, so the stream ends without another byte.
func (st *sseState) abort() {
	st.dmu.Lock()
	defer st.dmu.Unlock()
	st.aborted = true
	_ = st.rc.SetWriteDeadline(time.Unix(1, 0))
}

// isAborted reports whether abort was called.
func (st *sseState) isAborted() bool {
	st.dmu.Lock()
	defer st.dmu.Unlock()
	return st.aborted
}

// panicked answers the request after a recovered panic: a 500 before the
// stream started, else a final error event.
func (st *sseState) panicked(error) {
	st.mu.Lock()
	started := st.started
	st.mu.Unlock()
	if !started {
		writeJSONError(st.w, http.StatusInternalServerError, "INTERNAL_SERVER_ERROR", "internal error")
		return
	}
	if st.out != nil {
		st.out.close()
		<-st.out.wait()
	}
	_ = st.write([][]byte{sseEvent("next", errorsObject(codedError("internal error", "INTERNAL_SERVER_ERROR"))), []byte("event: complete\n\n")}, 5*time.Second)
}

// sseRequest reads the GraphQL request of a POST body or GET query.
// Refusals come back as a status, an error code and a message.
func (h *Handler) sseRequest(w http.ResponseWriter, r *http.Request) (*request, int, string, string) {
	var req request
	if r.Method == http.MethodPost {
		if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
			return nil, http.StatusUnsupportedMediaType, "BAD_REQUEST", "Content-Type must be application/json"
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.opts.MaxMessageBytes))
		if err != nil {
			var tooBig *http.MaxBytesError
			switch {
			case errors.As(err, &tooBig):
				return nil, http.StatusRequestEntityTooLarge, "BAD_REQUEST", "request body too large"
			case errors.Is(err, os.ErrDeadlineExceeded):
				// The server's limits.body_read_timeout expired.
				return nil, http.StatusRequestTimeout, "REQUEST_TIMEOUT", "the request body did not arrive in time"
			}
			return nil, http.StatusBadRequest, "BAD_REQUEST", "could not read the request body"
		}
		if err := json.Unmarshal(body, &req); err != nil {
			return nil, http.StatusBadRequest, "BAD_REQUEST", "body: not a JSON GraphQL request"
		}
	} else {
		q := r.URL.Query()
		req.Query, req.OperationName = q.Get("query"), q.Get("operationName")
		if v := q.Get("variables"); v != "" {
			if !json.Valid([]byte(v)) {
				return nil, http.StatusBadRequest, "BAD_REQUEST", "variables: not JSON"
			}
			req.Variables = json.RawMessage(v)
		}
		if v := q.Get("extensions"); v != "" {
			if !json.Valid([]byte(v)) {
				return nil, http.StatusBadRequest, "BAD_REQUEST", "extensions: not JSON"
			}
			req.Extensions = json.RawMessage(v)
		}
	}
	if strings.TrimSpace(req.Query) == "" && len(req.Extensions) == 0 {
		return nil, http.StatusBadRequest, "BAD_REQUEST", "query is required"
	}
	return &req, 0, "", ""
}

// sseSink turns results into `event: next` messages and tells serveSSE
// (done) when the operation ended by itself.
type sseSink struct {
	out  *outbox
	done chan struct{}
	once sync.Once
	// quit ends a paced wait (the stream's context); pace bounds it, and
	// tooSlow ends the stream of a client that took nothing meanwhile.
	quit    <-chan struct{}
	pace    time.Duration
	tooSlow func(reason string)
	// paced is the gateway's word (gateway.PacedWriter); it may change
	// between Nexts.
	paced atomic.Bool
}

func (s *sseSink) end() { s.once.Do(func() { close(s.done) }) }

// Paced says whether Next may wait for the client (a replaying stream)
// or must never wait (a live one, possibly shared).
func (s *sseSink) Paced(paced bool) { s.paced.Store(paced) }

// Next queues one event; on a paced stream it first waits for room, as
// wsSink.Next does.
func (s *sseSink) Next(payload []byte) error {
	if s.paced.Load() {
		if err := s.out.waitRoom(s.pace, s.quit); err != nil {
			if errors.Is(err, errNotReading) {
				s.tooSlow(ReasonNotReading)
			}
			s.end()
			return err
		}
	}
	err := s.out.push(sseEvent("next", payload))
	if err != nil {
		s.end()
	}
	return err
}

// Complete ends the wait: serveSSE completes the stream.
func (s *sseSink) Complete() { s.end() }

// Error delivers the subgraph's final errors as a result.
func (s *sseSink) Error(payload []byte) { _ = s.Next(payload); s.end() }

// sseEvent builds one event; data must be one line of JSON.
func sseEvent(event string, data []byte) []byte {
	b := make([]byte, 0, len(event)+len(data)+16)
	b = append(b, "event: "...)
	b = append(b, event...)
	b = append(b, "\ndata: "...)
	b = append(b, data...)
	return append(b, "\n\n"...)
}

// errorsObject wraps an errors array as a response: {"errors":[...]}.
func errorsObject(list []byte) []byte {
	b := append([]byte(`{"errors":`), list...)
	return append(b, '}')
}

// writeJSONError answers a request that cannot start a stream.
func writeJSONError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(errorsObject(codedError(msg, code)))
}
