package product

import (
	"context"
	"time"
)

// Option is one dimension a product is sold in (Size, Colour) with its
// values in display order. Names are unique within a product and values
// within an option, both case-insensitively.
type Option struct {
	ID     string
	Name   string
	Values []string
}

// SelectedOption is a variant's value of one option.
type SelectedOption struct {
	Name, Value string
}

// Attribute is a free-form name/value pair of a variant (Material: cotton).
type Attribute struct {
	Name, Value string
}

// Variant is one sellable combination of a product's options: the unit a
// cart line and a stock movement refer to. A product without options has
// exactly one variant, the default one (IsDefault, no Options).
type Variant struct {
	ID        string
	ProductID string
	SKU       string
	// Options holds one value per product option, in the product's
	// option order; empty for the default variant.
	Options []SelectedOption
	// Price and CompareAtPrice are the variant's own; nil means the
	// product's applies (EffectivePrice).
	Price          *Money
	CompareAtPrice *Money
	Stock          int
	Images         []Image
	Attributes     []Attribute
	IsDefault      bool
	// Position orders a product's variants (by the options' value order).
	Position             int
	Version              int
	CreatedAt, UpdatedAt time.Time
}

// Title is the option values joined for display ("M / Black"), "Default"
// for a variant without options.
func (v Variant) Title() string {
	if len(v.Options) == 0 {
		return "Default"
	}
	s := ""
	for i, o := range v.Options {
		if i > 0 {
			s += " / "
		}
		s += o.Value
	}
	return s
}

// EffectivePrice is the variant's own price, else the product's.
func (v Variant) EffectivePrice(p Product) Money {
	if v.Price != nil {
		return *v.Price
	}
	return p.Price
}

// EffectiveCompareAtPrice is the variant's own list price, else the
// product's when that is above the variant's effective price, else nil.
func (v Variant) EffectiveCompareAtPrice(p Product) *Money {
	if v.CompareAtPrice != nil {
		return v.CompareAtPrice
	}
	if p.CompareAtPrice != nil && p.CompareAtPrice.Amount > v.EffectivePrice(p).Amount {
		return p.CompareAtPrice
	}
	return nil
}

// Limits of options and variants, so one product cannot ask for unbounded work.
const (
	MaxOptions          = 3   // options per product
	MaxOptionValues     = 50  // values per option
	MaxVariants         = 100 // variants per product (the product of the value counts)
	MaxOptionNameLength = 60  // characters of an option name or value
	MaxAttributes       = 20  // attributes per variant
)

// OptionInput is an option as setProductOptions sets it.
type OptionInput struct {
	Name   string
	Values []string
}

// SetOptions is setProductOptions' input.
type SetOptions struct {
	ProductID string
	Version   int
	Options   []OptionInput
}

// VariantUpdate is updateVariant's input: it replaces the editable fields
// if the variant is still at Version.
type VariantUpdate struct {
	ID             string
	Version        int
	SKU            string
	Price          *int64
	CompareAtPrice *int64
	Images         []Image
	Attributes     []Attribute
}

// VariantStore reads variants and options in batches for the graph layer's
// loaders. Every error is an *Error.
type VariantStore interface {
	// VariantsByProductIDs returns, in one query, the live variants of each
	// product: result[i] (never nil, ordered by Position) belongs to
	// productIDs[i]. Errors: INTERNAL.
	VariantsByProductIDs(ctx context.Context, productIDs []string) ([][]Variant, error)
	// OptionsByProductIDs returns each product's options in display order:
	// result[i] (never nil) belongs to productIDs[i]. Errors: INTERNAL.
	OptionsByProductIDs(ctx context.Context, productIDs []string) ([][]Option, error)
	// VariantsByIDs loads variants for entity batches: result[i] is ids[i],
	// nil where unknown, malformed, deleted or of a deleted product.
	// Errors: INTERNAL.
	VariantsByIDs(ctx context.Context, ids []string) ([]*Variant, error)
}

// VariantWriter changes options and variants, with the same rules as
// Writer: whole input validated first, rows and event in one transaction.
type VariantWriter interface {
	// SetProductOptions replaces a product's options (see the SDL's
	// SetProductOptionsInput) and bumps the product's version. Errors:
	// INVALID, NOT_FOUND, CONFLICT (stale version, or a variant to delete
	// that has stock), INTERNAL.
	SetProductOptions(ctx context.Context, in SetOptions) (Product, error)
	// GenerateVariants creates a variant for every combination of the
	// product's options that has none, and bumps the version. Errors:
	// NOT_FOUND, CONFLICT, INVALID (more than MaxVariants), INTERNAL.
	GenerateVariants(ctx context.Context, productID string, version int) (Product, error)
	// UpdateVariant replaces a variant's fields. Errors: INVALID (taken
	// SKU…), NOT_FOUND, CONFLICT, INTERNAL.
	UpdateVariant(ctx context.Context, in VariantUpdate) (Variant, error)
	// DeleteVariant removes a variant. Errors: NOT_FOUND, CONFLICT (last
	// variant, or stock left), INTERNAL.
	DeleteVariant(ctx context.Context, id string) (Variant, error)
}
