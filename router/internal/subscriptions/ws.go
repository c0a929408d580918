package subscriptions

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/coder/websocket"

	"github.com/nexus-commerce/nexus/router/internal/gateway"
	"github.com/nexus-commerce/nexus/router/internal/recovery"
)

// testHookMessage, when set (by tests only), sees every client message on
// the connection's reader goroutine before it is handled.
var testHookMessage func(data []byte)

// Subprotocols the router speaks, preferred first.
const (
	protoTransportWS = "graphql-transport-ws"
	protoGraphQLWS   = "graphql-ws" // subscriptions-transport-ws (legacy)
)

// Close codes of graphql-transport-ws (PROTOCOL.md of graphql-ws).
const (
	closeBadRequest     = 4400
	closeUnauthorized   = 4401
	closeForbidden      = 4403
	closeBadSubprotocol = 4406
	closeInitTimeout    = 4408
	closeDuplicateID    = 4409
	closeTooManyInits   = 4429
	closeInternal       = 4500
	// closeNoPong: no answer to a ping (WebSocket's policy violation, not
	// one of graphql-ws's terminal codes, so clients reconnect).
	closeNoPong = websocket.StatusPolicyViolation
)

// wsConn is one WebSocket client. The handler's goroutine reads; the
// operations run in the gateway without goroutines of their own; writes go
// through the bounded outbox by a goroutine that exists only while there is
// something to write, which frames the messages itself and writes them to
// the socket in batches.
type wsConn struct {
	h    *Handler
	c    *websocket.Conn
	sock *socket
	r    *http.Request
	// reqID is the upgrade request's id (X-Request-ID), for logs.
	reqID  string
	legacy bool
	ctx    context.Context
	cancel context.CancelFunc
	out    *outbox

	mu      sync.Mutex
	inited  bool
	acked   bool
	closing bool
	// closed is closed when a close handshake started by shut is over.
	closed chan struct{}
	exec   gateway.ExecOptions
	ops    map[string]*wsOperation
	ka     *time.Timer
	// expiry closes the connection when the caller's token expires.
	expiry *time.Timer
	// lastRead is when the client last sent a message, pingSent when the
	// last ping went out (UnixNano; pingSent under mu).
	lastRead atomic.Int64
	pingSent int64
}

// wsOperation is one running subscribe (start) of a connection.
type wsOperation struct {
	id string
	// next is the start of its result messages, up to the payload.
	next []byte
	// stopFn ends it in the gateway; set once Start returned (under
	// wsConn.mu).
	stopFn func()
	// stopped is set when the client completed the operation or the
	// connection ended: nothing more may be sent for it. quit is closed
	// then too, ending a paced wait (see halt).
	stopped  atomic.Bool
	quit     chan struct{}
	quitOnce sync.Once
}

// halt marks the operation stopped and ends a paced Next waiting for room.
func (op *wsOperation) halt() {
	op.stopped.Store(true)
	op.quitOnce.Do(func() { close(op.quit) })
}

func (h *Handler) serveWebSocket(w http.ResponseWriter, r *http.Request) {
	reqID := w.Header().Get("X-Request-ID") // set by the server's middleware
	sb, ok := h.newSmallBuffers(w)
	if !ok {
		http.Error(w, "the connection cannot be upgraded", http.StatusNotImplemented)
		return
	}
	c, err := websocket.Accept(sb, r, &websocket.AcceptOptions{
		Subprotocols:   []string{protoTransportWS, protoGraphQLWS},
		OriginPatterns: h.opts.OriginPatterns,
	})
	if err != nil {
		return // Accept answered the request
	}
	if sb.sock == nil { // Accept upgrades only through Hijack
		_ = c.CloseNow()
		return
	}
	var legacy bool
	switch c.Subprotocol() {
	case protoTransportWS:
	case protoGraphQLWS:
		legacy = true
	default:
		_ = c.Close(closeBadSubprotocol, "Subprotocol not acceptable")
		return
	}
	c.SetReadLimit(h.opts.MaxMessageBytes)
	// Not derived from h.ctx: a cancelled read context makes coder/websocket
	// drop the connection, and Shutdown wants a close handshake (1001).
	ctx, cancel := context.WithCancel(context.Background())
	// The connection keeps the request only for its headers and address,
	// on the connection's own context: the HTTP server cancels r's once
	// this handler returns.
	// Operations started on the connection log with its request id.
	ctx = gateway.WithRequestID(ctx, reqID)
	cn := &wsConn{h: h, c: c, sock: sb.sock, r: r.WithContext(ctx), reqID: reqID, legacy: legacy, ctx: ctx, cancel: cancel}
	cn.out = h.newOutbox(recovery.KindWSConnection, reqID, cn.sock.writeFrames, cn.slow, cn.failed)
	h.connections.Add(1)
	// The connection lives on a fresh goroutine and the HTTP handler
	// returns: the handler's goroutine has grown a deep stack through the
	// server's middleware, and with thousands of idle subscribers those
	// stacks were a third of the router's memory.
	go cn.serve()
}

