package store

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"sync"
	"testing"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// counts is what a write may change: rows and outbox events.
type counts struct{ products, categories, outbox int }

func countRows(t *testing.T, s *Store) counts {
	t.Helper()
	var c counts
	err := s.db.QueryRowx(`SELECT (SELECT count(*) FROM product.products), (SELECT count(*) FROM product.categories),
		(SELECT count(*) FROM product.outbox)`).Scan(&c.products, &c.categories, &c.outbox)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// outboxEvent is one outbox row as the relay would read it.
type outboxEvent struct {
	Type        string `db:"type"`
	AggregateID string `db:"aggregate_id"`
	Payload     []byte `db:"payload"`
}

func outbox(t *testing.T, s *Store) []outboxEvent {
	t.Helper()
	var evs []outboxEvent
	if err := s.db.Select(&evs, `SELECT type, aggregate_id, payload FROM product.outbox ORDER BY id`); err != nil {
		t.Fatal(err)
	}
	return evs
}

// writable returns a store over an empty migrated catalog with one
// category, the product fields of a valid product in it, and that category.
func writable(t *testing.T) (*Store, product.ProductFields, product.Category) {
	t.Helper()
	s := New(migrated(t))
	cat, err := s.CreateCategory(context.Background(), product.CategoryFields{Name: "Shoes", Slug: "shoes"})
	if err != nil {
		t.Fatal(err)
	}
	f := product.ProductFields{Name: "Trail Shoe", Slug: "trail-shoe", Price: 5999, CategoryID: cat.ID,
		Tags: []string{"running"}, SKU: "NX-1", Images: []product.Image{{URL: "https://cdn.example.com/1.png"}}}
	return s, f, cat
}

func wantErr(t *testing.T, err error, code, field string) {
	t.Helper()
	var e *product.Error
	if !errors.As(err, &e) || e.Code != code || e.Field != field {
		t.Fatalf("error = %v, want %s on %q", err, code, field)
	}
}

func TestCreateProductWritesRowAndEvent(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, f, _ := writable(t)
	before := countRows(t, s)
	p, err := s.CreateProduct(ctx, product.NewProduct{ProductFields: f, Stock: 4})
	if err != nil {
		t.Fatal(err)
	}
	if p.Version != 1 || p.Stock != 4 || !p.Images[0].IsPrimary || p.Price.Currency != "USD" {
		t.Fatalf("created %+v", p)
	}
	if got, err := s.Product(ctx, p.ID); err != nil || got.Name != f.Name {
		t.Fatalf("read back %+v, %v", got, err)
	}
	after := countRows(t, s)
	if after.products != before.products+1 || after.outbox != before.outbox+1 {
		t.Fatalf("counts %+v -> %+v", before, after)
	}
	evs := outbox(t, s)
	last := evs[len(evs)-1]
	pp, err := product.DecodeProductPayload(last.Payload)
	if err != nil || last.Type != product.EventProductCreated || last.AggregateID != p.ID || pp.ID != p.ID || pp.SKU != "NX-1" || pp.Version != 1 {
		t.Fatalf("event %s %s %s (%v)", last.Type, last.AggregateID, last.Payload, err)
	}
}

// TestRefusedWritesLeaveNothing: every refusal, whether found before the
// transaction (format) or inside it (uniqueness, references, versions),
// leaves the rows and the outbox exactly as they were.
func TestRefusedWritesLeaveNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, f, cat := writable(t)
	p, err := s.CreateProduct(ctx, product.NewProduct{ProductFields: f, Stock: 2})
	if err != nil {
		t.Fatal(err)
	}
	other := f
	other.Slug, other.SKU = "road-shoe", "NX-2"
	with := func(edit func(*product.ProductFields)) product.ProductFields {
		g := other
		edit(&g)
		return g
	}
	unknown := "00000000-0000-0000-0000-000000000001"
	tests := []struct {
		name        string
		write       func() error
		code, field string
	}{
		{"slug taken", func() error {
			_, err := s.CreateProduct(ctx, product.NewProduct{ProductFields: with(func(g *product.ProductFields) { g.Slug = f.Slug })})
			return err
		}, product.Invalid, "input.slug"},
		{"SKU taken", func() error {
			_, err := s.CreateProduct(ctx, product.NewProduct{ProductFields: with(func(g *product.ProductFields) { g.SKU = f.SKU })})
			return err
		}, product.Invalid, "input.sku"},
		{"unknown category", func() error {
			_, err := s.CreateProduct(ctx, product.NewProduct{ProductFields: with(func(g *product.ProductFields) { g.CategoryID = unknown })})
			return err
		}, product.Invalid, "input.categoryId"},
		{"invalid price", func() error {
			_, err := s.CreateProduct(ctx, product.NewProduct{ProductFields: with(func(g *product.ProductFields) { g.Price = -1 })})
			return err
		}, product.Invalid, "input.price"},
		{"update of an unknown product", func() error {
			_, err := s.UpdateProduct(ctx, product.ProductUpdate{ID: unknown, Version: 1, ProductFields: other})
			return err
		}, product.NotFound, "input.id"},
		{"stale update", func() error {
			_, err := s.UpdateProduct(ctx, product.ProductUpdate{ID: p.ID, Version: 2, ProductFields: f})
			return err
		}, product.Conflict, "input.version"},
		{"stock below zero", func() error {
			_, err := s.AdjustStock(ctx, product.StockAdjustment{ID: p.ID, Delta: -3, Reason: "sale"})
			return err
		}, product.Invalid, "delta"},
		{"stock of an unknown product", func() error {
			_, err := s.AdjustStock(ctx, product.StockAdjustment{ID: unknown, Delta: 1, Reason: "x"})
			return err
		}, product.NotFound, "id"},
		{"delete an unknown product", func() error { _, err := s.DeleteProduct(ctx, unknown); return err }, product.NotFound, "id"},
		{"category slug taken", func() error {
			_, err := s.CreateCategory(ctx, product.CategoryFields{Name: "Again", Slug: cat.Slug})
			return err
		}, product.Invalid, "input.slug"},
		{"unknown parent", func() error {
			_, err := s.CreateCategory(ctx, product.CategoryFields{Name: "Sub", Slug: "sub", ParentID: &unknown})
			return err
		}, product.Invalid, "input.parentId"},
		{"stale category update", func() error {
			_, err := s.UpdateCategory(ctx, product.CategoryUpdate{ID: cat.ID, Version: 7, CategoryFields: product.CategoryFields{Name: "X", Slug: "x"}})
			return err
		}, product.Conflict, "input.version"},
		{"delete a category with products", func() error { _, err := s.DeleteCategory(ctx, cat.ID); return err }, product.Conflict, "id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := countRows(t, s)
			wantErr(t, tt.write(), tt.code, tt.field)
			if after := countRows(t, s); after != before {
				t.Fatalf("refused write changed counts %+v -> %+v", before, after)
			}
			if got, _ := s.Product(ctx, p.ID); got.Version != 1 || got.Stock != 2 || got.Slug != f.Slug {
				t.Fatalf("refused write changed the product: %+v", got)
			}
		})
	}
	t.Run("slug and SKU reported together", func(t *testing.T) {
		_, err := s.CreateProduct(ctx, product.NewProduct{ProductFields: f})
		var fields []string
		for _, e := range product.FieldErrors(err) {
			fields = append(fields, e.Field)
		}
		if !slices.Equal(fields, []string{"input.slug", "input.sku"}) {
			t.Fatalf("fields = %v (%v)", fields, err)
		}
	})
}

