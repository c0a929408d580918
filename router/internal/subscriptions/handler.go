// Package subscriptions is the router's streaming front end: GraphQL over
// WebSocket (graphql-transport-ws, and the legacy graphql-ws subprotocol of
// subscriptions-transport-ws) and GraphQL over SSE (graphql-sse's distinct
// connections mode), on the gateway's resolver.
//
// It is written here rather than taken from graphql-go-tools because the
// engine's bundled WebSocket handler re-runs completed subscriptions. Each
// client has a bounded send buffer: a client too slow to keep up is
// disconnected (WebSocket close code 4013, SSE an error event) instead of
// growing the router's memory, and a slow client never holds up the others
// sharing a live upstream subscription. A client that takes nothing for
// the write timeout is closed too (4013 "slow consumer: not reading").
// A replaying stream is paced instead: it waits for its client to take
// what is buffered (see Options.PaceTimeout).
package subscriptions

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nexus-commerce/nexus/router/internal/gateway"
	"github.com/nexus-commerce/nexus/router/internal/metrics"
	"github.com/nexus-commerce/nexus/router/internal/persisted"
)

// CloseSlowConsumer is the WebSocket close code for a client that cannot
// keep up: its send buffer filled up on a live stream (reason "slow
// consumer: buffer full") or it took nothing for the write timeout, or for
// the pace timeout on a replaying stream ("slow consumer: not reading").
// It lies in the application range; graphql-ws clients treat it as
// retryable, so a client reconnects and resumes.
const CloseSlowConsumer = 4013

// Slow-consumer reasons: the close reasons, and the values of Stats'
// per-reason counts (metric label reason).
const (
	ReasonBufferFull = "buffer_full"
	ReasonNotReading = "not_reading"
)

// Options configures a Handler. Zero values take the documented defaults.
type Options struct {
	// Gateway returns the gateway new subscriptions start on (the newest
	// after a reload); running ones stay on theirs.
	Gateway func() *gateway.Gateway
	// Exec authenticates a client and fills its execution options, as the
	// HTTP layer's hook does. WebSocket clients are authenticated on
	// connection_init (an Authorization in its payload, else the upgrade
	// request's), SSE clients by their request headers.
	Exec func(*http.Request, *gateway.ExecOptions) error
	// KeepAlive is the interval of keep-alive messages (graphql-transport-ws
	// ping, graphql-ws ka, an SSE comment). Default 15s.
	KeepAlive time.Duration
	// NoPongClose closes a graphql-transport-ws connection that has not
	// answered a ping by the next one (1008 "no pong"), so a client that
	// vanished without closing (a dropped mobile network) does not hold its
	// subscriptions until TCP gives up, minutes later. The protocol requires
	// the pong. Legacy graphql-ws has no reply to its keep-alive.
	NoPongClose bool
	// InitTimeout is how long a WebSocket client may take to send
	// connection_init (then 4408). Default 10s.
	InitTimeout time.Duration
	// BufferMessages and BufferBytes bound each client's send buffer.
	// Defaults 256 messages and 1 MiB.
	BufferMessages, BufferBytes int
	// MaxPerConnection limits the subscriptions one WebSocket connection
	// runs at once; more are refused with an error for that operation.
	// Default 100.
	MaxPerConnection int
	// WriteTimeout bounds one write call to a client (at most 32 KiB): a
	// client that takes nothing for this long is disconnected as a slow
	// consumer ("not reading"). Default 10s.
	WriteTimeout time.Duration
	// SocketBufferBytes is the kernel send buffer (SO_SNDBUF) of each
	// WebSocket connection, fixed instead of autotuned so that a client
	// that stops reading is noticed after a known amount of data. Linux
	// doubles the value for its bookkeeping. Default 128 KiB.
	SocketBufferBytes int
	// PaceTimeout is how long a replaying (paced) stream waits for its
	// client to take what is buffered, when its send buffer is more than
	// half full, before the client is disconnected as a slow consumer
	// ("not reading"). Every batch the client takes starts the wait over.
	// Live streams never wait. Default 2s.
	PaceTimeout time.Duration
	// MaxMessageBytes bounds a message from a client. Default 1 MiB.
	MaxMessageBytes int64
	// OriginPatterns lists the browser origins (host patterns, as in
	// coder/websocket's AcceptOptions) allowed to open WebSockets besides
	// the router's own.
	OriginPatterns []string
	// ResolveQuery turns a request's query and extensions into the query
	// to run (persisted operations, APQ, the safelist), as the HTTP
	// endpoint does; refusals are *persisted.Error. Nil: the query as sent.
	ResolveQuery func(query string, extensions json.RawMessage) (string, error)
	// Log receives connection errors.
	Log *slog.Logger
	// Metrics counts recovered panics (nexus_router_panics_total); nil
	// counts nothing.
	Metrics *metrics.Metrics
}

