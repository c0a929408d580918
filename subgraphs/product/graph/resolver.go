// Package graph is the product subgraph's GraphQL layer: the gqlgen resolvers
// over the catalog store, federation entity lookups and the per-request batch
// loaders that keep nested fields from issuing one query per object.
package graph

import (
	"log/slog"

	"github.com/nexus-commerce/nexus/subgraphs/kit/events"
	product "github.com/nexus-commerce/nexus/subgraphs/product"
)

// Resolver is the root of every resolver and the only way dependencies reach
// them, so a test or the binary wires a subgraph by filling in one struct.
type Resolver struct {
	// Store reads the catalog. Every batched lookup goes through it, which is
	// what lets tests count round trips with a decorator over the real store.
	Store product.Store
	// PublicURL is the absolute base (scheme and host, no trailing slash)
	// that image paths stored in the catalog are made absolute with, because
	// browsers fetch images from the subgraph directly, not via the router.
	PublicURL string
	// Writer applies the admin mutations (the same store in the binary);
	// nil makes every mutation fail with INTERNAL.
	Writer product.Writer
	// Variants reads options and variants in batches (the same store in
	// the binary); VariantWriter changes them.
	Variants      product.VariantStore
	VariantWriter product.VariantWriter
	// Reviews reads and writes reviews (the same store in the binary).
	Reviews product.ReviewStore
	// Search computes facets and search-box suggestions.
	Search product.Searcher
	// Bus feeds the subscriptions; nil makes them fail with INTERNAL.
	Bus events.Bus
	// Log receives subscription failures that happen after the subscription
	// started (the client only sees the stream end); nil discards them.
	Log *slog.Logger
}
