package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// WriteReview adds authorID's review of in.ProductID with its
// review.created event, and recomputes the product's rating. Errors:
// INVALID (every bad field), NOT_FOUND (product), CONFLICT (the author
// already reviewed it), UNAUTHENTICATED (authorID is not a user id), INTERNAL.
func (s *Store) WriteReview(ctx context.Context, authorID string, in product.ReviewInput) (product.Review, error) {
	in = product.TrimReviewInput(in)
	if err := product.ValidateNewReview(in); err != nil {
		return product.Review{}, err
	}
	if err := checkUser(authorID); err != nil {
		return product.Review{}, err
	}
	productID := canonical(in.ProductID)
	var rv product.Review
	err := s.inTx(ctx, "write review", func(tx *sqlx.Tx) error {
		if err := lockReviewProduct(ctx, tx, productID, "input.productId", true); err != nil {
			return err
		}
		// The product lock serialises this with every other review of the
		// product, so a second review by the same author finds the first.
		var r reviewRow
		err := tx.GetContext(ctx, &r, `INSERT INTO product.reviews AS r (id, product_id, author_id, author_name, rating, title, body)
			VALUES ($1, $2, $3, $4, $5, $6, $7)
			ON CONFLICT ON CONSTRAINT reviews_one_per_author DO NOTHING
			RETURNING `+reviewColumns,
			uuid.NewString(), productID, canonical(authorID), in.AuthorName, in.Rating, in.Title, in.Body)
		if errors.Is(err, sql.ErrNoRows) {
			return product.Errorf(product.Conflict, "input.productId", "you have already reviewed this product; edit your review instead")
		}
		if err != nil {
			return err
		}
		rv = r.review()
		return s.reviewChanged(ctx, tx, product.EventReviewCreated, rv)
	})
	return rv, err
}

// UpdateReview replaces the fields of authorID's own review (its status
// stays: editing does not undo a hide) with a review.updated event.
// Errors: INVALID, NOT_FOUND (unknown, someone else's, or of a deleted
// product), INTERNAL.
func (s *Store) UpdateReview(ctx context.Context, authorID, id string, in product.ReviewInput) (product.Review, error) {
	in = product.TrimReviewInput(in)
	if err := product.ValidateReviewEdit(in); err != nil {
		return product.Review{}, err
	}
	notFound := product.Errorf(product.NotFound, "input.id", "you have no review %s", id)
	if uuid.Validate(id) != nil || uuid.Validate(authorID) != nil {
		return product.Review{}, notFound
	}
	var rv product.Review
	err := s.inTx(ctx, "update review", func(tx *sqlx.Tx) error {
		productID, err := reviewProduct(ctx, tx, id, canonical(authorID), notFound)
		if err != nil {
			return err
		}
		if err := lockReviewProduct(ctx, tx, productID, "input.id", true); err != nil {
			return orNotFound(err, notFound) // a deleted product's reviews are gone for shoppers
		}
		var r reviewRow
		err = tx.GetContext(ctx, &r, `UPDATE product.reviews r SET rating = $3, title = $4, body = $5, author_name = $6,
			updated_at = greatest(now(), r.created_at)
			WHERE r.id = $1 AND r.author_id = $2 RETURNING `+reviewColumns,
			canonical(id), canonical(authorID), in.Rating, in.Title, in.Body, in.AuthorName)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound // deleted meanwhile
		}
		if err != nil {
			return err
		}
		rv = r.review()
		return s.reviewChanged(ctx, tx, product.EventReviewUpdated, rv)
	})
	return rv, err
}

// DeleteReview deletes authorID's review, or any review when admin (its
// helpful votes go with it), with a review.deleted event carrying it as it
// was. Errors: NOT_FOUND, INTERNAL.
func (s *Store) DeleteReview(ctx context.Context, authorID, id string, admin bool) (product.Review, error) {
	notFound := product.Errorf(product.NotFound, "id", "review %s not found", id)
	if uuid.Validate(id) != nil || (!admin && uuid.Validate(authorID) != nil) {
		return product.Review{}, notFound
	}
	author := canonical(authorID)
	if admin {
		author = ""
	}
	var rv product.Review
	err := s.inTx(ctx, "delete review", func(tx *sqlx.Tx) error {
		productID, err := reviewProduct(ctx, tx, id, author, notFound)
		if err != nil {
			return err
		}
		// A review of a deleted product can still be deleted.
		if err := lockReviewProduct(ctx, tx, productID, "id", false); err != nil {
			return err
		}
		var r reviewRow
		err = tx.GetContext(ctx, &r, `DELETE FROM product.reviews r WHERE r.id = $1 AND ($2 = '' OR r.author_id::text = $2)
			RETURNING `+reviewColumns, canonical(id), author)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound
		}
		if err != nil {
			return err
		}
		rv = r.review()
		return s.reviewChanged(ctx, tx, product.EventReviewDeleted, rv)
	})
	return rv, err
}

