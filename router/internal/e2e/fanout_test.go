package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wundergraph/graphql-go-tools/execution/graphql"

	"github.com/nexus-commerce/nexus/router/internal/gateway"
	"github.com/nexus-commerce/nexus/router/internal/testenv"
)

// fanSubscribers is the fan-out of `make bench-subscriptions`' largest round.
const fanSubscribers = 10_000

// fanOut starts fanSubscribers identical subscriptions on the router's
// gateway (in process, as the transports do for each client) and checks
// they share one subscription group:
//   - a live-only operation, half of the clients joining after events have
//     flowed (each late one then gets exactly the events after it joined);
//   - the benchmark's own operation (productChanged(ids:), not live-only by
//     the router's rule), every client joining before the first event, as
//     the benchmark's clients do.
func fanOut(t *testing.T, env *testenv.Env, c *catalog) {
	var o gateway.ExecOptions
	if err := env.Exec(httptest.NewRequest("POST", env.RouterURL, nil), &o); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		query string
		vars  string
		late  bool
	}{
		{"live-only, half joining late", `subscription Fan { productChanged { cursor } }`, "", true},
		{"the benchmark's operation, all joining before the first event",
			`subscription Bench($ids: [ID!]) { productChanged(ids: $ids) { cursor productId } }`, `{"ids":["` + c.id + `"]}`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c.t = t
			gw := env.Gateway()
			f := &fan{changed: make(chan struct{}, 1), seen: map[string]int{}}
			var writers []*fanWriter
			var stops []func()
			defer func() {
				for _, stop := range stops {
					stop()
				}
				c.members(1)
			}()
			start := func(n int) {
				for range n {
					w := &fanWriter{f: f}
					stop, err := gw.Start(context.Background(), &graphql.Request{Query: tc.query, Variables: json.RawMessage(tc.vars)}, o, w)
					if err != nil {
						t.Fatalf("start: %v", err)
					}
					writers, stops = append(writers, w), append(stops, stop)
				}
			}
			early := fanSubscribers
			if tc.late {
				early /= 2
			}
			start(early)
			// Live: events until the group's upstream subscription delivers.
			for {
				cur := c.commit(1)[0]
				wait, cancel := context.WithTimeout(c.ctx, 250*time.Millisecond)
				err := f.wait(wait, cur, early)
				cancel()
				if err == nil {
					break
				}
				if c.ctx.Err() != nil {
					t.Fatal(err)
				}
			}
			start(fanSubscribers - early)
			if groups := c.members(1 + fanSubscribers); !slices.Equal(groups, []int{1, fanSubscribers}) {
				t.Fatalf("subscription groups %v, want the probe's and one of %d", groups, fanSubscribers)
			}
			last := c.commit(1)[0]
			if err := f.wait(c.ctx, last, fanSubscribers); err != nil {
				t.Fatal(err)
			}
			for i, w := range writers {
				got := w.received()
				if i >= early && !slices.Equal(got, []string{last}) {
					t.Fatalf("late subscriber %d got %v, want only %s (the event after it joined)", i, got, last)
				}
				if len(got) == 0 || got[len(got)-1] != last {
					t.Fatalf("subscriber %d got %v, want them to end with %s", i, got, last)
				}
			}
			if groups := gw.SubscriptionGroups(); !slices.Equal(groups, []int{1, fanSubscribers}) {
				t.Fatalf("subscription groups %v after the events, want [1 %d]", groups, fanSubscribers)
			}
		})
	}
}

// fan counts, per cursor, the subscribers that received it.
type fan struct {
	mu   sync.Mutex
	seen map[string]int
	errs []string
	// changed is signalled (without blocking) after every change.
	changed chan struct{}
}

func (f *fan) record(cursor, failure string) {
	f.mu.Lock()
	if failure != "" {
		f.errs = append(f.errs, failure)
	} else {
		f.seen[cursor]++
	}
	f.mu.Unlock()
	select {
	case f.changed <- struct{}{}:
	default:
	}
}

// wait returns once n subscribers received cursor; an error when one got
// an error or an end, or ctx ends first.
func (f *fan) wait(ctx context.Context, cursor string, n int) error {
	for {
		f.mu.Lock()
		got, errs := f.seen[cursor], slices.Clone(f.errs)
		f.mu.Unlock()
		switch {
		case len(errs) > 0:
			return fmt.Errorf("subscribers got %s", strings.Join(errs, "; "))
		case got >= n:
			return nil
		}
		select {
		case <-f.changed:
		case <-ctx.Done():
			return fmt.Errorf("%d of %d subscribers received %s: %w", got, n, cursor, ctx.Err())
		}
	}
}

// fanWriter is one in-process subscriber: the cursors it received.
type fanWriter struct {
	f       *fan
	mu      sync.Mutex
	cursors []string
}

func (w *fanWriter) Next(p []byte) error {
	cursor, ok := cursorOf(p)
	if !ok {
		w.f.record("", "result "+string(p))
		return nil
	}
	w.mu.Lock()
	w.cursors = append(w.cursors, cursor)
	w.mu.Unlock()
	w.f.record(cursor, "")
	return nil
}

func (w *fanWriter) Complete()      { w.f.record("", "complete") }
func (w *fanWriter) Error(p []byte) { w.f.record("", "error "+string(p)) }

func (w *fanWriter) received() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Clone(w.cursors)
}
