package hostile

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// tokens: every forged, expired or misdirected token is refused — 401
// UNAUTHENTICATED over HTTP and SSE, close 4403 over WebSocket — and
// headers naming where to fetch keys (jku, x5u, jwk) are never followed.
// Valid tokens (both keys) pass, so the refusals are the tokens' fault.
func (s *stack) tokens(t *testing.T) {
	var attackerHits atomic.Int64
	attackerKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	attacker := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		attackerHits.Add(1)
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"keys": []any{jwkOf(&attackerKey.PublicKey, "rs")}})
	}))
	defer attacker.Close()

	rs256 := func(key *rsa.PrivateKey, header map[string]any, c jwt.MapClaims) string {
		tok := jwt.NewWithClaims(jwt.SigningMethodRS256, c)
		for k, v := range header {
			tok.Header[k] = v
		}
		out, err := tok.SignedString(key)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	with := func(mod func(jwt.MapClaims)) jwt.MapClaims {
		c := claims("mallory", "admin")
		mod(c)
		return c
	}
	valid := s.admin(t)
	parts := strings.Split(valid, ".")
	der, _ := x509.MarshalPKIXPublicKey(&attackerKey.PublicKey)

	t.Run("valid tokens pass", func(t *testing.T) {
		for name, tok := range map[string]string{
			"HS256": s.token(t, claims("hostile-alice", "")),
			"RS256": rs256(s.rsaKey, map[string]any{"kid": kidRSA}, claims("hostile-alice", "")),
		} {
			r := s.query(t, `{ whoAmI }`, nil, bearer(tok))
			if r.Status != http.StatusOK || string(r.Data) != `{"whoAmI":"hostile-alice"}` {
				t.Fatalf("%s: HTTP %d %s", name, r.Status, clip(r.Raw))
			}
		}
	})

	forged := map[string]string{
		"alg none":              rawToken(t, map[string]any{"alg": "none", "typ": "JWT", "kid": kidHMAC}, claims("mallory", "admin"), nil),
		"alg None, no kid":      rawToken(t, map[string]any{"alg": "None"}, claims("mallory", "admin"), nil),
		"empty HS256 key":       rawToken(t, map[string]any{"alg": "HS256", "kid": kidHMAC}, claims("mallory", "admin"), hs256(nil)),
		"wrong issuer":          s.token(t, with(func(c jwt.MapClaims) { c["iss"] = "https://evil.test" })),
		"no issuer":             s.token(t, with(func(c jwt.MapClaims) { delete(c, "iss") })),
		"wrong audience":        s.token(t, with(func(c jwt.MapClaims) { c["aud"] = "some-other-api" })),
		"no audience":           s.token(t, with(func(c jwt.MapClaims) { delete(c, "aud") })),
		"expired":               s.token(t, with(func(c jwt.MapClaims) { c["exp"] = time.Now().Add(-time.Hour).Unix() })),
		"no expiry":             s.token(t, with(func(c jwt.MapClaims) { delete(c, "exp") })),
		"not yet valid":         s.token(t, with(func(c jwt.MapClaims) { c["nbf"] = time.Now().Add(time.Hour).Unix() })),
		"kid of the other key":  rawToken(t, map[string]any{"alg": "HS256", "kid": kidRSA}, claims("mallory", "admin"), hs256(s.hmacKey)),
		"unknown kid":           rawToken(t, map[string]any{"alg": "HS256", "kid": "nope"}, claims("mallory", "admin"), hs256(s.hmacKey)),
		"path traversal kid":    rawToken(t, map[string]any{"alg": "HS256", "kid": "../../../../../../dev/null"}, claims("mallory", "admin"), hs256(nil)),
		"SQL in kid":            rawToken(t, map[string]any{"alg": "HS256", "kid": "x' UNION SELECT 'key"}, claims("mallory", "admin"), hs256([]byte("key"))),
		"jku to the attacker":   rs256(attackerKey, map[string]any{"kid": "rs", "jku": attacker.URL + "/jwks.json"}, claims("mallory", "admin")),
		"x5u to the attacker":   rs256(attackerKey, map[string]any{"kid": "rs", "x5u": attacker.URL + "/cert.pem"}, claims("mallory", "admin")),
		"new kid with jku":      rs256(attackerKey, map[string]any{"kid": "attacker", "jku": attacker.URL + "/jwks.json"}, claims("mallory", "admin")),
		"embedded jwk":          rs256(attackerKey, map[string]any{"kid": "rs", "jwk": jwkOf(&attackerKey.PublicKey, "rs")}, claims("mallory", "admin")),
		"RS256 key as HMAC key": rawToken(t, map[string]any{"alg": "HS256", "kid": kidRSA}, claims("mallory", "admin"), hs256(s.rsaPublicPEM)),
		"RS256 DER as HMAC key": rawToken(t, map[string]any{"alg": "HS256", "kid": kidRSA}, claims("mallory", "admin"), hs256(der)),
		"tampered signature":    parts[0] + "." + parts[1] + "." + flip(parts[2]),
		"tampered payload":      parts[0] + "." + base64.RawURLEncoding.EncodeToString(mustJSON(t, claims("mallory", "admin root"))) + "." + parts[2],
		"signature stripped":    parts[0] + "." + parts[1] + ".",
		"not a JWT":             "hello",
		"four parts":            valid + ".x",
	}
	for name, tok := range forged {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			r := s.query(t, `{ whoAmI }`, nil, bearer(tok))
			expect(t, r, http.StatusUnauthorized, "UNAUTHENTICATED")
			if !strings.HasPrefix(r.Header.Get("WWW-Authenticate"), "Bearer") {
				t.Fatalf("WWW-Authenticate %q", r.Header.Get("WWW-Authenticate"))
			}
			if strings.Contains(string(r.Raw), tok) {
				t.Fatal("the answer echoes the token")
			}
			sr := s.sseQuery(t, `{ whoAmI }`, bearer(tok))
			expect(t, sr.reply, http.StatusUnauthorized, "UNAUTHENTICATED")

			w := s.dialWS(t, nil)
			w.sendJSON(map[string]any{"type": "connection_init", "payload": map[string]any{"Authorization": "Bearer " + tok}})
			w.expectClose(4403)
			w = s.dialWS(t, http.Header{"Authorization": {"Bearer " + tok}})
			w.sendJSON(map[string]any{"type": "connection_init"})
			w.expectClose(4403)
		})
	}
	t.Run("no key was fetched from the attacker", func(t *testing.T) {
		s.stillAnswers(t)
		if n := attackerHits.Load(); n != 0 {
			t.Fatalf("the router fetched %d times from a URL a token named", n)
		}
	})
}

// jwkOf is key as a JWK with kid.
func jwkOf(key *rsa.PublicKey, kid string) map[string]any {
	enc := base64.RawURLEncoding
	return map[string]any{"kty": "RSA", "kid": kid, "alg": "RS256", "use": "sig",
		"n": enc.EncodeToString(key.N.Bytes()), "e": enc.EncodeToString(big.NewInt(int64(key.E)).Bytes())}
}

// flip changes one character in the middle of a base64url segment (the
// last character may carry only padding bits).
func flip(seg string) string {
	i := len(seg) / 2
	c := byte('A')
	if seg[i] == 'A' {
		c = 'B'
	}
	return seg[:i] + string(c) + seg[i+1:]
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
