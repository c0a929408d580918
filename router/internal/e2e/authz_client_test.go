package e2e

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/nexus-commerce/nexus/router/internal/testenv"
)

// gqlResult is one router response as the matrix reads it.
type gqlResult struct {
	Status int
	Raw    string
	Data   map[string]json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Path       []any          `json:"path"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

// codes lists the errors' extensions.code values.
func (r gqlResult) codes() []string {
	var out []string
	for _, e := range r.Errors {
		c, _ := e.Extensions["code"].(string)
		out = append(out, c)
	}
	return out
}

// call posts an operation to the router with token as the bearer (none
// when empty), the way the web client does (CSRF header included).
func call(t *testing.T, env *testenv.Identity, token, query string, vars map[string]any) gqlResult {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, env.RouterURL, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Nexus-CSRF", "1")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	client := &http.Client{Timeout: 30 * time.Second}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("POST: %v", err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	out := gqlResult{Status: resp.StatusCode, Raw: string(raw)}
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("response is not JSON (HTTP %d): %s", resp.StatusCode, raw)
	}
	return out
}

// mustCall is call for setup steps that must succeed; it decodes the
// root field into dst.
func mustCall(t *testing.T, env *testenv.Identity, token, query string, vars map[string]any, field string, dst any) {
	t.Helper()
	r := call(t, env, token, query, vars)
	if len(r.Errors) > 0 || r.Status != http.StatusOK {
		t.Fatalf("%s: HTTP %d %s", query, r.Status, r.Raw)
	}
	if dst != nil {
		if err := json.Unmarshal(r.Data[field], dst); err != nil {
			t.Fatalf("%s: %v in %s", field, err, r.Raw)
		}
	}
}

// signToken signs claims with key under kid (ES256), as the auth service
// would; the matrix uses it for tokens the service would never issue.
func signToken(t *testing.T, key *ecdsa.PrivateKey, kid string, claims jwt.MapClaims) string {
	t.Helper()
	tok := jwt.NewWithClaims(jwt.SigningMethodES256, claims)
	tok.Header["kid"] = kid
	s, err := tok.SignedString(key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// claimsOf decodes a JWT's payload without verifying it.
func claimsOf(t *testing.T, token string) jwt.MapClaims {
	t.Helper()
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		t.Fatalf("not a JWT: %d parts", len(parts))
	}
	b, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		t.Fatal(err)
	}
	var c jwt.MapClaims
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// tamper replaces a JWT's payload with edit(payload) and keeps the
// original header and signature.
func tamper(t *testing.T, token string, edit func(jwt.MapClaims)) string {
	t.Helper()
	c := claimsOf(t, token)
	edit(c)
	b, _ := json.Marshal(c)
	parts := strings.Split(token, ".")
	return parts[0] + "." + base64.RawURLEncoding.EncodeToString(b) + "." + parts[2]
}

// unknownKey signs claims with a fresh key the router has never seen.
func unknownKey(t *testing.T, claims jwt.MapClaims) string {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return signToken(t, key, "unknown-key", claims)
}
