package auth

import (
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/nexus-commerce/nexus/router/internal/gateway"
)

// BenchmarkExecHookAnonymous is the per-request cost of signing an
// anonymous request: the shared signature, no HMAC.
func BenchmarkExecHookAnonymous(b *testing.B) {
	hook, err := ExecHook(nil, []byte("router-and-subgraphs-share-this-secret"))
	if err != nil {
		b.Fatal(err)
	}
	r, _ := http.NewRequest(http.MethodPost, "/graphql", nil)
	b.ReportAllocs()
	for b.Loop() {
		var o gateway.ExecOptions
		if err := hook(r, &o); err != nil || o.Forward == nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSignAnonymous is what a signature costs (once per 30 s).
func BenchmarkSignAnonymous(b *testing.B) {
	a, err := newAnonymous([]byte("router-and-subgraphs-share-this-secret"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := a.sign(a.now()); err != nil {
			b.Fatal(err)
		}
	}
}

// benchVerifier is an Authenticator whose ES256 key came from a JWKS (an
// httptest server, fetched once) and, with revocations, a loaded feed
// state of n revoked users and n revoked sessions (none of them the
// caller), so the benchmark includes the revocation lookup.
func benchVerifier(b *testing.B, n int, cached bool) (*Authenticator, *http.Request) {
	keys(b)
	jwks := newJWKSServer(b, map[string]any{"ec1": &ecKey.PublicKey})
	cfg := Config{JWKSURLs: []string{jwks.URL}, Issuer: "nexus-auth", Audience: Audiences{"nexus"}}
	var opts []Option
	if n > 0 {
		revs := &Revocations{changed: make(chan struct{})}
		page := feedPage{Cursor: feedCursor(2 * n), Reset: true}
		for i := range n {
			page.Revocations = append(page.Revocations,
				revocation{Sub: "user-" + strconv.Itoa(i), Before: time.Now().Unix()},
				revocation{SID: "session-" + strconv.Itoa(i), Before: time.Now().Unix()})
		}
		revs.publish((*revokedState)(nil).apply(page, time.Now()))
		opts = append(opts, WithRevocations(revs))
	}
	a := newAuth(b, cfg, opts...)
	if !cached {
		a.cache = nil
	}
	now := time.Now()
	tok := token(b, jwt.SigningMethodES256, ecKey, "ec1", jwt.MapClaims{
		"iss": "nexus-auth", "aud": []string{"nexus"}, "sub": "3f2c7f1e-8a4b-4a7e-9d3c-1b2a3c4d5e6f", "sid": "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
		"iat": now.Unix(), "nbf": now.Unix(), "exp": now.Add(15 * time.Minute).Unix(), "jti": "j1",
		"scope": "customer", "email": "shopper@nexus.local", "email_verified": true,
	})
	r, _ := http.NewRequest(http.MethodPost, "/graphql", nil)
	r.Header.Set("Authorization", "Bearer "+tok)
	return a, r
}

// BenchmarkExecHookES256 is the router's per-request cost of a signed-in
// request: the ES256 access token (JWKS-cached key) verified, checked
// against the revocation set (1000 users + 1000 sessions), and the claims
// forwarded to subgraphs signed. cached: the token was seen before (the
// verified-token cache and the forwarded signature, re-signed every 30 s,
// answer: what every request but a token's first costs); first: every
// request verifies and signs from scratch. Compare with
// BenchmarkExecHookAnonymous.
func BenchmarkExecHookES256(b *testing.B) {
	for _, cached := range []bool{true, false} {
		name := "first"
		if cached {
			name = "cached"
		}
		b.Run(name, func(b *testing.B) {
			a, r := benchVerifier(b, 1000, cached)
			hook, err := ExecHook(a, []byte("router-and-subgraphs-share-this-secret"))
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				var o gateway.ExecOptions
				if err := hook(r, &o); err != nil || o.Principal == nil || o.Forward == nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkAuthenticateES256 is the verification alone (no forwarded
// signature), first sight and cached, without and with the revocation
// check.
func BenchmarkAuthenticateES256(b *testing.B) {
	for _, cached := range []bool{false, true} {
		for _, n := range []int{0, 1000} {
			b.Run("cached="+strconv.FormatBool(cached)+"/revocations="+strconv.Itoa(n), func(b *testing.B) {
				a, r := benchVerifier(b, n, cached)
				b.ReportAllocs()
				for b.Loop() {
					if c, err := a.Authenticate(r); err != nil || c == nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
