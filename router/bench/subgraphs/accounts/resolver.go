// Package accounts is the benchmark's accounts subgraph: users, answered
// from objects built once at start so a request only looks them up.
package accounts

import (
	"context"
	_ "embed"

	"github.com/99designs/gqlgen/graphql"

	"github.com/nexus-commerce/nexus/router/bench/subgraphs/accounts/generated"
	"github.com/nexus-commerce/nexus/router/bench/subgraphs/accounts/model"
	"github.com/nexus-commerce/nexus/router/bench/subgraphs/data"
)

// SDL is the subgraph's schema, composed by the benchmark into its supergraph.
//
//go:embed schema.graphqls
var SDL string

// Resolver holds the precomputed users; it is read-only after New, so
// concurrent requests share it without locks.
type Resolver struct {
	users []*model.User
	byID  map[string]*model.User
}

// New builds the users from the benchmark dataset.
func New() *Resolver {
	r := &Resolver{byID: map[string]*model.User{}}
	for _, u := range data.Users {
		m := &model.User{ID: u.ID, Name: &u.Name, Username: &u.Username, Birthday: &u.Birthday}
		r.users = append(r.users, m)
		r.byID[u.ID] = m
	}
	return r
}

// Schema is the executable schema to serve.
func (r *Resolver) Schema() graphql.ExecutableSchema {
	return generated.NewExecutableSchema(generated.Config{Resolvers: r})
}

// FindManyUserByIDs resolves a batch of User representations in input
// order; an unknown id resolves to null.
func (r *entityResolver) FindManyUserByIDs(ctx context.Context, reps []*model.UserByIDsInput) ([]*model.User, error) {
	out := make([]*model.User, len(reps))
	for i, rep := range reps {
		out[i] = r.byID[rep.ID]
	}
	return out, nil
}

// Me is the first user, as in the reference data.
func (r *queryResolver) Me(ctx context.Context) (*model.User, error) {
	return r.users[0], nil
}

// User finds one user; null when there is none with that id.
func (r *queryResolver) User(ctx context.Context, id string) (*model.User, error) {
	return r.byID[id], nil
}

// Users lists every user in id order.
func (r *queryResolver) Users(ctx context.Context) ([]*model.User, error) {
	return r.users, nil
}

// Entity returns generated.EntityResolver implementation.
func (r *Resolver) Entity() generated.EntityResolver { return &entityResolver{r} }

// Query returns generated.QueryResolver implementation.
func (r *Resolver) Query() generated.QueryResolver { return &queryResolver{r} }

type (
	entityResolver struct{ *Resolver }
	queryResolver  struct{ *Resolver }
)
