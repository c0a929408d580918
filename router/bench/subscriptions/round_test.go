package subscriptions_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

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

// TestStormJudgesResumingClients keeps the storms of `make
// bench-subscriptions` from rotting: at tiny scale (3 clients, 20 commits/s,
// a fast reconnect backoff), the router and then the product subgraph are
// SIGKILLed and restarted under the resuming clients, and every client
// must end with exactly the logged events after its starting cursor, in
// order. No figure is asserted.
func TestStormJudgesResumingClients(t *testing.T) {
	root := repoRoot(t)
	bins := build(t, root)
	ctx := context.Background()
	st, err := subs.StartStack(ctx, subs.StackOptions{Product: bins["product"], DatabaseURL: pgtest.URL(t), Root: root})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(st.Stop)
	hot, err := st.HotProducts(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	r, err := st.StartRouter(ctx, bins["router"], t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	var cur atomic.Pointer[subs.Router]
	cur.Store(r)
	t.Cleanup(func() { cur.Load().Stop() })

	for _, fault := range []struct {
		name string
		kill func(context.Context) error
	}{
		{"router", func(ctx context.Context) error {
			next, err := cur.Load().Restart(ctx, 100*time.Millisecond)
			if err == nil {
				cur.Store(next)
			}
			return err
		}},
		{"product subgraph", func(ctx context.Context) error { return st.RestartProduct(ctx, 100*time.Millisecond) }},
	} {
		t.Run(fault.name, func(t *testing.T) {
			res, err := subs.Storm(ctx, subs.StormOptions{
				URL: r.URL, Clients: 3, Products: hot, Rate: 20,
				Warmup: 300 * time.Millisecond, After: 1500 * time.Millisecond,
				Fault: fault.kill, FaultName: fault.name,
				ProductURL: st.ProductURL, Secret: st.Secret, DatabaseURL: st.DatabaseURL,
				Stats: func() (harness.Stats, int, error) {
					p := cur.Load()
					s, err := harness.ReadStats(p.PID())
					return s, p.PID(), err
				},
				Backoff: subs.Backoff{Base: 20 * time.Millisecond, JitterMin: 10 * time.Millisecond, JitterMax: 50 * time.Millisecond, MaxDoublings: 3},
			})
			if err != nil {
				t.Fatalf("storm: %v\nrouter log:\n%s\nproduct log:\n%s", err, cur.Load().Logs(), st.Product.Logs())
			}
			if err := res.Check(); err != nil {
				t.Fatalf("storm check: %v\nrouter log:\n%s", err, cur.Load().Logs())
			}
			if res.Tally.Expected == 0 || res.Tally.Delivered != res.Tally.Expected || res.Tally.Expected != 3*(res.Head-res.Start) {
				t.Errorf("delivered %d of %d owed; log pg:%d → pg:%d for 3 clients", res.Tally.Delivered, res.Tally.Expected, res.Start, res.Head)
			}
			// Each client received an event committed after the kill.
			if len(res.Recovery) != 3 || res.NotRecovered != 0 {
				t.Errorf("recovered %d clients, never %d; want all 3", len(res.Recovery), res.NotRecovered)
			}
			// A killed router breaks every client's connection, and the
			// clients resumed through it. (A killed subgraph may stay
			// invisible to clients once the router resumes upstream
			// subscriptions itself: nothing is asserted there.)
			if fault.name == "router" && (res.Interrupted != 3 || res.Closes < 3) {
				t.Errorf("router killed: %d clients interrupted, %d closes; want 3 and at least 3", res.Interrupted, res.Closes)
			}
			if res.Processes == 0 || res.PeakRSS <= 0 {
				t.Errorf("router not measured: %d processes, peak RSS %d", res.Processes, res.PeakRSS)
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