// serve runs one accepted WebSocket connection until it closes.
func (cn *wsConn) serve() {
	h, c := cn.h, cn.c
	defer h.connections.Add(-1)
	// This goroutine is outside the HTTP server's recovery middleware: a
	// panic here would take the router down, so it ends the connection.
	// (readMessages recovers its own, closing with 4500 and cleaning up.)
	defer recovery.Guard(h.opts.Log, h.opts.Metrics, recovery.KindWSConnection, cn.reqID, cn.abort)

	initTimer := time.AfterFunc(h.opts.InitTimeout, func() {
		defer recovery.Guard(h.opts.Log, h.opts.Metrics, recovery.KindWSConnection, cn.reqID, cn.abort)
		cn.mu.Lock()
		inited := cn.inited
		cn.mu.Unlock()
		if !inited {
			cn.closeWith(closeInitTimeout, "Connection initialisation timeout")
		}
	})
	stopShutdown := context.AfterFunc(h.ctx, func() {
		defer recovery.Guard(h.opts.Log, h.opts.Metrics, recovery.KindWSConnection, cn.reqID, cn.abort)
		cn.closeWith(websocket.StatusGoingAway, "router shutting down")
	})

	cn.readMessages()

	initTimer.Stop()
	stopShutdown()
	cn.mu.Lock()
	cn.closing = true
	if cn.ka != nil {
		cn.ka.Stop()
	}
	if cn.expiry != nil {
		cn.expiry.Stop()
	}
	closed := cn.closed
	ops := cn.ops
	cn.ops = nil
	cn.mu.Unlock()
	for _, op := range ops {
		op.halt()
		if op.stopFn != nil {
			op.stopFn()
		}
		h.subscriptions.Add(-1)
	}
	if closed != nil {
		// Let the queued messages (a connection_ack, an error) and then
		// the close frame with its code reach the client. The connection's
		// context must live until then: writes run on it, and cancelling
		// it first lost the ack and the close code.
		<-closed
	}
	cn.cancel()
	cn.out.close()
	_ = c.CloseNow()
}

// abort drops the connection without a close handshake (after a panic,
// when its state cannot be trusted).
func (cn *wsConn) abort(error) {
	cn.cancel()
	_ = cn.c.CloseNow()
}

// readMessages runs readLoop; a panic in it closes the connection with
// 4500 and lets serve clean up, as after any other close.
func (cn *wsConn) readMessages() {
	defer recovery.Guard(cn.h.opts.Log, cn.h.opts.Metrics, recovery.KindWSConnection, cn.reqID, func(error) {
		cn.closeWith(closeInternal, "Internal server error")
	})
	cn.readLoop()
}

// onFreshStack runs fn on a short-lived goroutine and waits for it.
// Authenticating a client and preparing an operation (parse, validate,
// plan) need deep stacks; run on the connection's long-lived reader they
// would leave every idle connection holding a 16 KiB stack, the largest
// share of the router's memory per subscriber. A panic in fn is recovered
// (kind ws_message) and handed to onPanic, which answers the message.
func (cn *wsConn) onFreshStack(fn func(), onPanic func(error)) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer recovery.Guard(cn.h.opts.Log, cn.h.opts.Metrics, recovery.KindWSMessage, cn.reqID, onPanic)
		fn()
	}()
	<-done
}

