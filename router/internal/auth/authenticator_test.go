package auth

import (
	"context"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

const hmacSecret = "0123456789abcdef0123456789abcdef-hmac"

// staticAuth accepts RSA (kid rsa), PKCS#1 RSA (kid rsa1), ECDSA (kid ec),
// Ed25519 (kid ed, from env) and HMAC (kid hs, from env) at a fixed clock.
func staticAuth(t *testing.T, now time.Time) *Authenticator {
	t.Helper()
	keys(t)
	pkcs1 := string(pem.EncodeToMemory(&pem.Block{Type: "RSA PUBLIC KEY", Bytes: x509.MarshalPKCS1PublicKey(&rsaB.PublicKey)}))
	env := map[string]string{"ED_PEM": pkixPEM(t, edKey.Public()), "HS_SECRET": hmacSecret}
	return newAuth(t, Config{
		Issuer:   "https://auth.nexus.test",
		Audience: Audiences{"nexus"},
		Leeway:   10 * time.Second,
		StaticKeys: []StaticKey{
			{KID: "rsa", Algorithm: "RS256", PEM: pkixPEM(t, &rsaA.PublicKey)},
			{KID: "rsa1", Algorithm: "PS256", PEM: pkcs1},
			{KID: "ec", Algorithm: "ES256", PEM: pkixPEM(t, &ecKey.PublicKey)},
			{KID: "ed", Algorithm: "EdDSA", PEMEnv: "ED_PEM"},
			{KID: "hs", Algorithm: "HS256", SecretEnv: "HS_SECRET"},
		},
	}, WithClock(func() time.Time { return now }), WithLookupEnv(func(k string) (string, bool) { v, ok := env[k]; return v, ok }))
}

func TestStaticKeysVerify(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	a := staticAuth(t, now)
	tests := []struct {
		name string
		m    jwt.SigningMethod
		key  any
		kid  string
	}{
		{"RSA PKIX", jwt.SigningMethodRS256, rsaA, "rsa"},
		{"RSA PKCS#1 with PSS", jwt.SigningMethodPS256, rsaB, "rsa1"},
		{"ECDSA", jwt.SigningMethodES256, ecKey, "ec"},
		{"Ed25519 from env", jwt.SigningMethodEdDSA, edKey, "ed"},
		{"HMAC from env", jwt.SigningMethodHS256, []byte(hmacSecret), "hs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := a.Authenticate(bearer(t, token(t, tt.m, tt.key, tt.kid, claimsAt(now))))
			if err != nil {
				t.Fatalf("Authenticate: %v", err)
			}
			if c.Subject != "user-1" || strings.Join(c.Scopes, " ") != "orders:read profile" || c.Raw["iss"] != "https://auth.nexus.test" {
				t.Fatalf("claims = %+v", c)
			}
		})
	}
}

func TestNoTokenIsAnonymous(t *testing.T) {
	a := staticAuth(t, time.Now())
	c, err := a.Authenticate(httptest.NewRequest(http.MethodPost, "/graphql", nil))
	if c != nil || err != nil {
		t.Fatalf("Authenticate = %v, %v; want nil, nil", c, err)
	}
}

