// Package pgtest gives each test its own throwaway PostgreSQL database on
// the server DATABASE_URL points at (make test starts one), dropped when the
// test ends, so tests run against real PostgreSQL, in parallel, without
// seeing each other's data.
package pgtest

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net/url"
	"os"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// MissingURL is the failure message when DATABASE_URL is unset; it tells
// the developer the one command that fixes it.
const MissingURL = "DATABASE_URL is not set: run `make test` (it starts PostgreSQL) or export DATABASE_URL"

// Prefix starts the name of every database pgtest creates, so leftovers of
// a killed test run are easy to find and drop.
const Prefix = "nexus_test_"

var unsafe = regexp.MustCompile(`[^a-z0-9_]+`)

// URL creates a fresh, empty database and returns its URL, for tests that
// start whole services from a DATABASE_URL. The database is dropped
// (WITH (FORCE), so open connections do not keep it alive) when the test
// ends.
func URL(t testing.TB) string {
	t.Helper()
	base := os.Getenv("DATABASE_URL")
	if base == "" {
		t.Fatal(MissingURL)
	}
	u, err := url.Parse(base)
	if err != nil || u.Scheme == "" {
		t.Fatalf("pgtest: DATABASE_URL must be a postgres:// URL: %v", err)
	}
	name := dbName(callerPackage(), t.Name())
	admin, err := sqlx.Open("postgres", base)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	defer admin.Close()
	if err := create(admin, name); err != nil {
		t.Fatalf("pgtest: create database %s on %s: %v", name, redacted(u), err)
	}
	t.Cleanup(func() {
		a, err := sqlx.Open("postgres", base)
		if err != nil {
			t.Errorf("pgtest: %v", err)
			return
		}
		defer a.Close()
		if _, err := a.Exec(`DROP DATABASE IF EXISTS ` + pq.QuoteIdentifier(name) + ` WITH (FORCE)`); err != nil {
			t.Errorf("pgtest: drop database %s: %v", name, err)
		}
	})
	u.Path = "/" + name
	u.RawPath = ""
	return u.String()
}

// New creates a fresh, empty database and returns a pool connected to it,
// closed and dropped when the test ends.
func New(t testing.TB) *sqlx.DB {
	t.Helper()
	db, err := sqlx.Open("postgres", URL(t))
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	db.SetMaxOpenConns(20)
	db.SetConnMaxIdleTime(time.Minute)
	// Registered after URL's cleanup, so it runs first: close before drop.
	t.Cleanup(func() { db.Close() })
	if err := db.Ping(); err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	return db
}

// create runs CREATE DATABASE, retrying while template1 is briefly busy
// (another session connected to it makes CREATE DATABASE fail with 55006).
func create(admin *sqlx.DB, name string) error {
	var err error
	for attempt := 0; attempt < 20; attempt++ {
		_, err = admin.Exec(`CREATE DATABASE ` + pq.QuoteIdentifier(name))
		var pqErr *pq.Error
		if err == nil || !errors.As(err, &pqErr) || pqErr.Code != "55006" {
			return err
		}
		time.Sleep(50 * time.Millisecond) // waiting on another server session, not on this test
	}
	return err
}

// dbName builds nexus_test_<pkg>_<test>_<random>, within PostgreSQL's 63
// bytes, so a leftover database says where it came from.
func dbName(pkg, test string) string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	part := func(s string, n int) string {
		s = strings.Trim(unsafe.ReplaceAllString(strings.ToLower(s), "_"), "_")
		return s[:min(len(s), n)]
	}
	return Prefix + part(pkg, 16) + "_" + part(test, 26) + "_" + hex.EncodeToString(b[:])
}

// callerPackage names the package of the first caller outside pgtest
// ("store" for github.com/.../product/store.TestX).
func callerPackage() string {
	pcs := make([]uintptr, 16)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(2, pcs)])
	for {
		f, more := frames.Next()
		fn := f.Function[strings.LastIndex(f.Function, "/")+1:]
		pkg, _, _ := strings.Cut(fn, ".")
		if pkg != "pgtest" && pkg != "" {
			return pkg
		}
		if !more {
			return "unknown"
		}
	}
}

// redacted is the server URL without password, for failure messages.
func redacted(u *url.URL) string {
	c := *u
	if c.User != nil {
		c.User = url.User(c.User.Username())
	}
	return c.String()
}
