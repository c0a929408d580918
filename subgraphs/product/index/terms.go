package index

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// queryItem is one operand of a term's tsquery: a lexeme, or with prefix
// every lexeme that starts with it.
type queryItem struct {
	lex    string
	prefix bool
}

// termItems are a word's query items as PostgreSQL spells them, asked once
// per word (no table access) and kept: to_tsquery('english', w) and
// to_tsquery('simple', w:*) as text.
type termItems struct{ english, prefix string }

// maxCachedWords bounds the word cache (hostile input could grow it
// forever); past it the cache starts over.
const maxCachedWords = 100_000

type wordCache struct {
	mu sync.Mutex
	m  map[string]termItems
}

func (c *wordCache) get(ctx context.Context, src product.CatalogSource, word string) (termItems, error) {
	c.mu.Lock()
	ti, ok := c.m[word]
	c.mu.Unlock()
	if ok {
		return ti, nil
	}
	e, p, err := src.TermQueries(ctx, word)
	if err != nil {
		return termItems{}, err
	}
	ti = termItems{e, p}
	c.mu.Lock()
	if c.m == nil || len(c.m) >= maxCachedWords {
		c.m = map[string]termItems{}
	}
	c.m[word] = ti
	c.mu.Unlock()
	return ti, nil
}

// parseItem reads a tsquery's text when it is one operand ('lex' or
// 'lex':*) or empty (a stop word); ok is false for anything else (several
// lexemes, as for t-shirt), which PostgreSQL then answers.
func parseItem(q string) (it queryItem, empty, ok bool) {
	if q == "" {
		return it, true, true
	}
	if len(q) < 2 || q[0] != '\'' {
		return it, false, false
	}
	var b strings.Builder
	i := 1
	for {
		if i >= len(q) {
			return it, false, false
		}
		c := q[i]
		if c == '\'' {
			if i+1 < len(q) && q[i+1] == '\'' {
				b.WriteByte('\'')
				i += 2
				continue
			}
			i++
			break
		}
		if c == '\\' && i+1 < len(q) {
			i++
			c = q[i]
		}
		b.WriteByte(c)
		i++
	}
	switch q[i:] {
	case "":
		return queryItem{lex: b.String()}, false, true
	case ":*":
		return queryItem{lex: b.String(), prefix: true}, false, true
	}
	return it, false, false
}

// items returns the unique query items of term t sorted as tsrank.c's
// SortAndUniqItems leaves them: by lexeme, operands of equal lexemes
// merged (by string only; of `'sa' | 'sa':*` the right operand, the
// prefix, survives, as measured on PostgreSQL 15). ok is false when the
// term is not made of single operands.
func termQueryItems(ti termItems, last bool) (items []queryItem, ok bool) {
	e, eEmpty, ok := parseItem(ti.english)
	if !ok || e.prefix {
		return nil, false
	}
	if !eEmpty {
		items = append(items, e)
	}
	if last {
		p, pEmpty, ok := parseItem(ti.prefix)
		if !ok || (!pEmpty && !p.prefix) {
			return nil, false
		}
		if !pEmpty {
			if len(items) == 1 && items[0].lex == p.lex {
				items[0] = p
			} else {
				items = append(items, p)
			}
		}
	}
	if len(items) == 0 {
		return nil, false // an empty query: PostgreSQL answers (matches nothing)
	}
	slices.SortFunc(items, func(a, b queryItem) int { return strings.Compare(a.lex, b.lex) })
	return items, true
}

// termRanks matches and ranks one term from s's lexicon exactly as
// store.SearchTerm does in SQL (not cached: a few milliseconds at most);
// a term it cannot answer exactly (several lexemes, a stop word alone, no
// full-text match: the typo fallback, or no lexicon) is asked of
// PostgreSQL and cached until the next change.
func (x *Index) termRanks(ctx context.Context, s *snapshot, t product.SearchTerm) (map[string]float64, error) {
	if s != nil && s.lex != nil {
		ti, err := x.words.get(ctx, x.src, t.Word)
		if err != nil {
			return nil, err
		}
		if items, ok := termQueryItems(ti, t.Last); ok {
			out := s.rankItems(items)
			if len(out) > 0 || len([]rune(t.Word)) < fuzzyMinLength {
				return out, nil
			}
			// else a typo: matched by similarity in SQL
		}
	}
	r, err := x.load(ctx, "term:"+t.Key(), func(ctx context.Context) (map[string]float64, error) {
		return x.src.SearchTerm(ctx, t)
	})
	if err != nil {
		return nil, err
	}
	return r.ranks, nil
}

// fuzzyMinLength is store/search.go's: shorter words are never typos.
const fuzzyMinLength = 4

// rankItems is calc_rank_or over every live row of s: each item in order,
// each lexeme it matches in byte order, each entry added to its row.
func (s *snapshot) rankItems(items []queryItem) map[string]float64 {
	res := make([]float32, len(s.rows))
	seen := newBitset(len(s.rows))
	var order []int32 // rows in first-touch order
	add := func(l *lexicon, skipStale bool) {
		if l == nil {
			return
		}
		for _, it := range items {
			lo, hi := l.span(it.lex, it.prefix)
			for i := lo; i < hi; i++ {
				for _, p := range l.postings(i) {
					if skipStale && s.stale[p.row] {
						continue
					}
					if !seen.has(int(p.row)) {
						seen.set(int(p.row))
						order = append(order, p.row)
					}
					res[p.row] = addEntry(res[p.row], p.inner)
				}
			}
		}
	}
	add(s.lex, true)
	add(s.over, false)
	out := make(map[string]float64, len(order))
	for _, r := range order {
		if !s.rows[r].dead {
			out[s.items[r].ID] = finishRank(res[r], len(items))
		}
	}
	return out
}
