package events

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"time"

	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// validSchema keeps schema names plain lower-case identifiers, as
// kit/migrate does, so they are safe in NOTIFY channel names too.
var validSchema = regexp.MustCompile(`^[a-z][a-z0-9_]{0,40}$`)

// validType is "<aggregate>.<what>" in lower case with dashes or
// underscores between words: product.created, product.stock-changed,
// category.deleted, user.signed_in (the auth contract's names).
var validType = regexp.MustCompile(`^[a-z][a-z0-9]*(\.[a-z][a-z0-9]*([-_][a-z0-9]+)*)+$`)

// Outbox writes events in the caller's transaction (the same one as the
// change), into <Schema>.outbox: the events commit exactly when the change
// does, and the relay publishes them afterwards.
type Outbox struct{ Schema string }

// Append validates every event, then inserts them all, in order, in tx. It
// fills in a missing ID (a new UUID) and OccurredAt (now, UTC, truncated to
// microseconds as PostgreSQL stores it) in evs itself, so the caller can
// return them. Nothing is inserted when any event is invalid: the error
// wraps ErrInvalidEvent and names the event's index and field.
func (o Outbox) Append(ctx context.Context, tx *sqlx.Tx, evs ...Event) error {
	if !validSchema.MatchString(o.Schema) {
		return fmt.Errorf("events: outbox schema %q is not a lower-case identifier", o.Schema)
	}
	now := time.Now().UTC().Truncate(time.Microsecond)
	for i := range evs {
		if err := prepare(&evs[i], now); err != nil {
			return fmt.Errorf("%w: event %d: %v", ErrInvalidEvent, i, err)
		}
	}
	q := `INSERT INTO ` + pq.QuoteIdentifier(o.Schema) + `.outbox (event_id, type, aggregate_id, payload, occurred_at) VALUES ($1, $2, $3, $4, $5)`
	for i, e := range evs {
		if _, err := tx.ExecContext(ctx, q, e.ID, e.Type, e.AggregateID, string(e.Payload), e.OccurredAt); err != nil {
			return fmt.Errorf("events: append event %d (%s %s): %w", i, e.Type, e.ID, err)
		}
	}
	return nil
}

// prepare fills defaults into e and says which field is wrong, if any.
func prepare(e *Event, now time.Time) error {
	if e.ID == "" {
		e.ID = uuid.NewString()
	} else if _, err := uuid.Parse(e.ID); err != nil {
		return fmt.Errorf("id %q is not a UUID", e.ID)
	}
	if !validType.MatchString(e.Type) {
		return fmt.Errorf("type %q is not like product.created (lower case, dot-separated)", e.Type)
	}
	if e.AggregateID == "" {
		return fmt.Errorf("aggregateId is empty")
	}
	p := bytes.TrimSpace(e.Payload)
	if len(p) == 0 || p[0] != '{' || !json.Valid(p) {
		return fmt.Errorf("payload is not a JSON object")
	}
	if e.OccurredAt.IsZero() {
		e.OccurredAt = now
	} else {
		e.OccurredAt = e.OccurredAt.UTC().Truncate(time.Microsecond)
	}
	if e.Cursor != "" {
		return fmt.Errorf("cursor %q is set; the bus assigns cursors when publishing", e.Cursor)
	}
	return nil
}
