// Package testenv starts a real federation for tests: the product subgraph
// binary on a throwaway PostgreSQL database, the test-only reviews subgraph
// and the router itself, each on an ephemeral port, composed by our composer
// from the same SDL files production uses.
package testenv

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/nexus-commerce/nexus/router/internal/auth"
	"github.com/nexus-commerce/nexus/router/internal/config"
	"github.com/nexus-commerce/nexus/router/internal/gateway"
	"github.com/nexus-commerce/nexus/router/internal/graphiql"
	"github.com/nexus-commerce/nexus/router/internal/metrics"
	"github.com/nexus-commerce/nexus/router/internal/proxy"
	"github.com/nexus-commerce/nexus/router/internal/server"
	"github.com/nexus-commerce/nexus/router/internal/subscriptions"
	"github.com/nexus-commerce/nexus/router/internal/testenv/reviews"
	"github.com/nexus-commerce/nexus/schema/compose"
	"github.com/nexus-commerce/nexus/schema/supergraph"
	"github.com/nexus-commerce/nexus/subgraphs/kit/pgtest"
)

// Env is a running federation.
type Env struct {
	// RouterURL is the router's GraphQL endpoint.
	RouterURL string
	// Origin is the router's origin (scheme and host): the product's
	// PUBLIC_URL, under which it proxies /images/.
	Origin string
	// ProductURL is the product subgraph's GraphQL endpoint.
	ProductURL string
	// Reviews is the test subgraph; its Batches show every entity call.
	Reviews *reviews.Resolver
	// Supergraph is the composed supergraph SDL.
	Supergraph string
	// Handler is the router's HTTP handler, for wrapping in other servers.
	Handler http.Handler
	// Gateway is the router's current gateway, for tests that look behind
	// the transports (how subscriptions are shared) or start operations on
	// it directly.
	Gateway func() *gateway.Gateway
	// Exec is the router's auth hook: the ExecOptions a request to the
	// router would run with (the subgraphs accept only signed callers).
	Exec func(*http.Request, *gateway.ExecOptions) error
	// RouterSecret is the NEXUS_ROUTER_SECRET the subgraphs verify: a test
	// that runs its own router (the serve command) against them sets it.
	RouterSecret string

	// jwtSecret signs the tokens Token mints (the router's static test key).
	jwtSecret []byte
	// product is the product subgraph's process (RestartProduct).
	product *productProc
	reload  func(testing.TB) <-chan struct{}
}

// Reload does what a configuration reload does to the router: a new
// gateway from the same supergraph is swapped in, the old one hands its
// resumable subscriptions over (Gateway.Handoff) and is retired. The
// channel is closed once the old gateway's Retire returned: nothing runs
// on it any more.
func (e *Env) Reload(t testing.TB) <-chan struct{} {
	t.Helper()
	return e.reload(t)
}

// RestartProduct kills the product subgraph process (SIGKILL: no graceful
// shutdown, its connections simply break, as in a crash) and starts it
// again on the same address, returning once it is ready.
func (e *Env) RestartProduct(t testing.TB) {
	t.Helper()
	e.product.kill()
	e.product.start(t)
}

// KillProduct kills the product subgraph process (SIGKILL) and leaves it
// down; StartProduct starts it again on the same address.
func (e *Env) KillProduct(t testing.TB) {
	t.Helper()
	e.product.kill()
}

// StartProduct starts the product subgraph after KillProduct and returns
// once it is ready.
func (e *Env) StartProduct(t testing.TB) {
	t.Helper()
	e.product.start(t)
}

// productProc is the product subgraph process, restartable on its address.
type productProc struct {
	ctx       context.Context
	bin, addr string
	env       []string
	logs      *lockedBuffer

	mu  sync.Mutex
	cmd *exec.Cmd
}

// start runs the subgraph and waits until it is ready.
func (p *productProc) start(t testing.TB) {
	t.Helper()
	cmd := exec.CommandContext(p.ctx, p.bin, "serve")
	cmd.Env = p.env
	cmd.Stdout, cmd.Stderr = p.logs, p.logs
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 10 * time.Second
	if err := cmd.Start(); err != nil {
		t.Fatalf("start product: %v", err)
	}
	p.mu.Lock()
	p.cmd = cmd
	p.mu.Unlock()
	waitReady(t, "http://"+p.addr+"/readyz", p.logs)
}

// kill ends the subgraph at once and waits for it to be gone.
func (p *productProc) kill() {
	p.mu.Lock()
	cmd := p.cmd
	p.mu.Unlock()
	_ = cmd.Process.Kill()
	_ = cmd.Wait()
}

// wait waits for the current process to exit (after the context ended).
func (p *productProc) wait() {
	p.mu.Lock()
	cmd := p.cmd
	p.mu.Unlock()
	_ = cmd.Wait()
}

