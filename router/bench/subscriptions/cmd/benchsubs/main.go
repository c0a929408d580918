// Command benchsubs is `make bench-subscriptions`: the subscription
// benchmark of issues #4 and #10 (docs/benchmarks.md, "Subscriptions:
// fan-out benchmark").
//
// It creates a throwaway database on DATABASE_URL's server, seeds it with
// the product binary, serves the product subgraph (PostgreSQL event bus)
// and runs the selected rounds, each on a fresh router binary composing
// it.
//
// Rounds (-rounds, BENCH_ROUNDS; all by default):
//
//   - fanout: for each subscriber count, that many graphql-transport-ws
//     subscribers to productChanged of one of the hot products, adjustStock
//     committed at a steady rate straight to the subgraph (router-signed
//     admin claims): latency from commit to client, deliveries per second,
//     the router's memory and CPU. A missing, duplicate, reordered or
//     unknown delivery, or a dropped subscriber, fails the run.
//   - rate50: 1,000 clients on catalogEvents(after:), each receiving
//     every event, 50 commits/s round-robin over the hot products: 50,000
//     deliveries/s. Every client is checked against the event log;
//     anything lost, duplicated or out of order, or a client whose session
//     ends, fails the run.
//   - storm-router, storm-subgraph: the same load, with clients that
//     resume from their last cursor after any close, error or complete
//     (graphql-ws's retry backoff), and the router (or the product
//     subgraph) SIGKILLed and restarted on the same port mid-run. Anything
//     lost, duplicated or out of order fails the run; the interruptions
//     the clients saw, the time to recover, latency and the router's
//     memory are printed.
//
// Usage:
//
//	benchsubs [-rounds fanout,rate50,storm-router,storm-subgraph]
//	          [-subscribers 1000,5000,10000] [-rate 20] [-duration 30s] [-products 10]
//	          [-heavy-subscribers 1000] [-heavy-rate 50] [-heavy-duration 20s]
//	          [-storm-warmup 5s] [-storm-after 15s] [-storm-down 2s]
//	          [-router bin/router] [-product bin/product] [-profile dir]
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/nexus-commerce/nexus/router/bench/harness"
	subs "github.com/nexus-commerce/nexus/router/bench/subscriptions"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	cfg, err := parseConfig(os.Args[1:])
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err == nil {
		err = bench(ctx, cfg)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchsubs:", err)
		os.Exit(1)
	}
}

// Config is the benchmark's configuration, from flags with environment
// defaults so `make bench-subscriptions` can be tuned without editing the
// script.
type Config struct {
	// Rounds are the rounds to run, in this order (BENCH_ROUNDS, default
	// all of AllRounds; without the storms when Direct).
	Rounds []string
	// Subscribers are the rounds' subscriber counts, run one after another
	// (BENCH_SUBSCRIBERS, default 1000,5000,10000).
	Subscribers []int
	// Rate is commits per second (BENCH_RATE, default 20).
	Rate float64
	// Duration is each round's measured window (BENCH_DURATION, default 30s).
	Duration time.Duration
	// Products is how many hot products subscribers spread over
	// (BENCH_PRODUCTS, default 10).
	Products int
	// Router and Product are the binaries (make build).
	Router, Product string
	// DatabaseURL is the PostgreSQL server the throwaway database is made
	// on (DATABASE_URL).
	DatabaseURL string
	// Direct connects the subscribers to the product subgraph instead of
	// the router, and measures the subgraph: the ceiling without the
	// router (BENCH_DIRECT=1).
	Direct bool
	// Profile, when set, receives the router's heap and goroutine profiles
	// with every subscriber of the last fan-out round live (BENCH_PROFILE).
	Profile string
	// HeavySubscribers and HeavyRate are the rate50 round's and the
	// storms' load (BENCH_HEAVY_SUBSCRIBERS, default 1000;
	// BENCH_HEAVY_RATE, default 50 commits/s, each to every client).
	HeavySubscribers int
	HeavyRate        float64
	// HeavyDuration is the rate50 round's measured window
	// (BENCH_HEAVY_DURATION, default 20s).
	HeavyDuration time.Duration
	// StormWarmup is how long a storm writes with every client live
	// before the kill (BENCH_STORM_WARMUP, default 5s); StormAfter how long
	// it keeps writing from the kill on (BENCH_STORM_AFTER, default 15s).
	StormWarmup, StormAfter time.Duration
	// StormDown is how long the killed process stays down before it is
	// started again (BENCH_STORM_DOWN, default 2s, about the outage issue
	// #10 reported).
	StormDown time.Duration
}

