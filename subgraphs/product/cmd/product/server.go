package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/jmoiron/sqlx"

	"github.com/nexus-commerce/nexus/subgraphs/kit/events"
	"github.com/nexus-commerce/nexus/subgraphs/kit/server"
	product "github.com/nexus-commerce/nexus/subgraphs/product"
	"github.com/nexus-commerce/nexus/subgraphs/product/graph"
	"github.com/nexus-commerce/nexus/subgraphs/product/images"
	"github.com/nexus-commerce/nexus/subgraphs/product/index"
	"github.com/nexus-commerce/nexus/subgraphs/product/store"
)

// keepAlive is how often an idle subscription WebSocket is pinged, so
// proxies and the router see it alive and a dead peer is noticed.
const keepAlive = 15 * time.Second

// newServer wires the GraphQL schema and the image handler onto the kit's
// server, which owns /graphql, /healthz, /readyz, logging and error masking.
// Subscriptions are served over WebSocket (graphql-transport-ws and the
// legacy graphql-ws) and SSE. Every GraphQL request — a subscription's
// upgrade too — passes the kit's router check first: in production only
// the router's signed requests are served; the verified claims are what
// the admin mutations check for the admin scope.
//
// Listings and facets come from ix, the in-memory catalog index (SQL
// listings until its first build; facets wait for it).
func newServer(cfg Config, log *slog.Logger, db *sqlx.DB, st *store.Store, ix *index.Index, bus events.Bus) (*server.Server, error) {
	return server.New(server.Options{
		Name: "product",
		Addr: cfg.HTTPAddr,
		Log:  log,
		DB:   db,
		Schema: graph.NewSchema(&graph.Resolver{
			Store: index.Store{Store: st, Index: ix}, Writer: st, Search: ix,
			Variants: st, VariantWriter: st, Reviews: st,
			Bus: bus, Log: log, PublicURL: cfg.PublicURL,
		}),
		// The router is the trusted caller of subscriptions: connection_init
		// carries nothing to check (its signature comes in the upgrade
		// request's X-Nexus-Claims header, checked like any other request's).
		// SSE must come before POST, which would otherwise take its requests.
		Transports: []graphql.Transport{
			transport.Websocket{KeepAlivePingInterval: keepAlive},
			transport.SSE{},
		},
		RouterSecret:  cfg.RouterSecret,
		RequireRouter: cfg.Mode == ModeProduction,
		Limits:        cfg.Limits,
		MaxBodyBytes:  cfg.MaxBodyBytes,
		Mount: func(mux *http.ServeMux) {
			mux.Handle("/images/", images.New(productNames(st), log))
		},
		ShutdownTimeout: cfg.ShutdownTimeout,
	})
}

// productNames adapts the store to the image handler's name lookup: the
// picture of an unknown product is a 404, not a placeholder for nothing.
func productNames(st product.Store) images.ProductNameFunc {
	return func(ctx context.Context, id string) (string, bool, error) {
		p, err := st.Product(ctx, id)
		var perr *product.Error
		switch {
		case err == nil:
			return p.Name, true, nil
		case errors.As(err, &perr) && perr.Code == product.NotFound:
			return "", false, nil
		default:
			return "", false, err
		}
	}
}
