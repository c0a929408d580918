package compose

import (
	"strings"
	"testing"
)

// A progressive @override keeps the field in both subgraphs and labels
// both @join__field entries, as Apollo's join spec v0.5 does: the router
// picks one by the label's state.
func TestProgressiveOverrideLabelsBothSides(t *testing.T) {
	out, err := Compose([]Subgraph{
		{Name: "old", URL: "http://old", SDL: fed2 + `
			type Product @key(fields: "id") { id: ID! rating: Int badge: String moved: Int }
			type Query { products: [Product] }`},
		{Name: "new", URL: "http://new", SDL: `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@override"])
			type Product @key(fields: "id") { id: ID!
				rating: Int @override(from: "old", label: "percent(25)")
				badge: String @override(from: "old", label: "beta")
				moved: Int @override(from: "old") }`},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`@link(url: "https://specs.apollo.dev/join/v0.5", for: EXECUTION)`,
		`rating: Int @join__field(graph: OLD, overrideLabel: "percent(25)") @join__field(graph: NEW, override: "old", overrideLabel: "percent(25)")`,
		`badge: String @join__field(graph: OLD, overrideLabel: "beta") @join__field(graph: NEW, override: "old", overrideLabel: "beta")`,
		`moved: Int @join__field(graph: NEW, override: "old")`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	if strings.Contains(out, "usedOverridden: true") {
		t.Errorf("a progressive override's source still resolves the field; no usedOverridden:\n%s", out)
	}
}
