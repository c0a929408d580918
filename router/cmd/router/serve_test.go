package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nexus-commerce/nexus/router/internal/testenv"
)

// TestServeReloadAndMetrics runs the real serve command against a real
// federation, changes its config while clients keep querying, and checks
// that the change takes effect, no request fails across reloads, a broken
// config keeps the old one serving, and /metrics tells the story.
func TestServeReloadAndMetrics(t *testing.T) {
	testenv.Run(t, func(t *testing.T, env *testenv.Env) {
		// The product subgraph runs in production mode: this router must sign.
		t.Setenv("NEXUS_ROUTER_SECRET", env.RouterSecret)
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "supergraph.graphql"), []byte(env.Supergraph), 0o600); err != nil {
			t.Fatal(err)
		}
		addr := freeAddr(t)
		cfgPath := filepath.Join(dir, "router.yaml")
		writeConfig := func(extra string) {
			t.Helper()
			body := "listen: " + addr + "\nmode: development\nsupergraph: supergraph.graphql\nwatch: {enabled: true, interval: 100ms}\n" + extra
			if err := os.WriteFile(cfgPath, []byte(body), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		writeConfig("")

		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- run(ctx, []string{"serve", "--config", cfgPath}, io.Discard, io.Discard) }()
		waitFor(t, "router healthy", func() bool { return run(ctx, []string{"healthcheck", "--listen", addr}, io.Discard, io.Discard) == nil })
		url := "http://" + addr + "/graphql"

		introspection := `{ __schema { queryType { name } } }`
		if r := testenv.Post(t, url, introspection, nil); len(r.Errors) > 0 {
			t.Fatalf("development mode should allow introspection: %+v", r.Errors)
		}

		// Clients keep querying through every reload below.
		var ok, failed atomic.Int64
		var firstFailure atomic.Value
		stop := make(chan struct{})
		var wg sync.WaitGroup
		for range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					select {
					case <-stop:
						return
					default:
					}
					r := testenv.Post(t, url, `{ products(first: 3) { edges { node { id name reviewSummary { headline } } } } }`, nil)
					if r.Status != http.StatusOK || len(r.Errors) > 0 || !strings.Contains(string(r.Data), "headline") {
						failed.Add(1)
						firstFailure.CompareAndSwap(nil, r)
						continue
					}
					ok.Add(1)
				}
			}()
		}

		writeConfig("introspection: false\n")
		waitFor(t, "introspection turned off by reload", func() bool {
			r := testenv.Post(t, url, introspection, nil)
			return len(r.Errors) == 1 && r.Errors[0].Extensions["code"] == "INTROSPECTION_DISABLED"
		})
		writeConfig("introspection: false\nengine: {single_flight: false}\n")
		waitFor(t, "second reload", func() bool {
			return strings.Contains(metricsText(t, addr), `nexus_router_reloads_total{result="ok"} 2`)
		})

		// A broken config is reported and the last good one keeps serving.
		writeConfig("limits: {max_depth: -1}\n")
		waitFor(t, "failed reload counted", func() bool {
			return strings.Contains(metricsText(t, addr), `nexus_router_reloads_total{result="error"} 1`)
		})
		if r := testenv.Post(t, url, introspection, nil); len(r.Errors) != 1 {
			t.Fatalf("after a failed reload the previous config must stay: %+v", r)
		}
		close(stop)
		wg.Wait()
		if failed.Load() > 0 {
			t.Fatalf("%d of %d requests failed across reloads; first: %+v", failed.Load(), failed.Load()+ok.Load(), firstFailure.Load())
		}
		if ok.Load() == 0 {
			t.Fatal("no request completed during the reloads")
		}

		m := metricsText(t, addr)
		for _, want := range []string{
			`nexus_router_requests_total{operation_type="query",outcome="ok"}`,
			`nexus_router_requests_total{operation_type="query",outcome="request_error"}`,
			`nexus_router_subgraph_fetches_total{outcome="ok",subgraph="product"}`,
			`nexus_router_subgraph_fetches_total{outcome="ok",subgraph="reviews"}`,
			`nexus_router_subgraph_fetch_duration_seconds_bucket{subgraph="reviews"`,
			`nexus_router_plan_cache_lookups_total{cache="operation",result="hit"}`,
			`nexus_router_plan_cache_lookups_total{cache="plan",result="miss"}`,
			`nexus_router_request_duration_seconds_count{operation_type="query"}`,
			"nexus_router_subscription_connections 0",
			"nexus_router_subscriptions_active 0",
			`nexus_router_subscription_slow_consumers_total{reason="buffer_full"} 0`,
			`nexus_router_subscription_slow_consumers_total{reason="not_reading"} 0`,
		} {
			if !strings.Contains(m, want) {
				t.Errorf("/metrics lacks %s", want)
			}
		}

		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("serve returned %v on shutdown, want nil", err)
			}
		case <-time.After(30 * time.Second):
			t.Fatal("serve did not stop within 30s of cancellation")
		}
	})
}

func TestHealthcheckFailsWithoutRouter(t *testing.T) {
	err := run(context.Background(), []string{"healthcheck", "--listen", freeAddr(t)}, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "healthcheck") {
		t.Fatalf("err = %v, want a healthcheck error", err)
	}
}

func metricsText(t *testing.T, addr string) string {
	t.Helper()
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// waitFor polls cond until it holds or 30s pass (reloads are polled every
// 100ms, so this only bounds a broken router).
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func TestGCHeadroomFromEnv(t *testing.T) {
	for _, c := range []struct {
		env     string
		want    uint64
		wantErr bool
	}{
		{"", 40 << 20, false},
		{"64", 64 << 20, false},
		{"0", 0, false},
		{"-1", 0, true},
		{"40MiB", 0, true},
	} {
		t.Setenv("ROUTER_GC_HEADROOM_MB", c.env)
		got, err := gcHeadroom()
		if (err != nil) != c.wantErr || got != c.want {
			t.Errorf("ROUTER_GC_HEADROOM_MB=%q: got %d, %v; want %d, error %v", c.env, got, err, c.want, c.wantErr)
		}
		if err != nil && !strings.Contains(err.Error(), "ROUTER_GC_HEADROOM_MB") {
			t.Errorf("error does not name the variable: %v", err)
		}
	}
}
