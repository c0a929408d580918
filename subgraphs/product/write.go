package product

import "context"

// ProductFields are the fields an admin sets on a product, on create and
// on update alike: an update replaces all of them, so an edit form sends
// what it shows and no field is left half-changed. Prices are minor units
// of the catalog currency (USD).
type ProductFields struct {
	Name, Slug, Description string
	Price                   int64
	// CompareAtPrice, when set, must be above Price (a sale).
	CompareAtPrice *int64
	CategoryID     string
	Tags           []string
	SKU            string
	// Images have absolute http(s) URLs; at most one is primary, and when
	// none is flagged the first one is.
	Images []Image
}

// NewProduct is createProduct's input: the fields plus the opening stock.
type NewProduct struct {
	ProductFields
	Stock int
}

// ProductUpdate is updateProduct's input: the product, the version the
// admin edited (Product.Version as they read it) and the new fields.
type ProductUpdate struct {
	ID      string
	Version int
	ProductFields
}

// StockAdjustment moves a product's stock by Delta units (negative for a
// write-off or a sale), with the Reason kept in the event for the audit trail.
type StockAdjustment struct {
	// ID is a product with exactly one variant; VariantID a variant.
	// Exactly one is set.
	ID        string
	VariantID string
	Delta     int
	Reason    string
}

// CategoryFields are the fields an admin sets on a category; an update
// replaces all of them. ParentID nil makes a top-level category; ImageURL
// "" means the generated placeholder.
type CategoryFields struct {
	Name, Slug, Description string
	ParentID                *string
	ImageURL                string
}

// CategoryUpdate is updateCategory's input, versioned like ProductUpdate.
type CategoryUpdate struct {
	ID      string
	Version int
	CategoryFields
}

// StockChange is the outcome of AdjustStock: the product after the move
// and the move itself, which its product.stock-changed event carries.
type StockChange struct {
	Product Product
	Variant Variant
	Delta   int
	Reason  string
}

// Writer changes the catalog. Every method validates its whole input
// first (Validate*), then writes the rows and the matching event (see
// event.go) in one transaction: a refused or failed write leaves neither a
// row nor an event behind, and every committed change has its event.
// Errors are *Error values: INVALID with Field naming the offending
// argument or input field ("input.slug", "delta"), NOT_FOUND for an
// unknown or deleted id, CONFLICT for a stale version, INTERNAL.
type Writer interface {
	// CreateProduct adds a product at version 1. Errors: INVALID
	// (including a taken slug or SKU, or an unknown category), INTERNAL.
	CreateProduct(ctx context.Context, in NewProduct) (Product, error)
	// UpdateProduct replaces a product's fields if it is still at
	// in.Version, and bumps the version. Errors: INVALID, NOT_FOUND,
	// CONFLICT, INTERNAL.
	UpdateProduct(ctx context.Context, in ProductUpdate) (Product, error)
	// DeleteProduct hides a product from shoppers for good (listings,
	// lookups, search and entity references no longer see it) and returns
	// it as it was. Errors: NOT_FOUND, INTERNAL.
	DeleteProduct(ctx context.Context, id string) (Product, error)
	// AdjustStock adds in.Delta to the stock atomically; a move that would
	// take the stock below zero is refused (INVALID on delta) and changes
	// nothing. Errors: INVALID, NOT_FOUND, INTERNAL.
	AdjustStock(ctx context.Context, in StockAdjustment) (StockChange, error)
	// CreateCategory adds a category at version 1. Errors: INVALID
	// (including a taken slug or an unknown parent), INTERNAL.
	CreateCategory(ctx context.Context, in CategoryFields) (Category, error)
	// UpdateCategory replaces a category's fields (moving it when the
	// parent changes) if it is still at in.Version. Errors: INVALID
	// (including a move below itself), NOT_FOUND, CONFLICT, INTERNAL.
	UpdateCategory(ctx context.Context, in CategoryUpdate) (Category, error)
	// DeleteCategory removes a category that has neither products nor
	// sub-categories; otherwise it is refused with CONFLICT saying which.
	// Errors: NOT_FOUND, CONFLICT, INTERNAL.
	DeleteCategory(ctx context.Context, id string) (Category, error)
}
