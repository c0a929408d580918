package product

import "context"

// OptionFilter keeps products having a variant whose value of Name is one
// of Values (OR within, AND across option filters; case-insensitive).
type OptionFilter struct {
	Name   string
	Values []string
}

// Facets are the counts of a listing's filter sidebar. Each facet applies
// every active filter except its own.
type Facets struct {
	Categories   []CategoryCount
	PriceBuckets []PriceBucket
	Tags         []TagCount
	Options      []OptionFacet
	InStock      int
	OutOfStock   int
}

// CategoryCount is the number of matches in a category's subtree.
type CategoryCount struct {
	CategoryID string
	Count      int
	// Category is the category itself when the Searcher has it at hand
	// (the index does), so the graph layer needs no lookup; else zero.
	Category Category
}

// PriceBucket counts matches with Min <= price < Max (Max nil: no bound).
type PriceBucket struct {
	Min   int64
	Max   *int64
	Count int
}

// PriceBucketBounds are the lower bounds of the fixed buckets, in cents.
var PriceBucketBounds = []int64{0, 2500, 5000, 10000, 20000, 50000}

// TagCount is the number of matches carrying a tag.
type TagCount struct {
	Tag   string
	Count int
}

// OptionFacet is an option name with its values' counts.
type OptionFacet struct {
	Name   string
	Values []OptionValueCount
}

// OptionValueCount is the number of matches with a variant having Value.
type OptionValueCount struct {
	Value string
	Count int
}

// Suggestions answer a search box.
type Suggestions struct {
	Query      string
	Products   []Product
	Categories []Category
}

// Searcher serves listings with facets and search-box suggestions.
type Searcher interface {
	// Facets computes the facets of a filter. Errors: INVALID, INTERNAL.
	Facets(ctx context.Context, f Filter) (Facets, error)
	// Suggest returns up to first products and a few categories for a
	// search box. Errors: INVALID (query too long, first out of range), INTERNAL.
	Suggest(ctx context.Context, query string, first int) (Suggestions, error)
}