func (o *Options) defaults() {
	if o.KeepAlive <= 0 {
		o.KeepAlive = 15 * time.Second
	}
	if o.InitTimeout <= 0 {
		o.InitTimeout = 10 * time.Second
	}
	if o.BufferMessages <= 0 {
		o.BufferMessages = 256
	}
	if o.BufferBytes <= 0 {
		o.BufferBytes = 1 << 20
	}
	if o.MaxPerConnection <= 0 {
		o.MaxPerConnection = 100
	}
	if o.WriteTimeout <= 0 {
		o.WriteTimeout = 10 * time.Second
	}
	if o.SocketBufferBytes <= 0 {
		o.SocketBufferBytes = 128 << 10
	}
	if o.PaceTimeout <= 0 {
		o.PaceTimeout = 2 * time.Second
	}
	if o.MaxMessageBytes <= 0 {
		o.MaxMessageBytes = 1 << 20
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
}

// Handler serves WebSocket and SSE subscription requests on the GraphQL
// path. It is safe for concurrent use.
type Handler struct {
	opts Options

	// ctx ends at Shutdown; every connection watches it.
	ctx    context.Context
	cancel context.CancelFunc

	connections   atomic.Int64
	subscriptions atomic.Int64
	// slowFull and slowIdle count slow consumers by reason.
	slowFull, slowIdle atomic.Int64
	// peakMsgs/peakBytes are the most any one client's buffer held.
	peakMu              sync.Mutex
	peakMsgs, peakBytes int
}

// New builds a Handler.
func New(o Options) *Handler {
	o.defaults()
	ctx, cancel := context.WithCancel(context.Background())
	return &Handler{opts: o, ctx: ctx, cancel: cancel}
}

// Wants reports whether r is a streaming request this handler serves: a
// WebSocket upgrade, or a request that accepts text/event-stream.
func Wants(r *http.Request) bool {
	if strings.EqualFold(r.Header.Get("Upgrade"), "websocket") {
		return true
	}
	return (r.Method == http.MethodGet || r.Method == http.MethodPost) &&
		strings.Contains(r.Header.Get("Accept"), "text/event-stream")
}

// ServeHTTP serves one WebSocket connection or one SSE subscription.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.EqualFold(r.Header.Get("Upgrade"), "websocket") {
		h.serveWebSocket(w, r)
		return
	}
	h.serveSSE(w, r)
}

// Shutdown ends every connection (WebSocket close 1001 "going away", SSE
// streams completed) so clients reconnect to another router; the
// connections themselves end as their goroutines notice.
func (h *Handler) Shutdown() { h.cancel() }

// Stats is a snapshot of the handler's state, for metrics and tests.
type Stats struct {
	// Connections and Subscriptions are open now.
	Connections, Subscriptions int64
	// SlowConsumers counts clients disconnected as slow consumers:
	// SlowBufferFull because their send buffer filled on a live stream,
	// SlowNotReading because they took nothing for the write timeout (or
	// the pace timeout of a replaying stream).
	SlowConsumers, SlowBufferFull, SlowNotReading int64
	// PeakBufferedMessages and PeakBufferedBytes are the most any single
	// client's send buffer held.
	PeakBufferedMessages, PeakBufferedBytes int
}

// Stats returns the current counters.
func (h *Handler) Stats() Stats {
	h.peakMu.Lock()
	defer h.peakMu.Unlock()
	return Stats{
		Connections:          h.connections.Load(),
		Subscriptions:        h.subscriptions.Load(),
		SlowConsumers:        h.slowFull.Load() + h.slowIdle.Load(),
		SlowBufferFull:       h.slowFull.Load(),
		SlowNotReading:       h.slowIdle.Load(),
		PeakBufferedMessages: h.peakMsgs,
		PeakBufferedBytes:    h.peakBytes,
	}
}

// slowConsumer counts and logs a client disconnected as a slow consumer
// (reason ReasonBufferFull or ReasonNotReading).
func (h *Handler) slowConsumer(reason, transport, remote, reqID string) {
	if reason == ReasonBufferFull {
		h.slowFull.Add(1)
	} else {
		h.slowIdle.Add(1)
	}
	h.opts.Log.Warn("subscription client too slow; disconnecting", "reason", reason, "transport", transport, "remote", remote, "request_id", reqID)
}

// recordPeak folds a client's buffer peak into the stats.
func (h *Handler) recordPeak(m, b int) {
	h.peakMu.Lock()
	defer h.peakMu.Unlock()
	h.peakMsgs = max(h.peakMsgs, m)
	h.peakBytes = max(h.peakBytes, b)
}

// execOptions authenticates r through the Exec hook. allowMutation says
// whether the transport may run mutations: a WebSocket may (its upgrade is
// a GET, but the operations come in messages), an SSE request only when it
// is a POST.
func (h *Handler) execOptions(r *http.Request, allowMutation bool) (gateway.ExecOptions, error) {
	o := gateway.ExecOptions{AllowMutation: allowMutation, Header: r.Header}
	if h.opts.Exec != nil {
		if err := h.opts.Exec(r, &o); err != nil {
			return o, err
		}
	}
	return o, nil
}

// resolveQuery applies Options.ResolveQuery to req in place.
func (h *Handler) resolveQuery(req *request) error {
	if h.opts.ResolveQuery == nil {
		return nil
	}
	q, err := h.opts.ResolveQuery(req.Query, req.Extensions)
	if err != nil {
		return err
	}
	req.Query = q
	return nil
}

// persistedRefusal is err as a refusal clients can act on, or nil for an
// unexpected error.
func persistedRefusal(err error) *persisted.Error {
	var pe *persisted.Error
	if errors.As(err, &pe) {
		return pe
	}
	return nil
}
