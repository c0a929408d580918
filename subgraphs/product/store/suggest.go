package store

import (
	"context"
	"database/sql"
	"strings"
	"unicode"

	"github.com/jmoiron/sqlx"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// suggestCategoryLimit is how many categories a suggestion returns.
const suggestCategoryLimit = 5

// Suggest answers a search box: up to first products matching the query
// as filter.search does for plain words (the last word as a prefix, words
// of four or more letters also by trigram similarity to the name), best
// rank first, and up to five categories whose name has a word starting
// with the query or is similar to it. Both are index scans (the search GIN
// index and the trigram indexes of 0007_search). Errors: INVALID (query
// too long or not UTF-8, first out of range), INTERNAL.
func (s *Store) Suggest(ctx context.Context, query string, first int) (product.Suggestions, error) {
	q, err := product.ValidateSuggest(query, first)
	if err != nil {
		return product.Suggestions{}, err
	}
	out := product.Suggestions{Query: q, Products: []product.Product{}, Categories: []product.Category{}}
	if q == "" {
		return out, nil
	}
	typos, err := s.typos(ctx, q)
	if err != nil {
		return product.Suggestions{}, err
	}
	stmt, pargs := suggestProductsSQL(q, typos, first)
	tx, err := s.db.BeginTxx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return product.Suggestions{}, product.InternalError("begin suggestions", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	if err := setTypoThreshold(ctx, tx, typos); err != nil {
		return product.Suggestions{}, err
	}
	var rows []row
	if err := tx.SelectContext(ctx, &rows, stmt, pargs...); err != nil {
		return product.Suggestions{}, product.InternalError("suggest products", err)
	}
	for _, r := range rows {
		p, err := r.product()
		if err != nil {
			return product.Suggestions{}, product.InternalError("decode product", err)
		}
		out.Products = append(out.Products, p)
	}
	if out.Categories, err = s.suggestCategories(ctx, tx, q); err != nil {
		return product.Suggestions{}, err
	}
	return out, nil
}

// SuggestCategories returns up to five categories whose name has a word
// starting with q or is similar to it (q as ValidateSuggest returns it).
// Errors: INTERNAL.
func (s *Store) SuggestCategories(ctx context.Context, q string) ([]product.Category, error) {
	return s.suggestCategories(ctx, s.db, q)
}

func (s *Store) suggestCategories(ctx context.Context, db sqlx.QueryerContext, q string) ([]product.Category, error) {
	lower := strings.ToLower(q)
	var cats []categoryRow
	if err := sqlx.SelectContext(ctx, db, &cats, suggestCategoriesSQL, escapeLike(lower), lower, suggestCategoryLimit); err != nil {
		return nil, product.InternalError("suggest categories", err)
	}
	out := make([]product.Category, 0, len(cats))
	for _, r := range cats {
		out = append(out, r.category())
	}
	return out, nil
}

// suggestProductsSQL is Suggest's product statement.
func suggestProductsSQL(q string, typos map[string]bool, first int) (string, []any) {
	var c conds
	c.and("deleted_at IS NULL")
	rank := searchSQL(&c, q, typos)
	limit := c.arg(first)
	return `SELECT ` + productColumns + `, ` + rank + ` AS rank FROM product.products` + c.clause() +
		` ORDER BY rank DESC, id DESC LIMIT ` + limit, c.args
}

// suggestCategoriesSQL is Suggest's category statement: $1 the escaped
// lower-case query for LIKE, $2 the query, $3 the limit.
const suggestCategoriesSQL = `SELECT ` + categoryColumns + ` FROM product.categories
	WHERE deleted_at IS NULL AND (name ILIKE $1 || '%' OR name ILIKE '% ' || $1 || '%' OR word_similarity($2, name) >= ` + typoThreshold + `)
	ORDER BY word_similarity($2, name) DESC, path_names, id LIMIT $3`

// escapeLike makes s match itself literally in LIKE/ILIKE (escape '\').
func escapeLike(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s))
}
