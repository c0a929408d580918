package pg

import (
	"bytes"
	"context"
	"log/slog"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nexus-commerce/nexus/subgraphs/kit/pgtest"
)

// lockedBuffer lets the test read log output written by Open.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// deadPort returns a loopback port where nothing listens.
func deadPort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

func TestOpenRetriesThenGivesUpClearly(t *testing.T) {
	var logs lockedBuffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	cfg := Config{URL: "postgres://u:hunter2@" + deadPort(t) + "/x?sslmode=disable", MaxOpenConns: 1, ConnectTimeout: 400 * time.Millisecond}
	_, err := Open(context.Background(), cfg, log)
	if err == nil {
		t.Fatal("Open succeeded against a dead port")
	}
	for _, want := range []string{"did not answer within 400ms", "DB_CONNECT_TIMEOUT", "connection refused"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v, want it to contain %q", err, want)
		}
	}
	if n := strings.Count(logs.String(), "retrying"); n < 2 {
		t.Errorf("logged %d retries, want at least 2:\n%s", n, logs.String())
	}
	if strings.Contains(err.Error()+logs.String(), "hunter2") {
		t.Errorf("password leaked:\n%v\n%s", err, logs.String())
	}
}

func TestOpenStopsWhenContextEnds(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	cfg := Config{URL: "postgres://" + deadPort(t) + "/x?sslmode=disable", MaxOpenConns: 1, ConnectTimeout: time.Minute}
	_, err := Open(ctx, cfg, nil)
	if err == nil || !strings.Contains(err.Error(), "gave up waiting") {
		t.Fatalf("err = %v", err)
	}
}

func TestOpenConnects(t *testing.T) {
	db, err := Open(context.Background(), Config{URL: pgtest.URL(t), MaxOpenConns: 2, MaxIdleConns: 10, ConnectTimeout: 10 * time.Second}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got := db.Stats().MaxOpenConnections; got != 2 {
		t.Errorf("MaxOpenConnections = %d", got)
	}
	var one int
	if err := db.Get(&one, `SELECT 1`); err != nil || one != 1 {
		t.Fatalf("SELECT 1 = %d, %v", one, err)
	}
}

func TestJitterStaysWithinTwentyPercent(t *testing.T) {
	for range 1000 {
		if d := jitter(time.Second); d < 800*time.Millisecond || d > 1200*time.Millisecond {
			t.Fatalf("jitter(1s) = %s", d)
		}
	}
}
