package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// UpdateVariant replaces a variant's SKU, prices, images and attributes
// if it is still at in.Version, bumps its version and writes a
// product.updated event. The default variant's SKU is the product's, so
// changing it changes the product's SKU too (and the product's version).
// Errors: INVALID (a taken SKU, a list price not above the effective
// price), NOT_FOUND, CONFLICT, INTERNAL.
func (s *Store) UpdateVariant(ctx context.Context, in product.VariantUpdate) (product.Variant, error) {
	if err := product.ValidateVariantUpdate(in); err != nil {
		return product.Variant{}, err
	}
	imgs, err := imagesColumn(in.Images)
	if err != nil {
		return product.Variant{}, product.InternalError("encode images", err)
	}
	attrs := make([]nameValue, len(in.Attributes))
	for i, a := range in.Attributes {
		attrs[i] = nameValue{a.Name, a.Value}
	}
	attrsJSON, err := json.Marshal(attrs)
	if err != nil {
		return product.Variant{}, product.InternalError("encode attributes", err)
	}
	var v product.Variant
	err = s.inTx(ctx, "update variant", func(tx *sqlx.Tx) error {
		p, cur, err := lockVariant(ctx, tx, in.ID, "input.id")
		if err != nil {
			return err
		}
		if cur.Version != in.Version {
			return staleVersion("variant", cur.Version, in.Version)
		}
		var errs []error
		if in.CompareAtPrice != nil && in.Price == nil && *in.CompareAtPrice <= p.Price.Amount {
			errs = append(errs, product.Errorf(product.Invalid, "input.compareAtPrice",
				"must be greater than the product's price (%d) the variant uses, got %d", p.Price.Amount, *in.CompareAtPrice))
		}
		var taken bool
		if err := tx.GetContext(ctx, &taken, `SELECT
			EXISTS (SELECT 1 FROM product.variants WHERE sku = $1 AND deleted_at IS NULL AND id <> $2)
			OR ($3 AND EXISTS (SELECT 1 FROM product.products WHERE sku = $1 AND deleted_at IS NULL AND id <> $4))`,
			in.SKU, cur.ID, cur.IsDefault, p.ID); err != nil {
			return err
		}
		if taken {
			errs = append(errs, product.Errorf(product.Invalid, "input.sku", "another variant or product already has the SKU %q", in.SKU))
		}
		if len(errs) > 0 {
			return errors.Join(errs...)
		}
		var r variantRow
		err = tx.GetContext(ctx, &r, `UPDATE product.variants v SET sku = $2, price_amount = $3, compare_at_amount = $4,
			images = $5, attributes = $6, version = v.version + 1, updated_at = now()
			FROM product.products p WHERE v.id = $1 AND p.id = v.product_id RETURNING `+variantColumns,
			cur.ID, in.SKU, in.Price, in.CompareAtPrice, imgs, attrsJSON)
		if err != nil {
			return err
		}
		if v, err = r.variant(); err != nil {
			return err
		}
		if cur.IsDefault && in.SKU != p.SKU {
			if _, err := tx.ExecContext(ctx, `UPDATE product.products SET sku = $2, version = version + 1 WHERE id = $1`, p.ID, in.SKU); err != nil {
				return err
			}
		}
		return s.productTouched(ctx, tx, p.ID)
	})
	return v, err
}

// DeleteVariant soft-deletes a variant (orders may still refer to it) and
// returns it as it was. Errors: NOT_FOUND, CONFLICT (the product's last
// variant, or stock left), INTERNAL.
func (s *Store) DeleteVariant(ctx context.Context, id string) (product.Variant, error) {
	var v product.Variant
	err := s.inTx(ctx, "delete variant", func(tx *sqlx.Tx) error {
		p, cur, err := lockVariant(ctx, tx, id, "id")
		if err != nil {
			return err
		}
		if cur.Stock > 0 {
			return product.Errorf(product.Conflict, "id", "variant %s has %d units in stock; move them first (adjustStock)", cur.SKU, cur.Stock)
		}
		var live int
		if err := tx.GetContext(ctx, &live, `SELECT count(*) FROM product.variants WHERE product_id = $1 AND deleted_at IS NULL`, p.ID); err != nil {
			return err
		}
		if live <= 1 {
			return product.Errorf(product.Conflict, "id", "variant %s is the product's last variant; a product is always sold as at least one", cur.SKU)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE product.variants SET deleted_at = now(), updated_at = now() WHERE id = $1`, cur.ID); err != nil {
			return err
		}
		v = cur
		return s.productTouched(ctx, tx, p.ID)
	})
	return v, err
}

// lockVariant locks a live variant's live product, then the variant (the
// order every variant write takes), and returns both. Missing is
// NOT_FOUND on field.
func lockVariant(ctx context.Context, tx *sqlx.Tx, id, field string) (product.Product, product.Variant, error) {
	notFound := product.Errorf(product.NotFound, field, "variant %q not found", id)
	if _, err := uuid.Parse(id); err != nil {
		return product.Product{}, product.Variant{}, notFound
	}
	var productID string
	err := tx.GetContext(ctx, &productID, `SELECT product_id FROM product.variants WHERE id = $1 AND deleted_at IS NULL`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return product.Product{}, product.Variant{}, notFound
	}
	if err != nil {
		return product.Product{}, product.Variant{}, err
	}
	p, err := lockProduct(ctx, tx, productID, field)
	if err != nil {
		var pe *product.Error
		if errors.As(err, &pe) && pe.Code == product.NotFound { // the product is deleted
			return product.Product{}, product.Variant{}, notFound
		}
		return product.Product{}, product.Variant{}, err
	}
	var r variantRow
	err = tx.GetContext(ctx, &r, `SELECT `+variantColumns+` FROM product.variants v JOIN product.products p ON p.id = v.product_id
		WHERE v.id = $1 AND v.deleted_at IS NULL FOR UPDATE OF v`, id)
	if errors.Is(err, sql.ErrNoRows) { // deleted while we waited for the product lock
		return product.Product{}, product.Variant{}, notFound
	}
	if err != nil {
		return product.Product{}, product.Variant{}, err
	}
	v, err := r.variant()
	return p, v, err
}

// productTouched records that a product's variants changed: updated_at
// moves and a product.updated event carries the product as it now is.
func (s *Store) productTouched(ctx context.Context, tx *sqlx.Tx, id string) error {
	var r row
	if err := tx.GetContext(ctx, &r, `UPDATE product.products SET updated_at = now() WHERE id = $1 RETURNING `+productColumns, id); err != nil {
		return err
	}
	p, err := r.product()
	if err != nil {
		return err
	}
	return s.appendEvent(ctx, tx, product.EventProductUpdated, p.ID, product.NewProductPayload(p), p.UpdatedAt)
}
