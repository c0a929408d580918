package supergraph

import (
	"reflect"
	"testing"
)

const belowExternal = `
schema @link(url: "https://specs.apollo.dev/link/v1.0") @link(url: "https://specs.apollo.dev/join/v0.4", for: EXECUTION) { query: Query }
enum join__Graph {
  CATALOG @join__graph(name: "catalog", url: "http://catalog")
  INVENTORY @join__graph(name: "inventory", url: "http://inventory")
}
type Warehouse @join__type(graph: CATALOG, key: "code") @join__type(graph: INVENTORY, key: "code") {
  code: ID!
  name: String! @join__field(graph: CATALOG) @join__field(graph: INVENTORY, external: true)
  address: Address! @join__field(graph: CATALOG) @join__field(graph: INVENTORY, external: true)
  capacity: Int! @join__field(graph: INVENTORY)
}
type Address @join__type(graph: CATALOG) @join__type(graph: INVENTORY) { city: String! country: String! }
type Dock @join__type(graph: INVENTORY) { address: Address! }
type Product @join__type(graph: INVENTORY, key: "id") {
  id: ID!
  warehouse: Warehouse @join__field(graph: INVENTORY, provides: "name address { city }")
  dock: Dock @join__field(graph: INVENTORY, external: true)
}
type Query @join__type(graph: CATALOG) @join__type(graph: INVENTORY) {
  warehouses: [Warehouse!]! @join__field(graph: CATALOG)
  products: [Product!]! @join__field(graph: INVENTORY)
}
`

// A value type a subgraph holds only below @external fields is resolvable
// there only where a @provides names its fields: its fields are external,
// transitively (Dock below an external field makes Address no more
// reachable), while the same type stays plain where the subgraph reaches it.
func TestValueTypesBelowExternalFieldsAreExternal(t *testing.T) {
	sg, err := Parse(belowExternal)
	if err != nil {
		t.Fatal(err)
	}
	inventory, _ := sg.Graph("inventory")
	want := []TypeFields{
		{TypeName: "Address", ExternalFieldNames: []string{"city", "country"}},
		{TypeName: "Dock", ExternalFieldNames: []string{"address"}},
	}
	if !reflect.DeepEqual(inventory.ChildNodes, want) {
		t.Errorf("inventory child nodes = %+v, want %+v", inventory.ChildNodes, want)
	}
	catalog, _ := sg.Graph("catalog")
	if want := []TypeFields{{TypeName: "Address", FieldNames: []string{"city", "country"}}}; !reflect.DeepEqual(catalog.ChildNodes, want) {
		t.Errorf("catalog child nodes = %+v, want %+v", catalog.ChildNodes, want)
	}
	if want := []FieldSet{{TypeName: "Product", FieldName: "warehouse", SelectionSet: "name address { city }", Resolvable: true}}; !reflect.DeepEqual(inventory.Provides, want) {
		t.Errorf("provides = %+v", inventory.Provides)
	}
}
