package account

import (
	"context"

	"github.com/google/uuid"

	auth "github.com/nexus-commerce/nexus/subgraphs/auth"
	"github.com/nexus-commerce/nexus/subgraphs/auth/store"
)

// SeedAccount is one account `auth seed` creates when absent.
type SeedAccount struct {
	Email, Password, FirstName, LastName string
	Role                                 auth.Role
}

// DevAccounts are the documented accounts of `make run` (README): an admin
// and a shopper, both with verified emails.
var DevAccounts = []SeedAccount{
	{Email: "admin@nexus.local", Password: "Admin-password-1", FirstName: "Ada", LastName: "Admin", Role: auth.RoleAdmin},
	{Email: "shopper@nexus.local", Password: "Shopper-password-1", FirstName: "Sam", LastName: "Shopper", Role: auth.RoleCustomer},
}

// Provision creates the account a when its email is not registered
// (verified email, no mail sent) and, when promote is set, gives an
// existing account a's role. It reports whether the account was created.
// The password must meet the policy; names are validated as in register.
func (s *Service) Provision(ctx context.Context, a SeedAccount, promote bool) (created bool, err error) {
	in, err := auth.ValidateRegistration(auth.Registration{Email: a.Email, Password: a.Password, FirstName: a.FirstName, LastName: a.LastName})
	existing, _, lookupErr := s.Store.UserByEmail(ctx, a.Email)
	if lookupErr == nil {
		if !promote || existing.Role == a.Role {
			return false, nil
		}
		return false, s.Store.InTx(ctx, "promote", func(tx *store.Tx) error {
			if _, err := tx.UpdateUser(ctx, existing.ID, store.UserPatch{Role: &a.Role}); err != nil {
				return err
			}
			if err := tx.InsertRevocation(ctx, store.Revocation{Subject: existing.ID}); err != nil {
				return err
			}
			return tx.AppendEvent(ctx, "user.role_changed", existing.ID, roleChangedEvent{
				UserID: existing.ID, From: string(existing.Role), To: string(a.Role), By: "cli",
			})
		})
	}
	if auth.CodeOf(lookupErr) != auth.NotFound {
		return false, lookupErr
	}
	if err != nil {
		return false, err
	}
	release, err := s.hashing(ctx)
	if err != nil {
		return false, err
	}
	hash, err := s.Hasher.Hash(in.Password)
	release()
	if err != nil {
		return false, auth.InternalError("provision: hash", err)
	}
	u := auth.User{ID: uuid.NewString(), Email: in.Email, FirstName: in.FirstName, LastName: in.LastName, Role: a.Role, EmailVerified: true}
	err = s.Store.InTx(ctx, "provision", func(tx *store.Tx) error {
		if err := tx.InsertUser(ctx, u, hash); err != nil {
			return err
		}
		return tx.AppendEvent(ctx, "user.registered", u.ID, registeredEvent{
			UserID: u.ID, Email: u.Email, FirstName: u.FirstName, LastName: u.LastName, Role: string(u.Role),
		})
	})
	return err == nil, err
}
