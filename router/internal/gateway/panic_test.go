package gateway

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/wundergraph/graphql-go-tools/execution/graphql"

	"github.com/nexus-commerce/nexus/router/internal/metrics"
	"github.com/nexus-commerce/nexus/router/internal/recovery"
)

const eventsQuery = `subscription($topic: String!) { productEvents(topic: $topic) { seq product { id reviewSummary { headline } } } }`

// A panic on any goroutine the gateway runs for a streamed operation or a
// subscription — its own or one of the resolver's running gateway code —
// ends that operation or subscription alone: its client gets an
// INTERNAL_SERVER_ERROR error, the panic is counted under its kind, and
// everyone else carries on.
func TestPanicsEndTheirOperationAlone(t *testing.T) {
	panickingSigner := &Forwarder{Header: http.Header{}, Key: "mallory", SignedAt: time.Unix(0, 0), Fresh: time.Nanosecond,
		Sign: func(time.Time) (http.Header, error) { panic("signer broke") }}
	for _, tt := range []struct {
		name  string
		kind  string
		query string
		// hook panics where a goroutine of this kind starts; panicNext
		// makes the client's writer panic; opts are the victim's.
		hook      string
		panicNext bool
		opts      ExecOptions
	}{
		{"streamed query: the goroutine", recovery.KindStreamedOnce, `{ recentlyReviewed }`, recovery.KindStreamedOnce, false, ExecOptions{}},
		{"streamed query: the client's writer", recovery.KindStreamedOnce, `{ recentlyReviewed }`, "", true, ExecOptions{}},
		{"streamed query: a fetch callback", recovery.KindExecute, `{ recentlyReviewed }`, "", false,
			ExecOptions{Principal: &Principal{Subject: "mallory"}, Forward: panickingSigner}},
		{"subscription: the group's goroutine", recovery.KindSubscription, eventsQuery, recovery.KindSubscription, false, ExecOptions{}},
		{"subscription: the client's writer", recovery.KindSubscription, eventsQuery, "", true, ExecOptions{}},
		{"subscription: a fetch callback", recovery.KindSubscription, eventsQuery, "", false,
			ExecOptions{Principal: &Principal{Subject: "mallory"}, Forward: panickingSigner}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := metrics.New()
			fed := newFederation(t, Options{Metrics: m})
			close(fed.release)
			subscription := strings.HasPrefix(tt.query, "subscription")
			topic := strings.ReplaceAll(tt.name, " ", "-")
			req := func() *graphql.Request {
				r := &graphql.Request{Query: tt.query}
				if subscription {
					r.Variables = json.RawMessage(`{"topic":"` + topic + `"}`)
				}
				return r
			}

			// Panic where a goroutine of the victim's kind starts: set before
			// anything runs, fired once (by the victim, started first).
			var once sync.Once
			if tt.hook != "" {
				fed.gw.panicHook = func(kind string) {
					if kind == tt.hook {
						once.Do(func() { panic("injected") })
					}
				}
			}
			start := func(o ExecOptions, w SubscriptionWriter) {
				t.Helper()
				stop, err := fed.gw.Start(context.Background(), req(), o, w)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(stop)
			}
			// A bystander: the same subscription in another group (another
			// caller), running before the victim unless the victim must be
			// the first to start.
			bystander := newChanWriter(false)
			bystanderOpts := ExecOptions{Principal: &Principal{Subject: "bystander"}}
			if subscription && tt.hook == "" {
				start(bystanderOpts, bystander)
			}
			// A second member of the victim's group, whose own writer is
			// fine: a panic in the victim's writer must not end it.
			sibling := newChanWriter(false)
			if subscription && tt.panicNext {
				start(tt.opts, sibling)
			}
			victim := newChanWriter(tt.panicNext)
			start(tt.opts, victim)
			if subscription && tt.hook == "" {
				// The bystander's group and the victim's.
				if err := fed.events.WaitSubscribers(deadline(t), topic, 2); err != nil {
					t.Fatal(err)
				}
				fed.events.Publish(topic, "product.updated", "p1", "")
			}
			victim.wantError(t, "INTERNAL_SERVER_ERROR")
			if got := testutil.ToFloat64(m.Panics.WithLabelValues(tt.kind)); got < 1 {
				t.Errorf("%s panics = %v, want at least 1", tt.kind, got)
			}

			running := 0
			if subscription {
				if tt.hook != "" {
					start(bystanderOpts, bystander)
					if err := fed.events.WaitSubscribers(deadline(t), topic, 1); err != nil {
						t.Fatal(err)
					}
					fed.events.Publish(topic, "product.updated", "p1", "")
				}
				// Everyone else still receives events.
				running = 1
				bystander.wantNext(t, `"seq":1`)
				if tt.panicNext {
					running = 2
					sibling.wantNext(t, `"seq":1`)
				}
				fed.events.Publish(topic, "product.updated", "p1", "")
				bystander.wantNext(t, `"seq":2`)
				if tt.panicNext {
					sibling.wantNext(t, `"seq":2`)
				}
			}
			// The gateway still runs streamed queries, and the victim is no
			// longer counted.
			after := newChanWriter(false)
			stopAfter, err := fed.gw.Start(context.Background(), &graphql.Request{Query: `{ recentlyReviewed }`}, ExecOptions{}, after)
			if err != nil {
				t.Fatal(err)
			}
			defer stopAfter()
			after.wantNext(t, `"recentlyReviewed":["p1","p2","p3"]`)
			waitFor(t, "the victim to be uncounted", func() bool { return fed.gw.Subscriptions() == running })
		})
	}
}

// chanWriter is a SubscriptionWriter handing what it receives to the test.
type chanWriter struct {
	panicNext bool
	next      chan string
	errs      chan string
	completed chan struct{}
}

func newChanWriter(panicNext bool) *chanWriter {
	return &chanWriter{panicNext: panicNext, next: make(chan string, 16), errs: make(chan string, 4), completed: make(chan struct{}, 4)}
}

func (w *chanWriter) Next(p []byte) error {
	if w.panicNext {
		panic("writer broke")
	}
	w.next <- string(p)
	return nil
}

func (w *chanWriter) Complete()      { w.completed <- struct{}{} }
func (w *chanWriter) Error(p []byte) { w.errs <- string(p) }

func (w *chanWriter) wantNext(t *testing.T, fragment string) {
	t.Helper()
	select {
	case got := <-w.next:
		if !strings.Contains(got, fragment) {
			t.Fatalf("result %s, want one with %s", got, fragment)
		}
	case e := <-w.errs:
		t.Fatalf("error %s, want a result with %s", e, fragment)
	case <-deadline(t).Done():
		t.Fatalf("no result with %s", fragment)
	}
}

func (w *chanWriter) wantError(t *testing.T, code string) {
	t.Helper()
	select {
	case got := <-w.errs:
		if !strings.Contains(got, `"code":"`+code+`"`) || strings.Contains(got, "broke") || strings.Contains(got, "injected") {
			t.Fatalf("error %s, want code %s and no panic text", got, code)
		}
	case got := <-w.next:
		t.Fatalf("result %s, want an error", got)
	case <-w.completed:
		t.Fatal("completed, want an error")
	case <-deadline(t).Done():
		t.Fatalf("no error")
	}
}

// deadline bounds one wait of a test.
func deadline(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return ctx
}
