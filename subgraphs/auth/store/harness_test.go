package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/jmoiron/sqlx"

	"github.com/nexus-commerce/nexus/migrations"
	"github.com/nexus-commerce/nexus/subgraphs/auth/store"
	"github.com/nexus-commerce/nexus/subgraphs/kit/migrate"
	"github.com/nexus-commerce/nexus/subgraphs/kit/pgtest"
)

// migrated is a fresh database with the auth schema.
func migrated(t testing.TB) *sqlx.DB {
	t.Helper()
	db := pgtest.New(t)
	fsys, err := migrations.FS("auth")
	if err != nil {
		t.Fatal(err)
	}
	if err := migrate.Up(context.Background(), db, "auth", fsys, nil); err != nil {
		t.Fatal(err)
	}
	return db
}

func asRefreshError(err error, target **store.RefreshError) bool { return errors.As(err, target) }
