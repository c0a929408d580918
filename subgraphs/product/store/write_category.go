package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// CreateCategory adds a category at version 1 with its category.created
// event; the path trigger places it in the tree. Errors: INVALID (a taken
// slug or an unknown parent included), INTERNAL.
func (s *Store) CreateCategory(ctx context.Context, in product.CategoryFields) (product.Category, error) {
	if err := product.ValidateNewCategory(in); err != nil {
		return product.Category{}, err
	}
	var c product.Category
	err := s.inTx(ctx, "create category", func(tx *sqlx.Tx) error {
		if err := checkCategoryRefs(ctx, tx, "", in); err != nil {
			return err
		}
		var r categoryRow
		err := tx.GetContext(ctx, &r, `INSERT INTO product.categories (id, name, slug, description, parent_id, image_url)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING `+categoryColumns,
			uuid.NewString(), in.Name, in.Slug, in.Description, in.ParentID, in.ImageURL)
		if err != nil {
			return err
		}
		c = r.category()
		return s.appendEvent(ctx, tx, product.EventCategoryCreated, c.ID, product.NewCategoryPayload(c), eventTime())
	})
	return c, err
}

// UpdateCategory replaces a category's fields if it is still at
// in.Version, with a category.updated event. A rename or a move is carried
// down to the subtree and its products' search text by the migration's
// triggers, in the same transaction. Errors: INVALID (including a move
// below itself), NOT_FOUND, CONFLICT (stale version), INTERNAL.
func (s *Store) UpdateCategory(ctx context.Context, in product.CategoryUpdate) (product.Category, error) {
	if err := product.ValidateCategoryUpdate(in); err != nil {
		return product.Category{}, err
	}
	var c product.Category
	err := s.inTx(ctx, "update category", func(tx *sqlx.Tx) error {
		var version int
		err := tx.GetContext(ctx, &version, `SELECT version FROM product.categories WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`, in.ID)
		if errors.Is(err, sql.ErrNoRows) {
			return product.Errorf(product.NotFound, "input.id", "category %s not found", in.ID)
		}
		if err != nil {
			return err
		}
		if version != in.Version {
			return staleVersion("category", version, in.Version)
		}
		if err := checkCategoryRefs(ctx, tx, in.ID, in.CategoryFields); err != nil {
			return err
		}
		var r categoryRow
		err = tx.GetContext(ctx, &r, `UPDATE product.categories SET name = $2, slug = $3, description = $4,
			parent_id = $5, image_url = $6, version = version + 1 WHERE id = $1 RETURNING `+categoryColumns,
			in.ID, in.Name, in.Slug, in.Description, in.ParentID, in.ImageURL)
		if err != nil {
			return err
		}
		c = r.category()
		return s.appendEvent(ctx, tx, product.EventCategoryUpdated, c.ID, product.NewCategoryPayload(c), eventTime())
	})
	return c, err
}

// DeleteCategory soft-deletes an empty category with a category.deleted
// event. The row lock (FOR UPDATE) waits for product and category writes
// that hold it FOR SHARE, so the emptiness check sees them. Errors:
// NOT_FOUND, CONFLICT (it still has products or sub-categories; the
// message says how many of each), INTERNAL.
func (s *Store) DeleteCategory(ctx context.Context, id string) (product.Category, error) {
	if _, err := uuid.Parse(id); err != nil {
		return product.Category{}, product.Errorf(product.NotFound, "id", "category %q not found", id)
	}
	var c product.Category
	err := s.inTx(ctx, "delete category", func(tx *sqlx.Tx) error {
		var found bool
		err := tx.GetContext(ctx, &found, `SELECT true FROM product.categories WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`, id)
		if errors.Is(err, sql.ErrNoRows) {
			return product.Errorf(product.NotFound, "id", "category %s not found", id)
		}
		if err != nil {
			return err
		}
		var products, children int
		err = tx.QueryRowxContext(ctx, `SELECT
			(SELECT count(*) FROM product.products WHERE category_id = $1 AND deleted_at IS NULL),
			(SELECT count(*) FROM product.categories WHERE parent_id = $1 AND deleted_at IS NULL)`, id).Scan(&products, &children)
		if err != nil {
			return err
		}
		if products > 0 || children > 0 {
			return product.Errorf(product.Conflict, "id", "category %s cannot be deleted: it still has %s; move or delete them first", id, contents(products, children))
		}
		var r categoryRow
		err = tx.GetContext(ctx, &r, `UPDATE product.categories SET deleted_at = now(), version = version + 1
			WHERE id = $1 RETURNING `+categoryColumns, id)
		if err != nil {
			return err
		}
		c = r.category()
		return s.appendEvent(ctx, tx, product.EventCategoryDeleted, c.ID, product.NewCategoryPayload(c), eventTime())
	})
	return c, err
}

// contents describes what keeps a category from being deleted.
func contents(products, children int) string {
	var parts []string
	if products > 0 {
		parts = append(parts, plural(products, "product"))
	}
	if children > 0 {
		parts = append(parts, plural(children, "sub-category", "sub-categories"))
	}
	return strings.Join(parts, " and ")
}

func plural(n int, one string, many ...string) string {
	if n == 1 {
		return "1 " + one
	}
	if len(many) > 0 {
		return fmt.Sprintf("%d %s", n, many[0])
	}
	return fmt.Sprintf("%d %ss", n, one)
}

// checkCategoryRefs checks the parent (exists, locked FOR SHARE so it
// cannot be deleted under the new child, and not the category itself or
// one of its descendants) and that the slug is free among live categories.
func checkCategoryRefs(ctx context.Context, tx *sqlx.Tx, self string, f product.CategoryFields) error {
	var errs []error
	if f.ParentID != nil {
		var below bool
		err := tx.GetContext(ctx, &below, `SELECT $2::uuid = ANY (path) FROM product.categories
			WHERE id = $1 AND deleted_at IS NULL FOR SHARE`, *f.ParentID, orNil(self))
		switch {
		case errors.Is(err, sql.ErrNoRows):
			errs = append(errs, product.Errorf(product.Invalid, "input.parentId", "no category with id %s", *f.ParentID))
		case err != nil:
			return err
		case below:
			errs = append(errs, product.Errorf(product.Invalid, "input.parentId", "a category cannot be moved below itself or one of its descendants"))
		}
	}
	var taken bool
	err := tx.GetContext(ctx, &taken, `SELECT EXISTS (SELECT 1 FROM product.categories
		WHERE slug = $1 AND deleted_at IS NULL AND id <> $2)`, f.Slug, orNil(self))
	if err != nil {
		return err
	}
	if taken {
		errs = append(errs, product.Errorf(product.Invalid, "input.slug", "another category already has the slug %q", f.Slug))
	}
	return errors.Join(errs...)
}

// orNil is id, or the nil UUID for a row not yet created.
func orNil(id string) string {
	if id == "" {
		return uuid.Nil.String()
	}
	return id
}
