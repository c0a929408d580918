package subscriptions_test

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/coder/websocket"
	"github.com/wundergraph/graphql-go-tools/execution/graphql"

	"github.com/nexus-commerce/nexus/router/internal/gateway"
	"github.com/nexus-commerce/nexus/router/internal/subscriptions"
)

// Identical subscriptions of clients with the same identity share one
// upstream subscription, whatever their transport; a different principal
// gets its own.
func TestIdenticalSubscriptionsShareOneUpstream(t *testing.T) {
	e := start(t, gateway.SubgraphSubscription{}, subscriptions.Options{})
	vars := map[string]any{"topic": "s"}
	a := e.connect(t, "graphql-transport-ws", nil)
	a.subscribe("1", eventsQuery, vars)
	if err := e.events.WaitSubscribers(ctx(t), "s", 1); err != nil {
		t.Fatal(err)
	}
	b := e.connect(t, "graphql-ws", nil)
	b.subscribe("1", eventsQuery, vars)
	s := e.sse(t, eventsQuery, vars, nil)
	bc, sc := results(b.c, nil), results(nil, s)
	// The later clients join a's group before its first event (productEvents
	// takes an argument, so after it they would get a group of their own).
	e.waitGroups(t, 3)
	seq := e.events.Publish("s", "product.updated", "p1", "")
	if got := seqOf(t, a.read().Payload); got != seq {
		t.Fatalf("first client got %d, want %d", got, seq)
	}
	for name, ch := range map[string]<-chan []byte{"graphql-ws": bc, "SSE": sc} {
		for seen := false; !seen; {
			select {
			case p, ok := <-ch:
				if !ok {
					t.Fatalf("the %s client's stream ended before the event", name)
				}
				if !strings.Contains(string(p), `"seq":`) {
					continue // a keep-alive
				}
				if !strings.Contains(string(p), `"seq":`+itoa(seq)) {
					t.Fatalf("%s client got %s, want event %d", name, p, seq)
				}
				seen = true
			case <-ctx(t).Done():
				t.Fatalf("the %s client never received the event", name)
			}
		}
	}
	if n := e.events.Subscribes(); n != 1 {
		t.Fatalf("the subgraph served %d subscribe calls, want 1 shared by three clients", n)
	}

	signedIn := e.connect(t, "graphql-transport-ws", map[string]any{"Authorization": "Bearer good"})
	signedIn.subscribe("1", eventsQuery, vars)
	if err := e.events.WaitSubscribers(ctx(t), "s", 2); err != nil {
		t.Fatal(err)
	}
	if n := e.events.Subscribes(); n != 2 {
		t.Fatalf("the subgraph served %d subscribe calls, want a separate one for another principal", n)
	}
}

// results reads one client's results on a goroutine (without failing the
// test from it) and hands over the raw payloads.
func results(c *websocket.Conn, s *sseStream) <-chan []byte {
	ch := make(chan []byte, 1024)
	go func() {
		defer close(ch)
		for {
			if c != nil {
				_, b, err := c.Read(context.Background())
				if err != nil {
					return
				}
				ch <- b
				continue
			}
			line, err := s.r.ReadString('\n')
			if err != nil {
				return
			}
			if strings.HasPrefix(line, "data: ") {
				ch <- []byte(line)
			}
		}
	}()
	return ch
}

// seqOf reads the seq of a productEvents result.
func seqOf(t *testing.T, payload []byte) int {
	t.Helper()
	var ev event
	if err := json.Unmarshal(payload, &ev); err != nil || ev.Data.ProductEvents.Seq == 0 {
		t.Fatalf("not an event: %s", payload)
	}
	return ev.Data.ProductEvents.Seq
}

