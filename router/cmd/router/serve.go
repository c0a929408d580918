package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"

	"github.com/nexus-commerce/nexus/router/internal/config"
	"github.com/nexus-commerce/nexus/router/internal/gateway"
	"github.com/nexus-commerce/nexus/router/internal/graphiql"
	"github.com/nexus-commerce/nexus/router/internal/server"
	"github.com/nexus-commerce/nexus/router/internal/source"
)

func serve(ctx context.Context, args []string, stderr io.Writer) error {
	fs := newFlags("serve", stderr)
	cfgPath := fs.String("config", envOr("ROUTER_CONFIG", "router.yaml"), "")
	sgPath := fs.String("supergraph", os.Getenv("ROUTER_SUPERGRAPH"), "")
	listen := fs.String("listen", "", "")
	if err := fs.Parse(args); err != nil {
		return err
	}
	log, err := newLogger(stderr)
	if err != nil {
		return err
	}
	cfg, err := loadConfig(*cfgPath, *sgPath, *listen)
	if err != nil {
		return err
	}
	sg, err := source.Load(ctx, cfg)
	if err != nil {
		return err
	}
	urls := map[string]string{}
	for _, s := range cfg.Subgraphs {
		urls[s.Name] = s.RoutingURL
	}
	gw, err := gateway.New(gateway.Options{Supergraph: sg, URLs: urls, SubgraphTimeout: cfg.Limits.SubgraphTimeout, Log: log})
	if err != nil {
		return err
	}
	defer gw.Close()

	opts := server.Options{Log: log, Path: cfg.GraphQLPath, Limits: cfg.Limits, ShutdownTimeout: cfg.ShutdownTimeout}
	if *cfg.GraphiQL {
		opts.GraphiQL = graphiql.Handler(graphiql.Config{Endpoint: cfg.GraphQLPath, Title: "Nexus"})
		opts.WantsHTML = graphiql.WantsHTML
		opts.Assets = opts.GraphiQL
		opts.AssetPrefix = graphiql.AssetPrefix
	}
	srv := server.New(opts)
	srv.Swap(gw)

	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return fmt.Errorf("listen %s: %w", cfg.Listen, err)
	}
	names := make([]string, len(sg.Graphs))
	for i, g := range sg.Graphs {
		names[i] = g.Name
	}
	log.Info("router listening", "url", "http://"+ln.Addr().String()+cfg.GraphQLPath, "subgraphs", names)
	return srv.Serve(ctx, ln)
}

// loadConfig reads the config file and applies flag overrides. Without a
// config file, --supergraph alone is enough to serve.
func loadConfig(path, supergraph, listen string) (*config.Config, error) {
	var cfg *config.Config
	if _, err := os.Stat(path); err == nil || supergraph == "" {
		c, err := config.Load(path, os.LookupEnv)
		if err != nil {
			return nil, err
		}
		cfg = c
	} else {
		cfg = &config.Config{}
		cfg.Defaults()
	}
	if supergraph != "" {
		abs, err := absPath(supergraph)
		if err != nil {
			return nil, err
		}
		cfg.Supergraph = abs
	}
	if listen != "" {
		cfg.Listen = listen
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return cfg, nil
}

func absPath(p string) (string, error) {
	if p == "" {
		return "", nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	if p[0] == '/' {
		return p, nil
	}
	return wd + "/" + p, nil
}
