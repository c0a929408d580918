package store

import (
	"context"
	"database/sql"
	"time"
)

// Rule is one throttling rule, counted per key in auth.throttle so every
// replica shares the count.
//
// A window rule (Backoff zero) allows Max counted attempts per Window,
// counted from the window's first attempt. A backoff rule allows Max
// attempts freely; from the Max-th on, each attempt blocks the key for
// Backoff·2^(n-Max), capped at MaxBackoff, and the count restarts after
// Window without a counted attempt.
type Rule struct {
	Max                 int
	Window              time.Duration
	Backoff, MaxBackoff time.Duration
}

// Decision is the answer to one attempt.
type Decision struct {
	Allowed bool
	// RetryAfter is how long until the key admits an attempt again (when refused).
	RetryAfter time.Duration
}

type throttleRow struct {
	Failures     int          `db:"failures"`
	WindowStart  time.Time    `db:"window_start"`
	LastFailure  time.Time    `db:"last_failure"`
	BlockedUntil sql.NullTime `db:"blocked_until"`
}

// Attempt counts one attempt against key under rule before the attempt
// is made (so concurrent attempts can never exceed the budget: each one
// is counted under the row lock before its password is checked) and says
// whether it may go ahead. Call Succeeded when it did.
func (s *Store) Attempt(ctx context.Context, key string, r Rule) (Decision, error) {
	var d Decision
	err := s.InTx(ctx, "throttle", func(t *Tx) error {
		now := t.now
		// One statement creates the row or locks the existing one: an
		// insert that does nothing followed by a SELECT ... FOR UPDATE
		// found no row when a concurrent Succeeded deleted it in between
		// (concurrent sign-ins to one account answered INTERNAL).
		var row throttleRow
		if err := t.tx.GetContext(ctx, &row, `INSERT INTO auth.throttle (key, failures, window_start, last_failure)
			VALUES ($1, 0, $2, $2) ON CONFLICT (key) DO UPDATE SET key = EXCLUDED.key
			RETURNING failures, window_start, last_failure, blocked_until`, key, now); err != nil {
			return err
		}
		d = decide(&row, r, now)
		_, err := t.tx.ExecContext(ctx, `UPDATE auth.throttle SET failures = $2, window_start = $3, last_failure = $4,
			blocked_until = $5 WHERE key = $1`, key, row.Failures, row.WindowStart, row.LastFailure, row.BlockedUntil)
		return err
	})
	return d, err
}

// decide applies r to row at now, updating row.
func decide(row *throttleRow, r Rule, now time.Time) Decision {
	if r.Backoff <= 0 {
		if !now.Before(row.WindowStart.Add(r.Window)) {
			row.Failures, row.WindowStart = 0, now
		}
		if row.Failures >= r.Max {
			return Decision{RetryAfter: row.WindowStart.Add(r.Window).Sub(now)}
		}
		row.Failures++
		return Decision{Allowed: true}
	}
	if row.BlockedUntil.Valid && now.Before(row.BlockedUntil.Time) {
		return Decision{RetryAfter: row.BlockedUntil.Time.Sub(now)}
	}
	if now.Sub(row.LastFailure) > r.Window {
		row.Failures = 0
	}
	row.Failures++
	row.LastFailure = now
	if row.Failures >= r.Max {
		wait := r.MaxBackoff
		if shift := row.Failures - r.Max; shift < 30 {
			wait = min(r.Backoff<<shift, r.MaxBackoff)
		}
		row.BlockedUntil = sql.NullTime{Time: now.Add(wait), Valid: true}
	}
	return Decision{Allowed: true}
}

// Succeeded takes back the attempt counted for key: a backoff key is
// cleared (a correct password ends the backoff), a window key gives the
// attempt back (only failures count against an address).
func (s *Store) Succeeded(ctx context.Context, key string, r Rule) error {
	q := `UPDATE auth.throttle SET failures = greatest(failures - 1, 0) WHERE key = $1`
	if r.Backoff > 0 {
		q = `DELETE FROM auth.throttle WHERE key = $1`
	}
	if _, err := s.db.ExecContext(ctx, q, key); err != nil {
		return classify("throttle", err)
	}
	return nil
}
