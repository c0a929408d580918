package index

import (
	"slices"

	"github.com/google/uuid"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// matcher evaluates a filter's conditions on one item, each on its own,
// because a facet applies every condition but its own.
type matcher struct {
	f       product.Filter
	ranks   map[string]float64 // nil: no search
	options [][]string         // tokens accepted per option filter
	names   []string           // lower-cased option name per option filter
}

func newMatcher(f product.Filter, ranks map[string]float64) *matcher {
	if f.CategoryID != "" {
		f.CategoryID = uuid.MustParse(f.CategoryID).String() // validated
	}
	m := &matcher{f: f, ranks: ranks}
	for _, o := range f.Options {
		toks := o.OptionTokens()
		m.options = append(m.options, toks)
		name, _ := product.SplitToken(toks[0]) // validated: at least one value
		m.names = append(m.names, name)
	}
	return m
}

// verdict is which conditions an item meets. optFail counts the option
// filters it fails; failName is the option name of those (when all of
// them share one name, else mixed is true).
type verdict struct {
	search, cat, price, tags, stock bool
	optFail                         int
	failName                        string
	mixed                           bool
}

func (v verdict) options() bool { return v.optFail == 0 }

// all is the full filter.
func (v verdict) all() bool { return v.search && v.cat && v.price && v.tags && v.stock && v.options() }

// optionsExcept is true when every option filter not on option name holds.
func (v verdict) optionsExcept(name string) bool {
	return v.optFail == 0 || (!v.mixed && v.failName == name)
}

func (m *matcher) check(it *product.FacetItem) verdict {
	v := verdict{search: true, cat: true, price: true, tags: true, stock: true}
	if m.ranks != nil {
		_, v.search = m.ranks[it.ID]
	}
	if m.f.CategoryID != "" {
		v.cat = slices.Contains(it.CategoryPath, m.f.CategoryID)
	}
	if m.f.MinPrice != nil && it.Price < *m.f.MinPrice {
		v.price = false
	}
	if m.f.MaxPrice != nil && it.Price > *m.f.MaxPrice {
		v.price = false
	}
	for _, t := range m.f.Tags {
		if !slices.Contains(it.Tags, t) {
			v.tags = false
			break
		}
	}
	if m.f.InStock != nil {
		v.stock = *m.f.InStock == (it.Stock > 0)
	}
	for i, toks := range m.options {
		if !slices.ContainsFunc(toks, func(t string) bool { return slices.Contains(it.Tokens, t) }) {
			if v.optFail > 0 && v.failName != m.names[i] {
				v.mixed = true
			}
			v.optFail++
			v.failName = m.names[i]
		}
	}
	return v
}
