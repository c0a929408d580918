package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	customer "github.com/nexus-commerce/nexus/subgraphs/customer"
)

type profileRow struct {
	UserID          string         `db:"user_id"`
	Phone           sql.NullString `db:"phone"`
	MarketingEmails bool           `db:"marketing_emails"`
	Locale          string         `db:"locale"`
	UpdatedAt       time.Time      `db:"updated_at"`
}

func (r profileRow) profile() customer.Profile {
	p := customer.Profile{UserID: r.UserID, MarketingEmails: r.MarketingEmails, Locale: r.Locale, UpdatedAt: r.UpdatedAt}
	if r.Phone.Valid {
		p.Phone = &r.Phone.String
	}
	return p
}

const profileColumns = `user_id, phone, marketing_emails, locale, updated_at`

// ProfilesOf returns the users' profiles, creating the missing ones with
// defaults first. The INSERT waits for a concurrent first read's insert
// of the same user to commit, and the SELECT (a new snapshot) then sees
// it, so concurrent first reads create one row and all succeed.
func (s *Store) ProfilesOf(ctx context.Context, userIDs []string) (map[string]customer.Profile, error) {
	ids := pq.Array(userIDs)
	if _, err := s.db.ExecContext(ctx, `INSERT INTO customer.profiles (user_id) SELECT unnest($1::uuid[]) ON CONFLICT (user_id) DO NOTHING`, ids); err != nil {
		return nil, classify("create profiles", err)
	}
	var rows []profileRow
	if err := s.db.SelectContext(ctx, &rows, `SELECT `+profileColumns+` FROM customer.profiles WHERE user_id = ANY($1::uuid[])`, ids); err != nil {
		return nil, classify("profiles", err)
	}
	out := make(map[string]customer.Profile, len(rows))
	for _, r := range rows {
		out[r.UserID] = r.profile()
	}
	return out, nil
}

// Profile is ProfilesOf for one user.
func (s *Store) Profile(ctx context.Context, userID string) (customer.Profile, error) {
	m, err := s.ProfilesOf(ctx, []string{userID})
	if err != nil {
		return customer.Profile{}, err
	}
	return m[userID], nil
}

// UpdateProfile applies the fields of u that are set; an empty phone
// clears it.
func (s *Store) UpdateProfile(ctx context.Context, userID string, u customer.ProfileUpdate) (customer.Profile, error) {
	var r profileRow
	err := s.inTx(ctx, "update profile", userID, func(tx *sqlx.Tx) error {
		var phone sql.NullString
		if u.Phone != nil && *u.Phone != "" {
			phone = sql.NullString{String: *u.Phone, Valid: true}
		}
		return tx.GetContext(ctx, &r, `
			UPDATE customer.profiles SET
				phone = CASE WHEN $2 THEN $3 ELSE phone END,
				marketing_emails = coalesce($4, marketing_emails),
				locale = coalesce($5, locale),
				updated_at = now()
			WHERE user_id = $1
			RETURNING `+profileColumns, userID, u.Phone != nil, phone, u.MarketingEmails, u.Locale)
	})
	if err != nil {
		return customer.Profile{}, err
	}
	return r.profile(), nil
}
