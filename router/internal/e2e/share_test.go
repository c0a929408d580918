package e2e

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/nexus-commerce/nexus/router/internal/testenv"
)

// resumeQuery is catalogEvents resuming after cursor: identical for every
// client resuming from the same cursor, so the router may group them.
func resumeQuery(cursor string) string {
	return fmt.Sprintf(`subscription { catalogEvents(after: %q) { cursor } }`, cursor)
}

// TestSharingNeverChangesAResult: the router shares one upstream
// subscription between identical subscriptions, and whatever a client
// subscribes to, it receives exactly what it would have received alone
// (issue 10, part A). A live probe subscription records every cursor of
// the log; admin stock adjustments make the events.
func TestSharingNeverChangesAResult(t *testing.T) {
	testenv.Run(t, func(t *testing.T, env *testenv.Env) {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		c := newCatalog(t, env, ctx)

		// The reproduction: with 20 events after cursor K, a client
		// resuming from K while an identical client's subscription has
		// already delivered them gets all 20 too (it got none).
		for _, tr := range transports {
			t.Run("identical resumes over "+tr.name, func(t *testing.T) {
				c.t = t
				k := c.head()
				want := c.commit(20)
				first := tr.open(t, env, resumeQuery(k))
				if _, err := first.until(c.bounded(), want[19]); err != nil {
					t.Fatalf("first client: %v", err)
				}
				second := tr.open(t, env, resumeQuery(k))
				c.members(3) // the probe and both clients
				want = append(want, c.commit(1)...)
				for name, s := range map[string]*eventStream{"first": first, "second": second} {
					got, err := s.until(c.bounded(), want[len(want)-1])
					if err != nil {
						t.Fatalf("%s client: %v", name, err)
					}
					if !slices.Equal(got, want) {
						t.Fatalf("%s client resuming after %s got %d events %v, want the %d after it %v", name, k, len(got), got, len(want), want)
					}
				}
				first.close()
				second.close()
				c.members(1)
			})
		}

		// A live-only subscription (root field without arguments) is shared
		// however late a client comes, and the late client gets the events
		// after it joined.
		t.Run("a late joiner of a live subscription shares its group", func(t *testing.T) {
			c.t = t
			const live = `subscription Live { catalogEvents { cursor } }`
			early := openSSE(t, env, live)
			c.live(early)
			before, _ := early.received()
			late := openWS(t, env, live)
			if groups := c.members(3); !slices.Equal(groups, []int{1, 2}) {
				t.Fatalf("subscription groups %v, want the probe's and one of 2 (early and late clients)", groups)
			}
			want := c.commit(3)
			got, err := late.until(c.bounded(), want[2])
			if err != nil || !slices.Equal(got, want) {
				t.Fatalf("late client got %v (%v), want the events after it joined %v", got, err, want)
			}
			got, err = early.until(c.bounded(), want[2])
			if err != nil || !slices.Equal(got, append(before, want...)) {
				t.Fatalf("early client got %v (%v), want %v then %v", got, err, before, want)
			}
			if groups := env.Gateway().SubscriptionGroups(); !slices.Equal(groups, []int{1, 2}) {
				t.Fatalf("subscription groups %v after the events, want [1 2]", groups)
			}
			early.close()
			late.close()
			c.members(1)
		})

		t.Run("10,000 identical live subscriptions share one group", func(t *testing.T) {
			c.t = t
			fanOut(t, env, c)
		})

		t.Run("property: every subscriber receives exactly the events after its cursor", func(t *testing.T) {
			c.t = t
			resumeProperty(t, c)
		})
	})
}
