package compose

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

var update = flag.Bool("update", false, "rewrite golden files")

func fixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestComposeGolden(t *testing.T) {
	out, err := Compose([]Subgraph{
		{Name: "products", URL: "http://products/graphql", SDL: fixture(t, "products.graphqls")},
		{Name: "reviews", URL: "http://reviews/graphql", SDL: fixture(t, "reviews.graphqls")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		_ = os.WriteFile("testdata/supergraph.golden.graphql", []byte(out), 0o644)
	}
	if want := fixture(t, "supergraph.golden.graphql"); out != want {
		t.Fatalf("supergraph differs from testdata/supergraph.golden.graphql (go test -update to accept):\n%s", out)
	}
	// The output is a valid GraphQL schema document.
	if _, err := gqlparser.LoadSchema(&ast.Source{Input: out}); err != nil {
		t.Fatalf("supergraph is not a valid schema: %v", err)
	}
}

const fed2 = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires", "@override", "@inaccessible"])
`

func TestCompositionRules(t *testing.T) {
	tests := []struct {
		name   string
		a, b   string
		rule   string
		typ    string
		field  string
		inText string
	}{
		{name: "unshared field", rule: "INVALID_FIELD_SHARING", typ: "Product", field: "name",
			a: fed2 + `type Product @key(fields: "id") { id: ID! name: String } type Query { p: Product }`,
			b: fed2 + `type Product @key(fields: "id") { id: ID! name: String }`},
		{name: "type mismatch", rule: "FIELD_TYPE_MISMATCH", typ: "Money", field: "amount",
			a: fed2 + `type Money @shareable { amount: Int! } type Query { m: Money }`,
			b: fed2 + `type Money @shareable { amount: String! }`},
		{name: "kind mismatch", rule: "TYPE_KIND_MISMATCH", typ: "Thing",
			a: fed2 + `type Thing { id: ID } type Query { t: Thing }`,
			b: fed2 + `interface Thing { id: ID }`},
		{name: "external nowhere resolved", rule: "EXTERNAL_MISSING_ON_BASE", typ: "Product", field: "weight",
			a: fed2 + `type Product @key(fields: "id") { id: ID! weight: Int @external } type Query { p: Product }`,
			b: fed2 + `type Product @key(fields: "id") { id: ID! weight: Int @external }`},
		{name: "external used by nothing", rule: "EXTERNAL_UNUSED", typ: "Product", field: "weight",
			a: fed2 + `type Product @key(fields: "id") { id: ID! weight: Int } type Query { p: Product }`,
			b: fed2 + `type Product @key(fields: "id") { id: ID! weight: Int @external }`},
		{name: "nested external used by nothing", rule: "EXTERNAL_UNUSED", typ: "Address", field: "zip",
			a: fed2 + `type Address @shareable { city: String zip: String } type User @key(fields: "id") { id: ID! address: Address @shareable } type Query { u: User }`,
			b: fed2 + `type Address @shareable { city: String @external zip: String @external } type User @key(fields: "id") { id: ID! address: Address @external } type Review { author: User @provides(fields: "address { city }") } type Query { r: Review }`},
		{name: "bad key", rule: "KEY_INVALID_FIELDS", typ: "Product",
			a: fed2 + `type Product @key(fields: "upc") { id: ID! } type Query { p: Product }`},
		{name: "required argument missing", rule: "REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH", typ: "Query", field: "search",
			a: fed2 + `type Query { search(q: String!, locale: String!): [String] @shareable }`,
			b: fed2 + `type Query { search(q: String!): [String] @shareable }`},
		{name: "required input field missing", rule: "REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH", typ: "Filter", field: "tag",
			a: fed2 + `input Filter { q: String tag: String! } type Query { a(f: Filter): Int }`,
			b: fed2 + `input Filter { q: String } type Query { b(f: Filter): Int }`},
		{name: "enum in and out must match", rule: "ENUM_VALUE_MISMATCH", typ: "Color", field: "BLUE",
			a: fed2 + `enum Color { RED BLUE } type Query { a(c: Color): Color }`,
			b: fed2 + `enum Color { RED } type Query { b: Color }`},
		{name: "undefined type", rule: "TYPE_NOT_DEFINED", typ: "Query", field: "x",
			a: fed2 + `type Query { x: Nope }`},
		{name: "no queries", rule: "NO_QUERIES", typ: "Query",
			a: fed2 + `type Product @key(fields: "id") { id: ID! }`},
		{name: "invalid graphql", rule: "INVALID_GRAPHQL", inText: "a",
			a: `type Query { x: }`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			subs := []Subgraph{{Name: "a", URL: "http://a", SDL: tt.a}}
			if tt.b != "" {
				subs = append(subs, Subgraph{Name: "b", URL: "http://b", SDL: tt.b})
			}
			_, err := Compose(subs)
			var errs Errors
			if !errors.As(err, &errs) {
				t.Fatalf("err = %v, want composition Errors", err)
			}
			for _, e := range errs {
				if e.Rule == tt.rule && e.Type == tt.typ && e.Field == tt.field && len(e.Subgraphs) > 0 {
					return
				}
			}
			t.Fatalf("no %s error on %s.%s naming subgraphs in:\n%v", tt.rule, tt.typ, tt.field, err)
		})
	}
}

func TestMergeSemantics(t *testing.T) {
	out, err := Compose([]Subgraph{
		{Name: "a", URL: "http://a", SDL: fed2 + `
			enum Status { ACTIVE RETIRED }
			enum Size { S M L }
			input Filter { q: String onlyA: Int }
			type Product @key(fields: "id") { id: ID! price: Int @shareable name: String! @inaccessible }
			type Query { products(f: Filter, size: Size): [Product] status: Status }`},
		{Name: "b", URL: "http://b", SDL: fed2 + `
			enum Status { ACTIVE DRAFT }
			enum Size { M L XL }
			input Filter { q: String }
			type Product @key(fields: "id") { id: ID! price: Int! @shareable stock: Int @override(from: "gone") }
			type Query { other(f: Filter, size: Size): Int }`},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"DRAFT @join__enumValue(graph: B)", // output-only enum: union
		"RETIRED @join__enumValue(graph: A)",
		`price: Int @join__field(graph: A) @join__field(graph: B, type: "Int!")`, // nullable wins for outputs
		`stock: Int @join__field(graph: B, override: "gone")`,                    // override of a removed subgraph
		"name: String! @join__field(graph: A) @inaccessible",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	for _, absent := range []string{"onlyA", "  S @join", "XL @join"} { // input intersection, input-only enum intersection
		if strings.Contains(out, absent) {
			t.Errorf("found %q, which the merge rules drop", absent)
		}
	}
}

func TestFederationV1Subgraph(t *testing.T) {
	out, err := Compose([]Subgraph{
		{Name: "products", URL: "http://p", SDL: `type Product @key(fields: "upc") { upc: String! name: String } type Query { top: [Product] }`},
		{Name: "inventory", URL: "http://i", SDL: `extend type Product @key(fields: "upc") { upc: String! @external weight: Int inStock: Boolean @requires(fields: "weight") }`},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`@join__type(graph: INVENTORY, key: "upc", extension: true)`,
		`upc: String! @join__field(graph: PRODUCTS) @join__field(graph: INVENTORY, external: true)`,
		`inStock: Boolean @join__field(graph: INVENTORY, requires: "weight")`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
}

func TestErrorText(t *testing.T) {
	e := &Error{Rule: "INVALID_FIELD_SHARING", Type: "Product", Field: "name", Subgraphs: []string{"a", "b"}, Message: "m"}
	if got := e.Error(); got != "[INVALID_FIELD_SHARING] Product.name (subgraph a, b): m" {
		t.Fatalf("Error() = %q", got)
	}
}

// TestOutputSubtypes: a shareable output field may have a subtype of the
// other subgraphs' type (an implementation of the interface, a member of
// the union); the supergraph has the supertype and each subgraph its own
// in @join__field(type:). Unrelated types stay a mismatch.
func TestOutputSubtypes(t *testing.T) {
	link := `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"]) `
	out, err := Compose([]Subgraph{
		{Name: "a", URL: "http://a", SDL: link + `type Query { group: Group } type Group @key(fields: "id") { id: ID! members: [User] @shareable owner: Owner! @shareable }
			interface Account { id: ID! } type User implements Account @key(fields: "id") { id: ID! } union Owner = User`},
		{Name: "b", URL: "http://b", SDL: link + `type Group @key(fields: "id") { id: ID! members: [Account] @shareable owner: User! @shareable }
			interface Account { id: ID! } type User implements Account @key(fields: "id") { id: ID! } type Bot implements Account @key(fields: "id") { id: ID! } union Owner = User`},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`members: [Account] @join__field(graph: A, type: "[User]") @join__field(graph: B)`,
		`owner: Owner! @join__field(graph: A) @join__field(graph: B, type: "User!")`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	_, err = Compose([]Subgraph{
		{Name: "a", URL: "http://a", SDL: link + `type Query { x: X @shareable } type X { id: ID! } type Y { id: ID! }`},
		{Name: "b", URL: "http://b", SDL: link + `type Query { x: Y @shareable } type X { id: ID! } type Y { id: ID! }`},
	})
	if err == nil || !strings.Contains(err.Error(), "FIELD_TYPE_MISMATCH") {
		t.Fatalf("unrelated types must not merge: %v", err)
	}
}

// TestNestedKeyFieldsShareable: fields a key selects below its top level
// (Tracking.carrier in "tracking { carrier code }") are shareable like the
// key's own fields; other fields of the same type still need @shareable.
func TestNestedKeyFieldsShareable(t *testing.T) {
	a := `extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key"])
		type Query { p: Parcel } type Parcel @key(fields: "id tracking { carrier code }") { id: ID! tracking: Tracking! }
		type Tracking { carrier: String! code: String! %s }`
	b := `extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key"])
		type Parcel @key(fields: "tracking { carrier code }", resolvable: false) { tracking: Tracking! }
		type Tracking { carrier: String! code: String! %s }`
	if _, err := Compose([]Subgraph{{Name: "a", URL: "http://a", SDL: fmt.Sprintf(a, "")}, {Name: "b", URL: "http://b", SDL: fmt.Sprintf(b, "")}}); err != nil {
		t.Fatalf("nested key fields must be shareable: %v", err)
	}
	_, err := Compose([]Subgraph{{Name: "a", URL: "http://a", SDL: fmt.Sprintf(a, "note: String")}, {Name: "b", URL: "http://b", SDL: fmt.Sprintf(b, "note: String")}})
	if err == nil || !strings.Contains(err.Error(), "Tracking.note") {
		t.Fatalf("a field outside the keys still needs @shareable: %v", err)
	}
}
