package server

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// serving starts Serve on a loopback port and returns its address, the
// cancel that begins shutdown and the channel Serve's result arrives on.
func serving(t *testing.T, o Options) (string, context.CancelFunc, <-chan error) {
	t.Helper()
	s, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	return "http://" + ln.Addr().String(), cancel, done
}

// slowRequest sends { slow } and delivers the response on the channel.
func slowRequest(t *testing.T, url string) <-chan response {
	res := make(chan response, 1)
	go func() {
		req, _ := http.NewRequest(http.MethodPost, url+"/graphql", strings.NewReader(query("{ slow }")))
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			res <- response{status: -1, raw: err.Error()}
			return
		}
		defer resp.Body.Close()
		var out response
		out.status = resp.StatusCode
		raw, _ := io.ReadAll(resp.Body)
		out.raw = string(raw)
		res <- out
	}()
	return res
}

func TestGracefulShutdownFinishesInFlight(t *testing.T) {
	g := newGate()
	draining := &signal{text: "shutting down", seen: make(chan struct{})}
	url, cancel, done := serving(t, Options{Schema: schema(g), Log: slog.New(draining)})
	res := slowRequest(t, url)
	<-g.started
	cancel()
	<-draining.seen
	waitRefused(t, strings.TrimPrefix(url, "http://"))
	select {
	case err := <-done:
		t.Fatalf("Serve returned %v with a request in flight", err)
	default:
	}
	close(g.release)
	r := <-res
	if r.status != 200 || !strings.Contains(r.raw, `"slow":"done"`) {
		t.Fatalf("in-flight request = %d %s", r.status, r.raw)
	}
	if err := <-done; err != nil {
		t.Fatalf("Serve = %v, want nil after a clean shutdown", err)
	}
}

// signal is a slog handler that closes seen when a message containing text
// is logged, so a test can wait for a state without sleeping.
type signal struct {
	text string
	seen chan struct{}
	once sync.Once
}

func (s *signal) Enabled(context.Context, slog.Level) bool { return true }
func (s *signal) WithAttrs([]slog.Attr) slog.Handler       { return s }
func (s *signal) WithGroup(string) slog.Handler            { return s }
func (s *signal) Handle(_ context.Context, r slog.Record) error {
	if strings.Contains(r.Message, s.text) {
		s.once.Do(func() { close(s.seen) })
	}
	return nil
}

// waitRefused dials addr until the listener is closed: shutdown has begun
// and new connections are refused.
func waitRefused(t *testing.T, addr string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			return
		}
		c.Close()
		runtime.Gosched()
	}
	t.Fatal("listener still accepting 10s after shutdown began")
}

func TestShutdownTimeoutCutsOffStuckRequests(t *testing.T) {
	g := newGate()
	defer close(g.release)
	url, cancel, done := serving(t, Options{Schema: schema(g), ShutdownTimeout: 50 * time.Millisecond})
	res := slowRequest(t, url)
	<-g.started
	cancel()
	err := <-done
	if err == nil || !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "did not finish within 50ms") {
		t.Fatalf("Serve = %v", err)
	}
	if r := <-res; r.status != -1 {
		t.Fatalf("stuck request got %d %s, want its connection closed", r.status, r.raw)
	}
}

func TestListenAndServeNeedsAnAddress(t *testing.T) {
	s, err := New(Options{Schema: schema(newGate())})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.ListenAndServe(context.Background()); err == nil || !strings.Contains(err.Error(), "HTTP_ADDR") {
		t.Fatalf("err = %v", err)
	}
}
