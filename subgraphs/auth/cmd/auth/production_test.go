package main

import (
	"net/http"
	"strings"
	"testing"
	"time"

	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
)

// In production GraphQL is served only to the router; the JWKS stays public.
func TestProductionServesOnlyTheRouter(t *testing.T) {
	s := startServe(t, map[string]string{"NEXUS_MODE": "production"})
	post := func(header string) int {
		req, _ := http.NewRequest(http.MethodPost, s.base+"/graphql", strings.NewReader(`{"query":"{ passwordPolicy { minLength } }"}`))
		req.Header.Set("Content-Type", "application/json")
		if header != "" {
			req.Header.Set(kitauth.HeaderName, header)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := post(""); code != http.StatusForbidden {
		t.Fatalf("direct request: %d", code)
	}
	anon, err := kitauth.SignAnonymous([]byte(testSecret), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if code := post(anon); code != http.StatusOK {
		t.Fatalf("router request: %d", code)
	}
	fetchJWKS(t, s.base)
}
