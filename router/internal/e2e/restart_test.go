package e2e

import (
	"bytes"
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

// TestSubgraphRestartResumesSubscriptions: the product subgraph process is
// SIGKILLed and restarted mid-stream while events are committed (some
// right before the kill, so they may still be in the outbox when it dies).
// Every subscription to a @resumable field — replaying from a cursor or
// live, over WebSocket and SSE, selecting the cursor or not — continues
// across the restart: each client receives exactly the events after its
// cursor (or after it joined), in order, with no error and no complete
// (issue 10, part B). The truth is the log itself, read afterwards by a
// fresh subscription from the first cursor.
func TestSubgraphRestartResumesSubscriptions(t *testing.T) {
	for _, upstream := range []string{"ws", "sse"} {
		t.Run("upstream over "+upstream, func(t *testing.T) {
			restartUnderSubscriptions(t, gateway.SubgraphSubscription{Protocol: upstream})
		})
	}
}

func restartUnderSubscriptions(t *testing.T, upstream gateway.SubgraphSubscription) {
	testenv.RunWith(t, testenv.Options{ProductSubscription: upstream}, func(t *testing.T, env *testenv.Env) {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		c := newCatalog(t, env, ctx)
		k := c.head()
		c.commit(2)

		replays := map[string]*eventStream{}
		lives := map[string]*eventStream{}
		for _, tr := range transports {
			replays["catalogEvents over "+tr.name] = tr.open(t, env, resumeQuery(k))
			replays["productChanged over "+tr.name] = tr.open(t, env,
				fmt.Sprintf(`subscription { productChanged(ids: [%q], after: %q) { cursor } }`, c.id, k))
			live := tr.open(t, env, fmt.Sprintf(`subscription Live%s { catalogEvents { cursor } }`, tr.name))
			c.live(live)
			lives["live catalogEvents over "+tr.name] = live
		}
		// One that does not select the cursor: the router selects it for
		// itself and clients never see it.
		bare := startBare(t, env, fmt.Sprintf(`subscription { productChanged(ids: [%q], after: %q) { type productId } }`, c.id, k))

		c.commit(3)
		// Events committed right before the kill: delivered before it, or
		// published by the relay after the restart — either way once.
		for range 3 {
			c.adjust()
		}
		env.RestartProduct(t)
		for range 3 {
			c.adjust()
		}
		fresh := startBare(t, env, fmt.Sprintf(`subscription { catalogEvents(after: %q) { cursor product { stock } } }`, k))
		want := fresh.log(t, c.bounded(), stockOf(t, env, c.id), nil)
		last := want[len(want)-1]
		for i := 1; i < len(want); i++ {
			if seq(t, want[i]) != seq(t, want[i-1])+1 {
				t.Fatalf("the log after %s is not consecutive: %v", k, want)
			}
		}
		for name, s := range replays {
			got, err := s.until(c.bounded(), last)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if !slices.Equal(got, want) {
				t.Fatalf("%s resuming after %s got %v, want %v", name, k, got, want)
			}
		}
		for name, s := range lives {
			got, err := s.until(c.bounded(), last)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			from := slices.Index(want, got[0])
			if from < 0 || !slices.Equal(got, want[from:]) {
				t.Fatalf("%s got %v, want the log from its first event on: %v", name, got, want)
			}
		}
		// Still streaming after the restart, and nothing more arrived.
		c.adjust()
		want = fresh.log(t, c.bounded(), stockOf(t, env, c.id), want)
		for name, s := range replays {
			if got, err := s.until(c.bounded(), want[len(want)-1]); err != nil || !slices.Equal(got, want) {
				t.Fatalf("%s after the restart: %v, %v", name, got, err)
			}
		}
		got := bare.wait(t, c.bounded(), len(want))
		if len(got) != len(want) {
			t.Fatalf("the subscriber without the cursor got %d events, want %d: %v", len(got), len(want), got)
		}
		for i, p := range got {
			if strings.Contains(p, "_nexusResumeCursor") || strings.Contains(p, "cursor") {
				t.Fatalf("event %d shows the cursor the router selected for itself: %s", i, p)
			}
			if want := fmt.Sprintf(`{"data":{"productChanged":{"type":"product.stock-changed","productId":%q}}}`, c.id); p != want {
				t.Fatalf("event %d = %s, want %s", i, p, want)
			}
		}
	})
}

// bareWriter is an in-process subscriber through the router's gateway that
// keeps every payload as it arrived.
type bareWriter struct {
	mu       sync.Mutex
	payloads []string
	ends     []string
	arrived  chan struct{}
}

func startBare(t *testing.T, env *testenv.Env, query string) *bareWriter {
	t.Helper()
	var o gateway.ExecOptions
	if err := env.Exec(httptest.NewRequest("POST", "/graphql", nil), &o); err != nil {
		t.Fatal(err)
	}
	w := &bareWriter{arrived: make(chan struct{}, 1)}
	stop, err := env.Gateway().Start(context.Background(), &graphql.Request{Query: query}, o, w)
	if err != nil {
		t.Fatalf("start: %v", err)
	}
	t.Cleanup(stop)
	return w
}

func (w *bareWriter) Next(p []byte) error {
	var buf bytes.Buffer
	if err := json.Compact(&buf, p); err != nil {
		buf.Reset()
		buf.Write(p)
	}
	w.mu.Lock()
	w.payloads = append(w.payloads, buf.String())
	w.mu.Unlock()
	w.notify()
	return nil
}

func (w *bareWriter) Complete() { w.end("complete") }

func (w *bareWriter) Error(p []byte) { w.end("error " + string(p)) }

func (w *bareWriter) end(what string) {
	w.mu.Lock()
	w.ends = append(w.ends, what)
	w.mu.Unlock()
	w.notify()
}

func (w *bareWriter) notify() {
	select {
	case w.arrived <- struct{}{}:
	default:
	}
}

// wait returns the payloads once n arrived, failing on an end or ctx.
func (w *bareWriter) wait(t *testing.T, ctx context.Context, n int) []string {
	t.Helper()
	for {
		w.mu.Lock()
		got, ends := slices.Clone(w.payloads), slices.Clone(w.ends)
		w.mu.Unlock()
		if len(ends) > 0 {
			t.Fatalf("the router ended the subscription: %v (after %v)", ends, got)
		}
		if len(got) >= n {
			return got
		}
		select {
		case <-w.arrived:
		case <-ctx.Done():
			t.Fatalf("%d of %d events arrived: %v", len(got), n, got)
		}
	}
}

// log reads the cursors of a subscriber to catalogEvents { cursor product
// { stock } } after the ones in have, up to the event that left the
// product at stock (every event of these tests adds 1): the log's truth.
func (w *bareWriter) log(t *testing.T, ctx context.Context, stock int, have []string) []string {
	t.Helper()
	for {
		got := w.wait(t, ctx, len(have)+1)
		var ev struct {
			Data struct {
				CatalogEvents struct {
					Cursor  string
					Product struct{ Stock int }
				}
			}
		}
		if err := json.Unmarshal([]byte(got[len(have)]), &ev); err != nil {
			t.Fatal(err)
		}
		have = append(have, ev.Data.CatalogEvents.Cursor)
		if ev.Data.CatalogEvents.Product.Stock == stock {
			return have
		}
	}
}

// A subgraph that stays down longer than subscriptions.resume_timeout ends
// resumable subscriptions with SUBGRAPH_UNAVAILABLE naming it; clients
// keep their last cursor and may resume when it is back.
func TestSubgraphDownEndsResumableSubscriptionsAfterTheTimeout(t *testing.T) {
	testenv.RunWith(t, testenv.Options{ResumeTimeout: 700 * time.Millisecond}, func(t *testing.T, env *testenv.Env) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		c := newCatalog(t, env, ctx)
		k := c.head()
		want := c.commit(1)
		s := openWS(t, env, resumeQuery(k))
		if _, err := s.until(c.bounded(), want[0]); err != nil {
			t.Fatal(err)
		}
		// An error result the subgraph sends is no lost connection: it
		// reaches the client, which is not subscribed again.
		bad := openSSE(t, env, resumeQuery("pg:bogus"))
		if _, err := bad.wait(c.bounded(), "the error", func([]string) bool { return false }); err == nil || !strings.Contains(err.Error(), `"INVALID"`) {
			t.Fatalf("a bad cursor: got %v, want the subgraph's INVALID error", err)
		}
		env.KillProduct(t)
		_, err := s.wait(c.bounded(), "the end", func([]string) bool { return false })
		if err == nil || !strings.Contains(err.Error(), `"code":"SUBGRAPH_UNAVAILABLE"`) || !strings.Contains(err.Error(), `\"product\"`) {
			t.Fatalf("got %v, want SUBGRAPH_UNAVAILABLE naming the product subgraph", err)
		}
		env.StartProduct(t)
	})
}