// readLoop handles client messages until the connection fails or closes.
// The connection's long-lived goroutine only reads: each message is handled
// on a fresh stack, so the reader's stack stays at its smallest size (4 KiB)
// for the life of an idle subscriber. Decoding and dispatching on it grew it
// to 8 KiB (+4 KiB per subscriber: 25 -> 30 KB at 10,000 subscribers).
//
// The client's own messages are read only while its send buffer is at
// most half full: the replies they ask for (pongs, acks, errors) are
// paced by how fast it reads them, like a replaying stream, and a client
// that stops reading altogether is closed as a slow consumer. (Without
// it a burst of subscribes, each refused with an error, overflowed the
// buffer whenever the writer goroutine was not scheduled in time.)
func (cn *wsConn) readLoop() {
	for {
		if err := cn.out.waitRoom(cn.h.opts.PaceTimeout, cn.ctx.Done()); errors.Is(err, errNotReading) {
			cn.tooSlow(ReasonNotReading)
			return
		}
		typ, data, err := cn.c.Read(cn.ctx)
		if err != nil {
			return
		}
		if testHookMessage != nil {
			testHookMessage(data) // on the reader itself (a ws_connection panic)
		}
		stop := true
		cn.onFreshStack(func() { stop = cn.handle(typ, data) }, func(error) {
			cn.closeWith(closeInternal, "Internal server error")
		})
		if stop {
			return
		}
	}
}

// handle handles one client message and reports whether the connection
// is done (closed or closing).
func (cn *wsConn) handle(typ websocket.MessageType, data []byte) (stop bool) {
	if typ == websocket.MessageText && !utf8.Valid(data) {
		// RFC 6455: a text frame must be UTF-8.
		cn.closeWith(websocket.StatusInvalidFramePayloadData, "Invalid UTF-8 in a text message")
		return true
	}
	cn.lastRead.Store(time.Now().UnixNano())
	var m struct {
		ID      string          `json:"id"`
		Type    string          `json:"type"`
		Payload json.RawMessage `json:"payload"`
	}
	if err := json.Unmarshal(data, &m); err != nil || m.Type == "" {
		cn.closeWith(closeBadRequest, "Invalid message received")
		return true
	}
	switch {
	case m.Type == "connection_init":
		cn.onFreshStack(func() { cn.init(m.Payload) }, func(error) {
			cn.closeWith(closeInternal, "Internal server error")
		})
	case m.Type == "subscribe" && !cn.legacy, m.Type == "start" && cn.legacy:
		cn.onFreshStack(func() { cn.start(m.ID, m.Payload) }, func(error) { cn.failOp(m.ID) })
	case m.Type == "complete" && !cn.legacy, m.Type == "stop" && cn.legacy:
		cn.stop(m.ID)
	case m.Type == "ping" && !cn.legacy:
		cn.send(frame("", "pong", nil))
	case m.Type == "pong" && !cn.legacy:
	case m.Type == "connection_terminate" && cn.legacy:
		cn.closeWith(websocket.StatusNormalClosure, "")
		return true
	default:
		cn.closeWith(closeBadRequest, "Invalid message type "+truncate(m.Type, 40))
		return true
	}
	return false
}

