package index

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// searchResult is one search text's matches, cached until the next change
// of the catalog: ranks for membership and the RELEVANCE cursor, and the
// matches already in RELEVANCE order (rank, then id, both descending).
type searchResult struct {
	done   chan struct{} // closed when ranks/byRank/err are set
	ranks  map[string]float64
	byRank []string
	err    error

	mu   sync.Mutex
	hits *hits // for the snapshot hits.s
}

// hits are a search's matches numbered like one snapshot's rows.
// They are compact (a bit per row and the matches' ranks), because one is
// cached per search text: 12.5 KB plus the matches at 100,000 products.
type hits struct {
	s      *snapshot
	in     bitset
	rank   map[int32]float64 // of matching rows
	byRank []int32           // rows in RELEVANCE order
}

// on returns the matches in s's numbering, computed once per snapshot.
func (r *searchResult) on(s *snapshot) *hits {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.hits != nil && r.hits.s == s {
		return r.hits
	}
	h := &hits{s: s, in: newBitset(len(s.rows)), rank: make(map[int32]float64, len(r.byRank)), byRank: make([]int32, 0, len(r.byRank))}
	for _, id := range r.byRank {
		if i, ok := s.pos[id]; ok {
			h.in.set(int(i))
			h.rank[i] = r.ranks[id]
			h.byRank = append(h.byRank, i)
		}
	}
	r.hits = h
	return h
}

// resultCache is one cache of results by key (texts and PostgreSQL terms
// have one each, so distinct texts do not evict the terms they reuse).
type resultCache struct {
	m   map[string]*searchResult
	ids int // matches held (maxCachedIDs)
}

// maxCachedSearches bounds each cache; past it the cache starts over (a
// crude but allocation-free eviction: distinct searches are the norm in
// the benchmark, repeated ones in real traffic).
const maxCachedSearches = 2048

// maxCachedIDs bounds the cache by what it holds: the matches of all its
// entries together (a prefix such as "cla" matches a third of a catalog;
// 2,048 of those would be gigabytes). ~100 bytes each: ~200 MB at most.
const maxCachedIDs = 2_000_000

// search returns the matches of a search text. A plain-words search is
// the intersection of its terms' matches, its rank their sum in term
// order (store/search.go's definition); each term is matched and ranked
// from the lexicon (terms.go) or, when that cannot be exact, asked of
// PostgreSQL, once per catalog state. Web-search syntax is asked as a
// whole. Concurrent askers of one key share one query.
func (x *Index) search(ctx context.Context, text string) (*searchResult, error) {
	return x.load(ctx, "text:"+text, func(ctx context.Context) (map[string]float64, error) {
		terms, ok := product.SearchTerms(text)
		if !ok {
			return x.src.SearchRanks(ctx, text)
		}
		per := make([]map[string]float64, len(terms))
		s := x.snap.Load() // every term on one catalog state
		for i, t := range terms {
			m, err := x.termRanks(ctx, s, t)
			if err != nil {
				return nil, err
			}
			per[i] = m
		}
		smallest := per[0]
		for _, m := range per {
			if len(m) < len(smallest) {
				smallest = m
			}
		}
		out := make(map[string]float64, len(smallest))
	next:
		for id := range smallest {
			sum := 0.0
			for _, m := range per { // term order: the same additions as SQL's
				r, ok := m[id]
				if !ok {
					continue next
				}
				sum += r
			}
			out[id] = sum
		}
		return out, nil
	})
}

// load returns the cached result of key, computing it with fn once.
func (x *Index) load(ctx context.Context, key string, fn func(ctx context.Context) (map[string]float64, error)) (*searchResult, error) {
	x.mu.Lock()
	c := &x.texts
	if !strings.HasPrefix(key, "text:") {
		c = &x.terms
	}
	r, ok := c.m[key]
	if !ok {
		if c.m == nil || len(c.m) >= maxCachedSearches || c.ids >= maxCachedIDs {
			*c = resultCache{m: map[string]*searchResult{}}
		}
		r = &searchResult{done: make(chan struct{})}
		c.m[key] = r
	}
	searches := c.m
	x.mu.Unlock()
	if !ok {
		// The query runs without the caller's cancellation so a shared
		// result is never poisoned by one client hanging up.
		r.ranks, r.err = fn(context.WithoutCancel(ctx))
		if r.err == nil && strings.HasPrefix(key, "text:") { // terms are only intersected
			type hit struct {
				id   string
				rank float64
			}
			all := make([]hit, 0, len(r.ranks))
			for id, rk := range r.ranks {
				all = append(all, hit{id, rk})
			}
			slices.SortFunc(all, func(a, b hit) int { return cmp.Or(cmp.Compare(b.rank, a.rank), cmp.Compare(b.id, a.id)) })
			r.byRank = make([]string, len(all))
			for i, h := range all {
				r.byRank[i] = h.id
			}
		} else if r.err != nil {
			x.mu.Lock()
			if searches[key] == r {
				delete(searches, key) // failures are not cached
			}
			x.mu.Unlock()
		}
		if r.err == nil {
			x.mu.Lock()
			c.ids += len(r.ranks) // may count one a reset dropped: resets a bit early
			x.mu.Unlock()
		}
		close(r.done)
	}
	select {
	case <-r.done:
		return r, r.err
	case <-ctx.Done():
		return nil, product.InternalError("search products", ctx.Err())
	}
}

// hits is the search filter of f on s: nil when f has no search.
func (x *Index) hits(ctx context.Context, s *snapshot, f product.Filter) (*hits, error) {
	q := f.SearchText()
	if q == "" {
		return nil, nil
	}
	r, err := x.search(ctx, q)
	if err != nil {
		return nil, err
	}
	return r.on(s), nil
}
