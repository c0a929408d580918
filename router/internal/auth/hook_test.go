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
	hook := ExecHook(a, secret)
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
// principal.
func TestExecHookWithoutSecretOrToken(t *testing.T) {
	keys(t)
	a := newAuth(t, Config{Audience: Audiences{"nexus"}, StaticKeys: []StaticKey{{Algorithm: "ES256", PEM: pkixPEM(t, &ecKey.PublicKey)}}})
	var o gateway.ExecOptions
	if err := ExecHook(a, nil)(bearer(t, token(t, jwt.SigningMethodES256, ecKey, "", claimsAt(time.Now()))), &o); err != nil {
		t.Fatal(err)
	}
	if o.Principal == nil || o.Forward != nil {
		t.Fatalf("no secret: principal %+v forward %+v", o.Principal, o.Forward)
	}
	var anon gateway.ExecOptions
	r, _ := http.NewRequest(http.MethodPost, "/graphql", nil)
	if err := ExecHook(a, []byte("router-and-subgraphs-share-this-secret"))(r, &anon); err != nil || anon.Principal != nil || anon.Forward != nil {
		t.Fatalf("anonymous: %+v, %v", anon, err)
	}
}
