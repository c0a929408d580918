package index

import (
	"context"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// Products serves a listing from memory with the SQL path's exact
// semantics: same order and tie-breaks, same cursors, same totalCount
// (store/list.go is the reference; index_test.go compares them). Before
// the first build it is the SQL path. Errors: INVALID, INTERNAL.
func (x *Index) Products(ctx context.Context, p product.ListParams) (product.Page, error) {
	if err := p.Validate(); err != nil {
		return product.Page{}, err
	}
	s := x.current()
	if s == nil {
		return x.store.Products(ctx, p)
	}
	var sr *searchResult
	var ranks map[string]float64
	if q := p.Filter.SearchText(); q != "" {
		var err error
		if sr, err = x.search(ctx, q); err != nil {
			return product.Page{}, err
		}
		ranks = sr.ranks
	}
	m := newMatcher(p.Filter, ranks)
	order := p.Order()
	var after *product.Cursor
	if p.After != "" {
		c, _ := product.DecodeCursor(p.After) // validated, same order
		after = &c
	}
	var page []int32
	total := 0
	visit := func(i int32) {
		it := &s.items[i]
		if !m.check(it).all() {
			return
		}
		total++
		if len(page) <= p.First && (after == nil || beyond(order, it, ranks, *after)) {
			page = append(page, i)
		}
	}
	switch order {
	case product.SortPriceAsc:
		for _, i := range s.byPrice {
			visit(i)
		}
	case product.SortPriceDesc:
		for k := len(s.byPrice) - 1; k >= 0; k-- {
			visit(s.byPrice[k])
		}
	case product.SortRating:
		for _, i := range s.byRating {
			visit(i)
		}
	case product.SortNewest:
		for _, i := range s.byNewest {
			visit(i)
		}
	case product.SortRelevance:
		for _, id := range sr.byRank {
			if i, ok := s.pos[id]; ok {
				visit(i)
			}
		}
	}
	return x.page(ctx, s, p, order, ranks, page, total)
}

// page loads the rows of the page's items in one query and builds edges.
func (x *Index) page(ctx context.Context, s *snapshot, p product.ListParams, order product.Sort, ranks map[string]float64, page []int32, total int) (product.Page, error) {
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
		out.Edges = append(out.Edges, product.Edge{Product: *rows[k], Cursor: cursor(order, &s.items[i], ranks).Encode()})
	}
	return out, nil
}

// cursor is the cursor that resumes after it, as store/list.go makes it.
func cursor(order product.Sort, it *product.FacetItem, ranks map[string]float64) product.Cursor {
	c := product.Cursor{Order: order, ID: it.ID}
	switch order {
	case product.SortPriceAsc, product.SortPriceDesc:
		c.Price = it.Price
	case product.SortRating:
		c.Rating, c.Reviews = it.Rating, int64(it.Reviews)
	case product.SortNewest:
		c.Created = it.Created
	case product.SortRelevance:
		c.Rank = ranks[it.ID]
	}
	return c
}

// beyond reports whether it comes strictly after the cursor c in order:
// the same row comparisons as the SQL seeks of store/list.go.
func beyond(order product.Sort, it *product.FacetItem, ranks map[string]float64, c product.Cursor) bool {
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
		r := ranks[it.ID]
		return r < c.Rank || (r == c.Rank && it.ID < c.ID)
	}
}
