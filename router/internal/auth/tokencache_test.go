package auth

import (
	"errors"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/nexus-commerce/nexus/router/internal/gateway"
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

// A token sent again reuses its verified claims and its signed
// X-Nexus-Claims; another token gets its own.
func TestExecHookReusesSignature(t *testing.T) {
	keys(t)
	jwks := newJWKSServer(t, map[string]any{"ec1": &ecKey.PublicKey})
	a := newAuth(t, jwksConfig(jwks.URL))
	hook, err := ExecHook(a, []byte("router-and-subgraphs-share-this-secret"))
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	tokA := token(t, jwt.SigningMethodES256, ecKey, "ec1", claimsAt(now))
	other := claimsAt(now)
	other["sub"] = "user-2"
	tokB := token(t, jwt.SigningMethodES256, ecKey, "ec1", other)
	var first, again, b gateway.ExecOptions
	for _, step := range []struct {
		tok string
		o   *gateway.ExecOptions
	}{{tokA, &first}, {tokA, &again}, {tokB, &b}} {
		if err := hook(bearer(t, step.tok), step.o); err != nil || step.o.Forward == nil {
			t.Fatalf("hook: %v", err)
		}
	}
	if again.Forward != first.Forward {
		t.Fatal("the same token was signed again within 30s")
	}
	if b.Forward == first.Forward || b.Forward.Key == first.Forward.Key || b.Principal.Subject != "user-2" {
		t.Fatal("another caller got the first caller's signature")
	}
}
