package subscriptions_test

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/coder/websocket"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/nexus-commerce/nexus/router/internal/gateway"
	"github.com/nexus-commerce/nexus/router/internal/metrics"
	"github.com/nexus-commerce/nexus/router/internal/recovery"
	"github.com/nexus-commerce/nexus/router/internal/subscriptions"
)

// panicQuery makes the test's ResolveQuery panic: a stand-in for any
// panicking step of preparing an operation (parse, validate, plan).
const panicQuery = "subscription { ticks(count: 1) { n } } # panic-in-prepare"

// syncBuffer is a log destination the handler's goroutines share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// panicEnv is the federation with metrics, a captured log and hooks that
// panic on demand.
func panicEnv(t *testing.T) (*env, *metrics.Metrics, *syncBuffer) {
	t.Helper()
	m := metrics.New()
	logs := &syncBuffer{}
	e := start(t, gateway.SubgraphSubscription{}, subscriptions.Options{
		Log:     slog.New(slog.NewJSONHandler(logs, nil)),
		Metrics: m,
		ResolveQuery: func(q string, _ json.RawMessage) (string, error) {
			if strings.Contains(q, "panic-in-prepare") {
				var nilMap map[string]int
				nilMap[q]++ // a real runtime panic
			}
			return q, nil
		},
	})
	subscriptions.SetTestHookMessage(func(data []byte) {
		if bytes.Contains(data, []byte("panic-in-reader")) {
			panic("test: the connection's reader panicked")
		}
	})
	t.Cleanup(func() { subscriptions.SetTestHookMessage(nil) })
	return e, m, logs
}

// dialWithID opens a WebSocket whose upgrade carries X-Request-ID id.
func (e *env) dialWithID(t *testing.T, id string) *wsClient {
	t.Helper()
	c, _, err := websocket.Dial(ctx(t), strings.Replace(e.url, "http", "ws", 1), &websocket.DialOptions{
		Subprotocols: []string{"graphql-transport-ws"}, HTTPHeader: http.Header{"X-Request-ID": {id}}})
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	t.Cleanup(func() { _ = c.CloseNow() })
	return &wsClient{t: t, c: c}
}

// stillServes proves the router serves other clients: a new connection
// runs a subscription to its end.
func stillServes(t *testing.T, e *env) {
	t.Helper()
	w := e.connect(t, "graphql-transport-ws", nil)
	w.subscribe("ok", "subscription { ticks(count: 2) { n } }", nil)
	for _, want := range []string{"next", "next", "complete"} {
		if m := w.read(); m.Type != want || m.ID != "ok" {
			t.Fatalf("another client after the panic: got %s %s, want %s", m.Type, m.Payload, want)
		}
	}
}

// assertRecorded checks the panic was counted under kind and logged with
// the request id.
func assertRecorded(t *testing.T, m *metrics.Metrics, logs *syncBuffer, kind, reqID string) {
	t.Helper()
	if n := testutil.ToFloat64(m.Panics.WithLabelValues(kind)); n != 1 {
		t.Errorf("nexus_router_panics_total{kind=%q} = %v, want 1", kind, n)
	}
	var found bool
	for line := range strings.SplitSeq(logs.String(), "\n") {
		if strings.Contains(line, `"msg":"panic recovered"`) && strings.Contains(line, `"kind":"`+kind+`"`) &&
			strings.Contains(line, `"request_id":"`+reqID+`"`) {
			found = true
		}
	}
	if !found {
		t.Errorf("no panic log line with kind %s and request id %s:\n%s", kind, reqID, logs.String())
	}
}

