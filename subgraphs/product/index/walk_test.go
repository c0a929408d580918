package index

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// TestWalkStrategiesAgree checks that sorting a filter's matches and
// walking a pre-sorted order give the same pages and cursors, for every
// order (RELEVANCE with tied ranks), so the choice between them
// (selectiveShare) is only a matter of speed. The store's property test
// compares the index with SQL on small catalogs, where it mostly walks.
func TestWalkStrategiesAgree(t *testing.T) {
	s := synthetic(3000)
	r := rand.New(rand.NewPCG(7, 8))
	h := &hits{s: s, in: make([]bool, len(s.rows)), rank: make([]float64, len(s.rows))}
	for i := range s.rows {
		if r.IntN(3) > 0 {
			h.in[i], h.rank[i] = true, float64(r.IntN(5))/10
			h.byRank = append(h.byRank, int32(i))
		}
	}
	slices.SortFunc(h.byRank, func(a, b int32) int { return compare(product.SortRelevance, s, h, a, b) })
	lo, hi, yes := int64(20000), int64(60000), true
	filters := []product.Filter{{}, {CategoryID: s.cats[6].ID}, {MinPrice: &lo, MaxPrice: &hi, InStock: &yes},
		{Tags: []string{"t3"}, Options: []product.OptionFilter{{Name: "size", Values: []string{"m", "L"}}}}}
	pages := func(share int, p product.ListParams, h *hits) []string {
		defer func(old int) { selectiveShare = old }(selectiveShare)
		selectiveShare = share
		var out []string
		for range 1000 {
			page, total := walk(s, p, h)
			n := min(len(page), p.First)
			for _, i := range page[:n] {
				out = append(out, cursor(p.Order(), s, h, i).Encode())
			}
			out = append(out, fmt.Sprint(total))
			if len(page) <= p.First {
				return out
			}
			p.After = cursor(p.Order(), s, h, page[n-1]).Encode()
		}
		t.Fatal("too many pages")
		return nil
	}
	for _, f := range filters {
		for _, o := range []product.Sort{product.SortPriceAsc, product.SortPriceDesc, product.SortRating, product.SortNewest, product.SortRelevance} {
			p := product.ListParams{First: 37, Filter: f, Sort: o}
			var hh *hits
			if o == product.SortRelevance {
				p.Filter.Search, hh = "x", h
			}
			if a, b := pages(1, p, hh), pages(1<<30, p, hh); !slices.Equal(a, b) {
				t.Errorf("%s %+v: sorted matches and pre-sorted walk differ (%d vs %d entries)", o, f, len(a), len(b))
			}
		}
	}
}
