// Package products is the benchmark's products subgraph: the catalog,
// answered from objects built once at start.
package products

import (
	"context"
	_ "embed"
	"fmt"

	"github.com/99designs/gqlgen/graphql"

	"github.com/nexus-commerce/nexus/router/bench/subgraphs/data"
	"github.com/nexus-commerce/nexus/router/bench/subgraphs/products/generated"
	"github.com/nexus-commerce/nexus/router/bench/subgraphs/products/model"
)

// SDL is the subgraph's schema, composed by the benchmark into its supergraph.
//
//go:embed schema.graphqls
var SDL string

// Resolver holds the precomputed catalog; read-only after New.
type Resolver struct {
	all   []*model.Product
	byUPC map[string]*model.Product
}

// New builds the catalog from the benchmark dataset.
func New() *Resolver {
	r := &Resolver{byUPC: map[string]*model.Product{}}
	for _, p := range data.Products {
		m := &model.Product{Upc: p.UPC, Name: &p.Name, Price: &p.Price, Weight: &p.Weight}
		r.all = append(r.all, m)
		r.byUPC[p.UPC] = m
	}
	return r
}

// Schema is the executable schema to serve.
func (r *Resolver) Schema() graphql.ExecutableSchema {
	return generated.NewExecutableSchema(generated.Config{Resolvers: r})
}

// FindManyProductByUpcs resolves a batch of Product representations in
// input order; an unknown UPC resolves to null.
func (r *entityResolver) FindManyProductByUpcs(ctx context.Context, reps []*model.ProductByUpcsInput) ([]*model.Product, error) {
	out := make([]*model.Product, len(reps))
	for i, rep := range reps {
		out[i] = r.byUPC[rep.Upc]
	}
	return out, nil
}

// TopProducts is the first `first` products of the catalog (default 5).
func (r *queryResolver) TopProducts(ctx context.Context, first *int) ([]*model.Product, error) {
	n := 5
	if first != nil {
		n = *first
	}
	if n < 0 {
		return nil, fmt.Errorf("first: must not be negative, got %d", n)
	}
	return r.all[:min(n, len(r.all))], nil
}

// Entity returns generated.EntityResolver implementation.
func (r *Resolver) Entity() generated.EntityResolver { return &entityResolver{r} }

// Query returns generated.QueryResolver implementation.
func (r *Resolver) Query() generated.QueryResolver { return &queryResolver{r} }

type (
	entityResolver struct{ *Resolver }
	queryResolver  struct{ *Resolver }
)
