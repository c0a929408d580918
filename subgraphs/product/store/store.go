// Package store implements product.Store on PostgreSQL (schema "product").
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

// Store reads the catalog from PostgreSQL.
type Store struct{ db *sqlx.DB }

var _ product.Store = (*Store)(nil)

// New returns a Store over db (migrated with migrations "product").
func New(db *sqlx.DB) *Store { return &Store{db: db} }

const productColumns = `id, name, slug, description, price_amount, currency, compare_at_amount,
	category_id, tags, rating, review_count, stock, sku, images, created_at, updated_at`

// row is a products row as scanned.
type row struct {
	ID              string         `db:"id"`
	Name            string         `db:"name"`
	Slug            string         `db:"slug"`
	Description     string         `db:"description"`
	PriceAmount     int64          `db:"price_amount"`
	Currency        string         `db:"currency"`
	CompareAtAmount sql.NullInt64  `db:"compare_at_amount"`
	CategoryID      string         `db:"category_id"`
	Tags            pq.StringArray `db:"tags"`
	Rating          float64        `db:"rating"`
	ReviewCount     int            `db:"review_count"`
	Stock           int            `db:"stock"`
	SKU             string         `db:"sku"`
	Images          []byte         `db:"images"`
	CreatedAt       time.Time      `db:"created_at"`
	UpdatedAt       time.Time      `db:"updated_at"`
	// Listing extras.
	Rank  float64 `db:"rank"`
	Total int     `db:"total"`
}

type imageJSON struct {
	URL       string `json:"url"`
	Alt       string `json:"alt"`
	IsPrimary bool   `json:"isPrimary"`
}

func (r row) product() (product.Product, error) {
	p := product.Product{
		ID: r.ID, Name: r.Name, Slug: r.Slug, Description: r.Description,
		Price:      product.Money{Amount: r.PriceAmount, Currency: r.Currency},
		CategoryID: r.CategoryID, Tags: []string(r.Tags), Rating: r.Rating, ReviewCount: r.ReviewCount,
		Stock: r.Stock, SKU: r.SKU, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(),
	}
	if p.Tags == nil {
		p.Tags = []string{}
	}
	if r.CompareAtAmount.Valid {
		p.CompareAtPrice = &product.Money{Amount: r.CompareAtAmount.Int64, Currency: r.Currency}
	}
	var imgs []imageJSON
	if err := json.Unmarshal(r.Images, &imgs); err != nil {
		return p, err
	}
	p.Images = make([]product.Image, len(imgs))
	for i, im := range imgs {
		p.Images[i] = product.Image{URL: im.URL, Alt: im.Alt, IsPrimary: im.IsPrimary}
	}
	return p, nil
}

// Product returns one product. Errors: NOT_FOUND, INTERNAL.
func (s *Store) Product(ctx context.Context, id string) (product.Product, error) {
	if _, err := uuid.Parse(id); err != nil {
		return product.Product{}, product.Errorf(product.NotFound, "id", "product %q not found", id)
	}
	return s.one(ctx, `SELECT `+productColumns+` FROM product.products WHERE id = $1`, id, "product "+id)
}

// ProductBySlug returns one product. Errors: NOT_FOUND, INTERNAL.
func (s *Store) ProductBySlug(ctx context.Context, slug string) (product.Product, error) {
	return s.one(ctx, `SELECT `+productColumns+` FROM product.products WHERE slug = $1`, slug, "product with slug "+slug)
}

func (s *Store) one(ctx context.Context, q, arg, what string) (product.Product, error) {
	var r row
	if err := s.db.GetContext(ctx, &r, q, arg); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return product.Product{}, product.Errorf(product.NotFound, "", "%s not found", what)
		}
		return product.Product{}, product.InternalError("load product", err)
	}
	p, err := r.product()
	if err != nil {
		return product.Product{}, product.InternalError("decode product", err)
	}
	return p, nil
}

// ProductsByIDs loads products in one query; result[i] is ids[i], nil where
// unknown or malformed. Errors: INTERNAL.
func (s *Store) ProductsByIDs(ctx context.Context, ids []string) ([]*product.Product, error) {
	valid := make([]string, 0, len(ids))
	for _, id := range ids {
		if _, err := uuid.Parse(id); err == nil {
			valid = append(valid, id)
		}
	}
	out := make([]*product.Product, len(ids))
	if len(valid) == 0 {
		return out, nil
	}
	var rows []row
	if err := s.db.SelectContext(ctx, &rows, `SELECT `+productColumns+` FROM product.products WHERE id = ANY($1::uuid[])`, pq.Array(valid)); err != nil {
		return nil, product.InternalError("load products", err)
	}
	byID := make(map[string]*product.Product, len(rows))
	for _, r := range rows {
		p, err := r.product()
		if err != nil {
			return nil, product.InternalError("decode product", err)
		}
		byID[p.ID] = &p
	}
	for i, id := range ids {
		if u, err := uuid.Parse(id); err == nil {
			out[i] = byID[u.String()]
		}
	}
	return out, nil
}
