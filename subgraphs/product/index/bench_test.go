package index

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/google/uuid"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// synthetic is a catalog shaped like seed-large's: n products over 36
// categories (3 levels), 30 tags, 60% with a Size or Colour option.
func synthetic(n int) *snapshot { s, _ := syntheticTexts(n); return s }

// syntheticTexts is synthetic with each product's tsvector text (the
// snapshot drops them once its lexicon is built).
func syntheticTexts(n int) (*snapshot, map[string]string) {
	r := rand.New(rand.NewPCG(1, 2))
	rs := rand.New(rand.NewPCG(5, 6)) // documents (tsrank_test.go's randomDoc)
	var cats []product.Category
	paths := [][]string{}
	for i := range 36 {
		id := uuid.NewSHA1(uuid.NameSpaceOID, fmt.Appendf(nil, "c%d", i)).String()
		cats = append(cats, product.Category{ID: id, Name: fmt.Sprintf("c%d", i)})
		switch {
		case i < 4:
			paths = append(paths, []string{id})
		case i < 12:
			paths = append(paths, append(append([]string{}, paths[i%4]...), id))
		default:
			paths = append(paths, append(append([]string{}, paths[4+i%8]...), id))
		}
	}
	items := make([]product.FacetItem, n)
	texts := make(map[string]string, n)
	for i := range items {
		it := product.FacetItem{
			ID:           uuid.NewSHA1(uuid.NameSpaceOID, fmt.Appendf(nil, "p%d", i)).String(),
			CategoryPath: paths[12+r.IntN(24)],
			Price:        int64(r.IntN(100000)),
			Tags:         []string{fmt.Sprintf("t%d", r.IntN(30)), fmt.Sprintf("t%d", r.IntN(30))},
			Stock:        r.IntN(20),
			Rating:       float64(r.IntN(50)) / 10,
			Reviews:      r.IntN(200),
			Created:      int64(r.IntN(1 << 40)),
			Search:       randomDoc(rs),
		}
		switch d := r.IntN(10); {
		case d < 3:
			it.Tokens = []string{"size=s", "size=m", "size=l"}[:1+r.IntN(3)]
		case d < 6:
			it.Tokens = []string{"colour=black", "colour=white", "colour=blue"}[:1+r.IntN(3)]
		}
		items[i] = it
		texts[it.ID] = it.Search
	}
	return newSnapshot(items, cats, map[string]product.OptionDisplay{}), texts
}

// BenchmarkIndex measures the in-memory part of a request at 100,000
// products: the facet pass and the listing walk (total + page), without
// the search (PostgreSQL, cached per text) and the page's rows (one query).
func BenchmarkIndex(b *testing.B) {
	s := synthetic(100_000)
	cat := s.cats[5].ID
	lo, hi := int64(2500), int64(20000)
	yes := true
	filters := map[string]product.Filter{
		"none":      {},
		"category":  {CategoryID: cat},
		"all":       {CategoryID: cat, MinPrice: &lo, MaxPrice: &hi, Tags: []string{"t3"}, InStock: &yes, Options: []product.OptionFilter{{Name: "Size", Values: []string{"M"}}}},
		"price+tag": {MinPrice: &lo, MaxPrice: &hi, Tags: []string{"t7"}},
	}
	for name, f := range filters {
		b.Run("facets/"+name, func(b *testing.B) {
			for b.Loop() {
				count(s, f, nil)
			}
		})
		b.Run("listing/"+name, func(b *testing.B) {
			p := product.ListParams{First: 20, Filter: f, Sort: product.SortPriceAsc}
			for b.Loop() {
				walk(s, p, nil)
			}
		})
	}
	b.Run("build", func(b *testing.B) {
		for b.Loop() {
			newSnapshot(s.items, s.cats, s.display)
		}
	})
}