// A panic on each goroutine the subscription front end starts is that
// client's alone: it gets the documented answer, the panic is counted
// and logged with its request id, and the router serves others.
func TestPanicsStayWithTheirClient(t *testing.T) {
	t.Run("ws_message: preparing a subscribe", func(t *testing.T) {
		e, m, logs := panicEnv(t)
		w := e.dialWithID(t, "req-prepare")
		w.send(map[string]any{"type": "connection_init"})
		if got := w.read(); got.Type != "connection_ack" {
			t.Fatalf("got %s", got.Type)
		}
		w.subscribe("boom", panicQuery, nil)
		if got := w.read(); got.Type != "error" || got.ID != "boom" || !contains(got.Payload, "INTERNAL_SERVER_ERROR") {
			t.Fatalf("got %s %s %s, want an INTERNAL_SERVER_ERROR error for boom", got.ID, got.Type, got.Payload)
		}
		// The connection stays open and runs the next operation; the
		// failed one holds no place.
		w.subscribe("boom", "subscription { ticks(count: 1) { n } }", nil)
		for _, want := range []string{"next", "complete"} {
			if got := w.read(); got.Type != want || got.ID != "boom" {
				t.Fatalf("after the panic: got %s %s, want %s", got.Type, got.Payload, want)
			}
		}
		assertRecorded(t, m, logs, recovery.KindWSMessage, "req-prepare")
		stillServes(t, e)
	})
	t.Run("ws_message: the Exec hook on connection_init", func(t *testing.T) {
		e, m, logs := panicEnv(t)
		w := e.dialWithID(t, "req-init")
		w.send(map[string]any{"type": "connection_init", "payload": map[string]any{"Authorization": "Bearer panic"}})
		if got := w.closeCode(); got != 4500 {
			t.Fatalf("close code %d, want 4500", got)
		}
		assertRecorded(t, m, logs, recovery.KindWSMessage, "req-init")
		stillServes(t, e)
	})
	t.Run("ws_connection: the connection's reader", func(t *testing.T) {
		e, m, logs := panicEnv(t)
		w := e.dialWithID(t, "req-reader")
		w.send(map[string]any{"type": "connection_init"})
		w.read()
		w.subscribe("s", eventsQuery, map[string]any{"topic": "reader"})
		if err := e.events.WaitSubscribers(ctx(t), "reader", 1); err != nil {
			t.Fatal(err)
		}
		w.send(map[string]any{"type": "ping", "payload": map[string]any{"x": "panic-in-reader"}})
		if got := w.closeCode(); got != 4500 {
			t.Fatalf("close code %d, want 4500", got)
		}
		// Its subscription was ended with it.
		eventually(t, "the subscription stopped", func() bool { return e.h.Stats().Subscriptions == 0 && e.h.Stats().Connections == 0 })
		assertRecorded(t, m, logs, recovery.KindWSConnection, "req-reader")
		stillServes(t, e)
	})
	t.Run("sse_stream: the Exec hook", func(t *testing.T) {
		e, m, logs := panicEnv(t)
		s := e.sse(t, eventsQuery, map[string]any{"topic": "t"}, http.Header{"Authorization": {"Bearer panic"}, "X-Request-ID": {"req-sse"}})
		body, _ := io.ReadAll(s.resp.Body)
		if s.resp.StatusCode != http.StatusInternalServerError || !strings.Contains(string(body), "INTERNAL_SERVER_ERROR") {
			t.Fatalf("got %d %s, want 500 INTERNAL_SERVER_ERROR", s.resp.StatusCode, body)
		}
		assertRecorded(t, m, logs, recovery.KindSSEStream, "req-sse")
		stillServes(t, e)
	})
	t.Run("sse_stream: preparing the operation", func(t *testing.T) {
		e, m, logs := panicEnv(t)
		s := e.sse(t, panicQuery, nil, http.Header{"X-Request-ID": {"req-sse-prepare"}})
		body, _ := io.ReadAll(s.resp.Body)
		if s.resp.StatusCode != http.StatusInternalServerError || !strings.Contains(string(body), "INTERNAL_SERVER_ERROR") {
			t.Fatalf("got %d %s, want 500 INTERNAL_SERVER_ERROR", s.resp.StatusCode, body)
		}
		assertRecorded(t, m, logs, recovery.KindSSEStream, "req-sse-prepare")
		stillServes(t, e)
	})
}
