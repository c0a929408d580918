// Package graph is the customer subgraph's GraphQL layer: gqlgen resolvers
// over the customer store, the User entity lookup, and the authorization
// every resolver applies to the caller's verified claims.
package graph

import (
	"time"

	customer "github.com/nexus-commerce/nexus/subgraphs/customer"
)

// Resolver is the root of every resolver and the only way dependencies reach
// them, so a test or the binary wires a subgraph by filling in one struct.
type Resolver struct {
	// Store reads and writes the customer data; every call is keyed by a
	// user id the resolver took from the caller's claims.
	Store customer.Store
	// TestTokenizer enables tokenizeTestCard (development and tests, or
	// production with CUSTOMER_TEST_TOKENIZER=1); off, it is FORBIDDEN.
	TestTokenizer bool
	// Now is the clock of card expiry and token lifetimes; nil means
	// time.Now.
	Now func() time.Time
}

func (r *Resolver) now() time.Time {
	if r.Now != nil {
		return r.Now()
	}
	return time.Now()
}
