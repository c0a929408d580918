// Command customer is the Nexus customer subgraph: profile, address book,
// saved payment methods and wishlist (GraphQL federation v2, extending the
// auth subgraph's User) at /graphql.
//
// One binary serves and migrates, so a container image or `make run` needs
// nothing else. Run `customer -h` for the subcommands and environment.
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