// A client that stops reading fills its bounded buffer and is disconnected
// with CloseSlowConsumer, while a fast client on the same upstream
// subscription keeps receiving every event; no client's buffer ever holds
// more than the bound. (productEvents(topic:) may replay, so the group is
// paced: the fast client waits for the stalled one until the pace timeout
// drops it. A live group never waits: TestLiveStreamDropsStalledMember.)
func TestSlowClientIsDisconnected(t *testing.T) {
	const bufMsgs, bufBytes = 4, 1 << 20
	e := start(t, gateway.SubgraphSubscription{}, subscriptions.Options{BufferMessages: bufMsgs, BufferBytes: bufBytes})
	const q = `subscription($topic: String!) { productEvents(topic: $topic) { seq note product { id } } }`
	vars := map[string]any{"topic": "big"}
	note := strings.Repeat("x", 128<<10) // fills socket buffers quickly

	fast := e.connect(t, "graphql-transport-ws", nil)
	fast.subscribe("f", q, vars)
	if err := e.events.WaitSubscribers(ctx(t), "big", 1); err != nil {
		t.Fatal(err)
	}
	slow := e.connect(t, "graphql-transport-ws", nil)
	slow.subscribe("s", q, vars)
	e.waitGroups(t, 2) // slow joins fast's group before its first event

	seq := 0
	for e.h.Stats().SlowConsumers == 0 {
		if seq == 1000 {
			t.Fatalf("the slow client was never disconnected (stats %+v)", e.h.Stats())
		}
		seq = e.events.Publish("big", "product.updated", "p1", note)
		if got := seqOf(t, fast.read().Payload); got != seq {
			t.Fatalf("fast client got event %d, want %d", got, seq)
		}
	}
	st := e.h.Stats()
	if st.PeakBufferedMessages > bufMsgs || st.PeakBufferedBytes > bufBytes {
		t.Fatalf("a client buffer held %d messages / %d bytes, bound is %d / %d", st.PeakBufferedMessages, st.PeakBufferedBytes, bufMsgs, bufBytes)
	}
	// The slow client finally reads: what was already on its way, in
	// order, then the close code.
	last := 0
	for {
		m, err := slow.readErr()
		if err != nil {
			if code := closeStatus(err); code != subscriptions.CloseSlowConsumer {
				t.Fatalf("slow client closed with %d (%v), want %d", code, err, subscriptions.CloseSlowConsumer)
			}
			break
		}
		if m.Type != "next" {
			continue
		}
		got := seqOf(t, m.Payload)
		if last != 0 && got != last+1 {
			t.Fatalf("slow client got event %d after %d", got, last)
		}
		last = got
	}
	if last >= seq {
		t.Fatalf("slow client received every event (%d of %d) yet was disconnected", last, seq)
	}
	// The fast client and the shared upstream carry on.
	next := e.events.Publish("big", "product.updated", "p2", "")
	if got := seqOf(t, fast.read().Payload); got != next {
		t.Fatalf("fast client got event %d after the slow one left, want %d", got, next)
	}
	if n := e.events.Subscribes(); n != 1 {
		t.Fatalf("the subgraph served %d subscribe calls, want 1 shared", n)
	}
}

