package events

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"
)

// relayFixture is a schema with an outbox plus a bus on one implementation.
type relayFixture struct {
	db  *sqlx.DB
	dsn string
	bus positioned
}

// relayFixtures opens, per bus implementation, a database with schema
// "shop" and a bus for it.
func relayFixtures(t *testing.T) map[string]func(t *testing.T) relayFixture {
	return map[string]func(t *testing.T) relayFixture{
		"postgres": func(t *testing.T) relayFixture {
			db, dsn := testDB(t)
			createSchema(t, db, "shop")
			b, err := NewPGBus(context.Background(), db, dsn, "shop", PGOptions{})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { b.Close() })
			return relayFixture{db, dsn, b}
		},
		"nats": func(t *testing.T) relayFixture {
			db, dsn := testDB(t)
			createSchema(t, db, "shop")
			var f busFactory
			for _, x := range factories(t) {
				if x.name == "nats" {
					f = x
				}
			}
			b, _ := f.open(t, 0)
			return relayFixture{db, dsn, b}
		},
	}
}

// runRelay runs r until the returned stop is called (and waits for it).
func runRelay(t *testing.T, r *Relay) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := r.Run(ctx); err != nil {
			t.Errorf("Relay.Run: %v", err)
		}
	}()
	var once sync.Once
	stop = func() { once.Do(func() { cancel(); wg.Wait() }) }
	t.Cleanup(stop)
	return stop
}

// write appends evs in a transaction of its own and commits it.
func write(t *testing.T, db *sqlx.DB, evs ...Event) {
	t.Helper()
	tx := db.MustBegin()
	if err := (Outbox{Schema: "shop"}).Append(context.Background(), tx, evs...); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

func TestRelayPublishesLateCommitsAndNoRollbacks(t *testing.T) {
	for name, open := range relayFixtures(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			f := open(t)
			sub, err := f.bus.Subscribe(ctx, FromOldest)
			if err != nil {
				t.Fatal(err)
			}
			runRelay(t, &Relay{DB: f.db, DSN: f.dsn, Schema: "shop", Bus: f.bus})
			o := Outbox{Schema: "shop"}
			early, late, gone := testEvents(2, "early"), testEvents(2, "late"), testEvents(1, "gone")
			txEarly, txLate, txGone := f.db.MustBegin(), f.db.MustBegin(), f.db.MustBegin()
			for _, w := range []struct {
				tx  *sqlx.Tx
				evs []Event
			}{{txEarly, early}, {txGone, gone}, {txLate, late}} {
				if err := o.Append(ctx, w.tx, w.evs...); err != nil { // outbox ids in this order
					t.Fatal(err)
				}
			}
			if err := txLate.Commit(); err != nil { // the higher ids commit first
				t.Fatal(err)
			}
			got := collect(t, sub, 2)
			if err := txGone.Rollback(); err != nil {
				t.Fatal(err)
			}
			if err := txEarly.Commit(); err != nil {
				t.Fatal(err)
			}
			got = append(got, collect(t, sub, 2)...)
			late[0].Cursor, late[1].Cursor = cursorOf(f.bus, 1), cursorOf(f.bus, 2)
			early[0].Cursor, early[1].Cursor = cursorOf(f.bus, 3), cursorOf(f.bus, 4)
			assertEvents(t, "relayed", got, append(late, early...))
			// One more commit proves the rolled-back event was never
			// published: it would have taken cursor 5.
			next := testEvents(1, "next")
			write(t, f.db, next...)
			next[0].Cursor = cursorOf(f.bus, 5)
			assertEvents(t, "after the rollback", collect(t, sub, 1), next)
		})
	}
}

// crashBus publishes through the real bus and then "crashes" the relay
// before it can delete the outbox rows: it cancels the relay's context.
type crashBus struct {
	Bus
	crash context.CancelFunc
}

