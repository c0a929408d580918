package index

import (
	"errors"
	"slices"
	"strings"
)

// lexicon is the full text of a set of rows in memory: every distinct
// lexeme of their tsvectors (products.search), sorted, with its postings
// in row order. A posting keeps only what ts_rank reads of the entry
// (tsrank.go): its weighted-position term, so 100,000 products of ~30
// lexemes cost ~24 MB instead of a query per new search word.
type lexicon struct {
	lex   []string
	start []int32 // postings of lex[i] are post[start[i]:start[i+1]]
	post  []lexPosting
}

type lexPosting struct {
	row   int32
	inner float32 // entryInner of the entry's weights
}

// lexBuilder gathers postings by lexeme, from tsvector texts and from
// other lexicons (renumbered), so a snapshot need not keep the texts.
type lexBuilder struct {
	byLex map[string][]lexPosting
	ws    []uint8
}

func newLexBuilder() *lexBuilder { return &lexBuilder{byLex: map[string][]lexPosting{}} }

// addText adds row's tsvector text; a text that does not parse is an
// error (the caller then leaves every term to SQL).
func (b *lexBuilder) addText(row int32, text string) error {
	return parseTSVector(text, &b.ws, func(lex string, ws []uint8) {
		b.byLex[lex] = append(b.byLex[lex], lexPosting{row: row, inner: entryInner(ws)})
	})
}

// addLexicon adds l's postings of the rows to keeps, renumbered by it.
func (b *lexBuilder) addLexicon(l *lexicon, to func(row int32) (int32, bool)) {
	if l == nil {
		return
	}
	for i, lex := range l.lex {
		for _, p := range l.postings(i) {
			if r, ok := to(p.row); ok {
				b.byLex[lex] = append(b.byLex[lex], lexPosting{row: r, inner: p.inner})
			}
		}
	}
}

func (b *lexBuilder) build() *lexicon {
	l := &lexicon{lex: make([]string, 0, len(b.byLex)), start: make([]int32, 0, len(b.byLex)+1)}
	total := 0
	for k, p := range b.byLex {
		l.lex = append(l.lex, k)
		total += len(p)
	}
	slices.Sort(l.lex) // byte order: tsvector's order (tsCompareString)
	l.post = make([]lexPosting, 0, total)
	for _, k := range l.lex {
		l.start = append(l.start, int32(len(l.post)))
		l.post = append(l.post, b.byLex[k]...)
	}
	l.start = append(l.start, int32(len(l.post)))
	return l
}

// span returns the lexeme numbers [lo, hi) an item matches: the lexeme
// itself, or with prefix every lexeme starting with it.
func (l *lexicon) span(lex string, prefix bool) (lo, hi int) {
	lo, found := slices.BinarySearch(l.lex, lex)
	if !prefix {
		if found {
			return lo, lo + 1
		}
		return lo, lo
	}
	hi = lo
	for hi < len(l.lex) && strings.HasPrefix(l.lex[hi], lex) {
		hi++
	}
	return lo, hi
}

func (l *lexicon) postings(i int) []lexPosting { return l.post[l.start[i]:l.start[i+1]] }

var errTSVector = errors.New("index: unexpected tsvector text")

// parseTSVector calls fn for each entry of a tsvector's text output
// ('lex':1A,2 ...), with its weights in position order (0 = D .. 3 = A);
// an entry without positions is PostgreSQL's POSNULL: one weight D.
func parseTSVector(s string, buf *[]uint8, fn func(lex string, ws []uint8)) error {
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == ' ' {
			i++
			continue
		}
		if s[i] != '\'' {
			return errTSVector
		}
		b.Reset()
		i++
		for {
			if i >= len(s) {
				return errTSVector
			}
			c := s[i]
			if c == '\'' {
				if i+1 < len(s) && s[i+1] == '\'' {
					b.WriteByte('\'')
					i += 2
					continue
				}
				i++
				break
			}
			if c == '\\' && i+1 < len(s) {
				i++
				c = s[i]
			}
			b.WriteByte(c)
			i++
		}
		ws := (*buf)[:0]
		if i < len(s) && s[i] == ':' {
			i++
			for {
				d := i
				for i < len(s) && s[i] >= '0' && s[i] <= '9' {
					i++
				}
				if d == i {
					return errTSVector
				}
				w := uint8(0)
				if i < len(s) && s[i] >= 'A' && s[i] <= 'D' {
					w = 'D' - s[i]
					i++
				}
				ws = append(ws, w)
				if i < len(s) && s[i] == ',' {
					i++
					continue
				}
				break
			}
		} else {
			ws = append(ws, 0)
		}
		if i < len(s) && s[i] != ' ' {
			return errTSVector
		}
		*buf = ws
		fn(b.String(), ws)
	}
	return nil
}
