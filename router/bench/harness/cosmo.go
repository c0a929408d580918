package harness

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"go.yaml.in/yaml/v3"

	"github.com/nexus-commerce/nexus/router/bench/subgraphs"
)

// CosmoOptions say how to run WunderGraph's Cosmo Router, the Go router
// on the same engine (graphql-go-tools) that the benchmark compares with.
type CosmoOptions struct {
	// Binary is Cosmo's router executable (scripts/bench-router.sh builds
	// it into bin/cosmo-router).
	Binary string
	// WGC is Cosmo's CLI, which composes the execution config Cosmo reads
	// (the npm package pinned in schema/internal/wgcoracle).
	WGC string
	// Dir receives the subgraph SDLs, graph.yaml, the execution config and
	// Cosmo's config.yaml.
	Dir string
	// URLs are the subgraphs' GraphQL endpoints by name.
	URLs map[string]string
	// CPUs restricts Cosmo to these CPUs (none: no restriction).
	CPUs CPUs
}

// CosmoSettings are the parts of Cosmo's defaults the benchmark changes,
// each to keep it off the network and to stop per-request work our router
// does not do either: no tracing, no metric exporters, no usage reports to
// WunderGraph, no access log line per request (our router runs at log
// level warn for the same reason). Everything else, the engine's
// single-flight and inbound deduplication included, is Cosmo's default.
var CosmoSettings = map[string]any{
	"log_level":           "warn",
	"json_log":            false,
	"dev_mode":            false,
	"router_registration": false,
	"graphql_metrics":     map[string]any{"enabled": false},
	"access_logs":         map[string]any{"enabled": false},
	"telemetry": map[string]any{
		"tracing": map[string]any{"enabled": false},
		"metrics": map[string]any{
			"otlp":       map[string]any{"enabled": false},
			"prometheus": map[string]any{"enabled": false},
		},
	},
}

// cosmoEnv keeps Cosmo and wgc from reporting usage to WunderGraph.
var cosmoEnv = []string{"COSMO_TELEMETRY_DISABLED=true", "DO_NOT_TRACK=1", "NO_COLOR=1"}

// ComposeCosmo runs `wgc router compose` over the benchmark's subgraphs
// and returns the path of the execution config it wrote into dir.
func ComposeCosmo(ctx context.Context, wgc, dir string, urls map[string]string) (string, error) {
	var graph bytes.Buffer
	graph.WriteString("version: 1\nsubgraphs:\n")
	for _, name := range subgraphs.Names {
		sdl, err := subgraphs.SDL(name)
		if err != nil {
			return "", err
		}
		url, ok := urls[name]
		if !ok {
			return "", fmt.Errorf("wgc compose: no URL for subgraph %q", name)
		}
		file := name + ".graphqls"
		if err := os.WriteFile(filepath.Join(dir, file), []byte(sdl), 0o644); err != nil {
			return "", err
		}
		fmt.Fprintf(&graph, "  - name: %q\n    routing_url: %q\n    schema:\n      file: %s\n", name, url, file)
	}
	if err := os.WriteFile(filepath.Join(dir, "graph.yaml"), graph.Bytes(), 0o644); err != nil {
		return "", err
	}
	// Absolute: the command runs in dir, and wgc is usually given relative.
	wgc, err := filepath.Abs(wgc)
	if err != nil {
		return "", err
	}
	cmd := exec.CommandContext(ctx, wgc, "router", "compose", "--suppress-warnings", "-i", "graph.yaml", "-o", "execution-config.json")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), cosmoEnv...)
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("wgc router compose: %w\n%s", err, out)
	}
	return filepath.Join(dir, "execution-config.json"), nil
}

// StartCosmo composes the execution config with wgc, writes Cosmo's
// config.yaml into o.Dir, starts Cosmo on a free loopback port and waits
// until it reports ready. It returns Cosmo's GraphQL URL.
func StartCosmo(ctx context.Context, o CosmoOptions) (*Process, string, error) {
	execConfig, err := ComposeCosmo(ctx, o.WGC, o.Dir, o.URLs)
	if err != nil {
		return nil, "", err
	}
	addr, err := freeAddr()
	if err != nil {
		return nil, "", err
	}
	cfg := map[string]any{
		"version":          "1",
		"listen_addr":      addr,
		"graphql_path":     "/graphql",
		"execution_config": map[string]any{"file": map[string]any{"path": execConfig}},
	}
	for k, v := range CosmoSettings {
		cfg[k] = v
	}
	raw, err := yaml.Marshal(cfg)
	if err != nil {
		return nil, "", err
	}
	cfgPath := filepath.Join(o.Dir, "config.yaml")
	if err := os.WriteFile(cfgPath, raw, 0o644); err != nil {
		return nil, "", err
	}
	bin, err := filepath.Abs(o.Binary)
	if err != nil {
		return nil, "", err
	}
	cmd := exec.Command(bin, "-config", cfgPath)
	cmd.Dir = o.Dir
	// SHUTDOWN_DELAY bounds Stop; Cosmo waits up to a minute by default.
	cmd.Env = append(os.Environ(), append(cosmoEnv, "SHUTDOWN_DELAY=5s")...)
	p, err := StartOn("cosmo", cmd, o.CPUs)
	if err != nil {
		return nil, "", err
	}
	if err := p.WaitReady(ctx, "http://"+addr+"/health/ready"); err != nil {
		p.Stop()
		return nil, "", err
	}
	return p, "http://" + addr + "/graphql", nil
}
