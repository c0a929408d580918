// Package subscriptions is `make bench-subscriptions`: the subscription
// fan-out benchmark of issue #4. It runs the real product subgraph binary
// (PostgreSQL event bus, transactional outbox and relay) on a throwaway
// database and the real router binary composing it, opens thousands of
// graphql-transport-ws subscribers on the router, commits admin mutations
// at a steady rate and measures what every subscriber receives: latency
// from the event's occurredAt (set inside the committing transaction) to
// the client's read, events delivered per second, missing and duplicate
// deliveries (any fails the run), and the router's memory per subscriber
// and CPU from /proc.
package subscriptions

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
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/coder/websocket"
	"go.yaml.in/yaml/v3"

	"github.com/nexus-commerce/nexus/router/bench/harness"
)

// Stack is the product subgraph, running on its own database, that every
// round's router composes.
type Stack struct {
	// Product is the product subgraph process.
	Product *harness.Process
	// ProductURL is its GraphQL endpoint (HTTP and WebSocket).
	ProductURL string
	// Secret is the NEXUS_ROUTER_SECRET the subgraph verifies claims with;
	// the writer signs admin claims with it.
	Secret []byte
	// Root is the repository root (for the product SDL).
	Root string
	// DatabaseURL is the subgraph's database (the storms read its event
	// log).
	DatabaseURL string

	binary string   // the product binary
	env    []string // its environment, without the listen address
	addr   string   // its listen address, kept across restarts
}

// StackOptions say which binaries to run against which database.
type StackOptions struct {
	// Product is the product subgraph binary (bin/product).
	Product string
	// DatabaseURL is an empty database the subgraph migrates and seeds.
	DatabaseURL string
	// Root is the repository root.
	Root string
	// Env is extra environment for the product subgraph (NEXUS_BUS=nats ...).
	Env []string
}