// init authenticates the connection: an Authorization in the
// connection_init payload (top level or under "headers") replaces the
// upgrade request's.
func (cn *wsConn) init(payload json.RawMessage) {
	cn.mu.Lock()
	if cn.inited {
		cn.mu.Unlock()
		cn.closeWith(closeTooManyInits, "Too many initialisation requests")
		return
	}
	cn.inited = true
	cn.mu.Unlock()

	req := cn.r
	if auth := authorization(payload); auth != "" {
		req = cn.r.Clone(cn.ctx)
		req.Header.Set("Authorization", auth)
	}
	exec, err := cn.h.execOptions(req, true)
	if err != nil {
		var coded interface{ ErrorCode() string }
		if errors.As(err, &coded) && coded.ErrorCode() == "UNAUTHENTICATED" {
			if cn.legacy {
				msg, _ := json.Marshal(map[string]any{"message": err.Error(), "extensions": map[string]string{"code": "UNAUTHENTICATED"}})
				cn.send(frame("", "connection_error", msg))
			}
			cn.closeWith(closeForbidden, "Forbidden: "+err.Error())
			return
		}
		cn.h.opts.Log.Error("subscription connection setup", "err", err, "request_id", cn.reqID)
		cn.closeWith(closeInternal, "Internal server error")
		return
	}
	cn.mu.Lock()
	cn.exec = exec
	cn.acked = true
	if p := exec.Principal; p != nil && !p.Expires.IsZero() && !cn.closing {
		// The token authenticated the connection, not forever: when it
		// expires the connection ends (the client reconnects with a fresh
		// one and, for catalogEvents, its last cursor).
		cn.expiry = time.AfterFunc(time.Until(p.Expires), func() {
			defer recovery.Guard(cn.h.opts.Log, cn.h.opts.Metrics, recovery.KindWSConnection, cn.reqID, cn.abort)
			cn.closeWith(closeForbidden, "Forbidden: token expired")
		})
	}
	cn.mu.Unlock()
	cn.send(frame("", "connection_ack", nil))
	cn.keepAlive()
}

// keepAlive sends one keep-alive message and schedules the next.
// One timer per connection (no goroutine) keeps idle connections cheap.
func (cn *wsConn) keepAlive() {
	defer recovery.Guard(cn.h.opts.Log, cn.h.opts.Metrics, recovery.KindWSConnection, cn.reqID, cn.abort)
	cn.mu.Lock()
	if cn.closing {
		cn.mu.Unlock()
		return
	}
	first := cn.ka == nil
	if first {
		cn.ka = time.AfterFunc(cn.h.opts.KeepAlive, cn.keepAlive)
	} else {
		cn.ka.Reset(cn.h.opts.KeepAlive)
	}
	silent := false
	if !cn.legacy && !first {
		// The client has had a whole interval to answer the last ping.
		silent = cn.h.opts.NoPongClose && cn.pingSent != 0 && cn.lastRead.Load() < cn.pingSent
		cn.pingSent = time.Now().UnixNano()
	}
	cn.mu.Unlock()
	switch {
	case silent:
		cn.closeWith(closeNoPong, "no pong within "+cn.h.opts.KeepAlive.String())
	case cn.legacy:
		cn.send(frame("", "ka", nil))
	case !first: // graphql-transport-ws pings only after an interval
		cn.send(frame("", "ping", nil))
	}
}

