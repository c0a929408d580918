// Package users is the golden corpus's users subgraph: in-memory users u1..u3
// resolvable by id and by email, fields that fail on purpose and a mutation
// that writes to the shared journal.
package users

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/nexus-commerce/nexus/router/internal/golden/subgraphs/journal"
	"github.com/nexus-commerce/nexus/router/internal/golden/subgraphs/users/generated"
	"github.com/nexus-commerce/nexus/router/internal/golden/subgraphs/users/model"
)

// Resolver serves the fixed users below; Journal is shared with reviews.
type Resolver struct {
	Journal *journal.Journal
}

func str(s string) *string { return &s }

// users are the fixed data every golden file is reasoned from.
var users = []*model.User{
	{ID: "u1", Email: "ada@example.com", Name: "Ada", Nickname: str("ada"), Role: model.RoleAdmin},
	{ID: "u2", Email: "bob@example.com", Name: "Bob", Role: model.RoleCustomer},
	{ID: "u3", Email: "cy@example.com", Name: "Cy", Nickname: str("cy"), Role: model.RoleCustomer},
}

// handles are the non-null handles; u2 has none, so its handle fails.
var handles = map[string]string{"u1": "@ada", "u3": "@cy"}

func byID(id string) *model.User {
	for _, u := range users {
		if u.ID == id {
			return u
		}
	}
	return nil
}

func byEmail(email string) *model.User {
	for _, u := range users {
		if u.Email == email {
			return u
		}
	}
	return nil
}

// Handler serves the subgraph over HTTP POST, with introspection so that
// _service { sdl } answers.
func (r *Resolver) Handler() http.Handler {
	srv := handler.New(generated.NewExecutableSchema(generated.Config{Resolvers: r}))
	srv.AddTransport(transport.POST{})
	srv.Use(extension.Introspection{})
	return srv
}

// FindManyUserByIDs resolves a batch in input order; unknown ids are null.
func (r *entityResolver) FindManyUserByIDs(ctx context.Context, reps []*model.UserByIDsInput) ([]*model.User, error) {
	out := make([]*model.User, len(reps))
	for i, rep := range reps {
		out[i] = byID(rep.ID)
	}
	return out, nil
}

// FindManyUserByEmails resolves a batch by the second key, in input order.
func (r *entityResolver) FindManyUserByEmails(ctx context.Context, reps []*model.UserByEmailsInput) ([]*model.User, error) {
	out := make([]*model.User, len(reps))
	for i, rep := range reps {
		out[i] = byEmail(rep.Email)
	}
	return out, nil
}

// RecordUser appends tag to the run's journal.
func (r *mutationResolver) RecordUser(ctx context.Context, run string, tag string) (*model.Entry, error) {
	e := r.Journal.Record(run, tag, "users")
	return &model.Entry{Run: e.Run, Tag: e.Tag, Position: e.Position, Service: e.Service}, nil
}

// Me is always u1.
func (r *queryResolver) Me(ctx context.Context) (*model.User, error) { return users[0], nil }

// User is null for an unknown id.
func (r *queryResolver) User(ctx context.Context, id string) (*model.User, error) {
	return byID(id), nil
}

// UserByEmail is null for an unknown email.
func (r *queryResolver) UserByEmail(ctx context.Context, email string) (*model.User, error) {
	return byEmail(email), nil
}

// Users returns the first n users (default 2 from the schema).
func (r *queryResolver) Users(ctx context.Context, first *int) ([]*model.User, error) {
	n := len(users)
	if first != nil {
		if *first < 0 {
			return nil, fmt.Errorf("first must not be negative, got %d", *first)
		}
		n = min(*first, len(users))
	}
	return users[:n], nil
}

// Journal lists a run's entries in execution order.
func (r *queryResolver) Journal(ctx context.Context, run string) ([]*model.Entry, error) {
	var out []*model.Entry
	for _, e := range r.Resolver.Journal.Entries(run) {
		out = append(out, &model.Entry{Run: e.Run, Tag: e.Tag, Position: e.Position, Service: e.Service})
	}
	return out, nil
}

// Secret always fails so cases can check the error's path.
func (r *userResolver) Secret(ctx context.Context, obj *model.User) (*string, error) {
	return nil, errors.New("secret is not readable")
}

// Handle fails for users without one; the field is non-null.
func (r *userResolver) Handle(ctx context.Context, obj *model.User) (string, error) {
	h, ok := handles[obj.ID]
	if !ok {
		return "", fmt.Errorf("user %s has no handle", obj.ID)
	}
	return h, nil
}

// Entity returns generated.EntityResolver implementation.
func (r *Resolver) Entity() generated.EntityResolver { return &entityResolver{r} }

// Mutation returns generated.MutationResolver implementation.
func (r *Resolver) Mutation() generated.MutationResolver { return &mutationResolver{r} }

// Query returns generated.QueryResolver implementation.
func (r *Resolver) Query() generated.QueryResolver { return &queryResolver{r} }

// User returns generated.UserResolver implementation.
func (r *Resolver) User() generated.UserResolver { return &userResolver{r} }

type entityResolver struct{ *Resolver }
type mutationResolver struct{ *Resolver }
type queryResolver struct{ *Resolver }
type userResolver struct{ *Resolver }
