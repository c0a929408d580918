package product

import (
	"encoding/base64"
	"encoding/json"
)

// Cursor is the position after one product in a sorted listing: the sort,
// that product's sort key and its id (the tie-breaker). Clients see it as
// an opaque base64url string.
type Cursor struct {
	Sort Sort    `json:"s"`
	Int  int64   `json:"i,omitempty"` // price, or created_at in microseconds
	Num  float64 `json:"n,omitempty"` // rating or relevance
	Int2 int64   `json:"j,omitempty"` // review count (RATING)
	ID   string  `json:"id"`
}

// Encode returns the opaque cursor string.
func (c Cursor) Encode() string {
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

// DecodeCursor parses a cursor; a malformed one is INVALID on `after`.
func DecodeCursor(s string) (Cursor, error) {
	var c Cursor
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || len(b) == 0 || json.Unmarshal(b, &c) != nil || c.ID == "" || c.Sort == "" {
		return Cursor{}, Errorf(Invalid, "after", "malformed cursor; use an endCursor or cursor returned by products")
	}
	return c, nil
}
