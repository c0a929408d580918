// Package migrate applies a domain's embedded SQL migrations into that
// domain's own PostgreSQL schema with golang-migrate. Every service calls Up
// on start, so it is safe when several replicas start at once.
package migrate

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"regexp"

	gomigrate "github.com/golang-migrate/migrate/v4"
	"github.com/golang-migrate/migrate/v4/database/postgres"
	"github.com/golang-migrate/migrate/v4/source/iofs"
	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

var validDomain = regexp.MustCompile(`^[a-z][a-z0-9_]{0,62}$`)

// Up applies every pending migration of fsys into schema <domain>, with the
// version table <domain>.schema_migrations. One session holds an advisory
// lock keyed on the domain for schema creation and the whole migration, so
// concurrent replicas run it once; the others wait and find nothing to do.
// A dirty version (a migration failed half-way) is an error telling the
// operator how to recover.
func Up(ctx context.Context, db *sqlx.DB, domain string, fsys fs.FS, log *slog.Logger) error {
	if !validDomain.MatchString(domain) {
		return fmt.Errorf("migrate: invalid domain name %q", domain)
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("migrate %s: %w", domain, err)
	}
	defer conn.Close()
	lockKey := "nexus-migrate:" + domain
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(hashtext($1))`, lockKey); err != nil {
		return fmt.Errorf("migrate %s: lock: %w", domain, err)
	}
	defer conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock(hashtext($1))`, lockKey) //nolint:errcheck // the session ends with the conn anyway
	schema := pq.QuoteIdentifier(domain)
	if _, err := conn.ExecContext(ctx, `CREATE SCHEMA IF NOT EXISTS `+schema); err != nil {
		return fmt.Errorf("migrate %s: create schema: %w", domain, err)
	}
	if _, err := conn.ExecContext(ctx, `SET search_path TO `+schema+`, public`); err != nil {
		return fmt.Errorf("migrate %s: search_path: %w", domain, err)
	}
	src, err := iofs.New(fsys, ".")
	if err != nil {
		return fmt.Errorf("migrate %s: source: %w", domain, err)
	}
	drv, err := postgres.WithConnection(ctx, conn, &postgres.Config{MigrationsTable: "schema_migrations", SchemaName: domain})
	if err != nil {
		return fmt.Errorf("migrate %s: driver: %w", domain, err)
	}
	m, err := gomigrate.NewWithInstance("iofs", src, "postgres", drv)
	if err != nil {
		return fmt.Errorf("migrate %s: %w", domain, err)
	}
	before, dirty, err := m.Version()
	if err != nil && !errors.Is(err, gomigrate.ErrNilVersion) {
		return fmt.Errorf("migrate %s: version: %w", domain, err)
	}
	if dirty {
		return fmt.Errorf("migrate %s: version %d is dirty (a migration failed part-way); fix the database by hand, then force the version with migrate's `force` command", domain, before)
	}
	if err := m.Up(); err != nil && !errors.Is(err, gomigrate.ErrNoChange) {
		return fmt.Errorf("migrate %s: %w", domain, err)
	}
	after, _, _ := m.Version()
	if after != before {
		log.Info("migrated", "domain", domain, "from", before, "to", after)
	}
	return nil
}
