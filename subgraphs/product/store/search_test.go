package store

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/nexus-commerce/nexus/subgraphs/product"
	"github.com/nexus-commerce/nexus/subgraphs/product/seed"
)

func testSearch(t *testing.T, s *Store, c seed.Catalog) {
	ctx := context.Background()
	count := func(t *testing.T, search string) int {
		t.Helper()
		page, err := s.Products(ctx, product.ListParams{First: 1, Filter: product.Filter{Search: search}})
		if err != nil {
			t.Fatalf("search %q: %v", search, err)
		}
		return page.TotalCount
	}
	leafOf := map[string]string{}
	for _, cat := range c.Categories {
		leafOf[cat.ID] = cat.Name
	}
	inCategory := func(name string) int {
		n := 0
		for _, p := range c.Products {
			if leafOf[p.CategoryID] == name {
				n++
			}
		}
		return n
	}
	t.Run("category name is searched", func(t *testing.T) {
		// Not every sleeping bag is named one ("Down Sleeping Bag", "Camp
		// Quilt", ...): the category name finds all of them.
		if got, want := count(t, "sleeping bags"), inCategory("Sleeping Bags"); got < want {
			t.Fatalf("%d results, want at least the %d products of Sleeping Bags", got, want)
		}
	})
	t.Run("ancestor category names are searched", func(t *testing.T) {
		want := inCategory("Tents") + inCategory("Sleeping Bags") + inCategory("Bike Accessories")
		if got := count(t, "outdoors"); got != want {
			t.Fatalf("%d results for the department name, want its %d products", got, want)
		}
	})
	t.Run("stems and case", func(t *testing.T) {
		if a, b := count(t, "Headphones"), count(t, "headphone"); a == 0 || a != b {
			t.Fatalf("Headphones: %d, headphone: %d", a, b)
		}
	})
	t.Run("whitespace only is no search", func(t *testing.T) {
		if got := count(t, " \t\n "); got != len(c.Products) {
			t.Fatalf("%d results, want the whole catalog", got)
		}
	})
	t.Run("hostile strings never error", func(t *testing.T) {
		junk := strings.Repeat(`a'"\&|!:*()<->`, 20)[:200]
		for _, q := range []string{`'; DROP TABLE product.products; --`, `\`, `\\'`, `"unterminated`, `&|!:*()`,
			`<->`, `'':*`, `!!!`, `-`, `--`, `or or or`, `the`, `a & b | !c`, `foo:*`, `(((`, `)))`, "日本語 ünïcödé 🎧",
			"nul\x00byte", "\x01\x1f\u007f", junk, strings.Repeat("é", 200), strings.Repeat("x&", 100)} {
			for _, sort := range []product.Sort{"", product.SortRelevance, product.SortPriceAsc, product.SortRating} {
				p := product.ListParams{First: 2, Sort: sort, Filter: product.Filter{Search: q}}
				page, err := s.Products(ctx, p)
				if err != nil {
					t.Fatalf("search %q sort %q: %v", q, sort, err)
				}
				if page.HasNextPage {
					p.After = page.Edges[1].Cursor
					if _, err := s.Products(ctx, p); err != nil {
						t.Fatalf("search %q sort %q, second page: %v", q, sort, err)
					}
				}
			}
		}
	})
}

// TestSearchWeights checks the ranking: a word in the name outranks it in
// the category name, which outranks it in the description.
func TestSearchWeights(t *testing.T) {
	t.Parallel()
	db := migrated(t)
	root := catID(0)
	c := seed.Catalog{Categories: []product.Category{
		{ID: root, Name: "Kitchen", Slug: "kitchen"},
		{ID: catID(1), Name: "Zulu Tools", Slug: "zulu-tools", ParentID: &root},
	}}
	for i, p := range []struct{ name, desc, cat string }{
		{"Plain Whisk", "A whisk with a zulu pattern.", root},
		{"Zulu Whisk", "A whisk.", root},
		{"Plain Ladle", "A ladle.", catID(1)},
		{"Other Ladle", "Nothing to see.", root},
	} {
		c.Products = append(c.Products, product.Product{ID: prodID(i), Name: p.name, Slug: "p" + string(rune('a'+i)),
			Description: p.desc, Price: product.Money{Amount: 100, Currency: "USD"}, CategoryID: p.cat,
			SKU: "W" + string(rune('a'+i)), CreatedAt: seed.Epoch.Add(time.Duration(i) * time.Hour), UpdatedAt: seed.Epoch})
	}
	if _, err := seed.Load(context.Background(), db, c); err != nil {
		t.Fatal(err)
	}
	page, err := New(db).Products(context.Background(), product.ListParams{First: 10, Filter: product.Filter{Search: "zulu"}})
	if err != nil {
		t.Fatal(err.(*product.Error).Err)
	}
	var got []string
	for _, e := range page.Edges {
		got = append(got, e.Product.Name)
	}
	if want := "Zulu Whisk,Plain Ladle,Plain Whisk"; strings.Join(got, ",") != want {
		t.Fatalf("RELEVANCE order %v, want %s (name > category > description)", got, want)
	}
}
