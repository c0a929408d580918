package events

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lib/pq"

	"github.com/jmoiron/sqlx"
)

// hang bounds every wait of the property (a stuck relay or subscriber
// fails the run with a message instead of blocking the test binary); it is
// not a latency assertion.
const hang = 10 * time.Second

// propSystem is the system under test of one command sequence: a fresh
// schema (and, for NATS, a fresh stream), a relay, a bus client, the
// subscribers, and the truth recorded by the writers.
type propSystem struct {
	t      *testing.T
	db     *sqlx.DB
	dsn    string
	schema string
	open   func() (positioned, error) // a new client of this sequence's log

	bus      positioned
	relay    func() // stops the running relay; nil when stopped
	faults   atomic.Int32
	subs     [nSubs]*subscriber
	order    []string        // committed event ids, in commit order
	ok       map[string]bool // committed
	rolled   map[string]bool // rolled back
	restarts int
}

// faultBus makes the next Publish calls report failure after the events
// were published: the relay's "killed between Publish and delete".
type faultBus struct {
	Bus
	faults *atomic.Int32
}

// awaitFaults waits until the relay has used up the injected faults, each
// costing one of its backoffs (at most 5 s), or has nothing left to
// publish (a fault fires only on a Publish), so a long queue of faults is
// not mistaken for lost events.
func (s *propSystem) awaitFaults() error {
	deadline := time.Now().Add(hang + time.Duration(max(s.faults.Load(), 0))*6*time.Second)
	for s.faults.Load() > 0 {
		var pending int
		if err := s.db.Get(&pending, `SELECT count(*) FROM `+pq.QuoteIdentifier(s.schema)+`.outbox`); err != nil {
			return fmt.Errorf("read outbox: %w", err)
		}
		if pending == 0 {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("relay: %d injected faults still unused", s.faults.Load())
		}
		time.Sleep(10 * time.Millisecond)
	}
	return nil
}

func (f faultBus) Publish(ctx context.Context, evs []Event) error {
	if err := f.Bus.Publish(ctx, evs); err != nil {
		return err
	}
	if f.faults.Add(-1) >= 0 {
		return errors.New("injected: relay lost after Publish")
	}
	f.faults.Store(0)
	return nil
}

