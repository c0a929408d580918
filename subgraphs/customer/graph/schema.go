package graph

import (
	"github.com/99designs/gqlgen/graphql"

	"github.com/nexus-commerce/nexus/subgraphs/customer/graph/generated"
)

// NewSchema returns the executable schema to serve.
func NewSchema(r *Resolver) graphql.ExecutableSchema {
	return generated.NewExecutableSchema(generated.Config{Resolvers: r})
}
