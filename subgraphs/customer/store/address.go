package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	customer "github.com/nexus-commerce/nexus/subgraphs/customer"
)

const addressColumns = `id, user_id, first_name, last_name, line1, line2, city, region, postal_code,
	country, phone, is_default_shipping, is_default_billing, created_at`

type addressRow struct {
	ID                string         `db:"id"`
	UserID            string         `db:"user_id"`
	FirstName         string         `db:"first_name"`
	LastName          string         `db:"last_name"`
	Line1             string         `db:"line1"`
	Line2             sql.NullString `db:"line2"`
	City              string         `db:"city"`
	Region            sql.NullString `db:"region"`
	PostalCode        string         `db:"postal_code"`
	Country           string         `db:"country"`
	Phone             string         `db:"phone"`
	IsDefaultShipping bool           `db:"is_default_shipping"`
	IsDefaultBilling  bool           `db:"is_default_billing"`
	CreatedAt         time.Time      `db:"created_at"`
}

func (r addressRow) address() customer.Address {
	return customer.Address{ID: r.ID, UserID: r.UserID, CreatedAt: r.CreatedAt, AddressInput: customer.AddressInput{
		FirstName: r.FirstName, LastName: r.LastName, Line1: r.Line1, Line2: nullable(r.Line2), City: r.City,
		Region: nullable(r.Region), PostalCode: r.PostalCode, Country: r.Country, Phone: r.Phone,
		IsDefaultShipping: r.IsDefaultShipping, IsDefaultBilling: r.IsDefaultBilling,
	}}
}

func nullable(s sql.NullString) *string {
	if !s.Valid {
		return nil
	}
	return &s.String
}

// AddressesOf lists the addresses of users, by user id (is_default_shipping DESC, is_default_billing DESC, created_at DESC, id).
func (s *Store) AddressesOf(ctx context.Context, userIDs []string) (map[string][]customer.Address, error) {
	var rows []addressRow
	if err := s.db.SelectContext(ctx, &rows, `SELECT `+addressColumns+` FROM customer.addresses WHERE user_id = ANY($1::uuid[])
		ORDER BY user_id, is_default_shipping DESC, is_default_billing DESC, created_at DESC, id`, pq.Array(userIDs)); err != nil {
		return nil, classify("addresses", err)
	}
	out := make(map[string][]customer.Address, len(userIDs))
	for _, r := range rows {
		out[r.UserID] = append(out[r.UserID], r.address())
	}
	return out, nil
}

// Addresses is AddressesOf for one user.
func (s *Store) Addresses(ctx context.Context, userID string) ([]customer.Address, error) {
	m, err := s.AddressesOf(ctx, []string{userID})
	return m[userID], err
}

// AddAddress saves a validated address; CONFLICT when the user already has
// MaxAddresses.
func (s *Store) AddAddress(ctx context.Context, userID string, in customer.AddressInput) (customer.Address, error) {
	var r addressRow
	err := s.inTx(ctx, "add address", userID, func(tx *sqlx.Tx) error {
		var n int
		if err := tx.GetContext(ctx, &n, `SELECT count(*) FROM customer.addresses WHERE user_id = $1`, userID); err != nil {
			return err
		}
		if n >= customer.MaxAddresses {
			return customer.Errorf(customer.Conflict, "", "the address book is full (at most %d addresses); delete one first", customer.MaxAddresses)
		}
		id := uuid.NewString()
		if err := clearDefaults(ctx, tx, userID, id, in); err != nil {
			return err
		}
		return tx.GetContext(ctx, &r, `INSERT INTO customer.addresses (id, user_id, first_name, last_name, line1, line2,
			city, region, postal_code, country, phone, is_default_shipping, is_default_billing)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
			RETURNING `+addressColumns, id, userID, in.FirstName, in.LastName, in.Line1, in.Line2,
			in.City, in.Region, in.PostalCode, in.Country, in.Phone, in.IsDefaultShipping, in.IsDefaultBilling)
	})
	if err != nil {
		return customer.Address{}, err
	}
	return r.address(), nil
}

// UpdateAddress replaces one of the user's addresses.
func (s *Store) UpdateAddress(ctx context.Context, userID, id string, in customer.AddressInput) (customer.Address, error) {
	if !validID(id) {
		return customer.Address{}, notFound("address")
	}
	var r addressRow
	err := s.inTx(ctx, "update address", userID, func(tx *sqlx.Tx) error {
		if err := clearDefaults(ctx, tx, userID, id, in); err != nil {
			return err
		}
		err := tx.GetContext(ctx, &r, `UPDATE customer.addresses SET first_name = $3, last_name = $4, line1 = $5,
			line2 = $6, city = $7, region = $8, postal_code = $9, country = $10, phone = $11,
			is_default_shipping = $12, is_default_billing = $13, updated_at = now()
			WHERE id = $1 AND user_id = $2
			RETURNING `+addressColumns, id, userID, in.FirstName, in.LastName, in.Line1, in.Line2,
			in.City, in.Region, in.PostalCode, in.Country, in.Phone, in.IsDefaultShipping, in.IsDefaultBilling)
		if err == sql.ErrNoRows {
			return notFound("address")
		}
		return err
	})
	if err != nil {
		return customer.Address{}, err
	}
	return r.address(), nil
}

// clearDefaults takes the default flags in claims away from the user's
// other addresses, before the address with id takes them (the partial
// unique indexes allow one of each per user).
func clearDefaults(ctx context.Context, tx *sqlx.Tx, userID, id string, in customer.AddressInput) error {
	if !in.IsDefaultShipping && !in.IsDefaultBilling {
		return nil
	}
	_, err := tx.ExecContext(ctx, `UPDATE customer.addresses SET
			is_default_shipping = is_default_shipping AND NOT $3,
			is_default_billing = is_default_billing AND NOT $4, updated_at = now()
		WHERE user_id = $1 AND id <> $2 AND ((is_default_shipping AND $3) OR (is_default_billing AND $4))`,
		userID, id, in.IsDefaultShipping, in.IsDefaultBilling)
	return err
}

// DeleteAddress deletes one of the user's addresses and returns it.
func (s *Store) DeleteAddress(ctx context.Context, userID, id string) (customer.Address, error) {
	if !validID(id) {
		return customer.Address{}, notFound("address")
	}
	var r addressRow
	err := s.db.GetContext(ctx, &r, `DELETE FROM customer.addresses WHERE id = $1 AND user_id = $2 RETURNING `+addressColumns, id, userID)
	if err == sql.ErrNoRows {
		return customer.Address{}, notFound("address")
	}
	if err != nil {
		return customer.Address{}, classify("delete address", err)
	}
	return r.address(), nil
}
