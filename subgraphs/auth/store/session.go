package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/google/uuid"

	auth "github.com/nexus-commerce/nexus/subgraphs/auth"
)

// SessionPolicy bounds refresh-token families.
type SessionPolicy struct {
	// Absolute is a family's whole lifetime from sign-in (AUTH_REFRESH_TTL).
	Absolute time.Duration
	// Idle ends a family not refreshed for this long (AUTH_REFRESH_IDLE_TTL).
	Idle time.Duration
	// Grace is how long after its rotation a token may be presented again
	// and rotate once more instead of counting as reuse (two tabs racing).
	Grace time.Duration
}

// DefaultGrace is the contract's reuse grace after a rotation.
const DefaultGrace = 10 * time.Second

// Issued is a family's freshly issued refresh token.
type Issued struct {
	SessionID string
	UserID    string
	// Token is the raw refresh token for the cookie; only its hash is stored.
	Token string
	// ExpiresAt is the family's absolute end.
	ExpiresAt time.Time
}

// Refresh outcomes besides success, for callers that must tell them apart
// (the cookie is cleared for every one of them).
const (
	ReasonUnknown = "unknown" // no such token
	ReasonRevoked = "revoked" // family revoked (sign-out, disable, reuse, ...)
	ReasonExpired = "expired" // absolute or idle lifetime over
	ReasonReused  = "reuse"   // rotated token presented after the grace: family revoked now
)

// RefreshError is the UNAUTHENTICATED answer of Refresh with its reason
// (never shown to the client, which only needs to sign in again).
type RefreshError struct{ Reason string }

// Error is the client's message: the reason stays internal.
func (e *RefreshError) Error() string { return "session expired or revoked; sign in again" }

// ErrorCode makes the kit's presenter answer UNAUTHENTICATED.
func (e *RefreshError) ErrorCode() string { return auth.Unauthenticated }

// CreateSession starts a family for userID and issues its first token.
func (t *Tx) CreateSession(ctx context.Context, userID string, p SessionPolicy) (Issued, error) {
	id := uuid.NewString()
	exp := t.now.Add(p.Absolute)
	if _, err := t.tx.ExecContext(ctx, `INSERT INTO auth.sessions (id, user_id, created_at, expires_at, last_used_at)
		VALUES ($1, $2, $3, $4, $3)`, id, userID, t.now, exp); err != nil {
		return Issued{}, err
	}
	raw, err := t.issueToken(ctx, id)
	if err != nil {
		return Issued{}, err
	}
	return Issued{SessionID: id, UserID: userID, Token: raw, ExpiresAt: exp}, nil
}

func (t *Tx) issueToken(ctx context.Context, sessionID string) (string, error) {
	raw, hash, err := NewToken()
	if err != nil {
		return "", err
	}
	_, err = t.tx.ExecContext(ctx, `INSERT INTO auth.refresh_tokens (hash, session_id, created_at) VALUES ($1, $2, $3)`, hash, sessionID, t.now)
	return raw, err
}

// family is a session row joined to the presented token.
type family struct {
	SessionID  string       `db:"session_id"`
	UserID     string       `db:"user_id"`
	ExpiresAt  time.Time    `db:"expires_at"`
	LastUsedAt time.Time    `db:"last_used_at"`
	RevokedAt  sql.NullTime `db:"revoked_at"`
	RotatedAt  sql.NullTime `db:"rotated_at"`
	Disabled   bool         `db:"disabled"`
}

