package index

import (
	"cmp"
	"context"
	"slices"
	"sort"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// Products serves a listing from memory with the SQL path's exact
// semantics: same order and tie-breaks, same cursors, same totalCount
// (store/list.go is the reference; store/facet_property_test.go compares them). Before
// the first build it is the SQL path. Errors: INVALID, INTERNAL.
func (x *Index) Products(ctx context.Context, p product.ListParams) (product.Page, error) {
	if err := p.Validate(); err != nil {
		return product.Page{}, err
	}
	s := x.current()
	if s == nil {
		return x.store.Products(ctx, p)
	}
	h, err := x.hits(ctx, s, p.Filter)
	if err != nil {
		return product.Page{}, err
	}
	page, total := walk(s, p, h)
	return x.page(ctx, s, p, h, page, total)
}

// walk finds the page (first+1 matches past the cursor) and the total of
// a listing: a counting pass over the rows, a binary search for the
// cursor in the order's pre-sorted positions, and a walk from there that
// stops as soon as the page is full.
func walk(s *snapshot, p product.ListParams, h *hits) (page []int32, total int) {
	all := newConds(s, p.Filter, h).all()
	total = all.count()
	if total == 0 {
		return nil, 0
	}
	order := p.Order()
	var after *product.Cursor
	if p.After != "" {
		c, _ := product.DecodeCursor(p.After) // validated, same order
		after = &c
	}
	// A selective filter: order its few matches directly.
	if total <= len(s.rows)/selectiveShare {
		hit := make([]int32, 0, total)
		all.each(func(i int32) { hit = append(hit, i) })
		slices.SortFunc(hit, func(a, b int32) int { return compare(order, s, h, a, b) })
		k := 0
		if after != nil {
			k = sort.Search(len(hit), func(k int) bool { return beyond(order, s, h, hit[k], *after) })
		}
		return hit[k:min(len(hit), k+p.First+1)], total
	}
	// A broad one: walk the order's pre-sorted positions from the cursor.
	var seq []int32
	reverse := false
	switch order {
	case product.SortPriceAsc:
		seq = s.byPrice
	case product.SortPriceDesc:
		seq, reverse = s.byPrice, true
	case product.SortRating:
		seq = s.byRating
	case product.SortNewest:
		seq = s.byNewest
	case product.SortRelevance:
		seq = h.byRank
	}
	at := func(k int) int32 {
		if reverse {
			return seq[len(seq)-1-k]
		}
		return seq[k]
	}
	k := 0
	if after != nil {
		k = sort.Search(len(seq), func(k int) bool { return beyond(order, s, h, at(k), *after) })
	}
	for ; k < len(seq) && len(page) <= p.First; k++ {
		if i := at(k); all.has(int(i)) {
			page = append(page, i)
		}
	}
	return page, total
}

// selectiveShare: a filter matching at most 1/selectiveShare of the
// catalog has its matches sorted instead of walking a pre-sorted order
// (sorting a few hundred beats skipping through 100,000). A variable so a
// test can force either way.
var selectiveShare = 16

// compare orders rows a and b as the listing's order does.
func compare(order product.Sort, s *snapshot, h *hits, a, b int32) int {
	x, y := &s.items[a], &s.items[b]
	switch order {
	case product.SortPriceAsc:
		return cmp.Or(cmp.Compare(x.Price, y.Price), cmp.Compare(x.ID, y.ID))
	case product.SortPriceDesc:
		return cmp.Or(cmp.Compare(y.Price, x.Price), cmp.Compare(y.ID, x.ID))
	case product.SortRating:
		return cmp.Or(cmp.Compare(y.Rating, x.Rating), cmp.Compare(y.Reviews, x.Reviews), cmp.Compare(y.ID, x.ID))
	case product.SortNewest:
		return cmp.Or(cmp.Compare(y.Created, x.Created), cmp.Compare(y.ID, x.ID))
	default: // RELEVANCE
		return cmp.Or(cmp.Compare(h.rank[b], h.rank[a]), cmp.Compare(y.ID, x.ID))
	}
}

// page loads the rows of the page's items in one query and builds edges.
func (x *Index) page(ctx context.Context, s *snapshot, p product.ListParams, h *hits, page []int32, total int) (product.Page, error) {
	order := p.Order()
	out := product.Page{TotalCount: total, Edges: make([]product.Edge, 0, min(len(page), p.First))}
	if len(page) > p.First {
		out.HasNextPage = true
		page = page[:p.First]
	}
	if len(page) == 0 {
		return out, nil
	}
	ids := make([]string, len(page))
	for k, i := range page {
		ids[k] = s.items[i].ID
	}
	rows, err := x.store.ProductsByIDs(ctx, ids)
	if err != nil {
		return product.Page{}, err
	}
	for k, i := range page {
		if rows[k] == nil {
			continue // deleted since the snapshot; its event is on the way
		}
		out.Edges = append(out.Edges, product.Edge{Product: *rows[k], Cursor: cursor(order, s, h, i).Encode()})
	}
	return out, nil
}

// cursor is the cursor that resumes after it, as store/list.go makes it.
func cursor(order product.Sort, s *snapshot, h *hits, i int32) product.Cursor {
	it := &s.items[i]
	c := product.Cursor{Order: order, ID: it.ID}
	switch order {
	case product.SortPriceAsc, product.SortPriceDesc:
		c.Price = it.Price
	case product.SortRating:
		c.Rating, c.Reviews = it.Rating, int64(it.Reviews)
	case product.SortNewest:
		c.Created = it.Created
	case product.SortRelevance:
		c.Rank = h.rank[i]
	}
	return c
}

// beyond reports whether it comes strictly after the cursor c in order:
// the same row comparisons as the SQL seeks of store/list.go.
func beyond(order product.Sort, s *snapshot, h *hits, i int32, c product.Cursor) bool {
	it := &s.items[i]
	switch order {
	case product.SortPriceAsc:
		return it.Price > c.Price || (it.Price == c.Price && it.ID > c.ID)
	case product.SortPriceDesc:
		return it.Price < c.Price || (it.Price == c.Price && it.ID < c.ID)
	case product.SortRating:
		if it.Rating != c.Rating {
			return it.Rating < c.Rating
		}
		if int64(it.Reviews) != c.Reviews {
			return int64(it.Reviews) < c.Reviews
		}
		return it.ID < c.ID
	case product.SortNewest:
		return it.Created < c.Created || (it.Created == c.Created && it.ID < c.ID)
	default: // RELEVANCE
		r := h.rank[i]
		return r < c.Rank || (r == c.Rank && it.ID < c.ID)
	}
}
