package index

import (
	"math/bits"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// bitset is a set of row numbers, one bit per row of a snapshot. Facet
// counts are popcounts of ANDs of these: at 100,000 products a bitset is
// 1,563 words, and an AND with a count takes a microsecond or two.
type bitset []uint64

func newBitset(n int) bitset    { return make(bitset, (n+63)/64) }
func (b bitset) set(i int)      { b[i/64] |= 1 << (i % 64) }
func (b bitset) has(i int) bool { return b[i/64]&(1<<(i%64)) != 0 }
func (b bitset) clone() bitset  { return append(bitset(nil), b...) }

// and keeps in b only the rows also in o.
func (b bitset) and(o bitset) {
	for i := range b {
		b[i] &= o[i]
	}
}

// or adds o's rows to b.
func (b bitset) or(o bitset) {
	for i := range b {
		b[i] |= o[i]
	}
}

// count is the number of rows in b.
func (b bitset) count() int {
	n := 0
	for _, w := range b {
		n += bits.OnesCount64(w)
	}
	return n
}

// countAnd is the number of rows in both b and o.
func (b bitset) countAnd(o bitset) int {
	n := 0
	for i, w := range b {
		n += bits.OnesCount64(w & o[i])
	}
	return n
}

// each calls fn for every row in b, in row order.
func (b bitset) each(fn func(i int32)) {
	for k, w := range b {
		for w != 0 {
			t := bits.TrailingZeros64(w)
			fn(int32(k*64 + t))
			w &= w - 1
		}
	}
}

// and of many: the rows in all of sets (a copy; sets are not changed).
func andAll(first bitset, rest ...bitset) bitset {
	out := first.clone()
	for _, o := range rest {
		out.and(o)
	}
	return out
}

// posting are a snapshot's precomputed bitsets: the live rows, each
// category's subtree, each tag, each option token, each price bucket and
// the rows in stock.
type posting struct {
	alive   bitset
	cats    []bitset
	tags    []bitset
	toks    []bitset
	buckets []bitset
	inStock bitset
}

// index computes the postings from the rows (a few ms at 100,000 rows;
// patched snapshots recompute them too, which keeps them simple).
func (s *snapshot) index() {
	n := len(s.rows)
	mk := func(k int) []bitset {
		out := make([]bitset, k)
		for i := range out {
			out[i] = newBitset(n)
		}
		return out
	}
	p := posting{alive: newBitset(n), cats: mk(len(s.cats)), tags: mk(len(s.tags)), toks: mk(len(s.toks)),
		buckets: mk(len(product.PriceBucketBounds)), inStock: newBitset(n)}
	for i := range s.rows {
		r := &s.rows[i]
		if r.dead {
			continue
		}
		p.alive.set(i)
		for _, c := range r.path {
			if c >= 0 {
				p.cats[c].set(i)
			}
		}
		for _, t := range r.tags {
			p.tags[t].set(i)
		}
		for _, t := range r.toks {
			p.toks[t].set(i)
		}
		p.buckets[bucket(r.price)].set(i)
		if r.stock {
			p.inStock.set(i)
		}
	}
	s.post = p
}