// StartStack migrates and seeds the database with the product binary
// itself (`product seed` migrates first), then serves it on a free port
// and waits until it is ready.
func StartStack(ctx context.Context, o StackOptions) (*Stack, error) {
	// 48 hex characters: above kitauth.MinSecretLen, safe in the environment.
	var b [24]byte
	if _, err := rand.Read(b[:]); err != nil {
		return nil, err
	}
	secret := []byte(hex.EncodeToString(b[:]))
	env := append(os.Environ(), "DATABASE_URL="+o.DatabaseURL, "LOG_LEVEL=warn", "LOG_FORMAT=text",
		"NEXUS_ROUTER_SECRET="+string(secret))
	env = append(env, o.Env...)
	seed := exec.CommandContext(ctx, o.Product, "seed")
	seed.Env = env
	if out, err := seed.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("product seed: %w\n%s", err, out)
	}
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	s := &Stack{ProductURL: "http://" + addr + "/graphql", Secret: secret, Root: o.Root,
		DatabaseURL: o.DatabaseURL, binary: o.Product, env: env, addr: addr}
	if err := s.serve(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// serve starts the product subgraph on the stack's address and waits
// until it is ready.
func (s *Stack) serve(ctx context.Context) error {
	cmd := exec.Command(s.binary, "serve")
	// Development mode: the benchmark also measures the subgraph directly.
	cmd.Env = append(slices.Clip(s.env), "HTTP_ADDR="+s.addr, "PUBLIC_URL=http://"+s.addr, "NEXUS_MODE=development")
	p, err := harness.Start("product", cmd)
	if err != nil {
		return err
	}
	if err := p.WaitReady(ctx, "http://"+s.addr+"/readyz"); err != nil {
		p.Stop()
		return err
	}
	s.Product = p
	return nil
}

// RestartProduct kills the product subgraph with SIGKILL (a crash: no
// subscription or connection is closed cleanly, a transaction in flight
// may or may not have committed), waits down, and starts it again on the
// same address, returning once it is ready.
func (s *Stack) RestartProduct(ctx context.Context, down time.Duration) error {
	s.Product.Kill()
	if err := pause(ctx, down); err != nil {
		return err
	}
	return s.serve(ctx)
}

// Stop ends the product subgraph.
func (s *Stack) Stop() {
	if s.Product != nil {
		s.Product.Stop()
	}
}

// HotProducts returns the ids of the first n products of the seeded
// catalog that are sold as one variant: the products the subscribers watch
// and the writer changes (adjustStock(id:) needs a single-variant product;
// apparel with sizes is skipped).
func (s *Stack) HotProducts(ctx context.Context, n int) ([]string, error) {
	body, _ := json.Marshal(map[string]any{
		"query":     `query Hot($n: Int!) { products(first: $n) { edges { node { id variants { id } } } } }`,
		"variables": map[string]any{"n": min(2*n+10, 100)},
	})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.ProductURL, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("hot products: %w", err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var out struct {
		Data struct {
			Products struct {
				Edges []struct {
					Node struct {
						ID       string     `json:"id"`
						Variants []struct{} `json:"variants"`
					} `json:"node"`
				} `json:"edges"`
			} `json:"products"`
		} `json:"data"`
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		return nil, fmt.Errorf("hot products: HTTP %d: %.300s", resp.StatusCode, raw)
	}
	var ids []string
	for _, e := range out.Data.Products.Edges {
		if len(e.Node.Variants) == 1 && len(ids) < n {
			ids = append(ids, e.Node.ID)
		}
	}
	if len(ids) != n {
		return nil, fmt.Errorf("hot products: want %d products, the catalog answered %d: %.300s", n, len(ids), raw)
	}
	return ids, nil
}

// Router is one router process composing the stack's product subgraph.
type Router struct {
	*harness.Process
	// URL is the router's GraphQL endpoint (HTTP, WebSocket and SSE).
	URL string
	// PprofAddr serves the router's pprof (ROUTER_PPROF_ADDR).
	PprofAddr string

	argv, env []string // the command, to restart it
}

// routerConfig is the part of the router's YAML configuration the
// benchmark sets: production mode (no GraphiQL, no introspection), no
// per-client connection cap (one address dials every subscriber), no
// file watching, the product subgraph composed from its SDL file, and
// subscriptions forwarded to it over WebSocket (the router's default).
type routerConfig struct {
	Listen      string           `yaml:"listen"`
	GraphQLPath string           `yaml:"graphql_path"`
	Mode        string           `yaml:"mode"`
	Watch       map[string]any   `yaml:"watch"`
	Limits      map[string]any   `yaml:"limits"`
	Subgraphs   []routerSubgraph `yaml:"subgraphs"`
}

type routerSubgraph struct {
	Name       string `yaml:"name"`
	RoutingURL string `yaml:"routing_url"`
	SchemaFile string `yaml:"schema_file"`
}

// StartRouter writes a router config into dir and starts the router
// binary (`binary serve --config FILE`) on free loopback ports (GraphQL
// and pprof), waiting until it is ready.
func (s *Stack) StartRouter(ctx context.Context, binary, dir string) (*Router, error) {
	return s.StartRouterCommand(ctx, []string{binary, "serve", "--config"}, dir)
}

// StartRouterCommand is StartRouter for any command that takes the config
// file as its last argument.
func (s *Stack) StartRouterCommand(ctx context.Context, argv []string, dir string) (*Router, error) {
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	pprofAddr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	cfg := routerConfig{
		Listen: addr, GraphQLPath: "/graphql", Mode: "production",
		Watch: map[string]any{"enabled": false},
		// Every subscriber dials from this one loopback address: the
		// per-client connection cap (256 by default) would refuse all
		// but the first 256, so the benchmark turns it off.
		Limits: map[string]any{"max_connections_per_client": 0},
		Subgraphs: []routerSubgraph{{
			Name: "product", RoutingURL: s.ProductURL,
			SchemaFile: filepath.Join(s.Root, "schema", "subgraphs", "product.graphqls"),
		}},
	}
	raw, err := yaml.Marshal(cfg)
	if err != nil {
		return nil, err
	}
	path := filepath.Join(dir, "router.yaml")
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		return nil, err
	}
	r := &Router{URL: "http://" + addr + "/graphql", PprofAddr: pprofAddr,
		argv: append(slices.Clip(argv), path),
		env:  append(os.Environ(), "LOG_LEVEL=warn", "LOG_FORMAT=text", "ROUTER_PPROF_ADDR="+pprofAddr)}
	if err := r.start(ctx); err != nil {
		return nil, err
	}
	return r, nil
}

// start runs the router's command and waits until it is ready.
func (r *Router) start(ctx context.Context) error {
	cmd := exec.Command(r.argv[0], r.argv[1:]...)
	cmd.Env = r.env
	p, err := harness.Start("router", cmd)
	if err != nil {
		return err
	}
	if err := p.WaitReady(ctx, strings.TrimSuffix(r.URL, "/graphql")+"/readyz"); err != nil {
		p.Stop()
		return err
	}
	r.Process = p
	return nil
}

// Restart kills the router with SIGKILL (a crash: every client connection
// breaks without a close frame), waits down, and starts the same command
// again on the same addresses. It returns the new process as a Router of
// its own, once it is ready; r keeps the dead one.
func (r *Router) Restart(ctx context.Context, down time.Duration) (*Router, error) {
	r.Kill()
	if err := pause(ctx, down); err != nil {
		return nil, err
	}
	next := &Router{URL: r.URL, PprofAddr: r.PprofAddr, argv: r.argv, env: r.env}
	if err := next.start(ctx); err != nil {
		return nil, err
	}
	return next, nil
}

// ServesWebSocket reports whether the router accepts a graphql-transport-ws
// upgrade on its GraphQL path (a router build without the subscription
// front end answers 400).
func (r *Router) ServesWebSocket(ctx context.Context) bool {
	c, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(r.URL, "http"), &websocket.DialOptions{Subprotocols: []string{subprotocol}})
	if err != nil {
		return false
	}
	_ = c.CloseNow()
	return true
}

// freeAddr asks the kernel for a free loopback port. The processes take
// their address from configuration, so the port is released and reused;
// on loopback nothing else races for it in practice.
func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}
