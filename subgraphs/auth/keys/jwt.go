package keys

import (
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"
)

// AccessClaims is the access token's body (docs/auth.md): registered
// claims plus the session id, the scope the router checks and the email.
type AccessClaims struct {
	jwt.RegisteredClaims
	SID           string `json:"sid"`
	Scope         string `json:"scope"`
	Email         string `json:"email"`
	EmailVerified bool   `json:"email_verified"`
}

// Subject is what an access token is about.
type Subject struct {
	UserID, SessionID, Scope, Email string
	EmailVerified                   bool
}

// Issuer mints access tokens with the Manager's signing key.
type Issuer struct {
	Keys     *Manager
	Issuer   string
	Audience string
	TTL      time.Duration
}

// Issue returns an ES256 JWT for s issued at now (whole seconds) and its expiry.
func (i *Issuer) Issue(s Subject, now time.Time) (string, time.Time, error) {
	k, err := i.Keys.Signing()
	if err != nil {
		return "", time.Time{}, err
	}
	iat := now.Truncate(time.Second)
	exp := iat.Add(i.TTL)
	tok := jwt.NewWithClaims(jwt.SigningMethodES256, AccessClaims{
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    i.Issuer,
			Subject:   s.UserID,
			Audience:  jwt.ClaimStrings{i.Audience},
			IssuedAt:  jwt.NewNumericDate(iat),
			NotBefore: jwt.NewNumericDate(iat),
			ExpiresAt: jwt.NewNumericDate(exp),
			ID:        uuid.NewString(),
		},
		SID: s.SessionID, Scope: s.Scope, Email: s.Email, EmailVerified: s.EmailVerified,
	})
	tok.Header["kid"] = k.KID
	signed, err := tok.SignedString(k.Private)
	if err != nil {
		return "", time.Time{}, fmt.Errorf("keys: sign: %w", err)
	}
	return signed, exp, nil
}
