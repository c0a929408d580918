package main

import (
	"slices"
	"testing"
)

// TestMutationErrorsOverGraphQL: through the served GraphQL API, every
// invalid field is its own error with code INVALID and extensions.field,
// a stale version is CONFLICT, a non-empty category's deletion is
// CONFLICT, and none of them writes a row or an event.
func TestMutationErrorsOverGraphQL(t *testing.T) {
	s := startServe(t)
	var cat struct {
		CreateCategory struct {
			ID      string
			Version int
		} `json:"createCategory"`
	}
	s.mutate(t, `mutation { createCategory(input: {name: "Shoes", slug: "shoes"}) { id version } }`, nil, &cat)
	var p struct {
		CreateProduct struct {
			ID      string
			Version int
		} `json:"createProduct"`
	}
	s.mutate(t, `mutation($c: ID!) { createProduct(input: {name: "Trail Shoe", slug: "trail-shoe", price: 5999,
		categoryId: $c, sku: "NX-1"}) { id version } }`, map[string]any{"c": cat.CreateCategory.ID}, &p)
	if p.CreateProduct.Version != 1 {
		t.Fatalf("created version %d", p.CreateProduct.Version)
	}
	// The relay moves events from the outbox to the log meanwhile: count
	// distinct event ids over both, which the move leaves unchanged.
	written := func() int {
		var n int
		if err := s.db.Get(&n, `SELECT (SELECT count(*) FROM product.products) + (SELECT count(*) FROM product.categories)
			+ (SELECT count(*) FROM (SELECT event_id FROM product.outbox UNION SELECT event_id FROM product.event_log) e)
			+ (SELECT sum(version + stock) FROM product.products)`); err != nil {
			t.Fatal(err)
		}
		return n
	}
	vars := map[string]any{"c": cat.CreateCategory.ID, "id": p.CreateProduct.ID}
	tests := []struct {
		name   string
		query  string
		code   string
		fields []string
	}{
		{"every invalid field reported", `mutation($c: ID!) { createProduct(input: {name: "", slug: "Not A Slug", price: -1,
			compareAtPrice: -5, categoryId: $c, sku: "NX 2", images: [{url: "javascript:alert(1)"}]}) { id } }`, "INVALID",
			[]string{"input.compareAtPrice", "input.images[0].url", "input.name", "input.price", "input.sku", "input.slug"}},
		{"slug and SKU taken", `mutation($c: ID!) { createProduct(input: {name: "Copy", slug: "trail-shoe", price: 1,
			categoryId: $c, sku: "NX-1"}) { id } }`, "INVALID", []string{"input.sku", "input.slug"}},
		{"stale version", `mutation($c: ID!, $id: ID!) { updateProduct(input: {id: $id, version: 2, name: "New", slug: "new",
			price: 1, categoryId: $c, sku: "NX-9"}) { id } }`, "CONFLICT", []string{"input.version"}},
		{"stock below zero", `mutation($id: ID!) { adjustStock(id: $id, delta: -1, reason: "sale") { delta } }`, "INVALID", []string{"delta"}},
		{"category with products", `mutation($c: ID!) { deleteCategory(id: $c) { id } }`, "CONFLICT", []string{"id"}},
		{"unknown product", `mutation { deleteProduct(id: "00000000-0000-0000-0000-000000000001") { id } }`, "NOT_FOUND", []string{"id"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := written()
			out := s.mutate(t, tt.query, vars, nil)
			var fields []string
			for _, e := range out.Errors {
				if e.Extensions["code"] != tt.code {
					t.Fatalf("error %+v, want code %s", e, tt.code)
				}
				f, _ := e.Extensions["field"].(string)
				fields = append(fields, f)
			}
			slices.Sort(fields)
			if !slices.Equal(fields, tt.fields) {
				t.Fatalf("fields %v, want %v (%+v)", fields, tt.fields, out.Errors)
			}
			if after := written(); after != before {
				t.Fatalf("refused mutation wrote something (%d -> %d)", before, after)
			}
		})
	}
}
