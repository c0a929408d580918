package graphiql

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/coder/websocket"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/astparser"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/asttransform"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/introspection"
)

// The GraphiQL page's counterpart in the fetcher test: a small GraphQL
// server on the page's own origin that answers HTTP POSTs from a fixed
// schema and speaks graphql-transport-ws on WebSocket upgrades, reporting
// everything the page sends so the test can check it message by message and
// decide what the server answers. The router's real subscription front end
// is exercised by the end-to-end tests; this one pins the page's side of the
// protocol.

// testSDL is the schema the page introspects, so GraphiQL validates the
// operations the test types as it would against the router.
const testSDL = `type Query { hello: String }
type Subscription { ticks(n: Int): Int }`

// wsMsg is a graphql-transport-ws message.
type wsMsg struct {
	ID      string          `json:"id,omitempty"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

// peer is one WebSocket connection the page opened.
type peer struct {
	// Init is the connection_init payload.
	Init map[string]any
	// Msgs carries what the page sends after connection_init, in order;
	// it is closed when the connection ends.
	Msgs chan wsMsg
	conn *websocket.Conn
}

// send writes one message to the page.
func (p *peer) send(ctx context.Context, m wsMsg) error {
	b, _ := json.Marshal(m)
	return p.conn.Write(ctx, websocket.MessageText, b)
}

// wsServer serves the page, its assets, POSTs and WebSocket upgrades.
type wsServer struct {
	page  http.Handler
	intro []byte
	// Peers receives each accepted connection after its connection_ack;
	// refused ones (Authorization "Bearer bad": closed with 4403) never
	// arrive here.
	Peers chan *peer
	// Refused receives the connection_init payload of each refused one.
	Refused chan map[string]any

	mu    sync.Mutex
	posts []post
}

// post is one HTTP request the page sent.
type post struct {
	Query         string
	Authorization string
}

func newWSServer(t *testing.T, page http.Handler) *wsServer {
	t.Helper()
	doc, report := astparser.ParseGraphqlDocumentString(testSDL)
	if report.HasErrors() {
		t.Fatal(report.Error())
	}
	if err := asttransform.MergeDefinitionWithBaseSchema(&doc); err != nil {
		t.Fatal(err)
	}
	var data introspection.Data
	introspection.NewGenerator().Generate(&doc, &report, &data)
	if report.HasErrors() {
		t.Fatal(report.Error())
	}
	intro, _ := json.Marshal(map[string]any{"data": data})
	return &wsServer{page: page, intro: intro, Peers: make(chan *peer, 8), Refused: make(chan map[string]any, 8)}
}

// Posts returns the HTTP requests seen so far.
func (s *wsServer) Posts() []post {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]post(nil), s.posts...)
}

func (s *wsServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case strings.EqualFold(r.Header.Get("Upgrade"), "websocket"):
		s.serveWS(w, r)
	case r.Method == http.MethodPost:
		var req struct {
			Query string `json:"query"`
		}
		_ = json.NewDecoder(r.Body).Decode(&req)
		w.Header().Set("Content-Type", "application/json")
		if strings.Contains(req.Query, "__schema") {
			_, _ = w.Write(s.intro)
			return
		}
		s.mu.Lock()
		s.posts = append(s.posts, post{Query: req.Query, Authorization: r.Header.Get("Authorization")})
		s.mu.Unlock()
		_, _ = w.Write([]byte(`{"data":{"hello":"over http"}}`))
	default:
		s.page.ServeHTTP(w, r)
	}
}

func (s *wsServer) serveWS(w http.ResponseWriter, r *http.Request) {
	conn, err := websocket.Accept(w, r, &websocket.AcceptOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		return
	}
	ctx := r.Context()
	if conn.Subprotocol() != "graphql-transport-ws" {
		conn.Close(4406, "Subprotocol not acceptable")
		return
	}
	var init wsMsg
	if _, b, err := conn.Read(ctx); err != nil || json.Unmarshal(b, &init) != nil || init.Type != "connection_init" {
		conn.Close(4400, "connection_init expected")
		return
	}
	var payload map[string]any
	_ = json.Unmarshal(init.Payload, &payload)
	if payload["Authorization"] == "Bearer bad" {
		s.Refused <- payload
		conn.Close(4403, "Forbidden")
		return
	}
	p := &peer{Init: payload, Msgs: make(chan wsMsg, 16), conn: conn}
	if err := p.send(ctx, wsMsg{Type: "connection_ack"}); err != nil {
		return
	}
	s.Peers <- p
	defer close(p.Msgs)
	for {
		_, b, err := conn.Read(ctx)
		if err != nil {
			return
		}
		var m wsMsg
		if json.Unmarshal(b, &m) != nil {
			conn.Close(4400, "bad message")
			return
		}
		p.Msgs <- m
	}
}
