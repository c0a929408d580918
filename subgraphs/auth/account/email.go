package account

import (
	"context"

	auth "github.com/nexus-commerce/nexus/subgraphs/auth"
	"github.com/nexus-commerce/nexus/subgraphs/auth/store"
)

// VerifyEmail marks the email of the token's user verified (token from
// the verification mail: single use, 48 hours). An unknown, used or
// expired token is INVALID on token.
func (s *Service) VerifyEmail(ctx context.Context, token string) (auth.User, error) {
	bad := auth.Errorf(auth.Invalid, "token", "is unknown, used or expired; ask for a new mail")
	if token == "" || len(token) > 128 {
		return auth.User{}, bad
	}
	var u auth.User
	err := s.Store.InTx(ctx, "verify email", func(tx *store.Tx) error {
		uid, ok, err := tx.ConsumeEmailToken(ctx, token, store.PurposeVerify)
		if err != nil {
			return err
		}
		if !ok {
			return bad
		}
		verified := true
		if u, err = tx.UpdateUser(ctx, uid, store.UserPatch{EmailVerified: &verified}); err != nil {
			return err
		}
		return tx.AppendEvent(ctx, "user.email_verified", uid, userEvent{UserID: uid})
	})
	return u, err
}

// ResendVerification queues a new verification mail for the signed-in
// caller: false when the email is verified already; TOO_MANY_REQUESTS
// within a minute of the previous mail.
func (s *Service) ResendVerification(ctx context.Context, c Caller) (bool, error) {
	if !c.Authenticated() {
		return false, unauthenticated()
	}
	sent := false
	err := s.Store.InTx(ctx, "resend verification", func(tx *store.Tx) error {
		u, err := tx.LockUser(ctx, c.UserID)
		if err != nil {
			return err
		}
		if u.EmailVerified {
			return nil
		}
		last, err := tx.LastEmailToken(ctx, u.ID, store.PurposeVerify)
		if err != nil {
			return err
		}
		if wait := last.Add(ResendInterval).Sub(tx.Now()); wait > 0 {
			return &auth.Error{Code: auth.TooManyRequests, Message: "a verification mail was sent less than a minute ago", RetryAfter: wait}
		}
		sent = true
		return s.queueVerification(ctx, tx, u)
	})
	return sent, err
}
