package graphiql

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

func TestWantsHTML(t *testing.T) {
	tests := []struct {
		method, url, accept string
		want                bool
	}{
		{"GET", "/graphql", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", true},
		{"GET", "/graphql?query={a}", "text/html", false},
		{"GET", "/graphql", "application/json", false},
		{"GET", "/graphql", "application/graphql-response+json, text/html", false},
		{"POST", "/graphql", "text/html", false},
		{"GET", "/graphql", "", false},
	}
	for _, tt := range tests {
		r := httptest.NewRequest(tt.method, tt.url, nil)
		r.Header.Set("Accept", tt.accept)
		if got := WantsHTML(r); got != tt.want {
			t.Errorf("%s %s Accept %q = %v, want %v", tt.method, tt.url, tt.accept, got, tt.want)
		}
	}
}

func full() fstest.MapFS {
	m := fstest.MapFS{}
	for _, n := range required {
		m[n] = &fstest.MapFile{Data: []byte("/* " + n + " */")}
	}
	return m
}

func TestPageAndAssets(t *testing.T) {
	h := newHandler(full(), Config{Endpoint: "/graphql", Title: "Nexus </script>"})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/graphql", nil))
	body := rec.Body.String()
	if rec.Code != 200 || !strings.Contains(rec.Header().Get("Content-Security-Policy"), "default-src 'self'") {
		t.Fatalf("page: %d %v", rec.Code, rec.Header())
	}
	if strings.Contains(body, "http://") || strings.Contains(body, "https://") {
		t.Fatalf("page references another origin:\n%s", body)
	}
	if strings.Count(body, "</script>") != 5+len(scripts) || !strings.Contains(body, `"endpoint":"/graphql"`) {
		t.Fatalf("config not injected safely:\n%s", body)
	}

	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", AssetPrefix+"graphiql.js", nil))
	if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/javascript") || rec.Header().Get("ETag") == "" {
		t.Fatalf("asset: %d %v", rec.Code, rec.Header())
	}
	req := httptest.NewRequest("GET", AssetPrefix+"graphiql.js", nil)
	req.Header.Set("If-None-Match", rec.Header().Get("ETag"))
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusNotModified {
		t.Fatalf("conditional GET = %d", rec.Code)
	}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", AssetPrefix+"../go.mod", nil))
	if rec.Code != http.StatusNotFound {
		t.Fatalf("unknown asset = %d", rec.Code)
	}
}

func TestMissingBundle(t *testing.T) {
	h := newHandler(fstest.MapFS{"README.md": {Data: []byte("x")}}, Config{Endpoint: "/graphql"})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/graphql", nil))
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "make graphiql") {
		t.Fatalf("%d %s", rec.Code, rec.Body.String())
	}
}
