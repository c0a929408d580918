package gateway

import (
	"context"
	"encoding/json"
	"slices"
	"testing"

	"github.com/wundergraph/graphql-go-tools/execution/graphql"

	"github.com/nexus-commerce/nexus/schema/compose"
	"github.com/nexus-commerce/nexus/schema/supergraph"
)

// feedSDL is a subgraph whose subscription fields cover the shapes the
// live-only rule tells apart. It is never called.
const feedSDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key"])
type Event { n: Int! }
type Query { last: Event }
type Subscription {
  live: Event!
  filtered(ids: [ID!]): Event!
  resume(after: String): Event!
  defaulted(topic: String! = "all"): Event!
}
`

// Only a subscription whose root field is given no argument, and defaults
// none, is live-only: anything else might replay, so a late client must
// not join it mid-stream.
func TestLiveOnly(t *testing.T) {
	sdl, err := compose.Compose([]compose.Subgraph{{Name: "feed", URL: "http://127.0.0.1:1/graphql", SDL: feedSDL}})
	if err != nil {
		t.Fatal(err)
	}
	sg, err := supergraph.Parse(sdl)
	if err != nil {
		t.Fatal(err)
	}
	g, err := New(Options{Supergraph: sg})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(g.Close)
	const two = `subscription A { live { n } } subscription B { resume(after: "x") { n } }`
	for _, tt := range []struct {
		name, query, opName, vars string
		want                      bool
	}{
		{"no arguments", `subscription { live { n } }`, "", "", true},
		{"an optional argument not given", `subscription { filtered { n } }`, "", "", true},
		{"aliased in an inline fragment", `subscription { ... on Subscription { e: live { n } } }`, "", "", true},
		{"through a fragment spread", `subscription { ...F } fragment F on Subscription { live { n } }`, "", "", true},
		{"the live operation of two", two, "A", "", true},
		{"the other operation of two", two, "B", "", false},
		{"a cursor", `subscription { resume(after: "c1") { n } }`, "", "", false},
		{"a null argument", `subscription { resume(after: null) { n } }`, "", "", false},
		{"an argument from a variable", `subscription($a: String) { resume(after: $a) { n } }`, "", `{"a":"c1"}`, false},
		{"an argument from an unset variable", `subscription($a: String) { resume(after: $a) { n } }`, "", "", false},
		{"a filter", `subscription { filtered(ids: ["1"]) { n } }`, "", "", false},
		{"a schema default", `subscription { defaulted { n } }`, "", "", false},
		{"a query", `{ last { n } }`, "", "", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := g.prepare(context.Background(), tt.query, tt.opName, []byte(tt.vars))
			if p.err != nil {
				t.Fatalf("prepare: %v", p.err)
			}
			if p.live != tt.want {
				t.Fatalf("live = %v, want %v", p.live, tt.want)
			}
		})
	}
}

// An identical subscription joins a running group only before the group's
// first event; after it, the newcomer gets a group and an upstream
// subscription of its own (productEvents takes an argument: not live-only).
func TestSubscriptionGroupAdmission(t *testing.T) {
	fed := newFederation(t, Options{})
	close(fed.release)
	const topic = "admission"
	req := &graphql.Request{Query: eventsQuery, Variables: json.RawMessage(`{"topic":"` + topic + `"}`)}
	start := func() *chanWriter {
		t.Helper()
		w := newChanWriter(false)
		stop, err := fed.gw.Start(context.Background(), req, ExecOptions{}, w)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(stop)
		return w
	}
	groups := func(want ...int) {
		t.Helper()
		if got := fed.gw.SubscriptionGroups(); !slices.Equal(got, want) {
			t.Fatalf("subscription groups %v, want %v", got, want)
		}
	}

	a := start()
	b := start() // before the first event: shares a's group
	groups(2)
	if err := fed.events.WaitSubscribers(deadline(t), topic, 1); err != nil {
		t.Fatal(err)
	}
	fed.events.Publish(topic, "product.updated", "p1", "")
	a.wantNext(t, `"seq":1`)
	b.wantNext(t, `"seq":1`)

	c := start() // after it: a group of its own
	groups(1, 2)
	if err := fed.events.WaitSubscribers(deadline(t), topic, 2); err != nil {
		t.Fatalf("the late client has no upstream subscription of its own: %v", err)
	}
	d := start() // joins c's group, which has delivered nothing yet
	groups(2, 2)
	fed.events.Publish(topic, "product.updated", "p2", "")
	for _, w := range []*chanWriter{a, b, c, d} {
		w.wantNext(t, `"seq":2`)
	}
	if n := fed.events.Subscribes(); n != 2 {
		t.Fatalf("the subgraph served %d subscribe calls, want 2 (one per group)", n)
	}
}

// A live group that is about to subscribe again from its last cursor (its
// upstream was lost, or a reload hands it over) replays what its members
// missed: a newcomer joining it then would receive events committed before
// it subscribed (busmodel, NEXUS_PROP_SEED=1796387630716773860, found it).
// It admits newcomers until then, and none after; a group that delivered
// nothing subscribes again live and still admits them.
func TestResumedLiveGroupAdmitsNoNewcomer(t *testing.T) {
	newGroup := func() *group {
		return &group{live: true, members: map[*subscriber]struct{}{{}: {}}}
	}
	grp := newGroup()
	if _, ok := grp.deliver("pg:7"); !ok {
		t.Fatal("deliver refused")
	}
	grp.settle()
	if !grp.admit(&subscriber{}) {
		t.Fatal("a live group that delivered refused a newcomer before any loss")
	}
	grp.markResumed()
	if grp.admit(&subscriber{}) {
		t.Fatal("a live group subscribing again from its cursor admitted a newcomer: it would replay older events to it")
	}
	if n := len(grp.members); n != 2 {
		t.Fatalf("%d members, want 2", n)
	}

	fresh := newGroup()
	fresh.markResumed() // lost before its first event: it subscribes again live
	if !fresh.admit(&subscriber{}) {
		t.Fatal("a live group that delivered nothing refused a newcomer after a loss")
	}
}
