// Package subgraphs serves the four subgraphs of the federation benchmark
// (accounts, inventory, products, reviews) over GraphQL-over-HTTP POST,
// each answering from memory so the benchmark measures the router, not the
// services behind it.
package subgraphs

import (
	"fmt"
	"net/http"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/nexus-commerce/nexus/router/bench/subgraphs/accounts"
	"github.com/nexus-commerce/nexus/router/bench/subgraphs/inventory"
	"github.com/nexus-commerce/nexus/router/bench/subgraphs/products"
	"github.com/nexus-commerce/nexus/router/bench/subgraphs/reviews"
)

// Names lists the subgraphs in the order the benchmark starts and composes them.
var Names = []string{"accounts", "inventory", "products", "reviews"}

// SDL returns a subgraph's schema.
func SDL(name string) (string, error) {
	switch name {
	case "accounts":
		return accounts.SDL, nil
	case "inventory":
		return inventory.SDL, nil
	case "products":
		return products.SDL, nil
	case "reviews":
		return reviews.SDL, nil
	}
	return "", unknown(name)
}

// Handler returns the HTTP handler of a subgraph, serving POST on any path.
func Handler(name string) (http.Handler, error) {
	var es graphql.ExecutableSchema
	switch name {
	case "accounts":
		es = accounts.New().Schema()
	case "inventory":
		es = inventory.New().Schema()
	case "products":
		es = products.New().Schema()
	case "reviews":
		es = reviews.New().Schema()
	default:
		return nil, unknown(name)
	}
	srv := handler.New(es)
	srv.AddTransport(transport.POST{})
	// The router sends the same few operations over and over; caching their
	// parsed and validated documents keeps the subgraph from re-parsing
	// each one, as any production gqlgen server does.
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	// gqlgen answers _service { sdl } only with introspection on, and the
	// router can compose from live subgraphs.
	srv.Use(extension.Introspection{})
	return srv, nil
}

func unknown(name string) error {
	return fmt.Errorf("subgraph %q: unknown (want one of %v)", name, Names)
}
