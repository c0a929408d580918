package seed

import (
	"context"
	"errors"
	"testing"
)

// TestLoadLarge loads a small benchmark catalog: it refuses a catalog with
// products unless Reset, leaves every index and the rollup trigger as the
// migrations made them, and its rows agree with what the variants_rollup
// trigger would have computed.
func TestLoadLarge(t *testing.T) {
	db := migrated(t)
	ctx := context.Background()
	indexes := func() []string {
		var out []string
		if err := db.Select(&out, `SELECT indexdef FROM pg_indexes WHERE schemaname = 'product' ORDER BY indexname`); err != nil {
			t.Fatal(err)
		}
		return out
	}
	before := indexes()
	if _, err := Load(ctx, db, Generate(5, 20)); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadLarge(ctx, db, LargeOptions{Products: 400}); !errors.Is(err, ErrCatalogNotEmpty) {
		t.Fatalf("on a catalog with products: %v", err)
	}
	res, err := LoadLarge(ctx, db, LargeOptions{Products: 400, Reset: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Products != 400 || res.Variants < 2*400 || res.Variants > 5*400 {
		t.Fatalf("result %+v", res)
	}
	var counts struct {
		Products int `db:"products"`
		Variants int `db:"variants"`
		Single   int `db:"single"`
		Many     int `db:"many"`
		BadStock int `db:"bad_stock"`
		BadOV    int `db:"bad_ov"`
	}
	if err := db.Get(&counts, `WITH per AS (
		SELECT p.id, p.stock, p.option_values,
			(SELECT count(*) FROM product.variants v WHERE v.product_id = p.id) AS n,
			(SELECT COALESCE(sum(stock), 0) FROM product.variants v WHERE v.product_id = p.id) AS sum,
			COALESCE((SELECT array_agg(DISTINCT lower(o ->> 'name') || '=' || lower(o ->> 'value') ORDER BY lower(o ->> 'name') || '=' || lower(o ->> 'value'))
				FROM product.variants v, jsonb_array_elements(v.options) o WHERE v.product_id = p.id), '{}') AS ov
		FROM product.products p)
		SELECT count(*) AS products, sum(n) AS variants, count(*) FILTER (WHERE n = 1) AS single, count(*) FILTER (WHERE n >= 6) AS many,
			count(*) FILTER (WHERE stock <> sum) AS bad_stock,
			count(*) FILTER (WHERE NOT (option_values @> ov AND ov @> option_values)) AS bad_ov FROM per`); err != nil {
		t.Fatal(err)
	}
	if counts.Products != 400 || counts.Variants != res.Variants || counts.Single == 0 || counts.Many == 0 || counts.BadStock+counts.BadOV != 0 {
		t.Fatalf("loaded %+v", counts)
	}
	after := indexes()
	if len(after) != len(before) {
		t.Fatalf("indexes before %d, after %d", len(before), len(after))
	}
	for i := range before {
		if before[i] != after[i] {
			t.Fatalf("index %q became %q", before[i], after[i])
		}
	}
	var enabled string
	if err := db.Get(&enabled, `SELECT tgenabled FROM pg_trigger WHERE tgname = 'variants_rollup'`); err != nil || enabled != "O" {
		t.Fatalf("variants_rollup enabled = %q, %v", enabled, err)
	}
}
