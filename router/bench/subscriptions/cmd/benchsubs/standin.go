package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"os"

	"github.com/nexus-commerce/nexus/router/internal/config"
	"github.com/nexus-commerce/nexus/router/internal/gateway"
	"github.com/nexus-commerce/nexus/router/internal/server"
	"github.com/nexus-commerce/nexus/router/internal/source"
	"github.com/nexus-commerce/nexus/router/internal/subscriptions"
)

// serveStandIn is `benchsubs router-standin CONFIG`: the router's own
// gateway, HTTP server and subscription handler wired the way the
// router's tests wire them, from the same config file the benchmark
// writes for bin/router. It exists only until `router serve` mounts the
// subscription handler (then the benchmark uses bin/router and says so);
// -standin picks it explicitly. Auth, metrics, persisted operations and
// reload are left out: none of them is on the subscription path measured.
func serveStandIn(ctx context.Context, path string) error {
	cfg, err := config.Load(path, os.LookupEnv)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	sg, err := source.Load(ctx, cfg)
	if err != nil {
		return err
	}
	urls := map[string]string{}
	for _, s := range cfg.Subgraphs {
		urls[s.Name] = s.RoutingURL
	}
	gw, err := gateway.New(gateway.Options{
		Supergraph: sg, URLs: urls, SubgraphTimeout: cfg.Limits.SubgraphTimeout,
		DisableSingleFlight: !*cfg.Engine.SingleFlight, PlanCacheSize: cfg.Engine.PlanCacheSize,
		DisableIntrospection: !*cfg.Introspection, Limits: cfg.Limits.Operation(),
		MaskSubgraphErrors: *cfg.MaskSubgraphErrors, Log: log,
	})
	if err != nil {
		return err
	}
	var srv *server.Server
	h := subscriptions.New(subscriptions.Options{Gateway: func() *gateway.Gateway { return srv.Gateway() }, Log: log})
	srv = server.New(server.Options{Log: log, Path: cfg.GraphQLPath, Limits: cfg.Limits, ShutdownTimeout: cfg.ShutdownTimeout,
		Subscriptions: h, IsSubscription: subscriptions.Wants})
	srv.Swap(gw)
	defer func() {
		if g := srv.Swap(nil); g != nil {
			g.Close()
		}
	}()
	if addr := os.Getenv("ROUTER_PPROF_ADDR"); addr != "" {
		go func() {
			mux := http.NewServeMux()
			mux.HandleFunc("/debug/pprof/", pprof.Index)
			mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
			if err := http.ListenAndServe(addr, mux); err != nil {
				log.Error("pprof", "err", err)
			}
		}()
	}
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return fmt.Errorf("listen %s: %w", cfg.Listen, err)
	}
	if err := srv.Serve(ctx, ln); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return nil
}
