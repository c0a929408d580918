// Package web serves the built storefront (web/dist: the shell at the root,
// microfrontends under /mfe/<name>/) from the router's origin, so one door
// serves the pages, the API and the images: exact files for existing paths,
// index.html for browser navigations that match nothing (the single-page
// app routes them), 404 for everything else.
package web

import (
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// DefaultCSP lets the storefront load its own scripts, styles (Tailwind and
// Module Federation inject style tags), images (inline SVG data too) and
// talk to the router over HTTP and WebSocket on the same origin (CSP 3:
// 'self' covers ws: and wss: to the page's host).
const DefaultCSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
	"font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// Cache-Control values: content-hashed assets never change under their
// name; entry points (index.html, remoteEntry.js, the remote manifest) must
// be revalidated on every load so a deploy takes effect at once.
const (
	CacheImmutable  = "public, max-age=31536000, immutable"
	CacheRevalidate = "no-cache"
)

// Options configures a Handler.
type Options struct {
	// Dir is the built tree (absolute, or relative to the working directory).
	Dir string
	// CSP is the Content-Security-Policy sent with every answer; empty
	// means DefaultCSP, "off" sends none.
	CSP string
	// Reserved are path prefixes (the router's own routes: /graphql,
	// /metrics, ...) that never fall back to index.html, even when the
	// route behind them is switched off.
	Reserved []string
}

// Handler serves one built tree. Each request opens the directory afresh
// as an os.Root (no path, symlink included, escapes it), so a rebuild that
// replaces the tree is served at once.
type Handler struct {
	dir      string
	csp      string
	inline   *inlineHashes // nil unless the default CSP is used
	reserved []string
}

// New checks the tree (a directory with an index.html) and opens it.
func New(o Options) (*Handler, error) {
	if err := Check(o.Dir); err != nil {
		return nil, err
	}
	h := &Handler{dir: o.Dir, csp: o.CSP, reserved: o.Reserved}
	switch o.CSP {
	case "":
		h.csp, h.inline = DefaultCSP, &inlineHashes{}
	case "off":
		h.csp = ""
	}
	return h, nil
}

// Check reports why dir cannot be served: missing, not a directory, or
// without index.html (the web was not built: make web).
func Check(dir string) error {
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("web.dir: %s does not exist (build the storefront with `make web`)", dir)
	case err != nil:
		return fmt.Errorf("web.dir: %w", err)
	case !st.IsDir():
		return fmt.Errorf("web.dir: %s is not a directory", dir)
	}
	if st, err := os.Stat(filepath.Join(dir, "index.html")); err != nil || !st.Mode().IsRegular() {
		return fmt.Errorf("web.dir: %s has no index.html (build the storefront with `make web`)", dir)
	}
	return nil
}

// Close releases nothing today; it keeps the door open for caches.
func (h *Handler) Close() error { return nil }

// ServeHTTP answers GET and HEAD: the file, the app shell for a
// navigation, or 404.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("X-Content-Type-Options", "nosniff")
	root, err := os.OpenRoot(h.dir)
	if err != nil {
		http.Error(w, "storefront unavailable", http.StatusServiceUnavailable)
		return
	}
	defer root.Close()
	if h.csp != "" {
		hd.Set("Content-Security-Policy", h.policy(root))
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hd.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := cleanName(r.URL.Path)
	if !ok {
		http.NotFound(w, r)
		return
	}
	if name == "" {
		name = "index.html"
	}
	if h.serveFile(w, r, root, name) {
		return
	}
	if h.isNavigation(r, name) && h.serveFile(w, r, root, "index.html") {
		return
	}
	http.NotFound(w, r)
}

// cleanName turns a URL path into a name inside the tree, refusing
// anything that is not a plain relative path: dot segments, empty segments,
// backslashes, NUL, hidden files.
func cleanName(p string) (string, bool) {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	name := strings.TrimPrefix(p, "/")
	if name == "" {
		return "", true
	}
	for _, seg := range strings.Split(name, "/") {
		if seg == "" || strings.HasPrefix(seg, ".") {
			return "", false
		}
	}
	return name, true
}

// isNavigation: a browser loading a page (GET/HEAD accepting HTML) at an
// app route (no file extension) outside the router's own paths.
func (h *Handler) isNavigation(r *http.Request, name string) bool {
	if !strings.Contains(r.Header.Get("Accept"), "text/html") || strings.Contains(path.Base(name), ".") {
		return false
	}
	for _, p := range h.reserved {
		if p == "" {
			continue
		}
		if r.URL.Path == strings.TrimSuffix(p, "/") || strings.HasPrefix(r.URL.Path, strings.TrimSuffix(p, "/")+"/") {
			return false
		}
	}
	return true
}
