// Package reviews is the golden corpus's reviews subgraph: the reviews of
// data.go, the entity chains through them, fields that @requires values
// computed in inventory from catalog's fields, and a mutation writing to the
// journal shared with users.
package reviews

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/nexus-commerce/nexus/router/internal/golden/subgraphs/journal"
	"github.com/nexus-commerce/nexus/router/internal/golden/subgraphs/reviews/generated"
	"github.com/nexus-commerce/nexus/router/internal/golden/subgraphs/reviews/model"
)

// Resolver serves the fixed reviews; Journal is shared with users.
type Resolver struct {
	Journal *journal.Journal
	store   *store
}

// New builds the subgraph around the shared journal.
func New(j *journal.Journal) *Resolver { return &Resolver{Journal: j, store: newStore()} }

// Handler serves the subgraph over HTTP POST, with introspection so that
// _service { sdl } answers.
func (r *Resolver) Handler() http.Handler {
	srv := handler.New(generated.NewExecutableSchema(generated.Config{Resolvers: r}))
	srv.AddTransport(transport.POST{})
	srv.Use(extension.Introspection{})
	return srv
}

// FindBrandByID knows only that a brand exists; its name is external.
func (r *entityResolver) FindBrandByID(ctx context.Context, id string) (*model.Brand, error) {
	return &model.Brand{ID: id}, nil
}

// FindProductBySku returns the product's reviews; @requires values reach
// the field resolvers as federationRequires.
func (r *entityResolver) FindProductBySku(ctx context.Context, sku string) (*model.Product, error) {
	return r.store.product(sku, false), nil
}

// FindManyReviewByIDs resolves a batch in input order; unknown ids are null.
func (r *entityResolver) FindManyReviewByIDs(ctx context.Context, reps []*model.ReviewByIDsInput) ([]*model.Review, error) {
	out := make([]*model.Review, len(reps))
	for i, rep := range reps {
		out[i] = r.store.byID[rep.ID]
	}
	return out, nil
}

// FindManyUserByIDs resolves a batch in input order; every user id is
// known here (a user without reviews has none).
func (r *entityResolver) FindManyUserByIDs(ctx context.Context, reps []*model.UserByIDsInput) ([]*model.User, error) {
	out := make([]*model.User, len(reps))
	for i, rep := range reps {
		out[i] = r.store.user(rep.ID, false)
	}
	return out, nil
}

// RecordReview appends tag to the run's journal.
func (r *mutationResolver) RecordReview(ctx context.Context, run string, tag string) (*model.Entry, error) {
	e := r.Journal.Record(run, tag, "reviews")
	return &model.Entry{Run: e.Run, Tag: e.Tag, Position: e.Position, Service: e.Service}, nil
}

// DeliveryNote needs the EU shipping estimate the router fetched from
// inventory (which in turn needed catalog's weight).
func (r *productResolver) DeliveryNote(ctx context.Context, obj *model.Product, prefix *string, federationRequires map[string]any) (string, error) {
	est, _ := federationRequires["shippingEstimate"].(map[string]any)
	amount, okA := est["amount"]
	currency, okC := est["currency"].(string)
	if !okA || !okC {
		return "", errors.New("deliveryNote: the shippingEstimate it requires was not sent")
	}
	p := ""
	if prefix != nil {
		p = *prefix
	}
	return fmt.Sprintf("%s %v %s", p, amount, currency), nil
}

// PackagingNote needs inventory's packaging (which needed catalog's
// dimensions).
func (r *productResolver) PackagingNote(ctx context.Context, obj *model.Product, federationRequires map[string]any) (string, error) {
	packaging, ok := federationRequires["packaging"].(string)
	if !ok || packaging == "" {
		return "", errors.New("packagingNote: the packaging it requires was not sent")
	}
	return "packed in " + packaging, nil
}

// Review is null for an unknown id.
func (r *queryResolver) Review(ctx context.Context, id string) (*model.Review, error) {
	return r.store.byID[id], nil
}

// TopReviews orders by stars descending, then id, after the minStars filter.
func (r *queryResolver) TopReviews(ctx context.Context, first int, minStars *int) ([]*model.Review, error) {
	if first < 0 {
		return nil, fmt.Errorf("first must not be negative, got %d", first)
	}
	out := []*model.Review{}
	for _, rv := range r.store.reviews {
		if minStars == nil || rv.Stars >= *minStars {
			out = append(out, rv)
		}
	}
	slices.SortStableFunc(out, func(a, b *model.Review) int {
		if a.Stars != b.Stars {
			return b.Stars - a.Stars
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out[:min(first, len(out))], nil
}

// ReviewSearch lists reviews whose body contains term, each followed by its
// product unless that product is already listed.
func (r *queryResolver) ReviewSearch(ctx context.Context, term string) ([]model.SearchResult, error) {
	t := strings.ToLower(term)
	out := []model.SearchResult{}
	seen := map[string]bool{}
	for _, rv := range r.store.reviews {
		if !strings.Contains(strings.ToLower(rv.Body), t) {
			continue
		}
		out = append(out, rv)
		if !seen[rv.Product.Sku] {
			seen[rv.Product.Sku] = true
			out = append(out, rv.Product)
		}
	}
	return out, nil
}

// Entity returns generated.EntityResolver implementation.
func (r *Resolver) Entity() generated.EntityResolver { return &entityResolver{r} }

// Mutation returns generated.MutationResolver implementation.
func (r *Resolver) Mutation() generated.MutationResolver { return &mutationResolver{r} }

// Product returns generated.ProductResolver implementation.
func (r *Resolver) Product() generated.ProductResolver { return &productResolver{r} }

// Query returns generated.QueryResolver implementation.
func (r *Resolver) Query() generated.QueryResolver { return &queryResolver{r} }

type entityResolver struct{ *Resolver }
type mutationResolver struct{ *Resolver }
type productResolver struct{ *Resolver }
type queryResolver struct{ *Resolver }
