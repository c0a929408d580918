// Package store implements customer.Store on PostgreSQL (schema
// "customer", migrations in migrations/customer). Every statement is keyed
// by the user id it is given, so one user's call never reads or changes
// another's rows; SQL text and driver errors never reach callers, only
// *customer.Error values with the cause in Err.
package store

import (
	"context"
	"errors"
	"time"

	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	customer "github.com/nexus-commerce/nexus/subgraphs/customer"
)

// Store reads and writes the customer data. It holds no state but the
// pool and a clock, so one Store serves all requests concurrently.
type Store struct {
	db  *sqlx.DB
	now func() time.Time
}

var _ customer.Store = (*Store)(nil)

// New returns a Store over db, which must be migrated with the "customer"
// migrations (kit/migrate.Up); the service does that on start. now is the
// clock token expiry is checked against (nil: time.Now).
func New(db *sqlx.DB, now func() time.Time) *Store {
	if now == nil {
		now = time.Now
	}
	return &Store{db: db, now: now}
}

// inTx runs fn in one transaction after locking the user's profile row
// (created first when missing), so one user's writes are serialised: the
// per-user limits and the default flags are decided on a stable view. A
// returned error rolls everything back.
func (s *Store) inTx(ctx context.Context, op, userID string, fn func(tx *sqlx.Tx) error) error {
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return customer.InternalError(op+": begin", err)
	}
	if err := lockUser(ctx, tx, userID); err != nil {
		_ = tx.Rollback()
		return classify(op+": lock", err)
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

// lockUser creates the user's profile row if needed and locks it.
func lockUser(ctx context.Context, tx *sqlx.Tx, userID string) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO customer.profiles (user_id) VALUES ($1) ON CONFLICT (user_id) DO NOTHING`, userID); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `SELECT 1 FROM customer.profiles WHERE user_id = $1 FOR UPDATE`, userID)
	return err
}

// classify passes *customer.Error values through and turns the rest into
// INTERNAL (cancellation stays as it is, so the server sees it).
func classify(op string, err error) error {
	var ce *customer.Error
	if errors.As(err, &ce) || len(customer.FieldErrors(err)) > 0 {
		return err
	}
	var pqe *pq.Error
	if errors.As(err, &pqe) && pqe.Code == "40P01" { // deadlock_detected
		return &customer.Error{Code: customer.Conflict, Message: "the change collided with a concurrent one; retry it", Err: err}
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return customer.InternalError(op, err)
}

// validID reports whether id can name a row: ids that are not UUIDs are
// simply not found, like the ids of other users' rows.
func validID(id string) bool {
	_, err := uuid.Parse(id)
	return err == nil
}

// notFound is the one answer for an unknown id, another user's id and a
// malformed id alike, so ids reveal nothing.
func notFound(what string) error {
	return customer.Errorf(customer.NotFound, "", "%s not found", what)
}
