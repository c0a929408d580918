package migrate

import (
	"errors"
	"fmt"

	"github.com/golang-migrate/migrate/v4/source"
	"github.com/lib/pq"
)

// ErrDirty marks a schema whose last migration failed part-way; services
// must not start on it, and only an operator can decide what was applied.
var ErrDirty = errors.New("migration state is dirty")

// dirtyError explains how to recover from a dirty version: undo what the
// failed migration left behind, then record the last good version.
func dirtyError(domain string, v uint, src source.Driver) error {
	table := pq.QuoteIdentifier(domain) + "." + VersionTable
	fix := fmt.Sprintf("DELETE FROM %s;", table)
	if prev, err := src.Prev(v); err == nil {
		fix = fmt.Sprintf("UPDATE %s SET version = %d, dirty = false;", table, prev)
	}
	return fmt.Errorf("migrate %s: version %d: %w: migration %d failed part-way. "+
		"Check schema %s for what it changed (PostgreSQL usually rolled the whole file back), undo that, "+
		"fix the migration, then mark the last good version with\n    %s\nand restart the service",
		domain, v, ErrDirty, v, pq.QuoteIdentifier(domain), fix)
}
