package gateway

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"strings"
	"syscall"
	"testing"

	"github.com/wundergraph/graphql-go-tools/execution/graphql"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/datasource/graphql_datasource/subscriptionclient/common"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/datasource/graphql_datasource/subscriptionclient/transport"

	"github.com/nexus-commerce/nexus/schema/compose"
	"github.com/nexus-commerce/nexus/schema/supergraph"
)

// resumableSDL declares two subscription fields resumable; the others
// keep the conservative rule. It is never called.
const resumableSDL = `extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@composeDirective"])
  @link(url: "https://nexus.dev/subscriptions/v1.0", import: ["@resumable"])
  @composeDirective(name: "@resumable")
directive @resumable(argument: String!, field: String!) on FIELD_DEFINITION
type Event { n: Int! at: String! }
type Query { last: Event }
type Subscription {
  events(after: String): Event! @resumable(argument: "after", field: "at")
  changes(ids: [ID!], since: ID): Event! @resumable(argument: "since", field: "at")
  other(after: String): Event!
}
`

func resumableGateway(t *testing.T) *Gateway {
	t.Helper()
	sdl, err := compose.Compose([]compose.Subgraph{{Name: "feed", URL: "http://127.0.0.1:1/graphql", SDL: resumableSDL}})
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
	return g
}

// A subscription to a declared field is live exactly when its cursor
// argument is not given (absent or null); its other arguments only
// filter. Undeclared fields keep the conservative rule.
func TestLiveWithDeclarations(t *testing.T) {
	g := resumableGateway(t)
	for _, tt := range []struct {
		name, query, vars string
		live              bool
	}{
		{"no cursor", `subscription { events { n } }`, "", true},
		{"a null cursor", `subscription { events(after: null) { n } }`, "", true},
		{"a cursor", `subscription { events(after: "c1") { n } }`, "", false},
		{"a cursor variable", `subscription($a: String) { events(after: $a) { n } }`, `{"a":"c1"}`, false},
		{"an unset cursor variable", `subscription($a: String) { events(after: $a) { n } }`, "", true},
		{"a null cursor variable", `subscription($a: String) { events(after: $a) { n } }`, `{"a":null}`, true},
		{"a filter without a cursor", `subscription { changes(ids: ["1", "2"]) { n } }`, "", true},
		{"a filter from a variable", `subscription($ids: [ID!]) { changes(ids: $ids) { n } }`, `{"ids":["1"]}`, true},
		{"a filter with a cursor", `subscription { changes(ids: ["1"], since: "c1") { n } }`, "", false},
		{"in an inline fragment", `subscription { ... on Subscription { e: events { n } } }`, "", true},
		{"an undeclared field with an argument", `subscription { other(after: null) { n } }`, "", false},
		{"an undeclared field without", `subscription { other { n } }`, "", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := g.prepare(context.Background(), tt.query, "", []byte(tt.vars))
			if p.err != nil {
				t.Fatalf("prepare: %v", p.err)
			}
			if p.live != tt.live {
				t.Fatalf("live = %v, want %v", p.live, tt.live)
			}
		})
	}
}

// The group finds each event's cursor where the client selected it, or
// selects it itself under resumeAlias and strips it; the resume request
// is the client's operation with the cursor argument set to the last
// cursor, and it prepares as a replaying subscription of the same shape.
func TestResumeRequest(t *testing.T) {
	g := resumableGateway(t)
	for _, tt := range []struct {
		name, query, vars    string
		rootKey, cursorKey   string
		strip                bool
		event, fanned, after string
	}{
		{"cursor selected", `subscription { events { n at } }`, "", "events", "at", false,
			`{"data":{"events":{"n":1,"at":"c7"}}}`, `{"data":{"events":{"n":1,"at":"c7"}}}`, "c7"},
		{"cursor aliased", `subscription { e: events(after: "c1") { n pos: at } }`, "", "e", "pos", false,
			`{"data":{"e":{"n":1,"pos":"c7"}}}`, `{"data":{"e":{"n":1,"pos":"c7"}}}`, "c7"},
		{"cursor not selected", `subscription($ids: [ID!]) { changes(ids: $ids) { n } }`, `{"ids":["1"]}`, "changes", resumeAlias, true,
			`{"data":{"changes":{"n":1,"` + resumeAlias + `":"c7"}}}`, `{"data":{"changes":{"n":1}}}`, "c7"},
		// Normalisation settles @skip/@include by the variables first.
		{"cursor under a condition that holds", `subscription($s: Boolean!) { events { n at @skip(if: $s) } }`, `{"s":false}`, "events", "at", false,
			`{"data":{"events":{"n":1,"at":"c7"}}}`, `{"data":{"events":{"n":1,"at":"c7"}}}`, "c7"},
		{"cursor under a condition that does not", `subscription($s: Boolean!) { events { n at @skip(if: $s) } }`, `{"s":true}`, "events", resumeAlias, true,
			`{"data":{"events":{"n":1,"` + resumeAlias + `":"c7"}}}`, `{"data":{"events":{"n":1}}}`, "c7"},
		{"an error result", `subscription { events { n at } }`, "", "events", "at", false,
			`{"errors":[{"message":"x"}],"data":null}`, `{"errors":[{"message":"x"}],"data":null}`, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := g.prepare(context.Background(), tt.query, "", []byte(tt.vars))
			if p.err != nil {
				t.Fatalf("prepare: %v", p.err)
			}
			r := p.resume
			if r == nil {
				t.Fatal("not resumable")
			}
			if r.rootKey != tt.rootKey || r.cursorKey != tt.cursorKey || r.strip != tt.strip {
				t.Fatalf("keys %q %q strip %v, want %q %q %v", r.rootKey, r.cursorKey, r.strip, tt.rootKey, tt.cursorKey, tt.strip)
			}
			cursor, out := r.cursorOf([]byte(tt.event))
			if cursor != tt.after || string(out) != tt.fanned {
				t.Fatalf("cursorOf = %q %s, want %q %s", cursor, out, tt.after, tt.fanned)
			}
			// Subscribing again: a replay from the cursor, planned and
			// reading its cursor from the same place.
			vars := r.resumeRequest("c9")
			np := g.prepare(context.Background(), r.query, r.opName, vars)
			if np.err != nil {
				t.Fatalf("resume request %s %s: %v", r.query, vars, np.err)
			}
			if np.live || np.resume == nil || np.resume.rootKey != r.rootKey || np.resume.cursorKey != r.cursorKey {
				t.Fatalf("resume request %s %s: live %v, resume %+v", r.query, vars, np.live, np.resume)
			}
			if !strings.Contains(string(vars), `"c9"`) {
				t.Fatalf("resume variables %s lack the cursor", vars)
			}
			var m map[string]json.RawMessage
			if err := json.Unmarshal(np.variables, &m); err != nil {
				t.Fatal(err)
			}
			found := false
			for _, v := range m {
				found = found || string(v) == `"c9"`
			}
			if !found {
				t.Fatalf("prepared resume variables %s lack the cursor", np.variables)
			}
		})
	}
	if p := g.prepare(context.Background(), `subscription { other(after: "x") { n } }`, "", nil); p.err != nil || p.resume != nil {
		t.Fatalf("an undeclared field: %v, %+v", p.err, p.resume)
	}
}

