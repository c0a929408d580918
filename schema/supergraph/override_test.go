package supergraph

import (
	"reflect"
	"testing"
)

const labelled = `
schema @link(url: "https://specs.apollo.dev/link/v1.0") @link(url: "https://specs.apollo.dev/join/v0.5", for: EXECUTION) { query: Query }
enum join__Graph {
  NEW @join__graph(name: "new", url: "http://new")
  OLD @join__graph(name: "old", url: "http://old")
}
type Product @join__type(graph: NEW, key: "id") @join__type(graph: OLD, key: "id") {
  id: ID!
  full: Int @join__field(graph: NEW, override: "old", overrideLabel: "percent(100)") @join__field(graph: OLD, overrideLabel: "percent(100)")
  quarter: Int @join__field(graph: NEW, override: "old", overrideLabel: "percent(25)") @join__field(graph: OLD, overrideLabel: "percent(25)")
  beta: Int @join__field(graph: NEW, override: "old", overrideLabel: "beta") @join__field(graph: OLD, overrideLabel: "beta")
}
type Query @join__type(graph: OLD) { products: [Product] }
`

// Each labelled field resolves from exactly one subgraph; the other keeps
// it as external.
func TestParseWithOverrideLabels(t *testing.T) {
	tests := []struct {
		name             string
		labels           []string
		newOwns, oldOwns []string
	}{
		{"defaults: only percent(100) moved", nil, []string{"full"}, []string{"quarter", "beta"}},
		{"custom label enabled", []string{"beta"}, []string{"full", "beta"}, []string{"quarter"}},
		{"a percentage enabled verbatim", []string{"percent(25)"}, []string{"full", "quarter"}, []string{"beta"}},
		{"unknown labels change nothing", []string{"gamma", "percent(26)"}, []string{"full"}, []string{"quarter", "beta"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sg, err := ParseWith(labelled, Options{OverrideLabels: tt.labels})
			if err != nil {
				t.Fatal(err)
			}
			for graph, owns := range map[string][]string{"new": tt.newOwns, "old": tt.oldOwns} {
				g, _ := sg.Graph(graph)
				var product TypeFields
				for _, n := range g.RootNodes {
					if n.TypeName == "Product" {
						product = n
					}
				}
				var external []string
				for _, f := range []string{"full", "quarter", "beta"} {
					if !contains(owns, f) {
						external = append(external, f)
					}
				}
				want := TypeFields{TypeName: "Product", FieldNames: append([]string{"id"}, ordered(owns)...), ExternalFieldNames: external}
				if !reflect.DeepEqual(product, want) {
					t.Errorf("%s: Product = %+v, want %+v", graph, product, want)
				}
			}
		})
	}
}

func TestOverrideEnabled(t *testing.T) {
	for label, want := range map[string]bool{"percent(100)": true, "percent(100.0)": true, "percent(99.9)": false, "percent(0)": false, "beta": false, "percent(x)": false} {
		if got := (Options{}).overrideEnabled(label); got != want {
			t.Errorf("overrideEnabled(%q) = %v, want %v", label, got, want)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ordered puts field names in schema order.
func ordered(names []string) []string {
	var out []string
	for _, f := range []string{"full", "quarter", "beta"} {
		if contains(names, f) {
			out = append(out, f)
		}
	}
	return out
}
