package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// tree writes a built storefront like scripts/web.sh assembles it, plus a
// secret next to it that no request may reach.
func tree(t testing.TB) string {
	t.Helper()
	base := t.TempDir()
	dir := filepath.Join(base, "dist")
	big := strings.Repeat("console.log('nexus');\n", 200)
	files := map[string]string{
		"index.html":                   "<!doctype html><title>Nexus</title>",
		"favicon.svg":                  "<svg/>",
		"assets/index-abc123.js":       big,
		"assets/index-abc123.js.gz":    "", // filled below
		"assets/style-def456.css":      strings.Repeat("a{color:red}\n", 200),
		"assets/logo-1a2b.png":         "\x89PNG",
		"mfe/manifest.json":            `{"product":"/mfe/product/remoteEntry.js"}`,
		"mfe/product/remoteEntry.js":   "export const get = 1;",
		"mfe/product/assets/app-99.js": "export default 1;",
		".env":                         "SECRET=1",
		"sub/dir/keep.txt":             "x",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if name == "assets/index-abc123.js.gz" {
			var b bytes.Buffer
			zw := gzip.NewWriter(&b)
			_, _ = zw.Write([]byte(big))
			_ = zw.Close()
			body = b.String()
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The .gz sibling is written after (not older than) its source.
	later := time.Now().Add(time.Second)
	_ = os.Chtimes(filepath.Join(dir, "assets/index-abc123.js.gz"), later, later)
	if err := os.WriteFile(filepath.Join(base, "secret.txt"), []byte("outside"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(base, "secret.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func handler(t testing.TB) *Handler {
	t.Helper()
	h, err := New(Options{Dir: tree(t), Reserved: []string{"/graphql", "/metrics", "/healthz", "/readyz", "/graphiql/", "/images/"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = h.Close() })
	return h
}

func do(h http.Handler, method, target string, hdr map[string]string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, "http://shop.test/", nil)
	r.URL.Path = target // set raw so hostile paths reach the handler uncleaned
	r.RequestURI = target
	for k, v := range hdr {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

const html = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"

func TestRouting(t *testing.T) {
	h := handler(t)
	nav := map[string]string{"Accept": html}
	cases := []struct {
		name, method, path string
		hdr                map[string]string
		status             int
		body               string // substring; "" = don't check
	}{
		{"root is index.html", "GET", "/", nav, 200, "<title>Nexus"},
		{"exact file", "GET", "/favicon.svg", nil, 200, "<svg/>"},
		{"hashed asset", "GET", "/assets/index-abc123.js", nil, 200, "nexus"},
		{"remote entry", "GET", "/mfe/product/remoteEntry.js", nil, 200, "export"},
		{"manifest", "GET", "/mfe/manifest.json", nil, 200, "remoteEntry"},
		{"app route falls back", "GET", "/products/red-shoes", nav, 200, "<title>Nexus"},
		{"app route with query falls back", "GET", "/products", nav, 200, "<title>Nexus"},
		{"HEAD navigation falls back", "HEAD", "/products", nav, 200, ""},
		{"missing asset is 404 even for browsers", "GET", "/assets/x.js", nav, 404, "not found"},
		{"missing asset without Accept", "GET", "/assets/x.js", nil, 404, "not found"},
		{"no html accepted: 404", "GET", "/products", map[string]string{"Accept": "application/json"}, 404, ""},
		{"reserved /metrics never falls back", "GET", "/metrics", nav, 404, ""},
		{"reserved /graphiql/ never falls back", "GET", "/graphiql/x", nav, 404, ""},
		{"reserved /images/ never falls back", "GET", "/images/nope", nav, 404, ""},
		{"directory: no listing, falls back", "GET", "/sub/dir", nav, 200, "<title>Nexus"},
		{"directory without html: 404", "GET", "/sub/dir/", nil, 404, ""},
		{"POST refused", "POST", "/", nav, 405, ""},
		{"DELETE refused", "DELETE", "/assets/index-abc123.js", nil, 405, ""},
		{"dot dot", "GET", "/../secret.txt", nav, 404, ""},
		{"dot dot inside", "GET", "/assets/../../secret.txt", nav, 404, ""},
		{"encoded dot dot decoded", "GET", "/assets/%2e%2e/index.html", nav, 404, ""},
		{"backslash", "GET", "/..\\secret.txt", nav, 404, ""},
		{"NUL", "GET", "/index.html\x00.js", nil, 404, ""},
		{"double slash", "GET", "//etc/passwd", nav, 404, ""},
		{"hidden file", "GET", "/.env", nil, 404, ""},
		{"symlink out of the tree", "GET", "/link.txt", nil, 404, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := do(h, c.method, c.path, c.hdr)
			if w.Code != c.status {
				t.Fatalf("%s %q: status %d, want %d (%q)", c.method, c.path, w.Code, c.status, w.Body.String())
			}
			if c.body != "" && !strings.Contains(w.Body.String(), c.body) {
				t.Fatalf("%s %q: body %q lacks %q", c.method, c.path, w.Body.String(), c.body)
			}
			if strings.Contains(w.Body.String(), "outside") || strings.Contains(w.Body.String(), "SECRET") {
				t.Fatalf("%s %q leaked a file outside the tree", c.method, c.path)
			}
			if got := w.Header().Get("X-Content-Type-Options"); got != "nosniff" {
				t.Fatalf("X-Content-Type-Options = %q", got)
			}
		})
	}
}

func TestCaching(t *testing.T) {
	h := handler(t)
	cases := []struct{ path, want string }{
		{"/", CacheRevalidate},
		{"/index.html", CacheRevalidate},
		{"/mfe/manifest.json", CacheRevalidate},
		{"/mfe/product/remoteEntry.js", CacheRevalidate},
		{"/favicon.svg", CacheRevalidate},
		{"/assets/index-abc123.js", CacheImmutable},
		{"/assets/logo-1a2b.png", CacheImmutable},
		{"/mfe/product/assets/app-99.js", CacheImmutable},
	}
	for _, c := range cases {
		w := do(h, "GET", c.path, map[string]string{"Accept": html})
		if got := w.Header().Get("Cache-Control"); got != c.want {
			t.Errorf("%s: Cache-Control %q, want %q", c.path, got, c.want)
		}
	}
	// The fallback is index.html and is never cached for good.
	if got := do(h, "GET", "/products/x", map[string]string{"Accept": html}).Header().Get("Cache-Control"); got != CacheRevalidate {
		t.Errorf("fallback Cache-Control %q", got)
	}
}

func TestETag(t *testing.T) {
	h := handler(t)
	for _, enc := range []string{"", "gzip"} {
		for _, p := range []string{"/", "/assets/index-abc123.js", "/assets/style-def456.css", "/assets/logo-1a2b.png"} {
			first := do(h, "GET", p, map[string]string{"Accept-Encoding": enc})
			tag := first.Header().Get("ETag")
			if first.Code != 200 || tag == "" {
				t.Fatalf("%s (%q): status %d, ETag %q", p, enc, first.Code, tag)
			}
			again := do(h, "GET", p, map[string]string{"Accept-Encoding": enc, "If-None-Match": tag})
			if again.Code != http.StatusNotModified || again.Body.Len() != 0 {
				t.Errorf("%s (%q) If-None-Match: status %d, %d bytes", p, enc, again.Code, again.Body.Len())
			}
			other := do(h, "GET", p, map[string]string{"Accept-Encoding": enc, "If-None-Match": `"other"`})
			if other.Code != 200 {
				t.Errorf("%s (%q) stale If-None-Match: status %d", p, enc, other.Code)
			}
		}
	}
	plain := do(h, "GET", "/assets/index-abc123.js", nil).Header().Get("ETag")
	zipped := do(h, "GET", "/assets/index-abc123.js", map[string]string{"Accept-Encoding": "gzip"}).Header().Get("ETag")
	if plain == zipped {
		t.Errorf("identity and gzip share ETag %s", plain)
	}
}

func TestGzip(t *testing.T) {
	h := handler(t)
	cases := []struct {
		name, path, accept string
		gz                 bool
	}{
		{"precompressed sibling", "/assets/index-abc123.js", "gzip, deflate, br", true},
		{"on the fly", "/assets/style-def456.css", "gzip", true},
		{"not accepted", "/assets/index-abc123.js", "", false},
		{"refused by q=0", "/assets/index-abc123.js", "br, gzip;q=0", false},
		{"small file stays plain", "/favicon.svg", "gzip", false},
		{"binary stays plain", "/assets/logo-1a2b.png", "gzip", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := do(h, "GET", c.path, map[string]string{"Accept-Encoding": c.accept})
			if w.Code != 200 {
				t.Fatalf("status %d", w.Code)
			}
			if got := w.Header().Get("Content-Encoding") == "gzip"; got != c.gz {
				t.Fatalf("Content-Encoding %q, want gzip=%v", w.Header().Get("Content-Encoding"), c.gz)
			}
			body := w.Body.Bytes()
			if c.gz {
				zr, err := gzip.NewReader(bytes.NewReader(body))
				if err != nil {
					t.Fatal(err)
				}
				if body, err = io.ReadAll(zr); err != nil {
					t.Fatal(err)
				}
			}
			ct := w.Header().Get("Content-Type")
			if strings.HasSuffix(c.path, ".js") && !strings.HasPrefix(ct, "text/javascript") {
				t.Errorf("Content-Type %q", ct)
			}
			if strings.HasSuffix(c.path, ".js") && !bytes.Contains(body, []byte("nexus")) {
				t.Errorf("body %q", body)
			}
			if strings.HasSuffix(c.path, ".css") && !bytes.Contains(body, []byte("color:red")) {
				t.Errorf("body %q", body)
			}
		})
	}
}

func TestCSP(t *testing.T) {
	h := handler(t)
	if got := do(h, "GET", "/", nil).Header().Get("Content-Security-Policy"); got != DefaultCSP {
		t.Errorf("default CSP %q", got)
	}
	// index.html's inline script (the theme before first paint) is allowed
	// by its hash, and the hash follows a rebuild.
	dir := tree(t)
	h2, _ := New(Options{Dir: dir})
	_ = os.WriteFile(filepath.Join(dir, "index.html"), []byte("<script>var t=1;</script><script type=module src=/assets/a.js></script>"), 0o644)
	sum := sha256.Sum256([]byte("var t=1;"))
	want := "script-src 'self' 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "';"
	if got := do(h2, "GET", "/", nil).Header().Get("Content-Security-Policy"); !strings.Contains(got, want) {
		t.Errorf("CSP %q lacks %q", got, want)
	}
	later := time.Now().Add(2 * time.Second)
	_ = os.WriteFile(filepath.Join(dir, "index.html"), []byte("<title>no scripts</title>"), 0o644)
	_ = os.Chtimes(filepath.Join(dir, "index.html"), later, later)
	if got := do(h2, "GET", "/", nil).Header().Get("Content-Security-Policy"); got != DefaultCSP {
		t.Errorf("CSP after rebuild %q", got)
	}
	custom, err := New(Options{Dir: tree(t), CSP: "default-src 'none'"})
	if err != nil {
		t.Fatal(err)
	}
	if got := do(custom, "GET", "/", nil).Header().Get("Content-Security-Policy"); got != "default-src 'none'" {
		t.Errorf("custom CSP %q", got)
	}
	off, err := New(Options{Dir: tree(t), CSP: "off"})
	if err != nil {
		t.Fatal(err)
	}
	if got := do(off, "GET", "/", nil).Header().Get("Content-Security-Policy"); got != "" {
		t.Errorf("CSP off: %q", got)
	}
}

func TestCheck(t *testing.T) {
	empty := t.TempDir()
	file := filepath.Join(empty, "file")
	_ = os.WriteFile(file, nil, 0o644)
	cases := []struct{ dir, want string }{
		{filepath.Join(empty, "missing"), "does not exist"},
		{file, "not a directory"},
		{empty, "no index.html"},
	}
	for _, c := range cases {
		err := Check(c.dir)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "web.dir") {
			t.Errorf("Check(%s) = %v, want %q", c.dir, err, c.want)
		}
		if _, err := New(Options{Dir: c.dir}); err == nil {
			t.Errorf("New(%s) succeeded", c.dir)
		}
	}
	if err := Check(tree(t)); err != nil {
		t.Errorf("Check(built tree) = %v", err)
	}
}
