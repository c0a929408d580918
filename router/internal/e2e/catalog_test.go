package e2e

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nexus-commerce/nexus/router/internal/testenv"
)

// catalog makes catalog events (admin stock adjustments through the
// router) and knows the cursor of each: a live probe subscription, open
// throughout, sees every one, and nothing else writes to the catalog.
type catalog struct {
	t     *testing.T
	env   *testenv.Env
	ctx   context.Context
	token string
	id    string
	probe *eventStream
}

// probeQuery is the probe's operation (named, so no test operation is
// identical to it).
const probeQuery = `subscription Probe { catalogEvents { cursor } }`

func newCatalog(t *testing.T, env *testenv.Env, ctx context.Context) *catalog {
	c := &catalog{t: t, env: env, ctx: ctx, token: env.Token(t, "alice", "admin"), id: firstProductID(t, env)}
	c.probe = openSSE(t, env, probeQuery)
	c.live(c.probe)
	return c
}

// adjust commits one event.
func (c *catalog) adjust() {
	c.t.Helper()
	r := postAs(c.t, c.env.RouterURL, c.token, `mutation($id: ID!) { adjustStock(id: $id, delta: 1, reason: "e2e") { __typename } }`,
		map[string]any{"id": c.id})
	if len(r.Errors) > 0 {
		c.t.Fatalf("adjustStock: %+v", r.Errors)
	}
}

// live commits events until s (a subscription "from now on") has received
// one: its upstream subscription is then live.
//
// On a slow machine the first event can take longer than one try's wait,
// so more than one may be committed; live then waits until every one of
// them has reached the probe and s (which was live for the last one at
// least), so none is still in flight when the caller starts counting —
// a late event would otherwise reach a client that joins next but not the
// caller's count, or the other way round.
func (c *catalog) live(s *eventStream) {
	c.t.Helper()
	var before []string
	if c.probe != nil && s != c.probe {
		before, _ = c.probe.received()
	}
	n := 0
	for {
		c.adjust()
		n++
		wait, cancel := context.WithTimeout(c.ctx, 250*time.Millisecond)
		_, err := s.wait(wait, "a first event", func(cs []string) bool { return len(cs) > 0 })
		cancel()
		if err == nil {
			break
		}
		if c.ctx.Err() != nil || !errors.Is(err, context.DeadlineExceeded) {
			c.t.Fatalf("subscription never went live: %v", err)
		}
	}
	if c.probe == nil || s == c.probe {
		return // the probe itself: nothing to count against yet
	}
	cs, err := c.probe.wait(c.bounded(), "the probe seeing the live check's events", func(cs []string) bool { return len(cs) >= len(before)+n })
	if err != nil {
		c.t.Fatal(err)
	}
	if _, err := s.until(c.bounded(), cs[len(before)+n-1]); err != nil {
		c.t.Fatalf("the live subscription missed the live check's last event: %v", err)
	}
}

// eventWait bounds one wait for an event that must come: a subscriber
// that lost it fails its check instead of holding the test.
const eventWait = 10 * time.Second

// bounded is a context for one such wait, ended with the test's.
func (c *catalog) bounded() context.Context {
	ctx, cancel := context.WithTimeout(c.ctx, eventWait)
	c.t.Cleanup(cancel)
	return ctx
}

// head is the cursor of the newest event.
func (c *catalog) head() string {
	cs, _ := c.probe.received()
	return cs[len(cs)-1]
}

// commit makes n events and returns their cursors, in order; it checks
// they are consecutive positions of the log (no event of anyone else).
func (c *catalog) commit(n int) []string {
	c.t.Helper()
	before, _ := c.probe.received()
	for range n {
		c.adjust()
	}
	cs, err := c.probe.wait(c.ctx, "the probe seeing the new events", func(cs []string) bool { return len(cs) >= len(before)+n })
	if err != nil {
		c.t.Fatal(err)
	}
	for i := len(before); i < len(cs); i++ {
		if seq(c.t, cs[i]) != seq(c.t, cs[i-1])+1 {
			c.t.Fatalf("the log is not the test's alone: cursor %s after %s", cs[i], cs[i-1])
		}
	}
	return cs[len(before) : len(before)+n]
}

// members waits until the router's subscription groups hold want clients
// in all (the probe included) and returns the groups' sizes.
func (c *catalog) members(want int) []int {
	c.t.Helper()
	wait, cancel := context.WithTimeout(c.ctx, 20*time.Second)
	defer cancel()
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		groups := c.env.Gateway().SubscriptionGroups()
		n := 0
		for _, g := range groups {
			n += g
		}
		if n == want {
			return groups
		}
		select {
		case <-tick.C:
		case <-wait.Done():
			c.t.Fatalf("the router's subscription groups hold %v clients, want %d in all", groups, want)
		}
	}
}

// seq is the log position of a PostgreSQL bus cursor ("pg:<n>").
func seq(t *testing.T, cursor string) int {
	n, err := strconv.Atoi(strings.TrimPrefix(cursor, "pg:"))
	if err != nil || !strings.HasPrefix(cursor, "pg:") {
		t.Fatalf("cursor %q is not pg:<n>", cursor)
	}
	return n
}
