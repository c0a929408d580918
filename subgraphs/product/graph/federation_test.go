package graph_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// sdlPath is the only copy of the SDL, which the router composes.
var sdlPath = filepath.Join("..", "..", "..", "schema", "subgraphs", "product.graphqls")

func testServiceSDL(t *testing.T, e *env) {
	want, err := os.ReadFile(sdlPath)
	if err != nil {
		t.Fatal(err)
	}
	var data struct {
		Service struct {
			SDL string `json:"sdl"`
		} `json:"_service"`
	}
	e.query(t, `{ _service { sdl } }`, nil, &data)
	sdl := data.Service.SDL
	if sdl != string(want) {
		t.Errorf("_service.sdl differs from %s; the router would compose a different schema than the one served", sdlPath)
	}
	for _, must := range []string{
		`@link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable", "@authenticated", "@requiresScopes", "@composeDirective"])`,
		// The router resumes these subscriptions from their last cursor.
		`@link(url: "https://nexus.dev/subscriptions/v1.0", import: ["@resumable"])`,
		`@composeDirective(name: "@resumable")`,
		`catalogEvents(after: String): CatalogEvent! @resumable(argument: "after", field: "cursor")`,
		`productChanged(ids: [ID!], after: String): ProductChange! @resumable(argument: "after", field: "cursor")`,
		`createProduct(input: CreateProductInput!): Product! @requiresScopes(scopes: [["admin"]])`,
		`writeReview(input: WriteReviewInput!): Review! @authenticated`,
		`type Product @key(fields: "id")`,
		`type Category @key(fields: "id")`,
		`type Money @shareable`,
		`type PageInfo @shareable`,
	} {
		if !strings.Contains(sdl, must) {
			t.Errorf("_service.sdl lacks %s", must)
		}
	}
	// Only standard federation directives: gqlgen's own (@entityResolver,
	// @goModel, ...) and generated federation types must not leak to the router.
	for _, mustNot := range []string{"@entityResolver", "@go", "_Entity", "_Service", "_Any"} {
		if strings.Contains(sdl, mustNot) {
			t.Errorf("_service.sdl contains %s", mustNot)
		}
	}
	doc, perr := parser.ParseSchema(&ast.Source{Name: "product.graphqls", Input: sdl})
	if perr != nil {
		t.Fatalf("_service.sdl does not parse: %v", perr)
	}
	for _, def := range doc.Definitions {
		if def.Description == "" {
			t.Errorf("type %s has no description", def.Name)
		}
		for _, f := range def.Fields {
			if f.Description == "" {
				t.Errorf("field %s.%s has no description", def.Name, f.Name)
			}
		}
		for _, v := range def.EnumValues {
			if v.Description == "" {
				t.Errorf("enum value %s.%s has no description", def.Name, v.Name)
			}
		}
	}
}

const entitiesQuery = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Product { id name category { id name } }
    ... on Category { id name }
  }
}`

type entity struct {
	Typename string `json:"__typename"`
	ID       string `json:"id"`
	Name     string `json:"name"`
	Category *struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"category"`
}

func rep(typename, id string) map[string]any {
	return map[string]any{"__typename": typename, "id": id}
}

func testEntities(t *testing.T, e *env) {
	nodes := e.fetchPage(t, map[string]any{"first": 3, "sort": "PRICE_ASC"}).nodes()
	a, b := nodes[0], nodes[1]
	const unknown = "00000000-0000-0000-0000-000000000000"

	t.Run("products in order, null for unknown, one store call", func(t *testing.T) {
		e.store.reset()
		var data struct {
			Entities []*entity `json:"_entities"`
		}
		e.query(t, entitiesQuery, map[string]any{"representations": []any{
			rep("Product", b.ID), rep("Product", unknown), rep("Product", a.ID), rep("Product", b.ID),
		}}, &data)
		got := data.Entities
		if len(got) != 4 || got[0] == nil || got[0].ID != b.ID || got[1] != nil ||
			got[2] == nil || got[2].ID != a.ID || got[3] == nil || got[3].ID != b.ID {
			raw, _ := json.Marshal(got)
			t.Fatalf("_entities = %s, want [%s, null, %s, %s]", raw, b.ID, a.ID, b.ID)
		}
		if got[0].Typename != "Product" || got[0].Name != b.Name || got[0].Category == nil {
			t.Errorf("entity 0 = %+v, want product %s with its category", got[0], b.Name)
		}
		if n := e.store.n("ProductsByIDs"); n != 1 {
			t.Errorf("ProductsByIDs called %d times for 4 representations, want 1", n)
		}
		if n := e.store.n("CategoriesByIDs"); n != 1 {
			t.Errorf("CategoriesByIDs called %d times for the products' categories, want 1", n)
		}
	})

	t.Run("products and categories together", func(t *testing.T) {
		e.store.reset()
		var data struct {
			Entities []*entity `json:"_entities"`
		}
		e.query(t, entitiesQuery, map[string]any{"representations": []any{
			rep("Category", a.Category.ID), rep("Product", a.ID), rep("Category", unknown), rep("Product", b.ID),
		}}, &data)
		got := data.Entities
		if len(got) != 4 || got[0] == nil || got[0].Typename != "Category" || got[0].ID != a.Category.ID ||
			got[1] == nil || got[1].ID != a.ID || got[2] != nil || got[3] == nil || got[3].ID != b.ID {
			raw, _ := json.Marshal(got)
			t.Fatalf("_entities = %s", raw)
		}
		if n := e.store.n("ProductsByIDs"); n != 1 {
			t.Errorf("ProductsByIDs called %d times, want 1", n)
		}
		// Category entities and the products' categories resolve concurrently;
		// each may start its own batch, but never one per object.
		if n := e.store.n("CategoriesByIDs"); n < 1 || n > 2 {
			t.Errorf("CategoriesByIDs called %d times, want 1 or 2", n)
		}
	})
}
