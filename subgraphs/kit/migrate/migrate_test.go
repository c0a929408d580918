package migrate

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/jmoiron/sqlx"

	"github.com/nexus-commerce/nexus/subgraphs/kit/pgtest"
)

// migrations builds a migration set from up scripts, numbered from 1.
func migrations(ups ...string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for i, up := range ups {
		name := string(rune('1'+i)) + "_step"
		fsys["000"+name+".up.sql"] = &fstest.MapFile{Data: []byte(up)}
		fsys["000"+name+".down.sql"] = &fstest.MapFile{Data: []byte(`SELECT 1;`)}
	}
	return fsys
}

var widgets = migrations(
	`CREATE TABLE widgets (id serial PRIMARY KEY, name text NOT NULL);`, // unqualified: search_path is the domain's
	`INSERT INTO widgets (name) VALUES ('once');`,
)

// state reads a domain's version row and how many seed rows it has.
func state(t *testing.T, db *sqlx.DB, schema string) (version int, dirty bool, rows int) {
	t.Helper()
	if err := db.QueryRow(`SELECT version, dirty FROM `+schema+`.schema_migrations`).Scan(&version, &dirty); err != nil {
		t.Fatalf("version of %s: %v", schema, err)
	}
	if err := db.Get(&rows, `SELECT count(*) FROM `+schema+`.widgets`); err != nil {
		t.Fatalf("widgets of %s: %v", schema, err)
	}
	return version, dirty, rows
}

func TestUpAppliesIntoTheDomainSchema(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	for _, domain := range []string{"order", "product"} { // "order" is a reserved word
		t.Run(domain, func(t *testing.T) {
			for run := range 2 {
				if err := Up(ctx, db, domain, widgets, nil); err != nil {
					t.Fatalf("Up #%d: %v", run+1, err)
				}
				if v, dirty, rows := state(t, db, `"`+domain+`"`); v != 2 || dirty || rows != 1 {
					t.Fatalf("after Up #%d: version %d dirty %v rows %d, want 2 false 1", run+1, v, dirty, rows)
				}
			}
		})
	}
	var inPublic int
	if err := db.Get(&inPublic, `SELECT count(*) FROM pg_tables WHERE schemaname = 'public'`); err != nil || inPublic != 0 {
		t.Fatalf("tables in public = %d, %v; want none", inPublic, err)
	}
}

func TestUpAppliesOnlyPendingMigrations(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	if err := Up(ctx, db, "shop", migrations(string(widgets["0001_step.up.sql"].Data)), nil); err != nil {
		t.Fatal(err)
	}
	if err := Up(ctx, db, "shop", widgets, nil); err != nil {
		t.Fatal(err)
	}
	if v, _, rows := state(t, db, "shop"); v != 2 || rows != 1 {
		t.Fatalf("version %d rows %d, want 2 and 1", v, rows)
	}
}

func TestUpConcurrentReplicas(t *testing.T) {
	db := pgtest.New(t)
	const replicas = 8
	var wg sync.WaitGroup
	errs := make(chan error, replicas)
	for range replicas {
		wg.Go(func() { errs <- Up(context.Background(), db, "order", widgets, nil) })
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("Up: %v", err)
		}
	}
	if v, dirty, rows := state(t, db, `"order"`); v != 2 || dirty || rows != 1 {
		t.Fatalf("version %d dirty %v rows %d; want the set applied exactly once", v, dirty, rows)
	}
}

func TestUpLeavesNoSessionStateInThePool(t *testing.T) {
	db, err := sqlx.Connect("postgres", pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // the migration's connection would be the one reused
	if err := Up(context.Background(), db, "order", widgets, nil); err != nil {
		t.Fatal(err)
	}
	var path string
	if err := db.Get(&path, `SHOW search_path`); err != nil || strings.Contains(path, "order") {
		t.Fatalf("search_path after Up = %q, %v", path, err)
	}
	var held int
	// Only this test's database: other test packages run at the same time
	// on the same server and hold advisory locks of their own (the event
	// relay's), which made this check flaky when it counted them all.
	if err := db.Get(&held, `SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database
		WHERE l.locktype = 'advisory' AND d.datname = current_database()`); err != nil || held != 0 {
		t.Fatalf("advisory locks held after Up = %d, %v", held, err)
	}
}

func TestUpErrors(t *testing.T) {
	broken := `CREATE TABLE x (;`
	tests := []struct {
		name   string
		domain string
		fsys   fstest.MapFS
		first  []string // in the error of the first Up
		again  []string // in the error of a second Up; nil: not run
	}{
		{"invalid domain", "Bad-Name", widgets, []string{`invalid domain name "Bad-Name"`}, nil},
		{"broken first migration", "one", migrations(broken),
			[]string{"syntax error", "dirty", `DELETE FROM "one".schema_migrations;`},
			[]string{"version 1", "dirty", `DELETE FROM "one".schema_migrations;`, "restart"}},
		{"broken second migration", "order", migrations(`CREATE TABLE ok (id int);`, broken),
			[]string{"syntax error", `UPDATE "order".schema_migrations SET version = 1, dirty = false;`},
			[]string{"version 2", `UPDATE "order".schema_migrations SET version = 1, dirty = false;`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := pgtest.New(t)
			check := func(err error, want []string) {
				t.Helper()
				for _, w := range want {
					if err == nil || !strings.Contains(err.Error(), w) {
						t.Errorf("err = %v\nwant it to contain %q", err, w)
					}
				}
			}
			check(Up(context.Background(), db, tt.domain, tt.fsys, nil), tt.first)
			if tt.again != nil {
				err := Up(context.Background(), db, tt.domain, tt.fsys, nil)
				t.Logf("second Up: %v", err)
				check(err, tt.again)
				if !errors.Is(err, ErrDirty) {
					t.Errorf("errors.Is(%v, ErrDirty) = false", err)
				}
			}
		})
	}
}
