package migrate

import (
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/nexus-commerce/nexus/subgraphs/kit/pgtest"
)

// signal is a slog handler that closes a channel when a message containing
// text is logged, so a test can wait for a state without sleeping.
type signal struct {
	slog.Handler
	text string
	seen chan struct{}
}

func (s *signal) Enabled(context.Context, slog.Level) bool { return true }

func (s *signal) Handle(ctx context.Context, r slog.Record) error {
	if strings.Contains(r.Message, s.text) {
		close(s.seen)
	}
	return nil
}

func TestUpWaitsForTheLockUntilCancelled(t *testing.T) {
	db := pgtest.New(t)
	holder, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	if _, err := holder.ExecContext(context.Background(), `SELECT pg_advisory_lock(hashtext('nexus-migrate:order'))`); err != nil {
		t.Fatal(err)
	}

	waiting := &signal{Handler: slog.DiscardHandler, text: "waiting for another replica", seen: make(chan struct{})}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Up(ctx, db, "order", widgets, slog.New(waiting)) }()
	<-waiting.seen
	cancel()
	if err := <-done; err == nil || !strings.Contains(err.Error(), "wait for lock") {
		t.Fatalf("Up while another replica migrates, cancelled = %v", err)
	}

	if _, err := holder.ExecContext(context.Background(), `SELECT pg_advisory_unlock(hashtext('nexus-migrate:order'))`); err != nil {
		t.Fatal(err)
	}
	if err := Up(context.Background(), db, "order", widgets, nil); err != nil {
		t.Fatalf("Up after the lock was freed: %v", err)
	}
	var exists bool
	if err := db.Get(&exists, `SELECT to_regclass('"order".widgets') IS NOT NULL`); err != nil || !exists {
		t.Fatalf("widgets exists = %v, %v", exists, err)
	}
}
