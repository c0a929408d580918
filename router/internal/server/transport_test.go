package server

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/nexus-commerce/nexus/router/internal/config"
	"github.com/nexus-commerce/nexus/router/internal/subscriptions"
)

// realServer runs the router's server with Serve on a real TCP listener
// (the per-client cap and the timeouts live there, not in the handler),
// with the real subscription handler on its GraphQL path.
func realServer(t *testing.T, limits config.Limits, headerTimeout time.Duration) string {
	t.Helper()
	cfg := config.Config{Limits: limits}
	cfg.Defaults()
	var s *Server
	subs := subscriptions.New(subscriptions.Options{KeepAlive: 40 * time.Millisecond})
	s = New(Options{Path: "/graphql", Limits: cfg.Limits, ReadHeaderTimeout: headerTimeout,
		Subscriptions: subs, IsSubscription: subscriptions.Wants})
	s.Swap(testGateway(t, cfg))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	return ln.Addr().String()
}

// dialFrom opens a TCP connection to addr from the source IP src (every
// 127/8 address is the loopback on Linux, so two "clients" can be told
// apart by address).
func dialFrom(t *testing.T, addr, src string) net.Conn {
	t.Helper()
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(src)}, Timeout: 10 * time.Second}
	c, err := d.Dial("tcp", addr)
	if err != nil {
		t.Fatalf("dial from %s: %v", src, err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

// rawResponse reads one HTTP response from c; the deadline only keeps a
// broken router from hanging the test.
func rawResponse(t *testing.T, c net.Conn, br *bufio.Reader) (*http.Response, map[string]any) {
	t.Helper()
	_ = c.SetReadDeadline(time.Now().Add(20 * time.Second))
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatalf("read response: %v", err)
	}
	raw, _ := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	var out map[string]any
	if strings.Contains(resp.Header.Get("Content-Type"), "json") {
		if err := json.Unmarshal(raw, &out); err != nil {
			t.Fatalf("HTTP %d non-JSON body %q", resp.StatusCode, raw)
		}
	}
	return resp, out
}

// closedByServer reads c to its end: the router closed the connection.
func closedByServer(t *testing.T, c net.Conn, br *bufio.Reader) {
	t.Helper()
	_ = c.SetReadDeadline(time.Now().Add(20 * time.Second))
	if _, err := io.Copy(io.Discard, br); err != nil && !errors.Is(err, net.ErrClosed) && !strings.Contains(err.Error(), "reset") {
		t.Fatalf("connection not closed by the router: %v", err)
	}
}

func errorCode(out map[string]any) string {
	errs, _ := out["errors"].([]any)
	if len(errs) == 0 {
		return ""
	}
	e, _ := errs[0].(map[string]any)
	ext, _ := e["extensions"].(map[string]any)
	code, _ := ext["code"].(string)
	return code
}

// Slow bodies are cut: a body that never ends is answered 408
// REQUEST_TIMEOUT after limits.body_read_timeout, on GraphQL over HTTP and
// on the SSE transport alike, and the connection is closed.
func TestSlowBodyIsCut(t *testing.T) {
	addr := realServer(t, config.Limits{BodyReadTimeout: 150 * time.Millisecond}, 0)
	cases := []struct{ name, request string }{
		{"unterminated chunked body", "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"que\r\n"},
		{"short Content-Length", "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"query\":"},
		{"SSE unterminated chunked body", "POST /graphql HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"que\r\n"},
		{"SSE short Content-Length", "POST /graphql HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"query\":"},
		{"body on another path", "POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := dialFrom(t, addr, "127.0.0.1")
			if _, err := io.WriteString(c, tc.request); err != nil {
				t.Fatal(err)
			}
			br := bufio.NewReader(c)
			resp, out := rawResponse(t, c, br)
			if strings.HasPrefix(tc.name, "body on") {
				// Not read by its handler: answered at once, then the
				// connection is closed once the body wait expires.
				if resp.StatusCode != http.StatusMethodNotAllowed {
					t.Fatalf("got %d, want 405", resp.StatusCode)
				}
			} else if resp.StatusCode != http.StatusRequestTimeout || errorCode(out) != "REQUEST_TIMEOUT" {
				t.Fatalf("got %d %v, want 408 REQUEST_TIMEOUT", resp.StatusCode, out)
			}
			closedByServer(t, c, br)
		})
	}
	t.Run("a complete body is not cut", func(t *testing.T) {
		c := dialFrom(t, addr, "127.0.0.1")
		body := `{"query":"{ recentlyReviewed(first: 2) }"}`
		req := "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n" + body
		br := bufio.NewReader(c)
		for range 2 { // twice on one keep-alive connection
			if _, err := io.WriteString(c, req); err != nil {
				t.Fatal(err)
			}
			if resp, out := rawResponse(t, c, br); resp.StatusCode != http.StatusOK || out["data"] == nil {
				t.Fatalf("got %d %v", resp.StatusCode, out)
			}
		}
	})
}

// Headers that never end are cut by the header timeout, a WebSocket
// upgrade's as any other's.
func TestSlowHeadersAreCut(t *testing.T) {
	addr := realServer(t, config.Limits{}, 150*time.Millisecond)
	for name, req := range map[string]string{
		"plain":             "GET /graphql HTTP/1.1\r\nHost: x\r\n",
		"WebSocket upgrade": "GET /graphql HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n",
	} {
		t.Run(name, func(t *testing.T) {
			c := dialFrom(t, addr, "127.0.0.1")
			if _, err := io.WriteString(c, req); err != nil {
				t.Fatal(err)
			}
			closedByServer(t, c, bufio.NewReader(c))
		})
	}
}

// openFDs counts this process's descriptors.
func openFDs(t *testing.T) int {
	t.Helper()
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skipf("no /proc/self/fd: %v", err)
	}
	return len(ents)
}

// eventually polls cond until it holds or the deadline passes.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.After(20 * time.Second)
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		select {
		case <-deadline:
			t.Fatalf("%s: still not so after 20s", what)
		case <-tick.C:
		}
	}
}

