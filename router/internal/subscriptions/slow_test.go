package subscriptions_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/nexus-commerce/nexus/router/internal/gateway"
	"github.com/nexus-commerce/nexus/router/internal/subscriptions"
)

// logBuffer collects the handler's JSON log lines.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// slowLines returns the log lines that disconnect a slow consumer.
func (l *logBuffer) slowLines(t *testing.T) []map[string]any {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []map[string]any
	sc := bufio.NewScanner(bytes.NewReader(l.b.Bytes()))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var m map[string]any
		if json.Unmarshal(sc.Bytes(), &m) == nil && m["msg"] == "subscription client too slow; disconnecting" {
			out = append(out, m)
		}
	}
	return out
}

// checkSlowLog asserts one slow-consumer line with the reason, the
// transport, the client's address and the request id.
func checkSlowLog(t *testing.T, logs *logBuffer, reason, transport string) {
	t.Helper()
	lines := logs.slowLines(t)
	if len(lines) != 1 {
		t.Fatalf("%d slow-consumer log lines, want 1: %v", len(lines), lines)
	}
	l := lines[0]
	if l["level"] != "WARN" || l["reason"] != reason || l["transport"] != transport || l["remote"] == "" || l["request_id"] == "" || l["request_id"] == nil {
		t.Fatalf("slow-consumer log line %v, want level WARN, reason %s, transport %s, remote and request_id", l, reason, transport)
	}
}

// closeReason reads until the connection fails and returns the close
// frame's code and reason, and the seqs of the events read before it.
func (w *wsClient) closeReason() (websocket.StatusCode, string, []int) {
	w.t.Helper()
	var seqs []int
	for {
		m, err := w.readErr()
		if err != nil {
			var ce websocket.CloseError
			if errors.As(err, &ce) {
				return ce.Code, ce.Reason, seqs
			}
			w.t.Fatalf("connection ended without a close frame after %d events: %v", len(seqs), err)
		}
		if m.Type == "next" {
			seqs = append(seqs, anySeq(w.t, m.Payload))
		}
	}
}

// inOrder fails unless seqs are consecutive from their first.
func inOrder(t *testing.T, seqs []int) {
	t.Helper()
	for i := 1; i < len(seqs); i++ {
		if seqs[i] != seqs[i-1]+1 {
			t.Fatalf("event %d after %d", seqs[i], seqs[i-1])
		}
	}
}

// Queries with a large field, so that a few events fill the sockets.
const (
	replayNoteQuery = `subscription($topic: String!) { productEvents(topic: $topic) { seq note } }`
	liveNoteQuery   = `subscription { liveEvents { seq note } }`
)

// publishUntil publishes events with note on topic until done() holds,
// at most max of them, on its own goroutine (Publish blocks while the
// router holds the upstream back); it returns how many it published.
func publishUntil(t *testing.T, e *env, topic, note string, max int, done func() bool) int {
	t.Helper()
	n := make(chan int, 1)
	go func() {
		i := 0
		for ; i < max && !done(); i++ {
			e.events.Publish(topic, "product.updated", "p1", note)
		}
		n <- i
	}()
	eventually(t, "the client is disconnected", done)
	return <-n
}

// A client that stops reading is closed with 4013 "slow consumer: not
// reading", whether the router noticed it because a write took nothing for
// the write timeout (a live stream, which never waits; its buffer is made
// too large to fill first) or because a
// replaying stream's pace timeout passed with its buffer half full. The
// close frame waits in the kernel behind what the client had not read: it
// gets the events in order, then the code and reason. It is counted and
// logged once with its address and request id.
func TestNotReadingClientIsClosedWithReason(t *testing.T) {
	note := strings.Repeat("n", 64<<10)
	cases := []struct {
		name  string
		opts  subscriptions.Options
		query string
		vars  map[string]any
		topic string
	}{
		{"live stream, write timeout", subscriptions.Options{WriteTimeout: 300 * time.Millisecond, PaceTimeout: time.Hour, BufferMessages: 1 << 20, BufferBytes: 1 << 30}, liveNoteQuery, nil, "live"},
		{"replay, pace timeout", subscriptions.Options{WriteTimeout: time.Hour, PaceTimeout: 300 * time.Millisecond}, replayNoteQuery, map[string]any{"topic": "stall"}, "stall"},
		{"replay, write timeout", subscriptions.Options{WriteTimeout: 300 * time.Millisecond, PaceTimeout: time.Hour}, replayNoteQuery, map[string]any{"topic": "stall"}, "stall"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			logs := &logBuffer{}
			tc.opts.Log = slog.New(slog.NewJSONHandler(logs, nil))
			e := start(t, gateway.SubgraphSubscription{}, tc.opts)
			w := e.connect(t, "graphql-transport-ws", nil)
			w.subscribe("s", tc.query, tc.vars)
			if err := e.events.WaitSubscribers(ctx(t), tc.topic, 1); err != nil {
				t.Fatal(err)
			}
			sent := publishUntil(t, e, tc.topic, note, 10000, func() bool { return e.h.Stats().SlowConsumers > 0 })
			code, reason, seqs := w.closeReason()
			if code != subscriptions.CloseSlowConsumer || reason != "slow consumer: not reading" {
				t.Fatalf("closed with %d %q, want %d %q", code, reason, subscriptions.CloseSlowConsumer, "slow consumer: not reading")
			}
			if len(seqs) == 0 || seqs[0] != 1 || len(seqs) > sent {
				t.Fatalf("read %d events (first %v) of %d published before the close", len(seqs), seqs[:min(len(seqs), 1)], sent)
			}
			inOrder(t, seqs)
			if st := e.h.Stats(); st.SlowConsumers != 1 || st.SlowNotReading != 1 || st.SlowBufferFull != 0 {
				t.Fatalf("stats %+v, want one slow consumer, not reading", st)
			}
			checkSlowLog(t, logs, subscriptions.ReasonNotReading, "websocket")
		})
	}
}

