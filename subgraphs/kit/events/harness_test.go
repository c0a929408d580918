package events

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/nexus-commerce/nexus/subgraphs/kit/pgtest"
)

// testDB is a throwaway database (and its URL, for listeners).
func testDB(t *testing.T) (*sqlx.DB, string) {
	t.Helper()
	dsn := pgtest.URL(t)
	db, err := sqlx.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(20)
	t.Cleanup(func() { db.Close() })
	return db, dsn
}

// createSchema creates schema with the event tables from SchemaSQL.
func createSchema(t testing.TB, db *sqlx.DB, schema string) {
	t.Helper()
	if _, err := db.Exec(`CREATE SCHEMA ` + pq.QuoteIdentifier(schema) + `; ` + SchemaSQL(schema)); err != nil {
		t.Fatalf("create schema %s: %v", schema, err)
	}
}

// natsServer is a nats-server this test binary started.
type natsServer struct{ URL string }

var (
	natsOnce sync.Once
	natsSrv  *natsServer
	natsErr  error
	natsStop func()
)

// TestMain stops the shared nats-server after the package's tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if natsStop != nil {
		natsStop()
	}
	os.Exit(code)
}

// startNATS returns a nats-server with JetStream on a free port and a
// temporary store, started once per test binary. Without the binary the
// test is skipped, unless NEXUS_REQUIRE_NATS is set (make test sets it and
// installs the binary with scripts/nats.sh).
func startNATS(t testing.TB) *natsServer {
	t.Helper()
	bin := os.Getenv("NATS_SERVER_BIN")
	if bin == "" {
		if p, err := exec.LookPath("nats-server"); err == nil {
			bin = p
		} else if _, err := os.Stat("/usr/sbin/nats-server"); err == nil {
			bin = "/usr/sbin/nats-server"
		}
	}
	if bin == "" {
		msg := "nats-server is not installed: run scripts/nats.sh (Debian package nats-server) or set NATS_SERVER_BIN"
		if os.Getenv("NEXUS_REQUIRE_NATS") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	natsOnce.Do(func() { natsSrv, natsErr = runNATS(bin) })
	if natsErr != nil {
		t.Fatal(natsErr)
	}
	return natsSrv
}

var listening = regexp.MustCompile(`Listening for client connections on (\S+:\d+)`)

// runNATS starts bin on a random port (-p -1) and waits for the log line
// saying where it listens and then "Server is ready".
func runNATS(bin string) (*natsServer, error) {
	dir, err := os.MkdirTemp("", "nexus-events-nats-")
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, "-js", "-sd", dir, "-a", "127.0.0.1", "-p", "-1")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", bin, err)
	}
	natsStop = func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		_ = os.RemoveAll(dir)
	}
	sc := bufio.NewScanner(stderr)
	var addr string
	var logged []string
	for sc.Scan() {
		line := sc.Text()
		logged = append(logged, line)
		if m := listening.FindStringSubmatch(line); m != nil {
			addr = m[1]
		}
		if strings.Contains(line, "Server is ready") && addr != "" {
			go func() { // keep draining so the server never blocks on its log
				for sc.Scan() {
				}
			}()
			return &natsServer{URL: "nats://" + addr}, nil
		}
	}
	return nil, fmt.Errorf("nats-server exited before it was ready:\n%s", strings.Join(logged, "\n"))
}

// testEvents makes n valid events for aggregate agg.
func testEvents(n int, agg string) []Event {
	evs := make([]Event, n)
	for i := range evs {
		p, _ := json.Marshal(map[string]any{"n": i, "agg": agg})
		evs[i] = Event{Type: "product.updated", AggregateID: agg, Payload: p}
		if err := prepare(&evs[i], time.Now().UTC().Truncate(time.Microsecond)); err != nil {
			panic(err)
		}
	}
	return evs
}

// collect reads n events from sub, failing the test after a minute (a
// hang, not a timing assertion).
func collect(t testing.TB, sub Subscription, n int) []Event {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out := make([]Event, 0, n)
	for len(out) < n {
		e, err := sub.Next(ctx)
		if err != nil {
			t.Fatalf("Next after %d of %d events: %v", len(out), n, err)
		}
		out = append(out, e)
	}
	return out
}
