package gateway_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/wundergraph/graphql-go-tools/execution/graphql"

	"github.com/nexus-commerce/nexus/router/internal/gateway"
	"github.com/nexus-commerce/nexus/router/internal/limits"
	"github.com/nexus-commerce/nexus/router/internal/metrics"
	"github.com/nexus-commerce/nexus/router/internal/testenv/reviews"
)

// newGateway serves the test reviews subgraph through a gateway.
func newGateway(t *testing.T, o gateway.Options) *gateway.Gateway {
	t.Helper()
	return newGatewayWith(t, &reviews.Resolver{}, o)
}

func exec(t *testing.T, gw *gateway.Gateway, o gateway.ExecOptions, query, vars string) (string, error) {
	t.Helper()
	var buf bytes.Buffer
	req := &graphql.Request{Query: query}
	if vars != "" {
		req.Variables = json.RawMessage(vars)
	}
	err := gw.ExecuteWith(context.Background(), req, &buf, o)
	return buf.String(), err
}

func reqCode(err error) string {
	var re *gateway.RequestError
	if errors.As(err, &re) {
		return re.Code
	}
	return ""
}

func TestRefusals(t *testing.T) {
	gw := newGateway(t, gateway.Options{
		Limits:               limits.Config{MaxDepth: 2, MaxAliases: 1, MaxRootFields: 2, MaxTokens: 40},
		DisableIntrospection: true,
	})
	post := gateway.ExecOptions{AllowMutation: true}
	for _, tt := range []struct {
		name, query, code string
		opts              gateway.ExecOptions
	}{
		{"syntax", `{ recentlyReviewed `, "GRAPHQL_PARSE_FAILED", post},
		{"unknown field", `{ nope }`, "GRAPHQL_VALIDATION_FAILED", post},
		{"entities are not client-facing", `{ _entities(representations: []) { __typename } }`, "GRAPHQL_VALIDATION_FAILED", post},
		{"depth", `{ _service { sdl } }`, "GRAPHQL_VALIDATION_FAILED", post},
		{"too many aliases", `{ a: recentlyReviewed b: recentlyReviewed }`, limits.CodeAliases, post},
		{"too many root fields", `{ recentlyReviewed __typename x: __typename }`, limits.CodeRootFields, post},
		{"too many tokens", `{ ` + strings.Repeat("__typename ", 50) + `}`, limits.CodeTokens, post},
		{"introspection off", `{ __schema { description } }`, "INTROSPECTION_DISABLED", post},
		{"__type off too", `{ __type(name: "Query") { name } }`, "INTROSPECTION_DISABLED", post},
		{"mutation on GET", `mutation { x }`, "METHOD_NOT_ALLOWED", gateway.ExecOptions{}},
		{"subscription over HTTP", `subscription { x }`, "GRAPHQL_VALIDATION_FAILED", post},
		{"unused fragment", `{ __typename } fragment F on Query { __typename }`, "GRAPHQL_VALIDATION_FAILED", post},
		{"fragment used only by an unused fragment", `{ ...A } fragment A on Query { __typename } fragment B on Query { ...C } fragment C on Query { __typename }`, "GRAPHQL_VALIDATION_FAILED", post},
		{"bad variable", `query($n: Int!) { recentlyReviewed(first: $n) }`, "BAD_USER_INPUT", post},
	} {
		t.Run(tt.name, func(t *testing.T) {
			vars := ""
			if tt.name == "bad variable" {
				vars = `{"n": "three"}`
			}
			out, err := exec(t, gw, tt.opts, tt.query, vars)
			if got := reqCode(err); got != tt.code {
				t.Fatalf("code = %q (err %v, out %s), want %q", got, err, out, tt.code)
			}
			if out != "" {
				t.Fatalf("a refused operation wrote %q", out)
			}
			// The refusal is cached by text and stays the same.
			if _, err2 := exec(t, gw, tt.opts, tt.query, vars); reqCode(err2) != tt.code {
				t.Fatalf("second time code = %q", reqCode(err2))
			}
		})
	}
	// Fragments reached through other fragments are used.
	if out, err := exec(t, gw, post, `{ ...A } fragment A on Query { ...B } fragment B on Query { __typename }`, ""); err != nil || out != `{"data":{"__typename":"Query"}}` {
		t.Fatalf("nested fragments: %s, %v", out, err)
	}
	// __typename is not introspection.
	if out, err := exec(t, gw, post, `{ __typename }`, ""); err != nil || out != `{"data":{"__typename":"Query"}}` {
		t.Fatalf("__typename: %s, %v", out, err)
	}
}

