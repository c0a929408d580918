package gateway

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"io"
	"net/http"
	"sync"
	"time"

	"github.com/cespare/xxhash/v2"
	"github.com/wundergraph/astjson"
	"github.com/wundergraph/graphql-go-tools/execution/graphql"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/plan"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/resolve"
)

// ExecOptions are the per-request inputs beyond the GraphQL request itself.
type ExecOptions struct {
	// Header is forwarded to subgraphs by the SubgraphHeaders builder and
	// is part of the single-flight key.
	Header http.Header
	// Principal is the verified caller (nil: anonymous); fields with
	// @authenticated / @requiresScopes are checked against it.
	Principal *Principal
	// Forward is the caller's identity sent with every subgraph fetch (the
	// router-signed claims header); its Key is part of the single-flight
	// key. Nil: nothing is forwarded.
	Forward *Forwarder
	// QueryPlan adds the query plan to the response extensions;
	// QueryPlanOnly returns the plan without fetching anything.
	QueryPlan, QueryPlanOnly bool
	// AllowMutation is false for GET requests: only queries may run
	// (mutations and subscriptions are refused with METHOD_NOT_ALLOWED).
	AllowMutation bool
}

// ErrTimeout is returned when the request's deadline passed before the
// response was complete.
var ErrTimeout = &RequestError{Err: errors.New("the request did not finish in time"), Code: "TIMEOUT"}

// ErrMutationNotAllowed is returned for a mutation sent where only
// queries may run (HTTP GET).
var ErrMutationNotAllowed = errors.New("only queries may be sent with GET; use POST")

// Execute runs one operation and writes the GraphQL response JSON to w.
// Operations refused before execution come back as *RequestError so the
// HTTP layer can pick the status code.
func (g *Gateway) Execute(ctx context.Context, req *graphql.Request, w io.Writer) error {
	return g.ExecuteWith(ctx, req, w, ExecOptions{AllowMutation: true})
}

// ExecuteWith is Execute with per-request options.
func (g *Gateway) ExecuteWith(ctx context.Context, req *graphql.Request, w io.Writer, o ExecOptions) (err error) {
	g.inflight.Add(1)
	defer g.inflight.Add(-1)
	start := time.Now()
	m := g.opts.Metrics
	opLabel := "unknown"
	outcome := "ok"
	if m != nil {
		m.InFlight.Inc()
		defer func() {
			m.InFlight.Dec()
			if err != nil && outcome == "ok" {
				outcome = "error"
			}
			m.Requests.WithLabelValues(opLabel, outcome).Inc()
			m.RequestDuration.WithLabelValues(opLabel).Observe(time.Since(start).Seconds())
		}()
	}

	p := g.prepare(ctx, req.Query, req.OperationName, req.Variables)
	opLabel = opTypeName(p.opType)
	if !o.AllowMutation && (p.opType == graphql.OperationTypeMutation || p.opType == graphql.OperationTypeSubscription) {
		outcome = "request_error"
		return &RequestError{Err: ErrMutationNotAllowed, Code: "METHOD_NOT_ALLOWED"}
	}
	if p.err != nil {
		outcome = "request_error"
		return p.err
	}
	if p.introspection && g.opts.DisableIntrospection {
		outcome = "request_error"
		return &RequestError{Err: errors.New("introspection is disabled on this router"), Code: "INTROSPECTION_DISABLED"}
	}

	// With single-flight on, this request may lead a fetch that other
	// requests share; a client that disconnects must not cancel it under
	// them. The request still ends at its deadline.
	ectx := ctx
	if !g.opts.DisableSingleFlight {
		if dl, ok := ctx.Deadline(); ok {
			var cancel context.CancelFunc
			ectx, cancel = context.WithDeadline(context.WithoutCancel(ctx), dl)
			defer cancel()
		}
	}
	// The subgraph requests this execution makes, for the exact paths of
	// entity errors (entitypaths.go); the followers of an inbound
	// single-flight group read their leader's.
	ectx, flog := withFetchLog(ectx)
	rctx := resolve.NewContext(ectx)
	rctx.GetDeduplicationData = func(context.Context) any { return flog }
	rctx.SetDeduplicationData = func(_ context.Context, d any) {
		if l, ok := d.(*fetchLog); ok {
			flog = l
		}
	}
	if len(p.variables) > 0 {
		vars, perr := astjson.ParseBytes(p.variables)
		if perr != nil {
			outcome = "request_error"
			return &RequestError{Err: perr, Code: "BAD_USER_INPUT"}
		}
		rctx.Variables = vars
	}
	rctx.RemapVariables = p.remap
	rctx.Request.ID = p.id
	rctx.VariablesHash = p.varsHash
	rctx.Request.Header = o.Header
	if o.Principal != nil || o.Forward != nil {
		rctx.SubgraphHeadersBuilder = newHeaders(o.Principal, o.Forward)
	}
	// A request for the query plan gets a different response than its
	// twin without the header, so it never shares one.
	rctx.ExecutionOptions.DisableInboundRequestDeduplication = g.opts.DisableSingleFlight || o.QueryPlan || o.QueryPlanOnly
	rctx.ExecutionOptions.DisableSubgraphRequestDeduplication = g.opts.DisableSingleFlight
	rctx.ExecutionOptions.IncludeQueryPlanInResponse = o.QueryPlan || o.QueryPlanOnly
	rctx.ExecutionOptions.SkipLoader = o.QueryPlanOnly
	rctx.SetEngineLoaderHooks(g.hooks)
	if len(g.rules) > 0 {
		rctx.SetAuthorizer(&authorizer{rules: g.rules, who: o.Principal, mutation: p.opType == graphql.OperationTypeMutation})
	}

	switch pl := p.plan.(type) {
	case *plan.SynchronousResponsePlan:
		// The resolver writes the complete response in one Write (leader
		// and single-flight followers alike); the sink repairs its errors
		// and hands it on without another copy, or drops it when the
		// deadline already passed.
		sink := &resolveSink{w: w, ctx: ectx, fix: func(b []byte) []byte {
			return fixErrors(b, p.doc, p.opName, fetchFailures(rctx.SubgraphErrors(), pl.Response), flog.entityErrors(pl.Response.Fetches))
		}}
		info, err := g.resolver.ArenaResolveGraphQLResponse(rctx, pl.Response, sink)
		if m != nil && info != nil && info.ResolveDeduplicated {
			m.SharedResponses.Inc()
		}
		if sink.timedOut || (!sink.wrote && errors.Is(ectx.Err(), context.DeadlineExceeded)) {
			// The deadline cut subgraph fetches short: a partial answer
			// would blame a subgraph for the router's own timeout.
			outcome = "timeout"
			return ErrTimeout
		}
		if err != nil {
			return err
		}
		if sink.err != nil {
			return sink.err
		}
		if rctx.SubgraphErrors() != nil {
			outcome = "partial"
		}
		return nil
	case *plan.SubscriptionResponsePlan:
		outcome = "request_error"
		return &RequestError{Err: errors.New("subscriptions are served over WebSocket and SSE, not plain HTTP"), Code: "SUBSCRIPTIONS_NOT_SUPPORTED"}
	default:
		return errors.New("gateway: the planner produced no executable plan")
	}
}

