package store

import (
	"context"
	"strings"
	"testing"

	"github.com/nexus-commerce/nexus/subgraphs/product"
	"github.com/nexus-commerce/nexus/subgraphs/product/seed"
)

// testReviewListsUseIndexes EXPLAINs the review listings exactly as
// Reviews builds them on the analyzed demo catalog: a product's page in
// every order (first and second page, count and page) never reads the
// whole reviews table, and the moderation list's page walks a
// newest-first index.
func testReviewListsUseIndexes(t *testing.T, s *Store, c seed.Catalog) {
	ctx := context.Background()
	if _, err := s.db.ExecContext(ctx, `ANALYZE product.reviews, product.review_votes`); err != nil {
		t.Fatal(err)
	}
	perProduct := map[string]int{}
	busiest := ""
	for _, rv := range c.Reviews {
		if perProduct[rv.ProductID]++; perProduct[rv.ProductID] > perProduct[busiest] {
			busiest = rv.ProductID
		}
	}
	check := func(name string, p product.ReviewListParams, pageIndexes ...string) {
		t.Helper()
		q, err := buildReviewList(p)
		if err != nil {
			t.Fatal(err)
		}
		plans := []string{explain(t, s.db, q.page, q.pageArgs)}
		t.Logf("%s:\n%s", name, plans[0])
		if !p.Admin { // the moderation list counts every review: a scan is the right plan
			plans = append(plans, explain(t, s.db, q.count, q.countArgs))
		}
		for _, plan := range plans {
			if strings.Contains(plan, "Seq Scan on reviews") {
				t.Errorf("%s reads every review:\n%s", name, plan)
			}
		}
		if len(pageIndexes) == 0 {
			return
		}
		plan := explain(t, s.db, q.page, q.pageArgs)
		for _, idx := range pageIndexes {
			if scans(plan, idx) {
				return
			}
		}
		t.Errorf("%s: page uses none of %v:\n%s", name, pageIndexes, plan)
	}
	for _, sort := range []product.ReviewSort{product.ReviewNewest, product.ReviewHighest, product.ReviewLowest, product.ReviewMostHelpful} {
		p := product.ReviewListParams{First: 2, Sort: sort, ProductID: busiest}
		check(string(sort), p)
		page, err := s.Reviews(ctx, p)
		if err != nil || !page.HasNextPage {
			t.Fatalf("%s: %v (hasNextPage %v)", sort, err, page.HasNextPage)
		}
		p.After = page.Cursors[1]
		check(string(sort)+" second page", p)
	}
	check("moderation list", product.ReviewListParams{First: 20, Admin: true}, "reviews_newest_idx")
	check("hidden reviews", product.ReviewListParams{First: 20, Admin: true, Status: product.ReviewHidden}, "reviews_status_newest_idx")
}
