package authbench

import (
	"context"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/nexus-commerce/nexus/subgraphs/kit/pgtest"
)

// psql runs SQL (a file with -f, or a script on stdin) against url.
func psql(t *testing.T, url, stdin string, args ...string) {
	t.Helper()
	cmd := exec.Command("psql", append([]string{"-Atq", "-v", "ON_ERROR_STOP=1", url}, args...)...)
	cmd.Stdin = strings.NewReader(stdin)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("psql %v: %v: %s", args, err, out)
	}
}

// The counter is read from the auth service's real schema: its migrations,
// applied in order to a throwaway database (run `make test`, or export
// DATABASE_URL), with keys as the service writes them.
func TestThrottleFailuresReadsTheAuthSchema(t *testing.T) {
	if _, err := exec.LookPath("psql"); err != nil {
		t.Fatal("psql is missing (make db installs postgresql-client); bench-auth needs it too")
	}
	url := pgtest.URL(t)
	files, err := filepath.Glob(filepath.Join("..", "..", "..", "migrations", "auth", "*.up.sql"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no auth migrations found (%v)", err)
	}
	slices.Sort(files)
	psql(t, url, "CREATE SCHEMA auth;") // kit/migrate makes the domain's schema before its migrations
	for _, f := range files {
		psql(t, url, "", "-f", f)
	}
	tricky := accountKey(" O'Brien@Example.com ")
	psql(t, url, `INSERT INTO auth.throttle (key, failures, window_start, last_failure) VALUES
		(:'a', 7, now(), now()), (:'b', 30, now(), now()), (:'c', 2, now(), now());`,
		"-v", "a="+accountKey("a@bench.local"), "-v", "b="+addressKey("127.0.0.3"), "-v", "c="+tricky)

	tests := []struct {
		key   string
		n     int
		found bool
	}{
		{accountKey("A@bench.local"), 7, true},
		{addressKey("127.0.0.3"), 30, true},
		{accountKey("o'brien@example.com"), 2, true},
		{addressKey("127.0.0.9"), 0, false},
	}
	for _, tt := range tests {
		n, found, err := throttleFailures(context.Background(), url, tt.key)
		if err != nil || n != tt.n || found != tt.found {
			t.Errorf("%q: %d, %v, %v; want %d, %v", tt.key, n, found, err, tt.n, tt.found)
		}
	}
	if _, _, err := throttleFailures(context.Background(), pgtest.URL(t), addressKey("127.0.0.1")); err == nil {
		t.Error("a database without the auth schema: no error")
	}
}