// The rounds, in their default order.
const (
	roundFanout        = "fanout"
	roundRate50        = "rate50"
	roundStormRouter   = "storm-router"
	roundStormSubgraph = "storm-subgraph"
)

// AllRounds are the rounds a run makes by default.
var AllRounds = []string{roundFanout, roundRate50, roundStormRouter, roundStormSubgraph}

func parseConfig(args []string) (Config, error) {
	fs := flag.NewFlagSet("benchsubs", flag.ContinueOnError)
	var c Config
	var counts, rounds string
	fs.StringVar(&rounds, "rounds", os.Getenv("BENCH_ROUNDS"), "comma-separated rounds to run: "+strings.Join(AllRounds, ",")+" (default all; without the storms with -direct)")
	fs.StringVar(&counts, "subscribers", envOr("BENCH_SUBSCRIBERS", "1000,5000,10000"), "comma-separated subscriber counts, one round each")
	fs.Float64Var(&c.Rate, "rate", envFloat("BENCH_RATE", 20), "commits per second")
	fs.DurationVar(&c.Duration, "duration", envDuration("BENCH_DURATION", 30*time.Second), "measured window per round")
	fs.IntVar(&c.Products, "products", envInt("BENCH_PRODUCTS", 10), "hot products the subscribers spread over")
	fs.StringVar(&c.Router, "router", envOr("BENCH_ROUTER_BIN", "bin/router"), "router binary")
	fs.StringVar(&c.Product, "product", envOr("BENCH_PRODUCT_BIN", "bin/product"), "product subgraph binary")
	fs.StringVar(&c.DatabaseURL, "database-url", os.Getenv("DATABASE_URL"), "PostgreSQL server for the throwaway database")
	fs.BoolVar(&c.Direct, "direct", os.Getenv("BENCH_DIRECT") == "1", "subscribe to the product subgraph directly (no router) and measure it")
	fs.StringVar(&c.Profile, "profile", os.Getenv("BENCH_PROFILE"), "directory for the router's heap and goroutine profiles")
	fs.IntVar(&c.HeavySubscribers, "heavy-subscribers", envInt("BENCH_HEAVY_SUBSCRIBERS", 1000), "subscribers of the rate50 round and clients of the storms")
	fs.Float64Var(&c.HeavyRate, "heavy-rate", envFloat("BENCH_HEAVY_RATE", 50), "commits per second of the rate50 round and the storms (each reaches every client)")
	fs.DurationVar(&c.HeavyDuration, "heavy-duration", envDuration("BENCH_HEAVY_DURATION", 20*time.Second), "measured window of the rate50 round")
	fs.DurationVar(&c.StormWarmup, "storm-warmup", envDuration("BENCH_STORM_WARMUP", 5*time.Second), "steady writing with every storm client live before the kill")
	fs.DurationVar(&c.StormAfter, "storm-after", envDuration("BENCH_STORM_AFTER", 15*time.Second), "writing from the kill on")
	fs.DurationVar(&c.StormDown, "storm-down", envDuration("BENCH_STORM_DOWN", 2*time.Second), "how long the killed process stays down before its restart")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	var errs []error
	for _, f := range strings.Split(counts, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			errs = append(errs, fmt.Errorf("subscribers (BENCH_SUBSCRIBERS): %q is not a positive count", f))
			continue
		}
		c.Subscribers = append(c.Subscribers, n)
	}
	if rounds == "" {
		c.Rounds = AllRounds
		if c.Direct {
			c.Rounds = []string{roundFanout, roundRate50}
		}
	} else {
		for _, f := range strings.Split(rounds, ",") {
			c.Rounds = append(c.Rounds, strings.TrimSpace(f))
		}
	}
	return c, errors.Join(append(errs, c.Validate())...)
}

