package main

import (
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"
)

// sessionSDL is a tiny subgraph that sets and reads a session cookie, the
// way the auth subgraph does.
const sessionSDL = `type Query {
  "The Cookie header the subgraph received."
  session: String
  "The X-Forwarded-For header the subgraph received."
  clientAddr: String
  "Always an error: TOO_MANY_REQUESTS with retryAfter (and a stack that stays behind)."
  throttled: String
}

type Mutation {
  "Sets nexus_session=<name>-token (and a cookie the router must drop)."
  signIn(name: String!): String
}
`

// sessionSubgraph answers sessionSDL's operations by hand (no GraphQL
// library needed for three fields).
func sessionSubgraph(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Query     string         `json:"query"`
		Variables map[string]any `json:"variables"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	data := map[string]any{}
	if strings.Contains(req.Query, "signIn") {
		name := ""
		for _, v := range req.Variables {
			name, _ = v.(string)
		}
		w.Header().Add("Set-Cookie", "nexus_session="+name+"-token; Path=/graphql; HttpOnly; SameSite=Strict; Max-Age=600")
		w.Header().Add("Set-Cookie", "tracker=1; Path=/")
		data["signIn"] = "ok"
	}
	if strings.Contains(req.Query, "session") {
		data["session"] = r.Header.Get("Cookie")
	}
	if strings.Contains(req.Query, "clientAddr") {
		data["clientAddr"] = r.Header.Get("X-Forwarded-For")
	}
	w.Header().Set("Content-Type", "application/json")
	if strings.Contains(req.Query, "throttled") {
		data["throttled"] = nil
		_ = json.NewEncoder(w).Encode(map[string]any{"data": data, "errors": []any{map[string]any{
			"message": "too many attempts", "path": []string{"throttled"},
			"extensions": map[string]any{"code": "TOO_MANY_REQUESTS", "retryAfter": 30, "stack": "internal"},
		}}})
		return
	}
	_ = json.NewEncoder(w).Encode(map[string]any{"data": data})
}

// cookieRecorder wraps a subgraph: it records every Cookie header it
// receives and tries to set the session cookie on every answer.
type cookieRecorder struct {
	next    http.Handler
	mu      sync.Mutex
	cookies []string
}

func (c *cookieRecorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	c.cookies = append(c.cookies, r.Header.Get("Cookie"))
	c.mu.Unlock()
	w.Header().Add("Set-Cookie", "nexus_session=forged; Path=/")
	c.next.ServeHTTP(w, r)
}

func (c *cookieRecorder) seen() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.cookies...)
}

// assertNoCookie: the subscription reached the subgraph (subscribed > 0;
// the router may reuse an upstream WebSocket, so there need not be a new
// HTTP request) and no request since before carried a cookie.
func assertNoCookie(t *testing.T, seen []string, before, subscribed int) {
	t.Helper()
	if subscribed < 1 {
		t.Fatal("the subscription never reached the subgraph")
	}
	for _, c := range seen[before:] {
		if c != "" {
			t.Fatalf("a subscription carried Cookie %q to the subgraph", c)
		}
	}
}
