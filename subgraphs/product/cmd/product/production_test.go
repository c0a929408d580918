package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
)

// post sends a GraphQL POST to the subgraph with an X-Nexus-Claims value
// ("" for none) and returns status and body.
func postSigned(t *testing.T, base, claims, body string, header ...string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, base+"/graphql", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if claims != "" {
		req.Header.Set(kitauth.HeaderName, claims)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(raw)
}

// TestProductionAcceptsOnlyTheRouter runs `product serve` in production
// mode (the default) and sends GraphQL straight to it, as someone who found
// the subgraph's port would: only the router's signatures get through;
// health, readiness and images stay open; and the subgraph's own limits
// refuse what the router would have (500 aliases of products(first: 100)).
func TestProductionAcceptsOnlyTheRouter(t *testing.T) {
	s := startServeMode(t, "postgres", ModeProduction)
	secret := []byte(testSecret)
	now := time.Now()
	anon, err := kitauth.SignAnonymous(secret, now)
	if err != nil {
		t.Fatal(err)
	}
	admin, err := kitauth.Sign(&kitauth.Claims{Subject: "admin-1", Scopes: []string{"admin"}}, secret, now)
	if err != nil {
		t.Fatal(err)
	}
	otherSecret := []byte("another-secret-another-secret-xx")
	fromOther, _ := kitauth.Sign(&kitauth.Claims{Subject: "admin-1", Scopes: []string{"admin"}}, otherSecret, now)
	expired, _ := kitauth.Sign(&kitauth.Claims{Subject: "admin-1", Scopes: []string{"admin"}}, secret, now.Add(-5*time.Minute))
	parts := strings.Split(admin, ".")
	payload := []byte(parts[1])
	payload[len(payload)-2] ^= 0x01 // another character of the payload
	tampered := parts[0] + "." + string(payload) + "." + parts[2]

	const read = `{"query":"{ products(first: 1) { totalCount } }"}`
	const mutation = `{"query":"mutation { adjustStock(id: \"00000000-0000-0000-0000-000000000000\", delta: 1, reason: \"recount\") { delta } }"}`
	tests := []struct {
		name, claims, body string
		status             int
		want               string
	}{
		{"unsigned query", "", read, 403, `"code":"FORBIDDEN"`},
		{"unsigned mutation", "", mutation, 403, `"code":"FORBIDDEN"`},
		{"tampered signature", tampered, read, 403, `"code":"FORBIDDEN"`},
		{"expired signature", expired, read, 403, `"code":"FORBIDDEN"`},
		{"signed with another secret", fromOther, read, 403, `"code":"FORBIDDEN"`},
		{"a client's token in the header", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", read, 403, `"code":"FORBIDDEN"`},
		{"the router's anonymous signature", anon, read, 200, `"totalCount"`},
		{"the router's admin claims reach the mutation", admin, mutation, 200, `"NOT_FOUND"`},
		{"anonymous mutation is refused by the resolver", anon, mutation, 200, `"UNAUTHENTICATED"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := postSigned(t, s.base, tt.claims, tt.body)
			if status != tt.status || !strings.Contains(body, tt.want) {
				t.Fatalf("%d %s, want %d with %s", status, body, tt.status, tt.want)
			}
			if status == http.StatusForbidden && strings.Contains(body, "totalCount") {
				t.Fatalf("refused request was executed: %s", body)
			}
		})
	}

	t.Run("unsigned subscriptions are refused before the upgrade", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_, resp, err := websocket.Dial(ctx, strings.Replace(s.base, "http", "ws", 1)+"/graphql",
			&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
		if err == nil || resp == nil || resp.StatusCode != http.StatusForbidden {
			t.Fatalf("WebSocket without a signature: %v (response %v)", err, resp)
		}
		status, body := postSigned(t, s.base, "", `{"query":"subscription { catalogEvents { cursor } }"}`, "Accept", "text/event-stream")
		if status != http.StatusForbidden || !strings.Contains(body, "FORBIDDEN") {
			t.Fatalf("SSE without a signature: %d %s", status, body)
		}
	})
	t.Run("signed subscription upgrade is accepted", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		conn, _, err := websocket.Dial(ctx, strings.Replace(s.base, "http", "ws", 1)+"/graphql",
			&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}, HTTPHeader: http.Header{kitauth.HeaderName: {anon}}})
		if err != nil {
			t.Fatalf("signed upgrade refused: %v", err)
		}
		conn.CloseNow()
	})
	t.Run("health, readiness and images stay open", func(t *testing.T) {
		for _, path := range []string{"/healthz", "/readyz", "/images/categories/audio.svg"} {
			if resp := get(t, s.base+path); resp.StatusCode != http.StatusOK {
				t.Errorf("GET %s: %d", path, resp.StatusCode)
			}
		}
	})
	t.Run("the subgraph's own limits", func(t *testing.T) {
		var q strings.Builder
		q.WriteString("{")
		for i := range 500 {
			fmt.Fprintf(&q, " a%d: products(first: 100) { totalCount }", i)
		}
		q.WriteString(" }")
		body, _ := json.Marshal(map[string]string{"query": q.String()})
		status, raw := postSigned(t, s.base, anon, string(body))
		if !strings.Contains(raw, "ALIAS_LIMIT_EXCEEDED") || strings.Contains(raw, "totalCount") {
			t.Fatalf("500 aliases: %d %.300s", status, raw)
		}
	})
}
