package subscriptions

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	_ "github.com/lib/pq" // the database/sql driver for the event log
)

// eventLog reads the product subgraph's PostgreSQL bus (schema "product":
// outbox, event_log, event_head): the ground truth the storms check every
// client against. What a client must have received is decided here, never
// from the writer's answers: a subgraph killed mid-request may have
// committed a change whose answer never arrived.
type eventLog struct{ db *sql.DB }

func openEventLog(url string) (*eventLog, error) {
	db, err := sql.Open("postgres", url)
	if err != nil {
		return nil, fmt.Errorf("event log: %w", err)
	}
	db.SetMaxOpenConns(2)
	return &eventLog{db: db}, nil
}

func (l *eventLog) Close() error { return l.db.Close() }

// settled waits until the relay has published every committed outbox row
// (the outbox is empty) and returns the log's head: the sequence number of
// the newest published event. Nothing may be committing meanwhile.
func (l *eventLog) settled(ctx context.Context, timeout time.Duration) (int64, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	t := time.NewTicker(50 * time.Millisecond)
	defer t.Stop()
	for {
		var pending int64
		err := l.db.QueryRowContext(ctx, `SELECT count(*) FROM product.outbox`).Scan(&pending)
		if err == nil && pending == 0 {
			var head int64
			if err := l.db.QueryRowContext(ctx, `SELECT seq FROM product.event_head`).Scan(&head); err != nil {
				return 0, fmt.Errorf("event log head: %w", err)
			}
			return head, nil
		}
		select {
		case <-ctx.Done():
			return 0, fmt.Errorf("event log: %d outbox rows still unpublished after %v (last error: %v)", pending, timeout, err)
		case <-t.C:
		}
	}
}

// after returns the sequence numbers of the logged events after seq, up
// to and including head, in ascending order.
func (l *eventLog) after(ctx context.Context, seq, head int64) ([]int64, error) {
	rows, err := l.db.QueryContext(ctx, `SELECT seq FROM product.event_log WHERE seq > $1 AND seq <= $2 ORDER BY seq`, seq, head)
	if err != nil {
		return nil, fmt.Errorf("event log after %d: %w", seq, err)
	}
	defer rows.Close()
	out := make([]int64, 0, max(head-seq, 0))
	for rows.Next() {
		var s int64
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
