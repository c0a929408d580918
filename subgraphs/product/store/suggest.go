package store

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// Limits of searchSuggestions (the SDL's).
const (
	MaxSuggestQuery      = 100 // characters of the query
	MaxSuggestProducts   = 10  // largest first
	suggestCategoryLimit = 5   // categories returned
)

// Suggest answers a search box: up to first products matching the query
// as filter.search does for plain words (the last word as a prefix, words
// of four or more letters also by trigram similarity to the name), best
// rank first, and up to five categories whose name has a word starting
// with the query or is similar to it. Both are index scans (the search GIN
// index and the trigram indexes of 0007_search). Errors: INVALID (query
// too long or not UTF-8, first out of range), INTERNAL.
func (s *Store) Suggest(ctx context.Context, query string, first int) (product.Suggestions, error) {
	if !utf8.ValidString(query) {
		return product.Suggestions{}, product.Errorf(product.Invalid, "query", "must be valid UTF-8")
	}
	if utf8.RuneCountInString(query) > MaxSuggestQuery {
		return product.Suggestions{}, product.Errorf(product.Invalid, "query", "must be at most %d characters", MaxSuggestQuery)
	}
	if first < 1 || first > MaxSuggestProducts {
		return product.Suggestions{}, product.Errorf(product.Invalid, "first", "must be between 1 and %d, got %d", MaxSuggestProducts, first)
	}
	q := product.Filter{Search: query}.SearchText()
	out := product.Suggestions{Query: q, Products: []product.Product{}, Categories: []product.Category{}}
	if q == "" {
		return out, nil
	}
	typos, err := s.typos(ctx, q)
	if err != nil {
		return product.Suggestions{}, err
	}
	var c conds
	c.and("deleted_at IS NULL")
	rank := searchSQL(&c, q, typos)
	limit := c.arg(first)
	var rows []row
	if err := s.db.SelectContext(ctx, &rows, `SELECT `+productColumns+`, `+rank+` AS rank FROM product.products`+c.clause()+
		` ORDER BY rank DESC, id DESC LIMIT `+limit, c.args...); err != nil {
		return product.Suggestions{}, product.InternalError("suggest products", err)
	}
	for _, r := range rows {
		p, err := r.product()
		if err != nil {
			return product.Suggestions{}, product.InternalError("decode product", err)
		}
		out.Products = append(out.Products, p)
	}
	lower := strings.ToLower(q)
	like := escapeLike(lower)
	var cats []categoryRow
	if err := s.db.SelectContext(ctx, &cats, `SELECT `+categoryColumns+` FROM product.categories
		WHERE deleted_at IS NULL AND (name ILIKE $1 || '%' OR name ILIKE '% ' || $1 || '%' OR $2 <% name)
		ORDER BY word_similarity($2, name) DESC, path_names, id LIMIT $3`, like, lower, suggestCategoryLimit); err != nil {
		return product.Suggestions{}, product.InternalError("suggest categories", err)
	}
	for _, r := range cats {
		out.Categories = append(out.Categories, r.category())
	}
	return out, nil
}

// escapeLike makes s match itself literally in LIKE/ILIKE (escape '\').
func escapeLike(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s))
}
