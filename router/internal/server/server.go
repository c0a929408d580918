// Package server is the router's HTTP front end: GraphQL over HTTP (POST and
// GET), GraphiQL for browsers, health and readiness, request ids and logs.
package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"regexp"
	"runtime/debug"
	"sync/atomic"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/nexus-commerce/nexus/router/internal/config"
	"github.com/nexus-commerce/nexus/router/internal/cookie"
	"github.com/nexus-commerce/nexus/router/internal/gateway"
	"github.com/nexus-commerce/nexus/router/internal/metrics"
	"github.com/nexus-commerce/nexus/router/internal/persisted"
	"github.com/nexus-commerce/nexus/router/internal/recovery"
)

// Options configures a Server.
type Options struct {
	Log *slog.Logger
	// Path is where GraphQL is served, e.g. /graphql.
	Path   string
	Limits config.Limits
	// GraphiQL serves the browser IDE on GETs that WantsHTML accepts; nil
	// turns it off.
	GraphiQL  http.Handler
	WantsHTML func(*http.Request) bool
	// Assets serves GraphiQL's bundled files under AssetPrefix.
	Assets      http.Handler
	AssetPrefix string
	// ShutdownTimeout bounds the drain of in-flight requests.
	ShutdownTimeout time.Duration
	// ReadHeaderTimeout bounds reading a request's headers, WebSocket
	// upgrades included (then the connection is closed). Default 10s.
	// limits.body_read_timeout bounds the body that follows.
	ReadHeaderTimeout time.Duration
	// CORS lets browsers on other origins call the router; no
	// AllowOrigins means same-origin only.
	CORS config.CORS
	// Persisted resolves persisted operations and APQ; nil turns them off.
	Persisted *persisted.Store
	// Exec adjusts the per-request execution options (principal,
	// forwarded headers) after the server filled them in. An error whose
	// ErrorCode() is UNAUTHENTICATED is answered 401; others 500.
	Exec func(*http.Request, *gateway.ExecOptions) error
	// Subscriptions serves the streaming requests on Path (WebSocket
	// upgrades and requests accepting text/event-stream, as
	// IsSubscription tells them); nil leaves them to GraphQL over HTTP.
	Subscriptions  http.Handler
	IsSubscription func(*http.Request) bool
	// Metrics serves Prometheus metrics at MetricsPath; nil turns it off.
	Metrics     http.Handler
	MetricsPath string
	// Collectors counts recovered panics (nexus_router_panics_total); nil
	// counts nothing.
	Collectors *metrics.Metrics
	// Files serves proxied subgraph files by path prefix (package proxy),
	// ahead of the mux so their handlers see paths uncleaned (files.go).
	// Fixed at New.
	Files map[string]http.Handler
	// Web serves the storefront (package web) for every path no other
	// route takes; nil leaves those 404. Fixed at New.
	Web http.Handler
	// Cookies are the cookies forwarded to subgraphs on GraphQL over HTTP
	// (package cookie), guarded by CSRFHeader (default X-Nexus-CSRF) and
	// the request's Origin; empty forwards none and drops every Set-Cookie.
	Cookies    []cookie.Rule
	CSRFHeader string
	// TrustedProxies are the addresses whose X-Forwarded-For is believed
	// when the client's address is sent to subgraphs (X-Forwarded-For).
	TrustedProxies []netip.Prefix
}

// Server serves one Gateway at a time; Swap replaces it without dropping
// requests in flight (they finish on the gateway they started with).
type Server struct {
	log *slog.Logger
	// opts is swapped whole by Reconfigure; handlers read it per request.
	cur  atomic.Pointer[Options]
	opts Options // as given to New: fixes the routes
	gw   atomic.Pointer[gateway.Gateway]
	mux  *http.ServeMux
	// bodies caches decoded POST bodies (see decodeBodyCached).
	bodies *lru.Cache[uint64, *bodyEntry]
	// cookiePolicy caches the compiled cookie policy (cookies.go).
	cookiePolicy cookiePolicyCache
}

// New builds the handler tree.
func New(o Options) *Server {
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.ShutdownTimeout == 0 {
		o.ShutdownTimeout = 15 * time.Second
	}
	if o.ReadHeaderTimeout == 0 {
		o.ReadHeaderTimeout = 10 * time.Second
	}
	s := &Server{log: o.Log, opts: o, mux: http.NewServeMux()}
	s.bodies, _ = lru.New[uint64, *bodyEntry](1024)
	s.cur.Store(&o)
	s.mux.HandleFunc(o.Path, s.serveEndpoint)
	if o.MetricsPath != "" {
		s.mux.HandleFunc("GET "+o.MetricsPath, func(w http.ResponseWriter, r *http.Request) {
			if m := s.current().Metrics; m != nil {
				m.ServeHTTP(w, r)
				return
			}
			http.NotFound(w, r)
		})
	}
	s.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("ok\n")) })
	s.mux.HandleFunc("GET /readyz", s.serveReady)
	if o.Assets != nil && o.AssetPrefix != "" {
		s.mux.Handle(o.AssetPrefix, o.Assets)
	}
	if o.Web != nil {
		// The least specific pattern: every other route wins.
		s.mux.Handle("/", o.Web)
	}
	return s
}

