package auth

import (
	"encoding/json"
	"errors"
	"net/http"
	"sync/atomic"
	"time"
)

// ErrNotFromRouter is the cause of a refusal for a request that carries no
// X-Nexus-Claims header at all: it did not come through the router.
var ErrNotFromRouter = errors.New("request does not carry the router's signature")

// RequireRouter is the production gate in front of a subgraph's GraphQL
// endpoint: every request must carry an X-Nexus-Claims header the router
// signed with secret — the caller's claims, or the anonymous signature the
// router sends for callers without a token. Anything else (no header, a
// forged, tampered or expired one, one signed with another secret) is
// answered 403 with a GraphQL error, code FORBIDDEN, before the body is
// read, so the router's limits cannot be bypassed by calling the subgraph
// directly. onRefused (may be nil) is told why, for the log. Verified
// claims go into the request context (ClaimsFrom) and the header is
// removed, as with Middleware.
//
// The anonymous signature is the same on every request for TTL/2, so the
// last one verified is remembered until it expires and compared byte for
// byte: the common anonymous request costs no HMAC.
func RequireRouter(secret []byte, onRefused func(r *http.Request, err error)) func(http.Handler) http.Handler {
	g := &guard{secret: secret, now: time.Now}
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			c, err := g.check(r)
			if err != nil {
				if onRefused != nil {
					onRefused(r, err)
				}
				refuse(w)
				return
			}
			r = r.Clone(WithClaims(r.Context(), c))
			r.Header.Del(HeaderName)
			next.ServeHTTP(w, r)
		})
	}
}

// guard verifies headers for RequireRouter.
type guard struct {
	secret []byte
	now    func() time.Time
	anon   atomic.Pointer[verifiedAnon]
}

// verifiedAnon is an anonymous signature that verified, valid until until.
type verifiedAnon struct {
	value string
	until time.Time
}

func (g *guard) check(r *http.Request) (*Claims, error) {
	values := r.Header.Values(HeaderName)
	switch len(values) {
	case 0:
		return nil, &Error{Reason: "missing", cause: ErrNotFromRouter}
	case 1:
	default:
		return nil, &Error{Reason: "malformed"}
	}
	v, now := values[0], g.now()
	if a := g.anon.Load(); a != nil && a.value == v && now.Before(a.until) {
		return nil, nil
	}
	f, err := verifyValue(v, g.secret, now)
	if err != nil {
		return nil, err
	}
	if f.Anonymous {
		// The same expiry, leeway included, that verifyValue applies.
		g.anon.Store(&verifiedAnon{value: v, until: f.ExpiresAt.Add(leeway)})
		return nil, nil
	}
	return &Claims{Subject: f.Subject, Scopes: f.Scopes, Raw: f.Claims}, nil
}

// refusedBody is the one answer every refused request gets: it names no
// reason, so a prober learns nothing about secrets or clocks.
var refusedBody, _ = json.Marshal(map[string]any{"errors": []map[string]any{{
	"message":    "this service accepts GraphQL requests only from the Nexus router; send them to the router",
	"extensions": map[string]string{"code": "FORBIDDEN"},
}}})

func refuse(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusForbidden)
	_, _ = w.Write(refusedBody)
}
