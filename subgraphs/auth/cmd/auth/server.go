package main

import (
	"log/slog"
	"net/http"

	"github.com/jmoiron/sqlx"

	"github.com/nexus-commerce/nexus/subgraphs/auth/account"
	"github.com/nexus-commerce/nexus/subgraphs/auth/graph"
	"github.com/nexus-commerce/nexus/subgraphs/auth/keys"
	"github.com/nexus-commerce/nexus/subgraphs/auth/revocation"
	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
	"github.com/nexus-commerce/nexus/subgraphs/kit/server"
)

// newServer wires the GraphQL schema, the JWKS and the revocation feed
// onto the kit's server. The GraphQL transports carry the session cookie
// plumbing (graph.Transports).
func newServer(cfg Config, log *slog.Logger, db *sqlx.DB, svc *account.Service, km *keys.Manager, feed *revocation.Handler) (*server.Server, error) {
	return server.New(server.Options{
		Name: "auth",
		Addr: cfg.HTTPAddr,
		Log:  log,
		DB:   db,
		Schema: graph.NewSchema(&graph.Resolver{
			Accounts: svc, Log: log,
			Cookie: graph.CookieConfig{Name: cfg.CookieName, Secure: cfg.CookieSecure},
		}),
		Transports:    graph.Transports(),
		RouterSecret:  cfg.RouterSecret,
		RequireRouter: cfg.Mode == ModeProduction,
		Limits:        cfg.Limits,
		MaxBodyBytes:  cfg.MaxBodyBytes,
		Mount: func(mux *http.ServeMux) {
			mux.Handle("GET /.well-known/jwks.json", jwksHandler(km))
			mux.Handle("GET /revocations", routerOnly(cfg, log, feed))
		},
		ShutdownTimeout: cfg.ShutdownTimeout,
	})
}

// jwksHandler serves the published public keys; public and cacheable for
// five minutes (a new key is published well before it signs).
func jwksHandler(km *keys.Manager) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "public, max-age=300")
		_, _ = w.Write(km.JWKS())
	})
}

// routerOnly lets only requests the router signed through (anonymous
// signature included), like GraphQL in production. Without a secret
// (development only) the feed is open: there is nothing to verify with.
func routerOnly(cfg Config, log *slog.Logger, h http.Handler) http.Handler {
	if len(cfg.RouterSecret) == 0 {
		return h
	}
	return kitauth.RequireRouter(cfg.RouterSecret, func(r *http.Request, err error) {
		log.DebugContext(r.Context(), "revocation feed request refused: not signed by the router", "err", err)
	})(h)
}
