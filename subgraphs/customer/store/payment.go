package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base64"
	"time"

	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	customer "github.com/nexus-commerce/nexus/subgraphs/customer"
)

const paymentColumns = `id, user_id, card_type, brand, last4, exp_month, exp_year, holder_name, is_default, created_at`

type paymentRow struct {
	ID         string    `db:"id"`
	UserID     string    `db:"user_id"`
	CardType   string    `db:"card_type"`
	Brand      string    `db:"brand"`
	Last4      string    `db:"last4"`
	ExpMonth   int       `db:"exp_month"`
	ExpYear    int       `db:"exp_year"`
	HolderName string    `db:"holder_name"`
	IsDefault  bool      `db:"is_default"`
	CreatedAt  time.Time `db:"created_at"`
}

func (r paymentRow) method() customer.PaymentMethod {
	return customer.PaymentMethod{ID: r.ID, UserID: r.UserID, HolderName: r.HolderName, IsDefault: r.IsDefault, CreatedAt: r.CreatedAt,
		Card: customer.Card{Type: r.CardType, Brand: r.Brand, Last4: r.Last4, ExpMonth: r.ExpMonth, ExpYear: r.ExpYear}}
}

// SaveToken keeps the hash of a test token with its card until expires.
// Expired tokens of every user are swept on the way, so the table stays
// small without a background job.
func (s *Store) SaveToken(ctx context.Context, userID string, hash []byte, c customer.Card, expires time.Time) error {
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return customer.InternalError("save token: begin", err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	if _, err := tx.ExecContext(ctx, `DELETE FROM customer.payment_tokens WHERE expires_at <= $1`, s.now()); err != nil {
		return classify("save token: sweep", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO customer.payment_tokens (token_hash, user_id, card_type, brand, last4, exp_month, exp_year, expires_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, hash, userID, c.Type, c.Brand, c.Last4, c.ExpMonth, c.ExpYear, expires); err != nil {
		return classify("save token", err)
	}
	if err := tx.Commit(); err != nil {
		return classify("save token: commit", err)
	}
	return nil
}

// PaymentMethodsOf lists the payment methods of users, by user id (is_default DESC, created_at DESC, id).
func (s *Store) PaymentMethodsOf(ctx context.Context, userIDs []string) (map[string][]customer.PaymentMethod, error) {
	var rows []paymentRow
	if err := s.db.SelectContext(ctx, &rows, `SELECT `+paymentColumns+` FROM customer.payment_methods WHERE user_id = ANY($1::uuid[])
		ORDER BY user_id, is_default DESC, created_at DESC, id`, pq.Array(userIDs)); err != nil {
		return nil, classify("payment methods", err)
	}
	out := make(map[string][]customer.PaymentMethod, len(userIDs))
	for _, r := range rows {
		out[r.UserID] = append(out[r.UserID], r.method())
	}
	return out, nil
}

// PaymentMethods is PaymentMethodsOf for one user.
func (s *Store) PaymentMethods(ctx context.Context, userID string) ([]customer.PaymentMethod, error) {
	m, err := s.PaymentMethodsOf(ctx, []string{userID})
	return m[userID], err
}

// AddPaymentMethod consumes the user's token (deleted in the same
// transaction, so it works once) and saves its card.
func (s *Store) AddPaymentMethod(ctx context.Context, userID string, tokenHash []byte, holderName string, isDefault bool) (customer.PaymentMethod, error) {
	var r paymentRow
	err := s.inTx(ctx, "add payment method", userID, func(tx *sqlx.Tx) error {
		var n int
		if err := tx.GetContext(ctx, &n, `SELECT count(*) FROM customer.payment_methods WHERE user_id = $1`, userID); err != nil {
			return err
		}
		if n >= customer.MaxPaymentMethods {
			return customer.Errorf(customer.Conflict, "", "at most %d payment methods can be saved; delete one first", customer.MaxPaymentMethods)
		}
		var c paymentRow
		err := tx.GetContext(ctx, &c, `DELETE FROM customer.payment_tokens WHERE token_hash = $1 AND user_id = $2 AND expires_at > $3
			RETURNING card_type, brand, last4, exp_month, exp_year`, tokenHash, userID, s.now())
		if err == sql.ErrNoRows {
			return customer.Errorf(customer.Invalid, "input.token", "is unknown, already used or expired; tokenize the card again")
		}
		if err != nil {
			return err
		}
		if isDefault {
			if _, err := tx.ExecContext(ctx, `UPDATE customer.payment_methods SET is_default = false WHERE user_id = $1 AND is_default`, userID); err != nil {
				return err
			}
		}
		return tx.GetContext(ctx, &r, `INSERT INTO customer.payment_methods (id, user_id, provider_ref, card_type, brand, last4,
			exp_month, exp_year, holder_name, is_default)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING `+paymentColumns,
			uuid.NewString(), userID, providerRef(), c.CardType, c.Brand, c.Last4, c.ExpMonth, c.ExpYear, holderName, isDefault)
	})
	if err != nil {
		return customer.PaymentMethod{}, err
	}
	return r.method(), nil
}

// providerRef stands in for the reusable reference a payment provider
// returns when a card is saved; the payment subgraph will charge with it.
func providerRef() string {
	var b [24]byte
	_, _ = rand.Read(b[:])
	return "pm_test_" + base64.RawURLEncoding.EncodeToString(b[:])
}

// SetDefaultPaymentMethod makes one of the user's cards the default, in
// one transaction with clearing the previous one.
func (s *Store) SetDefaultPaymentMethod(ctx context.Context, userID, id string) (customer.PaymentMethod, error) {
	if !validID(id) {
		return customer.PaymentMethod{}, notFound("payment method")
	}
	var r paymentRow
	err := s.inTx(ctx, "set default payment method", userID, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE customer.payment_methods SET is_default = false WHERE user_id = $1 AND is_default AND id <> $2`, userID, id); err != nil {
			return err
		}
		err := tx.GetContext(ctx, &r, `UPDATE customer.payment_methods SET is_default = true WHERE id = $1 AND user_id = $2 RETURNING `+paymentColumns, id, userID)
		if err == sql.ErrNoRows {
			return notFound("payment method")
		}
		return err
	})
	if err != nil {
		return customer.PaymentMethod{}, err
	}
	return r.method(), nil
}

// DeletePaymentMethod deletes one of the user's cards and returns it.
func (s *Store) DeletePaymentMethod(ctx context.Context, userID, id string) (customer.PaymentMethod, error) {
	if !validID(id) {
		return customer.PaymentMethod{}, notFound("payment method")
	}
	var r paymentRow
	err := s.db.GetContext(ctx, &r, `DELETE FROM customer.payment_methods WHERE id = $1 AND user_id = $2 RETURNING `+paymentColumns, id, userID)
	if err == sql.ErrNoRows {
		return customer.PaymentMethod{}, notFound("payment method")
	}
	if err != nil {
		return customer.PaymentMethod{}, classify("delete payment method", err)
	}
	return r.method(), nil
}
