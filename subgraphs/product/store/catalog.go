package store

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/lib/pq"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

var _ product.CatalogSource = (*Store)(nil)

// itemRow is a products row as the catalog index reads it.
type itemRow struct {
	ID           string         `db:"id"`
	CategoryPath pq.StringArray `db:"category_path"`
	Price        int64          `db:"price_amount"`
	Tags         pq.StringArray `db:"tags"`
	Tokens       pq.StringArray `db:"option_values"`
	Stock        int            `db:"stock"`
	Rating       float64        `db:"rating"`
	Reviews      int            `db:"review_count"`
	Created      time.Time      `db:"created_at"`
	Search       string         `db:"search"`
}

const itemColumns = `id, category_path::text[] AS category_path, price_amount, tags, option_values, stock, rating, review_count, created_at, search::text AS search`

func (r itemRow) item() product.FacetItem {
	return product.FacetItem{
		ID: r.ID, CategoryPath: r.CategoryPath, Price: r.Price, Tags: r.Tags, Tokens: r.Tokens,
		Stock: r.Stock, Rating: r.Rating, Reviews: r.Reviews, Created: r.Created.UnixMicro(), Search: r.Search,
	}
}

// displayRow is one option value of one live product, for OptionDisplay.
type displayRow struct {
	Name     string `db:"name"`
	Value    string `db:"value"`
	Position int    `db:"position"`
	Count    int    `db:"n"`
}

// displayQuery counts each spelling and position of every option value of
// live products (restricted to products $1 when $1 is not NULL).
const displayQuery = `SELECT o.name, u.value, u.position::int AS position, count(*)::int AS n
	FROM product.options o
	JOIN product.products p ON p.id = o.product_id AND p.deleted_at IS NULL
	CROSS JOIN LATERAL unnest(o."values") WITH ORDINALITY AS u(value, position)
	WHERE $1::uuid[] IS NULL OR o.product_id = ANY($1::uuid[])
	GROUP BY 1, 2, 3`

// CatalogSnapshot loads the live catalog in one REPEATABLE READ snapshot.
// Errors: INTERNAL.
func (s *Store) CatalogSnapshot(ctx context.Context) (product.CatalogSnapshot, error) {
	var snap product.CatalogSnapshot
	tx, err := s.db.BeginTxx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return snap, product.InternalError("begin catalog snapshot", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	var rows []itemRow
	if err := tx.SelectContext(ctx, &rows, `SELECT `+itemColumns+` FROM product.products WHERE deleted_at IS NULL`); err != nil {
		return snap, product.InternalError("load catalog items", err)
	}
	snap.Items = make([]product.FacetItem, len(rows))
	for i, r := range rows {
		snap.Items[i] = r.item()
	}
	var cats []categoryRow
	if err := tx.SelectContext(ctx, &cats, `SELECT `+categoryColumns+` FROM product.categories WHERE deleted_at IS NULL ORDER BY path_names, id`); err != nil {
		return snap, product.InternalError("load categories", err)
	}
	for _, c := range cats {
		snap.Categories = append(snap.Categories, c.category())
	}
	var disp []displayRow
	if err := tx.SelectContext(ctx, &disp, displayQuery, nil); err != nil {
		return snap, product.InternalError("load option display", err)
	}
	snap.Display = optionDisplay(disp)
	return snap, nil
}

// FacetItems loads the live products among ids. Errors: INTERNAL.
func (s *Store) FacetItems(ctx context.Context, ids []string) ([]product.FacetItem, map[string]product.OptionDisplay, error) {
	_, valid := canonicalIDs(ids)
	if len(valid) == 0 {
		return nil, map[string]product.OptionDisplay{}, nil
	}
	var rows []itemRow
	if err := s.db.SelectContext(ctx, &rows, `SELECT `+itemColumns+` FROM product.products WHERE deleted_at IS NULL AND id = ANY($1::uuid[])`, pq.Array(valid)); err != nil {
		return nil, nil, product.InternalError("load catalog items", err)
	}
	out := make([]product.FacetItem, len(rows))
	for i, r := range rows {
		out[i] = r.item()
	}
	var disp []displayRow
	if err := s.db.SelectContext(ctx, &disp, displayQuery, pq.Array(valid)); err != nil {
		return nil, nil, product.InternalError("load option display", err)
	}
	return out, optionDisplay(disp), nil
}

// SearchRanks returns the live products matching a search with their
// RELEVANCE rank, computed exactly as the SQL listing computes it.
// Errors: INTERNAL.
func (s *Store) SearchRanks(ctx context.Context, text string) (map[string]float64, error) {
	typos, err := s.typos(ctx, text)
	if err != nil {
		return nil, err
	}
	q, args := searchRanksSQL(text, typos)
	var rows []struct {
		ID   string  `db:"id"`
		Rank float64 `db:"rank"`
	}
	tx, err := s.db.BeginTxx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, product.InternalError("begin search", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	if err := setTypoThreshold(ctx, tx, typos); err != nil {
		return nil, err
	}
	if err := tx.SelectContext(ctx, &rows, q, args...); err != nil {
		return nil, product.InternalError("search products", err)
	}
	out := make(map[string]float64, len(rows))
	for _, r := range rows {
		out[r.ID] = r.Rank
	}
	return out, nil
}

// searchRanksSQL is the statement of SearchRanks.
func searchRanksSQL(text string, typos map[string]bool) (string, []any) {
	var c conds
	c.and("deleted_at IS NULL")
	rank := searchSQL(&c, text, typos)
	return `SELECT id, ` + rank + ` AS rank FROM product.products` + c.clause(), c.args
}

// optionDisplay picks, per token, the most common spelling and position
// (ties: the smaller position, then the lexically smaller spelling).
func optionDisplay(rows []displayRow) map[string]product.OptionDisplay {
	type best struct {
		d               product.OptionDisplay
		spellingN, posN int
		spellings       map[string]int
		positions       map[int]int
	}
	acc := map[string]*best{}
	for _, r := range rows {
		tok := strings.ToLower(r.Name) + "=" + strings.ToLower(r.Value)
		b := acc[tok]
		if b == nil {
			b = &best{spellings: map[string]int{}, positions: map[int]int{}}
			acc[tok] = b
		}
		sp := r.Name + "\x00" + r.Value
		b.spellings[sp] += r.Count
		b.positions[r.Position] += r.Count
	}
	out := make(map[string]product.OptionDisplay, len(acc))
	for tok, b := range acc {
		var sp string
		for s, n := range b.spellings {
			if n > b.spellingN || (n == b.spellingN && s < sp) {
				sp, b.spellingN = s, n
			}
		}
		pos := 0
		for p, n := range b.positions {
			if n > b.posN || (n == b.posN && p < pos) {
				pos, b.posN = p, n
			}
		}
		name, value, _ := strings.Cut(sp, "\x00")
		// A name containing '=' shifts the cut; fall back to the token.
		if strings.ToLower(name)+"="+strings.ToLower(value) != tok {
			name, value = product.SplitToken(tok)
		}
		out[tok] = product.OptionDisplay{Name: name, Value: value, Position: pos}
	}
	return out
}
