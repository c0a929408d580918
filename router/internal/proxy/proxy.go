// Package proxy serves files that subgraphs own — product images — under
// the router's origin, so browsers never need a subgraph's address and
// compose publishes only the router. It is a deliberately small reverse
// proxy: GET and HEAD only, plain paths only, streamed (never a whole file
// in memory), bounded in time and size, with an allow-list of headers in
// each direction so no credential, cookie or internal header crosses it.
package proxy

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// Route is one proxied prefix (config.ProxyRoute, resolved).
type Route struct {
	// Prefix is the path prefix, e.g. /images/; paths are sent unchanged.
	Prefix string
	// Upstream is the subgraph's origin (scheme and host).
	Upstream *url.URL
	// Timeout bounds one request, body included.
	Timeout time.Duration
	// MaxBytes bounds one file.
	MaxBytes int64
	// CacheControl is sent when the upstream sends none.
	CacheControl string
}

// requestHeaders are the only client headers sent upstream: what
// conditional requests and content negotiation need. Authorization,
// Cookie, X-Nexus-Claims and everything else stay at the router.
var requestHeaders = []string{"Accept", "Accept-Encoding", "If-None-Match", "If-Modified-Since", "X-Request-ID"}

// responseHeaders are the only upstream headers sent to the client: the
// content's own and its caching headers. Set-Cookie and the like never are.
var responseHeaders = []string{
	"Content-Type", "Content-Length", "Content-Encoding", "ETag", "Last-Modified", "Cache-Control", "Expires", "Vary",
	"Content-Security-Policy", "X-Content-Type-Options",
}

// Handler proxies one Route.
type Handler struct {
	route  Route
	client *http.Client
	log    *slog.Logger
}

// New returns the handler of r. client may be nil (a client with its own
// transport: no environment proxy, no redirects followed).
func New(r Route, client *http.Client, log *slog.Logger) *Handler {
	if client == nil {
		client = &http.Client{Transport: &http.Transport{
			DialContext:           (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
			MaxIdleConnsPerHost:   32,
			IdleConnTimeout:       90 * time.Second,
			ResponseHeaderTimeout: r.Timeout,
		}}
	}
	c := *client
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Handler{route: r, client: &c, log: log}
}

// ServeHTTP proxies one GET or HEAD request.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	path, status := checkPath(r, h.route.Prefix)
	if status != 0 {
		http.Error(w, http.StatusText(status), status)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), h.route.Timeout)
	defer cancel()
	up := *h.route.Upstream
	up.Path = path
	req, err := http.NewRequestWithContext(ctx, r.Method, up.String(), nil)
	if err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	for _, k := range requestHeaders {
		if v := r.Header.Values(k); len(v) > 0 {
			req.Header[k] = v
		}
	}
	if req.Header.Get("Accept-Encoding") == "" {
		// Explicit, so the transport passes the body through as sent.
		req.Header.Set("Accept-Encoding", "identity")
	}
	resp, err := h.client.Do(req)
	if err != nil {
		// The route's deadline and the transport's header timeout are the
		// same duration: whichever fires first, it is a timeout.
		status := http.StatusBadGateway
		var ne net.Error
		if errors.Is(ctx.Err(), context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()) {
			status = http.StatusGatewayTimeout
		}
		h.fail(w, r, status, "upstream request failed", err)
		return
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusOK, resp.StatusCode == http.StatusNotModified:
	case resp.StatusCode == http.StatusNotFound, resp.StatusCode == http.StatusGone:
		http.Error(w, "not found", http.StatusNotFound)
		return
	default:
		h.fail(w, r, http.StatusBadGateway, "upstream answered "+strconv.Itoa(resp.StatusCode), nil)
		return
	}
	if resp.ContentLength > h.route.MaxBytes {
		h.fail(w, r, http.StatusBadGateway, "upstream file is larger than max_bytes", nil)
		return
	}
	hdr := w.Header()
	for _, k := range responseHeaders {
		if v := resp.Header.Values(k); len(v) > 0 {
			hdr[k] = v
		}
	}
	if hdr.Get("Cache-Control") == "" && h.route.CacheControl != "" {
		hdr.Set("Cache-Control", h.route.CacheControl)
	}
	hdr.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(resp.StatusCode)
	if r.Method == http.MethodHead || resp.StatusCode == http.StatusNotModified {
		return
	}
	buf := make([]byte, 32<<10)
	n, err := io.CopyBuffer(w, io.LimitReader(resp.Body, h.route.MaxBytes+1), buf)
	if n > h.route.MaxBytes || err != nil {
		// The status is sent: cut the connection so the client cannot take
		// a truncated file for a whole one.
		h.log.DebugContext(r.Context(), "proxy: response cut off", "path", path, "bytes", n, "over_limit", n > h.route.MaxBytes, "err", err)
		abort(w)
	}
}

// fail answers a request the upstream could not serve; the cause goes to
// the log only (it may name internal hosts).
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, status int, msg string, err error) {
	h.log.WarnContext(r.Context(), "proxy: "+msg, "prefix", h.route.Prefix, "err", err)
	http.Error(w, http.StatusText(status), status)
}

// abort closes the client connection mid-response.
func abort(w http.ResponseWriter) {
	if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
		_ = conn.Close()
	}
}
