package busmodel

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"
)

// subscriber is one client of catalogEvents through the router, behaving
// as a real resuming client does: it remembers the cursor of the last
// event it received and, whenever its stream ends without its asking (an
// error, complete, a close code, a dropped connection, a refused dial),
// subscribes again with `after:` that cursor. A live subscriber that has
// received nothing yet resumes from the head of the log when it joined
// (joinHead), which is what "live from when it joined" means on resume.
type subscriber struct {
	n    int    // the model's number for it
	how  string // "SSE" or "WebSocket"
	name string // operation name; "" for the anonymous operation identical clients share
	url  string
	pre  string // cursor prefix of the bus
	// live subscribers start without a cursor; the others with after.
	live  bool
	after int64
	// joinHead is the log's head when it subscribed.
	joinHead int64

	// changed is signalled (without blocking) after every event and end:
	// the model waits on it.
	changed chan struct{}

	ctx    context.Context
	cancel context.CancelFunc
	done   chan struct{}

	mu      sync.Mutex
	cursors []string
	// ends lists why each stream ended before the subscriber left
	// (errors and completes the router sent, closes, refused dials).
	ends []string
	// subscribed counts subscribe requests (the first and every resume).
	subscribed int
}

func (s *subscriber) String() string {
	mode := fmt.Sprintf("after %s%d", s.pre, s.after)
	if s.live {
		mode = fmt.Sprintf("live (head at join %s%d)", s.pre, s.joinHead)
	}
	op := "shared operation"
	if s.name != "" {
		op = "operation " + s.name
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return fmt.Sprintf("subscriber %d (%s, %s, %s, %d subscribes)", s.n, s.how, mode, op, s.subscribed)
}

// query is the subscriber's operation from cursor after ("" for live).
func (s *subscriber) query(after string) string {
	args := ""
	if after != "" {
		args = fmt.Sprintf(`(after: %q)`, after)
	}
	return fmt.Sprintf(`subscription %s{ catalogEvents%s { cursor } }`, s.name+" ", args)
}

// start runs the subscriber until leave.
func (s *subscriber) start() {
	s.ctx, s.cancel = context.WithCancel(context.Background())
	s.done = make(chan struct{})
	go s.run()
}

// leave ends the subscription (the client asks) and waits for it.
func (s *subscriber) leave() {
	s.cancel()
	<-s.done
}

func (s *subscriber) run() {
	defer close(s.done)
	pause := 10 * time.Millisecond
	for {
		after := s.resumeFrom()
		s.mu.Lock()
		s.subscribed++
		s.mu.Unlock()
		var why string
		var got bool
		if s.how == "SSE" {
			got, why = s.sse(after)
		} else {
			got, why = s.ws(after)
		}
		if s.ctx.Err() != nil {
			return
		}
		s.mu.Lock()
		s.ends = append(s.ends, why)
		s.mu.Unlock()
		s.signal()
		if got {
			pause = 10 * time.Millisecond
		}
		// A pause before resuming, as real clients back off (the router or
		// the subgraph may be restarting); not a wait for anything.
		select {
		case <-s.ctx.Done():
			return
		case <-time.After(pause):
		}
		pause = min(2*pause, 250*time.Millisecond)
	}
}

// resumeFrom is the cursor to subscribe after: the last event received;
// before any, after for a replaying subscriber, nothing for a live one's
// first subscribe and its head at join for a live one's resume.
func (s *subscriber) resumeFrom() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case len(s.cursors) > 0:
		return s.cursors[len(s.cursors)-1]
	case !s.live:
		return fmt.Sprintf("%s%d", s.pre, s.after)
	case s.subscribed == 0:
		return ""
	default:
		return fmt.Sprintf("%s%d", s.pre, s.joinHead)
	}
}

