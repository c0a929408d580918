package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"

	"github.com/nexus-commerce/nexus/migrations"
	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
	"github.com/nexus-commerce/nexus/subgraphs/kit/migrate"
	"github.com/nexus-commerce/nexus/subgraphs/kit/pgtest"
	"github.com/nexus-commerce/nexus/subgraphs/kit/server"
	product "github.com/nexus-commerce/nexus/subgraphs/product"
	"github.com/nexus-commerce/nexus/subgraphs/product/graph"
	"github.com/nexus-commerce/nexus/subgraphs/product/store"
)

const reviewSecret = "review-tests-secret-0123456789abcdef"

// reviewEnv is a product subgraph that verifies router-signed claims, over
// an empty migrated catalog with a few products, its review store wrapped
// in a call counter.
type reviewEnv struct {
	url      string
	db       *sqlx.DB
	store    *store.Store
	reviews  *countingReviews
	products []string
}

// caller is who a request is signed for; the zero value is anonymous.
type caller struct {
	id    string
	admin bool
}

func customer() caller { return caller{id: uuid.NewString()} }
func admin() caller    { return caller{id: uuid.NewString(), admin: true} }

func newReviewEnv(t *testing.T, products int) *reviewEnv {
	t.Helper()
	ctx := t.Context()
	db := pgtest.New(t)
	log := slog.New(slog.DiscardHandler)
	fsys, err := migrations.FS("product")
	if err != nil {
		t.Fatal(err)
	}
	if err := migrate.Up(ctx, db, "product", fsys, log); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	st := store.New(db)
	e := &reviewEnv{db: db, store: st, reviews: &countingReviews{ReviewStore: st, calls: map[string]int{}}}
	cat, err := st.CreateCategory(ctx, product.CategoryFields{Name: "Shoes", Slug: "shoes"})
	if err != nil {
		t.Fatal(err)
	}
	for i := range products {
		p, err := st.CreateProduct(ctx, product.NewProduct{ProductFields: product.ProductFields{
			Name: fmt.Sprintf("Shoe %d", i), Slug: fmt.Sprintf("shoe-%d", i), Price: 5999, CategoryID: cat.ID, SKU: fmt.Sprintf("NX-%d", i)}})
		if err != nil {
			t.Fatal(err)
		}
		e.products = append(e.products, p.ID)
	}
	srv, err := server.New(server.Options{
		Name: "product", Addr: "127.0.0.1:0", Log: log, DB: db, RouterSecret: []byte(reviewSecret),
		Schema: graph.NewSchema(&graph.Resolver{Store: st, Writer: st, Reviews: e.reviews, PublicURL: publicURL}),
	})
	if err != nil {
		t.Fatalf("server.New: %v", err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	e.url = ts.URL + "/graphql"
	return e
}

// as posts one operation signed for c (unsigned when anonymous).
func (e *reviewEnv) as(t *testing.T, c caller, query string, vars map[string]any) response {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, e.url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if c.id != "" {
		claims := &kitauth.Claims{Subject: c.id}
		if c.admin {
			claims.Scopes = []string{"admin"}
		}
		h, err := kitauth.Sign(claims, []byte(reviewSecret), time.Now())
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set(kitauth.HeaderName, h)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out response
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatalf("decode response (status %d): %v", resp.StatusCode, err)
	}
	return out
}

// must runs an operation that must succeed and decodes its data.
func (e *reviewEnv) must(t *testing.T, c caller, query string, vars map[string]any, dst any) {
	t.Helper()
	out := e.as(t, c, query, vars)
	if len(out.Errors) > 0 {
		t.Fatalf("unexpected errors: %+v", out.Errors)
	}
	if dst != nil {
		if err := json.Unmarshal(out.Data, dst); err != nil {
			t.Fatalf("decode %s: %v", out.Data, err)
		}
	}
}

// write has c review product p directly in the store; returns the id.
func (e *reviewEnv) write(t *testing.T, c caller, p string, stars int) string {
	t.Helper()
	rv, err := e.store.WriteReview(context.Background(), c.id, product.ReviewInput{ProductID: p, Rating: stars,
		Title: "Fine", Body: "Fits well.", AuthorName: "Shopper"})
	if err != nil {
		t.Fatal(err)
	}
	return rv.ID
}

// countingReviews counts the review store's calls, so tests can prove
// that a page of products or reviews costs one call per field.
type countingReviews struct {
	product.ReviewStore
	mu    sync.Mutex
	calls map[string]int
}

func (c *countingReviews) count(name string) {
	c.mu.Lock()
	c.calls[name]++
	c.mu.Unlock()
}

func (c *countingReviews) n(name string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.calls[name]
}

func (c *countingReviews) reset() {
	c.mu.Lock()
	clear(c.calls)
	c.mu.Unlock()
}

func (c *countingReviews) RatingDistributions(ctx context.Context, ids []string) ([][5]int, error) {
	c.count("RatingDistributions")
	return c.ReviewStore.RatingDistributions(ctx, ids)
}

func (c *countingReviews) ViewerReviews(ctx context.Context, author string, ids []string) ([]*product.Review, error) {
	c.count("ViewerReviews")
	return c.ReviewStore.ViewerReviews(ctx, author, ids)
}

func (c *countingReviews) HelpfulVotes(ctx context.Context, voter string, ids []string) ([]bool, error) {
	c.count("HelpfulVotes")
	return c.ReviewStore.HelpfulVotes(ctx, voter, ids)
}

func (c *countingReviews) Reviews(ctx context.Context, p product.ReviewListParams) (product.ReviewPage, error) {
	c.count("Reviews")
	return c.ReviewStore.Reviews(ctx, p)
}
