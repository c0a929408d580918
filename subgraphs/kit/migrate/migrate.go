// Package migrate applies a domain's embedded SQL migrations into that
// domain's own PostgreSQL schema with golang-migrate. Every service calls Up
// on start, so it must be safe when several replicas start at once.
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

// VersionTable is the name of each schema's migration version table
// (<domain>.schema_migrations), fixed by docs/conventions.md.
const VersionTable = "schema_migrations"

// validDomain keeps schema names plain lower-case identifiers (they are
// still quoted everywhere: "order" is a reserved word).
var validDomain = regexp.MustCompile(`^[a-z][a-z0-9_]{0,62}$`)

// Up applies every pending migration of fsys (golang-migrate naming,
// NNNN_name.up.sql) into schema <domain>, creating it if missing, with the
// version table <domain>.schema_migrations. While it runs, the connection's
// search_path is <domain>, public, so migrations may use unqualified names.
//
// One session holds a PostgreSQL advisory lock keyed on the domain across
// schema creation and the whole migration, so among replicas starting
// together one migrates and the others wait, then find nothing to do.
// Nothing to do is success. A dirty version (a migration failed part-way,
// here or earlier) is an error wrapping ErrDirty that tells the operator
// how to recover. Cancelling ctx stops waiting for the lock and stops
// between migrations.
func Up(ctx context.Context, db *sqlx.DB, domain string, fsys fs.FS, log *slog.Logger) error {
	if !validDomain.MatchString(domain) {
		return fmt.Errorf("migrate: invalid domain name %q (want a lower-case identifier like product)", domain)
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	src, err := iofs.New(fsys, ".")
	if err != nil {
		return fmt.Errorf("migrate %s: read migrations: %w", domain, err)
	}
	defer src.Close()
	sess, err := lock(ctx, db, domain, log)
	if err != nil {
		return fmt.Errorf("migrate %s: %w", domain, err)
	}
	defer sess.release()

	schema := pq.QuoteIdentifier(domain)
	if _, err := sess.conn.ExecContext(ctx, `CREATE SCHEMA IF NOT EXISTS `+schema); err != nil {
		return fmt.Errorf("migrate %s: create schema: %w", domain, err)
	}
	if _, err := sess.conn.ExecContext(ctx, `SET search_path TO `+schema+`, public`); err != nil {
		return fmt.Errorf("migrate %s: set search_path: %w", domain, err)
	}
	drv, err := postgres.WithConnection(ctx, sess.conn, &postgres.Config{MigrationsTable: VersionTable, SchemaName: domain})
	if err != nil {
		return fmt.Errorf("migrate %s: driver: %w", domain, err)
	}
	m, err := gomigrate.NewWithInstance("iofs", src, "postgres", drv)
	if err != nil {
		return fmt.Errorf("migrate %s: %w", domain, err)
	}
	before, dirty, err := version(m)
	if err != nil {
		return fmt.Errorf("migrate %s: read version: %w", domain, err)
	}
	if dirty {
		return dirtyError(domain, before, src)
	}

	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case <-ctx.Done():
			m.GracefulStop <- true
		case <-done:
		}
	}()
	upErr := m.Up()
	if errors.Is(upErr, gomigrate.ErrNoChange) {
		log.Debug("migrations up to date", "domain", domain, "version", before)
		return nil
	}
	after, dirty, verr := version(m)
	if upErr != nil {
		if verr == nil && dirty {
			return fmt.Errorf("%w\n%w", upErr, dirtyError(domain, after, src))
		}
		return fmt.Errorf("migrate %s: %w", domain, upErr)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("migrate %s: stopped at version %d: %w", domain, after, err)
	}
	log.Info("migrations applied", "domain", domain, "from", before, "to", after)
	return nil
}

// version is m.Version with "no migration yet" as version 0.
func version(m *gomigrate.Migrate) (uint, bool, error) {
	v, dirty, err := m.Version()
	if errors.Is(err, gomigrate.ErrNilVersion) {
		return 0, false, nil
	}
	return v, dirty, err
}
