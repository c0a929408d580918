package auth

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestConfigValidate(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
		want []string // substrings of the error; none means valid
	}{
		{"empty is valid (auth off)", Config{}, nil},
		{"jwks", Config{JWKSURLs: []string{"https://auth/.well-known/jwks.json"}, Audience: Audiences{"nexus"}}, nil},
		{"jwks without audience", Config{JWKSURLs: []string{"https://auth/.well-known/jwks.json"}}, []string{"auth.audience: required when tokens are verified", "allow_any_audience"}},
		{"static key without audience", Config{StaticKeys: []StaticKey{{KID: "a", Algorithm: "HS256", SecretEnv: "S"}}}, []string{"auth.audience: required"}},
		{"explicit opt-out", Config{StaticKeys: []StaticKey{{KID: "a", Algorithm: "HS256", SecretEnv: "S"}}, AllowAnyAudience: true}, nil},
		{"opt-out and audience", Config{StaticKeys: []StaticKey{{KID: "a", Algorithm: "HS256", SecretEnv: "S"}}, Audience: Audiences{"nexus"}, AllowAnyAudience: true}, []string{"auth.allow_any_audience"}},
		{"empty audience entry", Config{StaticKeys: []StaticKey{{KID: "a", Algorithm: "HS256", SecretEnv: "S"}}, Audience: Audiences{"nexus", " "}}, []string{"auth.audience[1]: empty"}},
		{"bad url", Config{JWKSURLs: []string{"ftp://x", "/relative"}}, []string{"auth.jwks_urls[0]", "auth.jwks_urls[1]"}},
		{"leeway", Config{Leeway: time.Hour}, []string{"auth.leeway"}},
		{"negative intervals", Config{RefreshInterval: -1, UnknownKIDRefreshInterval: -1, HTTPTimeout: -1}, []string{"auth.refresh_interval", "auth.unknown_kid_refresh_interval", "auth.http_timeout"}},
		{"header", Config{HeaderName: "X Bad"}, []string{"auth.header_name"}},
		{"hmac in algorithms", Config{Algorithms: []string{"HS256"}}, []string{"auth.algorithms[0]"}},
		{"static ok", Config{Audience: Audiences{"nexus", "nexus-admin"}, StaticKeys: []StaticKey{{KID: "a", Algorithm: "HS256", SecretEnv: "S"}, {KID: "b", Algorithm: "RS256", PEMEnv: "P"}}}, nil},
		{"static problems", Config{StaticKeys: []StaticKey{
			{KID: "a", Algorithm: "HS256", PEM: "x"},
			{KID: "a", Algorithm: "RS256", SecretEnv: "S"},
			{KID: "c", Algorithm: "none", PEM: "x"},
			{Algorithm: "RS256"},
		}}, []string{
			"auth.static_keys[0].secret_env: required", "auth.static_keys[1].kid: \"a\" is also static_keys[0].kid",
			"auth.static_keys[1].secret_env: only for HS", "auth.static_keys[2].algorithm", "auth.static_keys[3].kid",
			"auth.static_keys[3]: set exactly one",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.cfg.Defaults()
			err := tt.cfg.Validate()
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("Validate accepted it")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error lacks %q:\n%v", w, err)
				}
			}
		})
	}
}

func TestNewReportsKeyProblems(t *testing.T) {
	keys(t)
	env := map[string]string{"SHORT": "short", "NOT_PEM": "hello"}
	lookup := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	tests := []struct {
		name string
		key  StaticKey
		want string
	}{
		{"secret unset", StaticKey{KID: "a", Algorithm: "HS256", SecretEnv: "MISSING"}, "auth.static_keys[0]: secret_env: environment variable MISSING is not set"},
		{"secret short", StaticKey{KID: "a", Algorithm: "HS256", SecretEnv: "SHORT"}, "SHORT holds 5 bytes"},
		{"pem env not pem", StaticKey{KID: "a", Algorithm: "RS256", PEMEnv: "NOT_PEM"}, "pem_env: no PEM block"},
		{"key type vs alg", StaticKey{KID: "a", Algorithm: "ES256", PEM: pkixPEM(t, &rsaA.PublicKey)}, "algorithm: ES256 does not fit a RSA key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(context.Background(), Config{Audience: Audiences{"nexus"}, StaticKeys: []StaticKey{tt.key}}, WithLookupEnv(lookup))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("New: %v, want %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "hello") || strings.Contains(err.Error(), "short\"") {
				t.Fatalf("error echoes a secret: %v", err)
			}
		})
	}
	if _, err := New(context.Background(), Config{}); err == nil {
		t.Fatal("New without keys succeeded")
	}
}
