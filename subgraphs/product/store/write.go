package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// CreateProduct adds a product at version 1 with its product.created event.
// Errors: INVALID (Field names the input field; a taken slug or SKU and an
// unknown category included), INTERNAL.
func (s *Store) CreateProduct(ctx context.Context, in product.NewProduct) (product.Product, error) {
	if err := product.ValidateNewProduct(in); err != nil {
		return product.Product{}, err
	}
	imgs, err := imagesColumn(in.Images)
	if err != nil {
		return product.Product{}, product.InternalError("encode images", err)
	}
	var p product.Product
	err = s.inTx(ctx, "create product", func(tx *sqlx.Tx) error {
		if err := checkProductRefs(ctx, tx, "", in.ProductFields); err != nil {
			return err
		}
		var r row
		err := tx.GetContext(ctx, &r, `INSERT INTO product.products
			(id, name, slug, description, price_amount, currency, compare_at_amount, category_id, tags, stock, sku, images)
			VALUES ($1, $2, $3, $4, $5, 'USD', $6, $7, $8, $9, $10, $11)
			RETURNING `+productColumns,
			uuid.NewString(), in.Name, in.Slug, in.Description, in.Price, in.CompareAtPrice,
			in.CategoryID, pq.Array(tags(in.Tags)), 0, in.SKU, imgs)
		if err != nil {
			return err
		}
		// The default variant carries the SKU and the opening stock; the
		// variants_rollup trigger adds its stock to the product's total.
		if _, err := tx.ExecContext(ctx, `INSERT INTO product.variants (id, product_id, sku, stock, is_default, created_at, updated_at)
			VALUES ($1, $2, $3, $4, true, $5, $5)`, uuid.NewString(), r.ID, in.SKU, in.Stock, r.CreatedAt); err != nil {
			return err
		}
		if err := tx.GetContext(ctx, &r, `SELECT `+productColumns+` FROM product.products WHERE id = $1`, r.ID); err != nil {
			return err
		}
		if p, err = r.product(); err != nil {
			return err
		}
		return s.appendEvent(ctx, tx, product.EventProductCreated, p.ID, product.NewProductPayload(p), p.UpdatedAt)
	})
	return p, err
}

// UpdateProduct replaces a product's fields if it is still at in.Version
// and bumps the version, with a product.updated event. Errors: INVALID,
// NOT_FOUND (unknown or deleted), CONFLICT (stale version), INTERNAL.
func (s *Store) UpdateProduct(ctx context.Context, in product.ProductUpdate) (product.Product, error) {
	if err := product.ValidateProductUpdate(in); err != nil {
		return product.Product{}, err
	}
	imgs, err := imagesColumn(in.Images)
	if err != nil {
		return product.Product{}, product.InternalError("encode images", err)
	}
	var p product.Product
	err = s.inTx(ctx, "update product", func(tx *sqlx.Tx) error {
		// The row lock makes concurrent updates of one product queue up, so
		// exactly one of several edits of the same version wins.
		var version int
		err := tx.GetContext(ctx, &version, `SELECT version FROM product.products WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`, in.ID)
		if errors.Is(err, sql.ErrNoRows) {
			return product.Errorf(product.NotFound, "input.id", "product %s not found", in.ID)
		}
		if err != nil {
			return err
		}
		if version != in.Version {
			return staleVersion("product", version, in.Version)
		}
		if err := checkProductRefs(ctx, tx, in.ID, in.ProductFields); err != nil {
			return err
		}
		var r row
		err = tx.GetContext(ctx, &r, `UPDATE product.products SET
			name = $2, slug = $3, description = $4, price_amount = $5, compare_at_amount = $6,
			category_id = $7, tags = $8, sku = $9, images = $10, version = version + 1, updated_at = now()
			WHERE id = $1 RETURNING `+productColumns,
			in.ID, in.Name, in.Slug, in.Description, in.Price, in.CompareAtPrice,
			in.CategoryID, pq.Array(tags(in.Tags)), in.SKU, imgs)
		if err != nil {
			return err
		}
		// Without options the product is sold as its default variant,
		// whose SKU is the product's.
		if _, err := tx.ExecContext(ctx, `UPDATE product.variants SET sku = $2, version = version + 1, updated_at = now()
			WHERE product_id = $1 AND is_default AND deleted_at IS NULL AND sku <> $2`, in.ID, in.SKU); err != nil {
			return err
		}
		if p, err = r.product(); err != nil {
			return err
		}
		return s.appendEvent(ctx, tx, product.EventProductUpdated, p.ID, product.NewProductPayload(p), p.UpdatedAt)
	})
	return p, err
}