// The same over SSE: the stream of a client that stops reading ends (no
// more can be written to it), counted and logged once.
func TestNotReadingSSEClientStreamEnds(t *testing.T) {
	note := strings.Repeat("n", 64<<10)
	cases := []struct {
		name  string
		opts  subscriptions.Options
		query string
		vars  map[string]any
		topic string
	}{
		{"live stream, write timeout", subscriptions.Options{WriteTimeout: 300 * time.Millisecond, PaceTimeout: time.Hour, BufferMessages: 1 << 20, BufferBytes: 1 << 30}, liveNoteQuery, nil, "live"},
		{"replay, pace timeout", subscriptions.Options{WriteTimeout: time.Hour, PaceTimeout: 300 * time.Millisecond}, replayNoteQuery, map[string]any{"topic": "stall"}, "stall"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			logs := &logBuffer{}
			tc.opts.Log = slog.New(slog.NewJSONHandler(logs, nil))
			e := start(t, gateway.SubgraphSubscription{}, tc.opts)
			s := e.sse(t, tc.query, tc.vars, nil)
			if err := e.events.WaitSubscribers(ctx(t), tc.topic, 1); err != nil {
				t.Fatal(err)
			}
			publishUntil(t, e, tc.topic, note, 10000, func() bool { return e.h.Stats().SlowConsumers > 0 })
			// The stream ends: whatever was on its way, then EOF or a
			// broken connection, never a hang.
			if _, err := io.Copy(io.Discard, s.r); err != nil && errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("the stream did not end: %v", err)
			}
			if st := e.h.Stats(); st.SlowConsumers != 1 || st.SlowNotReading != 1 {
				t.Fatalf("stats %+v, want one slow consumer, not reading", st)
			}
			checkSlowLog(t, logs, subscriptions.ReasonNotReading, "sse")
		})
	}
}

// A client far behind on a replaying stream (here: thousands of events
// published at once, far past the 256-message buffer) that reads at full
// speed gets every event, in order, and is never dropped: the replay is
// paced by what its socket accepts. Over WebSocket and SSE.
func TestReplayBurstIsPacedNotDropped(t *testing.T) {
	const events = 3000
	note := strings.Repeat("r", 1<<10)
	for _, tc := range []struct {
		transport string
		buffer    int
	}{{"websocket", 0}, {"sse", 0}, {"websocket", 16}, {"sse", 16}} {
		// The default buffer (256 messages), and a small one that an
		// unpaced burst overflows every time.
		t.Run(fmt.Sprintf("%s, buffer %d", tc.transport, tc.buffer), func(t *testing.T) {
			transport := tc.transport
			e := start(t, gateway.SubgraphSubscription{}, subscriptions.Options{BufferMessages: tc.buffer})
			vars := map[string]any{"topic": "burst"}
			next := subscribeAs(t, e, transport, replayNoteQuery, vars)
			if err := e.events.WaitSubscribers(ctx(t), "burst", 1); err != nil {
				t.Fatal(err)
			}
			go func() {
				for range events {
					e.events.Publish("burst", "product.updated", "p1", note)
				}
			}()
			for want := 1; want <= events; want++ {
				if got := anySeq(t, next()); got != want {
					t.Fatalf("event %d, want %d", got, want)
				}
			}
			if st := e.h.Stats(); st.SlowConsumers != 0 {
				t.Fatalf("stats %+v: a client reading at full speed was dropped", st)
			}
		})
	}
}

