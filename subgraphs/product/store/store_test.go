package store

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/jmoiron/sqlx"

	"github.com/nexus-commerce/nexus/migrations"
	"github.com/nexus-commerce/nexus/subgraphs/kit/migrate"
	"github.com/nexus-commerce/nexus/subgraphs/kit/pgtest"
	"github.com/nexus-commerce/nexus/subgraphs/product"
	"github.com/nexus-commerce/nexus/subgraphs/product/seed"
)

var (
	seededOnce sync.Once
	seededDB   *sqlx.DB
)

// migrated returns a fresh migrated database.
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

// demo returns a database holding the demo catalog.
func demo(t *testing.T) (*Store, seed.Catalog) {
	t.Helper()
	db := migrated(t)
	c := seed.Generate(42, 2400)
	if ok, err := seed.Load(context.Background(), db, c); err != nil || !ok {
		t.Fatalf("seed: %v %v", ok, err)
	}
	return New(db), c
}

func code(err error) (string, string) {
	var e *product.Error
	if errors.As(err, &e) {
		return e.Code, e.Field
	}
	return "", ""
}

func TestLookups(t *testing.T) {
	s, c := demo(t)
	ctx := context.Background()
	want := c.Products[7]
	t.Run("by id", func(t *testing.T) {
		p, err := s.Product(ctx, want.ID)
		if err != nil || p.Name != want.Name || p.Price != want.Price || p.SKU != want.SKU || len(p.Images) != len(want.Images) {
			t.Fatalf("Product = %+v, %v", p, err)
		}
	})
	t.Run("by slug", func(t *testing.T) {
		p, err := s.ProductBySlug(ctx, want.Slug)
		if err != nil || p.ID != want.ID {
			t.Fatalf("ProductBySlug = %+v, %v", p, err)
		}
	})
	for _, id := range []string{"00000000-0000-0000-0000-000000000000", "not-a-uuid", ""} {
		t.Run("not found "+id, func(t *testing.T) {
			if _, err := s.Product(ctx, id); func() string { c, _ := code(err); return c }() != product.NotFound {
				t.Fatalf("err = %v", err)
			}
		})
	}
	t.Run("batch keeps order, duplicates and unknowns", func(t *testing.T) {
		ids := []string{c.Products[3].ID, "nope", c.Products[1].ID, c.Products[3].ID, "00000000-0000-0000-0000-000000000000"}
		got, err := s.ProductsByIDs(ctx, ids)
		if err != nil || len(got) != len(ids) {
			t.Fatalf("got %d, %v", len(got), err)
		}
		if got[0].ID != ids[0] || got[1] != nil || got[2].ID != ids[2] || got[3].ID != ids[3] || got[4] != nil {
			t.Fatalf("order wrong: %+v", got)
		}
	})
	t.Run("categories tree", func(t *testing.T) {
		cats, err := s.Categories(ctx)
		if err != nil || len(cats) != len(c.Categories) || len(cats) < 20 {
			t.Fatalf("Categories = %d, %v", len(cats), err)
		}
		seen := map[string]bool{}
		for _, cat := range cats {
			if cat.ParentID != nil && !seen[*cat.ParentID] {
				t.Fatalf("child %s before its parent", cat.Name)
			}
			seen[cat.ID] = true
		}
		roots := []string{}
		for _, cat := range cats {
			if cat.ParentID == nil {
				roots = append(roots, cat.ID)
			}
		}
		kids, err := s.ChildCategories(ctx, append(roots, "nope"))
		if err != nil || len(kids) != len(roots)+1 || len(kids[0]) == 0 || len(kids[len(roots)]) != 0 {
			t.Fatalf("ChildCategories = %v, %v", kids, err)
		}
		byID, err := s.CategoriesByIDs(ctx, []string{roots[1], "x", roots[0]})
		if err != nil || byID[0].ID != roots[1] || byID[1] != nil || byID[2].ID != roots[0] {
			t.Fatalf("CategoriesByIDs = %v, %v", byID, err)
		}
	})
}

func TestListValidation(t *testing.T) {
	s := New(migrated(t))
	neg, small, big := int64(-1), int64(5), int64(10)
	tests := []struct {
		name  string
		p     product.ListParams
		field string
	}{
		{"first zero", product.ListParams{First: 0}, "first"},
		{"first too big", product.ListParams{First: 101}, "first"},
		{"negative min", product.ListParams{First: 1, Filter: product.Filter{MinPrice: &neg}}, "filter.minPrice"},
		{"min above max", product.ListParams{First: 1, Filter: product.Filter{MinPrice: &big, MaxPrice: &small}}, "filter.minPrice"},
		{"malformed cursor", product.ListParams{First: 1, After: "!!!"}, "after"},
		{"cursor of another sort", product.ListParams{First: 1, Sort: product.SortPriceAsc, After: product.Cursor{Sort: product.SortRating, ID: "x"}.Encode()}, "after"},
		{"empty tag", product.ListParams{First: 1, Filter: product.Filter{Tags: []string{""}}}, "filter.tags"},
		{"long search", product.ListParams{First: 1, Filter: product.Filter{Search: strings.Repeat("a", 201)}}, "filter.search"},
		{"bad category", product.ListParams{First: 1, Filter: product.Filter{CategoryID: "x"}}, "filter.categoryId"},
		{"bad sort", product.ListParams{First: 1, Sort: "SIDEWAYS"}, "sort"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.Products(context.Background(), tt.p)
			if c, f := code(err); c != product.Invalid || f != tt.field {
				t.Fatalf("err = %v (code %q field %q), want INVALID on %s", err, c, f, tt.field)
			}
		})
	}
}

func TestSearch(t *testing.T) {
	s, _ := demo(t)
	ctx := context.Background()
	t.Run("category name is searched", func(t *testing.T) {
		page, err := s.Products(ctx, product.ListParams{First: 100, Filter: product.Filter{Search: "sleeping bags"}})
		if err != nil || page.TotalCount == 0 {
			t.Fatalf("%+v %v", page.TotalCount, err)
		}
	})
	t.Run("hostile strings never error", func(t *testing.T) {
		for _, q := range []string{`'; DROP TABLE product.products; --`, `\`, `"unterminated`, `&|!:*()<>`, `-`, `or or or`, "日本語 ünïcödé", strings.Repeat("x&", 100)} {
			if _, err := s.Products(ctx, product.ListParams{First: 5, Filter: product.Filter{Search: q}}); err != nil {
				t.Fatalf("search %q: %v", q, err)
			}
		}
	})
}
