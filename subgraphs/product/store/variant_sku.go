package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// insertVariants adds a variant for each combination (stock 0, the
// product's price) at its position, with SKUs from variantSKUs. The empty
// combination is the default variant and keeps the product's own SKU.
func insertVariants(ctx context.Context, tx *sqlx.Tx, p product.Product, combos [][]product.SelectedOption, positions map[string]int) error {
	if len(combos) == 0 {
		return nil
	}
	skus, err := variantSKUs(ctx, tx, p, combos)
	if err != nil {
		return err
	}
	for i, c := range combos {
		sel, err := json.Marshal(selected(c))
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO product.variants (id, product_id, sku, options, is_default, position)
			VALUES ($1, $2, $3, $4, $5, $6)`, uuid.NewString(), p.ID, skus[i], sel, len(c) == 0, positions[product.CombinationKey(c)]); err != nil {
			return err
		}
	}
	return nil
}

// variantSKUs generates `<product sku>-<value slugs>` for each combination
// (the product's SKU for the empty one), cut to the SKU length limit and
// made unique among live variants, live products and each other by a
// numeric suffix (-2, -3…). The product row lock does not cover other
// products, so a concurrent writer may still take a SKU: the unique index
// then refuses the insert and the caller retries.
func variantSKUs(ctx context.Context, tx *sqlx.Tx, p product.Product, combos [][]product.SelectedOption) ([]string, error) {
	base := make([]string, len(combos))
	for i, c := range combos {
		base[i] = p.SKU
		if s := product.SKUSuffix(c); s != "" {
			base[i] = p.SKU + "-" + s
		} else if len(c) > 0 {
			base[i] = fmt.Sprintf("%s-%d", p.SKU, i+1)
		}
	}
	out := make([]string, len(combos))
	pending := make([]int, len(combos))
	for i := range pending {
		pending[i] = i
	}
	used := map[string]bool{}
	for attempt := 1; len(pending) > 0; attempt++ {
		cand := make([]string, len(pending))
		for j, i := range pending {
			cand[j] = withSuffix(base[i], attempt)
		}
		var taken []string
		if err := tx.SelectContext(ctx, &taken, `SELECT sku FROM product.variants WHERE sku = ANY($1) AND deleted_at IS NULL
			UNION SELECT sku FROM product.products WHERE sku = ANY($1) AND deleted_at IS NULL AND id <> $2`,
			pq.Array(cand), p.ID); err != nil {
			return nil, err
		}
		for _, t := range taken {
			used[t] = true
		}
		var again []int
		for j, i := range pending {
			if used[cand[j]] {
				again = append(again, i)
				continue
			}
			used[cand[j]] = true
			out[i] = cand[j]
		}
		pending = again
	}
	return out, nil
}

// withSuffix is the attempt-th candidate of a SKU: base itself first, then
// base-2, base-3…, cut so the whole stays within MaxSKULength.
func withSuffix(base string, attempt int) string {
	suffix := ""
	if attempt > 1 {
		suffix = fmt.Sprintf("-%d", attempt)
	}
	if len(base)+len(suffix) > product.MaxSKULength {
		base = strings.TrimRight(base[:product.MaxSKULength-len(suffix)], "-._/")
	}
	return base + suffix
}
