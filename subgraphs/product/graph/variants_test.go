package graph_test

import (
	"context"
	"encoding/json"
	"testing"

	product "github.com/nexus-commerce/nexus/subgraphs/product"
)

// countingVariants decorates the real variant store and counts its batched
// calls in the same counters as countingStore.
type countingVariants struct {
	product.VariantStore
	calls *countingStore
}

func (s *countingVariants) VariantsByProductIDs(ctx context.Context, ids []string) ([][]product.Variant, error) {
	s.calls.count("VariantsByProductIDs")
	return s.VariantStore.VariantsByProductIDs(ctx, ids)
}

func (s *countingVariants) OptionsByProductIDs(ctx context.Context, ids []string) ([][]product.Option, error) {
	s.calls.count("OptionsByProductIDs")
	return s.VariantStore.OptionsByProductIDs(ctx, ids)
}

func (s *countingVariants) VariantsByIDs(ctx context.Context, ids []string) ([]*product.Variant, error) {
	s.calls.count("VariantsByIDs")
	return s.VariantStore.VariantsByIDs(ctx, ids)
}

type listedVariant struct {
	ID             string `json:"id"`
	SKU            string `json:"sku"`
	Title          string `json:"title"`
	Stock          int    `json:"stock"`
	IsDefault      bool   `json:"isDefault"`
	InheritsPrice  bool   `json:"inheritsPrice"`
	Price          struct{ Amount int64 }
	CompareAtPrice *struct{ Amount int64 }
	Product        struct{ ID string }
}

// testVariantBatching: a page of 100 products with their options,
// variants (and each variant's product and prices) and price ranges costs
// one call per batch method, and the demo data holds what the storefront
// needs (sizes, colours, sold-out variants, own prices).
func testVariantBatching(t *testing.T, e *env) {
	const q = `{ products(first: 100, filter: {categoryId: null}) { edges { node {
		id price { amount } stock
		options { id name values }
		variants { id sku title stock isDefault inheritsPrice price { amount } compareAtPrice { amount } product { id } }
		priceRange { min { amount } max { amount } } } } } }`
	var data struct {
		Products struct {
			Edges []struct {
				Node struct {
					ID      string
					Price   struct{ Amount int64 }
					Stock   int
					Options []struct {
						ID, Name string
						Values   []string
					}
					Variants   []listedVariant
					PriceRange struct{ Min, Max struct{ Amount int64 } }
				}
			}
		}
	}
	e.query(t, q, nil, &data)
	for _, name := range []string{"VariantsByProductIDs", "OptionsByProductIDs"} {
		if n := e.store.n(name); n != 1 {
			t.Errorf("%s called %d times for %d products, want 1", name, n, len(data.Products.Edges))
		}
	}
	if n := e.store.n("ProductsByIDs"); n != 0 {
		t.Errorf("ProductsByIDs called %d times for the variants' products, want 0 (primed by the page)", n)
	}
	if len(data.Products.Edges) != 100 {
		t.Fatalf("%d products", len(data.Products.Edges))
	}
	var withOptions, soldOut, ownPrice int
	for _, edge := range data.Products.Edges {
		n := edge.Node
		if len(n.Variants) == 0 {
			t.Fatalf("product %s has no variants", n.ID)
		}
		sum, lo, hi := 0, n.Variants[0].Price.Amount, n.Variants[0].Price.Amount
		for _, v := range n.Variants {
			sum += v.Stock
			lo, hi = min(lo, v.Price.Amount), max(hi, v.Price.Amount)
			if v.Product.ID != n.ID || v.InheritsPrice != (v.Price.Amount == n.Price.Amount) {
				t.Fatalf("variant %+v of %s (price %d)", v, n.ID, n.Price.Amount)
			}
			if len(n.Options) > 0 && v.Stock == 0 {
				soldOut++
			}
			if !v.InheritsPrice {
				ownPrice++
			}
		}
		if sum != n.Stock || lo != n.PriceRange.Min.Amount || hi != n.PriceRange.Max.Amount {
			t.Fatalf("product %s: stock %d vs variants %d, range %+v vs %d..%d", n.ID, n.Stock, sum, n.PriceRange, lo, hi)
		}
		if len(n.Options) == 0 {
			if len(n.Variants) != 1 || !n.Variants[0].IsDefault || n.Variants[0].Title != "Default" {
				t.Fatalf("product %s without options: %+v", n.ID, n.Variants)
			}
			continue
		}
		withOptions++
		combos := 1
		for _, o := range n.Options {
			combos *= len(o.Values)
		}
		if n.Options[0].Name != "Size" || len(n.Variants) != combos {
			t.Fatalf("product %s: options %+v, %d variants", n.ID, n.Options, len(n.Variants))
		}
	}
	if withOptions == 0 || soldOut == 0 || ownPrice == 0 {
		t.Errorf("first page: %d products with options, %d sold-out variants, %d variants with their own price", withOptions, soldOut, ownPrice)
	}
}

// testVariantEntities: ProductVariant representations resolve in input
// order with null for unknown ids, one VariantsByIDs call for the batch
// and one ProductsByIDs call for their products' prices.
func testVariantEntities(t *testing.T, e *env) {
	var page struct {
		Products struct {
			Edges []struct {
				Node struct{ Variants []listedVariant }
			}
		}
	}
	e.query(t, `{ products(first: 20, sort: PRICE_ASC) { edges { node { variants { id sku price { amount } product { id } } } } } }`, nil, &page)
	var all []listedVariant
	for _, edge := range page.Products.Edges {
		all = append(all, edge.Node.Variants...)
	}
	if len(all) < 3 {
		t.Fatalf("%d variants", len(all))
	}
	a, b, c := all[0], all[len(all)/2], all[len(all)-1]
	e.store.reset()
	var data struct {
		Entities []*listedVariant `json:"_entities"`
	}
	rep := func(id string) map[string]any { return map[string]any{"__typename": "ProductVariant", "id": id} }
	e.query(t, `query($r: [_Any!]!) { _entities(representations: $r) { ... on ProductVariant {
		id sku price { amount } product { id } } } }`,
		map[string]any{"r": []any{rep(c.ID), rep("00000000-0000-0000-0000-000000000000"), rep(a.ID), rep("x"), rep(b.ID), rep(c.ID)}}, &data)
	got := data.Entities
	want := []*listedVariant{&c, nil, &a, nil, &b, &c}
	if len(got) != len(want) {
		t.Fatalf("%d entities", len(got))
	}
	for i := range want {
		if (want[i] == nil) != (got[i] == nil) || want[i] != nil &&
			(got[i].ID != want[i].ID || got[i].SKU != want[i].SKU || got[i].Price != want[i].Price || got[i].Product != want[i].Product) {
			raw, _ := json.Marshal(got)
			t.Fatalf("entity %d: got %s", i, raw)
		}
	}
	if n := e.store.n("VariantsByIDs"); n != 1 {
		t.Errorf("VariantsByIDs called %d times, want 1", n)
	}
	if n := e.store.n("ProductsByIDs"); n != 1 {
		t.Errorf("ProductsByIDs called %d times for the variants' products, want 1", n)
	}
}
