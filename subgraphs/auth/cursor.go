package auth

import (
	"encoding/base64"
	"encoding/json"
	"time"

	"github.com/google/uuid"
)

// UserCursor is the position just after one user in the newest-first
// listing: its creation time (Unix microseconds, PostgreSQL's precision)
// and id (the tie-breaker). Clients see it only as an opaque string.
type UserCursor struct {
	Created int64  `json:"t"`
	ID      string `json:"id"`
}

// CursorOf returns the cursor just after u.
func CursorOf(u User) UserCursor {
	return UserCursor{Created: u.CreatedAt.UnixMicro(), ID: u.ID}
}

// Time is the cursor's creation time.
func (c UserCursor) Time() time.Time { return time.UnixMicro(c.Created).UTC() }

// Encode returns the opaque cursor string.
func (c UserCursor) Encode() string {
	b, _ := json.Marshal(c) // a number and a string: cannot fail
	return base64.RawURLEncoding.EncodeToString(b)
}

// DecodeUserCursor parses a cursor string; anything else is INVALID on after.
func DecodeUserCursor(s string) (UserCursor, error) {
	bad := Errorf(Invalid, "after", "malformed cursor; pass an endCursor returned by users")
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return UserCursor{}, bad
	}
	var c UserCursor
	if json.Unmarshal(b, &c) != nil {
		return UserCursor{}, bad
	}
	id, err := uuid.Parse(c.ID)
	if err != nil {
		return UserCursor{}, bad
	}
	c.ID = id.String()
	return c, nil
}
