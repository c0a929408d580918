package auth

import (
	"encoding/json"
	"maps"
	"strconv"
	"strings"
	"time"
)

// revokedState is one immutable snapshot of the revocation feed: the
// token check reads it through an atomic pointer without locks, and
// every update builds a new one.
type revokedState struct {
	cursor int64
	subs   map[string]subRevocation // by sub (user id)
	sids   map[string]int64         // by sid (session id): tokens issued before are revoked
}

// subRevocation is what the feed says about one user.
type subRevocation struct {
	disabled bool
	before   int64 // tokens with iat < before are revoked (unix seconds)
}

// revocation is one entry of the feed (the auth service's contract).
type revocation struct {
	Sub      string `json:"sub"`
	SID      string `json:"sid"`
	Before   int64  `json:"before"`
	Disabled *bool  `json:"disabled"`
}

// feedPage is one answer of GET /revocations.
type feedPage struct {
	Cursor      feedCursor   `json:"cursor"`
	Reset       bool         `json:"reset"`
	Revocations []revocation `json:"revocations"`
}

// feedCursor is the feed's cursor, sent as a JSON string ("42") or number.
type feedCursor int64

func (c *feedCursor) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	if s == "" || s == "null" {
		*c = 0
		return nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return &json.UnmarshalTypeError{Value: "cursor " + strconv.Quote(s), Type: nil}
	}
	*c = feedCursor(n)
	return nil
}

// revocationRetention is how long a "before" entry (not a disabled user)
// is kept after its time: longer than any access token lives, so every
// token it revokes has expired by then. The auth service's full state
// holds only entries younger than its access TTL + 5 minutes.
const revocationRetention = 24 * time.Hour

// apply returns the state after page: the page itself when it is a reset
// (the full state), else s with the page's entries added. Entries older
// than revocationRetention (not disabled users) are dropped.
func (s *revokedState) apply(p feedPage, now time.Time) *revokedState {
	next := &revokedState{cursor: int64(p.Cursor), subs: map[string]subRevocation{}, sids: map[string]int64{}}
	if !p.Reset && s != nil {
		next.subs = maps.Clone(s.subs)
		next.sids = maps.Clone(s.sids)
	}
	for _, r := range p.Revocations {
		switch {
		case r.Sub != "":
			e := next.subs[r.Sub]
			if r.Disabled != nil {
				e.disabled = *r.Disabled
			}
			e.before = max(e.before, r.Before)
			next.subs[r.Sub] = e
		case r.SID != "":
			next.sids[r.SID] = max(next.sids[r.SID], r.Before)
		}
	}
	oldest := now.Add(-revocationRetention).Unix()
	for k, e := range next.subs {
		if !e.disabled && e.before < oldest {
			delete(next.subs, k)
		}
	}
	for k, before := range next.sids {
		if before < oldest {
			delete(next.sids, k)
		}
	}
	return next
}

// revoked reports whether a token for sub, in session sid, issued at iat
// (unix seconds) is revoked: its user is disabled, or it was issued before
// a revocation of its user or of its session.
func (s *revokedState) revoked(sub, sid string, iat int64) bool {
	if e, ok := s.subs[sub]; ok && (e.disabled || iat < e.before) {
		return true
	}
	if sid != "" {
		if before, ok := s.sids[sid]; ok && iat < before {
			return true
		}
	}
	return false
}

// size is the number of revocation entries held (users and sessions).
func (s *revokedState) size() int { return len(s.subs) + len(s.sids) }

// tokenIdentity reads sub, sid and iat from verified claims (iat 0 when
// absent, which any "before" revokes).
func tokenIdentity(c *Claims) (sub, sid string, iat int64) {
	sid, _ = c.Raw["sid"].(string)
	switch v := c.Raw["iat"].(type) {
	case float64:
		iat = int64(v)
	case json.Number:
		iat, _ = v.Int64()
	case int64:
		iat = v
	}
	return c.Subject, sid, iat
}
