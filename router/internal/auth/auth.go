// Package auth verifies client JWTs in the router: keys come from JWKS
// endpoints (cached, refreshed in the background and on an unknown kid, rate
// limited) or from the config; issuer, audience, expiry and algorithm are
// checked; the verified claims travel in the request context, decide
// @authenticated and @requiresScopes (Allowed), and are forwarded to
// subgraphs in a router-signed header (ForwardHeader) that the subgraphs
// verify with subgraphs/kit/auth.
package auth

import (
	"context"
	"slices"
	"strings"

	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
)

// Claims is the verified identity of a request: the same type subgraphs
// receive through the router-signed header (Subject, Scopes merged from
// the "scope", "scp" and "scopes" claims without duplicates, Raw claims).
type Claims = kitauth.Claims

type ctxKey struct{}

// WithClaims returns ctx carrying c; Middleware does this for every
// request with a valid token.
func WithClaims(ctx context.Context, c *Claims) context.Context {
	return context.WithValue(ctx, ctxKey{}, c)
}

// ClaimsFrom returns the request's verified claims, or nil when anonymous.
func ClaimsFrom(ctx context.Context) *Claims {
	c, _ := ctx.Value(ctxKey{}).(*Claims)
	return c
}

// claimsFromMap builds Claims from decoded JWT claims.
func claimsFromMap(m map[string]any) (*Claims, error) {
	sub, _ := m["sub"].(string)
	if sub == "" {
		return nil, &Error{Reason: ReasonClaims, detail: "sub claim missing or not a string"}
	}
	var scopes []string
	add := func(s string) {
		if s != "" && !slices.Contains(scopes, s) {
			scopes = append(scopes, s)
		}
	}
	for _, name := range []string{"scope", "scp", "scopes"} {
		switch v := m[name].(type) {
		case string:
			for _, s := range strings.Fields(v) {
				add(s)
			}
		case []any:
			for _, e := range v {
				if s, ok := e.(string); ok {
					add(s)
				}
			}
		}
	}
	return &Claims{Subject: sub, Scopes: scopes, Raw: m}, nil
}
