package supergraph

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// The committed supergraph declares both product subscriptions resumable
// (composed from the product subgraph's @resumable via @composeDirective).
func TestResumableFromSupergraph(t *testing.T) {
	sdl, err := os.ReadFile("../supergraph.graphql")
	if err != nil {
		t.Fatal(err)
	}
	sg, err := Parse(string(sdl))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Resumable{
		"catalogEvents":  {Argument: "after", Field: "cursor"},
		"productChanged": {Argument: "after", Field: "cursor"},
	}
	if !reflect.DeepEqual(sg.Resumable, want) {
		t.Fatalf("resumable: got %+v, want %+v", sg.Resumable, want)
	}
	// A renamed import is followed; without the declaration nothing is
	// resumable.
	renamed := strings.Replace(string(sdl), `import: ["@resumable"]`, `import: [{name: "@resumable", as: "@resume"}]`, 1)
	renamed = strings.ReplaceAll(renamed, "@resumable(argument:", "@resume(argument:")
	renamed = strings.Replace(renamed, "directive @resumable(", "directive @resume(", 1)
	if sg, err := Parse(renamed); err != nil || !reflect.DeepEqual(sg.Resumable, want) {
		t.Fatalf("renamed import: %+v, %v", sg, err)
	}
	plain := strings.ReplaceAll(string(sdl), ` @resumable(argument: "after", field: "cursor")`, "")
	if sg, err := Parse(plain); err != nil || len(sg.Resumable) != 0 {
		t.Fatalf("undeclared: %v, %v", sg.Resumable, err)
	}
}

// A declaration the router could not act on fails the supergraph, naming
// the field and what is wrong.
func TestResumableRefusesBadDeclarations(t *testing.T) {
	raw, err := os.ReadFile("../supergraph.graphql")
	if err != nil {
		t.Fatal(err)
	}
	sdl := string(raw)
	const decl = `catalogEvents(after: String): CatalogEvent! @resumable(argument: "after", field: "cursor")`
	if !strings.Contains(sdl, decl) {
		t.Fatal("fixture: catalogEvents declaration not found")
	}
	for _, tc := range []struct{ with, want string }{
		{`catalogEvents(after: String): CatalogEvent! @resumable(argument: "since", field: "cursor")`, `no argument "since"`},
		{`catalogEvents(after: String!): CatalogEvent! @resumable(argument: "after", field: "cursor")`, "nullable scalar"},
		{`catalogEvents(after: String): CatalogEvent! @resumable(argument: "after", field: "position")`, `no field "position"`},
		{`catalogEvents(after: String): CatalogEvent! @resumable(argument: "after", field: "product")`, "must be a scalar"},
	} {
		_, err := Parse(strings.Replace(sdl, decl, tc.with, 1))
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "Subscription.catalogEvents") {
			t.Errorf("%s: got %v, want an error with %q", tc.with, err, tc.want)
		}
	}
}
