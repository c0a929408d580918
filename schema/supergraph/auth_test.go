package supergraph

import (
	"reflect"
	"strings"
	"testing"

	"github.com/nexus-commerce/nexus/schema/compose"
)

// authSupergraph composes two subgraphs that use every authorization and
// cost directive, so Parse reads what our composer writes.
func authSupergraph(t *testing.T) *Supergraph {
	t.Helper()
	a := `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@authenticated", "@requiresScopes", "@policy", "@cost", "@listSize"])
scalar Email @requiresScopes(scopes: [["read:pii"]])
enum Tier @policy(policies: [["tier_visible"]]) { FREE PAID }
type Account @key(fields: "id") @requiresScopes(scopes: [["read:accounts"], ["admin"]]) {
  id: ID!
  email: Email @requiresScopes(scopes: [["read:email"]])
  tier: Tier
  notes: String @policy(policies: [["owner"], ["support", "escalated"]])
}
type Query {
  account(id: ID!): Account @authenticated
  accounts(first: Int @cost(weight: 2), after: String): [Account!]! @listSize(slicingArguments: ["first"], requireOneSlicingArgument: false) @cost(weight: 7)
  public: String
}
`
	b := `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@requiresScopes", "@cost", "@listSize"])
type Account @key(fields: "id") @requiresScopes(scopes: [["auditor"]]) @cost(weight: 3) { id: ID! logins: Int! }
type Query { recent: [Account!]! @listSize(assumedSize: 25) }
`
	sdl, err := compose.Compose([]compose.Subgraph{{Name: "a", URL: "http://a", SDL: a}, {Name: "b", URL: "http://b", SDL: b}})
	if err != nil {
		t.Fatal(err)
	}
	for _, link := range []string{"authenticated/v0.1", "requiresScopes/v0.1", "policy/v0.1", `cost/v0.1", import: ["@cost", "@listSize"]`} {
		if !strings.Contains(sdl, link) {
			t.Errorf("supergraph lacks the %s link:\n%s", link, sdl)
		}
	}
	sg, err := Parse(sdl)
	if err != nil {
		t.Fatalf("%v\n%s", err, sdl)
	}
	return sg
}

func TestAuthorization(t *testing.T) {
	sg := authSupergraph(t)
	got := map[string]FieldAuthorization{}
	for _, a := range sg.Authorization {
		got[a.TypeName+"."+a.FieldName] = a
	}
	// Account's scopes are the union of both subgraphs' alternatives.
	account := [][]string{{"read:accounts"}, {"admin"}, {"auditor"}}
	want := map[string]FieldAuthorization{
		// @authenticated on the field and the type's scopes via its return type.
		"Query.account":  {TypeName: "Query", FieldName: "account", Authenticated: true, Scopes: account},
		"Query.accounts": {TypeName: "Query", FieldName: "accounts", Scopes: account},
		"Query.recent":   {TypeName: "Query", FieldName: "recent", Scopes: account},
		"Account.id":     {TypeName: "Account", FieldName: "id", Scopes: account},
		"Account.logins": {TypeName: "Account", FieldName: "logins", Scopes: account},
		// Type, scalar and field scopes must all hold: the AND distributes.
		"Account.email": {TypeName: "Account", FieldName: "email", Scopes: [][]string{
			{"read:accounts", "read:email", "read:pii"}, {"admin", "read:email", "read:pii"}, {"auditor", "read:email", "read:pii"}}},
		"Account.tier":  {TypeName: "Account", FieldName: "tier", Scopes: account, Policies: [][]string{{"tier_visible"}}},
		"Account.notes": {TypeName: "Account", FieldName: "notes", Scopes: account, Policies: [][]string{{"owner"}, {"escalated", "support"}}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("authorization:\n got %+v\nwant %+v", got, want)
	}
	if _, ok := got["Query.public"]; ok {
		t.Fatal("a field without requirements is listed")
	}
}

func TestCosts(t *testing.T) {
	sg := authSupergraph(t)
	want := CostModel{
		TypeWeights:     map[string]int{"Account": 3},
		FieldWeights:    map[string]int{"Query.accounts": 7},
		ArgumentWeights: map[string]int{"Query.accounts(first:)": 2},
		ListSizes: map[string]ListSize{
			"Query.accounts": {SlicingArguments: []string{"first"}, RequireOneSlicingArgument: false},
			"Query.recent":   {AssumedSize: 25, RequireOneSlicingArgument: true},
		},
	}
	if !reflect.DeepEqual(sg.Costs, want) {
		t.Fatalf("costs:\n got %+v\nwant %+v", sg.Costs, want)
	}
}

func TestAPISchemaDropsAuthAndCostMachinery(t *testing.T) {
	sg := authSupergraph(t)
	for _, hidden := range []string{"@authenticated", "@requiresScopes", "@policy", "@cost", "@listSize", "requiresScopes__Scope", "policy__Policy"} {
		if strings.Contains(sg.APISchema, hidden) {
			t.Errorf("API schema exposes %q:\n%s", hidden, sg.APISchema)
		}
	}
	if !strings.Contains(sg.APISchema, "scalar Email") || !strings.Contains(sg.APISchema, "logins: Int!") {
		t.Fatalf("API schema lost client types:\n%s", sg.APISchema)
	}
}

// TestAuthorizationFromApolloNames reads a supergraph in the shape Apollo
// prints, where a @link renames the spec's directive on import.
func TestAuthorizationFromRenamedImport(t *testing.T) {
	sdl := `schema @link(url: "https://specs.apollo.dev/link/v1.0") @link(url: "https://specs.apollo.dev/join/v0.4", for: EXECUTION)
  @link(url: "https://specs.apollo.dev/authenticated/v0.1", import: [{name: "@authenticated", as: "@loggedIn"}], for: SECURITY) { query: Query }
directive @loggedIn on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
directive @join__graph(name: String!, url: String!) on ENUM_VALUE
directive @join__type(graph: join__Graph!, key: join__FieldSet) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
scalar join__FieldSet
scalar link__Import
enum link__Purpose { SECURITY EXECUTION }
enum join__Graph { A @join__graph(name: "a", url: "http://a") }
type Query @join__type(graph: A) { me: String @loggedIn open: String }
`
	sg, err := Parse(sdl)
	if err != nil {
		t.Fatal(err)
	}
	if want := []FieldAuthorization{{TypeName: "Query", FieldName: "me", Authenticated: true}}; !reflect.DeepEqual(sg.Authorization, want) {
		t.Fatalf("authorization = %+v", sg.Authorization)
	}
}
