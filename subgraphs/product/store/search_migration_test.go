package store

import (
	"context"
	"io/fs"
	"testing"

	"github.com/nexus-commerce/nexus/migrations"
	"github.com/nexus-commerce/nexus/subgraphs/kit/migrate"
)

// TestMigration0007UpAndDown: the down migration drops the trigram
// indexes but keeps pg_trgm (other schemas may use it), and migrating up
// again over the kept extension works.
func TestMigration0007UpAndDown(t *testing.T) {
	t.Parallel()
	db := migrated(t)
	ctx := context.Background()
	all, _ := migrations.FS("product")
	down, err := fs.ReadFile(all, "0007_search.down.sql")
	if err != nil {
		t.Fatal(err)
	}
	mustExec(t, db, string(down))
	mustExec(t, db, `UPDATE product.schema_migrations SET version = 6`)
	var indexes, ext int
	if err := db.Get(&indexes, `SELECT count(*) FROM pg_indexes WHERE schemaname = 'product' AND indexname LIKE '%trgm%'`); err != nil || indexes != 0 {
		t.Fatalf("trigram indexes after down: %d, %v", indexes, err)
	}
	if err := db.Get(&ext, `SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'`); err != nil || ext != 1 {
		t.Fatalf("pg_trgm after down: %d, %v (must stay)", ext, err)
	}
	if err := migrate.Up(ctx, db, "product", all, nil); err != nil {
		t.Fatalf("up again: %v", err)
	}
	if err := db.Get(&indexes, `SELECT count(*) FROM pg_indexes WHERE schemaname = 'product' AND indexname LIKE '%trgm%'`); err != nil || indexes != 2 {
		t.Fatalf("trigram indexes after up: %d, %v", indexes, err)
	}
	if _, err := New(db).Suggest(ctx, "snekers", 5); err != nil {
		t.Fatalf("typo search after up: %v", err)
	}
}
