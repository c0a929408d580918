package harness

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"

	"go.yaml.in/yaml/v3"

	"github.com/nexus-commerce/nexus/router/bench/subgraphs"
	"github.com/nexus-commerce/nexus/schema/compose"
)

// Supergraph composes the benchmark's four subgraphs, reachable at urls
// (by subgraph name), with the project's own composer.
func Supergraph(urls map[string]string) (string, error) {
	var in []compose.Subgraph
	for _, name := range subgraphs.Names {
		sdl, err := subgraphs.SDL(name)
		if err != nil {
			return "", err
		}
		url, ok := urls[name]
		if !ok {
			return "", fmt.Errorf("compose: no URL for subgraph %q", name)
		}
		in = append(in, compose.Subgraph{Name: name, URL: url, SDL: sdl})
	}
	sdl, err := compose.Compose(in)
	if err != nil {
		return "", fmt.Errorf("compose: %w", err)
	}
	return sdl, nil
}

// RouterOptions say how to run the router binary.
type RouterOptions struct {
	// Binary is the router executable (built from ./router/cmd/router).
	Binary string
	// Dir receives supergraph.graphql and the router's config file.
	Dir string
	// URLs are the subgraphs' GraphQL endpoints by name.
	URLs map[string]string
	// SingleFlight sets engine.single_flight; nil leaves the router's default.
	SingleFlight *bool
	// CPUs restricts the router to these CPUs (none: no restriction).
	CPUs CPUs
}

// routerConfig is the part of the router's YAML config the benchmark sets.
type routerConfig struct {
	Listen      string           `yaml:"listen"`
	GraphQLPath string           `yaml:"graphql_path"`
	GraphiQL    bool             `yaml:"graphiql"`
	Supergraph  string           `yaml:"supergraph"`
	Subgraphs   []routerSubgraph `yaml:"subgraphs"`
	Engine      map[string]any   `yaml:"engine,omitempty"`
}

type routerSubgraph struct {
	Name       string `yaml:"name"`
	RoutingURL string `yaml:"routing_url"`
}

// StartRouter composes the supergraph, writes it and a router config into
// o.Dir, starts the router on a free loopback port and waits until it is
// ready. It returns the router's GraphQL URL.
func StartRouter(ctx context.Context, o RouterOptions) (*Process, string, error) {
	sdl, err := Supergraph(o.URLs)
	if err != nil {
		return nil, "", err
	}
	sgPath := filepath.Join(o.Dir, "supergraph.graphql")
	if err := os.WriteFile(sgPath, []byte(sdl), 0o644); err != nil {
		return nil, "", err
	}
	addr, err := freeAddr()
	if err != nil {
		return nil, "", err
	}
	cfg := routerConfig{Listen: addr, GraphQLPath: "/graphql", Supergraph: sgPath}
	for _, name := range subgraphs.Names {
		cfg.Subgraphs = append(cfg.Subgraphs, routerSubgraph{Name: name, RoutingURL: o.URLs[name]})
	}
	if o.SingleFlight != nil {
		cfg.Engine = map[string]any{"single_flight": *o.SingleFlight}
	}
	raw, err := yaml.Marshal(cfg)
	if err != nil {
		return nil, "", err
	}
	cfgPath := filepath.Join(o.Dir, "router.yaml")
	if err := os.WriteFile(cfgPath, raw, 0o644); err != nil {
		return nil, "", err
	}
	cmd := exec.Command(o.Binary, "serve", "--config", cfgPath)
	// warn: no per-request log lines competing for the CPU being measured.
	cmd.Env = append(os.Environ(), "LOG_LEVEL=warn", "LOG_FORMAT=text")
	p, err := StartOn("router", cmd, o.CPUs)
	if err != nil {
		return nil, "", err
	}
	if err := p.WaitReady(ctx, "http://"+addr+"/readyz"); err != nil {
		p.Stop()
		return nil, "", err
	}
	return p, "http://" + addr + "/graphql", nil
}

// freeAddr asks the kernel for a free loopback port. The router takes its
// listen address from its config, so the port is released and reused; on
// loopback nothing else races for it in practice.
func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}
