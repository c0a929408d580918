package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
)

// TestVariantsOverGraphQL drives options and variants through the served
// API: the wiring in server.go, admin checks, field-named validation,
// effective prices, variant-level stock with its event, entity lookups.
func TestVariantsOverGraphQL(t *testing.T) {
	s := startServe(t)
	var cat struct {
		CreateCategory struct{ ID string } `json:"createCategory"`
	}
	s.mutate(t, `mutation { createCategory(input: {name: "Shirts", slug: "shirts"}) { id } }`, nil, &cat)
	type variant struct {
		ID        string
		SKU       string `json:"sku"`
		Title     string
		Stock     int
		IsDefault bool
		Price     struct{ Amount int }
		Product   struct{ ID string }
	}
	type prod struct {
		ID      string
		Version int
		Stock   int
		Options []struct {
			Name   string
			Values []string
		}
		Variants   []variant
		PriceRange struct{ Min, Max struct{ Amount int } }
	}
	const fields = `id version stock options { name values } variants { id sku title stock isDefault price { amount } product { id } }
		priceRange { min { amount } max { amount } }`
	var created struct{ CreateProduct prod }
	s.mutate(t, `mutation($c: ID!) { createProduct(input: {name: "Tee", slug: "tee", price: 1999, categoryId: $c, sku: "TEE", stock: 5}) { `+fields+` } }`,
		map[string]any{"c": cat.CreateCategory.ID}, &created)
	p := created.CreateProduct
	if len(p.Variants) != 1 || !p.Variants[0].IsDefault || p.Variants[0].SKU != "TEE" || p.Variants[0].Stock != 5 ||
		p.Variants[0].Title != "Default" || p.Variants[0].Price.Amount != 1999 || p.Variants[0].Product.ID != p.ID {
		t.Fatalf("created %+v", p)
	}

	t.Run("anonymous callers are refused", func(t *testing.T) {
		out := anonymous(t, s, `mutation($id: ID!) { generateVariants(input: {productId: $id, version: 1}) { id } }`, map[string]any{"id": p.ID})
		if len(out.Errors) != 1 || out.Errors[0].Extensions["code"] != "UNAUTHENTICATED" {
			t.Fatalf("%+v", out.Errors)
		}
	})
	t.Run("every invalid option field is named", func(t *testing.T) {
		out := s.mutate(t, `mutation($id: ID!) { setProductOptions(input: {productId: $id, version: 1, options: [
			{name: "Size", values: ["S", "s"]}, {name: "size", values: []}, {name: "Colour", values: [""]}]}) { id } }`,
			map[string]any{"id": p.ID}, nil)
		var got []string
		for _, e := range out.Errors {
			if e.Extensions["code"] != "INVALID" {
				t.Fatalf("%+v", e)
			}
			got = append(got, e.Extensions["field"].(string))
		}
		slices.Sort(got)
		want := []string{"input.options[0].values[1]", "input.options[1].name", "input.options[1].values", "input.options[2].values[0]"}
		if !slices.Equal(got, want) {
			t.Fatalf("fields %v, want %v", got, want)
		}
	})

	var set struct{ SetProductOptions prod }
	s.mutate(t, `mutation($id: ID!) { setProductOptions(input: {productId: $id, version: 1, options: [
		{name: "Size", values: ["S", "M"]}, {name: "Colour", values: ["Black", "White"]}]}) { `+fields+` } }`,
		map[string]any{"id": p.ID}, &set)
	p = set.SetProductOptions
	if p.Version != 2 || len(p.Options) != 2 || len(p.Variants) != 1 || p.Variants[0].Title != "S / Black" || p.Variants[0].SKU != "TEE" {
		t.Fatalf("after setProductOptions %+v", p)
	}
	var gen struct{ GenerateVariants prod }
	s.mutate(t, `mutation($id: ID!) { generateVariants(input: {productId: $id, version: 2}) { `+fields+` } }`, map[string]any{"id": p.ID}, &gen)
	p = gen.GenerateVariants
	if len(p.Variants) != 4 || p.Variants[3].SKU != "TEE-m-white" || p.Stock != 5 {
		t.Fatalf("after generateVariants %+v", p)
	}

	var upd struct{ UpdateVariant variant }
	s.mutate(t, `mutation($id: ID!) { updateVariant(input: {id: $id, version: 1, sku: "TEE-M-WHITE", price: 2499,
		attributes: [{name: "Fit", value: "relaxed"}]}) { id sku title stock isDefault price { amount } product { id } } }`,
		map[string]any{"id": p.Variants[3].ID}, &upd)
	if upd.UpdateVariant.Price.Amount != 2499 || upd.UpdateVariant.SKU != "TEE-M-WHITE" {
		t.Fatalf("updateVariant %+v", upd.UpdateVariant)
	}

	t.Run("stock moves per variant", func(t *testing.T) {
		out := s.mutate(t, `mutation($id: ID!) { adjustStock(id: $id, delta: 1, reason: "x") { delta } }`, map[string]any{"id": p.ID}, nil)
		if len(out.Errors) != 1 || out.Errors[0].Extensions["field"] != "id" {
			t.Fatalf("by product id: %+v", out.Errors)
		}
		out = s.mutate(t, `mutation($id: ID!, $v: ID!) { adjustStock(id: $id, variantId: $v, delta: 1, reason: "x") { delta } }`,
			map[string]any{"id": p.ID, "v": p.Variants[3].ID}, nil)
		if len(out.Errors) != 1 || out.Errors[0].Extensions["field"] != "variantId" {
			t.Fatalf("both ids: %+v", out.Errors)
		}
		var adj struct {
			AdjustStock struct {
				Variant struct{ Stock int }
				Product struct{ Stock int }
			}
		}
		s.mutate(t, `mutation($v: ID!) { adjustStock(variantId: $v, delta: 4, reason: "delivery") { variant { stock } product { stock } } }`,
			map[string]any{"v": p.Variants[3].ID}, &adj)
		if adj.AdjustStock.Variant.Stock != 4 || adj.AdjustStock.Product.Stock != 9 {
			t.Fatalf("adjust %+v", adj)
		}
		var payload string
		if err := s.db.Get(&payload, `SELECT payload::text FROM (SELECT payload, type FROM product.outbox UNION ALL SELECT payload, type FROM product.event_log) e
			WHERE type = 'product.stock-changed'`); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(payload, `"variantId":"`+p.Variants[3].ID+`"`) || !strings.Contains(payload, `"delta":4`) {
			t.Fatalf("event payload %s", payload)
		}
		out = s.mutate(t, `mutation($v: ID!) { deleteVariant(id: $v) { id } }`, map[string]any{"v": p.Variants[3].ID}, nil)
		if len(out.Errors) != 1 || out.Errors[0].Extensions["code"] != "CONFLICT" {
			t.Fatalf("delete stocked: %+v", out.Errors)
		}
	})

	t.Run("lookups", func(t *testing.T) {
		var got struct {
			Product struct {
				PriceRange struct{ Min, Max struct{ Amount int } }
			}
			ProductVariant *variant
			Missing        *variant
			Entities       []*struct{ ID, SKU string } `json:"_entities"`
		}
		s.mutate(t, `query($id: ID!, $v: ID!, $reps: [_Any!]!) {
			product(id: $id) { priceRange { min { amount } max { amount } } }
			productVariant(id: $v) { id sku title stock isDefault price { amount } product { id } }
			missing: productVariant(id: "00000000-0000-0000-0000-000000000001") { id }
			_entities(representations: $reps) { ... on ProductVariant { id sku } } }`,
			map[string]any{"id": p.ID, "v": p.Variants[1].ID, "reps": []any{
				map[string]any{"__typename": "ProductVariant", "id": p.Variants[3].ID},
				map[string]any{"__typename": "ProductVariant", "id": "not-an-id"},
				map[string]any{"__typename": "ProductVariant", "id": p.Variants[0].ID},
			}}, &got)
		if got.Product.PriceRange.Min.Amount != 1999 || got.Product.PriceRange.Max.Amount != 2499 {
			t.Fatalf("price range %+v", got.Product.PriceRange)
		}
		if got.ProductVariant == nil || got.ProductVariant.Title != "S / White" || got.ProductVariant.Product.ID != p.ID || got.Missing != nil {
			t.Fatalf("productVariant %+v, missing %+v", got.ProductVariant, got.Missing)
		}
		if len(got.Entities) != 3 || got.Entities[0].SKU != "TEE-M-WHITE" || got.Entities[1] != nil || got.Entities[2].SKU != "TEE" {
			t.Fatalf("entities %s", mustJSON(got.Entities))
		}
	})
}

// anonymous posts an operation without claims.
func anonymous(t *testing.T, s *served, query string, vars map[string]any) gqlResponse {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	resp, err := http.Post(s.base+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out gqlResponse
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	return out
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
