package compose

import (
	"os"
	"testing"
)

func TestSmoke(t *testing.T) {
	p, _ := os.ReadFile("testdata/products.graphqls")
	r, _ := os.ReadFile("testdata/reviews.graphqls")
	out, err := Compose([]Subgraph{{Name: "products", URL: "http://p/graphql", SDL: string(p)}, {Name: "reviews", URL: "http://r/graphql", SDL: string(r)}})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(out)
}
