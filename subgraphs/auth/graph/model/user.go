package model

import (
	"context"
	"time"

	auth "github.com/nexus-commerce/nexus/subgraphs/auth"
	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
)

// AdminScope is the access-token scope of admins.
const AdminScope = "admin"

// User is the GraphQL view of an account. Every field below id is a
// method that checks the caller first: the user themself (the access
// token's subject), an admin, or — for the user a mutation just signed in
// or verified (Owner) — the caller of that mutation; anyone else gets
// FORBIDDEN. Entity lookups from other subgraphs pass the same check.
type User struct {
	U auth.User
	// Owner marks a user returned to the caller who just proved to be
	// them (register, signIn, refreshSession, verifyEmail).
	Owner bool
}

// IsEntity marks User as a member of the federation _Entity union.
func (User) IsEntity() {}

// ID is the federation key, visible to everyone.
func (u *User) ID() string { return u.U.ID }

func (u *User) check(ctx context.Context) error {
	c := kitauth.ClaimsFrom(ctx)
	if u.Owner || c.HasScope(AdminScope) || (c != nil && c.Subject != "" && c.Subject == u.U.ID) {
		return nil
	}
	return auth.Errorf(auth.Forbidden, "", "only the user themself or an admin may see this")
}

// Email is the sign-in address.
func (u *User) Email(ctx context.Context) (string, error) { return u.U.Email, u.check(ctx) }

// FirstName is the given name.
func (u *User) FirstName(ctx context.Context) (string, error) { return u.U.FirstName, u.check(ctx) }

// LastName is the family name.
func (u *User) LastName(ctx context.Context) (string, error) { return u.U.LastName, u.check(ctx) }

// Role is what the user may do.
func (u *User) Role(ctx context.Context) (Role, error) { return Role(u.U.Role), u.check(ctx) }

// EmailVerified tells whether the email was verified.
func (u *User) EmailVerified(ctx context.Context) (bool, error) {
	return u.U.EmailVerified, u.check(ctx)
}

// Disabled tells whether an admin disabled the account.
func (u *User) Disabled(ctx context.Context) (bool, error) { return u.U.Disabled, u.check(ctx) }

// CreatedAt is when the account was created.
func (u *User) CreatedAt(ctx context.Context) (time.Time, error) { return u.U.CreatedAt, u.check(ctx) }

// UpdatedAt is when the account last changed.
func (u *User) UpdatedAt(ctx context.Context) (time.Time, error) { return u.U.UpdatedAt, u.check(ctx) }

// Session is the GraphQL view of a signed-in session: no refresh token
// (it travels only in the cookie).
type Session struct {
	AccessToken string
	ExpiresAt   time.Time
	User        *User
}
