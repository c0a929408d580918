package seed

import (
	"reflect"
	"testing"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// TestDemoVariants: apparel comes in sizes (some in colours too), every
// other product as one default variant; variant stock adds up to the
// product's; SKUs are unique across the catalog; a realistic share of
// variants is sold out and some sizes cost more; a smaller catalog's
// variants are a prefix of a larger one's.
func TestDemoVariants(t *testing.T) {
	c := Generate(DemoSeed, DemoProducts)
	skus := map[string]bool{}
	for _, p := range c.Products {
		skus[p.SKU] = true
	}
	var withOptions, withColour, optionVariants, soldOut, ownPrice int
	for i, p := range c.Products {
		opts, vs := c.Options[i], c.Variants[i]
		combos := product.Combinations(opts)
		if len(vs) != len(combos) || len(vs) == 0 || len(vs) > product.MaxVariants {
			t.Fatalf("product %s: %d variants for %d combinations", p.SKU, len(vs), len(combos))
		}
		stock := 0
		for k, v := range vs {
			stock += v.Stock
			if v.ProductID != p.ID || v.Position != k || product.CombinationKey(v.Options) != product.CombinationKey(combos[k]) {
				t.Fatalf("variant %d of %s: %+v", k, p.SKU, v)
			}
			if len(opts) == 0 {
				if !v.IsDefault || v.SKU != p.SKU {
					t.Fatalf("default variant of %s: %+v", p.SKU, v)
				}
				continue
			}
			if skus[v.SKU] {
				t.Fatalf("SKU %s used twice", v.SKU)
			}
			skus[v.SKU] = true
			optionVariants++
			if v.Stock == 0 {
				soldOut++
			}
			if v.Price != nil {
				ownPrice++
			}
		}
		if stock != p.Stock {
			t.Fatalf("product %s: stock %d, variants hold %d", p.SKU, p.Stock, stock)
		}
		if len(opts) > 0 {
			withOptions++
			if opts[0].Name != "Size" {
				t.Fatalf("product %s options %+v", p.SKU, opts)
			}
			if len(opts) == 2 {
				withColour++
			}
		}
	}
	t.Logf("%d products with options (%d with colours), %d of their %d variants sold out, %d with their own price",
		withOptions, withColour, soldOut, optionVariants, ownPrice)
	if withOptions < len(c.Products)/10 || withColour == 0 || withColour == withOptions {
		t.Errorf("%d products with options, %d with colours", withOptions, withColour)
	}
	if soldOut < optionVariants/20 || soldOut > optionVariants/2 || ownPrice == 0 {
		t.Errorf("%d of %d variants sold out, %d with their own price", soldOut, optionVariants, ownPrice)
	}
	small := Generate(DemoSeed, 100)
	if !reflect.DeepEqual(small.Variants, c.Variants[:100]) || !reflect.DeepEqual(small.Options, c.Options[:100]) {
		t.Error("a smaller catalog's variants are not a prefix of a larger one's")
	}
}
