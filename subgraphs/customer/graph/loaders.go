package graph

import (
	"context"
	"slices"
	"sync"

	customer "github.com/nexus-commerce/nexus/subgraphs/customer"
)

// loaders batch the customer fields of the users one operation returns:
// the entity resolver (and the root fields) announce the users the caller
// may read (expect), and the first field resolver that needs, say,
// addresses loads them for every announced user in one store call. A
// user the caller may not read is never announced, so no other
// customer's rows are ever read on a customer's behalf.
type loaders struct {
	profiles  batch[customer.Profile]
	addresses batch[[]customer.Address]
	payments  batch[[]customer.PaymentMethod]
	wishlists batch[[]customer.WishlistItem]
}

func newLoaders(st customer.Store) *loaders {
	return &loaders{
		profiles:  batch[customer.Profile]{load: st.ProfilesOf},
		addresses: batch[[]customer.Address]{load: st.AddressesOf},
		payments:  batch[[]customer.PaymentMethod]{load: st.PaymentMethodsOf},
		wishlists: batch[[]customer.WishlistItem]{load: st.WishlistsOf},
	}
}

// expect announces users whose fields the operation may ask for.
func (l *loaders) expect(ids ...string) {
	l.profiles.expect(ids)
	l.addresses.expect(ids)
	l.payments.expect(ids)
	l.wishlists.expect(ids)
}

// batch is one field's values by user id: loaded for every expected user
// not loaded yet, on the first get that misses.
type batch[T any] struct {
	load func(ctx context.Context, ids []string) (map[string]T, error)

	mu      sync.Mutex
	pending []string
	values  map[string]T
}

func (b *batch[T]) expect(ids []string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, id := range ids {
		if _, done := b.values[id]; !done && !slices.Contains(b.pending, id) {
			b.pending = append(b.pending, id)
		}
	}
}

// get returns id's value, loading the pending users (id among them) in
// one call when it is not loaded yet. Concurrent gets of one batch wait
// for the same load.
func (b *batch[T]) get(ctx context.Context, id string) (T, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if v, ok := b.values[id]; ok {
		return v, nil
	}
	ids := b.pending
	if !slices.Contains(ids, id) {
		ids = append(ids, id)
	}
	found, err := b.load(ctx, ids)
	if err != nil {
		var zero T
		return zero, err
	}
	if b.values == nil {
		b.values = make(map[string]T, len(ids))
	}
	for _, u := range ids {
		b.values[u] = found[u] // absent: no rows (the zero value)
	}
	b.pending = nil
	return b.values[id], nil
}

type loadersKey struct{}

// withLoaders gives the operation in ctx its loaders.
func withLoaders(ctx context.Context, l *loaders) context.Context {
	return context.WithValue(ctx, loadersKey{}, l)
}

// loadersOf returns the operation's loaders; outside an operation (a
// resolver called directly) fresh ones, which batch nothing.
func (r *Resolver) loadersOf(ctx context.Context) *loaders {
	if l, ok := ctx.Value(loadersKey{}).(*loaders); ok {
		return l
	}
	return newLoaders(r.Store)
}
