package product

import (
	"strings"

	"github.com/google/uuid"
)

// Page sizes of review listings: a product page shows a few at a time, the
// moderation list more.
const (
	MaxReviewPage      = 50
	MaxAdminReviewPage = 100
)

// TrimReviewInput returns in with the title, body and author name trimmed
// of surrounding white space, as they are validated and stored. Nothing
// else is changed: the text is stored as written (no HTML processing;
// clients escape it).
func TrimReviewInput(in ReviewInput) ReviewInput {
	in.Title = strings.TrimSpace(in.Title)
	in.Body = strings.TrimSpace(in.Body)
	in.AuthorName = strings.TrimSpace(in.AuthorName)
	return in
}

// ValidateNewReview checks writeReview's (trimmed) input, reporting every
// invalid field at once under "input.".
func ValidateNewReview(in ReviewInput) error {
	var fe fieldErrors
	checkID(&fe, "input.productId", in.ProductID)
	in.check(&fe)
	return fe.err()
}

// ValidateReviewEdit checks updateReview's (trimmed) input. A malformed
// id cannot name a review, so the store answers it with NOT_FOUND.
func ValidateReviewEdit(in ReviewInput) error {
	var fe fieldErrors
	in.check(&fe)
	return fe.err()
}

// check validates the fields shared by writeReview and updateReview. Text
// must be valid UTF-8 without control characters (the body may hold line
// breaks and tabs); markup such as <script> is plain text here.
func (in ReviewInput) check(fe *fieldErrors) {
	if in.Rating < 1 || in.Rating > 5 {
		fe.add("input.rating", "must be between 1 and 5 stars, got %d", in.Rating)
	}
	checkText(fe, "input.title", in.Title, 1, MaxReviewTitle, false)
	checkText(fe, "input.body", in.Body, 1, MaxReviewBody, true)
	checkText(fe, "input.authorName", in.AuthorName, 1, MaxReviewAuthorName, false)
}

// ValidateModerationReason checks (and trims) hideReview's and
// restoreReview's reason, which the review's author will read.
func ValidateModerationReason(reason string) (string, error) {
	reason = strings.TrimSpace(reason)
	var fe fieldErrors
	checkText(&fe, "reason", reason, 1, MaxModerationReason, false)
	return reason, fe.err()
}

// Order is the listing's order: Sort, or NEWEST when unset. The
// moderation list is always newest first.
func (p ReviewListParams) Order() ReviewSort {
	if p.Sort == "" || p.Admin {
		return ReviewNewest
	}
	return p.Sort
}

// Validate checks a listing request, naming the GraphQL argument at fault:
// first, sort, after, filter.productId, filter.status, filter.rating.
func (p ReviewListParams) Validate() error {
	var fe fieldErrors
	limit := MaxReviewPage
	if p.Admin {
		limit = MaxAdminReviewPage
	}
	if p.First < 1 || p.First > limit {
		fe.add("first", "must be between 1 and %d, got %d", limit, p.First)
	}
	switch p.Sort {
	case "", ReviewNewest, ReviewHighest, ReviewLowest, ReviewMostHelpful:
	default:
		fe.add("sort", "unknown order %q", p.Sort)
	}
	if p.After != "" {
		if c, err := DecodeReviewCursor(p.After); err != nil || c.Order != p.Order() {
			fe.add("after", "malformed cursor; pass an endCursor or edge cursor of a page in the same order")
		}
	}
	switch {
	case p.ProductID == "" && p.Admin:
	case uuid.Validate(p.ProductID) != nil:
		fe.add("filter.productId", "%q is not a product id", p.ProductID)
	}
	switch p.Status {
	case "", ReviewVisible, ReviewHidden:
	default:
		fe.add("filter.status", "unknown status %q", p.Status)
	}
	if p.Rating != 0 && (p.Rating < 1 || p.Rating > 5) {
		fe.add("filter.rating", "must be between 1 and 5 stars, got %d", p.Rating)
	}
	return fe.err()
}
