package migrate

import (
	"context"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/nexus-commerce/nexus/subgraphs/kit/pgtest"
)

var testMigrations = fstest.MapFS{
	"0001_init.up.sql":   {Data: []byte(`CREATE TABLE widgets (id serial PRIMARY KEY, name text NOT NULL);`)},
	"0001_init.down.sql": {Data: []byte(`DROP TABLE widgets;`)},
	"0002_seed.up.sql":   {Data: []byte(`INSERT INTO widgets (name) VALUES ('once');`)},
	"0002_seed.down.sql": {Data: []byte(`DELETE FROM widgets;`)},
}

func TestUpConcurrentReplicas(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- Up(ctx, db, "order", testMigrations, nil)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("Up: %v", err)
		}
	}
	var n int
	if err := db.Get(&n, `SELECT count(*) FROM "order".widgets`); err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Fatalf("seed migration ran %d times, want 1", n)
	}
	var version int
	if err := db.Get(&version, `SELECT version FROM "order".schema_migrations`); err != nil {
		t.Fatal(err)
	}
	if version != 2 {
		t.Fatalf("version = %d", version)
	}
	if err := Up(ctx, db, "order", testMigrations, nil); err != nil {
		t.Fatalf("second Up: %v", err)
	}
}

func TestUpErrors(t *testing.T) {
	db := pgtest.New(t)
	if err := Up(context.Background(), db, "Bad-Name", testMigrations, nil); err == nil || !strings.Contains(err.Error(), "invalid domain") {
		t.Fatalf("err = %v", err)
	}
	broken := fstest.MapFS{"0001_bad.up.sql": {Data: []byte(`CREATE TABLE x (;`)}, "0001_bad.down.sql": {Data: []byte(``)}}
	if err := Up(context.Background(), db, "broken", broken, nil); err == nil {
		t.Fatal("broken migration applied")
	}
	if err := Up(context.Background(), db, "broken", broken, nil); err == nil || !strings.Contains(err.Error(), "dirty") {
		t.Fatalf("dirty state not reported: %v", err)
	}
}
