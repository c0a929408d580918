package graph_test

import "testing"

func testArgumentErrors(t *testing.T, e *env) {
	priceCursor := e.fetchPage(t, map[string]any{"first": 1, "sort": "PRICE_ASC"}).Edges[0].Cursor
	tests := []struct {
		name      string
		vars      map[string]any
		wantField string
		// storeCalls is how many listing queries may run: arguments the
		// domain can check alone are rejected before the database is asked.
		storeCalls int
	}{
		{"first above 100", map[string]any{"first": 101}, "first", 0},
		{"first zero", map[string]any{"first": 0}, "first", 0},
		{"first negative", map[string]any{"first": -5}, "first", 0},
		{"malformed cursor", map[string]any{"after": "!!!"}, "after", 0},
		{"minPrice above maxPrice", map[string]any{"filter": map[string]any{"minPrice": 5000, "maxPrice": 100}}, "filter.minPrice", 0},
		{"negative minPrice", map[string]any{"filter": map[string]any{"minPrice": -1}}, "filter.minPrice", 0},
		{"negative maxPrice", map[string]any{"filter": map[string]any{"maxPrice": -1}}, "filter.maxPrice", 0},
		{"cursor of another sort", map[string]any{"after": priceCursor, "sort": "RATING"}, "after", 0},
		{"empty tag", map[string]any{"filter": map[string]any{"tags": []string{""}}}, "filter.tags", 0},
		{"malformed category id", map[string]any{"filter": map[string]any{"categoryId": "not-an-id"}}, "filter.categoryId", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e.store.reset()
			resp := e.do(t, productsQuery, tt.vars)
			if n := e.store.n("Products"); n != tt.storeCalls {
				t.Errorf("store.Products called %d times, want %d", n, tt.storeCalls)
			}
			if string(resp.Data) != "null" {
				t.Errorf("data = %s, want null (no partial result)", resp.Data)
			}
			if len(resp.Errors) != 1 {
				t.Fatalf("errors = %+v, want exactly one", resp.Errors)
			}
			got := resp.Errors[0]
			if got.Extensions["code"] != "INVALID" || got.Extensions["field"] != tt.wantField {
				t.Errorf("extensions = %v, want code INVALID and field %q", got.Extensions, tt.wantField)
			}
			if len(got.Path) != 1 || got.Path[0] != "products" {
				t.Errorf("path = %v, want [products]", got.Path)
			}
			if got.Message == "" {
				t.Error("error has no message")
			}
		})
	}
}
