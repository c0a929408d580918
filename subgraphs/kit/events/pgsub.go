package events

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// pgBatch is how many events one log read returns: large enough that a
// catch-up after a long disconnect is a few queries, small enough that a
// subscription holds little memory.
const pgBatch = 256

// Subscribe returns a subscription that delivers, in seq order, every
// event after the cursor and then live ones. after == "" starts at the
// current head, FromOldest at the oldest retained event. A cursor older
// than the retained log is *CursorExpiredError; a malformed or foreign one,
// or one ahead of the log, ErrBadCursor.
//
// The bus listens before any subscription exists and a subscription reads
// the log by seq, so nothing published between the catch-up and the live
// part can be missed or delivered twice.
func (b *PGBus) Subscribe(ctx context.Context, after string) (Subscription, error) {
	if _, _, closed := b.state(); closed {
		return nil, ErrClosed
	}
	first, head, err := b.bounds(ctx)
	if err != nil {
		return nil, err
	}
	last, err := resumeAfter(pgPrefix, after, first, head, "log")
	if err != nil {
		return nil, err
	}
	return &pgSubscription{bus: b, last: last, done: make(chan struct{})}, nil
}

// pgSubscription reads the log after last, a batch at a time.
type pgSubscription struct {
	bus  *PGBus
	last uint64  // seq of the last event returned by Next
	buf  []Event // read but not yet returned, seqs last+1, last+2, ...

	once sync.Once
	done chan struct{}
}

// Next returns the next event, waiting for one to be published. It
// returns ErrClosed after Close (of the subscription or the bus), ctx's
// error when ctx ends, and *CursorExpiredError if retention deleted events
// this subscription had not read yet.
func (s *pgSubscription) Next(ctx context.Context) (Event, error) {
	for {
		select {
		case <-s.done:
			return Event{}, ErrClosed
		default:
		}
		if len(s.buf) > 0 {
			e := s.buf[0]
			s.buf = s.buf[1:]
			return e, nil
		}
		head, wake, closed := s.bus.state()
		if closed {
			return Event{}, ErrClosed
		}
		if head > s.last {
			if err := s.read(ctx); err != nil {
				return Event{}, err
			}
			if len(s.buf) > 0 {
				continue
			}
		}
		select {
		case <-wake:
		case <-s.done:
			return Event{}, ErrClosed
		case <-ctx.Done():
			return Event{}, ctx.Err()
		}
	}
}

// read loads the next batch after s.last into s.buf, checking that it
// continues s.last without a gap (a gap means retention overtook us).
func (s *pgSubscription) read(ctx context.Context) error {
	var rows []struct {
		Seq         uint64    `db:"seq"`
		ID          string    `db:"event_id"`
		Type        string    `db:"type"`
		AggregateID string    `db:"aggregate_id"`
		Payload     string    `db:"payload"`
		OccurredAt  time.Time `db:"occurred_at"`
	}
	b := s.bus
	if err := b.db.SelectContext(ctx, &rows, `SELECT seq, event_id, type, aggregate_id, payload, occurred_at
		FROM `+b.q+`.event_log WHERE seq > $1 ORDER BY seq LIMIT $2`, s.last, pgBatch); err != nil {
		return fmt.Errorf("events: read log after %s: %w", formatCursor(pgPrefix, s.last), err)
	}
	for i, r := range rows {
		if want := s.last + uint64(i) + 1; r.Seq != want {
			return &CursorExpiredError{Cursor: formatCursor(pgPrefix, s.last), Oldest: formatCursor(pgPrefix, rows[0].Seq-1)}
		}
		s.buf = append(s.buf, Event{ID: r.ID, Type: r.Type, AggregateID: r.AggregateID, Payload: []byte(r.Payload),
			OccurredAt: r.OccurredAt.UTC(), Cursor: formatCursor(pgPrefix, r.Seq)})
	}
	if n := len(rows); n > 0 {
		s.last = rows[n-1].Seq
	}
	return nil
}

// Close ends the subscription; a Next in progress returns ErrClosed.
func (s *pgSubscription) Close() error {
	s.once.Do(func() { close(s.done) })
	return nil
}
