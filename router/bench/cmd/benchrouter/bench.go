package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/nexus-commerce/nexus/router/bench/harness"
	"github.com/nexus-commerce/nexus/router/bench/load"
	"github.com/nexus-commerce/nexus/router/bench/subgraphs"
	"github.com/nexus-commerce/nexus/router/bench/workload"
)

// scenario is one row of the report.
type scenario struct {
	name string
	// what the row measures, for the table.
	label string
	// start brings up the process under load and returns its URL, the
	// process whose memory and CPU the row reports (nil for none) and a stop.
	start func(ctx context.Context, env *env) (url string, measured *harness.Process, stop func(), err error)
	// body and expected answer.
	body, expected []byte
	// available says why the scenario cannot run on this machine (nil when
	// it can); nil available means always. An unavailable row is reported
	// as such and the rest of the run goes on.
	available func(Config) error
}

// env is what every scenario shares: the running subgraphs and the files.
type env struct {
	cfg       Config
	exe       string
	dir       string
	urls      map[string]string
	subgraphs []*harness.Process
	// server is where the measured server runs, load where this process
	// (the load generator) does, subgraphCPUs where the subgraphs do
	// (Config.CPUs); empty: anywhere.
	server, load, subgraphCPUs harness.CPUs
}

func scenarios() []scenario {
	query := requestBody(workload.Query)
	expected := workload.Expected()
	router := func(sf bool) func(ctx context.Context, e *env) (string, *harness.Process, func(), error) {
		return func(ctx context.Context, e *env) (string, *harness.Process, func(), error) {
			dir := filepath.Join(e.dir, fmt.Sprintf("router-sf-%v", sf))
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return "", nil, nil, err
			}
			p, url, err := harness.StartRouter(ctx, harness.RouterOptions{Binary: e.cfg.Router, Dir: dir, URLs: e.urls, SingleFlight: &sf, CPUs: e.server})
			if err != nil {
				return "", nil, nil, err
			}
			return url, p, p.Stop, nil
		}
	}
	return []scenario{
		{name: "router", label: "router, single-flight on", start: router(true), body: query, expected: expected},
		{name: "router-no-sf", label: "router, single-flight off", start: router(false), body: query, expected: expected},
		{name: "cosmo", label: "Cosmo Router, its defaults", body: query, expected: expected,
			available: Config.cosmoAvailable,
			start: func(ctx context.Context, e *env) (string, *harness.Process, func(), error) {
				dir := filepath.Join(e.dir, "cosmo")
				if err := os.MkdirAll(dir, 0o755); err != nil {
					return "", nil, nil, err
				}
				p, url, err := harness.StartCosmo(ctx, harness.CosmoOptions{Binary: e.cfg.Cosmo, WGC: e.cfg.WGC, Dir: dir, URLs: e.urls, CPUs: e.server})
				if err != nil {
					return "", nil, nil, err
				}
				return url, p, p.Stop, nil
			}},
		{name: "static", label: "ceiling: same bytes, static Go server", body: query, expected: expected,
			start: func(ctx context.Context, e *env) (string, *harness.Process, func(), error) {
				file := filepath.Join(e.dir, "expected.json")
				if err := os.WriteFile(file, expected, 0o644); err != nil {
					return "", nil, nil, err
				}
				p, url, err := harness.StartChildOn(ctx, e.server, "static", e.exe, "static", file)
				if err != nil {
					return "", nil, nil, err
				}
				return url, p, p.Stop, nil
			}},
		{name: "subgraph", label: "ceiling: products subgraph directly (topProducts)",
			body: requestBody(workload.TopProductsQuery), expected: workload.ExpectedTopProducts(),
			start: func(ctx context.Context, e *env) (string, *harness.Process, func(), error) {
				return e.urls["products"], e.subgraphs[slices.Index(subgraphs.Names, "products")], func() {}, nil
			}},
	}
}

func scenarioNames() []string {
	var out []string
	for _, s := range scenarios() {
		out = append(out, s.name)
	}
	return out
}

