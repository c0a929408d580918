package e2e

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/nexus-commerce/nexus/router/internal/testenv"
)

// TestGetNeverRunsAMutation: a GET never runs a mutation, on any transport
// (plain GET and GraphQL over SSE alike answer 405 METHOD_NOT_ALLOWED with
// Allow: POST, and the stock is untouched), while POST over SSE and the
// WebSocket still run mutations.
func TestGetNeverRunsAMutation(t *testing.T) {
	testenv.Run(t, func(t *testing.T, env *testenv.Env) {
		id := firstProductID(t, env)
		stock := stockOf(t, env, id)
		admin := env.Token(t, "alice", "admin")
		const adjust = `mutation($id: ID!) { adjustStock(id: $id, delta: 1, reason: "recount") { __typename } }`
		vars, _ := json.Marshal(map[string]any{"id": id})

		for name, accept := range map[string]string{"GET": "application/json", "GET over SSE": "text/event-stream"} {
			t.Run(name, func(t *testing.T) {
				q := url.Values{"query": {adjust}, "variables": {string(vars)}}
				req, _ := http.NewRequest(http.MethodGet, env.RouterURL+"?"+q.Encode(), nil)
				req.Header.Set("Accept", accept)
				req.Header.Set("Authorization", "Bearer "+admin)
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "POST" || !strings.Contains(string(body), "METHOD_NOT_ALLOWED") {
					t.Fatalf("got %d Allow=%q %s, want 405 METHOD_NOT_ALLOWED with Allow: POST", resp.StatusCode, resp.Header.Get("Allow"), body)
				}
				if got := stockOf(t, env, id); got != stock {
					t.Fatalf("stock = %d after a refused GET mutation, want %d: it ran", got, stock)
				}
			})
		}

		t.Run("POST over SSE", func(t *testing.T) {
			b, _ := json.Marshal(map[string]any{"query": adjust, "variables": map[string]any{"id": id}})
			req, _ := http.NewRequest(http.MethodPost, env.RouterURL, bytes.NewReader(b))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Accept", "text/event-stream")
			req.Header.Set("Authorization", "Bearer "+admin)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var events []string
			sc := bufio.NewScanner(resp.Body)
			for sc.Scan() {
				if line := sc.Text(); strings.HasPrefix(line, "event: ") || strings.HasPrefix(line, "data: ") {
					events = append(events, line)
				}
			}
			if resp.StatusCode != http.StatusOK || len(events) != 3 || !strings.Contains(events[1], "adjustStock") || events[2] != "event: complete" {
				t.Fatalf("got %d %q, want one next with adjustStock, then complete", resp.StatusCode, events)
			}
			if got := stockOf(t, env, id); got != stock+1 {
				t.Fatalf("stock = %d after POST over SSE, want %d", got, stock+1)
			}
		})

		t.Run("WebSocket", func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(env.RouterURL, "http"),
				&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
			if err != nil {
				t.Fatalf("dial: %v", err)
			}
			defer conn.CloseNow()
			if err := wsjson.Write(ctx, conn, map[string]any{"type": "connection_init", "payload": map[string]any{"Authorization": "Bearer " + admin}}); err != nil {
				t.Fatal(err)
			}
			type message struct {
				Type    string          `json:"type"`
				Payload json.RawMessage `json:"payload"`
			}
			var m message
			if err := wsjson.Read(ctx, conn, &m); err != nil || m.Type != "connection_ack" {
				t.Fatalf("connection_ack: %+v, %v", m, err)
			}
			if err := wsjson.Write(ctx, conn, map[string]any{"id": "1", "type": "subscribe",
				"payload": map[string]any{"query": adjust, "variables": map[string]any{"id": id}}}); err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"next", "complete"} {
				if err := wsjson.Read(ctx, conn, &m); err != nil || m.Type != want || (want == "next" && !strings.Contains(string(m.Payload), "adjustStock")) {
					t.Fatalf("got %s %s %v, want %s", m.Type, m.Payload, err, want)
				}
			}
			if got := stockOf(t, env, id); got != stock+2 {
				t.Fatalf("stock = %d after the WebSocket mutation, want %d", got, stock+2)
			}
		})
	})
}
