package gateway

import (
	"bytes"
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/wundergraph/graphql-go-tools/execution/graphql"

	"github.com/nexus-commerce/nexus/router/internal/metrics"
	"github.com/nexus-commerce/nexus/router/internal/recovery"
	"github.com/nexus-commerce/nexus/router/internal/subscriptions/testsubgraph"
	"github.com/nexus-commerce/nexus/router/internal/testenv/reviews"
	"github.com/nexus-commerce/nexus/schema/compose"
	"github.com/nexus-commerce/nexus/schema/supergraph"
)

// The single-flight's rules, step by step: the first request for a key
// leads, later ones follow until the leader finishes, and a request after
// that leads again; followers get a copy of the response (the resolver
// reuses its buffer), a flight without followers keeps nothing.
func TestInboundFlight(t *testing.T) {
	var in inbound
	a := inboundKey{op: 1, vars: 2, who: 3}
	b := inboundKey{op: 1, vars: 2, who: 4}

	lead, leader := in.join(a)
	if !leader {
		t.Fatal("the first request did not lead")
	}
	other, leader := in.join(b)
	if !leader || other == lead {
		t.Fatal("another caller's request joined the flight")
	}
	f1, leader := in.join(a)
	f2, leader2 := in.join(a)
	if leader || leader2 || f1 != lead || f2 != lead {
		t.Fatal("identical requests did not follow the leader")
	}
	if n, followers := in.inFlight(); n != 2 || followers != 2 {
		t.Fatalf("in flight: %d flights, %d followers; want 2, 2", n, followers)
	}
	body := []byte(`{"data":{}}`)
	in.finish(a, lead, flightResult{body: body})
	copy(body, "XXXXXXXXXXX")
	<-f1.done
	if string(f1.res.body) != `{"data":{}}` {
		t.Fatalf("follower got %q: the leader's buffer, not a copy", f1.res.body)
	}
	again, leader := in.join(a)
	if !leader || again == lead {
		t.Fatal("a request after the leader finished joined the finished flight")
	}
	in.finish(a, again, flightResult{body: []byte("x")})
	if again.res.body != nil {
		t.Fatal("a flight without followers kept its response")
	}
	in.finish(b, other, flightResult{err: errors.New("boom")})
	if n, _ := in.inFlight(); n != 0 {
		t.Fatalf("%d flights left", n)
	}

	// A follower whose leader ran out of time leads the next try; one
	// whose own time runs out stops waiting.
	first, _ := in.join(a)
	type led struct {
		f   *flight
		res *flightResult
		err error
	}
	next := make(chan led, 1)
	go func() { f, res, err := in.lead(context.Background(), a); next <- led{f, res, err} }()
	waitFor(t, "the follower to join", func() bool { _, n := in.inFlight(); return n == 1 })
	in.finish(a, first, flightResult{err: context.DeadlineExceeded, retry: true})
	l := <-next
	if l.f == nil || l.res != nil || l.err != nil {
		t.Fatalf("after the leader's timeout the follower got %+v, want to lead", l)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go func() { f, res, err := in.lead(ctx, a); next <- led{f, res, err} }()
	waitFor(t, "the second follower to join", func() bool { _, n := in.inFlight(); return n == 1 })
	cancel()
	if l := <-next; !errors.Is(l.err, context.Canceled) {
		t.Fatalf("a follower whose context ended got %+v", l)
	}
	in.finish(a, l.f, flightResult{body: []byte("late")})
}

// While a query waits on its subgraph, identical queries join it: the
// subgraph is asked once and every client gets the answer. A panic in the
// leader's execution (its forwarded-claims signer) frees its followers
// with an internal error instead of leaving them waiting.
func TestIdenticalQueriesShareOneExecution(t *testing.T) {
	for _, tt := range []struct {
		name      string
		signPanic bool
	}{{"ok", false}, {"the leader panics", true}} {
		t.Run(tt.name, func(t *testing.T) {
			const followers = 8
			m := metrics.New()
			fed := newFederation(t, Options{Metrics: m})
			o := ExecOptions{AllowMutation: true, Principal: &Principal{Subject: "alice"},
				Forward: &Forwarder{Header: http.Header{}, Key: "alice", SignedAt: time.Unix(0, 0), Fresh: time.Nanosecond,
					Sign: func(time.Time) (http.Header, error) {
						if tt.signPanic {
							panic("signer broke")
						}
						return http.Header{}, nil
					}}}
			const want = `{"data":{"recentlyReviewed":["p1","p2","p3"]}}`
			run := func() (string, error) {
				var buf bytes.Buffer
				err := fed.gw.ExecuteWith(context.Background(), &graphql.Request{Query: `{ recentlyReviewed }`}, &buf, o)
				return buf.String(), err
			}
			var wg sync.WaitGroup
			type answer struct {
				out string
				err error
			}
			answers := make(chan answer, followers+1)
			wg.Go(func() { out, err := run(); answers <- answer{out, err} })
			waitFor(t, "the subgraph to receive the leader's fetch", func() bool { return fed.reviewsCalls.Load() == 1 })
			for range followers {
				wg.Go(func() { out, err := run(); answers <- answer{out, err} })
			}
			waitFor(t, "the followers to join", func() bool { _, n := fed.gw.inbound.inFlight(); return n == followers })
			close(fed.release)
			wg.Wait()
			close(answers)
			for a := range answers {
				if tt.signPanic {
					if !errors.Is(a.err, recovery.ErrPanic) || a.out != "" {
						t.Errorf("got %q, %v; want no response and an internal error", a.out, a.err)
					}
				} else if a.err != nil || a.out != want {
					t.Errorf("got %q, %v; want %s", a.out, a.err, want)
				}
			}
			if n := fed.reviewsCalls.Load(); n != 1 {
				t.Errorf("the subgraph was asked %d times, want once", n)
			}
			if got := testutil.ToFloat64(m.SharedResponses); got != followers {
				t.Errorf("shared responses = %v, want %d", got, followers)
			}
			wantPanics := 0.0
			if tt.signPanic {
				wantPanics = 1
			}
			if got := testutil.ToFloat64(m.Panics.WithLabelValues(recovery.KindExecute)); got != wantPanics {
				t.Errorf("execute panics = %v, want %v", got, wantPanics)
			}
			// The gateway still answers.
			if out, err := run(); err != nil && !tt.signPanic || !tt.signPanic && out != want {
				t.Errorf("afterwards: %q, %v", out, err)
			}
		})
	}
}

// federation is the events and reviews test subgraphs behind a gateway.
// Fetches from reviews block until release is closed; reviewsCalls
// counts them.
type federation struct {
	gw           *Gateway
	events       *testsubgraph.Resolver
	release      chan struct{}
	reviewsCalls atomic.Int64
	// sever breaks every connection to the events subgraph, as a crash of
	// its process would; the subgraph keeps serving new ones.
	sever func()
}

// trackingListener remembers the connections it accepted (hijacked
// WebSocket and streaming ones included) so a test can break them.
type trackingListener struct {
	net.Listener
	mu    sync.Mutex
	conns []net.Conn
}

func (l *trackingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err == nil {
		l.mu.Lock()
		l.conns = append(l.conns, c)
		l.mu.Unlock()
	}
	return c, err
}

func (l *trackingListener) closeAll() {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, c := range l.conns {
		_ = c.Close()
	}
	l.conns = nil
}

func newFederation(t *testing.T, o Options) *federation {
	t.Helper()
	fed := &federation{events: &testsubgraph.Resolver{}, release: make(chan struct{})}
	evSrv := httptest.NewUnstartedServer(fed.events.Handler())
	tl := &trackingListener{Listener: evSrv.Listener}
	evSrv.Listener = tl
	evSrv.Start()
	fed.sever = tl.closeAll
	t.Cleanup(evSrv.Close)
	rev := (&reviews.Resolver{}).Handler()
	revSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fed.reviewsCalls.Add(1)
		<-fed.release
		rev.ServeHTTP(w, r)
	}))
	t.Cleanup(revSrv.Close)
	t.Cleanup(func() {
		select {
		case <-fed.release:
		default:
			close(fed.release)
		}
	})
	evSDL, err := os.ReadFile(filepath.Join("..", "subscriptions", "testsubgraph", "schema.graphqls"))
	if err != nil {
		t.Fatal(err)
	}
	revSDL, err := os.ReadFile(filepath.Join("..", "testenv", "reviews", "schema.graphqls"))
	if err != nil {
		t.Fatal(err)
	}
	sdl, err := compose.Compose([]compose.Subgraph{
		{Name: "events", URL: evSrv.URL + "/graphql", SDL: string(evSDL)},
		{Name: "reviews", URL: revSrv.URL, SDL: string(revSDL)},
	})
	if err != nil {
		t.Fatal(err)
	}
	if o.Supergraph, err = supergraph.Parse(sdl); err != nil {
		t.Fatal(err)
	}
	if fed.gw, err = New(o); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(fed.gw.Close)
	return fed
}

// waitFor polls cond until it holds, failing the test after 20s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}
