package harness_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/nexus-commerce/nexus/router/bench/harness"
	"github.com/nexus-commerce/nexus/router/bench/load"
	"github.com/nexus-commerce/nexus/router/bench/subgraphs"
	"github.com/nexus-commerce/nexus/router/bench/workload"
)

// TestBenchmarkQueryThroughRouter keeps `make bench-router` from rotting:
// the four benchmark subgraphs and the real router binary, started the way
// the benchmark starts them, must answer the benchmark query with exactly
// the expected ~88 KB response, with single-flight on and off.
func TestBenchmarkQueryThroughRouter(t *testing.T) {
	bin := routerBinary(t)
	urls := map[string]string{}
	for _, name := range subgraphs.Names {
		h, err := subgraphs.Handler(name)
		if err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer(h)
		t.Cleanup(srv.Close)
		urls[name] = srv.URL + "/graphql"
	}

	t.Run("products subgraph directly", func(t *testing.T) {
		got := post(t, urls["products"], workload.TopProductsQuery)
		if !load.Equal(got, workload.ExpectedTopProducts()) {
			t.Fatalf("topProducts from the products subgraph:\n got %s\nwant %s", got, workload.ExpectedTopProducts())
		}
	})

	for _, sf := range []bool{true, false} {
		name := "single-flight off"
		if sf {
			name = "single-flight on"
		}
		t.Run(name, func(t *testing.T) {
			p, url, err := harness.StartRouter(context.Background(), harness.RouterOptions{Binary: bin, Dir: t.TempDir(), URLs: urls, SingleFlight: &sf})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(p.Stop)
			got := post(t, url, workload.Query)
			var resp struct {
				Data   map[string]json.RawMessage `json:"data"`
				Errors []any                      `json:"errors"`
			}
			if err := json.Unmarshal(got, &resp); err != nil {
				t.Fatalf("router answer is not JSON: %v\n%.500s", err, got)
			}
			if len(resp.Errors) > 0 {
				t.Fatalf("router answered with errors: %v\nrouter log:\n%s", resp.Errors, p.Logs())
			}
			if len(got) <= 80_000 {
				t.Errorf("answer is %d bytes, want the benchmark's ~88 KB (> 80,000)", len(got))
			}
			if want := workload.Expected(); !load.Equal(got, want) {
				t.Errorf("answer differs from the expected response (%d vs %d bytes): %s", len(got), len(want), firstDiff(got, want))
			}
			s, err := harness.ReadStats(p.PID())
			if err != nil {
				t.Fatal(err)
			}
			if s.RSS <= 0 || s.PeakRSS < s.RSS {
				t.Errorf("router stats RSS %d, peak %d: want 0 < RSS <= peak", s.RSS, s.PeakRSS)
			}
		})
	}
}

func post(t *testing.T, url, query string) []byte {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"query": query})
	resp, err := http.Post(url, "application/json", strings.NewReader(string(body)))
	if err != nil {
		t.Fatalf("POST %s: %v", url, err)
	}
	defer resp.Body.Close()
	got, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("POST %s: HTTP %d: %.500s", url, resp.StatusCode, got)
	}
	return got
}

func firstDiff(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-60)
	return "at byte " + strconv.Itoa(i) + ": got …" + string(got[from:min(len(got), i+60)]) + "… want …" + string(want[from:min(len(want), i+60)]) + "…"
}

// routerBinary builds ./router/cmd/router into the test's temp dir, as
// `make bench-router` runs the binary rather than the packages.
func routerBinary(t *testing.T) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	routerDir := filepath.Join(filepath.Dir(file), "..", "..")
	bin := filepath.Join(t.TempDir(), "router")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/router")
	cmd.Dir = routerDir
	cmd.Env = os.Environ()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/router: %v\n%s", err, out)
	}
	return bin
}

// TestCosmoAnswersBenchmarkQuery keeps the benchmark's cosmo scenario
// honest: Cosmo Router, started as the benchmark starts it, must give the
// expected answer to the benchmark query. It needs the binary that
// scripts/bench-router.sh builds (COSMO_ROUTER_BIN, default
// bin/cosmo-router) and wgc, and skips without them.
func TestCosmoAnswersBenchmarkQuery(t *testing.T) {
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..", "..")
	bin := os.Getenv("COSMO_ROUTER_BIN")
	if bin == "" {
		bin = filepath.Join(root, "bin", "cosmo-router")
	}
	wgc := filepath.Join(root, "schema", "internal", "wgcoracle", "node_modules", ".bin", "wgc")
	for _, f := range []string{bin, wgc} {
		if _, err := os.Stat(f); err != nil {
			t.Skipf("%v (scripts/bench-router.sh builds Cosmo and installs wgc)", err)
		}
	}
	urls := map[string]string{}
	for _, name := range subgraphs.Names {
		h, err := subgraphs.Handler(name)
		if err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer(h)
		t.Cleanup(srv.Close)
		urls[name] = srv.URL + "/graphql"
	}
	p, url, err := harness.StartCosmo(context.Background(), harness.CosmoOptions{Binary: bin, WGC: wgc, Dir: t.TempDir(), URLs: urls})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Stop)
	got := post(t, url, workload.Query)
	want := workload.Expected()
	if !load.Equal(got, want) {
		t.Fatalf("Cosmo's answer differs from the expected response (%d vs %d bytes): %s\nCosmo log:\n%s", len(got), len(want), firstDiff(got, want), p.Logs())
	}
	t.Logf("Cosmo answered %d bytes, byte-equal to the expected response: %v; its log:\n%s", len(got), string(got) == string(want), p.Logs())
}
