package subscriptions_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/nexus-commerce/nexus/router/bench/harness"
	subs "github.com/nexus-commerce/nexus/router/bench/subscriptions"
	"github.com/nexus-commerce/nexus/subgraphs/kit/pgtest"
)

// TestRoundDeliversEveryEventOnce keeps `make bench-subscriptions` from
// rotting: the harness, at tiny scale (5 subscribers over 3 hot products,
// 3 commits), against the real product and router binaries on a throwaway
// database must see every subscriber receive every commit of its product
// exactly once, in order, and count them right. No figure is asserted.
func TestRoundDeliversEveryEventOnce(t *testing.T) {
	root := repoRoot(t)
	bins := build(t, root)
	ctx := context.Background()
	st, err := subs.StartStack(ctx, subs.StackOptions{Product: bins["product"], DatabaseURL: pgtest.URL(t), Root: root})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(st.Stop)
	hot, err := st.HotProducts(ctx, 3)
	if err != nil {
		t.Fatal(err)
	}
	r, err := st.StartRouter(ctx, bins["router"], t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(r.Stop)
	if !r.ServesWebSocket(ctx) {
		t.Fatalf("%s refuses WebSocket upgrades on its GraphQL path", bins["router"])
	}

	for _, target := range []struct{ name, url string }{
		{"through the router", r.URL},
		{"product subgraph directly", st.ProductURL},
	} {
		t.Run(target.name, func(t *testing.T) {
			res, err := subs.Round(ctx, subs.RoundOptions{
				URL: target.url, Subscribers: 5, Products: hot, Rate: 50, Commits: 3,
				ProductURL: st.ProductURL, Secret: st.Secret,
				Stats: func() (harness.Stats, error) { return harness.ReadStats(r.PID()) },
			})
			if err != nil {
				t.Fatalf("round: %v\nrouter log:\n%s\nproduct log:\n%s", err, r.Logs(), st.Product.Logs())
			}
			if err := res.Check(); err != nil {
				t.Fatalf("round check: %v\nrouter log:\n%s", err, r.Logs())
			}
			// Subscribers 0,3 watch hot[0], 1,4 hot[1], 2 hot[2]; one commit
			// each: 2+2+1 deliveries.
			if res.Commits != 3 || res.Expected != 5 || res.Delivered != 5 || len(res.Latencies) != 5 {
				t.Errorf("commits %d, expected %d, delivered %d, latency samples %d; want 3, 5, 5, 5",
					res.Commits, res.Expected, res.Delivered, len(res.Latencies))
			}
			if res.Before.RSS <= 0 || res.After.CPU < res.Connected.CPU {
				t.Errorf("router stats not read: before %+v, connected %+v, after %+v", res.Before, res.Connected, res.After)
			}
		})
	}
}

var (
	buildOnce sync.Once
	buildDir  string
	binaries  map[string]string
	buildErr  error
)

// TestMain removes the binaries build compiled.
func TestMain(m *testing.M) {
	code := m.Run()
	if buildDir != "" {
		os.RemoveAll(buildDir)
	}
	os.Exit(code)
}

// build compiles the product and router binaries once per test process,
// as `make build` would.
func build(t *testing.T, root string) map[string]string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "benchsubs-test-")
		if err != nil {
			buildErr = err
			return
		}
		buildDir = dir
		binaries = map[string]string{}
		for name, pkg := range map[string]string{
			"product": "./subgraphs/product/cmd/product",
			"router":  "./router/cmd/router",
		} {
			out := filepath.Join(dir, name)
			cmd := exec.Command("go", "build", "-o", out, pkg)
			cmd.Dir = root
			if b, err := cmd.CombinedOutput(); err != nil {
				buildErr = fmt.Errorf("go build %s: %v\n%s", pkg, err, b)
				return
			}
			binaries[name] = out
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binaries
}

func repoRoot(t *testing.T) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	for dir := filepath.Dir(file); ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.work")); err == nil {
			return dir
		}
		if dir == filepath.Dir(dir) {
			t.Fatal("go.work not found above " + file)
		}
	}
}
