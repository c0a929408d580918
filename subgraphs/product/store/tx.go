package store

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/nexus-commerce/nexus/subgraphs/kit/events"
	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// inTx runs fn in one READ COMMITTED transaction and commits it when fn
// returns nil; any error rolls everything back, the rows and the outbox
// events alike. Row locks taken by fn (FOR UPDATE / FOR SHARE) order
// concurrent writers of the same product or category.
func (s *Store) inTx(ctx context.Context, op string, fn func(tx *sqlx.Tx) error) error {
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return product.InternalError(op+": begin", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return classify(op, err)
	}
	if err := tx.Commit(); err != nil {
		return classify(op+": commit", err)
	}
	return nil
}

// uniqueFields maps the live-row unique indexes (migration 0004) to the
// input field a violation is about: two writers that pass the uniqueness
// check at the same moment are still told which field clashed.
var uniqueFields = map[string]product.Error{
	"products_slug_live_key":   {Field: "input.slug", Message: "another product already has this slug"},
	"products_sku_live_key":    {Field: "input.sku", Message: "another product already has this SKU"},
	"categories_slug_live_key": {Field: "input.slug", Message: "another category already has this slug"},
	"variants_sku_live_key":    {Field: "input.sku", Message: "another variant already has this SKU"},
}

// classify passes *product.Error values (and joins of them) through and
// turns what PostgreSQL refused into client errors where the client can
// act (a unique violation, a move below itself); the rest is INTERNAL.
func classify(op string, err error) error {
	if len(product.FieldErrors(err)) > 0 {
		return err
	}
	var pqe *pq.Error
	if errors.As(err, &pqe) {
		switch pqe.Code {
		case "23505": // unique_violation
			if e, ok := uniqueFields[pqe.Constraint]; ok {
				return &product.Error{Code: product.Invalid, Field: e.Field, Message: e.Message, Err: err}
			}
		case "23514": // check_violation raised by the categories_path trigger
			if pqe.Constraint == "" {
				return &product.Error{Code: product.Invalid, Field: "input.parentId", Message: "a category cannot be moved below itself or its descendants", Err: err}
			}
		case "40P01": // deadlock_detected: the caller may simply retry
			return &product.Error{Code: product.Conflict, Message: "the change collided with a concurrent one; retry it", Err: err}
		}
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return product.InternalError(op, err)
}

// event builds one outbox event. The id is fresh for every change, so a
// consumer can deduplicate redeliveries by it.
func event(typ, aggregateID string, payload any, at time.Time) (events.Event, error) {
	b, err := json.Marshal(payload)
	if err != nil {
		return events.Event{}, err
	}
	return events.Event{ID: uuid.NewString(), Type: typ, AggregateID: aggregateID, Payload: b, OccurredAt: at.UTC()}, nil
}

// appendEvent writes one event into the outbox in tx: it is published if
// and only if tx commits.
func (s *Store) appendEvent(ctx context.Context, tx *sqlx.Tx, typ, aggregateID string, payload any, at time.Time) error {
	ev, err := event(typ, aggregateID, payload, at)
	if err != nil {
		return err
	}
	return s.outbox.Append(ctx, tx, ev)
}
