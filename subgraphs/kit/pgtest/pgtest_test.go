package pgtest_test

import (
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/jmoiron/sqlx"

	"github.com/nexus-commerce/nexus/subgraphs/kit/pgtest"
)

// exists reports whether the server behind DATABASE_URL has database name.
func exists(t *testing.T, name string) bool {
	t.Helper()
	admin, err := sqlx.Connect("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	var n int
	if err := admin.Get(&n, `SELECT count(*) FROM pg_database WHERE datname = $1`, name); err != nil {
		t.Fatal(err)
	}
	return n == 1
}

func TestNewCreatesAndDrops(t *testing.T) {
	var names []string
	for i := range 2 {
		t.Run(fmt.Sprint("db", i), func(t *testing.T) {
			db := pgtest.New(t)
			var name string
			if err := db.Get(&name, `SELECT current_database()`); err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(name, pgtest.Prefix+"pgtest_test_testnewcreatesanddrops_") || len(name) > 63 {
				t.Errorf("name = %q, want nexus_test_<pkg>_<test>_<random>", name)
			}
			if _, err := db.Exec(`CREATE TABLE t (id int)`); err != nil {
				t.Fatal(err)
			}
			names = append(names, name)
		})
	}
	if names[0] == names[1] {
		t.Fatalf("two tests got the same database %q", names[0])
	}
	for _, name := range names {
		if exists(t, name) {
			t.Errorf("database %s outlived its test", name)
		}
	}
}

func TestURLIsUsableAndDroppedWithOpenConnections(t *testing.T) {
	var name string
	var leaked *sqlx.DB
	t.Run("inner", func(t *testing.T) {
		u := pgtest.URL(t)
		got, _ := url.Parse(u)
		base, _ := url.Parse(os.Getenv("DATABASE_URL"))
		if got.Host != base.Host || got.RawQuery != base.RawQuery || got.User.String() != base.User.String() {
			t.Fatalf("URL %s does not keep the server, user and options of DATABASE_URL", u)
		}
		db, err := sqlx.Connect("postgres", u)
		if err != nil {
			t.Fatal(err)
		}
		leaked = db // deliberately left open: the drop must not wait for it
		if err := db.Get(&name, `SELECT current_database()`); err != nil {
			t.Fatal(err)
		}
	})
	defer leaked.Close()
	if name == "" || exists(t, name) {
		t.Fatalf("database %q not dropped", name)
	}
}

// fakeTB records Fatal instead of stopping the real test.
type fakeTB struct {
	testing.TB
	msg string
}

type fatal struct{}

func (f *fakeTB) Helper()                      {}
func (f *fakeTB) Fatal(args ...any)            { f.msg = fmt.Sprint(args...); panic(fatal{}) }
func (f *fakeTB) Fatalf(s string, args ...any) { f.Fatal(fmt.Sprintf(s, args...)) }

func TestMissingDatabaseURL(t *testing.T) {
	t.Setenv("DATABASE_URL", "")
	for name, call := range map[string]func(testing.TB){
		"New": func(tb testing.TB) { pgtest.New(tb) },
		"URL": func(tb testing.TB) { pgtest.URL(tb) },
	} {
		t.Run(name, func(t *testing.T) {
			f := &fakeTB{TB: t}
			func() {
				defer func() {
					if p := recover(); p != nil && p != (fatal{}) {
						panic(p)
					}
				}()
				call(f)
			}()
			if f.msg != pgtest.MissingURL {
				t.Fatalf("Fatal(%q), want %q", f.msg, pgtest.MissingURL)
			}
		})
	}
}
