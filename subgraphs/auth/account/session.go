package account

import (
	"context"
	"errors"

	"github.com/google/uuid"

	auth "github.com/nexus-commerce/nexus/subgraphs/auth"
	"github.com/nexus-commerce/nexus/subgraphs/auth/mail"
	"github.com/nexus-commerce/nexus/subgraphs/auth/store"
)

// maxPasswordBytes bounds what sign-in hashes, so a huge body cannot buy
// a long hash computation (the policy's 128 code points fit in 512 bytes).
const maxPasswordBytes = 4 * auth.MaxPasswordLength

// Register creates a CUSTOMER account, queues its verification mail and
// signs it in, all in one transaction; user.registered and
// user.signed_in are published after commit. INVALID names every bad
// field (input.email when it is taken).
func (s *Service) Register(ctx context.Context, in auth.Registration) (auth.Session, error) {
	in, err := auth.ValidateRegistration(in)
	if err != nil {
		return auth.Session{}, err
	}
	release, err := s.hashing(ctx)
	if err != nil {
		return auth.Session{}, err
	}
	hash, err := s.Hasher.Hash(in.Password)
	release()
	if err != nil {
		return auth.Session{}, auth.InternalError("register: hash", err)
	}
	u := auth.User{ID: uuid.NewString(), Email: in.Email, FirstName: in.FirstName, LastName: in.LastName, Role: auth.RoleCustomer}
	var is store.Issued
	err = s.Store.InTx(ctx, "register", func(tx *store.Tx) error {
		if err := tx.InsertUser(ctx, u, hash); err != nil {
			return err
		}
		var err error
		if u, err = tx.LockUser(ctx, u.ID); err != nil {
			return err
		}
		if err := tx.AppendEvent(ctx, "user.registered", u.ID, registeredEvent{
			UserID: u.ID, Email: u.Email, FirstName: u.FirstName, LastName: u.LastName, Role: string(u.Role),
		}); err != nil {
			return err
		}
		if err := s.queueVerification(ctx, tx, u); err != nil {
			return err
		}
		is, err = s.startSession(ctx, tx, u.ID)
		return err
	})
	if err != nil {
		return auth.Session{}, err
	}
	return s.issue(u, is)
}

// startSession opens a family for userID and records user.signed_in.
func (s *Service) startSession(ctx context.Context, tx *store.Tx, userID string) (store.Issued, error) {
	is, err := tx.CreateSession(ctx, userID, s.Sessions)
	if err != nil {
		return store.Issued{}, err
	}
	return is, tx.AppendEvent(ctx, "user.signed_in", userID, signedInEvent{UserID: userID, SessionID: is.SessionID})
}

// queueVerification creates a verification token for u and queues its mail.
func (s *Service) queueVerification(ctx context.Context, tx *store.Tx, u auth.User) error {
	tok, err := tx.CreateEmailToken(ctx, u.ID, store.PurposeVerify, VerifyTokenTTL)
	if err != nil {
		return err
	}
	return tx.EnqueueMail(ctx, mail.Verification(s.PublicURL, u.Email, u.FirstName, tok))
}

