package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/nexus-commerce/nexus/router/internal/subscriptions/testsubgraph"
)

// TestSessionCookies runs the real router in front of a subgraph that sets
// and reads a session cookie (configured for it alone) and the
// subscription test subgraph (configured for no cookie): the cookie is
// forwarded only with the CSRF header and a trusted Origin, only to its
// subgraph, never on subscriptions; only its Set-Cookie comes back.
func TestSessionCookies(t *testing.T) {
	session := httptest.NewServer(http.HandlerFunc(sessionSubgraph))
	t.Cleanup(session.Close)
	ticks := &testsubgraph.Resolver{}
	events := &cookieRecorder{next: ticks.Handler()}
	eventsSrv := httptest.NewServer(events)
	t.Cleanup(eventsSrv.Close)
	eventsSDL, err := os.ReadFile("../../internal/subscriptions/testsubgraph/schema.graphqls")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, body := range map[string]string{"session.graphqls": sessionSDL, "events.graphqls": string(eventsSDL)} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	addr := freeAddr(t)
	cfg := "listen: " + addr + "\nmode: development\nsubgraphs:\n" +
		"  - {name: session, routing_url: " + session.URL + ", schema_file: session.graphqls}\n" +
		"  - {name: events, routing_url: " + eventsSrv.URL + ", schema_file: events.graphqls}\n" +
		"cookies:\n  - {name: nexus_session, subgraphs: [session]}\n" +
		"cors: {allow_origins: [https://admin.test, 'https://*.open.test'], allow_credentials: true}\n"
	cfgPath := filepath.Join(dir, "router.yaml")
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var logs syncBuffer
	go func() {
		if err := run(ctx, []string{"serve", "--config", cfgPath}, io.Discard, &logs); err != nil {
			logs.Write([]byte("serve: " + err.Error()))
		}
	}()
	waitFor(t, "router healthy", func() bool { return run(ctx, []string{"healthcheck", "--listen", addr}, io.Discard, io.Discard) == nil })
	url := "http://" + addr + "/graphql"
	t.Cleanup(func() {
		if strings.Contains(logs.String(), "s3cr3t") {
			t.Error("a cookie value reached the router's log")
		}
		if t.Failed() {
			t.Logf("router log:\n%s", logs.String())
		}
	})

	do := func(body string, headers ...string) (*http.Response, map[string]any) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Cookie", "nexus_session=s3cr3t; other=zzz")
		for i := 0; i+1 < len(headers); i += 2 {
			req.Header.Set(headers[i], headers[i+1])
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out struct {
			Data   map[string]any `json:"data"`
			Errors []any          `json:"errors"`
		}
		raw, _ := io.ReadAll(resp.Body)
		if err := json.Unmarshal(raw, &out); err != nil || len(out.Errors) > 0 {
			t.Fatalf("%s: %d %s", body, resp.StatusCode, raw)
		}
		return resp, out.Data
	}
	const query = `{"query":"{ session clientAddr product(id: \"p1\") { name } }"}`
	t.Run("query", func(t *testing.T) {
		cases := []struct {
			name    string
			headers []string
			want    string
		}{
			{"CSRF header", []string{"X-Nexus-CSRF", "1"}, "nexus_session=s3cr3t"},
			{"CSRF header, own origin", []string{"X-Nexus-CSRF", "1", "Origin", "http://" + addr}, "nexus_session=s3cr3t"},
			{"CSRF header, CORS origin", []string{"X-Nexus-CSRF", "1", "Origin", "https://admin.test"}, "nexus_session=s3cr3t"},
			{"CSRF header, CORS wildcard origin", []string{"X-Nexus-CSRF", "1", "Origin", "https://shop.open.test"}, "nexus_session=s3cr3t"},
			{"no CSRF header", nil, ""},
			{"CSRF header, foreign origin", []string{"X-Nexus-CSRF", "1", "Origin", "https://evil.test"}, ""},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				before := len(events.seen())
				resp, data := do(query, tc.headers...)
				if data["session"] != tc.want {
					t.Fatalf("session subgraph got Cookie %q, want %q", data["session"], tc.want)
				}
				if data["clientAddr"] != "127.0.0.1" {
					t.Fatalf("X-Forwarded-For %q, want 127.0.0.1", data["clientAddr"])
				}
				for _, c := range events.seen()[before:] {
					if c != "" {
						t.Fatalf("the events subgraph got Cookie %q", c)
					}
				}
				if len(events.seen()) == before {
					t.Fatal("the events subgraph was not called")
				}
				if sc := resp.Header.Values("Set-Cookie"); len(sc) > 0 {
					t.Fatalf("Set-Cookie from another subgraph reached the client: %q", sc)
				}
			})
		}
	})
	t.Run("mutation sets the cookie", func(t *testing.T) {
		const signIn = `{"query":"mutation($n: String!) { signIn(name: $n) }","variables":{"n":"ada"}}`
		resp, data := do(signIn, "X-Nexus-CSRF", "1")
		sc := resp.Header.Values("Set-Cookie")
		if data["signIn"] != "ok" || len(sc) != 1 || sc[0] != "nexus_session=ada-token; Path=/graphql; HttpOnly; SameSite=Strict; Max-Age=600" {
			t.Fatalf("Set-Cookie %q (data %v)", sc, data)
		}
		if cc := resp.Header.Get("Cache-Control"); cc != "no-store" {
			t.Fatalf("Cache-Control %q with a Set-Cookie", cc)
		}
		resp, _ = do(signIn)
		if sc := resp.Header.Values("Set-Cookie"); len(sc) > 0 {
			t.Fatalf("Set-Cookie without the CSRF header: %q", sc)
		}
		resp, _ = do(signIn, "X-Nexus-CSRF", "1", "Origin", "https://evil.test")
		if sc := resp.Header.Values("Set-Cookie"); len(sc) > 0 {
			t.Fatalf("Set-Cookie for a foreign origin: %q", sc)
		}
	})
	t.Run("retryAfter reaches the client", func(t *testing.T) {
		resp, err := http.Post(url, "application/json", strings.NewReader(`{"query":"{ throttled }"}`))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out struct {
			Errors []struct {
				Extensions map[string]any `json:"extensions"`
			} `json:"errors"`
		}
		if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || len(out.Errors) != 1 {
			t.Fatalf("%v %+v", err, out)
		}
		ext := out.Errors[0].Extensions
		if ext["code"] != "TOO_MANY_REQUESTS" || ext["retryAfter"] != float64(30) || ext["stack"] != nil {
			t.Fatalf("extensions %v", ext)
		}
	})
	t.Run("preflight allows the CSRF header", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodOptions, url, nil)
		req.Header.Set("Origin", "https://admin.test")
		req.Header.Set("Access-Control-Request-Method", "POST")
		req.Header.Set("Access-Control-Request-Headers", "content-type,x-nexus-csrf")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if !strings.Contains(resp.Header.Get("Access-Control-Allow-Headers"), "X-Nexus-CSRF") {
			t.Fatalf("Access-Control-Allow-Headers %q", resp.Header.Get("Access-Control-Allow-Headers"))
		}
	})
	t.Run("no cookie on WebSocket", func(t *testing.T) {
		before, subscribes := len(events.seen()), ticks.Subscribes()
		wctx, wcancel := context.WithTimeout(ctx, 20*time.Second)
		defer wcancel()
		h := http.Header{"Cookie": {"nexus_session=s3cr3t"}, "X-Nexus-CSRF": {"1"}}
		c, _, err := websocket.Dial(wctx, "ws://"+addr+"/graphql", &websocket.DialOptions{HTTPHeader: h, Subprotocols: []string{"graphql-transport-ws"}})
		if err != nil {
			t.Fatal(err)
		}
		defer c.CloseNow()
		for _, msg := range []map[string]any{
			{"type": "connection_init"},
			{"type": "subscribe", "id": "1", "payload": map[string]any{"query": "subscription { ticks(count: 1) { n } }"}},
		} {
			if err := wsjson.Write(wctx, c, msg); err != nil {
				t.Fatal(err)
			}
		}
		for {
			var m struct {
				Type    string          `json:"type"`
				Payload json.RawMessage `json:"payload"`
			}
			if err := wsjson.Read(wctx, c, &m); err != nil {
				t.Fatal(err)
			}
			if m.Type == "next" {
				break
			}
			if m.Type == "error" {
				t.Fatalf("subscription error %s", m.Payload)
			}
		}
		assertNoCookie(t, events.seen(), before, ticks.Subscribes()-subscribes)
	})
	t.Run("no cookie on SSE", func(t *testing.T) {
		before, subscribes := len(events.seen()), ticks.Subscribes()
		req, _ := http.NewRequest(http.MethodPost, url, strings.NewReader(`{"query":"subscription { ticks(count: 1) { n } }"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "text/event-stream")
		req.Header.Set("Cookie", "nexus_session=s3cr3t")
		req.Header.Set("X-Nexus-CSRF", "1")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		got := false
		for sc.Scan() {
			if bytes.HasPrefix(sc.Bytes(), []byte("data:")) && bytes.Contains(sc.Bytes(), []byte(`"ticks"`)) {
				got = true
				break
			}
		}
		if !got || len(resp.Header.Values("Set-Cookie")) > 0 {
			t.Fatalf("SSE: event %v, Set-Cookie %q", got, resp.Header.Values("Set-Cookie"))
		}
		assertNoCookie(t, events.seen(), before, ticks.Subscribes()-subscribes)
	})
}
