package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/nexus-commerce/nexus/router/internal/config"
	"github.com/nexus-commerce/nexus/router/internal/gateway"
	"github.com/nexus-commerce/nexus/router/internal/testenv/reviews"
)

func message(body map[string]any) string {
	errs, _ := body["errors"].([]any)
	if len(errs) == 0 {
		return ""
	}
	e, _ := errs[0].(map[string]any)
	m, _ := e["message"].(string)
	return m
}

// The HTTP findings, through the real server and gateway with the
// default limits.
func TestHostileRequestsOverHTTP(t *testing.T) {
	base := start(t, config.Limits{})
	const gqlResp = "application/graphql-response+json"
	q := func(s string) string { b, _ := json.Marshal(map[string]any{"query": s}); return string(b) }
	var bomb strings.Builder
	bomb.WriteString("{ ...F20 } fragment F0 on Query { __typename }")
	for k := 1; k <= 20; k++ {
		fmt.Fprintf(&bomb, " fragment F%d on Query { ...F%d ...F%d }", k, k-1, k-1)
	}
	tests := []struct {
		name, method, url, accept, body string
		status                          int
		code, message                   string
	}{
		{"body an array", "POST", "", "", `[]`, 400, "BAD_REQUEST", `body: must be a JSON object with "query"`},
		{"body a number", "POST", "", "", `1`, 400, "BAD_REQUEST", `body: must be a JSON object with "query"`},
		{"body a string", "POST", "", "", `"x"`, 400, "BAD_REQUEST", `body: must be a JSON object with "query"`},
		{"body invalid JSON", "POST", "", "", `{"query": `, 400, "BAD_REQUEST", `got invalid JSON`},
		{"leaf selection, json", "POST", "", "", q(`{__typename { id } }`), 200, "GRAPHQL_VALIDATION_FAILED", `Field "__typename" must not have a selection`},
		{"leaf selection, graphql-response", "POST", "", gqlResp, q(`{__typename { id } }`), 400, "GRAPHQL_VALIDATION_FAILED", `must not have a selection`},
		{"leaf selection over GET", "GET", "?query=" + url.QueryEscape(`{__typename { id } }`), "", "", 200, "GRAPHQL_VALIDATION_FAILED", `must not have a selection`},
		{"fragment bomb", "POST", "", "", q(bomb.String()), 200, "FIELD_LIMIT_EXCEEDED", "the limit is 5000"},
		{"1000 directives", "POST", "", "", q(`{ __typename ` + strings.Repeat("@include(if: true) ", 1000) + `}`), 200, "DIRECTIVE_LIMIT_EXCEEDED", "the limit is 100"},
		{"variables truncated", "POST", "", "", `{"query":"query($n: Int!) { recentlyReviewed(first: $n) }","variables":{"n":1}`, 400, "BAD_REQUEST", "got invalid JSON"},
		{"variable of the wrong type", "POST", "", "", `{"query":"query($n: Int!) { recentlyReviewed(first: $n) }","variables":{"n":"x"}}`, 200, "BAD_USER_INPUT", `Variable "$n"`},
		{"variables nested too deep", "POST", "", "", `{"query":"query($n: Int!) { recentlyReviewed(first: $n) }","variables":{"n":` + strings.Repeat("[", 400) + strings.Repeat("]", 400) + `}}`, 200, "BAD_USER_INPUT", `Variable "$n"`},
		{"GET variables not JSON", "GET", "?query=" + url.QueryEscape(`{ recentlyReviewed }`) + "&variables=" + url.QueryEscape(`{"n":`), "", "", 400, "BAD_REQUEST", "variables: must be a JSON object, got invalid JSON"},
		{"GET extensions an array", "GET", "?query=" + url.QueryEscape(`{ recentlyReviewed }`) + "&extensions=" + url.QueryEscape(`[]`), "", "", 400, "BAD_REQUEST", "extensions: must be a JSON object, got an array"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, _, body := do(t, tt.method, base+tt.url, tt.accept, "application/json", tt.body)
			if status != tt.status || firstCode(body) != tt.code || !strings.Contains(message(body), tt.message) {
				t.Fatalf("HTTP %d %s %q, want %d %s saying %q", status, firstCode(body), message(body), tt.status, tt.code, tt.message)
			}
			for _, internal := range []string{"Go value", "json:", "cannot parse", "unparsed tail", "runtime error"} {
				if strings.Contains(message(body), internal) {
					t.Fatalf("message leaks %q: %q", internal, message(body))
				}
			}
		})
	}
}

// startPlans serves the reviews supergraph with query plans restricted as
// in production or open as in development; the Exec hook makes the caller
// an admin when the test asks (X-Test-Scopes), as the JWT hook would.
func startPlans(t *testing.T, restrict bool) string {
	t.Helper()
	sg := (&reviews.Resolver{}).Supergraph(t)
	var cfg config.Config
	cfg.Defaults()
	gw, err := gateway.New(gateway.Options{Supergraph: sg, Limits: cfg.Limits.Operation(), RestrictQueryPlans: restrict})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(gw.Close)
	s := New(Options{Path: "/graphql", Limits: cfg.Limits, Exec: func(r *http.Request, o *gateway.ExecOptions) error {
		if sc := r.Header.Get("X-Test-Scopes"); sc != "" {
			o.Principal = &gateway.Principal{Subject: "t", Scopes: strings.Fields(sc)}
		}
		return nil
	}})
	s.Swap(gw)
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	return srv.URL + "/graphql"
}

func TestQueryPlanHeaderPolicy(t *testing.T) {
	dev, prod := startPlans(t, false), startPlans(t, true)
	tests := []struct {
		name, url, mode, scopes string
		status                  int
	}{
		{"development, anonymous, only", dev, "only", "", 200},
		{"development, anonymous, true", dev, "true", "", 200},
		{"production, anonymous", prod, "only", "", 403},
		{"production, anonymous, true", prod, "true", "", 403},
		{"production, a shopper", prod, "only", "orders:read", 403},
		{"production, an admin", prod, "only", "admin", 200},
		{"production, no header", prod, "", "", 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest("POST", tt.url, strings.NewReader(`{"query":"{ recentlyReviewed(first: 1) }"}`))
			req.Header.Set("Content-Type", "application/json")
			if tt.mode != "" {
				req.Header.Set("X-Nexus-Query-Plan", tt.mode)
			}
			if tt.scopes != "" {
				req.Header.Set("X-Test-Scopes", tt.scopes)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var body map[string]any
			_ = json.NewDecoder(resp.Body).Decode(&body)
			if resp.StatusCode != tt.status {
				t.Fatalf("HTTP %d %v, want %d", resp.StatusCode, body, tt.status)
			}
			ext, _ := body["extensions"].(map[string]any)
			switch {
			case tt.status == 403 && (firstCode(body) != "FORBIDDEN" || !strings.Contains(message(body), "admin scope")):
				t.Fatalf("refusal %v", body)
			case tt.status == 200 && tt.mode != "" && ext["queryPlan"] == nil:
				t.Fatalf("no plan: %v", body)
			case tt.mode == "" && ext["queryPlan"] != nil:
				t.Fatalf("a plan nobody asked for: %v", body)
			}
		})
	}
}
