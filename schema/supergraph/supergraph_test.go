package supergraph

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

func golden(t *testing.T) *Supergraph {
	t.Helper()
	b, err := os.ReadFile("../compose/testdata/supergraph.golden.graphql")
	if err != nil {
		t.Fatal(err)
	}
	sg, err := Parse(string(b))
	if err != nil {
		t.Fatal(err)
	}
	return sg
}

func TestMetadata(t *testing.T) {
	sg := golden(t)
	reviews, ok := sg.Graph("reviews")
	if !ok || reviews.URL != "http://reviews/graphql" || reviews.Enum != "REVIEWS" {
		t.Fatalf("reviews graph = %+v", reviews)
	}
	wantRoots := []TypeFields{
		{TypeName: "Query", FieldNames: []string{"topReviewed"}},
		{TypeName: "Product", FieldNames: []string{"id", "reviewCount", "headline"}, ExternalFieldNames: []string{"name"}},
	}
	if !reflect.DeepEqual(reviews.RootNodes, wantRoots) {
		t.Fatalf("root nodes = %+v", reviews.RootNodes)
	}
	if !reflect.DeepEqual(reviews.Keys, []FieldSet{{TypeName: "Product", SelectionSet: "id", Resolvable: true}}) {
		t.Fatalf("keys = %+v", reviews.Keys)
	}
	if !reflect.DeepEqual(reviews.Requires, []FieldSet{{TypeName: "Product", FieldName: "headline", SelectionSet: "name", Resolvable: true}}) {
		t.Fatalf("requires = %+v", reviews.Requires)
	}
	products, _ := sg.Graph("products")
	if !reflect.DeepEqual(products.ChildNodes, []TypeFields{{TypeName: "Money", FieldNames: []string{"amount", "currency"}}}) {
		t.Fatalf("child nodes = %+v", products.ChildNodes)
	}
	if !strings.Contains(reviews.SDL, `type Product @key(fields: "id")`) || strings.Contains(reviews.SDL, "price") {
		t.Fatalf("reviews SDL is not the reviews view:\n%s", reviews.SDL)
	}
	if !reflect.DeepEqual(sg.Arguments, []FieldArguments{
		{TypeName: "Query", FieldName: "product", ArgumentNames: []string{"id"}},
		{TypeName: "Query", FieldName: "products", ArgumentNames: []string{"first", "sort"}},
	}) {
		t.Fatalf("arguments = %+v", sg.Arguments)
	}
}

func TestAPISchemaHidesMachineryAndInaccessible(t *testing.T) {
	sdl := `schema @link(url: "https://specs.apollo.dev/link/v1.0") @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION) { query: Query }
directive @join__graph(name: String!, url: String!) on ENUM_VALUE
directive @join__type(graph: join__Graph!, key: join__FieldSet) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
directive @join__field(graph: join__Graph, external: Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION
directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
directive @inaccessible on FIELD_DEFINITION | OBJECT | ENUM_VALUE
scalar join__FieldSet
scalar link__Import
enum link__Purpose { SECURITY EXECUTION }
enum join__Graph { ACCOUNTS @join__graph(name: "accounts", url: "http://accounts:4001/graphql") }
type Query @join__type(graph: ACCOUNTS) { me: User secret: String @inaccessible }
type User @join__type(graph: ACCOUNTS, key: "id") { id: ID! internalScore: Int @inaccessible role: Role }
type Hidden @inaccessible @join__type(graph: ACCOUNTS) { x: Int }
enum Role @join__type(graph: ACCOUNTS) { ADMIN SHOPPER STAFF @inaccessible }
`
	// A supergraph in the shape other federation tools print (join v0.3).
	sg, err := Parse(sdl)
	if err != nil {
		t.Fatal(err)
	}
	for _, hidden := range []string{"join__", "link__", "@link", "secret", "internalScore", "Hidden", "STAFF", "@inaccessible"} {
		if strings.Contains(sg.APISchema, hidden) {
			t.Errorf("API schema exposes %q:\n%s", hidden, sg.APISchema)
		}
	}
	if _, err := gqlparser.LoadSchema(&ast.Source{Input: sg.APISchema}); err != nil {
		t.Fatalf("API schema invalid: %v\n%s", err, sg.APISchema)
	}
	accounts, _ := sg.Graph("accounts")
	if accounts.URL != "http://accounts:4001/graphql" || len(accounts.Keys) != 1 {
		t.Fatalf("accounts = %+v", accounts)
	}
}