func requestBody(query string) []byte {
	b, _ := json.Marshal(map[string]any{"query": query})
	return b
}

// bench runs the selected scenarios one after another and prints the table.
func bench(ctx context.Context, cfg Config) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "nexus-bench-router-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	e := &env{cfg: cfg, exe: exe, dir: dir, urls: map[string]string{}}
	if cfg.CPUs == "pinned" {
		all, err := harness.Affinity(0)
		if err != nil {
			return fmt.Errorf("read CPU affinity: %w", err)
		}
		if len(all) < 2 {
			return fmt.Errorf("cpus (BENCH_CPUS): pinned needs two CPUs, this process may use %v; set BENCH_CPUS=shared", all)
		}
		e.load, e.server, e.subgraphCPUs = all[:1], all[1:], all
	}
	defer func() {
		for _, p := range e.subgraphs {
			p.Stop()
		}
	}()
	for _, name := range subgraphs.Names {
		args := []string{"subgraph", name}
		if cfg.Subgraphs == "memo" {
			args = append(args, "-memo")
		}
		p, url, err := harness.StartChildOn(ctx, e.subgraphCPUs, name, exe, args...)
		if err != nil {
			return err
		}
		e.subgraphs = append(e.subgraphs, p)
		e.urls[name] = url
	}

	if err := harness.PinSelf(e.load); err != nil {
		return err
	}

	fmt.Printf("federation benchmark: %d connections, %v per scenario after %v warm-up, %d CPUs, %s\n",
		cfg.Connections, cfg.Duration, cfg.Warmup, runtime.NumCPU(), runtime.Version())
	if cfg.CPUs == "pinned" {
		fmt.Printf("CPUs (BENCH_CPUS=pinned): load generator on %v, the measured server on %v, subgraphs on %v\n", e.load, e.server, e.subgraphCPUs)
	} else {
		fmt.Println("CPUs (BENCH_CPUS=shared): every process may run on any CPU")
	}
	if cfg.Subgraphs == "memo" {
		fmt.Println("subgraphs: gqlgen, each answer replayed for a request body answered before (BENCH_SUBGRAPHS=execute runs every request)")
	} else {
		fmt.Println("subgraphs: gqlgen executing every request")
	}
	if cfg.cosmoAvailable() == nil && (len(cfg.Only) == 0 || slices.Contains(cfg.Only, "cosmo")) {
		fmt.Printf("Cosmo Router: %s\n", cosmoVersion(ctx, cfg.Cosmo))
	}
	fmt.Printf("query: users→reviews→product→reviews→author→reviews→product + topProducts; expected answer %d bytes\n\n", len(workload.Expected()))
	var rows []row
	failed := false
	for _, s := range scenarios() {
		if len(cfg.Only) > 0 && !slices.Contains(cfg.Only, s.name) {
			continue
		}
		if s.available != nil {
			if err := s.available(cfg); err != nil {
				r := row{name: s.name, label: s.label, unavailable: err.Error()}
				fmt.Println(r.line())
				rows = append(rows, r)
				continue
			}
		}
		r, err := runScenario(ctx, e, s)
		if err != nil {
			return fmt.Errorf("%s: %w", s.label, err)
		}
		fmt.Println(r.line())
		rows = append(rows, r)
		failed = failed || r.res.Errors > 0 || r.res.Mismatches > 0
	}
	fmt.Println()
	printTable(os.Stdout, rows)
	printComparison(os.Stdout, rows)
	if cfg.Pairs > 0 && cfg.cosmoAvailable() == nil && (len(cfg.Only) == 0 || slices.Contains(cfg.Only, "router") && slices.Contains(cfg.Only, "cosmo")) {
		bad, err := runPairs(ctx, e)
		if err != nil {
			return fmt.Errorf("pairs: %w", err)
		}
		failed = failed || bad
	}
	if cfg.Profile != "" {
		if err := profileRouter(ctx, e, scenarios()[0]); err != nil {
			return fmt.Errorf("profile: %w", err)
		}
	}
	if failed {
		return fmt.Errorf("errors or wrong answers under load (see the table); the figures above are not valid")
	}
	return nil
}

