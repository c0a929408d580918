package index

import (
	"slices"
	"strings"

	"github.com/google/uuid"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// matcher evaluates a filter's conditions on one row, each on its own,
// because a facet applies every condition but its own. Everything is
// translated to the snapshot's numbers once per request.
type matcher struct {
	f     product.Filter
	in    bitset // search matches by row; nil: no search
	cat   int32  // -1: no category filter
	noCat bool   // the category is unknown: nothing matches
	tags  []int32
	noTag bool // a required tag no product has: nothing matches
	// accept[i] marks the tokens option filter i accepts; names[i] is its
	// option name's number (filters on names no product has get numbers
	// past the snapshot's, one per distinct name).
	accept [][]bool
	names  []int32
}

func newMatcher(s *snapshot, f product.Filter, in bitset) *matcher {
	m := &matcher{f: f, in: in, cat: -1}
	if f.CategoryID != "" {
		n, ok := s.catNum[uuid.MustParse(f.CategoryID).String()] // validated
		m.cat, m.noCat = n, !ok
	}
	for _, t := range f.Tags {
		n, ok := s.tagNum[t]
		if !ok {
			m.noTag = true
		}
		m.tags = append(m.tags, n)
	}
	extra := map[string]int32{}
	for _, o := range f.Options {
		acc := make([]bool, len(s.toks))
		for _, t := range o.OptionTokens() {
			if n, ok := s.tokNum[t]; ok {
				acc[n] = true
			}
		}
		name := strings.ToLower(o.Name)
		n, ok := s.optNum[name]
		if !ok {
			if n, ok = extra[name]; !ok {
				n = int32(len(s.optNum) + len(extra))
				extra[name] = n
			}
		}
		m.accept = append(m.accept, acc)
		m.names = append(m.names, n)
	}
	return m
}

// verdict is which conditions a row meets. optFail counts the option
// filters it fails; failName is the option name of those (when all of
// them share one name, else mixed is true).
type verdict struct {
	search, cat, price, tags, stock bool
	optFail                         int
	failName                        int32
	mixed                           bool
}

func (v verdict) options() bool { return v.optFail == 0 }

// all is the full filter.
func (v verdict) all() bool { return v.search && v.cat && v.price && v.tags && v.stock && v.options() }

// optionsExcept is true when every option filter not on option name holds.
func (v verdict) optionsExcept(name int32) bool {
	return v.optFail == 0 || (!v.mixed && v.failName == name)
}

func (m *matcher) check(i int, r *row) verdict {
	v := verdict{search: true, cat: !m.noCat, price: true, tags: !m.noTag, stock: true}
	if m.in != nil {
		v.search = m.in.has(i)
	}
	if r.dead {
		v.search = false // excluded like a search miss: from every count
	}
	if m.cat >= 0 && v.cat {
		v.cat = slices.Contains(r.path, m.cat)
	}
	if m.f.MinPrice != nil && r.price < *m.f.MinPrice {
		v.price = false
	}
	if m.f.MaxPrice != nil && r.price > *m.f.MaxPrice {
		v.price = false
	}
	if v.tags {
		for _, t := range m.tags {
			if !slices.Contains(r.tags, t) {
				v.tags = false
				break
			}
		}
	}
	if m.f.InStock != nil {
		v.stock = *m.f.InStock == r.stock
	}
	for k, acc := range m.accept {
		ok := false
		for _, t := range r.toks {
			if acc[t] {
				ok = true
				break
			}
		}
		if !ok {
			if v.optFail > 0 && v.failName != m.names[k] {
				v.mixed = true
			}
			v.optFail++
			v.failName = m.names[k]
		}
	}
	return v
}
