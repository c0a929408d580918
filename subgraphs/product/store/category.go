package store

import (
	"context"
	"database/sql"

	"github.com/lib/pq"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// categoryRow is a categories row as scanned.
type categoryRow struct {
	ID          string         `db:"id"`
	Name        string         `db:"name"`
	Slug        string         `db:"slug"`
	Description string         `db:"description"`
	ParentID    sql.NullString `db:"parent_id"`
	ImageURL    string         `db:"image_url"`
	Version     int            `db:"version"`
}

// category converts a scanned row.
func (r categoryRow) category() product.Category {
	c := product.Category{ID: r.ID, Name: r.Name, Slug: r.Slug, Description: r.Description, ImageURL: r.ImageURL, Version: r.Version}
	if r.ParentID.Valid {
		p := r.ParentID.String
		c.ParentID = &p
	}
	return c
}

const categoryColumns = `id, name, slug, description, parent_id, image_url, version`

// Categories returns the whole tree ordered by name path (path_names,
// kept by a trigger): each category directly followed by its descendants,
// siblings by name, so a client can render the tree in one pass.
// Errors: INTERNAL.
func (s *Store) Categories(ctx context.Context) ([]product.Category, error) {
	var rows []categoryRow
	err := s.db.SelectContext(ctx, &rows, `SELECT `+categoryColumns+` FROM product.categories WHERE deleted_at IS NULL ORDER BY path_names, id`)
	if err != nil {
		return nil, product.InternalError("load categories", err)
	}
	out := make([]product.Category, len(rows))
	for i, r := range rows {
		out[i] = r.category()
	}
	return out, nil
}

// CategoriesByIDs loads categories in one query (the graph layer's batch
// loader): result[i] is ids[i], nil where unknown or malformed.
// Errors: INTERNAL.
func (s *Store) CategoriesByIDs(ctx context.Context, ids []string) ([]*product.Category, error) {
	out := make([]*product.Category, len(ids))
	keys, valid := canonicalIDs(ids)
	if len(valid) == 0 {
		return out, nil
	}
	var rows []categoryRow
	if err := s.db.SelectContext(ctx, &rows, `SELECT `+categoryColumns+` FROM product.categories WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL`, pq.Array(valid)); err != nil {
		return nil, product.InternalError("load categories", err)
	}
	byID := make(map[string]product.Category, len(rows))
	for _, r := range rows {
		byID[r.ID] = r.category()
	}
	for i, k := range keys {
		if c, ok := byID[k]; ok {
			out[i] = &c
		}
	}
	return out, nil
}

// ChildCategories returns, in one query, the direct children of each
// parent ordered by name: result[i] belongs to parentIDs[i] and is empty
// (never nil) for a leaf or an unknown id. Errors: INTERNAL.
func (s *Store) ChildCategories(ctx context.Context, parentIDs []string) ([][]product.Category, error) {
	out := make([][]product.Category, len(parentIDs))
	for i := range out {
		out[i] = []product.Category{}
	}
	keys, valid := canonicalIDs(parentIDs)
	if len(valid) == 0 {
		return out, nil
	}
	var rows []categoryRow
	if err := s.db.SelectContext(ctx, &rows, `SELECT `+categoryColumns+` FROM product.categories WHERE parent_id = ANY($1::uuid[]) AND deleted_at IS NULL ORDER BY name, id`, pq.Array(valid)); err != nil {
		return nil, product.InternalError("load child categories", err)
	}
	byParent := map[string][]product.Category{}
	for _, r := range rows {
		byParent[r.ParentID.String] = append(byParent[r.ParentID.String], r.category())
	}
	for i, k := range keys {
		if cs, ok := byParent[k]; ok {
			out[i] = append([]product.Category(nil), cs...) // each slot its own slice
		}
	}
	return out, nil
}