// Many slow bodies at once are all cut and give their descriptors and
// goroutines back.
func TestSlowBodiesReleaseDescriptors(t *testing.T) {
	addr := realServer(t, config.Limits{BodyReadTimeout: 200 * time.Millisecond}, 0)
	// A first request warms the server (its pools and goroutines).
	warm := dialFrom(t, addr, "127.0.0.1")
	_, _ = io.WriteString(warm, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	rawResponse(t, warm, bufio.NewReader(warm))
	_ = warm.Close()
	fds0, g0 := openFDs(t), runtime.NumGoroutine()

	const n = 100
	conns := make([]net.Conn, n)
	for i := range conns {
		conns[i] = dialFrom(t, addr, "127.0.0.1")
		_, _ = io.WriteString(conns[i], "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"que\r\n")
	}
	for _, c := range conns {
		br := bufio.NewReader(c)
		if resp, out := rawResponse(t, c, br); resp.StatusCode != http.StatusRequestTimeout || errorCode(out) != "REQUEST_TIMEOUT" {
			t.Fatalf("got %d %v, want 408", resp.StatusCode, out)
		}
		closedByServer(t, c, br)
		_ = c.Close()
	}
	eventually(t, "descriptors back", func() bool { return openFDs(t) <= fds0+2 })
	eventually(t, "goroutines back", func() bool { return runtime.NumGoroutine() <= g0+2 })
}

// The per-client cap: the connection over it from one address is answered
// 503 TOO_MANY_CONNECTIONS with Retry-After and closed, while another
// address is served; WebSockets count, and a closed connection frees its
// place.
func TestConnectionCapPerClient(t *testing.T) {
	const max = 3
	addr := realServer(t, config.Limits{MaxConnectionsPerClient: intPtr(max), BodyReadTimeout: 100 * time.Millisecond}, 0)
	healthy := func(c net.Conn) bool {
		_, _ = io.WriteString(c, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
		resp, _ := rawResponse(t, c, bufio.NewReader(c))
		return resp.StatusCode == http.StatusOK
	}
	// Two plain keep-alive connections and one WebSocket fill the cap.
	plain := []net.Conn{dialFrom(t, addr, "127.0.0.1"), dialFrom(t, addr, "127.0.0.1")}
	for _, c := range plain {
		if !healthy(c) {
			t.Fatal("a connection under the cap was not served")
		}
	}
	ws := wsFrom(t, addr, "127.0.0.1")
	// The hijacked connection has no body deadline left over: it outlives
	// several body timeouts (pings every 40ms) and still answers.
	for range 6 {
		if _, b, err := ws.Read(context.Background()); err != nil || !strings.Contains(string(b), "ping") {
			t.Fatalf("WebSocket after connection_ack: %s %v", b, err)
		}
	}

	over := dialFrom(t, addr, "127.0.0.1")
	br := bufio.NewReader(over)
	resp, out := rawResponse(t, over, br)
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" || errorCode(out) != "TOO_MANY_CONNECTIONS" {
		t.Fatalf("connection over the cap: %d %v %v, want 503 TOO_MANY_CONNECTIONS with Retry-After", resp.StatusCode, resp.Header, out)
	}
	closedByServer(t, over, br)

	if !healthy(dialFrom(t, addr, "127.0.0.2")) {
		t.Fatal("another client address was refused")
	}

	// Closing the WebSocket frees its place.
	_ = ws.CloseNow()
	eventually(t, "a place freed by the closed WebSocket", func() bool {
		c := dialFrom(t, addr, "127.0.0.1")
		defer c.Close()
		return healthy(c)
	})
}

func intPtr(n int) *int { return &n }

// wsFrom opens a graphql-transport-ws connection from src and completes
// connection_init.
func wsFrom(t *testing.T, addr, src string) *websocket.Conn {
	t.Helper()
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(src)}}
	hc := &http.Client{Transport: &http.Transport{DialContext: d.DialContext}}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	c, _, err := websocket.Dial(ctx, "ws://"+addr+"/graphql", &websocket.DialOptions{HTTPClient: hc, Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		t.Fatalf("WebSocket dial: %v", err)
	}
	t.Cleanup(func() { _ = c.CloseNow() })
	if err := c.Write(ctx, websocket.MessageText, []byte(`{"type":"connection_init"}`)); err != nil {
		t.Fatal(err)
	}
	if _, b, err := c.Read(ctx); err != nil || !strings.Contains(string(b), "connection_ack") {
		t.Fatalf("connection_init: %s %v", b, err)
	}
	return c
}
