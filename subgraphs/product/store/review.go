package store

import (
	"context"
	"database/sql"
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
