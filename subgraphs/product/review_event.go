package product

import (
	"encoding/json"
	"time"
)

// Review event types. They join the catalog's bus so that a product page
// can follow its rating live: productChanged delivers them for the
// review's product (matched by the payload's productId).
const (
	EventReviewCreated  = "review.created"
	EventReviewUpdated  = "review.updated"
	EventReviewDeleted  = "review.deleted"
	EventReviewHidden   = "review.hidden"
	EventReviewRestored = "review.restored"
)

// ReviewPayload is the JSON payload of every review.* event. It is a
// public wire format (catalogEvents streams it to anyone), so it carries
// what a listener needs to update a rating — never the author's id, nor
// the text of a review that may be hidden.
type ReviewPayload struct {
	ID        string       `json:"id"`
	ProductID string       `json:"productId"`
	Rating    int          `json:"rating"`
	Status    ReviewStatus `json:"status"`
	// ProductRating and ProductReviewCount are the product's rating and
	// reviewCount as the change left them.
	ProductRating      float64   `json:"productRating"`
	ProductReviewCount int       `json:"productReviewCount"`
	UpdatedAt          time.Time `json:"updatedAt"`
}

// NewReviewPayload returns the payload of an event about rv, which left its
// product at rating and count.
func NewReviewPayload(rv Review, rating float64, count int) ReviewPayload {
	return ReviewPayload{ID: rv.ID, ProductID: rv.ProductID, Rating: rv.Rating, Status: rv.Status,
		ProductRating: rating, ProductReviewCount: count, UpdatedAt: rv.UpdatedAt.UTC()}
}

// DecodeReviewPayload parses the payload of a review.* event.
func DecodeReviewPayload(b []byte) (ReviewPayload, error) {
	var rp ReviewPayload
	err := json.Unmarshal(b, &rp)
	return rp, err
}

// IsReviewEvent reports whether typ is a review.* event type.
func IsReviewEvent(typ string) bool {
	switch typ {
	case EventReviewCreated, EventReviewUpdated, EventReviewDeleted, EventReviewHidden, EventReviewRestored:
		return true
	}
	return false
}
