package gateway

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexus-commerce/nexus/router/internal/limits"
	"github.com/nexus-commerce/nexus/schema/compose"
	"github.com/nexus-commerce/nexus/schema/supergraph"
)

// fuzzLimits are the router's default limits (config.Limits.Defaults).
var fuzzLimits = limits.Config{MaxDepth: 16, MaxAliases: 64, MaxRootFields: 32, MaxTokens: 20000, MaxFields: 5000, MaxDirectives: 100}

// knownCodes are the codes a refused operation may carry.
var knownCodes = map[string]bool{
	"GRAPHQL_PARSE_FAILED": true, "GRAPHQL_VALIDATION_FAILED": true, "BAD_USER_INPUT": true,
	limits.CodeDepth: true, limits.CodeAliases: true, limits.CodeRootFields: true, limits.CodeTokens: true,
	limits.CodeCost: true, limits.CodeSlicingArguments: true, limits.CodeFields: true, limits.CodeDirectives: true,
}

// realGateway serves the platform's real supergraph: the product subgraph
// (schema/subgraphs) and the router's test reviews subgraph, composed as
// the router composes them. Preparing never calls a subgraph, so the URLs
// point nowhere.
func realGateway(t testing.TB) *Gateway {
	t.Helper()
	read := func(p string) string {
		b, err := os.ReadFile(filepath.FromSlash(p))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	sdl, err := compose.Compose([]compose.Subgraph{
		{Name: "product", URL: "http://127.0.0.1:1/graphql", SDL: read("../../../schema/subgraphs/product.graphqls")},
		{Name: "reviews", URL: "http://127.0.0.1:1/graphql", SDL: read("../testenv/reviews/schema.graphqls")},
	})
	if err != nil {
		t.Fatal(err)
	}
	sg, err := supergraph.Parse(sdl)
	if err != nil {
		t.Fatal(err)
	}
	g, err := New(Options{Supergraph: sg, Limits: fuzzLimits})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(g.Close)
	return g
}

// FuzzPrepare runs the whole prepare path (tokens, parse, limits,
// precheck, normalise, validate, variables, plan) on arbitrary requests
// against the real supergraph, without the panic guard, so any panic is a
// failure. Properties: a request either prepares or is refused with a
// known code and a message; one that prepares has no more selections after
// normalisation than limits.max_fields allowed, and its normalised
// document holds no more fields than the text plus that expansion.
// Seeds: testdata/fuzz/FuzzPrepare (every finding of issue 9).
func FuzzPrepare(f *testing.F) {
	g := realGateway(f)
	f.Add(`{ products(first: 2) { edges { node { name } } } }`, "", []byte(`{}`))
	f.Fuzz(func(t *testing.T, query, opName string, variables []byte) {
		if len(query) > 64<<10 || len(variables) > 64<<10 {
			return // the body limit keeps bigger requests out
		}
		p := g.prepareUncached(context.Background(), query, opName, bytes.TrimSpace(variables))
		if p.err != nil {
			if !knownCodes[p.err.Code] || p.err.Err == nil || strings.TrimSpace(p.err.Error()) == "" {
				t.Fatalf("refusal with code %q, error %v", p.err.Code, p.err.Err)
			}
			return
		}
		after, err := limits.Measure(p.doc, g.schema.Document(), opName, p.variables, nil)
		if err != nil {
			t.Fatalf("measuring the normalised operation: %v", err)
		}
		if after.Fields > fuzzLimits.MaxFields {
			t.Fatalf("%d selections after normalisation, limit %d", after.Fields, fuzzLimits.MaxFields)
		}
		if n := len(p.doc.Fields); n > fuzzLimits.MaxTokens+fuzzLimits.MaxFields {
			t.Fatalf("normalised document holds %d fields", n)
		}
	})
}
