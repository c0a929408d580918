package seed

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// DemoSeed and DemoProducts define the catalog `product seed` loads.
const (
	DemoSeed     = 42
	DemoProducts = 2400
)

// productsPerInsert keeps one INSERT well under PostgreSQL's 65,535 bind
// parameters (17 per product) while needing only a few round trips.
const productsPerInsert = 1000

// Load inserts c in one transaction when the catalog has no products, so
// it is safe to run on every start and from several replicas at once (an
// exclusive table lock makes the second wait, then see the data and stop).
// Category paths and search vectors are filled in by the database's
// triggers. It ends with ANALYZE so the planner knows the new data at once.
// inserted is false when products already existed.
func Load(ctx context.Context, db *sqlx.DB, c Catalog) (inserted bool, err error) {
	tx, err := db.BeginTxx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("seed: begin: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // after Commit this is a no-op
	if _, err := tx.ExecContext(ctx, `LOCK TABLE product.products IN EXCLUSIVE MODE`); err != nil {
		return false, fmt.Errorf("seed: lock products: %w", err)
	}
	var exists bool
	if err := tx.GetContext(ctx, &exists, `SELECT EXISTS (SELECT 1 FROM product.products)`); err != nil {
		return false, fmt.Errorf("seed: look for products: %w", err)
	}
	if exists {
		return false, nil
	}
	c = c.withDefaultVariants()
	if err := insertCategories(ctx, tx, c.Categories); err != nil {
		return false, err
	}
	for start := 0; start < len(c.Products); start += productsPerInsert {
		end := min(start+productsPerInsert, len(c.Products))
		if err := insertProducts(ctx, tx, c.Products[start:end], c.Variants[start:end]); err != nil {
			return false, err
		}
	}
	if err := insertVariants(ctx, tx, c.Products, c.Options, c.Variants); err != nil {
		return false, err
	}
	if err := insertReviews(ctx, tx, c.Reviews, c.Votes); err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, `ANALYZE product.categories, product.products, product.options, product.variants, product.reviews`); err != nil {
		return false, fmt.Errorf("seed: analyze: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("seed: commit: %w", err)
	}
	return true, nil
}

// insertCategories inserts categories (parents first) that are not there
// yet; a catalog without products may still have its categories.
func insertCategories(ctx context.Context, tx *sqlx.Tx, cats []product.Category) error {
	for _, cat := range cats {
		if _, err := tx.ExecContext(ctx, `INSERT INTO product.categories (id, name, slug, description, parent_id, image_url)
			VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING`,
			cat.ID, cat.Name, cat.Slug, cat.Description, cat.ParentID, cat.ImageURL); err != nil {
			return fmt.Errorf("seed: insert category %s: %w", cat.Slug, err)
		}
	}
	return nil
}

// insertProducts inserts ps with one multi-row INSERT.
// Stock is the variants' total and option_values their values, as the
// variants_rollup trigger would compute them.
func insertProducts(ctx context.Context, tx *sqlx.Tx, ps []product.Product, variants [][]product.Variant) error {
	const cols = 17
	var sb strings.Builder
	sb.WriteString(`INSERT INTO product.products (id, name, slug, description, price_amount, currency,
		compare_at_amount, category_id, tags, rating, review_count, stock, sku, images, created_at, updated_at, option_values) VALUES `)
	args := make([]any, 0, len(ps)*cols)
	for i, p := range ps {
		if i > 0 {
			sb.WriteByte(',')
		}
		sb.WriteByte('(')
		for k := 1; k <= cols; k++ {
			if k > 1 {
				sb.WriteByte(',')
			}
			fmt.Fprintf(&sb, "$%d", i*cols+k)
		}
		sb.WriteByte(')')
		var compare any
		if p.CompareAtPrice != nil {
			compare = p.CompareAtPrice.Amount
		}
		images, err := imagesJSON(p.Images)
		if err != nil {
			return fmt.Errorf("seed: product %s: %w", p.SKU, err)
		}
		tags := p.Tags
		if tags == nil {
			tags = []string{}
		}
		stock := 0
		for _, v := range variants[i] {
			stock += v.Stock
		}
		args = append(args, p.ID, p.Name, p.Slug, p.Description, p.Price.Amount, p.Price.Currency, compare,
			p.CategoryID, pq.Array(tags), p.Rating, p.ReviewCount, stock, p.SKU, images, p.CreatedAt, p.UpdatedAt,
			pq.Array(optionValues(variants[i])))
	}
	if _, err := tx.ExecContext(ctx, sb.String(), args...); err != nil {
		return fmt.Errorf("seed: insert %d products: %w", len(ps), err)
	}
	return nil
}

// imagesJSON encodes images as the products.images jsonb column stores
// them (store reads the same shape).
func imagesJSON(images []product.Image) (string, error) {
	type image struct {
		URL       string `json:"url"`
		Alt       string `json:"alt"`
		IsPrimary bool   `json:"isPrimary"`
	}
	out := make([]image, len(images))
	for i, im := range images {
		out[i] = image{URL: im.URL, Alt: im.Alt, IsPrimary: im.IsPrimary}
	}
	b, err := json.Marshal(out)
	return string(b), err
}

// Run loads the demo catalog (DemoSeed, DemoProducts) unless products
// exist, and says which happened; `product seed` calls it.
func Run(ctx context.Context, db *sqlx.DB, log *slog.Logger) error {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	start := time.Now()
	c := Generate(DemoSeed, DemoProducts)
	inserted, err := Load(ctx, db, c)
	if err != nil {
		return err
	}
	if !inserted {
		log.Info("catalog already has products; demo seed skipped")
		return nil
	}
	log.Info("seeded demo catalog", "seed", DemoSeed, "categories", len(c.Categories),
		"products", len(c.Products), "took", time.Since(start).Round(time.Millisecond))
	return nil
}