func TestParseRejectsNonSupergraph(t *testing.T) {
	if _, err := Parse(`type Query { a: Int }`); err == nil || !strings.Contains(err.Error(), "join__Graph") {
		t.Fatalf("err = %v", err)
	}
	if _, err := Parse(`type Query {`); err == nil {
		t.Fatal("syntax error accepted")
	}
}

func parseFile(t *testing.T, name string) *Supergraph {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	sg, err := Parse(string(b))
	if err != nil {
		t.Fatal(err)
	}
	return sg
}

// TestImplicitKeys: A declares User by id, B by email; A resolves email,
// so it gets "email" as a key it cannot be fetched by (the planner's
// source for a jump to B), while B, whose email is external, gets no
// "id" key (it does not resolve id).
func TestImplicitKeys(t *testing.T) {
	sg := parseFile(t, "different-keys.graphql")
	a, _ := sg.Graph("a")
	b, _ := sg.Graph("b")
	wantA := []FieldSet{
		{TypeName: "User", SelectionSet: "id", Resolvable: true},
		{TypeName: "User", SelectionSet: "email", Resolvable: false},
	}
	if !reflect.DeepEqual(a.Keys, wantA) {
		t.Fatalf("a keys = %+v, want %+v", a.Keys, wantA)
	}
	if !reflect.DeepEqual(b.Keys, []FieldSet{{TypeName: "User", SelectionSet: "email", Resolvable: true}}) {
		t.Fatalf("b keys = %+v", b.Keys)
	}
}

// TestEngineSchema: the planner's schema keeps @inaccessible fields (a
// @requires chain may run through them) but not @inaccessible enum
// values; the API schema keeps neither.
func TestEngineSchema(t *testing.T) {
	sg := parseFile(t, "requires-inaccessible-chain.graphql")
	for _, f := range []string{"b: String!", "c: String!"} {
		if strings.Contains(sg.APISchema, f) {
			t.Errorf("API schema shows the @inaccessible field %q", f)
		}
		if !strings.Contains(sg.EngineSchema, f) {
			t.Errorf("engine schema lacks the @inaccessible field %q:\n%s", f, sg.EngineSchema)
		}
	}
	if strings.Contains(sg.EngineSchema, "@inaccessible") || strings.Contains(sg.EngineSchema, "join__") {
		t.Errorf("engine schema carries composition machinery:\n%s", sg.EngineSchema)
	}
	g := golden(t)
	if g.EngineSchema == "" {
		t.Fatal("no engine schema")
	}
}

// TestRequiresFragmentsPruned: b requires data { ... on Bar { ... on Baz
// { baz } ... on Qux { qux } } } but data comes from a, which has no Baz:
// the planner is given the selection without the impossible fragment.
func TestRequiresFragmentsPruned(t *testing.T) {
	sg := parseFile(t, "requires-fragments.graphql")
	b, _ := sg.Graph("b")
	want := []FieldSet{{TypeName: "Entity", FieldName: "requirer", SelectionSet: "data { foo ... on Bar { bar ... on Qux { qux } } }", Resolvable: true}}
	if !reflect.DeepEqual(b.Requires, want) {
		t.Fatalf("requires = %+v, want %+v", b.Requires, want)
	}
	// Nothing to drop: the selection is kept byte for byte.
	g := golden(t)
	reviews, _ := g.Graph("reviews")
	if reviews.Requires[0].SelectionSet != "name" {
		t.Fatalf("requires = %+v", reviews.Requires)
	}
}

// TestExternalKeyField: a (v2) subgraph that marks a key field @external
// cannot resolve it (a's Chat.id, b's Account.id), while a v1 type
// extension's @external key field stays resolvable (golden's v1 sets and
// the wgc differential check that side).
func TestExternalKeyField(t *testing.T) {
	sg := parseFile(t, "node-external-id.graphql")
	a, _ := sg.Graph("a")
	b, _ := sg.Graph("b")
	has := func(g *Graph, typ string, want TypeFields) {
		t.Helper()
		for _, r := range g.RootNodes {
			if r.TypeName == typ {
				if !reflect.DeepEqual(r, want) {
					t.Fatalf("%s root %s = %+v, want %+v", g.Name, typ, r, want)
				}
				return
			}
		}
		t.Fatalf("%s has no root node %s", g.Name, typ)
	}
	has(a, "Chat", TypeFields{TypeName: "Chat", FieldNames: []string{"account"}, ExternalFieldNames: []string{"id"}})
	has(b, "Account", TypeFields{TypeName: "Account", FieldNames: []string{"chats"}, ExternalFieldNames: []string{"id"}})
	has(a, "Account", TypeFields{TypeName: "Account", FieldNames: []string{"id", "username"}})
}