// A reload swaps in a new gateway: an open subscription keeps receiving
// events on the old one, which retires only when that subscription ends;
// new subscriptions start on the new gateway.
func TestSubscriptionsSurviveReload(t *testing.T) {
	e := start(t, gateway.SubgraphSubscription{}, subscriptions.Options{})
	vars := map[string]any{"topic": "r"}
	a := e.connect(t, "graphql-transport-ws", nil)
	a.subscribe("a", eventsQuery, vars)
	if err := e.events.WaitSubscribers(ctx(t), "r", 1); err != nil {
		t.Fatal(err)
	}
	e.events.Publish("r", "product.updated", "p1", "")
	checkEvent(t, a.read().Payload, 1, "p1")

	gw2 := e.newGateway()
	gw1 := e.srv.Swap(gw2)
	retired := make(chan struct{})
	go func() {
		// The request drain deadline has already passed: only the running
		// subscription keeps gw1 open.
		expired, cancel := context.WithCancel(context.Background())
		cancel()
		gw1.Retire(expired)
		close(retired)
	}()
	e.events.Publish("r", "product.updated", "p2", "")
	checkEvent(t, a.read().Payload, 2, "p2")

	b := e.connect(t, "graphql-transport-ws", nil)
	b.subscribe("b", eventsQuery, vars)
	if err := e.events.WaitSubscribers(ctx(t), "r", 2); err != nil {
		t.Fatal(err)
	}
	if gw1.Subscriptions() != 1 || gw2.Subscriptions() != 1 {
		t.Fatalf("subscriptions: old gateway %d, new %d; want 1 and 1", gw1.Subscriptions(), gw2.Subscriptions())
	}
	select {
	case <-retired:
		t.Fatal("the old gateway retired while a subscription was running on it")
	default:
	}
	e.events.Publish("r", "product.updated", "p3", "")
	checkEvent(t, a.read().Payload, 3, "p3")
	checkEvent(t, b.read().Payload, 3, "p3")

	a.send(map[string]any{"id": "a", "type": "complete"})
	select {
	case <-retired:
	case <-ctx(t).Done():
		t.Fatal("the old gateway did not retire after its last subscription ended")
	}
	e.events.Publish("r", "product.updated", "p4", "")
	checkEvent(t, b.read().Payload, 4, "p4")
	if err := gw1.Subscribe(ctx(t), &graphql.Request{Query: eventsQuery}, gateway.ExecOptions{}, nil); !errors.Is(err, gateway.ErrGatewayClosed) {
		t.Fatalf("a retired gateway was asked for a subscription: got %v, want ErrGatewayClosed", err)
	}
	// The same connection's next subscription runs on the new gateway, in
	// a group of its own: b's group has delivered events, and productEvents
	// takes an argument (not live-only), so a2 must not join it mid-stream.
	a.subscribe("a2", eventsQuery, vars)
	ac := results(a.c, nil)
	for seq, joined := 5, false; !joined; seq++ {
		if seq > 1000 {
			t.Fatal("the new subscription never received an event")
		}
		e.events.Publish("r", "product.updated", "p5", "")
		if got := seqOf(t, b.read().Payload); got != seq {
			t.Fatalf("got %d, want %d", got, seq)
		}
		select {
		case <-ac:
			joined = true
		default:
		}
	}
	// The subgraph notices the old gateway's upstream closing on its own
	// time; wait for that, then there must be b's upstream and a2's (three
	// would stay three and fail here).
	if err := e.events.WaitSubscribers(ctx(t), "r", 2); err != nil {
		t.Fatalf("the new gateway should hold 2 upstream subscriptions (b's, a2's): %v", err)
	}
	if gw2.Subscriptions() != 2 || !slices.Equal(gw2.SubscriptionGroups(), []int{1, 1}) {
		t.Fatalf("new gateway runs %d subscriptions in groups %v, want 2 in [1 1]", gw2.Subscriptions(), gw2.SubscriptionGroups())
	}
}

// Subscribing again right after an identical subscription ended gets a
// live subscription: the engine tears a finished upstream down by its id
// on its own goroutine, which must not take the new one with it.
func TestResubscribeAfterEnd(t *testing.T) {
	e := start(t, gateway.SubgraphSubscription{}, subscriptions.Options{})
	const q = `subscription { privateEvents(topic: "p") { seq product { id } } }`
	for i := range 20 {
		w := e.connect(t, "graphql-transport-ws", map[string]any{"Authorization": "Bearer good"})
		w.subscribe("a", q, nil)
		if err := e.events.WaitSubscribers(ctx(t), "p", 1); err != nil {
			t.Fatalf("round %d: %v (gateway runs %d subscriptions)", i, err, e.srv.Gateway().Subscriptions())
		}
		seq := e.events.Publish("p", "product.updated", "p1", "")
		if m := w.read(); m.Type != "next" || !strings.Contains(string(m.Payload), `"seq":`+itoa(seq)) {
			t.Fatalf("round %d: got %s %s, want event %d", i, m.Type, m.Payload, seq)
		}
		w.send(map[string]any{"id": "a", "type": "complete"})
		if err := e.events.WaitSubscribers(ctx(t), "p", 0); err != nil {
			t.Fatal(err)
		}
	}
}
