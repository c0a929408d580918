package subscriptions

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/coder/websocket"
)

// ResumeQuery is what the storms' clients run: every catalog event after
// a cursor, the bus's resumable stream.
const ResumeQuery = `subscription Resume($after: String) { catalogEvents(after: $after) { cursor id type occurredAt } }`

// cursorPrefix starts every cursor of the PostgreSQL bus ("pg:<seq>"), the
// bus the benchmark's product subgraph runs; the sequence number is the
// event log's seq.
const cursorPrefix = "pg:"

// Backoff is a reconnecting client's wait before each new connection, as
// graphql-ws's default retryWait computes it: Base doubled per retry
// (up to MaxDoublings times) plus a uniform jitter in [JitterMin,
// JitterMax). A session that delivered an event resets the retries.
type Backoff struct {
	Base                 time.Duration
	JitterMin, JitterMax time.Duration
	MaxDoublings         int
}

// GraphQLWSBackoff is graphql-ws's randomisedExponentialBackoff: 1 s
// doubled per retry plus 300 ms to 3 s of jitter. graphql-ws gives up
// after 5 retries; the benchmark's clients never do, so the doubling
// stops at 8 s.
var GraphQLWSBackoff = Backoff{Base: time.Second, JitterMin: 300 * time.Millisecond, JitterMax: 3 * time.Second, MaxDoublings: 3}

// Wait is the pause before reconnecting after retries failed sessions in
// a row (0 for the first reconnection); u is a uniform sample in [0, 1).
func (b Backoff) Wait(retries int, u float64) time.Duration {
	d := b.Base << min(max(retries, 0), b.MaxDoublings)
	return d + b.JitterMin + time.Duration(u*float64(b.JitterMax-b.JitterMin))
}

// logEvent is one catalog event as a resuming client received it: its
// position in the event log (the cursor's sequence number) and when it was
// committed and received. 24 bytes: a storm keeps a million of them.
type logEvent struct {
	seq      int64
	occurred int64 // occurredAt, Unix ns (set inside the transaction)
	received int64 // Unix ns when the frame was read
}

// resumer is one client of the storms: one graphql-transport-ws
// connection at a time with one catalogEvents(after:) subscription. It
// remembers the cursor of the last event it received and, whenever the
// session ends for any reason (the connection closed, an error, a
// complete), connects again after a backoff and subscribes with after:
// that cursor. Only its own goroutine (run) touches its fields, except
// the atomics; the round reads the rest once run has returned.
type resumer struct {
	start int64 // seq of the starting cursor
	last  int64 // seq of the last event received (start before any)
	got   []logEvent
	// highest is the largest seq received so far (the drain waits on it).
	highest atomic.Int64
	// live is set by the first event.
	live atomic.Bool
	// The ways sessions ended other than the round stopping them.
	closes, errors, completes, dialFailures int
	closeCodes                              map[websocket.StatusCode]int
	// firstError and firstClose keep one example of each.
	firstError, firstClose string
	sessions               int
}

func newResumer(start int64) *resumer {
	c := &resumer{start: start, last: start, closeCodes: map[websocket.StatusCode]int{}}
	c.highest.Store(start)
	return c
}

// interrupted reports whether any session ended without the round asking.
func (c *resumer) interrupted() bool { return c.closes+c.errors+c.completes > 0 }

// sessionEnd says why a session ended.
type sessionEnd int

const (
	endStopped  sessionEnd = iota // the round ended (ctx)
	endDial                       // could not connect or subscribe
	endClose                      // the connection closed or broke
	endError                      // an error message, or a result with errors
	endComplete                   // the server completed the subscription
)

// run keeps the client subscribed until ctx ends. dialed, when set, is
// called once after the first connection attempt with its error (nil when
// the subscribe message went out).
func (c *resumer) run(ctx context.Context, url string, hc *http.Client, b Backoff, rng *rand.Rand, dialed func(error)) {
	retries := 0
	for attempt := 0; ctx.Err() == nil; attempt++ {
		if attempt > 0 {
			t := time.NewTimer(b.Wait(retries, rng.Float64()))
			select {
			case <-ctx.Done():
				t.Stop()
				return
			case <-t.C:
			}
			retries++
		}
		before := len(c.got)
		end, err := c.session(ctx, url, hc, func(err error) {
			if dialed != nil {
				dialed(err)
				dialed = nil
			}
		})
		if len(c.got) > before {
			retries = 0
		}
		switch end {
		case endStopped:
			return
		case endDial:
			c.dialFailures++
		case endClose:
			c.closes++
			c.closeCodes[websocket.CloseStatus(err)]++
			if c.firstClose == "" {
				c.firstClose = err.Error()
			}
		case endError:
			c.errors++
			if c.firstError == "" {
				c.firstError = err.Error()
			}
		case endComplete:
			c.completes++
		}
	}
}

