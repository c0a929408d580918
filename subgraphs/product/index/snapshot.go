package index

import (
	"cmp"
	"slices"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// snapshot is one immutable state of the index. Readers take the current
// pointer and never lock; a change builds a new snapshot and swaps it in,
// so a request sees one consistent catalog from start to end.
//
// Categories, tags and option tokens are numbered, and each product is a
// row of small integers, so a pass over 100,000 products compares
// integers in a contiguous slice instead of hashing strings (measured:
// from ~100 ms to a few ms per facet pass, see BenchmarkIndex).
type snapshot struct {
	items []product.FacetItem // as loaded, for refreshes and cursors
	rows  []row
	pos   map[string]int32 // id -> index in items and rows
	// Pre-sorted positions, one per sort order, so a page is a binary
	// search to the cursor and a walk: byPrice is (price, id) ascending
	// (PRICE_DESC walks it backwards), byRating is (rating, reviews, id)
	// descending, byNewest is (created, id) descending — exactly the SQL
	// ORDER BYs of store/list.go.
	byPrice, byRating, byNewest []int32

	cats    []product.Category // Query.categories order
	catNum  map[string]int32
	tags    []string
	tagNum  map[string]int32
	toks    []string // option_values tokens
	tokNum  map[string]int32
	tokOpt  []int32          // token number -> option name number
	optNum  map[string]int32 // lower-cased option name -> number
	display map[string]product.OptionDisplay
	dead    int // rows of products deleted or changed since the build
	post    posting
	// Full text (lexicon.go): lex was built over the rows of some earlier
	// snapshot with the same numbering; rows changed since are stale
	// there and their current text is in over (nil lex: SQL answers).
	lex   *lexicon
	over  *lexicon
	stale map[int32]bool
}

// maxStale is how many changed rows the overlay lexicon holds before it
// is folded into the lexicon (a variable for tests).
var maxStale = 4096

// row is one product as the filters read it.
type row struct {
	dead  bool // deleted: matches nothing
	price int64
	stock bool    // in stock (stock > 0)
	path  []int32 // category numbers, root first (-1: a category not live)
	tags  []int32
	toks  []int32
}

func newSnapshot(items []product.FacetItem, cats []product.Category, display map[string]product.OptionDisplay) *snapshot {
	s := &snapshot{items: items, cats: cats, display: display, pos: make(map[string]int32, len(items)),
		catNum: make(map[string]int32, len(cats)), tagNum: map[string]int32{}, tokNum: map[string]int32{}, optNum: map[string]int32{}}
	for i, c := range cats {
		s.catNum[c.ID] = int32(i)
	}
	s.rows = make([]row, len(items))
	for i := range items {
		s.pos[items[i].ID] = int32(i)
		s.rows[i] = s.row(&items[i])
	}
	s.byPrice = s.sorted(byPrice)
	s.byRating = s.sorted(byRating)
	s.byNewest = s.sorted(byNewest)
	s.index()
	s.buildLexicon()
	return s
}

// buildLexicon builds lex over every live row from the items' texts, and
// drops the texts (~26 MB at 100,000 products): later lexicons are made
// from this one. A text that does not parse leaves lex nil (full text is
// then asked of PostgreSQL).
func (s *snapshot) buildLexicon() {
	s.lex, s.over, s.stale = nil, nil, nil
	b := newLexBuilder()
	for i := range s.rows {
		if !s.rows[i].dead {
			if err := b.addText(int32(i), s.items[i].Search); err != nil {
				return
			}
		}
	}
	s.lex = b.build()
	for i := range s.items {
		s.items[i].Search = ""
	}
}

// patchLexicon marks the changed rows stale in the inherited lexicon and
// indexes them in the overlay (the old overlay's other rows, and the
// fresh texts); past maxStale it folds both into one lexicon.
func (s *snapshot) patchLexicon(old *snapshot, changed map[int32]bool) {
	if old.lex == nil {
		return // stays nil: SQL answers full text
	}
	s.lex, s.stale = old.lex, clone(old.stale)
	for i := range changed {
		s.stale[i] = true
	}
	b := newLexBuilder()
	b.addLexicon(old.over, func(r int32) (int32, bool) { return r, !changed[r] })
	for i := range changed {
		if !s.rows[i].dead {
			if err := b.addText(i, s.items[i].Search); err != nil {
				s.lex, s.over, s.stale = nil, nil, nil
				return
			}
			s.items[i].Search = ""
		}
	}
	s.over = b.build()
	if len(s.stale) > maxStale {
		s.lex, s.over, s.stale = s.folded(func(r int32) (int32, bool) { return r, true }), nil, nil
	}
}

// folded is s's full text as one lexicon, rows renumbered by to.
func (s *snapshot) folded(to func(r int32) (int32, bool)) *lexicon {
	if s.lex == nil {
		return nil
	}
	b := newLexBuilder()
	b.addLexicon(s.lex, func(r int32) (int32, bool) {
		if s.stale[r] || s.rows[r].dead {
			return 0, false
		}
		return to(r)
	})
	b.addLexicon(s.over, to)
	return b.build()
}

// row numbers an item's categories, tags and tokens.
func (s *snapshot) row(it *product.FacetItem) row {
	r := row{price: it.Price, stock: it.Stock > 0, path: make([]int32, len(it.CategoryPath))}
	for k, c := range it.CategoryPath {
		n, ok := s.catNum[c]
		if !ok {
			n = -1
		}
		r.path[k] = n
	}
	r.tags = make([]int32, 0, len(it.Tags))
	for _, t := range it.Tags {
		r.tags = append(r.tags, s.tag(t))
	}
	r.toks = make([]int32, 0, len(it.Tokens))
	for _, t := range it.Tokens {
		r.toks = append(r.toks, s.tok(t))
	}
	return r
}

func (s *snapshot) tag(t string) int32 {
	n, ok := s.tagNum[t]
	if !ok {
		n = int32(len(s.tags))
		s.tags = append(s.tags, t)
		s.tagNum[t] = n
	}
	return n
}

func (s *snapshot) tok(t string) int32 {
	n, ok := s.tokNum[t]
	if !ok {
		n = int32(len(s.toks))
		s.toks = append(s.toks, t)
		s.tokNum[t] = n
		name, _ := product.SplitToken(t)
		s.tokOpt = append(s.tokOpt, s.opt(name))
	}
	return n
}

func (s *snapshot) opt(name string) int32 {
	n, ok := s.optNum[name]
	if !ok {
		n = int32(len(s.optNum))
		s.optNum[name] = n
	}
	return n
}

func (s *snapshot) sorted(by func(a, b *product.FacetItem) int) []int32 {
	out := make([]int32, len(s.items))
	for i := range out {
		out[i] = int32(i)
	}
	slices.SortFunc(out, func(a, b int32) int { return by(&s.items[a], &s.items[b]) })
	return out
}

// with returns a new snapshot where the products ids are replaced by
// fresh (those missing from fresh are gone: deleted), and display merged.
// It patches instead of rebuilding: a changed product keeps its row
// number, a deleted one leaves a dead row, a new one is appended, and each
// pre-sorted order drops the changed rows and merges them back in, so a
// stock movement at 100,000 products costs a few copies, not three sorts.
// Past a quarter of dead rows it rebuilds from scratch.
func (s *snapshot) with(ids []string, fresh []product.FacetItem, display map[string]product.OptionDisplay) *snapshot {
	disp := make(map[string]product.OptionDisplay, len(s.display)+len(display))
	for k, v := range s.display {
		disp[k] = v
	}
	for k, v := range display {
		disp[k] = v
	}
	n := &snapshot{
		items: slices.Clone(s.items), rows: slices.Clone(s.rows), pos: make(map[string]int32, len(s.pos)+len(fresh)),
		cats: s.cats, catNum: s.catNum, display: disp, dead: s.dead,
		tags: slices.Clone(s.tags), tagNum: clone(s.tagNum), toks: slices.Clone(s.toks), tokNum: clone(s.tokNum),
		tokOpt: slices.Clone(s.tokOpt), optNum: clone(s.optNum),
	}
	for k, v := range s.pos {
		n.pos[k] = v
	}
	changed := map[int32]bool{}
	for _, id := range ids {
		if i, ok := n.pos[id]; ok {
			changed[i] = true
			n.rows[i] = row{dead: true}
			delete(n.pos, id)
			n.dead++
		}
	}
	for _, it := range fresh {
		i, ok := s.pos[it.ID]
		if ok && changed[i] {
			n.dead--
		} else {
			i = int32(len(n.items))
			n.items = append(n.items, product.FacetItem{})
			n.rows = append(n.rows, row{})
			changed[i] = true
		}
		n.items[i] = it
		n.rows[i] = n.row(&it)
		n.pos[it.ID] = i
	}
	n.patchLexicon(s, changed)
	if n.dead > len(n.rows)/4 {
		var live []product.FacetItem
		for i, r := range n.rows {
			if !r.dead {
				live = append(live, n.items[i])
			}
		}
		b := newSnapshot(live, s.cats, disp)
		b.lex = n.folded(func(r int32) (int32, bool) { i, ok := b.pos[n.items[r].ID]; return i, ok })
		return b
	}
	var add []int32
	for i := range changed {
		if !n.rows[i].dead {
			add = append(add, i)
		}
	}
	n.byPrice = n.merge(s.byPrice, changed, add, byPrice)
	n.byRating = n.merge(s.byRating, changed, add, byRating)
	n.byNewest = n.merge(s.byNewest, changed, add, byNewest)
	n.index()
	return n
}

// merge is old without the changed rows, with add merged in by.
func (s *snapshot) merge(old []int32, changed map[int32]bool, add []int32, by func(a, b *product.FacetItem) int) []int32 {
	cmpRows := func(a, b int32) int { return by(&s.items[a], &s.items[b]) }
	slices.SortFunc(add, cmpRows)
	out := make([]int32, 0, len(old)+len(add))
	k := 0
	for _, i := range old {
		if changed[i] {
			continue
		}
		for k < len(add) && cmpRows(add[k], i) < 0 {
			out = append(out, add[k])
			k++
		}
		out = append(out, i)
	}
	return append(out, add[k:]...)
}

func clone[K comparable, V any](m map[K]V) map[K]V {
	out := make(map[K]V, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// The orders, as comparisons of loaded items.
func byPrice(a, b *product.FacetItem) int {
	return cmp.Or(cmp.Compare(a.Price, b.Price), cmp.Compare(a.ID, b.ID))
}

func byRating(a, b *product.FacetItem) int {
	return cmp.Or(cmp.Compare(b.Rating, a.Rating), cmp.Compare(b.Reviews, a.Reviews), cmp.Compare(b.ID, a.ID))
}

func byNewest(a, b *product.FacetItem) int {
	return cmp.Or(cmp.Compare(b.Created, a.Created), cmp.Compare(b.ID, a.ID))
}
