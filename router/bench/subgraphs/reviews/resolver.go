// Package reviews is the benchmark's reviews subgraph: reviews with their
// author and product, a user's reviews and a product's reviews, all linked
// once at start into one read-only object graph.
package reviews

import (
	"context"
	_ "embed"

	"github.com/99designs/gqlgen/graphql"

	"github.com/nexus-commerce/nexus/router/bench/subgraphs/data"
	"github.com/nexus-commerce/nexus/router/bench/subgraphs/reviews/generated"
	"github.com/nexus-commerce/nexus/router/bench/subgraphs/reviews/model"
)

// SDL is the subgraph's schema, composed by the benchmark into its supergraph.
//
//go:embed schema.graphqls
var SDL string

// Resolver holds the linked reviews, users and products; read-only after New.
type Resolver struct {
	reviews     map[string]*model.Review
	users       map[string]*model.User
	products    map[string]*model.Product
	userReviews []*model.Review
}

// New links the reviews of the benchmark dataset to their products and author.
func New() *Resolver {
	r := &Resolver{reviews: map[string]*model.Review{}, users: map[string]*model.User{}, products: map[string]*model.Product{}}
	ordered := make([]*model.Review, len(data.Reviews))
	for i, d := range data.Reviews {
		p := r.products[d.ProductUPC]
		if p == nil {
			p = &model.Product{Upc: d.ProductUPC}
			r.products[d.ProductUPC] = p
		}
		rv := &model.Review{ID: d.ID, Body: &d.Body, Product: p}
		p.Reviews = append(p.Reviews, rv)
		ordered[i] = rv
		r.reviews[d.ID] = rv
	}
	r.userReviews = ordered[:data.UserReviewCount]
	for _, u := range data.Users {
		r.users[u.ID] = &model.User{ID: u.ID, Username: &u.Username, Reviews: r.userReviews}
	}
	author := r.users[data.AuthorID]
	for _, rv := range ordered {
		rv.Author = author
	}
	for _, p := range data.Products {
		if r.products[p.UPC] == nil {
			r.products[p.UPC] = &model.Product{Upc: p.UPC, Reviews: []*model.Review{}}
		}
	}
	return r
}

// Schema is the executable schema to serve.
func (r *Resolver) Schema() graphql.ExecutableSchema {
	return generated.NewExecutableSchema(generated.Config{Resolvers: r})
}

// FindManyProductByUpcs resolves Product representations in input order;
// a product nobody reviewed has an empty list.
func (r *entityResolver) FindManyProductByUpcs(ctx context.Context, reps []*model.ProductByUpcsInput) ([]*model.Product, error) {
	out := make([]*model.Product, len(reps))
	for i, rep := range reps {
		if p := r.products[rep.Upc]; p != nil {
			out[i] = p
		} else {
			out[i] = &model.Product{Upc: rep.Upc, Reviews: []*model.Review{}}
		}
	}
	return out, nil
}

// FindManyReviewByIDs resolves Review representations in input order; an
// unknown id resolves to null.
func (r *entityResolver) FindManyReviewByIDs(ctx context.Context, reps []*model.ReviewByIDsInput) ([]*model.Review, error) {
	out := make([]*model.Review, len(reps))
	for i, rep := range reps {
		out[i] = r.reviews[rep.ID]
	}
	return out, nil
}

// FindManyUserByIDs resolves User representations in input order. As in
// the reference data, every user has the first reviews.
func (r *entityResolver) FindManyUserByIDs(ctx context.Context, reps []*model.UserByIDsInput) ([]*model.User, error) {
	out := make([]*model.User, len(reps))
	for i, rep := range reps {
		if u := r.users[rep.ID]; u != nil {
			out[i] = u
		} else {
			out[i] = &model.User{ID: rep.ID, Reviews: r.userReviews}
		}
	}
	return out, nil
}

// Entity returns generated.EntityResolver implementation.
func (r *Resolver) Entity() generated.EntityResolver { return &entityResolver{r} }

type entityResolver struct{ *Resolver }
