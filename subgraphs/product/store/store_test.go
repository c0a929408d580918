package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/jmoiron/sqlx"

	"github.com/nexus-commerce/nexus/migrations"
	"github.com/nexus-commerce/nexus/subgraphs/kit/migrate"
	"github.com/nexus-commerce/nexus/subgraphs/kit/pgtest"
	"github.com/nexus-commerce/nexus/subgraphs/product"
	"github.com/nexus-commerce/nexus/subgraphs/product/seed"
)

// migrated returns a fresh database with the product migrations applied,
// exactly as the service does on start.
func migrated(t *testing.T) *sqlx.DB {
	t.Helper()
	db := pgtest.New(t)
	fsys, err := migrations.FS("product")
	if err != nil {
		t.Fatal(err)
	}
	if err := migrate.Up(context.Background(), db, "product", fsys, nil); err != nil {
		t.Fatal(err)
	}
	return db
}

// demo returns a store over a fresh database holding the demo catalog.
func demo(t *testing.T) (*Store, seed.Catalog) {
	t.Helper()
	db := migrated(t)
	c := seed.Generate(seed.DemoSeed, seed.DemoProducts)
	if ok, err := seed.Load(context.Background(), db, c); err != nil || !ok {
		t.Fatalf("seed: %v %v", ok, err)
	}
	return New(db), c
}

// codeOf returns the code and field of a *product.Error ("" otherwise).
func codeOf(err error) (code, field string) {
	var e *product.Error
	if errors.As(err, &e) {
		return e.Code, e.Field
	}
	return "", ""
}

// TestDemoCatalog runs the read-only tests against one load of the demo
// catalog (loading it is most of their cost).
func TestDemoCatalog(t *testing.T) {
	t.Parallel()
	s, c := demo(t)
	t.Run("lookups", func(t *testing.T) { testLookups(t, s, c) })
	t.Run("categories", func(t *testing.T) { testCategories(t, s, c) })
	t.Run("search", func(t *testing.T) { testSearch(t, s, c) })
	t.Run("plans", func(t *testing.T) { testEveryFilterAndSortUsesAnIndex(t, s, c) })
	t.Run("review plans", func(t *testing.T) { testReviewListsUseIndexes(t, s, c) })
}

func testLookups(t *testing.T, s *Store, c seed.Catalog) {
	ctx := context.Background()
	want := c.Products[7]
	t.Run("by id", func(t *testing.T) {
		p, err := s.Product(ctx, want.ID)
		if err != nil {
			t.Fatal(err)
		}
		if p.Name != want.Name || p.Price != want.Price || p.SKU != want.SKU || p.CategoryID != want.CategoryID ||
			len(p.Images) != len(want.Images) || p.Images[0] != want.Images[0] || !p.CreatedAt.Equal(want.CreatedAt) ||
			strings.Join(p.Tags, ",") != strings.Join(want.Tags, ",") || p.Rating != want.Rating || p.Stock != want.Stock {
			t.Fatalf("Product = %+v\nwant      %+v", p, want)
		}
	})
	t.Run("by upper-case id", func(t *testing.T) {
		if p, err := s.Product(ctx, strings.ToUpper(want.ID)); err != nil || p.ID != want.ID {
			t.Fatalf("Product = %+v, %v", p, err)
		}
	})
	t.Run("by slug", func(t *testing.T) {
		if p, err := s.ProductBySlug(ctx, want.Slug); err != nil || p.ID != want.ID {
			t.Fatalf("ProductBySlug = %+v, %v", p, err)
		}
	})
	for _, id := range []string{"00000000-0000-0000-0000-000000000000", "not-a-uuid", "", "\x00"} {
		t.Run("unknown id "+id, func(t *testing.T) {
			if _, err := s.Product(ctx, id); func() string { c, _ := codeOf(err); return c }() != product.NotFound {
				t.Fatalf("err = %v, want NOT_FOUND", err)
			}
		})
	}
	for _, slug := range []string{"no-such-product", "", "UPPER", "nul\x00byte", "'; drop table x; --"} {
		t.Run("unknown slug "+slug, func(t *testing.T) {
			if _, err := s.ProductBySlug(ctx, slug); func() string { c, _ := codeOf(err); return c }() != product.NotFound {
				t.Fatalf("err = %v, want NOT_FOUND", err)
			}
		})
	}
	t.Run("batch keeps order, duplicates and unknowns", func(t *testing.T) {
		ids := []string{c.Products[3].ID, "nope", c.Products[1].ID, strings.ToUpper(c.Products[3].ID), "00000000-0000-0000-0000-000000000000", c.Products[3].ID}
		got, err := s.ProductsByIDs(ctx, ids)
		if err != nil || len(got) != len(ids) {
			t.Fatalf("got %d, %v", len(got), err)
		}
		wantIDs := []string{c.Products[3].ID, "", c.Products[1].ID, c.Products[3].ID, "", c.Products[3].ID}
		for i, w := range wantIDs {
			if (w == "") != (got[i] == nil) || got[i] != nil && got[i].ID != w {
				t.Fatalf("result[%d] = %+v, want id %q", i, got[i], w)
			}
		}
		if got[0] == got[3] {
			t.Error("duplicate ids share one *Product; each slot should be its own value")
		}
	})
	t.Run("empty batch", func(t *testing.T) {
		if got, err := s.ProductsByIDs(ctx, nil); err != nil || len(got) != 0 {
			t.Fatalf("ProductsByIDs(nil) = %v, %v", got, err)
		}
	})
}