// start runs a subscribe (graphql-transport-ws) or start (graphql-ws).
func (cn *wsConn) start(id string, payload json.RawMessage) {
	if id == "" {
		cn.closeWith(closeBadRequest, "Invalid message: id is required")
		return
	}
	var req request
	if err := json.Unmarshal(payload, &req); err != nil || (strings.TrimSpace(req.Query) == "" && len(req.Extensions) == 0) {
		cn.closeWith(closeBadRequest, "Invalid message: payload.query is required")
		return
	}
	cn.mu.Lock()
	if !cn.acked {
		cn.mu.Unlock()
		cn.closeWith(closeUnauthorized, "Unauthorized")
		return
	}
	if _, dup := cn.ops[id]; dup {
		cn.mu.Unlock()
		cn.closeWith(closeDuplicateID, "Subscriber for "+truncate(id, 64)+" already exists")
		return
	}
	if len(cn.ops) >= cn.h.opts.MaxPerConnection {
		cn.mu.Unlock()
		cn.send(frame(id, "error", codedError("too many subscriptions on this connection", "SUBSCRIPTION_LIMIT")))
		return
	}
	cn.mu.Unlock()
	// Persisted operations, APQ and the safelist, as over HTTP (lookups,
	// no I/O): a refusal ends this operation only. Outside the lock: only
	// this goroutine adds operations, so the checks above still hold.
	if err := cn.h.resolveQuery(&req); err != nil {
		code, msg := "INTERNAL_SERVER_ERROR", "internal error"
		if pe := persistedRefusal(err); pe != nil {
			code, msg = pe.Code, pe.Message
		} else {
			cn.h.opts.Log.Error("subscription: resolve query", "err", err, "request_id", cn.reqID)
		}
		cn.send(frame(id, "error", codedError(msg, code)))
		return
	}
	if strings.TrimSpace(req.Query) == "" {
		cn.closeWith(closeBadRequest, "Invalid message: payload.query is required")
		return
	}
	typ := "next"
	if cn.legacy {
		typ = "data"
	}
	prefix := frame(id, typ, []byte("0"))
	op := &wsOperation{id: id, next: prefix[:len(prefix)-2], quit: make(chan struct{})}
	cn.mu.Lock()
	if cn.closing {
		cn.mu.Unlock()
		return
	}
	if cn.ops == nil {
		cn.ops = map[string]*wsOperation{}
	}
	cn.ops[id] = op
	exec := cn.exec
	cn.mu.Unlock()
	cn.h.subscriptions.Add(1)

	stop, err := cn.h.start(cn.ctx, req.graphQL(), exec, &wsSink{cn: cn, op: op})
	if err != nil {
		if cn.finish(op) {
			cn.send(frame(id, "error", cn.h.errorList(err)))
		}
		return
	}
	cn.mu.Lock()
	op.stopFn = stop
	cn.mu.Unlock()
	if op.stopped.Load() {
		stop() // completed by the client (or the connection ended) meanwhile
	}
}

// finish removes an operation that ended by itself; false means the
// client or the connection ended it first (then nothing more is sent).
func (cn *wsConn) finish(op *wsOperation) bool {
	cn.mu.Lock()
	defer cn.mu.Unlock()
	if cn.ops[op.id] != op {
		return false
	}
	delete(cn.ops, op.id)
	cn.h.subscriptions.Add(-1)
	return true
}

// failOp answers an operation whose start panicked: it is removed (and
// stopped, if it got as far as running) and the client gets an error for
// its id; the connection stays open.
func (cn *wsConn) failOp(id string) {
	cn.mu.Lock()
	op := cn.ops[id]
	var stopFn func()
	if op != nil {
		delete(cn.ops, id)
		op.halt()
		stopFn = op.stopFn
		cn.h.subscriptions.Add(-1)
	}
	cn.mu.Unlock()
	if stopFn != nil {
		stopFn()
	}
	cn.send(frame(id, "error", codedError("internal error", "INTERNAL_SERVER_ERROR")))
}

// stop ends an operation the client completed.
func (cn *wsConn) stop(id string) {
	cn.mu.Lock()
	op := cn.ops[id]
	delete(cn.ops, id)
	var stopFn func()
	if op != nil {
		op.halt()
		stopFn = op.stopFn
		cn.h.subscriptions.Add(-1)
	}
	cn.mu.Unlock()
	if stopFn != nil {
		stopFn()
	}
}

// authorization finds an Authorization value in a connection_init payload:
// {"Authorization": "..."} in any letter case, or {"headers": {...}}.
func authorization(payload json.RawMessage) string {
	var p map[string]json.RawMessage
	if json.Unmarshal(payload, &p) != nil {
		return ""
	}
	find := func(m map[string]json.RawMessage) string {
		for k, v := range m {
			if strings.EqualFold(k, "authorization") {
				var s string
				if json.Unmarshal(v, &s) == nil {
					return s
				}
			}
		}
		return ""
	}
	if s := find(p); s != "" {
		return s
	}
	var hdr map[string]json.RawMessage
	if json.Unmarshal(p["headers"], &hdr) == nil {
		return find(hdr)
	}
	return ""
}

// truncate shortens s to at most n bytes (close reasons are limited to 123).
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}
