package product

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"
)

// Sort names an order of a product listing; the values are the GraphQL
// enum values, so the graph layer converts by a plain type conversion.
type Sort string

// The sorts. Each breaks ties by id so keyset pages never skip or repeat a
// product. RELEVANCE without a search orders exactly like NEWEST.
const (
	SortPriceAsc  Sort = "PRICE_ASC"  // price ascending, then id ascending
	SortPriceDesc Sort = "PRICE_DESC" // price descending, then id descending
	SortRating    Sort = "RATING"     // rating, then review count, then id, all descending
	SortNewest    Sort = "NEWEST"     // created_at descending, then id descending
	SortRelevance Sort = "RELEVANCE"  // ts_rank descending, then id descending
)

// Filter narrows a listing; every set field must hold (logical AND), so
// a storefront can combine facets freely.
type Filter struct {
	// Search is full-text (English stems, web-search syntax) over the
	// name, the names of the category and its ancestors, and the
	// description. Only whitespace and control characters: no search.
	Search string
	// CategoryID includes products of the category's descendants, so a
	// department page lists everything below it. Unknown ids match nothing.
	CategoryID string
	// MinPrice and MaxPrice bound the price in minor units, inclusive.
	MinPrice, MaxPrice *int64
	// Tags requires every listed tag (ALL, not ANY): facets narrow.
	Tags []string
	// InStock true: stock > 0; false: stock = 0 (sold out); nil: both.
	InStock *bool
	// Options keeps products having a variant with one of the values of
	// each option filter.
	Options []OptionFilter
}

// ListParams asks for one page of a listing. First has no default here:
// the GraphQL layer applies the SDL default (20), so 0 is a caller bug.
type ListParams struct {
	First  int
	After  string
	Filter Filter
	Sort   Sort
}

// Limits of a listing request, so one request cannot ask for unbounded work.
const (
	MaxFirst         = 100 // largest page
	MaxSearchLength  = 200 // characters of filter.search
	MaxTags          = 20  // tags in filter.tags
	MaxTagLength     = 100 // characters of one tag
	MaxOptionFilters = 10  // option filters in filter.options
	// values of one option filter: MaxOptionValues (variant.go)
)

// SearchText is the search as the store runs it: control characters
// (NUL would make PostgreSQL fail) become spaces, outer space is trimmed.
// Empty means no search.
func (f Filter) SearchText() string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, f.Search))
}

// EffectiveSort is the requested sort with the default applied:
// RELEVANCE when searching, else NEWEST.
func (p ListParams) EffectiveSort() Sort {
	if p.Sort != "" {
		return p.Sort
	}
	if p.Filter.SearchText() != "" {
		return SortRelevance
	}
	return SortNewest
}

// Order is the order the rows are actually in: EffectiveSort, except that
// RELEVANCE without a search is NEWEST. Cursors carry it, so a cursor is
// valid exactly for listings in the same order.
func (p ListParams) Order() Sort {
	s := p.EffectiveSort()
	if s == SortRelevance && p.Filter.SearchText() == "" {
		return SortNewest
	}
	return s
}

// Validate checks a listing request before it costs a query. It returns
// an INVALID *Error whose Field names the GraphQL argument: first, after,
// sort, filter.search, filter.categoryId, filter.minPrice,
// filter.maxPrice or filter.tags.
func (p ListParams) Validate() error {
	if p.First < 1 || p.First > MaxFirst {
		return Errorf(Invalid, "first", "must be between 1 and %d, got %d", MaxFirst, p.First)
	}
	switch p.EffectiveSort() {
	case SortPriceAsc, SortPriceDesc, SortRating, SortNewest, SortRelevance:
	default:
		return Errorf(Invalid, "sort", "unknown sort %q", p.Sort)
	}
	if err := p.Filter.validate(); err != nil {
		return err
	}
	if p.After != "" {
		c, err := DecodeCursor(p.After)
		if err != nil {
			return err
		}
		if c.Order != p.Order() {
			return Errorf(Invalid, "after", "cursor belongs to a listing in %s order, this one is in %s order; pass a cursor from this listing", c.Order, p.Order())
		}
	}
	return nil
}

