package gateway

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/wundergraph/astjson"
	"github.com/wundergraph/graphql-go-tools/execution/graphql"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/datasource/graphql_datasource"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/plan"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/resolve"

	"github.com/nexus-commerce/nexus/router/internal/recovery"
)

// SubscriptionWriter receives the results of one subscription. The
// gateway calls it from one goroutine at a time per subscription.
type SubscriptionWriter interface {
	// Next receives one complete GraphQL response ({"data":...,"errors":...}).
	// The slice is reused after Next returns, so keep a copy. An error ends
	// the subscription (the client is gone or too slow).
	Next(payload []byte) error
	// Complete says the subgraph finished the subscription.
	Complete()
	// Error says the subgraph ended the subscription with errors; payload
	// is {"errors":[...]}.
	Error(payload []byte)
}

// PacedWriter is a SubscriptionWriter that can pace a stream by how fast
// its client reads. The gateway calls Paced before the first Next, and may
// call it again at any time between Nexts, from another goroutine, when the
// stream changes kind (a replaying subscriber moved into a live group gets
// Paced(false)); a writer keeps the flag where Next reads it safely (an
// atomic) and applies it from the next Next on. (The gateway itself tells
// a moved member right before handing it its first result from the live
// group, under the lock it calls Next under: converge.go.)
//
//   - true for a replaying stream (its operation is not live-only, so the
//     members of its group all asked for the same history): Next may wait,
//     within the writer's own bound, for the client to take what is
//     buffered rather than give up on it. Waiting holds back the group's
//     upstream subscription, which is what paces a replay by what the
//     client's socket accepts;
//   - false for a live stream, which may be shared with thousands of
//     clients: Next must never wait, and a client that cannot keep up is
//     refused at once so it never holds the others back.
type PacedWriter interface {
	SubscriptionWriter
	Paced(paced bool)
}

// ErrGatewayClosed is returned by Subscribe when the gateway was retired or
// closed before the subscription could start: the caller retries on the
// current gateway.
var ErrGatewayClosed = errors.New("gateway: closed")

// SubgraphSubscription says how the router subscribes to one subgraph.
type SubgraphSubscription struct {
	// URL receives subscriptions; empty means the subgraph's routing URL.
	URL string
	// Protocol is "ws" (the default) or "sse".
	Protocol string
	// WSSubprotocol is "graphql-transport-ws", "graphql-ws" or empty to
	// negotiate (graphql-transport-ws preferred).
	WSSubprotocol string
	// SSEMethod is "POST" (the default: gqlgen's SSE transport takes only
	// POST) or "GET".
	SSEMethod string
}

// subscriptionConfiguration turns one subgraph's subscription settings into
// the data source's, refusing values it does not know.
func subscriptionConfiguration(s SubgraphSubscription, routingURL string) (*graphql_datasource.SubscriptionConfiguration, error) {
	out := &graphql_datasource.SubscriptionConfiguration{URL: routingURL}
	if s.URL != "" {
		out.URL = s.URL
	}
	switch strings.ToLower(s.Protocol) {
	case "", "ws":
		switch s.WSSubprotocol {
		case "", "graphql-transport-ws", "graphql-ws":
			out.WsSubProtocol = s.WSSubprotocol
		default:
			return nil, errors.New(`subscription.ws_subprotocol must be "graphql-transport-ws" or "graphql-ws"`)
		}
	case "sse":
		out.UseSSE = true
		switch strings.ToUpper(s.SSEMethod) {
		case "", http.MethodPost:
			out.SSEMethodPost = true
		case http.MethodGet:
		default:
			return nil, errors.New(`subscription.sse_method must be "POST" or "GET"`)
		}
	default:
		return nil, errors.New(`subscription.protocol must be "ws" or "sse"`)
	}
	return out, nil
}

// Subscribe runs one operation for a streaming client and blocks until it
// ends: the client's ctx ends, the subgraph completes it, or w refuses a
// result. It is Start for callers that keep a goroutine per subscription.
func (g *Gateway) Subscribe(ctx context.Context, req *graphql.Request, o ExecOptions, w SubscriptionWriter) error {
	bw := &blockingWriter{SubscriptionWriter: w, done: make(chan struct{})}
	stop, err := g.Start(ctx, req, o, bw)
	if err != nil {
		return err
	}
	select {
	case <-ctx.Done():
		stop()
	case <-bw.done:
	}
	return nil
}

