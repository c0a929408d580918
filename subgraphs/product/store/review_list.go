package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// reviewOrder is one order of a review listing: its ORDER BY, the keyset
// condition that seeks past a cursor, and the cursor of a row.
type reviewOrder struct {
	orderBy string
	// seek returns the condition "after the cursor", binding its values.
	seek func(c *conds, cur product.ReviewCursor) string
}

// The seek conditions mirror the ORDER BY exactly (created_at DESC, id
// DESC break every tie), so a page starts right after the cursor's review.
var reviewOrders = map[product.ReviewSort]reviewOrder{
	product.ReviewNewest: {
		orderBy: `r.created_at DESC, r.id DESC`,
		seek: func(c *conds, cur product.ReviewCursor) string {
			return fmt.Sprintf(`(r.created_at, r.id) < (%s::timestamptz, %s::uuid)`, c.arg(time.UnixMicro(cur.Created)), c.arg(cur.ID))
		},
	},
	product.ReviewHighest: {
		orderBy: `r.rating DESC, r.created_at DESC, r.id DESC`,
		seek: func(c *conds, cur product.ReviewCursor) string {
			return fmt.Sprintf(`(r.rating, r.created_at, r.id) < (%s::smallint, %s::timestamptz, %s::uuid)`,
				c.arg(cur.Rating), c.arg(time.UnixMicro(cur.Created)), c.arg(cur.ID))
		},
	},
	product.ReviewLowest: {
		orderBy: `r.rating ASC, r.created_at DESC, r.id DESC`,
		seek: func(c *conds, cur product.ReviewCursor) string {
			rt := c.arg(cur.Rating)
			return fmt.Sprintf(`(r.rating > %[1]s::smallint OR (r.rating = %[1]s::smallint AND (r.created_at, r.id) < (%[2]s::timestamptz, %[3]s::uuid)))`,
				rt, c.arg(time.UnixMicro(cur.Created)), c.arg(cur.ID))
		},
	},
	product.ReviewMostHelpful: {
		orderBy: `r.helpful_count DESC, r.created_at DESC, r.id DESC`,
		seek: func(c *conds, cur product.ReviewCursor) string {
			return fmt.Sprintf(`(r.helpful_count, r.created_at, r.id) < (%s::int, %s::timestamptz, %s::uuid)`,
				c.arg(cur.Helpful), c.arg(time.UnixMicro(cur.Created)), c.arg(cur.ID))
		},
	},
}

// reviewCursor is the cursor just after rv in order o.
func reviewCursor(o product.ReviewSort, rv product.Review) string {
	c := product.ReviewCursor{Order: o, Created: rv.CreatedAt.UnixMicro(), ID: rv.ID}
	switch o {
	case product.ReviewHighest, product.ReviewLowest:
		c.Rating = rv.Rating
	case product.ReviewMostHelpful:
		c.Helpful = rv.HelpfulCount
	}
	return c.Encode()
}

// Reviews returns one page of a product's reviews (visible ones, plus the
// viewer's own while hidden) or, for admins, of every review of a live
// product matching the filters, newest first. The count and the page are
// read in one snapshot. Errors: INVALID (Field names the argument), INTERNAL.
func (s *Store) Reviews(ctx context.Context, p product.ReviewListParams) (product.ReviewPage, error) {
	if err := p.Validate(); err != nil {
		return product.ReviewPage{}, err
	}
	q, err := buildReviewList(p)
	if err != nil {
		return product.ReviewPage{}, err
	}
	tx, err := s.db.BeginTxx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return product.ReviewPage{}, product.InternalError("begin review listing", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	var page product.ReviewPage
	if err := tx.GetContext(ctx, &page.TotalCount, q.count, q.countArgs...); err != nil {
		return product.ReviewPage{}, product.InternalError("count reviews", err)
	}
	var rows []reviewRow
	if page.TotalCount > 0 {
		if err := tx.SelectContext(ctx, &rows, q.page, q.pageArgs...); err != nil {
			return product.ReviewPage{}, product.InternalError("list reviews", err)
		}
	}
	if len(rows) > p.First {
		page.HasNextPage = true
		rows = rows[:p.First]
	}
	page.Reviews = make([]product.Review, len(rows))
	page.Cursors = make([]string, len(rows))
	for i, r := range rows {
		page.Reviews[i] = r.review()
		page.Cursors[i] = reviewCursor(q.order, page.Reviews[i])
	}
	return page, nil
}

// reviewQuery is the SQL of one review listing, built apart from running
// it so a test can EXPLAIN exactly what Reviews runs. Values are always
// bind parameters.
type reviewQuery struct {
	count, page         string
	countArgs, pageArgs []any
	order               product.ReviewSort
}

// buildReviewList builds the count and page queries of a validated request.
func buildReviewList(p product.ReviewListParams) (reviewQuery, error) {
	q := reviewQuery{order: p.Order()}
	var c conds
	if p.ProductID != "" {
		c.and("r.product_id = " + c.arg(canonical(p.ProductID)) + "::uuid")
	}
	if p.Admin {
		c.and(`EXISTS (SELECT 1 FROM product.products p WHERE p.id = r.product_id AND p.deleted_at IS NULL)`)
		if p.Status != "" {
			c.and("r.status = " + c.arg(string(p.Status)))
		}
		if p.Rating != 0 {
			c.and("r.rating = " + c.arg(p.Rating) + "::smallint")
		}
	} else if uuid.Validate(p.ViewerID) == nil {
		c.and("(r.status = 'VISIBLE' OR r.author_id = " + c.arg(canonical(p.ViewerID)) + "::uuid)")
	} else {
		c.and("r.status = 'VISIBLE'")
	}
	q.count = `SELECT count(*) FROM product.reviews r WHERE ` + strings.Join(c.where, " AND ")
	q.countArgs = slices.Clone(c.args)
	if p.After != "" {
		cur, err := product.DecodeReviewCursor(p.After)
		if err != nil {
			return q, err
		}
		c.and(reviewOrders[q.order].seek(&c, cur))
	}
	q.page = fmt.Sprintf(`SELECT %s FROM product.reviews r WHERE %s ORDER BY %s LIMIT %s`,
		reviewColumns, strings.Join(c.where, " AND "), reviewOrders[q.order].orderBy, c.arg(p.First+1))
	q.pageArgs = c.args
	return q, nil
}
