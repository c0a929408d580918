// Package graph is the auth subgraph's GraphQL layer: resolvers over the
// account service, the session cookie plumbing and federation lookups.
package graph

import (
	"log/slog"

	"github.com/nexus-commerce/nexus/subgraphs/auth/account"
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