func (f Filter) validate() error {
	if !utf8.ValidString(f.Search) {
		return Errorf(Invalid, "filter.search", "must be valid UTF-8")
	}
	if utf8.RuneCountInString(f.Search) > MaxSearchLength {
		return Errorf(Invalid, "filter.search", "must be at most %d characters", MaxSearchLength)
	}
	if f.CategoryID != "" {
		if _, err := uuid.Parse(f.CategoryID); err != nil {
			return Errorf(Invalid, "filter.categoryId", "%q is not a category id", f.CategoryID)
		}
	}
	if f.MinPrice != nil && *f.MinPrice < 0 {
		return Errorf(Invalid, "filter.minPrice", "must not be negative, got %d", *f.MinPrice)
	}
	if f.MaxPrice != nil && *f.MaxPrice < 0 {
		return Errorf(Invalid, "filter.maxPrice", "must not be negative, got %d", *f.MaxPrice)
	}
	if f.MinPrice != nil && f.MaxPrice != nil && *f.MinPrice > *f.MaxPrice {
		return Errorf(Invalid, "filter.minPrice", "must not exceed filter.maxPrice (%d > %d)", *f.MinPrice, *f.MaxPrice)
	}
	if len(f.Tags) > MaxTags {
		return Errorf(Invalid, "filter.tags", "at most %d tags, got %d", MaxTags, len(f.Tags))
	}
	for _, t := range f.Tags {
		switch {
		case strings.TrimSpace(t) == "":
			return Errorf(Invalid, "filter.tags", "tags must not be empty")
		case !utf8.ValidString(t) || strings.ContainsFunc(t, unicode.IsControl):
			return Errorf(Invalid, "filter.tags", "tags must be printable text")
		case utf8.RuneCountInString(t) > MaxTagLength:
			return Errorf(Invalid, "filter.tags", "a tag has at most %d characters", MaxTagLength)
		}
	}
	return validateOptions(f.Options)
}

// validateOptions bounds filter.options so a request cannot ask for
// unbounded work: at most MaxOptions filters of 1..MaxOptionValues
// non-empty printable values each. Unknown names are valid (they match
// nothing), like unknown tags.
func validateOptions(opts []OptionFilter) error {
	if len(opts) > MaxOptionFilters {
		return Errorf(Invalid, "filter.options", "at most %d options, got %d", MaxOptionFilters, len(opts))
	}
	for _, o := range opts {
		if err := printable(o.Name); err != "" {
			return Errorf(Invalid, "filter.options.name", "option names %s", err)
		}
		if len(o.Values) < 1 || len(o.Values) > MaxOptionValues {
			return Errorf(Invalid, "filter.options.values", "an option filter has 1 to %d values, got %d", MaxOptionValues, len(o.Values))
		}
		for _, v := range o.Values {
			if err := printable(v); err != "" {
				return Errorf(Invalid, "filter.options.values", "option values %s", err)
			}
		}
	}
	return nil
}

// printable describes why s is not a valid option name or value, or "".
func printable(s string) string {
	switch {
	case strings.TrimSpace(s) == "":
		return "must not be empty"
	case !utf8.ValidString(s) || strings.ContainsFunc(s, unicode.IsControl):
		return "must be printable text"
	case utf8.RuneCountInString(s) > MaxOptionNameLength:
		return fmt.Sprintf("have at most %d characters", MaxOptionNameLength)
	}
	return ""
}

// OptionTokens are the products.option_values tokens ("size=m") one option
// filter accepts: lower-cased like the variants_rollup trigger writes them.
func (o OptionFilter) OptionTokens() []string {
	name := strings.ToLower(o.Name)
	out := make([]string, 0, len(o.Values))
	for _, v := range o.Values {
		out = append(out, name+"="+strings.ToLower(v))
	}
	return out
}
