// Package loader batches the per-request lookups behind GraphQL fields such
// as Product.category, so a page of N products costs one query, not N.
//
// Unlike a time-window dataloader it never waits on a timer: resolvers that
// produce a set of objects announce the keys their children will ask for
// (Expect), and the first Load fetches every announced key in one round trip
// while concurrent Loads of those keys wait for that same fetch. Batching is
// therefore deterministic, which keeps query counts testable under -race.
package loader

import (
	"context"
	"fmt"
	"sync"
)

// FetchFunc loads the values of keys in one round trip. It returns exactly
// one value per key, in key order (a zero value for an unknown key).
type FetchFunc[K comparable, V any] func(ctx context.Context, keys []K) ([]V, error)

// Loader caches and batches lookups for the lifetime of one request. It is
// safe for concurrent use; create one per request so no data outlives it.
type Loader[K comparable, V any] struct {
	fetch FetchFunc[K, V]

	mu       sync.Mutex
	entries  map[K]*batch[K, V] // every key fetched, being fetched or primed
	expected []K                // announced keys not yet in entries, in order
	isExp    map[K]bool
}

// batch is one fetch shared by every key it loads.
type batch[K comparable, V any] struct {
	done   chan struct{}
	values map[K]V
	err    error
}

// New returns an empty Loader that fetches through fetch.
func New[K comparable, V any](fetch FetchFunc[K, V]) *Loader[K, V] {
	return &Loader[K, V]{
		fetch:   fetch,
		entries: make(map[K]*batch[K, V]),
		isExp:   make(map[K]bool),
	}
}

// Expect announces keys that are about to be loaded, so the next fetch
// includes them. Keys already known are ignored.
func (l *Loader[K, V]) Expect(keys ...K) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, k := range keys {
		if l.entries[k] == nil && !l.isExp[k] {
			l.isExp[k] = true
			l.expected = append(l.expected, k)
		}
	}
}

// Prime records a value obtained some other way (for example a list query
// that already returned the full object), so loading it costs nothing.
func (l *Loader[K, V]) Prime(key K, value V) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.entries[key] != nil {
		return
	}
	b := &batch[K, V]{done: make(chan struct{}), values: map[K]V{key: value}}
	close(b.done)
	l.entries[key] = b
	l.unexpect(key)
}

// Load returns the value for key, fetching it together with every expected
// key unless it is already cached or in flight.
func (l *Loader[K, V]) Load(ctx context.Context, key K) (V, error) {
	values, err := l.LoadMany(ctx, []K{key})
	if err != nil {
		var zero V
		return zero, err
	}
	return values[0], nil
}

// LoadMany returns the values for keys in key order. Keys not yet known are
// fetched in one round trip together with every expected key.
func (l *Loader[K, V]) LoadMany(ctx context.Context, keys []K) ([]V, error) {
	l.mu.Lock()
	var missing []K
	seen := make(map[K]bool)
	for _, k := range keys {
		if l.entries[k] == nil && !l.isExp[k] && !seen[k] {
			seen[k] = true
			missing = append(missing, k)
		}
	}
	var own *batch[K, V]
	var ownKeys []K
	if len(missing) > 0 || l.anyExpected(keys) {
		ownKeys = append(l.expected, missing...)
		own = &batch[K, V]{done: make(chan struct{})}
		for _, k := range ownKeys {
			l.entries[k] = own
		}
		l.expected = nil
		clear(l.isExp)
	}
	batches := make([]*batch[K, V], len(keys))
	for i, k := range keys {
		batches[i] = l.entries[k]
	}
	l.mu.Unlock()

	if own != nil {
		l.run(ctx, own, ownKeys)
	}
	out := make([]V, len(keys))
	for i, b := range batches {
		select {
		case <-b.done:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if b.err != nil {
			return nil, b.err
		}
		out[i] = b.values[keys[i]]
	}
	return out, nil
}

// anyExpected reports whether one of keys is announced but not yet fetched;
// the caller holds l.mu.
func (l *Loader[K, V]) anyExpected(keys []K) bool {
	for _, k := range keys {
		if l.isExp[k] {
			return true
		}
	}
	return false
}

// unexpect drops key from the expected list; the caller holds l.mu.
func (l *Loader[K, V]) unexpect(key K) {
	if !l.isExp[key] {
		return
	}
	delete(l.isExp, key)
	for i, k := range l.expected {
		if k == key {
			l.expected = append(l.expected[:i], l.expected[i+1:]...)
			return
		}
	}
}

// run fetches keys into b and releases its waiters, even if fetch panics.
func (l *Loader[K, V]) run(ctx context.Context, b *batch[K, V], keys []K) {
	defer close(b.done)
	b.err = fmt.Errorf("loader: fetch of %d keys did not complete", len(keys))
	values, err := l.fetch(ctx, keys)
	switch {
	case err != nil:
		b.err = err
	case len(values) != len(keys):
		b.err = fmt.Errorf("loader: fetch returned %d values for %d keys", len(values), len(keys))
	default:
		b.err = nil
		b.values = make(map[K]V, len(keys))
		for i, k := range keys {
			b.values[k] = values[i]
		}
	}
}
