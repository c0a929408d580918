package seed

import (
	"context"
	"reflect"
	"testing"

	"github.com/nexus-commerce/nexus/migrations"
	"github.com/nexus-commerce/nexus/subgraphs/kit/migrate"
	"github.com/nexus-commerce/nexus/subgraphs/kit/pgtest"
)

func TestGenerateIsDeterministicAndBelievable(t *testing.T) {
	a, b := Generate(42, 2400), Generate(42, 2400)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same seed, different catalogs")
	}
	if other := Generate(43, 2400); reflect.DeepEqual(a.Products[0], other.Products[0]) {
		t.Fatal("different seeds, same products")
	}
	if len(a.Products) != 2400 || len(a.Categories) < 20 {
		t.Fatalf("%d products, %d categories", len(a.Products), len(a.Categories))
	}
	byID := map[string]int{}
	depth := func(id string) int {
		d := 0
		for i := byID[id]; a.Categories[i].ParentID != nil; i = byID[*a.Categories[i].ParentID] {
			d++
		}
		return d
	}
	for i, c := range a.Categories {
		if c.ParentID != nil {
			if _, ok := byID[*c.ParentID]; !ok {
				t.Fatalf("category %s listed before its parent", c.Name)
			}
		}
		byID[c.ID] = i
	}
	maxDepth, slugs, skus := 0, map[string]bool{}, map[string]bool{}
	for _, c := range a.Categories {
		maxDepth = max(maxDepth, depth(c.ID))
	}
	if maxDepth != 2 {
		t.Fatalf("tree depth %d, want 3 levels", maxDepth+1)
	}
	inStock := 0
	for _, p := range a.Products {
		if slugs[p.Slug] || skus[p.SKU] {
			t.Fatalf("duplicate slug or sku: %s %s", p.Slug, p.SKU)
		}
		slugs[p.Slug], skus[p.SKU] = true, true
		if p.Price.Amount <= 0 || (p.CompareAtPrice != nil && p.CompareAtPrice.Amount <= p.Price.Amount) {
			t.Fatalf("bad prices: %+v", p)
		}
		if len(p.Tags) == 0 || len(p.Images) == 0 || !p.Images[0].IsPrimary || p.Rating < 0 || p.Rating > 5 {
			t.Fatalf("incomplete product: %+v", p)
		}
		if p.Stock > 0 {
			inStock++
		}
	}
	if inStock == len(a.Products) || inStock == 0 {
		t.Fatalf("in stock: %d of %d", inStock, len(a.Products))
	}
}

func TestLoadIsIdempotent(t *testing.T) {
	db := pgtest.New(t)
	fsys, _ := migrations.FS("product")
	if err := migrate.Up(context.Background(), db, "product", fsys, nil); err != nil {
		t.Fatal(err)
	}
	c := Generate(7, 300)
	if ok, err := Load(context.Background(), db, c); !ok || err != nil {
		t.Fatalf("first Load = %v, %v", ok, err)
	}
	if ok, err := Load(context.Background(), db, c); ok || err != nil {
		t.Fatalf("second Load = %v, %v", ok, err)
	}
	var n int
	if err := db.Get(&n, `SELECT count(*) FROM product.products`); err != nil || n != 300 {
		t.Fatalf("count = %d, %v", n, err)
	}
}
