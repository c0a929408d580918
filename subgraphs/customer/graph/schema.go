package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/nexus-commerce/nexus/subgraphs/customer/graph/generated"
)

// NewSchema returns the executable schema to serve. Every operation
// executed through it gets fresh loaders, so the customer fields of the
// users in one entity batch are read with one query per field, while no
// row outlives its operation.
func NewSchema(r *Resolver) graphql.ExecutableSchema {
	return requestScoped{ExecutableSchema: generated.NewExecutableSchema(generated.Config{Resolvers: r}), resolver: r}
}

// requestScoped decorates the generated schema with per-operation loaders.
type requestScoped struct {
	graphql.ExecutableSchema
	resolver *Resolver
}

// Exec attaches one set of loaders to the operation; the response handler
// may run more than once (deferred fragments) and reuses the same set.
func (s requestScoped) Exec(ctx context.Context) graphql.ResponseHandler {
	l := newLoaders(s.resolver.Store)
	next := s.ExecutableSchema.Exec(withLoaders(ctx, l))
	return func(ctx context.Context) *graphql.Response {
		return next(withLoaders(ctx, l))
	}
}
