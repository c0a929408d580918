package store

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/lib/pq"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// TestProductWritesKeepVariants: updateProduct carries a new SKU to the
// default variant, a product's SKU may not be another product's variant
// SKU, and deleteProduct takes the variants with it (entity lookups then
// return null, their SKUs are free again).
func TestProductWritesKeepVariants(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, f, _ := writable(t)
	p, err := s.CreateProduct(ctx, product.NewProduct{ProductFields: f, Stock: 3})
	if err != nil {
		t.Fatal(err)
	}
	f.SKU = "NX-1-NEW"
	if p, err = s.UpdateProduct(ctx, product.ProductUpdate{ID: p.ID, Version: p.Version, ProductFields: f}); err != nil {
		t.Fatal(err)
	}
	vs := variantsOf(t, s, p.ID)
	if len(vs) != 1 || vs[0].SKU != "NX-1-NEW" || vs[0].Stock != 3 || p.Stock != 3 {
		t.Fatalf("after SKU change: %+v (product stock %d)", vs, p.Stock)
	}

	// With options, generated SKUs are taken: another product may not use one.
	if p, err = s.SetProductOptions(ctx, product.SetOptions{ProductID: p.ID, Version: p.Version, Options: []product.OptionInput{{Name: "Size", Values: []string{"S", "M"}}}}); err != nil {
		t.Fatal(err)
	}
	if p, err = s.GenerateVariants(ctx, p.ID, p.Version); err != nil {
		t.Fatal(err)
	}
	other := f
	other.Slug, other.SKU = "other", "NX-1-NEW-m"
	_, err = s.CreateProduct(ctx, product.NewProduct{ProductFields: other})
	wantErr(t, err, product.Invalid, "input.sku")
	// A product SKU change does not touch variants of a product with options.
	f.SKU = "NX-1-BASE"
	if p, err = s.UpdateProduct(ctx, product.ProductUpdate{ID: p.ID, Version: p.Version, ProductFields: f}); err != nil {
		t.Fatal(err)
	}
	if vs := variantsOf(t, s, p.ID); vs[0].SKU != "NX-1-NEW" || vs[1].SKU != "NX-1-NEW-m" {
		t.Fatalf("variants after a base SKU change: %+v", vs)
	}

	ids := []string{variantsOf(t, s, p.ID)[0].ID}
	if _, err := s.DeleteProduct(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	got, err := s.VariantsByIDs(ctx, ids)
	if err != nil || got[0] != nil {
		t.Fatalf("variant of a deleted product: %+v %v", got, err)
	}
	if _, err := s.AdjustStock(ctx, product.StockAdjustment{VariantID: ids[0], Delta: 1, Reason: "x"}); !isCode(err, product.NotFound) {
		t.Fatalf("stock of a deleted product's variant: %v", err)
	}
	other.SKU = "NX-1-NEW-m"
	if _, err := s.CreateProduct(ctx, product.NewProduct{ProductFields: other}); err != nil {
		t.Fatalf("SKU of a deleted variant is not free: %v", err)
	}
}

// TestConcurrentOptionAndStockWrites races option changes, generation,
// variant edits and stock moves on one product: every call ends in success
// or a client error (never a deadlock or INTERNAL), exactly one of several
// edits of one version wins, and the stock total stays the variants' sum.
func TestConcurrentOptionAndStockWrites(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, f, _ := writable(t)
	p, err := s.CreateProduct(ctx, product.NewProduct{ProductFields: f, Stock: 10})
	if err != nil {
		t.Fatal(err)
	}
	def := variantsOf(t, s, p.ID)[0]
	var wg sync.WaitGroup
	var mu sync.Mutex
	wins := 0
	errs := make(chan error, 64)
	for i := range 8 {
		wg.Go(func() {
			_, err := s.SetProductOptions(ctx, product.SetOptions{ProductID: p.ID, Version: 1, Options: []product.OptionInput{
				{Name: "Size", Values: []string{"S", "M", "L"}[:1+i%3]}}})
			if err == nil {
				mu.Lock()
				wins++
				mu.Unlock()
			} else if !isCode(err, product.Conflict) {
				errs <- err
			}
		})
		wg.Go(func() {
			if _, err := s.AdjustStock(ctx, product.StockAdjustment{VariantID: def.ID, Delta: 1, Reason: "race"}); err != nil {
				errs <- err
			}
		})
		wg.Go(func() {
			if _, err := s.GenerateVariants(ctx, p.ID, 2); err != nil && !isCode(err, product.Conflict) {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("unexpected error: %v", err)
	}
	if wins != 1 {
		t.Fatalf("%d option edits of version 1 won, want exactly 1", wins)
	}
	if total, sum := stockSum(t, s, p.ID); total != sum || total != 18 {
		t.Fatalf("products.stock %d, variants %d, want 18", total, sum)
	}
}

// TestGeneratedSKUsStayValidAndUnique: values whose slugs collide, values
// with no ASCII letters and a SKU near the length limit still give every
// variant a distinct SKU within the SKU rules.
func TestGeneratedSKUsStayValidAndUnique(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, f, _ := writable(t)
	f.SKU = "LONG-" + strings.Repeat("X", 57)
	p, err := s.CreateProduct(ctx, product.NewProduct{ProductFields: f})
	if err != nil {
		t.Fatal(err)
	}
	if p, err = s.SetProductOptions(ctx, product.SetOptions{ProductID: p.ID, Version: p.Version, Options: []product.OptionInput{
		{Name: "Size", Values: []string{"M/L", "M-L", "m l", "½", "¾", strings.Repeat("Z", 60)}},
		{Name: "Colour", Values: []string{"Red", `Red"\x'`}},
	}}); err != nil {
		t.Fatal(err)
	}
	if _, err = s.GenerateVariants(ctx, p.ID, p.Version); err != nil {
		t.Fatal(err)
	}
	vs := variantsOf(t, s, p.ID)
	seen := map[string]bool{}
	for _, v := range vs {
		if seen[v.SKU] || len(v.SKU) > product.MaxSKULength || product.ValidateVariantUpdate(product.VariantUpdate{ID: v.ID, Version: 1, SKU: v.SKU}) != nil {
			t.Fatalf("SKU %q of %s (taken before: %v)", v.SKU, v.Title(), seen[v.SKU])
		}
		seen[v.SKU] = true
	}
	if len(vs) != 12 {
		t.Fatalf("%d variants", len(vs))
	}
	if vs[11].Options[1].Value != `Red"\x'` {
		t.Fatalf("value stored as %q", vs[11].Options[1].Value)
	}
	var tokens pq.StringArray
	if err := s.db.Get(&tokens, `SELECT option_values FROM product.products WHERE id = $1`, p.ID); err != nil || !slices.Contains(tokens, `colour=red"\x'`) || len(tokens) != 8 {
		t.Fatalf("option_values %q, %v", tokens, err)
	}
}
