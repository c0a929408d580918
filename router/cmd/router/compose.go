package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/nexus-commerce/nexus/router/internal/config"
	"github.com/nexus-commerce/nexus/router/internal/source"
)

// composeCmd composes the configured subgraphs and writes the supergraph,
// which CI keeps committed as schema/supergraph.graphql.
func composeCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("compose", stderr)
	cfgPath := fs.String("config", envOr("ROUTER_CONFIG", "router.yaml"), "")
	out := fs.String("out", "", "")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg, err := config.Load(*cfgPath, os.LookupEnv)
	if err != nil {
		return err
	}
	cfg.Supergraph = ""
	sdl, err := source.Compose(ctx, cfg)
	if err != nil {
		return err
	}
	if *out == "" {
		_, err = io.WriteString(stdout, sdl)
		return err
	}
	if err := os.WriteFile(*out, []byte(sdl), 0o644); err != nil {
		return fmt.Errorf("compose: %w", err)
	}
	fmt.Fprintf(stderr, "wrote %s (%d subgraphs)\n", *out, len(cfg.Subgraphs))
	return nil
}
