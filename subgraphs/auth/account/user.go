package account

import (
	"context"

	auth "github.com/nexus-commerce/nexus/subgraphs/auth"
)

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