func TestUpdateAndDeleteProduct(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, f, cat := writable(t)
	p, err := s.CreateProduct(ctx, product.NewProduct{ProductFields: f, Stock: 1})
	if err != nil {
		t.Fatal(err)
	}
	g := f
	g.Name, g.Price, g.CompareAtPrice, g.Images = "Trail Shoe 2", 4999, new(int64), nil
	*g.CompareAtPrice = 5999
	up, err := s.UpdateProduct(ctx, product.ProductUpdate{ID: p.ID, Version: 1, ProductFields: g})
	if err != nil {
		t.Fatal(err)
	}
	if up.Version != 2 || up.Name != g.Name || up.CompareAtPrice == nil || up.CompareAtPrice.Amount != 5999 || len(up.Images) != 0 || up.Stock != 1 {
		t.Fatalf("updated %+v", up)
	}
	// Stock moves leave the version alone: an edit of version 2 still applies.
	if _, err := s.AdjustStock(ctx, product.StockAdjustment{ID: p.ID, Delta: 5, Reason: "delivery"}); err != nil {
		t.Fatal(err)
	}
	if up, err = s.UpdateProduct(ctx, product.ProductUpdate{ID: p.ID, Version: 2, ProductFields: g}); err != nil || up.Version != 3 || up.Stock != 6 {
		t.Fatalf("update after a stock move: %+v, %v", up, err)
	}

	del, err := s.DeleteProduct(ctx, p.ID)
	if err != nil || del.ID != p.ID {
		t.Fatalf("delete: %+v, %v", del, err)
	}
	// Hidden everywhere a shopper or another subgraph could look.
	if _, err := s.Product(ctx, p.ID); !isCode(err, product.NotFound) {
		t.Errorf("Product after delete: %v", err)
	}
	if _, err := s.ProductBySlug(ctx, g.Slug); !isCode(err, product.NotFound) {
		t.Errorf("ProductBySlug after delete: %v", err)
	}
	if got, err := s.ProductsByIDs(ctx, []string{p.ID}); err != nil || got[0] != nil {
		t.Errorf("ProductsByIDs after delete: %v, %v", got, err)
	}
	for _, filter := range []product.Filter{{}, {Search: "trail"}, {CategoryID: cat.ID}} {
		if page, err := s.Products(ctx, product.ListParams{First: 10, Filter: filter}); err != nil || page.TotalCount != 0 {
			t.Errorf("listing %+v after delete: %+v, %v", filter, page, errors.Unwrap(err))
		}
	}
	if _, err := s.DeleteProduct(ctx, p.ID); !isCode(err, product.NotFound) {
		t.Errorf("second delete: %v", err)
	}
	if _, err := s.AdjustStock(ctx, product.StockAdjustment{ID: p.ID, Delta: 1, Reason: "x"}); !isCode(err, product.NotFound) {
		t.Errorf("stock of a deleted product: %v", err)
	}
	// The slug and SKU are free again, and the category can now go.
	if _, err := s.CreateProduct(ctx, product.NewProduct{ProductFields: g}); err != nil {
		t.Errorf("reusing a deleted product's slug and SKU: %v", err)
	}
	var types []string
	for _, e := range outbox(t, s) {
		types = append(types, e.Type)
	}
	want := []string{product.EventCategoryCreated, product.EventProductCreated, product.EventProductUpdated,
		product.EventProductStockChanged, product.EventProductUpdated, product.EventProductDeleted, product.EventProductCreated}
	if !slices.Equal(types, want) {
		t.Fatalf("outbox = %v, want %v", types, want)
	}
	var stock struct {
		Delta    int    `json:"delta"`
		Reason   string `json:"reason"`
		NewStock int    `json:"stock"`
	}
	if err := json.Unmarshal(outbox(t, s)[3].Payload, &stock); err != nil || stock.Delta != 5 || stock.Reason != "delivery" || stock.NewStock != 6 {
		t.Fatalf("stock-changed payload %+v (%v)", stock, err)
	}
}

