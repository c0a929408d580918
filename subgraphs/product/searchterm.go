package product

import (
	"strings"
	"unicode"
)

// SearchTerm is one word of a plain-words search as the store matches it
// (see store/search.go for the meaning): the last word is also a prefix.
// A search's rank is the sum of its terms' ranks, in term order, so the
// catalog index can cache matches per term and still rank exactly like
// the SQL listing.
type SearchTerm struct {
	Word string // lower-case letters and digits
	Last bool
}

// Key identifies the term in caches.
func (t SearchTerm) Key() string {
	if t.Last {
		return t.Word + "*"
	}
	return t.Word
}

// MaxSearchWords bounds the terms of one search; a longer search is run as
// web-search syntax (every word as a stem, no prefix, no typos).
const MaxSearchWords = 8

// SearchTerms splits a search (SearchText) into its terms: lower-cased
// words of letters and digits, English stop words dropped except the last
// word. ok is false when the search uses web-search syntax (a quote, `or`,
// `-word`) or has more than MaxSearchWords words: it is then matched by
// websearch_to_tsquery as a whole.
func SearchTerms(q string) (terms []SearchTerm, ok bool) {
	for _, f := range strings.Fields(q) {
		if strings.ContainsRune(f, '"') || strings.HasPrefix(f, "-") || strings.EqualFold(f, "or") {
			return nil, false
		}
	}
	words := strings.FieldsFunc(strings.ToLower(q), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) == 0 || len(words) > MaxSearchWords {
		return nil, false
	}
	for i, w := range words {
		last := i == len(words)-1
		if !last && stopWords[w] {
			continue // dropped, as websearch_to_tsquery does
		}
		terms = append(terms, SearchTerm{Word: w, Last: last})
	}
	return terms, true
}

// stopWords is PostgreSQL's English stop list (tsearch_data/english.stop):
// to_tsquery('english', w) is empty for them, and an empty query matches
// nothing, so they are dropped like websearch_to_tsquery drops them.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`i me my myself we our ours ourselves you your yours yourself
	yourselves he him his himself she her hers herself it its itself they them their theirs
	themselves what which who whom this that these those am is are was were be been being have
	has had having do does did doing a an the and but if or because as until while of at by for
	with about against between into through during before after above below to from up down in
	out on off over under again further then once here there when where why how all any both
	each few more most other some such no nor not only own same so than too very s t can will
	just don should now`) {
		m[w] = true
	}
	return m
}()
