package account

import (
	"context"
	"errors"

	auth "github.com/nexus-commerce/nexus/subgraphs/auth"
	"github.com/nexus-commerce/nexus/subgraphs/auth/mail"
	"github.com/nexus-commerce/nexus/subgraphs/auth/store"
)

// ChangePassword replaces the signed-in caller's password after checking
// the current one. Every session of the user ends (the revocation feed
// lists the user with before = now) and a new session is returned for
// this device. A wrong current password is INVALID on
// input.currentPassword; the new one must meet the policy.
func (s *Service) ChangePassword(ctx context.Context, c Caller, current, next string) (auth.Session, error) {
	if !c.Authenticated() {
		return auth.Session{}, unauthenticated()
	}
	u, err := s.Me(ctx, c)
	if err != nil {
		return auth.Session{}, err
	}
	var fe []error
	if current == "" {
		fe = append(fe, auth.Errorf(auth.Invalid, "input.currentPassword", "is required"))
	}
	if err := auth.CheckPassword("input.newPassword", next, u.Email); err != nil {
		fe = append(fe, err)
	} else if next == current {
		fe = append(fe, auth.Errorf(auth.Invalid, "input.newPassword", "must differ from the current password"))
	}
	if len(fe) > 0 {
		return auth.Session{}, errors.Join(fe...)
	}
	d, err := s.Store.Attempt(ctx, "signin:acct:"+emailKey(u.Email), SignInAccount)
	if err != nil {
		return auth.Session{}, err
	}
	if !d.Allowed {
		return auth.Session{}, &auth.Error{Code: auth.TooManyRequests, Message: "too many wrong passwords; try again later", RetryAfter: d.RetryAfter}
	}
	hash, err := s.Store.PasswordHash(ctx, u.ID)
	if err != nil {
		return auth.Session{}, err
	}
	release, err := s.hashing(ctx)
	if err != nil {
		return auth.Session{}, err
	}
	defer release()
	if ok, _, err := s.Hasher.Verify(current, hash); err != nil || !ok {
		return auth.Session{}, auth.Errorf(auth.Invalid, "input.currentPassword", "is not your current password")
	}
	if err := s.Store.Succeeded(ctx, "signin:acct:"+emailKey(u.Email), SignInAccount); err != nil {
		return auth.Session{}, err
	}
	newHash, err := s.Hasher.Hash(next)
	if err != nil {
		return auth.Session{}, auth.InternalError("change password: hash", err)
	}
	var is store.Issued
	err = s.Store.InTx(ctx, "change password", func(tx *store.Tx) error {
		var err error
		if u, err = tx.UpdateUser(ctx, u.ID, store.UserPatch{PasswordHash: &newHash}); err != nil {
			return err
		}
		if err := tx.RevokeUserSessions(ctx, u.ID, "password changed", nil); err != nil {
			return err
		}
		if err := tx.AppendEvent(ctx, "user.password_changed", u.ID, userEvent{UserID: u.ID}); err != nil {
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

// RequestPasswordReset queues a reset mail when email belongs to an
// enabled account. The answer and the work done are the same whether or
// not it does: the throttle rows, the lookup, a token and a queue write in
// a transaction (rolled back when nothing is sent) happen either way, and
// the mail goes out after commit from the queue, so neither the result
// nor the time taken reveals the account. Per email at most three
// mails an hour are sent (further requests are silently dropped); per
// client address too many requests are TOO_MANY_REQUESTS.
func (s *Service) RequestPasswordReset(ctx context.Context, email string, c Caller) error {
	norm, err := auth.NormalizeEmail("email", email)
	if err != nil {
		return err
	}
	d, err := s.Store.Attempt(ctx, "reset:addr:"+c.Address, ResetAddress)
	if err != nil {
		return err
	}
	if !d.Allowed {
		return &auth.Error{Code: auth.TooManyRequests, Message: "too many password reset requests from your address; try again later", RetryAfter: d.RetryAfter}
	}
	d, err = s.Store.Attempt(ctx, "reset:acct:"+emailKey(norm), ResetAccount)
	if err != nil {
		return err
	}
	u, _, err := s.Store.UserByEmail(ctx, norm)
	known := err == nil && !u.Disabled
	if err != nil && auth.CodeOf(err) != auth.NotFound {
		return err
	}
	send := known && d.Allowed
	if !send {
		u = auth.User{Email: norm, FirstName: "-"}
	}
	// Without a mail to send, the same token and queue writes happen and
	// are rolled back: the time taken does not tell the cases apart.
	err = s.Store.InTx(ctx, "request password reset", func(tx *store.Tx) error {
		if !send {
			if _, _, err := store.NewToken(); err != nil {
				return err
			}
			if err := tx.EnqueueMail(ctx, mail.Reset(s.PublicURL, u.Email, u.FirstName, "-")); err != nil {
				return err
			}
			return errDecoy
		}
		tok, err := tx.CreateEmailToken(ctx, u.ID, store.PurposeReset, ResetTokenTTL)
		if err != nil {
			return err
		}
		return tx.EnqueueMail(ctx, mail.Reset(s.PublicURL, u.Email, u.FirstName, tok))
	})
	if errors.Is(err, errDecoy) {
		return nil
	}
	return err
}

// errDecoy rolls back the stand-in writes of a reset request that sends
// no mail.
var errDecoy = errors.New("decoy reset request rolled back")

// ResetPassword sets a new password with a reset token (single use, one
// hour). Every session of the user ends. An unknown, used or expired
// token is INVALID on input.token; the new password must meet the policy.
// Resetting also proves the mailbox, so the email counts as verified.
func (s *Service) ResetPassword(ctx context.Context, token, next string) error {
	if token == "" || len(token) > 128 {
		return auth.Errorf(auth.Invalid, "input.token", "is unknown, used or expired; ask for a new mail")
	}
	if err := auth.CheckPassword("input.newPassword", next, ""); err != nil {
		return err
	}
	release, err := s.hashing(ctx)
	if err != nil {
		return err
	}
	hash, err := s.Hasher.Hash(next)
	release()
	if err != nil {
		return auth.InternalError("reset password: hash", err)
	}
	return s.Store.InTx(ctx, "reset password", func(tx *store.Tx) error {
		uid, ok, err := tx.ConsumeEmailToken(ctx, token, store.PurposeReset)
		if err != nil {
			return err
		}
		if !ok {
			return auth.Errorf(auth.Invalid, "input.token", "is unknown, used or expired; ask for a new mail")
		}
		u, err := tx.LockUser(ctx, uid)
		if err != nil {
			return err
		}
		if err := auth.CheckPassword("input.newPassword", next, u.Email); err != nil {
			return err
		}
		verified := true
		if _, err := tx.UpdateUser(ctx, uid, store.UserPatch{PasswordHash: &hash, EmailVerified: &verified}); err != nil {
			return err
		}
		if err := tx.RevokeUserSessions(ctx, uid, "password reset", nil); err != nil {
			return err
		}
		return tx.AppendEvent(ctx, "user.password_changed", uid, userEvent{UserID: uid})
	})
}
