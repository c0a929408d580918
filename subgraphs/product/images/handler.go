// Package images serves the catalog's placeholder pictures: deterministic SVGs
// drawn from the product or category identity, so a fresh install (and every
// test) has images without binary assets, object storage or network access.
package images

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Path prefixes the handler answers under; the product store records image
// URLs as paths below these so the subgraph can make them absolute.
const (
	ProductPrefix  = "/images/products/"
	CategoryPrefix = "/images/categories/"
)

// MaxImages bounds the per-product image index n in /images/products/<id>/<n>.svg
// so crawlers cannot make the handler render unbounded distinct URLs.
const MaxImages = 100

// CacheControl is sent with every image. The picture only changes when a
// product is renamed, so a day of freshness plus ETag revalidation keeps
// storefronts fast without pinning a stale name for a year.
const CacheControl = "public, max-age=86400, stale-while-revalidate=604800"

// ProductNameFunc looks up the display name drawn into a product's picture.
// found is false when no product has that id (the handler answers 404);
// err is reserved for lookups that could not be made (the handler answers 500).
type ProductNameFunc func(ctx context.Context, id string) (name string, found bool, err error)

// Handler is the http.Handler for ProductPrefix and CategoryPrefix. Mount it on
// "/images/". It answers GET and HEAD only, and 404 for any path it did not
// itself hand out, so it cannot be probed for arbitrary content.
type Handler struct {
	productName ProductNameFunc
	log         *slog.Logger
}

// New returns a Handler. productName may be nil, in which case product
// pictures carry the id instead of the name and every well-formed id is served
// (useful offline and in tests). log may be nil.
func New(productName ProductNameFunc, log *slog.Logger) *Handler {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Handler{productName: productName, log: log}
}

var (
	idPattern   = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)
	slugPattern = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)
)

// ServeHTTP routes to the product or category picture, sets the caching
// headers and lets http.ServeContent handle HEAD and If-None-Match.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	var (
		body []byte
		ok   bool
	)
	path := r.URL.Path
	if rest, found := strings.CutPrefix(path, ProductPrefix); found {
		body, ok = h.product(w, r, rest)
	} else if rest, found := strings.CutPrefix(path, CategoryPrefix); found {
		body, ok = category(rest)
		if !ok {
			http.NotFound(w, r)
		}
	} else {
		http.NotFound(w, r)
		return
	}
	if !ok {
		return
	}
	sum := sha256.Sum256(body)
	hdr := w.Header()
	hdr.Set("Content-Type", "image/svg+xml")
	hdr.Set("Cache-Control", CacheControl)
	hdr.Set("ETag", `"`+hex.EncodeToString(sum[:12])+`"`)
	hdr.Set("X-Content-Type-Options", "nosniff")
	// SVG can carry script; these pictures never do, and the policy makes sure
	// a browser opening one directly would not run any.
	hdr.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

// product renders /images/products/<id>/<n>.svg, writing the error response
// itself when it returns ok=false.
func (h *Handler) product(w http.ResponseWriter, r *http.Request, rest string) ([]byte, bool) {
	id, file, found := strings.Cut(rest, "/")
	num, isSVG := strings.CutSuffix(file, ".svg")
	n, err := strconv.Atoi(num)
	if !found || !isSVG || !idPattern.MatchString(id) || err != nil ||
		n < 0 || n >= MaxImages || strconv.Itoa(n) != num {
		http.NotFound(w, r)
		return nil, false
	}
	name := id
	if h.productName != nil {
		got, exists, err := h.productName(r.Context(), id)
		if err != nil {
			h.log.ErrorContext(r.Context(), "image: product name lookup failed", "id", id, "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return nil, false
		}
		if !exists {
			http.NotFound(w, r)
			return nil, false
		}
		name = got
	}
	return Render(Picture{Key: id, Variant: n, Title: name}), true
}

// category renders /images/categories/<slug>.svg from the slug alone: a
// category's slug already spells its name, so no lookup is needed.
func category(rest string) ([]byte, bool) {
	slug, isSVG := strings.CutSuffix(rest, ".svg")
	if !isSVG || len(slug) > 64 || !slugPattern.MatchString(slug) {
		return nil, false
	}
	return Render(Picture{Key: slug, Title: titleFromSlug(slug)}), true
}

// titleFromSlug turns "home-and-garden" into "Home And Garden".
func titleFromSlug(slug string) string {
	words := strings.Split(slug, "-")
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}
