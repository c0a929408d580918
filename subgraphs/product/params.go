package product

import (
	"unicode/utf8"
)

// Sort orders a product listing.
type Sort string

// The sorts. RELEVANCE without a search orders like NEWEST.
const (
	SortPriceAsc  Sort = "PRICE_ASC"
	SortPriceDesc Sort = "PRICE_DESC"
	SortRating    Sort = "RATING"
	SortNewest    Sort = "NEWEST"
	SortRelevance Sort = "RELEVANCE"
)

// Filter narrows a listing; all set fields must hold (AND).
type Filter struct {
	// Search is full-text over name, category name and description.
	Search string
	// CategoryID includes the category's descendants.
	CategoryID string
	// MinPrice and MaxPrice bound the price in minor units, inclusive.
	MinPrice, MaxPrice *int64
	// Tags requires every listed tag.
	Tags []string
	// InStock true: stock > 0; false: stock = 0.
	InStock *bool
}

// ListParams asks for one page.
type ListParams struct {
	First  int
	After  string
	Filter Filter
	Sort   Sort
}

// MaxFirst is the largest page.
const MaxFirst = 100

// MaxSearchLength bounds the search text.
const MaxSearchLength = 200

// EffectiveSort resolves the default: RELEVANCE when searching, else NEWEST.
func (p ListParams) EffectiveSort() Sort {
	if p.Sort == "" {
		if p.Filter.Search != "" {
			return SortRelevance
		}
		return SortNewest
	}
	return p.Sort
}

// Validate returns an INVALID *Error naming the first bad argument.
func (p ListParams) Validate() error {
	if p.First < 1 || p.First > MaxFirst {
		return Errorf(Invalid, "first", "must be between 1 and %d, got %d", MaxFirst, p.First)
	}
	switch p.EffectiveSort() {
	case SortPriceAsc, SortPriceDesc, SortRating, SortNewest, SortRelevance:
	default:
		return Errorf(Invalid, "sort", "unknown sort %q", p.Sort)
	}
	f := p.Filter
	if utf8.RuneCountInString(f.Search) > MaxSearchLength {
		return Errorf(Invalid, "filter.search", "must be at most %d characters", MaxSearchLength)
	}
	if !utf8.ValidString(f.Search) {
		return Errorf(Invalid, "filter.search", "must be valid UTF-8")
	}
	if f.MinPrice != nil && *f.MinPrice < 0 {
		return Errorf(Invalid, "filter.minPrice", "must not be negative")
	}
	if f.MaxPrice != nil && *f.MaxPrice < 0 {
		return Errorf(Invalid, "filter.maxPrice", "must not be negative")
	}
	if f.MinPrice != nil && f.MaxPrice != nil && *f.MinPrice > *f.MaxPrice {
		return Errorf(Invalid, "filter.minPrice", "must not exceed filter.maxPrice (%d > %d)", *f.MinPrice, *f.MaxPrice)
	}
	for _, t := range f.Tags {
		if t == "" {
			return Errorf(Invalid, "filter.tags", "tags must not be empty strings")
		}
	}
	if len(f.Tags) > 20 {
		return Errorf(Invalid, "filter.tags", "at most 20 tags")
	}
	if p.After != "" {
		c, err := DecodeCursor(p.After)
		if err != nil {
			return err
		}
		if c.Sort != p.EffectiveSort() {
			return Errorf(Invalid, "after", "cursor belongs to sort %s, not %s", c.Sort, p.EffectiveSort())
		}
	}
	return nil
}
