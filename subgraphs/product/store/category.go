package store

import (
	"context"
	"database/sql"

	"github.com/google/uuid"
	"github.com/lib/pq"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

type categoryRow struct {
	ID          string         `db:"id"`
	Name        string         `db:"name"`
	Slug        string         `db:"slug"`
	Description string         `db:"description"`
	ParentID    sql.NullString `db:"parent_id"`
	ImageURL    string         `db:"image_url"`
}

func (r categoryRow) category() product.Category {
	c := product.Category{ID: r.ID, Name: r.Name, Slug: r.Slug, Description: r.Description, ImageURL: r.ImageURL}
	if r.ParentID.Valid {
		p := r.ParentID.String
		c.ParentID = &p
	}
	return c
}

const categoryColumns = `id, name, slug, description, parent_id, image_url`

// Categories returns the whole tree, parents before children, siblings by
// name. Errors: INTERNAL.
func (s *Store) Categories(ctx context.Context) ([]product.Category, error) {
	var rows []categoryRow
	err := s.db.SelectContext(ctx, &rows, `
		SELECT c.id, c.name, c.slug, c.description, c.parent_id, c.image_url
		FROM product.categories c
		ORDER BY (SELECT array_agg(a.name ORDER BY x.ord) FROM unnest(c.path) WITH ORDINALITY x(id, ord)
		          JOIN product.categories a ON a.id = x.id)`)
	if err != nil {
		return nil, product.InternalError("load categories", err)
	}
	out := make([]product.Category, len(rows))
	for i, r := range rows {
		out[i] = r.category()
	}
	return out, nil
}

// CategoriesByIDs loads categories in one query, in input order, nil where
// unknown. Errors: INTERNAL.
func (s *Store) CategoriesByIDs(ctx context.Context, ids []string) ([]*product.Category, error) {
	out := make([]*product.Category, len(ids))
	valid := validUUIDs(ids)
	if len(valid) == 0 {
		return out, nil
	}
	var rows []categoryRow
	if err := s.db.SelectContext(ctx, &rows, `SELECT `+categoryColumns+` FROM product.categories WHERE id = ANY($1::uuid[])`, pq.Array(valid)); err != nil {
		return nil, product.InternalError("load categories", err)
	}
	byID := map[string]*product.Category{}
	for _, r := range rows {
		c := r.category()
		byID[c.ID] = &c
	}
	for i, id := range ids {
		out[i] = byID[id]
	}
	return out, nil
}

// ChildCategories returns the children of each parent (by name) in one
// query. Errors: INTERNAL.
func (s *Store) ChildCategories(ctx context.Context, parentIDs []string) ([][]product.Category, error) {
	out := make([][]product.Category, len(parentIDs))
	for i := range out {
		out[i] = []product.Category{}
	}
	valid := validUUIDs(parentIDs)
	if len(valid) == 0 {
		return out, nil
	}
	var rows []categoryRow
	if err := s.db.SelectContext(ctx, &rows, `SELECT `+categoryColumns+` FROM product.categories WHERE parent_id = ANY($1::uuid[]) ORDER BY name, id`, pq.Array(valid)); err != nil {
		return nil, product.InternalError("load child categories", err)
	}
	byParent := map[string][]product.Category{}
	for _, r := range rows {
		byParent[r.ParentID.String] = append(byParent[r.ParentID.String], r.category())
	}
	for i, id := range parentIDs {
		if cs, ok := byParent[id]; ok {
			out[i] = cs
		}
	}
	return out, nil
}

func validUUIDs(ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if _, err := uuid.Parse(id); err == nil {
			out = append(out, id)
		}
	}
	return out
}
