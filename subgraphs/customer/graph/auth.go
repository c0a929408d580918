package graph

import (
	"context"
	"errors"

	"github.com/99designs/gqlgen/graphql"
	"github.com/google/uuid"

	customer "github.com/nexus-commerce/nexus/subgraphs/customer"
	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
)

// AdminScope lets a caller read any user's customer data and edit any
// profile. The router enforces @requiresScopes first; the subgraph checks
// again because it may be reached directly, and trusts only router-signed
// claims (kit/auth).
const AdminScope = "admin"

// caller returns the signed-in user's id from the verified claims:
// UNAUTHENTICATED without claims, or when the subject is not a user id
// (the auth service's subjects are UUIDs). Every store call of a resolver
// is keyed by this id, never by one from the request's input.
func caller(ctx context.Context) (string, error) {
	c := kitauth.ClaimsFrom(ctx)
	if c == nil {
		return "", customer.Errorf(customer.Unauthenticated, "", "sign in to use your account")
	}
	id, err := uuid.Parse(c.Subject)
	if err != nil {
		return "", customer.Errorf(customer.Unauthenticated, "", "the access token's subject is not a user id")
	}
	return id.String(), nil
}

// authorize allows the user themself and admins to touch userID's data:
// UNAUTHENTICATED for an anonymous caller, FORBIDDEN for anyone else.
func authorize(ctx context.Context, userID string) error {
	me, err := caller(ctx)
	if err != nil {
		return err
	}
	if me == userID || kitauth.HasScope(ctx, AdminScope) {
		return nil
	}
	return customer.Errorf(customer.Forbidden, "", "only the user and admins may see or change this user's customer data")
}

// requireAdmin allows admins only: UNAUTHENTICATED for an anonymous
// caller, FORBIDDEN for a signed-in non-admin.
func requireAdmin(ctx context.Context) error {
	if _, err := caller(ctx); err != nil {
		return err
	}
	if !kitauth.HasScope(ctx, AdminScope) {
		return customer.Errorf(customer.Forbidden, "", "this operation requires the %q scope", AdminScope)
	}
	return nil
}

// canonicalUUID returns id in canonical form, or false when it is not a
// UUID.
func canonicalUUID(id string) (string, bool) {
	u, err := uuid.Parse(id)
	if err != nil {
		return "", false
	}
	return u.String(), true
}

// fail reports every field error inside err as its own GraphQL error, so
// a form can mark each invalid field; the last one is returned for gqlgen
// to add, the others are added here.
func fail(ctx context.Context, err error) error {
	errs := customer.FieldErrors(err)
	if len(errs) <= 1 {
		return err
	}
	for _, e := range errs[:len(errs)-1] {
		graphql.AddError(ctx, e)
	}
	return errs[len(errs)-1]
}

// joinErrors joins field errors, ignoring nils.
func joinErrors(errs ...error) error { return errors.Join(errs...) }
