package subscriptions_test

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
	"testing"

	"github.com/nexus-commerce/nexus/router/internal/gateway"
	"github.com/nexus-commerce/nexus/router/internal/persisted"
	"github.com/nexus-commerce/nexus/router/internal/subscriptions"
)

const trustedSub = `subscription { productEvents(topic: "s") { seq kind product { id name reviewSummary { headline } } } }`

func sha(s string) string { h := sha256.Sum256([]byte(s)); return hex.EncodeToString(h[:]) }

func pq(id string) map[string]any {
	return map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": id}}
}

// In safelist mode a subscription runs only from the trusted documents,
// over WebSocket and SSE alike: an operation sent by id runs, anything
// else is refused with OPERATION_NOT_IN_SAFELIST and never reaches the
// subgraph.
func TestSafelistHoldsForSubscriptions(t *testing.T) {
	e := start(t, gateway.SubgraphSubscription{}, subscriptions.Options{})
	id := sha(trustedSub)
	o := e.srvOpts
	o.Persisted = persisted.New(persisted.Options{Manifest: map[string]string{id: trustedSub}, Safelist: true})
	e.srv.Reconfigure(o)

	w := e.connect(t, "graphql-transport-ws", nil)
	// Not in the safelist: an error for that operation, the connection stays.
	w.send(map[string]any{"id": "x", "type": "subscribe", "payload": map[string]any{"query": `subscription { productEvents(topic: "s") { seq } }`}})
	if m := w.read(); m.Type != "error" || m.ID != "x" || !strings.Contains(string(m.Payload), persisted.CodeNotAllowed) {
		t.Fatalf("untrusted over WebSocket: got %s %s %s, want an OPERATION_NOT_IN_SAFELIST error", m.ID, m.Type, m.Payload)
	}
	// By id: runs.
	w.send(map[string]any{"id": "a", "type": "subscribe", "payload": map[string]any{"extensions": pq(id)}})
	if err := e.events.WaitSubscribers(ctx(t), "s", 1); err != nil {
		t.Fatal(err)
	}
	seq := e.events.Publish("s", "product.updated", "p1", "")
	if m := w.read(); m.Type != "next" || m.ID != "a" {
		t.Fatalf("trusted by id: got %s %s", m.Type, m.Payload)
	} else {
		checkEvent(t, m.Payload, seq, "p1")
	}
	// An unknown id is refused too.
	w.send(map[string]any{"id": "b", "type": "subscribe", "payload": map[string]any{"extensions": pq(sha("nope"))}})
	if m := w.read(); m.Type != "error" || m.ID != "b" || !strings.Contains(string(m.Payload), persisted.CodeNotAllowed) {
		t.Fatalf("unknown id: got %s %s %s", m.ID, m.Type, m.Payload)
	}

	// SSE: refused before the stream starts, with 403.
	s := e.sse(t, `subscription { productEvents(topic: "s") { seq } }`, nil, nil)
	if s.resp.StatusCode != http.StatusForbidden {
		t.Fatalf("untrusted over SSE: status %d, want 403", s.resp.StatusCode)
	}
	if n := e.events.Subscribers("s"); n != 1 {
		t.Fatalf("the subgraph has %d subscribers, want only the trusted one", n)
	}
}

// Without persisted operations configured, a subscription sent only by id
// is refused with PERSISTED_QUERY_NOT_SUPPORTED (the client sends the
// query instead).
func TestPersistedIDWithoutStore(t *testing.T) {
	e := start(t, gateway.SubgraphSubscription{}, subscriptions.Options{})
	w := e.connect(t, "graphql-transport-ws", nil)
	w.send(map[string]any{"id": "a", "type": "subscribe", "payload": map[string]any{"extensions": pq(sha(trustedSub))}})
	if m := w.read(); m.Type != "error" || !strings.Contains(string(m.Payload), persisted.CodeNotSupported) {
		t.Fatalf("got %s %s, want PERSISTED_QUERY_NOT_SUPPORTED", m.Type, m.Payload)
	}
}
