package store

import (
	"context"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/nexus-commerce/nexus/migrations"
	"github.com/nexus-commerce/nexus/subgraphs/kit/events"
	"github.com/nexus-commerce/nexus/subgraphs/kit/migrate"
	"github.com/nexus-commerce/nexus/subgraphs/kit/pgtest"
	"github.com/nexus-commerce/nexus/subgraphs/product"
	"github.com/nexus-commerce/nexus/subgraphs/product/index"
)

// TestIndexFollowsEvents runs the index as the binary does (outbox relay,
// PostgreSQL bus, index.Run) and checks that every kind of catalog write
// reaches it: create, stock movement, update, delete, category rename.
// It waits on the index's change signal, never on a clock.
func TestIndexFollowsEvents(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second) // a bound on a hung test, not a timing assertion
	defer cancel()
	dsn := pgtest.URL(t)
	db, err := sqlx.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	fsys, _ := migrations.FS("product")
	if err := migrate.Up(ctx, db, "product", fsys, nil); err != nil {
		t.Fatal(err)
	}
	bus, err := events.NewPGBus(ctx, db, dsn, "product", events.PGOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s := New(db)
	cat, err := s.CreateCategory(ctx, product.CategoryFields{Name: "Shoes", Slug: "shoes"})
	if err != nil {
		t.Fatal(err)
	}
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan struct{}, 2)
	go func() {
		_ = (&events.Relay{DB: db, Schema: "product", Bus: bus, DSN: dsn}).Run(runCtx)
		done <- struct{}{}
	}()
	ix := index.New(s, s, nil)
	go func() { _ = ix.Run(runCtx, bus); done <- struct{}{} }()
	t.Cleanup(func() { stop(); <-done; <-done; bus.Close() })
	select {
	case <-ix.Ready():
	case <-ctx.Done():
		t.Fatal("index never built")
	}

	// eventually waits until cond holds on the index, woken by each change.
	eventually := func(what string, cond func(f product.Facets, p product.Page) bool) {
		t.Helper()
		for {
			changed, _ := ix.Changed()
			f, err := ix.Facets(ctx, product.Filter{})
			if err != nil {
				t.Fatal(err)
			}
			p, err := ix.Products(ctx, product.ListParams{First: 10, Sort: product.SortPriceAsc})
			if err != nil {
				t.Fatal(err)
			}
			if cond(f, p) {
				return
			}
			select {
			case <-changed:
			case <-ctx.Done():
				t.Fatalf("index never reflected: %s (facets %+v, total %d)", what, f, p.TotalCount)
			}
		}
	}
	f := product.ProductFields{Name: "Trail Shoe", Slug: "trail-shoe", Price: 5999, CategoryID: cat.ID, Tags: []string{"running"}, SKU: "NX-1"}
	p, err := s.CreateProduct(ctx, product.NewProduct{ProductFields: f})
	if err != nil {
		t.Fatal(err)
	}
	eventually("created, sold out", func(f product.Facets, pg product.Page) bool {
		return pg.TotalCount == 1 && f.OutOfStock == 1 && f.InStock == 0 && len(f.Tags) == 1
	})
	if _, err := s.AdjustStock(ctx, product.StockAdjustment{ID: p.ID, Delta: 3, Reason: "restock"}); err != nil {
		t.Fatal(err)
	}
	eventually("restocked", func(f product.Facets, _ product.Page) bool { return f.InStock == 1 && f.OutOfStock == 0 })
	f.Price, f.Tags = 60000, []string{"sale"}
	if p, err = s.UpdateProduct(ctx, product.ProductUpdate{ID: p.ID, Version: p.Version, ProductFields: f}); err != nil {
		t.Fatal(err)
	}
	eventually("repriced and retagged", func(f product.Facets, _ product.Page) bool {
		return f.PriceBuckets[5].Count == 1 && len(f.Tags) == 1 && f.Tags[0].Tag == "sale"
	})
	if _, err := s.UpdateCategory(ctx, product.CategoryUpdate{ID: cat.ID, Version: cat.Version, CategoryFields: product.CategoryFields{Name: "Boots", Slug: "boots"}}); err != nil {
		t.Fatal(err)
	}
	eventually("category renamed (full rebuild)", func(f product.Facets, _ product.Page) bool {
		return len(f.Categories) == 1 && f.Categories[0].Category.Name == "Boots"
	})
	if _, err := s.DeleteProduct(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	eventually("deleted", func(f product.Facets, pg product.Page) bool {
		return pg.TotalCount == 0 && f.InStock == 0 && len(f.Categories) == 0
	})
}
