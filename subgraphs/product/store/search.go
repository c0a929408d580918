package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/jmoiron/sqlx"
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
//     name instead (pg_trgm word_similarity >= typoThreshold, set as
//     pg_trgm.word_similarity_threshold for the statement): the typo
//     fallback. Store.typos finds those words with one index probe per
//     word before the listing runs.
//
// The rank is the sum, in word order, of each term's rank: ts_rank of its
// full-text query, or a tenth of its trigram similarity for a typo. A sum
// of per-term ranks is what lets the catalog index cache matches per term
// (SearchTerm) and rank exactly as this SQL does.

// fuzzyMinLength is the shortest word that may match by similarity: below
// it, trigrams of a word match too much to be a typo correction.
const fuzzyMinLength = 4

// typoThreshold is the word similarity a typo needs: "snekers" is 0.55
// similar to "Sneakers" and pg_trgm's default (0.6) would miss it.
const typoThreshold = "0.5"

// setTypoThreshold sets typoThreshold for the rest of tx, when a search
// has typos (only then does a statement use the <% operator).
func setTypoThreshold(ctx context.Context, tx *sqlx.Tx, typos map[string]bool) error {
	if len(typos) == 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `SET LOCAL pg_trgm.word_similarity_threshold = `+typoThreshold); err != nil {
		return product.InternalError("set typo threshold", err)
	}
	return nil
}

// searchSQL adds the conditions of search q to c and returns the rank
// expression (float8) for RELEVANCE. typos are the terms (by Key) matched
// by similarity instead of full text (see Store.typos).
func searchSQL(c *conds, q string, typos map[string]bool) (rank string) {
	terms, ok := product.SearchTerms(q)
	if !ok {
		ts := "websearch_to_tsquery('english', " + c.arg(q) + ")"
		c.and("search @@ " + ts)
		return "ts_rank(search, " + ts + ")::float8"
	}
	var ranks []string
	for _, t := range terms {
		cond, r := termSQL(c, t, typos[t.Key()])
		c.and(cond)
		ranks = append(ranks, r)
	}
	return "(" + strings.Join(ranks, " + ") + ")"
}

// termSQL is one term's condition and rank (float8).
func termSQL(c *conds, t product.SearchTerm, typo bool) (cond, rank string) {
	a := c.arg(t.Word) + "::text"
	if typo {
		return a + " <% name", "(0.1::float8 * word_similarity(" + a + ", name)::float8)"
	}
	ts := "to_tsquery('english', " + a + ")"
	if t.Last {
		ts = "(" + ts + " || to_tsquery('simple', " + c.arg(t.Word+":*") + "::text))"
	}
	return "search @@ " + ts, "ts_rank(search, " + ts + ")::float8"
}

// typos returns the terms (by Key) of search q that match no live product
// by full text and are long enough for the typo fallback. Errors: INTERNAL.
func (s *Store) typos(ctx context.Context, q string) (map[string]bool, error) {
	terms, ok := product.SearchTerms(q)
	if !ok {
		return nil, nil
	}
	var cand, prefixes, keys []string
	for _, t := range terms {
		if len([]rune(t.Word)) < fuzzyMinLength {
			continue
		}
		cand, keys = append(cand, t.Word), append(keys, t.Key())
		p := ""
		if t.Last {
			p = t.Word + ":*"
		}
		prefixes = append(prefixes, p)
	}
	if len(cand) == 0 {
		return nil, nil
	}
	var missing []string
	err := s.db.SelectContext(ctx, &missing, `SELECT u.k FROM unnest($1::text[], $2::text[], $3::text[]) AS u(w, p, k)
		WHERE NOT EXISTS (SELECT 1 FROM product.products WHERE deleted_at IS NULL
			AND search @@ (to_tsquery('english', u.w) || CASE WHEN u.p = '' THEN ''::tsquery ELSE to_tsquery('simple', u.p) END))`,
		pq.Array(cand), pq.Array(prefixes), pq.Array(keys))
	if err != nil {
		return nil, product.InternalError("find typos", err)
	}
	out := make(map[string]bool, len(missing))
	for _, k := range missing {
		out[k] = true
	}
	return out, nil
}

// SearchTerm returns the live products matching one term with the term's
// rank, exactly as searchSQL matches and ranks it: by full text, or, when
// that matches nothing and the word is long enough, by trigram similarity.
// The catalog index caches it per term. Errors: INTERNAL.
func (s *Store) SearchTerm(ctx context.Context, t product.SearchTerm) (map[string]float64, error) {
	out, err := s.termRanks(ctx, t, false)
	if err != nil || len(out) > 0 || len([]rune(t.Word)) < fuzzyMinLength {
		return out, err
	}
	return s.termRanks(ctx, t, true)
}

func (s *Store) termRanks(ctx context.Context, t product.SearchTerm, typo bool) (map[string]float64, error) {
	var c conds
	c.and("deleted_at IS NULL")
	cond, rank := termSQL(&c, t, typo)
	c.and(cond)
	tx, err := s.db.BeginTxx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, product.InternalError("begin search", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	if typo {
		if err := setTypoThreshold(ctx, tx, map[string]bool{t.Key(): true}); err != nil {
			return nil, err
		}
	}
	var rows []struct {
		ID   string  `db:"id"`
		Rank float64 `db:"rank"`
	}
	if err := tx.SelectContext(ctx, &rows, `SELECT id, `+rank+` AS rank FROM product.products`+c.clause(), c.args...); err != nil {
		return nil, product.InternalError("search products", err)
	}
	out := make(map[string]float64, len(rows))
	for _, r := range rows {
		out[r.ID] = r.Rank
	}
	return out, nil
}

// TermQueries returns a word's full-text query items as PostgreSQL spells
// them (no table access): the catalog index matches and ranks them in
// memory. Errors: INTERNAL.
func (s *Store) TermQueries(ctx context.Context, word string) (english, prefix string, err error) {
	row := s.db.QueryRowxContext(ctx, `SELECT to_tsquery('english', $1::text)::text, to_tsquery('simple', $1::text || ':*')::text`, word)
	if err := row.Scan(&english, &prefix); err != nil {
		return "", "", product.InternalError("term queries", err)
	}
	return english, prefix, nil
}
