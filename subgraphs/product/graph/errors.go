package graph

import (
	"errors"

	product "github.com/nexus-commerce/nexus/subgraphs/product"
)

// isNotFound reports whether err is the store's NOT_FOUND, which nullable
// lookups such as Query.product turn into null rather than an error.
func isNotFound(err error) bool {
	var e *product.Error
	return errors.As(err, &e) && e.Code == product.NotFound
}

// errNoSearcher is the cause when a Resolver was wired without Search.
var errNoSearcher = errors.New("resolver has no Searcher")
