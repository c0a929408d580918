package events

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/uuid"
)

// positioned is what both buses offer beyond Bus.
type positioned interface {
	Bus
	Oldest(ctx context.Context) (string, error)
	Latest(ctx context.Context) (string, error)
}

// busFactory opens a fresh, empty log on one bus implementation; maxEvents
// > 0 limits retention by count, and prune applies it (PostgreSQL runs
// retention as a janitor; JetStream applies MaxMsgs on every publish).
type busFactory struct {
	name   string
	prefix string
	open   func(t *testing.T, maxEvents int) (b positioned, prune func())
}

var logCount atomic.Int64

// factories returns the PostgreSQL and the NATS factory; every bus test
// runs against both.
func factories(t *testing.T) []busFactory {
	return []busFactory{
		{name: "postgres", prefix: pgPrefix, open: func(t *testing.T, maxEvents int) (positioned, func()) {
			db, dsn := testDB(t)
			createSchema(t, db, "ev")
			b, err := NewPGBus(context.Background(), db, dsn, "ev", PGOptions{MaxEvents: maxEvents, PruneInterval: 1 << 62})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { b.Close() })
			return b, func() {
				if _, err := b.Prune(context.Background()); err != nil {
					t.Fatal(err)
				}
			}
		}},
		{name: "nats", prefix: jsPrefix, open: func(t *testing.T, maxEvents int) (positioned, func()) {
			srv := startNATS(t)
			n := logCount.Add(1)
			b, err := NewNATSBus(context.Background(), NATSOptions{URL: srv.URL, Stream: fmt.Sprintf("test_%d", n),
				Subject: fmt.Sprintf("test.%d.events", n), MaxEvents: int64(maxEvents)})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { b.Close() })
			return b, func() {}
		}},
	}
}

func TestBusDeliversInOrderFromEveryStart(t *testing.T) {
	for _, f := range factories(t) {
		t.Run(f.name, func(t *testing.T) {
			ctx := context.Background()
			b, _ := f.open(t, 0)
			old, err := b.Subscribe(ctx, FromOldest)
			if err != nil {
				t.Fatal(err)
			}
			first := testEvents(3, "a")
			if err := b.Publish(ctx, first); err != nil {
				t.Fatal(err)
			}
			for i, e := range first {
				if want := fmt.Sprintf("%s%d", f.prefix, i+1); e.Cursor != want {
					t.Fatalf("Publish set cursor %q on event %d, want %q", e.Cursor, i, want)
				}
			}
			now, err := b.Subscribe(ctx, "")
			if err != nil {
				t.Fatal(err)
			}
			second := testEvents(2, "b")
			if err := b.Publish(ctx, second); err != nil {
				t.Fatal(err)
			}
			all := append(append([]Event{}, first...), second...)
			assertEvents(t, "FromOldest", collect(t, old, 5), all)
			assertEvents(t, `""`, collect(t, now, 2), second)
			mid, err := b.Subscribe(ctx, first[1].Cursor)
			if err != nil {
				t.Fatal(err)
			}
			assertEvents(t, "after "+first[1].Cursor, collect(t, mid, 3), all[2:])
			if o, err := b.Oldest(ctx); err != nil || o != f.prefix+"0" {
				t.Fatalf("Oldest = %q, %v; want %s0", o, err, f.prefix)
			}
			if l, err := b.Latest(ctx); err != nil || l != f.prefix+"5" {
				t.Fatalf("Latest = %q, %v; want %s5", l, err, f.prefix)
			}
		})
	}
}

// assertEvents compares what a subscriber got with what was published.
func assertEvents(t *testing.T, what string, got, want []Event) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: got %d events, want %d", what, len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.ID != w.ID || g.Type != w.Type || g.AggregateID != w.AggregateID || string(g.Payload) != string(w.Payload) ||
			!g.OccurredAt.Equal(w.OccurredAt) || g.Cursor != w.Cursor {
			t.Fatalf("%s: event %d = %+v, want %+v", what, i, g, w)
		}
	}
}

func TestBusPublishIsIdempotent(t *testing.T) {
	for _, f := range factories(t) {
		t.Run(f.name, func(t *testing.T) {
			ctx := context.Background()
			b, _ := f.open(t, 0)
			evs := testEvents(3, "a")
			if err := b.Publish(ctx, evs[:2]); err != nil {
				t.Fatal(err)
			}
			again := append([]Event{}, evs...) // a relay retrying a batch that partly went through
			for i := range again {
				again[i].Cursor = ""
			}
			if err := b.Publish(ctx, again); err != nil {
				t.Fatal(err)
			}
			for i, want := range []string{"1", "2", "3"} {
				if again[i].Cursor != f.prefix+want {
					t.Fatalf("republished event %d got cursor %q, want %s%s", i, again[i].Cursor, f.prefix, want)
				}
			}
			if l, _ := b.Latest(ctx); l != f.prefix+"3" {
				t.Fatalf("Latest = %s after republishing, want %s3 (no duplicate)", l, f.prefix)
			}
			sub, err := b.Subscribe(ctx, FromOldest)
			if err != nil {
				t.Fatal(err)
			}
			evs[2].Cursor = again[2].Cursor
			assertEvents(t, "log", collect(t, sub, 3), evs)
		})
	}
}