// Validate names the offending setting.
func (c Config) Validate() error {
	var errs []error
	if c.Rate <= 0 {
		errs = append(errs, fmt.Errorf("rate (BENCH_RATE): %v must be positive", c.Rate))
	}
	if c.Duration <= 0 {
		errs = append(errs, fmt.Errorf("duration (BENCH_DURATION): %v must be positive", c.Duration))
	}
	if c.Products <= 0 || c.Products > 100 {
		errs = append(errs, fmt.Errorf("products (BENCH_PRODUCTS): %d must be 1 to 100", c.Products))
	}
	for _, r := range c.Rounds {
		switch {
		case !slices.Contains(AllRounds, r):
			errs = append(errs, fmt.Errorf("rounds (BENCH_ROUNDS): unknown round %q; choose from %s", r, strings.Join(AllRounds, ",")))
		case c.Direct && strings.HasPrefix(r, "storm-"):
			errs = append(errs, fmt.Errorf("rounds (BENCH_ROUNDS): %s needs the router; BENCH_DIRECT runs fanout and rate50 only", r))
		}
	}
	if len(c.Rounds) == 0 {
		errs = append(errs, errors.New("rounds (BENCH_ROUNDS): none selected"))
	}
	if c.HeavySubscribers <= 0 {
		errs = append(errs, fmt.Errorf("heavy-subscribers (BENCH_HEAVY_SUBSCRIBERS): %d must be positive", c.HeavySubscribers))
	}
	if c.HeavyRate <= 0 {
		errs = append(errs, fmt.Errorf("heavy-rate (BENCH_HEAVY_RATE): %v must be positive", c.HeavyRate))
	}
	if c.HeavyDuration <= 0 {
		errs = append(errs, fmt.Errorf("heavy-duration (BENCH_HEAVY_DURATION): %v must be positive", c.HeavyDuration))
	}
	if c.StormDown < 0 || c.StormDown >= c.StormAfter {
		errs = append(errs, fmt.Errorf("storm-down (BENCH_STORM_DOWN): %v must be at least 0 and shorter than storm-after (%v)", c.StormDown, c.StormAfter))
	}
	if c.StormWarmup < 0 || c.StormAfter <= 0 {
		errs = append(errs, fmt.Errorf("storm-warmup (BENCH_STORM_WARMUP) %v must not be negative and storm-after (BENCH_STORM_AFTER) %v must be positive", c.StormWarmup, c.StormAfter))
	}
	for _, b := range []struct{ flag, path string }{{"router (BENCH_ROUTER_BIN)", c.Router}, {"product (BENCH_PRODUCT_BIN)", c.Product}} {
		if _, err := os.Stat(b.path); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w (run make build)", b.flag, err))
		}
	}
	if c.DatabaseURL == "" {
		errs = append(errs, errors.New("database-url (DATABASE_URL): not set; `make bench-subscriptions` sets it (make db)"))
	}
	return errors.Join(errs...)
}

func bench(ctx context.Context, c Config) error {
	root, err := repoRoot()
	if err != nil {
		return err
	}
	dbURL, dropDB, err := throwawayDatabase(ctx, c.DatabaseURL)
	if err != nil {
		return err
	}
	defer dropDB()
	st, err := subs.StartStack(ctx, subs.StackOptions{Product: c.Product, DatabaseURL: dbURL, Root: root})
	if err != nil {
		return err
	}
	defer st.Stop()
	hot, err := st.HotProducts(ctx, c.Products)
	if err != nil {
		return err
	}
	fmt.Printf("product subgraph %s (PostgreSQL bus), %d hot products; rounds %s\n",
		st.ProductURL, len(hot), strings.Join(c.Rounds, ","))

	what := "router"
	if c.Direct {
		what = "product subgraph"
	}
	run := round
	if c.Direct {
		run = direct
	}
	var results []*subs.Result
	var storms []*subs.StormResult
	var failures []error
	fail := func(name string, err error) {
		fmt.Printf("  FAILED: %v\n", err)
		failures = append(failures, fmt.Errorf("%s: %w", name, err))
	}
	for _, name := range c.Rounds {
		if ctx.Err() != nil {
			break
		}
		switch name {
		case roundFanout:
			for i, n := range c.Subscribers {
				label := fmt.Sprintf("fanout %d subscribers", n)
				fmt.Printf("\n== %s over %d products, %.0f commits/s for %v\n", label, len(hot), c.Rate, c.Duration)
				res, err := run(ctx, c, st, spec{n: n, products: hot, rate: c.Rate, duration: c.Duration},
					c.Profile != "" && i == len(c.Subscribers)-1)
				if err != nil {
					fail(label, err)
					continue
				}
				results = append(results, res)
				report(os.Stdout, what, res)
				if err := res.Check(); err != nil {
					fail(label, err)
				}
			}
		case roundRate50, roundStormRouter, roundStormSubgraph:
			res, err := storm(ctx, c, st, hot, name)
			if err != nil {
				fail(name, err)
				continue
			}
			storms = append(storms, res)
			subs.WriteStorm(os.Stdout, res)
			if err := res.Check(); err != nil {
				fail(name, err)
			}
		}
	}
	if len(results) > 0 {
		fmt.Println()
		subs.WriteTable(os.Stdout, what, results)
	}
	if len(storms) > 0 {
		fmt.Println()
		subs.WriteStormTable(os.Stdout, storms)
	}
	return errors.Join(failures...)
}

