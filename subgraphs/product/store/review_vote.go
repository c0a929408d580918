package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// VoteHelpful records (helpful) or withdraws voterID's helpful vote on a
// visible review and keeps helpful_count equal to the number of votes, in
// one transaction; repeating a call changes nothing. It publishes no event
// (votes change no rating). Errors: NOT_FOUND (unknown, hidden, or of a
// deleted product), INVALID (the voter's own review), UNAUTHENTICATED,
// INTERNAL.
func (s *Store) VoteHelpful(ctx context.Context, voterID, id string, helpful bool) (product.Review, error) {
	if err := checkUser(voterID); err != nil {
		return product.Review{}, err
	}
	notFound := product.Errorf(product.NotFound, "id", "review %s not found", id)
	if uuid.Validate(id) != nil {
		return product.Review{}, notFound
	}
	id, voter := canonical(id), canonical(voterID)
	var rv product.Review
	err := s.inTx(ctx, "vote review helpful", func(tx *sqlx.Tx) error {
		// The review's row lock orders concurrent votes on it, so the
		// count and the votes agree whatever the interleaving.
		var target struct {
			Author string `db:"author_id"`
			Status string `db:"status"`
		}
		err := tx.GetContext(ctx, &target, `SELECT r.author_id, r.status FROM product.reviews r
			JOIN product.products p ON p.id = r.product_id AND p.deleted_at IS NULL
			WHERE r.id = $1 FOR NO KEY UPDATE OF r`, id)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && target.Status != string(product.ReviewVisible)) {
			return notFound
		}
		if err != nil {
			return err
		}
		if target.Author == voter {
			return product.Errorf(product.Invalid, "id", "you cannot vote on your own review")
		}
		q := `INSERT INTO product.review_votes (review_id, voter_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`
		delta := 1
		if !helpful {
			q, delta = `DELETE FROM product.review_votes WHERE review_id = $1 AND voter_id = $2`, -1
		}
		res, err := tx.ExecContext(ctx, q, id, voter)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			delta = 0
		}
		var r reviewRow
		if err := tx.GetContext(ctx, &r, `UPDATE product.reviews r SET helpful_count = helpful_count + $2
			WHERE r.id = $1 RETURNING `+reviewColumns, id, delta); err != nil {
			return err
		}
		rv = r.review()
		return nil
	})
	return rv, err
}
