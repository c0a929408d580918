// Package events is the service kit's event bus: mutations write domain
// events into an outbox in their own transaction (Outbox), a relay moves
// committed outbox rows to a bus (Relay), and subscribers read the bus in
// cursor order, resuming after a disconnect from their last cursor (Bus).
//
// Two buses sit behind the one Bus interface: PostgreSQL (PGBus, an ordered
// event log plus LISTEN/NOTIFY; the embedded default, nothing else to run)
// and NATS JetStream (NATSBus, for services spread over many machines).
// Cursors are gap-free and ordered on both: a subscriber that reconnects
// with its last cursor gets exactly what it missed, and a cursor older than
// the retained log is refused with CursorExpiredError instead of silently
// skipping events.
package events

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// Event is one domain event. Payload is a JSON object owned by the event's
// type; the other fields are what every consumer needs to route, dedupe and
// resume without decoding the payload.
type Event struct {
	ID          string          `json:"id"`          // UUID; Append sets it when empty
	Type        string          `json:"type"`        // "product.created", "category.deleted", ...
	AggregateID string          `json:"aggregateId"` // the product or category id
	Payload     json.RawMessage `json:"payload"`     // JSON object
	OccurredAt  time.Time       `json:"occurredAt"`  // Append sets it (UTC, microseconds) when zero
	Cursor      string          `json:"cursor"`      // assigned by the bus when published; opaque, ordered, gap-free
}

// FromOldest is a cursor every bus accepts in Subscribe meaning "from the
// oldest retained event": a consumer that wants history (an audit view, a
// projection being rebuilt, a property test) reads everything still kept
// and then follows live events, with no race against the retention janitor.
const FromOldest = "oldest"

// ErrCursorExpired is matched (errors.Is) by *CursorExpiredError: the
// events after the cursor are no longer all retained, so resuming from it
// would silently skip some. The client must refetch the current state.
var ErrCursorExpired = errors.New("events: cursor expired")

// ErrBadCursor means a cursor that this bus never issued: malformed, from
// the other bus implementation, or ahead of the log (the log was reset).
var ErrBadCursor = errors.New("events: bad cursor")

// ErrInvalidEvent wraps every validation failure of Outbox.Append; the
// message names the event index and the offending field.
var ErrInvalidEvent = errors.New("events: invalid event")

// ErrClosed is returned by Next after the subscription or its bus was
// closed; it wraps io.EOF so loops written for readers end cleanly.
var ErrClosed = fmt.Errorf("events: closed: %w", io.EOF)

// CursorExpiredError says which cursor was refused and the oldest cursor
// the bus still accepts, so operators can see how far behind a client was.
type CursorExpiredError struct{ Cursor, Oldest string }

// Error tells the client what to do, since it is shown to API clients.
func (e *CursorExpiredError) Error() string {
	return fmt.Sprintf("cursor %s is older than the retained events (oldest %s); refetch the current state and subscribe without a cursor", e.Cursor, e.Oldest)
}

// Is makes errors.Is(err, ErrCursorExpired) hold.
func (e *CursorExpiredError) Is(target error) bool { return target == ErrCursorExpired }

// Cursor prefixes keep one bus's cursors out of the other: a "pg:" cursor
// handed to the NATS bus is ErrBadCursor, never a wrong position.
const (
	pgPrefix = "pg:"
	jsPrefix = "js:"
)

// formatCursor renders a sequence number as a cursor of the given bus.
func formatCursor(prefix string, seq uint64) string {
	return prefix + strconv.FormatUint(seq, 10)
}

// parseCursor reads a cursor of the given bus. FromOldest and "" are
// handled by the callers before this.
func parseCursor(prefix, c string) (uint64, error) {
	rest, ok := strings.CutPrefix(c, prefix)
	if !ok {
		return 0, fmt.Errorf("%w: %q is not a cursor of this bus (want %s<n>)", ErrBadCursor, c, prefix)
	}
	n, err := strconv.ParseUint(rest, 10, 63)
	if err != nil || (len(rest) > 1 && rest[0] == '0') {
		return 0, fmt.Errorf("%w: %q is not a cursor of this bus (want %s<n>)", ErrBadCursor, c, prefix)
	}
	return n, nil
}

// CursorSeq returns the position a cursor of either bus stands for, so a
// consumer holding cursors of one bus (the router sharing an upstream
// subscription, a client deduping after a resume) can order them without
// knowing their format. Cursors of different buses do not compare.
func CursorSeq(c string) (uint64, error) {
	for _, p := range []string{pgPrefix, jsPrefix} {
		if strings.HasPrefix(c, p) {
			return parseCursor(p, c)
		}
	}
	return 0, fmt.Errorf("%w: %q", ErrBadCursor, c)
}

// resumeAfter turns a Subscribe cursor into the sequence number of the
// last event the subscriber has, given the retained range [first, head]
// of a bus whose cursors carry prefix ("" = from now, FromOldest = all
// retained). what names the bus's log in errors ("log", "stream").
func resumeAfter(prefix, after string, first, head uint64, what string) (uint64, error) {
	switch after {
	case "":
		return head, nil
	case FromOldest:
		return first - 1, nil
	}
	last, err := parseCursor(prefix, after)
	if err != nil {
		return 0, err
	}
	if last+1 < first {
		return 0, &CursorExpiredError{Cursor: after, Oldest: formatCursor(prefix, first-1)}
	}
	if last > head {
		return 0, fmt.Errorf("%w: %s is ahead of the %s (newest %s); refetch the current state and subscribe without a cursor",
			ErrBadCursor, after, what, formatCursor(prefix, head))
	}
	return last, nil
}
