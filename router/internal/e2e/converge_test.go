package e2e

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/nexus-commerce/nexus/router/internal/metrics"
	"github.com/nexus-commerce/nexus/router/internal/testenv"
)

// liveQuery subscribes to catalogEvents from now on with the same operation
// as resumeQuery (the null cursor is a variable like the others): a client
// of the same family.
const liveQuery = `subscription { catalogEvents(after: null) { cursor } }`

// TestGroupsConverge: clients resuming from different cursors — a resume
// storm in small — cannot share a group while they are at different places
// in the log, but once they have all caught up with its head their groups
// merge into one (one upstream subscription), the live one when there is
// one, and every client still receives exactly the events after its
// cursor, in order (issue 10).
func TestGroupsConverge(t *testing.T) {
	m := metrics.New()
	testenv.RunWith(t, testenv.Options{Metrics: m}, func(top *testing.T, env *testenv.Env) {
		ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
		defer cancel()
		c := newCatalog(top, env, ctx)

		t.Run("clients from different cursors end in one group", func(t *testing.T) {
			c.t = t
			log := append([]string{c.head()}, c.commit(6)...)
			subs := map[int]*eventStream{}
			for i := range 6 {
				subs[i] = transports[i%2].open(t, env, resumeQuery(log[i]))
				// Closed even when the test fails: openWS's own cleanup
				// only ends the reader, which may leave the connection
				// (and the client's place in a group) open.
				t.Cleanup(subs[i].close)
			}
			c.members(7)
			live := openWS(t, env, liveQuery)
			t.Cleanup(live.close)
			c.members(8)
			c.live(live)
			c.converged(7)
			if n := merged(t, m); n < 1 {
				t.Fatalf("nexus_router_subscription_groups_merged_total = %v, want merges", n)
			}
			last := c.commit(3)[2]
			for i, s := range subs {
				if msg := c.exactlyAfter(s, log[i], last); msg != "" {
					t.Fatal(msg)
				}
			}
			got, err := live.until(c.bounded(), last)
			if err != nil || len(got) == 0 {
				t.Fatalf("live client: %v (%v)", got, err)
			}
			if msg := c.exactlyAfter(live, c.before(got[0]), last); msg != "" {
				t.Fatal(msg)
			}
			// The survivor is the live group: still one group of 7.
			c.converged(7)

			// The merged group is handed over by a reload and resumes
			// across a subgraph restart like any other: still one group,
			// and still exactly the events after each client's cursor.
			<-env.Reload(top) // the new gateway lives as long as the probe

			c.commit(2)
			env.RestartProduct(t)
			last = c.commit(2)[1]
			for i, s := range subs {
				if msg := c.exactlyAfter(s, log[i], last); msg != "" {
					t.Fatal("after a reload and a restart: " + msg)
				}
			}
			c.converged(7)
			for _, s := range subs {
				s.close()
			}
			live.close()
			c.members(1)
		})

		t.Run("property: subscribers from random cursors converge and receive exactly the events after their cursor", func(t *testing.T) {
			c.t = t
			props := gopter.NewProperties(resumeParams(t))
			props.Property("converged, nothing lost or repeated", prop.ForAll(
				func(steps []int) string { return convergeSchedule(t, c, steps) },
				gen.SliceOfN(10, gen.IntRange(0, 11)),
			))
			props.TestingRun(t)
		})
	})
}

