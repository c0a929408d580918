package limits

import (
	"testing"

	"github.com/wundergraph/graphql-go-tools/v2/pkg/ast"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/astparser"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/asttransform"
)

const testSDL = `
type Query {
  product(id: ID!): Product
  products(first: Int, last: Int, after: String): ProductConnection!
  categories(limit: Int): [Category!]!
  search(term: String!): [SearchResult!]!
  node(id: ID!): Node
  me: User
}
type Mutation { addToCart(productId: ID!, quantity: Int!): Cart! }
interface Node { id: ID! }
union SearchResult = Product | Category
type Product implements Node {
  id: ID!
  name: String!
  price: Int!
  category: Category
  reviews(first: Int): [Review!]!
  related: [Product!]!
}
type Category implements Node {
  id: ID!
  name: String!
  parent: Category
  products(first: Int): ProductConnection!
}
type ProductConnection { edges: [ProductEdge!]! totalCount: Int! }
type ProductEdge { cursor: String! node: Product! }
type Review { id: ID! body: String! author: User }
type User { id: ID! name: String! }
type Cart { id: ID! items: [Product!]! }
`

// testModel is what @cost/@listSize on testSDL would give.
var testModel = &CostModel{
	TypeWeights:     map[string]int{"Review": 3},
	FieldWeights:    map[string]int{"Product.price": 2},
	ArgumentWeights: map[string]int{"Query.search(term:)": 5},
	ListSizes: map[string]ListSize{
		"Query.products":    {SlicingArguments: []string{"first", "last"}, SizedFields: []string{"edges"}, RequireOneSlicingArgument: true},
		"Category.products": {SlicingArguments: []string{"first"}, SizedFields: []string{"edges"}, AssumedSize: 5},
		"Query.categories":  {SlicingArguments: []string{"limit"}, AssumedSize: 20},
		"Product.reviews":   {SlicingArguments: []string{"first"}, AssumedSize: 3},
	},
}

func schema(t testing.TB, sdl string) *ast.Document {
	t.Helper()
	doc, report := astparser.ParseGraphqlDocumentString(sdl)
	if report.HasErrors() {
		t.Fatalf("schema: %s", report.Error())
	}
	if err := asttransform.MergeDefinitionWithBaseSchema(&doc); err != nil {
		t.Fatalf("base schema: %v", err)
	}
	return &doc
}

func operation(t testing.TB, query string) *ast.Document {
	t.Helper()
	doc, report := astparser.ParseGraphqlDocumentString(query)
	if report.HasErrors() {
		t.Fatalf("operation %q: %s", query, report.Error())
	}
	return &doc
}

func measure(t testing.TB, s *ast.Document, query, vars string, model *CostModel) Measures {
	t.Helper()
	m, err := Measure(operation(t, query), s, "", []byte(vars), model)
	if err != nil {
		t.Fatalf("Measure %q: %v", query, err)
	}
	return m
}
