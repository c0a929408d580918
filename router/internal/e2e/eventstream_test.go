package e2e

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/nexus-commerce/nexus/router/internal/testenv"
)

// eventStream is one client's subscription through the router, over SSE
// or WebSocket: the cursors of the events it received, in order (the
// `cursor` of whichever root field it selects).
type eventStream struct {
	mu      sync.Mutex
	cursors []string
	errs    []string
	// arrived is signalled (without blocking) after every change.
	arrived chan struct{}
	// close ends the client's subscription (idempotent).
	close func()
}

func newEventStream(cancel func()) *eventStream {
	return &eventStream{arrived: make(chan struct{}, 1), close: cancel}
}

func (s *eventStream) add(payload []byte) {
	cursor, ok := cursorOf(payload)
	s.mu.Lock()
	if ok {
		s.cursors = append(s.cursors, cursor)
	} else {
		s.errs = append(s.errs, string(payload))
	}
	s.mu.Unlock()
	s.notify()
}

// cursorOf reads the cursor of an event result ({"data":{"<root field>":
// {"cursor":...}}}); false for anything else (errors included).
func cursorOf(payload []byte) (string, bool) {
	var msg struct {
		Data   map[string]*struct{ Cursor string } `json:"data"`
		Errors json.RawMessage                     `json:"errors"`
	}
	if err := json.Unmarshal(payload, &msg); err != nil || len(msg.Errors) > 0 || len(msg.Data) != 1 {
		return "", false
	}
	for _, v := range msg.Data {
		if v != nil && v.Cursor != "" {
			return v.Cursor, true
		}
	}
	return "", false
}

// fail records an end or error the router sent.
func (s *eventStream) fail(what string) {
	s.mu.Lock()
	s.errs = append(s.errs, what)
	s.mu.Unlock()
	s.notify()
}

func (s *eventStream) notify() {
	select {
	case s.arrived <- struct{}{}:
	default:
	}
}

func (s *eventStream) received() ([]string, []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.cursors), slices.Clone(s.errs)
}

// wait returns the cursors received once done holds for them; an error
// when the router sent an error or an end, or ctx ends first.
func (s *eventStream) wait(ctx context.Context, what string, done func([]string) bool) ([]string, error) {
	for {
		cs, errs := s.received()
		if len(errs) > 0 {
			return cs, fmt.Errorf("the router sent %v (after cursors %v)", errs, cs)
		}
		if done(cs) {
			return cs, nil
		}
		select {
		case <-s.arrived:
		case <-ctx.Done():
			return cs, fmt.Errorf("%s never happened; received %v: %w", what, cs, ctx.Err())
		}
	}
}

// until waits for the event with cursor last and returns every cursor
// received by then.
func (s *eventStream) until(ctx context.Context, last string) ([]string, error) {
	return s.wait(ctx, "event "+last, func(cs []string) bool { return slices.Contains(cs, last) })
}

// transport opens a subscription through the router.
type transport struct {
	name string
	open func(t *testing.T, env *testenv.Env, query string) *eventStream
}

var transports = []transport{{"SSE", openSSE}, {"WebSocket", openWS}}

// openSSE subscribes over GraphQL over SSE (POST).
func openSSE(t *testing.T, env *testenv.Env, query string) *eventStream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	body, _ := json.Marshal(map[string]any{"query": query})
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, env.RouterURL, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "text/event-stream")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("SSE: %v", err)
	}
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		resp.Body.Close()
		t.Fatalf("SSE: HTTP %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	s := newEventStream(cancel)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		event := ""
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event:"):
				event = strings.TrimSpace(strings.TrimPrefix(line, "event:"))
				if event == "complete" {
					s.fail("complete")
				}
			case strings.HasPrefix(line, "data:") && event == "next":
				s.add([]byte(strings.TrimSpace(strings.TrimPrefix(line, "data:"))))
			}
		}
	}()
	return s
}

// openWS subscribes over WebSocket (graphql-transport-ws), one connection
// per subscription.
func openWS(t *testing.T, env *testenv.Env, query string) *eventStream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(env.RouterURL, "http"),
		&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	if err := wsjson.Write(ctx, conn, map[string]any{"type": "connection_init", "payload": map[string]any{}}); err != nil {
		t.Fatal(err)
	}
	var ack struct{ Type string }
	if err := wsjson.Read(ctx, conn, &ack); err != nil || ack.Type != "connection_ack" {
		t.Fatalf("connection_ack: %+v, %v", ack, err)
	}
	if err := wsjson.Write(ctx, conn, map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{"query": query}}); err != nil {
		t.Fatal(err)
	}
	s := newEventStream(func() { cancel(); _ = conn.CloseNow() })
	go func() {
		for {
			var m struct {
				Type    string          `json:"type"`
				Payload json.RawMessage `json:"payload"`
			}
			if err := wsjson.Read(ctx, conn, &m); err != nil {
				return
			}
			switch m.Type {
			case "next":
				s.add(m.Payload)
			case "ping":
				_ = wsjson.Write(ctx, conn, map[string]any{"type": "pong"})
			case "error", "complete":
				s.fail(m.Type + ": " + string(m.Payload))
			}
		}
	}()
	return s
}