func TestDepthLimit(t *testing.T) {
	gw := newGateway(t, gateway.Options{Limits: limits.Config{MaxDepth: 1}})
	_, err := exec(t, gw, gateway.ExecOptions{AllowMutation: true}, `{ __schema { queryType { name } } }`, "")
	if reqCode(err) != limits.CodeDepth {
		t.Fatalf("err = %v, want %s", err, limits.CodeDepth)
	}
}

func TestCachesAndMetrics(t *testing.T) {
	m := metrics.New()
	gw := newGateway(t, gateway.Options{Metrics: m, PlanCacheSize: 2})
	o := gateway.ExecOptions{AllowMutation: true}
	q := `query($n: Int!) { recentlyReviewed(first: $n) }`
	for _, n := range []string{"1", "2", "1"} {
		out, err := exec(t, gw, o, q, `{"n": `+n+`}`)
		if err != nil {
			t.Fatal(err)
		}
		if want := map[string]string{"1": `["p1"]`, "2": `["p1","p2"]`}[n]; !strings.Contains(out, want) {
			t.Fatalf("n=%s: %s", n, out)
		}
	}
	// Three requests: two distinct texts (operation cache: 1 hit), one
	// normalised operation (plan cache: 1 miss, 1 hit).
	for _, c := range []struct {
		cache, result string
		want          float64
	}{{"operation", "hit", 1}, {"operation", "miss", 2}, {"plan", "miss", 1}, {"plan", "hit", 1}} {
		if got := testutil.ToFloat64(m.PlanCache.WithLabelValues(c.cache, c.result)); got != c.want {
			t.Errorf("%s cache %s = %v, want %v", c.cache, c.result, got, c.want)
		}
	}
	if got := testutil.ToFloat64(m.Requests.WithLabelValues("query", "ok")); got != 3 {
		t.Errorf("requests ok = %v, want 3", got)
	}
	if got := testutil.ToFloat64(m.SubgraphFetches.WithLabelValues("reviews", "ok")); got != 3 {
		t.Errorf("reviews fetches = %v, want 3", got)
	}
	// The operation cache is bounded: 3 more distinct texts into a cache of 2.
	for _, n := range []string{"3", "4", "5"} {
		if _, err := exec(t, gw, o, q, `{"n": `+n+`}`); err != nil {
			t.Fatal(err)
		}
	}
	if got := testutil.ToFloat64(m.PlanCacheEvictions.WithLabelValues("operation")); got < 1 {
		t.Errorf("operation cache evictions = %v, want >= 1", got)
	}
	if got := testutil.ToFloat64(m.PlanCacheSize.WithLabelValues("operation")); got > 2 {
		t.Errorf("operation cache size = %v, want <= 2", got)
	}
}

func TestQueryPlanOnly(t *testing.T) {
	gw := newGateway(t, gateway.Options{})
	out, err := exec(t, gw, gateway.ExecOptions{AllowMutation: true, QueryPlanOnly: true}, `{ recentlyReviewed(first: 2) }`, "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, `"queryPlan"`) || !strings.Contains(out, `reviews`) || strings.Contains(out, `"p1"`) {
		t.Fatalf("want a plan naming the reviews subgraph and no data: %s", out)
	}
}

func TestRetireWaitsForInFlight(t *testing.T) {
	gw := newGateway(t, gateway.Options{})
	if gw.InFlight() != 0 {
		t.Fatalf("in flight = %d before any request", gw.InFlight())
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	gw.Retire(ctx) // nothing in flight: returns at once and closes
}

func TestMaskedSubgraphErrors(t *testing.T) {
	const q = `{ recentlyReviewed(first: 101) }`
	open := newGateway(t, gateway.Options{})
	out, err := exec(t, open, gateway.ExecOptions{AllowMutation: true}, q, "")
	if err != nil || !strings.Contains(out, "first must be between 0 and 100") {
		t.Fatalf("development: the subgraph's message should pass through: %s, %v", out, err)
	}
	masked := newGateway(t, gateway.Options{MaskSubgraphErrors: true})
	out, err = exec(t, masked, gateway.ExecOptions{AllowMutation: true}, q, "")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "first must be") || !strings.Contains(out, "reviews") {
		t.Fatalf("production: the subgraph's message must be hidden and the subgraph named: %s", out)
	}
}
