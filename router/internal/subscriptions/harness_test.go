package subscriptions_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/nexus-commerce/nexus/router/internal/config"
	"github.com/nexus-commerce/nexus/router/internal/gateway"
	"github.com/nexus-commerce/nexus/router/internal/server"
	"github.com/nexus-commerce/nexus/router/internal/subscriptions"
	"github.com/nexus-commerce/nexus/router/internal/subscriptions/testsubgraph"
	"github.com/nexus-commerce/nexus/router/internal/testenv/reviews"
	"github.com/nexus-commerce/nexus/schema/compose"
	"github.com/nexus-commerce/nexus/schema/supergraph"
)

// env is a running federation: the subscription test subgraph ("events"),
// the reviews subgraph extending its Product, and the real router (gateway,
// HTTP server and subscription handler) on httptest servers.
type env struct {
	events *testsubgraph.Resolver
	srv    *server.Server
	h      *subscriptions.Handler
	// url is the router's GraphQL endpoint (http://…/graphql).
	url string
	// newGateway builds another gateway for the same supergraph (a reload).
	newGateway func() *gateway.Gateway
	// srvOpts are the server's options, for tests that Reconfigure it.
	srvOpts server.Options
}

// authError is what the test Exec hook returns for a bad token.
type authError struct{}

func (authError) Error() string     { return "invalid token" }
func (authError) ErrorCode() string { return "UNAUTHENTICATED" }

// briefTokenLife is how long "Bearer brief" stays valid.
const briefTokenLife = 700 * time.Millisecond

// testExec accepts "Bearer good" (subject "alice"), "Bearer brief" (subject
// "bob", expiring after briefTokenLife) and anonymous callers,
// and refuses any other token, like the router's JWT hook.
func testExec(r *http.Request, o *gateway.ExecOptions) error {
	switch r.Header.Get("Authorization") {
	case "":
		return nil
	case "Bearer good":
		o.Principal = &gateway.Principal{Subject: "alice"}
		return nil
	case "Bearer panic":
		// A hook that panics: the router must answer, not die.
		panic("test: the Exec hook panicked")
	case "Bearer brief":
		// A valid token that expires shortly after it is presented.
		o.Principal = &gateway.Principal{Subject: "bob", Expires: time.Now().Add(briefTokenLife)}
		return nil
	}
	return authError{}
}

// start boots the federation. sub says how the router subscribes to the
// events subgraph; opts are the handler's (Gateway and Exec are filled in,
// ResolveQuery too unless the test sets its own).
func start(t testing.TB, sub gateway.SubgraphSubscription, opts subscriptions.Options) *env {
	t.Helper()
	ev := &testsubgraph.Resolver{}
	evSrv := httptest.NewServer(ev.Handler())
	t.Cleanup(evSrv.Close)
	rev := &reviews.Resolver{}
	revSrv := httptest.NewServer(rev.Handler())
	t.Cleanup(revSrv.Close)

	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Dir(file)
	evSDL, err := os.ReadFile(filepath.Join(dir, "testsubgraph", "schema.graphqls"))
	if err != nil {
		t.Fatal(err)
	}
	revSDL, err := os.ReadFile(filepath.Join(dir, "..", "testenv", "reviews", "schema.graphqls"))
	if err != nil {
		t.Fatal(err)
	}
	sdl, err := compose.Compose([]compose.Subgraph{
		{Name: "events", URL: evSrv.URL + "/graphql", SDL: string(evSDL)},
		{Name: "reviews", URL: revSrv.URL, SDL: string(revSDL)},
	})
	if err != nil {
		t.Fatalf("compose: %v", err)
	}
	sg, err := supergraph.Parse(sdl)
	if err != nil {
		t.Fatalf("parse supergraph: %v", err)
	}
	newGateway := func() *gateway.Gateway {
		gw, err := gateway.New(gateway.Options{Supergraph: sg, Subscriptions: map[string]gateway.SubgraphSubscription{"events": sub}})
		if err != nil {
			t.Fatalf("gateway: %v", err)
		}
		t.Cleanup(gw.Close)
		return gw
	}

	cfg := &config.Config{}
	cfg.Defaults()
	e := &env{events: ev, newGateway: newGateway}
	opts.Gateway = func() *gateway.Gateway { return e.srv.Gateway() }
	opts.Exec = testExec
	resolve := opts.ResolveQuery // a test's wrapper, given the real one as next
	opts.ResolveQuery = func(q string, ext json.RawMessage) (string, error) {
		if resolve != nil {
			return resolve(q, ext)
		}
		return e.srv.ResolveQuery(q, ext)
	}
	e.h = subscriptions.New(opts)
	t.Cleanup(e.h.Shutdown)
	e.srvOpts = server.Options{Path: cfg.GraphQLPath, Limits: cfg.Limits, Exec: testExec,
		Subscriptions: e.h, IsSubscription: subscriptions.Wants}
	e.srv = server.New(e.srvOpts)
	e.srv.Swap(newGateway())
	rs := httptest.NewServer(e.srv.Handler())
	t.Cleanup(rs.Close)
	e.url = rs.URL + cfg.GraphQLPath
	return e
}

