package graph_test

import (
	"cmp"
	"slices"
	"strings"
	"testing"
	"time"
)

// productsQuery fetches one page with everything the filter and sort
// assertions look at.
const productsQuery = `query Products($first: Int, $after: String, $filter: ProductFilter, $sort: ProductSort) {
  products(first: $first, after: $after, filter: $filter, sort: $sort) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges {
      cursor
      node {
        id name slug description tags stock rating createdAt
        price { amount currency }
        category { id }
      }
    }
  }
}`

type node struct {
	ID          string    `json:"id"`
	Name        string    `json:"name"`
	Slug        string    `json:"slug"`
	Description string    `json:"description"`
	Tags        []string  `json:"tags"`
	Stock       int       `json:"stock"`
	Rating      float64   `json:"rating"`
	CreatedAt   time.Time `json:"createdAt"`
	Price       struct {
		Amount   int64  `json:"amount"`
		Currency string `json:"currency"`
	} `json:"price"`
	Category struct {
		ID string `json:"id"`
	} `json:"category"`
}

type page struct {
	TotalCount int `json:"totalCount"`
	PageInfo   struct {
		HasNextPage     bool    `json:"hasNextPage"`
		HasPreviousPage bool    `json:"hasPreviousPage"`
		StartCursor     *string `json:"startCursor"`
		EndCursor       *string `json:"endCursor"`
	} `json:"pageInfo"`
	Edges []struct {
		Cursor string `json:"cursor"`
		Node   node   `json:"node"`
	} `json:"edges"`
}

func (p page) nodes() []node {
	out := make([]node, len(p.Edges))
	for i, e := range p.Edges {
		out[i] = e.Node
	}
	return out
}

// fetchPage runs productsQuery with vars.
func (e *env) fetchPage(t *testing.T, vars map[string]any) page {
	t.Helper()
	var data struct {
		Products page `json:"products"`
	}
	e.query(t, productsQuery, vars, &data)
	return data.Products
}

// fetchAll pages through every product matching filter in sort order and
// checks that totalCount agrees with what the pages held.
func (e *env) fetchAll(t *testing.T, filter map[string]any, sort string) []node {
	t.Helper()
	vars := map[string]any{"first": 100, "filter": filter}
	if sort != "" {
		vars["sort"] = sort
	}
	var all []node
	for {
		p := e.fetchPage(t, vars)
		all = append(all, p.nodes()...)
		if !p.PageInfo.HasNextPage {
			if p.TotalCount != len(all) {
				t.Fatalf("totalCount = %d, but the pages held %d products", p.TotalCount, len(all))
			}
			return all
		}
		vars["after"] = *p.PageInfo.EndCursor
	}
}

func ids(nodes []node) []string {
	out := make([]string, len(nodes))
	for i, n := range nodes {
		out[i] = n.ID
	}
	return out
}

// sample picks a product of the seeded catalog that has tags, so the
// filters below have something specific to look for.
func sample(t *testing.T, catalog []node) node {
	t.Helper()
	for _, n := range catalog[len(catalog)/2:] {
		if len(n.Tags) > 0 {
			return n
		}
	}
	t.Fatal("the seeded catalog has no tagged product")
	return node{}
}

// longestWord is the most distinctive word of a product name, used as a
// search term that should find that product.
func longestWord(s string) string {
	words := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == ',' })
	return slices.MaxFunc(words, func(a, b string) int { return cmp.Compare(len(a), len(b)) })
}

// subtree returns the ids of a category and all its descendants: the
// categories filter.categoryId matches.
func (e *env) subtree(t *testing.T, root string) map[string]bool {
	t.Helper()
	var data struct {
		Categories []struct {
			ID     string `json:"id"`
			Parent *struct {
				ID string `json:"id"`
			} `json:"parent"`
		} `json:"categories"`
	}
	e.query(t, `{ categories { id parent { id } } }`, nil, &data)
	in := map[string]bool{root: true}
	for grew := true; grew; {
		grew = false
		for _, c := range data.Categories {
			if c.Parent != nil && in[c.Parent.ID] && !in[c.ID] {
				in[c.ID], grew = true, true
			}
		}
	}
	return in
}

