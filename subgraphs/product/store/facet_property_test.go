package store

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
	"github.com/lib/pq"

	"github.com/nexus-commerce/nexus/subgraphs/product"
	"github.com/nexus-commerce/nexus/subgraphs/product/index"
)

// Option dimensions of the generated catalog, in display spelling.
var (
	sizes   = []string{"S", "M", "L"}
	colours = []string{"Black", "White"}
)

// genOptions are one product's options: a variant per combination of the
// non-empty dimensions; none at all means only the default variant.
type genOptions struct {
	Sizes, Colours []string
}

// genOptionQuery is a filter.options: wanted sizes and colours (empty: no
// filter on that option) and maybe a filter on an option no product has.
type genOptionQuery struct {
	Sizes, Colours []string
	Unknown        bool
}

func (o genOptionQuery) filters() []product.OptionFilter {
	var out []product.OptionFilter
	if len(o.Sizes) > 0 {
		out = append(out, product.OptionFilter{Name: "size", Values: o.Sizes}) // other case than stored: case-insensitive
	}
	if len(o.Colours) > 0 {
		out = append(out, product.OptionFilter{Name: "COLOUR", Values: o.Colours})
	}
	if o.Unknown {
		out = append(out, product.OptionFilter{Name: "Material", Values: []string{"wool"}})
	}
	return out
}

// tokens are the option_values tokens of a product with options o.
func (o genOptions) tokens() []string {
	var out []string
	if len(o.Sizes) == 0 && len(o.Colours) == 0 {
		return nil
	}
	for _, s := range o.Sizes {
		out = append(out, "size="+strings.ToLower(s))
	}
	for _, c := range o.Colours {
		out = append(out, "colour="+strings.ToLower(c))
	}
	return out
}

// ordered keeps the dimension's display order, so positions are stable.
func ordered(pool []string) gopter.Gen {
	return subset(pool).Map(func(v []string) []string {
		return slices.DeleteFunc(slices.Clone(pool), func(x string) bool { return !slices.Contains(v, x) })
	})
}

func optionsGen() gopter.Gen {
	return gen.Struct(reflect.TypeOf(genOptions{}), map[string]gopter.Gen{"Sizes": ordered(sizes), "Colours": ordered(colours)})
}

func optionQueryGen() gopter.Gen {
	few := func(pool []string) gopter.Gen { // 0 to 2 values: selective filters
		return gen.IntRange(0, 2).FlatMap(func(n any) gopter.Gen {
			return gen.SliceOfN(n.(int), oneOf(pool), stringType).Map(func(v []string) []string { slices.Sort(v); return slices.Compact(v) })
		}, reflect.TypeOf([]string{}))
	}
	return gen.Struct(reflect.TypeOf(genOptionQuery{}), map[string]gopter.Gen{
		"Sizes": few(sizes), "Colours": few(colours), "Unknown": gen.Weighted([]gen.WeightedGen{{Weight: 5, Gen: gen.Const(false)}, {Weight: 1, Gen: gen.Const(true)}}),
	})
}

// addOptions gives product i the options opts[i] (stock 0 variants, so
// the generated stock stays the product's) and returns each one's tokens.
func addOptions(t *testing.T, db *sqlx.DB, l loaded, opts []genOptions) map[string][]string {
	t.Helper()
	toks := map[string][]string{}
	for i, p := range l.products {
		if i >= len(opts) || opts[i].tokens() == nil {
			continue
		}
		o := opts[i]
		toks[p.ID] = o.tokens()
		dims := [][2]any{}
		if len(o.Sizes) > 0 {
			dims = append(dims, [2]any{"Size", o.Sizes})
		}
		if len(o.Colours) > 0 {
			dims = append(dims, [2]any{"Colour", o.Colours})
		}
		combos := [][]map[string]string{{}}
		for pos, d := range dims {
			vals := d[1].([]string)
			if _, err := db.Exec(`INSERT INTO product.options (id, product_id, position, name, "values") VALUES ($1, $2, $3, $4, $5)`,
				uuid.NewString(), p.ID, pos, d[0], pqArray(vals)); err != nil {
				t.Fatal(err)
			}
			var next [][]map[string]string
			for _, c := range combos {
				for _, v := range vals {
					next = append(next, append(slices.Clone(c), map[string]string{"name": d[0].(string), "value": v}))
				}
			}
			combos = next
		}
		for k, c := range combos {
			js, _ := json.Marshal(c)
			if _, err := db.Exec(`INSERT INTO product.variants (id, product_id, sku, options, position) VALUES ($1, $2, $3, $4, $5)`,
				uuid.NewString(), p.ID, fmt.Sprintf("%s-%d", p.SKU, k), string(js), k); err != nil {
				t.Fatal(err)
			}
		}
	}
	return toks
}

