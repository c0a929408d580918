package e2e

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/nexus-commerce/nexus/router/internal/testenv"
	"github.com/nexus-commerce/nexus/router/internal/testenv/reviews"
)

const productChanged = `subscription($ids: [ID!]) { productChanged(ids: $ids) {
  type productId product { id stock reviewSummary { headline } } } }`

// change is one productChanged payload as the clients read it.
type change struct {
	Type      string `json:"type"`
	ProductID string `json:"productId"`
	Product   *struct {
		ID            string `json:"id"`
		Stock         int    `json:"stock"`
		ReviewSummary *struct {
			Headline string `json:"headline"`
		} `json:"reviewSummary"`
	} `json:"product"`
}

// received collects one client's events and signals each arrival.
type received struct {
	mu      sync.Mutex
	changes []change
	errs    []string
	arrived chan struct{}
}

func newReceived() *received { return &received{arrived: make(chan struct{}, 1024)} }

func (r *received) add(payload json.RawMessage) {
	var msg struct {
		Data struct {
			ProductChanged change `json:"productChanged"`
		} `json:"data"`
		Errors []struct {
			Message string `json:"message"`
		} `json:"errors"`
	}
	r.mu.Lock()
	if err := json.Unmarshal(payload, &msg); err != nil {
		r.errs = append(r.errs, "undecodable payload: "+string(payload))
	} else if len(msg.Errors) > 0 {
		r.errs = append(r.errs, string(payload))
	} else {
		r.changes = append(r.changes, msg.Data.ProductChanged)
	}
	r.mu.Unlock()
	r.arrived <- struct{}{}
}

func (r *received) snapshot() ([]change, []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]change(nil), r.changes...), append([]string(nil), r.errs...)
}

// TestSubscriptionsThroughTheRouter: a WebSocket (graphql-transport-ws)
// client and an SSE client subscribe to productChanged through the router;
// an admin adjusts stock through the router; both receive the event with
// the product's reviewSummary — a field of the second (reviews) subgraph,
// resolved by an entity call on every event.
func TestSubscriptionsThroughTheRouter(t *testing.T) {
	testenv.Run(t, func(t *testing.T, env *testenv.Env) {
		id := firstProductID(t, env)
		vars := map[string]any{"ids": []string{id}}
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()

		ws := newReceived()
		conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(env.RouterURL, "http"),
			&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
		if err != nil {
			t.Fatalf("dial: %v", err)
		}
		defer conn.Close(websocket.StatusNormalClosure, "")
		if err := wsjson.Write(ctx, conn, map[string]any{"type": "connection_init", "payload": map[string]any{}}); err != nil {
			t.Fatal(err)
		}
		var ack struct{ Type string }
		if err := wsjson.Read(ctx, conn, &ack); err != nil || ack.Type != "connection_ack" {
			t.Fatalf("connection_ack: %+v, %v", ack, err)
		}
		if err := wsjson.Write(ctx, conn, map[string]any{"id": "1", "type": "subscribe",
			"payload": map[string]any{"query": productChanged, "variables": vars}}); err != nil {
			t.Fatal(err)
		}
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
					ws.add(m.Payload)
				case "ping":
					_ = wsjson.Write(ctx, conn, map[string]any{"type": "pong"})
				case "error", "complete":
					ws.add(json.RawMessage(`{"errors":[{"message":"` + m.Type + `: ` + strings.ReplaceAll(string(m.Payload), `"`, `'`) + `"}]}`))
				}
			}
		}()

		sse := newReceived()
		body, _ := json.Marshal(map[string]any{"query": productChanged, "variables": vars})
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, env.RouterURL, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "text/event-stream")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
			t.Fatalf("SSE: HTTP %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		go func() {
			sc := bufio.NewScanner(resp.Body)
			sc.Buffer(make([]byte, 64<<10), 1<<20)
			event := ""
			for sc.Scan() {
				line := sc.Text()
				switch {
				case strings.HasPrefix(line, "event:"):
					event = strings.TrimSpace(strings.TrimPrefix(line, "event:"))
				case strings.HasPrefix(line, "data:") && event == "next":
					sse.add(json.RawMessage(strings.TrimSpace(strings.TrimPrefix(line, "data:"))))
				}
			}
		}()

		// Subscriptions start "from now on", so adjust until both clients
		// have seen an event (their upstream subscriptions are live), then
		// make the change the test is about.
		token := env.Token(t, "alice", "admin")
		adjust := func(delta int) {
			t.Helper()
			r := postAs(t, env.RouterURL, token, `mutation($id: ID!, $d: Int!) { adjustStock(id: $id, delta: $d, reason: "e2e") { __typename } }`,
				map[string]any{"id": id, "d": delta})
			if len(r.Errors) > 0 {
				t.Fatalf("adjustStock: %+v", r.Errors)
			}
		}
		for live := false; !live; {
			adjust(1)
			select {
			case <-ctx.Done():
				t.Fatal("no event reached both clients within a minute")
			case <-time.After(200 * time.Millisecond):
			}
			w, _ := ws.snapshot()
			s, _ := sse.snapshot()
			live = len(w) > 0 && len(s) > 0
		}
		adjust(7)
		final := stockOf(t, env, id)

		for name, r := range map[string]*received{"WebSocket": ws, "SSE": sse} {
			for {
				changes, errs := r.snapshot()
				if len(errs) > 0 {
					t.Fatalf("%s: errors %v", name, errs)
				}
				if n := len(changes); n > 0 && changes[n-1].Product != nil && changes[n-1].Product.Stock == final {
					break
				}
				select {
				case <-r.arrived:
				case <-ctx.Done():
					t.Fatalf("%s: the event of the last adjustment (stock %d) never arrived; got %+v", name, final, changes)
				}
			}
			changes, _ := r.snapshot()
			for i, c := range changes {
				if c.Type != "product.stock-changed" || c.ProductID != id || c.Product == nil || c.Product.ID != id {
					t.Fatalf("%s: event %d = %+v", name, i, c)
				}
				if c.Product.ReviewSummary == nil || c.Product.ReviewSummary.Headline != reviews.Headline(id) {
					t.Fatalf("%s: event %d lacks the reviews subgraph's field: %+v", name, i, c.Product.ReviewSummary)
				}
				if i > 0 && c.Product.Stock <= changes[i-1].Product.Stock {
					t.Fatalf("%s: events out of order: stock %d after %d", name, c.Product.Stock, changes[i-1].Product.Stock)
				}
			}
		}
	})
}

func firstProductID(t *testing.T, env *testenv.Env) string {
	t.Helper()
	r := testenv.Post(t, env.RouterURL, `{ products(first: 1, sort: PRICE_DESC) { edges { node { id } } } }`, nil)
	var d struct {
		Products struct {
			Edges []struct {
				Node struct {
					ID string `json:"id"`
				} `json:"node"`
			} `json:"edges"`
		} `json:"products"`
	}
	if err := json.Unmarshal(r.Data, &d); err != nil || len(d.Products.Edges) != 1 {
		t.Fatalf("products: %s %v", r.Data, err)
	}
	return d.Products.Edges[0].Node.ID
}