func (s *propSystem) startRelay() {
	if s.relay != nil {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	r := &Relay{DB: s.db, DSN: s.dsn, Schema: s.schema, Bus: faultBus{s.bus, &s.faults}, BatchSize: 3, PollInterval: 20 * time.Millisecond}
	go func() {
		defer close(done)
		if err := r.Run(ctx); err != nil {
			s.t.Errorf("Relay.Run: %v", err)
		}
	}()
	s.relay = func() { cancel(); <-done }
}

func (s *propSystem) stopRelay() {
	if s.relay != nil {
		s.relay()
		s.relay = nil
	}
}

// restartBus replaces the bus client: subscribers are cut off and come
// back with their last cursor, the relay is restarted on the new client.
func (s *propSystem) restartBus() error {
	relay := s.relay != nil
	s.stopRelay()
	var back []*subscriber
	for _, sub := range s.subs {
		if sub != nil && sub.connected() {
			sub.disconnect()
			back = append(back, sub)
		}
	}
	if err := s.bus.Close(); err != nil {
		return fmt.Errorf("close bus: %w", err)
	}
	b, err := s.open()
	if err != nil {
		return fmt.Errorf("reopen bus: %w", err)
	}
	s.bus = b
	s.restarts++
	for _, sub := range back {
		if err := sub.reconnect(s.bus); err != nil {
			return err
		}
	}
	if relay {
		s.startRelay()
	}
	return nil
}

// write runs transactions of sizes[i] events each, all begun (and their
// outbox rows inserted) in order, then ended in the order given by order;
// rollback[i] rolls transaction i back.
func (s *propSystem) write(sizes []int, rollback []bool, order []int) error {
	ctx := context.Background()
	o := Outbox{Schema: s.schema}
	txs := make([]*sqlx.Tx, len(sizes))
	evs := make([][]Event, len(sizes))
	for i, n := range sizes {
		tx, err := s.db.BeginTxx(ctx, nil)
		if err != nil {
			return err
		}
		defer tx.Rollback()
		evs[i] = testEvents(n, fmt.Sprintf("tx%d", i))
		for j := range evs[i] {
			evs[i][j].ID = "" // Append assigns the ids
		}
		if err := o.Append(ctx, tx, evs[i]...); err != nil {
			return err
		}
		txs[i] = tx
	}
	for _, i := range order {
		if rollback[i] {
			if err := txs[i].Rollback(); err != nil {
				return err
			}
			for _, e := range evs[i] {
				s.rolled[e.ID] = true
			}
			continue
		}
		if err := txs[i].Commit(); err != nil {
			return err
		}
		for _, e := range evs[i] {
			s.ok[e.ID] = true
			s.order = append(s.order, e.ID)
		}
	}
	return nil
}

// check waits (bounded by hang) until every committed event is on the bus
// and every connected subscriber has caught up, then verifies the log and
// every subscriber's history.
func (s *propSystem) check() error {
	ctx, cancel := context.WithTimeout(context.Background(), hang)
	defer cancel()
	total := uint64(len(s.order))
	sub, err := s.bus.Subscribe(ctx, FromOldest)
	if err != nil {
		return fmt.Errorf("subscribe from oldest: %w", err)
	}
	defer sub.Close()
	log := make([]Event, 0, total)
	seen := map[string]bool{}
	for uint64(len(log)) < total {
		e, err := sub.Next(ctx)
		if err != nil {
			return fmt.Errorf("log: %d of %d committed events published: %w", len(log), total, err)
		}
		switch {
		case s.rolled[e.ID]:
			return fmt.Errorf("log: %s is an event of a rolled-back transaction", e.Cursor)
		case !s.ok[e.ID]:
			return fmt.Errorf("log: %s carries unknown event %s", e.Cursor, e.ID)
		case seen[e.ID]:
			return fmt.Errorf("log: event %s published twice (again at %s)", e.ID, e.Cursor)
		case e.Cursor != cursorOf(s.bus, uint64(len(log)+1)):
			return fmt.Errorf("log: event %d has cursor %s", len(log)+1, e.Cursor)
		}
		seen[e.ID] = true
		log = append(log, e)
	}
	if latest, err := s.bus.Latest(ctx); err != nil || latest != cursorOf(s.bus, total) {
		return fmt.Errorf("log: newest cursor %s (%v) with %d committed events: something extra was published", latest, err, total)
	}
	for i, sb := range s.subs {
		if sb == nil {
			continue
		}
		if err := sb.verify(ctx, log); err != nil {
			return fmt.Errorf("subscriber %d (%s): %w", i, sb.kind(), err)
		}
	}
	return nil
}

// subscriber is one consumer of the bus across its disconnects.
type subscriber struct {
	fromOldest  bool
	floor, ceil uint64 // from-now subscribers: the head just before and after the first Subscribe

	mu      sync.Mutex
	got     []Event
	err     error         // an unexpected end of Next
	changed chan struct{} // closed and replaced on each event

	stop func() // ends the reader; nil when disconnected
}

func (sb *subscriber) kind() string {
	if sb.fromOldest {
		return "from oldest"
	}
	return fmt.Sprintf("from now, head %d..%d", sb.floor, sb.ceil)
}

func (sb *subscriber) connected() bool { return sb.stop != nil }

// connect subscribes with cursor and reads in the background.
func (sb *subscriber) connect(b Bus, cursor string) error {
	ctx, cancel := context.WithCancel(context.Background())
	sub, err := b.Subscribe(ctx, cursor)
	if err != nil {
		cancel()
		return fmt.Errorf("subscribe %q: %w", cursor, err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			e, err := sub.Next(ctx)
			sb.mu.Lock()
			if err != nil {
				if ctx.Err() == nil && !errors.Is(err, ErrClosed) {
					sb.err = err
				}
				close(sb.changed)
				sb.changed = make(chan struct{})
				sb.mu.Unlock()
				return
			}
			sb.got = append(sb.got, e)
			close(sb.changed)
			sb.changed = make(chan struct{})
			sb.mu.Unlock()
		}
	}()
	sb.stop = func() { cancel(); sub.Close(); <-done }
	return nil
}

func (sb *subscriber) disconnect() {
	sb.stop()
	sb.stop = nil
}

// reconnect resumes after the last event received (or where it started).
func (sb *subscriber) reconnect(b Bus) error {
	sb.mu.Lock()
	cursor := FromOldest
	if n := len(sb.got); n > 0 {
		cursor = sb.got[n-1].Cursor
	} else if !sb.fromOldest {
		cursor = cursorOf(b, sb.floor)
	}
	sb.mu.Unlock()
	return sb.connect(b, cursor)
}

// verify waits until a connected subscriber has the whole log, then checks
// its history: contiguous cursors, each event the log's event at that
// cursor (so each committed event once, in order, nothing rolled back),
// starting at the beginning or, from now, within [floor+1, ceil+1].
func (sb *subscriber) verify(ctx context.Context, log []Event) error {
	total := uint64(len(log))
	for sb.connected() {
		sb.mu.Lock()
		n, err, changed := len(sb.got), sb.err, sb.changed
		caughtUp := total == 0 || !sb.fromOldest && total <= sb.ceil // nothing to receive
		if n > 0 {
			caughtUp = mustSeq(sb.got[n-1].Cursor) == total
		}
		sb.mu.Unlock()
		if err != nil {
			return fmt.Errorf("Next failed: %w", err)
		}
		if caughtUp {
			break
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return fmt.Errorf("got %d events, the log has %d: %w", n, total, ctx.Err())
		}
	}
	sb.mu.Lock()
	defer sb.mu.Unlock()
	if sb.err != nil {
		return fmt.Errorf("Next failed: %w", sb.err)
	}
	for i, e := range sb.got {
		seq := mustSeq(e.Cursor)
		switch {
		case i == 0 && sb.fromOldest && seq != 1:
			return fmt.Errorf("first event %s, want the first of the log", e.Cursor)
		case i == 0 && !sb.fromOldest && (seq <= sb.floor || seq > sb.ceil+1):
			return fmt.Errorf("first event %s, want one published after Subscribe", e.Cursor)
		case i > 0 && seq != mustSeq(sb.got[i-1].Cursor)+1:
			return fmt.Errorf("event %s follows %s", e.Cursor, sb.got[i-1].Cursor)
		case seq > total:
			return fmt.Errorf("event %s beyond the log's %d events", e.Cursor, total)
		}
		if w := log[seq-1]; e.ID != w.ID || string(e.Payload) != string(w.Payload) || e.Cursor != w.Cursor {
			return fmt.Errorf("event at %s is %s, the log has %s there", e.Cursor, e.ID, w.ID)
		}
	}
	return nil
}

func mustSeq(c string) uint64 {
	n, err := CursorSeq(c)
	if err != nil {
		panic(err)
	}
	return n
}
