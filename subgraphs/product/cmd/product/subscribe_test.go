package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"
	"github.com/jmoiron/sqlx"

	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
	"github.com/nexus-commerce/nexus/subgraphs/kit/pgtest"
)

const testSecret = "0123456789abcdef0123456789abcdef"

// served is one running `product serve` (the binary's own code path) on an
// ephemeral port, with the PostgreSQL bus and the relay it starts.
type served struct {
	base string
	db   *sqlx.DB
	// stop cancels serve and fails the test unless it exits cleanly; it is
	// also run at cleanup, and only the first call does anything.
	stop func()
}

func startServe(t *testing.T) *served { return startServeOn(t, "postgres") }

// startServeOn starts serve on the given bus; for nats it first starts a
// nats-server of its own.
func startServeOn(t *testing.T, bus string) *served {
	t.Helper()
	// These tests call the subgraph directly, on purpose: development mode.
	// production_test.go covers the production gate.
	return startServeMode(t, bus, ModeDevelopment)
}

// startServeMode is startServeOn in the given NEXUS_MODE.
func startServeMode(t *testing.T, bus, mode string) *served {
	t.Helper()
	dsn := pgtest.URL(t)
	t.Setenv("DATABASE_URL", dsn)
	t.Setenv("HTTP_ADDR", "127.0.0.1:0")
	t.Setenv("LOG_LEVEL", "warn")
	t.Setenv("NEXUS_BUS", bus)
	if bus == "nats" {
		t.Setenv("NATS_URL", startNATS(t))
	}
	t.Setenv(kitauth.SecretEnv, testSecret)
	t.Setenv("NEXUS_MODE", mode)
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan net.Addr, 1)
	done := make(chan int, 1)
	var logs bytes.Buffer
	go func() {
		done <- run(ctx, nil, io.Discard, &logs, hooks{listening: func(a net.Addr) { addrc <- a }})
	}()
	var base string
	select {
	case a := <-addrc:
		base = "http://" + a.String()
	case code := <-done:
		t.Fatalf("serve exited with %d before listening:\n%s", code, logs.String())
	}
	var once sync.Once
	stop := func() {
		once.Do(func() {
			cancel()
			if code := <-done; code != exitOK {
				t.Errorf("serve exited with %d, want a clean shutdown\n%s", code, logs.String())
			}
		})
	}
	t.Cleanup(stop)
	db, err := sqlx.Connect("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return &served{base: base, db: db, stop: stop}
}

type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

