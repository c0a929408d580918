package store

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	customer "github.com/nexus-commerce/nexus/subgraphs/customer"
)

type wishlistRow struct {
	ProductID string    `db:"product_id"`
	AddedAt   time.Time `db:"added_at"`
}

// WishlistsOf lists the wishlists of users, by user id (most recently
// added first).
func (s *Store) WishlistsOf(ctx context.Context, userIDs []string) (map[string][]customer.WishlistItem, error) {
	var rows []struct {
		UserID string `db:"user_id"`
		wishlistRow
	}
	if err := s.db.SelectContext(ctx, &rows, `SELECT user_id, product_id, added_at FROM customer.wishlist_items
		WHERE user_id = ANY($1::uuid[]) ORDER BY user_id, added_at DESC, product_id`, pq.Array(userIDs)); err != nil {
		return nil, classify("wishlists", err)
	}
	out := make(map[string][]customer.WishlistItem, len(userIDs))
	for _, r := range rows {
		out[r.UserID] = append(out[r.UserID], customer.WishlistItem(r.wishlistRow))
	}
	return out, nil
}

// Wishlist is WishlistsOf for one user.
func (s *Store) Wishlist(ctx context.Context, userID string) ([]customer.WishlistItem, error) {
	m, err := s.WishlistsOf(ctx, []string{userID})
	return m[userID], err
}

// AddToWishlist adds a product (a UUID, checked by the caller) or returns
// the existing entry unchanged; CONFLICT when the list is full.
func (s *Store) AddToWishlist(ctx context.Context, userID, productID string) (customer.WishlistItem, error) {
	var r wishlistRow
	err := s.inTx(ctx, "add to wishlist", userID, func(tx *sqlx.Tx) error {
		var existing []wishlistRow
		if err := tx.SelectContext(ctx, &existing, `SELECT product_id, added_at FROM customer.wishlist_items WHERE user_id = $1 AND product_id = $2`, userID, productID); err != nil {
			return err
		}
		if len(existing) == 1 {
			r = existing[0]
			return nil
		}
		var n int
		if err := tx.GetContext(ctx, &n, `SELECT count(*) FROM customer.wishlist_items WHERE user_id = $1`, userID); err != nil {
			return err
		}
		if n >= customer.MaxWishlistItems {
			return customer.Errorf(customer.Conflict, "", "the wishlist is full (at most %d products); remove one first", customer.MaxWishlistItems)
		}
		return tx.GetContext(ctx, &r, `INSERT INTO customer.wishlist_items (user_id, product_id) VALUES ($1, $2) RETURNING product_id, added_at`, userID, productID)
	})
	if err != nil {
		return customer.WishlistItem{}, err
	}
	return customer.WishlistItem(r), nil
}

// RemoveFromWishlist removes a product; false when it was not on the list.
func (s *Store) RemoveFromWishlist(ctx context.Context, userID, productID string) (bool, error) {
	if !validID(productID) {
		return false, nil
	}
	res, err := s.db.ExecContext(ctx, `DELETE FROM customer.wishlist_items WHERE user_id = $1 AND product_id = $2`, userID, productID)
	if err != nil {
		return false, classify("remove from wishlist", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, classify("remove from wishlist", err)
	}
	return n > 0, nil
}
