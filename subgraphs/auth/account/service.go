// Package account is the auth domain's use cases: registration, sign-in
// with throttling, session refresh and sign-out, password change and
// reset, email verification and account administration. It composes the
// store's transactions with password hashing (done outside any
// transaction), token issuing and mail rendering.
package account

import (
	"context"
	"log/slog"
	"strings"
	"time"

	auth "github.com/nexus-commerce/nexus/subgraphs/auth"
	"github.com/nexus-commerce/nexus/subgraphs/auth/keys"
	"github.com/nexus-commerce/nexus/subgraphs/auth/password"
	"github.com/nexus-commerce/nexus/subgraphs/auth/store"
)

// Token lifetimes of the contract.
const (
	VerifyTokenTTL = 48 * time.Hour
	ResetTokenTTL  = time.Hour
	ResendInterval = time.Minute
)

// Throttling rules (docs/auth.md).
var (
	// SignInAccount: five free attempts per email, then 1 s, 2 s, 4 s ...
	// up to 15 min between attempts; forgotten after an hour without one.
	SignInAccount = store.Rule{Max: 5, Window: time.Hour, Backoff: time.Second, MaxBackoff: 15 * time.Minute}
	// SignInAddress: 30 failed sign-ins per client address per 10 minutes.
	SignInAddress = store.Rule{Max: 30, Window: 10 * time.Minute}
	// ResetAccount: three reset mails per email per hour (silently).
	ResetAccount = store.Rule{Max: 3, Window: time.Hour}
	// ResetAddress: 20 reset requests per client address per 10 minutes.
	ResetAddress = store.Rule{Max: 20, Window: 10 * time.Minute}
)

// Hasher hashes and checks passwords (*password.Hasher; tests wrap it to
// count the checks a burst of sign-ins makes).
type Hasher interface {
	Hash(pw string) (string, error)
	Verify(pw, hash string) (ok, stale bool, err error)
	VerifyDummy(pw string)
}

var _ Hasher = (*password.Hasher)(nil)

// Service carries the dependencies of every use case.
type Service struct {
	Store  *store.Store
	Hasher Hasher
	// Gate bounds the password hashes and checks running at once (nil:
	// no bound); a caller that finds no slot in time is TOO_MANY_REQUESTS.
	Gate   *password.Gate
	Tokens *keys.Issuer
	// Sessions bounds refresh-token families.
	Sessions store.SessionPolicy
	// PublicURL is the storefront origin mail links point at.
	PublicURL string
	Log       *slog.Logger
}

// Caller is who makes a request: the verified access-token claims the
// router forwarded (zero for anonymous) and the client address.
type Caller struct {
	UserID    string
	SessionID string
	Admin     bool
	// Address is the client address (first X-Forwarded-For value, else
	// the connection's), the key of per-address throttling.
	Address string
}

// Authenticated reports whether the caller presented an access token.
func (c Caller) Authenticated() bool { return c.UserID != "" }

func (s *Service) now() time.Time { return s.Store.Now().UTC() }

func (s *Service) log() *slog.Logger {
	if s.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return s.Log
}

// issue builds the API session for a freshly issued refresh token.
func (s *Service) issue(u auth.User, is store.Issued) (auth.Session, error) {
	tok, exp, err := s.Tokens.Issue(keys.Subject{
		UserID: u.ID, SessionID: is.SessionID, Scope: u.Role.Scope(), Email: u.Email, EmailVerified: u.EmailVerified,
	}, s.now())
	if err != nil {
		return auth.Session{}, auth.InternalError("issue access token", err)
	}
	return auth.Session{AccessToken: tok, ExpiresAt: exp, RefreshToken: is.Token, RefreshExpiresAt: is.ExpiresAt, ID: is.SessionID, User: u}, nil
}

// hashing takes a slot of the hashing gate for one password hash or
// check (release it when done): TOO_MANY_REQUESTS when the service is
// already hashing as much as it may and no slot came free in time. It is
// taken before anything about the account is looked up, so "busy" says
// nothing about whether an email is registered.
func (s *Service) hashing(ctx context.Context) (func(), error) {
	release, ok := s.Gate.Enter(ctx)
	if !ok {
		return nil, &auth.Error{Code: auth.TooManyRequests, Message: "the service is busy; try again in a moment", RetryAfter: time.Second}
	}
	return release, nil
}

// emailKey is the throttling key part of an email: lower-cased, trimmed,
// whether or not an account has it.
func emailKey(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

// unauthenticated is the refusal of operations that need a signed-in caller.
func unauthenticated() error {
	return auth.Errorf(auth.Unauthenticated, "", "sign in first")
}

// Event payloads (contract13 "Outbox events"): ids, names and flags only,
// never a password, hash or token.
type (
	registeredEvent struct {
		UserID    string `json:"userId"`
		Email     string `json:"email"`
		FirstName string `json:"firstName"`
		LastName  string `json:"lastName"`
		Role      string `json:"role"`
	}
	signedInEvent struct {
		UserID    string `json:"userId"`
		SessionID string `json:"sessionId"`
	}
	signedOutEvent struct {
		UserID     string  `json:"userId"`
		SessionID  *string `json:"sessionId"`
		Everywhere bool    `json:"everywhere"`
	}
	roleChangedEvent struct {
		UserID string `json:"userId"`
		From   string `json:"from"`
		To     string `json:"to"`
		By     string `json:"by"`
	}
	disabledEvent struct {
		UserID string `json:"userId"`
		Reason string `json:"reason"`
		By     string `json:"by"`
	}
	userEvent struct {
		UserID string `json:"userId"`
		By     string `json:"by,omitempty"`
	}
)

// ctxErr keeps cancellations as they are.
func ctxErr(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return err
}
