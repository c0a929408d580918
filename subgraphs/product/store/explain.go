package store

import (
	"context"
	"strings"
)

// Plan is one statement's EXPLAIN (ANALYZE, BUFFERS) output.
type Plan struct {
	Name, Plan string
}

// Explain runs EXPLAIN (ANALYZE, BUFFERS) on the statements a search text
// costs, exactly as they run: SearchRanks' (the index's search, cached per
// text) and Suggest's product and category statements, in a transaction
// that is rolled back. For the catalog benchmark's report (make
// bench-catalog); not used when serving. Errors: INTERNAL.
func (s *Store) Explain(ctx context.Context, text string) ([]Plan, error) {
	typos, err := s.typos(ctx, text)
	if err != nil {
		return nil, err
	}
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback() //nolint:errcheck // read-only use
	if err := setTypoThreshold(ctx, tx, typos); err != nil {
		return nil, err
	}
	rq, rargs := searchRanksSQL(text, typos)
	sq, sargs := suggestProductsSQL(text, typos, 6)
	lower := strings.ToLower(text)
	stmts := []struct {
		name string
		q    string
		args []any
	}{
		{"search (SearchRanks)", rq, rargs},
		{"suggestions: products", sq, sargs},
		{"suggestions: categories", suggestCategoriesSQL, []any{escapeLike(lower), lower, suggestCategoryLimit}},
	}
	var out []Plan
	for _, st := range stmts {
		var lines []string
		if err := tx.SelectContext(ctx, &lines, `EXPLAIN (ANALYZE, BUFFERS) `+st.q, st.args...); err != nil {
			return nil, err
		}
		out = append(out, Plan{Name: st.name + " " + text, Plan: strings.Join(lines, "\n")})
	}
	return out, nil
}
