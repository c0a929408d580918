package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/lib/pq"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// query accumulates a WHERE clause and its positional arguments.
type query struct {
	where []string
	args  []any
}

func (q *query) arg(v any) string {
	q.args = append(q.args, v)
	return fmt.Sprintf("$%d", len(q.args))
}

func (q *query) and(cond string) { q.where = append(q.where, cond) }

func (q *query) clause() string {
	if len(q.where) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(q.where, " AND ")
}

// sortSpec is how one sort orders rows and seeks past a cursor.
type sortSpec struct {
	order string
	// seek returns the condition for rows strictly after cursor c.
	seek func(q *query, c product.Cursor) string
	// cursor builds the cursor of a row.
	cursor func(r row) product.Cursor
}

func sortSpecs(rank string) map[product.Sort]sortSpec {
	return map[product.Sort]sortSpec{
		product.SortPriceAsc: {
			order: "price_amount ASC, id ASC",
			seek: func(q *query, c product.Cursor) string {
				return "(price_amount, id) > (" + q.arg(c.Int) + ", " + q.arg(c.ID) + "::uuid)"
			},
			cursor: func(r row) product.Cursor {
				return product.Cursor{Sort: product.SortPriceAsc, Int: r.PriceAmount, ID: r.ID}
			},
		},
		product.SortPriceDesc: {
			order: "price_amount DESC, id DESC",
			seek: func(q *query, c product.Cursor) string {
				return "(price_amount, id) < (" + q.arg(c.Int) + ", " + q.arg(c.ID) + "::uuid)"
			},
			cursor: func(r row) product.Cursor {
				return product.Cursor{Sort: product.SortPriceDesc, Int: r.PriceAmount, ID: r.ID}
			},
		},
		product.SortRating: {
			order: "rating DESC, review_count DESC, id DESC",
			seek: func(q *query, c product.Cursor) string {
				return "(rating, review_count, id) < (" + q.arg(c.Num) + "::float8, " + q.arg(c.Int2) + ", " + q.arg(c.ID) + "::uuid)"
			},
			cursor: func(r row) product.Cursor {
				return product.Cursor{Sort: product.SortRating, Num: r.Rating, Int2: int64(r.ReviewCount), ID: r.ID}
			},
		},
		product.SortNewest: {
			order: "created_at DESC, id DESC",
			seek: func(q *query, c product.Cursor) string {
				return "(created_at, id) < (" + q.arg(time.UnixMicro(c.Int).UTC()) + "::timestamptz, " + q.arg(c.ID) + "::uuid)"
			},
			cursor: func(r row) product.Cursor {
				return product.Cursor{Sort: product.SortNewest, Int: r.CreatedAt.UnixMicro(), ID: r.ID}
			},
		},
		product.SortRelevance: {
			order: rank + " DESC, id DESC",
			seek: func(q *query, c product.Cursor) string {
				return "(" + rank + ", id) < (" + q.arg(c.Num) + "::float8, " + q.arg(c.ID) + "::uuid)"
			},
			cursor: func(r row) product.Cursor { return product.Cursor{Sort: product.SortRelevance, Num: r.Rank, ID: r.ID} },
		},
	}
}

// Products returns one page of the filtered, sorted catalog and the total
// number of matches. Errors: INVALID (naming the argument), INTERNAL.
func (s *Store) Products(ctx context.Context, p product.ListParams) (product.Page, error) {
	if err := p.Validate(); err != nil {
		return product.Page{}, err
	}
	var q query
	f := p.Filter
	rank := "0::float8"
	if f.Search != "" {
		ts := "websearch_to_tsquery('english', " + q.arg(f.Search) + ")"
		q.and("search @@ " + ts)
		rank = "ts_rank(search, " + ts + ")::float8"
	}
	if f.CategoryID != "" {
		if _, err := uuid.Parse(f.CategoryID); err != nil {
			return product.Page{}, product.Errorf(product.Invalid, "filter.categoryId", "%q is not a category id", f.CategoryID)
		}
		q.and("category_path @> ARRAY[" + q.arg(f.CategoryID) + "::uuid]")
	}
	if f.MinPrice != nil {
		q.and("price_amount >= " + q.arg(*f.MinPrice))
	}
	if f.MaxPrice != nil {
		q.and("price_amount <= " + q.arg(*f.MaxPrice))
	}
	if len(f.Tags) > 0 {
		q.and("tags @> " + q.arg(pq.Array(f.Tags)) + "::text[]")
	}
	if f.InStock != nil {
		if *f.InStock {
			q.and("stock > 0")
		} else {
			q.and("stock = 0")
		}
	}
	sort := p.EffectiveSort()
	if sort == product.SortRelevance && f.Search == "" {
		sort = product.SortNewest
	}
	spec := sortSpecs(rank)[sort]

	var total int
	if err := s.db.GetContext(ctx, &total, `SELECT count(*) FROM product.products`+q.clause(), q.args...); err != nil {
		return product.Page{}, product.InternalError("count products", err)
	}
	if p.After != "" {
		c, _ := product.DecodeCursor(p.After) // validated above
		if sort != c.Sort {
			// RELEVANCE without search pages like NEWEST.
			c.Sort = sort
		}
		if _, err := uuid.Parse(c.ID); err != nil {
			return product.Page{}, product.Errorf(product.Invalid, "after", "malformed cursor")
		}
		q.and(spec.seek(&q, c))
	}
	limit := q.arg(p.First + 1)
	var rows []row
	sqlText := `SELECT ` + productColumns + `, ` + rank + ` AS rank FROM product.products` + q.clause() +
		` ORDER BY ` + spec.order + ` LIMIT ` + limit
	if err := s.db.SelectContext(ctx, &rows, sqlText, q.args...); err != nil {
		return product.Page{}, product.InternalError("list products", err)
	}
	page := product.Page{TotalCount: total, Edges: make([]product.Edge, 0, min(len(rows), p.First))}
	if len(rows) > p.First {
		page.HasNextPage = true
		rows = rows[:p.First]
	}
	for _, r := range rows {
		pr, err := r.product()
		if err != nil {
			return product.Page{}, product.InternalError("decode product", err)
		}
		c := spec.cursor(r)
		c.Sort = p.EffectiveSort()
		page.Edges = append(page.Edges, product.Edge{Product: pr, Cursor: c.Encode()})
	}
	return page, nil
}