// spec is one subscriber round: n subscribers spread over products, rate
// commits per second for duration.
type spec struct {
	n        int
	products []string
	rate     float64
	duration time.Duration
}

// round runs one subscriber count on a router of its own, so its idle
// memory is a clean baseline (a Go process does not hand freed memory back
// at once, so a reused router's baseline would carry the last round).
func round(ctx context.Context, c Config, st *subs.Stack, sp spec, profile bool) (*subs.Result, error) {
	dir, err := os.MkdirTemp("", "benchsubs-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	r, kind, err := startRouter(ctx, c, st, dir)
	if err != nil {
		return nil, err
	}
	defer r.Stop()
	fmt.Printf("  %d subscribers on %s %s (pid %d)\n", sp.n, kind, r.URL, r.PID())
	o := subs.RoundOptions{
		URL: r.URL, Subscribers: sp.n, Products: sp.products, Rate: sp.rate, Duration: sp.duration,
		ProductURL: st.ProductURL, Secret: st.Secret,
		Stats:      func() (harness.Stats, error) { return harness.ReadStats(r.PID()) },
		Goroutines: func() (int, error) { return goroutines(ctx, r.PprofAddr) },
		Progress:   func(f string, a ...any) { fmt.Printf("  "+f+"\n", a...) },
	}
	if profile {
		o.Live = func() error { return saveProfiles(ctx, r.PprofAddr, c.Profile, sp.n) }
	}
	res, err := subs.Round(ctx, o)
	if err != nil {
		return nil, fmt.Errorf("%w\nrouter log:\n%s", err, r.Logs())
	}
	return res, nil
}

// storm runs rate50 or a resume storm (storm-router, storm-subgraph) on a
// router of its own: c.HeavySubscribers clients on catalogEvents(after:),
// each resuming from its last cursor whenever its session ends, with
// c.HeavyRate commits/s round-robin over the hot products (every client
// receives every event). rate50 runs it for c.HeavyDuration without a
// fault (any interruption fails it; with -direct on the product subgraph
// itself); the storms SIGKILL and restart the router, or the product
// subgraph, on the same port mid-run.
func storm(ctx context.Context, c Config, st *subs.Stack, hot []string, name string) (*subs.StormResult, error) {
	progress := func(f string, a ...any) { fmt.Printf("  "+f+"\n", a...) }
	if c.Direct {
		fmt.Printf("\n== %s: %d clients on catalogEvents(after:) on the product subgraph %s directly (pid %d), %.0f commits/s for %v\n",
			name, c.HeavySubscribers, st.ProductURL, st.Product.PID(), c.HeavyRate, c.HeavyDuration)
		res, err := subs.Storm(ctx, subs.StormOptions{
			URL: st.ProductURL, Clients: c.HeavySubscribers, Products: hot, Rate: c.HeavyRate, After: c.HeavyDuration,
			ProductURL: st.ProductURL, Secret: st.Secret, DatabaseURL: st.DatabaseURL,
			Stats: func() (harness.Stats, int, error) {
				s, err := harness.ReadStats(st.Product.PID())
				return s, st.Product.PID(), err
			},
			Progress: progress,
		})
		if err != nil {
			return nil, fmt.Errorf("%w\nproduct log:\n%s", err, st.Product.Logs())
		}
		return res, nil
	}
	dir, err := os.MkdirTemp("", "benchsubs-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	r, kind, err := startRouter(ctx, c, st, dir)
	if err != nil {
		return nil, err
	}
	// The router in service: the fault replaces it.
	var cur atomic.Pointer[subs.Router]
	cur.Store(r)
	defer func() { cur.Load().Stop() }()
	o := subs.StormOptions{
		URL: r.URL, Clients: c.HeavySubscribers, Products: hot, Rate: c.HeavyRate,
		Warmup: c.StormWarmup, After: c.StormAfter,
		ProductURL: st.ProductURL, Secret: st.Secret, DatabaseURL: st.DatabaseURL,
		Stats: func() (harness.Stats, int, error) {
			p := cur.Load()
			s, err := harness.ReadStats(p.PID())
			return s, p.PID(), err
		},
		Subscriptions: func() (int, error) { return activeSubscriptions(ctx, cur.Load().URL) },
		Goroutines:    func() (int, error) { return goroutines(ctx, cur.Load().PprofAddr) },
		Progress:      progress,
	}
	switch name {
	case roundRate50:
		o.Warmup, o.After = 0, c.HeavyDuration
		fmt.Printf("\n== %s: %d clients on catalogEvents(after:) through %s %s (pid %d), %.0f commits/s for %v, nothing killed\n",
			name, o.Clients, kind, r.URL, r.PID(), o.Rate, o.After)
		res, err := subs.Storm(ctx, o)
		if err != nil {
			return nil, fmt.Errorf("%w\nrouter log:\n%s", err, r.Logs())
		}
		return res, nil
	case roundStormRouter:
		o.FaultName = "router"
		o.Fault = func(ctx context.Context) error {
			next, err := cur.Load().Restart(ctx, c.StormDown)
			if err != nil {
				return err
			}
			cur.Store(next)
			return nil
		}
	case roundStormSubgraph:
		o.FaultName = "product subgraph"
		o.Fault = func(ctx context.Context) error { return st.RestartProduct(ctx, c.StormDown) }
	default:
		return nil, fmt.Errorf("no storm called %q", name)
	}
	fmt.Printf("\n== %s: %d clients on catalogEvents(after:) through %s %s (pid %d), %.0f commits/s; the %s is killed %v after all are live, down %v\n",
		name, o.Clients, kind, r.URL, r.PID(), o.Rate, o.FaultName, o.Warmup, c.StormDown)
	res, err := subs.Storm(ctx, o)
	if err != nil {
		return nil, fmt.Errorf("%w\nrouter log:\n%s\nproduct log:\n%s", err, cur.Load().Logs(), st.Product.Logs())
	}
	return res, nil
}

// startRouter starts the router binary and makes sure it serves
// WebSocket subscriptions: a router that does not is a failed run, never
// something to measure around.
func startRouter(ctx context.Context, c Config, st *subs.Stack, dir string) (*subs.Router, string, error) {
	r, err := st.StartRouter(ctx, c.Router, dir)
	if err != nil {
		return nil, "", err
	}
	if !r.ServesWebSocket(ctx) {
		r.Stop()
		return nil, "", fmt.Errorf("%s refuses WebSocket upgrades on its GraphQL path", c.Router)
	}
	return r, "router binary " + c.Router, nil
}

// direct runs one subscriber count against the product subgraph itself,
// measuring its process instead of a router's.
func direct(ctx context.Context, c Config, st *subs.Stack, sp spec, _ bool) (*subs.Result, error) {
	fmt.Printf("  %d subscribers on the product subgraph %s directly (pid %d)\n", sp.n, st.ProductURL, st.Product.PID())
	res, err := subs.Round(ctx, subs.RoundOptions{
		URL: st.ProductURL, Subscribers: sp.n, Products: sp.products, Rate: sp.rate, Duration: sp.duration,
		ProductURL: st.ProductURL, Secret: st.Secret,
		Stats:    func() (harness.Stats, error) { return harness.ReadStats(st.Product.PID()) },
		Progress: func(f string, a ...any) { fmt.Printf("  "+f+"\n", a...) },
	})
	if err != nil {
		return nil, fmt.Errorf("%w\nproduct log:\n%s", err, st.Product.Logs())
	}
	return res, nil
}

// report prints one round's figures; what names the measured process.
func report(w io.Writer, what string, r *subs.Result) {
	fmt.Fprintf(w, "  commits %d (%.1f/s, %d ticks skipped, mutation p50 %v); deliveries %d of %d expected, missing %d, duplicate %d, out of order %d, unknown %d, disconnected %d\n",
		r.Commits, r.CommitRate(), r.Skipped, r.CommitP50.Round(time.Millisecond/10),
		r.Delivered, r.Expected, r.Missing, r.Duplicates, r.OutOfOrder, r.Unknown, r.Failed)
	fmt.Fprintf(w, "  latency commit→client p50 %v p90 %v p99 %v max %v; %.0f events/s delivered over %v\n",
		r.P(0.5).Round(time.Millisecond/10), r.P(0.9).Round(time.Millisecond/10), r.P(0.99).Round(time.Millisecond/10),
		r.P(1).Round(time.Millisecond/10), r.EventsPerSecond(), r.Window.Round(time.Millisecond))
	fmt.Fprintf(w, "  %s RSS %.1f MiB idle, %.1f MiB live (%.1f KB per subscriber), peak %.1f MiB; CPU %.2f cores; %d goroutines\n",
		what, float64(r.Before.RSS)/(1<<20), float64(r.LiveRSS())/(1<<20), float64(r.RSSPerSubscriber())/1000,
		float64(r.After.PeakRSS)/(1<<20), r.CPUCores(), r.Goroutines)
	fmt.Fprintf(w, "  load generator RSS %.1f MiB, CPU %.2f cores\n", float64(r.SelfAfter.RSS)/(1<<20), r.SelfCPUCores())
	if r.FirstFailure != "" {
		fmt.Fprintf(w, "  first disconnect: %s\n", r.FirstFailure)
	}
}

// goroutines reads the router's goroutine count from its pprof listener
// ("goroutine profile: total N").
func goroutines(ctx context.Context, addr string) (int, error) {
	body, err := get(ctx, "http://"+addr+"/debug/pprof/goroutine?debug=1")
	if err != nil {
		return 0, err
	}
	defer body.Close()
	line, _ := bufio.NewReader(body).ReadString('\n')
	var n int
	if _, err := fmt.Sscanf(line, "goroutine profile: total %d", &n); err != nil {
		return 0, fmt.Errorf("pprof goroutine count from %q: %w", line, err)
	}
	return n, nil
}

// activeSubscriptions reads nexus_router_subscriptions_active from the
// router's metrics (/metrics beside the GraphQL path).
func activeSubscriptions(ctx context.Context, graphqlURL string) (int, error) {
	body, err := get(ctx, strings.TrimSuffix(graphqlURL, "/graphql")+"/metrics")
	if err != nil {
		return 0, err
	}
	defer body.Close()
	sc := bufio.NewScanner(body)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "nexus_router_subscriptions_active "); ok {
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			return int(f), err
		}
	}
	if err := sc.Err(); err != nil {
		return 0, err
	}
	return 0, errors.New("no nexus_router_subscriptions_active in the router's metrics")
}

