package store

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/jmoiron/sqlx"

	"github.com/nexus-commerce/nexus/subgraphs/product"
	"github.com/nexus-commerce/nexus/subgraphs/product/seed"
)

// planCase is one listing whose two statements (count and page, exactly
// as Products builds them) are EXPLAINed on the analyzed demo catalog.
type planCase struct {
	name string
	p    product.ListParams
	// count lists the index the count statement must scan; "" means the
	// right plan reads the table (see seqScan).
	count string
	// seqScan says why reading the whole table is the best count plan.
	seqScan string
	// page lists indexes any one of which may serve the page: the filter's
	// (bitmap scan, then a top-N sort) or the order's (walked in order,
	// filtering); the planner picks by selectivity.
	page []string
	// ordered: the page must come in index order, with no Sort node.
	ordered bool
	// seek: the keyset condition must be an index condition (second page).
	seek bool
	// prefix says why the planner may read the whole table for a search
	// whose last word is also a prefix (audio:*): PostgreSQL estimates
	// prefix matches coarsely, and on 2,400 rows a scan is then cheaper.
	prefix string
}

// testEveryFilterAndSortUsesAnIndex proves each filter and each sort of
// the listing is served by the index the migrations made for it, on the
// planner's own choice after ANALYZE (no enable_seqscan tricks): the demo
// catalog's 2,400 products are enough for it to prefer the indexes.
func testEveryFilterAndSortUsesAnIndex(t *testing.T, s *Store, c seed.Catalog) {
	ctx := context.Background()
	if _, err := s.db.ExecContext(ctx, `ANALYZE product.categories, product.products`); err != nil {
		t.Fatal(err)
	}
	cat := func(name string) string {
		for _, x := range c.Categories {
			if x.Name == name {
				return x.ID
			}
		}
		t.Fatalf("demo catalog has no category %q", name)
		return ""
	}
	second := func(sort product.Sort, f product.Filter) product.ListParams {
		page, err := s.Products(ctx, product.ListParams{First: 20, Sort: sort, Filter: f})
		if err != nil || !page.HasNextPage {
			t.Fatalf("first page of %s: %v (hasNextPage %v)", sort, err, page.HasNextPage)
		}
		return product.ListParams{First: 20, Sort: sort, Filter: f, After: page.Edges[19].Cursor}
	}
	i64 := func(v int64) *int64 { return &v }
	yes, no := true, false
	const (
		search, tags, category = "products_search_idx", "products_tags_idx", "products_category_idx"
		price, rating, newest  = "products_price_idx", "products_rating_idx", "products_newest_idx"
		soldOut                = "products_sold_out_idx"
		wholeTable             = "counting every product reads every row: an index cannot beat one sequential pass"
	)
	f := func(f product.Filter) product.ListParams { return product.ListParams{First: 20, Filter: f} }
	tests := []planCase{
		// Filters (default order: RELEVANCE with a search, else NEWEST).
		{name: "search", p: f(product.Filter{Search: "espresso"}), count: search, page: []string{search}},
		{name: "search of a category name", p: f(product.Filter{Search: "audio"}), count: search, page: []string{search},
			prefix: "audio:* is estimated at 578 of 2,400 rows"},
		{name: "search, newest", p: product.ListParams{First: 20, Sort: product.SortNewest, Filter: product.Filter{Search: "headphones"}}, count: search, page: []string{search, newest}},
		{name: "tag", p: f(product.Filter{Tags: []string{"4-season"}}), count: tags, page: []string{tags, newest}},
		{name: "all of two tags", p: f(product.Filter{Tags: []string{"gps", "waterproof"}}), count: tags, page: []string{tags, newest}},
		{name: "common tag", p: f(product.Filter{Tags: []string{"bluetooth"}}), count: tags, page: []string{tags, newest}},
		{name: "leaf category", p: f(product.Filter{CategoryID: cat("Headphones")}), count: category, page: []string{category, newest}},
		{name: "category subtree", p: f(product.Filter{CategoryID: cat("Audio")}), count: category, page: []string{category, newest}},
		{name: "department subtree", p: f(product.Filter{CategoryID: cat("Electronics")}), count: category, page: []string{category, newest}},
		{name: "price range", p: f(product.Filter{MinPrice: i64(2000), MaxPrice: i64(3000)}), count: price, page: []string{price, newest}},
		{name: "min price", p: f(product.Filter{MinPrice: i64(150000)}), count: price, page: []string{price, newest}},
		{name: "max price", p: f(product.Filter{MaxPrice: i64(3000)}), count: price, page: []string{price, newest}},
		{name: "sold out", p: f(product.Filter{InStock: &no}), count: soldOut, page: []string{soldOut}, ordered: true},
		{name: "in stock", p: f(product.Filter{InStock: &yes}), seqScan: "in stock matches ~92% of the catalog; counting it reads the table whatever the indexes",
			page: []string{newest}, ordered: true},
		{name: "all filters", p: f(product.Filter{CategoryID: cat("Audio"), Tags: []string{"bluetooth"}, MaxPrice: i64(10000), InStock: &yes}),
			count: category, page: []string{category, tags, price}},
		// Sorts, first and second page (the keyset seek).
		{name: "PRICE_ASC", p: product.ListParams{First: 20, Sort: product.SortPriceAsc}, seqScan: wholeTable, page: []string{price}, ordered: true},
		{name: "PRICE_ASC after", p: second(product.SortPriceAsc, product.Filter{}), seqScan: wholeTable, page: []string{price}, ordered: true, seek: true},
		{name: "PRICE_DESC", p: product.ListParams{First: 20, Sort: product.SortPriceDesc}, seqScan: wholeTable, page: []string{price}, ordered: true},
		{name: "PRICE_DESC after", p: second(product.SortPriceDesc, product.Filter{}), seqScan: wholeTable, page: []string{price}, ordered: true, seek: true},
		{name: "RATING", p: product.ListParams{First: 20, Sort: product.SortRating}, seqScan: wholeTable, page: []string{rating}, ordered: true},
		{name: "RATING after", p: second(product.SortRating, product.Filter{}), seqScan: wholeTable, page: []string{rating}, ordered: true, seek: true},
		{name: "NEWEST", p: product.ListParams{First: 20, Sort: product.SortNewest}, seqScan: wholeTable, page: []string{newest}, ordered: true},
		{name: "NEWEST after", p: second(product.SortNewest, product.Filter{}), seqScan: wholeTable, page: []string{newest}, ordered: true, seek: true},
		{name: "RELEVANCE without search", p: product.ListParams{First: 20, Sort: product.SortRelevance}, seqScan: wholeTable, page: []string{newest}, ordered: true},
		// RELEVANCE orders by ts_rank, which no index can hold: the search
		// index finds the matches, a top-N sort ranks them.
		{name: "RELEVANCE after", p: second(product.SortRelevance, product.Filter{Search: "wireless"}), count: search, page: []string{search},
			prefix: "wireless:* is estimated at a quarter of the catalog"},
		{name: "sort within a filter", p: product.ListParams{First: 20, Sort: product.SortRating, Filter: product.Filter{CategoryID: cat("Electronics")}},
			count: category, page: []string{rating, category}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lq := buildList(tt.p, nil) // words that match: no typo fallback
			countPlan := explain(t, s.db, lq.count, lq.countArgs)
			pagePlan := explain(t, s.db, lq.page, lq.pageArgs)
			if tt.prefix != "" && strings.Contains(countPlan+pagePlan, "Seq Scan on products") {
				t.Logf("reads the table (%s)", tt.prefix)
				return
			}
			switch {
			case tt.count != "" && !scans(countPlan, tt.count):
				t.Errorf("count does not scan %s:\n%s", tt.count, countPlan)
			case tt.count == "" && !strings.Contains(countPlan, "Seq Scan on products"):
				t.Errorf("count should read the table (%s):\n%s", tt.seqScan, countPlan)
			}
			used := false
			for _, idx := range tt.page {
				used = used || scans(pagePlan, idx)
			}
			if !used {
				t.Errorf("page scans none of %v:\n%s", tt.page, pagePlan)
			}
			if strings.Contains(pagePlan, "Seq Scan") {
				t.Errorf("page reads the table:\n%s", pagePlan)
			}
			if tt.ordered && strings.Contains(pagePlan, "Sort Key") {
				t.Errorf("page is sorted after the scan, not read in index order:\n%s", pagePlan)
			}
			if tt.seek && !strings.Contains(pagePlan, "Index Cond: (ROW(") {
				t.Errorf("keyset seek is not an index condition:\n%s", pagePlan)
			}
		})
	}
}

// scans reports whether plan reads index idx (index, index-only or bitmap).
func scans(plan, idx string) bool {
	re := regexp.MustCompile(`(Index Scan|Index Scan Backward|Index Only Scan|Index Only Scan Backward) using ` + idx + ` |Bitmap Index Scan on ` + idx + `\b`)
	return re.MatchString(plan)
}

// explain returns the text plan of q with its bind parameters, so the
// planner sees the values Products sends.
func explain(t *testing.T, db *sqlx.DB, q string, args []any) string {
	t.Helper()
	var lines []string
	if err := db.Select(&lines, "EXPLAIN "+q, args...); err != nil {
		t.Fatalf("explain: %v", err)
	}
	return strings.Join(lines, "\n")
}
