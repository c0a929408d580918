package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"

	"github.com/nexus-commerce/nexus/subgraphs/kit/logging"
)

// Exit codes: scripts and orchestrators tell a bad invocation from a failure.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

const usage = `customer — the Nexus customer subgraph (profile, addresses, payment methods, wishlist).

Usage:
  customer [serve]      apply migrations, then serve GraphQL until SIGINT/SIGTERM (default)
  customer migrate      apply the customer schema migrations and exit
  customer healthcheck  exit 0 when the local server's /readyz answers 200 (for container health checks)
  customer help         print this help (also -h, --help)

Environment:
  DATABASE_URL      PostgreSQL URL (required), e.g. postgres://postgres@127.0.0.1:5432/nexus?sslmode=disable
  HTTP_ADDR         listen address (default :4003)
  NEXUS_MODE        production (default): GraphQL only from the router, every request must
                    carry its signature, anything else is 403 FORBIDDEN; development: direct
                    requests are served too, as anonymous
  NEXUS_ROUTER_SECRET  secret shared with the router (32+ bytes) to verify its signature and
                    the caller's forwarded claims; required in production. Without it every
                    caller is anonymous, and every account operation is UNAUTHENTICATED
  CUSTOMER_TEST_TOKENIZER  1: serve tokenizeTestCard in production too (it always is in
                    development); 0: refuse it in development too
  GRAPHQL_MAX_DEPTH, GRAPHQL_MAX_ALIASES, GRAPHQL_MAX_FIELDS, GRAPHQL_MAX_BODY_BYTES
                    the subgraph's own operation limits (defaults 32, 256, 20000, 1048576)
  DB_CONNECT_TIMEOUT  how long to wait for PostgreSQL to answer at start (default 30s)
  SHUTDOWN_TIMEOUT  grace period for in-flight requests on shutdown (default 10s)
  LOG_LEVEL         debug, info, warn or error (default info)
  LOG_FORMAT        text or json (default text)

Endpoints (serve):
  /graphql          GraphQL over HTTP (POST, GET), federation v2 subgraph; production: only
                    requests the router signed
  /healthz /readyz  liveness and readiness (readiness checks the database); never gated
`

// hooks let tests observe a running server without parsing logs.
type hooks struct {
	// listening, when set, receives the bound address once serve accepts connections.
	listening func(net.Addr)
}

// run executes one invocation and returns the process exit code. It takes
// its streams and context as arguments so tests drive the real binary's code path.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, h hooks) int {
	cmd := "serve"
	if len(args) > 0 {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	case "healthcheck":
		return healthcheck(stderr)
	case "serve", "migrate":
	default:
		fmt.Fprintf(stderr, "customer: unknown command %q\n\n%s", cmd, usage)
		return exitUsage
	}
	if len(args) > 0 {
		if args[0] == "-h" || args[0] == "-help" || args[0] == "--help" {
			fmt.Fprint(stdout, usage)
			return exitOK
		}
		fmt.Fprintf(stderr, "customer %s: unexpected argument %q (configuration comes from the environment)\n\n%s", cmd, args[0], usage)
		return exitUsage
	}

	log, err := logging.FromEnv(stderr)
	if err != nil {
		fmt.Fprintf(stderr, "customer: %v\n", err)
		return exitUsage
	}
	cfg, err := ConfigFromEnv()
	if err == nil {
		err = cfg.Validate()
	}
	if err == nil && cmd == "serve" {
		err = cfg.ValidateServe()
	}
	if err != nil {
		fmt.Fprintf(stderr, "customer: invalid configuration: %v\n\nRun 'customer -h' for the environment variables.\n", err)
		return exitUsage
	}

	if cmd == "migrate" {
		err = migrateOnly(ctx, cfg, log)
	} else {
		err = serve(ctx, cfg, log, h)
	}
	if err != nil && !errors.Is(err, context.Canceled) {
		log.Error("customer: "+cmd+" failed", "err", err)
		return exitFailure
	}
	return exitOK
}
