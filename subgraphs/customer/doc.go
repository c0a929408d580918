// Package customer is the Nexus customer domain: profile, address book,
// saved payment methods (tokens only) and wishlist, extending the auth
// subgraph's User (issue #13; being built).
package customer
