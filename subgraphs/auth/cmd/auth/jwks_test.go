package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/golang-jwt/jwt/v5"

	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
)

// fetchJWKS reads the service's JWKS as the router does.
func fetchJWKS(t *testing.T, base string) map[string]*ecdsa.PublicKey {
	t.Helper()
	resp, err := http.Get(base + "/.well-known/jwks.json")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Cache-Control") != "public, max-age=300" ||
		!strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		t.Fatalf("JWKS: status %d, headers %v", resp.StatusCode, resp.Header)
	}
	var doc struct {
		Keys []struct{ Kty, Crv, X, Y, Kid, Use, Alg string }
	}
	if err := json.NewDecoder(resp.Body).Decode(&doc); err != nil {
		t.Fatal(err)
	}
	out := map[string]*ecdsa.PublicKey{}
	for _, k := range doc.Keys {
		if k.Kty != "EC" || k.Crv != "P-256" || k.Alg != "ES256" || k.Use != "sig" || k.Kid == "" {
			t.Fatalf("JWK %+v", k)
		}
		x, _ := base64.RawURLEncoding.DecodeString(k.X)
		y, _ := base64.RawURLEncoding.DecodeString(k.Y)
		pub, err := ecdsa.ParseUncompressedPublicKey(elliptic.P256(), append(append([]byte{4}, x...), y...))
		if err != nil {
			t.Fatalf("JWK %s: %v", k.Kid, err)
		}
		out[k.Kid] = pub
	}
	return out
}

// verifyToken checks an access token against the JWKS with the router's
// rules (ES256, kid, issuer, audience, exp) and returns its claims.
func verifyToken(t *testing.T, base, token string) jwt.MapClaims {
	t.Helper()
	keys := fetchJWKS(t, base)
	claims := jwt.MapClaims{}
	_, err := jwt.ParseWithClaims(token, claims, func(tok *jwt.Token) (any, error) {
		kid, _ := tok.Header["kid"].(string)
		if k := keys[kid]; k != nil {
			return k, nil
		}
		return nil, fmt.Errorf("unknown kid %q", kid)
	}, jwt.WithValidMethods([]string{"ES256"}), jwt.WithIssuer("nexus-auth"), jwt.WithAudience("nexus"),
		jwt.WithExpirationRequired(), jwt.WithIssuedAt())
	if err != nil {
		t.Fatalf("access token does not verify against the JWKS: %v", err)
	}
	return claims
}

// claimsOf is what the router forwards for a verified token.
func claimsOf(t *testing.T, base, token string) *kitauth.Claims {
	t.Helper()
	m := verifyToken(t, base, token)
	sub, _ := m["sub"].(string)
	scope, _ := m["scope"].(string)
	return &kitauth.Claims{Subject: sub, Scopes: strings.Fields(scope), Raw: m}
}
