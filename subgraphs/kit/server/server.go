// Package server bootstraps a gqlgen subgraph the same way in every
// service: GraphQL over HTTP with a query cache and APQ, /healthz and
// /readyz, request ids and request logs, panic recovery, error masking, a
// body size limit and graceful shutdown.
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/jmoiron/sqlx"

	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
)

// Defaults applied by New to zero Options fields.
const (
	DefaultShutdownTimeout = 15 * time.Second
	DefaultMaxBodyBytes    = 1 << 20
)

// Options configures a subgraph server; zero values get the documented
// defaults.
type Options struct {
	// Name is the service name, for logs.
	Name string
	// Addr is the listen address of ListenAndServe (HTTP_ADDR).
	Addr string
	// Log receives request logs and the details of masked errors; nil
	// discards them.
	Log *slog.Logger
	// DB is pinged by /readyz (2s timeout); nil means always ready.
	DB *sqlx.DB
	// Schema is the gqlgen executable schema (generated.NewExecutableSchema).
	Schema graphql.ExecutableSchema
	// Mount adds extra routes (e.g. /images/); they get the request id,
	// log and recovery middleware but not the GraphQL body limit.
	Mount func(mux *http.ServeMux)
	// Transports are tried before the defaults (POST, GET, OPTIONS), for
	// subgraphs that serve subscriptions (transport.SSE, transport.Websocket).
	Transports []graphql.Transport
	// ShutdownTimeout bounds how long in-flight requests may take to finish
	// once the context of Serve ends; default 15s.
	ShutdownTimeout time.Duration
	// MaxBodyBytes caps a GraphQL request body; larger bodies get 413 with
	// a clear error. Default 1 MiB.
	MaxBodyBytes int64
	// Limits bound depth, aliases and fields of one operation (defaults in
	// Limits); the router's limits come first, these are the second line.
	Limits Limits
	// RouterSecret verifies the X-Nexus-Claims header the router signs
	// (NEXUS_ROUTER_SECRET): verified claims reach resolvers through
	// kit/auth.ClaimsFrom. Empty: every caller is anonymous.
	RouterSecret []byte
	// RequireRouter is production mode: every GraphQL request (WebSocket
	// and SSE subscriptions included) must carry the router's signature,
	// anonymous or with claims; anything else is answered 403 FORBIDDEN
	// before its body is read (kit/auth.RequireRouter). Needs RouterSecret.
	// Off (development), requests without the header are served as
	// anonymous and a bad header is ignored. /healthz, /readyz and Mount's
	// routes are never gated.
	RequireRouter bool
}

// Server is one subgraph's HTTP server.
type Server struct {
	o       Options
	handler http.Handler
}

// New checks the options, applies defaults and builds the handler tree.
func New(o Options) (*Server, error) {
	if o.Schema == nil {
		return nil, errors.New("server: Options.Schema is required")
	}
	if o.ShutdownTimeout < 0 || o.MaxBodyBytes < 0 {
		return nil, fmt.Errorf("server: ShutdownTimeout (%s) and MaxBodyBytes (%d) must not be negative", o.ShutdownTimeout, o.MaxBodyBytes)
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.Name != "" {
		o.Log = o.Log.With("service", o.Name)
	}
	if o.ShutdownTimeout == 0 {
		o.ShutdownTimeout = DefaultShutdownTimeout
	}
	if o.MaxBodyBytes == 0 {
		o.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if o.Limits.MaxDepth < 0 || o.Limits.MaxAliases < 0 || o.Limits.MaxFields < 0 {
		return nil, fmt.Errorf("server: Limits %+v must not be negative", o.Limits)
	}
	o.Limits.defaults()
	if o.RequireRouter {
		if _, err := kitauth.CheckSecret(string(o.RouterSecret)); err != nil {
			return nil, fmt.Errorf("server: production mode accepts GraphQL only from the router, which needs the shared secret: %w", err)
		}
	}
	mux := http.NewServeMux()
	mux.Handle("/graphql", access(o, limitBody(graphqlHandler(o), o.MaxBodyBytes)))
	mux.HandleFunc("GET /healthz", healthz)
	mux.Handle("GET /readyz", readyz(o.DB, o.Log))
	if o.Mount != nil {
		o.Mount(mux)
	}
	return &Server{o: o, handler: middleware(o.Log, mux)}, nil
}

// Handler is the full handler with middleware, for tests and for embedding
// in another server.
func (s *Server) Handler() http.Handler { return s.handler }

// ListenAndServe listens on Options.Addr and serves until ctx ends (see
// Serve).
func (s *Server) ListenAndServe(ctx context.Context) error {
	if s.o.Addr == "" {
		return errors.New("server: Options.Addr is empty (set HTTP_ADDR)")
	}
	ln, err := net.Listen("tcp", s.o.Addr)
	if err != nil {
		return fmt.Errorf("server: listen on %s: %w", s.o.Addr, err)
	}
	return s.Serve(ctx, ln)
}

// Serve serves on ln until ctx ends, then stops accepting and lets
// in-flight requests finish within ShutdownTimeout, so a rolling deploy
// drops no request. It returns nil after a clean shutdown, and an error if
// serving failed or requests had to be cut off.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(s.o.Log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	s.o.Log.Info("listening", "addr", ln.Addr().String())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("server: %w", err)
	case <-ctx.Done():
	}
	s.o.Log.Info("shutting down, draining in-flight requests", "timeout", s.o.ShutdownTimeout)
	sctx, cancel := context.WithTimeout(context.Background(), s.o.ShutdownTimeout)
	defer cancel()
	err := srv.Shutdown(sctx)
	if serr := <-errc; !errors.Is(serr, http.ErrServerClosed) {
		return fmt.Errorf("server: %w", serr)
	}
	if err != nil {
		_ = srv.Close()
		return fmt.Errorf("server: in-flight requests did not finish within %s: %w", s.o.ShutdownTimeout, err)
	}
	s.o.Log.Info("stopped")
	return nil
}
