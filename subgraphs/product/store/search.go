package store

import (
	"context"
	"strings"
	"unicode"

	"github.com/lib/pq"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// A search is either plain words (what a shopper types in a search box) or
// web-search syntax (quoted phrases, `or`, `-word`). Plain words get the
// search-box treatment; syntax keeps websearch_to_tsquery's exact meaning.
//
// Plain words, in the defined sense of property 5: every result matches
// every word of the search that is not an English stop word
//   - as a stem (English stemming) of its name, category path names or
//     description, or
//   - for the last word only, as the prefix of a word of those texts (the
//     shopper is still typing it), or
//   - for a word that matches no live product in those two ways (a typo)
//     and has at least fuzzyMinLength characters, as a similar word of its
//     name instead (pg_trgm word_similarity >= pg_trgm.word_similarity_threshold,
//     0.6 by default): the typo fallback. Store.typos finds those words
//     with one index probe per word before the listing runs.
//
// Ranking stays full-text: ts_rank over all words' queries, plus a small
// share of the trigram similarity so typo matches still order sensibly.

// fuzzyMinLength is the shortest word that may match by similarity: below
// it, trigrams of a word match too much to be a typo correction.
const fuzzyMinLength = 4

// maxSearchWords bounds the conditions one search adds; a longer search is
// run as web-search syntax (every word as a stem, no prefix, no typos).
const maxSearchWords = 8

// searchWords splits a search into lower-cased words of letters and digits.
// ok is false when the search uses web-search syntax or has too many words.
func searchWords(q string) (words []string, ok bool) {
	for _, f := range strings.Fields(q) {
		if strings.ContainsRune(f, '"') || strings.HasPrefix(f, "-") || strings.EqualFold(f, "or") {
			return nil, false
		}
	}
	words = strings.FieldsFunc(strings.ToLower(q), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) == 0 || len(words) > maxSearchWords {
		return nil, false
	}
	return words, true
}

// searchSQL adds the conditions of search q to c and returns the rank
// expression (float8) for RELEVANCE. typos are the words matched by
// similarity instead of full text (see Store.typos).
func searchSQL(c *conds, q string, typos map[string]bool) (rank string) {
	words, ok := searchWords(q)
	if !ok {
		ts := "websearch_to_tsquery('english', " + c.arg(q) + ")"
		c.and("search @@ " + ts)
		return "ts_rank(search, " + ts + ")::float8"
	}
	var all, args []string
	for i, w := range words {
		last := i == len(words)-1
		if !last && stopWords[w] {
			continue // dropped, as websearch_to_tsquery does
		}
		a := c.arg(w) + "::text"
		args = append(args, a)
		if typos[w] {
			c.and(a + " <% name")
			continue
		}
		ts := "to_tsquery('english', " + a + ")"
		if last {
			ts = "(" + ts + " || to_tsquery('simple', " + c.arg(w+":*") + "::text))"
		}
		all = append(all, ts)
		c.and("search @@ " + ts)
	}
	// Only placeholders the conditions bind: the count query shares them.
	sim := "0.1 * word_similarity(concat_ws(' ', " + strings.Join(args, ", ") + "), name)"
	if len(all) == 0 {
		return "(" + sim + ")::float8"
	}
	return "(ts_rank(search, " + strings.Join(all, " || ") + ") + " + sim + ")::float8"
}

// typos returns the words of search q (plain words only) that match no
// live product by full text and are long enough for the typo fallback.
// Errors: INTERNAL.
func (s *Store) typos(ctx context.Context, q string) (map[string]bool, error) {
	words, ok := searchWords(q)
	if !ok {
		return nil, nil
	}
	var cand, prefixes []string
	for i, w := range words {
		if len([]rune(w)) < fuzzyMinLength || (i < len(words)-1 && stopWords[w]) {
			continue
		}
		cand = append(cand, w)
		p := ""
		if i == len(words)-1 {
			p = w + ":*"
		}
		prefixes = append(prefixes, p)
	}
	if len(cand) == 0 {
		return nil, nil
	}
	var missing []string
	err := s.db.SelectContext(ctx, &missing, `SELECT u.w FROM unnest($1::text[], $2::text[]) AS u(w, p)
		WHERE NOT EXISTS (SELECT 1 FROM product.products WHERE deleted_at IS NULL
			AND search @@ (to_tsquery('english', u.w) || CASE WHEN u.p = '' THEN ''::tsquery ELSE to_tsquery('simple', u.p) END))`,
		pq.Array(cand), pq.Array(prefixes))
	if err != nil {
		return nil, product.InternalError("find typos", err)
	}
	out := make(map[string]bool, len(missing))
	for _, w := range missing {
		out[w] = true
	}
	return out, nil
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
