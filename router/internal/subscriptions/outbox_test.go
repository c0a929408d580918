package subscriptions

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/nexus-commerce/nexus/router/internal/metrics"
	"github.com/nexus-commerce/nexus/router/internal/recovery"
)

// lockedBuffer is a log destination shared by goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// A panic in an outbox's writer goroutine fails that client only (its
// failed callback gets recovery.ErrPanic), is counted under the client's
// kind and logged with its request id; other clients' outboxes write on.
func TestOutboxWriterPanicFailsItsClientOnly(t *testing.T) {
	for _, kind := range []string{recovery.KindWSConnection, recovery.KindSSEStream} {
		t.Run(kind, func(t *testing.T) {
			logs := &lockedBuffer{}
			m := metrics.New()
			h := New(Options{Log: slog.New(slog.NewJSONHandler(logs, nil)), Metrics: m})
			failed := make(chan error, 1)
			bad := h.newOutbox(kind, "req-writer", func([][]byte) error {
				var nilMap map[string]int
				nilMap["x"]++ // a real runtime panic in the write
				return nil
			}, func() {}, func(err error) { failed <- err })
			wrote := make(chan []byte, 1)
			good := h.newOutbox(kind, "req-other", func(b [][]byte) error { wrote <- b[0]; return nil }, func() {}, func(error) {})

			if err := bad.push([]byte("one")); err != nil {
				t.Fatal(err)
			}
			select {
			case err := <-failed:
				if !errors.Is(err, recovery.ErrPanic) {
					t.Fatalf("failed got %v, want recovery.ErrPanic", err)
				}
			case <-time.After(20 * time.Second):
				t.Fatal("the panicking writer never failed its client")
			}
			<-bad.wait() // the writer is gone
			if err := bad.push([]byte("two")); !errors.Is(err, errClosed) {
				t.Fatalf("push after the panic: %v, want errClosed", err)
			}
			if err := good.push([]byte("three")); err != nil {
				t.Fatal(err)
			}
			if b := <-wrote; string(b) != "three" {
				t.Fatalf("other client got %q", b)
			}
			if n := testutil.ToFloat64(m.Panics.WithLabelValues(kind)); n != 1 {
				t.Fatalf("nexus_router_panics_total{kind=%s} = %v, want 1", kind, n)
			}
			if !strings.Contains(logs.String(), `"request_id":"req-writer"`) {
				t.Fatalf("log lacks the request id: %s", logs.String())
			}
		})
	}
}