// A client that reads slowly but steadily on a replay is waited for, not
// dropped, however far behind the burst leaves it.
func TestSlowSteadyReaderOnReplayIsNotDropped(t *testing.T) {
	const events = 400
	for _, transport := range []string{"websocket", "sse"} {
		t.Run(transport, func(t *testing.T) {
			e := start(t, gateway.SubgraphSubscription{}, subscriptions.Options{BufferMessages: 32})
			vars := map[string]any{"topic": "steady"}
			next := subscribeAs(t, e, transport, replayNoteQuery, vars)
			if err := e.events.WaitSubscribers(ctx(t), "steady", 1); err != nil {
				t.Fatal(err)
			}
			go func() {
				for range events {
					e.events.Publish("steady", "product.updated", "p1", "")
				}
			}()
			for want := 1; want <= events; want++ {
				if got := anySeq(t, next()); got != want {
					t.Fatalf("event %d, want %d", got, want)
				}
				time.Sleep(time.Millisecond) // a slow client, not synchronisation
			}
			if st := e.h.Stats(); st.SlowConsumers != 0 {
				t.Fatalf("stats %+v: a slow but steady client was dropped", st)
			}
		})
	}
}

// On a live stream shared by several clients, one that stalls is dropped,
// never waited for: with the write and pace timeouts an hour long, the
// others still receive every event while it sits there, and it is closed
// once its buffer fills.
func TestLiveStreamDropsStalledMember(t *testing.T) {
	e := start(t, gateway.SubgraphSubscription{}, subscriptions.Options{BufferMessages: 16, WriteTimeout: time.Hour, PaceTimeout: time.Hour})
	note := strings.Repeat("l", 16<<10)
	fast := []*wsClient{e.connect(t, "graphql-transport-ws", nil), e.connect(t, "graphql-transport-ws", nil)}
	stalled := e.connect(t, "graphql-transport-ws", nil)
	for _, w := range append(fast, stalled) {
		w.subscribe("l", liveNoteQuery, nil)
	}
	e.waitGroups(t, 3)
	// A live stream starts when its upstream subscription does: events
	// published before that are no one's.
	if err := e.events.WaitSubscribers(ctx(t), "live", 1); err != nil {
		t.Fatal(err)
	}
	seq := 0
	for e.h.Stats().SlowConsumers == 0 {
		if seq == 5000 {
			t.Fatalf("the stalled client was never dropped (stats %+v)", e.h.Stats())
		}
		seq = e.events.Publish("live", "product.updated", "p1", note)
		for _, w := range fast {
			if got := anySeq(t, w.read().Payload); got != seq {
				t.Fatalf("a reading client got event %d, want %d", got, seq)
			}
		}
	}
	code, reason, seqs := stalled.closeReason()
	if code != subscriptions.CloseSlowConsumer || reason != "slow consumer: buffer full" {
		t.Fatalf("stalled client closed with %d %q, want %d %q", code, reason, subscriptions.CloseSlowConsumer, "slow consumer: buffer full")
	}
	inOrder(t, seqs)
	next := e.events.Publish("live", "product.updated", "p2", "")
	for _, w := range fast {
		if got := anySeq(t, w.read().Payload); got != next {
			t.Fatalf("a reading client got event %d after the stalled one left, want %d", got, next)
		}
	}
	if st := e.h.Stats(); st.SlowBufferFull != 1 || st.SlowNotReading != 0 {
		t.Fatalf("stats %+v, want one slow consumer, buffer full", st)
	}
}

// subscribeAs subscribes over transport and returns a function that
// reads the next result's payload.
func subscribeAs(t *testing.T, e *env, transport, query string, vars map[string]any) func() []byte {
	t.Helper()
	if transport == "sse" {
		s := e.sse(t, query, vars, nil)
		return func() []byte {
			t.Helper()
			ev, data := s.event()
			if ev != "next" {
				t.Fatalf("SSE event %s %s, want next", ev, data)
			}
			return []byte(data)
		}
	}
	w := e.connect(t, "graphql-transport-ws", nil)
	w.subscribe("1", query, vars)
	return func() []byte {
		t.Helper()
		m := w.read()
		if m.Type != "next" {
			t.Fatalf("got %s %s, want next", m.Type, m.Payload)
		}
		return m.Payload
	}
}

// anySeq reads the seq of a productEvents or liveEvents result.
func anySeq(t *testing.T, payload []byte) int {
	t.Helper()
	var r struct {
		Data map[string]struct {
			Seq int `json:"seq"`
		} `json:"data"`
	}
	if err := json.Unmarshal(payload, &r); err != nil || len(r.Data) != 1 {
		t.Fatalf("not an event: %.200s", payload)
	}
	for _, ev := range r.Data {
		if ev.Seq == 0 {
			t.Fatalf("not an event: %.200s", payload)
		}
		return ev.Seq
	}
	return 0
}
