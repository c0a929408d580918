package product

import (
	"context"
	"strings"
)

// FacetItem is what the in-memory catalog index keeps of one live product:
// exactly the fields that the filters, facets and sort orders read, so
// 100,000 of them fit in a few tens of megabytes.
type FacetItem struct {
	ID           string   // canonical lower-case uuid (sorts like PostgreSQL's uuid)
	CategoryPath []string // category ids, root first, own category last
	Price        int64
	Tags         []string
	Tokens       []string // products.option_values: "size=m", lower-cased
	Stock        int
	Rating       float64
	Reviews      int
	Created      int64 // created_at in Unix microseconds, as in Cursor
	// Search is products.search as text (tsvector output): the index's
	// lexicon ranks full-text terms from it exactly as ts_rank does.
	Search string
}

// OptionDisplay is how an option value is shown in facets: the most common
// spelling of its name and value and its most common position among its
// option's values (facets list values in that display order).
type OptionDisplay struct {
	Name, Value string
	Position    int
}

// CatalogSnapshot is the whole live catalog as the index builds it: read
// in one REPEATABLE READ snapshot, so items, categories and option display
// agree with each other.
type CatalogSnapshot struct {
	Items      []FacetItem
	Categories []Category // Query.categories order
	Display    map[string]OptionDisplay
}

// CatalogSource is what the index reads from PostgreSQL (store.Store).
type CatalogSource interface {
	// CatalogSnapshot loads every live product, category and option
	// display. Errors: INTERNAL.
	CatalogSnapshot(ctx context.Context) (CatalogSnapshot, error)
	// FacetItems loads the live products among ids (missing: deleted or
	// unknown) and the option display of their tokens. Errors: INTERNAL.
	FacetItems(ctx context.Context, ids []string) ([]FacetItem, map[string]OptionDisplay, error)
	// SearchRanks returns every live product matching a search text (as
	// filter.search) with its RELEVANCE rank. Errors: INTERNAL.
	SearchRanks(ctx context.Context, text string) (map[string]float64, error)
	// SearchTerm returns the live products matching one term of a
	// plain-words search with the term's rank. Errors: INTERNAL.
	SearchTerm(ctx context.Context, t SearchTerm) (map[string]float64, error)
	// TermQueries returns to_tsquery('english', word)::text and
	// to_tsquery('simple', word || ':*')::text: a term's query items, so
	// the index can match and rank the term from memory. Errors: INTERNAL.
	TermQueries(ctx context.Context, word string) (english, prefix string, err error)
	// SuggestCategories returns the categories a search box suggests for
	// a validated query. Errors: INTERNAL.
	SuggestCategories(ctx context.Context, q string) ([]Category, error)
	// Suggest answers a search box (see Searcher.Suggest).
	Suggest(ctx context.Context, query string, first int) (Suggestions, error)
}

// SplitToken splits an option_values token at its first '=' into the
// lower-cased option name and value.
func SplitToken(tok string) (name, value string) {
	name, value, _ = strings.Cut(tok, "=")
	return name, value
}
