// Package seed generates and loads the deterministic demo catalog that
// `make run` shows and tests query: the same seed always yields the same
// categories, products, ids and timestamps, so screenshots, golden files
// and bug reports stay reproducible.
package seed

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// Catalog is a generated catalog. Categories are ordered parents first, so
// they can be inserted in order; products are ordered newest first.
type Catalog struct {
	Categories []product.Category
	Products   []product.Product
	// Options[i] and Variants[i] belong to Products[i]: apparel has sizes
	// (and some colours), everything else one default variant.
	Options  [][]product.Option
	Variants [][]product.Variant
	// Reviews and Votes are the demo reviews (see reviews.go); each
	// product's Rating and ReviewCount are computed from them.
	Reviews []product.Review
	Votes   []Vote
}

// Epoch anchors generated timestamps: the newest product is created at
// Epoch and the rest before it, so output never depends on the clock.
var Epoch = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// id derives a stable UUID (version 5) from the seed, a kind and a name,
// so ids differ between seeds but never between runs.
func id(seed int64, kind, name string) string {
	ns := uuid.NewSHA1(uuid.NameSpaceOID, fmt.Appendf(nil, "nexus-seed-%d", seed))
	return uuid.NewSHA1(ns, []byte(kind+":"+name)).String()
}

// slugify lower-cases s and joins its alphanumeric runs with dashes;
// apostrophes vanish ("Men's Shoes" -> "mens-shoes").
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case r == '\'':
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// rng returns the generator for seed; PCG is specified exactly by
// math/rand/v2, so its sequence is stable across Go releases.
func rng(seed int64) *rand.Rand {
	sum := sha256.Sum256(fmt.Append(nil, seed))
	return rand.New(rand.NewPCG(uint64(seed), binary.BigEndian.Uint64(sum[:8])))
}

// Generate builds the demo category tree and n products spread over its
// leaves, from seed alone.
func Generate(seed int64, n int) Catalog {
	r := rng(seed)
	var c Catalog
	type slot struct {
		leaf leaf
		dept *department
		id   string
	}
	var slots []slot
	addCat := func(name, desc string, parent *string) string {
		cid, slug := id(seed, "category", name), slugify(name)
		c.Categories = append(c.Categories, product.Category{ID: cid, Name: name, Slug: slug,
			Description: desc, ParentID: parent, ImageURL: "/images/categories/" + slug + ".svg"})
		return cid
	}
	for di := range tree {
		d := &tree[di]
		did := addCat(d.name, d.description, nil)
		for _, b := range d.branches {
			bid := addCat(b.name, b.description, &did)
			for _, l := range b.leaves {
				slots = append(slots, slot{leaf: l, dept: d, id: addCat(l.name, l.description, &bid)})
			}
		}
	}
	names := map[string]int{}
	c.Products = make([]product.Product, 0, n)
	c.Options = make([][]product.Option, 0, n)
	c.Variants = make([][]product.Variant, 0, n)
	for i := range n {
		s := slots[r.IntN(len(slots))]
		p := generateProduct(r, seed, i, s.leaf, s.dept, s.id, names)
		opts, variants := variantsOf(seed, i, s.leaf, p)
		c.Products = append(c.Products, p)
		c.Options = append(c.Options, opts)
		c.Variants = append(c.Variants, variants)
	}
	c.Reviews, c.Votes = generateReviews(seed, c.Products)
	return c
}

// generateProduct draws product i of leaf l. names counts names used so
// far; a repeated name gets a model number so slugs stay unique.
func generateProduct(r *rand.Rand, seed int64, i int, l leaf, d *department, categoryID string, names map[string]int) product.Product {
	pid := id(seed, "product", fmt.Sprint(i))
	noun := l.nouns[r.IntN(len(l.nouns))]
	brand := d.brands[r.IntN(len(d.brands))]
	adjective := d.adjectives[r.IntN(len(d.adjectives))]
	name := brand + " " + adjective + " " + noun
	if names[name]++; names[name] > 1 {
		name = fmt.Sprintf("%s %d", name, 100+names[name])
	}
	price := max(l.minPrice, roundPrice(l.minPrice+r.Int64N(l.maxPrice-l.minPrice+1), r))
	var compare *product.Money
	if r.IntN(5) == 0 { // one in five is on sale: the old price was 10..40% higher
		compare = &product.Money{Amount: roundPrice(price+price*int64(10+r.IntN(31))/100+100, r), Currency: "USD"}
	}
	tags := pick(r, l.tags, 1+r.IntN(min(4, len(l.tags))))
	stock := r.IntN(250) + 1
	if r.IntN(12) == 0 {
		stock = 0 // sold out
	}
	reviews, rating := 0, 0.0
	if r.IntN(10) > 0 {
		reviews = 1 + r.IntN(800)
		rating = float64(25+r.IntN(26)) / 10 // 2.5 .. 5.0
	}
	images := make([]product.Image, 1+r.IntN(3))
	for k := range images {
		images[k] = product.Image{URL: fmt.Sprintf("/images/products/%s/%d.svg", pid, k),
			Alt: fmt.Sprintf("%s, view %d", name, k+1), IsPrimary: k == 0}
	}
	created := Epoch.Add(-time.Duration(i)*53*time.Minute - time.Duration(r.IntN(50*60))*time.Second)
	updated := created.Add(time.Duration(r.IntN(30*24)) * time.Hour)
	desc := fmt.Sprintf("The %s %s from %s, %s. Features: %s. Part of our %s range. %s",
		adjective, noun, brand, qualities[r.IntN(len(qualities))], list(tags), l.name, closings[r.IntN(len(closings))])
	return product.Product{
		ID: pid, Name: name, Slug: slugify(name), SKU: fmt.Sprintf("NX-%s-%05d", strings.ToUpper(slugify(d.name)[:3]), i+1),
		Description: desc, Price: product.Money{Amount: price, Currency: "USD"}, CompareAtPrice: compare,
		Images: images, CategoryID: categoryID, Tags: tags, Rating: rating, ReviewCount: reviews,
		Stock: stock, CreatedAt: created, UpdatedAt: updated,
	}
}

// roundPrice makes cents look like shop prices: x.99, x.49, x.95 or x.00.
func roundPrice(cents int64, r *rand.Rand) int64 {
	return cents/100*100 + []int64{99, 99, 49, 95, 0}[r.IntN(5)]
}

// pick returns k distinct elements of from in random order.
func pick(r *rand.Rand, from []string, k int) []string {
	out := make([]string, k)
	for i, j := range r.Perm(len(from))[:k] {
		out[i] = from[j]
	}
	return out
}

// list joins words as prose: "a", "a and b", "a, b and c".
func list(words []string) string {
	if len(words) == 1 {
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
