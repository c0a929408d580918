package graph

import (
	"context"
	"errors"
	"math"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	auth "github.com/nexus-commerce/nexus/subgraphs/auth"
	"github.com/nexus-commerce/nexus/subgraphs/auth/account"
	"github.com/nexus-commerce/nexus/subgraphs/auth/graph/model"
	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
)

// caller builds the account.Caller of the request in ctx from the
// router-verified claims and the exchange's client address.
func caller(ctx context.Context) account.Caller {
	var c account.Caller
	if cl := kitauth.ClaimsFrom(ctx); cl != nil {
		c.UserID = cl.Subject
		c.Admin = cl.HasScope(model.AdminScope)
		if sid, ok := cl.Raw["sid"].(string); ok {
			c.SessionID = sid
		}
	}
	if x := exchangeFrom(ctx); x != nil {
		c.Address = x.address
	}
	return c
}

// startSession sets the session cookie and returns the API session.
func (r *Resolver) startSession(ctx context.Context, s auth.Session) *model.Session {
	setCookie(ctx, r.Cookie.sessionCookie(s.RefreshToken, s.RefreshExpiresAt, time.Now()))
	return &model.Session{AccessToken: s.AccessToken, ExpiresAt: s.ExpiresAt, User: &model.User{U: s.User, Owner: true}}
}

// fail reports every field error inside err as its own GraphQL error (the
// last one is returned for gqlgen to add), and renders TOO_MANY_REQUESTS
// with extensions.retryAfter in whole seconds.
func fail(ctx context.Context, err error) error {
	var e *auth.Error
	if errors.As(err, &e) && e.Code == auth.TooManyRequests {
		return &gqlerror.Error{Message: e.Message, Path: graphql.GetPath(ctx), Extensions: map[string]any{
			"code": auth.TooManyRequests, "retryAfter": int(math.Ceil(e.RetryAfter.Seconds())),
		}}
	}
	errs := auth.FieldErrors(err)
	if len(errs) <= 1 {
		return err
	}
	for _, fe := range errs[:len(errs)-1] {
		graphql.AddError(ctx, fe)
	}
	return errs[len(errs)-1]
}

// signedIn returns the caller when an access token came with the request.
func signedIn(ctx context.Context) (account.Caller, error) {
	c := caller(ctx)
	if !c.Authenticated() {
		return c, auth.Errorf(auth.Unauthenticated, "", "sign in first")
	}
	return c, nil
}

// admin returns the caller when it holds the admin scope (checked again
// here behind the router's @requiresScopes): UNAUTHENTICATED for an
// anonymous caller (as the router says too), FORBIDDEN for a signed-in
// one without the scope.
func admin(ctx context.Context) (account.Caller, error) {
	c := caller(ctx)
	if !c.Authenticated() {
		return c, auth.Errorf(auth.Unauthenticated, "", "sign in first")
	}
	if !c.Admin {
		return c, auth.Errorf(auth.Forbidden, "", "this operation requires the %q scope", model.AdminScope)
	}
	return c, nil
}

// user wraps a domain user for the API.
func user(u auth.User) *model.User { return &model.User{U: u} }