// ctx is a test's deadline: a stuck test fails instead of hanging.
func ctx(t testing.TB) context.Context {
	t.Helper()
	c, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return c
}

// waitGroups waits until the current gateway's subscription groups are
// exactly want (clients per group, ascending).
func (e *env) waitGroups(t testing.TB, want ...int) {
	t.Helper()
	c := ctx(t)
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		got := e.srv.Gateway().SubscriptionGroups()
		if slices.Equal(got, want) {
			return
		}
		select {
		case <-tick.C:
		case <-c.Done():
			t.Fatalf("subscription groups %v, want %v", got, want)
		}
	}
}

// msg is a WebSocket protocol message as the tests read it.
type msg struct {
	ID      string          `json:"id"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload"`
}

// wsClient is a raw protocol client, so tests see every message.
type wsClient struct {
	t *testing.T
	c *websocket.Conn
}

// dial connects with a subprotocol without initialising.
func (e *env) dial(t *testing.T, proto string) *wsClient {
	t.Helper()
	c, _, err := websocket.Dial(ctx(t), strings.Replace(e.url, "http", "ws", 1), &websocket.DialOptions{Subprotocols: []string{proto}})
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	c.SetReadLimit(-1)
	t.Cleanup(func() { _ = c.CloseNow() })
	return &wsClient{t: t, c: c}
}

// connect dials and completes connection_init with payload.
func (e *env) connect(t *testing.T, proto string, payload any) *wsClient {
	t.Helper()
	w := e.dial(t, proto)
	w.send(map[string]any{"type": "connection_init", "payload": payload})
	if m := w.read(); m.Type != "connection_ack" {
		t.Fatalf("got %s %s, want connection_ack", m.Type, m.Payload)
	}
	return w
}

func (w *wsClient) send(v any) {
	w.t.Helper()
	b, _ := json.Marshal(v)
	if err := w.c.Write(ctx(w.t), websocket.MessageText, b); err != nil {
		w.t.Fatalf("write: %v", err)
	}
}

// read returns the next message other than keep-alives.
func (w *wsClient) read() msg {
	w.t.Helper()
	for {
		m, err := w.readErr()
		if err != nil {
			w.t.Fatalf("read: %v", err)
		}
		if m.Type != "ka" && m.Type != "ping" {
			return m
		}
	}
}

func (w *wsClient) readErr() (msg, error) {
	_, b, err := w.c.Read(ctx(w.t))
	if err != nil {
		return msg{}, err
	}
	var m msg
	if err := json.Unmarshal(b, &m); err != nil {
		w.t.Fatalf("message is not JSON: %s", b)
	}
	return m, nil
}

