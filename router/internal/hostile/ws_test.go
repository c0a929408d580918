package hostile

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// wsClient is one graphql-transport-ws connection to the router.
type wsClient struct {
	t    *testing.T
	c    *websocket.Conn
	ctx  context.Context
	stop context.CancelFunc
}

// wsMessage is a message from the router.
type wsMessage struct {
	ID      string          `json:"id"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload"`
}

// dialWS opens a graphql-transport-ws connection; the context bounds the
// whole conversation (a hang guard, not a timing assertion).
func (s *stack) dialWS(t *testing.T, header http.Header) *wsClient {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 40*time.Second)
	c, err := s.wsDial(ctx, header, nil)
	if err != nil {
		cancel()
		t.Fatalf("WebSocket dial: %v", err)
	}
	c.SetReadLimit(16 << 20)
	w := &wsClient{t: t, c: c, ctx: ctx, stop: cancel}
	t.Cleanup(func() {
		_ = c.CloseNow()
		cancel()
	})
	return w
}

// wsDial opens a graphql-transport-ws connection (through client when
// set, e.g. one bound to another source address) for goroutines other
// than the test's.
func (s *stack) wsDial(ctx context.Context, header http.Header, client *http.Client) (*websocket.Conn, error) {
	c, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(s.url, "http"),
		&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}, HTTPHeader: header, HTTPClient: client})
	return c, err
}

// send writes one text frame as given.
func (w *wsClient) send(frame string) {
	w.t.Helper()
	if err := w.c.Write(w.ctx, websocket.MessageText, []byte(frame)); err != nil {
		w.t.Fatalf("WebSocket write: %v", err)
	}
}

// sendJSON writes v as a text frame.
func (w *wsClient) sendJSON(v any) {
	w.t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		w.t.Fatal(err)
	}
	w.send(string(b))
}

// read returns the next message, skipping pings (answered with a pong);
// err is the read error (a close carries its status).
func (w *wsClient) read() (wsMessage, error) {
	for {
		_, data, err := w.c.Read(w.ctx)
		if err != nil {
			return wsMessage{}, err
		}
		var m wsMessage
		if err := json.Unmarshal(data, &m); err != nil {
			return m, errors.New("router sent a frame that is not JSON: " + string(data))
		}
		noInternals(w.t, string(data))
		if m.Type == "ping" {
			_ = w.c.Write(w.ctx, websocket.MessageText, []byte(`{"type":"pong"}`))
			continue
		}
		return m, nil
	}
}

// must returns the next message or fails t.
func (w *wsClient) must() wsMessage {
	w.t.Helper()
	m, err := w.read()
	if err != nil {
		w.t.Fatalf("WebSocket read: %v (close status %d)", err, websocket.CloseStatus(err))
	}
	return m
}

// init sends connection_init with payload and expects connection_ack.
func (w *wsClient) init(payload map[string]any) {
	w.t.Helper()
	w.sendJSON(map[string]any{"type": "connection_init", "payload": payload})
	if m := w.must(); m.Type != "connection_ack" {
		w.t.Fatalf("after connection_init: %s %s, want connection_ack", m.Type, m.Payload)
	}
}

// subscribe starts operation id with query.
func (w *wsClient) subscribe(id, query string, vars map[string]any) {
	w.t.Helper()
	w.sendJSON(map[string]any{"id": id, "type": "subscribe", "payload": map[string]any{"query": query, "variables": vars}})
}

// expectError reads the answer to id and fails t unless it is an error
// message with code (the connection stays open).
func (w *wsClient) expectError(id, code string) {
	w.t.Helper()
	m := w.must()
	if m.ID != id || m.Type != "error" {
		w.t.Fatalf("answer to %s: %s %s, want an error message", id, m.Type, m.Payload)
	}
	var errs []gqlError
	if err := json.Unmarshal(m.Payload, &errs); err != nil || len(errs) == 0 || errs[0].Extensions["code"] != code {
		w.t.Fatalf("error for %s: %s, want code %s", id, m.Payload, code)
	}
}

// expectTypename runs `{ __typename }` as id on the connection: the
// connection still serves operations.
func (w *wsClient) expectTypename(id string) {
	w.t.Helper()
	w.subscribe(id, `{ __typename }`, nil)
	if m := w.must(); m.ID != id || m.Type != "next" || string(m.Payload) != `{"data":{"__typename":"Query"}}` {
		w.t.Fatalf("{ __typename } as %s: %s %s", id, m.Type, m.Payload)
	}
	if m := w.must(); m.ID != id || m.Type != "complete" {
		w.t.Fatalf("{ __typename } as %s: %s, want complete", id, m.Type)
	}
}

// expectClose reads until the router closes the connection and fails t
// unless the close code is one of codes.
func (w *wsClient) expectClose(codes ...websocket.StatusCode) {
	w.t.Helper()
	for {
		m, err := w.read()
		if err != nil {
			if got := websocket.CloseStatus(err); !slices.Contains(codes, got) {
				w.t.Fatalf("connection ended with %v (close status %d), want close %v", err, got, codes)
			}
			return
		}
		w.t.Logf("before the close: %s %s", m.Type, m.Payload)
	}
}
