package events

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"sync"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// PGOptions configures the PostgreSQL bus. The zero value keeps every
// event forever.
type PGOptions struct {
	Retention time.Duration // delete events published longer ago than this; 0 = keep
	MaxEvents int           // keep at most this many newest events; 0 = unlimited

	// PollInterval re-reads the log head in case a notification was lost
	// (the listener reconnecting); 0 means 1s.
	PollInterval time.Duration
	// PruneInterval is how often retention runs; 0 means Retention/10
	// capped to [1s, 1m]. Prune can also be called directly.
	PruneInterval time.Duration
	// Log receives listener and janitor trouble; nil discards it.
	Log *slog.Logger
}

// PGBus is the embedded bus: <schema>.event_log is the ordered log, cursor
// "pg:<seq>". One LISTEN connection per bus wakes every subscription of the
// process; subscriptions read the log by seq, so one that is slow only
// delays itself.
type PGBus struct {
	db     *sqlx.DB
	schema string
	q      string // quoted schema
	o      PGOptions
	log    *slog.Logger
	ln     *pq.Listener

	mu     sync.Mutex
	head   uint64        // highest seq known to be committed
	wake   chan struct{} // closed (and replaced) when head advances or the bus closes
	closed bool

	stop chan struct{}
	wg   sync.WaitGroup
}

// NewPGBus starts listening on the log's channel (dsn is for the
// pq.Listener connection; db serves every query) and returns the bus. The
// tables come from SchemaSQL(schema). Retention runs in the background
// when o.Retention or o.MaxEvents is set.
func NewPGBus(ctx context.Context, db *sqlx.DB, dsn string, schema string, o PGOptions) (*PGBus, error) {
	if !validSchema.MatchString(schema) {
		return nil, fmt.Errorf("events: schema %q is not a lower-case identifier", schema)
	}
	if o.Retention < 0 || o.MaxEvents < 0 {
		return nil, fmt.Errorf("events: PGOptions: Retention and MaxEvents must not be negative")
	}
	if o.PollInterval <= 0 {
		o.PollInterval = time.Second
	}
	if o.PruneInterval <= 0 {
		o.PruneInterval = min(max(o.Retention/10, time.Second), time.Minute)
	}
	b := &PGBus{db: db, schema: schema, q: pq.QuoteIdentifier(schema), o: o, log: o.Log,
		wake: make(chan struct{}), stop: make(chan struct{})}
	if b.log == nil {
		b.log = slog.New(slog.DiscardHandler)
	}
	b.ln = pq.NewListener(dsn, 100*time.Millisecond, 5*time.Second, func(ev pq.ListenerEventType, err error) {
		if err != nil {
			b.log.Warn("events: bus listener", "schema", schema, "event", ev, "err", err)
		}
	})
	if err := b.ln.Listen(eventsChannel(schema)); err != nil {
		b.ln.Close()
		return nil, fmt.Errorf("events: listen on %s: %w", eventsChannel(schema), err)
	}
	head, err := b.readHead(ctx)
	if err != nil {
		b.ln.Close()
		return nil, err
	}
	b.head = head
	b.wg.Add(1)
	go b.follow()
	if o.Retention > 0 || o.MaxEvents > 0 {
		b.wg.Add(1)
		go b.janitor()
	}
	return b, nil
}

