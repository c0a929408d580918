// Package legacy is the golden corpus's legacy subgraph: the old owner of
// Product fields that catalog now @overrides, and the faults the error
// cases need — a failing field, a failing non-null field, a field that
// blocks until the router gives up, and HTTP 500 for a whole request.
package legacy

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/nexus-commerce/nexus/router/internal/golden/subgraphs/legacy/generated"
	"github.com/nexus-commerce/nexus/router/internal/golden/subgraphs/legacy/model"
)

// Resolver serves the fixed legacy values; it holds no state.
type Resolver struct{}

// slowCap bounds how long Slow blocks when no one cancels the request, so a
// router that never times out fails the case instead of hanging the test.
const slowCap = 20 * time.Second

// Handler serves the subgraph over HTTP POST. Any operation that mentions
// the crash field is answered with HTTP 500 and a non-GraphQL body, the way
// a crashed service behind a proxy answers.
func (r *Resolver) Handler() http.Handler {
	srv := handler.New(generated.NewExecutableSchema(generated.Config{Resolvers: r}))
	srv.AddTransport(transport.POST{})
	srv.Use(extension.Introspection{})
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, err := io.ReadAll(req.Body)
		if err != nil {
			http.Error(w, "read body: "+err.Error(), http.StatusBadRequest)
			return
		}
		if bytes.Contains(body, []byte("crash")) {
			http.Error(w, "legacy crashed", http.StatusInternalServerError)
			return
		}
		req.Body = io.NopCloser(bytes.NewReader(body))
		srv.ServeHTTP(w, req)
	})
}

func flt(f float64) *float64 { return &f }
func num(n int) *int         { return &n }
func str(s string) *string   { return &s }

func product(sku string) *model.Product {
	switch sku {
	case "SKU-1", "SKU-2", "SKU-3", "SKU-4":
		return &model.Product{Sku: sku, Rating: flt(1), Popularity: num(1), Badge: str("legacy-" + sku)}
	}
	return nil
}

// FindManyProductBySkus resolves a batch in input order; unknown skus are null.
func (r *entityResolver) FindManyProductBySkus(ctx context.Context, reps []*model.ProductBySkusInput) ([]*model.Product, error) {
	out := make([]*model.Product, len(reps))
	for i, rep := range reps {
		out[i] = product(rep.Sku)
	}
	return out, nil
}

// Slow blocks until the request is cancelled (the router's subgraph timeout).
func (r *productResolver) Slow(ctx context.Context, obj *model.Product) (*string, error) {
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-time.After(slowCap):
		return str("slow answered after " + slowCap.String()), nil
	}
}

// Broken always fails with a coded error.
func (r *productResolver) Broken(ctx context.Context, obj *model.Product) (*string, error) {
	return nil, &gqlerror.Error{Message: fmt.Sprintf("broken is broken for %s", obj.Sku), Extensions: map[string]any{"code": "LEGACY_BROKEN"}}
}

// BrokenNonNull always fails; the field is non-null.
func (r *productResolver) BrokenNonNull(ctx context.Context, obj *model.Product) (string, error) {
	return "", errors.New("brokenNonNull is broken")
}

// Crash is never reached: the handler answers HTTP 500 first.
func (r *productResolver) Crash(ctx context.Context, obj *model.Product) (*string, error) {
	return nil, errors.New("crash reached the resolver: the handler should have answered 500")
}

// LegacyProducts lists SKU-1 and SKU-3.
func (r *queryResolver) LegacyProducts(ctx context.Context) ([]*model.Product, error) {
	return []*model.Product{product("SKU-1"), product("SKU-3")}, nil
}

// Entity returns generated.EntityResolver implementation.
func (r *Resolver) Entity() generated.EntityResolver { return &entityResolver{r} }

// Product returns generated.ProductResolver implementation.
func (r *Resolver) Product() generated.ProductResolver { return &productResolver{r} }

// Query returns generated.QueryResolver implementation.
func (r *Resolver) Query() generated.QueryResolver { return &queryResolver{r} }

type entityResolver struct{ *Resolver }
type productResolver struct{ *Resolver }
type queryResolver struct{ *Resolver }
