package e2e

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

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

// catalog makes catalog events (admin stock adjustments through the
// router) and knows the cursor of each: a live probe subscription, open
// throughout, sees every one, and nothing else writes to the catalog.
type catalog struct {
	t     *testing.T
	env   *testenv.Env
	ctx   context.Context
	token string
	id    string
	probe *eventStream
}

// probeQuery is the probe's operation (named, so no test operation is
// identical to it).
const probeQuery = `subscription Probe { catalogEvents { cursor } }`

func newCatalog(t *testing.T, env *testenv.Env, ctx context.Context) *catalog {
	c := &catalog{t: t, env: env, ctx: ctx, token: env.Token(t, "alice", "admin"), id: firstProductID(t, env)}
	c.probe = openSSE(t, env, probeQuery)
	c.live(c.probe)
	return c
}

// adjust commits one event.
func (c *catalog) adjust() {
	c.t.Helper()
	r := postAs(c.t, c.env.RouterURL, c.token, `mutation($id: ID!) { adjustStock(id: $id, delta: 1, reason: "e2e") { __typename } }`,
		map[string]any{"id": c.id})
	if len(r.Errors) > 0 {
		c.t.Fatalf("adjustStock: %+v", r.Errors)
	}
}

// live commits events until s (a subscription "from now on") has received
// one: its upstream subscription is then live.
func (c *catalog) live(s *eventStream) {
	c.t.Helper()
	for {
		c.adjust()
		wait, cancel := context.WithTimeout(c.ctx, 250*time.Millisecond)
		_, err := s.wait(wait, "a first event", func(cs []string) bool { return len(cs) > 0 })
		cancel()
		if err == nil {
			return
		}
		if c.ctx.Err() != nil || !errors.Is(err, context.DeadlineExceeded) {
			c.t.Fatalf("subscription never went live: %v", err)
		}
	}
}

// eventWait bounds one wait for an event that must come: a subscriber
// that lost it fails its check instead of holding the test.
const eventWait = 10 * time.Second

// bounded is a context for one such wait, ended with the test's.
func (c *catalog) bounded() context.Context {
	ctx, cancel := context.WithTimeout(c.ctx, eventWait)
	c.t.Cleanup(cancel)
	return ctx
}

// head is the cursor of the newest event.
func (c *catalog) head() string {
	cs, _ := c.probe.received()
	return cs[len(cs)-1]
}

// commit makes n events and returns their cursors, in order; it checks
// they are consecutive positions of the log (no event of anyone else).
func (c *catalog) commit(n int) []string {
	c.t.Helper()
	before, _ := c.probe.received()
	for range n {
		c.adjust()
	}
	cs, err := c.probe.wait(c.ctx, "the probe seeing the new events", func(cs []string) bool { return len(cs) >= len(before)+n })
	if err != nil {
		c.t.Fatal(err)
	}
	for i := len(before); i < len(cs); i++ {
		if seq(c.t, cs[i]) != seq(c.t, cs[i-1])+1 {
			c.t.Fatalf("the log is not the test's alone: cursor %s after %s", cs[i], cs[i-1])
		}
	}
	return cs[len(before) : len(before)+n]
}

// members waits until the router's subscription groups hold want clients
// in all (the probe included) and returns the groups' sizes.
func (c *catalog) members(want int) []int {
	c.t.Helper()
	wait, cancel := context.WithTimeout(c.ctx, 20*time.Second)
	defer cancel()
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		groups := c.env.Gateway().SubscriptionGroups()
		n := 0
		for _, g := range groups {
			n += g
		}
		if n == want {
			return groups
		}
		select {
		case <-tick.C:
		case <-wait.Done():
			c.t.Fatalf("the router's subscription groups hold %v clients, want %d in all", groups, want)
		}
	}
}

// seq is the log position of a PostgreSQL bus cursor ("pg:<n>").
func seq(t *testing.T, cursor string) int {
	n, err := strconv.Atoi(strings.TrimPrefix(cursor, "pg:"))
	if err != nil || !strings.HasPrefix(cursor, "pg:") {
		t.Fatalf("cursor %q is not pg:<n>", cursor)
	}
	return n
}