func testProducts(t *testing.T, e *env) {
	catalog := e.fetchAll(t, nil, "NEWEST")
	if len(catalog) < 20 {
		t.Fatalf("the seeded catalog has %d products; these tests need at least 20", len(catalog))
	}
	p := sample(t, catalog)
	word := longestWord(p.Name)
	inCategory := e.subtree(t, p.Category.ID)
	low, high := p.Price.Amount-2000, p.Price.Amount+2000

	// want filters the whole catalog client-side: the expected result set.
	want := func(keep func(node) bool) []string {
		var out []string
		for _, n := range catalog {
			if keep(n) {
				out = append(out, n.ID)
			}
		}
		slices.Sort(out)
		return out
	}
	byPrice := func(a, b node) int { return cmp.Compare(a.Price.Amount, b.Price.Amount) }

	tests := []struct {
		name   string
		filter map[string]any
		sort   string
		// exact, when set, is the sorted id set the result must equal.
		exact []string
		// check holds for every returned product.
		check func(node) bool
		// order compares neighbours; results must be sorted by it.
		order func(a, b node) int
		// mustFind is an id the result must contain.
		mustFind string
	}{
		{name: "price ascending", sort: "PRICE_ASC", exact: want(func(node) bool { return true }), order: byPrice},
		{name: "price descending", sort: "PRICE_DESC", exact: want(func(node) bool { return true }),
			order: func(a, b node) int { return byPrice(b, a) }},
		{name: "rating", sort: "RATING", order: func(a, b node) int { return cmp.Compare(b.Rating, a.Rating) }},
		{name: "newest", sort: "NEWEST", order: func(a, b node) int { return b.CreatedAt.Compare(a.CreatedAt) }},
		{name: "category", filter: map[string]any{"categoryId": p.Category.ID}, sort: "PRICE_ASC",
			exact: want(func(n node) bool { return inCategory[n.Category.ID] }), order: byPrice},
		{name: "price range", filter: map[string]any{"minPrice": low, "maxPrice": high}, sort: "PRICE_DESC",
			exact: want(func(n node) bool { return n.Price.Amount >= low && n.Price.Amount <= high }),
			order: func(a, b node) int { return byPrice(b, a) }},
		{name: "tag", filter: map[string]any{"tags": []string{p.Tags[0]}}, sort: "NEWEST",
			exact: want(func(n node) bool { return slices.Contains(n.Tags, p.Tags[0]) })},
		{name: "in stock", filter: map[string]any{"inStock": true}, sort: "RATING",
			exact: want(func(n node) bool { return n.Stock > 0 })},
		{name: "out of stock", filter: map[string]any{"inStock": false},
			exact: want(func(n node) bool { return n.Stock <= 0 })},
		{name: "search", filter: map[string]any{"search": strings.ToUpper(word)}, sort: "RELEVANCE", mustFind: p.ID},
		{name: "search with filters and sort",
			filter: map[string]any{"search": word, "categoryId": p.Category.ID, "maxPrice": high, "tags": p.Tags[:1]},
			sort:   "PRICE_ASC",
			check: func(n node) bool {
				return n.Category.ID == p.Category.ID && n.Price.Amount <= high && slices.Contains(n.Tags, p.Tags[0])
			},
			order:    byPrice,
			mustFind: p.ID},
		{name: "search without match", filter: map[string]any{"search": "zzqxj-no-such-product"}, exact: []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := e.fetchAll(t, tt.filter, tt.sort)
			if tt.exact != nil {
				gotIDs := ids(got)
				slices.Sort(gotIDs)
				if !slices.Equal(gotIDs, tt.exact) && !(len(gotIDs) == 0 && len(tt.exact) == 0) {
					t.Errorf("got %d products %v, want %d %v", len(gotIDs), gotIDs, len(tt.exact), tt.exact)
				}
			}
			for i, n := range got {
				if tt.check != nil && !tt.check(n) {
					t.Errorf("product %s (%s) does not match the filter", n.ID, n.Name)
				}
				if tt.order != nil && i > 0 && tt.order(got[i-1], n) > 0 {
					t.Errorf("products %s and %s are out of %s order", got[i-1].ID, n.ID, tt.sort)
				}
			}
			if tt.mustFind != "" && !slices.Contains(ids(got), tt.mustFind) {
				t.Errorf("search for %q did not find product %s (%q); got %v", word, tt.mustFind, p.Name, ids(got))
			}
		})
	}
}

func testPagination(t *testing.T, e *env) {
	whole := e.fetchPage(t, map[string]any{"first": 10, "sort": "PRICE_ASC"})
	first := e.fetchPage(t, map[string]any{"first": 5, "sort": "PRICE_ASC"})
	second := e.fetchPage(t, map[string]any{"first": 5, "sort": "PRICE_ASC", "after": *first.PageInfo.EndCursor})

	if got, want := append(ids(first.nodes()), ids(second.nodes())...), ids(whole.nodes()); !slices.Equal(got, want) {
		t.Errorf("two pages of 5 = %v, one page of 10 = %v", got, want)
	}
	if first.PageInfo.HasPreviousPage || !first.PageInfo.HasNextPage {
		t.Errorf("first page pageInfo = %+v, want hasPreviousPage false, hasNextPage true", first.PageInfo)
	}
	if !second.PageInfo.HasPreviousPage {
		t.Error("second page: hasPreviousPage = false, want true")
	}
	for _, p := range []page{first, second} {
		if *p.PageInfo.StartCursor != p.Edges[0].Cursor || *p.PageInfo.EndCursor != p.Edges[len(p.Edges)-1].Cursor {
			t.Errorf("start/end cursors %q/%q do not match the edges", *p.PageInfo.StartCursor, *p.PageInfo.EndCursor)
		}
		if p.TotalCount != whole.TotalCount {
			t.Errorf("totalCount changed between pages: %d, want %d", p.TotalCount, whole.TotalCount)
		}
	}

	empty := e.fetchPage(t, map[string]any{"filter": map[string]any{"search": "zzqxj-no-such-product"}})
	if len(empty.Edges) != 0 || empty.TotalCount != 0 || empty.PageInfo.HasNextPage ||
		empty.PageInfo.StartCursor != nil || empty.PageInfo.EndCursor != nil {
		t.Errorf("empty result = %+v, want no edges, totalCount 0 and null cursors", empty)
	}
	defaulted := e.fetchPage(t, nil)
	if len(defaulted.Edges) != 20 {
		t.Errorf("products without first returned %d edges, want the default 20", len(defaulted.Edges))
	}
}