// A subscription that is not resumable and loses its upstream after it
// delivered ends with SUBGRAPH_UNAVAILABLE naming the subgraph — not the
// engine's "upstream service error" with code "".
func TestLostUpstreamEndsWithSubgraphUnavailable(t *testing.T) {
	fed := newFederation(t, Options{})
	close(fed.release)
	const topic = "lost"
	w := newChanWriter(false)
	stop, err := fed.gw.Start(context.Background(), &graphql.Request{Query: eventsQuery, Variables: json.RawMessage(`{"topic":"` + topic + `"}`)}, ExecOptions{}, w)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	if err := fed.events.WaitSubscribers(deadline(t), topic, 1); err != nil {
		t.Fatal(err)
	}
	fed.events.Publish(topic, "product.updated", "p1", "")
	w.wantNext(t, `"seq":1`)
	fed.sever()
	select {
	case got := <-w.errs:
		if !strings.Contains(got, `"code":"SUBGRAPH_UNAVAILABLE"`) || !strings.Contains(got, `"serviceName":"events"`) || !strings.Contains(got, `subgraph \"events\"`) {
			t.Fatalf("error %s, want SUBGRAPH_UNAVAILABLE naming the events subgraph", got)
		}
	case got := <-w.next:
		t.Fatalf("result %s, want an error", got)
	case <-w.completed:
		t.Fatal("completed, want an error")
	case <-deadline(t).Done():
		t.Fatal("no error")
	}
}

// A subscription whose upstream is lost before it delivered anything is
// subscribed again (its clients cannot tell): the engine race behind
// issue 10's "upstream service error" at start is retried, not shown.
func TestLostUpstreamBeforeFirstEventSubscribesAgain(t *testing.T) {
	fed := newFederation(t, Options{})
	close(fed.release)
	const topic = "restart"
	w := newChanWriter(false)
	stop, err := fed.gw.Start(context.Background(), &graphql.Request{Query: eventsQuery, Variables: json.RawMessage(`{"topic":"` + topic + `"}`)}, ExecOptions{}, w)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	if err := fed.events.WaitSubscribers(deadline(t), topic, 1); err != nil {
		t.Fatal(err)
	}
	fed.sever()
	waitFor(t, "a second upstream subscription", func() bool { return fed.events.Subscribes() == 2 })
	if err := fed.events.WaitSubscribers(deadline(t), topic, 1); err != nil {
		t.Fatal(err)
	}
	fed.events.Publish(topic, "product.updated", "p1", "")
	w.wantNext(t, `"seq":1`)
}

// What the engine reports when an upstream subscription cannot start is
// told apart: the connection's failures (subscribe again) from anything
// else (the client sees SUBSCRIPTION_FAILED).
func TestConnectionFailed(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want bool
	}{
		{fmt.Errorf("failed to write msg: %w", net.ErrClosed), true},
		{errors.New("failed to write msg: write tcp 127.0.0.1:1->127.0.0.1:2: use of closed network connection"), true},
		{fmt.Errorf("%w: %w", transport.ErrDialFailed, syscall.ECONNREFUSED), true},
		{fmt.Errorf("read: %w", common.ErrConnectionClosed), true},
		{transport.ErrFailedUpgrade{URL: "http://x", StatusCode: 503}, true},
		{transport.ErrFailedUpgrade{URL: "http://x", StatusCode: 401}, false},
		{transport.ErrInvalidSubprotocol("x"), false},
		{errors.New("invalid input"), false},
		{nil, false},
	} {
		if got := connectionFailed(tt.err); got != tt.want {
			t.Errorf("connectionFailed(%v) = %v, want %v", tt.err, got, tt.want)
		}
	}
}
