package store

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
	"github.com/lib/pq"

	"github.com/nexus-commerce/nexus/subgraphs/product"
	"github.com/nexus-commerce/nexus/subgraphs/product/seed"
)

// propParams returns gopter's defaults with a logged seed: from
// NEXUS_PROP_SEED to replay a failure, else from the clock.
func propParams(t *testing.T, runs int) *gopter.TestParameters {
	t.Helper()
	s := time.Now().UnixNano()
	if v := os.Getenv("NEXUS_PROP_SEED"); v != "" {
		var err error
		if s, err = strconv.ParseInt(v, 10, 64); err != nil {
			t.Fatalf("NEXUS_PROP_SEED=%q: %v", v, err)
		}
	}
	t.Logf("gopter seed %d (replay: NEXUS_PROP_SEED=%d go test -run '%s' ./store)", s, s, t.Name())
	params := gopter.DefaultTestParameters()
	params.SetSeed(s)
	params.MinSuccessfulTests = runs
	params.MaxSize = 30
	params.MaxShrinkCount = 50 // each shrink step reloads a catalog
	return params
}

// loaded is a generated catalog as stored, with each product's searchable
// words (name, category path names, description) for Go-side matching.
type loaded struct {
	products []product.Product
	words    map[string][]string
	path     map[string][]string // category id -> ids from the root down
}

// load empties the catalog and loads g through seed.Load.
func load(t *testing.T, db *sqlx.DB, g genCatalog) loaded {
	t.Helper()
	if _, err := db.Exec(`TRUNCATE product.products, product.categories CASCADE`); err != nil {
		t.Fatal(err)
	}
	l := loaded{words: map[string][]string{}, path: map[string][]string{}}
	var c seed.Catalog
	names := map[string][]string{}
	for i, parent := range parentOf {
		name := "misc" // a shrunk catalog may lack names; "misc" is outside the vocabulary
		if i < len(g.CatNames) {
			name = g.CatNames[i]
		}
		cat := product.Category{ID: catID(i), Name: name, Slug: "c" + strconv.Itoa(i)}
		l.path[cat.ID], names[cat.ID] = []string{cat.ID}, []string{cat.Name}
		if parent >= 0 {
			p := catID(parent)
			cat.ParentID = &p
			l.path[cat.ID] = append(slices.Clone(l.path[p]), cat.ID)
			names[cat.ID] = append(slices.Clone(names[p]), cat.Name)
		}
		c.Categories = append(c.Categories, cat)
	}
	for i, gp := range g.Products {
		gp = gp.normalize()
		p := product.Product{
			ID: prodID(i), Name: strings.Join(append([]string{"item"}, gp.Name...), " "), Slug: "p" + strconv.Itoa(i), Description: strings.Join(gp.Desc, " "),
			Price: product.Money{Amount: gp.Price, Currency: "USD"}, CategoryID: catID(gp.Cat), Tags: gp.Tags,
			Rating: float64(gp.Rating) / 10, ReviewCount: gp.Reviews, Stock: gp.Stock, SKU: "S" + strconv.Itoa(i),
			Images: []product.Image{}, CreatedAt: seed.Epoch.Add(-time.Duration(gp.Age) * time.Minute), UpdatedAt: seed.Epoch,
		}
		c.Products = append(c.Products, p)
		l.words[p.ID] = slices.Concat(gp.Name, gp.Desc, names[p.CategoryID])
	}
	if ok, err := seed.Load(context.Background(), db, c); err != nil || (!ok && len(c.Products) > 0) {
		t.Fatalf("load generated catalog: %v, %v", ok, err)
	}
	l.products = c.Products
	return l
}

// params is q as the store's request.
func (q genQuery) params() product.ListParams {
	p := product.ListParams{First: q.First, Sort: q.Sort, Filter: product.Filter{
		Search: q.Search.text(), Tags: q.Tags, MinPrice: q.Min, MaxPrice: q.Max}}
	if q.Cat >= 0 {
		p.Filter.CategoryID = catID(q.Cat)
	}
	if q.InStock > 0 {
		b := q.InStock == 1
		p.Filter.InStock = &b
	}
	return p
}

// matches is the filter's meaning, computed in Go from the generated data.
func (l loaded) matches(q genQuery, p product.Product) bool {
	switch {
	case !q.Search.matches(l.words[p.ID]):
		return false
	case q.Cat >= 0 && !slices.Contains(l.path[p.CategoryID], catID(q.Cat)):
		return false
	case q.Min != nil && p.Price.Amount < *q.Min, q.Max != nil && p.Price.Amount > *q.Max:
		return false
	case q.InStock == 1 && p.Stock == 0, q.InStock == 2 && p.Stock != 0:
		return false
	}
	for _, t := range q.Tags {
		if !slices.Contains(p.Tags, t) {
			return false
		}
	}
	return true
}

// TestListingProperties checks, over generated catalogs and requests, that
// (1) every listed product matches every filter, (2) pages follow the
// order with the id tie-breaker, (3) walking all pages with `after` lists
// each matching product exactly once and nothing else, (4) totalCount is
// the number of matches, and that (5) ProductsByIDs keeps input order.
func TestListingProperties(t *testing.T) {
	t.Parallel()
	db := migrated(t)
	s := New(db)
	props := gopter.NewProperties(propParams(t, 40))
	props.Property("listings agree with the catalog filtered and sorted in Go", prop.ForAll(
		func(g genCatalog, qs []genQuery, picks []int) string {
			l := load(t, db, g)
			for _, q := range qs {
				if msg := checkListing(s, l, q.normalize()); msg != "" {
					return msg
				}
			}
			return checkBatch(s, l, picks)
		},
		catalogGen(), gen.SliceOfN(8, queryGen()), gen.SliceOf(gen.IntRange(-2, 30)),
	))
	props.TestingRun(t)
}

