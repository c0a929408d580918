package subscriptions_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/nexus-commerce/nexus/router/internal/gateway"
	"github.com/nexus-commerce/nexus/router/internal/subscriptions"
)

// upstreams are the ways the router can subscribe to a subgraph.
var upstreams = map[string]gateway.SubgraphSubscription{
	"ws":           {},
	"ws-legacy":    {WSSubprotocol: "graphql-ws"},
	"sse-post":     {Protocol: "sse"},
	"ws-transport": {WSSubprotocol: "graphql-transport-ws"},
}

// Events arrive in order, each with the entity field from the second
// subgraph, over both client subprotocols and every upstream protocol;
// the subgraph completing the subscription completes it for the client.
func TestWebSocketEventsInOrder(t *testing.T) {
	for up, sub := range upstreams {
		for _, proto := range []string{"graphql-transport-ws", "graphql-ws"} {
			t.Run(up+"/"+proto, func(t *testing.T) {
				e := start(t, sub, subscriptions.Options{})
				w := e.connect(t, proto, nil)
				w.subscribe("s1", eventsQuery, map[string]any{"topic": "t"})
				if err := e.events.WaitSubscribers(ctx(t), "t", 1); err != nil {
					t.Fatal(err)
				}
				ids := []string{"p1", "p2", "p3"}
				for _, id := range ids {
					e.events.Publish("t", "product.updated", id, "")
				}
				next := map[string]string{"graphql-transport-ws": "next", "graphql-ws": "data"}[proto]
				for i, id := range ids {
					m := w.read()
					if m.Type != next || m.ID != "s1" {
						t.Fatalf("got %s %s %s, want %s for s1", m.Type, m.ID, m.Payload, next)
					}
					checkEvent(t, m.Payload, i+1, id)
				}
				e.events.Close("t")
				if m := w.read(); m.Type != "complete" || m.ID != "s1" {
					t.Fatalf("got %s %s, want complete for s1", m.Type, m.ID)
				}
			})
		}
	}
}

// A subscription the subgraph completes by itself (ticks) and a query over
// the socket both end with complete.
func TestWebSocketCompleteFromUpstreamAndQueries(t *testing.T) {
	e := start(t, gateway.SubgraphSubscription{}, subscriptions.Options{})
	w := e.connect(t, "graphql-transport-ws", nil)
	w.subscribe("t", `subscription { ticks(count: 3) { n } }`, nil)
	for i := 1; i <= 3; i++ {
		m := w.read()
		want := `{"data":{"ticks":{"n":` + string(rune('0'+i)) + `}}}`
		if m.Type != "next" || string(m.Payload) != want {
			t.Fatalf("got %s %s, want next %s", m.Type, m.Payload, want)
		}
	}
	if m := w.read(); m.Type != "complete" || m.ID != "t" {
		t.Fatalf("got %s %s, want complete", m.Type, m.ID)
	}
	w.subscribe("q", `{ product(id: "p9") { name reviewSummary { headline } } }`, nil)
	m := w.read()
	if want := `{"data":{"product":{"name":"product p9","reviewSummary":{"headline":"reviews of p9"}}}}`; m.Type != "next" || string(m.Payload) != want {
		t.Fatalf("query: got %s %s, want next %s", m.Type, m.Payload, want)
	}
	if m := w.read(); m.Type != "complete" || m.ID != "q" {
		t.Fatalf("got %s %s, want complete", m.Type, m.ID)
	}
	w.subscribe("bad", `subscription { nope }`, nil)
	m = w.read()
	if m.Type != "error" || m.ID != "bad" || !strings.Contains(string(m.Payload), "GRAPHQL_VALIDATION_FAILED") {
		t.Fatalf("got %s %s %s, want a validation error for bad", m.Type, m.ID, m.Payload)
	}
}