// Start begins one operation for a streaming client and returns at once.
// A subscription streams its results to w.Next; any other operation runs
// once (one Next, then Complete) as graphql-transport-ws allows. When the
// operation ends by itself w.Complete or w.Error is called, once; stop ends
// it early, after which w is not called again. A Next that returns an
// error ends it too (the client is gone or too slow), silently.
//
// Refusals before anything runs come back as *RequestError, exactly as
// ExecuteWith returns them; ErrGatewayClosed asks the caller to retry on
// the current gateway. A running subscription keeps this gateway (and its
// resolver) alive through a reload: Retire waits for it.
//
// Clients whose operation, variables, principal and forwarded headers are
// identical share one resolver subscription (see group): each result is
// resolved once and handed to all of them.
func (g *Gateway) Start(ctx context.Context, req *graphql.Request, o ExecOptions, w SubscriptionWriter) (stop func(), err error) {
	if !g.subscribeStart() {
		return nil, ErrGatewayClosed
	}
	m := &subscriber{g: g, w: w, kind: recovery.KindSubscription, requestID: RequestID(ctx)}
	defer func() {
		if err != nil {
			g.subscribeEnd()
		}
	}()
	p := g.prepare(ctx, req.Query, req.OperationName, req.Variables)
	if p.err != nil {
		g.logPlanFailure(ctx, p.err)
		return nil, p.err
	}
	if p.opType == graphql.OperationTypeMutation && !o.AllowMutation {
		// A GET (GraphQL over SSE) never runs a mutation: refused here,
		// before anything runs, so the transport can still answer 405.
		return nil, &RequestError{Err: ErrMutationNotAllowed, Code: "METHOD_NOT_ALLOWED"}
	}
	if p.opType != graphql.OperationTypeSubscription {
		m.kind = recovery.KindStreamedOnce
		return g.startOnce(ctx, req, o, m), nil
	}
	sp, ok := p.plan.(*plan.SubscriptionResponsePlan)
	if !ok {
		return nil, errors.New("gateway: the planner produced no subscription plan")
	}
	var vars *astjson.Value
	if len(p.variables) > 0 {
		if vars, err = astjson.ParseBytes(p.variables); err != nil {
			return nil, &RequestError{Err: err, Code: "BAD_USER_INPUT"}
		}
	}
	if mt := g.opts.Metrics; mt != nil {
		mt.Requests.WithLabelValues("subscription", "ok").Inc()
	}
	g.join(p, sp, vars, o, m)
	return m.stop, nil
}

// startOnce runs a query or mutation sent on a streaming connection.
func (g *Gateway) startOnce(ctx context.Context, req *graphql.Request, o ExecOptions, m *subscriber) func() {
	ctx, cancel := context.WithCancel(ctx)
	go func() {
		// A panic here ends this operation alone: its client gets an
		// internal error, then nothing more (the writer's own panics are
		// caught by the subscriber, the execution's by ExecuteWith).
		defer recovery.Guard(g.opts.Log, g.opts.Metrics, recovery.KindStreamedOnce, m.requestID, func(error) { m.error(internalPayload) })
		if g.panicHook != nil {
			g.panicHook(recovery.KindStreamedOnce)
		}
		var buf bytes.Buffer
		err := g.ExecuteWith(ctx, req, &buf, o)
		switch {
		case err != nil:
			msg, code := "internal error", "INTERNAL_SERVER_ERROR"
			var re *RequestError
			if errors.As(err, &re) {
				msg, code = re.Err.Error(), re.Code
			}
			body, _ := json.Marshal(map[string]any{"errors": []map[string]any{{"message": msg, "extensions": map[string]string{"code": code}}}})
			m.error(body)
		case m.next(buf.Bytes()) == nil:
			m.complete()
		}
	}()
	return func() { cancel(); m.stop() }
}

// blockingWriter tells Subscribe when its operation ended by itself.
type blockingWriter struct {
	SubscriptionWriter
	done chan struct{}
}

func (b *blockingWriter) Next(p []byte) error {
	err := b.SubscriptionWriter.Next(p)
	if err != nil {
		close(b.done)
	}
	return err
}

// Paced passes the gateway's pacing decision on to a writer that paces.
func (b *blockingWriter) Paced(paced bool) {
	if pw, ok := b.SubscriptionWriter.(PacedWriter); ok {
		pw.Paced(paced)
	}
}

func (b *blockingWriter) Complete()      { b.SubscriptionWriter.Complete(); close(b.done) }
func (b *blockingWriter) Error(p []byte) { b.SubscriptionWriter.Error(p); close(b.done) }

