package index

import (
	"sort"
	"strings"

	"github.com/google/uuid"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// conds are a filter's conditions as bitsets over one snapshot's rows,
// each on its own, because a facet applies every condition but its own.
// Absent conditions are the live rows.
type conds struct {
	search, cat, price, tags, stock bitset
	opts                            []bitset // one per option filter
	names                           []int32  // option name number per filter
}

func newConds(s *snapshot, f product.Filter, h *hits) *conds {
	p := &s.post
	c := &conds{search: p.alive, cat: p.alive, price: p.alive, tags: p.alive, stock: p.alive}
	empty := newBitset(len(s.rows))
	if h != nil {
		c.search = andAll(h.in, p.alive)
	}
	if f.CategoryID != "" {
		c.cat = empty
		if n, ok := s.catNum[uuid.MustParse(f.CategoryID).String()]; ok { // validated
			c.cat = p.cats[n]
		}
	}
	if f.MinPrice != nil || f.MaxPrice != nil {
		// A price range is a contiguous run of the price order.
		c.price = newBitset(len(s.rows))
		lo, hi := 0, len(s.byPrice)
		if f.MinPrice != nil {
			lo = sort.Search(len(s.byPrice), func(k int) bool { return s.items[s.byPrice[k]].Price >= *f.MinPrice })
		}
		if f.MaxPrice != nil {
			hi = sort.Search(len(s.byPrice), func(k int) bool { return s.items[s.byPrice[k]].Price > *f.MaxPrice })
		}
		for k := lo; k < hi; k++ {
			c.price.set(int(s.byPrice[k]))
		}
	}
	if len(f.Tags) > 0 {
		c.tags = p.alive.clone()
		for _, t := range f.Tags {
			n, ok := s.tagNum[t]
			if !ok {
				c.tags = empty
				break
			}
			c.tags.and(p.tags[n])
		}
	}
	if f.InStock != nil {
		c.stock = p.inStock
		if !*f.InStock {
			c.stock = p.alive.clone()
			for i, w := range p.inStock {
				c.stock[i] &^= w
			}
		}
	}
	extra := map[string]int32{}
	for _, o := range f.Options {
		b := newBitset(len(s.rows))
		for _, t := range o.OptionTokens() {
			if n, ok := s.tokNum[t]; ok {
				b.or(p.toks[n])
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
		c.opts = append(c.opts, b)
		c.names = append(c.names, n)
	}
	return c
}

// all is the rows meeting every condition.
func (c *conds) all() bitset {
	return andAll(c.search, append([]bitset{c.cat, c.price, c.tags, c.stock}, c.opts...)...)
}

// options is the rows meeting every option filter not on option name
// (-1: every option filter).
func (c *conds) options(base bitset, name int32) bitset {
	out := base.clone()
	for k, b := range c.opts {
		if c.names[k] != name {
			out.and(b)
		}
	}
	return out
}
