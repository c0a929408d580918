package auth

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/nexus-commerce/nexus/router/internal/gateway"
	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
)

// The hook hands the gateway the caller's expiry and a Forwarder that signs
// the claims again for long-running operations — with the same key at every
// signing, and never after the caller's own token has expired.
func TestExecHookForwarder(t *testing.T) {
	keys(t)
	secret := []byte("router-and-subgraphs-share-this-secret")
	a := newAuth(t, Config{Audience: Audiences{"nexus"}, StaticKeys: []StaticKey{{Algorithm: "ES256", PEM: pkixPEM(t, &ecKey.PublicKey)}}})
	hook, err := ExecHook(a, secret)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	claims := claimsAt(now)
	claims["tenant"] = "shop-1"
	var o gateway.ExecOptions
	if err := hook(bearer(t, token(t, jwt.SigningMethodES256, ecKey, "", claims)), &o); err != nil {
		t.Fatal(err)
	}
	if o.Principal == nil || o.Principal.Subject != "user-1" {
		t.Fatalf("principal = %+v", o.Principal)
	}
	wantExp := time.Unix(now.Add(5*time.Minute).Unix(), 0)
	if !o.Principal.Expires.Equal(wantExp) {
		t.Fatalf("expires = %v, want %v", o.Principal.Expires, wantExp)
	}
	fw := o.Forward
	if fw == nil || fw.Sign == nil || fw.Fresh != kitauth.TTL/2 {
		t.Fatalf("forwarder = %+v", fw)
	}
	first, err := kitauth.VerifyValue(fw.Header.Get(kitauth.HeaderName), secret, now)
	if err != nil || first.Raw["tenant"] != "shop-1" {
		t.Fatalf("initial header: %+v, %v", first, err)
	}

	// Two minutes on, the first signature is dead and a new one verifies.
	later := now.Add(2 * time.Minute)
	if _, err := kitauth.VerifyValue(fw.Header.Get(kitauth.HeaderName), secret, later); err == nil {
		t.Fatal("the first signature still verifies two minutes later; the test proves nothing")
	}
	h, err := fw.Sign(later)
	if err != nil {
		t.Fatal(err)
	}
	if c, err := kitauth.VerifyValue(h.Get(kitauth.HeaderName), secret, later); err != nil || c.Subject != "user-1" || c.Raw["tenant"] != "shop-1" {
		t.Fatalf("re-signed header at +2m: %+v, %v", c, err)
	}
	// After the caller's token expired: no new signature.
	if _, err := fw.Sign(wantExp.Add(time.Second)); err == nil || !strings.Contains(err.Error(), "expired") {
		t.Fatalf("signing after the token expired: %v", err)
	}

	// The same claims issued a minute apart have the same key (requests
	// share fetches); another tenant does not.
	var again, other gateway.ExecOptions
	reissued := claimsAt(now.Add(-time.Minute))
	reissued["tenant"] = "shop-1"
	if err := hook(bearer(t, token(t, jwt.SigningMethodES256, ecKey, "", reissued)), &again); err != nil {
		t.Fatal(err)
	}
	otherClaims := claimsAt(now)
	otherClaims["tenant"] = "shop-2"
	if err := hook(bearer(t, token(t, jwt.SigningMethodES256, ecKey, "", otherClaims)), &other); err != nil {
		t.Fatal(err)
	}
	if again.Forward.Key != fw.Key {
		t.Errorf("re-issued token: key %q, want %q", again.Forward.Key, fw.Key)
	}
	if other.Forward.Key == fw.Key {
		t.Errorf("another tenant shares the key %q", fw.Key)
	}
}