// AuthorizeFields decides protected fields up front (the resolver's
// pre-fetch mode, which subscriptions need for their root field). Our
// rules depend only on the principal, so this decides exactly what
// AuthorizeObjectField would after the fetch.
func (a *authorizer) AuthorizeFields(_ *resolve.Context, cs []resolve.GraphCoordinate) ([]resolve.AuthorizationDecision, error) {
	out := make([]resolve.AuthorizationDecision, len(cs))
	for i, c := range cs {
		reason := a.deny(c)
		out[i] = resolve.AuthorizationDecision{Allowed: reason == "", Reason: reason}
	}
	return out, nil
}

// subscribeStart counts a subscription unless the gateway is closing.
func (g *Gateway) subscribeStart() bool {
	g.subMu.Lock()
	defer g.subMu.Unlock()
	if g.closing {
		return false
	}
	g.subs++
	return true
}

// subscribeEnd uncounts a subscription and lets a waiting Retire finish
// when it was the last.
func (g *Gateway) subscribeEnd() {
	g.subMu.Lock()
	defer g.subMu.Unlock()
	g.subs--
	if g.subs == 0 && g.idle != nil {
		close(g.idle)
		g.idle = nil
	}
}

// Subscriptions is the number of subscriptions running on this gateway.
func (g *Gateway) Subscriptions() int {
	g.subMu.Lock()
	defer g.subMu.Unlock()
	return g.subs
}

// subscriptionSink adapts the resolver's writer protocol (Write pieces,
// then Flush) to a SubscriptionWriter. The resolver serialises calls per
// subscription, on goroutines of its own: a panic in Flush, Complete or
// Error (or one a fetch callback recorded in fault) fails the group
// instead of ending the process.
type subscriptionSink struct {
	w     SubscriptionWriter
	buf   bytes.Buffer
	fault *fault
	// fail ends the subscription's clients with an internal error.
	fail func()
}

func (s *subscriptionSink) Write(p []byte) (int, error) { return s.buf.Write(p) }

func (s *subscriptionSink) Flush() (err error) {
	defer s.guard(&err)
	if s.fault.err() != nil {
		// A callback of this subscription panicked while resolving.
		s.buf.Reset()
		s.fail()
		return errGroupEnded
	}
	if s.buf.Len() == 0 {
		return nil
	}
	err = s.w.Next(s.buf.Bytes())
	s.buf.Reset()
	if s.buf.Cap() > 64<<10 {
		// One big event must not pin its buffer for the subscription's life.
		s.buf = bytes.Buffer{}
	}
	return err
}

func (s *subscriptionSink) Complete() {
	defer s.guard(nil)
	s.buf.Reset()
	s.w.Complete()
}

func (s *subscriptionSink) Error(data []byte) {
	defer s.guard(nil)
	s.buf.Reset()
	s.w.Error(data)
}

// guard is deferred directly by the sink's methods: it recovers a panic,
// records it in fault and fails the subscription; err, when given, is
// set so the resolver drops it.
func (s *subscriptionSink) guard(err *error) {
	if !s.fault.recovered(recover()) {
		return
	}
	s.fail()
	if err != nil {
		*err = errGroupEnded
	}
}

// Heartbeat is never asked for (SendHeartbeat is off): the front end keeps
// connections alive itself, once per connection rather than per subscription.
func (s *subscriptionSink) Heartbeat() error { return nil }

// asyncErrors formats errors the resolver raises outside a response (an
// upstream subscription that could not start, an event it could not
// resolve) as a GraphQL error result for the subscription. Details go to
// the log; the client sees a stable code.
type asyncErrors struct {
	g *Gateway
}

func (a asyncErrors) WriteError(ctx *resolve.Context, err error, _ *resolve.GraphQLResponse, w io.Writer) {
	// It runs on the resolver's goroutines; w is the subscription's sink.
	if s, ok := w.(*subscriptionSink); ok {
		defer s.guard(nil)
		if a, ok := s.w.(*attempt); ok && connectionFailed(err) {
			// The upstream subscription could not start on a connection
			// that broke (see connectionFailed): the group subscribes
			// again, as after any lost connection.
			a.lost.Store(true)
			a.grp.gw().opts.Log.Info("subscription upstream failed to start", "err", err)
			return
		}
	}
	msg := "the subscription failed in a subgraph"
	if !a.g.opts.MaskSubgraphErrors && err != nil {
		msg += ": " + err.Error()
	}
	a.g.opts.Log.Warn("subscription error", "err", err)
	body, _ := json.Marshal(map[string]any{"errors": []map[string]any{{
		"message": msg, "extensions": map[string]string{"code": "SUBSCRIPTION_FAILED"},
	}}})
	_, _ = w.Write(body)
	if f, ok := w.(interface{ Flush() error }); ok {
		_ = f.Flush()
	}
}
