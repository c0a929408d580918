package graph_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/nexus-commerce/nexus/migrations"
	"github.com/nexus-commerce/nexus/subgraphs/kit/migrate"
	"github.com/nexus-commerce/nexus/subgraphs/kit/pgtest"
	"github.com/nexus-commerce/nexus/subgraphs/kit/server"
	"github.com/nexus-commerce/nexus/subgraphs/product/graph"
	"github.com/nexus-commerce/nexus/subgraphs/product/seed"
	"github.com/nexus-commerce/nexus/subgraphs/product/store"
)

// publicURL is what image paths must be made absolute with.
const publicURL = "https://shop.example.test"

// env is one product subgraph on a real HTTP server over a throwaway,
// migrated and seeded PostgreSQL database.
type env struct {
	url      string
	store    *countingStore
	variants *countingVariants
}

// newEnv boots the subgraph exactly as the binary does, except that the
// store is wrapped in a counting decorator so tests can assert round trips.
func newEnv(t *testing.T) *env {
	t.Helper()
	ctx := t.Context()
	db := pgtest.New(t)
	log := slog.New(slog.DiscardHandler)
	fsys, err := migrations.FS("product")
	if err != nil {
		t.Fatal(err)
	}
	if err := migrate.Up(ctx, db, "product", fsys, log); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	if err := seed.Run(ctx, db, log); err != nil {
		t.Fatalf("seed: %v", err)
	}
	st := store.New(db)
	counting := newCountingStore(st)
	variants := &countingVariants{VariantStore: st, calls: counting}
	srv, err := server.New(server.Options{
		Name:   "product",
		Addr:   "127.0.0.1:0",
		Log:    log,
		DB:     db,
		Schema: graph.NewSchema(&graph.Resolver{Store: counting, Variants: variants, PublicURL: publicURL}),
	})
	if err != nil {
		t.Fatalf("server.New: %v", err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return &env{url: ts.URL + "/graphql", store: counting, variants: variants}
}

// gqlError is one entry of a GraphQL response's errors list.
type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// response is a GraphQL response with data left raw for the test to decode.
type response struct {
	Data   json.RawMessage `json:"data"`
	Errors []gqlError      `json:"errors"`
}

// do posts one operation and returns the decoded response; any transport or
// HTTP-level failure fails the test.
func (e *env) do(t *testing.T, query string, vars map[string]any) response {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, e.url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out response
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatalf("decode response (status %d): %v", resp.StatusCode, err)
	}
	return out
}

// query runs an operation that must succeed and decodes its data into dst.
func (e *env) query(t *testing.T, query string, vars map[string]any, dst any) {
	t.Helper()
	resp := e.do(t, query, vars)
	if len(resp.Errors) > 0 {
		t.Fatalf("unexpected errors: %+v", resp.Errors)
	}
	if err := json.Unmarshal(resp.Data, dst); err != nil {
		t.Fatalf("decode data %s: %v", resp.Data, err)
	}
}
