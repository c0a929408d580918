package auth

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func jwksConfig(url string) Config {
	return Config{
		JWKSURLs: []string{url},
		Issuer:   "https://auth.nexus.test",
		Audience: Audiences{"nexus"},
		// Long enough that only the unknown-kid path refreshes in these tests.
		RefreshInterval:           time.Hour,
		UnknownKIDRefreshInterval: time.Hour,
	}
}

func TestJWKSRotation(t *testing.T) {
	keys(t)
	srv := newJWKSServer(t, map[string]any{"k1": &rsaA.PublicKey, "ec1": &ecKey.PublicKey})
	a := newAuth(t, jwksConfig(srv.URL))
	if n := srv.fetches.Load(); n != 1 {
		t.Fatalf("fetches after New = %d, want 1", n)
	}
	now := time.Now()

	// Cached keys verify without another fetch.
	for range 5 {
		for _, tok := range []string{
			token(t, jwt.SigningMethodRS256, rsaA, "k1", claimsAt(now)),
			token(t, jwt.SigningMethodES256, ecKey, "ec1", claimsAt(now)),
		} {
			if _, err := a.Authenticate(bearer(t, tok)); err != nil {
				t.Fatalf("cached key: %v", err)
			}
		}
	}
	if n := srv.fetches.Load(); n != 1 {
		t.Fatalf("fetches after cached verifications = %d, want 1", n)
	}

	// Rotate: k1 removed, k2 added. A k2 token triggers one refresh.
	srv.set(t, map[string]any{"k2": &rsaB.PublicKey})
	if _, err := a.Authenticate(bearer(t, token(t, jwt.SigningMethodRS256, rsaB, "k2", claimsAt(now)))); err != nil {
		t.Fatalf("new kid after rotation: %v", err)
	}
	if n := srv.fetches.Load(); n != 2 {
		t.Fatalf("fetches after the new kid = %d, want 2", n)
	}
	// The refresh replaced the set: the removed kid is refused, and the
	// limiter (one refresh per hour here) lets no further fetch through.
	for _, kid := range []string{"k1", "made-up-1", "made-up-2"} {
		_, err := a.Authenticate(bearer(t, token(t, jwt.SigningMethodRS256, rsaA, kid, claimsAt(now))))
		var e *Error
		if !errors.As(err, &e) || e.Reason != ReasonUnknownKey {
			t.Fatalf("kid %s: %v, want unknown_key", kid, err)
		}
	}
	if n := srv.fetches.Load(); n != 2 {
		t.Fatalf("fetches after refused kids = %d, want 2 (rate limited)", n)
	}
	// k2 stays cached.
	if _, err := a.Authenticate(bearer(t, token(t, jwt.SigningMethodRS256, rsaB, "k2", claimsAt(now)))); err != nil {
		t.Fatalf("cached k2: %v", err)
	}
}

func TestJWKSBackgroundRefresh(t *testing.T) {
	keys(t)
	srv := newJWKSServer(t, map[string]any{"k1": &rsaA.PublicKey})
	cfg := jwksConfig(srv.URL)
	cfg.RefreshInterval = 20 * time.Millisecond
	a := newAuth(t, cfg)
	now := time.Now()
	// Spend the only unknown-kid refresh, so k2 can only arrive through the
	// background refresh.
	if _, err := a.Authenticate(bearer(t, token(t, jwt.SigningMethodRS256, rsaA, "spent", claimsAt(now)))); err == nil {
		t.Fatal("unknown kid accepted")
	}
	srv.set(t, map[string]any{"k2": &rsaB.PublicKey})
	// Refreshes run one after another: once two fetches started after the
	// rotation, the first of them has stored the new set.
	drain(srv.fetched)
	<-srv.fetched
	<-srv.fetched
	if _, err := a.Authenticate(bearer(t, token(t, jwt.SigningMethodRS256, rsaB, "k2", claimsAt(now)))); err != nil {
		t.Fatalf("k2 after background refresh: %v", err)
	}
	if _, err := a.Authenticate(bearer(t, token(t, jwt.SigningMethodRS256, rsaA, "k1", claimsAt(now)))); err == nil {
		t.Fatal("k1 still accepted after it left the JWKS")
	}
}

func drain(c chan struct{}) {
	for {
		select {
		case <-c:
		default:
			return
		}
	}
}

func TestJWKSUnreachableAtStart(t *testing.T) {
	keys(t)
	srv := newJWKSServer(t, map[string]any{"k1": &rsaA.PublicKey})
	url := srv.URL
	srv.Close()
	// New succeeds while the auth service is down ...
	a, err := New(context.Background(), jwksConfig(url))
	if err != nil {
		t.Fatalf("New with the JWKS down: %v", err)
	}
	defer a.Close()
	_, err = a.Authenticate(bearer(t, token(t, jwt.SigningMethodRS256, rsaA, "k1", claimsAt(time.Now()))))
	var e *Error
	if !errors.As(err, &e) || e.Reason != ReasonUnknownKey {
		t.Fatalf("token with no keys loaded: %v, want unknown_key", err)
	}
}

func TestJWKSRefusesHMACAndForeignAlgs(t *testing.T) {
	keys(t)
	srv := newJWKSServer(t, map[string]any{"k1": &rsaA.PublicKey})
	cfg := jwksConfig(srv.URL)
	cfg.Algorithms = []string{"RS256"}
	a := newAuth(t, cfg)
	now := time.Now()
	for name, tok := range map[string]string{
		"HS256 keyed with the public key": token(t, jwt.SigningMethodHS256, []byte(pkixPEM(t, &rsaA.PublicKey)), "k1", claimsAt(now)),
		"RS512 not in algorithms":         token(t, jwt.SigningMethodRS512, rsaA, "k1", claimsAt(now)),
		"alg none":                        token(t, jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType, "k1", claimsAt(now)),
	} {
		_, err := a.Authenticate(bearer(t, tok))
		var e *Error
		if !errors.As(err, &e) || e.Reason != ReasonAlgorithm {
			t.Errorf("%s: %v, want algorithm", name, err)
		}
	}
	if n := srv.fetches.Load(); n != 1 {
		t.Errorf("fetches = %d: a refused algorithm must not trigger a refresh", n)
	}
}