// add records one result; false when it is not an event (an error), which
// ends the stream: the client resumes from its last cursor.
func (s *subscriber) add(payload []byte) (bool, string) {
	var msg struct {
		Data *struct {
			CatalogEvents *struct{ Cursor string } `json:"catalogEvents"`
		} `json:"data"`
		Errors json.RawMessage `json:"errors"`
	}
	if err := json.Unmarshal(payload, &msg); err != nil || len(msg.Errors) > 0 || msg.Data == nil ||
		msg.Data.CatalogEvents == nil || msg.Data.CatalogEvents.Cursor == "" {
		return false, "result " + clip(payload)
	}
	s.mu.Lock()
	s.cursors = append(s.cursors, msg.Data.CatalogEvents.Cursor)
	s.mu.Unlock()
	s.signal()
	return true, ""
}

func (s *subscriber) signal() {
	select {
	case s.changed <- struct{}{}:
	default:
	}
}

// received returns the cursors received so far, in order.
func (s *subscriber) received() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.cursors)
}

// sse subscribes once over GraphQL over SSE and reads until the stream
// ends; it reports whether an event arrived and why the stream ended.
func (s *subscriber) sse(after string) (bool, string) {
	ctx, cancel := context.WithCancel(s.ctx)
	defer cancel()
	body, _ := json.Marshal(map[string]any{"query": s.query(after)})
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, s.url, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "text/event-stream")
	resp, err := streamClient.Do(req)
	if err != nil {
		return false, "SSE request: " + err.Error()
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		return false, fmt.Sprintf("SSE answered HTTP %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	event, got := "", false
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "event:"):
			event = strings.TrimSpace(strings.TrimPrefix(line, "event:"))
			if event == "complete" {
				return got, "SSE complete"
			}
		case strings.HasPrefix(line, "data:") && event == "next":
			ok, why := s.add([]byte(strings.TrimSpace(strings.TrimPrefix(line, "data:"))))
			if !ok {
				return got, "SSE " + why
			}
			got = true
		}
	}
	return got, fmt.Sprintf("SSE stream ended (%v)", sc.Err())
}

// ws subscribes once over WebSocket (graphql-transport-ws, a connection
// of its own) and reads until the stream ends.
func (s *subscriber) ws(after string) (bool, string) {
	ctx, cancel := context.WithCancel(s.ctx)
	defer cancel()
	conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(s.url, "http"),
		&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		return false, "WebSocket dial: " + err.Error()
	}
	defer conn.CloseNow()
	conn.SetReadLimit(1 << 20)
	if err := wsjson.Write(ctx, conn, map[string]any{"type": "connection_init", "payload": map[string]any{}}); err != nil {
		return false, "connection_init: " + err.Error()
	}
	var ack struct{ Type string }
	if err := wsjson.Read(ctx, conn, &ack); err != nil || ack.Type != "connection_ack" {
		return false, fmt.Sprintf("connection_ack: %+v, %v", ack, err)
	}
	if err := wsjson.Write(ctx, conn, map[string]any{"id": "1", "type": "subscribe",
		"payload": map[string]any{"query": s.query(after)}}); err != nil {
		return false, "subscribe: " + err.Error()
	}
	got := false
	for {
		var m struct {
			Type    string          `json:"type"`
			Payload json.RawMessage `json:"payload"`
		}
		if err := wsjson.Read(ctx, conn, &m); err != nil {
			return got, "WebSocket read: " + err.Error()
		}
		switch m.Type {
		case "next":
			ok, why := s.add(m.Payload)
			if !ok {
				_ = conn.Close(websocket.StatusNormalClosure, "")
				return got, "WebSocket " + why
			}
			got = true
		case "ping":
			_ = wsjson.Write(ctx, conn, map[string]any{"type": "pong"})
		case "error", "complete":
			_ = conn.Close(websocket.StatusNormalClosure, "")
			return got, "WebSocket " + m.Type + " " + clip(m.Payload)
		}
	}
}

// streamClient has no timeout: a subscription lasts until it ends.
var streamClient = &http.Client{}
