// Package recovery keeps a panic in one request's goroutine from ending the
// router. Every goroutine the router starts for a request, a subscription or
// a connection defers Guard: the panic becomes an error for that request
// alone, is logged with the request id and the stack, and is counted in
// nexus_router_panics_total{kind}.
package recovery

import (
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"

	"github.com/nexus-commerce/nexus/router/internal/metrics"
)

// ErrPanic is what a recovered panic becomes for its request; clients see
// only "internal error" with code INTERNAL_SERVER_ERROR.
var ErrPanic = errors.New("internal error")

// Kinds of goroutine, the values of the metric's kind label.
const (
	KindHTTPRequest    = "http_request"
	KindPrepare        = "prepare"
	KindExecute        = "execute"
	KindStreamedOnce   = "stream_once"
	KindSubscription   = "subscription_group"
	KindWSConnection   = "ws_connection"
	KindWSMessage      = "ws_message"
	KindSSEStream      = "sse_stream"
	KindSubgraphStream = "subgraph_stream"
)

// Guard recovers a panic on the goroutine that defers it (it must be deferred
// directly: `defer recovery.Guard(log, m, kind, requestID, onPanic)`), logs it
// with the stack, counts it, and hands ErrPanic (wrapping the panic value) to
// onPanic, which answers the request that caused it. log, m and onPanic may
// be nil.
func Guard(log *slog.Logger, m *metrics.Metrics, kind, requestID string, onPanic func(error)) {
	p := recover()
	if p == nil {
		return
	}
	Record(log, m, kind, requestID, p, debug.Stack())
	if onPanic != nil {
		onPanic(fmt.Errorf("%w: %v", ErrPanic, p))
	}
}

// Record logs and counts a panic value recovered elsewhere (where the
// recovering code must do more than Guard allows).
func Record(log *slog.Logger, m *metrics.Metrics, kind, requestID string, p any, stack []byte) {
	if log != nil {
		log.Error("panic recovered", "kind", kind, "request_id", requestID, "panic", fmt.Sprint(p), "stack", string(stack))
	}
	if m != nil {
		m.Panics.WithLabelValues(kind).Inc()
	}
}
