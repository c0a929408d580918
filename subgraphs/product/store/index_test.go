package store

import (
	"context"
	"strings"
	"testing"
)

// TestEveryFilterAndSortUsesAnIndex EXPLAINs the listing query's shapes on
// the demo catalog and checks the planner serves each with the index the
// migration made for it.
func TestEveryFilterAndSortUsesAnIndex(t *testing.T) {
	s, c := demo(t)
	ctx := context.Background()
	leaf := c.Categories[len(c.Categories)-1].ID
	tests := []struct {
		name, where, order, index string
		// forceIndex: at 2,400 rows a seq scan is as cheap for
		// unselective shapes; disabling seqscan shows the index exists
		// and serves the shape (it wins on real catalogs).
		forceIndex bool
	}{
		{name: "search", where: "search @@ websearch_to_tsquery('english', 'headphones')", order: "", index: "products_search_idx", forceIndex: true},
		{name: "tags", where: "tags @> ARRAY['bluetooth']::text[]", order: "", index: "products_tags_idx", forceIndex: true},
		{name: "category subtree", where: "category_path @> ARRAY['" + leaf + "'::uuid]", order: "", index: "products_category_idx", forceIndex: true},
		{name: "price range", where: "price_amount BETWEEN 1000 AND 1500", order: "price_amount, id", index: "products_price_idx"},
		{name: "in stock", where: "stock > 0", order: "price_amount, id", index: "products_in_stock_idx", forceIndex: true},
		{name: "sold out", where: "stock = 0", order: "", index: "products_sold_out_idx", forceIndex: true},
		{name: "sort price asc", where: "true", order: "price_amount ASC, id ASC", index: "products_price_idx"},
		{name: "sort price desc", where: "true", order: "price_amount DESC, id DESC", index: "products_price_idx"},
		{name: "sort rating", where: "true", order: "rating DESC, review_count DESC, id DESC", index: "products_rating_idx"},
		{name: "sort newest", where: "true", order: "created_at DESC, id DESC", index: "products_newest_idx"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tx, err := s.db.BeginTxx(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback()
			if tt.forceIndex {
				if _, err := tx.Exec(`SET LOCAL enable_seqscan = off`); err != nil {
					t.Fatal(err)
				}
			}
			var lines []string
			// Filters are checked on the totalCount query (every matching
			// row); sorts on the page query.
			q := `EXPLAIN SELECT count(*) FROM product.products WHERE ` + tt.where
			if tt.order != "" {
				q = `EXPLAIN SELECT id FROM product.products WHERE ` + tt.where + ` ORDER BY ` + tt.order + ` LIMIT 21`
			}
			if err := tx.Select(&lines, q); err != nil {
				t.Fatal(err)
			}
			plan := strings.Join(lines, "\n")
			if !strings.Contains(plan, tt.index) {
				t.Fatalf("plan does not use %s:\n%s", tt.index, plan)
			}
		})
	}
}