// A client's complete ends the upstream subscription; nothing more is sent
// for that id and the connection stays usable.
func TestWebSocketCompleteFromClient(t *testing.T) {
	e := start(t, gateway.SubgraphSubscription{}, subscriptions.Options{})
	w := e.connect(t, "graphql-transport-ws", nil)
	w.subscribe("s1", eventsQuery, map[string]any{"topic": "t"})
	if err := e.events.WaitSubscribers(ctx(t), "t", 1); err != nil {
		t.Fatal(err)
	}
	e.events.Publish("t", "product.updated", "p1", "")
	checkEvent(t, w.read().Payload, 1, "p1")
	w.send(map[string]any{"id": "s1", "type": "complete"})
	if err := e.events.WaitSubscribers(ctx(t), "t", 0); err != nil {
		t.Fatal(err)
	}
	w.send(map[string]any{"type": "ping"})
	if m := w.read(); m.Type != "pong" {
		t.Fatalf("got %s %s %s, want pong (nothing more for s1)", m.Type, m.ID, m.Payload)
	}
	// The id is free again once completed.
	w.subscribe("s1", eventsQuery, map[string]any{"topic": "t"})
	if err := e.events.WaitSubscribers(ctx(t), "t", 1); err != nil {
		t.Fatal(err)
	}
}

// Protocol violations close the connection with graphql-transport-ws's
// codes; a bad token is refused on connection_init.
func TestWebSocketCloseCodes(t *testing.T) {
	e := start(t, gateway.SubgraphSubscription{}, subscriptions.Options{InitTimeout: 50 * time.Millisecond})
	cases := []struct {
		name string
		do   func(w *wsClient)
		want websocket.StatusCode
	}{
		{"no connection_init in time", func(*wsClient) {}, 4408},
		{"subscribe before ack", func(w *wsClient) { w.subscribe("s", eventsQuery, map[string]any{"topic": "t"}) }, 4401},
		{"bad token", func(w *wsClient) {
			w.send(map[string]any{"type": "connection_init", "payload": map[string]any{"Authorization": "Bearer bad"}})
		}, 4403},
		{"two inits", func(w *wsClient) {
			w.send(map[string]any{"type": "connection_init"})
			if m := w.read(); m.Type != "connection_ack" {
				t.Fatalf("got %s", m.Type)
			}
			w.send(map[string]any{"type": "connection_init"})
		}, 4429},
		{"duplicate id", func(w *wsClient) {
			w.send(map[string]any{"type": "connection_init"})
			w.read()
			w.subscribe("s", eventsQuery, map[string]any{"topic": "t"})
			w.subscribe("s", eventsQuery, map[string]any{"topic": "t"})
		}, 4409},
		{"not JSON", func(w *wsClient) { _ = w.c.Write(ctx(t), websocket.MessageText, []byte("{")) }, 4400},
		{"unknown type", func(w *wsClient) { w.send(map[string]any{"type": "hello"}) }, 4400},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			w := e.dial(t, "graphql-transport-ws")
			w.t = t
			tc.do(w)
			if got := w.closeCode(); got != tc.want {
				t.Fatalf("close code %d, want %d", got, tc.want)
			}
		})
	}
}

// Auth on connection_init: the token in the payload makes the principal
// that @authenticated fields need; anonymous callers get an error for the
// operation while the connection stays.
func TestWebSocketAuthOnInit(t *testing.T) {
	e := start(t, gateway.SubgraphSubscription{}, subscriptions.Options{})
	const q = `subscription { privateEvents(topic: "p") { seq product { id } } }`
	anon := e.connect(t, "graphql-transport-ws", map[string]any{})
	anon.subscribe("a", q, nil)
	m := anon.read()
	if m.Type != "next" || !strings.Contains(string(m.Payload), "Unauthorized") {
		t.Fatalf("anonymous: got %s %s, want an unauthorized result", m.Type, m.Payload)
	}
	if m := anon.read(); m.Type != "complete" {
		t.Fatalf("anonymous: got %s, want complete", m.Type)
	}
	if n := e.events.Subscribers("p"); n != 0 {
		t.Fatalf("an unauthorized subscription reached the subgraph (%d subscribers)", n)
	}

	for _, payload := range []any{
		map[string]any{"Authorization": "Bearer good"},
		map[string]any{"headers": map[string]any{"authorization": "Bearer good"}},
	} {
		w := e.connect(t, "graphql-transport-ws", payload)
		w.subscribe("a", q, nil)
		if err := e.events.WaitSubscribers(ctx(t), "p", 1); err != nil {
			t.Fatal(err)
		}
		seq := e.events.Publish("p", "product.created", "p7", "")
		m := w.read()
		if want := `{"data":{"privateEvents":{"seq":` + itoa(seq) + `,"product":{"id":"p7"}}}}`; m.Type != "next" || string(m.Payload) != want {
			t.Fatalf("signed in: got %s %s, want %s", m.Type, m.Payload, want)
		}
		w.send(map[string]any{"id": "a", "type": "complete"})
		if err := e.events.WaitSubscribers(ctx(t), "p", 0); err != nil {
			t.Fatal(err)
		}
	}
}

