package gateway

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"time"

	"github.com/wundergraph/astjson"
	"github.com/wundergraph/graphql-go-tools/execution/graphql"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/plan"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/resolve"

	"github.com/nexus-commerce/nexus/router/internal/recovery"
)

// ExecOptions are the per-request inputs beyond the GraphQL request itself.
type ExecOptions struct {
	// Header is the client's request headers, which the engine's input
	// templates may read. Subgraphs get none of them (only the principal
	// and the forwarded identity, which key the single-flight), so it is
	// not part of the single-flight key.
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
	// ClientAddr is the caller's IP address, sent to subgraphs as
	// X-Forwarded-For (empty: no header).
	ClientAddr string
	// Cookies is the request's cookie exchange with subgraphs (GraphQL
	// over HTTP only; nil: no cookie reaches any subgraph and every
	// Set-Cookie is dropped). Its SetCookies are complete when the
	// response is written.
	Cookies *Cookies
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
	rid := RequestID(ctx)
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
	// A panic on this goroutine ends this request alone, with an internal
	// error (deferred after the metrics so they count it as an error).
	defer recovery.Guard(g.opts.Log, m, recovery.KindExecute, rid, func(perr error) { err = perr })

	p := g.prepare(ctx, req.Query, req.OperationName, req.Variables)
	opLabel = opTypeName(p.opType)
	if !o.AllowMutation && (p.opType == graphql.OperationTypeMutation || p.opType == graphql.OperationTypeSubscription) {
		outcome = "request_error"
		return &RequestError{Err: ErrMutationNotAllowed, Code: "METHOD_NOT_ALLOWED"}
	}
	if p.err != nil {
		outcome = "request_error"
		if g.logPlanFailure(ctx, p.err) {
			outcome = "error" // the router's failure, not the request's
		}
		return p.err
	}
	for _, u := range p.unplanned {
		g.opts.Log.ErrorContext(ctx, "query planning failed", "field", u.key, "err", u.detail, "request_id", rid)
	}
	if p.introspection && g.opts.DisableIntrospection {
		outcome = "request_error"
		return &RequestError{Err: errors.New("introspection is disabled on this router"), Code: "INTROSPECTION_DISABLED"}
	}

	pl, ok := p.plan.(*plan.SynchronousResponsePlan)
	if !ok {
		if _, sub := p.plan.(*plan.SubscriptionResponsePlan); sub {
			outcome = "request_error"
			return &RequestError{Err: errors.New("subscriptions are served over WebSocket and SSE, not plain HTTP"), Code: "SUBSCRIPTIONS_NOT_SUPPORTED"}
		}
		return errors.New("gateway: the planner produced no executable plan")
	}
	var vars *astjson.Value
	if len(p.variables) > 0 {
		var perr error
		if vars, perr = astjson.ParseBytes(p.variables); perr != nil {
			outcome = "request_error"
			return &RequestError{Err: perr, Code: "BAD_USER_INPUT"}
		}
	}

	// With single-flight on, this request may lead an execution that other
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
	flt := g.newFault(recovery.KindExecute, rid)
	var hdr *headers
	key := inboundKey{op: p.id, vars: p.varsHash}
	if o.Principal != nil || o.Forward != nil || o.ClientAddr != "" || o.Cookies.sends() {
		hdr = newHeaders(&o)
		hdr.fault = flt
		key.who = hdr.hash
	}

	// Identical queries share one execution (inbound.go). A request for
	// the query plan gets a different response than its twin without the
	// header, so it never shares one.
	var lead *flight
	if !g.opts.DisableSingleFlight && !o.QueryPlan && !o.QueryPlanOnly && p.opType == graphql.OperationTypeQuery {
		f, res, werr := g.inbound.lead(ectx, key)
		switch {
		case errors.Is(werr, context.DeadlineExceeded):
			outcome = "timeout"
			return ErrTimeout
		case werr != nil:
			return werr
		case res != nil:
			if m != nil {
				m.SharedResponses.Inc()
			}
			outcome, err = answerShared(ectx, w, p, pl, *res)
			return err
		}
		lead = f
	}

	// The subgraph requests this execution makes, for the exact paths of
	// entity errors (entitypaths.go); the followers of a shared execution
	// read their leader's.
	ectx, flog := withFetchLog(ectx)
	ectx = withFault(ectx, flt)
	ectx = withCookies(ectx, o.Cookies)
	rctx := resolve.NewContext(ectx)
	rctx.Variables = vars
	rctx.RemapVariables = p.remap
	rctx.Request.ID = p.id
	rctx.VariablesHash = p.varsHash
	rctx.Request.Header = o.Header
	if hdr != nil {
		rctx.SubgraphHeadersBuilder = hdr
	}
	// The engine's own inbound de-duplication is never used: it can close
	// a channel twice (inbound.go); the gateway shares executions itself.
	rctx.ExecutionOptions.DisableInboundRequestDeduplication = true
	rctx.ExecutionOptions.DisableSubgraphRequestDeduplication = g.opts.DisableSingleFlight
	rctx.ExecutionOptions.IncludeQueryPlanInResponse = o.QueryPlan || o.QueryPlanOnly
	rctx.ExecutionOptions.SkipLoader = o.QueryPlanOnly
	rctx.SetEngineLoaderHooks(g.hooks)
	if len(g.rules) > 0 {
		rctx.SetAuthorizer(&authorizer{rules: g.rules, who: o.Principal, mutation: p.opType == graphql.OperationTypeMutation})
	}

	// The resolver writes the complete response in one Write; the sink
	// repairs its errors and hands it on without another copy, or drops
	// it when the deadline already passed or a callback panicked.
	sink := &resolveSink{w: w, ctx: ectx, fault: flt, fix: func(b []byte) []byte {
		return fixErrors(b, p.doc, p.opName, fetchFailures(rctx.SubgraphErrors(), pl.Response), flog.entityErrors(pl.Response.Fetches))
	}}
	if len(p.unplanned) > 0 {
		sink.patch = p.patchUnplanned
	}
	// A leader hands its response to its followers as the resolver writes
	// it (before its own client gets it), or its failure when there is
	// none; on a panic the deferred finish frees them.
	finished := lead == nil
	finish := func(res flightResult) {
		finished = true
		g.inbound.finish(key, lead, res)
	}
	if lead != nil {
		defer func() {
			if !finished {
				finish(flightResult{err: recovery.ErrPanic})
			}
		}()
		sink.publish = func(b []byte) {
			if ferr := flt.err(); ferr != nil {
				finish(flightResult{err: ferr})
				return
			}
			finish(flightResult{body: b, flog: flog, subgraphErrs: rctx.SubgraphErrors()})
		}
	}
	_, err = g.resolver.ArenaResolveGraphQLResponse(rctx, pl.Response, sink)
	if !finished {
		res := flightResult{err: err, retry: ectx.Err() != nil}
		if res.err == nil {
			res.err = errors.New("gateway: the shared execution wrote no response")
		}
		if ferr := flt.err(); ferr != nil {
			res = flightResult{err: ferr}
		}
		finish(res)
	}
	if ferr := flt.err(); ferr != nil {
		return ferr
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

// resolveSink is the resolver's writer for one request.
type resolveSink struct {
	w   io.Writer
	ctx context.Context
	fix func([]byte) []byte
	// patch, when set, completes every response (root fields the planner
	// could not plan: prepared.patchUnplanned).
	patch func([]byte) []byte
	// publish, when set, receives the response first (a leader's
	// followers); fault, when it recorded a panic, drops the response.
	publish  func([]byte)
	fault    *fault
	wrote    bool
	timedOut bool
	err      error
}

func (s *resolveSink) Write(b []byte) (int, error) {
	n := len(b)
	if s.publish != nil {
		publish := s.publish
		s.publish = nil
		publish(b)
	}
	if s.timedOut || s.fault.err() != nil {
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
		if s.patch != nil {
			b = s.patch(b)
		}
	}
	s.wrote = true
	if _, err := s.w.Write(b); err != nil {
		s.err = err
		return n, err
	}
	return n, nil
}
