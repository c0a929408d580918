package main

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nexus-commerce/nexus/router/internal/testenv"
)

// TestServeTransportLimits runs the real serve command with
// limits.max_connections_per_client and limits.body_read_timeout from its
// config file: the connection over the cap from one address gets 503
// TOO_MANY_CONNECTIONS, another address is served, and a body that never
// ends gets 408 REQUEST_TIMEOUT.
func TestServeTransportLimits(t *testing.T) {
	testenv.Run(t, func(t *testing.T, env *testenv.Env) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "supergraph.graphql"), []byte(env.Supergraph), 0o600); err != nil {
			t.Fatal(err)
		}
		addr := freeAddr(t)
		cfgPath := filepath.Join(dir, "router.yaml")
		cfg := "listen: " + addr + "\nsupergraph: supergraph.graphql\nlimits: {max_connections_per_client: 2, body_read_timeout: 200ms}\n"
		if err := os.WriteFile(cfgPath, []byte(cfg), 0o600); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- run(ctx, []string{"serve", "--config", cfgPath}, io.Discard, io.Discard) }()
		t.Cleanup(func() { cancel(); <-done })
		waitFor(t, "router healthy", func() bool { return run(ctx, []string{"healthcheck", "--listen", addr}, io.Discard, io.Discard) == nil })

		// The test's own clients come from 127.0.0.3 and 127.0.0.4, so the
		// health checks' connections (from 127.0.0.1) do not count.
		dial := func(src string) (net.Conn, *bufio.Reader) {
			t.Helper()
			d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(src)}}
			c, err := d.Dial("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = c.Close() })
			_ = c.SetDeadline(time.Now().Add(30 * time.Second)) // bounds a broken router only
			return c, bufio.NewReader(c)
		}
		send := func(c net.Conn, br *bufio.Reader, req string) (*http.Response, string) {
			t.Helper()
			if req != "" {
				if _, err := io.WriteString(c, req); err != nil {
					t.Fatal(err)
				}
			}
			resp, err := http.ReadResponse(br, nil)
			if err != nil {
				t.Fatalf("read response: %v", err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			return resp, string(b)
		}
		const health = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
		for range 2 {
			c, br := dial("127.0.0.3")
			if resp, _ := send(c, br, health); resp.StatusCode != http.StatusOK {
				t.Fatalf("under the cap: %d", resp.StatusCode)
			}
		}
		c, br := dial("127.0.0.3")
		if resp, body := send(c, br, ""); resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" || !strings.Contains(body, "TOO_MANY_CONNECTIONS") {
			t.Fatalf("over the cap: %d %v %s", resp.StatusCode, resp.Header, body)
		}

		c, br = dial("127.0.0.4")
		resp, body := send(c, br, "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"que\r\n")
		if resp.StatusCode != http.StatusRequestTimeout || !strings.Contains(body, "REQUEST_TIMEOUT") {
			t.Fatalf("never-ending body: %d %s, want 408 REQUEST_TIMEOUT", resp.StatusCode, body)
		}
	})
}
