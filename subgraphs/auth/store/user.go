package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/lib/pq"

	auth "github.com/nexus-commerce/nexus/subgraphs/auth"
)

const userColumns = `id, email, first_name, last_name, role, email_verified, disabled, disabled_reason, created_at, updated_at`

// userRow is a user with its password hash, for the sign-in check only.
type userRow struct {
	auth.User
	PasswordHash string `db:"password_hash"`
}

func notFound(what string) error { return auth.Errorf(auth.NotFound, "", "%s not found", what) }

// User returns the user with id; NOT_FOUND when there is none.
func (s *Store) User(ctx context.Context, id string) (auth.User, error) {
	var u auth.User
	err := s.db.GetContext(ctx, &u, `SELECT `+userColumns+` FROM auth.users WHERE id = $1`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return auth.User{}, notFound("user")
	}
	if err != nil {
		return auth.User{}, auth.InternalError("user", err)
	}
	return u, nil
}

// UserByEmail returns the user whose email equals email case-insensitively
// and its password hash; NOT_FOUND when there is none.
func (s *Store) UserByEmail(ctx context.Context, email string) (auth.User, string, error) {
	var u userRow
	err := s.db.GetContext(ctx, &u, `SELECT `+userColumns+`, password_hash FROM auth.users WHERE lower(email) = lower($1)`, strings.TrimSpace(email))
	if errors.Is(err, sql.ErrNoRows) {
		return auth.User{}, "", notFound("user")
	}
	if err != nil {
		return auth.User{}, "", auth.InternalError("user by email", err)
	}
	return u.User, u.PasswordHash, nil
}

// PasswordHash returns the stored hash of user id; NOT_FOUND when none.
func (s *Store) PasswordHash(ctx context.Context, id string) (string, error) {
	var h string
	err := s.db.GetContext(ctx, &h, `SELECT password_hash FROM auth.users WHERE id = $1`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", notFound("user")
	}
	if err != nil {
		return "", auth.InternalError("password hash", err)
	}
	return h, nil
}

// UsersByIDs returns the users with the given ids, in ids order, nil where
// no user has the id (duplicates repeat), with one query.
func (s *Store) UsersByIDs(ctx context.Context, ids []string) ([]*auth.User, error) {
	var rows []auth.User
	if err := s.db.SelectContext(ctx, &rows, `SELECT `+userColumns+` FROM auth.users WHERE id = ANY($1::uuid[])`, pq.Array(ids)); err != nil {
		return nil, auth.InternalError("users by ids", err)
	}
	byID := make(map[string]*auth.User, len(rows))
	for i := range rows {
		byID[rows[i].ID] = &rows[i]
	}
	out := make([]*auth.User, len(ids))
	for i, id := range ids {
		out[i] = byID[id]
	}
	return out, nil
}

// InsertUser creates u with the password hash; an email already taken
// (case-insensitively) is INVALID on input.email.
func (t *Tx) InsertUser(ctx context.Context, u auth.User, hash string) error {
	_, err := t.tx.ExecContext(ctx, `INSERT INTO auth.users (id, email, first_name, last_name, role, password_hash,
		email_verified, disabled, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, false, $8, $8)`,
		u.ID, u.Email, u.FirstName, u.LastName, string(u.Role), hash, u.EmailVerified, t.now)
	return err
}

// LockUser reads user id FOR UPDATE; NOT_FOUND when there is none.
func (t *Tx) LockUser(ctx context.Context, id string) (auth.User, error) {
	var u auth.User
	err := t.tx.GetContext(ctx, &u, `SELECT `+userColumns+` FROM auth.users WHERE id = $1 FOR UPDATE`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return auth.User{}, notFound("user")
	}
	return u, err
}

// UserPatch is a change of some user columns; nil fields stay.
type UserPatch struct {
	FirstName, LastName *string
	Role                *auth.Role
	Disabled            *bool
	DisabledReason      *string
	EmailVerified       *bool
	PasswordHash        *string
}

// UpdateUser applies p to user id and returns the row as stored.
func (t *Tx) UpdateUser(ctx context.Context, id string, p UserPatch) (auth.User, error) {
	var role *string
	if p.Role != nil {
		r := string(*p.Role)
		role = &r
	}
	var u auth.User
	err := t.tx.GetContext(ctx, &u, `UPDATE auth.users SET
		first_name = coalesce($2, first_name), last_name = coalesce($3, last_name),
		role = coalesce($4, role), disabled = coalesce($5, disabled),
		disabled_reason = coalesce($6, disabled_reason), email_verified = coalesce($7, email_verified),
		password_hash = coalesce($8, password_hash), updated_at = $9
		WHERE id = $1 RETURNING `+userColumns,
		id, p.FirstName, p.LastName, role, p.Disabled, p.DisabledReason, p.EmailVerified, p.PasswordHash, t.now)
	if errors.Is(err, sql.ErrNoRows) {
		return auth.User{}, notFound("user")
	}
	return u, err
}

// SetPasswordHash replaces user id's hash outside any other change (the
// rehash after a sign-in with outdated parameters).
func (s *Store) SetPasswordHash(ctx context.Context, id, hash string) error {
	if _, err := s.db.ExecContext(ctx, `UPDATE auth.users SET password_hash = $2 WHERE id = $1`, id, hash); err != nil {
		return auth.InternalError("set password hash", err)
	}
	return nil
}
