package server

import (
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
)

// Cache sizes: parsed documents are shared by all clients of a subgraph
// (the router sends a small set of generated operations); APQ entries are
// full query texts.
const (
	queryCacheSize = 1000
	apqCacheSize   = 1000
)

// graphqlHandler is gqlgen's server with the transports, caches and error
// handling every subgraph shares. Introspection stays on: the router and
// composition tools read the schema through it and _service.
func graphqlHandler(o Options) *handler.Server {
	h := handler.New(o.Schema)
	for _, t := range o.Transports {
		h.AddTransport(t)
	}
	h.AddTransport(transport.Options{})
	h.AddTransport(transport.GET{})
	h.AddTransport(transport.POST{})
	h.SetQueryCache(lru.New[*ast.QueryDocument](queryCacheSize))
	h.Use(extension.Introspection{})
	h.Use(o.Limits)
	h.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](apqCacheSize)})
	h.SetErrorPresenter(ErrorPresenter(o.Log))
	h.SetRecoverFunc(recoverFunc(o.Log))
	return h
}
