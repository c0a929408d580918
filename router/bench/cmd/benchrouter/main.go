// Command benchrouter is `make bench-router`: the shape of the public
// GraphQL gateway benchmarks (The Guild's federation benchmark, Hive
// Router's bench) run against the Nexus router on this machine.
//
// It starts the four in-memory subgraphs (accounts, inventory, products,
// reviews) as child processes, composes them, starts the router binary
// with single-flight on and then off, and loads each with the nested
// benchmark query over a fixed number of connections. In the same run it
// measures two ceilings: the same response bytes served by a minimal static
// server, and the products subgraph queried directly. Every answer is
// compared with the expected response; any error or mismatch fails the run.
//
// When Cosmo Router (WunderGraph's router on the same engine) is built, it
// is measured in the same run, on the same subgraphs and load, with the
// same answer check (scripts/bench-router.sh builds it into bin/cosmo-router).
//
//	benchrouter [-duration 20s] [-warmup 3s] [-connections 50] [-router bin/router] [-cosmo bin/cosmo-router] [-wgc path] [-only a,b] [-profile dir] [-pairs 6] [-pair-duration 10s] [-cpus pinned|shared]
//	benchrouter subgraph NAME     (internal: serve one subgraph)
//	benchrouter static FILE       (internal: serve FILE as the answer to every POST)
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:]); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "benchrouter:", err)
			os.Exit(1)
		}
	}
}

func run(ctx context.Context, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "subgraph":
			switch {
			case len(args) == 2:
				return serveSubgraph(ctx, args[1], false)
			case len(args) == 3 && args[2] == "-memo":
				return serveSubgraph(ctx, args[1], true)
			}
			return errors.New("usage: benchrouter subgraph NAME [-memo]")
		case "static":
			if len(args) != 2 {
				return errors.New("usage: benchrouter static FILE")
			}
			return serveStatic(ctx, args[1])
		}
	}
	cfg, err := parseConfig(args)
	if err != nil {
		return err
	}
	return bench(ctx, cfg)
}

// Config is the benchmark's configuration, from flags with environment
// defaults so `make bench-router` can be tuned without editing the script.
type Config struct {
	// Duration of each measured run (BENCH_DURATION, default 20s).
	Duration time.Duration
	// Warmup before each measured run, not counted (BENCH_WARMUP, default 3s).
	Warmup time.Duration
	// Connections kept busy at once (BENCH_CONNECTIONS, default 50).
	Connections int
	// Router is the router binary (BENCH_ROUTER_BIN, default bin/router).
	Router string
	// Cosmo is Cosmo Router's binary (BENCH_COSMO_BIN, default
	// bin/cosmo-router). Missing, its row says "not available".
	Cosmo string
	// CosmoUnavailable is why Cosmo could not be built, from the script
	// (BENCH_COSMO_UNAVAILABLE); set, the cosmo row reports it.
	CosmoUnavailable string
	// WGC is Cosmo's CLI that composes Cosmo's execution config
	// (BENCH_WGC, default the wgc of schema/internal/wgcoracle).
	WGC string
	// Only limits the run to these scenarios (BENCH_ONLY, default all).
	Only []string
	// Profile, when set, adds a run of the router (single-flight on) under
	// `perf record` and writes perf.data and the top functions there
	// (BENCH_PROFILE).
	Profile string
	// CPUs is how processes share the machine's CPUs (BENCH_CPUS):
	// "pinned" (the default with two CPUs or more) keeps the load generator
	// on the first CPU and the measured server on the others, with the
	// subgraphs free, as graphql-hive/graphql-gateways-benchmark pins k6
	// and the gateway; "shared" lets every process run anywhere.
	CPUs string
	// Pairs is how many alternating rounds of our router and Cosmo follow
	// the table (BENCH_PAIRS, default 6; 0: none), each PairDuration long
	// (BENCH_PAIR_DURATION, default 10s). Both run side by side the whole
	// time and take turns (ours first, then Cosmo first, ...), so a drift in
	// the machine's speed hits both alike; the median ratio is the figure.
	Pairs        int
	PairDuration time.Duration
	// Subgraphs is how the subgraphs answer (BENCH_SUBGRAPHS): "memo"
	// (default) replays the answer to a request body answered before
	// (subgraphs.Memoize); "execute" runs gqlgen for every request.
	Subgraphs string
}

