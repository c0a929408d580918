package product

import (
	"bytes"
	"encoding/base64"
	"encoding/json"

	"github.com/google/uuid"
)

// ReviewCursor is the position just after one review in an ordered
// listing: the order, the review's sort key and its created_at and id
// (the tie-breakers of every order). The store seeks past it (keyset
// pagination), so pages never skip or repeat a review while the list is
// unchanged, and cost the same at any depth. Clients see an opaque
// base64url string.
type ReviewCursor struct {
	Order ReviewSort `json:"o"`
	// Rating is the key of HIGHEST and LOWEST.
	Rating int `json:"r,omitempty"`
	// Helpful is the key of MOST_HELPFUL.
	Helpful int `json:"h,omitempty"`
	// Created is created_at in Unix microseconds (PostgreSQL's precision,
	// so the seek is exact).
	Created int64  `json:"t"`
	ID      string `json:"id"`
}

// Encode returns the opaque cursor string handed to clients.
func (c ReviewCursor) Encode() string {
	b, err := json.Marshal(c)
	if err != nil {
		panic("product: review cursor cannot be encoded: " + err.Error()) // plain numbers and strings: cannot happen
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// DecodeReviewCursor parses a cursor string; anything this package did not
// encode is an INVALID *Error on "after".
func DecodeReviewCursor(s string) (ReviewCursor, error) {
	bad := Errorf(Invalid, "after", "malformed cursor; pass an endCursor or edge cursor returned by reviews")
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return ReviewCursor{}, bad
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var c ReviewCursor
	if dec.Decode(&c) != nil || dec.More() {
		return ReviewCursor{}, bad
	}
	id, err := uuid.Parse(c.ID)
	if err != nil || c.Rating < 0 || c.Rating > 5 || c.Helpful < 0 {
		return ReviewCursor{}, bad
	}
	c.ID = id.String()
	switch c.Order {
	case ReviewNewest, ReviewHighest, ReviewLowest, ReviewMostHelpful:
	default:
		return ReviewCursor{}, bad
	}
	return c, nil
}