// Refresh rotates the refresh token raw: the token is marked rotated and
// a new one of the same family is returned. A token rotated less than
// p.Grace ago rotates again (two tabs racing); one rotated earlier is
// reuse: the whole family is revoked (and its access tokens listed in the
// revocation feed) and the error says so. Unknown, revoked and expired
// tokens and disabled users get a *RefreshError too. The family row is
// locked, so concurrent refreshes of one family serialise.
func (s *Store) Refresh(ctx context.Context, raw string, p SessionPolicy) (Issued, error) {
	var out Issued
	var refused *RefreshError
	err := s.InTx(ctx, "refresh", func(t *Tx) error {
		var f family
		err := t.tx.GetContext(ctx, &f, `SELECT s.id AS session_id, s.user_id, s.expires_at, s.last_used_at, s.revoked_at,
			r.rotated_at, u.disabled
			FROM auth.refresh_tokens r JOIN auth.sessions s ON s.id = r.session_id JOIN auth.users u ON u.id = s.user_id
			WHERE r.hash = $1 FOR UPDATE OF s`, HashToken(raw))
		switch {
		case errors.Is(err, sql.ErrNoRows):
			refused = &RefreshError{Reason: ReasonUnknown}
			return nil
		case err != nil:
			return err
		case f.RevokedAt.Valid || f.Disabled:
			refused = &RefreshError{Reason: ReasonRevoked}
			return nil
		case !t.now.Before(f.ExpiresAt) || !t.now.Before(f.LastUsedAt.Add(p.Idle)):
			refused = &RefreshError{Reason: ReasonExpired}
			return nil
		case f.RotatedAt.Valid && t.now.Sub(f.RotatedAt.Time) > p.Grace:
			refused = &RefreshError{Reason: ReasonReused}
			return t.revokeSession(ctx, f.SessionID, ReasonReused)
		}
		if !f.RotatedAt.Valid {
			if _, err := t.tx.ExecContext(ctx, `UPDATE auth.refresh_tokens SET rotated_at = $2 WHERE hash = $1`, HashToken(raw), t.now); err != nil {
				return err
			}
		}
		if _, err := t.tx.ExecContext(ctx, `UPDATE auth.sessions SET last_used_at = $2 WHERE id = $1`, f.SessionID, t.now); err != nil {
			return err
		}
		tok, err := t.issueToken(ctx, f.SessionID)
		out = Issued{SessionID: f.SessionID, UserID: f.UserID, Token: tok, ExpiresAt: f.ExpiresAt}
		return err
	})
	if err != nil {
		return Issued{}, err
	}
	if refused != nil {
		return Issued{}, refused
	}
	return out, nil
}

// SessionOf returns the family id and user of refresh token raw, whatever
// its state; NOT_FOUND for an unknown token.
func (s *Store) SessionOf(ctx context.Context, raw string) (sessionID, userID string, err error) {
	var row struct {
		SessionID string `db:"session_id"`
		UserID    string `db:"user_id"`
	}
	err = s.db.GetContext(ctx, &row, `SELECT s.id AS session_id, s.user_id FROM auth.refresh_tokens r
		JOIN auth.sessions s ON s.id = r.session_id WHERE r.hash = $1`, HashToken(raw))
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", notFound("session")
	}
	if err != nil {
		return "", "", auth.InternalError("session of token", err)
	}
	return row.SessionID, row.UserID, nil
}

// revokeSession ends one family and lists it in the revocation feed, so
// its unexpired access tokens are refused too. Revoking twice is a no-op.
func (t *Tx) revokeSession(ctx context.Context, sessionID, reason string) error {
	res, err := t.tx.ExecContext(ctx, `UPDATE auth.sessions SET revoked_at = $2, revoke_reason = $3
		WHERE id = $1 AND revoked_at IS NULL`, sessionID, t.now, reason)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil
	}
	return t.InsertRevocation(ctx, Revocation{SessionID: sessionID})
}

// RevokeSession ends family sessionID (sign-out of this device); it
// reports whether the family was live until now.
func (t *Tx) RevokeSession(ctx context.Context, sessionID, reason string) error {
	return t.revokeSession(ctx, sessionID, reason)
}

// RevokeUserSessions ends every family of userID and lists the user in
// the revocation feed (before = now), so every access token issued until
// now is refused as well.
func (t *Tx) RevokeUserSessions(ctx context.Context, userID, reason string, disabled *bool) error {
	if _, err := t.tx.ExecContext(ctx, `UPDATE auth.sessions SET revoked_at = $2, revoke_reason = $3
		WHERE user_id = $1 AND revoked_at IS NULL`, userID, t.now, reason); err != nil {
		return err
	}
	return t.InsertRevocation(ctx, Revocation{Subject: userID, Disabled: disabled})
}
