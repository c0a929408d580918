package hostile

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"testing"
	"time"
)

// slowBodies (finding 4): a body that never arrives in full is answered
// 408 REQUEST_TIMEOUT after limits.body_read_timeout (default 10s) and its
// connection closed; a WebSocket handshake that never finishes is closed
// too. Before the fix such connections were held forever.
func (s *stack) slowBodies(t *testing.T) {
	for _, c := range []struct {
		name, head, body string
		answer           bool // a 408 can be written (else: closed)
	}{
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
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			conn, err := net.Dial("tcp", s.addr)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			if _, err := io.WriteString(conn, c.head+c.body); err != nil {
				t.Fatal(err)
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
					t.Fatalf("HTTP %d %s, want 408 REQUEST_TIMEOUT", resp.StatusCode, clip(body))
				}
			case c.answer:
				t.Fatalf("no 408 answer: %v", err)
			case isTimeout(err):
				t.Fatalf("the connection was held open: %v", err)
			}
			// Either way the router let go of the connection.
			if _, err := br.ReadByte(); isTimeout(err) {
				t.Fatal("the connection was not closed after the timeout")
			}
			s.stillAnswers(t)
		})
	}
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}
