package auth

import (
	"strings"
	"testing"
	"time"

	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
)

func TestForwardHeaderRoundTrip(t *testing.T) {
	secret := []byte("router-and-subgraphs-share-this-secret")
	now := time.Now()
	c := &Claims{Subject: "user-7", Scopes: []string{"orders:read"}, Raw: map[string]any{"sub": "user-7", "email": "x@example.com"}}
	name, value, err := ForwardHeader(c, secret, now)
	if err != nil {
		t.Fatal(err)
	}
	if name != "X-Nexus-Claims" || value == "" {
		t.Fatalf("header %q = %q", name, value)
	}
	got, err := kitauth.VerifyValue(value, secret, now)
	if err != nil {
		t.Fatalf("subgraph side: %v", err)
	}
	if got.Subject != "user-7" || strings.Join(got.Scopes, ",") != "orders:read" || got.Raw["email"] != "x@example.com" {
		t.Fatalf("claims = %+v", got)
	}
	if _, err := kitauth.VerifyValue(value, []byte("a-different-secret-of-enough-length!!"), now); err == nil {
		t.Fatal("verified with another secret")
	}
	if _, err := kitauth.VerifyValue(value, secret, now.Add(kitauth.TTL+time.Minute)); err == nil {
		t.Fatal("verified after expiry")
	}
}

func TestForwardHeaderAnonymousAndBadSecret(t *testing.T) {
	name, value, err := ForwardHeader(nil, []byte("router-and-subgraphs-share-this-secret"), time.Now())
	if err != nil || name != kitauth.HeaderName || value != "" {
		t.Fatalf("anonymous = %q, %q, %v", name, value, err)
	}
	if _, _, err := ForwardHeader(&Claims{Subject: "u"}, []byte("short"), time.Now()); err == nil {
		t.Fatal("short secret accepted")
	}
}