// TestIndexFacetsAndListings checks the in-memory index against the
// catalog generated in Go (facet counts, each facet with every other
// filter applied) and against the SQL listing (same ids, order, cursors,
// totalCount and hasNextPage on every page), for any combination of
// filters, with options and variants present.
func TestIndexFacetsAndListings(t *testing.T) {
	t.Parallel()
	db := migrated(t)
	s := New(db)
	ctx := context.Background()
	props := gopter.NewProperties(propParams(t, 30))
	props.Property("index facets equal Go's counts; index listings equal SQL's", prop.ForAll(
		func(g genCatalog, opts []genOptions, qs []genQuery, oqs []genOptionQuery) string {
			l := load(t, db, g)
			toks := addOptions(t, db, l, opts)
			ix := index.New(s, s, nil)
			if err := ix.Build(ctx); err != nil {
				return "build: " + err.Error()
			}
			cats, err := s.Categories(ctx)
			if err != nil {
				return err.Error()
			}
			for k, q := range qs {
				q = q.normalize()
				var oq genOptionQuery
				if k < len(oqs) {
					oq = oqs[k]
				}
				p := q.params()
				p.Filter.Options = oq.filters()
				got, err := ix.Facets(ctx, p.Filter)
				if err != nil {
					return fmt.Sprintf("facets %v: %v", q, err)
				}
				want := l.facets(q, p.Filter.Options, toks, cats)
				if msg := sameFacets(got, want); msg != "" {
					return fmt.Sprintf("query %v options %+v: %s", q, p.Filter.Options, msg)
				}
				wantTotal := 0
				for _, pr := range l.products {
					if l.matchesAll(q, p.Filter.Options, toks[pr.ID], pr) {
						wantTotal++
					}
				}
				if page, err := s.Products(ctx, p); err != nil || page.TotalCount != wantTotal {
					return fmt.Sprintf("query %v options %+v: SQL total %d (%v), Go counts %d", q, p.Filter.Options, page.TotalCount, err, wantTotal)
				}
				if msg := samePages(ctx, ix, s, p); msg != "" {
					return fmt.Sprintf("query %v options %+v: %s", q, p.Filter.Options, msg)
				}
			}
			return ""
		},
		catalogGen(), gen.SliceOf(optionsGen()), gen.SliceOfN(4, queryGen()), gen.SliceOfN(4, optionQueryGen()),
	))
	props.TestingRun(t)
}

// samePages walks every page of p through the index and through SQL.
func samePages(ctx context.Context, ix *index.Index, s *Store, p product.ListParams) string {
	for range 50 {
		a, errA := ix.Products(ctx, p)
		b, errB := s.Products(ctx, p)
		if errA != nil || errB != nil {
			return fmt.Sprintf("errors: index %v, sql %v", errA, errB)
		}
		if a.TotalCount != b.TotalCount || a.HasNextPage != b.HasNextPage || len(a.Edges) != len(b.Edges) {
			return fmt.Sprintf("after %q: index total %d next %v edges %d; sql %d %v %d", p.After, a.TotalCount, a.HasNextPage, len(a.Edges), b.TotalCount, b.HasNextPage, len(b.Edges))
		}
		for i := range a.Edges {
			if a.Edges[i].Product.ID != b.Edges[i].Product.ID || a.Edges[i].Cursor != b.Edges[i].Cursor {
				return fmt.Sprintf("after %q edge %d: index %s %s; sql %s %s", p.After, i, a.Edges[i].Product.ID, a.Edges[i].Cursor, b.Edges[i].Product.ID, b.Edges[i].Cursor)
			}
		}
		if !a.HasNextPage {
			return ""
		}
		p.After = a.Edges[len(a.Edges)-1].Cursor
	}
	return "more than 50 pages"
}

// pqArray binds a text[] parameter.
func pqArray(v []string) any { return pq.Array(v) }
