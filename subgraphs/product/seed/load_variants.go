package seed

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// variantsPerInsert keeps one INSERT under the bind parameter limit (9 per
// variant) with few round trips.
const variantsPerInsert = 5000

// insertVariants writes the options and variants of ps. The products rows
// already carry the rolled-up stock and option_values (see Load), so the
// variants_rollup trigger is disabled for the load's transaction: run per
// row it would cost two product updates for every variant.
func insertVariants(ctx context.Context, tx *sqlx.Tx, ps []product.Product, options [][]product.Option, variants [][]product.Variant) error {
	if _, err := tx.ExecContext(ctx, `ALTER TABLE product.variants DISABLE TRIGGER variants_rollup`); err != nil {
		return fmt.Errorf("seed: disable variants_rollup: %w", err)
	}
	for i, p := range ps {
		for k, o := range options[i] {
			if _, err := tx.ExecContext(ctx, `INSERT INTO product.options (id, product_id, position, name, "values") VALUES ($1, $2, $3, $4, $5)`,
				o.ID, p.ID, k, o.Name, pq.Array(o.Values)); err != nil {
				return fmt.Errorf("seed: insert option %s of %s: %w", o.Name, p.SKU, err)
			}
		}
	}
	var batch []product.Variant
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		const cols = 9
		var sb strings.Builder
		sb.WriteString(`INSERT INTO product.variants (id, product_id, sku, options, price_amount, stock, is_default, position, created_at) VALUES `)
		args := make([]any, 0, len(batch)*cols)
		for j, v := range batch {
			if j > 0 {
				sb.WriteByte(',')
			}
			fmt.Fprintf(&sb, "($%d,$%d,$%d,$%d,$%d,$%d,$%d,$%d,$%d)", j*cols+1, j*cols+2, j*cols+3, j*cols+4, j*cols+5, j*cols+6, j*cols+7, j*cols+8, j*cols+9)
			sel, err := optionsJSON(v.Options)
			if err != nil {
				return err
			}
			var price any
			if v.Price != nil {
				price = v.Price.Amount
			}
			args = append(args, v.ID, v.ProductID, v.SKU, sel, price, v.Stock, v.IsDefault, v.Position, v.CreatedAt)
		}
		if _, err := tx.ExecContext(ctx, sb.String(), args...); err != nil {
			return fmt.Errorf("seed: insert %d variants: %w", len(batch), err)
		}
		batch = batch[:0]
		return nil
	}
	for _, vs := range variants {
		for _, v := range vs {
			if batch = append(batch, v); len(batch) == variantsPerInsert {
				if err := flush(); err != nil {
					return err
				}
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `ALTER TABLE product.variants ENABLE TRIGGER variants_rollup`); err != nil {
		return fmt.Errorf("seed: enable variants_rollup: %w", err)
	}
	return nil
}

// optionsJSON encodes a variant's values as the variants.options column.
func optionsJSON(sel []product.SelectedOption) (string, error) {
	type nv struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	}
	out := make([]nv, len(sel))
	for i, o := range sel {
		out[i] = nv{o.Name, o.Value}
	}
	b, err := json.Marshal(out)
	return string(b), err
}