// session connects, subscribes after the last cursor and reads until the
// session ends; err says how it ended (nil when the round stopped it).
func (c *resumer) session(ctx context.Context, url string, hc *http.Client, dialed func(error)) (sessionEnd, error) {
	c.sessions++
	dctx, cancel := context.WithTimeout(ctx, dialTimeout)
	conn, err := dial(dctx, url, ResumeQuery, map[string]any{"after": cursorPrefix + strconv.FormatInt(c.last, 10)}, hc)
	cancel()
	dialed(err)
	if err != nil {
		if ctx.Err() != nil {
			return endStopped, nil
		}
		return endDial, err
	}
	defer conn.CloseNow()
	for {
		_, data, err := conn.Read(ctx)
		now := time.Now().UnixNano()
		if err != nil {
			if ctx.Err() != nil {
				return endStopped, nil
			}
			return endClose, fmt.Errorf("read: %w (close status %d)", err, websocket.CloseStatus(err))
		}
		m, err := decodeResume(data)
		if err != nil {
			// A message the client cannot read ends the session like an
			// error would in a real client; it is counted as one.
			_ = conn.Close(websocket.StatusProtocolError, "undecodable message")
			return endError, err
		}
		switch m.kind {
		case "next":
			m.d.received = now
			c.got = append(c.got, m.d)
			c.last = m.d.seq
			if m.d.seq > c.highest.Load() {
				c.highest.Store(m.d.seq)
			}
			c.live.Store(true)
		case "ping":
			if err := conn.Write(ctx, websocket.MessageText, []byte(`{"type":"pong"}`)); err != nil {
				if ctx.Err() != nil {
					return endStopped, nil
				}
				return endClose, fmt.Errorf("pong: %w (close status %d)", err, websocket.CloseStatus(err))
			}
		case "pong":
		case "error":
			// Close at once, as a graphql-ws client whose subscription
			// failed would before retrying; a complete that may follow is
			// not waited for.
			_ = conn.Close(websocket.StatusNormalClosure, "")
			return endError, errors.New(m.text)
		case "complete":
			_ = conn.Close(websocket.StatusNormalClosure, "")
			return endComplete, nil
		default:
			_ = conn.Close(websocket.StatusProtocolError, "unexpected message")
			return endError, fmt.Errorf("unexpected message %.200s", data)
		}
	}
}

// resumeMessage is one server message as a resuming client reads it.
type resumeMessage struct {
	// kind is the message type, with "error" also for a next whose
	// payload carries errors (the router's upstream failures today).
	kind string
	d    logEvent
	text string // the errors, for kind "error"
}

// resumeWire decodes a graphql-transport-ws message with a catalogEvents
// result in one pass.
type resumeWire struct {
	Type    string `json:"type"`
	Payload struct {
		Data *struct {
			CatalogEvents *struct {
				Cursor     string `json:"cursor"`
				OccurredAt string `json:"occurredAt"`
			} `json:"catalogEvents"`
		} `json:"data"`
		Errors json.RawMessage `json:"errors"`
	} `json:"payload"`
}

// decodeResume reads one server message. A next without an event and
// without errors, or whose cursor is not the PostgreSQL bus's, is an error.
func decodeResume(data []byte) (resumeMessage, error) {
	var w resumeWire
	if err := json.Unmarshal(data, &w); err != nil {
		// An error message's payload is an array of errors, not an object.
		var m message
		if err2 := json.Unmarshal(data, &m); err2 != nil {
			return resumeMessage{}, fmt.Errorf("undecodable message %.200s: %w", data, err)
		}
		if m.Type == "error" {
			return resumeMessage{kind: "error", text: fmt.Sprintf("error %.300s", m.Payload)}, nil
		}
		return resumeMessage{}, fmt.Errorf("undecodable %s message %.200s: %w", m.Type, data, err)
	}
	if w.Type != "next" {
		return resumeMessage{kind: w.Type, text: fmt.Sprintf("%s %.300s", w.Type, data)}, nil
	}
	if len(w.Payload.Errors) > 0 && string(w.Payload.Errors) != "null" {
		return resumeMessage{kind: "error", text: fmt.Sprintf("next with errors %.300s", w.Payload.Errors)}, nil
	}
	if w.Payload.Data == nil || w.Payload.Data.CatalogEvents == nil {
		return resumeMessage{}, fmt.Errorf("next without an event: %.300s", data)
	}
	ev := w.Payload.Data.CatalogEvents
	digits, ok := strings.CutPrefix(ev.Cursor, cursorPrefix)
	seq, err := strconv.ParseInt(digits, 10, 64)
	if !ok || err != nil || seq <= 0 {
		return resumeMessage{}, fmt.Errorf("cursor %q is not the PostgreSQL bus's (pg:<seq>)", ev.Cursor)
	}
	at, err := time.Parse(time.RFC3339Nano, ev.OccurredAt)
	if err != nil {
		return resumeMessage{}, fmt.Errorf("event %s occurredAt: %w", ev.Cursor, err)
	}
	return resumeMessage{kind: "next", d: logEvent{seq: seq, occurred: at.UnixNano()}}, nil
}
