package events

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// Relay moves committed outbox rows to the bus, in commit-visible order.
// One relay per schema is active at a time (a session advisory lock; the
// others wait as hot standbys); it is woken by the NOTIFY of Append's
// transaction when DSN is set and polls every PollInterval otherwise, and
// deletes rows only after Publish succeeded, so a crash in between leads
// to a republish that the bus's idempotency by Event.ID absorbs (NATS:
// Nats-Msg-Id within the duplicate window, and the stream's newest events
// read when a relay becomes active, for a relay that returns later).
//
// Rows are read in id order each time from whatever is committed: ids can
// commit out of order, and a row that commits late with a lower id is
// simply published in a later batch (with a later cursor), never skipped.
type Relay struct {
	DB           *sqlx.DB
	Schema       string
	Bus          Bus
	Log          *slog.Logger
	BatchSize    int           // rows per Publish; 0 means 256
	PollInterval time.Duration // 0 means 1s with DSN, 50ms without

	// DSN, when set, lets the relay LISTEN for Append's commits instead of
	// relying on polling (database/sql does not expose notifications).
	DSN string
}

// Run relays until ctx ends, then returns nil. Trouble with the database
// or the bus is logged and retried with backoff; only a misconfigured
// Relay is returned as an error.
func (r *Relay) Run(ctx context.Context) error {
	if r.DB == nil || r.Bus == nil {
		return errors.New("events: Relay needs DB and Bus")
	}
	if !validSchema.MatchString(r.Schema) {
		return fmt.Errorf("events: Relay.Schema %q is not a lower-case identifier", r.Schema)
	}
	log := r.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	log = log.With("schema", r.Schema)
	poll := r.PollInterval
	if poll <= 0 {
		poll = 50 * time.Millisecond
		if r.DSN != "" {
			poll = time.Second
		}
	}
	batch := r.BatchSize
	if batch <= 0 {
		batch = 256
	}
	var notify <-chan *pq.Notification
	if r.DSN != "" {
		ln := pq.NewListener(r.DSN, 100*time.Millisecond, 5*time.Second, func(ev pq.ListenerEventType, err error) {
			if err != nil {
				log.Warn("events: relay listener", "event", ev, "err", err)
			}
		})
		defer ln.Close()
		if err := ln.Listen(outboxChannel(r.Schema)); err != nil {
			log.Warn("events: relay cannot LISTEN, polling only", "err", err)
		} else {
			notify = ln.Notify
		}
	}
	w := &relayWork{r: r, log: log, batch: batch}
	backoff := poll
	for ctx.Err() == nil {
		lock, err := acquire(ctx, r.DB, r.Schema, poll)
		if err != nil {
			if ctx.Err() == nil {
				log.Warn("events: relay lock", "err", err)
				wait(ctx, nil, backoff)
			}
			continue
		}
		if p, ok := r.Bus.(relayPreparer); ok {
			// A few batches' worth: a stopped relay leaves at most one
			// batch published but not deleted.
			if err := p.prepareRelay(ctx, max(4*batch, 1024)); err != nil {
				release(lock)
				if ctx.Err() == nil {
					log.Warn("events: relay cannot read the bus's newest events; retrying", "err", err, "retry_in", backoff)
					wait(ctx, nil, backoff)
					backoff = min(backoff*2, 5*time.Second)
				}
				continue
			}
		}
		log.Debug("events: relay active")
		for ctx.Err() == nil {
			err := w.drain(ctx)
			if err == nil {
				err = lock.PingContext(ctx)
			}
			if err != nil {
				if ctx.Err() != nil {
					break
				}
				log.Warn("events: relay", "err", err, "retry_in", backoff)
				wait(ctx, nil, backoff)
				backoff = min(backoff*2, 5*time.Second)
				if lock.PingContext(ctx) != nil {
					break // lock session lost: another relay may be active now; re-acquire
				}
				continue
			}
			backoff = poll
			wait(ctx, notify, poll)
		}
		release(lock)
	}
	return nil
}

// relayWork is one Run's state.
type relayWork struct {
	r     *Relay
	log   *slog.Logger
	batch int
}

// drain publishes committed outbox rows, batch by batch, until none is left.
func (w *relayWork) drain(ctx context.Context) error {
	q := pq.QuoteIdentifier(w.r.Schema)
	for {
		var rows []struct {
			ID          int64     `db:"id"`
			EventID     string    `db:"event_id"`
			Type        string    `db:"type"`
			AggregateID string    `db:"aggregate_id"`
			Payload     string    `db:"payload"`
			OccurredAt  time.Time `db:"occurred_at"`
		}
		if err := w.r.DB.SelectContext(ctx, &rows, `SELECT id, event_id, type, aggregate_id, payload, occurred_at
			FROM `+q+`.outbox ORDER BY id LIMIT $1`, w.batch); err != nil {
			return fmt.Errorf("read outbox: %w", err)
		}
		if len(rows) == 0 {
			return nil
		}
		evs := make([]Event, len(rows))
		ids := make([]int64, len(rows))
		for i, row := range rows {
			evs[i] = Event{ID: row.EventID, Type: row.Type, AggregateID: row.AggregateID,
				Payload: []byte(row.Payload), OccurredAt: row.OccurredAt.UTC()}
			ids[i] = row.ID
		}
		if err := w.r.Bus.Publish(ctx, evs); err != nil {
			return fmt.Errorf("publish %d events: %w", len(evs), err)
		}
		if _, err := w.r.DB.ExecContext(ctx, `DELETE FROM `+q+`.outbox WHERE id = ANY($1)`, pq.Array(ids)); err != nil {
			return fmt.Errorf("delete %d published outbox rows: %w", len(ids), err)
		}
		w.log.Debug("events: relayed", "count", len(evs), "last", evs[len(evs)-1].Cursor)
		if len(rows) < w.batch {
			return nil
		}
	}
}

// acquire takes the schema's relay lock on a session of its own, trying
// every poll until it gets it or ctx ends. The session holds the lock until
// release, or until the connection dies, which frees it for a standby.
func acquire(ctx context.Context, db *sqlx.DB, schema string, poll time.Duration) (*sqlx.Conn, error) {
	conn, err := db.Connx(ctx)
	if err != nil {
		return nil, err
	}
	for {
		var ok bool
		if err := conn.GetContext(ctx, &ok, `SELECT pg_try_advisory_lock(hashtext($1))`, "nexus.events.relay."+schema); err != nil {
			release(conn)
			return nil, err
		}
		if ok {
			return conn, nil
		}
		if !wait(ctx, nil, poll) {
			release(conn)
			return nil, ctx.Err()
		}
	}
}

// release ends the lock's session: the connection is discarded rather than
// returned to the pool, so the lock can never linger on a pooled session.
func release(conn *sqlx.Conn) {
	_ = conn.Raw(func(any) error { return driver.ErrBadConn })
	_ = conn.Close()
}

// wait returns after d, on a notification, or (false) when ctx ends.
func wait(ctx context.Context, notify <-chan *pq.Notification, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-notify:
		return true
	case <-t.C:
		return true
	}
}
