package store

import (
	"context"
	"fmt"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/nexus-commerce/nexus/subgraphs/product"
	"github.com/nexus-commerce/nexus/subgraphs/product/seed"
)

// words are search terms that stem to themselves and are no stopwords, so
// "matches the search" can be computed in Go as "contains the word".
var words = []string{"alpha", "bravo", "delta", "kilo", "tango", "zulu"}
var tagPool = []string{"red", "green", "blue", "large"}

type genProduct struct {
	Price   int64
	Stock   int
	Tags    []string
	Rating  int // tenths, from a small set so ties happen
	Reviews int
	Age     int // minutes before the epoch, small range so ties happen
	Name    []string
	Desc    []string
	Cat     int
}

type genQuery struct {
	First    int
	Search   string
	Cat      int // -1: none
	Min, Max int64
	HasMin   bool
	HasMax   bool
	Tags     []string
	InStock  int // 0 none, 1 true, 2 false
	Sort     product.Sort
}

func subset(pool []string) gopter.Gen {
	return gen.SliceOf(gen.OneConstOf(toAny(pool)...), reflectString).Map(func(v []string) []string {
		slices.Sort(v)
		return slices.Compact(v)
	})
}

func toAny(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

var reflectString = reflectTypeOf("")

func productGen() gopter.Gen {
	return gopter.CombineGens(
		gen.Int64Range(0, 5000), gen.IntRange(0, 3), subset(tagPool), gen.OneConstOf(0, 25, 40, 50),
		gen.IntRange(0, 3), gen.IntRange(0, 4), gen.SliceOfN(2, gen.OneConstOf(toAny(words)...), reflectString),
		gen.SliceOfN(3, gen.OneConstOf(toAny(words)...), reflectString), gen.IntRange(0, 2),
	).Map(func(v []any) genProduct {
		return genProduct{Price: v[0].(int64), Stock: v[1].(int), Tags: v[2].([]string), Rating: v[3].(int), Reviews: v[4].(int),
			Age: v[5].(int), Name: v[6].([]string), Desc: v[7].([]string), Cat: v[8].(int)}
	})
}

func queryGen() gopter.Gen {
	return gopter.CombineGens(
		gen.IntRange(1, 7), gen.OneConstOf(append([]any{""}, toAny(words)...)...), gen.IntRange(-1, 2),
		gen.Int64Range(0, 5000), gen.Int64Range(0, 5000), gen.Bool(), gen.Bool(), subset(tagPool), gen.IntRange(0, 2),
		gen.OneConstOf(product.SortPriceAsc, product.SortPriceDesc, product.SortRating, product.SortNewest, product.SortRelevance),
	).Map(func(v []any) genQuery {
		q := genQuery{First: v[0].(int), Search: v[1].(string), Cat: v[2].(int), Min: v[3].(int64), Max: v[4].(int64),
			HasMin: v[5].(bool), HasMax: v[6].(bool), Tags: v[7].([]string), InStock: v[8].(int), Sort: v[9].(product.Sort)}
		if q.HasMin && q.HasMax && q.Min > q.Max {
			q.Min, q.Max = q.Max, q.Min
		}
		if len(q.Tags) > 2 {
			q.Tags = q.Tags[:2]
		}
		return q
	})
}

// The generated tree: root "Cat Root" with child "Cat Child"; "Cat Other".
var catNames = []string{"Cat Root", "Cat Child", "Cat Other"}

func catID(i int) string  { return fmt.Sprintf("00000000-0000-0000-0001-%012d", i) }
func prodID(i int) string { return fmt.Sprintf("00000000-0000-0000-0000-%012d", i) }

// load replaces the catalog with the generated products.
func load(t *testing.T, db *sqlx.DB, ps []genProduct) []product.Product {
	t.Helper()
	ctx := context.Background()
	if _, err := db.Exec(`TRUNCATE product.products, product.categories`); err != nil {
		t.Fatal(err)
	}
	root := catID(0)
	c := seed.Catalog{Categories: []product.Category{
		{ID: catID(0), Name: catNames[0], Slug: "cat-root"},
		{ID: catID(1), Name: catNames[1], Slug: "cat-child", ParentID: &root},
		{ID: catID(2), Name: catNames[2], Slug: "cat-other"},
	}}
	epoch := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i, g := range ps {
		name := strings.Join(g.Name, " ")
		c.Products = append(c.Products, product.Product{
			ID: prodID(i), Name: name, Slug: "p-" + strconv.Itoa(i), Description: strings.Join(g.Desc, " "),
			Price: product.Money{Amount: g.Price, Currency: "USD"}, CategoryID: catID(g.Cat), Tags: g.Tags,
			Rating: float64(g.Rating) / 10, ReviewCount: g.Reviews, Stock: g.Stock, SKU: "SKU-" + strconv.Itoa(i),
			Images: []product.Image{}, CreatedAt: epoch.Add(-time.Duration(g.Age) * time.Minute), UpdatedAt: epoch,
		})
	}
	if _, err := seed.Load(ctx, db, c); err != nil {
		t.Fatal(err)
	}
	return c.Products
}

func (q genQuery) params() product.ListParams {
	p := product.ListParams{First: q.First, Sort: q.Sort, Filter: product.Filter{Search: q.Search, Tags: q.Tags}}
	if q.Cat >= 0 {
		p.Filter.CategoryID = catID(q.Cat)
	}
	if q.HasMin {
		p.Filter.MinPrice = &q.Min
	}
	if q.HasMax {
		p.Filter.MaxPrice = &q.Max
	}
	if q.InStock > 0 {
		b := q.InStock == 1
		p.Filter.InStock = &b
	}
	return p
}

// matches is the filter semantics computed in Go.
func (q genQuery) matches(p product.Product) bool {
	if q.Search != "" && !slices.Contains(strings.Fields(p.Name+" "+p.Description), q.Search) {
		return false
	}
	if q.Cat == 0 && p.CategoryID != catID(0) && p.CategoryID != catID(1) {
		return false
	}
	if q.Cat > 0 && p.CategoryID != catID(q.Cat) {
		return false
	}
	if q.HasMin && p.Price.Amount < q.Min || q.HasMax && p.Price.Amount > q.Max {
		return false
	}
	for _, t := range q.Tags {
		if !slices.Contains(p.Tags, t) {
			return false
		}
	}
	if q.InStock == 1 && p.Stock == 0 || q.InStock == 2 && p.Stock != 0 {
		return false
	}
	return true
}

// before reports whether a sorts strictly before b under s (id tie-breaker).
func before(s product.Sort, search bool, a, b product.Product) bool {
	switch s {
	case product.SortPriceAsc:
		return a.Price.Amount < b.Price.Amount || a.Price.Amount == b.Price.Amount && a.ID < b.ID
	case product.SortPriceDesc:
		return a.Price.Amount > b.Price.Amount || a.Price.Amount == b.Price.Amount && a.ID > b.ID
	case product.SortRating:
		if a.Rating != b.Rating {
			return a.Rating > b.Rating
		}
		if a.ReviewCount != b.ReviewCount {
			return a.ReviewCount > b.ReviewCount
		}
		return a.ID > b.ID
	}
	if s == product.SortNewest || !search {
		if !a.CreatedAt.Equal(b.CreatedAt) {
			return a.CreatedAt.After(b.CreatedAt)
		}
		return a.ID > b.ID
	}
	return true // RELEVANCE: ts_rank is PostgreSQL's; only set semantics are checked
}

func TestListingProperties(t *testing.T) {
	db := migrated(t)
	s := New(db)
	seedValue := time.Now().UnixNano()
	if v := os.Getenv("NEXUS_PROP_SEED"); v != "" {
		seedValue, _ = strconv.ParseInt(v, 10, 64)
	}
	t.Logf("gopter seed %d (replay with NEXUS_PROP_SEED=%d)", seedValue, seedValue)
	params := gopter.DefaultTestParametersWithSeed(seedValue)
	params.MinSuccessfulTests = 25
	params.MaxSize = 40
	props := gopter.NewProperties(params)
	props.Property("listing = Go filter; sorted; pages cover each match once; totalCount", prop.ForAll(
		func(ps []genProduct, qs []genQuery) string {
			catalog := load(t, db, ps)
			for _, q := range qs {
				if msg := checkQuery(s, catalog, q); msg != "" {
					return msg
				}
			}
			return ""
		},
		gen.SliceOf(productGen()), gen.SliceOfN(6, queryGen()),
	))
	props.TestingRun(t)
}

func checkQuery(s *Store, catalog []product.Product, q genQuery) string {
	ctx := context.Background()
	var want []string
	byID := map[string]product.Product{}
	for _, p := range catalog {
		byID[p.ID] = p
		if q.matches(p) {
			want = append(want, p.ID)
		}
	}
	p := q.params()
	var got []product.Product
	for pages := 0; ; pages++ {
		if pages > len(catalog)+2 {
			return fmt.Sprintf("%+v: pagination does not end", q)
		}
		page, err := s.Products(ctx, p)
		if err != nil {
			return fmt.Sprintf("%+v: %v", q, err)
		}
		if page.TotalCount != len(want) {
			return fmt.Sprintf("%+v: totalCount %d, want %d", q, page.TotalCount, len(want))
		}
		if len(page.Edges) > q.First {
			return fmt.Sprintf("%+v: page of %d > first", q, len(page.Edges))
		}
		for _, e := range page.Edges {
			if !q.matches(byID[e.Product.ID]) {
				return fmt.Sprintf("%+v: %s does not match the filter", q, e.Product.ID)
			}
			got = append(got, e.Product)
		}
		if !page.HasNextPage {
			break
		}
		if len(page.Edges) == 0 {
			return fmt.Sprintf("%+v: hasNextPage with an empty page", q)
		}
		p.After = page.Edges[len(page.Edges)-1].Cursor
	}
	ids := make([]string, len(got))
	for i, g := range got {
		ids[i] = g.ID
	}
	sortedGot := slices.Clone(ids)
	sort.Strings(sortedGot)
	sort.Strings(want)
	if !slices.Equal(sortedGot, want) {
		return fmt.Sprintf("%+v: walked %v, want each of %v exactly once", q, ids, want)
	}
	for i := 1; i < len(got); i++ {
		if before(q.Sort, q.Search != "", got[i], got[i-1]) && q.Sort != product.SortRelevance {
			return fmt.Sprintf("%+v: %s sorts before %s but came after", q, got[i].ID, got[i-1].ID)
		}
	}
	return ""
}
