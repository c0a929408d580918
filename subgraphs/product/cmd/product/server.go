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

	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
	"github.com/nexus-commerce/nexus/subgraphs/kit/events"
	"github.com/nexus-commerce/nexus/subgraphs/kit/server"
	product "github.com/nexus-commerce/nexus/subgraphs/product"
	"github.com/nexus-commerce/nexus/subgraphs/product/graph"
	"github.com/nexus-commerce/nexus/subgraphs/product/images"
	"github.com/nexus-commerce/nexus/subgraphs/product/store"
)

// keepAlive is how often an idle subscription WebSocket is pinged, so
// proxies and the router see it alive and a dead peer is noticed.
const keepAlive = 15 * time.Second

// newServer wires the GraphQL schema and the image handler onto the kit's
// server, which owns /graphql, /healthz, /readyz, logging and error masking.
// Subscriptions are served over WebSocket (graphql-transport-ws and the
// legacy graphql-ws) and SSE; every GraphQL transport first verifies the
// router-signed claims, which the admin mutations check for the admin scope.
func newServer(cfg Config, log *slog.Logger, db *sqlx.DB, st *store.Store, bus events.Bus) (*server.Server, error) {
	verify := kitauth.Middleware(cfg.RouterSecret, func(r *http.Request, err error) {
		log.WarnContext(r.Context(), "forwarded claims rejected; request treated as anonymous", "err", err, "request_id", server.RequestID(r.Context()))
	})
	return server.New(server.Options{
		Name: "product",
		Addr: cfg.HTTPAddr,
		Log:  log,
		DB:   db,
		Schema: graph.NewSchema(&graph.Resolver{
			Store: st, Writer: st, Bus: bus, Log: log, PublicURL: cfg.PublicURL,
		}),
		// The router is the trusted caller of subscriptions: connection_init
		// carries nothing to check (claims come in the upgrade request's
		// X-Nexus-Claims header, verified like any other request's).
		// SSE must come before POST, which would otherwise take its requests.
		Transports: []graphql.Transport{
			authenticated{transport.Websocket{KeepAlivePingInterval: keepAlive}, verify},
			authenticated{transport.SSE{}, verify},
			authenticated{transport.POST{}, verify},
			authenticated{transport.GET{}, verify},
		},
		Mount: func(mux *http.ServeMux) {
			mux.Handle("/images/", images.New(productNames(st), log))
		},
		ShutdownTimeout: cfg.ShutdownTimeout,
	})
}

// authenticated runs a gqlgen transport behind kitauth.Middleware, so the
// resolvers find the verified claims (kitauth.HasScope) in the request
// context and an unverifiable X-Nexus-Claims header never reaches them.
// The kit's server has no hook around /graphql; wrapping each transport is
// the same thing from inside.
type authenticated struct {
	graphql.Transport
	verify func(http.Handler) http.Handler
}

func (a authenticated) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	a.verify(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a.Transport.Do(w, r, exec)
	})).ServeHTTP(w, r)
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
