package store

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// matchesAll is the whole filter in Go: l.matches plus the option filters
// (a product passes one when it has a token of any of its values).
func (l loaded) matchesAll(q genQuery, opts []product.OptionFilter, toks []string, p product.Product) bool {
	if !l.matches(q, p) {
		return false
	}
	for _, o := range opts {
		if !slices.ContainsFunc(o.Values, func(v string) bool {
			return slices.Contains(toks, strings.ToLower(o.Name)+"="+strings.ToLower(v))
		}) {
			return false
		}
	}
	return true
}

// facets computes the expected facets from their definition: each facet
// counts the products matching the filter without its own condition.
func (l loaded) facets(q genQuery, opts []product.OptionFilter, toks map[string][]string, cats []product.Category) product.Facets {
	count := func(q genQuery, opts []product.OptionFilter, and func(p product.Product) bool) int {
		n := 0
		for _, p := range l.products {
			if l.matchesAll(q, opts, toks[p.ID], p) && and(p) {
				n++
			}
		}
		return n
	}
	var f product.Facets
	noCat := q
	noCat.Cat = -1
	for _, c := range cats {
		if n := count(noCat, opts, func(p product.Product) bool { return slices.Contains(l.path[p.CategoryID], c.ID) }); n > 0 {
			f.Categories = append(f.Categories, product.CategoryCount{CategoryID: c.ID, Count: n})
		}
	}
	noPrice := q
	noPrice.Min, noPrice.Max = nil, nil
	for i, lo := range product.PriceBucketBounds {
		hi := int64(1 << 62)
		if i+1 < len(product.PriceBucketBounds) {
			hi = product.PriceBucketBounds[i+1]
		}
		f.PriceBuckets = append(f.PriceBuckets, product.PriceBucket{Min: lo, Count: count(noPrice, opts, func(p product.Product) bool {
			return p.Price.Amount >= lo && p.Price.Amount < hi
		})})
	}
	for _, t := range tagPool {
		if n := count(q, opts, func(p product.Product) bool { return slices.Contains(p.Tags, t) }); n > 0 || slices.Contains(q.Tags, t) {
			f.Tags = append(f.Tags, product.TagCount{Tag: t, Count: n})
		}
	}
	slices.SortFunc(f.Tags, func(a, b product.TagCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Tag, b.Tag))
	})
	all := map[string]bool{}
	for _, ts := range toks {
		for _, t := range ts {
			all[t] = true
		}
	}
	byName := map[string]*product.OptionFacet{}
	for t := range all {
		name, value := product.SplitToken(t)
		others := slices.DeleteFunc(slices.Clone(opts), func(o product.OptionFilter) bool { return strings.ToLower(o.Name) == name })
		n := count(q, others, func(p product.Product) bool { return slices.Contains(toks[p.ID], t) })
		if n == 0 {
			continue
		}
		if byName[name] == nil {
			byName[name] = &product.OptionFacet{Name: name}
		}
		byName[name].Values = append(byName[name].Values, product.OptionValueCount{Value: value, Count: n})
	}
	for _, o := range byName {
		f.Options = append(f.Options, *o)
	}
	noStock := q
	noStock.InStock = 0
	f.InStock = count(noStock, opts, func(p product.Product) bool { return p.Stock > 0 })
	f.OutOfStock = count(noStock, opts, func(p product.Product) bool { return p.Stock == 0 })
	return f
}

// sameFacets compares got with want; options by lower-cased name and
// value regardless of order (display order is checked elsewhere).
func sameFacets(got, want product.Facets) string {
	type cc struct {
		ID string
		N  int
	}
	var gc, wc []cc
	for _, c := range got.Categories {
		gc = append(gc, cc{c.CategoryID, c.Count})
	}
	for _, c := range want.Categories {
		wc = append(wc, cc{c.CategoryID, c.Count})
	}
	if !reflect.DeepEqual(gc, wc) {
		return fmt.Sprintf("categories %v, want %v", gc, wc)
	}
	for i := range want.PriceBuckets {
		if i >= len(got.PriceBuckets) || got.PriceBuckets[i].Count != want.PriceBuckets[i].Count || got.PriceBuckets[i].Min != want.PriceBuckets[i].Min {
			return fmt.Sprintf("price buckets %+v, want %+v", got.PriceBuckets, want.PriceBuckets)
		}
	}
	if len(got.PriceBuckets) != 6 || got.PriceBuckets[5].Max != nil || got.PriceBuckets[0].Max == nil || *got.PriceBuckets[0].Max != 2500 {
		return fmt.Sprintf("price bucket bounds %+v", got.PriceBuckets)
	}
	if !slices.Equal(got.Tags, want.Tags) {
		return fmt.Sprintf("tags %v, want %v", got.Tags, want.Tags)
	}
	flat := func(os []product.OptionFacet) []string {
		var out []string
		for _, o := range os {
			for _, v := range o.Values {
				out = append(out, fmt.Sprintf("%s=%s:%d", strings.ToLower(o.Name), strings.ToLower(v.Value), v.Count))
			}
		}
		slices.Sort(out)
		return out
	}
	if g, w := flat(got.Options), flat(want.Options); !slices.Equal(g, w) {
		return fmt.Sprintf("options %v, want %v", g, w)
	}
	for _, o := range got.Options {
		if o.Name != "Size" && o.Name != "Colour" {
			return fmt.Sprintf("option name %q is not in its display spelling", o.Name)
		}
	}
	if got.InStock != want.InStock || got.OutOfStock != want.OutOfStock {
		return fmt.Sprintf("in/out of stock %d/%d, want %d/%d", got.InStock, got.OutOfStock, want.InStock, want.OutOfStock)
	}
	return ""
}
