// Package index is the product subgraph's in-memory catalog index: every
// live product's filter and sort fields, so listings, totals and facets
// are a pass over memory instead of a count and an aggregate per request
// in PostgreSQL. It is built at start from one REPEATABLE READ snapshot
// and follows the catalog event bus (the "caching invalidated by
// events"). Full-text terms are matched and ranked from the index's own
// lexicon (lexicon.go, tsrank.go: ts_rank reproduced bit for bit); typos,
// multi-lexeme stems and web-search syntax stay in PostgreSQL. Matches are
// cached per term and per text until the next change.
package index

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// Index serves listings and facets from memory. The zero value is not
// usable; call New, then Run in its own goroutine.
type Index struct {
	src   product.CatalogSource
	store product.Store // rows of a page (ProductsByIDs) and the SQL fallback
	log   *slog.Logger

	snap  atomic.Pointer[snapshot]
	built chan struct{} // closed after the first build

	mu      sync.Mutex
	changed chan struct{} // closed and replaced on every applied change
	texts   resultCache   // per search text
	terms   resultCache   // per term answered by PostgreSQL (typos, multi-lexeme stems)
	applied string        // cursor of the last applied event
	words   wordCache
}

// New returns an index over src (for items and search ranks) and st (for
// product rows). log receives build and follow failures; nil discards.
func New(src product.CatalogSource, st product.Store, log *slog.Logger) *Index {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Index{src: src, store: st, log: log, built: make(chan struct{}), changed: make(chan struct{})}
}

// Ready is closed once the first build is in place (readiness waits on it).
func (x *Index) Ready() <-chan struct{} { return x.built }

// wait returns the current snapshot, waiting for the first build.
func (x *Index) wait(ctx context.Context) (*snapshot, error) {
	select {
	case <-x.built:
		return x.snap.Load(), nil
	case <-ctx.Done():
		return nil, product.InternalError("catalog index not built yet", ctx.Err())
	}
}

// current is the snapshot if built, else nil (callers then use SQL).
func (x *Index) current() *snapshot {
	select {
	case <-x.built:
		return x.snap.Load()
	default:
		return nil
	}
}

// Changed returns a channel closed at the next applied change, and the
// cursor of the last applied event: tests wait on it instead of sleeping.
func (x *Index) Changed() (<-chan struct{}, string) {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.changed, x.applied
}

// install swaps in s, drops cached searches and wakes Changed waiters.
func (x *Index) install(s *snapshot, cursor string) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.snap.Store(s)
	x.texts, x.terms = resultCache{}, resultCache{}
	if cursor != "" {
		x.applied = cursor
	}
	close(x.changed)
	x.changed = make(chan struct{})
	select {
	case <-x.built:
	default:
		close(x.built)
	}
}

// Build loads the whole catalog and installs it.
func (x *Index) Build(ctx context.Context) error { return x.build(ctx, "") }

// build installs the whole catalog as of now, covering events up to cursor.
func (x *Index) build(ctx context.Context, cursor string) error {
	start := time.Now()
	cs, err := x.src.CatalogSnapshot(ctx)
	if err != nil {
		return err
	}
	x.install(newSnapshot(cs.Items, cs.Categories, cs.Display), cursor)
	x.log.Info("catalog index built", "products", len(cs.Items), "categories", len(cs.Categories), "took", time.Since(start).Round(time.Millisecond))
	return nil
}

// Refresh reloads the given products (deleted ones leave the index).
func (x *Index) Refresh(ctx context.Context, ids []string, cursor string) error {
	s := x.current()
	if s == nil {
		return errors.New("index: refresh before the first build")
	}
	items, disp, err := x.src.FacetItems(ctx, ids)
	if err != nil {
		return err
	}
	x.install(s.with(canonical(ids), items, disp), cursor)
	return nil
}

var _ product.Searcher = (*Index)(nil)

// Suggest answers a search box: the best-ranked matches of the query as
// filter.search (cached per term, like listings), their rows in one
// query, and the categories from PostgreSQL (a few hundred rows with a
// trigram index). Before the first build it is the SQL path. Errors:
// INVALID, INTERNAL.
func (x *Index) Suggest(ctx context.Context, query string, first int) (product.Suggestions, error) {
	q, err := product.ValidateSuggest(query, first)
	if err != nil {
		return product.Suggestions{}, err
	}
	s := x.current()
	if s == nil {
		return x.src.Suggest(ctx, query, first)
	}
	out := product.Suggestions{Query: q, Products: []product.Product{}, Categories: []product.Category{}}
	if q == "" {
		return out, nil
	}
	r, err := x.search(ctx, q)
	if err != nil {
		return product.Suggestions{}, err
	}
	var ids []string
	for _, id := range r.byRank {
		if i, ok := s.pos[id]; ok && !s.rows[i].dead {
			if ids = append(ids, id); len(ids) == first {
				break
			}
		}
	}
	if len(ids) > 0 {
		rows, err := x.store.ProductsByIDs(ctx, ids)
		if err != nil {
			return product.Suggestions{}, err
		}
		for _, p := range rows {
			if p != nil {
				out.Products = append(out.Products, *p)
			}
		}
	}
	if out.Categories, err = x.src.SuggestCategories(ctx, q); err != nil {
		return product.Suggestions{}, err
	}
	return out, nil
}

// Store is a product.Store whose listings come from the index: the
// binary puts it in the Resolver, so Query.products needs no change.
type Store struct {
	product.Store
	Index *Index
}

// Products serves the listing from the index (SQL until it is built).
func (s Store) Products(ctx context.Context, p product.ListParams) (product.Page, error) {
	return s.Index.Products(ctx, p)
}
