package main

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/MicahParks/jwkset"
	"github.com/golang-jwt/jwt/v5"

	"github.com/nexus-commerce/nexus/router/internal/testenv/reviews"
	"github.com/nexus-commerce/nexus/schema/compose"
	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
)

// TestRevokedTokenThroughRouter: the router with the repository's kind of
// auth config (ES256 keys from a JWKS, the revocation feed) answers 401
// "token revoked" for a disabled user's unexpired token on the next
// request once the feed delivered the entry, which the
// nexus_router_auth_revocation_cursor gauge shows (what tests wait on).
func TestRevokedTokenThroughRouter(t *testing.T) {
	t.Setenv("NEXUS_ROUTER_SECRET", routerSecret)
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	jwk, err := jwkset.NewJWKFromKey(&key.PublicKey, jwkset.JWKOptions{Metadata: jwkset.JWKMetadataOptions{KID: "k1", ALG: jwkset.AlgES256, USE: jwkset.UseSig}})
	if err != nil {
		t.Fatal(err)
	}
	store := jwkset.NewMemoryStorage()
	if err := store.KeyWrite(context.Background(), jwk); err != nil {
		t.Fatal(err)
	}
	jwksBody, err := store.JSONPublic(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	jwks := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write(jwksBody) }))
	t.Cleanup(jwks.Close)

	// The feed: a full state (reset) for after=0, then one entry per
	// disable, long-polled.
	var mu sync.Mutex
	var entries []map[string]any
	wake := make(chan struct{})
	feed := httptest.NewServer(kitauth.RequireRouter([]byte(routerSecret), nil)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		after, _ := strconv.Atoi(r.URL.Query().Get("after"))
		for {
			mu.Lock()
			page := map[string]any{"cursor": strconv.Itoa(len(entries)), "reset": after == 0, "revocations": append([]map[string]any{}, entries[min(after, len(entries)):]...)}
			ch := wake
			mu.Unlock()
			if after == 0 || after < len(entries) {
				_ = json.NewEncoder(w).Encode(page)
				return
			}
			select {
			case <-ch:
			case <-r.Context().Done():
				return
			}
		}
	})))
	t.Cleanup(feed.Close)
	disable := func(sub string) {
		mu.Lock()
		entries = append(entries, map[string]any{"sub": sub, "before": time.Now().Unix(), "disabled": true})
		close(wake)
		wake = make(chan struct{})
		mu.Unlock()
	}

	rev := &reviews.Resolver{Secret: []byte(routerSecret)}
	sub := httptest.NewServer(rev.Handler())
	t.Cleanup(sub.Close)
	sdl, err := os.ReadFile("../../internal/testenv/reviews/schema.graphqls")
	if err != nil {
		t.Fatal(err)
	}
	sg, err := compose.Compose([]compose.Subgraph{{Name: "reviews", URL: sub.URL, SDL: string(sdl)}})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "supergraph.graphql"), []byte(sg), 0o600); err != nil {
		t.Fatal(err)
	}
	addr := freeAddr(t)
	cfg := "listen: " + addr + "\nsupergraph: supergraph.graphql\nauth:\n  issuer: nexus-auth\n  audience: nexus\n" +
		"  jwks_urls: [" + jwks.URL + "]\n  revocations_url: " + feed.URL + "/revocations\n"
	cfgPath := filepath.Join(dir, "router.yaml")
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var logs syncBuffer
	go func() {
		if err := run(ctx, []string{"serve", "--config", cfgPath}, io.Discard, &logs); err != nil {
			logs.Write([]byte("serve: " + err.Error()))
		}
	}()
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("router log:\n%s", logs.String())
		}
	})
	waitFor(t, "router healthy", func() bool { return run(ctx, []string{"healthcheck", "--listen", addr}, io.Discard, io.Discard) == nil })
	base := "http://" + addr

	// cursor reads the gauge from /metrics.
	cursor := func() string {
		resp, err := http.Get(base + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if v, ok := strings.CutPrefix(sc.Text(), "nexus_router_auth_revocation_cursor "); ok {
				return v
			}
		}
		t.Fatal("no nexus_router_auth_revocation_cursor in /metrics")
		return ""
	}
	waitFor(t, "the feed's full state", func() bool { return cursor() == "0" })

	now := time.Now()
	jt := jwt.NewWithClaims(jwt.SigningMethodES256, jwt.MapClaims{
		"iss": "nexus-auth", "aud": []string{"nexus"}, "sub": "ada", "sid": "s1", "scope": "customer",
		"iat": now.Add(-time.Minute).Unix(), "nbf": now.Add(-time.Minute).Unix(), "exp": now.Add(14 * time.Minute).Unix(),
	})
	jt.Header["kid"] = "k1"
	tok, err := jt.SignedString(key)
	if err != nil {
		t.Fatal(err)
	}
	whoAmI := func() (int, string) {
		req, _ := http.NewRequest(http.MethodPost, base+"/graphql", strings.NewReader(`{"query":"{ whoAmI }"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+tok)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if status, body := whoAmI(); status != http.StatusOK || !strings.Contains(body, `"whoAmI":"ada"`) {
		t.Fatalf("before the revocation: %d %s", status, body)
	}
	disable("ada")
	waitFor(t, "cursor 1 applied", func() bool { return cursor() == "1" })
	status, body := whoAmI()
	if status != http.StatusUnauthorized || !strings.Contains(body, `"message":"token revoked"`) || !strings.Contains(body, `"code":"UNAUTHENTICATED"`) {
		t.Fatalf("disabled user's unexpired token: %d %s", status, body)
	}
}