// Token mints a JWT the router accepts (HS256, kid "test", issuer
// nexus-test, audience nexus-test-api, 10 minutes) for subject with the given scopes, e.g.
// env.Token(t, "alice", "admin") for the catalog's admin mutations.
func (e *Env) Token(t testing.TB, subject string, scopes ...string) string {
	t.Helper()
	return e.TokenWith(t, func(c jwt.MapClaims) {
		c["sub"], c["scope"] = subject, strings.Join(scopes, " ")
	})
}

// TokenWith mints a token with the router's test key from the claims
// Token would use, changed by edit (delete "aud", set "aud" to another
// API, ...), for tests of what the router refuses.
func (e *Env) TokenWith(t testing.TB, edit func(jwt.MapClaims)) string {
	t.Helper()
	claims := jwt.MapClaims{
		"iss": testIssuer, "aud": testAudience, "sub": "test-user",
		"iat": time.Now().Unix(), "exp": time.Now().Add(10 * time.Minute).Unix(),
	}
	edit(claims)
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)
	tok.Header["kid"] = "test"
	s, err := tok.SignedString(e.jwtSecret)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// testIssuer and testAudience are what the test router requires of tokens.
const (
	testIssuer   = "nexus-test"
	testAudience = "nexus-test-api"
)

// randomSecret is a fresh 32-byte secret, hex encoded (64 characters).
func randomSecret(t testing.TB) string {
	t.Helper()
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b[:])
}

