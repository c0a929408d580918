// Package pgtest gives each test its own throwaway PostgreSQL database on
// the server DATABASE_URL points at (make test starts one), dropped when the
// test ends, so tests run against real PostgreSQL and never see each
// other's data.
package pgtest

import (
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

var unsafe = regexp.MustCompile(`[^a-z0-9_]+`)

// URL creates a fresh database and returns its URL; the database is dropped
// (WITH (FORCE)) when the test ends.
func URL(t testing.TB) string {
	t.Helper()
	base := os.Getenv("DATABASE_URL")
	if base == "" {
		t.Fatal("DATABASE_URL is not set: run `make test` (it starts PostgreSQL) or export DATABASE_URL")
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("DATABASE_URL: %v", err)
	}
	admin, err := sqlx.Open("postgres", base)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	defer admin.Close()
	var b [4]byte
	_, _ = rand.Read(b[:])
	name := strings.ToLower(t.Name())
	name = unsafe.ReplaceAllString(name, "_")
	if len(name) > 30 {
		name = name[:30]
	}
	db := "nexus_test_" + name + "_" + hex.EncodeToString(b[:])
	if _, err := admin.Exec(`CREATE DATABASE ` + pq.QuoteIdentifier(db)); err != nil {
		t.Fatalf("pgtest: create database: %v", err)
	}
	t.Cleanup(func() {
		a, err := sqlx.Open("postgres", base)
		if err != nil {
			t.Errorf("pgtest: %v", err)
			return
		}
		defer a.Close()
		if _, err := a.Exec(`DROP DATABASE IF EXISTS ` + pq.QuoteIdentifier(db) + ` WITH (FORCE)`); err != nil {
			t.Errorf("pgtest: drop %s: %v", db, err)
		}
	})
	u.Path = "/" + db
	return u.String()
}

// New creates a fresh database and returns a pool connected to it.
func New(t testing.TB) *sqlx.DB {
	t.Helper()
	db, err := sqlx.Open("postgres", URL(t))
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	db.SetMaxOpenConns(10)
	db.SetConnMaxIdleTime(time.Minute)
	// Registered after URL's cleanup, so it runs first: close before drop.
	t.Cleanup(func() { db.Close() })
	if err := db.Ping(); err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	return db
}
