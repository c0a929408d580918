// Package auth is the subgraph side of Nexus authentication: the router
// verifies the client's JWT and forwards the verified claims to subgraphs in
// the X-Nexus-Claims header, signed with a secret only the router and the
// subgraphs share (NEXUS_ROUTER_SECRET). A subgraph trusts claims only
// through Verify or Middleware, so a client that calls a subgraph directly
// and sets the header itself is treated as anonymous.
//
// The router signs with Sign; both sides use this package so the wire format
// lives in one place.
package auth

import (
	"context"
	"slices"
)

// HeaderName is the request header carrying the router-signed claims.
const HeaderName = "X-Nexus-Claims"

// Issuer and Audience are fixed values of the forwarded token, so a token
// minted for another purpose with the same secret is never accepted here,
// and a client's own JWT copied into the header fails too.
const (
	Issuer   = "nexus-router"
	Audience = "nexus-subgraphs"
)

// Claims is what a subgraph knows about the caller: the subject (user id),
// the granted scopes (roles are scopes such as "admin") and every claim of
// the original token for domain-specific checks.
type Claims struct {
	Subject string
	Scopes  []string
	Raw     map[string]any
}

// HasScope reports whether the claims grant scope; nil claims (anonymous)
// grant nothing, so resolvers can call it without a nil check.
func (c *Claims) HasScope(scope string) bool {
	return c != nil && slices.Contains(c.Scopes, scope)
}

type ctxKey struct{}

// WithClaims returns ctx carrying c; Middleware calls it after Verify.
func WithClaims(ctx context.Context, c *Claims) context.Context {
	return context.WithValue(ctx, ctxKey{}, c)
}

// ClaimsFrom returns the verified claims of the request, or nil for an
// anonymous caller (no header, or one whose signature did not verify).
func ClaimsFrom(ctx context.Context) *Claims {
	c, _ := ctx.Value(ctxKey{}).(*Claims)
	return c
}

// HasScope reports whether the request in ctx is authenticated and holds
// scope: the subgraph's own check behind the router's @requiresScopes.
func HasScope(ctx context.Context, scope string) bool {
	return ClaimsFrom(ctx).HasScope(scope)
}