// mutate posts an operation with admin claims signed as the router would.
func (s *served) mutate(t *testing.T, query string, vars map[string]any, dst any) gqlResponse {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, s.base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	claims, err := kitauth.Sign(&kitauth.Claims{Subject: "admin-1", Scopes: []string{"admin"}}, []byte(testSecret), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set(kitauth.HeaderName, claims)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out gqlResponse
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	if dst != nil {
		if len(out.Errors) > 0 {
			t.Fatalf("errors: %+v", out.Errors)
		}
		if err := json.Unmarshal(out.Data, dst); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// catalogEvent is what the tests select of Subscription.catalogEvents.
type catalogEvent struct {
	Cursor      string `json:"cursor"`
	Type        string `json:"type"`
	AggregateID string `json:"aggregateId"`
	Payload     string `json:"payload"`
	Product     *struct {
		ID       string `json:"id"`
		Name     string `json:"name"`
		Version  int    `json:"version"`
		Category struct {
			Slug string `json:"slug"`
		} `json:"category"`
	} `json:"product"`
}

const catalogEventsQuery = `subscription($after: String) { catalogEvents(after: $after) {
	cursor type aggregateId payload product { id name version category { slug } } } }`

// wsClient speaks graphql-transport-ws, as the router does. A goroutine
// reads the connection into msgs (a read that times out would close a
// coder/websocket connection, so waiting is done on the channel).
type wsClient struct {
	t       *testing.T
	conn    *websocket.Conn
	pending map[string][]wsMessage // read while waiting for another subscription
	msgs    chan wsMessage         // closed when reading fails, with readErr set
	readErr error
}

type wsMessage struct {
	ID      string          `json:"id,omitempty"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

func dialWS(t *testing.T, base string) *wsClient {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, _, err := websocket.Dial(ctx, strings.Replace(base, "http", "ws", 1)+"/graphql",
		&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.CloseNow() })
	c := &wsClient{t: t, conn: conn, pending: map[string][]wsMessage{}, msgs: make(chan wsMessage, 64)}
	go func() {
		defer close(c.msgs)
		for {
			var m wsMessage
			if err := wsjson.Read(context.Background(), conn, &m); err != nil {
				c.readErr = err
				return
			}
			if m.Type != "ping" && m.Type != "pong" {
				c.msgs <- m
			}
		}
	}()
	c.send(wsMessage{Type: "connection_init", Payload: json.RawMessage(`{}`)})
	if m := c.read(); m.Type != "connection_ack" {
		t.Fatalf("after connection_init: %+v", m)
	}
	return c
}

func (c *wsClient) send(m wsMessage) {
	c.t.Helper()
	if err := wsjson.Write(context.Background(), c.conn, m); err != nil {
		c.t.Fatal(err)
	}
}

// read returns the next message other than a keep-alive ping. The
// deadline only bounds a broken test; no assertion depends on timing.
func (c *wsClient) read() wsMessage {
	c.t.Helper()
	m, ok := c.readWithin(30 * time.Second)
	if !ok {
		c.t.Fatal("read: no message within 30s")
	}
	return m
}

// readWithin returns the next message, or false when none came within d.
func (c *wsClient) readWithin(d time.Duration) (wsMessage, bool) {
	c.t.Helper()
	select {
	case m, open := <-c.msgs:
		if !open {
			c.t.Fatalf("read: %v", c.readErr)
		}
		return m, true
	case <-time.After(d):
		return wsMessage{}, false
	}
}

// ofWithin is of with a bound: false when subscription id got nothing
// within d (messages of others are kept for later).
func (c *wsClient) ofWithin(id string, d time.Duration) (wsMessage, bool) {
	c.t.Helper()
	if q := c.pending[id]; len(q) > 0 {
		c.pending[id] = q[1:]
		return q[0], true
	}
	deadline := time.Now().Add(d)
	for {
		m, ok := c.readWithin(time.Until(deadline))
		if !ok {
			return m, false
		}
		if m.ID == id {
			return m, true
		}
		c.pending[m.ID] = append(c.pending[m.ID], m)
	}
}

func (c *wsClient) subscribe(id, query string, vars map[string]any) {
	payload, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	c.send(wsMessage{ID: id, Type: "subscribe", Payload: payload})
}

// of returns the next message of subscription id. Messages of different
// subscriptions interleave in any order, so others are kept for later.
func (c *wsClient) of(id string) wsMessage {
	c.t.Helper()
	if q := c.pending[id]; len(q) > 0 {
		c.pending[id] = q[1:]
		return q[0]
	}
	for {
		m := c.read()
		if m.ID == id {
			return m
		}
		c.pending[m.ID] = append(c.pending[m.ID], m)
	}
}

// next reads the next message of subscription id, which must be data.
func (c *wsClient) next(id string, dst any) {
	c.t.Helper()
	m := c.of(id)
	if m.Type != "next" {
		c.t.Fatalf("want next for %s, got %s %s %s", id, m.Type, m.ID, m.Payload)
	}
	var r gqlResponse
	if err := json.Unmarshal(m.Payload, &r); err != nil || len(r.Errors) > 0 {
		c.t.Fatalf("payload %s (%v)", m.Payload, err)
	}
	if err := json.Unmarshal(r.Data, dst); err != nil {
		c.t.Fatal(err)
	}
}

// sseStream is one GraphQL-over-SSE subscription (gqlgen's transport).
type sseStream struct {
	t    *testing.T
	body io.ReadCloser
	sc   *bufio.Scanner
}

func openSSE(t *testing.T, base, query string, vars map[string]any) *sseStream {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "text/event-stream")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		t.Fatalf("SSE: status %d, type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	return &sseStream{t: t, body: resp.Body, sc: bufio.NewScanner(resp.Body)}
}

// next returns the data of the next "next" event.
func (s *sseStream) next(dst any) {
	s.t.Helper()
	event := ""
	for s.sc.Scan() {
		line := s.sc.Text()
		switch {
		case strings.HasPrefix(line, "event: "):
			event = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: ") && event == "next":
			var r gqlResponse
			if err := json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &r); err != nil || len(r.Errors) > 0 {
				s.t.Fatalf("SSE data %s (%v)", line, err)
			}
			if err := json.Unmarshal(r.Data, dst); err != nil {
				s.t.Fatal(err)
			}
			return
		case event == "complete":
			s.t.Fatal("SSE stream completed early")
		}
	}
	s.t.Fatalf("SSE stream ended: %v", s.sc.Err())
}

// TestSubscriptionsOverWebSocketAndSSE runs the serve command (relay and
// PostgreSQL bus included) and checks that a mutation's committed event
// reaches a WebSocket and an SSE subscriber, with the product resolved as
// an entity; that catalogEvents resumes exactly after a cursor; and that
// expired and malformed cursors are refused with their codes.
func TestSubscriptionsOverWebSocketAndSSE(t *testing.T) {
	for _, bus := range []string{"postgres", "nats"} {
		t.Run(bus, func(t *testing.T) { testSubscriptions(t, bus) })
	}
}

func testSubscriptions(t *testing.T, bus string) {
	s := startServeOn(t, bus)
	var cat struct {
		CreateCategory struct{ ID string } `json:"createCategory"`
	}
	s.mutate(t, `mutation { createCategory(input: {name: "Shoes", slug: "shoes"}) { id } }`, nil, &cat)

	// A WebSocket connection with two subscriptions: productChanged (live
	// only), then catalogEvents from the oldest event. gqlgen starts each
	// subscription on a goroutine of its own, so nothing says when
	// productChanged starts listening: probe products are created until
	// it reports one. Their events are skipped from then on.
	ws := dialWS(t, s.base)
	ws.subscribe("changes", `subscription { productChanged { type cursor productId product { name stock } } }`, nil)
	probes := map[string]bool{}
	for i := 0; ; i++ {
		if i == 20 {
			t.Fatal("productChanged reported none of 20 probe products")
		}
		var p struct {
			CreateProduct struct{ ID string } `json:"createProduct"`
		}
		s.mutate(t, `mutation($c: ID!, $n: String!) { createProduct(input: {name: $n, slug: $n, price: 100,
			categoryId: $c, sku: $n, stock: 1}) { id } }`, map[string]any{"c": cat.CreateCategory.ID, "n": fmt.Sprintf("probe-%d", i)}, &p)
		probes[p.CreateProduct.ID] = true
		if m, ok := ws.ofWithin("changes", 2*time.Second); ok {
			var r struct {
				Data struct{ ProductChanged struct{ ProductID string } }
			}
			if json.Unmarshal(m.Payload, &r) != nil || !probes[r.Data.ProductChanged.ProductID] {
				t.Fatalf("productChanged before the scenario: %s %s", m.Type, m.Payload)
			}
			break
		}
	}
	ws.subscribe("all", catalogEventsQuery, map[string]any{"after": "oldest"})
	var first struct{ CatalogEvents catalogEvent }
	ws.next("all", &first)
	prefix := map[string]string{"postgres": "pg:", "nats": "js:"}[bus] // the bus serve chose
	if e := first.CatalogEvents; e.Type != "category.created" || e.AggregateID != cat.CreateCategory.ID || e.Product != nil || !strings.HasPrefix(e.Cursor, prefix) {
		t.Fatalf("first event %+v", e)
	}
	sse := openSSE(t, s.base, catalogEventsQuery, map[string]any{"after": "oldest"})
	var sseFirst struct{ CatalogEvents catalogEvent }
	sse.next(&sseFirst)
	if sseFirst.CatalogEvents != first.CatalogEvents {
		t.Fatalf("SSE first event %+v, WebSocket %+v", sseFirst.CatalogEvents, first.CatalogEvents)
	}

	var created struct {
		CreateProduct struct{ ID string } `json:"createProduct"`
	}
	s.mutate(t, `mutation($c: ID!) { createProduct(input: {name: "Trail Shoe", slug: "trail-shoe", price: 5999,
		categoryId: $c, sku: "NX-1", stock: 3}) { id } }`, map[string]any{"c": cat.CreateCategory.ID}, &created)
	id := created.CreateProduct.ID

	var change struct {
		ProductChanged struct {
			Type, Cursor, ProductID string
			Product                 struct {
				Name  string
				Stock int
			}
		}
	}
	nextChange := func() { // the next change that is not a probe's
		for {
			ws.next("changes", &change)
			if !probes[change.ProductChanged.ProductID] {
				return
			}
		}
	}
	nextChange()
	if c := change.ProductChanged; c.Type != "product.created" || c.ProductID != id || c.Product.Name != "Trail Shoe" || c.Product.Stock != 3 {
		t.Fatalf("productChanged %+v", c)
	}
	for name, recv := range map[string]func(any){"WebSocket": func(d any) { ws.next("all", d) }, "SSE": sse.next} {
		var e catalogEvent
		for e.AggregateID == "" || probes[e.AggregateID] {
			var ev struct{ CatalogEvents catalogEvent }
			recv(&ev)
			e = ev.CatalogEvents
		}
		if e.Type != "product.created" || e.AggregateID != id || e.Product == nil || e.Product.ID != id ||
			e.Product.Version != 1 || e.Product.Category.Slug != "shoes" || e.Cursor != change.ProductChanged.Cursor {
			t.Fatalf("%s: catalogEvents %+v", name, e)
		}
		var payload struct{ SKU string }
		if err := json.Unmarshal([]byte(e.Payload), &payload); err != nil || payload.SKU != "NX-1" {
			t.Fatalf("%s: payload %s", name, e.Payload)
		}
	}

	// A stock move and a delete; then a fresh subscriber resuming after the
	// first event gets exactly the three events that followed, in order.
	s.mutate(t, `mutation($id: ID!) { adjustStock(id: $id, delta: -2, reason: "sold at the fair") { delta } }`, map[string]any{"id": id}, &struct{}{})
	s.mutate(t, `mutation($id: ID!) { deleteProduct(id: $id) { id } }`, map[string]any{"id": id}, &struct{}{})
	resumed := dialWS(t, s.base)
	resumed.subscribe("r", catalogEventsQuery, map[string]any{"after": first.CatalogEvents.Cursor})
	var got []catalogEvent
	for len(got) < 3 {
		var ev struct{ CatalogEvents catalogEvent }
		resumed.next("r", &ev)
		if !probes[ev.CatalogEvents.AggregateID] {
			got = append(got, ev.CatalogEvents)
		}
	}
	if got[0].Type != "product.created" || got[1].Type != "product.stock-changed" || got[2].Type != "product.deleted" || got[2].Product != nil {
		t.Fatalf("resumed events %+v", got)
	}
	if !strings.Contains(got[1].Payload, `"delta":-2`) || !strings.Contains(got[1].Payload, `"reason":"sold at the fair"`) {
		t.Fatalf("stock-changed payload %s", got[1].Payload)
	}
	nextChange()
	if change.ProductChanged.Type != "product.stock-changed" || change.ProductChanged.Product.Stock != 1 {
		t.Fatalf("productChanged after adjustStock %+v", change.ProductChanged)
	}

	// Garbage is INVALID. On the PostgreSQL bus, retention then drops the
	// first two events: resuming after the first one would skip the
	// second, so it is refused. (The kit's tests expire NATS cursors.)
	cases := []struct{ after, code string }{{"garbage", "INVALID"}}
	if bus == "postgres" {
		if _, err := s.db.Exec(`DELETE FROM product.event_log WHERE seq <= 2`); err != nil {
			t.Fatal(err)
		}
		cases = append(cases, struct{ after, code string }{first.CatalogEvents.Cursor, "CURSOR_EXPIRED"})
	}
	for _, tc := range cases {
		c := dialWS(t, s.base)
		c.subscribe("x", catalogEventsQuery, map[string]any{"after": tc.after})
		// gqlgen reports a resolver's refusal as a "next" message carrying
		// the error (graphql-transport-ws allows both), then completes.
		m := c.read()
		var r gqlResponse
		if m.Type != "next" || json.Unmarshal(m.Payload, &r) != nil || len(r.Errors) != 1 || string(r.Data) != "null" ||
			r.Errors[0].Extensions["code"] != tc.code || r.Errors[0].Extensions["field"] != "after" {
			t.Fatalf("after %q: %s %s", tc.after, m.Type, m.Payload)
		}
		errs := r.Errors
		if m := c.read(); m.Type != "complete" || m.ID != "x" {
			t.Fatalf("after the error: %+v", m)
		}
		if tc.code == "CURSOR_EXPIRED" && !strings.Contains(errs[0].Message, "refetch") {
			t.Fatalf("expired cursor message %q does not tell the client to refetch", errs[0].Message)
		}
	}

	// Shutdown with a WebSocket and an SSE subscription still open: closing
	// the bus ends the streams, so the drain finishes and serve exits 0.
	s.stop()
}

// TestMutationsNeedAdminScope: without router-signed admin claims every
// mutation is FORBIDDEN and writes nothing, forged claims included.
func TestMutationsNeedAdminScope(t *testing.T) {
	s := startServe(t)
	forged, err := kitauth.Sign(&kitauth.Claims{Subject: "x", Scopes: []string{"admin"}}, []byte("another-secret-another-secret-!!"), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	notAdmin, err := kitauth.Sign(&kitauth.Claims{Subject: "x", Scopes: []string{"orders:read"}}, []byte(testSecret), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	for name, header := range map[string]string{"anonymous": "", "forged": forged, "no admin scope": notAdmin} {
		t.Run(name, func(t *testing.T) {
			body := `{"query":"mutation { createCategory(input: {name: \"X\", slug: \"x\"}) { id } }"}`
			req, _ := http.NewRequest(http.MethodPost, s.base+"/graphql", strings.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			if header != "" {
				req.Header.Set(kitauth.HeaderName, header)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var out gqlResponse
			if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
				t.Fatal(err)
			}
			// Without verified claims the caller is anonymous: UNAUTHENTICATED;
			// signed-in without the scope: FORBIDDEN (the router's codes).
			want := "UNAUTHENTICATED"
			if name == "no admin scope" {
				want = "FORBIDDEN"
			}
			if len(out.Errors) != 1 || out.Errors[0].Extensions["code"] != want {
				t.Fatalf("response %+v, want code %s", out, want)
			}
			var n int
			if err := s.db.Get(&n, `SELECT (SELECT count(*) FROM product.categories) + (SELECT count(*) FROM product.outbox) + (SELECT count(*) FROM product.event_log)`); err != nil || n != 0 {
				t.Fatalf("%d rows written (%v)", n, err)
			}
		})
	}
}
