// Command router is the Nexus federation router: it composes (or loads) the
// supergraph and serves it over HTTP.
//
//	router [serve] [--config router.yaml] [--supergraph file] [--listen addr]
//	router compose [--config router.yaml] [--out schema/supergraph.graphql]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

const usage = `Usage:
  router [serve] [flags]    serve the supergraph over HTTP (default)
  router compose [flags]    compose the configured subgraphs and print or write the supergraph
  router healthcheck        exit 0 when the router at --listen (or the config's listen) answers /healthz

Flags (serve):
  --config PATH       router config file (env ROUTER_CONFIG; default router.yaml,
                      read only when --supergraph is not given)
  --supergraph PATH   serve this supergraph file instead of composing (env ROUTER_SUPERGRAPH)
  --listen ADDR       listen address, overrides the config (env ROUTER_LISTEN)

Flags (compose):
  --config PATH       router config file
  --out PATH          write the supergraph here instead of stdout

Reload: SIGHUP (or watch.enabled in the config) re-reads the config and the
supergraph; requests in flight finish on the previous one.

Environment: LOG_LEVEL (debug|info|warn|error), LOG_FORMAT (text|json).
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		fmt.Fprintln(os.Stderr, "router:", err)
		os.Exit(1)
	}
}

// run dispatches subcommands; it is main without the process exits, so
// tests can drive the binary's logic in-process.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cmd := "serve"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		return serve(ctx, args, stderr)
	case "compose":
		return composeCmd(ctx, args, stdout, stderr)
	case "healthcheck":
		return healthcheck(ctx, args, stderr)
	case "help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprint(stderr, usage)
		return fmt.Errorf("unknown command %q", cmd)
	}
}

func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	return fs
}

func envOr(key, def string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return def
}

func newLogger(w io.Writer) (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(envOr("LOG_LEVEL", "info"))); err != nil {
		return nil, fmt.Errorf("LOG_LEVEL: %w", err)
	}
	opts := &slog.HandlerOptions{Level: level}
	switch f := envOr("LOG_FORMAT", "text"); f {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	default:
		return nil, fmt.Errorf("LOG_FORMAT: %q is not text or json", f)
	}
}