// convergeSchedule runs one schedule of resumeProperty's shape (joins from
// random cursors over either transport at random points among commits and
// catch-ups), then commits one event, waits for every subscriber to have
// it and checks that their groups merged into one and that each received
// exactly the events after its cursor. It returns "" or what went wrong.
func convergeSchedule(t *testing.T, c *catalog, steps []int) string {
	log := append([]string{c.head()}, c.commit(3)...)
	type joined struct {
		s    *eventStream
		from int
	}
	var subs []joined
	defer func() {
		for _, j := range subs {
			j.s.close()
		}
		c.members(1)
	}()
	for _, st := range steps {
		switch {
		case st < 8:
			subs = append(subs, joined{transports[st/4].open(t, c.env, resumeQuery(log[st%4])), st % 4})
			c.members(1 + len(subs))
		case st < 10:
			log = append(log, c.commit(st-7)...)
		default:
			for i, j := range subs {
				if j.from == len(log)-1 {
					continue
				}
				if _, err := j.s.until(c.bounded(), log[len(log)-1]); err != nil {
					return fmt.Sprintf("subscriber %d (after %s), steps %v: %v", i, log[j.from], steps, err)
				}
			}
		}
	}
	if len(subs) == 0 {
		return ""
	}
	log = append(log, c.commit(1)...)
	for i, j := range subs {
		want := log[j.from+1:]
		got, err := j.s.until(c.bounded(), log[len(log)-1])
		if err != nil || !slices.Equal(got, want) {
			return fmt.Sprintf("subscriber %d (after %s), steps %v: got %v (%v), want %v", i, log[j.from], steps, got, err, want)
		}
	}
	if groups, ok := c.convergedWithin(len(subs)); !ok {
		return fmt.Sprintf("steps %v: %d subscribers caught up at %s are in groups %v, want one", steps, len(subs), log[len(log)-1], groups)
	}
	return ""
}

// exactlyAfter waits until s has the event with cursor last and checks
// that it received exactly the log's events after cursor up to the newest
// it has (the probe's record of the log), in order; it returns "" or what
// is wrong.
func (c *catalog) exactlyAfter(s *eventStream, cursor, last string) string {
	got, err := s.until(c.bounded(), last)
	if err != nil {
		return fmt.Sprintf("client after %s: %v", cursor, err)
	}
	all, err := c.probe.until(c.bounded(), got[len(got)-1])
	if err != nil {
		return fmt.Sprintf("probe: %v", err)
	}
	from, to := slices.Index(all, cursor), slices.Index(all, got[len(got)-1])
	if from < 0 || to < from || !slices.Equal(got, all[from+1:to+1]) {
		return fmt.Sprintf("client after %s got %v, want the log after it %v", cursor, got, all[max(from+1, 0):])
	}
	return ""
}

// before is the cursor of the event before cursor in the probe's record.
func (c *catalog) before(cursor string) string {
	all, _ := c.probe.received()
	if i := slices.Index(all, cursor); i > 0 {
		return all[i-1]
	}
	c.t.Fatalf("the probe has no event before %s", cursor)
	return ""
}

// converged waits until the subscribers besides the probe are in one group
// of n.
func (c *catalog) converged(n int) {
	c.t.Helper()
	if groups, ok := c.convergedWithin(n); !ok {
		c.t.Fatalf("subscription groups %v, want the probe's and one of %d", groups, n)
	}
}

// convergedWithin waits (at most 20 s) until the router's groups with
// members are the probe's and one of n, and returns them.
func (c *catalog) convergedWithin(n int) ([]int, bool) {
	want := []int{1, n}
	slices.Sort(want)
	wait, cancel := context.WithTimeout(c.ctx, 20*time.Second)
	defer cancel()
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		var groups []int
		for _, g := range c.env.Gateway().SubscriptionGroups() {
			if g > 0 {
				groups = append(groups, g)
			}
		}
		if slices.Equal(groups, want) {
			return groups, true
		}
		select {
		case <-tick.C:
		case <-wait.Done():
			return groups, false
		}
	}
}

// merged reads nexus_router_subscription_groups_merged_total.
func merged(t *testing.T, m *metrics.Metrics) float64 {
	t.Helper()
	fams, err := m.Registry().Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fams {
		if f.GetName() == "nexus_router_subscription_groups_merged_total" {
			return f.GetMetric()[0].GetCounter().GetValue()
		}
	}
	t.Fatal("nexus_router_subscription_groups_merged_total is not registered")
	return 0
}
