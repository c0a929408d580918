package server

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/nexus-commerce/nexus/router/internal/config"
	"github.com/nexus-commerce/nexus/router/internal/gateway"
	"github.com/nexus-commerce/nexus/router/internal/testenv/reviews"
)

// start serves a supergraph of the real reviews test subgraph through the
// real gateway; no database needed.
func start(t *testing.T, limits config.Limits) string {
	t.Helper()
	return startWith(t, limits, config.CORS{})
}

// startWith is start with a CORS configuration.
func startWith(t *testing.T, limits config.Limits, cors config.CORS) string {
	t.Helper()
	cfg := config.Config{Limits: limits, CORS: cors}
	cfg.Defaults()
	s := New(Options{Path: "/graphql", Limits: cfg.Limits, CORS: cfg.CORS})
	s.Swap(testGateway(t, cfg))
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	return srv.URL + "/graphql"
}

// testGateway is the real gateway over the real reviews test subgraph.
func testGateway(t *testing.T, cfg config.Config) *gateway.Gateway {
	t.Helper()
	sg := (&reviews.Resolver{}).Supergraph(t)
	gw, err := gateway.New(gateway.Options{Supergraph: sg, Limits: cfg.Limits.Operation()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(gw.Close)
	return gw
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

		// Request parameters: each wrong one is named in extensions.field.
		{name: "POST without Content-Type", method: "POST", body: q("{ recentlyReviewed }"), status: 415, check: codeField("UNSUPPORTED_MEDIA_TYPE", "Content-Type")},
		{name: "Content-Type not JSON but prefixed like it", method: "POST", ctype: "application/jsonp", body: q("{ recentlyReviewed }"), status: 415, check: codeField("UNSUPPORTED_MEDIA_TYPE", "Content-Type")},
		{name: "charset other than utf-8", method: "POST", ctype: "application/json; charset=iso-8859-1", body: q("{ recentlyReviewed }"), status: 415, check: codeField("UNSUPPORTED_MEDIA_TYPE", "Content-Type")},
		{name: "charset utf-8 in any case", method: "POST", ctype: "application/json; charset=UTF-8", body: q("{ recentlyReviewed }"), status: 200},
		{name: "empty body", method: "POST", ctype: "application/json", body: "", status: 400, check: codeField("BAD_REQUEST", "body")},
		{name: "query not a string", method: "POST", accept: gqlResp, ctype: "application/json", body: `{"query":{"a":1}}`, status: 400, check: codeField("BAD_REQUEST", "query")},
		{name: "operationName not a string", method: "POST", ctype: "application/json", body: `{"query":"{ recentlyReviewed }","operationName":false}`, status: 400, check: codeField("BAD_REQUEST", "operationName")},
		{name: "extensions not an object", method: "POST", ctype: "application/json", body: `{"query":"{ recentlyReviewed }","extensions":"x"}`, status: 400, check: codeField("BAD_REQUEST", "extensions")},
		{name: "extensions object accepted", method: "POST", accept: gqlResp, ctype: "application/json", body: `{"query":"{ recentlyReviewed }","extensions":{"persistedQuery":{"version":1}}}`, status: 200, check: noErrors},
		{name: "null parameters accepted", method: "POST", accept: gqlResp, ctype: "application/json", body: `{"query":"{ recentlyReviewed }","operationName":null,"variables":null,"extensions":null}`, status: 200, check: noErrors},
		{name: "missing required variable graphql-response is 400", method: "POST", accept: gqlResp, ctype: "application/json", body: q("query($n: Int!) { recentlyReviewed(first: $n) }"), status: 400, check: hasErrorsNoData},
		{name: "missing required variable json is 200", method: "POST", ctype: "application/json", body: q("query($n: Int!) { recentlyReviewed(first: $n) }"), status: 200, check: hasErrorsNoData},
		{name: "variables used", method: "POST", ctype: "application/json", body: `{"query":"query($n: Int!) { recentlyReviewed(first: $n) }","variables":{"n":1}}`, status: 200,
			check: func(t *testing.T, b map[string]any) {
				got, _ := json.Marshal(b["data"])
				if string(got) != `{"recentlyReviewed":["p1"]}` {
					t.Fatalf("data = %s", got)
				}
			}},
		{name: "parse error has a code and no 0:0 location", method: "POST", accept: gqlResp, ctype: "application/json", body: q("{ recentlyReviewed "), status: 400,
			check: func(t *testing.T, b map[string]any) {
				hasErrorsNoData(t, b)
				code("GRAPHQL_PARSE_FAILED")(t, b)
				for _, e := range b["errors"].([]any) {
					for _, l := range asList(e.(map[string]any)["locations"]) {
						if l.(map[string]any)["line"] == float64(0) {
							t.Fatalf("location with line 0: %v", b)
						}
					}
				}
			}},

		// GET: queries only, JSON-encoded variables and extensions.
		{name: "GET variables", method: "GET", url: "?query=" + url.QueryEscape("query($n: Int!) { recentlyReviewed(first: $n) }") + "&variables=" + url.QueryEscape(`{"n":2}`), status: 200, check: noErrors},
		{name: "GET variables not an object", method: "GET", url: "?query=" + url.QueryEscape("{ recentlyReviewed }") + "&variables=" + url.QueryEscape(`[1]`), status: 400, check: codeField("BAD_REQUEST", "variables")},
		{name: "GET extensions not JSON", method: "GET", url: "?query=" + url.QueryEscape("{ recentlyReviewed }") + "&extensions=%7B", status: 400, check: codeField("BAD_REQUEST", "extensions")},
		{name: "GET without query", method: "GET", accept: gqlResp, status: 400, check: codeField("BAD_REQUEST", "query")},
		{name: "GET selects the query of a document with a mutation", method: "GET", url: "?operationName=A&query=" + url.QueryEscape("mutation B { x } query A { recentlyReviewed }"), status: 200},
		{name: "GET selects the mutation", method: "GET", url: "?operationName=B&query=" + url.QueryEscape("query A { recentlyReviewed } mutation B { x }"), status: 405, check: code("METHOD_NOT_ALLOWED")},
		{name: "GET unknown operation is a GraphQL error, not 405", method: "GET", accept: gqlResp, url: "?operationName=Z&query=" + url.QueryEscape("query A { recentlyReviewed }"), status: 400, check: hasErrorsNoData},
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

// codeField checks extensions.code and extensions.field of the first error.
func codeField(wantCode, wantField string) func(t *testing.T, b map[string]any) {
	return func(t *testing.T, b map[string]any) {
		t.Helper()
		code(wantCode)(t, b)
		e := asList(b["errors"])[0].(map[string]any)
		ext, _ := e["extensions"].(map[string]any)
		if got, _ := ext["field"].(string); got != wantField {
			t.Fatalf("extensions.field = %q, want %q (%v)", got, wantField, b)
		}
	}
}

func noErrors(t *testing.T, b map[string]any) {
	t.Helper()
	if _, ok := b["errors"]; ok {
		t.Fatalf("errors: %v", b)
	}
	if b["data"] == nil {
		t.Fatalf("no data: %v", b)
	}
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
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
