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

const usage = `product — the Nexus product subgraph (catalog, categories, images).

Usage:
  product [serve]   apply migrations, then serve GraphQL until SIGINT/SIGTERM (default)
  product migrate   apply the product schema migrations and exit
  product seed      apply migrations, load the demo catalog (no-op when products exist) and exit
  product seed-large [--products N] [--reset]
                    apply migrations, load a generated benchmark catalog of N products
                    (default 100000, about 3 variants each) with COPY and exit; refused when
                    products exist unless --reset, which wipes the catalog first
  product healthcheck  exit 0 when the local server's /readyz answers 200 (for container health checks)
  product help      print this help (also -h, --help)

Environment:
  DATABASE_URL      PostgreSQL URL (required), e.g. postgres://postgres@127.0.0.1:5432/nexus?sslmode=disable
  HTTP_ADDR         listen address (default :4001)
  PUBLIC_URL        public origin of image links: the router's, which proxies /images/ here
                    (default http://127.0.0.1:4000)
  NEXUS_MODE        production (default): GraphQL only from the router, every request must
                    carry its signature, anything else is 403 FORBIDDEN; development: direct
                    requests are served too, as anonymous
  NEXUS_ROUTER_SECRET  secret shared with the router (32+ bytes) to verify its signature and
                    forwarded claims; required in production
  GRAPHQL_MAX_DEPTH, GRAPHQL_MAX_ALIASES, GRAPHQL_MAX_FIELDS, GRAPHQL_MAX_BODY_BYTES
                    the subgraph's own operation limits (defaults 32, 256, 20000, 1048576)
  NEXUS_BUS         event bus of the subscriptions: postgres (default) or nats
  NATS_URL          NATS server when NEXUS_BUS=nats
  NEXUS_BUS_RETENTION  how long published events stay resumable
  DB_CONNECT_TIMEOUT  how long to wait for PostgreSQL to answer at start (default 30s)
  SHUTDOWN_TIMEOUT  grace period for in-flight requests on shutdown (default 10s)
  LOG_LEVEL         debug, info, warn or error (default info)
  LOG_FORMAT        text or json (default text)

Endpoints (serve):
  /graphql          GraphQL over HTTP (POST, GET), federation v2 subgraph; subscriptions
                    over WebSocket (graphql-transport-ws, graphql-ws) and SSE; production:
                    only requests the router signed
  /images/          SVG placeholder images for products and categories
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
	var large largeFlags
	if len(args) > 0 {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	case "healthcheck":
		return healthcheck(stderr)
	case "serve", "migrate", "seed":
	case "seed-large":
		var code int
		if large, code = parseLarge(args, stdout, stderr); code >= 0 {
			return code
		}
		args = nil
	default:
		fmt.Fprintf(stderr, "product: unknown command %q\n\n%s", cmd, usage)
		return exitUsage
	}
	if len(args) > 0 {
		if args[0] == "-h" || args[0] == "-help" || args[0] == "--help" {
			fmt.Fprint(stdout, usage)
			return exitOK
		}
		fmt.Fprintf(stderr, "product %s: unexpected argument %q (configuration comes from the environment)\n\n%s", cmd, args[0], usage)
		return exitUsage
	}

	log, err := logging.FromEnv(stderr)
	if err != nil {
		fmt.Fprintf(stderr, "product: %v\n", err)
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
		fmt.Fprintf(stderr, "product: invalid configuration: %v\n\nRun 'product -h' for the environment variables.\n", err)
		return exitUsage
	}

	switch cmd {
	case "migrate":
		err = migrateOnly(ctx, cfg, log)
	case "seed":
		err = seedCatalog(ctx, cfg, log)
	case "seed-large":
		err = seedLarge(ctx, cfg, log, large, stdout)
	default:
		err = serve(ctx, cfg, log, h)
	}
	if err != nil && !errors.Is(err, context.Canceled) {
		log.Error("product: "+cmd+" failed", "err", err)
		return exitFailure
	}
	return exitOK
}
