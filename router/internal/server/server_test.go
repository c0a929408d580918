package server

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/nexus-commerce/nexus/router/internal/config"
	"github.com/nexus-commerce/nexus/router/internal/gateway"
	"github.com/nexus-commerce/nexus/router/internal/testenv/reviews"
	"github.com/nexus-commerce/nexus/schema/compose"
	"github.com/nexus-commerce/nexus/schema/supergraph"
)

// start serves a supergraph of the real reviews test subgraph through the
// real gateway; no database needed.
func start(t *testing.T, limits config.Limits) string {
	t.Helper()
	rev := &reviews.Resolver{}
	sub := httptest.NewServer(rev.Handler())
	t.Cleanup(sub.Close)
	sdl, err := os.ReadFile("../testenv/reviews/schema.graphqls")
	if err != nil {
		t.Fatal(err)
	}
	out, err := compose.Compose([]compose.Subgraph{{Name: "reviews", URL: sub.URL, SDL: string(sdl)}})
	if err != nil {
		t.Fatal(err)
	}
	sg, err := supergraph.Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	gw, err := gateway.New(gateway.Options{Supergraph: sg})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(gw.Close)
	cfg := config.Config{Limits: limits}
	cfg.Defaults()
	s := New(Options{Path: "/graphql", Limits: cfg.Limits})
	s.Swap(gw)
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	return srv.URL + "/graphql"
}

func do(t *testing.T, method, u, accept, ctype, body string) (int, http.Header, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest(method, u, strings.NewReader(body))
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var out map[string]any
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("HTTP %d non-JSON body: %q", resp.StatusCode, raw)
	}
	return resp.StatusCode, resp.Header, out
}

func firstCode(body map[string]any) string {
	errs, _ := body["errors"].([]any)
	if len(errs) == 0 {
		return ""
	}
	e, _ := errs[0].(map[string]any)
	ext, _ := e["extensions"].(map[string]any)
	c, _ := ext["code"].(string)
	if c == "" {
		m, _ := e["message"].(string)
		return "msg:" + m
	}
	return c
}

func TestGraphQLOverHTTP(t *testing.T) {
	base := start(t, config.Limits{MaxBodyBytes: 512, MaxDepth: 2})
	const gqlResp = "application/graphql-response+json"
	q := func(s string) string { b, _ := json.Marshal(map[string]any{"query": s}); return string(b) }
	tests := []struct {
		name, method, url, accept, ctype, body string
		status                                 int
		wantType                               string
		check                                  func(t *testing.T, body map[string]any)
	}{
		{name: "POST query", method: "POST", ctype: "application/json", body: q("{ recentlyReviewed(first: 2) }"), status: 200, wantType: "application/json",
			check: func(t *testing.T, b map[string]any) {
				got, _ := json.Marshal(b["data"])
				if string(got) != `{"recentlyReviewed":["p1","p2"]}` {
					t.Fatalf("data = %s", got)
				}
			}},
		{name: "POST with graphql-response+json", method: "POST", accept: gqlResp, ctype: "application/json", body: q("{ recentlyReviewed }"), status: 200, wantType: gqlResp},
		{name: "GET query", method: "GET", url: "?query=" + url.QueryEscape("{ recentlyReviewed(first: 1) }"), status: 200, wantType: "application/json"},
		{name: "GET mutation refused", method: "GET", url: "?query=" + url.QueryEscape("mutation { x }"), status: 405, check: code("METHOD_NOT_ALLOWED")},
		{name: "validation error json is 200", method: "POST", ctype: "application/json", body: q("{ nope }"), status: 200, check: hasErrorsNoData},
		{name: "validation error graphql-response is 400", method: "POST", accept: gqlResp, ctype: "application/json", body: q("{ nope }"), status: 400, check: hasErrorsNoData},
		{name: "syntax error", method: "POST", accept: gqlResp, ctype: "application/json", body: q("{ recentlyReviewed "), status: 400, check: hasErrorsNoData},
		{name: "body not JSON", method: "POST", ctype: "application/json", body: "{", status: 400, check: code("BAD_REQUEST")},
		{name: "missing query", method: "POST", ctype: "application/json", body: `{"variables":{}}`, status: 400, check: code("BAD_REQUEST")},
		{name: "variables not an object", method: "POST", ctype: "application/json", body: `{"query":"{ recentlyReviewed }","variables":[1]}`, status: 400, check: code("BAD_REQUEST")},
		{name: "body too large", method: "POST", ctype: "application/json", body: q("{ recentlyReviewed }" + strings.Repeat(" ", 600)), status: 413, check: code("REQUEST_TOO_LARGE")},
		{name: "unsupported content type", method: "POST", ctype: "text/plain", body: "{ recentlyReviewed }", status: 415, check: code("UNSUPPORTED_MEDIA_TYPE")},
		{name: "unacceptable accept", method: "POST", accept: "text/csv", ctype: "application/json", body: q("{ recentlyReviewed }"), status: 406},
		{name: "depth limit", method: "POST", ctype: "application/json", body: q("{ _entities(representations: []) { ... on Product { reviewSummary { headline } } } }"), status: 200, check: code("DEPTH_LIMIT_EXCEEDED")},
		{name: "method not allowed", method: "PUT", ctype: "application/json", body: q("{ recentlyReviewed }"), status: 405},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, h, body := do(t, tt.method, base+tt.url, tt.accept, tt.ctype, tt.body)
			if status != tt.status {
				t.Fatalf("status = %d, want %d; body %v", status, tt.status, body)
			}
			if tt.wantType != "" && !strings.HasPrefix(h.Get("Content-Type"), tt.wantType) {
				t.Fatalf("Content-Type = %q, want %q", h.Get("Content-Type"), tt.wantType)
			}
			if h.Get("X-Request-ID") == "" {
				t.Fatal("no X-Request-ID")
			}
			if tt.check != nil {
				tt.check(t, body)
			}
		})
	}
}

func code(want string) func(t *testing.T, b map[string]any) {
	return func(t *testing.T, b map[string]any) {
		t.Helper()
		if got := firstCode(b); got != want {
			t.Fatalf("code = %q, want %q (%v)", got, want, b)
		}
	}
}

func hasErrorsNoData(t *testing.T, b map[string]any) {
	t.Helper()
	if errs, _ := b["errors"].([]any); len(errs) == 0 {
		t.Fatalf("no errors: %v", b)
	}
	if d, ok := b["data"]; ok && d != nil {
		t.Fatalf("data = %v, want none", d)
	}
}

func TestRequestIDKeptWhenSane(t *testing.T) {
	base := start(t, config.Limits{})
	req, _ := http.NewRequest("POST", base, strings.NewReader(`{"query":"{ recentlyReviewed }"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Request-ID", "abc-123")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got := resp.Header.Get("X-Request-ID"); got != "abc-123" {
		t.Fatalf("X-Request-ID = %q", got)
	}
}
