package store

import (
	"context"
	"sync"
	"testing"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// variantsOf reads a product's live variants through the batch reader.
func variantsOf(t *testing.T, s *Store, productID string) []product.Variant {
	t.Helper()
	vs, err := s.VariantsByProductIDs(context.Background(), []string{productID})
	if err != nil {
		t.Fatal(err)
	}
	return vs[0]
}

// stockSum checks products.stock against the sum of live variant stock.
func stockSum(t *testing.T, s *Store, productID string) (total, sum int) {
	t.Helper()
	if err := s.db.QueryRowx(`SELECT p.stock, (SELECT COALESCE(sum(stock), 0) FROM product.variants v
		WHERE v.product_id = p.id AND v.deleted_at IS NULL) FROM product.products p WHERE id = $1`, productID).Scan(&total, &sum); err != nil {
		t.Fatal(err)
	}
	return total, sum
}

func TestVariantLifecycle(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, f, _ := writable(t)
	p, err := s.CreateProduct(ctx, product.NewProduct{ProductFields: f, Stock: 7})
	if err != nil {
		t.Fatal(err)
	}
	vs := variantsOf(t, s, p.ID)
	if len(vs) != 1 || !vs[0].IsDefault || vs[0].SKU != "NX-1" || vs[0].Stock != 7 || len(vs[0].Options) != 0 {
		t.Fatalf("default variant %+v", vs)
	}
	def := vs[0]

	p, err = s.SetProductOptions(ctx, product.SetOptions{ProductID: p.ID, Version: p.Version, Options: []product.OptionInput{
		{Name: "Size", Values: []string{"S", "M", "L"}}, {Name: "Colour", Values: []string{"Black", "White"}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	vs = variantsOf(t, s, p.ID)
	if len(vs) != 1 || vs[0].ID != def.ID || vs[0].IsDefault || vs[0].Title() != "S / Black" || vs[0].SKU != "NX-1" || vs[0].Stock != 7 {
		t.Fatalf("after options: %+v", vs)
	}
	if _, err := s.GenerateVariants(ctx, p.ID, p.Version-1); !isCode(err, product.Conflict) {
		t.Fatalf("stale generate: %v", err)
	}
	p, err = s.GenerateVariants(ctx, p.ID, p.Version)
	if err != nil {
		t.Fatal(err)
	}
	vs = variantsOf(t, s, p.ID)
	if len(vs) != 6 || vs[0].ID != def.ID || vs[5].Title() != "L / White" || vs[5].SKU != "NX-1-l-white" {
		t.Fatalf("generated %d: %+v", len(vs), vs)
	}
	opts, err := s.OptionsByProductIDs(ctx, []string{p.ID})
	if err != nil || len(opts[0]) != 2 || opts[0][1].Name != "Colour" {
		t.Fatalf("options %+v %v", opts, err)
	}

	// Stock moves per variant; by product id it is refused now.
	if _, err := s.AdjustStock(ctx, product.StockAdjustment{ID: p.ID, Delta: 1, Reason: "x"}); !isCode(err, product.Invalid) {
		t.Fatalf("adjust by product with 6 variants: %v", err)
	}
	ch, err := s.AdjustStock(ctx, product.StockAdjustment{VariantID: vs[5].ID, Delta: 3, Reason: "delivery"})
	if err != nil || ch.Variant.Stock != 3 || ch.Product.Stock != 10 {
		t.Fatalf("adjust: %+v %v", ch, err)
	}
	if _, err := s.AdjustStock(ctx, product.StockAdjustment{VariantID: vs[5].ID, Delta: -4, Reason: "x"}); !isCode(err, product.Invalid) {
		t.Fatalf("below zero: %v", err)
	}

	// Dropping White would delete L / White, which has stock.
	_, err = s.SetProductOptions(ctx, product.SetOptions{ProductID: p.ID, Version: p.Version, Options: []product.OptionInput{
		{Name: "Size", Values: []string{"S", "M", "L"}}, {Name: "Colour", Values: []string{"Black"}},
	}})
	wantErr(t, err, product.Conflict, "input.options")
	if _, err := s.DeleteVariant(ctx, vs[5].ID); !isCode(err, product.Conflict) {
		t.Fatalf("delete stocked: %v", err)
	}
	gone, err := s.DeleteVariant(ctx, vs[4].ID)
	if err != nil || gone.ID != vs[4].ID {
		t.Fatalf("delete: %+v %v", gone, err)
	}
	if vs := variantsOf(t, s, p.ID); len(vs) != 5 {
		t.Fatalf("%d variants after delete", len(vs))
	}
	if got, err := s.VariantsByIDs(ctx, []string{vs[4].ID, vs[3].ID}); err != nil || got[0] != nil || got[1] == nil {
		t.Fatalf("lookup of a deleted and a live variant: %+v %v", got, err)
	}
	if _, err := s.DeleteVariant(ctx, vs[4].ID); !isCode(err, product.NotFound) {
		t.Fatalf("second delete: %v", err)
	}

	// Update: own price and SKU; a taken SKU is refused.
	price := int64(7999)
	v, err := s.UpdateVariant(ctx, product.VariantUpdate{ID: vs[1].ID, Version: vs[1].Version, SKU: "NX-1-S-WHITE", Price: &price,
		Attributes: []product.Attribute{{Name: "Material", Value: "cotton"}}})
	if err != nil || v.Price == nil || v.Price.Amount != 7999 || v.Version != vs[1].Version+1 || v.Attributes[0].Value != "cotton" {
		t.Fatalf("update: %+v %v", v, err)
	}
	_, err = s.UpdateVariant(ctx, product.VariantUpdate{ID: vs[2].ID, Version: vs[2].Version, SKU: "NX-1-S-WHITE"})
	wantErr(t, err, product.Invalid, "input.sku")
	_, err = s.UpdateVariant(ctx, product.VariantUpdate{ID: vs[1].ID, Version: vs[1].Version, SKU: "NX-1-S-WHITE"})
	wantErr(t, err, product.Conflict, "input.version")

	// Back to no options: the first variant becomes the default, the others
	// (no stock) go.
	if _, err := s.AdjustStock(ctx, product.StockAdjustment{VariantID: vs[5].ID, Delta: -3, Reason: "x"}); err != nil {
		t.Fatal(err)
	}
	cur, _ := s.Product(ctx, p.ID)
	if _, err := s.SetProductOptions(ctx, product.SetOptions{ProductID: p.ID, Version: cur.Version}); err != nil {
		t.Fatal(err)
	}
	vs = variantsOf(t, s, p.ID)
	if len(vs) != 1 || vs[0].ID != def.ID || !vs[0].IsDefault || vs[0].Stock != 7 {
		t.Fatalf("back to default: %+v", vs)
	}
	if total, sum := stockSum(t, s, p.ID); total != 7 || sum != 7 {
		t.Fatalf("stock %d, variants %d", total, sum)
	}
	if ch, err := s.AdjustStock(ctx, product.StockAdjustment{ID: p.ID, Delta: -2, Reason: "sale"}); err != nil || ch.Variant.ID != def.ID || ch.Product.Stock != 5 {
		t.Fatalf("adjust by product: %+v %v", ch, err)
	}
	// The default variant's SKU is the product's: editing one edits both.
	vs = variantsOf(t, s, p.ID)
	if _, err := s.UpdateVariant(ctx, product.VariantUpdate{ID: vs[0].ID, Version: vs[0].Version, SKU: "NX-1-ONE"}); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Product(ctx, p.ID); err != nil || got.SKU != "NX-1-ONE" || got.Version <= cur.Version {
		t.Fatalf("product after its default variant's SKU changed: %+v %v", got, err)
	}
}

// TestConcurrentStockOfTwoVariants moves two variants of one product from
// many goroutines: products.stock ends as the sum of the variants'.
func TestConcurrentStockOfTwoVariants(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, f, _ := writable(t)
	p, err := s.CreateProduct(ctx, product.NewProduct{ProductFields: f, Stock: 100})
	if err != nil {
		t.Fatal(err)
	}
	p, err = s.SetProductOptions(ctx, product.SetOptions{ProductID: p.ID, Version: p.Version, Options: []product.OptionInput{{Name: "Size", Values: []string{"S", "M"}}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err = s.GenerateVariants(ctx, p.ID, p.Version); err != nil {
		t.Fatal(err)
	}
	vs := variantsOf(t, s, p.ID)
	const n = 40
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			v, d := vs[i%2], 1
			if i%4 < 2 {
				d = -3
			}
			_, errs[i] = s.AdjustStock(ctx, product.StockAdjustment{VariantID: v.ID, Delta: d, Reason: "race"})
		})
	}
	wg.Wait()
	moved := map[string]int{}
	for i, err := range errs {
		if err != nil && !isCode(err, product.Invalid) {
			t.Fatalf("move %d: %v", i, err)
		}
		if err == nil {
			d := 1
			if i%4 < 2 {
				d = -3
			}
			moved[vs[i%2].ID] += d
		}
	}
	after := variantsOf(t, s, p.ID)
	if after[0].Stock != 100+moved[vs[0].ID] || after[1].Stock != moved[vs[1].ID] {
		t.Fatalf("variants %d, %d; moved %v", after[0].Stock, after[1].Stock, moved)
	}
	if total, sum := stockSum(t, s, p.ID); total != sum || total != after[0].Stock+after[1].Stock {
		t.Fatalf("products.stock %d, sum of variants %d", total, sum)
	}
}
