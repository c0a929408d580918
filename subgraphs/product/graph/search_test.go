package graph_test

import (
	"strings"
	"testing"
)

// TestFacetsAndSuggestions runs ProductConnection.facets and
// Query.searchSuggestions over the demo catalog through GraphQL.
func TestFacetsAndSuggestions(t *testing.T) {
	t.Parallel()
	e := newEnv(t)

	t.Run("facets of a search", func(t *testing.T) {
		var got struct {
			Products struct {
				TotalCount int
				Facets     struct {
					Categories []struct {
						Category struct{ Name string }
						Count    int
					}
					PriceBuckets []struct {
						Min   int
						Max   *int
						Count int
					}
					Tags []struct {
						Tag   string
						Count int
					}
					InStock    int
					OutOfStock int
				}
			}
		}
		e.query(t, `query { products(filter: {search: "headphones"}, first: 1) { totalCount facets {
			categories { category { name } count } priceBuckets { min max count } tags { tag count } inStock outOfStock } } }`, nil, &got)
		f := got.Products.Facets
		if got.Products.TotalCount == 0 || f.InStock+f.OutOfStock != got.Products.TotalCount {
			t.Errorf("in %d + out %d != total %d", f.InStock, f.OutOfStock, got.Products.TotalCount)
		}
		if len(f.PriceBuckets) != 6 || f.PriceBuckets[5].Max != nil {
			t.Errorf("price buckets %+v", f.PriceBuckets)
		}
		sum := 0
		for _, b := range f.PriceBuckets {
			sum += b.Count
		}
		if sum != got.Products.TotalCount {
			t.Errorf("buckets sum to %d, total %d", sum, got.Products.TotalCount)
		}
		if len(f.Categories) == 0 || len(f.Tags) == 0 {
			t.Errorf("no categories or tags: %+v", f)
		}
	})

	t.Run("suggestions are prefix and typo tolerant", func(t *testing.T) {
		for _, q := range []string{"snea", "snekers", "headphnes", "Wireless head"} {
			var got struct {
				SearchSuggestions struct {
					Query    string
					Products []struct{ Name string }
				}
			}
			e.query(t, `query($q: String!) { searchSuggestions(query: $q, first: 5) { query products { name } categories { name } } }`, map[string]any{"q": q}, &got)
			if len(got.SearchSuggestions.Products) == 0 {
				t.Errorf("%q suggests no product", q)
			}
		}
	})

	t.Run("hostile suggestions are literal or refused", func(t *testing.T) {
		for _, q := range []string{"%", "_", `\`, "100%_\\", "'; DROP TABLE x; --", "   "} {
			var got struct {
				SearchSuggestions struct{ Query string }
			}
			e.query(t, `query($q: String!) { searchSuggestions(query: $q) { query products { id } categories { id } } }`, map[string]any{"q": q}, &got)
		}
		for _, tc := range []struct {
			vars  map[string]any
			field string
		}{
			{map[string]any{"q": strings.Repeat("a", 101), "n": 5}, "query"},
			{map[string]any{"q": "shoe", "n": 11}, "first"},
			{map[string]any{"q": "shoe", "n": 0}, "first"},
		} {
			r := e.do(t, `query($q: String!, $n: Int) { searchSuggestions(query: $q, first: $n) { query } }`, tc.vars)
			if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "INVALID" || r.Errors[0].Extensions["field"] != tc.field {
				t.Errorf("%v: errors %+v, want INVALID on %s", tc.vars, r.Errors, tc.field)
			}
		}
	})

	t.Run("option filters are bounded", func(t *testing.T) {
		many := make([]map[string]any, 11)
		for i := range many {
			many[i] = map[string]any{"name": "size", "values": []string{"m"}}
		}
		values := make([]string, 51)
		for i := range values {
			values[i] = "v"
		}
		for _, tc := range []struct {
			opts  any
			field string
		}{
			{many, "filter.options"},
			{[]map[string]any{{"name": "size", "values": values}}, "filter.options.values"},
			{[]map[string]any{{"name": "size", "values": []string{}}}, "filter.options.values"},
			{[]map[string]any{{"name": " ", "values": []string{"m"}}}, "filter.options.name"},
			{[]map[string]any{{"name": "size", "values": []string{"a\x00b"}}}, "filter.options.values"},
		} {
			r := e.do(t, `query($o: [OptionFilter!]) { products(filter: {options: $o}) { totalCount facets { inStock } } }`, map[string]any{"o": tc.opts})
			if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "INVALID" || r.Errors[0].Extensions["field"] != tc.field {
				t.Errorf("%v: errors %+v, want INVALID on %s", tc.opts, r.Errors, tc.field)
			}
		}
		var got struct{ Products struct{ TotalCount int } }
		e.query(t, `query { products(filter: {options: [{name: "%_\\", values: ["%"]}]}) { totalCount } }`, nil, &got)
		if got.Products.TotalCount != 0 {
			t.Errorf("an unknown option matched %d products", got.Products.TotalCount)
		}
	})
}