// Reconfigure applies options from a reloaded config to the requests that
// start after it: limits, GraphiQL and metrics on or off. Path and the
// routes stay as New set them (they need a restart).
func (s *Server) Reconfigure(o Options) {
	if o.Log == nil {
		o.Log = s.log
	}
	if o.ShutdownTimeout == 0 {
		o.ShutdownTimeout = s.opts.ShutdownTimeout
	}
	o.Path, o.AssetPrefix, o.MetricsPath = s.opts.Path, s.opts.AssetPrefix, s.opts.MetricsPath
	if o.Assets == nil {
		o.Assets = s.opts.Assets
	}
	if o.Subscriptions == nil {
		// Open subscriptions live in the handler New was given.
		o.Subscriptions, o.IsSubscription = s.opts.Subscriptions, s.opts.IsSubscription
	}
	s.cur.Store(&o)
}

func (s *Server) current() *Options { return s.cur.Load() }

func (s *Server) limits() config.Limits { return s.current().Limits }

// Swap installs a new gateway and returns the previous one (nil at first).
func (s *Server) Swap(g *gateway.Gateway) *gateway.Gateway { return s.gw.Swap(g) }

func (s *Server) gateway() *gateway.Gateway { return s.gw.Load() }

// Exec runs the current Exec hook (the reloaded one after a reload) on r,
// so the subscription handler authenticates exactly as GraphQL over HTTP.
func (s *Server) Exec(r *http.Request, o *gateway.ExecOptions) error {
	o.ClientAddr = clientAddr(r, s.current().TrustedProxies)
	if h := s.current().Exec; h != nil {
		return h(r, o)
	}
	return nil
}

// Gateway is the gateway new requests run on (nil before the first Swap);
// the subscription handler starts each subscription on it.
func (s *Server) Gateway() *gateway.Gateway { return s.gw.Load() }

// Handler is the whole HTTP handler with request ids, logging and recovery.
// CORS sits inside the request-id middleware so preflights are logged and
// carry X-Request-ID too.
func (s *Server) Handler() http.Handler { return s.middleware(s.withCORS(s.files(s.mux))) }

func (s *Server) serveEndpoint(w http.ResponseWriter, r *http.Request) {
	if o := s.current(); o.Subscriptions != nil && o.IsSubscription != nil && o.IsSubscription(r) {
		o.Subscriptions.ServeHTTP(w, r)
		return
	}
	if o := s.current(); o.GraphiQL != nil && o.WantsHTML != nil && r.Method == http.MethodGet && o.WantsHTML(r) {
		o.GraphiQL.ServeHTTP(w, r)
		return
	}
	s.serveGraphQL(w, r)
}

func (s *Server) serveReady(w http.ResponseWriter, _ *http.Request) {
	if s.gateway() == nil {
		http.Error(w, "no supergraph loaded", http.StatusServiceUnavailable)
		return
	}
	_, _ = w.Write([]byte("ready\n"))
}

// Serve serves on ln until ctx is cancelled, then drains in-flight requests
// for up to ShutdownTimeout. Connections over limits.max_connections_per_client
// from one address are refused at accept (503 TOO_MANY_CONNECTIONS).
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	ln = capPerClient(ln, func() int { return s.limits().ConnectionsPerClient() }, s.log)
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: s.opts.ReadHeaderTimeout,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	if sh, ok := s.opts.Subscriptions.(interface{ Shutdown() }); ok {
		// Hijacked WebSockets are not drained by http.Server.Shutdown.
		srv.RegisterOnShutdown(sh.Shutdown)
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), s.opts.ShutdownTimeout)
	defer cancel()
	err := srv.Shutdown(sctx)
	if serr := <-errc; serr != nil && !errors.Is(serr, http.ErrServerClosed) {
		return serr
	}
	return err
}

var validRequestID = regexp.MustCompile(`^[A-Za-z0-9._-]{1,128}$`)

// RequestID returns the request id the middleware assigned.
func RequestID(ctx context.Context) string {
	return gateway.RequestID(ctx)
}

type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}

// Unwrap lets http.ResponseController and WebSocket upgrades reach the
// connection (hijacking, write deadlines).
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// middleware assigns a request id (keeping a sane incoming X-Request-ID),
// recovers panics as 500s and logs one line per request — never bodies or
// credentials.
func (s *Server) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := r.Header.Get("X-Request-ID")
		if !validRequestID.MatchString(id) {
			var b [12]byte
			_, _ = rand.Read(b[:])
			id = hex.EncodeToString(b[:])
		}
		w.Header().Set("X-Request-ID", id)
		// In the gateway's context key, so what the gateway logs about
		// the request (a recovered panic) carries the same id.
		r = r.WithContext(gateway.WithRequestID(r.Context(), id))
		sw := &statusWriter{ResponseWriter: w}
		limitBodyRead(sw, r, s.limits().BodyReadTimeout)
		defer func() {
			if p := recover(); p != nil {
				recovery.Record(s.log, s.current().Collectors, recovery.KindHTTPRequest, id, p, debug.Stack())
				if sw.status == 0 {
					writeErrors(sw, mediaJSON, http.StatusInternalServerError, "INTERNAL_SERVER_ERROR", "internal error")
				}
			}
			s.log.Info("request", "method", r.Method, "path", r.URL.Path, "status", sw.status, "bytes", sw.bytes,
				"duration_ms", float64(time.Since(start).Microseconds())/1000, "request_id", id)
		}()
		next.ServeHTTP(sw, r)
	})
}