// saveProfiles writes the router's heap and goroutine profiles into dir.
func saveProfiles(ctx context.Context, addr, dir string, n int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	// The CPU profile covers the first 10 s of the measured window, which
	// starts right after this returns; it is saved in the background.
	go func() {
		body, err := get(ctx, "http://"+addr+"/debug/pprof/profile?seconds=10")
		if err != nil {
			fmt.Printf("  cpu profile: %v\n", err)
			return
		}
		defer body.Close()
		file := filepath.Join(dir, fmt.Sprintf("router-cpu-%d.pb.gz", n))
		if f, err := os.Create(file); err == nil {
			_, _ = io.Copy(f, body)
			f.Close()
		}
	}()
	for _, p := range []struct{ name, path string }{
		{"heap", "/debug/pprof/heap"},
		// debug=1 ends with runtime.MemStats: heap vs stacks vs GC overhead.
		{"heap-memstats", "/debug/pprof/heap?debug=1"},
		{"goroutine", "/debug/pprof/goroutine"},
	} {
		body, err := get(ctx, "http://"+addr+p.path)
		if err != nil {
			return err
		}
		file := filepath.Join(dir, fmt.Sprintf("router-%s-%d.pb.gz", p.name, n))
		if strings.Contains(p.path, "debug=1") {
			file = filepath.Join(dir, fmt.Sprintf("router-%s-%d.txt", p.name, n))
		}
		f, err := os.Create(file)
		if err == nil {
			_, err = io.Copy(f, body)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
		body.Close()
		if err != nil {
			return err
		}
		fmt.Printf("  saved %s (go tool pprof -top %s)\n", file, file)
	}
	return nil
}

func get(ctx context.Context, url string) (io.ReadCloser, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, fmt.Errorf("GET %s: HTTP %d", url, resp.StatusCode)
	}
	return resp.Body, nil
}

// repoRoot is the directory holding go.work, searched upwards from the
// working directory (make runs the benchmark from the repository root).
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.work")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("go.work not found above the working directory: run from the repository")
		}
		dir = parent
	}
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
	if n, err := strconv.Atoi(os.Getenv(key)); err == nil {
		return n
	}
	return def
}

func envFloat(key string, def float64) float64 {
	if f, err := strconv.ParseFloat(os.Getenv(key), 64); err == nil {
		return f
	}
	return def
}
