package hostile

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// closeCodes: an invalid frame right after connection_init gets the
// connection_ack and then close 4400, every time (finding 5: the close
// frame, and often the ack, were lost in 16 of 30 tries).
func (s *stack) closeCodes(t *testing.T) {
	frames := []string{`not json`, `{"type":""}`, `{"type":"bogus"}`, `{"id":"1"}`, `[]`}
	const tries = 30
	var (
		mu       sync.Mutex
		failures []string
		wg       sync.WaitGroup
		slots    = make(chan struct{}, 6)
	)
	// Each try is a conversation of its own, run six at a time and
	// reported back as text.
	for i := range tries {
		frame := frames[i%len(frames)]
		slots <- struct{}{}
		wg.Go(func() {
			defer func() { <-slots }()
			if msg := s.invalidAfterInit(frame); msg != "" {
				mu.Lock()
				failures = append(failures, fmt.Sprintf("try %d (%s): %s", i, frame, msg))
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if len(failures) > 0 {
		t.Fatalf("%d of %d tries did not get connection_ack then close 4400:\n%v", len(failures), tries, failures)
	}
	s.stillAnswers(t)
}

// invalidAfterInit sends connection_init and an invalid frame back to
// back and says what went wrong ("" when ack then 4400 arrived).
func (s *stack) invalidAfterInit(frame string) string {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := s.wsDial(ctx, nil, nil)
	if err != nil {
		return "dial: " + err.Error()
	}
	defer c.CloseNow()
	if err := c.Write(ctx, websocket.MessageText, []byte(`{"type":"connection_init"}`)); err != nil {
		return "write init: " + err.Error()
	}
	if err := c.Write(ctx, websocket.MessageText, []byte(frame)); err != nil {
		return "write frame: " + err.Error()
	}
	_, data, err := c.Read(ctx)
	if err != nil {
		return fmt.Sprintf("no connection_ack: %v (close status %d)", err, websocket.CloseStatus(err))
	}
	if string(data) != `{"type":"connection_ack"}` {
		return "first message " + string(data) + ", want connection_ack"
	}
	_, data, err = c.Read(ctx)
	if got := websocket.CloseStatus(err); got != 4400 {
		return fmt.Sprintf("after the ack: %q, %v (close status %d), want close 4400", data, err, got)
	}
	return ""
}