func isCode(err error, code string) bool {
	var e *product.Error
	return errors.As(err, &e) && e.Code == code
}

// TestConcurrentUpdatesOfOneVersion: of N admins saving an edit of the
// same version at once, exactly one wins; the others get CONFLICT.
func TestConcurrentUpdatesOfOneVersion(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, f, _ := writable(t)
	p, err := s.CreateProduct(ctx, product.NewProduct{ProductFields: f})
	if err != nil {
		t.Fatal(err)
	}
	const n = 8
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			g := f
			g.Price = int64(1000 + i)
			_, errs[i] = s.UpdateProduct(ctx, product.ProductUpdate{ID: p.ID, Version: 1, ProductFields: g})
		})
	}
	wg.Wait()
	wins := 0
	for _, err := range errs {
		switch {
		case err == nil:
			wins++
		case isCode(err, product.Conflict):
		default:
			t.Fatalf("unexpected error %v", err)
		}
	}
	got, _ := s.Product(ctx, p.ID)
	if wins != 1 || got.Version != 2 {
		t.Fatalf("%d winners, version %d; want 1 and 2", wins, got.Version)
	}
	if n := countRows(t, s).outbox; n != 3 { // category, product created, one update
		t.Fatalf("%d outbox events, want 3", n)
	}
}

