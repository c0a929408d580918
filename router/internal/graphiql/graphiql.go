// Package graphiql serves the GraphiQL IDE for browsers that GET the
// router's GraphQL endpoint. Every asset is embedded in the binary (built by
// `make graphiql`), so the IDE works on machines with no internet access,
// and a strict Content-Security-Policy keeps the page from loading anything
// from elsewhere.
package graphiql

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
)

//go:embed bundle
var embedded embed.FS

// AssetPrefix is where the bundled assets are served.
const AssetPrefix = "/graphiql/assets/"

// Config is what the page needs to know.
type Config struct {
	// Endpoint is the GraphQL endpoint the IDE queries (same origin).
	Endpoint string
	// Title names the API in the browser tab.
	Title string
}

// csp allows only this origin; GraphiQL sets inline style attributes.
const csp = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
	"font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

// scripts are our own files, loaded in this order after React, GraphiQL
// and the graphql-ws client: the query plan plugin (view, then panel), the
// fetcher (HTTP for queries and mutations, graphql-transport-ws over a
// same-origin WebSocket for subscriptions) and the boot script that mounts
// GraphiQL with them.
var scripts = []string{"nexus-query-plan-view.js", "nexus-query-plan.js", "nexus-fetcher.js", "nexus-graphiql.js"}

// required lists every file the bundle must hold for the page to work.
var required = append([]string{"react.js", "react-dom.js", "graphiql.js", "graphql-ws.js", "graphiql.css", "nexus-graphiql.css"}, scripts...)

const defaultQuery = `# Welcome to Nexus. Try a search (the CatalogEvents tab shows live updates):
query Products {
  products(first: 5, filter: {search: "headphones"}, sort: PRICE_ASC) {
    totalCount
    edges { node { name price { amount currency } category { name } } }
  }
}
`

// liveQuery is the second tab a first visit opens: a subscription to the
// catalog's events, so a change made anywhere through the router (another
// tab, the admin app, curl) shows up here while it runs.
const liveQuery = `# Live updates: run this (the play button) and keep the tab
# open. Each catalog change committed through the router (in
# another tab, the admin app or curl) shows up here.
# Changes need an admin token in that tab's Headers editor:
#   {"Authorization": "Bearer <token>"}
# To resume without missing an event, pass the last cursor:
#   catalogEvents(after: "<cursor>")
subscription CatalogEvents {
  catalogEvents {
    cursor
    type
    aggregateId
    occurredAt
    product { name price { amount currency } }
  }
}
`

// defaultTabs is what a first visit opens; later visits restore the tabs
// GraphiQL stored in the browser.
var defaultTabs = []map[string]string{{"query": defaultQuery}, {"query": liveQuery}}

var page = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}} GraphiQL</title>
<link rel="stylesheet" href="{{.Prefix}}graphiql.css">
<link rel="stylesheet" href="{{.Prefix}}nexus-graphiql.css">
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script type="application/json" id="nexus-graphiql-config">{{.Config}}</script>
<script src="{{.Prefix}}react.js"></script>
<script src="{{.Prefix}}react-dom.js"></script>
<script src="{{.Prefix}}graphiql.js"></script>
<script src="{{.Prefix}}graphql-ws.js"></script>
{{range .Scripts}}<script src="{{$.Prefix}}{{.}}"></script>
{{end}}
</body>
</html>
`))

const missing = `<!doctype html><html><head><meta charset="utf-8"><title>GraphiQL unavailable</title></head>
<body><h1>GraphiQL assets are not built</h1><p>Run <code>make graphiql</code> and rebuild the router.</p></body></html>
`

// Handler serves the page (on any path it is mounted at) and the assets
// under AssetPrefix.
func Handler(cfg Config) http.Handler {
	sub, _ := fs.Sub(embedded, "bundle")
	return newHandler(sub, cfg)
}

type handler struct {
	assets map[string]asset
	page   []byte
	ok     bool
}

type asset struct {
	body  []byte
	etag  string
	ctype string
}

func newHandler(fsys fs.FS, cfg Config) *handler {
	h := &handler{assets: map[string]asset{}, ok: true}
	for _, name := range required {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			h.ok = false
			continue
		}
		sum := sha256.Sum256(b)
		ctype := mime.TypeByExtension(path.Ext(name))
		if strings.HasSuffix(name, ".js") {
			ctype = "text/javascript; charset=utf-8"
		}
		h.assets[name] = asset{body: b, etag: `"` + hex.EncodeToString(sum[:8]) + `"`, ctype: ctype}
	}
	conf, _ := json.Marshal(map[string]any{"endpoint": cfg.Endpoint, "title": cfg.Title, "defaultQuery": defaultQuery, "defaultTabs": defaultTabs})
	var buf bytes.Buffer
	_ = page.Execute(&buf, map[string]any{"Title": cfg.Title, "Prefix": AssetPrefix, "Config": template.JS(conf), "Scripts": scripts})
	h.page = buf.Bytes()
	return h
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if name, ok := strings.CutPrefix(r.URL.Path, AssetPrefix); ok {
		a, found := h.assets[name]
		if !found {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", a.ctype)
		w.Header().Set("ETag", a.etag)
		w.Header().Set("Cache-Control", "public, max-age=300")
		if r.Header.Get("If-None-Match") == a.etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		_, _ = w.Write(a.body)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if !h.ok {
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte(missing))
		return
	}
	w.Header().Set("Content-Security-Policy", csp)
	w.Header().Set("X-Frame-Options", "DENY")
	_, _ = w.Write(h.page)
}

// WantsHTML reports whether a request is a browser navigation to the
// endpoint (GraphiQL) rather than GraphQL over GET: a GET with no query
// parameter whose Accept ranks text/html above JSON.
func WantsHTML(r *http.Request) bool {
	if r.Method != http.MethodGet || r.URL.Query().Has("query") {
		return false
	}
	accept := strings.ToLower(r.Header.Get("Accept"))
	html := strings.Index(accept, "text/html")
	if html < 0 {
		return false
	}
	json := strings.Index(accept, "json")
	return json < 0 || html < json
}
