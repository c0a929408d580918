// Command product is the Nexus product subgraph: the catalog's GraphQL API
// (federation v2) at /graphql and its placeholder images under /images/.
//
// One binary serves, migrates and seeds, so a container image or `make run`
// needs nothing else. Run `product -h` for the subcommands and environment.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr, hooks{})
	stop()
	os.Exit(code)
}
