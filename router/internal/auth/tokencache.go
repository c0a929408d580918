package auth

import (
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
)

// tokenCache remembers tokens that verified, by their exact text, so the
// common case — a client sending the same access token for its whole
// 15-minute life — costs a map lookup instead of an ECDSA verification
// per request. Only verified tokens are stored (garbage cannot fill it);
// a hit still checks expiry against the clock and the revocation set, and
// its JWKS key must still be in the cached set (a withdrawn key is refused
// at once), and an entry is verified again after tokenCacheTTL.
type tokenCache struct {
	lru *lru.Cache[string, cachedToken]
}

// cachedToken is a verified token's claims and when to stop trusting the
// verification.
type cachedToken struct {
	claims *Claims
	kid    string    // the JWKS key it verified with ("" for a static key)
	exp    time.Time // the token's exp plus the leeway
	until  time.Time // verified at + tokenCacheTTL
}

// Token cache bounds.
const (
	tokenCacheSize = 8192
	tokenCacheTTL  = time.Minute
)

// A nil *tokenCache caches nothing (the benchmarks' first-request cost).
func newTokenCache() *tokenCache {
	c, _ := lru.New[string, cachedToken](tokenCacheSize)
	return &tokenCache{lru: c}
}

// get returns the claims of raw when it verified less than tokenCacheTTL
// ago; an expired token is an *Error (ReasonExpired), as the parser says.
// The caller checks that kid (when not empty) is still in the JWKS.
func (c *tokenCache) get(raw string, now time.Time) (claims *Claims, kid string, hit bool, err error) {
	if c == nil {
		return nil, "", false, nil
	}
	e, ok := c.lru.Get(raw)
	if !ok || !now.Before(e.until) {
		return nil, "", false, nil
	}
	if !now.Before(e.exp) {
		c.lru.Remove(raw)
		return nil, "", true, &Error{Reason: ReasonExpired}
	}
	return e.claims, e.kid, true, nil
}

// add remembers a verified token; tokens without exp are never cached.
func (c *tokenCache) add(raw, kid string, claims *Claims, leeway time.Duration, now time.Time) {
	exp := expiry(claims)
	if c == nil || exp.IsZero() {
		return
	}
	c.lru.Add(raw, cachedToken{claims: claims, kid: kid, exp: exp.Add(leeway), until: now.Add(tokenCacheTTL)})
}
