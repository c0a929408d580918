package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jmoiron/sqlx"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// AdjustStock moves one variant's stock by in.Delta (in.VariantID, or the
// only live variant of product in.ID) and writes a product.stock-changed
// event carrying the variant, the delta and the reason. The product row is
// locked first, as in every variant write, so concurrent moves of one
// product's variants queue up and the variants_rollup trigger keeps
// products.stock the exact sum; the conditional UPDATE never takes a
// variant below zero (nor the total above MaxStock). Versions are left
// alone (see Product.Version). Errors: INVALID (delta: the stock does not
// suffice; id: the product has several variants; variantId, reason),
// NOT_FOUND, INTERNAL.
func (s *Store) AdjustStock(ctx context.Context, in product.StockAdjustment) (product.StockChange, error) {
	if err := product.ValidateStockAdjustment(in); err != nil {
		return product.StockChange{}, err
	}
	var ch product.StockChange
	err := s.inTx(ctx, "adjust stock", func(tx *sqlx.Tx) error {
		p, variantID, err := stockTarget(ctx, tx, in)
		if err != nil {
			return err
		}
		if p.Stock+in.Delta > product.MaxStock {
			return product.Errorf(product.Invalid, "delta", "the product's total stock is %d, a change of %d would exceed %d", p.Stock, in.Delta, product.MaxStock)
		}
		var r variantRow
		err = tx.GetContext(ctx, &r, `UPDATE product.variants v SET stock = v.stock + $2, updated_at = now()
			FROM product.products p
			WHERE v.id = $1 AND v.deleted_at IS NULL AND v.stock + $2 >= 0 AND p.id = v.product_id
			RETURNING `+variantColumns, variantID, in.Delta)
		if errors.Is(err, sql.ErrNoRows) {
			var stock int
			if err := tx.GetContext(ctx, &stock, `SELECT stock FROM product.variants WHERE id = $1`, variantID); err != nil {
				return err
			}
			return product.Errorf(product.Invalid, "delta", "stock is %d, a change of %d would make it negative", stock, in.Delta)
		}
		if err != nil {
			return err
		}
		v, err := r.variant()
		if err != nil {
			return err
		}
		var pr row
		if err := tx.GetContext(ctx, &pr, `UPDATE product.products SET updated_at = now() WHERE id = $1 RETURNING `+productColumns, p.ID); err != nil {
			return err
		}
		if p, err = pr.product(); err != nil {
			return err
		}
		ch = product.StockChange{Product: p, Variant: v, Delta: in.Delta, Reason: in.Reason}
		payload := product.NewProductPayload(p)
		payload.VariantID, payload.Delta, payload.Reason = v.ID, &ch.Delta, ch.Reason
		return s.appendEvent(ctx, tx, product.EventProductStockChanged, p.ID, payload, p.UpdatedAt)
	})
	return ch, err
}

// stockTarget locks the product whose variant in moves and returns it
// with the variant's id: in.VariantID, or the single live variant of
// product in.ID (INVALID on id when it has several).
func stockTarget(ctx context.Context, tx *sqlx.Tx, in product.StockAdjustment) (product.Product, string, error) {
	if in.VariantID != "" {
		p, v, err := lockVariant(ctx, tx, in.VariantID, "variantId")
		return p, v.ID, err
	}
	p, err := lockProduct(ctx, tx, in.ID, "id")
	if err != nil {
		return p, "", err
	}
	var ids []string
	if err := tx.SelectContext(ctx, &ids, `SELECT id FROM product.variants WHERE product_id = $1 AND deleted_at IS NULL LIMIT 2`, p.ID); err != nil {
		return p, "", err
	}
	if len(ids) != 1 {
		return p, "", product.Errorf(product.Invalid, "id", "product %s is sold in several variants; give the variant (variantId) to adjust", p.ID)
	}
	return p, ids[0], nil
}
