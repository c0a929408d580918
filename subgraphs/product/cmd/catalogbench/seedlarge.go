package main

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
)

// seedLarge grows a demo-seeded catalog to n products with set-based SQL:
// each new product copies a random demo product's category, description
// and tags (so searches and facets stay meaningful), with a distinguishing
// adjective in its name, a price within ±50%, a random age, rating and
// stock, and, for about 60% of them, a Size or Colour option with three
// variants (else the default variant): ≈3 variants per product overall.
// The variants_rollup trigger is disabled for the bulk insert and the
// products are inserted with its results (stock, option_values) already
// computed, which is what makes 100,000 products a matter of seconds, not
// of 300,000 trigger runs and a second write of every index entry.
// It is the benchmark's own loader until `bin/product seed-large` exists.
func seedLarge(ctx context.Context, db *sqlx.DB, n int) error {
	start := time.Now()
	var have int
	if err := db.GetContext(ctx, &have, `SELECT count(*) FROM product.products WHERE deleted_at IS NULL`); err != nil {
		return err
	}
	if have == 0 {
		return fmt.Errorf("seed-large: the catalog is empty; run `bin/product seed` first")
	}
	if have >= n {
		fmt.Printf("seed-large: %d products already, nothing to do\n", have)
		return nil
	}
	tx, err := db.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // committed below
	steps := []string{
		`ALTER TABLE product.variants DISABLE TRIGGER variants_rollup`,
		`CREATE TEMP TABLE demo ON COMMIT DROP AS
			SELECT row_number() OVER (ORDER BY id) AS k, name, description, price_amount, category_id, tags
			FROM product.products WHERE deleted_at IS NULL`,
		`CREATE TEMP TABLE bulk ON COMMIT DROP AS
			SELECT gen_random_uuid() AS id, g AS i, d.*,
				(ARRAY['Classic','Pro','Ultra','Compact','Vintage','Eco','Deluxe','Travel','Everyday','Premium',
				       'Lightweight','Rugged','Slim','Heritage','Studio','Urban','Alpine','Coastal','Midnight','Signature'])[1 + (g % 20)] AS adj,
				(random() * 100)::int AS dice
			FROM generate_series(1, $1::int) g
			JOIN demo d ON d.k = 1 + (hashint4(g) & 2147483647) % (SELECT count(*) FROM demo)`,
		`CREATE TEMP TABLE bv ON COMMIT DROP AS
			SELECT b.id AS product_id, b.i, v.pos::int AS pos, CASE WHEN b.dice < 30 THEN 'Size' ELSE 'Colour' END AS opt, v.val,
				CASE WHEN random() < 0.15 THEN 0 ELSE (random() * 20)::int END AS stock
			FROM bulk b
			CROSS JOIN LATERAL unnest(CASE WHEN b.dice < 30 THEN ARRAY['S','M','L'] ELSE ARRAY['Black','White','Blue'] END)
				WITH ORDINALITY AS v(val, pos)
			WHERE b.dice < 60`,
		`CREATE TEMP TABLE roll ON COMMIT DROP AS
			SELECT b.id, COALESCE(sum(v.stock)::int, CASE WHEN random() < 0.1 THEN 0 ELSE (random() * 50)::int END) AS stock,
				COALESCE(array_agg(lower(v.opt) || '=' || lower(v.val) ORDER BY lower(v.opt) || '=' || lower(v.val)) FILTER (WHERE v.val IS NOT NULL), '{}') AS toks
			FROM bulk b LEFT JOIN bv v ON v.product_id = b.id GROUP BY b.id`,
		// Products carry their final stock and option_values from the
		// start: an UPDATE afterwards would rewrite every index entry.
		`INSERT INTO product.products (id, name, slug, description, price_amount, category_id, tags, rating, review_count, stock, option_values, sku, created_at, updated_at)
			SELECT b.id, left(b.adj || ' ' || b.name, 200), 'bulk-' || b.i, b.description,
				greatest(100, (b.price_amount * (0.5 + random()))::bigint), b.category_id, b.tags,
				round((random() * 5)::numeric, 1)::float8, (random() * 200)::int, r.stock, r.toks, 'BULK-' || b.i,
				now() - random() * interval '730 days', now()
			FROM bulk b JOIN roll r ON r.id = b.id`,
		`INSERT INTO product.options (id, product_id, position, name, "values")
			SELECT gen_random_uuid(), id, 0, CASE WHEN dice < 30 THEN 'Size' ELSE 'Colour' END,
				CASE WHEN dice < 30 THEN ARRAY['S','M','L'] ELSE ARRAY['Black','White','Blue'] END
			FROM bulk WHERE dice < 60`,
		`INSERT INTO product.variants (id, product_id, sku, options, stock, is_default, position)
			SELECT gen_random_uuid(), product_id, 'BULK-' || i || '-' || pos,
				jsonb_build_array(jsonb_build_object('name', opt, 'value', val)), stock, false, pos
			FROM bv`,
		`INSERT INTO product.variants (id, product_id, sku, stock, is_default)
			SELECT gen_random_uuid(), b.id, 'BULK-' || b.i, r.stock, true
			FROM bulk b JOIN roll r ON r.id = b.id WHERE b.dice >= 60`,
		`ALTER TABLE product.variants ENABLE TRIGGER variants_rollup`,
	}
	for i, q := range steps {
		var err error
		if i == 2 {
			_, err = tx.ExecContext(ctx, q, n-have)
		} else {
			_, err = tx.ExecContext(ctx, q)
		}
		if err != nil {
			return fmt.Errorf("seed-large step %d: %w", i+1, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	if _, err := db.ExecContext(ctx, `ANALYZE product.products, product.variants, product.options, product.categories`); err != nil {
		return err
	}
	fmt.Printf("seed-large: %d products added in %s\n", n-have, time.Since(start).Round(time.Millisecond))
	return nil
}
