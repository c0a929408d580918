package e2e

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/nexus-commerce/nexus/router/internal/testenv"
)

// TestReloadHandsResumableSubscriptionsOver: a reload swaps in a new
// gateway; subscriptions to @resumable fields — replaying or live, over
// WebSocket and SSE — continue on it from their last cursor with no gap,
// no duplicate and no error, and the old gateway is released (its Retire
// returns) instead of being kept alive by them.
func TestReloadHandsResumableSubscriptionsOver(t *testing.T) {
	testenv.Run(t, func(t *testing.T, env *testenv.Env) {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		c := newCatalog(t, env, ctx)
		k := c.head()
		c.commit(2)
		streams := map[string]*eventStream{}
		lives := map[string]*eventStream{}
		for _, tr := range transports {
			streams["catalogEvents over "+tr.name] = tr.open(t, env, resumeQuery(k))
			live := tr.open(t, env, fmt.Sprintf(`subscription Reload%s { catalogEvents { cursor } }`, tr.name))
			c.live(live)
			lives["live catalogEvents over "+tr.name] = live
		}
		bare := startBare(t, env, fmt.Sprintf(`subscription { productChanged(ids: [%q], after: %q) { type productId } }`, c.id, k))
		old := env.Gateway()
		c.adjust()
		c.adjust()
		retired := env.Reload(t)
		c.adjust()
		select {
		case <-retired:
		case <-c.bounded().Done():
			t.Fatalf("the old gateway still runs %d subscriptions after the reload", old.Subscriptions())
		}
		c.adjust()
		if env.Gateway() == old {
			t.Fatal("the reload did not swap the gateway")
		}
		fresh := startBare(t, env, fmt.Sprintf(`subscription { catalogEvents(after: %q) { cursor product { stock } } }`, k))
		want := fresh.log(t, c.bounded(), stockOf(t, env, c.id), nil)
		for name, s := range streams {
			got, err := s.until(c.bounded(), want[len(want)-1])
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if !slices.Equal(got, want) {
				t.Fatalf("%s resuming after %s got %v, want %v", name, k, got, want)
			}
		}
		for name, s := range lives {
			got, err := s.until(c.bounded(), want[len(want)-1])
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			from := slices.Index(want, got[0])
			if from < 0 || !slices.Equal(got, want[from:]) {
				t.Fatalf("%s got %v, want the log from its first event on: %v", name, got, want)
			}
		}
		if got := bare.wait(t, c.bounded(), len(want)); len(got) != len(want) {
			t.Fatalf("the subscriber without the cursor got %d events, want %d: %v", len(got), len(want), got)
		}
		// All of them now run on the new gateway (the fresh one too, and
		// the catalog's probe).
		if n := env.Gateway().Subscriptions(); n != len(streams)+len(lives)+3 {
			t.Fatalf("%d subscriptions on the new gateway, want %d", n, len(streams)+len(lives)+3)
		}
	})
}