func (c crashBus) Publish(ctx context.Context, evs []Event) error {
	if err := c.Bus.Publish(ctx, evs); err != nil {
		return err
	}
	c.crash()
	return errors.New("relay killed after Publish")
}

func TestRelayKilledBetweenPublishAndDelete(t *testing.T) {
	for name, open := range relayFixtures(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			f := open(t)
			evs := testEvents(3, "a")
			write(t, f.db, evs...)
			crashCtx, crash := context.WithCancel(ctx)
			if err := (&Relay{DB: f.db, Schema: "shop", Bus: crashBus{f.bus, crash}}).Run(crashCtx); err != nil {
				t.Fatal(err)
			}
			var left int
			if err := f.db.Get(&left, `SELECT count(*) FROM shop.outbox`); err != nil || left != 3 {
				t.Fatalf("outbox has %d rows (%v) after the crash, want the 3 published but undeleted", left, err)
			}
			sub, err := f.bus.Subscribe(ctx, FromOldest)
			if err != nil {
				t.Fatal(err)
			}
			runRelay(t, &Relay{DB: f.db, DSN: f.dsn, Schema: "shop", Bus: f.bus})
			more := testEvents(1, "b")
			write(t, f.db, more...)
			all := append(evs, more...)
			for i := range all {
				all[i].Cursor = cursorOf(f.bus, uint64(i+1))
			}
			assertEvents(t, "log after the restarted relay", collect(t, sub, 4), all)
		})
	}
}

// cursorOf is the cursor of position n on b's implementation.
func cursorOf(b Bus, n uint64) string {
	if _, ok := b.(*NATSBus); ok {
		return formatCursor(jsPrefix, n)
	}
	return formatCursor(pgPrefix, n)
}

// A relay that crashed between Publish and the delete, restarted after
// JetStream's duplicate window has passed: Nats-Msg-Id no longer stops the
// republish, so the new relay must find the published events in the stream
// itself. Every event is in the log exactly once.
func TestRelayRestartedAfterTheDuplicateWindow(t *testing.T) {
	ctx := context.Background()
	db, dsn := testDB(t)
	createSchema(t, db, "shop")
	srv := startNATS(t)
	n := logCount.Add(1)
	const window = 200 * time.Millisecond
	bus, err := NewNATSBus(ctx, NATSOptions{URL: srv.URL, Stream: fmt.Sprintf("test_%d", n),
		Subject: fmt.Sprintf("test.%d.events", n), DuplicateWindow: window})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { bus.Close() })

	evs := testEvents(3, "a")
	write(t, db, evs...)
	crashCtx, crash := context.WithCancel(ctx)
	if err := (&Relay{DB: db, Schema: "shop", Bus: crashBus{bus, crash}}).Run(crashCtx); err != nil {
		t.Fatal(err)
	}
	time.Sleep(3 * window) // the stream forgets the ids

	// A new process: a new bus on the same stream, a new relay.
	bus2, err := NewNATSBus(ctx, NATSOptions{URL: srv.URL, Stream: fmt.Sprintf("test_%d", n),
		Subject: fmt.Sprintf("test.%d.events", n), DuplicateWindow: window})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { bus2.Close() })
	runRelay(t, &Relay{DB: db, DSN: dsn, Schema: "shop", Bus: bus2})
	more := testEvents(1, "b")
	write(t, db, more...)
	sub, err := bus2.Subscribe(ctx, FromOldest)
	if err != nil {
		t.Fatal(err)
	}
	all := append(evs, more...)
	for i := range all {
		all[i].Cursor = formatCursor(jsPrefix, uint64(i+1))
	}
	assertEvents(t, "log after the restarted relay", collect(t, sub, 4), all)
	// The relay deletes the rows right after publishing them.
	deadline := time.Now().Add(10 * time.Second)
	for {
		var left int
		if err := db.Get(&left, `SELECT count(*) FROM shop.outbox`); err != nil {
			t.Fatal(err)
		}
		if left == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("outbox still has %d rows, want 0", left)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
