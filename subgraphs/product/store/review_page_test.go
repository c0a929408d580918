package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// genReview is a review as the pagination property generates it: few
// distinct ratings, helpful counts and timestamps, so ties are common.
type genReview struct {
	Rating, Helpful, Minute int
	Hidden, Viewers         bool
}

func genReviews() gopter.Gen {
	return gen.SliceOf(gopter.CombineGens(gen.IntRange(1, 5), gen.IntRange(0, 3), gen.IntRange(0, 4), gen.Weighted([]gen.WeightedGen{
		{Weight: 5, Gen: gen.Const(false)}, {Weight: 1, Gen: gen.Const(true)}}), gen.Bool()).Map(func(v []any) genReview {
		return genReview{Rating: v[0].(int), Helpful: v[1].(int), Minute: v[2].(int), Hidden: v[3].(bool), Viewers: v[4].(bool)}
	}))
}

// TestReviewPagination walks every sort with every page size over
// generated reviews (many ties) and checks that the pages list exactly the
// reviews a shopper may see (visible ones plus the viewer's own), once
// each, in the order the sort defines, with totalCount their number.
func TestReviewPagination(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, ids := reviewable(t, 2)
	pid, other := ids[0], ids[1]
	base := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	props := gopter.NewProperties(propParams(t, 30))
	props.Property("pages never skip or repeat a review, in every order", prop.ForAll(
		func(rs []genReview, size int) string {
			if _, err := s.db.Exec(`DELETE FROM product.reviews`); err != nil {
				return err.Error()
			}
			viewer := uuid.NewString()
			var want []product.Review
			for i, g := range rs {
				rv := product.Review{ID: uuid.NewString(), ProductID: pid, AuthorID: uuid.NewString(), Rating: g.Rating,
					HelpfulCount: g.Helpful, CreatedAt: base.Add(time.Duration(g.Minute) * time.Minute), Status: product.ReviewVisible}
				if g.Hidden {
					rv.Status = product.ReviewHidden
				}
				if g.Viewers && i == 0 {
					rv.AuthorID = viewer
				}
				if _, err := s.db.Exec(`INSERT INTO product.reviews (id, product_id, author_id, author_name, rating, title, body,
					status, helpful_count, created_at, updated_at) VALUES ($1, $2, $3, 'A', $4, 'T', 'B', $5, $6, $7, $7)`,
					rv.ID, pid, rv.AuthorID, rv.Rating, string(rv.Status), rv.HelpfulCount, rv.CreatedAt); err != nil {
					return err.Error()
				}
				if rv.Status == product.ReviewVisible || rv.AuthorID == viewer {
					want = append(want, rv)
				}
			}
			// A review of another product never shows.
			if _, err := s.db.Exec(`INSERT INTO product.reviews (id, product_id, author_id, author_name, rating, title, body)
				VALUES ($1, $2, $3, 'A', 3, 'T', 'B')`, uuid.NewString(), other, uuid.NewString()); err != nil {
				return err.Error()
			}
			for _, sort := range []product.ReviewSort{product.ReviewNewest, product.ReviewHighest, product.ReviewLowest, product.ReviewMostHelpful} {
				exp := slices.Clone(want)
				slices.SortFunc(exp, func(a, b product.Review) int { return compareReviews(sort, a, b) })
				var got []string
				after := ""
				for pages := 0; ; pages++ {
					if pages > len(exp)+1 {
						return fmt.Sprintf("%s: more pages than reviews", sort)
					}
					page, err := s.Reviews(ctx, product.ReviewListParams{First: size, After: after, Sort: sort, ProductID: pid, ViewerID: viewer})
					if err != nil {
						return err.Error()
					}
					if page.TotalCount != len(exp) {
						return fmt.Sprintf("%s: totalCount %d, want %d", sort, page.TotalCount, len(exp))
					}
					for _, rv := range page.Reviews {
						got = append(got, rv.ID)
					}
					if !page.HasNextPage {
						break
					}
					after = page.Cursors[len(page.Cursors)-1]
				}
				wantIDs := make([]string, len(exp))
				for i, rv := range exp {
					wantIDs[i] = rv.ID
				}
				if !slices.Equal(got, wantIDs) {
					return fmt.Sprintf("%s, pages of %d:\n got  %s\n want %s", sort, size, strings.Join(got, " "), strings.Join(wantIDs, " "))
				}
			}
			return ""
		},
		genReviews(), gen.IntRange(1, 7),
	))
	props.TestingRun(t)
}

// compareReviews is the documented order: the sort key, then newest, then
// the highest id.
func compareReviews(sort product.ReviewSort, a, b product.Review) int {
	var c int
	switch sort {
	case product.ReviewHighest:
		c = cmp.Compare(b.Rating, a.Rating)
	case product.ReviewLowest:
		c = cmp.Compare(a.Rating, b.Rating)
	case product.ReviewMostHelpful:
		c = cmp.Compare(b.HelpfulCount, a.HelpfulCount)
	}
	if c != 0 {
		return c
	}
	if c = b.CreatedAt.Compare(a.CreatedAt); c != 0 {
		return c
	}
	return strings.Compare(b.ID, a.ID)
}

// TestReviewListArguments: bad arguments are INVALID on the argument.
func TestReviewListArguments(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, ids := reviewable(t, 1)
	newest := product.ReviewCursor{Order: product.ReviewNewest, Created: 1, ID: uuid.NewString()}.Encode()
	tests := []struct {
		p     product.ReviewListParams
		field string
	}{
		{product.ReviewListParams{First: 0, ProductID: ids[0]}, "first"},
		{product.ReviewListParams{First: 51, ProductID: ids[0]}, "first"},
		{product.ReviewListParams{First: 5, ProductID: ids[0], Sort: "RANDOM"}, "sort"},
		{product.ReviewListParams{First: 5, ProductID: ids[0], After: "garbage"}, "after"},
		{product.ReviewListParams{First: 5, ProductID: ids[0], After: newest, Sort: product.ReviewHighest}, "after"},
		{product.ReviewListParams{First: 5, ProductID: "nope"}, "filter.productId"},
		{product.ReviewListParams{First: 101, Admin: true}, "first"},
		{product.ReviewListParams{First: 5, Admin: true, Rating: 6}, "filter.rating"},
		{product.ReviewListParams{First: 5, Admin: true, Status: "GONE"}, "filter.status"},
	}
	for _, tt := range tests {
		_, err := s.Reviews(ctx, tt.p)
		wantErr(t, err, product.Invalid, tt.field)
	}
	if _, err := s.Reviews(ctx, product.ReviewListParams{First: 100, Admin: true, After: newest}); err != nil {
		t.Fatalf("admin list: %v", err)
	}
}
