package subscriptions

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/coder/websocket"
)

// subprotocol is the only WebSocket subprotocol the benchmark speaks: the
// one graphql-ws (and so every current browser client) uses.
const subprotocol = "graphql-transport-ws"

// delivery is one productChanged event as a subscriber received it: which
// change (the product's stock after it, unique per product because the
// writer only ever adds 1) and when it was committed and received. 24
// bytes, so 10,000 subscribers keep their samples in a few MiB.
type delivery struct {
	stock    int64
	occurred int64 // event's occurredAt, Unix ns (set inside the transaction)
	received int64 // Unix ns when the frame was read
}

// message is a graphql-transport-ws message as the subscriber reads it.
// Payload stays raw: only "next" decodes it further.
type message struct {
	ID      string          `json:"id,omitempty"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

// nextPayload is the part of a productChanged result the benchmark reads.
type nextPayload struct {
	Data *struct {
		ProductChanged struct {
			ProductID  string `json:"productId"`
			OccurredAt string `json:"occurredAt"`
			Product    *struct {
				Stock int64 `json:"stock"`
			} `json:"product"`
		} `json:"productChanged"`
	} `json:"data"`
	Errors json.RawMessage `json:"errors"`
}

// subscriber is one graphql-transport-ws client with one productChanged
// subscription. Its own goroutine reads (read); nothing else touches its
// fields until that goroutine has ended, so it needs no lock.
type subscriber struct {
	conn    *websocket.Conn
	product int // index into the round's hot products
	got     []delivery
	// live is set by the first event of any kind (probe or measured).
	live bool
	// err says why the connection ended before the round closed it.
	err error
}

// dial opens a WebSocket to url, sends connection_init and waits for the
// ack, then subscribes with query and variables. It returns once the
// subscribe message is written; events start flowing when the router has
// subscribed upstream, which the round detects by the first event.
func dial(ctx context.Context, url, query string, variables map[string]any, hc *http.Client) (*websocket.Conn, error) {
	wsURL := "ws" + strings.TrimPrefix(url, "http")
	c, _, err := websocket.Dial(ctx, wsURL, &websocket.DialOptions{
		Subprotocols: []string{subprotocol},
		HTTPClient:   hc,
	})
	if err != nil {
		return nil, fmt.Errorf("dial %s: %w", wsURL, err)
	}
	if c.Subprotocol() != subprotocol {
		_ = c.CloseNow()
		return nil, fmt.Errorf("dial %s: server chose subprotocol %q, want %q", wsURL, c.Subprotocol(), subprotocol)
	}
	fail := func(err error) (*websocket.Conn, error) {
		_ = c.CloseNow()
		return nil, err
	}
	if err := c.Write(ctx, websocket.MessageText, []byte(`{"type":"connection_init","payload":{}}`)); err != nil {
		return fail(fmt.Errorf("connection_init: %w", err))
	}
	_, data, err := c.Read(ctx)
	if err != nil {
		return fail(fmt.Errorf("waiting for connection_ack: %w", err))
	}
	var ack message
	if err := json.Unmarshal(data, &ack); err != nil || ack.Type != "connection_ack" {
		return fail(fmt.Errorf("want connection_ack, got %.200s", data))
	}
	sub, err := json.Marshal(message{ID: "1", Type: "subscribe", Payload: mustJSON(map[string]any{
		"query":     query,
		"variables": variables,
	})})
	if err != nil {
		return fail(err)
	}
	if err := c.Write(ctx, websocket.MessageText, sub); err != nil {
		return fail(fmt.Errorf("subscribe: %w", err))
	}
	return c, nil
}

// errUnexpectedEnd is a subscription the server completed or failed while
// the round still ran.
var errUnexpectedEnd = errors.New("the server ended the subscription")

// read receives messages until the connection ends, answering pings and
// handing each event to onEvent with its receive time. It returns nil
// when ctx ended (the round closed the connection), else why it stopped.
func (s *subscriber) read(ctx context.Context, onEvent func(s *subscriber, d delivery)) error {
	for {
		_, data, err := s.conn.Read(ctx)
		now := time.Now().UnixNano()
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("read: %w (close status %d)", err, websocket.CloseStatus(err))
		}
		var m message
		if err := json.Unmarshal(data, &m); err != nil {
			return fmt.Errorf("undecodable message %.200s: %w", data, err)
		}
		switch m.Type {
		case "next":
			d, err := decodeEvent(m.Payload)
			if err != nil {
				return err
			}
			d.received = now
			onEvent(s, d)
		case "ping":
			if err := s.conn.Write(ctx, websocket.MessageText, []byte(`{"type":"pong"}`)); err != nil && ctx.Err() == nil {
				return fmt.Errorf("pong: %w", err)
			}
		case "pong":
		case "error", "complete":
			return fmt.Errorf("%w: %s %.300s", errUnexpectedEnd, m.Type, m.Payload)
		default:
			return fmt.Errorf("unexpected message %.200s", data)
		}
	}
}

// decodeEvent reads one productChanged result. A result with errors, or
// without the product's stock, is a failed delivery and fails the round.
func decodeEvent(raw json.RawMessage) (delivery, error) {
	var p nextPayload
	if err := json.Unmarshal(raw, &p); err != nil {
		return delivery{}, fmt.Errorf("undecodable next payload %.200s: %w", raw, err)
	}
	if len(p.Errors) > 0 && string(p.Errors) != "null" {
		return delivery{}, fmt.Errorf("event with errors: %.300s", raw)
	}
	if p.Data == nil || p.Data.ProductChanged.Product == nil {
		return delivery{}, fmt.Errorf("event without product.stock: %.300s", raw)
	}
	at, err := time.Parse(time.RFC3339Nano, p.Data.ProductChanged.OccurredAt)
	if err != nil {
		return delivery{}, fmt.Errorf("event occurredAt: %w", err)
	}
	return delivery{stock: p.Data.ProductChanged.Product.Stock, occurred: at.UnixNano()}, nil
}

func mustJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only called with maps of strings
	}
	return b
}
