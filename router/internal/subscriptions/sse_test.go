package subscriptions_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/nexus-commerce/nexus/router/internal/gateway"
	"github.com/nexus-commerce/nexus/router/internal/subscriptions"
)

// Over SSE (POST and GET), events arrive in order with the entity field
// from the second subgraph, and the subgraph's complete ends the stream.
func TestSSEEventsInOrder(t *testing.T) {
	for up, sub := range upstreams {
		t.Run(up, func(t *testing.T) {
			e := start(t, sub, subscriptions.Options{})
			s := e.sse(t, eventsQuery, map[string]any{"topic": "t"}, nil)
			if ct := s.resp.Header.Get("Content-Type"); s.resp.StatusCode != http.StatusOK || !strings.HasPrefix(ct, "text/event-stream") {
				t.Fatalf("got %d %s, want 200 text/event-stream", s.resp.StatusCode, ct)
			}
			if err := e.events.WaitSubscribers(ctx(t), "t", 1); err != nil {
				t.Fatal(err)
			}
			for _, id := range []string{"p1", "p2"} {
				e.events.Publish("t", "product.updated", id, "")
			}
			for i, id := range []string{"p1", "p2"} {
				ev, data := s.event()
				if ev != "next" {
					t.Fatalf("got event %q %s, want next", ev, data)
				}
				checkEvent(t, []byte(data), i+1, id)
			}
			e.events.Close("t")
			if ev, data := s.event(); ev != "complete" {
				t.Fatalf("got event %q %s, want complete", ev, data)
			}
		})
	}
	t.Run("GET", func(t *testing.T) {
		e := start(t, gateway.SubgraphSubscription{}, subscriptions.Options{})
		q := url.Values{"query": {`subscription { ticks(count: 2) { n } }`}}
		req, _ := http.NewRequestWithContext(ctx(t), http.MethodGet, e.url+"?"+q.Encode(), nil)
		req.Header.Set("Accept", "text/event-stream")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		s := &sseStream{t: t, resp: resp}
		s.r = newReader(resp)
		for _, want := range []string{`{"data":{"ticks":{"n":1}}}`, `{"data":{"ticks":{"n":2}}}`} {
			if ev, data := s.event(); ev != "next" || data != want {
				t.Fatalf("got %q %s, want next %s", ev, data, want)
			}
		}
		if ev, _ := s.event(); ev != "complete" {
			t.Fatalf("got %q, want complete", ev)
		}
	})
}

// Refusals: a bad token is 401 before any stream; an invalid operation is
// an error result and complete; keep-alive comments flow while idle.
func TestSSERefusalsAndKeepAlive(t *testing.T) {
	e := start(t, gateway.SubgraphSubscription{}, subscriptions.Options{KeepAlive: 20 * time.Millisecond})
	s := e.sse(t, eventsQuery, map[string]any{"topic": "t"}, http.Header{"Authorization": {"Bearer bad"}})
	if s.resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("bad token: got %d, want 401", s.resp.StatusCode)
	}
	s = e.sse(t, `subscription { nope }`, nil, nil)
	if ev, data := s.event(); ev != "next" || !strings.Contains(data, "GRAPHQL_VALIDATION_FAILED") {
		t.Fatalf("got %q %s, want a validation error", ev, data)
	}
	if ev, _ := s.event(); ev != "complete" {
		t.Fatalf("got %q, want complete", ev)
	}
	s = e.sse(t, eventsQuery, map[string]any{"topic": "idle"}, nil)
	for range 2 {
		if ev, data := s.next(); ev != ":" {
			t.Fatalf("got %q %s, want a keep-alive comment", ev, data)
		}
	}
}

// An SSE stream ends with an UNAUTHENTICATED error and complete when the
// token that authenticated it expires.
func TestSSEEndsWhenTheTokenExpires(t *testing.T) {
	e := start(t, gateway.SubgraphSubscription{}, subscriptions.Options{})
	const q = `subscription { privateEvents(topic: "y") { seq product { id } } }`
	began := time.Now()
	s := e.sse(t, q, nil, http.Header{"Authorization": {"Bearer brief"}})
	if s.resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d, want 200", s.resp.StatusCode)
	}
	if err := e.events.WaitSubscribers(ctx(t), "y", 1); err != nil {
		t.Fatal(err)
	}
	e.events.Publish("y", "product.updated", "p1", "")
	if ev, data := s.event(); ev != "next" || !strings.Contains(data, `"id":"p1"`) {
		t.Fatalf("before expiry: got %q %s, want the event", ev, data)
	}
	ev, data := s.event()
	if ev != "next" || !strings.Contains(data, `"code":"UNAUTHENTICATED"`) || !strings.Contains(data, "token expired") {
		t.Fatalf("at expiry: got %q %s, want an UNAUTHENTICATED error", ev, data)
	}
	if took := time.Since(began); took < briefTokenLife {
		t.Fatalf("ended after %v, before the token's %v were up", took, briefTokenLife)
	}
	if ev, data := s.event(); ev != "complete" {
		t.Fatalf("got %q %s, want complete", ev, data)
	}
	if err := e.events.WaitSubscribers(ctx(t), "y", 0); err != nil {
		t.Fatal(err)
	}
}
