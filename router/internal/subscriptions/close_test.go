package subscriptions_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/nexus-commerce/nexus/router/internal/gateway"
	"github.com/nexus-commerce/nexus/router/internal/subscriptions"
)

// closeIterations is how often each close path is tried: the lost close
// codes were a race (16 of 30 tries), so one try proves little.
const closeIterations = 200

// Every close path delivers its close code, and the connection_ack that
// was due before it, every time: the messages are sent right after each
// other, without waiting for the ack, as a hostile or hasty client would.
func TestCloseCodesAlwaysArrive(t *testing.T) {
	e := start(t, gateway.SubgraphSubscription{}, subscriptions.Options{})
	init := map[string]any{"type": "connection_init"}
	sub := func(id string) map[string]any {
		return map[string]any{"id": id, "type": "subscribe", "payload": map[string]any{"query": eventsQuery, "variables": map[string]any{"topic": "idle"}}}
	}
	cases := []struct {
		name    string
		proto   string
		send    func(w *wsClient)
		wantAck bool
		want    websocket.StatusCode
	}{
		{"invalid frame after init", "graphql-transport-ws", func(w *wsClient) {
			w.send(init)
			_ = w.c.Write(ctx(w.t), websocket.MessageText, []byte("{"))
		}, true, 4400},
		{"unknown type after init", "graphql-transport-ws", func(w *wsClient) {
			w.send(init)
			w.send(map[string]any{"type": "hello"})
		}, true, 4400},
		{"legacy invalid frame after init", "graphql-ws", func(w *wsClient) {
			w.send(init)
			_ = w.c.Write(ctx(w.t), websocket.MessageText, []byte("not json"))
		}, true, 4400},
		{"second init", "graphql-transport-ws", func(w *wsClient) { w.send(init); w.send(init) }, true, 4429},
		{"duplicate id", "graphql-transport-ws", func(w *wsClient) { w.send(init); w.send(sub("a")); w.send(sub("a")) }, true, 4409},
		{"bad token", "graphql-transport-ws", func(w *wsClient) {
			w.send(map[string]any{"type": "connection_init", "payload": map[string]any{"Authorization": "Bearer bad"}})
		}, false, 4403},
		{"subscribe before init", "graphql-transport-ws", func(w *wsClient) { w.send(sub("a")) }, false, 4401},
		{"invalid UTF-8 after init", "graphql-transport-ws", func(w *wsClient) {
			w.send(init)
			_ = w.c.Write(ctx(w.t), websocket.MessageText, []byte("{\"type\":\"\xff\xfe\"}"))
		}, true, websocket.StatusInvalidFramePayloadData},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for i := range closeIterations {
				w := e.dial(t, tc.proto)
				w.t = t
				tc.send(w)
				if tc.wantAck {
					if m, err := w.readErr(); err != nil || m.Type != "connection_ack" {
						t.Fatalf("try %d: got %+v %v, want connection_ack first", i, m, err)
					}
				}
				if got := w.closeCode(); got != tc.want {
					t.Fatalf("try %d: close code %d, want %d", i, got, tc.want)
				}
				_ = w.c.CloseNow()
			}
		})
	}
}

// The init timeout (4408) arrives every time too.
func TestInitTimeoutCodeAlwaysArrives(t *testing.T) {
	e := start(t, gateway.SubgraphSubscription{}, subscriptions.Options{InitTimeout: 5 * time.Millisecond})
	for i := range closeIterations / 4 {
		w := e.dial(t, "graphql-transport-ws")
		if got := w.closeCode(); got != 4408 {
			t.Fatalf("try %d: close code %d, want 4408", i, got)
		}
		_ = w.c.CloseNow()
	}
}

// Many operations on one connection: past max_per_connection each gets a
// SUBSCRIPTION_LIMIT error for its id, the connection stays open and
// usable, and completing them frees every place.
func TestThousandsOfIDsOnOneConnection(t *testing.T) {
	e := start(t, gateway.SubgraphSubscription{}, subscriptions.Options{MaxPerConnection: 50})
	w := e.connect(t, "graphql-transport-ws", nil)
	const n = 2000
	for i := range n {
		w.subscribe(fmt.Sprint(i), eventsQuery, map[string]any{"topic": "many"})
	}
	refused := map[string]bool{}
	for len(refused) < n-50 {
		m := w.read()
		if m.Type != "error" || !contains(m.Payload, "SUBSCRIPTION_LIMIT") {
			t.Fatalf("got %s %s, want SUBSCRIPTION_LIMIT errors", m.Type, m.Payload)
		}
		refused[m.ID] = true
	}
	if got := e.h.Stats().Subscriptions; got != 50 {
		t.Fatalf("subscriptions running = %d, want 50", got)
	}
	for i := range n {
		w.send(map[string]any{"id": fmt.Sprint(i), "type": "complete"})
	}
	// Still open: a ping is answered.
	w.send(map[string]any{"type": "ping"})
	if m := w.read(); m.Type != "pong" {
		t.Fatalf("got %s, want pong", m.Type)
	}
	if got := e.h.Stats().Subscriptions; got != 0 {
		t.Fatalf("subscriptions running after complete = %d, want 0", got)
	}
}

func contains(b []byte, s string) bool { return strings.Contains(string(b), s) }
