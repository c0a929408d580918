package index

import (
	"cmp"
	"context"
	"slices"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// maxTagFacets is how many tags the facets list (plus the filter's own).
const maxTagFacets = 30

// Facets computes the facets of a filter in one pass over the snapshot:
// each facet counts the items meeting every condition but its own (for
// tags, whose filter is AND, every condition: the count of a tag is what
// adding it would yield). It waits for the first build. Errors: INVALID,
// INTERNAL.
func (x *Index) Facets(ctx context.Context, f product.Filter) (product.Facets, error) {
	if err := (product.ListParams{First: 1, Filter: f}).Validate(); err != nil {
		return product.Facets{}, err
	}
	s, err := x.wait(ctx)
	if err != nil {
		return product.Facets{}, err
	}
	ranks, err := x.ranks(ctx, f)
	if err != nil {
		return product.Facets{}, err
	}
	m := newMatcher(f, ranks)
	cats := map[string]int{}
	tags := map[string]int{}
	toks := map[string]int{}
	buckets := make([]int, len(product.PriceBucketBounds))
	var in, out int
	for i := range s.items {
		it := &s.items[i]
		v := m.check(it)
		if !v.search {
			continue
		}
		rest := v.tags && v.options() // conditions every facet but tags/options applies
		if rest && v.price && v.stock {
			for _, c := range it.CategoryPath {
				cats[c]++
			}
		}
		if rest && v.cat && v.stock {
			buckets[bucket(it.Price)]++
		}
		if v.all() {
			for _, t := range it.Tags {
				tags[t]++
			}
		}
		if v.cat && v.price && v.tags && v.stock {
			for _, t := range it.Tokens {
				if name, _ := product.SplitToken(t); v.optionsExcept(name) {
					toks[t]++
				}
			}
		}
		if rest && v.cat && v.price {
			if it.Stock > 0 {
				in++
			} else {
				out++
			}
		}
	}
	fc := product.Facets{InStock: in, OutOfStock: out, Categories: []product.CategoryCount{}}
	for _, c := range s.cats {
		if n := cats[c.ID]; n > 0 {
			fc.Categories = append(fc.Categories, product.CategoryCount{CategoryID: c.ID, Count: n, Category: c})
		}
	}
	for i, lo := range product.PriceBucketBounds {
		b := product.PriceBucket{Min: lo, Count: buckets[i]}
		if i+1 < len(product.PriceBucketBounds) {
			hi := product.PriceBucketBounds[i+1]
			b.Max = &hi
		}
		fc.PriceBuckets = append(fc.PriceBuckets, b)
	}
	fc.Tags = tagFacets(tags, f.Tags)
	fc.Options = optionFacets(toks, s.display)
	return fc, nil
}

// bucket is the index of the price bucket holding price.
func bucket(price int64) int {
	b := 0
	for i, lo := range product.PriceBucketBounds {
		if price >= lo {
			b = i
		}
	}
	return b
}

// tagFacets: most frequent first (ties by name), at most maxTagFacets,
// then the filter's tags that are not listed yet (count possibly 0).
func tagFacets(counts map[string]int, selected []string) []product.TagCount {
	out := make([]product.TagCount, 0, len(counts))
	for t, n := range counts {
		out = append(out, product.TagCount{Tag: t, Count: n})
	}
	slices.SortFunc(out, func(a, b product.TagCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Tag, b.Tag))
	})
	out = out[:min(len(out), maxTagFacets)]
	for _, t := range selected {
		if !slices.ContainsFunc(out, func(c product.TagCount) bool { return c.Tag == t }) {
			out = append(out, product.TagCount{Tag: t, Count: counts[t]})
		}
	}
	return out
}

// optionFacets groups token counts by option name (ordered by lower-cased
// name), values in display position order, then by value.
func optionFacets(counts map[string]int, display map[string]product.OptionDisplay) []product.OptionFacet {
	type val struct {
		product.OptionValueCount
		pos int
	}
	byName := map[string][]val{}
	names := map[string]string{}
	for tok, n := range counts {
		name, value := product.SplitToken(tok)
		d, ok := display[tok]
		if !ok {
			d = product.OptionDisplay{Name: name, Value: value}
		}
		if _, seen := names[name]; !seen || d.Name < names[name] {
			names[name] = d.Name
		}
		byName[name] = append(byName[name], val{product.OptionValueCount{Value: d.Value, Count: n}, d.Position})
	}
	keys := make([]string, 0, len(byName))
	for k := range byName {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]product.OptionFacet, 0, len(keys))
	for _, k := range keys {
		vals := byName[k]
		slices.SortFunc(vals, func(a, b val) int { return cmp.Or(cmp.Compare(a.pos, b.pos), cmp.Compare(a.Value, b.Value)) })
		of := product.OptionFacet{Name: names[k], Values: make([]product.OptionValueCount, len(vals))}
		for i, v := range vals {
			of.Values[i] = v.OptionValueCount
		}
		out = append(out, of)
	}
	return out
}