func opTypeName(t graphql.OperationType) string {
	switch t {
	case graphql.OperationTypeQuery:
		return "query"
	case graphql.OperationTypeMutation:
		return "mutation"
	case graphql.OperationTypeSubscription:
		return "subscription"
	}
	return "unknown"
}

// Forwarder is what a request forwards to subgraphs about its caller: the
// headers signed when it was authenticated, and how to sign them again. A
// subscription outlives the signed header's short lifetime (kitauth.TTL),
// so its entity fetches ask for a fresh signature once Fresh has passed.
type Forwarder struct {
	// Header was signed at SignedAt.
	Header   http.Header
	SignedAt time.Time
	// Fresh is how long one signature is sent (half its lifetime, so a
	// fetch never carries one about to expire). Zero: never re-signed.
	Fresh time.Duration
	// Sign signs the headers again at now; an error (the caller's own
	// token has expired) keeps the last signature, which the subgraphs
	// then refuse.
	Sign func(now time.Time) (http.Header, error)
	// Key identifies what is forwarded independent of when it was signed:
	// requests share single-flight fetches and subscriptions only when
	// their keys (and principals) are equal.
	Key string
}

// headers is the per-request SubgraphHeadersBuilder: the same forwarded
// headers for every subgraph, hashed together with the principal so that
// single-flight never shares a response between different callers. With a
// Forwarder it re-signs them when they grow old (subscriptions).
type headers struct {
	hash uint64
	fw   *Forwarder
	now  func() time.Time

	mu       sync.Mutex
	h        http.Header
	signedAt time.Time
}

func newHeaders(p *Principal, fw *Forwarder) *headers {
	d := xxhash.New()
	if p != nil {
		_, _ = d.WriteString(p.Subject)
		for _, s := range p.Scopes {
			_, _ = d.Write([]byte{0})
			_, _ = d.WriteString(s)
		}
		// The token's expiry too: a shared subscription re-signs with the
		// first subscriber's token and ends with it, so callers holding
		// different tokens never share one.
		var exp [8]byte
		binary.LittleEndian.PutUint64(exp[:], uint64(p.Expires.Unix()))
		_, _ = d.Write(exp[:])
	}
	h := &headers{fw: fw, now: time.Now}
	if fw != nil {
		_, _ = d.Write([]byte{1})
		_, _ = d.WriteString(fw.Key)
		h.h, h.signedAt = fw.Header, fw.SignedAt
	}
	h.hash = d.Sum64() | 1 // never 0: 0 means "no headers"
	return h
}

// withHash is h with another hash (a subscription group's own trigger id),
// sharing nothing mutable with h.
func (h *headers) withHash(hash uint64) *headers {
	h.mu.Lock()
	defer h.mu.Unlock()
	return &headers{hash: hash, fw: h.fw, now: h.now, h: h.h, signedAt: h.signedAt}
}

func (h *headers) HeadersForSubgraph(string) (http.Header, uint64) {
	if h.fw == nil || h.fw.Sign == nil || h.fw.Fresh <= 0 {
		return h.h, h.hash
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if now := h.now(); now.Sub(h.signedAt) >= h.fw.Fresh {
		if fresh, err := h.fw.Sign(now); err == nil {
			// A new map: a fetch may still be reading the old one.
			h.h, h.signedAt = fresh, now
		}
	}
	return h.h, h.hash
}

func (h *headers) HashAll() uint64 { return h.hash }

// resolveSink is the resolver's writer for one request.
type resolveSink struct {
	w        io.Writer
	ctx      context.Context
	fix      func([]byte) []byte
	wrote    bool
	timedOut bool
	err      error
}

func (s *resolveSink) Write(b []byte) (int, error) {
	n := len(b)
	if s.timedOut {
		return n, nil
	}
	if !s.wrote {
		if errors.Is(s.ctx.Err(), context.DeadlineExceeded) {
			s.timedOut = true
			return n, nil
		}
		if bytes.HasPrefix(b, errorsPrefix) {
			b = s.fix(b)
		}
	}
	s.wrote = true
	if _, err := s.w.Write(b); err != nil {
		s.err = err
		return n, err
	}
	return n, nil
}
