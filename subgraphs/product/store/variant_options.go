package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// SetProductOptions replaces a product's options. Every live variant is
// mapped onto the new options (product.Remap): a new option gives it the
// option's first value, so the first time options are set the default
// variant becomes the first combination with its SKU and stock; variants
// whose values are no longer offered, or that now duplicate an earlier
// variant's combination, are deleted — refused with CONFLICT while one of
// them has stock. Errors: INVALID, NOT_FOUND, CONFLICT, INTERNAL.
func (s *Store) SetProductOptions(ctx context.Context, in product.SetOptions) (product.Product, error) {
	if err := product.ValidateSetOptions(in); err != nil {
		return product.Product{}, err
	}
	opts := make([]product.Option, len(in.Options))
	for i, o := range in.Options {
		opts[i] = product.Option{Name: strings.TrimSpace(o.Name), Values: make([]string, len(o.Values))}
		for j, v := range o.Values {
			opts[i].Values[j] = strings.TrimSpace(v)
		}
	}
	var p product.Product
	err := s.inTx(ctx, "set product options", func(tx *sqlx.Tx) error {
		cur, err := lockProduct(ctx, tx, in.ProductID, "input.productId")
		if err != nil {
			return err
		}
		if cur.Version != in.Version {
			return staleVersion("product", cur.Version, in.Version)
		}
		old, err := loadOptions(ctx, tx, []string{cur.ID})
		if err != nil {
			return err
		}
		for i := range opts { // an option keeps its id while its name stays
			opts[i].ID = uuid.NewString()
			for _, o := range old[cur.ID] {
				if strings.EqualFold(o.Name, opts[i].Name) {
					opts[i].ID = o.ID
				}
			}
		}
		variants, err := liveVariants(ctx, tx, cur.ID)
		if err != nil {
			return err
		}
		positions := positionsOf(opts)
		var keep []product.Variant
		var drop []string
		var stocked []string
		taken := map[string]bool{}
		for _, v := range variants {
			sel, ok := product.Remap(v.Options, opts)
			key := product.CombinationKey(sel)
			if !ok || taken[key] {
				drop = append(drop, v.ID)
				if v.Stock > 0 {
					stocked = append(stocked, fmt.Sprintf("%s (%s, %d in stock)", v.SKU, v.Title(), v.Stock))
				}
				continue
			}
			taken[key] = true
			v.Options, v.Position = sel, positions[key]
			keep = append(keep, v)
		}
		if len(stocked) > 0 {
			return product.Errorf(product.Conflict, "input.options",
				"these options would delete variants that still have stock: %s; move their stock first (adjustStock)", strings.Join(stocked, ", "))
		}
		if err := replaceOptions(ctx, tx, cur.ID, opts); err != nil {
			return err
		}
		if len(drop) > 0 {
			if _, err := tx.ExecContext(ctx, `UPDATE product.variants SET deleted_at = now(), updated_at = now()
				WHERE id = ANY($1::uuid[])`, pq.Array(drop)); err != nil {
				return err
			}
		}
		for _, v := range keep {
			sel, err := json.Marshal(selected(v.Options))
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE product.variants SET options = $2, position = $3, is_default = $4,
				version = version + CASE WHEN options = $2::jsonb THEN 0 ELSE 1 END, updated_at = now()
				WHERE id = $1`, v.ID, sel, v.Position, len(opts) == 0); err != nil {
				return err
			}
		}
		if len(keep) == 0 { // never leave a product without a variant
			first := product.Combinations(opts)[0]
			if err := insertVariants(ctx, tx, cur, [][]product.SelectedOption{first}, positions); err != nil {
				return err
			}
		}
		p, err = bumpProduct(ctx, tx, cur.ID)
		if err != nil {
			return err
		}
		return s.appendEvent(ctx, tx, product.EventProductUpdated, p.ID, product.NewProductPayload(p), p.UpdatedAt)
	})
	return p, err
}

// GenerateVariants creates a variant (stock 0, the product's price, a
// generated SKU) for every combination of the product's options that has
// none, keeps the others, and renumbers positions in combination order.
// Errors: INVALID, NOT_FOUND, CONFLICT (stale version), INTERNAL.
func (s *Store) GenerateVariants(ctx context.Context, productID string, version int) (product.Product, error) {
	if _, err := uuid.Parse(productID); err != nil {
		return product.Product{}, product.Errorf(product.Invalid, "input.productId", "%q is not an id", productID)
	}
	if version < 1 {
		return product.Product{}, product.Errorf(product.Invalid, "input.version", "must be the version you read (1 or more), got %d", version)
	}
	var p product.Product
	err := s.inTx(ctx, "generate variants", func(tx *sqlx.Tx) error {
		cur, err := lockProduct(ctx, tx, productID, "input.productId")
		if err != nil {
			return err
		}
		if cur.Version != version {
			return staleVersion("product", cur.Version, version)
		}
		byProduct, err := loadOptions(ctx, tx, []string{cur.ID})
		if err != nil {
			return err
		}
		opts := byProduct[cur.ID]
		variants, err := liveVariants(ctx, tx, cur.ID)
		if err != nil {
			return err
		}
		positions := positionsOf(opts)
		have := make(map[string]bool, len(variants))
		for _, v := range variants {
			have[product.CombinationKey(v.Options)] = true
			if pos, ok := positions[product.CombinationKey(v.Options)]; ok && pos != v.Position {
				if _, err := tx.ExecContext(ctx, `UPDATE product.variants SET position = $2 WHERE id = $1`, v.ID, pos); err != nil {
					return err
				}
			}
		}
		var missing [][]product.SelectedOption
		for _, c := range product.Combinations(opts) {
			if !have[product.CombinationKey(c)] {
				missing = append(missing, c)
			}
		}
		if len(variants)+len(missing) > product.MaxVariants {
			return product.Errorf(product.Invalid, "input.productId", "the product would have %d variants, more than %d", len(variants)+len(missing), product.MaxVariants)
		}
		if err := insertVariants(ctx, tx, cur, missing, positions); err != nil {
			return err
		}
		p, err = bumpProduct(ctx, tx, cur.ID)
		if err != nil {
			return err
		}
		return s.appendEvent(ctx, tx, product.EventProductUpdated, p.ID, product.NewProductPayload(p), p.UpdatedAt)
	})
	return p, err
}

// lockProduct reads a live product FOR UPDATE: every option, variant and
// stock write takes this lock first, so writes of one product serialise
// in one order (product, then its variants) and cannot deadlock. A missing
// product is NOT_FOUND on field.
func lockProduct(ctx context.Context, tx *sqlx.Tx, id, field string) (product.Product, error) {
	if _, err := uuid.Parse(id); err != nil {
		return product.Product{}, product.Errorf(product.NotFound, field, "product %q not found", id)
	}
	var r row
	err := tx.GetContext(ctx, &r, `SELECT `+productColumns+` FROM product.products WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return product.Product{}, product.Errorf(product.NotFound, field, "product %s not found", id)
	}
	if err != nil {
		return product.Product{}, err
	}
	return r.product()
}

// bumpProduct records an edit of the product's options or variants: a
// new version (an edit form based on the old one gets CONFLICT) and
// updated_at; it returns the product with its rolled-up stock.
func bumpProduct(ctx context.Context, tx *sqlx.Tx, id string) (product.Product, error) {
	var r row
	if err := tx.GetContext(ctx, &r, `UPDATE product.products SET version = version + 1, updated_at = now()
		WHERE id = $1 RETURNING `+productColumns, id); err != nil {
		return product.Product{}, err
	}
	return r.product()
}

// liveVariants reads a product's live variants in position order, locked.
func liveVariants(ctx context.Context, tx *sqlx.Tx, productID string) ([]product.Variant, error) {
	var rows []variantRow
	if err := tx.SelectContext(ctx, &rows, `SELECT `+variantColumns+`
		FROM product.variants v JOIN product.products p ON p.id = v.product_id
		WHERE v.product_id = $1 AND v.deleted_at IS NULL ORDER BY v.position, v.created_at, v.id FOR UPDATE OF v`, productID); err != nil {
		return nil, err
	}
	out := make([]product.Variant, len(rows))
	for i, r := range rows {
		v, err := r.variant()
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

// positionsOf maps each combination's key to its display position.
func positionsOf(opts []product.Option) map[string]int {
	combos := product.Combinations(opts)
	out := make(map[string]int, len(combos))
	for i, c := range combos {
		out[product.CombinationKey(c)] = i
	}
	return out
}

// replaceOptions writes a product's options anew (ids given in opts).
func replaceOptions(ctx context.Context, tx *sqlx.Tx, productID string, opts []product.Option) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM product.options WHERE product_id = $1`, productID); err != nil {
		return err
	}
	for i, o := range opts {
		if _, err := tx.ExecContext(ctx, `INSERT INTO product.options (id, product_id, position, name, "values") VALUES ($1, $2, $3, $4, $5)`,
			o.ID, productID, i, o.Name, pq.Array(o.Values)); err != nil {
			return err
		}
	}
	return nil
}

// selected is the options jsonb form of a combination ('[]' when empty).
func selected(sel []product.SelectedOption) []nameValue {
	out := make([]nameValue, len(sel))
	for i, o := range sel {
		out[i] = nameValue{o.Name, o.Value}
	}
	return out
}