// Publish appends evs to the log in one transaction, skipping any whose ID
// is already there (a relay retrying after a crash), and sets each event's
// Cursor, duplicates getting the cursor they were first published with.
// Seqs come from event_head, locked until commit, so they are gap-free and
// commit in order.
func (b *PGBus) Publish(ctx context.Context, evs []Event) error {
	if len(evs) == 0 {
		return nil
	}
	tx, err := b.db.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("events: publish: %w", err)
	}
	defer tx.Rollback()
	var head uint64
	if err := tx.GetContext(ctx, &head, `SELECT seq FROM `+b.q+`.event_head FOR UPDATE`); err != nil {
		return fmt.Errorf("events: publish: lock head: %w", err)
	}
	ids := make([]string, len(evs))
	for i, e := range evs {
		ids[i] = e.ID
	}
	var known []struct {
		ID  string `db:"event_id"`
		Seq uint64 `db:"seq"`
	}
	if err := tx.SelectContext(ctx, &known, `SELECT event_id, seq FROM `+b.q+`.event_log WHERE event_id = ANY($1::uuid[])`, pq.Array(ids)); err != nil {
		return fmt.Errorf("events: publish: look up ids: %w", err)
	}
	seqOf := make(map[string]uint64, len(known))
	for _, k := range known {
		seqOf[k.ID] = k.Seq
	}
	ins := `INSERT INTO ` + b.q + `.event_log (seq, event_id, type, aggregate_id, payload, occurred_at) VALUES ($1, $2, $3, $4, $5, $6)`
	cursors := make([]string, len(evs))
	for i, e := range evs {
		if s, dup := seqOf[e.ID]; dup {
			cursors[i] = formatCursor(pgPrefix, s)
			continue
		}
		head++
		if _, err := tx.ExecContext(ctx, ins, head, e.ID, e.Type, e.AggregateID, string(e.Payload), e.OccurredAt); err != nil {
			return fmt.Errorf("events: publish %s %s: %w", e.Type, e.ID, err)
		}
		seqOf[e.ID] = head
		cursors[i] = formatCursor(pgPrefix, head)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE `+b.q+`.event_head SET seq = $1`, head); err != nil {
		return fmt.Errorf("events: publish: head: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `SELECT pg_notify($1, $2)`, eventsChannel(b.schema), strconv.FormatUint(head, 10)); err != nil {
		return fmt.Errorf("events: publish: notify: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("events: publish: commit: %w", err)
	}
	for i := range evs {
		evs[i].Cursor = cursors[i]
	}
	b.advance(head)
	return nil
}

// Oldest returns the oldest cursor Subscribe accepts: subscribing with it
// delivers every retained event. FromOldest does the same in one step.
func (b *PGBus) Oldest(ctx context.Context) (string, error) {
	first, _, err := b.bounds(ctx)
	if err != nil {
		return "", err
	}
	return formatCursor(pgPrefix, first-1), nil
}

// Latest returns the cursor of the newest published event ("pg:0" when
// none): a client that reads the current state and this cursor in one
// snapshot can subscribe after it without missing a change.
func (b *PGBus) Latest(ctx context.Context) (string, error) {
	head, err := b.readHead(ctx)
	if err != nil {
		return "", err
	}
	return formatCursor(pgPrefix, head), nil
}

// Prune applies retention now (the janitor calls it periodically) and
// returns how many events it deleted. It never touches event_head, so
// numbering continues after the log is emptied.
func (b *PGBus) Prune(ctx context.Context) (int64, error) {
	var n int64
	if b.o.Retention > 0 {
		res, err := b.db.ExecContext(ctx, `DELETE FROM `+b.q+`.event_log WHERE published_at < now() - $1::interval`,
			strconv.FormatInt(b.o.Retention.Microseconds(), 10)+" microseconds")
		if err != nil {
			return n, fmt.Errorf("events: prune by age: %w", err)
		}
		d, _ := res.RowsAffected()
		n += d
	}
	if b.o.MaxEvents > 0 {
		res, err := b.db.ExecContext(ctx, `DELETE FROM `+b.q+`.event_log WHERE seq <= (SELECT seq FROM `+b.q+`.event_head) - $1`, b.o.MaxEvents)
		if err != nil {
			return n, fmt.Errorf("events: prune by count: %w", err)
		}
		d, _ := res.RowsAffected()
		n += d
	}
	return n, nil
}

// Close stops the listener and the janitor and ends every subscription
// (their Next returns ErrClosed). The *sqlx.DB stays the caller's.
func (b *PGBus) Close() error {
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return nil
	}
	b.closed = true
	close(b.wake)
	b.mu.Unlock()
	close(b.stop)
	err := b.ln.Close()
	b.wg.Wait()
	return err
}

// bounds returns the first retained seq (head+1 when the log is empty) and
// the head, read in one statement so they are consistent.
func (b *PGBus) bounds(ctx context.Context) (first, head uint64, err error) {
	var r struct {
		First sql.NullInt64 `db:"first"`
		Head  uint64        `db:"head"`
	}
	if err := b.db.GetContext(ctx, &r, `SELECT (SELECT min(seq) FROM `+b.q+`.event_log) AS first, (SELECT seq FROM `+b.q+`.event_head) AS head`); err != nil {
		return 0, 0, fmt.Errorf("events: read log bounds: %w", err)
	}
	if !r.First.Valid {
		return r.Head + 1, r.Head, nil
	}
	return uint64(r.First.Int64), r.Head, nil
}

func (b *PGBus) readHead(ctx context.Context) (uint64, error) {
	var head uint64
	if err := b.db.GetContext(ctx, &head, `SELECT seq FROM `+b.q+`.event_head`); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return 0, fmt.Errorf("events: %s.event_head has no row: apply SchemaSQL(%q)", b.schema, b.schema)
		}
		return 0, fmt.Errorf("events: read log head: %w", err)
	}
	return head, nil
}

// advance records a new head and wakes the subscriptions waiting for it.
func (b *PGBus) advance(head uint64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed || head <= b.head {
		return
	}
	b.head = head
	close(b.wake)
	b.wake = make(chan struct{})
}

// state returns the known head and the channel that is closed when it
// moves on; read both before looking at the log, then wait on the channel,
// and no advance is missed.
func (b *PGBus) state() (uint64, <-chan struct{}, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.head, b.wake, b.closed
}

// follow turns notifications (and, as a fallback, a periodic read) into
// head advances. A nil notification means the listener reconnected and
// may have missed some, so it re-reads the head.
func (b *PGBus) follow() {
	defer b.wg.Done()
	t := time.NewTicker(b.o.PollInterval)
	defer t.Stop()
	for {
		select {
		case <-b.stop:
			return
		case n, ok := <-b.ln.Notify:
			if !ok {
				return
			}
			if n != nil {
				if head, err := strconv.ParseUint(n.Extra, 10, 64); err == nil {
					b.advance(head)
					continue
				}
			}
		case <-t.C:
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		head, err := b.readHead(ctx)
		cancel()
		if err != nil {
			b.log.Warn("events: bus poll", "schema", b.schema, "err", err)
			continue
		}
		b.advance(head)
	}
}

// janitor runs Prune every PruneInterval until the bus closes.
func (b *PGBus) janitor() {
	defer b.wg.Done()
	t := time.NewTicker(b.o.PruneInterval)
	defer t.Stop()
	for {
		select {
		case <-b.stop:
			return
		case <-t.C:
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		if n, err := b.Prune(ctx); err != nil {
			b.log.Warn("events: retention", "schema", b.schema, "err", err)
		} else if n > 0 {
			b.log.Debug("events: retention deleted events", "schema", b.schema, "count", n)
		}
		cancel()
	}
}
