package events

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// NATSOptions configures the JetStream bus: one stream per schema holding
// one subject. The zero Retention and MaxEvents keep every event.
type NATSOptions struct {
	URL       string        // nats://host:4222
	Stream    string        // stream name, e.g. nexus_product
	Subject   string        // subject of the stream, e.g. nexus.product.events
	Retention time.Duration // stream MaxAge; 0 = keep
	MaxEvents int64         // stream MaxMsgs; 0 = unlimited
	Replicas  int           // stream replicas; 0 means 1

	// DuplicateWindow is how long JetStream remembers Event.IDs to drop a
	// republished event (Nats-Msg-Id): it must cover the relay's crash and
	// restart. 0 means 10m (or Retention, if shorter).
	DuplicateWindow time.Duration
}

// validStream is JetStream's rule for stream names, kept strict.
var validStream = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// NATSBus is the JetStream bus; cursor "js:<stream sequence>". JetStream's
// stream sequence is gap-free and ordered, so it is the cursor itself.
type NATSBus struct {
	nc     *nats.Conn
	js     jetstream.JetStream
	stream jetstream.Stream
	o      NATSOptions

	mu     sync.Mutex
	closed bool
	// stored maps the ids of the stream's newest events, read when a
	// relay became active, to their sequences: Publish skips them.
	stored map[string]uint64
}

// NewNATSBus connects to o.URL and creates (or updates to o) the stream.
func NewNATSBus(ctx context.Context, o NATSOptions) (*NATSBus, error) {
	switch {
	case o.URL == "":
		return nil, errors.New("events: NATSOptions.URL is empty")
	case !validStream.MatchString(o.Stream):
		return nil, fmt.Errorf("events: NATSOptions.Stream %q is not a stream name (letters, digits, _ and -)", o.Stream)
	case o.Subject == "" || regexp.MustCompile(`[\s*>]`).MatchString(o.Subject):
		return nil, fmt.Errorf("events: NATSOptions.Subject %q is not a literal subject", o.Subject)
	case o.Retention < 0 || o.MaxEvents < 0 || o.Replicas < 0 || o.DuplicateWindow < 0:
		return nil, errors.New("events: NATSOptions: Retention, MaxEvents, Replicas and DuplicateWindow must not be negative")
	}
	if o.Replicas == 0 {
		o.Replicas = 1
	}
	if o.DuplicateWindow == 0 {
		o.DuplicateWindow = 10 * time.Minute
		if o.Retention > 0 {
			o.DuplicateWindow = min(o.DuplicateWindow, o.Retention)
		}
	}
	nc, err := nats.Connect(o.URL, nats.Name("nexus-events "+o.Stream), nats.MaxReconnects(-1))
	if err != nil {
		return nil, fmt.Errorf("events: connect to NATS at %s: %w", o.URL, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("events: JetStream: %w", err)
	}
	maxMsgs := o.MaxEvents
	if maxMsgs == 0 {
		maxMsgs = -1
	}
	st, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        o.Stream,
		Description: "Nexus domain events (subgraphs/kit/events)",
		Subjects:    []string{o.Subject},
		Retention:   jetstream.LimitsPolicy,
		Discard:     jetstream.DiscardOld,
		Storage:     jetstream.FileStorage,
		MaxAge:      o.Retention,
		MaxMsgs:     maxMsgs,
		Replicas:    o.Replicas,
		Duplicates:  o.DuplicateWindow,
	})
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("events: create stream %s on %s: %w", o.Stream, o.URL, err)
	}
	return &NATSBus{nc: nc, js: js, stream: st, o: o}, nil
}

// wire is an event as stored in the stream: everything but the cursor,
// which is the message's stream sequence.
type wire struct {
	ID          string          `json:"id"`
	Type        string          `json:"type"`
	AggregateID string          `json:"aggregateId"`
	Payload     json.RawMessage `json:"payload"`
	OccurredAt  time.Time       `json:"occurredAt"`
}

// Publish stores evs one after another, each acknowledged before the next
// is sent, so the stream holds them in the given order. Nats-Msg-Id is the
// Event.ID, so a republish within DuplicateWindow is dropped by JetStream
// and the event keeps its first cursor.
func (b *NATSBus) Publish(ctx context.Context, evs []Event) error {
	for i := range evs {
		e := &evs[i]
		b.mu.Lock()
		seq, stored := b.stored[e.ID]
		b.mu.Unlock()
		if stored {
			// Published by a relay that stopped before deleting its
			// outbox rows, longer ago than the duplicate window.
			e.Cursor = formatCursor(jsPrefix, seq)
			continue
		}
		data, err := json.Marshal(wire{ID: e.ID, Type: e.Type, AggregateID: e.AggregateID, Payload: e.Payload, OccurredAt: e.OccurredAt})
		if err != nil {
			return fmt.Errorf("events: publish %s %s: %w", e.Type, e.ID, err)
		}
		ack, err := b.js.Publish(ctx, b.o.Subject, data, jetstream.WithMsgID(e.ID), jetstream.WithExpectStream(b.o.Stream))
		if err != nil {
			return fmt.Errorf("events: publish %s %s to %s: %w", e.Type, e.ID, b.o.Stream, err)
		}
		e.Cursor = formatCursor(jsPrefix, ack.Sequence)
	}
	return nil
}

