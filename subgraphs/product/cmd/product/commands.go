package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"

	"github.com/jmoiron/sqlx"

	"github.com/nexus-commerce/nexus/migrations"
	"github.com/nexus-commerce/nexus/subgraphs/kit/migrate"
	"github.com/nexus-commerce/nexus/subgraphs/kit/pg"
	"github.com/nexus-commerce/nexus/subgraphs/product/seed"
	"github.com/nexus-commerce/nexus/subgraphs/product/store"
)

// domain is the PostgreSQL schema and migration set this service owns.
const domain = "product"

// migrateOnly applies pending migrations; it is what `make migrate` and a
// deployment's pre-start job run.
func migrateOnly(ctx context.Context, cfg Config, log *slog.Logger) error {
	db, err := openMigrated(ctx, cfg, log)
	if err != nil {
		return err
	}
	return db.Close()
}

// seedCatalog migrates, then loads the demo catalog. seed.Run leaves a
// catalog that already has products alone, so running it twice is harmless.
func seedCatalog(ctx context.Context, cfg Config, log *slog.Logger) error {
	db, err := openMigrated(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := seed.Run(ctx, db, log); err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	return nil
}

// serve migrates, then serves until ctx is cancelled (SIGINT or SIGTERM),
// draining in-flight requests for up to cfg.ShutdownTimeout.
func serve(ctx context.Context, cfg Config, log *slog.Logger, h hooks) error {
	db, err := openMigrated(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer db.Close()
	srv, err := newServer(cfg, log, db, store.New(db))
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.HTTPAddr)
	if err != nil {
		return fmt.Errorf("listen on HTTP_ADDR %s: %w", cfg.HTTPAddr, err)
	}
	log.Info("product subgraph ready", "graphql", cfg.PublicURL+"/graphql", "images", cfg.PublicURL+"/images/")
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
