// Package wgcoracle runs WunderGraph Cosmo's `wgc router compose` over a set
// of subgraphs and reads the router execution config it writes. The composer
// tests use it as an independent oracle: Cosmo's router feeds exactly this
// metadata (root and child nodes, keys, requires, provides, entity
// interfaces, interface objects, argument configurations) into
// graphql-go-tools, so our supergraph must yield the same. It is never a
// runtime dependency; the npm package is pinned by package-lock.json beside
// this file and installed into a git-ignored node_modules on first use.
package wgcoracle

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// Subgraph is one input to `wgc router compose`.
type Subgraph struct {
	Name, URL, SDL string
}

// Oracle composes with the wgc binary installed in Dir/node_modules.
type Oracle struct {
	// Dir holds package.json, package-lock.json and node_modules.
	Dir string
	bin string
}

// ErrNoNode means node or npm is not installed; callers decide whether
// that skips (a developer machine without Node) or fails (CI).
var ErrNoNode = errors.New("wgcoracle: node and npm are required to run wgc")

var installMu sync.Mutex

// New returns an oracle for the package in this source directory, running
// `npm ci` once when node_modules lacks wgc.
func New() (*Oracle, error) {
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Dir(file)
	for _, tool := range []string{"node", "npm"} {
		if _, err := exec.LookPath(tool); err != nil {
			return nil, fmt.Errorf("%w: %s not on PATH", ErrNoNode, tool)
		}
	}
	o := &Oracle{Dir: dir, bin: filepath.Join(dir, "node_modules", ".bin", "wgc")}
	installMu.Lock()
	defer installMu.Unlock()
	if _, err := os.Stat(o.bin); err == nil {
		return o, nil
	}
	// --ignore-scripts: wgc needs no install hooks, and none should run.
	cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("wgcoracle: npm ci in %s: %w\n%s", dir, err, out)
	}
	if _, err := os.Stat(o.bin); err != nil {
		return nil, fmt.Errorf("wgcoracle: npm ci did not install wgc: %w", err)
	}
	return o, nil
}

// Compose runs `wgc router compose` over subgraphs and returns its router
// execution config. A composition failure returns wgc's own output as the
// error. Results are cached under node_modules by a hash of the inputs and
// the lock file, so a second run of the tests does not start node again;
// `npm ci` (a changed lock file) clears the cache with node_modules.
func (o *Oracle) Compose(subgraphs []Subgraph) (*Config, error) {
	lock, err := os.ReadFile(filepath.Join(o.Dir, "package-lock.json"))
	if err != nil {
		return nil, fmt.Errorf("wgcoracle: %w", err)
	}
	h := sha256.New()
	h.Write(lock)
	for _, s := range subgraphs {
		fmt.Fprintf(h, "\x00%s\x00%s\x00%s", s.Name, s.URL, s.SDL)
	}
	key := hex.EncodeToString(h.Sum(nil))[:32]
	cacheDir := filepath.Join(o.Dir, "node_modules", ".cache", "nexus-wgc")
	cached := filepath.Join(cacheDir, key+".json")
	if b, err := os.ReadFile(cached); err == nil {
		return decode(b)
	}
	// A rejection is as deterministic as a success, so it is cached too.
	if b, err := os.ReadFile(strings.TrimSuffix(cached, ".json") + ".err"); err == nil {
		return nil, errors.New(string(b))
	}

	work, err := os.MkdirTemp("", "wgcoracle-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	var yaml strings.Builder
	yaml.WriteString("version: 1\nsubgraphs:\n")
	for i, s := range subgraphs {
		file := fmt.Sprintf("%02d.graphqls", i)
		if err := os.WriteFile(filepath.Join(work, file), []byte(s.SDL), 0o644); err != nil {
			return nil, err
		}
		fmt.Fprintf(&yaml, "  - name: %q\n    routing_url: %q\n    schema:\n      file: %s\n", s.Name, s.URL, file)
	}
	if err := os.WriteFile(filepath.Join(work, "graph.yaml"), []byte(yaml.String()), 0o644); err != nil {
		return nil, err
	}
	cmd := exec.Command(o.bin, "router", "compose", "--suppress-warnings", "-i", "graph.yaml", "-o", "config.json")
	cmd.Dir = work
	// wgc reports usage to a telemetry service unless told not to; the
	// sandbox has no network and the oracle must not phone home.
	cmd.Env = append(os.Environ(), "COSMO_TELEMETRY_DISABLED=true", "DO_NOT_TRACK=1", "NO_COLOR=1")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		failure := fmt.Errorf("wgc router compose: %w\n%s", err, out.String())
		if errors.As(err, &exit) && os.MkdirAll(cacheDir, 0o755) == nil {
			_ = os.WriteFile(strings.TrimSuffix(cached, ".json")+".err", []byte(failure.Error()), 0o644)
		}
		return nil, failure
	}
	b, err := os.ReadFile(filepath.Join(work, "config.json"))
	if err != nil {
		return nil, fmt.Errorf("wgc router compose wrote no config: %w\n%s", err, out.String())
	}
	cfg, err := decode(b)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(cacheDir, 0o755); err == nil {
		_ = os.WriteFile(cached, b, 0o644)
	}
	return cfg, nil
}

func decode(b []byte) (*Config, error) {
	var c Config
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("wgcoracle: router config: %w", err)
	}
	return &c, nil
}
