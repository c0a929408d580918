package events

import "context"

// Bus is the small interface both implementations satisfy, so services,
// the relay and tests are written once for PostgreSQL and NATS JetStream.
type Bus interface {
	// Publish appends already-committed events (from the relay) to the log
	// in the given order and assigns their cursors (set in evs). Idempotent
	// by Event.ID: a relay that retries after a crash never duplicates.
	Publish(ctx context.Context, evs []Event) error
	// Subscribe delivers, in cursor order, every event after `after` and
	// then live ones. after == "" means "from now on" (only events
	// published after the call); FromOldest means every retained event. A
	// cursor older than the retained log returns *CursorExpiredError
	// (errors.Is(err, ErrCursorExpired)) whose message tells the client to
	// refetch; a malformed cursor returns ErrBadCursor.
	Subscribe(ctx context.Context, after string) (Subscription, error)
	// Close ends every subscription and releases the bus's connections.
	Close() error
}

// Subscription is one consumer's position in the log.
type Subscription interface {
	// Next blocks until the next event; ErrClosed (wrapping io.EOF) after
	// Close, another error on bus loss, ctx's error when ctx ends. After
	// an error, resubscribe with the cursor of the last event received.
	Next(ctx context.Context) (Event, error)
	Close() error
}

// relayPreparer is a Bus that must look at its log when a relay becomes
// the active one, before it publishes (NATSBus: events a stopped relay
// published without deleting their outbox rows).
type relayPreparer interface {
	prepareRelay(ctx context.Context, window int) error
}

// Compile-time checks that both buses satisfy Bus.
var (
	_ Bus = (*PGBus)(nil)
	_ Bus = (*NATSBus)(nil)
)
