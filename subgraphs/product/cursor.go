package product

import (
	"bytes"
	"encoding/base64"
	"encoding/json"

	"github.com/google/uuid"
)

// Cursor is the position just after one product in an ordered listing:
// the order, that product's sort key and its id (the tie-breaker). The
// store seeks past it (keyset pagination), so a page costs the same at
// any depth and rows inserted meanwhile never shift a page. Clients see
// it only as an opaque base64url string.
type Cursor struct {
	// Order is ListParams.Order of the listing that issued the cursor.
	Order Sort `json:"o"`
	// Price is the key of PRICE_ASC and PRICE_DESC (minor units).
	Price int64 `json:"p,omitempty"`
	// Rating and Reviews are the key of RATING.
	Rating  float64 `json:"r,omitempty"`
	Reviews int64   `json:"c,omitempty"`
	// Created is the key of NEWEST: created_at in Unix microseconds,
	// PostgreSQL's own precision, so the seek is exact.
	Created int64 `json:"t,omitempty"`
	// Rank is the key of RELEVANCE (ts_rank; float4 widened exactly).
	Rank float64 `json:"k,omitempty"`
	// ID is the product's id, the tie-breaker of every order.
	ID string `json:"id"`
}

// Encode returns the opaque cursor string handed to clients.
func (c Cursor) Encode() string {
	b, err := json.Marshal(c)
	if err != nil {
		panic("product: cursor cannot be encoded: " + err.Error()) // only plain numbers and strings: cannot happen
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// DecodeCursor parses a cursor string. Anything but a cursor this package
// encoded is an INVALID *Error on the field "after", so a client that
// edits or invents cursors gets a clear message and never a server error.
func DecodeCursor(s string) (Cursor, error) {
	bad := Errorf(Invalid, "after", "malformed cursor; pass an endCursor or edge cursor returned by products")
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return Cursor{}, bad
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var c Cursor
	if dec.Decode(&c) != nil || dec.More() {
		return Cursor{}, bad
	}
	id, err := uuid.Parse(c.ID)
	if err != nil {
		return Cursor{}, bad
	}
	c.ID = id.String()
	switch c.Order {
	case SortPriceAsc, SortPriceDesc, SortRating, SortNewest, SortRelevance:
	default:
		return Cursor{}, bad
	}
	return c, nil
}