// prepareRelay reads the ids of the stream's newest window events before a
// relay that just became active publishes. A relay deletes its outbox rows
// only after Publish, so one that stopped in between leaves at most a batch
// published but still in the outbox; JetStream drops the republish by
// Nats-Msg-Id only within DuplicateWindow, and a relay may come back much
// later. Those events are among the stream's newest (one stream per
// schema, one relay at a time), so Publish skips the ids found here and
// every event stays in the log once, whenever the relay returns.
func (b *NATSBus) prepareRelay(ctx context.Context, window int) error {
	first, last, err := b.bounds(ctx)
	if err != nil {
		return err
	}
	stored := make(map[string]uint64, min(uint64(window), last-first+1))
	for seq := last; seq >= first && seq > 0 && last-seq < uint64(window); seq-- {
		msg, err := b.stream.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue // removed by retention meanwhile
		}
		if err != nil {
			return fmt.Errorf("events: read %s message %d: %w", b.o.Stream, seq, err)
		}
		var w wire
		if err := json.Unmarshal(msg.Data, &w); err != nil {
			return fmt.Errorf("events: message %d of %s: %w", seq, b.o.Stream, err)
		}
		stored[w.ID] = seq
	}
	b.mu.Lock()
	b.stored = stored
	b.mu.Unlock()
	return nil
}

// bounds returns the first retained sequence (last+1 when the stream is
// empty) and the last one.
func (b *NATSBus) bounds(ctx context.Context) (first, last uint64, err error) {
	info, err := b.stream.Info(ctx)
	if err != nil {
		return 0, 0, fmt.Errorf("events: stream %s info: %w", b.o.Stream, err)
	}
	if info.State.Msgs == 0 {
		return info.State.LastSeq + 1, info.State.LastSeq, nil
	}
	return info.State.FirstSeq, info.State.LastSeq, nil
}

// Oldest returns the oldest cursor Subscribe accepts: subscribing with it
// delivers every retained event.
func (b *NATSBus) Oldest(ctx context.Context) (string, error) {
	first, _, err := b.bounds(ctx)
	if err != nil {
		return "", err
	}
	return formatCursor(jsPrefix, first-1), nil
}

// Latest returns the cursor of the newest stored event ("js:0" when none).
func (b *NATSBus) Latest(ctx context.Context) (string, error) {
	_, last, err := b.bounds(ctx)
	if err != nil {
		return "", err
	}
	return formatCursor(jsPrefix, last), nil
}

// Subscribe starts an ordered consumer (ephemeral, flow-controlled,
// recreated by the client after a reconnect at the last delivered
// sequence) after the cursor; see Bus.Subscribe for the cursor rules.
func (b *NATSBus) Subscribe(ctx context.Context, after string) (Subscription, error) {
	b.mu.Lock()
	closed := b.closed
	b.mu.Unlock()
	if closed {
		return nil, ErrClosed
	}
	first, head, err := b.bounds(ctx)
	if err != nil {
		return nil, err
	}
	last, err := resumeAfter(jsPrefix, after, first, head, "stream")
	if err != nil {
		return nil, err
	}
	cons, err := b.js.OrderedConsumer(ctx, b.o.Stream, jetstream.OrderedConsumerConfig{
		DeliverPolicy: jetstream.DeliverByStartSequencePolicy,
		OptStartSeq:   last + 1,
	})
	if err != nil {
		return nil, fmt.Errorf("events: consumer on %s: %w", b.o.Stream, err)
	}
	it, err := cons.Messages()
	if err != nil {
		return nil, fmt.Errorf("events: consume %s: %w", b.o.Stream, err)
	}
	return &natsSubscription{bus: b, it: it, last: last}, nil
}

// Close drains nothing: it closes the connection, which ends every
// subscription (Next returns ErrClosed).
func (b *NATSBus) Close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.closed {
		b.closed = true
		b.nc.Close()
	}
	return nil
}

func (b *NATSBus) isClosed() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.closed
}

// natsSubscription reads an ordered consumer, checking that stream
// sequences follow each other (a jump means retention overtook it).
type natsSubscription struct {
	bus  *NATSBus
	it   jetstream.MessagesContext
	last uint64
}

// Next returns the next event; see Subscription.
func (s *natsSubscription) Next(ctx context.Context) (Event, error) {
	msg, err := s.it.Next(jetstream.NextContext(ctx))
	if err != nil {
		if ctx.Err() != nil {
			return Event{}, ctx.Err()
		}
		if errors.Is(err, jetstream.ErrMsgIteratorClosed) || s.bus.isClosed() {
			return Event{}, ErrClosed
		}
		return Event{}, fmt.Errorf("events: next from %s: %w", s.bus.o.Stream, err)
	}
	meta, err := msg.Metadata()
	if err != nil {
		return Event{}, fmt.Errorf("events: message metadata: %w", err)
	}
	seq := meta.Sequence.Stream
	if seq != s.last+1 {
		return Event{}, &CursorExpiredError{Cursor: formatCursor(jsPrefix, s.last), Oldest: formatCursor(jsPrefix, seq-1)}
	}
	var w wire
	if err := json.Unmarshal(msg.Data(), &w); err != nil {
		return Event{}, fmt.Errorf("events: message %d of %s: %w", seq, s.bus.o.Stream, err)
	}
	s.last = seq
	return Event{ID: w.ID, Type: w.Type, AggregateID: w.AggregateID, Payload: w.Payload,
		OccurredAt: w.OccurredAt.UTC(), Cursor: formatCursor(jsPrefix, seq)}, nil
}

// Close stops the consumer; a Next in progress returns ErrClosed.
func (s *natsSubscription) Close() error {
	s.it.Stop()
	return nil
}
