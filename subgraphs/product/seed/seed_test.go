package seed

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"

	"github.com/nexus-commerce/nexus/migrations"
	"github.com/nexus-commerce/nexus/subgraphs/kit/migrate"
	"github.com/nexus-commerce/nexus/subgraphs/kit/pgtest"
)

func TestGenerateIsDeterministic(t *testing.T) {
	a, b := Generate(42, 2400), Generate(42, 2400)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same seed, different catalogs")
	}
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	if errA != nil || errB != nil || !bytes.Equal(ja, jb) {
		t.Fatal("same seed, catalogs serialise differently")
	}
	other := Generate(43, 2400)
	if other.Products[0].ID == a.Products[0].ID || other.Categories[0].ID == a.Categories[0].ID {
		t.Fatal("different seeds share ids")
	}
	if !reflect.DeepEqual(Generate(42, 10).Products, a.Products[:10]) {
		t.Fatal("a smaller catalog is not a prefix of a larger one")
	}
}

func TestGenerateIsBelievable(t *testing.T) {
	c := Generate(DemoSeed, DemoProducts)
	if len(c.Products) != DemoProducts || len(c.Categories) < 20 {
		t.Fatalf("%d products, %d categories", len(c.Products), len(c.Categories))
	}
	t.Run("tree of 3 levels, parents first", func(t *testing.T) {
		depth := map[string]int{}
		leaves := map[string]bool{}
		for _, cat := range c.Categories {
			if cat.ParentID == nil {
				depth[cat.ID] = 1
				continue
			}
			d, ok := depth[*cat.ParentID]
			if !ok {
				t.Fatalf("category %s listed before its parent", cat.Name)
			}
			depth[cat.ID] = d + 1
			leaves[cat.ID], leaves[*cat.ParentID] = true, false
			if cat.ImageURL != "/images/categories/"+cat.Slug+".svg" {
				t.Errorf("category image %q", cat.ImageURL)
			}
		}
		for id, d := range depth {
			if d > 3 || leaves[id] && d < 2 {
				t.Fatalf("category %s at depth %d", id, d)
			}
		}
		for _, p := range c.Products {
			if !leaves[p.CategoryID] {
				t.Fatalf("product %s is not in a leaf category", p.Name)
			}
		}
	})
	t.Run("products", func(t *testing.T) {
		slugs, skus, names := map[string]bool{}, map[string]bool{}, map[string]bool{}
		soldOut, onSale, unrated := 0, 0, 0
		for _, p := range c.Products {
			if slugs[p.Slug] || skus[p.SKU] || names[p.Name] {
				t.Fatalf("duplicate slug, sku or name: %s %s %s", p.Slug, p.SKU, p.Name)
			}
			slugs[p.Slug], skus[p.SKU], names[p.Name] = true, true, true
			if _, err := uuid.Parse(p.ID); err != nil || p.Price.Currency != "USD" || p.Price.Amount <= 0 {
				t.Fatalf("bad id or price: %+v", p)
			}
			if cents := p.Price.Amount % 100; cents != 99 && cents != 49 && cents != 95 && cents != 0 {
				t.Fatalf("price %d does not look like a shop price", p.Price.Amount)
			}
			if p.CompareAtPrice != nil {
				onSale++
				if p.CompareAtPrice.Amount <= p.Price.Amount {
					t.Fatalf("compare-at %d not above price %d", p.CompareAtPrice.Amount, p.Price.Amount)
				}
			}
			if n := len(p.Tags); n < 1 || n > 4 {
				t.Fatalf("%d tags", n)
			}
			if n := len(p.Images); n < 1 || n > 3 || !p.Images[0].IsPrimary {
				t.Fatalf("images %+v", p.Images)
			}
			for k, im := range p.Images {
				if im.URL != fmt.Sprintf("/images/products/%s/%d.svg", p.ID, k) || im.Alt == "" || (k > 0) == im.IsPrimary {
					t.Fatalf("image %d: %+v", k, im)
				}
			}
			if p.Rating < 0 || p.Rating > 5 || (p.ReviewCount == 0) != (p.Rating == 0) {
				t.Fatalf("rating %v over %d reviews", p.Rating, p.ReviewCount)
			}
			if p.Stock == 0 {
				soldOut++
			}
			if p.Rating == 0 {
				unrated++
			}
			if !p.CreatedAt.Before(Epoch.Add(time.Second)) || p.UpdatedAt.Before(p.CreatedAt) || len(strings.Fields(p.Description)) < 10 {
				t.Fatalf("timestamps or description: %+v", p)
			}
		}
		for what, n := range map[string]int{"sold out": soldOut, "on sale": onSale, "unrated": unrated} {
			if n == 0 || n > len(c.Products)/3 {
				t.Errorf("%d of %d products %s", n, len(c.Products), what)
			}
		}
	})
}

// migrated returns a fresh database with the product schema.
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

func TestLoad(t *testing.T) {
	db := migrated(t)
	ctx := context.Background()
	start := time.Now()
	if err := Run(ctx, db, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatalf("Run: %v", err)
	}
	t.Logf("Run loaded %d products in %v", DemoProducts, time.Since(start))
	var products, categories, withPath int
	if err := db.Get(&products, `SELECT count(*) FROM product.products`); err != nil || products != DemoProducts {
		t.Fatalf("products = %d, %v", products, err)
	}
	if err := db.Get(&categories, `SELECT count(*) FROM product.categories`); err != nil || categories != len(Generate(DemoSeed, 0).Categories) {
		t.Fatalf("categories = %d, %v", categories, err)
	}
	if err := db.Get(&withPath, `SELECT count(*) FROM product.products WHERE cardinality(category_path) >= 2 AND category_names <> ''`); err != nil || withPath != DemoProducts {
		t.Fatalf("products with category path and names = %d, %v", withPath, err)
	}
	t.Run("second load inserts nothing", func(t *testing.T) {
		if ok, err := Load(ctx, db, Generate(7, 50)); ok || err != nil {
			t.Fatalf("Load = %v, %v", ok, err)
		}
		if err := db.Get(&products, `SELECT count(*) FROM product.products`); err != nil || products != DemoProducts {
			t.Fatalf("products = %d, %v", products, err)
		}
	})
}

func TestConcurrentLoadsInsertOnce(t *testing.T) {
	db := migrated(t)
	c := Generate(9, 200)
	var wg sync.WaitGroup
	results := make([]bool, 4)
	errs := make([]error, 4)
	for i := range results {
		wg.Go(func() { results[i], errs[i] = Load(context.Background(), db, c) })
	}
	wg.Wait()
	inserted := 0
	for i, ok := range results {
		if errs[i] != nil {
			t.Fatalf("Load %d: %v", i, errs[i])
		}
		if ok {
			inserted++
		}
	}
	if inserted != 1 {
		t.Fatalf("%d loads inserted, want exactly 1", inserted)
	}
}
