package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"sync"

	"github.com/jmoiron/sqlx"

	"github.com/nexus-commerce/nexus/migrations"
	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
	"github.com/nexus-commerce/nexus/subgraphs/kit/events"
	"github.com/nexus-commerce/nexus/subgraphs/kit/migrate"
	"github.com/nexus-commerce/nexus/subgraphs/kit/pg"
	"github.com/nexus-commerce/nexus/subgraphs/product/index"
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
// draining in-flight requests for up to cfg.ShutdownTimeout. Next to the
// HTTP server runs the outbox relay, which publishes committed catalog
// events to the bus the subscriptions read (NEXUS_BUS, PostgreSQL by
// default). Shutdown closes the bus first, which ends every open
// subscription stream so SSE requests do not hold up the drain.
func serve(ctx context.Context, cfg Config, log *slog.Logger, h hooks) error {
	db, err := openMigrated(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer db.Close()
	bus, err := events.FromEnv(ctx, db, cfg.DB.URL, domain, os.LookupEnv)
	if err != nil {
		return fmt.Errorf("event bus: %w", err)
	}
	var closeBus sync.Once
	stopBus := func() {
		closeBus.Do(func() {
			if err := bus.Close(); err != nil {
				log.Warn("closing the event bus", "err", err)
			}
		})
	}
	defer stopBus()
	log.Info("event bus ready", "bus", busName(bus))
	if cfg.Mode == ModeDevelopment {
		log.Warn("NEXUS_MODE=development: GraphQL requests that did not come through the router are served too (as anonymous); production refuses them")
		if len(cfg.RouterSecret) == 0 {
			log.Warn(kitauth.SecretEnv + " is not set: callers are anonymous and the admin mutations are refused")
		}
	}
	st := store.New(db)
	// The catalog index builds in the background and follows the bus
	// until ctx ends (then the bus closes and Run returns).
	ix := index.New(st, st, log)
	ictx, stopIndex := context.WithCancel(ctx)
	indexDone := make(chan struct{})
	go func() {
		defer close(indexDone)
		_ = ix.Run(ictx, bus) // returns ictx's error on shutdown
	}()
	defer func() { stopIndex(); <-indexDone }()
	srv, err := newServer(cfg, log, db, st, ix, bus)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.HTTPAddr)
	if err != nil {
		return fmt.Errorf("listen on HTTP_ADDR %s: %w", cfg.HTTPAddr, err)
	}

	relayDone := make(chan error, 1)
	relay := &events.Relay{DB: db, Schema: domain, Bus: bus, Log: log, DSN: cfg.DB.URL}
	go func() { relayDone <- relay.Run(ctx) }()
	stopping := context.AfterFunc(ctx, stopBus)
	defer stopping()

	log.Info("product subgraph ready", "addr", ln.Addr().String(), "mode", cfg.Mode, "image_links", cfg.PublicURL+"/images/")
	if h.listening != nil {
		h.listening(ln.Addr())
	}
	err = srv.Serve(ctx, ln)
	if rerr := <-relayDone; rerr != nil {
		err = errors.Join(err, fmt.Errorf("outbox relay: %w", rerr))
	}
	return err
}

// busName names the bus implementation for the start-up log, so an
// operator sees at a glance whether events stay in PostgreSQL or go to NATS.
func busName(b events.Bus) string {
	switch b.(type) {
	case *events.PGBus:
		return "postgres"
	case *events.NATSBus:
		return "nats"
	}
	return fmt.Sprintf("%T", b)
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