// SignIn checks email and password and starts a session. Per client
// address, too many failures are TOO_MANY_REQUESTS with RetryAfter; per
// account, failures back off exponentially, and during a backoff the
// answer is the same UNAUTHENTICATED as for a wrong password, without
// checking it. Unknown emails are checked against a dummy hash, so the
// time taken says nothing about which emails are registered. A hash with
// outdated parameters is replaced.
func (s *Service) SignIn(ctx context.Context, email, pw string, c Caller) (auth.Session, error) {
	var fe []error
	if email == "" {
		fe = append(fe, auth.Errorf(auth.Invalid, "input.email", "is required"))
	} else if len(email) > auth.MaxEmailLength {
		fe = append(fe, auth.Errorf(auth.Invalid, "input.email", "must be at most %d characters", auth.MaxEmailLength))
	}
	if pw == "" {
		fe = append(fe, auth.Errorf(auth.Invalid, "input.password", "is required"))
	} else if len(pw) > maxPasswordBytes {
		fe = append(fe, auth.Errorf(auth.Invalid, "input.password", "must be at most %d characters", auth.MaxPasswordLength))
	}
	if len(fe) > 0 {
		return auth.Session{}, errors.Join(fe...)
	}
	addrKey, acctKey := "signin:addr:"+c.Address, "signin:acct:"+emailKey(email)
	d, err := s.Store.Attempt(ctx, addrKey, SignInAddress)
	if err != nil {
		return auth.Session{}, err
	}
	if !d.Allowed {
		return auth.Session{}, &auth.Error{Code: auth.TooManyRequests, Message: "too many sign-in attempts from your address; try again later", RetryAfter: d.RetryAfter}
	}
	d, err = s.Store.Attempt(ctx, acctKey, SignInAccount)
	if err != nil {
		return auth.Session{}, err
	}
	if !d.Allowed {
		return auth.Session{}, auth.ErrBadCredentials()
	}
	release, err := s.hashing(ctx)
	if err != nil {
		return auth.Session{}, err
	}
	defer release()
	u, hash, err := s.Store.UserByEmail(ctx, email)
	if auth.CodeOf(err) == auth.NotFound {
		s.Hasher.VerifyDummy(pw)
		return auth.Session{}, auth.ErrBadCredentials()
	}
	if err != nil {
		return auth.Session{}, err
	}
	ok, stale, err := s.Hasher.Verify(pw, hash)
	if err != nil {
		return auth.Session{}, auth.InternalError("sign in: stored hash", err)
	}
	if !ok || u.Disabled {
		return auth.Session{}, auth.ErrBadCredentials()
	}
	if err := s.Store.Succeeded(ctx, acctKey, SignInAccount); err != nil {
		return auth.Session{}, err
	}
	if err := s.Store.Succeeded(ctx, addrKey, SignInAddress); err != nil {
		return auth.Session{}, err
	}
	if stale {
		if h, err := s.Hasher.Hash(pw); err == nil {
			if err := s.Store.SetPasswordHash(ctx, u.ID, h); err != nil {
				s.log().WarnContext(ctx, "rehash after sign-in failed", "user", u.ID, "err", err)
			}
		}
	}
	var is store.Issued
	if err := s.Store.InTx(ctx, "sign in", func(tx *store.Tx) error {
		var err error
		is, err = s.startSession(ctx, tx, u.ID)
		return err
	}); err != nil {
		return auth.Session{}, err
	}
	return s.issue(u, is)
}

// Refresh rotates the refresh token from the cookie and returns a new
// access token for the family's user, read afresh (role and email may
// have changed). Errors are UNAUTHENTICATED (*store.RefreshError).
func (s *Service) Refresh(ctx context.Context, raw string) (auth.Session, error) {
	if raw == "" {
		return auth.Session{}, auth.Errorf(auth.Unauthenticated, "", "no session")
	}
	is, err := s.Store.Refresh(ctx, raw, s.Sessions)
	if err != nil {
		return auth.Session{}, err
	}
	u, err := s.Store.User(ctx, is.UserID)
	if err != nil {
		return auth.Session{}, err
	}
	return s.issue(u, is)
}

// SignOut ends the session of the cookie's refresh token raw (or, without
// a cookie, the caller's access-token session), or with everywhere every
// session of the user. It is idempotent: nothing to end is not an error.
func (s *Service) SignOut(ctx context.Context, raw string, c Caller, everywhere bool) error {
	sid, uid := c.SessionID, c.UserID
	if raw != "" {
		if cs, cu, err := s.Store.SessionOf(ctx, raw); err == nil && (uid == "" || cu == uid) {
			sid, uid = cs, cu
		} else if err != nil && auth.CodeOf(err) != auth.NotFound {
			return err
		}
	}
	if uid == "" || (!everywhere && sid == "") {
		return nil
	}
	return s.Store.InTx(ctx, "sign out", func(tx *store.Tx) error {
		ev := signedOutEvent{UserID: uid, Everywhere: everywhere}
		if everywhere {
			if err := tx.RevokeUserSessions(ctx, uid, "sign-out everywhere", nil); err != nil {
				return err
			}
		} else {
			if err := tx.RevokeSession(ctx, sid, "sign-out"); err != nil {
				return err
			}
			ev.SessionID = &sid
		}
		return tx.AppendEvent(ctx, "user.signed_out", uid, ev)
	})
}
