package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/nexus-commerce/nexus/router/internal/testenv/reviews"
	"github.com/nexus-commerce/nexus/schema/compose"
)

const (
	jwtSecret    = "test-jwt-secret-0123456789abcdef0123456789"
	routerSecret = "test-router-secret-0123456789abcdef012345"
)

// TestAuthorization runs the real router with JWT verification in front of
// a gqlgen subgraph whose fields carry @authenticated and @requiresScopes.
// The router nulls each unauthorised field with an error at its path and
// keeps the rest of the response; the subgraph sees the caller only
// through the router-signed claims header and checks scopes again itself.
func TestAuthorization(t *testing.T) {
	t.Setenv("TEST_JWT_SECRET", jwtSecret)
	t.Setenv("NEXUS_ROUTER_SECRET", routerSecret)

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
	cfg := "listen: " + addr + "\nsupergraph: supergraph.graphql\nauth:\n  issuer: https://id.test\n  audience: nexus-api\n" +
		"  static_keys:\n    - {kid: k1, algorithm: HS256, secret_env: TEST_JWT_SECRET}\n"
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
	url := "http://" + addr + "/graphql"

	// tokenFor signs a token with aud (nil: no aud claim).
	tokenFor := func(sub, scope string, exp time.Duration, aud any) string {
		claims := jwt.MapClaims{
			"iss": "https://id.test", "sub": sub, "scope": scope,
			"iat": time.Now().Unix(), "exp": time.Now().Add(exp).Unix(),
		}
		if aud != nil {
			claims["aud"] = aud
		}
		tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)
		tok.Header["kid"] = "k1"
		s, err := tok.SignedString([]byte(jwtSecret))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	token := func(sub, scope string, exp time.Duration) string { return tokenFor(sub, scope, exp, "nexus-api") }
	const q = `{ recentlyReviewed(first: 1) whoAmI moderationQueue }`
	type errT struct {
		Message    string         `json:"message"`
		Path       []any          `json:"path"`
		Extensions map[string]any `json:"extensions"`
	}
	do := func(bearer string) (int, map[string]any, []errT) {
		t.Helper()
		body, _ := json.Marshal(map[string]any{"query": q})
		req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if bearer != "" {
			req.Header.Set("Authorization", "Bearer "+bearer)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out struct {
			Data   map[string]any `json:"data"`
			Errors []errT         `json:"errors"`
		}
		raw, _ := io.ReadAll(resp.Body)
		if err := json.Unmarshal(raw, &out); err != nil {
			t.Fatalf("not JSON: %s", raw)
		}
		if strings.Contains(string(raw), bearer) && bearer != "" {
			t.Fatalf("response echoes the token: %s", raw)
		}
		return resp.StatusCode, out.Data, out.Errors
	}
	paths := func(errs []errT) string {
		var ps []string
		for _, e := range errs {
			b, _ := json.Marshal(e.Path)
			ps = append(ps, string(b))
		}
		return strings.Join(ps, " ")
	}

	t.Run("anonymous: protected fields null, each with its error", func(t *testing.T) {
		status, data, errs := do("")
		if status != http.StatusOK || data["recentlyReviewed"] == nil || data["whoAmI"] != nil || data["moderationQueue"] != nil {
			t.Fatalf("status %d data %v", status, data)
		}
		if got := paths(errs); got != `["whoAmI"] ["moderationQueue"]` {
			t.Fatalf("error paths = %s, want whoAmI and moderationQueue (%+v)", got, errs)
		}
	})
	t.Run("signed in without scopes", func(t *testing.T) {
		_, data, errs := do(token("alice", "reviews:read", time.Minute))
		if data["whoAmI"] != "alice" || data["moderationQueue"] != nil {
			t.Fatalf("data %v errors %+v", data, errs)
		}
		if got := paths(errs); got != `["moderationQueue"]` {
			t.Fatalf("error paths = %s (%+v)", got, errs)
		}
	})
	t.Run("one AND-set of scopes is enough", func(t *testing.T) {
		_, data, errs := do(token("bob", "moderator reviews:write", time.Minute))
		if data["whoAmI"] != "bob" || data["moderationQueue"] != float64(7) || len(errs) != 0 {
			t.Fatalf("data %v errors %+v", data, errs)
		}
	})
	t.Run("an aud array containing the router's audience", func(t *testing.T) {
		_, data, errs := do(tokenFor("frank", "", time.Minute, []string{"billing", "nexus-api"}))
		if data["whoAmI"] != "frank" {
			t.Fatalf("data %v errors %+v", data, errs)
		}
	})
	t.Run("half an AND-set is not", func(t *testing.T) {
		_, data, _ := do(token("carol", "moderator", time.Minute))
		if data["moderationQueue"] != nil {
			t.Fatalf("moderator without reviews:write got %v", data["moderationQueue"])
		}
	})
	t.Run("the subgraph trusts only the router's signature", func(t *testing.T) {
		body := []byte(`{"query":"{ whoAmI moderationQueue }"}`)
		req, _ := http.NewRequest(http.MethodPost, sub.URL, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Nexus-Claims", token("mallory", "admin", time.Minute)) // signed, but not with the router's secret
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		if !strings.Contains(string(raw), `"whoAmI":null`) || !strings.Contains(string(raw), `"moderationQueue":null`) {
			t.Fatalf("a forged claims header was believed: %s", raw)
		}
	})
	for name, bad := range map[string]string{
		"expired token":   token("dave", "admin", -time.Minute),
		"forged token":    token("eve", "admin", time.Minute)[:20] + "x" + token("eve", "admin", time.Minute)[21:],
		"not a JWT":       "nope",
		"wrong audience":  tokenFor("gina", "admin", time.Minute, "some-other-api"),
		"no audience":     tokenFor("gina", "admin", time.Minute, nil),
		"alg none header": "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJldmUiLCJzY29wZSI6ImFkbWluIn0.",
	} {
		t.Run(name+" is refused with 401", func(t *testing.T) {
			status, data, errs := do(bad)
			if status != http.StatusUnauthorized || data != nil || len(errs) != 1 || errs[0].Extensions["code"] != "UNAUTHENTICATED" {
				t.Fatalf("status %d data %v errors %+v", status, data, errs)
			}
		})
	}
}

// syncBuffer collects the router's log for failure messages.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServeFromSupergraphAlone starts the router the way other routers are
// started: a supergraph file and a listen address, by flags or by
// environment, with no config file at all.
func TestServeFromSupergraphAlone(t *testing.T) {
	rev := &reviews.Resolver{}
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
	file := filepath.Join(t.TempDir(), "supergraph.graphql")
	if err := os.WriteFile(file, []byte(sg), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat("router.yaml"); err == nil {
		t.Fatal("test precondition: no router.yaml in the working directory")
	}
	for name, start := range map[string]func(ctx context.Context, addr string) error{
		"flags": func(ctx context.Context, addr string) error {
			return run(ctx, []string{"--supergraph", file, "--listen", addr}, io.Discard, io.Discard)
		},
		"environment": func(ctx context.Context, addr string) error {
			t.Setenv("ROUTER_SUPERGRAPH", file)
			t.Setenv("ROUTER_LISTEN", addr)
			return run(ctx, nil, io.Discard, io.Discard)
		},
		// Started where a router.yaml for another federation lies (as
		// router/ holds one for `make run`): --supergraph alone ignores it.
		"flags beside a router.yaml": func(ctx context.Context, addr string) error {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "router.yaml"), []byte("subgraphs:\n  - name: product\n    routing_url: http://127.0.0.1:1/graphql\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			t.Chdir(dir)
			return run(ctx, []string{"--supergraph", file, "--listen", addr}, io.Discard, io.Discard)
		},
		// A config file that says nothing of subgraphs is valid once
		// --supergraph is applied: flags beat the file, then it validates.
		"config without subgraphs": func(ctx context.Context, addr string) error {
			cfg := filepath.Join(t.TempDir(), "partial.yaml")
			if err := os.WriteFile(cfg, []byte("introspection: true\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			return run(ctx, []string{"serve", "--config", cfg, "--supergraph", file, "--listen", addr}, io.Discard, io.Discard)
		},
	} {
		t.Run(name, func(t *testing.T) {
			addr := freeAddr(t)
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { done <- start(ctx, addr) }()
			waitFor(t, "router healthy", func() bool { return run(ctx, []string{"healthcheck", "--listen", addr}, io.Discard, io.Discard) == nil })
			body := []byte(`{"query":"{ recentlyReviewed(first: 2) }"}`)
			resp, err := http.Post("http://"+addr+"/graphql", "application/json", bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			raw, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if string(raw) != `{"data":{"recentlyReviewed":["p1","p2"]}}` {
				t.Fatalf("answer: %s", raw)
			}
			cancel()
			if err := <-done; err != nil {
				t.Fatalf("serve: %v", err)
			}
		})
	}
}

// TestServeWithoutConfigOrSupergraph: with neither a router.yaml in the
// working directory nor --config/--supergraph, serve says what to pass.
func TestServeWithoutConfigOrSupergraph(t *testing.T) {
	t.Chdir(t.TempDir())
	err := run(context.Background(), []string{"serve", "--listen", "127.0.0.1:0"}, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "no router.yaml in the working directory") || !strings.Contains(err.Error(), "--supergraph FILE") {
		t.Fatalf("want an error naming --config and --supergraph, got %v", err)
	}
	// A --config that names a missing file is an error of its own.
	err = run(context.Background(), []string{"serve", "--config", "missing.yaml", "--supergraph", "sg.graphql"}, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "missing.yaml") {
		t.Fatalf("want an error naming missing.yaml, got %v", err)
	}
	// Validation runs after the flags: the file's error names its key.
	cfg := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(cfg, []byte("limits: {max_depth: -1}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	err = run(context.Background(), []string{"serve", "--config", cfg, "--supergraph", "sg.graphql"}, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "max_depth") {
		t.Fatalf("want an error naming limits.max_depth, got %v", err)
	}
}

// TestPersistedOperations runs the router with a trusted-documents file,
// first open (APQ on), then as a safelist.
func TestPersistedOperations(t *testing.T) {
	rev := &reviews.Resolver{}
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
	write := func(name, body string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("supergraph.graphql", sg)
	const trusted = `query Two { recentlyReviewed(first: 2) }`
	sum := sha256.Sum256([]byte(trusted))
	id := hex.EncodeToString(sum[:])
	write("ops.json", `{"format":"apollo-persisted-query-manifest","version":1,"operations":[{"id":"`+id+`","name":"Two","type":"query","body":"`+trusted+`"}]}`)

	post := func(t *testing.T, url, body string) (int, string) {
		t.Helper()
		resp, err := http.Post(url, "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(raw)
	}
	ext := func(hash string) string {
		return `"extensions":{"persistedQuery":{"version":1,"sha256Hash":"` + hash + `"}}`
	}
	start := func(t *testing.T, persisted string) string {
		addr := freeAddr(t)
		write("router.yaml", "listen: "+addr+"\nsupergraph: supergraph.graphql\npersisted_operations: "+persisted+"\n")
		ctx, cancel := context.WithCancel(context.Background())
		t.Cleanup(cancel)
		go func() {
			_ = run(ctx, []string{"serve", "--config", filepath.Join(dir, "router.yaml")}, io.Discard, io.Discard)
		}()
		waitFor(t, "router healthy", func() bool { return run(ctx, []string{"healthcheck", "--listen", addr}, io.Discard, io.Discard) == nil })
		return "http://" + addr + "/graphql"
	}

	t.Run("trusted documents and APQ", func(t *testing.T) {
		url := start(t, "{file: ops.json}")
		if _, body := post(t, url, `{`+ext(id)+`}`); body != `{"data":{"recentlyReviewed":["p1","p2"]}}` {
			t.Fatalf("trusted document by id: %s", body)
		}
		q := `{ recentlyReviewed(first: 1) }`
		qs := sha256.Sum256([]byte(q))
		qh := hex.EncodeToString(qs[:])
		if _, body := post(t, url, `{`+ext(qh)+`}`); !strings.Contains(body, "PERSISTED_QUERY_NOT_FOUND") {
			t.Fatalf("unknown hash: %s", body)
		}
		if _, body := post(t, url, `{"query":"`+q+`",`+ext(qh)+`}`); body != `{"data":{"recentlyReviewed":["p1"]}}` {
			t.Fatalf("APQ registration: %s", body)
		}
		if _, body := post(t, url, `{`+ext(qh)+`}`); body != `{"data":{"recentlyReviewed":["p1"]}}` {
			t.Fatalf("APQ by hash: %s", body)
		}
		if _, body := post(t, url, `{"query":"{ __typename }",`+ext(qh)+`}`); !strings.Contains(body, "PERSISTED_QUERY_HASH_MISMATCH") {
			t.Fatalf("mismatched hash: %s", body)
		}
	})
	t.Run("safelist", func(t *testing.T) {
		url := start(t, "{file: ops.json, safelist: true}")
		if _, body := post(t, url, `{`+ext(id)+`}`); body != `{"data":{"recentlyReviewed":["p1","p2"]}}` {
			t.Fatalf("trusted document by id: %s", body)
		}
		status, body := post(t, url, `{"query":"{ recentlyReviewed(first: 3) }"}`)
		if status != http.StatusForbidden || !strings.Contains(body, "OPERATION_NOT_IN_SAFELIST") || strings.Contains(body, "p3") {
			t.Fatalf("unlisted operation: %d %s", status, body)
		}
	})
}
