// Package inventory is the benchmark's inventory subgraph: stock flags and
// a shipping estimate computed from the price and weight the router brings
// from the products subgraph (@requires).
package inventory

import (
	"context"
	_ "embed"

	"github.com/99designs/gqlgen/graphql"

	"github.com/nexus-commerce/nexus/router/bench/subgraphs/data"
	"github.com/nexus-commerce/nexus/router/bench/subgraphs/inventory/generated"
	"github.com/nexus-commerce/nexus/router/bench/subgraphs/inventory/model"
)

// SDL is the subgraph's schema, composed by the benchmark into its supergraph.
//
//go:embed schema.graphqls
var SDL string

// Resolver holds the stock flags; read-only after New.
type Resolver struct {
	inStock map[string]*bool
}

// New builds the stock table from the benchmark dataset.
func New() *Resolver {
	r := &Resolver{inStock: map[string]*bool{}}
	for upc, ok := range data.InStock {
		r.inStock[upc] = &ok
	}
	return r
}

// Schema is the executable schema to serve.
func (r *Resolver) Schema() graphql.ExecutableSchema {
	return generated.NewExecutableSchema(generated.Config{Resolvers: r})
}

// FindManyProductByUpcs resolves a batch of Product representations in
// input order. Each result is a fresh object because gqlgen writes the
// required price and weight from the representation into it afterwards;
// an unknown UPC has no stock flag (null).
func (r *entityResolver) FindManyProductByUpcs(ctx context.Context, reps []*model.ProductByUpcsInput) ([]*model.Product, error) {
	out := make([]*model.Product, len(reps))
	for i, rep := range reps {
		out[i] = &model.Product{Upc: rep.Upc, InStock: r.inStock[rep.Upc]}
	}
	return out, nil
}

// ShippingEstimate is free over a price of 1000, else half the weight;
// null when the router did not send the price or the weight.
func (r *productResolver) ShippingEstimate(ctx context.Context, obj *model.Product) (*int, error) {
	if obj.Price == nil || obj.Weight == nil {
		return nil, nil
	}
	est := data.ShippingEstimate(*obj.Price, *obj.Weight)
	return &est, nil
}

// Entity returns generated.EntityResolver implementation.
func (r *Resolver) Entity() generated.EntityResolver { return &entityResolver{r} }

// Product returns generated.ProductResolver implementation.
func (r *Resolver) Product() generated.ProductResolver { return &productResolver{r} }

type (
	entityResolver  struct{ *Resolver }
	productResolver struct{ *Resolver }
)
