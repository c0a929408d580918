// Package product is the catalog domain: products, categories and the
// listing query (search, filters, sorts, cursor pagination). The store
// package implements Store on PostgreSQL; the graph package serves it.
package product

import (
	"context"
	"time"
)

// Money is an amount in minor units (cents) of a currency; never a float.
type Money struct {
	Amount   int64
	Currency string
}

// Image is a product picture. URL is stored as a path on the product
// service ("/images/products/<id>/0.svg"); the graph layer makes it absolute.
type Image struct {
	URL       string
	Alt       string
	IsPrimary bool
}

// Product is an item for sale.
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
}

// Category is a node of the category tree.
type Category struct {
	ID, Name, Slug, Description string
	ParentID                    *string
	ImageURL                    string
}

// Edge is one product of a page with the cursor that resumes after it.
type Edge struct {
	Product Product
	Cursor  string
}

// Page is one page of a product listing.
type Page struct {
	Edges       []Edge
	TotalCount  int
	HasNextPage bool
}

// Store reads the catalog. Every method returns *Error values; lookups by
// id never return (nil, nil).
type Store interface {
	// Product returns one product; NOT_FOUND when unknown or malformed.
	Product(ctx context.Context, id string) (Product, error)
	// ProductBySlug returns one product; NOT_FOUND when unknown.
	ProductBySlug(ctx context.Context, slug string) (Product, error)
	// ProductsByIDs loads many products in one query; result[i] is ids[i],
	// nil where unknown. Duplicates are allowed.
	ProductsByIDs(ctx context.Context, ids []string) ([]*Product, error)
	// Products lists a page; INVALID (naming the argument) for bad params.
	Products(ctx context.Context, p ListParams) (Page, error)
	// Categories returns the whole tree ordered by name path.
	Categories(ctx context.Context) ([]Category, error)
	// CategoriesByIDs loads many categories in one query, in input order.
	CategoriesByIDs(ctx context.Context, ids []string) ([]*Category, error)
	// ChildCategories returns, in one query, the children of each parent.
	ChildCategories(ctx context.Context, parentIDs []string) ([][]Category, error)
}
