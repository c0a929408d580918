// Package golden is the router's federation correctness corpus: five
// in-memory gqlgen subgraphs designed together (subgraphs/), a harness that
// composes them and serves them through the real router, and query cases
// whose golden files state the correct response per the GraphQL and
// federation specs (testdata/cases).
package golden

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nexus-commerce/nexus/router/internal/config"
	"github.com/nexus-commerce/nexus/router/internal/gateway"
	"github.com/nexus-commerce/nexus/router/internal/golden/subgraphs/catalog"
	"github.com/nexus-commerce/nexus/router/internal/golden/subgraphs/inventory"
	"github.com/nexus-commerce/nexus/router/internal/golden/subgraphs/journal"
	"github.com/nexus-commerce/nexus/router/internal/golden/subgraphs/legacy"
	"github.com/nexus-commerce/nexus/router/internal/golden/subgraphs/reviews"
	"github.com/nexus-commerce/nexus/router/internal/golden/subgraphs/users"
	"github.com/nexus-commerce/nexus/router/internal/server"
	"github.com/nexus-commerce/nexus/schema/compose"
	"github.com/nexus-commerce/nexus/schema/supergraph"
)

// SubgraphTimeout is the router's per-subgraph timeout in the corpus: long
// enough for in-memory subgraphs on a loaded machine, short enough that the
// legacy subgraph's blocking field times out quickly.
const SubgraphTimeout = 2 * time.Second

// Names lists the corpus's subgraphs in composition order.
var Names = []string{"users", "catalog", "inventory", "reviews", "legacy"}

// Env is a running corpus federation.
type Env struct {
	// RouterURL serves the whole federation.
	RouterURL string
	// DownRouterURL serves the same supergraph with the legacy subgraph's
	// URL pointing at a server that is no longer listening.
	DownRouterURL string
	// SubgraphURLs maps subgraph name to its GraphQL endpoint, for asking a
	// subgraph directly.
	SubgraphURLs map[string]string
	// Supergraph is the composed supergraph SDL.
	Supergraph string
	// fetches counts the requests the subgraphs received, for the plan
	// quality check (see Fetches).
	fetches atomic.Int64
}

// Fetches returns how many requests the subgraphs received since the last
// call, which is the number of subgraph fetches a case's plan made when
// cases run one at a time.
func (e *Env) Fetches() int {
	return int(e.fetches.Swap(0))
}

// counted counts the requests h receives into n.
func counted(h http.Handler, n *atomic.Int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		h.ServeHTTP(w, r)
	})
}

// Start starts the subgraphs and two routers on ephemeral ports; everything
// stops when t ends.
func Start(t testing.TB) *Env {
	t.Helper()
	j := &journal.Journal{}
	handlers := map[string]http.Handler{
		"users":     (&users.Resolver{Journal: j}).Handler(),
		"catalog":   (&catalog.Resolver{}).Handler(),
		"inventory": (&inventory.Resolver{}).Handler(),
		"reviews":   reviews.New(j).Handler(),
		"legacy":    (&legacy.Resolver{}).Handler(),
	}
	env := &Env{SubgraphURLs: map[string]string{}}
	var subs []compose.Subgraph
	for _, name := range Names {
		srv := httptest.NewServer(counted(handlers[name], &env.fetches))
		t.Cleanup(srv.Close)
		env.SubgraphURLs[name] = srv.URL
		subs = append(subs, compose.Subgraph{Name: name, URL: srv.URL, SDL: readSDL(t, name)})
	}
	sdl, err := compose.Compose(subs)
	if err != nil {
		t.Fatalf("compose the corpus subgraphs: %v", err)
	}
	env.Supergraph = sdl
	sg, err := supergraph.Parse(sdl)
	if err != nil {
		t.Fatalf("parse the corpus supergraph: %v", err)
	}

	// A server that was listening and is not any more: connections to its
	// address are refused, as for a subgraph that is down.
	gone := httptest.NewServer(http.NotFoundHandler())
	goneURL := gone.URL
	gone.Close()

	// Single-flight off: the plan quality check counts the fetches a plan
	// makes, and sharing identical in-flight fetches depends on timing (two
	// root fields asking the same entity made 3 fetches or 4, by load).
	env.RouterURL = startRouter(t, gateway.Options{Supergraph: sg, SubgraphTimeout: SubgraphTimeout, DisableSingleFlight: true})
	env.DownRouterURL = startRouter(t, gateway.Options{Supergraph: sg, SubgraphTimeout: SubgraphTimeout, URLs: map[string]string{"legacy": goneURL}})
	return env
}

// startRouter serves a gateway the way the router binary does (gateway.New
// behind server.New) and returns its GraphQL URL.
func startRouter(t testing.TB, opts gateway.Options) string {
	t.Helper()
	gw, err := gateway.New(opts)
	if err != nil {
		t.Fatalf("gateway: %v", err)
	}
	t.Cleanup(gw.Close)
	cfg := &config.Config{}
	cfg.Defaults()
	srv := server.New(server.Options{Path: cfg.GraphQLPath, Limits: cfg.Limits})
	srv.Swap(gw)
	rs := httptest.NewServer(srv.Handler())
	t.Cleanup(rs.Close)
	return rs.URL + cfg.GraphQLPath
}

// Post sends one GraphQL request and returns the raw response body.
func Post(t testing.TB, url, query string, vars json.RawMessage) []byte {
	t.Helper()
	req := map[string]any{"query": query}
	if len(vars) > 0 {
		req["variables"] = vars
	}
	body, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatalf("POST %s: %v", url, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read response of %s: %v", url, err)
	}
	return raw
}

// dir is this package's directory, so tests and tools find the SDL files
// whatever their working directory.
func dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Dir(file)
}

func readSDL(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir(), "subgraphs", name, "schema.graphqls"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
