package graph_test

import (
	"context"
	"sync"

	product "github.com/nexus-commerce/nexus/subgraphs/product"
)

// countingStore decorates the real PostgreSQL store and counts the batched
// calls, so tests can prove that N objects cost one round trip.
type countingStore struct {
	product.Store
	mu    sync.Mutex
	calls map[string]int
}

func newCountingStore(s product.Store) *countingStore {
	return &countingStore{Store: s, calls: map[string]int{}}
}

func (s *countingStore) count(name string) {
	s.mu.Lock()
	s.calls[name]++
	s.mu.Unlock()
}

// reset forgets the calls made so far (by seeding or an earlier query).
func (s *countingStore) reset() {
	s.mu.Lock()
	clear(s.calls)
	s.mu.Unlock()
}

// n returns how often the method called name ran since the last reset.
func (s *countingStore) n(name string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[name]
}

func (s *countingStore) ProductsByIDs(ctx context.Context, ids []string) ([]*product.Product, error) {
	s.count("ProductsByIDs")
	return s.Store.ProductsByIDs(ctx, ids)
}

func (s *countingStore) Products(ctx context.Context, p product.ListParams) (product.Page, error) {
	s.count("Products")
	return s.Store.Products(ctx, p)
}

func (s *countingStore) CategoriesByIDs(ctx context.Context, ids []string) ([]*product.Category, error) {
	s.count("CategoriesByIDs")
	return s.Store.CategoriesByIDs(ctx, ids)
}

func (s *countingStore) ChildCategories(ctx context.Context, parentIDs []string) ([][]product.Category, error) {
	s.count("ChildCategories")
	return s.Store.ChildCategories(ctx, parentIDs)
}