func TestBusRefusesCursors(t *testing.T) {
	for _, f := range factories(t) {
		t.Run(f.name, func(t *testing.T) {
			ctx := context.Background()
			b, prune := f.open(t, 3)
			if err := b.Publish(ctx, testEvents(10, "a")); err != nil {
				t.Fatal(err)
			}
			prune()
			other := map[string]string{pgPrefix: jsPrefix, jsPrefix: pgPrefix}[f.prefix]
			for _, c := range []string{"nope", other + "8", f.prefix + "x", f.prefix + "-1", f.prefix + "08", f.prefix + "11"} {
				if _, err := b.Subscribe(ctx, c); !errors.Is(err, ErrBadCursor) {
					t.Errorf("Subscribe(%q) = %v, want ErrBadCursor", c, err)
				}
			}
			_, err := b.Subscribe(ctx, f.prefix+"6")
			var exp *CursorExpiredError
			if !errors.As(err, &exp) || !errors.Is(err, ErrCursorExpired) {
				t.Fatalf("Subscribe(%s6) with events 8..10 retained = %v, want *CursorExpiredError", f.prefix, err)
			}
			want := fmt.Sprintf("cursor %s6 is older than the retained events (oldest %s7); refetch the current state and subscribe without a cursor", f.prefix, f.prefix)
			if err.Error() != want || exp.Oldest != f.prefix+"7" {
				t.Fatalf("error = %q (Oldest %q), want %q", err, exp.Oldest, want)
			}
			if o, _ := b.Oldest(ctx); o != f.prefix+"7" {
				t.Fatalf("Oldest = %q, want %s7", o, f.prefix)
			}
			for _, c := range []string{f.prefix + "7", FromOldest} {
				sub, err := b.Subscribe(ctx, c)
				if err != nil {
					t.Fatalf("Subscribe(%s): %v", c, err)
				}
				if got := collect(t, sub, 3); got[0].Cursor != f.prefix+"8" || got[2].Cursor != f.prefix+"10" {
					t.Fatalf("Subscribe(%s) delivered %s..%s, want 8..10", c, got[0].Cursor, got[2].Cursor)
				}
				sub.Close()
			}
		})
	}
}

func TestBusSubscriberOvertakenByRetention(t *testing.T) {
	for _, f := range factories(t) {
		t.Run(f.name, func(t *testing.T) {
			ctx := context.Background()
			b, prune := f.open(t, 3)
			if err := b.Publish(ctx, testEvents(2, "a")); err != nil {
				t.Fatal(err)
			}
			sub, err := b.Subscribe(ctx, FromOldest)
			if err != nil {
				t.Fatal(err)
			}
			if got := collect(t, sub, 1); got[0].Cursor != f.prefix+"1" {
				t.Fatalf("first event %s, want %s1", got[0].Cursor, f.prefix)
			}
			// Far more than either bus prefetches (PostgreSQL reads 256 at a
			// time, the ordered consumer buffers up to 500): events it
			// buffered before the prune may still come, contiguously, but
			// then the gap must be an error, never a silent jump.
			const n = 1200
			if err := b.Publish(ctx, testEvents(n, "b")); err != nil {
				t.Fatal(err)
			}
			prune()
			last := uint64(1)
			for {
				e, err := sub.Next(ctx)
				if err != nil {
					if !errors.Is(err, ErrCursorExpired) {
						t.Fatalf("Next after %s%d = %v, want ErrCursorExpired", f.prefix, last, err)
					}
					break
				}
				seq, _ := CursorSeq(e.Cursor)
				if seq != last+1 || seq > n+2-3 {
					t.Fatalf("delivered %s after %s%d: a jump across the retention gap", e.Cursor, f.prefix, last)
				}
				last = seq
			}
		})
	}
}

func TestBusClose(t *testing.T) {
	for _, f := range factories(t) {
		t.Run(f.name, func(t *testing.T) {
			ctx := context.Background()
			b, _ := f.open(t, 0)
			a, err := b.Subscribe(ctx, "")
			if err != nil {
				t.Fatal(err)
			}
			c, err := b.Subscribe(ctx, "")
			if err != nil {
				t.Fatal(err)
			}
			done := make(chan error)
			go func() { _, err := a.Next(ctx); done <- err }()
			a.Close()
			if err := <-done; !errors.Is(err, ErrClosed) {
				t.Fatalf("Next after subscription Close = %v, want ErrClosed", err)
			}
			go func() { _, err := c.Next(ctx); done <- err }()
			b.Close()
			if err := <-done; err == nil {
				t.Fatal("Next after bus Close returned an event")
			}
			if _, err := b.Subscribe(ctx, ""); !errors.Is(err, ErrClosed) {
				t.Fatalf("Subscribe after Close = %v, want ErrClosed", err)
			}
		})
	}
}

func TestCursorFormat(t *testing.T) {
	for _, c := range []struct {
		in   string
		seq  uint64
		fail bool
	}{{"pg:0", 0, false}, {"pg:42", 42, false}, {"js:7", 7, false}, {"pg:", 0, true}, {"pg:007", 0, true},
		{"js:1x", 0, true}, {"42", 0, true}, {FromOldest, 0, true}, {"pg:" + strings.Repeat("9", 30), 0, true}} {
		seq, err := CursorSeq(c.in)
		if (err != nil) != c.fail || seq != c.seq {
			t.Errorf("CursorSeq(%q) = %d, %v; want %d, failure %v", c.in, seq, err, c.seq, c.fail)
		}
		if c.fail && !errors.Is(err, ErrBadCursor) {
			t.Errorf("CursorSeq(%q) error %v does not wrap ErrBadCursor", c.in, err)
		}
	}
	_ = uuid.Nil
}
