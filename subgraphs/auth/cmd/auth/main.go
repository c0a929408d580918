// Command auth is the Nexus auth subgraph: accounts, sessions and the
// access tokens' signing keys. It serves GraphQL (federation v2) at
// /graphql, the JWKS at /.well-known/jwks.json and the revocation feed at
// /revocations.
//
// One binary serves, migrates, seeds and creates admins, so a container
// image or `make run` needs nothing else. Run `auth -h` for the
// subcommands and environment.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, hooks{})
	stop()
	os.Exit(code)
}