// closeCode reads until the connection closes and returns its close code.
func (w *wsClient) closeCode() websocket.StatusCode {
	w.t.Helper()
	for {
		if _, err := w.readErr(); err != nil {
			return websocket.CloseStatus(err)
		}
	}
}

// closeStatus is the close code of a failed read (-1 if none).
func closeStatus(err error) websocket.StatusCode { return websocket.CloseStatus(err) }

// subscribe starts an operation; legacy uses graphql-ws's start.
func (w *wsClient) subscribe(id, query string, vars map[string]any) {
	typ := "subscribe"
	if w.c.Subprotocol() == "graphql-ws" {
		typ = "start"
	}
	w.send(map[string]any{"id": id, "type": typ, "payload": map[string]any{"query": query, "variables": vars}})
}

// eventsQuery selects a field of each subgraph: name from events,
// reviewSummary through an entity call to reviews.
const eventsQuery = `subscription($topic: String!) { productEvents(topic: $topic) { seq kind product { id name reviewSummary { headline } } } }`

// event is one productEvents result.
type event struct {
	Data struct {
		ProductEvents struct {
			Seq     int    `json:"seq"`
			Kind    string `json:"kind"`
			Product struct {
				ID            string `json:"id"`
				Name          string `json:"name"`
				ReviewSummary struct {
					Headline string `json:"headline"`
				} `json:"reviewSummary"`
			} `json:"product"`
		} `json:"productEvents"`
	} `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

// checkEvent asserts a result is event seq about product id, with the
// entity field from the reviews subgraph resolved.
func checkEvent(t *testing.T, payload []byte, seq int, id string) {
	t.Helper()
	var ev event
	if err := json.Unmarshal(payload, &ev); err != nil {
		t.Fatalf("payload is not JSON: %s", payload)
	}
	p := ev.Data.ProductEvents
	if len(ev.Errors) > 0 || p.Seq != seq || p.Product.ID != id || p.Product.Name != testsubgraph.Name(id) ||
		p.Product.ReviewSummary.Headline != reviews.Headline(id) {
		t.Fatalf("got %s, want event %d about %s with its name and review headline", payload, seq, id)
	}
}

// sseStream is an open GraphQL-over-SSE response.
type sseStream struct {
	t    *testing.T
	resp *http.Response
	r    *bufio.Reader
}

// sse starts a POST GraphQL-over-SSE request.
func (e *env) sse(t *testing.T, query string, vars map[string]any, header http.Header) *sseStream {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequestWithContext(ctx(t), http.MethodPost, e.url, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "text/event-stream")
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("SSE request: %v", err)
	}
	t.Cleanup(func() { _ = resp.Body.Close() })
	return &sseStream{t: t, resp: resp, r: newReader(resp)}
}

func newReader(resp *http.Response) *bufio.Reader { return bufio.NewReader(resp.Body) }

// next returns the next event's name and data, or a comment as (":", "").
func (s *sseStream) next() (string, string) {
	s.t.Helper()
	var event, data string
	for {
		line, err := s.r.ReadString('\n')
		if err != nil {
			s.t.Fatalf("SSE read: %v (event so far %q %q)", err, event, data)
		}
		line = strings.TrimRight(line, "\n")
		switch {
		case line == "":
			if event != "" {
				return event, data
			}
		case strings.HasPrefix(line, ":"):
			return ":", ""
		case strings.HasPrefix(line, "event: "):
			event = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			data = strings.TrimPrefix(line, "data: ")
		}
	}
}

// event skips keep-alive comments.
func (s *sseStream) event() (string, string) {
	s.t.Helper()
	for {
		if ev, data := s.next(); ev != ":" {
			return ev, data
		}
	}
}

// eventually polls cond until it holds, failing the test after 20s.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.After(20 * time.Second)
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		select {
		case <-deadline:
			t.Fatalf("%s: still not so after 20s", what)
		case <-tick.C:
		}
	}
}
