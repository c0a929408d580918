package seed

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// LargeSeed is the seed of `product seed-large`, apart from the demo's so
// the two catalogs never share ids.
const LargeSeed = 1_000_003

// LargeOptions configure LoadLarge.
type LargeOptions struct {
	// Products to generate (100,000 for the benchmark).
	Products int
	// Reset wipes the catalog (products, variants, options, categories and
	// what references them) first; without it a catalog that has products
	// is refused, so a benchmark database is never mixed with other data.
	Reset bool
	Log   *slog.Logger
}

// LargeResult counts what LoadLarge wrote.
type LargeResult struct {
	Categories, Products, Options, Variants int
	Took                                    time.Duration
}

// ErrCatalogNotEmpty is LoadLarge's refusal to add to an existing catalog.
var ErrCatalogNotEmpty = fmt.Errorf("the catalog already has products; pass --reset to wipe it first")

// LoadLarge generates a benchmark catalog — opts.Products products over
// the demo category tree, with a mix of 1, 2–4 and 6–12 variants (about 3
// per product) — and loads it in one transaction with COPY. The rows carry
// their rolled-up stock and option_values, so the variants_rollup trigger
// is disabled for the load (per row it would double the work); the
// products' own triggers (category path, search vector) still run. It
// ends with ANALYZE so the planner sees the new data at once.
func LoadLarge(ctx context.Context, db *sqlx.DB, opts LargeOptions) (LargeResult, error) {
	start := time.Now()
	log := opts.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	var res LargeResult
	tx, err := db.BeginTxx(ctx, nil)
	if err != nil {
		return res, fmt.Errorf("seed-large: begin: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // after Commit this is a no-op
	if _, err := tx.ExecContext(ctx, `LOCK TABLE product.products IN EXCLUSIVE MODE`); err != nil {
		return res, fmt.Errorf("seed-large: lock products: %w", err)
	}
	var exists bool
	if err := tx.GetContext(ctx, &exists, `SELECT EXISTS (SELECT 1 FROM product.products)`); err != nil {
		return res, fmt.Errorf("seed-large: look for products: %w", err)
	}
	if exists && !opts.Reset {
		return res, ErrCatalogNotEmpty
	}
	c := Generate(LargeSeed, opts.Products)
	res.Categories, res.Products = len(c.Categories), len(c.Products)
	for i, p := range c.Products {
		c.Options[i], c.Variants[i] = largeVariants(i, p)
		res.Options += len(c.Options[i])
		res.Variants += len(c.Variants[i])
	}
	log.Info("generated", "products", res.Products, "variants", res.Variants, "took", time.Since(start).Round(time.Millisecond))
	if opts.Reset {
		if _, err := tx.ExecContext(ctx, `TRUNCATE product.variants, product.options, product.products, product.categories CASCADE`); err != nil {
			return res, fmt.Errorf("seed-large: reset: %w", err)
		}
	}
	if err := insertCategories(ctx, tx, c.Categories); err != nil {
		return res, err
	}
	if _, err := tx.ExecContext(ctx, `ALTER TABLE product.variants DISABLE TRIGGER variants_rollup`); err != nil {
		return res, fmt.Errorf("seed-large: disable variants_rollup: %w", err)
	}
	indexes, err := dropIndexes(ctx, tx, "products", "variants", "options")
	if err != nil {
		return res, fmt.Errorf("seed-large: drop indexes: %w", err)
	}
	steps := []struct {
		name string
		copy func(context.Context, *sqlx.Tx, Catalog) error
	}{{"products", copyProducts}, {"options", copyOptions}, {"variants", copyVariants}}
	for _, s := range steps {
		t := time.Now()
		if err := s.copy(ctx, tx, c); err != nil {
			return res, fmt.Errorf("seed-large: copy %s: %w", s.name, err)
		}
		log.Info("copied", "table", s.name, "took", time.Since(t).Round(time.Millisecond))
	}
	t := time.Now()
	for _, def := range indexes {
		if _, err := tx.ExecContext(ctx, def); err != nil {
			return res, fmt.Errorf("seed-large: %s: %w", def, err)
		}
	}
	log.Info("indexed", "indexes", len(indexes), "took", time.Since(t).Round(time.Millisecond))
	if _, err := tx.ExecContext(ctx, `ALTER TABLE product.variants ENABLE TRIGGER variants_rollup`); err != nil {
		return res, fmt.Errorf("seed-large: enable variants_rollup: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return res, fmt.Errorf("seed-large: commit: %w", err)
	}
	t = time.Now()
	if _, err := db.ExecContext(ctx, `ANALYZE product.categories, product.products, product.options, product.variants`); err != nil {
		return res, fmt.Errorf("seed-large: analyze: %w", err)
	}
	log.Info("analyzed", "took", time.Since(t).Round(time.Millisecond))
	res.Took = time.Since(start)
	return res, nil
}

// dropIndexes drops the indexes of the given product tables that back no
// constraint (the primary keys stay) and returns the statements that
// recreate them: building an index once after COPY is several times
// cheaper than maintaining it row by row — the GIN indexes especially, as
// they are created WITH (fastupdate = off). Whatever indexes later
// migrations add are covered the same way.
func dropIndexes(ctx context.Context, tx *sqlx.Tx, tables ...string) ([]string, error) {
	var rows []struct {
		Name string `db:"name"`
		Def  string `db:"def"`
	}
	if err := tx.SelectContext(ctx, &rows, `SELECT format('%I.%I', n.nspname, ic.relname) AS name, pg_get_indexdef(i.indexrelid) AS def
		FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
		JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = 'product' AND c.relname = ANY($1)
		AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
		ORDER BY ic.relname`, pq.Array(tables)); err != nil {
		return nil, err
	}
	defs := make([]string, len(rows))
	for i, r := range rows {
		if _, err := tx.ExecContext(ctx, `DROP INDEX `+r.Name); err != nil {
			return nil, err
		}
		defs[i] = r.Def
	}
	if _, err := tx.ExecContext(ctx, `SET LOCAL maintenance_work_mem = '256MB'`); err != nil {
		return nil, err
	}
	return defs, nil
}

// copyRows streams rows into table with COPY.
func copyRows(ctx context.Context, tx *sqlx.Tx, table string, cols []string, each func(emit func(args ...any) error) error) error {
	stmt, err := tx.PrepareContext(ctx, pq.CopyInSchema("product", table, cols...))
	if err != nil {
		return err
	}
	defer stmt.Close()
	if err := each(func(args ...any) error {
		_, err := stmt.ExecContext(ctx, args...)
		return err
	}); err != nil {
		return err
	}
	_, err = stmt.ExecContext(ctx)
	return err
}

func copyProducts(ctx context.Context, tx *sqlx.Tx, c Catalog) error {
	return copyRows(ctx, tx, "products", []string{"id", "name", "slug", "description", "price_amount", "currency",
		"compare_at_amount", "category_id", "tags", "rating", "review_count", "stock", "sku", "images", "created_at", "updated_at", "option_values"},
		func(emit func(args ...any) error) error {
			for i, p := range c.Products {
				var compare sql.NullInt64
				if p.CompareAtPrice != nil {
					compare = sql.NullInt64{Int64: p.CompareAtPrice.Amount, Valid: true}
				}
				images, err := imagesJSON(p.Images)
				if err != nil {
					return err
				}
				stock := 0
				for _, v := range c.Variants[i] {
					stock += v.Stock
				}
				if err := emit(p.ID, p.Name, p.Slug, p.Description, p.Price.Amount, p.Price.Currency, compare, p.CategoryID,
					pq.StringArray(p.Tags), p.Rating, p.ReviewCount, stock, p.SKU, images, p.CreatedAt, p.UpdatedAt,
					pq.StringArray(optionValues(c.Variants[i]))); err != nil {
					return err
				}
			}
			return nil
		})
}

func copyOptions(ctx context.Context, tx *sqlx.Tx, c Catalog) error {
	return copyRows(ctx, tx, "options", []string{"id", "product_id", "position", "name", "values"},
		func(emit func(args ...any) error) error {
			for i, p := range c.Products {
				for k, o := range c.Options[i] {
					if err := emit(o.ID, p.ID, k, o.Name, pq.StringArray(o.Values)); err != nil {
						return err
					}
				}
			}
			return nil
		})
}

func copyVariants(ctx context.Context, tx *sqlx.Tx, c Catalog) error {
	return copyRows(ctx, tx, "variants", []string{"id", "product_id", "sku", "options", "price_amount", "stock",
		"is_default", "position", "created_at", "updated_at"},
		func(emit func(args ...any) error) error {
			for _, vs := range c.Variants {
				for _, v := range vs {
					sel, err := optionsJSON(v.Options)
					if err != nil {
						return err
					}
					var price sql.NullInt64
					if v.Price != nil {
						price = sql.NullInt64{Int64: v.Price.Amount, Valid: true}
					}
					if err := emit(v.ID, v.ProductID, v.SKU, sel, price, v.Stock, v.IsDefault, v.Position, v.CreatedAt, v.UpdatedAt); err != nil {
						return err
					}
				}
			}
			return nil
		})
}

// largeVariants gives product i of the benchmark catalog half the time one
// default variant, three times in ten 2–4 variants of one option, and
// otherwise 6–12 of two options, so facets and listings see a realistic
// spread of variant counts.
func largeVariants(i int, p product.Product) ([]product.Option, []product.Variant) {
	r := rand.New(rand.NewPCG(LargeSeed, uint64(i)+1<<41))
	var opts []product.Option
	switch n := r.IntN(10); {
	case n < 5:
		return []product.Option{}, []product.Variant{defaultVariant(id(LargeSeed, "variant", p.ID), p)}
	case n < 8:
		opts = []product.Option{{Name: "Size", Values: clothingSizes[:2+r.IntN(3)]}}
	default:
		opts = []product.Option{
			{Name: "Size", Values: clothingSizes[:3+r.IntN(2)]},
			{Name: "Colour", Values: pick(r, palette, 2+r.IntN(2))},
		}
	}
	for k := range opts {
		opts[k].ID = id(LargeSeed, "option", fmt.Sprintf("%s/%d", p.ID, k))
	}
	return opts, optionVariants(r, LargeSeed, opts, p)
}
