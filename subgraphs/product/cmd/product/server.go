package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"

	"github.com/jmoiron/sqlx"

	"github.com/nexus-commerce/nexus/subgraphs/kit/server"
	product "github.com/nexus-commerce/nexus/subgraphs/product"
	"github.com/nexus-commerce/nexus/subgraphs/product/graph"
	"github.com/nexus-commerce/nexus/subgraphs/product/images"
)

// newServer wires the GraphQL schema and the image handler onto the kit's
// server, which owns /graphql, /healthz, /readyz, logging and error masking.
func newServer(cfg Config, log *slog.Logger, db *sqlx.DB, st product.Store) (*server.Server, error) {
	return server.New(server.Options{
		Name:   "product",
		Addr:   cfg.HTTPAddr,
		Log:    log,
		DB:     db,
		Schema: graph.NewSchema(&graph.Resolver{Store: st, PublicURL: cfg.PublicURL}),
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
