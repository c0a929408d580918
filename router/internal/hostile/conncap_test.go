package hostile

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// capSource is the client address of the connection-cap case: a loopback
// address of its own, so its connections do not count against the rest of
// the suite (which connects from 127.0.0.1).
var capSource = &net.TCPAddr{IP: net.IPv4(127, 0, 0, 7)}

// defaultConnCap is limits.max_connections_per_client's default.
const defaultConnCap = 256

// connectionCap (finding 4): one client holding connections cannot lock
// everyone out. Counted per remote IP at accept, WebSockets and plain
// HTTP alike; the connection over the cap gets 503 TOO_MANY_CONNECTIONS
// with Retry-After and is closed; other clients are served meanwhile, and
// the client is served again once it lets go.
func (s *stack) connectionCap(t *testing.T) {
	dialer := &net.Dialer{LocalAddr: capSource}
	wsClient := &http.Client{Transport: &http.Transport{DialContext: dialer.DialContext}}
	ctx, cancel := context.WithTimeout(context.Background(), 40*time.Second)
	defer cancel()

	var held []io.Closer
	defer func() {
		for _, c := range held {
			_ = c.Close()
		}
	}()
	for i := range defaultConnCap {
		if i%2 == 0 {
			c, err := dialer.DialContext(ctx, "tcp", s.addr)
			if err != nil {
				t.Fatalf("connection %d: %v", i, err)
			}
			held = append(held, c)
			if status, _, err := healthz(c); err != nil || status != http.StatusOK {
				t.Fatalf("connection %d (HTTP, under the cap): %d %v", i, status, err)
			}
			continue
		}
		c, err := s.wsDial(ctx, nil, wsClient)
		if err != nil {
			t.Fatalf("connection %d (WebSocket, under the cap): %v", i, err)
		}
		held = append(held, closer{c})
		if err := c.Write(ctx, websocket.MessageText, []byte(`{"type":"connection_init"}`)); err != nil {
			t.Fatal(err)
		}
		if _, data, err := c.Read(ctx); err != nil || string(data) != `{"type":"connection_ack"}` {
			t.Fatalf("connection %d: %s %v", i, data, err)
		}
	}

	t.Run("plain HTTP over the cap", func(t *testing.T) {
		c, err := dialer.DialContext(ctx, "tcp", s.addr)
		if err != nil {
			t.Fatal(err) // refused outright would also free nothing; the contract is a 503
		}
		defer c.Close()
		// Counted at accept: the answer comes without a request.
		_ = c.SetReadDeadline(time.Now().Add(20 * time.Second))
		br := bufio.NewReader(c)
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatalf("no 503 for connection %d: %v", defaultConnCap+1, err)
		}
		body, _ := io.ReadAll(resp.Body)
		var r reply
		_ = json.Unmarshal(body, &r)
		if resp.StatusCode != http.StatusServiceUnavailable || r.code() != "TOO_MANY_CONNECTIONS" {
			t.Fatalf("HTTP %d %s, want 503 TOO_MANY_CONNECTIONS", resp.StatusCode, clip(body))
		}
		if ra, err := strconv.Atoi(resp.Header.Get("Retry-After")); err != nil || ra <= 0 {
			t.Fatalf("Retry-After %q, want seconds", resp.Header.Get("Retry-After"))
		}
		if _, err := br.ReadByte(); err != io.EOF {
			t.Fatalf("the connection over the cap stayed open: %v", err)
		}
	})
	t.Run("WebSocket over the cap", func(t *testing.T) {
		c, resp, err := websocket.Dial(ctx, "ws"+s.url[len("http"):], &websocket.DialOptions{
			Subprotocols: []string{"graphql-transport-ws"}, HTTPClient: wsClient})
		if err == nil {
			_ = c.CloseNow()
			t.Fatalf("WebSocket %d accepted over the cap", defaultConnCap+1)
		}
		if resp != nil && resp.StatusCode != http.StatusServiceUnavailable {
			t.Fatalf("WebSocket over the cap: HTTP %d, want 503", resp.StatusCode)
		}
	})
	t.Run("other clients are served meanwhile", s.stillAnswers)

	for _, c := range held {
		_ = c.Close()
	}
	held = nil
	pollUntil(t, "the capped client to be served again", 15*time.Second, func() bool {
		c, err := dialer.DialContext(ctx, "tcp", s.addr)
		if err != nil {
			return false
		}
		defer c.Close()
		status, _, err := healthz(c)
		return err == nil && status == http.StatusOK
	})
}

// healthz sends GET /healthz on c (kept open) and reads the answer.
func healthz(c net.Conn) (int, []byte, error) {
	if _, err := io.WriteString(c, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"); err != nil {
		return 0, nil, err
	}
	_ = c.SetReadDeadline(time.Now().Add(20 * time.Second))
	defer c.SetReadDeadline(time.Time{})
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		return 0, nil, fmt.Errorf("GET /healthz: %w", err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, b, err
}

// closer closes a WebSocket without a handshake.
type closer struct{ c *websocket.Conn }

func (c closer) Close() error { return c.c.CloseNow() }
