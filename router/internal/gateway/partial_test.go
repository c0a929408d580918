package gateway

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/nexus-commerce/nexus/schema/compose"
	"github.com/nexus-commerce/nexus/schema/supergraph"
)

// nodeGateway is issue 11's class 4: a and b both serve node(id:), and
// each has an implementation of Node whose id it marks @external.
func nodeGateway(t *testing.T) *Gateway {
	t.Helper()
	link := `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@shareable"]) `
	sdl, err := compose.Compose([]compose.Subgraph{
		{Name: "a", URL: "http://127.0.0.1:1/a", SDL: link + `
			type Query { node(id: ID!): Node @shareable account(id: String!): Account chat(id: ID!): Chat! }
			interface Node { id: ID! }
			type Account implements Node @key(fields: "id") { id: ID! username: String! }
			type Chat implements Node @key(fields: "id") { id: ID! @external account: Account! }`},
		{Name: "b", URL: "http://127.0.0.1:1/b", SDL: link + `
			type Query { node(id: ID!): Node @shareable }
			interface Node { id: ID! }
			type Account implements Node @key(fields: "id") { id: ID! @external chats: [Chat!]! }
			type Chat implements Node @key(fields: "id") { id: ID! text: String! }`},
	})
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

// TestPartialPlan: a query whose root fields plan except some is planned
// without them; they answer null with a QUERY_PLAN_FAILED error at their
// path (data null when one is non-null). A query none of whose root
// fields plans is refused whole.
func TestPartialPlan(t *testing.T) {
	g := nodeGateway(t)
	ctx := context.Background()

	if p := g.prepare(ctx, `{ node(id: "a1") { id } }`, "", nil); p.err == nil || p.err.Code != CodeQueryPlanFailed {
		t.Fatalf("node { id } must fail to plan (no subgraph resolves Chat.id and Account.id both): %+v", p.err)
	}

	p := g.prepare(ctx, `{ n: node(id: "a1") { id } account(id: "a1") { id } }`, "", nil)
	if p.err != nil {
		t.Fatalf("account plans, so the query must: %v", p.err)
	}
	if !reflect.DeepEqual(p.rootKeys, []string{"n", "account"}) || len(p.unplanned) != 1 || p.unplanned[0].key != "n" || p.unplanned[0].nonNull {
		t.Fatalf("root keys %v, unplanned %+v", p.rootKeys, p.unplanned)
	}
	got := p.patchUnplanned([]byte(`{"data":{"account":{"id":"a1"}}}`))
	var resp struct {
		Data   json.RawMessage `json:"data"`
		Errors []struct {
			Message    string            `json:"message"`
			Path       []string          `json:"path"`
			Extensions map[string]string `json:"extensions"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(got, &resp); err != nil {
		t.Fatalf("%s: %v", got, err)
	}
	if string(resp.Data) != `{"n":null,"account":{"id":"a1"}}` {
		t.Fatalf("data %s (the failed field null, in the query's order)", resp.Data)
	}
	if len(resp.Errors) != 1 || !reflect.DeepEqual(resp.Errors[0].Path, []string{"n"}) || resp.Errors[0].Extensions["code"] != CodeQueryPlanFailed {
		t.Fatalf("errors %+v", resp.Errors)
	}
	// Errors the execution had are kept, before the planner's.
	got = p.patchUnplanned([]byte(`{"errors":[{"message":"boom","path":["account"]}],"data":{"account":null}}`))
	if err := json.Unmarshal(got, &resp); err != nil || len(resp.Errors) != 2 || resp.Errors[0].Message != "boom" || string(resp.Data) != `{"n":null,"account":null}` {
		t.Fatalf("%s", got)
	}

	// A non-null root field that cannot be planned makes data null.
	p = g.prepare(ctx, `{ chat(id: "c1") { id } account(id: "a1") { username } }`, "", nil)
	if p.err != nil || len(p.unplanned) != 1 || !p.unplanned[0].nonNull {
		t.Fatalf("err %v, unplanned %+v", p.err, p.unplanned)
	}
	got = p.patchUnplanned([]byte(`{"data":{"account":{"username":"x"}}}`))
	if err := json.Unmarshal(got, &resp); err != nil || string(resp.Data) != "null" || len(resp.Errors) != 1 || resp.Errors[0].Path[0] != "chat" {
		t.Fatalf("%s", got)
	}

	// Nothing unplanned: the response is untouched.
	p = g.prepare(ctx, `{ account(id: "a1") { id } }`, "", nil)
	if in := []byte(`{"data":{"account":null}}`); string(p.patchUnplanned(in)) != string(in) {
		t.Fatal("a fully planned query's response was changed")
	}
}
