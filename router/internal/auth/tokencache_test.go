package auth

import (
	"errors"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// A token answered from the cache still expires on time, and the cache
// forgets a verification after tokenCacheTTL.
func TestTokenCache(t *testing.T) {
	keys(t)
	jwks := newJWKSServer(t, map[string]any{"ec1": &ecKey.PublicKey})
	now := time.Now()
	a := newAuth(t, jwksConfig(jwks.URL), WithClock(func() time.Time { return now }))
	tok := token(t, jwt.SigningMethodES256, ecKey, "ec1", claimsAt(now)) // exp now+5m
	for range 3 {
		if c, err := a.Authenticate(bearer(t, tok)); err != nil || c.Subject != "user-1" {
			t.Fatalf("valid token: %v", err)
		}
	}
	if _, _, hit, _ := a.cache.get(tok, now); !hit {
		t.Fatal("a verified token is not cached")
	}
	if _, _, hit, _ := a.cache.get(tok, now.Add(tokenCacheTTL)); hit {
		t.Fatal("the cache answers after tokenCacheTTL")
	}
	if _, _, hit, _ := a.cache.get("not-"+tok, now); hit {
		t.Fatal("another token hit the cache")
	}
	now = now.Add(5*time.Minute + DefaultLeeway + time.Second)
	_, err := a.Authenticate(bearer(t, tok))
	var e *Error
	if !errors.As(err, &e) || e.Reason != ReasonExpired {
		t.Fatalf("expired cached token: %v, want expired", err)
	}
	// A refused token is never cached.
	bad := tok[:len(tok)-4] + "AAAA"
	if _, err := a.Authenticate(bearer(t, bad)); err == nil {
		t.Fatal("tampered token accepted")
	}
	if _, _, hit, _ := a.cache.get(bad, now); hit {
		t.Fatal("a refused token was cached")
	}
}
