package hostile

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// claims are a token's claims: the router's issuer and audience, an hour
// of validity, and the given subject and scopes.
func claims(sub, scope string) jwt.MapClaims {
	now := time.Now()
	return jwt.MapClaims{"iss": issuer, "aud": audience, "sub": sub, "scope": scope,
		"iat": now.Unix(), "exp": now.Add(time.Hour).Unix()}
}

// token signs c with the router's HS256 key (kid "hs"): a token the router
// accepts unless c says otherwise.
func (s *stack) token(t *testing.T, c jwt.MapClaims) string {
	t.Helper()
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, c)
	tok.Header["kid"] = kidHMAC
	out, err := tok.SignedString(s.hmacKey)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// admin is a valid token with the admin scope.
func (s *stack) admin(t *testing.T) string { return s.token(t, claims("hostile-admin", "admin")) }

// rawToken builds a token from a header and claims as given, signed by
// sign over "header.payload" (nil: no signature), as an attacker writes
// them by hand.
func rawToken(t *testing.T, header map[string]any, c jwt.MapClaims, sign func([]byte) []byte) string {
	t.Helper()
	h, err := json.Marshal(header)
	if err != nil {
		t.Fatal(err)
	}
	p, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	enc := base64.RawURLEncoding
	signing := enc.EncodeToString(h) + "." + enc.EncodeToString(p)
	var sig []byte
	if sign != nil {
		sig = sign([]byte(signing))
	}
	return signing + "." + enc.EncodeToString(sig)
}

// hs256 signs with key as HMAC-SHA256, whatever the key (empty, or a
// public key's PEM in the algorithm-confusion attack).
func hs256(key []byte) func([]byte) []byte {
	return func(msg []byte) []byte {
		m := hmac.New(sha256.New, key)
		m.Write(msg)
		return m.Sum(nil)
	}
}

// bearer is an Authorization header value map for a token.
func bearer(tok string) map[string]string { return map[string]string{"Authorization": "Bearer " + tok} }
