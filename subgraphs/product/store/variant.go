package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"

	"github.com/lib/pq"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

var (
	_ product.VariantStore  = (*Store)(nil)
	_ product.VariantWriter = (*Store)(nil)
)

// variantColumns are read with the product's currency (a variant's own
// prices are in it), so every variant query joins its product as p.
const variantColumns = `v.id, v.product_id, v.sku, v.options, v.price_amount, v.compare_at_amount,
	v.stock, v.images, v.attributes, v.is_default, v.position, v.version, v.created_at, v.updated_at, p.currency`

// variantRow is a variants row as scanned.
type variantRow struct {
	ID              string        `db:"id"`
	ProductID       string        `db:"product_id"`
	SKU             string        `db:"sku"`
	Options         []byte        `db:"options"`
	PriceAmount     sql.NullInt64 `db:"price_amount"`
	CompareAtAmount sql.NullInt64 `db:"compare_at_amount"`
	Stock           int           `db:"stock"`
	Images          []byte        `db:"images"`
	Attributes      []byte        `db:"attributes"`
	IsDefault       bool          `db:"is_default"`
	Position        int           `db:"position"`
	Version         int           `db:"version"`
	CreatedAt       time.Time     `db:"created_at"`
	UpdatedAt       time.Time     `db:"updated_at"`
	Currency        string        `db:"currency"`
}

// nameValue is one element of the options and attributes jsonb columns.
type nameValue struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// variant converts a scanned row; only corrupt jsonb columns fail.
func (r variantRow) variant() (product.Variant, error) {
	v := product.Variant{
		ID: r.ID, ProductID: r.ProductID, SKU: r.SKU, Stock: r.Stock, IsDefault: r.IsDefault,
		Position: r.Position, Version: r.Version, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(),
	}
	if r.PriceAmount.Valid {
		v.Price = &product.Money{Amount: r.PriceAmount.Int64, Currency: r.Currency}
	}
	if r.CompareAtAmount.Valid {
		v.CompareAtPrice = &product.Money{Amount: r.CompareAtAmount.Int64, Currency: r.Currency}
	}
	var opts, attrs []nameValue
	var imgs []imageJSON
	if err := json.Unmarshal(r.Options, &opts); err != nil {
		return v, err
	}
	if err := json.Unmarshal(r.Attributes, &attrs); err != nil {
		return v, err
	}
	if err := json.Unmarshal(r.Images, &imgs); err != nil {
		return v, err
	}
	v.Options = make([]product.SelectedOption, len(opts))
	for i, o := range opts {
		v.Options[i] = product.SelectedOption{Name: o.Name, Value: o.Value}
	}
	v.Attributes = make([]product.Attribute, len(attrs))
	for i, a := range attrs {
		v.Attributes[i] = product.Attribute{Name: a.Name, Value: a.Value}
	}
	v.Images = make([]product.Image, len(imgs))
	for i, im := range imgs {
		v.Images[i] = product.Image{URL: im.URL, Alt: im.Alt, IsPrimary: im.IsPrimary}
	}
	return v, nil
}

// VariantsByProductIDs returns the live variants of each product in one
// query (served by variants_product_idx): result[i] (never nil, ordered
// by position) belongs to productIDs[i]. Errors: INTERNAL.
func (s *Store) VariantsByProductIDs(ctx context.Context, productIDs []string) ([][]product.Variant, error) {
	out := make([][]product.Variant, len(productIDs))
	for i := range out {
		out[i] = []product.Variant{}
	}
	keys, valid := canonicalIDs(productIDs)
	if len(valid) == 0 {
		return out, nil
	}
	var rows []variantRow
	err := s.db.SelectContext(ctx, &rows, `SELECT `+variantColumns+`
		FROM product.variants v JOIN product.products p ON p.id = v.product_id
		WHERE v.product_id = ANY($1::uuid[]) AND v.deleted_at IS NULL
		ORDER BY v.product_id, v.position, v.created_at, v.id`, pq.Array(valid))
	if err != nil {
		return nil, product.InternalError("load variants by product", err)
	}
	byProduct := make(map[string][]product.Variant, len(valid))
	for _, r := range rows {
		v, err := r.variant()
		if err != nil {
			return nil, product.InternalError("decode variant", err)
		}
		byProduct[v.ProductID] = append(byProduct[v.ProductID], v)
	}
	for i, k := range keys {
		if vs, ok := byProduct[k]; ok {
			out[i] = append([]product.Variant(nil), vs...) // each slot its own slice
		}
	}
	return out, nil
}

// OptionsByProductIDs returns each product's options in display order in
// one query: result[i] (never nil) belongs to productIDs[i]. Errors: INTERNAL.
func (s *Store) OptionsByProductIDs(ctx context.Context, productIDs []string) ([][]product.Option, error) {
	out := make([][]product.Option, len(productIDs))
	for i := range out {
		out[i] = []product.Option{}
	}
	keys, valid := canonicalIDs(productIDs)
	if len(valid) == 0 {
		return out, nil
	}
	byProduct, err := loadOptions(ctx, s.db, valid)
	if err != nil {
		return nil, product.InternalError("load options", err)
	}
	for i, k := range keys {
		if os, ok := byProduct[k]; ok {
			out[i] = append([]product.Option(nil), os...)
		}
	}
	return out, nil
}

// loadOptions reads the options of the given (canonical) product ids,
// grouped by product in display order; q is the pool or a transaction.
func loadOptions(ctx context.Context, q querier, productIDs []string) (map[string][]product.Option, error) {
	var rows []struct {
		ID        string         `db:"id"`
		ProductID string         `db:"product_id"`
		Name      string         `db:"name"`
		Values    pq.StringArray `db:"values"`
	}
	err := q.SelectContext(ctx, &rows, `SELECT id, product_id, name, "values" FROM product.options
		WHERE product_id = ANY($1::uuid[]) ORDER BY product_id, position`, pq.Array(productIDs))
	if err != nil {
		return nil, err
	}
	out := make(map[string][]product.Option, len(productIDs))
	for _, r := range rows {
		out[r.ProductID] = append(out[r.ProductID], product.Option{ID: r.ID, Name: r.Name, Values: []string(r.Values)})
	}
	return out, nil
}

// VariantsByIDs loads variants for entity batches in one query: result[i]
// is ids[i], nil where unknown, malformed, deleted or of a deleted
// product; duplicates are allowed. Errors: INTERNAL.
func (s *Store) VariantsByIDs(ctx context.Context, ids []string) ([]*product.Variant, error) {
	out := make([]*product.Variant, len(ids))
	keys, valid := canonicalIDs(ids)
	if len(valid) == 0 {
		return out, nil
	}
	var rows []variantRow
	err := s.db.SelectContext(ctx, &rows, `SELECT `+variantColumns+`
		FROM product.variants v JOIN product.products p ON p.id = v.product_id
		WHERE v.id = ANY($1::uuid[]) AND v.deleted_at IS NULL AND p.deleted_at IS NULL`, pq.Array(valid))
	if err != nil {
		return nil, product.InternalError("load variants by id", err)
	}
	byID := make(map[string]product.Variant, len(rows))
	for _, r := range rows {
		v, err := r.variant()
		if err != nil {
			return nil, product.InternalError("decode variant", err)
		}
		byID[v.ID] = v
	}
	for i, k := range keys {
		if v, ok := byID[k]; ok {
			out[i] = &v
		}
	}
	return out, nil
}

// querier is what loadOptions needs of the pool or a transaction.
type querier interface {
	SelectContext(ctx context.Context, dest any, query string, args ...any) error
}
