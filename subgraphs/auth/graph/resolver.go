// Package graph is the auth subgraph's GraphQL layer: resolvers over the
// account service, the session cookie plumbing and federation lookups.
package graph

import (
	"log/slog"

	"github.com/99designs/gqlgen/graphql"

	"github.com/nexus-commerce/nexus/subgraphs/auth/account"
	"github.com/nexus-commerce/nexus/subgraphs/auth/graph/generated"
)

// Resolver is the root of every resolver and the only way dependencies
// reach them.
type Resolver struct {
	// Accounts runs the use cases.
	Accounts *account.Service
	// Cookie describes the session cookie.
	Cookie CookieConfig
	// Log receives failures worth an operator's look; nil discards them.
	Log *slog.Logger
}

// NewSchema returns the executable schema to serve.
func NewSchema(r *Resolver) graphql.ExecutableSchema {
	return generated.NewExecutableSchema(generated.Config{Resolvers: r})
}