func TestRejectedTokens(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	a := staticAuth(t, now)
	with := func(k string, v any) jwt.MapClaims {
		c := claimsAt(now)
		if v == nil {
			delete(c, k)
		} else {
			c[k] = v
		}
		return c
	}
	good := token(t, jwt.SigningMethodRS256, rsaA, "rsa", claimsAt(now))
	parts := strings.Split(good, ".")
	tampered := parts[0] + "." + strings.TrimRight(jwtSegment(t, with("sub", "admin")), "=") + "." + parts[2]
	badKid := jwt.NewWithClaims(jwt.SigningMethodRS256, claimsAt(now))
	badKid.Header["kid"] = 42
	badKidTok, _ := badKid.SignedString(rsaA)
	// The attacker's classic: HS256 keyed with the RSA public key's PEM.
	confused := token(t, jwt.SigningMethodHS256, []byte(pkixPEM(t, &rsaA.PublicKey)), "rsa", claimsAt(now))

	tests := []struct {
		name   string
		header string
		reason Reason
	}{
		{"expired beyond leeway", "Bearer " + token(t, jwt.SigningMethodRS256, rsaA, "rsa", with("exp", now.Add(-11*time.Second).Unix())), ReasonExpired},
		{"nbf in the future", "Bearer " + token(t, jwt.SigningMethodRS256, rsaA, "rsa", with("nbf", now.Add(time.Minute).Unix())), ReasonNotYetValid},
		{"iat in the future", "Bearer " + token(t, jwt.SigningMethodRS256, rsaA, "rsa", with("iat", now.Add(time.Minute).Unix())), ReasonNotYetValid},
		{"wrong issuer", "Bearer " + token(t, jwt.SigningMethodRS256, rsaA, "rsa", with("iss", "https://evil.test")), ReasonIssuer},
		{"wrong audience", "Bearer " + token(t, jwt.SigningMethodRS256, rsaA, "rsa", with("aud", "some-other-api")), ReasonAudience},
		{"wrong audiences", "Bearer " + token(t, jwt.SigningMethodRS256, rsaA, "rsa", with("aud", []string{"other", "nexus-admin"})), ReasonAudience},
		{"no audience", "Bearer " + token(t, jwt.SigningMethodRS256, rsaA, "rsa", with("aud", nil)), ReasonAudience},
		{"empty audience", "Bearer " + token(t, jwt.SigningMethodRS256, rsaA, "rsa", with("aud", "")), ReasonAudience},
		{"no exp", "Bearer " + token(t, jwt.SigningMethodRS256, rsaA, "rsa", with("exp", nil)), ReasonClaims},
		{"no sub", "Bearer " + token(t, jwt.SigningMethodRS256, rsaA, "rsa", with("sub", nil)), ReasonClaims},
		{"unknown kid", "Bearer " + token(t, jwt.SigningMethodRS256, rsaA, "nope", claimsAt(now)), ReasonUnknownKey},
		{"no kid with several keys", "Bearer " + token(t, jwt.SigningMethodRS256, rsaA, "", claimsAt(now)), ReasonUnknownKey},
		{"kid not a string", "Bearer " + badKidTok, ReasonMalformed},
		{"signed by another key", "Bearer " + token(t, jwt.SigningMethodRS256, rsaB, "rsa", claimsAt(now)), ReasonSignature},
		{"payload tampered", "Bearer " + tampered, ReasonSignature},
		{"alg none", "Bearer " + token(t, jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType, "rsa", claimsAt(now)), ReasonAlgorithm},
		{"HS256 with the RSA public key", "Bearer " + confused, ReasonAlgorithm},
		{"RS256 under the HMAC kid", "Bearer " + token(t, jwt.SigningMethodRS256, rsaA, "hs", claimsAt(now)), ReasonAlgorithm},
		{"RS512 under an RS256 kid", "Bearer " + token(t, jwt.SigningMethodRS512, rsaA, "rsa", claimsAt(now)), ReasonAlgorithm},
		{"Basic scheme", "Basic dXNlcjpwYXNz", ReasonMalformed},
		{"bearer without token", "Bearer ", ReasonMalformed},
		{"token without scheme", good, ReasonMalformed},
		{"not a JWT", "Bearer not.a.jwt", ReasonMalformed},
		{"oversized", "Bearer " + strings.Repeat("a", maxTokenBytes+1), ReasonMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodPost, "/graphql", nil)
			r.Header.Set("Authorization", tt.header)
			c, err := a.Authenticate(r)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Authenticate = %+v, %v; want *Error", c, err)
			}
			if c != nil {
				t.Fatalf("claims returned with an error: %+v", c)
			}
			if e.Reason != tt.reason {
				t.Fatalf("reason = %q (%v), want %q", e.Reason, errors.Unwrap(e), tt.reason)
			}
			tok := strings.TrimPrefix(tt.header, "Bearer ")
			if len(tok) > 8 && strings.Contains(e.Error(), tok) {
				t.Fatalf("error echoes the token: %v", e)
			}
			if e.ErrorCode() != "UNAUTHENTICATED" {
				t.Fatalf("code = %q", e.ErrorCode())
			}
		})
	}
}

func TestLeeway(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	a := staticAuth(t, now) // leeway 10s
	c := claimsAt(now)
	c["exp"] = now.Add(-9 * time.Second).Unix()
	c["nbf"] = now.Add(9 * time.Second).Unix()
	if _, err := a.Authenticate(bearer(t, token(t, jwt.SigningMethodRS256, rsaA, "rsa", c))); err != nil {
		t.Fatalf("exp 9s ago and nbf in 9s with 10s leeway: %v", err)
	}
}

