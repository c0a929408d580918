package account

import (
	"context"
	"errors"
	"strings"
	"unicode/utf8"

	auth "github.com/nexus-commerce/nexus/subgraphs/auth"
	"github.com/nexus-commerce/nexus/subgraphs/auth/store"
)

// MaxPageSize bounds Query.users' first.
const MaxPageSize = 100

func forbidden() error {
	return auth.Errorf(auth.Forbidden, "", "this operation requires the \"admin\" scope")
}

// User returns the user with id for an admin; NOT_FOUND when none.
func (s *Service) User(ctx context.Context, c Caller, id string) (auth.User, error) {
	if !c.Admin {
		return auth.User{}, forbidden()
	}
	id, err := auth.ValidateID("id", id)
	if err != nil {
		return auth.User{}, err
	}
	return s.Store.User(ctx, id)
}

// UsersByIDs resolves entity references in ids order (nil where unknown);
// the User fields check the caller themselves.
func (s *Service) UsersByIDs(ctx context.Context, ids []string) ([]*auth.User, error) {
	valid := make([]string, 0, len(ids))
	for _, id := range ids {
		if v, err := auth.ValidateID("id", id); err == nil {
			valid = append(valid, v)
		}
	}
	found, err := s.Store.UsersByIDs(ctx, valid)
	if err != nil {
		return nil, err
	}
	byID := map[string]*auth.User{}
	for _, u := range found {
		if u != nil {
			byID[u.ID] = u
		}
	}
	out := make([]*auth.User, len(ids))
	for i, id := range ids {
		if v, err := auth.ValidateID("id", id); err == nil {
			out[i] = byID[v]
		}
	}
	return out, nil
}

// Users lists users for an admin, newest first; first is 1 to 100.
func (s *Service) Users(ctx context.Context, c Caller, f auth.UserFilter, first int, after string) (auth.UserPage, error) {
	if !c.Admin {
		return auth.UserPage{}, forbidden()
	}
	var fe []error
	if first < 1 || first > MaxPageSize {
		fe = append(fe, auth.Errorf(auth.Invalid, "first", "must be between 1 and %d", MaxPageSize))
	}
	f.Search = strings.TrimSpace(f.Search)
	if utf8.RuneCountInString(f.Search) > auth.MaxSearchLength {
		fe = append(fe, auth.Errorf(auth.Invalid, "filter.search", "must be at most %d characters", auth.MaxSearchLength))
	}
	var cur *auth.UserCursor
	if after != "" {
		c, err := auth.DecodeUserCursor(after)
		if err != nil {
			fe = append(fe, err)
		}
		cur = &c
	}
	if len(fe) > 0 {
		return auth.UserPage{}, errors.Join(fe...)
	}
	return s.Store.ListUsers(ctx, f, first, cur)
}

// UpdateMe changes the signed-in caller's name.
func (s *Service) UpdateMe(ctx context.Context, c Caller, first, last string) (auth.User, error) {
	if !c.Authenticated() {
		return auth.User{}, unauthenticated()
	}
	return s.rename(ctx, c.UserID, first, last)
}

// UpdateUser changes any user's name, for an admin.
func (s *Service) UpdateUser(ctx context.Context, c Caller, id, first, last string) (auth.User, error) {
	if !c.Admin {
		return auth.User{}, forbidden()
	}
	id, idErr := auth.ValidateID("input.id", id)
	first, last, err := auth.ValidateNames(first, last)
	if err = errors.Join(idErr, err); err != nil {
		return auth.User{}, err
	}
	return s.rename(ctx, id, first, last)
}

func (s *Service) rename(ctx context.Context, id, first, last string) (auth.User, error) {
	first, last, err := auth.ValidateNames(first, last)
	if err != nil {
		return auth.User{}, err
	}
	var u auth.User
	err = s.Store.InTx(ctx, "rename", func(tx *store.Tx) error {
		var err error
		u, err = tx.UpdateUser(ctx, id, store.UserPatch{FirstName: &first, LastName: &last})
		return err
	})
	return u, err
}