// Keep-alives: graphql-transport-ws pings, graphql-ws sends ka right after
// the ack and then periodically; the client's ping gets a pong.
func TestWebSocketKeepAlive(t *testing.T) {
	e := start(t, gateway.SubgraphSubscription{}, subscriptions.Options{KeepAlive: 20 * time.Millisecond})
	w := e.connect(t, "graphql-transport-ws", nil)
	for range 2 {
		if m, err := w.readErr(); err != nil || m.Type != "ping" {
			t.Fatalf("got %v %v, want ping", m, err)
		}
	}
	w.send(map[string]any{"type": "ping"})
	for {
		m, err := w.readErr()
		if err != nil {
			t.Fatal(err)
		}
		if m.Type == "pong" {
			break
		}
		if m.Type != "ping" {
			t.Fatalf("got %s, want ping or pong", m.Type)
		}
	}
	l := e.dial(t, "graphql-ws")
	l.send(map[string]any{"type": "connection_init"})
	if m, _ := l.readErr(); m.Type != "connection_ack" {
		t.Fatalf("got %s, want connection_ack", m.Type)
	}
	for range 2 {
		if m, err := l.readErr(); err != nil || m.Type != "ka" {
			t.Fatalf("got %v %v, want ka", m, err)
		}
	}
}

