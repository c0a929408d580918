package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/lib/pq"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// Products returns one page of the filtered, sorted catalog and the number
// of all matches. Both are read in one REPEATABLE READ snapshot, so the
// count agrees with the page even while the catalog changes. Errors:
// INVALID (Field names the argument, as in ListParams.Validate), INTERNAL.
func (s *Store) Products(ctx context.Context, p product.ListParams) (product.Page, error) {
	if err := p.Validate(); err != nil {
		return product.Page{}, err
	}
	typos, err := s.typos(ctx, p.Filter.SearchText())
	if err != nil {
		return product.Page{}, err
	}
	lq := buildList(p, typos)
	tx, err := s.db.BeginTxx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return product.Page{}, product.InternalError("begin listing", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only: nothing to keep, Rollback only ends it
	var total int
	if err := tx.GetContext(ctx, &total, lq.count, lq.countArgs...); err != nil {
		return product.Page{}, product.InternalError("count products", err)
	}
	var rows []row
	if total > 0 {
		if err := tx.SelectContext(ctx, &rows, lq.page, lq.pageArgs...); err != nil {
			return product.Page{}, product.InternalError("list products", err)
		}
	}
	page := product.Page{TotalCount: total, Edges: make([]product.Edge, 0, min(len(rows), p.First))}
	if len(rows) > p.First {
		page.HasNextPage = true
		rows = rows[:p.First]
	}
	o := orderings[lq.order]
	for _, r := range rows {
		pr, err := r.product()
		if err != nil {
			return product.Page{}, product.InternalError("decode product", err)
		}
		page.Edges = append(page.Edges, product.Edge{Product: pr, Cursor: o.cursor(lq.order, r)})
	}
	return page, nil
}

// listQuery is the SQL of one listing request: the count of every match
// and the page (filter, keyset seek past the cursor, order, limit). It is
// built apart from running it so index_test.go can EXPLAIN exactly what
// Products runs. Values are always bind parameters, never spliced in.
type listQuery struct {
	count     string
	countArgs []any
	page      string
	pageArgs  []any
	order     product.Sort
}

// conds accumulates AND-ed conditions and their positional arguments.
type conds struct {
	where []string
	args  []any
}

// arg binds v and returns its placeholder.
func (c *conds) arg(v any) string {
	c.args = append(c.args, v)
	return fmt.Sprintf("$%d", len(c.args))
}

func (c *conds) and(cond string) { c.where = append(c.where, cond) }

func (c *conds) clause() string {
	if len(c.where) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(c.where, " AND ")
}

// ordering is how one order sorts rows and seeks strictly past a cursor.
// Each seek is a row comparison matching its index's column order, which
// PostgreSQL turns into an index condition (see index_test.go).
type ordering struct {
	by   string
	seek func(c *conds, cur product.Cursor, rank string) string
	key  func(r row) product.Cursor
}

var orderings = map[product.Sort]ordering{
	product.SortPriceAsc: {
		by: "price_amount ASC, id ASC",
		seek: func(c *conds, cur product.Cursor, _ string) string {
			return "(price_amount, id) > (" + c.arg(cur.Price) + "::bigint, " + c.arg(cur.ID) + "::uuid)"
		},
		key: func(r row) product.Cursor { return product.Cursor{Price: r.PriceAmount} },
	},
	product.SortPriceDesc: {
		by: "price_amount DESC, id DESC",
		seek: func(c *conds, cur product.Cursor, _ string) string {
			return "(price_amount, id) < (" + c.arg(cur.Price) + "::bigint, " + c.arg(cur.ID) + "::uuid)"
		},
		key: func(r row) product.Cursor { return product.Cursor{Price: r.PriceAmount} },
	},
	product.SortRating: {
		by: "rating DESC, review_count DESC, id DESC",
		seek: func(c *conds, cur product.Cursor, _ string) string {
			return "(rating, review_count, id) < (" + c.arg(cur.Rating) + "::float8, " + c.arg(cur.Reviews) + "::integer, " + c.arg(cur.ID) + "::uuid)"
		},
		key: func(r row) product.Cursor {
			return product.Cursor{Rating: r.Rating, Reviews: int64(r.ReviewCount)}
		},
	},
	product.SortNewest: {
		by: "created_at DESC, id DESC",
		seek: func(c *conds, cur product.Cursor, _ string) string {
			at := time.UnixMicro(cur.Created).UTC()
			return "(created_at, id) < (" + c.arg(at) + "::timestamptz, " + c.arg(cur.ID) + "::uuid)"
		},
		key: func(r row) product.Cursor { return product.Cursor{Created: r.CreatedAt.UnixMicro()} },
	},
	product.SortRelevance: {
		by: "rank DESC, id DESC",
		seek: func(c *conds, cur product.Cursor, rank string) string {
			return "(" + rank + ", id) < (" + c.arg(cur.Rank) + "::float8, " + c.arg(cur.ID) + "::uuid)"
		},
		key: func(r row) product.Cursor { return product.Cursor{Rank: r.Rank} },
	},
}

// cursor is the cursor that resumes after r in order o.
func (o ordering) cursor(order product.Sort, r row) string {
	c := o.key(r)
	c.Order, c.ID = order, r.ID
	return c.Encode()
}

// buildList turns validated params into SQL. The search (search.go) only
// ever passes words of letters and digits to to_tsquery, or the whole text
// to websearch_to_tsquery, which accepts any text without a syntax error.
func buildList(p product.ListParams, typos map[string]bool) listQuery {
	var c conds
	c.and("deleted_at IS NULL") // deleted products are hidden from shoppers
	f := p.Filter
	rank := "0::float8"
	if q := f.SearchText(); q != "" {
		rank = searchSQL(&c, q, typos)
	}
	if f.CategoryID != "" {
		id := uuid.MustParse(f.CategoryID) // validated
		c.and("category_path @> ARRAY[" + c.arg(id.String()) + "::uuid]")
	}
	if f.MinPrice != nil {
		c.and("price_amount >= " + c.arg(*f.MinPrice) + "::bigint")
	}
	if f.MaxPrice != nil {
		c.and("price_amount <= " + c.arg(*f.MaxPrice) + "::bigint")
	}
	if len(f.Tags) > 0 {
		c.and("tags @> " + c.arg(pq.Array(f.Tags)) + "::text[]")
	}
	for _, o := range f.Options { // OR within one option, AND across (GIN option_values)
		c.and("option_values && " + c.arg(pq.Array(o.OptionTokens())) + "::text[]")
	}
	if f.InStock != nil {
		if *f.InStock {
			c.and("stock > 0")
		} else {
			c.and("stock = 0")
		}
	}
	lq := listQuery{order: p.Order()}
	lq.count = `SELECT count(*) FROM product.products` + c.clause()
	lq.countArgs = append([]any(nil), c.args...)

	o := orderings[lq.order]
	if p.After != "" {
		cur, _ := product.DecodeCursor(p.After) // validated, same order
		c.and(o.seek(&c, cur, rank))
	}
	limit := c.arg(p.First + 1) // one extra row tells whether a next page exists
	lq.page = `SELECT ` + productColumns + `, ` + rank + ` AS rank FROM product.products` + c.clause() +
		` ORDER BY ` + o.by + ` LIMIT ` + limit
	lq.pageArgs = c.args
	return lq
}
