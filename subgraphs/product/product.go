// Package product is the catalog domain: products, categories and the
// listing query (search, filters, sorts, cursor pagination). The store
// package implements Store on PostgreSQL; the graph package serves it.
package product

import (
	"context"
	"time"
)

// Money is an amount in minor units (cents) of a currency, never a float,
// so sums and comparisons are exact. The catalog's currency is "USD".
type Money struct {
	Amount   int64
	Currency string
}

// Image is a product picture. URL is stored as a path on the product
// service ("/images/products/<id>/0.svg") so the data does not depend on
// where the service is deployed; the graph layer makes it absolute.
type Image struct {
	URL       string
	Alt       string
	IsPrimary bool
}

// Product is an item for sale, as storefronts and other subgraphs see it.
// CompareAtPrice, when set, is above Price (a sale); Rating is 0..5 and 0
// when ReviewCount is 0; Stock never goes below 0.
type Product struct {
	ID, Name, Slug, Description string
	Price                       Money
	CompareAtPrice              *Money
	Images                      []Image
	CategoryID                  string
	Tags                        []string
	Rating                      float64
	ReviewCount                 int
	Stock                       int
	SKU                         string
	CreatedAt, UpdatedAt        time.Time
	// Version counts edits of the fields updateProduct sets (1 when
	// created); an update names the version it edits, so two admins editing
	// the same product cannot silently overwrite each other. Stock
	// movements do not change it.
	Version int
}

// Category is a node of the category tree; products hang off any node and
// a category filter covers the whole subtree. ImageURL is a path like
// Image.URL ("/images/categories/<slug>.svg").
type Category struct {
	ID, Name, Slug, Description string
	ParentID                    *string
	ImageURL                    string
	// Version counts edits, as Product.Version does.
	Version int
}

// Edge is one product of a page with the cursor that resumes right after
// it, so a client can continue from any product, not only the last.
type Edge struct {
	Product Product
	Cursor  string
}

// Page is one page of a listing. TotalCount counts every product matching
// the filter (all pages), read in the same snapshot as the edges.
type Page struct {
	Edges       []Edge
	TotalCount  int
	HasNextPage bool
}

// Store reads the catalog; the graph layer depends on this interface so
// tests can wrap the real store (for example to count round trips). Every
// error is an *Error; lookups never return a zero Product with a nil error.
type Store interface {
	// Product returns one product. Errors: NOT_FOUND (unknown or
	// malformed id), INTERNAL.
	Product(ctx context.Context, id string) (Product, error)
	// ProductBySlug returns one product. Errors: NOT_FOUND, INTERNAL.
	ProductBySlug(ctx context.Context, slug string) (Product, error)
	// ProductsByIDs loads many products in one query, for federation
	// entity batches: result[i] is ids[i], nil where unknown or malformed;
	// duplicates are allowed. Errors: INTERNAL.
	ProductsByIDs(ctx context.Context, ids []string) ([]*Product, error)
	// Products returns one page of a filtered, sorted listing; it runs
	// p.Validate first. Errors: INVALID (Field names the argument), INTERNAL.
	Products(ctx context.Context, p ListParams) (Page, error)
	// Categories returns the whole tree ordered by name path: each
	// category directly followed by its descendants, siblings by name.
	// Errors: INTERNAL.
	Categories(ctx context.Context) ([]Category, error)
	// CategoriesByIDs loads many categories in one query: result[i] is
	// ids[i], nil where unknown or malformed. Errors: INTERNAL.
	CategoriesByIDs(ctx context.Context, ids []string) ([]*Category, error)
	// ChildCategories loads, in one query, the direct children of each
	// parent: result[i] (never nil, ordered by name) belongs to
	// parentIDs[i]. Errors: INTERNAL.
	ChildCategories(ctx context.Context, parentIDs []string) ([][]Category, error)
}