// SetRole changes a user's role, for an admin other than that user. The
// user's sessions continue, but access tokens issued before now are
// refused (revocation feed), so the next refresh carries the new scope.
func (s *Service) SetRole(ctx context.Context, c Caller, id string, role auth.Role) (auth.User, error) {
	return s.adminChange(ctx, c, id, "change their own role", func(tx *store.Tx, u auth.User) (auth.User, error) {
		if !role.Valid() {
			return u, auth.Errorf(auth.Invalid, "role", "is not a known role")
		}
		if u.Role == role {
			return u, nil
		}
		nu, err := tx.UpdateUser(ctx, u.ID, store.UserPatch{Role: &role})
		if err != nil {
			return u, err
		}
		if err := tx.InsertRevocation(ctx, store.Revocation{Subject: u.ID}); err != nil {
			return u, err
		}
		return nu, tx.AppendEvent(ctx, "user.role_changed", u.ID, roleChangedEvent{UserID: u.ID, From: string(u.Role), To: string(role), By: c.UserID})
	})
}

// Disable disables a user (not oneself): sign-in is refused, every
// session ends and the revocation feed lists the user as disabled, so
// unexpired access tokens are refused at once.
func (s *Service) Disable(ctx context.Context, c Caller, id, reason string) (auth.User, error) {
	reason, rerr := auth.ValidateReason(reason)
	return s.adminChange(ctx, c, id, "disable themselves", func(tx *store.Tx, u auth.User) (auth.User, error) {
		if rerr != nil {
			return u, rerr
		}
		yes := true
		nu, err := tx.UpdateUser(ctx, u.ID, store.UserPatch{Disabled: &yes, DisabledReason: &reason})
		if err != nil {
			return u, err
		}
		if err := tx.RevokeUserSessions(ctx, u.ID, "disabled", &yes); err != nil {
			return u, err
		}
		return nu, tx.AppendEvent(ctx, "user.disabled", u.ID, disabledEvent{UserID: u.ID, Reason: reason, By: c.UserID})
	})
}

// Enable enables a disabled user again; old sessions stay ended.
func (s *Service) Enable(ctx context.Context, c Caller, id string) (auth.User, error) {
	return s.adminChange(ctx, c, id, "", func(tx *store.Tx, u auth.User) (auth.User, error) {
		if !u.Disabled {
			return u, nil
		}
		no, empty := false, ""
		nu, err := tx.UpdateUser(ctx, u.ID, store.UserPatch{Disabled: &no, DisabledReason: &empty})
		if err != nil {
			return u, err
		}
		if err := tx.InsertRevocation(ctx, store.Revocation{Subject: u.ID, Disabled: &no}); err != nil {
			return u, err
		}
		return nu, tx.AppendEvent(ctx, "user.enabled", u.ID, userEvent{UserID: u.ID, By: c.UserID})
	})
}

// adminChange checks the admin scope and the id, refuses a change of
// oneself when self names it, and runs fn on the locked user.
func (s *Service) adminChange(ctx context.Context, c Caller, id, self string, fn func(*store.Tx, auth.User) (auth.User, error)) (auth.User, error) {
	if !c.Admin {
		return auth.User{}, forbidden()
	}
	id, err := auth.ValidateID("id", id)
	if err != nil {
		return auth.User{}, err
	}
	if self != "" && id == c.UserID {
		return auth.User{}, auth.Errorf(auth.Invalid, "id", "an admin cannot %s", self)
	}
	var out auth.User
	err = s.Store.InTx(ctx, "admin change", func(tx *store.Tx) error {
		u, err := tx.LockUser(ctx, id)
		if err != nil {
			return err
		}
		out, err = fn(tx, u)
		return err
	})
	return out, err
}

// Me returns the signed-in caller's account. A disabled account (whose
// tokens the router should already refuse) is UNAUTHENTICATED here too.
func (s *Service) Me(ctx context.Context, c Caller) (auth.User, error) {
	if !c.Authenticated() {
		return auth.User{}, unauthenticated()
	}
	u, err := s.Store.User(ctx, c.UserID)
	if auth.CodeOf(err) == auth.NotFound || (err == nil && u.Disabled) {
		return auth.User{}, auth.Errorf(auth.Unauthenticated, "", "the account no longer exists or is disabled")
	}
	return u, err
}