func TestListValidation(t *testing.T) {
	t.Parallel()
	s := New(migrated(t))
	neg, small, big := int64(-1), int64(5), int64(10)
	other := product.Cursor{Order: product.SortRating, ID: "00000000-0000-0000-0000-000000000001"}.Encode()
	newest := product.Cursor{Order: product.SortNewest, ID: "00000000-0000-0000-0000-000000000001"}.Encode()
	tests := []struct {
		name  string
		p     product.ListParams
		field string
	}{
		{"first zero", product.ListParams{First: 0}, "first"},
		{"first negative", product.ListParams{First: -1}, "first"},
		{"first too big", product.ListParams{First: 101}, "first"},
		{"negative min", product.ListParams{First: 1, Filter: product.Filter{MinPrice: &neg}}, "filter.minPrice"},
		{"negative max", product.ListParams{First: 1, Filter: product.Filter{MaxPrice: &neg}}, "filter.maxPrice"},
		{"min above max", product.ListParams{First: 1, Filter: product.Filter{MinPrice: &big, MaxPrice: &small}}, "filter.minPrice"},
		{"malformed cursor", product.ListParams{First: 1, After: "!!!"}, "after"},
		{"cursor of another sort", product.ListParams{First: 1, Sort: product.SortPriceAsc, After: other}, "after"},
		{"newest cursor for a search ranking", product.ListParams{First: 1, Filter: product.Filter{Search: "lamp"}, After: newest}, "after"},
		{"empty tag", product.ListParams{First: 1, Filter: product.Filter{Tags: []string{""}}}, "filter.tags"},
		{"blank tag", product.ListParams{First: 1, Filter: product.Filter{Tags: []string{"  "}}}, "filter.tags"},
		{"NUL in tag", product.ListParams{First: 1, Filter: product.Filter{Tags: []string{"a\x00b"}}}, "filter.tags"},
		{"too many tags", product.ListParams{First: 1, Filter: product.Filter{Tags: strings.Fields(strings.Repeat("t ", 21))}}, "filter.tags"},
		{"long search", product.ListParams{First: 1, Filter: product.Filter{Search: strings.Repeat("a", 201)}}, "filter.search"},
		{"invalid UTF-8 search", product.ListParams{First: 1, Filter: product.Filter{Search: "\xff"}}, "filter.search"},
		{"malformed category", product.ListParams{First: 1, Filter: product.Filter{CategoryID: "x"}}, "filter.categoryId"},
		{"unknown sort", product.ListParams{First: 1, Sort: "SIDEWAYS"}, "sort"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.Products(context.Background(), tt.p)
			if c, f := codeOf(err); c != product.Invalid || f != tt.field {
				t.Fatalf("err = %v (code %q field %q), want INVALID on %s", err, c, f, tt.field)
			}
		})
	}
	t.Run("a NEWEST cursor pages RELEVANCE without a search (same order)", func(t *testing.T) {
		if _, err := s.Products(context.Background(), product.ListParams{First: 1, Sort: product.SortRelevance, After: newest}); err != nil {
			t.Fatal(err)
		}
	})
}

func TestEmptyCatalog(t *testing.T) {
	t.Parallel()
	s := New(migrated(t))
	page, err := s.Products(context.Background(), product.ListParams{First: 5})
	if err != nil || page.TotalCount != 0 || page.HasNextPage || page.Edges == nil || len(page.Edges) != 0 {
		t.Fatalf("Products = %+v, %v; want an empty, non-nil page", page, err)
	}
	cats, err := s.Categories(context.Background())
	if err != nil || len(cats) != 0 {
		t.Fatalf("Categories = %v, %v", cats, err)
	}
}
