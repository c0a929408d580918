package subscriptions_test

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/nexus-commerce/nexus/router/internal/gateway"
	"github.com/nexus-commerce/nexus/router/internal/subscriptions"
)

// getSSE sends a GraphQL-over-SSE GET.
func (e *env) getSSE(t *testing.T, query string) *sseStream {
	t.Helper()
	q := url.Values{"query": {query}}
	req, _ := http.NewRequestWithContext(ctx(t), http.MethodGet, e.url+"?"+q.Encode(), nil)
	req.Header.Set("Accept", "text/event-stream")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = resp.Body.Close() })
	return &sseStream{t: t, resp: resp, r: newReader(resp)}
}

// A query sent over SSE with GET runs once and completes; its results may
// come before the handler sends the stream's header, which still comes
// first, once. (GET mutations are refused with 405 before anything runs:
// router/internal/e2e TestGetNeverRunsAMutation, which has a mutation.)
func TestSSEQueriesOverGETAndPOST(t *testing.T) {
	e := start(t, gateway.SubgraphSubscription{}, subscriptions.Options{})
	for name, s := range map[string]func() *sseStream{
		"GET":  func() *sseStream { return e.getSSE(t, `{ product(id: "p1") { id name } }`) },
		"POST": func() *sseStream { return e.sse(t, `{ product(id: "p1") { id name } }`, nil, nil) },
	} {
		t.Run(name, func(t *testing.T) {
			st := s()
			if st.resp.StatusCode != http.StatusOK || !strings.HasPrefix(st.resp.Header.Get("Content-Type"), "text/event-stream") {
				t.Fatalf("got %d %s", st.resp.StatusCode, st.resp.Header.Get("Content-Type"))
			}
			if ev, data := st.event(); ev != "next" || !strings.Contains(data, `"id":"p1"`) {
				t.Fatalf("got %q %s", ev, data)
			}
			if ev, _ := st.event(); ev != "complete" {
				t.Fatalf("got %q, want complete", ev)
			}
		})
	}
	t.Run("GET refusal before the stream", func(t *testing.T) {
		st := e.getSSE(t, `mutation { nope }`)
		// No mutation type in this schema: a validation error, as for any
		// other invalid operation.
		if ev, data := st.event(); ev != "next" || !strings.Contains(data, "GRAPHQL_VALIDATION_FAILED") {
			body, _ := io.ReadAll(st.resp.Body)
			t.Fatalf("got %d %q %s %s", st.resp.StatusCode, ev, data, body)
		}
	})
}

// The body read deadline ends with the body: a POST SSE stream lives on
// well past limits.body_read_timeout and still delivers events.
func TestSSEStreamOutlivesBodyReadTimeout(t *testing.T) {
	e := start(t, gateway.SubgraphSubscription{}, subscriptions.Options{KeepAlive: 30 * time.Millisecond})
	o := e.srvOpts
	o.Limits.BodyReadTimeout = 20 * time.Millisecond
	e.srv.Reconfigure(o)
	s := e.sse(t, eventsQuery, map[string]any{"topic": "long"}, nil)
	if err := e.events.WaitSubscribers(ctx(t), "long", 1); err != nil {
		t.Fatal(err)
	}
	// Several keep-alives: many body timeouts have passed.
	for range 5 {
		if ev, data := s.next(); ev != ":" {
			t.Fatalf("got %q %s, want a keep-alive", ev, data)
		}
	}
	e.events.Publish("long", "product.updated", "p1", "")
	ev, data := s.event()
	if ev != "next" {
		t.Fatalf("got %q %s, want next", ev, data)
	}
	checkEvent(t, []byte(data), 1, "p1")
}