// DeleteProduct soft-deletes a product (shoppers no longer see it; orders
// and events may still name it) with a product.deleted event carrying the
// product as it was. Errors: NOT_FOUND (unknown or already deleted), INTERNAL.
func (s *Store) DeleteProduct(ctx context.Context, id string) (product.Product, error) {
	if _, err := uuid.Parse(id); err != nil {
		return product.Product{}, product.Errorf(product.NotFound, "id", "product %q not found", id)
	}
	var p product.Product
	err := s.inTx(ctx, "delete product", func(tx *sqlx.Tx) error {
		var r row
		err := tx.GetContext(ctx, &r, `UPDATE product.products SET deleted_at = now(), updated_at = now(), version = version + 1
			WHERE id = $1 AND deleted_at IS NULL RETURNING `+productColumns, id)
		if errors.Is(err, sql.ErrNoRows) {
			return product.Errorf(product.NotFound, "id", "product %s not found", id)
		}
		if err != nil {
			return err
		}
		if p, err = r.product(); err != nil {
			return err
		}
		// Its variants go with it, so their SKUs are free again (the
		// product row returned above keeps the stock it had).
		if _, err := tx.ExecContext(ctx, `UPDATE product.variants SET deleted_at = now(), updated_at = now()
			WHERE product_id = $1 AND deleted_at IS NULL`, id); err != nil {
			return err
		}
		return s.appendEvent(ctx, tx, product.EventProductDeleted, p.ID, product.NewProductPayload(p), p.UpdatedAt)
	})
	return p, err
}

// checkProductRefs checks what needs the database, reporting every
// problem at once: the category exists (locked FOR SHARE, so a concurrent
// deleteCategory waits for this write and then sees the product), and the
// slug and SKU are free among live products other than self.
func checkProductRefs(ctx context.Context, tx *sqlx.Tx, self string, f product.ProductFields) error {
	var errs []error
	var found bool
	err := tx.GetContext(ctx, &found, `SELECT true FROM product.categories WHERE id = $1 AND deleted_at IS NULL FOR SHARE`, f.CategoryID)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		errs = append(errs, product.Errorf(product.Invalid, "input.categoryId", "no category with id %s", f.CategoryID))
	case err != nil:
		return err
	}
	var slugTaken, skuTaken bool
	err = tx.QueryRowxContext(ctx, `SELECT
		EXISTS (SELECT 1 FROM product.products WHERE slug = $1 AND deleted_at IS NULL AND id <> $3),
		EXISTS (SELECT 1 FROM product.products WHERE sku = $2 AND deleted_at IS NULL AND id <> $3)
		OR EXISTS (SELECT 1 FROM product.variants WHERE sku = $2 AND deleted_at IS NULL AND product_id IS DISTINCT FROM $3)`,
		f.Slug, f.SKU, orNil(self)).Scan(&slugTaken, &skuTaken)
	if err != nil {
		return err
	}
	if slugTaken {
		errs = append(errs, product.Errorf(product.Invalid, "input.slug", "another product already has the slug %q", f.Slug))
	}
	if skuTaken {
		errs = append(errs, product.Errorf(product.Invalid, "input.sku", "another product already has the SKU %q", f.SKU))
	}
	return errors.Join(errs...)
}

// staleVersion is the CONFLICT of an update that edited an old version.
func staleVersion(what string, current, edited int) error {
	return product.Errorf(product.Conflict, "input.version",
		"the %s was changed meanwhile (now version %d, you edited version %d); reload it and apply your change again", what, current, edited)
}

func tags(t []string) []string {
	if t == nil {
		return []string{}
	}
	return t
}

// imagesColumn encodes images for the images jsonb column; when none is
// primary the first becomes so, as storefronts show the primary image.
func imagesColumn(images []product.Image) ([]byte, error) {
	out := make([]imageJSON, len(images))
	primary := false
	for i, im := range images {
		out[i] = imageJSON{URL: im.URL, Alt: im.Alt, IsPrimary: im.IsPrimary}
		primary = primary || im.IsPrimary
	}
	if !primary && len(out) > 0 {
		out[0].IsPrimary = true
	}
	return json.Marshal(out)
}

// eventTime is the moment recorded in category events, which have no
// timestamp column of their own.
func eventTime() time.Time { return time.Now().UTC() }
