package index

import (
	"fmt"
	"math/rand/v2"
	"reflect"
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
	h := &hits{s: s, in: newBitset(len(s.rows)), rank: map[int32]float64{}}
	for i := range s.rows {
		if r.IntN(3) > 0 {
			h.in.set(i)
			h.rank[int32(i)] = float64(r.IntN(5)) / 10
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

// TestPatchedSnapshotEqualsRebuilt checks that a snapshot patched by with
// (changed, deleted and new products) lists, counts and ranks full-text
// terms exactly like one built from scratch from the same products.
// It runs with the overlay lexicon, with a fold at every change
// (maxStale 30), and ends with a mass deletion (a rebuild of the rows).
func TestPatchedSnapshotEqualsRebuilt(t *testing.T) {
	for _, ms := range []int{maxStale, 30} {
		t.Run(fmt.Sprint("maxStale=", ms), func(t *testing.T) {
			defer func(old int) { maxStale = old }(maxStale)
			maxStale = ms
			patchedEqualsRebuilt(t)
		})
	}
}

func patchedEqualsRebuilt(t *testing.T) {
	s, texts := syntheticTexts(2000)
	r := rand.New(rand.NewPCG(3, 4))
	for round := range 6 {
		var ids []string
		var fresh []product.FacetItem
		changes := 40
		if round == 5 {
			changes = 1500 // a third deleted: with rebuilds
		}
		for range changes {
			it := s.items[r.IntN(len(s.items))]
			if s.rows[s.pos[it.ID]].dead {
				continue
			}
			ids = append(ids, it.ID)
			it.Search = texts[it.ID] // as FacetItems loads it
			switch k := r.IntN(3); {
			case k == 0 || round == 5: // deleted
				delete(texts, it.ID)
			case k == 1: // changed
				it.Price, it.Stock, it.Tags = int64(r.IntN(100000)), r.IntN(3), []string{fmt.Sprintf("t%d", r.IntN(40))}
				it.Tokens = []string{"size=xl"}
				it.Search = randomDoc(r)
				texts[it.ID] = it.Search
				fresh = append(fresh, it)
			case k == 2: // changed, and a new product next to it
				it.Rating = 5
				fresh = append(fresh, it)
				nw := it
				nw.ID = fmt.Sprintf("ffffffff-0000-0000-0000-%012d", round*100+len(fresh))
				nw.Created = 1 << 41
				nw.Search = randomDoc(r)
				texts[nw.ID] = nw.Search
				ids = append(ids, nw.ID)
				fresh = append(fresh, nw)
			}
		}
		s = s.with(ids, fresh, nil)
		var live []product.FacetItem
		for i, row := range s.rows {
			if !row.dead {
				it := s.items[i]
				it.Search = texts[it.ID]
				live = append(live, it)
			}
		}
		b := newSnapshot(live, s.cats, s.display)
		if s.lex == nil || (round < 5 && maxStale > 1000 && (s.over == nil || len(s.stale) == 0)) {
			t.Fatalf("round %d: the patched snapshot has no lexicon or overlay", round)
		}
		for _, items := range [][]queryItem{{{lex: "sa", prefix: true}}, {{lex: "run"}, {lex: "running", prefix: true}}, {{lex: "x"}}, {{lex: "c", prefix: true}}} {
			if a, c := s.rankItems(items), b.rankItems(items); !reflect.DeepEqual(a, c) || len(a) == 0 {
				t.Fatalf("round %d %v: patched and rebuilt ranks differ (%d vs %d matches)", round, items, len(a), len(c))
			}
		}
		for _, f := range []product.Filter{{}, {CategoryID: s.cats[7].ID}, {Tags: []string{"t39"}}, {Options: []product.OptionFilter{{Name: "Size", Values: []string{"XL", "s"}}}}} {
			if a, c := count(s, f, nil), count(b, f, nil); !reflect.DeepEqual(a, c) {
				t.Fatalf("round %d %+v: patched and rebuilt facets differ", round, f)
			}
			for _, o := range []product.Sort{product.SortPriceAsc, product.SortPriceDesc, product.SortRating, product.SortNewest} {
				p := product.ListParams{First: 50, Filter: f, Sort: o}
				pa, ta := walk(s, p, nil)
				pb, tb := walk(b, p, nil)
				if ta != tb || len(pa) != len(pb) {
					t.Fatalf("round %d %s %+v: totals %d/%d pages %d/%d", round, o, f, ta, tb, len(pa), len(pb))
				}
				for k := range pa {
					if s.items[pa[k]].ID != b.items[pb[k]].ID {
						t.Fatalf("round %d %s %+v: row %d differs", round, o, f, k)
					}
				}
			}
		}
	}
}
