package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// Email token purposes.
const (
	PurposeVerify = "verify"
	PurposeReset  = "reset"
)

// CreateEmailToken stores a new token of purpose for userID, valid for
// ttl, and returns it raw (for the mail link); only its hash is stored.
func (t *Tx) CreateEmailToken(ctx context.Context, userID, purpose string, ttl time.Duration) (string, error) {
	raw, hash, err := NewToken()
	if err != nil {
		return "", err
	}
	_, err = t.tx.ExecContext(ctx, `INSERT INTO auth.email_tokens (hash, user_id, purpose, created_at, expires_at)
		VALUES ($1, $2, $3, $4, $5)`, hash, userID, purpose, t.now, t.now.Add(ttl))
	return raw, err
}

// ConsumeEmailToken marks token raw of purpose used and returns its user;
// ok is false when the token is unknown, of another purpose, used or
// expired. Consuming a reset token also voids the user's other live reset
// tokens, so an older mail cannot be used after a reset.
func (t *Tx) ConsumeEmailToken(ctx context.Context, raw, purpose string) (userID string, ok bool, err error) {
	err = t.tx.GetContext(ctx, &userID, `UPDATE auth.email_tokens SET used_at = $3
		WHERE hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3 RETURNING user_id`,
		HashToken(raw), purpose, t.now)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, err
	}
	_, err = t.tx.ExecContext(ctx, `UPDATE auth.email_tokens SET used_at = $3
		WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`, userID, purpose, t.now)
	return userID, true, err
}

// LastEmailToken returns when the newest token of purpose was created for
// userID (zero when never), for the one-a-minute resend limit.
func (t *Tx) LastEmailToken(ctx context.Context, userID, purpose string) (time.Time, error) {
	var at sql.NullTime
	err := t.tx.GetContext(ctx, &at, `SELECT max(created_at) FROM auth.email_tokens WHERE user_id = $1 AND purpose = $2`, userID, purpose)
	return at.Time, err
}
