package subscriptions_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/nexus-commerce/nexus/router/internal/gateway"
	"github.com/nexus-commerce/nexus/router/internal/subscriptions"
)

// BenchmarkFanOut measures what one delivery costs: WebSocket subscribers
// share one subscription group and every iteration publishes one event
// that each of them receives. It reports wall time and the process's CPU
// time (router, subgraph and clients: all run in this process) per
// delivery; the clients' share is the same whatever the router does. The
// buffers are large so that no client is dropped whatever the pace.
//
// burst publishes as fast as the subgraph takes events, so a client's
// messages queue up and are written in batches; lockstep publishes the
// next event only when every client has the last one, so each write
// carries one message (as at 50 events/s).
//
//	cd router && go test -run '^$' -bench FanOut -benchtime 5000x -count 5 ./internal/subscriptions/
func BenchmarkFanOut(b *testing.B) {
	for _, mode := range []string{"burst", "lockstep"} {
		for _, clients := range []int{100} {
			b.Run(fmt.Sprintf("%s/clients=%d", mode, clients), func(b *testing.B) { benchFanOut(b, clients, mode == "lockstep") })
		}
	}
}

func benchFanOut(b *testing.B, clients int, lockstep bool) {
	e := start(b, gateway.SubgraphSubscription{}, subscriptions.Options{BufferMessages: 1 << 20, BufferBytes: 1 << 30})
	const q = `subscription($topic: String!) { productEvents(topic: $topic) { seq kind product { id name } } }`
	sub, _ := json.Marshal(map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{"query": q, "variables": map[string]any{"topic": "bench"}}})
	c, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	want := b.N + 1 // the warm-up event, then one per iteration
	done := make(chan error, clients)
	got := make(chan struct{}, clients)
	for range clients {
		conn, _, err := websocket.Dial(c, strings.Replace(e.url, "http", "ws", 1), &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { _ = conn.CloseNow() })
		conn.SetReadLimit(-1)
		if err := conn.Write(c, websocket.MessageText, []byte(`{"type":"connection_init"}`)); err != nil {
			b.Fatal(err)
		}
		if _, m, err := conn.Read(c); err != nil || !bytes.Contains(m, []byte("connection_ack")) {
			b.Fatalf("no ack: %s %v", m, err)
		}
		if err := conn.Write(c, websocket.MessageText, sub); err != nil {
			b.Fatal(err)
		}
		go func() {
			// No deadline on each read: a context that can end costs the
			// client more than the router spends on the delivery.
			for n := 0; n < want; {
				_, m, err := conn.Read(context.Background())
				if err != nil {
					done <- fmt.Errorf("after %d events: %w", n, err)
					return
				}
				if bytes.Contains(m, []byte(`"type":"next"`)) {
					n++
					if lockstep {
						got <- struct{}{}
					}
				}
			}
			done <- nil
		}()
	}
	e.waitGroups(b, clients)
	e.events.Publish("bench", "product.updated", "p1", "")
	if lockstep {
		for range clients {
			<-got
		}
	}
	var before, after syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &before)
	b.ResetTimer()
	begin := time.Now()
	for range b.N {
		e.events.Publish("bench", "product.updated", "p1", "")
		if lockstep {
			for range clients {
				<-got
			}
		}
	}
	for range clients {
		if err := <-done; err != nil {
			b.Fatal(err)
		}
	}
	elapsed := time.Since(begin)
	b.StopTimer()
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &after)
	cpu := after.Utime.Nano() + after.Stime.Nano() - before.Utime.Nano() - before.Stime.Nano()
	d := float64(b.N * clients)
	b.ReportMetric(float64(elapsed.Nanoseconds())/d, "ns/delivery")
	b.ReportMetric(float64(cpu)/d, "cpu-ns/delivery")
}
