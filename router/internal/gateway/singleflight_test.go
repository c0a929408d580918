package gateway_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/wundergraph/graphql-go-tools/execution/graphql"

	"github.com/nexus-commerce/nexus/router/internal/gateway"
	"github.com/nexus-commerce/nexus/router/internal/metrics"
	"github.com/nexus-commerce/nexus/router/internal/recovery"
	"github.com/nexus-commerce/nexus/router/internal/testenv/reviews"
	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
)

// Identical concurrent operations share one execution (inbound
// single-flight). graphql-go-tools' own de-duplication closed a channel
// twice when a follower found the leader's entry just before the leader
// finished (finding 2 of issue 9): the process died. These run many
// identical operations at once on every path that executes them and
// require every client to get its exact answer and nothing to panic.
func TestIdenticalOperationsAtOnce(t *testing.T) {
	const typename = `{"data":{"__typename":"Query"}}`
	const reviewed = `{"data":{"recentlyReviewed":["p1","p2","p3"]}}`
	for _, tt := range []struct {
		name     string
		query    string
		want     string
		parallel int
		total    int
		stream   bool // through Start, as WebSocket and SSE run queries
	}{
		{"http: identical queries without fetches", `{__typename}`, typename, 64, 200_000, false},
		{"http: identical queries with a fetch", `{ recentlyReviewed }`, reviewed, 64, 20_000, false},
		{"one connection: 1,000 streamed __typename", `{__typename}`, typename, 1000, 1000, true},
		{"SSE: 64 parallel identical POSTs, many rounds", `{__typename}`, typename, 64, 64 * 100, true},
		{"SSE: 64 parallel identical POSTs with a fetch", `{ recentlyReviewed }`, reviewed, 64, 64 * 20, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := metrics.New()
			gw := newGateway(t, gateway.Options{Metrics: m})
			total := tt.total
			if testing.Short() {
				total /= 10
			}
			var next atomic.Int64
			var wg sync.WaitGroup
			failures := make(chan string, 16)
			fail := func(format string, args ...any) {
				select {
				case failures <- fmt.Sprintf(format, args...):
				default:
				}
			}
			for range tt.parallel {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for next.Add(1) <= int64(total) {
						var got string
						var err error
						if tt.stream {
							got, err = streamOnce(gw, tt.query, gateway.ExecOptions{AllowMutation: true})
						} else {
							got, err = execRecovering(gw, tt.query, gateway.ExecOptions{AllowMutation: true})
						}
						if err != nil || got != tt.want {
							fail("got %s, %v; want %s", got, err, tt.want)
							return
						}
					}
				}()
			}
			wg.Wait()
			close(failures)
			for f := range failures {
				t.Error(f)
			}
			if n := testutilPanics(m); n != 0 {
				t.Errorf("%v panics recovered", n)
			}
		})
	}
}

// Identical operations of different callers never share an answer: each
// caller's signed claims reach the subgraph, which answers with the
// caller's subject.
func TestIdenticalOperationsOfDifferentCallersNeverShare(t *testing.T) {
	secret := []byte(strings.Repeat("s", 32))
	gw := newGatewayWith(t, &reviews.Resolver{Secret: secret}, gateway.Options{})
	callers := []string{"alice", "bob", "carol", "dave"}
	opts := make([]gateway.ExecOptions, len(callers))
	for i, who := range callers {
		sig, err := kitauth.Sign(&kitauth.Claims{Subject: who}, secret, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		opts[i] = gateway.ExecOptions{
			AllowMutation: true,
			Principal:     &gateway.Principal{Subject: who},
			Forward:       &gateway.Forwarder{Header: http.Header{kitauth.HeaderName: {sig}}, SignedAt: time.Now(), Key: who},
		}
	}
	for _, stream := range []bool{false, true} {
		t.Run(fmt.Sprintf("streamed=%v", stream), func(t *testing.T) {
			const perCaller = 2000
			var wg sync.WaitGroup
			var bad atomic.Int64
			for w := range 32 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := range perCaller * len(callers) / 32 {
						c := (w + i) % len(callers)
						want := `{"data":{"whoAmI":"` + callers[c] + `"}}`
						var got string
						var err error
						if stream {
							got, err = streamOnce(gw, `{ whoAmI }`, opts[c])
						} else {
							got, err = execRecovering(gw, `{ whoAmI }`, opts[c])
						}
						if err != nil || got != want {
							if bad.Add(1) == 1 {
								t.Errorf("caller %s got %s, %v", callers[c], got, err)
							}
						}
					}
				}()
			}
			wg.Wait()
			if n := bad.Load(); n > 0 {
				t.Fatalf("%d wrong answers", n)
			}
		})
	}
}

// execRecovering runs one operation and turns a panic into an error, so a
// stress test reports it instead of dying on the first one.
func execRecovering(gw *gateway.Gateway, query string, o gateway.ExecOptions) (out string, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	var buf bytes.Buffer
	err = gw.ExecuteWith(context.Background(), &graphql.Request{Query: query}, &buf, o)
	return buf.String(), err
}

// streamOnce runs a query through Start, as the WebSocket and SSE
// transports do, and returns its one result once it completed.
func streamOnce(gw *gateway.Gateway, query string, o gateway.ExecOptions) (string, error) {
	w := newRecorder()
	stop, err := gw.Start(context.Background(), &graphql.Request{Query: query}, o, w)
	if err != nil {
		return "", err
	}
	defer stop()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	select {
	case <-w.ended:
	case <-ctx.Done():
		return "", fmt.Errorf("no end within 30s")
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.errPayload != nil {
		return "", fmt.Errorf("error: %s", w.errPayload)
	}
	if len(w.next) != 1 || !w.completed {
		return "", fmt.Errorf("%d results, completed=%v", len(w.next), w.completed)
	}
	return w.next[0], nil
}

// recorder is a SubscriptionWriter that keeps what it receives.
type recorder struct {
	mu         sync.Mutex
	next       []string
	completed  bool
	errPayload []byte
	ended      chan struct{}
	once       sync.Once
}

func newRecorder() *recorder { return &recorder{ended: make(chan struct{})} }

func (r *recorder) Next(p []byte) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.next = append(r.next, string(p))
	return nil
}

func (r *recorder) Complete() {
	r.mu.Lock()
	r.completed = true
	r.mu.Unlock()
	r.once.Do(func() { close(r.ended) })
}

func (r *recorder) Error(p []byte) {
	r.mu.Lock()
	r.errPayload = append([]byte(nil), p...)
	r.mu.Unlock()
	r.once.Do(func() { close(r.ended) })
}

// newGatewayWith serves rev (the test reviews subgraph) through a gateway.
func newGatewayWith(t testing.TB, rev *reviews.Resolver, o gateway.Options) *gateway.Gateway {
	t.Helper()
	o.Supergraph = rev.Supergraph(t)
	gw, err := gateway.New(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(gw.Close)
	return gw
}

// testutilPanics is the number of panics recovered, of every kind.
func testutilPanics(m *metrics.Metrics) float64 {
	var n float64
	for _, k := range []string{recovery.KindExecute, recovery.KindStreamedOnce, recovery.KindSubscription, recovery.KindHTTPRequest, recovery.KindPrepare} {
		n += testutil.ToFloat64(m.Panics.WithLabelValues(k))
	}
	return n
}
