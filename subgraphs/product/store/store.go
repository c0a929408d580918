// Package store implements product.Store on PostgreSQL (schema "product",
// migrations in migrations/product). Every query is a single statement
// served by an index (see index_test.go); SQL text and driver errors never
// reach callers, only *product.Error values with the cause in Err.
package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"regexp"
	"time"

	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/nexus-commerce/nexus/subgraphs/kit/events"
	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// Store reads and writes the catalog in PostgreSQL. It holds no state but
// the pool, so one Store serves all requests concurrently. Writes put
// their events into the product outbox in the same transaction; the
// service's relay moves them to the bus.
type Store struct {
	db     *sqlx.DB
	outbox events.Outbox
}

var (
	_ product.Store  = (*Store)(nil)
	_ product.Writer = (*Store)(nil)
)

// New returns a Store over db, which must be migrated with the "product"
// migrations (kit/migrate.Up); the service does that on start.
func New(db *sqlx.DB) *Store { return &Store{db: db, outbox: events.Outbox{Schema: "product"}} }

const productColumns = `id, name, slug, description, price_amount, currency, compare_at_amount,
	category_id, tags, rating, review_count, stock, sku, images, created_at, updated_at, version`

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
	Version         int            `db:"version"`
	// Rank is ts_rank in listings (0 without a search).
	Rank float64 `db:"rank"`
}

// imageJSON is one element of the images jsonb column.
type imageJSON struct {
	URL       string `json:"url"`
	Alt       string `json:"alt"`
	IsPrimary bool   `json:"isPrimary"`
}

// product converts a scanned row; only a corrupt images column fails.
func (r row) product() (product.Product, error) {
	p := product.Product{
		ID: r.ID, Name: r.Name, Slug: r.Slug, Description: r.Description,
		Price:      product.Money{Amount: r.PriceAmount, Currency: r.Currency},
		CategoryID: r.CategoryID, Tags: []string(r.Tags), Rating: r.Rating, ReviewCount: r.ReviewCount,
		Stock: r.Stock, SKU: r.SKU, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(),
		Version: r.Version,
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

// Product returns one product. Errors: NOT_FOUND (unknown or malformed
// id), INTERNAL.
func (s *Store) Product(ctx context.Context, id string) (product.Product, error) {
	u, err := uuid.Parse(id)
	if err != nil {
		return product.Product{}, product.Errorf(product.NotFound, "id", "product %q not found", id)
	}
	return s.one(ctx, `SELECT `+productColumns+` FROM product.products WHERE id = $1 AND deleted_at IS NULL`, u.String(), "product "+u.String()+" not found")
}

// slugPattern is the products.slug CHECK constraint; anything else cannot
// exist, so it is NOT_FOUND without a query (and NUL bytes never reach
// PostgreSQL, which would reject them with an error).
var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ProductBySlug returns one product. Errors: NOT_FOUND, INTERNAL.
func (s *Store) ProductBySlug(ctx context.Context, slug string) (product.Product, error) {
	if !slugPattern.MatchString(slug) {
		return product.Product{}, product.Errorf(product.NotFound, "slug", "no product with slug %q", slug)
	}
	return s.one(ctx, `SELECT `+productColumns+` FROM product.products WHERE slug = $1 AND deleted_at IS NULL`, slug, "no product with slug "+slug)
}

// one loads the single product q selects; missing is NOT_FOUND with the
// message what.
func (s *Store) one(ctx context.Context, q, arg, what string) (product.Product, error) {
	var r row
	if err := s.db.GetContext(ctx, &r, q, arg); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return product.Product{}, product.Errorf(product.NotFound, "", "%s", what)
		}
		return product.Product{}, product.InternalError("load product", err)
	}
	p, err := r.product()
	if err != nil {
		return product.Product{}, product.InternalError("decode product", err)
	}
	return p, nil
}

// ProductsByIDs loads products in one query; result[i] is ids[i], nil
// where unknown or malformed; duplicates are allowed. Errors: INTERNAL.
func (s *Store) ProductsByIDs(ctx context.Context, ids []string) ([]*product.Product, error) {
	out := make([]*product.Product, len(ids))
	keys, valid := canonicalIDs(ids)
	if len(valid) == 0 {
		return out, nil
	}
	var rows []row
	if err := s.db.SelectContext(ctx, &rows, `SELECT `+productColumns+` FROM product.products WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL`, pq.Array(valid)); err != nil {
		return nil, product.InternalError("load products by id", err)
	}
	byID := make(map[string]*product.Product, len(rows))
	for _, r := range rows {
		p, err := r.product()
		if err != nil {
			return nil, product.InternalError("decode product", err)
		}
		byID[p.ID] = &p
	}
	for i, k := range keys {
		if p, ok := byID[k]; ok {
			cp := *p // each slot its own value, so a caller may modify one
			out[i] = &cp
		}
	}
	return out, nil
}

// canonicalIDs parses ids: keys[i] is the canonical (lower-case) form of
// ids[i] or "" when it is not a UUID; valid holds each parsable id once.
func canonicalIDs(ids []string) (keys, valid []string) {
	keys = make([]string, len(ids))
	seen := make(map[string]bool, len(ids))
	for i, id := range ids {
		u, err := uuid.Parse(id)
		if err != nil {
			continue
		}
		keys[i] = u.String()
		if !seen[keys[i]] {
			seen[keys[i]] = true
			valid = append(valid, keys[i])
		}
	}
	return keys, valid
}