func parseConfig(args []string) (Config, error) {
	fs := flag.NewFlagSet("benchrouter", flag.ContinueOnError)
	var c Config
	var only string
	fs.DurationVar(&c.Duration, "duration", envDuration("BENCH_DURATION", 20*time.Second), "measured time per scenario")
	fs.DurationVar(&c.Warmup, "warmup", envDuration("BENCH_WARMUP", 3*time.Second), "unmeasured warm-up per scenario")
	fs.IntVar(&c.Connections, "connections", envInt("BENCH_CONNECTIONS", 50), "concurrent connections")
	fs.StringVar(&c.Router, "router", envOr("BENCH_ROUTER_BIN", "bin/router"), "router binary (go build ./router/cmd/router)")
	fs.StringVar(&c.Cosmo, "cosmo", envOr("BENCH_COSMO_BIN", "bin/cosmo-router"), "Cosmo Router binary (scripts/bench-router.sh builds it)")
	fs.StringVar(&c.WGC, "wgc", envOr("BENCH_WGC", "schema/internal/wgcoracle/node_modules/.bin/wgc"), "wgc, Cosmo's CLI, to compose its execution config")
	c.CosmoUnavailable = os.Getenv("BENCH_COSMO_UNAVAILABLE")
	fs.StringVar(&only, "only", os.Getenv("BENCH_ONLY"), "comma-separated scenarios: "+strings.Join(scenarioNames(), ","))
	fs.StringVar(&c.Profile, "profile", os.Getenv("BENCH_PROFILE"), "directory for a perf profile of the router")
	defCPUs := "shared"
	if runtime.NumCPU() >= 2 {
		defCPUs = "pinned"
	}
	fs.StringVar(&c.CPUs, "cpus", envOr("BENCH_CPUS", defCPUs), "pinned: load generator on the first CPU, the measured server on the others; shared: no pinning")
	fs.IntVar(&c.Pairs, "pairs", envInt("BENCH_PAIRS", 6), "alternating rounds of our router and Cosmo after the table (0: none)")
	fs.DurationVar(&c.PairDuration, "pair-duration", envDuration("BENCH_PAIR_DURATION", 10*time.Second), "measured time of each side of a round")
	fs.StringVar(&c.Subgraphs, "subgraphs", envOr("BENCH_SUBGRAPHS", "memo"), "memo: subgraphs replay the answer to a request they answered before; execute: gqlgen runs every request")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if only != "" {
		c.Only = strings.Split(only, ",")
	}
	return c, c.Validate()
}

// Validate names the offending setting.
func (c Config) Validate() error {
	var errs []error
	if c.Duration <= 0 {
		errs = append(errs, fmt.Errorf("duration (BENCH_DURATION): %v must be positive", c.Duration))
	}
	if c.Warmup < 0 {
		errs = append(errs, fmt.Errorf("warmup (BENCH_WARMUP): %v must not be negative", c.Warmup))
	}
	if c.Connections <= 0 {
		errs = append(errs, fmt.Errorf("connections (BENCH_CONNECTIONS): %d must be positive", c.Connections))
	}
	if c.CPUs != "pinned" && c.CPUs != "shared" {
		errs = append(errs, fmt.Errorf("cpus (BENCH_CPUS): %q must be pinned or shared", c.CPUs))
	}
	if c.Pairs < 0 {
		errs = append(errs, fmt.Errorf("pairs (BENCH_PAIRS): %d must not be negative", c.Pairs))
	}
	if c.Pairs > 0 && c.PairDuration <= 0 {
		errs = append(errs, fmt.Errorf("pair-duration (BENCH_PAIR_DURATION): %v must be positive", c.PairDuration))
	}
	if c.Subgraphs != "memo" && c.Subgraphs != "execute" {
		errs = append(errs, fmt.Errorf("subgraphs (BENCH_SUBGRAPHS): %q must be memo or execute", c.Subgraphs))
	}
	if _, err := os.Stat(c.Router); err != nil {
		errs = append(errs, fmt.Errorf("router (BENCH_ROUTER_BIN): %w (build it with: go build -o bin/router ./router/cmd/router)", err))
	}
	known := map[string]bool{}
	for _, n := range scenarioNames() {
		known[n] = true
	}
	for _, o := range c.Only {
		if !known[o] {
			errs = append(errs, fmt.Errorf("only (BENCH_ONLY): unknown scenario %q (want %s)", o, strings.Join(scenarioNames(), ", ")))
		}
	}
	return errors.Join(errs...)
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func envDuration(key string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(os.Getenv(key)); err == nil {
		return d
	}
	return def
}

func envInt(key string, def int) int {
	var n int
	if _, err := fmt.Sscan(os.Getenv(key), &n); err == nil {
		return n
	}
	return def
}
