package auth

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"go.yaml.in/yaml/v3"
)

// A token is accepted when its aud names the configured audience, alone or
// among others, and refused (reason audience, 401 UNAUTHENTICATED) when it
// names another API or none; allow_any_audience is the explicit way out.
func TestAudience(t *testing.T) {
	keys(t)
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	withAud := func(aud any) jwt.MapClaims {
		c := claimsAt(now)
		if aud == nil {
			delete(c, "aud")
		} else {
			c["aud"] = aud
		}
		return c
	}
	build := func(cfg Config) *Authenticator {
		cfg.StaticKeys = []StaticKey{{KID: "ec", Algorithm: "ES256", PEM: pkixPEM(t, &ecKey.PublicKey)}}
		return newAuth(t, cfg, WithClock(func() time.Time { return now }))
	}
	one := build(Config{Audience: Audiences{"nexus"}})
	two := build(Config{Audience: Audiences{"nexus", "nexus-admin"}})
	anyAud := build(Config{AllowAnyAudience: true})
	tests := []struct {
		name string
		a    *Authenticator
		aud  any
		ok   bool
	}{
		{"right audience", one, "nexus", true},
		{"array containing the right one", one, []string{"billing", "nexus"}, true},
		{"second configured audience", two, "nexus-admin", true},
		{"wrong audience", one, "some-other-api", false},
		{"array without the right one", one, []string{"billing", "nexus-admin"}, false},
		{"missing audience", one, nil, false},
		{"missing audience, two configured", two, nil, false},
		{"opt-out: another audience", anyAud, "some-other-api", true},
		{"opt-out: no audience", anyAud, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := tt.a.Authenticate(bearer(t, token(t, jwt.SigningMethodES256, ecKey, "ec", withAud(tt.aud))))
			if tt.ok {
				if err != nil || c == nil || c.Subject != "user-1" {
					t.Fatalf("Authenticate = %+v, %v; want the claims", c, err)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || c != nil {
				t.Fatalf("Authenticate = %+v, %v; want an *Error", c, err)
			}
			if e.Reason != ReasonAudience || e.ErrorCode() != "UNAUTHENTICATED" {
				t.Fatalf("reason %q code %q, want audience / UNAUTHENTICATED", e.Reason, e.ErrorCode())
			}
		})
	}
}

// New refuses a verifying config without an audience, naming the key and
// the way out.
func TestNewRequiresAudience(t *testing.T) {
	keys(t)
	_, err := New(context.Background(), Config{StaticKeys: []StaticKey{{Algorithm: "ES256", PEM: pkixPEM(t, &ecKey.PublicKey)}}})
	if err == nil {
		t.Fatal("New accepted a verifying config without audience")
	}
	for _, want := range []string{"auth.audience: required", "allow_any_audience"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q: %v", want, err)
		}
	}
}

func TestAudiencesYAML(t *testing.T) {
	tests := []struct {
		in   string
		want []string
		bad  bool
	}{
		{"audience: nexus", []string{"nexus"}, false},
		{"audience: [nexus, nexus-admin]", []string{"nexus", "nexus-admin"}, false},
		{"audience: ''", nil, false},
		{"audience: {a: b}", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var c Config
			err := yaml.Unmarshal([]byte(tt.in), &c)
			if tt.bad != (err != nil) {
				t.Fatalf("Unmarshal: %v", err)
			}
			if !tt.bad && !slices.Equal([]string(c.Audience), tt.want) {
				t.Fatalf("audience = %q, want %q", c.Audience, tt.want)
			}
		})
	}
}
