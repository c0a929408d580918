package hostile

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"testing"
	"time"
)

// slowCase is a request whose head or body never arrives in full.
type slowCase struct {
	name, head, body string
	// answer: a 408 REQUEST_TIMEOUT can be written (else the router may
	// just close the connection).
	answer bool
}

var slowCases = []slowCase{
	{"chunked body that never ends",
		"POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
		"5\r\n{\"que\r\n", true},
	{"short Content-Length",
		"POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n",
		`{"query":"{ __t`, true},
	{"SSE POST whose body never ends",
		"POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAccept: text/event-stream\r\nContent-Length: 100\r\n\r\n",
		`{"query":"{ __t`, true},
	{"WebSocket handshake that never finishes",
		"GET /graphql HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n",
		"Sec-WebSocket-Version: 13\r\n", false},
}

// slowBodies (finding 4): a body that never arrives in full is answered
// 408 REQUEST_TIMEOUT after limits.body_read_timeout (default 10s) and its
// connection closed; a WebSocket handshake that never finishes is closed
// too. Before the fix such connections were held forever. The cases run
// at once, so the suite waits for the timeout once.
func (s *stack) slowBodies(t *testing.T) {
	results := make([]chan string, len(slowCases))
	for i, c := range slowCases {
		results[i] = make(chan string, 1)
		go func() { results[i] <- s.slowConversation(c) }()
	}
	for i, c := range slowCases {
		t.Run(c.name, func(t *testing.T) {
			if msg := <-results[i]; msg != "" {
				t.Fatal(msg)
			}
			s.stillAnswers(t)
		})
	}
}

// slowConversation sends c's head and partial body, then waits for the
// router's answer; it says what went wrong ("" when the router answered
// as the contract says and let go of the connection).
func (s *stack) slowConversation(c slowCase) string {
	conn, err := net.Dial("tcp", s.addr)
	if err != nil {
		return err.Error()
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, c.head+c.body); err != nil {
		return err.Error()
	}
	// A hang guard well past the 10s default, not a measurement.
	_ = conn.SetReadDeadline(time.Now().Add(25 * time.Second))
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, nil)
	switch {
	case err == nil:
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		var r reply
		_ = json.Unmarshal(body, &r)
		if resp.StatusCode != http.StatusRequestTimeout || (c.answer && r.code() != "REQUEST_TIMEOUT") {
			return fmt.Sprintf("HTTP %d %s, want 408 REQUEST_TIMEOUT", resp.StatusCode, clip(body))
		}
	case c.answer:
		return fmt.Sprintf("no 408 answer: %v", err)
	case isTimeout(err):
		return fmt.Sprintf("the connection was held open: %v", err)
	}
	// Either way the router let go of the connection.
	if _, err := br.ReadByte(); isTimeout(err) {
		return "the connection was not closed after the timeout"
	}
	return ""
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}
