package product

import (
	"context"
	"time"
)

// ReviewStatus says whether shoppers see a review; the values are the
// GraphQL enum values.
type ReviewStatus string

// The statuses. Only VISIBLE reviews count in a product's rating.
const (
	ReviewVisible ReviewStatus = "VISIBLE"
	ReviewHidden  ReviewStatus = "HIDDEN"
)

// ReviewSort orders a product's reviews; the values are the GraphQL enum
// values. Ties go to the newest, then the highest id.
type ReviewSort string

// The review orders.
const (
	ReviewNewest      ReviewSort = "NEWEST"
	ReviewHighest     ReviewSort = "HIGHEST"
	ReviewLowest      ReviewSort = "LOWEST"
	ReviewMostHelpful ReviewSort = "MOST_HELPFUL"
)

// Review is a customer's review of a product, one per customer and
// product. Title and Body are plain text as written (clients escape them).
type Review struct {
	ID, ProductID string
	// AuthorID is the auth subgraph's user id of the writer (the token's
	// subject); it is never shown to other customers.
	AuthorID   string
	AuthorName string
	Rating     int
	Title      string
	Body       string
	Status     ReviewStatus
	// ModerationReason is the reason of the last hide or restore; the
	// graph layer shows it to the author and admins only.
	ModerationReason *string
	VerifiedPurchase bool
	HelpfulCount     int
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

// Limits of a review.
const (
	MaxReviewTitle      = 120
	MaxReviewBody       = 5000
	MaxReviewAuthorName = 60
	MaxModerationReason = 500
)

// ReviewInput is writeReview's and updateReview's input.
type ReviewInput struct {
	ProductID  string // writeReview only
	Rating     int
	Title      string
	Body       string
	AuthorName string
}

// ReviewPage is one page of reviews.
type ReviewPage struct {
	Reviews     []Review
	Cursors     []string
	TotalCount  int
	HasNextPage bool
}

// ReviewListParams asks for a page of one product's reviews, or (admin,
// ProductID empty allowed) of every review with the filters.
type ReviewListParams struct {
	First     int
	After     string
	Sort      ReviewSort
	ProductID string
	// ViewerID includes the viewer's own review even while hidden.
	ViewerID string
	// Admin lists hidden reviews too; Status and Rating filter then.
	Admin  bool
	Status ReviewStatus
	Rating int
}

// ReviewStore reads and writes reviews. Every write validates its input,
// writes the review row, recomputes the product's rating and reviewCount
// from its visible reviews, and writes the review.* event, all in one
// transaction. Errors are *Error values as in Writer.
type ReviewStore interface {
	// Reviews returns a page. Errors: INVALID, INTERNAL.
	Reviews(ctx context.Context, p ReviewListParams) (ReviewPage, error)
	// ReviewsByIDs loads reviews for entity batches (nil where unknown).
	ReviewsByIDs(ctx context.Context, ids []string) ([]*Review, error)
	// RatingDistributions returns, per product, the number of visible
	// reviews with 1..5 stars: result[i][s-1] is the count for s stars.
	RatingDistributions(ctx context.Context, productIDs []string) ([][5]int, error)
	// ViewerReviews returns the review of author for each product (nil
	// where none).
	ViewerReviews(ctx context.Context, authorID string, productIDs []string) ([]*Review, error)
	// HelpfulVotes reports, per review id, whether voter voted it helpful.
	HelpfulVotes(ctx context.Context, voterID string, reviewIDs []string) ([]bool, error)
	// WriteReview adds the author's review. Errors: INVALID, NOT_FOUND
	// (product), CONFLICT (already reviewed), INTERNAL.
	WriteReview(ctx context.Context, authorID string, in ReviewInput) (Review, error)
	// UpdateReview edits the author's own review. Errors: INVALID,
	// NOT_FOUND (unknown or someone else's), INTERNAL.
	UpdateReview(ctx context.Context, authorID, id string, in ReviewInput) (Review, error)
	// DeleteReview deletes a review of authorID, or any review when admin.
	// Errors: NOT_FOUND, INTERNAL.
	DeleteReview(ctx context.Context, authorID, id string, admin bool) (Review, error)
	// VoteHelpful sets or clears voter's helpful vote (idempotent).
	// Errors: NOT_FOUND (unknown or hidden), INVALID (own review), INTERNAL.
	VoteHelpful(ctx context.Context, voterID, id string, helpful bool) (Review, error)
	// SetReviewStatus hides or restores a review with a reason. Errors:
	// INVALID (reason), NOT_FOUND, INTERNAL.
	SetReviewStatus(ctx context.Context, adminID, id string, status ReviewStatus, reason string) (Review, error)
}
