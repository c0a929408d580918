// Package seed generates and loads the deterministic demo catalog that
// `make run` shows: the same seed always yields the same categories,
// products, ids and timestamps.
package seed

import (
	"context"
	"crypto/sha1"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// Catalog is a generated catalog; categories are ordered parents first.
type Catalog struct {
	Categories []product.Category
	Products   []product.Product
}

// epoch anchors generated timestamps so output never depends on the clock.
var epoch = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// id derives a stable UUID from the seed and a name.
func id(seed int64, kind, name string) string {
	ns := uuid.NewSHA1(uuid.NameSpaceOID, []byte(fmt.Sprintf("nexus-seed-%d", seed)))
	return uuid.NewSHA1(ns, []byte(kind+":"+name)).String()
}

func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// Generate builds a catalog of n products over the demo category tree.
func Generate(seed int64, n int) Catalog {
	var h [8]byte
	sum := sha1.Sum([]byte(fmt.Sprint(seed)))
	copy(h[:], sum[:8])
	rng := rand.New(rand.NewPCG(uint64(seed), binary.BigEndian.Uint64(h[:])))
	var c Catalog
	var leaves []leaf
	var leafIDs []string
	addCat := func(name, desc string, parent *string) string {
		cid := id(seed, "category", name)
		slug := slugify(name)
		c.Categories = append(c.Categories, product.Category{ID: cid, Name: name, Slug: slug, Description: desc, ParentID: parent, ImageURL: "/images/categories/" + slug + ".svg"})
		return cid
	}
	for _, d := range tree {
		did := addCat(d.name, d.description, nil)
		for _, b := range d.branches {
			bid := addCat(b.name, b.description, &did)
			for _, l := range b.leaves {
				leafIDs = append(leafIDs, addCat(l.name, l.description, &bid))
				leaves = append(leaves, l)
			}
		}
	}
	names := map[string]int{}
	for i := 0; i < n; i++ {
		li := i % len(leaves)
		l := leaves[li]
		noun := l.nouns[rng.IntN(len(l.nouns))]
		brand := brands[rng.IntN(len(brands))]
		name := fmt.Sprintf("%s %s %s", brand, adjectives[rng.IntN(len(adjectives))], noun)
		names[name]++
		if names[name] > 1 {
			name = fmt.Sprintf("%s %d", name, names[name])
		}
		pid := id(seed, "product", fmt.Sprint(i))
		price := l.minPrice + rng.Int64N(l.maxPrice-l.minPrice+1)
		price = price/100*100 + []int64{99, 49, 0, 95}[rng.IntN(4)]
		var compare *product.Money
		if rng.IntN(5) == 0 {
			compare = &product.Money{Amount: price + price/5 + 100, Currency: "USD"}
		}
		tags := pick(rng, l.tags, 1+rng.IntN(min(4, len(l.tags))))
		stock := rng.IntN(200)
		if rng.IntN(8) == 0 {
			stock = 0
		}
		reviews := rng.IntN(500)
		rating := 0.0
		if reviews > 0 {
			rating = float64(20+rng.IntN(31)) / 10 // 2.0 .. 5.0
		}
		images := make([]product.Image, 1+rng.IntN(3))
		for k := range images {
			images[k] = product.Image{URL: fmt.Sprintf("/images/products/%s/%d.svg", pid, k), Alt: fmt.Sprintf("%s, view %d", name, k+1), IsPrimary: k == 0}
		}
		created := epoch.Add(-time.Duration(i) * 37 * time.Minute)
		c.Products = append(c.Products, product.Product{
			ID: pid, Name: name, Slug: slugify(name), SKU: fmt.Sprintf("NX-%05d", i+1),
			Description: fmt.Sprintf("The %s by %s: a %s %s, %s.", noun, brand, strings.Join(tags, ", "), strings.ToLower(l.name), qualities[rng.IntN(len(qualities))]),
			Price:       product.Money{Amount: price, Currency: "USD"}, CompareAtPrice: compare,
			Images: images, CategoryID: leafIDs[li], Tags: tags, Rating: rating, ReviewCount: reviews,
			Stock: stock, CreatedAt: created, UpdatedAt: created,
		})
	}
	return c
}

func pick(rng *rand.Rand, from []string, k int) []string {
	idx := rng.Perm(len(from))[:k]
	out := make([]string, k)
	for i, j := range idx {
		out[i] = from[j]
	}
	return out
}

// Load inserts the catalog in one transaction when the products table is
// empty; inserted is false when there was already data.
func Load(ctx context.Context, db *sqlx.DB, c Catalog) (inserted bool, err error) {
	tx, err := db.BeginTxx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback() //nolint:errcheck // after Commit this is a no-op
	// Serialise concurrent seeders; the second sees the data and stops.
	if _, err := tx.ExecContext(ctx, `LOCK TABLE product.categories IN EXCLUSIVE MODE`); err != nil {
		return false, err
	}
	var n int
	if err := tx.GetContext(ctx, &n, `SELECT count(*) FROM product.products`); err != nil {
		return false, err
	}
	if n > 0 {
		return false, nil
	}
	for _, cat := range c.Categories {
		if _, err := tx.ExecContext(ctx, `INSERT INTO product.categories (id, name, slug, description, parent_id, image_url, path)
			VALUES ($1, $2, $3, $4, $5, $6, COALESCE((SELECT path FROM product.categories WHERE id = $5), '{}') || $1::uuid)`,
			cat.ID, cat.Name, cat.Slug, cat.Description, cat.ParentID, cat.ImageURL); err != nil {
			return false, fmt.Errorf("insert category %s: %w", cat.Slug, err)
		}
	}
	const batch = 500
	for start := 0; start < len(c.Products); start += batch {
		end := min(start+batch, len(c.Products))
		var sb strings.Builder
		sb.WriteString(`INSERT INTO product.products (id, name, slug, description, price_amount, currency, compare_at_amount, category_id, tags, rating, review_count, stock, sku, images, created_at, updated_at) VALUES `)
		args := make([]any, 0, (end-start)*16)
		for i, p := range c.Products[start:end] {
			if i > 0 {
				sb.WriteString(",")
			}
			sb.WriteString("(")
			for k := 1; k <= 16; k++ {
				if k > 1 {
					sb.WriteString(",")
				}
				fmt.Fprintf(&sb, "$%d", i*16+k)
			}
			sb.WriteString(")")
			var compare any
			if p.CompareAtPrice != nil {
				compare = p.CompareAtPrice.Amount
			}
			imgs := make([]map[string]any, len(p.Images))
			for k, im := range p.Images {
				imgs[k] = map[string]any{"url": im.URL, "alt": im.Alt, "isPrimary": im.IsPrimary}
			}
			ij, _ := json.Marshal(imgs)
			args = append(args, p.ID, p.Name, p.Slug, p.Description, p.Price.Amount, p.Price.Currency, compare,
				p.CategoryID, pq.Array(p.Tags), p.Rating, p.ReviewCount, p.Stock, p.SKU, ij, p.CreatedAt, p.UpdatedAt)
		}
		if _, err := tx.ExecContext(ctx, sb.String(), args...); err != nil {
			return false, fmt.Errorf("insert products: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `ANALYZE product.products`); err != nil {
		return false, err
	}
	return true, tx.Commit()
}

// Run loads the demo catalog (seed 42, 2,400 products) unless products exist.
func Run(ctx context.Context, db *sqlx.DB, log *slog.Logger) error {
	c := Generate(42, 2400)
	inserted, err := Load(ctx, db, c)
	if err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	if inserted {
		log.Info("seeded demo catalog", "categories", len(c.Categories), "products", len(c.Products))
	} else {
		log.Info("catalog already has products; seed skipped")
	}
	return nil
}
