package auth

import "time"

// Role is what a user may do; access tokens carry it as a scope.
type Role string

// Roles of the schema's Role enum.
const (
	RoleCustomer Role = "CUSTOMER"
	RoleAdmin    Role = "ADMIN"
)

// Valid reports whether r is one of the known roles.
func (r Role) Valid() bool { return r == RoleCustomer || r == RoleAdmin }

// Scope is the access token's `scope` claim for r: "customer" or "admin",
// the names the router's @requiresScopes and the subgraphs check.
func (r Role) Scope() string {
	if r == RoleAdmin {
		return "admin"
	}
	return "customer"
}

// User is an account. The password hash never leaves the store except to
// the password check (it is not a field here).
type User struct {
	ID             string    `db:"id"`
	Email          string    `db:"email"`
	FirstName      string    `db:"first_name"`
	LastName       string    `db:"last_name"`
	Role           Role      `db:"role"`
	EmailVerified  bool      `db:"email_verified"`
	Disabled       bool      `db:"disabled"`
	DisabledReason string    `db:"disabled_reason"`
	CreatedAt      time.Time `db:"created_at"`
	UpdatedAt      time.Time `db:"updated_at"`
}

// Session is a signed-in session as the API returns it: the access token
// and, for the cookie only, the refresh token of the family.
type Session struct {
	// AccessToken is the ES256 JWT for the Authorization header.
	AccessToken string
	// ExpiresAt is when AccessToken expires.
	ExpiresAt time.Time
	// RefreshToken is the opaque token for the session cookie; never in a body.
	RefreshToken string
	// RefreshExpiresAt is the family's absolute end, the cookie's Max-Age.
	RefreshExpiresAt time.Time
	// ID is the family (session) id, the token's `sid`.
	ID string
	// User is the signed-in user.
	User User
}

// UserFilter narrows Query.users; zero values mean "any".
type UserFilter struct {
	Search   string
	Role     Role
	Disabled *bool
}

// UserPage is one page of users, newest first.
type UserPage struct {
	Users       []User
	HasNext     bool
	TotalCount  int
	HasPrevious bool
}

// Mail is one outgoing message, queued in the transaction of the change
// that causes it and sent after commit.
type Mail struct {
	To, Subject, Text, HTML string
}
