package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzServe throws arbitrary paths and headers at the handler: it never
// panics, never answers 5xx, and never serves a byte from outside the tree
// (the tree's sibling secret.txt and its symlink to it) or a hidden file.
func FuzzServe(f *testing.F) {
	for _, seed := range []string{"/", "/../secret.txt", "/link.txt", "/.env", "/assets/../../secret.txt", "//secret.txt", "/assets/%2e%2e/x", "/a\\..\\secret.txt", "/products/x", "/mfe/product/assets/app-99.js", "/sub/dir/"} {
		f.Add(seed, "text/html", "gzip")
	}
	h, err := New(Options{Dir: tree(f), Reserved: []string{"/graphql"}})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, path, accept, encoding string) {
		if !strings.HasPrefix(path, "/") {
			path = "/" + path
		}
		r := httptest.NewRequest(http.MethodGet, "http://shop.test/", nil)
		r.URL.Path = path
		r.Header.Set("Accept", accept)
		r.Header.Set("Accept-Encoding", encoding)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code >= 500 {
			t.Fatalf("%q: status %d", path, w.Code)
		}
		if body := w.Body.String(); strings.Contains(body, "outside") || strings.Contains(body, "SECRET") {
			t.Fatalf("%q leaked %q", path, body)
		}
	})
}
