package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"

	"github.com/jmoiron/sqlx"

	"github.com/nexus-commerce/nexus/migrations"
	"github.com/nexus-commerce/nexus/subgraphs/customer/graph"
	"github.com/nexus-commerce/nexus/subgraphs/customer/store"
	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
	"github.com/nexus-commerce/nexus/subgraphs/kit/migrate"
	"github.com/nexus-commerce/nexus/subgraphs/kit/pg"
	"github.com/nexus-commerce/nexus/subgraphs/kit/server"
)

// domain is the PostgreSQL schema and migration set this service owns.
const domain = "customer"

// migrateOnly applies pending migrations; it is what a deployment's
// pre-start job runs.
func migrateOnly(ctx context.Context, cfg Config, log *slog.Logger) error {
	db, err := openMigrated(ctx, cfg, log)
	if err != nil {
		return err
	}
	return db.Close()
}

// serve migrates, then serves until ctx is cancelled (SIGINT or SIGTERM),
// draining in-flight requests for up to cfg.ShutdownTimeout.
func serve(ctx context.Context, cfg Config, log *slog.Logger, h hooks) error {
	db, err := openMigrated(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer db.Close()
	if cfg.Mode == ModeDevelopment {
		log.Warn("NEXUS_MODE=development: GraphQL requests that did not come through the router are served too (as anonymous); production refuses them")
		if len(cfg.RouterSecret) == 0 {
			log.Warn(kitauth.SecretEnv + " is not set: callers are anonymous and every account operation is refused")
		}
	}
	if cfg.TestTokenizer && cfg.Mode == ModeProduction {
		log.Warn("CUSTOMER_TEST_TOKENIZER=1: tokenizeTestCard is served in production")
	}
	srv, err := server.New(server.Options{
		Name: "customer",
		Addr: cfg.HTTPAddr,
		Log:  log,
		DB:   db,
		Schema: graph.NewSchema(&graph.Resolver{
			Store: store.New(db, nil), TestTokenizer: cfg.TestTokenizer,
		}),
		RouterSecret:    cfg.RouterSecret,
		RequireRouter:   cfg.Mode == ModeProduction,
		Limits:          cfg.Limits,
		MaxBodyBytes:    cfg.MaxBodyBytes,
		ShutdownTimeout: cfg.ShutdownTimeout,
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.HTTPAddr)
	if err != nil {
		return fmt.Errorf("listen on HTTP_ADDR %s: %w", cfg.HTTPAddr, err)
	}
	log.Info("customer subgraph ready", "addr", ln.Addr().String(), "mode", cfg.Mode, "test_tokenizer", cfg.TestTokenizer)
	if h.listening != nil {
		h.listening(ln.Addr())
	}
	return srv.Serve(ctx, ln)
}

// openMigrated connects and applies this service's migrations, the first
// step of every subcommand. pg.Open retries until the database answers or
// DB_CONNECT_TIMEOUT passes, so the service may start before PostgreSQL.
func openMigrated(ctx context.Context, cfg Config, log *slog.Logger) (*sqlx.DB, error) {
	db, err := pg.Open(ctx, cfg.DB, log)
	if err != nil {
		return nil, err
	}
	fsys, err := migrations.FS(domain)
	if err == nil {
		err = migrate.Up(ctx, db, domain, fsys, log)
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("migrate %s: %w", domain, err)
	}
	return db, nil
}
