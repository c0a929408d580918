package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/lib/pq"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

var _ product.ReviewStore = (*Store)(nil)

// reviewColumns are a reviews row as reviewRow scans it; the table is
// aliased r in every query (joins, RETURNING).
const reviewColumns = `r.id, r.product_id, r.author_id, r.author_name, r.rating, r.title, r.body,
	r.status, r.moderation_reason, r.verified_purchase, r.helpful_count, r.created_at, r.updated_at`

// reviewRow is a reviews row as scanned.
type reviewRow struct {
	ID               string         `db:"id"`
	ProductID        string         `db:"product_id"`
	AuthorID         string         `db:"author_id"`
	AuthorName       string         `db:"author_name"`
	Rating           int            `db:"rating"`
	Title            string         `db:"title"`
	Body             string         `db:"body"`
	Status           string         `db:"status"`
	ModerationReason sql.NullString `db:"moderation_reason"`
	VerifiedPurchase bool           `db:"verified_purchase"`
	HelpfulCount     int            `db:"helpful_count"`
	CreatedAt        time.Time      `db:"created_at"`
	UpdatedAt        time.Time      `db:"updated_at"`
}

func (r reviewRow) review() product.Review {
	rv := product.Review{
		ID: r.ID, ProductID: r.ProductID, AuthorID: r.AuthorID, AuthorName: r.AuthorName,
		Rating: r.Rating, Title: r.Title, Body: r.Body, Status: product.ReviewStatus(r.Status),
		VerifiedPurchase: r.VerifiedPurchase, HelpfulCount: r.HelpfulCount,
		CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(),
	}
	if r.ModerationReason.Valid {
		reason := r.ModerationReason.String
		rv.ModerationReason = &reason
	}
	return rv
}

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
	order := p.Order()
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
	countQ := `SELECT count(*) FROM product.reviews r WHERE ` + strings.Join(c.where, " AND ")
	countArgs := append([]any(nil), c.args...)
	if p.After != "" {
		cur, err := product.DecodeReviewCursor(p.After)
		if err != nil {
			return product.ReviewPage{}, err
		}
		c.and(reviewOrders[order].seek(&c, cur))
	}
	pageQ := fmt.Sprintf(`SELECT %s FROM product.reviews r WHERE %s ORDER BY %s LIMIT %s`,
		reviewColumns, strings.Join(c.where, " AND "), reviewOrders[order].orderBy, c.arg(p.First+1))

	tx, err := s.db.BeginTxx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return product.ReviewPage{}, product.InternalError("begin review listing", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	var page product.ReviewPage
	if err := tx.GetContext(ctx, &page.TotalCount, countQ, countArgs...); err != nil {
		return product.ReviewPage{}, product.InternalError("count reviews", err)
	}
	var rows []reviewRow
	if page.TotalCount > 0 {
		if err := tx.SelectContext(ctx, &rows, pageQ, c.args...); err != nil {
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
		page.Cursors[i] = reviewCursor(order, page.Reviews[i])
	}
	return page, nil
}

// ReviewsByIDs loads reviews of live products in one query: result[i] is
// ids[i], nil where unknown. Visibility is the caller's to decide.
// Errors: INTERNAL.
func (s *Store) ReviewsByIDs(ctx context.Context, ids []string) ([]*product.Review, error) {
	out := make([]*product.Review, len(ids))
	keys, valid := canonicalIDs(ids)
	if len(valid) == 0 {
		return out, nil
	}
	var rows []reviewRow
	if err := s.db.SelectContext(ctx, &rows, `SELECT `+reviewColumns+` FROM product.reviews r
		JOIN product.products p ON p.id = r.product_id AND p.deleted_at IS NULL
		WHERE r.id = ANY($1::uuid[])`, pq.Array(valid)); err != nil {
		return nil, product.InternalError("load reviews by id", err)
	}
	byID := make(map[string]reviewRow, len(rows))
	for _, r := range rows {
		byID[r.ID] = r
	}
	for i, k := range keys {
		if r, ok := byID[k]; ok {
			rv := r.review()
			out[i] = &rv
		}
	}
	return out, nil
}

// RatingDistributions counts, in one query, the visible reviews of each
// product per number of stars: result[i][s-1] is product i's s-star count.
// Errors: INTERNAL.
func (s *Store) RatingDistributions(ctx context.Context, productIDs []string) ([][5]int, error) {
	out := make([][5]int, len(productIDs))
	keys, valid := canonicalIDs(productIDs)
	if len(valid) == 0 {
		return out, nil
	}
	var rows []struct {
		ProductID string `db:"product_id"`
		Rating    int    `db:"rating"`
		Count     int    `db:"n"`
	}
	if err := s.db.SelectContext(ctx, &rows, `SELECT product_id, rating, count(*) AS n FROM product.reviews
		WHERE product_id = ANY($1::uuid[]) AND status = 'VISIBLE' GROUP BY product_id, rating`, pq.Array(valid)); err != nil {
		return nil, product.InternalError("rating distributions", err)
	}
	byID := make(map[string]*[5]int, len(valid))
	for _, r := range rows {
		d := byID[r.ProductID]
		if d == nil {
			d = new([5]int)
			byID[r.ProductID] = d
		}
		d[r.Rating-1] = r.Count
	}
	for i, k := range keys {
		if d := byID[k]; d != nil {
			out[i] = *d
		}
	}
	return out, nil
}

// ViewerReviews returns, in one query, authorID's review of each product
// (visible or hidden), nil where none. Errors: INTERNAL.
func (s *Store) ViewerReviews(ctx context.Context, authorID string, productIDs []string) ([]*product.Review, error) {
	out := make([]*product.Review, len(productIDs))
	keys, valid := canonicalIDs(productIDs)
	if len(valid) == 0 || uuid.Validate(authorID) != nil {
		return out, nil
	}
	var rows []reviewRow
	if err := s.db.SelectContext(ctx, &rows, `SELECT `+reviewColumns+` FROM product.reviews r
		WHERE r.author_id = $1 AND r.product_id = ANY($2::uuid[])`, canonical(authorID), pq.Array(valid)); err != nil {
		return nil, product.InternalError("load viewer reviews", err)
	}
	byProduct := make(map[string]reviewRow, len(rows))
	for _, r := range rows {
		byProduct[r.ProductID] = r
	}
	for i, k := range keys {
		if r, ok := byProduct[k]; ok {
			rv := r.review()
			out[i] = &rv
		}
	}
	return out, nil
}

// HelpfulVotes reports, in one query, whether voterID voted each review
// helpful. Errors: INTERNAL.
func (s *Store) HelpfulVotes(ctx context.Context, voterID string, reviewIDs []string) ([]bool, error) {
	out := make([]bool, len(reviewIDs))
	keys, valid := canonicalIDs(reviewIDs)
	if len(valid) == 0 || uuid.Validate(voterID) != nil {
		return out, nil
	}
	var voted []string
	if err := s.db.SelectContext(ctx, &voted, `SELECT review_id FROM product.review_votes
		WHERE voter_id = $1 AND review_id = ANY($2::uuid[])`, canonical(voterID), pq.Array(valid)); err != nil {
		return nil, product.InternalError("load helpful votes", err)
	}
	set := make(map[string]bool, len(voted))
	for _, id := range voted {
		set[id] = true
	}
	for i, k := range keys {
		out[i] = k != "" && set[k]
	}
	return out, nil
}

// canonical is the lower-case form of a valid UUID (PostgreSQL returns
// that form, so map keys compare equal); other strings are returned as is.
func canonical(id string) string {
	if u, err := uuid.Parse(id); err == nil {
		return u.String()
	}
	return id
}