// Without a router secret nothing is forwarded; anonymous callers get no
// principal, and with the secret they carry the router's anonymous
// signature.
func TestExecHookWithoutSecretOrToken(t *testing.T) {
	keys(t)
	a := newAuth(t, Config{Audience: Audiences{"nexus"}, StaticKeys: []StaticKey{{Algorithm: "ES256", PEM: pkixPEM(t, &ecKey.PublicKey)}}})
	var o gateway.ExecOptions
	noSecret, err := ExecHook(a, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := noSecret(bearer(t, token(t, jwt.SigningMethodES256, ecKey, "", claimsAt(time.Now()))), &o); err != nil {
		t.Fatal(err)
	}
	if o.Principal == nil || o.Forward != nil {
		t.Fatalf("no secret: principal %+v forward %+v", o.Principal, o.Forward)
	}
	var plain gateway.ExecOptions
	r, _ := http.NewRequest(http.MethodPost, "/graphql", nil)
	if err := noSecret(r, &plain); err != nil || plain.Principal != nil || plain.Forward != nil {
		t.Fatalf("anonymous without a secret: %+v, %v", plain, err)
	}
	if _, err := ExecHook(a, []byte("short")); err == nil {
		t.Fatal("a short secret was accepted")
	}
}

// Every anonymous request carries the router's anonymous signature — with
// or without an authenticator — and they all share one Forwarder, signed
// again only once it is TTL/2 old: no HMAC per request.
func TestExecHookSignsAnonymousRequests(t *testing.T) {
	keys(t)
	secret := []byte("router-and-subgraphs-share-this-secret")
	a := newAuth(t, Config{Audience: Audiences{"nexus"}, StaticKeys: []StaticKey{{Algorithm: "ES256", PEM: pkixPEM(t, &ecKey.PublicKey)}}})
	for name, authn := range map[string]*Authenticator{"with auth": a, "without auth": nil} {
		t.Run(name, func(t *testing.T) {
			hook, err := ExecHook(authn, secret)
			if err != nil {
				t.Fatal(err)
			}
			var first, second gateway.ExecOptions
			r, _ := http.NewRequest(http.MethodPost, "/graphql", nil)
			if err := hook(r, &first); err != nil {
				t.Fatal(err)
			}
			if err := hook(r, &second); err != nil {
				t.Fatal(err)
			}
			if first.Principal != nil || first.Forward == nil || first.Forward.Key != anonymousKey {
				t.Fatalf("anonymous: principal %+v forward %+v", first.Principal, first.Forward)
			}
			if second.Forward != first.Forward {
				t.Fatal("two anonymous requests got two signatures; want the shared one")
			}
			v := first.Forward.Header.Get(kitauth.HeaderName)
			if c, err := kitauth.VerifyValue(v, secret, time.Now()); c != nil || err != nil {
				t.Fatalf("anonymous header: %+v, %v; want the router's anonymous signature", c, err)
			}
			if _, err := kitauth.VerifyValue(v, []byte("another-secret-another-secret-xx"), time.Now()); err == nil {
				t.Fatal("verifies with another secret")
			}
		})
	}
}

// The shared anonymous Forwarder is replaced once it is Fresh old, by one
// signer; a long-running operation's Sign gets a signature valid at its time.
func TestAnonymousResigns(t *testing.T) {
	secret := []byte("router-and-subgraphs-share-this-secret")
	t0 := time.Now()
	now := t0
	an, err := newAnonymous(secret)
	if err != nil {
		t.Fatal(err)
	}
	an.now = func() time.Time { return now }
	an.sign(t0)
	fw := an.forwarder()
	now = t0.Add(kitauth.TTL/2 - time.Second)
	if an.forwarder() != fw {
		t.Fatal("re-signed before Fresh passed")
	}
	now = t0.Add(kitauth.TTL / 2)
	next := an.forwarder()
	if next == fw || !next.SignedAt.Equal(now) {
		t.Fatalf("not re-signed at Fresh: %+v", next)
	}
	if _, err := kitauth.VerifyValue(fw.Header.Get(kitauth.HeaderName), secret, t0.Add(2*kitauth.TTL)); err == nil {
		t.Fatal("the old signature outlives its TTL; the test proves nothing")
	}
	later := t0.Add(2 * kitauth.TTL)
	h, err := fw.Sign(later)
	if err != nil {
		t.Fatal(err)
	}
	if c, err := kitauth.VerifyValue(h.Get(kitauth.HeaderName), secret, later); c != nil || err != nil {
		t.Fatalf("re-signed for a subscription at +2 TTL: %+v, %v", c, err)
	}
}
