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
	h, err := x.hits(ctx, s, f)
	if err != nil {
		return product.Facets{}, err
	}
	return count(s, f, h), nil
}

// count computes the facets with bitsets: each count is the popcount of
// the AND of the filter's other conditions with one value's posting.
func count(s *snapshot, f product.Filter, h *hits) product.Facets {
	c := newConds(s, f, h)
	p := &s.post
	opts := c.options(c.search, -1) // the search and every option filter
	x := andAll(opts, c.price, c.tags, c.stock)
	cats := make([]int, len(s.cats))
	for i := range cats {
		cats[i] = x.countAnd(p.cats[i])
	}
	y := andAll(opts, c.cat, c.tags, c.stock)
	buckets := make([]int, len(product.PriceBucketBounds))
	for b := range buckets {
		buckets[b] = y.countAnd(p.buckets[b])
	}
	all := andAll(opts, c.cat, c.price, c.tags, c.stock)
	tags := make([]int, len(s.tags))
	for t := range tags {
		tags[t] = all.countAnd(p.tags[t])
	}
	base := andAll(c.search, c.cat, c.price, c.tags, c.stock)
	byName := map[int32]bitset{}
	toks := make([]int, len(s.toks))
	for t := range toks {
		name := s.tokOpt[t]
		z, ok := byName[name]
		if !ok {
			z = c.options(base, name)
			byName[name] = z
		}
		toks[t] = z.countAnd(p.toks[t])
	}
	w := andAll(opts, c.cat, c.price, c.tags)
	inStock := w.countAnd(p.inStock)
	out := w.count() - inStock
	fc := product.Facets{InStock: inStock, OutOfStock: out, Categories: []product.CategoryCount{}}
	for i, c := range s.cats {
		if n := cats[i]; n > 0 {
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
	tagCounts := map[string]int{}
	for i, n := range tags {
		if n > 0 {
			tagCounts[s.tags[i]] = n
		}
	}
	fc.Tags = tagFacets(tagCounts, f.Tags)
	tokCounts := map[string]int{}
	for i, n := range toks {
		if n > 0 {
			tokCounts[s.toks[i]] = n
		}
	}
	fc.Options = optionFacets(tokCounts, s.display)
	return fc
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
