// Command benchauth is `make bench-auth`'s load tool: it measures a running
// Nexus stack (router in front of the auth subgraph and PostgreSQL) and
// prints Markdown for docs/benchmarks.md. scripts/bench-auth.sh starts the
// stack on its own ports and database, then runs it:
//
//	benchauth -url http://127.0.0.1:4100/graphql -auth-pid N -router-pid M \
//	  [-email shopper@nexus.local -password ...] [-clients 1,2,4,8] [-duration 10s] \
//	  [-burst-attempts 500 -burst-clients 50] [-jwt-duration 5s -jwt-pairs 3 -jwt-clients 8]
//
// The right password comes from BENCH_PASSWORD (default the seeded
// shopper's development password), never from a flag.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"github.com/nexus-commerce/nexus/router/bench/authbench"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "benchauth:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	var cfg authbench.Config
	fs := flag.NewFlagSet("benchauth", flag.ContinueOnError)
	fs.StringVar(&cfg.URL, "url", "http://127.0.0.1:4100/graphql", "the router's GraphQL endpoint")
	fs.IntVar(&cfg.AuthPID, "auth-pid", 0, "the auth service's pid (CPU figures; 0: none)")
	fs.IntVar(&cfg.RouterPID, "router-pid", 0, "the router's pid (CPU figures; 0: none)")
	fs.StringVar(&cfg.Email, "email", "shopper@nexus.local", "an account that signs in (its password: BENCH_PASSWORD)")
	clients := fs.String("clients", "1,2,4,8", "sign-in concurrencies")
	fs.DurationVar(&cfg.Duration, "duration", 0, "each sign-in run (default 10s)")
	fs.IntVar(&cfg.BurstAttempts, "burst-attempts", 0, "wrong passwords per burst (default 500)")
	fs.IntVar(&cfg.BurstClients, "burst-clients", 0, "concurrent clients of a burst (default 50)")
	fs.DurationVar(&cfg.JWTDuration, "jwt-duration", 0, "each JWT round (default 5s)")
	fs.IntVar(&cfg.JWTPairs, "jwt-pairs", 0, "anonymous/signed-in round pairs (default 3)")
	fs.IntVar(&cfg.JWTClients, "jwt-clients", 0, "concurrent clients of a JWT round (default 8)")
	fs.StringVar(&cfg.DatabaseURL, "database", "", "the auth service's database (exact password-check counts from auth.throttle; needs psql)")
	fs.StringVar(&cfg.RunID, "run-id", "", "makes the bench accounts' emails unique (default: the time)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg.Password = os.Getenv("BENCH_PASSWORD")
	if cfg.Password == "" {
		cfg.Password = "Shopper-password-1"
	}
	for _, f := range strings.Split(*clients, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return fmt.Errorf("-clients %q: want a list of positive numbers", *clients)
		}
		cfg.Clients = append(cfg.Clients, n)
	}
	return authbench.Run(ctx, cfg, os.Stdout)
}