func TestTwoAuthorizationHeaders(t *testing.T) {
	now := time.Now()
	a := staticAuth(t, now)
	tok := token(t, jwt.SigningMethodRS256, rsaA, "rsa", claimsAt(now))
	r := bearer(t, tok)
	r.Header.Add("Authorization", "Bearer "+tok)
	if _, err := a.Authenticate(r); err == nil {
		t.Fatal("two Authorization headers accepted")
	}
}

func TestCustomHeaderAndSingleKeyWithoutKid(t *testing.T) {
	keys(t)
	now := time.Now()
	a := newAuth(t, Config{
		HeaderName: "X-Api-Token",
		Audience:   Audiences{"nexus"},
		StaticKeys: []StaticKey{{Algorithm: "ES256", PEM: pkixPEM(t, &ecKey.PublicKey)}},
	})
	tok := token(t, jwt.SigningMethodES256, ecKey, "", claimsAt(now))
	for _, v := range []string{tok, "Bearer " + tok} {
		r := httptest.NewRequest(http.MethodPost, "/graphql", nil)
		r.Header.Set("X-Api-Token", v)
		if c, err := a.Authenticate(r); err != nil || c == nil {
			t.Fatalf("X-Api-Token %.10s...: %v, %v", v, c, err)
		}
	}
	// Authorization is not read when another header is configured.
	if c, err := a.Authenticate(bearer(t, tok)); c != nil || err != nil {
		t.Fatalf("Authorization read although X-Api-Token is configured: %v, %v", c, err)
	}
}

func TestScopesFromEveryClaimName(t *testing.T) {
	tests := []struct {
		claims map[string]any
		want   string
	}{
		{map[string]any{"sub": "u", "scope": "a  b"}, "a b"},
		{map[string]any{"sub": "u", "scp": []any{"a", "b"}}, "a b"},
		{map[string]any{"sub": "u", "scp": "a b"}, "a b"},
		{map[string]any{"sub": "u", "scopes": []any{"c", 7, "a"}}, "c a"},
		{map[string]any{"sub": "u", "scope": "a b", "scp": []any{"b", "c"}, "scopes": []any{"d", "a"}}, "a b c d"},
		{map[string]any{"sub": "u"}, ""},
	}
	for _, tt := range tests {
		c, err := claimsFromMap(tt.claims)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(c.Scopes, " "); got != tt.want {
			t.Errorf("scopes of %v = %q, want %q", tt.claims, got, tt.want)
		}
	}
}

func jwtSegment(t *testing.T, c jwt.MapClaims) string {
	t.Helper()
	s := token(t, jwt.SigningMethodHS256, []byte("x"), "", c)
	return strings.Split(s, ".")[1]
}

// An optional key whose variable is unset is skipped (its tokens are
// refused like an unknown kid); a required one with the same gap fails at
// start, and an optional one that is set works.
func TestOptionalStaticKey(t *testing.T) {
	none := func(string) (string, bool) { return "", false }
	cfg := Config{Audience: Audiences{"nexus"}, StaticKeys: []StaticKey{{KID: "dev", Algorithm: "HS256", SecretEnv: "DEV_SECRET", Optional: true}}}
	cfg.Defaults()
	a, err := New(context.Background(), cfg, WithLookupEnv(none))
	if err != nil {
		t.Fatalf("optional key with its variable unset: %v", err)
	}
	defer a.Close()
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": "x", "aud": "nexus", "exp": time.Now().Add(time.Minute).Unix()})
	tok.Header["kid"] = "dev"
	signed, _ := tok.SignedString([]byte(hmacSecret))
	r := httptest.NewRequest(http.MethodPost, "/", nil)
	r.Header.Set("Authorization", "Bearer "+signed)
	if c, err := a.Authenticate(r); err == nil || c != nil {
		t.Fatalf("a token for a skipped key must be refused, got %+v, %v", c, err)
	}

	required := cfg
	required.StaticKeys = []StaticKey{{KID: "dev", Algorithm: "HS256", SecretEnv: "DEV_SECRET"}}
	if _, err := New(context.Background(), required, WithLookupEnv(none)); err == nil || !strings.Contains(err.Error(), "DEV_SECRET") {
		t.Fatalf("required key with its variable unset: err = %v", err)
	}

	set, err := New(context.Background(), cfg, WithLookupEnv(func(k string) (string, bool) { return hmacSecret, k == "DEV_SECRET" }))
	if err != nil {
		t.Fatal(err)
	}
	defer set.Close()
	if c, err := set.Authenticate(r); err != nil || c == nil || c.Subject != "x" {
		t.Fatalf("optional key that is set: %+v, %v", c, err)
	}
}
