package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jmoiron/sqlx"

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

// Profile returns the user's profile, creating it with defaults first
// (one statement: concurrent first reads create one row). The statement's
// snapshot may miss a row another first read inserted at the same moment
// (its INSERT then does nothing): the statement is simply run again.
func (s *Store) Profile(ctx context.Context, userID string) (customer.Profile, error) {
	var r profileRow
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = s.getProfile(ctx, &r, userID); !errors.Is(err, sql.ErrNoRows) {
			break
		}
	}
	if err != nil {
		return customer.Profile{}, classify("profile", err)
	}
	return r.profile(), nil
}

func (s *Store) getProfile(ctx context.Context, r *profileRow, userID string) error {
	return s.db.GetContext(ctx, r, `
		WITH created AS (
			INSERT INTO customer.profiles (user_id) VALUES ($1)
			ON CONFLICT (user_id) DO NOTHING
			RETURNING `+profileColumns+`)
		SELECT `+profileColumns+` FROM created
		UNION ALL
		SELECT `+profileColumns+` FROM customer.profiles WHERE user_id = $1
		LIMIT 1`, userID)
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
