package auth

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// TTL is how long a forwarded header stays valid. The router mints a fresh
// one for every subgraph request, so a minute covers slow plans and clock
// skew while a header captured from a log or a proxy is soon worthless.
const TTL = 60 * time.Second

// leeway tolerates small clock differences between router and subgraph
// hosts when checking exp, nbf and iat.
const leeway = 5 * time.Second

// forwarded is the wire shape: registered claims for expiry and audience,
// the normalised scopes, and the original token's claims untouched.
type forwarded struct {
	jwt.RegisteredClaims
	Scopes []string       `json:"scp,omitempty"`
	Claims map[string]any `json:"claims,omitempty"`
	// Anonymous marks the router's signature on a request without a
	// caller: it proves the request came through the router and carries
	// no subject, scopes or claims.
	Anonymous bool `json:"anon,omitempty"`
}

// Sign mints the X-Nexus-Claims value for c at time now: an HS256 token
// with issuer nexus-router, audience nexus-subgraphs, valid for TTL. The
// router calls it per subgraph request; secret must pass CheckSecret.
func Sign(c *Claims, secret []byte, now time.Time) (string, error) {
	if c == nil {
		return "", errors.New("auth: no claims to sign")
	}
	if _, err := CheckSecret(string(secret)); err != nil {
		return "", err
	}
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, forwarded{
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    Issuer,
			Subject:   c.Subject,
			Audience:  jwt.ClaimStrings{Audience},
			IssuedAt:  jwt.NewNumericDate(now),
			NotBefore: jwt.NewNumericDate(now),
			ExpiresAt: jwt.NewNumericDate(now.Add(TTL)),
		},
		Scopes: c.Scopes,
		Claims: c.Raw,
	})
	s, err := tok.SignedString(secret)
	if err != nil {
		return "", fmt.Errorf("auth: sign forwarded claims: %w", err)
	}
	return s, nil
}

// SignAnonymous mints the X-Nexus-Claims value the router sends with a
// request that has no authenticated caller, so a production subgraph can
// tell the router's requests from anyone else's (RequireRouter). It is the
// same for every anonymous request until it is re-signed, so the router
// signs it once per TTL/2, not per request.
func SignAnonymous(secret []byte, now time.Time) (string, error) {
	if _, err := CheckSecret(string(secret)); err != nil {
		return "", err
	}
	s, err := jwt.NewWithClaims(jwt.SigningMethodHS256, forwarded{
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    Issuer,
			Audience:  jwt.ClaimStrings{Audience},
			IssuedAt:  jwt.NewNumericDate(now),
			NotBefore: jwt.NewNumericDate(now),
			ExpiresAt: jwt.NewNumericDate(now.Add(TTL)),
		},
		Anonymous: true,
	}).SignedString(secret)
	if err != nil {
		return "", fmt.Errorf("auth: sign anonymous header: %w", err)
	}
	return s, nil
}

// Verify returns the claims the router forwarded with r, (nil, nil) when
// the request carries no X-Nexus-Claims header (an anonymous caller), or an
// *Error when the header is present but not a valid, unexpired token signed
// with secret — for instance one a client forged by calling the subgraph
// directly.
func Verify(r *http.Request, secret []byte) (*Claims, error) {
	values := r.Header.Values(HeaderName)
	switch len(values) {
	case 0:
		return nil, nil
	case 1:
		return VerifyValue(values[0], secret, time.Now())
	default:
		return nil, &Error{Reason: "malformed"}
	}
}

// VerifyValue checks one header value at time now; Verify uses the wall
// clock, tests and replay tools pass their own. The router's anonymous
// signature (SignAnonymous) verifies to nil claims and no error.
func VerifyValue(value string, secret []byte, now time.Time) (*Claims, error) {
	f, err := verifyValue(value, secret, now)
	if err != nil || f.Anonymous {
		return nil, err
	}
	return &Claims{Subject: f.Subject, Scopes: f.Scopes, Raw: f.Claims}, nil
}

// verifyValue checks the signature and registered claims of one value and
// returns what it carries.
func verifyValue(value string, secret []byte, now time.Time) (*forwarded, error) {
	if len(secret) == 0 {
		// An empty HMAC key would make every header verifiable by anyone.
		return nil, &Error{Reason: "signature", cause: errors.New("no shared secret configured")}
	}
	var f forwarded
	_, err := jwt.ParseWithClaims(value, &f,
		func(*jwt.Token) (any, error) { return secret, nil },
		jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
		jwt.WithIssuer(Issuer),
		jwt.WithAudience(Audience),
		jwt.WithExpirationRequired(),
		jwt.WithIssuedAt(),
		jwt.WithLeeway(leeway),
		jwt.WithTimeFunc(func() time.Time { return now }),
	)
	if err != nil {
		return nil, &Error{Reason: reason(err), cause: err}
	}
	switch {
	case f.Anonymous && (f.Subject != "" || len(f.Scopes) > 0 || len(f.Claims) > 0):
		return nil, &Error{Reason: "claims", cause: errors.New("an anonymous signature carries claims")}
	case !f.Anonymous && f.Subject == "":
		return nil, &Error{Reason: "claims", cause: errors.New("forwarded claims have no subject")}
	}
	return &f, nil
}

// reason maps the jwt library's error to a short cause that is safe to log.
func reason(err error) string {
	switch {
	case errors.Is(err, jwt.ErrTokenMalformed):
		return "malformed"
	case errors.Is(err, jwt.ErrTokenSignatureInvalid), errors.Is(err, jwt.ErrTokenUnverifiable):
		return "signature"
	case errors.Is(err, jwt.ErrTokenExpired), errors.Is(err, jwt.ErrTokenNotValidYet), errors.Is(err, jwt.ErrTokenUsedBeforeIssued):
		return "expired"
	default:
		return "claims"
	}
}
