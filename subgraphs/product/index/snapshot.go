package index

import (
	"cmp"
	"slices"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// snapshot is one immutable state of the index. Readers take the current
// pointer and never lock; a change builds a new snapshot and swaps it in,
// so a request sees one consistent catalog from start to end.
type snapshot struct {
	items []product.FacetItem
	pos   map[string]int32 // id -> index in items
	// Pre-sorted positions, one per sort order, so a page is a walk from
	// the cursor: byPrice is (price, id) ascending (PRICE_DESC walks it
	// backwards), byRating is (rating, reviews, id) descending, byNewest is
	// (created, id) descending — exactly the SQL ORDER BYs of store/list.go.
	byPrice, byRating, byNewest []int32
	cats                        []product.Category // Query.categories order
	display                     map[string]product.OptionDisplay
}

func newSnapshot(items []product.FacetItem, cats []product.Category, display map[string]product.OptionDisplay) *snapshot {
	s := &snapshot{items: items, cats: cats, display: display, pos: make(map[string]int32, len(items))}
	for i, it := range items {
		s.pos[it.ID] = int32(i)
	}
	s.byPrice = s.sorted(func(a, b *product.FacetItem) int {
		return cmp.Or(cmp.Compare(a.Price, b.Price), cmp.Compare(a.ID, b.ID))
	})
	s.byRating = s.sorted(func(a, b *product.FacetItem) int {
		return cmp.Or(cmp.Compare(b.Rating, a.Rating), cmp.Compare(b.Reviews, a.Reviews), cmp.Compare(b.ID, a.ID))
	})
	s.byNewest = s.sorted(func(a, b *product.FacetItem) int {
		return cmp.Or(cmp.Compare(b.Created, a.Created), cmp.Compare(b.ID, a.ID))
	})
	return s
}

func (s *snapshot) sorted(by func(a, b *product.FacetItem) int) []int32 {
	out := make([]int32, len(s.items))
	for i := range out {
		out[i] = int32(i)
	}
	slices.SortFunc(out, func(a, b int32) int { return by(&s.items[a], &s.items[b]) })
	return out
}

// with returns a new snapshot where the products ids are replaced by
// fresh (those missing from fresh are gone: deleted), and display merged.
func (s *snapshot) with(ids []string, fresh []product.FacetItem, display map[string]product.OptionDisplay) *snapshot {
	drop := make(map[string]bool, len(ids))
	for _, id := range ids {
		drop[id] = true
	}
	items := make([]product.FacetItem, 0, len(s.items)+len(fresh))
	for _, it := range s.items {
		if !drop[it.ID] {
			items = append(items, it)
		}
	}
	items = append(items, fresh...)
	disp := make(map[string]product.OptionDisplay, len(s.display)+len(display))
	for k, v := range s.display {
		disp[k] = v
	}
	for k, v := range display {
		disp[k] = v
	}
	return newSnapshot(items, s.cats, disp)
}
