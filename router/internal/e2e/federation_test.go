// Package e2e runs the router against real subgraphs: the product subgraph
// on PostgreSQL and the test-only reviews subgraph that extends Product.
package e2e

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/nexus-commerce/nexus/router/internal/testenv"
	"github.com/nexus-commerce/nexus/router/internal/testenv/reviews"
)

type productsData struct {
	Products struct {
		TotalCount int `json:"totalCount"`
		Edges      []struct {
			Node struct {
				ID    string `json:"id"`
				Name  string `json:"name"`
				Price struct {
					Amount   int64  `json:"amount"`
					Currency string `json:"currency"`
				} `json:"price"`
				Category struct {
					Name string `json:"name"`
				} `json:"category"`
				ReviewSummary *struct {
					ProductID string `json:"productId"`
					Headline  string `json:"headline"`
				} `json:"reviewSummary"`
			} `json:"node"`
		} `json:"edges"`
	} `json:"products"`
}

func TestFederation(t *testing.T) {
	testenv.Run(t, func(t *testing.T, env *testenv.Env) {
		t.Run("search, filter and sort through the router", func(t *testing.T) {
			q := `query($s: String!) { products(first: 5, filter: {search: $s, inStock: true}, sort: PRICE_ASC) {
				totalCount edges { node { id name price { amount currency } category { name } } } } }`
			resp := testenv.Post(t, env.RouterURL, q, map[string]any{"s": "headphones"})
			if len(resp.Errors) > 0 {
				t.Fatalf("errors: %+v", resp.Errors)
			}
			var d productsData
			if err := json.Unmarshal(resp.Data, &d); err != nil {
				t.Fatal(err)
			}
			if d.Products.TotalCount == 0 || len(d.Products.Edges) == 0 {
				t.Fatalf("no products for a search the demo catalog matches: %s", resp.Data)
			}
			if len(d.Products.Edges) > 5 {
				t.Fatalf("first: 5 returned %d edges", len(d.Products.Edges))
			}
			for i, e := range d.Products.Edges {
				if e.Node.Name == "" || e.Node.Category.Name == "" || e.Node.Price.Currency == "" {
					t.Errorf("edge %d incomplete: %+v", i, e.Node)
				}
				if i > 0 && d.Products.Edges[i-1].Node.Price.Amount > e.Node.Price.Amount {
					t.Errorf("not sorted by PRICE_ASC at %d: %d > %d", i, d.Products.Edges[i-1].Node.Price.Amount, e.Node.Price.Amount)
				}
			}
		})

		t.Run("entity hop to a second subgraph is one batched call", func(t *testing.T) {
			before := len(env.Reviews.Batches())
			q := `{ products(first: 7, sort: PRICE_DESC) { edges { node { id name reviewSummary { productId headline } } } } }`
			resp := testenv.Post(t, env.RouterURL, q, nil)
			if len(resp.Errors) > 0 {
				t.Fatalf("errors: %+v", resp.Errors)
			}
			var d productsData
			if err := json.Unmarshal(resp.Data, &d); err != nil {
				t.Fatal(err)
			}
			if len(d.Products.Edges) != 7 {
				t.Fatalf("got %d edges, want 7", len(d.Products.Edges))
			}
			var ids []string
			for _, e := range d.Products.Edges {
				ids = append(ids, e.Node.ID)
				rs := e.Node.ReviewSummary
				if rs == nil || rs.ProductID != e.Node.ID || rs.Headline != reviews.Headline(e.Node.ID) {
					t.Errorf("product %s: reviewSummary = %+v", e.Node.ID, rs)
				}
			}
			batches := env.Reviews.Batches()[before:]
			if len(batches) != 1 {
				t.Fatalf("reviews subgraph got %d entity calls, want 1 batched call: %v", len(batches), batches)
			}
			if strings.Join(batches[0], ",") != strings.Join(ids, ",") {
				t.Fatalf("batch = %v, want the 7 ids in response order %v", batches[0], ids)
			}
		})

		t.Run("subgraph argument errors reach the client with code and field", func(t *testing.T) {
			resp := testenv.Post(t, env.RouterURL, `{ products(first: 101) { totalCount } }`, nil)
			if len(resp.Errors) == 0 {
				t.Fatalf("first: 101 accepted: %s", resp.Data)
			}
			e := resp.Errors[0]
			if e.Extensions["code"] != "INVALID" || e.Extensions["field"] != "first" {
				t.Fatalf("error = %+v, want extensions code INVALID field first", e)
			}
		})

		t.Run("validation errors name the problem and return no data", func(t *testing.T) {
			resp := testenv.Post(t, env.RouterURL, `{ products(first: 1) { nope } }`, nil)
			if len(resp.Errors) == 0 || !strings.Contains(resp.Errors[0].Message, "nope") {
				t.Fatalf("errors = %+v", resp.Errors)
			}
			if len(resp.Data) != 0 && string(resp.Data) != "null" {
				t.Fatalf("data = %s, want none", resp.Data)
			}
		})
	})
}
