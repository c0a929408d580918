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

const usage = `auth — the Nexus auth subgraph (accounts, sessions, signing keys).

Usage:
  auth [serve]      apply migrations, then serve until SIGINT/SIGTERM (default)
  auth migrate      apply the auth schema migrations and exit
  auth seed         apply migrations, create the two development accounts when absent
                    (admin@nexus.local / Admin-password-1, shopper@nexus.local /
                    Shopper-password-1, emails verified) and exit
  auth create-admin --email E [--first-name F] [--last-name L]
                    create an ADMIN account (or promote the existing account of E);
                    the password is read from AUTH_ADMIN_PASSWORD or, when unset,
                    from the first line of standard input — never from a flag
  auth healthcheck  exit 0 when the local server's /readyz answers 200
  auth help         print this help (also -h, --help)

Environment:
  DATABASE_URL      PostgreSQL URL (required)
  HTTP_ADDR         listen address (default :4002)
  PUBLIC_URL        storefront origin for mail links (default http://127.0.0.1:4000)
  NEXUS_MODE        production (default): GraphQL and /revocations only from the router;
                    development: direct requests are served too, as anonymous
  NEXUS_ROUTER_SECRET  secret shared with the router (32+ bytes); required in production
  SMTP_ADDR         mail server (default 127.0.0.1:1025); SMTP_USERNAME, SMTP_PASSWORD optional
  SMTP_TLS          off, starttls or tls (default off in development, starttls in production)
  MAIL_FROM         sender (default "Nexus <no-reply@nexus.local>")
  AUTH_ISSUER, AUTH_AUDIENCE  access tokens' iss and aud (default nexus-auth, nexus)
  AUTH_ACCESS_TTL   access-token lifetime (default 15m)
  AUTH_REFRESH_TTL  absolute session lifetime (default 720h = 30 days)
  AUTH_REFRESH_IDLE_TTL  session idle lifetime (default 168h = 7 days)
  AUTH_KEY_ROTATION  signing key rotation period (default 24h)
  AUTH_KEY_PUBLISH_AHEAD  how long a new key is in the JWKS before it signs (default 10m)
  AUTH_SIGNING_KEY_FILE  PEM P-256 private key to sign with (no generation, no rotation)
  AUTH_KEY_ENCRYPTION_KEY  seals generated private keys in the database (32+ characters)
  AUTH_COOKIE_NAME  session cookie name (default nexus_session)
  AUTH_COOKIE_SECURE  auto (default: Secure when PUBLIC_URL is https), true or false
  GRAPHQL_MAX_DEPTH, GRAPHQL_MAX_ALIASES, GRAPHQL_MAX_FIELDS, GRAPHQL_MAX_BODY_BYTES
  DB_CONNECT_TIMEOUT, SHUTDOWN_TIMEOUT, LOG_LEVEL, LOG_FORMAT  as for every subgraph

Endpoints (serve):
  /graphql                GraphQL; sets and reads the session cookie
  /.well-known/jwks.json  public keys of the access tokens (public, cacheable 5 min)
  /revocations            revocation feed the router long-polls (router-signed requests)
  /healthz /readyz        liveness and readiness
`

// hooks let tests observe a running server without parsing logs.
type hooks struct {
	// listening, when set, receives the bound address once serve accepts connections.
	listening func(net.Addr)
}

// run executes one invocation and returns the process exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, h hooks) int {
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
	case "serve", "migrate", "seed", "create-admin":
	default:
		fmt.Fprintf(stderr, "auth: unknown command %q\n\n%s", cmd, usage)
		return exitUsage
	}
	var admin adminArgs
	if len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help") {
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	if cmd == "create-admin" {
		var err error
		if admin, err = parseAdminArgs(args); err != nil {
			fmt.Fprintf(stderr, "auth create-admin: %v\n\n%s", err, usage)
			return exitUsage
		}
	} else if len(args) > 0 {
		fmt.Fprintf(stderr, "auth %s: unexpected argument %q (configuration comes from the environment)\n\n%s", cmd, args[0], usage)
		return exitUsage
	}

	log, err := logging.FromEnv(stderr)
	if err != nil {
		fmt.Fprintf(stderr, "auth: %v\n", err)
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
		fmt.Fprintf(stderr, "auth: invalid configuration: %v\n\nRun 'auth -h' for the environment variables.\n", err)
		return exitUsage
	}

	switch cmd {
	case "migrate":
		err = migrateOnly(ctx, cfg, log)
	case "seed":
		err = seed(ctx, cfg, log, stdout)
	case "create-admin":
		err = createAdmin(ctx, cfg, log, admin, stdin, stdout)
	default:
		err = serve(ctx, cfg, log, h)
	}
	if err != nil && !errors.Is(err, context.Canceled) {
		log.Error("auth: "+cmd+" failed", "err", err)
		fmt.Fprintf(stderr, "auth %s: %v\n", cmd, err)
		return exitFailure
	}
	return exitOK
}
