package subscriptions_test

import (
	"bytes"
	"testing"

	"github.com/coder/websocket"

	"github.com/nexus-commerce/nexus/router/internal/gateway"
	"github.com/nexus-commerce/nexus/router/internal/subscriptions"
)

// Hostile frames get their documented answer and never take the router
// down: after each, another client is served.
func TestHostileFrames(t *testing.T) {
	e := start(t, gateway.SubgraphSubscription{}, subscriptions.Options{})
	t.Run("binary frame with a JSON message is read as text", func(t *testing.T) {
		// As graphql-ws's reference server does (it reads String(data)).
		w := e.dial(t, "graphql-transport-ws")
		if err := w.c.Write(ctx(t), websocket.MessageBinary, []byte(`{"type":"connection_init"}`)); err != nil {
			t.Fatal(err)
		}
		if m := w.read(); m.Type != "connection_ack" {
			t.Fatalf("got %s, want connection_ack", m.Type)
		}
	})
	t.Run("binary garbage", func(t *testing.T) {
		w := e.dial(t, "graphql-transport-ws")
		_ = w.c.Write(ctx(t), websocket.MessageBinary, []byte{0, 1, 2, 0xff})
		if got := w.closeCode(); got != 4400 {
			t.Fatalf("close code %d, want 4400", got)
		}
	})
	t.Run("invalid UTF-8 in a text frame", func(t *testing.T) {
		w := e.connect(t, "graphql-transport-ws", nil)
		_ = w.c.Write(ctx(t), websocket.MessageText, []byte("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ \xc3\x28 }\"}}"))
		if got := w.closeCode(); got != websocket.StatusInvalidFramePayloadData {
			t.Fatalf("close code %d, want 1007", got)
		}
	})
	t.Run("message over 1 MiB", func(t *testing.T) {
		w := e.connect(t, "graphql-transport-ws", nil)
		big := append([]byte(`{"type":"ping","payload":{"x":"`), bytes.Repeat([]byte("a"), 1<<20)...)
		big = append(big, `"}}`...)
		_ = w.c.Write(ctx(t), websocket.MessageText, big)
		if got := w.closeCode(); got != websocket.StatusMessageTooBig {
			t.Fatalf("close code %d, want 1009", got)
		}
	})
	t.Run("ping flood", func(t *testing.T) {
		// Every ping is answered while the client reads; a client that
		// stops reading fills its buffer and is closed 4013, never grows
		// the router's memory.
		w := e.connect(t, "graphql-transport-ws", nil)
		const n = 20000
		for range n {
			w.send(map[string]any{"type": "ping"})
		}
		for pongs := 0; pongs < n; {
			m, err := w.readErr()
			if err != nil {
				if code := closeStatus(err); code != subscriptions.CloseSlowConsumer {
					t.Fatalf("after %d pongs: %v (close code %d), want pongs or 4013", pongs, err, code)
				}
				break
			}
			if m.Type != "pong" {
				t.Fatalf("got %s, want pong", m.Type)
			}
			pongs++
		}
	})
	t.Run("subscribe before init", func(t *testing.T) {
		w := e.dial(t, "graphql-transport-ws")
		w.subscribe("1", eventsQuery, nil)
		if got := w.closeCode(); got != 4401 {
			t.Fatalf("close code %d, want 4401", got)
		}
	})
	t.Run("the router still serves", func(t *testing.T) {
		w := e.connect(t, "graphql-transport-ws", nil)
		w.subscribe("ok", "subscription { ticks(count: 1) { n } }", nil)
		for _, want := range []string{"next", "complete"} {
			if m := w.read(); m.Type != want {
				t.Fatalf("got %s %s, want %s", m.Type, m.Payload, want)
			}
		}
	})
}
