package server

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexus-commerce/nexus/router/internal/config"
	"github.com/nexus-commerce/nexus/router/internal/web"
)

// TestStorefrontBesideOwnRoutes mounts the storefront with every other
// route and checks that each keeps its own paths: GraphQL (and GraphiQL
// for browsers), health, readiness, GraphiQL's assets and the file proxy
// are never answered by the app's index.html.
func TestStorefrontBesideOwnRoutes(t *testing.T) {
	dir := t.TempDir()
	_ = os.MkdirAll(filepath.Join(dir, "assets"), 0o755)
	_ = os.WriteFile(filepath.Join(dir, "index.html"), []byte("<title>storefront</title>"), 0o644)
	_ = os.WriteFile(filepath.Join(dir, "assets", "a-1.js"), []byte("js"), 0o644)
	site, err := web.New(web.Options{Dir: dir, Reserved: []string{"/graphql", "/healthz", "/readyz", "/graphiql/", "/images/", "/metrics"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = site.Close() })
	text := func(body string) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, body) })
	}
	cfg := config.Config{}
	cfg.Defaults()
	s := New(Options{
		Path: "/graphql", Limits: cfg.Limits,
		GraphiQL: text("graphiql"), WantsHTML: func(r *http.Request) bool { return strings.Contains(r.Header.Get("Accept"), "text/html") },
		Assets: text("graphiql asset"), AssetPrefix: "/graphiql/",
		Files: map[string]http.Handler{"/images/": text("image")},
		Web:   site,
	})
	s.Swap(testGateway(t, cfg))
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)

	const nav = "text/html,*/*;q=0.8"
	cases := []struct {
		method, path, accept, body string
		status                     int
	}{
		{"GET", "/", nav, "storefront", 200},
		{"GET", "/products/some-slug", nav, "storefront", 200},
		{"GET", "/assets/a-1.js", "*/*", "js", 200},
		{"GET", "/assets/missing.js", nav, "not found", 404},
		{"GET", "/graphql", nav, "graphiql", 200},
		{"GET", "/graphql?query={__typename}", "application/json", "__typename", 200},
		{"GET", "/healthz", nav, "ok", 200},
		{"GET", "/readyz", nav, "", 200},
		{"GET", "/graphiql/app.js", nav, "graphiql asset", 200},
		{"GET", "/images/x.svg", nav, "image", 200},
		{"GET", "/metrics", nav, "not found", 404},
		{"POST", "/products", nav, "", 405},
	}
	for _, c := range cases {
		req, _ := http.NewRequest(c.method, srv.URL+c.path, nil)
		req.Header.Set("Accept", c.accept)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.status || !strings.Contains(string(raw), c.body) {
			t.Errorf("%s %s: %d %q, want %d with %q", c.method, c.path, resp.StatusCode, raw, c.status, c.body)
		}
	}
}
