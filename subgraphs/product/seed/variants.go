package seed

import (
	"math/rand/v2"
	"sort"
	"strings"

	"github.com/google/uuid"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// optionSpec is how the products of a leaf are sold: the sizes every
// product comes in, and the colours a share of them also comes in.
type optionSpec struct {
	sizes   []string
	colours []string
	// colourShare is the chance, in percent, that a product has colours.
	colourShare int
}

var (
	clothingSizes = []string{"S", "M", "L", "XL"}
	palette       = []string{"Black", "White", "Navy", "Olive", "Sand", "Burgundy"}
)

// optionSpecs gives apparel its options; every other leaf sells each
// product as one default variant, as a shop would.
var optionSpecs = map[string]optionSpec{
	"Men's Shoes":     {sizes: []string{"40", "41", "42", "43", "44", "45", "46"}, colours: palette, colourShare: 30},
	"Women's Shoes":   {sizes: []string{"36", "37", "38", "39", "40", "41"}, colours: palette, colourShare: 30},
	"Men's Jackets":   {sizes: clothingSizes, colours: palette, colourShare: 50},
	"Women's Dresses": {sizes: clothingSizes, colours: palette, colourShare: 50},
}

// variantsOf draws product p's options and variants (product i of leaf l)
// from their own generator, so the products' draws are the same as before
// variants existed and a smaller catalog stays a prefix of a larger one.
// The product's stock is spread over its variants (some sold out), so
// p.Stock stays their total; a share of the larger sizes cost more.
func variantsOf(seed int64, i int, l leaf, p product.Product) ([]product.Option, []product.Variant) {
	spec, ok := optionSpecs[l.name]
	if !ok {
		return []product.Option{}, []product.Variant{defaultVariant(id(seed, "variant", p.ID), p)}
	}
	r := rand.New(rand.NewPCG(uint64(seed), uint64(i)+1<<40))
	sizes := spec.sizes
	if n := len(sizes); n > 4 { // shoe ranges are cut at one end or the other
		drop := r.IntN(2)
		sizes = sizes[drop : n-1+drop]
	}
	opts := []product.Option{{ID: id(seed, "option", p.ID+"/size"), Name: "Size", Values: sizes}}
	if r.IntN(100) < spec.colourShare {
		opts = append(opts, product.Option{ID: id(seed, "option", p.ID+"/colour"), Name: "Colour", Values: pick(r, spec.colours, 2+r.IntN(2))})
	}
	return opts, optionVariants(r, seed, opts, p)
}

// optionVariants makes one variant per combination of opts, with p's stock
// spread over them (one in five sold out) and, half the time, the largest
// size 5.00 dearer.
func optionVariants(r *rand.Rand, seed int64, opts []product.Option, p product.Product) []product.Variant {
	sizes := opts[0].Values
	combos := product.Combinations(opts)
	variants := make([]product.Variant, len(combos))
	stocked := make([]int, 0, len(combos))
	for k, c := range combos {
		variants[k] = product.Variant{
			ID: id(seed, "variant", p.ID+"/"+product.SKUSuffix(c)), ProductID: p.ID,
			SKU: p.SKU + "-" + strings.ToUpper(product.SKUSuffix(c)), Options: c,
			Images: []product.Image{}, Attributes: []product.Attribute{}, Position: k,
			Version: 1, CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt,
		}
		if k == len(combos)-1 || r.IntN(5) > 0 { // one in five sold out
			stocked = append(stocked, k)
		}
		if c[0].Value == sizes[len(sizes)-1] && r.IntN(2) == 0 { // the largest size costs more
			price := product.Money{Amount: p.Price.Amount + 500, Currency: p.Price.Currency}
			variants[k].Price = &price
		}
	}
	spread(r, p.Stock, variants, stocked)
	return variants
}

// spread deals stock units over the variants at the stocked indexes.
func spread(r *rand.Rand, stock int, variants []product.Variant, stocked []int) {
	weights, total := make([]int, len(stocked)), 0
	for k := range weights {
		weights[k] = 1 + r.IntN(10)
		total += weights[k]
	}
	left := stock
	for k, at := range stocked {
		n := stock * weights[k] / total
		variants[at].Stock = n
		left -= n
	}
	variants[stocked[0]].Stock += left
}

// optionValues is products.option_values as the variants_rollup trigger
// computes it: the distinct lower-cased name=value pairs of the variants.
func optionValues(variants []product.Variant) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, v := range variants {
		for _, o := range v.Options {
			t := strings.ToLower(o.Name) + "=" + strings.ToLower(o.Value)
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	sort.Strings(out)
	return out
}

// withDefaultVariants completes a catalog built by hand (tests list only
// products): a product without variants gets its default variant carrying
// its SKU and stock, as createProduct would give it.
func (c Catalog) withDefaultVariants() Catalog {
	options := make([][]product.Option, len(c.Products))
	variants := make([][]product.Variant, len(c.Products))
	for i, p := range c.Products {
		if i < len(c.Variants) && len(c.Variants[i]) > 0 {
			options[i], variants[i] = c.Options[i], c.Variants[i]
			continue
		}
		options[i] = []product.Option{}
		variants[i] = []product.Variant{defaultVariant(uuid.NewSHA1(uuid.MustParse(p.ID), []byte("default-variant")).String(), p)}
	}
	c.Options, c.Variants = options, variants
	return c
}

// defaultVariant is the one variant of product p without options.
func defaultVariant(id string, p product.Product) product.Variant {
	return product.Variant{
		ID: id, ProductID: p.ID, SKU: p.SKU, Options: []product.SelectedOption{},
		Stock: p.Stock, Images: []product.Image{}, Attributes: []product.Attribute{}, IsDefault: true,
		Version: 1, CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt,
	}
}