// Root is the repository root (the directory holding go.work).
func Root(t testing.TB) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Dir(file)
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.work")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("testenv: go.work not found above " + file)
		}
		dir = parent
	}
}

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// productBinary builds the product subgraph once per test process.
func productBinary(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "nexus-testenv-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "product")
		cmd := exec.Command("go", "build", "-o", binPath, "./cmd/product")
		cmd.Dir = filepath.Join(Root(t), "subgraphs", "product")
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build product: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// Options change the federation Run starts; the zero value is Run's.
type Options struct {
	// ResumeTimeout is the gateway's (gateway.Options.ResumeTimeout).
	ResumeTimeout time.Duration
	// ProductSubscription says how the router subscribes to the product
	// subgraph (zero: WebSocket, as router.yaml does).
	ProductSubscription gateway.SubgraphSubscription
	// Metrics receives the gateway's metrics (every gateway a reload
	// makes shares it); nil records nothing.
	Metrics *metrics.Metrics
}

// Run starts the federation, calls fn and tears everything down.
func Run(t *testing.T, fn func(t *testing.T, env *Env)) {
	t.Helper()
	RunWith(t, Options{}, fn)
}

// RunWith is Run with options.
func RunWith(t *testing.T, o Options, fn func(t *testing.T, env *Env)) {
	t.Helper()
	root := Root(t)
	dbURL := pgtest.URL(t)
	bin := productBinary(t)

	seed := exec.Command(bin, "seed")
	seed.Env = append(os.Environ(), "DATABASE_URL="+dbURL, "LOG_LEVEL=warn")
	if out, err := seed.CombinedOutput(); err != nil {
		t.Fatalf("product seed: %v\n%s", err, out)
	}

	// The router signs the claims it forwards with routerSecret; the product
	// subgraph and the reviews test subgraph trust only that signature.
	routerSecret := randomSecret(t)
	jwtSecret := randomSecret(t)

	addr := freeAddr(t)
	// The router's listener first: its origin is the product's PUBLIC_URL,
	// as in production, where images load through the router.
	routerLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	routerOrigin := "http://" + routerLn.Addr().String()
	logs := &lockedBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	prod := &productProc{ctx: ctx, bin: bin, addr: addr, logs: logs,
		env: append(os.Environ(), "DATABASE_URL="+dbURL, "HTTP_ADDR="+addr, "PUBLIC_URL="+routerOrigin, "LOG_LEVEL=warn",
			"NEXUS_ROUTER_SECRET="+routerSecret)}
	prod.start(t)
	t.Cleanup(func() {
		cancel()
		prod.wait()
		if t.Failed() {
			t.Logf("product subgraph log:\n%s", logs.String())
		}
	})
	productURL := "http://" + addr + "/graphql"

	rev := &reviews.Resolver{Secret: []byte(routerSecret)}
	revSrv := httptest.NewServer(rev.Handler())
	t.Cleanup(revSrv.Close)

	productSDL := read(t, filepath.Join(root, "schema", "subgraphs", "product.graphqls"))
	reviewsSDL := read(t, filepath.Join(root, "router", "internal", "testenv", "reviews", "schema.graphqls"))
	sdl, err := compose.Compose([]compose.Subgraph{
		{Name: "product", URL: productURL, SDL: productSDL},
		{Name: "reviews", URL: revSrv.URL, SDL: reviewsSDL},
	})
	if err != nil {
		t.Fatalf("compose: %v", err)
	}
	sg, err := supergraph.Parse(sdl)
	if err != nil {
		t.Fatalf("parse supergraph: %v", err)
	}
	gwOpts := gateway.Options{Supergraph: sg, ResumeTimeout: o.ResumeTimeout, Metrics: o.Metrics,
		Subscriptions: map[string]gateway.SubgraphSubscription{"product": o.ProductSubscription}}
	gw, err := gateway.New(gwOpts)
	if err != nil {
		t.Fatalf("gateway: %v", err)
	}
	t.Cleanup(gw.Close)
	var srv *server.Server
	reload := func(t testing.TB) <-chan struct{} {
		t.Helper()
		next, err := gateway.New(gwOpts)
		if err != nil {
			t.Fatalf("gateway: %v", err)
		}
		t.Cleanup(next.Close)
		old := srv.Swap(next)
		old.Handoff(next)
		retired := make(chan struct{})
		go func() {
			defer close(retired)
			old.Retire(context.Background())
		}()
		return retired
	}
	cfg := &config.Config{Auth: auth.Config{Issuer: testIssuer, Audience: auth.Audiences{testAudience}, StaticKeys: []auth.StaticKey{{KID: "test", Algorithm: "HS256", SecretEnv: "NEXUS_TEST_JWT_SECRET"}}}}
	cfg.Defaults()
	authn, err := auth.New(context.Background(), cfg.Auth, auth.WithLookupEnv(func(k string) (string, bool) {
		if k == "NEXUS_TEST_JWT_SECRET" {
			return jwtSecret, true
		}
		return "", false
	}))
	if err != nil {
		t.Fatalf("auth: %v", err)
	}
	t.Cleanup(authn.Close)
	gq := graphiql.Handler(graphiql.Config{Endpoint: cfg.GraphQLPath, Title: "Nexus"})
	hook, err := auth.ExecHook(authn, []byte(routerSecret))
	if err != nil {
		t.Fatalf("auth hook: %v", err)
	}
	subs := subscriptions.New(subscriptions.Options{Gateway: func() *gateway.Gateway { return srv.Gateway() }, Exec: hook})
	t.Cleanup(subs.Shutdown)
	// Product images through the router, as router.yaml's proxy list does.
	cfg.Subgraphs = []config.Subgraph{{Name: "product", RoutingURL: productURL}}
	cfg.Proxy = []config.ProxyRoute{{Path: "/images/", Subgraph: "product"}}
	cfg.Defaults()
	files, err := proxy.FromConfig(cfg, nil)
	if err != nil {
		t.Fatalf("proxy: %v", err)
	}
	srv = server.New(server.Options{Path: cfg.GraphQLPath, Limits: cfg.Limits,
		GraphiQL: gq, WantsHTML: graphiql.WantsHTML, Assets: gq, AssetPrefix: graphiql.AssetPrefix,
		Exec: hook, Subscriptions: subs, IsSubscription: subscriptions.Wants, Files: files})
	srv.Swap(gw)
	rs := httptest.NewUnstartedServer(srv.Handler())
	_ = rs.Listener.Close()
	rs.Listener = routerLn
	rs.Start()
	t.Cleanup(rs.Close)

	fn(t, &Env{RouterURL: rs.URL + cfg.GraphQLPath, Origin: rs.URL, ProductURL: productURL, Reviews: rev, Supergraph: sdl, Handler: srv.Handler(), Gateway: srv.Gateway, Exec: hook,
		RouterSecret: routerSecret, jwtSecret: []byte(jwtSecret), product: prod, reload: reload})
}

// Response is a GraphQL response as tests read it.
type Response struct {
	Status int
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Path       []any          `json:"path"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

// Post sends a GraphQL request to url and decodes the response.
func Post(t testing.TB, url, query string, vars map[string]any) Response {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	resp, err := http.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatalf("POST %s: %v", url, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var out Response
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("response is not JSON (HTTP %d): %s", resp.StatusCode, raw)
	}
	out.Status = resp.StatusCode
	return out
}

func read(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func freeAddr(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_ = ln.Close()
	return addr
}

// waitReady polls a readiness URL until it answers 200 or 60s pass.
func waitReady(t testing.TB, url string, logs *lockedBuffer) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	backoff := 20 * time.Millisecond
	for {
		resp, err := http.Get(url)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s not ready after 60s (last error %v)\n%s", url, err, logs.String())
		}
		timer := time.NewTimer(backoff)
		<-timer.C
		backoff = min(backoff*2, 500*time.Millisecond)
	}
}

type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