// checkListing walks every page of q and returns what is wrong, or "".
func checkListing(s *Store, l loaded, q genQuery) string {
	ctx := context.Background()
	p := q.params()
	want := map[string]bool{}
	for _, pr := range l.products {
		if l.matches(q, pr) {
			want[pr.ID] = true
		}
	}
	var got []product.Product
	seen := map[string]bool{}
	for pages := 0; ; pages++ {
		if pages > len(l.products)+1 {
			return fmt.Sprintf("%v: pagination does not end", q)
		}
		page, err := s.Products(ctx, p)
		switch {
		case err != nil:
			return fmt.Sprintf("%v: %v", q, err)
		case page.TotalCount != len(want):
			return fmt.Sprintf("%v: totalCount %d, want %d", q, page.TotalCount, len(want))
		case len(page.Edges) > q.First, page.HasNextPage && len(page.Edges) != q.First:
			return fmt.Sprintf("%v: page of %d (first %d, hasNextPage %v)", q, len(page.Edges), q.First, page.HasNextPage)
		}
		for _, e := range page.Edges {
			if !want[e.Product.ID] {
				return fmt.Sprintf("%v: %s (%+v) does not match", q, e.Product.ID, e.Product)
			}
			if seen[e.Product.ID] {
				return fmt.Sprintf("%v: %s listed twice", q, e.Product.ID)
			}
			seen[e.Product.ID] = true
			got = append(got, e.Product)
		}
		if !page.HasNextPage {
			break
		}
		p.After = page.Edges[len(page.Edges)-1].Cursor
	}
	if len(got) != len(want) {
		return fmt.Sprintf("%v: walked %d products, want %d", q, len(got), len(want))
	}
	return checkOrder(s, q, got)
}

// checkOrder checks that got follows q's order, id breaking ties.
func checkOrder(s *Store, q genQuery, got []product.Product) string {
	order := q.params().Order()
	rank := map[string]float64{}
	if order == product.SortRelevance {
		// ts_rank is PostgreSQL's to define; the store must follow it.
		ids := make([]string, len(got))
		for i, p := range got {
			ids[i] = p.ID
		}
		var rows []struct {
			ID   string  `db:"id"`
			Rank float64 `db:"rank"`
		}
		if err := s.db.Select(&rows, `SELECT id, ts_rank(search, websearch_to_tsquery('english', $1))::float8 AS rank
			FROM product.products WHERE id = ANY($2::uuid[])`, q.Search.text(), pq.Array(ids)); err != nil {
			return err.Error()
		}
		for _, r := range rows {
			rank[r.ID] = r.Rank
		}
	}
	for i := 1; i < len(got); i++ {
		if !before(order, rank, got[i-1], got[i]) {
			return fmt.Sprintf("%v: %s must not precede %s in %s order", q, got[i-1].ID, got[i].ID, order)
		}
	}
	return ""
}

// before reports whether a comes strictly before b in order o.
func before(o product.Sort, rank map[string]float64, a, b product.Product) bool {
	type key struct{ primary, secondary float64 }
	var ka, kb key
	asc := false
	switch o {
	case product.SortPriceAsc:
		ka, kb, asc = key{float64(a.Price.Amount), 0}, key{float64(b.Price.Amount), 0}, true
	case product.SortPriceDesc:
		ka, kb = key{float64(a.Price.Amount), 0}, key{float64(b.Price.Amount), 0}
	case product.SortRating:
		ka, kb = key{a.Rating, float64(a.ReviewCount)}, key{b.Rating, float64(b.ReviewCount)}
	case product.SortNewest:
		ka, kb = key{float64(a.CreatedAt.UnixMicro()), 0}, key{float64(b.CreatedAt.UnixMicro()), 0}
	case product.SortRelevance:
		ka, kb = key{rank[a.ID], 0}, key{rank[b.ID], 0}
	}
	if asc {
		ka, kb = kb, ka
		a, b = b, a
	}
	switch {
	case ka.primary != kb.primary:
		return ka.primary > kb.primary
	case ka.secondary != kb.secondary:
		return ka.secondary > kb.secondary
	}
	return a.ID > b.ID
}

// checkBatch asks ProductsByIDs for picked products (negative: unknown or
// malformed ids; repeats allowed) and checks each slot.
func checkBatch(s *Store, l loaded, picks []int) string {
	ids := make([]string, len(picks))
	for i, k := range picks {
		switch {
		case k == -1:
			ids[i] = "not-a-uuid"
		case k < -1 || k >= len(l.products):
			ids[i] = prodID(1000 + k) // well-formed, unknown
		default:
			ids[i] = l.products[k].ID
		}
	}
	got, err := s.ProductsByIDs(context.Background(), ids)
	if err != nil || len(got) != len(ids) {
		return fmt.Sprintf("ProductsByIDs(%v) = %d results, %v", ids, len(got), err)
	}
	for i, k := range picks {
		known := k >= 0 && k < len(l.products)
		if known != (got[i] != nil) || known && got[i].ID != ids[i] {
			return fmt.Sprintf("ProductsByIDs(%v)[%d] = %+v", ids, i, got[i])
		}
	}
	return ""
}
