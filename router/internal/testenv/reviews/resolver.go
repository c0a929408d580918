// Package reviews is a test-only gqlgen subgraph that extends the product
// subgraph's Product with a reviewSummary field. It records every batch of
// entity representations it receives so tests can assert that the router
// batches entity calls.
package reviews

import (
	"context"
	"fmt"
	"net/http"
	"sync"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/nexus-commerce/nexus/router/internal/testenv/reviews/generated"
	"github.com/nexus-commerce/nexus/router/internal/testenv/reviews/model"
	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
)

// Resolver answers entity calls; Batches records the ids of each call.
type Resolver struct {
	// Secret verifies the router-signed X-Nexus-Claims header; nil means
	// the header is ignored and every caller is anonymous.
	Secret []byte

	mu      sync.Mutex
	batches [][]string
}

// Batches returns the product ids of every entity call, one slice per call.
func (r *Resolver) Batches() [][]string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([][]string, len(r.batches))
	copy(out, r.batches)
	return out
}

// Handler serves the subgraph over HTTP POST.
func (r *Resolver) Handler() http.Handler {
	srv := handler.New(generated.NewExecutableSchema(generated.Config{Resolvers: r}))
	srv.AddTransport(transport.POST{})
	// gqlgen answers _service { sdl } only with introspection on.
	srv.Use(extension.Introspection{})
	if r.Secret == nil {
		return srv
	}
	return kitauth.Middleware(r.Secret, nil)(srv)
}

// WhoAmI returns the subject the router forwarded. The subgraph checks
// again (the router already enforced @authenticated), as every Nexus
// subgraph must: without verified claims it returns null. The router has
// already reported the refusal, so a second error would only repeat it.
func (r *queryResolver) WhoAmI(ctx context.Context) (*string, error) {
	c := kitauth.ClaimsFrom(ctx)
	if c == nil {
		return nil, nil
	}
	return &c.Subject, nil
}

// ModerationQueue is a fixed number behind the same scope check the
// router makes.
func (r *queryResolver) ModerationQueue(ctx context.Context) (*int, error) {
	if !kitauth.HasScope(ctx, "admin") && !(kitauth.HasScope(ctx, "moderator") && kitauth.HasScope(ctx, "reviews:write")) {
		return nil, nil
	}
	n := 7
	return &n, nil
}

// Headline is the deterministic headline the subgraph returns for an id.
func Headline(id string) string { return "reviews of " + id }

// FindManyProductByIDs resolves a whole batch of Product representations
// at once, in input order.
func (r *entityResolver) FindManyProductByIDs(ctx context.Context, reps []*model.ProductByIDsInput) ([]*model.Product, error) {
	ids := make([]string, len(reps))
	out := make([]*model.Product, len(reps))
	for i, rep := range reps {
		ids[i] = rep.ID
		out[i] = &model.Product{ID: rep.ID, ReviewSummary: &model.ReviewSummary{ProductID: rep.ID, Headline: Headline(rep.ID)}}
	}
	r.mu.Lock()
	r.batches = append(r.batches, ids)
	r.mu.Unlock()
	return out, nil
}

// Entity returns generated.EntityResolver implementation.
func (r *Resolver) Entity() generated.EntityResolver { return &entityResolver{r} }

type entityResolver struct{ *Resolver }

// Query returns generated.QueryResolver implementation.
func (r *Resolver) Query() generated.QueryResolver { return &queryResolver{r} }

type queryResolver struct{ *Resolver }

// RecentlyReviewed returns p1..pN so router tests have a root field to plan
// without a database.
func (r *queryResolver) RecentlyReviewed(ctx context.Context, first int) ([]string, error) {
	if first < 0 || first > 100 {
		return nil, fmt.Errorf("first must be between 0 and 100")
	}
	out := make([]string, first)
	for i := range out {
		out[i] = fmt.Sprintf("p%d", i+1)
	}
	return out, nil
}