// SetReviewStatus hides or restores a review with the admin's reason (kept
// with who and when), with a review.hidden or review.restored event;
// repeating it only replaces the reason. Errors: INVALID (reason,
// status), NOT_FOUND, INTERNAL.
func (s *Store) SetReviewStatus(ctx context.Context, adminID, id string, status product.ReviewStatus, reason string) (product.Review, error) {
	reason, err := product.ValidateModerationReason(reason)
	typ := product.EventReviewHidden
	switch status {
	case product.ReviewHidden:
	case product.ReviewVisible:
		typ = product.EventReviewRestored
	default:
		err = errors.Join(err, product.Errorf(product.Invalid, "status", "unknown status %q", status))
	}
	if err != nil {
		return product.Review{}, err
	}
	notFound := product.Errorf(product.NotFound, "id", "review %s not found", id)
	if uuid.Validate(id) != nil {
		return product.Review{}, notFound
	}
	var moderator any
	if uuid.Validate(adminID) == nil {
		moderator = canonical(adminID)
	}
	var rv product.Review
	err = s.inTx(ctx, "moderate review", func(tx *sqlx.Tx) error {
		productID, err := reviewProduct(ctx, tx, id, "", notFound)
		if err != nil {
			return err
		}
		if err := lockReviewProduct(ctx, tx, productID, "id", true); err != nil {
			return orNotFound(err, notFound) // a deleted product's reviews are gone for shoppers
		}
		var r reviewRow
		err = tx.GetContext(ctx, &r, `UPDATE product.reviews r SET status = $2, moderation_reason = $3, moderated_by = $4, moderated_at = now()
			WHERE r.id = $1 RETURNING `+reviewColumns, canonical(id), string(status), reason, moderator)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound
		}
		if err != nil {
			return err
		}
		rv = r.review()
		return s.reviewChanged(ctx, tx, typ, rv)
	})
	return rv, err
}

// reviewChanged recomputes the product's rating and review count from its
// visible reviews (the caller holds the product's row lock) and writes the
// event of the change with the new figures.
func (s *Store) reviewChanged(ctx context.Context, tx *sqlx.Tx, typ string, rv product.Review) error {
	var stats struct {
		Rating float64 `db:"rating"`
		Count  int     `db:"review_count"`
	}
	// sum/count in float8 is the same IEEE division as Go's, so the
	// rating equals the mean computed anywhere else bit for bit.
	err := tx.GetContext(ctx, &stats, `UPDATE product.products p SET
			rating = coalesce(v.total::float8 / nullif(v.n, 0), 0), review_count = v.n
		FROM (SELECT count(*) AS n, sum(rating) AS total FROM product.reviews
			WHERE product_id = $1 AND status = 'VISIBLE') v
		WHERE p.id = $1 RETURNING p.rating, p.review_count`, rv.ProductID)
	if err != nil {
		return err
	}
	return s.appendEvent(ctx, tx, typ, rv.ID, product.NewReviewPayload(rv, stats.Rating, stats.Count), rv.UpdatedAt)
}

// lockReviewProduct takes the product's row lock for a review change (FOR NO
// KEY UPDATE: it blocks other rating updates but not the foreign-key
// checks of rows that reference the product). live refuses a deleted
// product. Errors: NOT_FOUND on field.
func lockReviewProduct(ctx context.Context, tx *sqlx.Tx, id, field string, live bool) error {
	q := `SELECT true FROM product.products WHERE id = $1 FOR NO KEY UPDATE`
	if live {
		q = `SELECT true FROM product.products WHERE id = $1 AND deleted_at IS NULL FOR NO KEY UPDATE`
	}
	var ok bool
	err := tx.GetContext(ctx, &ok, q, id)
	if errors.Is(err, sql.ErrNoRows) {
		return product.Errorf(product.NotFound, field, "product %s not found", id)
	}
	return err
}

// orNotFound replaces a NOT_FOUND err with notFound (the error about the
// review the caller named) and passes any other error through.
func orNotFound(err, notFound error) error {
	var e *product.Error
	if errors.As(err, &e) && e.Code == product.NotFound {
		return notFound
	}
	return err
}

// reviewProduct returns the product of review id, written by author
// unless author is "" (any). A review never moves to another product, so
// this is read before the product's lock is taken (locks are always taken
// product first, review second: no deadlock between review writers).
func reviewProduct(ctx context.Context, tx *sqlx.Tx, id, author string, notFound error) (string, error) {
	var productID string
	err := tx.GetContext(ctx, &productID, `SELECT product_id FROM product.reviews WHERE id = $1 AND ($2 = '' OR author_id::text = $2)`,
		canonical(id), author)
	if errors.Is(err, sql.ErrNoRows) {
		return "", notFound
	}
	return productID, err
}

// checkUser refuses an author or voter id that is not a user id: only the
// graph layer's verified caller may write.
func checkUser(id string) error {
	if uuid.Validate(id) != nil {
		return product.Errorf(product.Unauthenticated, "", "sign in to write reviews")
	}
	return nil
}