// TestConcurrentStockNeverNegative: concurrent random adjustments never
// take the stock below zero, every accepted one is applied exactly once
// (final stock = start + sum of accepted deltas) and has exactly one event.
func TestConcurrentStockNeverNegative(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, f, _ := writable(t)
	p, err := s.CreateProduct(ctx, product.NewProduct{ProductFields: f, Stock: 10})
	if err != nil {
		t.Fatal(err)
	}
	deltas := []int{-3, -4, 2, -5, -1, -6, 3, -2, -7, 1, -3, -3, 4, -8, -2, -1}
	accepted := make([]bool, len(deltas))
	var wg sync.WaitGroup
	for i, d := range deltas {
		wg.Go(func() {
			_, err := s.AdjustStock(ctx, product.StockAdjustment{ID: p.ID, Delta: d, Reason: "race"})
			switch {
			case err == nil:
				accepted[i] = true
			case isCode(err, product.Invalid):
			default:
				t.Errorf("adjust %d: %v", d, err)
			}
		})
	}
	wg.Wait()
	want := 10
	events := 0
	for i, ok := range accepted {
		if ok {
			want += deltas[i]
			events++
		}
	}
	got, _ := s.Product(ctx, p.ID)
	if got.Stock != want || got.Stock < 0 {
		t.Fatalf("stock %d, want %d (never negative)", got.Stock, want)
	}
	var n int
	if err := s.db.Get(&n, `SELECT count(*) FROM product.outbox WHERE type = 'product.stock-changed'`); err != nil || n != events {
		t.Fatalf("%d stock events for %d accepted adjustments (%v)", n, events, err)
	}
	// Replaying the accepted deltas in event order never dips below zero.
	var payloads [][]byte
	if err := s.db.Select(&payloads, `SELECT payload FROM product.outbox WHERE type = 'product.stock-changed' ORDER BY id`); err != nil {
		t.Fatal(err)
	}
	for _, b := range payloads {
		pp, err := product.DecodeProductPayload(b)
		if err != nil || pp.Stock < 0 {
			t.Fatalf("event payload %s", b)
		}
	}
}

func TestCategoryWrites(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, f, shoes := writable(t)
	root, err := s.CreateCategory(ctx, product.CategoryFields{Name: "Outdoor", Slug: "outdoor"})
	if err != nil {
		t.Fatal(err)
	}
	trail, err := s.CreateCategory(ctx, product.CategoryFields{Name: "Trail", Slug: "trail", ParentID: &root.ID})
	if err != nil {
		t.Fatal(err)
	}
	// Moving a category below its own descendant is refused.
	_, err = s.UpdateCategory(ctx, product.CategoryUpdate{ID: root.ID, Version: 1,
		CategoryFields: product.CategoryFields{Name: "Outdoor", Slug: "outdoor", ParentID: &trail.ID}})
	wantErr(t, err, product.Invalid, "input.parentId")
	// A rename reaches the products' search text.
	p, err := s.CreateProduct(ctx, product.NewProduct{ProductFields: f})
	if err != nil {
		t.Fatal(err)
	}
	up, err := s.UpdateCategory(ctx, product.CategoryUpdate{ID: shoes.ID, Version: 1,
		CategoryFields: product.CategoryFields{Name: "Footwear", Slug: "footwear", ParentID: &root.ID}})
	if err != nil || up.Version != 2 || up.ParentID == nil || *up.ParentID != root.ID {
		t.Fatalf("update: %+v, %v", up, err)
	}
	if page, err := s.Products(ctx, product.ListParams{First: 5, Filter: product.Filter{Search: "footwear outdoor"}}); err != nil || page.TotalCount != 1 {
		t.Fatalf("search by the new names: %+v, %v", page, err)
	}
	// Deletion is refused while products or children remain, and says so.
	_, err = s.DeleteCategory(ctx, root.ID)
	wantErr(t, err, product.Conflict, "id")
	if msg := err.Error(); msg != "category "+root.ID+" cannot be deleted: it still has 2 sub-categories; move or delete them first" {
		t.Errorf("message %q", msg)
	}
	_, err = s.DeleteCategory(ctx, shoes.ID)
	wantErr(t, err, product.Conflict, "id")
	if _, err := s.DeleteProduct(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeleteCategory(ctx, shoes.ID); err != nil {
		t.Fatalf("empty category: %v", err)
	}
	cats, err := s.Categories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cats {
		if c.ID == shoes.ID {
			t.Fatal("deleted category still listed")
		}
	}
	if got, _ := s.CategoriesByIDs(ctx, []string{shoes.ID}); got[0] != nil {
		t.Fatal("deleted category resolved by id")
	}
	// Its products can no longer be put there.
	_, err = s.CreateProduct(ctx, product.NewProduct{ProductFields: f})
	wantErr(t, err, product.Invalid, "input.categoryId")
}
