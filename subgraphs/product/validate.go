package product

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"
)

// Limits of admin input. Names and slugs match the database's CHECK
// constraints; the others keep one product's row and events small.
const (
	MaxNameLength        = 200   // product name, in characters
	MaxCategoryName      = 120   // category name, in characters
	MaxSlugLength        = 200   // slug, in characters
	MaxDescriptionLength = 10000 // description, in characters
	MaxSKULength         = 64    // SKU, in characters
	MaxImages            = 20    // images of one product
	MaxURLLength         = 2048  // one image URL
	MaxAltLength         = 300   // one image's alt text
	MaxReasonLength      = 500   // a stock adjustment's reason
	MaxStock             = 1_000_000_000
)

// SlugPattern is the slug format (lower-case words joined by single
// hyphens), the same as the slug CHECK constraints, so a storefront can put
// a slug into a URL path unescaped.
var SlugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// skuPattern admits the codes merchants print on labels: letters, digits
// and . _ - /, starting with a letter or digit, so a SKU never carries
// spaces that a scanner or spreadsheet would mangle.
var skuPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._/-]*$`)

// fieldErrors collects INVALID errors so one request reports every bad
// field at once instead of one per round trip.
type fieldErrors []error

func (fe *fieldErrors) add(field, format string, args ...any) {
	*fe = append(*fe, Errorf(Invalid, field, format, args...))
}

func (fe fieldErrors) err() error { return errors.Join(fe...) }

// FieldErrors returns the *Error values inside err: the leaves of an
// errors.Join (as Validate* return) or err itself, so the GraphQL layer can
// report each invalid field as its own error with its own extensions.field.
func FieldErrors(err error) []*Error {
	var out []*Error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			out = append(out, FieldErrors(e)...)
		}
		return out
	}
	var e *Error
	if errors.As(err, &e) {
		out = append(out, e)
	}
	return out
}

// ValidateNewProduct checks createProduct's input; fields are named under
// "input." as in the GraphQL argument. Uniqueness and the category's
// existence need the database: the store checks them in its transaction.
func ValidateNewProduct(in NewProduct) error {
	var fe fieldErrors
	in.ProductFields.check(&fe, "input.")
	if in.Stock < 0 || in.Stock > MaxStock {
		fe.add("input.stock", "must be between 0 and %d, got %d", MaxStock, in.Stock)
	}
	return fe.err()
}

// ValidateProductUpdate checks updateProduct's input.
func ValidateProductUpdate(in ProductUpdate) error {
	var fe fieldErrors
	checkID(&fe, "input.id", in.ID)
	checkVersion(&fe, "input.version", in.Version)
	in.ProductFields.check(&fe, "input.")
	return fe.err()
}

// ValidateStockAdjustment checks adjustStock's arguments. Whether the
// stock suffices is decided atomically by the store.
func ValidateStockAdjustment(in StockAdjustment) error {
	var fe fieldErrors
	switch {
	case in.ID == "" && in.VariantID == "":
		fe.add("variantId", "give the variant (variantId), or id of a product with exactly one variant")
	case in.ID != "" && in.VariantID != "":
		fe.add("variantId", "give variantId or id, not both")
	case in.VariantID != "":
		checkID(&fe, "variantId", in.VariantID)
	default:
		checkID(&fe, "id", in.ID)
	}
	if in.Delta == 0 {
		fe.add("delta", "must not be zero")
	} else if in.Delta < -MaxStock || in.Delta > MaxStock {
		fe.add("delta", "must be between %d and %d, got %d", -MaxStock, MaxStock, in.Delta)
	}
	checkText(&fe, "reason", in.Reason, 1, MaxReasonLength, false)
	return fe.err()
}

// ValidateNewCategory checks createCategory's input.
func ValidateNewCategory(in CategoryFields) error {
	var fe fieldErrors
	in.check(&fe, "input.")
	return fe.err()
}

// ValidateCategoryUpdate checks updateCategory's input.
func ValidateCategoryUpdate(in CategoryUpdate) error {
	var fe fieldErrors
	checkID(&fe, "input.id", in.ID)
	checkVersion(&fe, "input.version", in.Version)
	in.CategoryFields.check(&fe, "input.")
	if in.ParentID != nil && *in.ParentID == in.ID {
		fe.add("input.parentId", "a category cannot be its own parent")
	}
	return fe.err()
}

func (f ProductFields) check(fe *fieldErrors, p string) {
	checkText(fe, p+"name", f.Name, 1, MaxNameLength, false)
	checkSlug(fe, p+"slug", f.Slug)
	checkText(fe, p+"description", f.Description, 0, MaxDescriptionLength, true)
	if f.Price < 0 {
		fe.add(p+"price", "must not be negative, got %d", f.Price)
	}
	if f.CompareAtPrice != nil && *f.CompareAtPrice <= f.Price {
		fe.add(p+"compareAtPrice", "must be greater than price (%d), got %d; leave it null when the product is not on sale", f.Price, *f.CompareAtPrice)
	}
	checkID(fe, p+"categoryId", f.CategoryID)
	checkTags(fe, p+"tags", f.Tags)
	checkSKU(fe, p+"sku", f.SKU)
	checkImages(fe, p+"images", f.Images)
}

func (f CategoryFields) check(fe *fieldErrors, p string) {
	checkText(fe, p+"name", f.Name, 1, MaxCategoryName, false)
	checkSlug(fe, p+"slug", f.Slug)
	checkText(fe, p+"description", f.Description, 0, MaxDescriptionLength, true)
	if f.ParentID != nil {
		checkID(fe, p+"parentId", *f.ParentID)
	}
	if f.ImageURL != "" {
		checkURL(fe, p+"imageUrl", f.ImageURL, false)
	}
}

// checkText requires valid UTF-8 of min..max characters without control
// characters (newlines and tabs allowed when multiline); a required text
// must hold more than white space.
func checkText(fe *fieldErrors, field, s string, minLen, maxLen int, multiline bool) {
	switch n := utf8.RuneCountInString(s); {
	case !utf8.ValidString(s):
		fe.add(field, "must be valid UTF-8")
	case minLen > 0 && strings.TrimSpace(s) == "":
		fe.add(field, "must not be empty")
	case n > maxLen:
		fe.add(field, "must be at most %d characters, got %d", maxLen, n)
	case strings.ContainsFunc(s, func(r rune) bool {
		return unicode.IsControl(r) && !(multiline && (r == '\n' || r == '\t' || r == '\r'))
	}):
		fe.add(field, "must not contain control characters")
	}
}

func checkSlug(fe *fieldErrors, field, s string) {
	switch {
	case s == "":
		fe.add(field, "must not be empty")
	case len(s) > MaxSlugLength:
		fe.add(field, "must be at most %d characters", MaxSlugLength)
	case !SlugPattern.MatchString(s):
		fe.add(field, "%q is not a slug: use lower-case letters and digits in words joined by single hyphens, like \"trail-shoe-2\"", s)
	}
}

func checkID(fe *fieldErrors, field, id string) {
	if _, err := uuid.Parse(id); err != nil {
		fe.add(field, "%q is not an id", id)
	}
}

func checkVersion(fe *fieldErrors, field string, v int) {
	if v < 1 {
		fe.add(field, "must be the version you read (1 or more), got %d", v)
	}
}

func checkTags(fe *fieldErrors, field string, tags []string) {
	if len(tags) > MaxTags {
		fe.add(field, "at most %d tags, got %d", MaxTags, len(tags))
		return
	}
	seen := make(map[string]bool, len(tags))
	for i, t := range tags {
		f := fmt.Sprintf("%s[%d]", field, i)
		checkText(fe, f, t, 1, MaxTagLength, false)
		if seen[t] {
			fe.add(f, "duplicate tag %q", t)
		}
		seen[t] = true
	}
}

// checkURL admits absolute http and https URLs only: anything else
// (javascript:, data:, relative paths) would be unsafe or broken in a
// storefront's <img src>.
func checkURL(fe *fieldErrors, field, s string, required bool) {
	if s == "" {
		if required {
			fe.add(field, "must not be empty")
		}
		return
	}
	if len(s) > MaxURLLength {
		fe.add(field, "must be at most %d bytes", MaxURLLength)
		return
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		fe.add(field, "must be an absolute http or https URL without credentials")
	}
}