// runScenario starts the target, checks one answer, warms up, then measures.
func runScenario(ctx context.Context, e *env, s scenario) (row, error) {
	target, proc, stop, err := startWarm(ctx, e, s)
	if err != nil {
		return row{}, err
	}
	defer stop()
	r, err := measure(ctx, e, target, proc, e.cfg.Duration)
	r.name, r.label = s.name, s.label
	return r, err
}

// startWarm starts a scenario's server, checks one answer and warms it up;
// stop ends the server.
func startWarm(ctx context.Context, e *env, s scenario) (target load.Target, proc *harness.Process, stop func(), err error) {
	url, proc, stop, err := s.start(ctx, e)
	if err != nil {
		return target, nil, nil, err
	}
	if err := checkOnce(ctx, url, s.body, s.expected); err != nil {
		stop()
		return target, nil, nil, err
	}
	target = load.Target{URL: url, Body: s.body, Expected: s.expected}
	if e.cfg.Warmup > 0 {
		w := load.Run(ctx, target, load.Options{Connections: e.cfg.Connections, Duration: e.cfg.Warmup})
		if w.Errors+w.Mismatches > 0 {
			stop()
			return target, nil, nil, fmt.Errorf("warm-up: %d errors, %d wrong answers; first: %s", w.Errors, w.Mismatches, w.FirstProblem)
		}
	}
	return target, proc, stop, nil
}

// measure loads target for d and reports it with the CPU of proc (nil for
// none), of the subgraphs and of the load generator over that time.
func measure(ctx context.Context, e *env, target load.Target, proc *harness.Process, d time.Duration) (row, error) {
	var r row
	before, err := cpuOf(proc, e.subgraphs)
	if err != nil {
		return row{}, err
	}
	self0, _ := harness.ReadStats(os.Getpid())
	r.res = load.Run(ctx, target, load.Options{Connections: e.cfg.Connections, Duration: d})
	if ctx.Err() != nil {
		return row{}, ctx.Err()
	}
	after, err := cpuOf(proc, e.subgraphs)
	if err != nil {
		return row{}, err
	}
	self1, _ := harness.ReadStats(os.Getpid())
	secs := r.res.Elapsed.Seconds()
	r.loadCores = (self1.CPU - self0.CPU).Seconds() / secs
	r.subgraphCores = (after.subgraphs - before.subgraphs).Seconds() / secs
	if proc != nil {
		r.serverCores = (after.target.CPU - before.target.CPU).Seconds() / secs
		r.peakRSS, r.rss = after.target.PeakRSS, after.target.RSS
	}
	return r, nil
}

// cpu is a snapshot of the measured process and the subgraphs' total CPU.
type cpu struct {
	target    harness.Stats
	subgraphs time.Duration
}

func cpuOf(target *harness.Process, subs []*harness.Process) (cpu, error) {
	var c cpu
	if target != nil {
		s, err := harness.ReadStats(target.PID())
		if err != nil {
			return c, err
		}
		c.target = s
	}
	for _, p := range subs {
		s, err := harness.ReadStats(p.PID())
		if err != nil {
			return c, err
		}
		c.subgraphs += s.CPU
	}
	return c, nil
}

// checkOnce sends one request and fails with the difference when the
// answer is not the expected one, before any load is spent on it.
func checkOnce(ctx context.Context, url string, body, expected []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader(string(body)))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	got, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK || !load.Equal(got, expected) {
		return fmt.Errorf("wrong answer (HTTP %d, %d bytes, want %d bytes): %s", resp.StatusCode, len(got), len(expected), firstDifference(got, expected))
	}
	return nil
}

// firstDifference shows where two JSON texts part.
func firstDifference(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-80)
	return fmt.Sprintf("at byte %d: got …%s… want …%s…", i, got[from:min(len(got), i+80)], want[from:min(len(want), i+80)])
}
