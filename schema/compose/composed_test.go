package compose

import (
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

const cacheLink = `extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@composeDirective", "@shareable"])
  @link(url: "https://nexus.dev/cache/v1.0", import: ["@cacheControl", "@audit"])
  @composeDirective(name: "@cacheControl")
  @composeDirective(name: "@audit")
directive @cacheControl(maxAge: Int!, scope: String = "PUBLIC") on FIELD_DEFINITION | OBJECT
directive @audit(by: String!) repeatable on FIELD_DEFINITION
`

// @composeDirective keeps the custom directive's @link, its definition and
// every application in the supergraph, as Apollo's composition does; a
// directive no subgraph composes is dropped as before.
func TestComposeDirectiveCarriesDefinitionAndApplications(t *testing.T) {
	out, err := Compose([]Subgraph{
		{Name: "a", URL: "http://a", SDL: cacheLink + `
directive @internal on FIELD_DEFINITION
type Product @key(fields: "id") @cacheControl(maxAge: 60) { id: ID! name: String! @shareable @cacheControl(maxAge: 30) @audit(by: "a") @internal }
type Query { products: [Product!]! }`},
		{Name: "b", URL: "http://b", SDL: cacheLink + `
type Product @key(fields: "id") { id: ID! stock: Int! @audit(by: "b") name: String! @shareable @audit(by: "b") @cacheControl(maxAge: 5) }`},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`  @link(url: "https://nexus.dev/cache/v1.0", import: ["@cacheControl","@audit"])` + "\n{",
		"directive @audit(by: String!) repeatable on FIELD_DEFINITION\n",
		`directive @cacheControl(maxAge: Int!, scope: String = "PUBLIC") on FIELD_DEFINITION | OBJECT` + "\n",
		`@cacheControl(maxAge: 60)`,
		// Repeatable: each subgraph's application once; non-repeatable:
		// the first subgraph's.
		`@cacheControl(maxAge: 30) @audit(by: "a") @audit(by: "b")`,
		`stock: Int! @join__field(graph: B) @audit(by: "b")`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	if strings.Contains(out, "@internal") || strings.Contains(out, "maxAge: 5)") {
		t.Errorf("an uncomposed directive or a second non-repeatable application leaked:\n%s", out)
	}
	if _, err := gqlparser.LoadSchema(&ast.Source{Input: out}); err != nil {
		t.Errorf("supergraph does not load: %v", err)
	}
}

func TestComposeDirectiveWithoutDefinition(t *testing.T) {
	_, err := Compose([]Subgraph{{Name: "a", URL: "http://a", SDL: `extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@composeDirective"])
  @composeDirective(name: "@nowhere")
type Query { x: Int }`}})
	if err == nil || !strings.Contains(err.Error(), "[DIRECTIVE_COMPOSITION_ERROR]") {
		t.Fatalf("err = %v, want DIRECTIVE_COMPOSITION_ERROR", err)
	}
}
