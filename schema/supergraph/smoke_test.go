package supergraph

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/nexus-commerce/nexus/schema/compose"
)

func TestSmoke(t *testing.T) {
	p, _ := os.ReadFile("../compose/testdata/products.graphqls")
	r, _ := os.ReadFile("../compose/testdata/reviews.graphqls")
	out, err := compose.Compose([]compose.Subgraph{{Name: "products", URL: "http://p/graphql", SDL: string(p)}, {Name: "reviews", URL: "http://r/graphql", SDL: string(r)}})
	if err != nil {
		t.Fatal(err)
	}
	sg, err := Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	j, _ := json.MarshalIndent(sg.Graphs, "", " ")
	t.Log(string(j))
	t.Log(sg.APISchema)
}