// The per-connection limit refuses one more subscription with an error
// for it; the connection and its other subscriptions carry on.
func TestWebSocketLimitPerConnection(t *testing.T) {
	e := start(t, gateway.SubgraphSubscription{}, subscriptions.Options{MaxPerConnection: 2})
	w := e.connect(t, "graphql-transport-ws", nil)
	w.subscribe("a", eventsQuery, map[string]any{"topic": "a"})
	w.subscribe("b", eventsQuery, map[string]any{"topic": "b"})
	w.subscribe("c", eventsQuery, map[string]any{"topic": "c"})
	m := w.read()
	if m.Type != "error" || m.ID != "c" || !strings.Contains(string(m.Payload), "SUBSCRIPTION_LIMIT") {
		t.Fatalf("got %s %s %s, want SUBSCRIPTION_LIMIT error for c", m.Type, m.ID, m.Payload)
	}
	for _, topic := range []string{"a", "b"} {
		if err := e.events.WaitSubscribers(ctx(t), topic, 1); err != nil {
			t.Fatal(err)
		}
		e.events.Publish(topic, "product.updated", "p1", "")
		if m := w.read(); m.ID != topic {
			t.Fatalf("got %s for %s, want an event for %s", m.Type, m.ID, topic)
		}
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// An upstream that cannot be reached ends the subscription with an error
// result and complete; the connection stays usable.
func TestWebSocketUpstreamUnreachable(t *testing.T) {
	for name, sub := range map[string]gateway.SubgraphSubscription{
		"ws":  {URL: "http://127.0.0.1:1/graphql"},
		"sse": {URL: "http://127.0.0.1:1/graphql", Protocol: "sse"},
	} {
		t.Run(name, func(t *testing.T) {
			e := start(t, sub, subscriptions.Options{})
			w := e.connect(t, "graphql-transport-ws", nil)
			w.subscribe("s", eventsQuery, map[string]any{"topic": "t"})
			m := w.read()
			if m.Type != "next" || !strings.Contains(string(m.Payload), `"errors"`) {
				t.Fatalf("got %s %s, want an error result", m.Type, m.Payload)
			}
			if m := w.read(); m.Type != "complete" || m.ID != "s" {
				t.Fatalf("got %s %s, want complete", m.Type, m.Payload)
			}
			w.send(map[string]any{"type": "ping"})
			if m := w.read(); m.Type != "pong" {
				t.Fatalf("got %s, want pong", m.Type)
			}
		})
	}
}

// Shutdown closes WebSockets with 1001 (going away) and completes SSE
// streams, so clients reconnect elsewhere; http.Server.Shutdown does not
// reach hijacked connections by itself.
func TestShutdownEndsConnections(t *testing.T) {
	e := start(t, gateway.SubgraphSubscription{}, subscriptions.Options{})
	w := e.connect(t, "graphql-transport-ws", nil)
	w.subscribe("s", eventsQuery, map[string]any{"topic": "t"})
	s := e.sse(t, eventsQuery, map[string]any{"topic": "t"}, nil)
	if err := e.events.WaitSubscribers(ctx(t), "t", 1); err != nil {
		t.Fatal(err)
	}
	e.h.Shutdown()
	if code := w.closeCode(); code != websocket.StatusGoingAway {
		t.Fatalf("close code %d, want 1001", code)
	}
	if ev, _ := s.event(); ev != "complete" {
		t.Fatalf("SSE got %q, want complete", ev)
	}
	if err := e.events.WaitSubscribers(ctx(t), "t", 0); err != nil {
		t.Fatal(err)
	}
}

// A connection lives no longer than the token that authenticated it: when
// the token expires the router closes it with 4403, whatever is running.
func TestWebSocketClosesWhenTheTokenExpires(t *testing.T) {
	e := start(t, gateway.SubgraphSubscription{}, subscriptions.Options{})
	const q = `subscription { privateEvents(topic: "x") { seq product { id } } }`
	began := time.Now()
	w := e.connect(t, "graphql-transport-ws", map[string]any{"Authorization": "Bearer brief"})
	w.subscribe("a", q, nil)
	if err := e.events.WaitSubscribers(ctx(t), "x", 1); err != nil {
		t.Fatal(err)
	}
	seq := e.events.Publish("x", "product.updated", "p1", "")
	if m := w.read(); m.Type != "next" || !strings.Contains(string(m.Payload), `"seq":`+itoa(seq)) {
		t.Fatalf("before expiry: got %s %s, want the event", m.Type, m.Payload)
	}
	code := w.closeCode()
	if code != 4403 {
		t.Fatalf("close code %d, want 4403 (token expired)", code)
	}
	if took := time.Since(began); took < briefTokenLife {
		t.Fatalf("closed after %v, before the token's %v were up", took, briefTokenLife)
	}
	// The upstream subscription ends with the connection.
	if err := e.events.WaitSubscribers(ctx(t), "x", 0); err != nil {
		t.Fatal(err)
	}
}

// With NoPongClose a client that answers pings stays connected; one that
// stops answering is closed with 1008 by the next keep-alive, its upstream
// subscription ended.
func TestWebSocketNoPongClose(t *testing.T) {
	const interval = 30 * time.Millisecond
	e := start(t, gateway.SubgraphSubscription{}, subscriptions.Options{KeepAlive: interval, NoPongClose: true})
	live := e.connect(t, "graphql-transport-ws", nil)
	live.subscribe("a", eventsQuery, map[string]any{"topic": "np"})
	silent := e.connect(t, "graphql-transport-ws", nil)
	silent.subscribe("b", eventsQuery, map[string]any{"topic": "np"})
	if err := e.events.WaitSubscribers(ctx(t), "np", 1); err != nil {
		t.Fatal(err)
	}

	// The live client answers ten pings, ten intervals.
	for pings := 0; pings < 10; {
		m, err := live.readErr()
		if err != nil {
			t.Fatalf("the answering client was disconnected after %d pings: %v", pings, err)
		}
		if m.Type == "ping" {
			live.send(map[string]any{"type": "pong"})
			pings++
		}
	}
	// Meanwhile the silent one was closed with 1008.
	if code := silent.closeCode(); code != websocket.StatusPolicyViolation {
		t.Fatalf("silent client: close code %d, want 1008 (no pong)", code)
	}
	// The live client still gets events.
	seq := e.events.Publish("np", "product.updated", "p1", "")
	for {
		m, err := live.readErr()
		if err != nil {
			t.Fatal(err)
		}
		if m.Type == "ping" {
			live.send(map[string]any{"type": "pong"})
			continue
		}
		if m.Type != "next" {
			t.Fatalf("got %s %s, want next", m.Type, m.Payload)
		}
		checkEvent(t, m.Payload, seq, "p1")
		break
	}
}
