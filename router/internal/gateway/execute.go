package gateway

import (
	"context"
	"errors"
	"io"
	"net/http"
	"time"

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
	// SubgraphHeaders, when set, decides the headers each subgraph fetch
	// carries (e.g. the router-signed claims header).
	SubgraphHeaders resolve.SubgraphHeadersBuilder
	// Authorizer checks fields carrying authorisation rules per request.
	Authorizer resolve.Authorizer
	// QueryPlan adds the query plan to the response extensions;
	// QueryPlanOnly returns the plan without fetching anything.
	QueryPlan, QueryPlanOnly bool
	// AllowMutation is false for GET requests: only queries may run
	// (mutations and subscriptions are refused with METHOD_NOT_ALLOWED).
	AllowMutation bool
}

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

	p := g.prepare(req.Query, req.OperationName, req.Variables)
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

	rctx := resolve.NewContext(ctx)
	if len(p.variables) > 0 {
		vars, perr := astjson.ParseBytes(p.variables)
		if perr != nil {
			outcome = "request_error"
			return &RequestError{Err: perr, Code: "BAD_USER_INPUT"}
		}
		rctx.Variables = vars
	}
	rctx.RemapVariables = p.remap
	rctx.Request.Header = o.Header
	rctx.SubgraphHeadersBuilder = o.SubgraphHeaders
	rctx.ExecutionOptions.DisableInboundRequestDeduplication = g.opts.DisableSingleFlight
	rctx.ExecutionOptions.DisableSubgraphRequestDeduplication = g.opts.DisableSingleFlight
	rctx.ExecutionOptions.IncludeQueryPlanInResponse = o.QueryPlan || o.QueryPlanOnly
	rctx.ExecutionOptions.SkipLoader = o.QueryPlanOnly
	rctx.SetEngineLoaderHooks(g.hooks)
	if o.Authorizer != nil {
		rctx.SetAuthorizer(o.Authorizer)
	}

	switch pl := p.plan.(type) {
	case *plan.SynchronousResponsePlan:
		if _, err := g.resolver.ResolveGraphQLResponse(rctx, pl.Response, nil, w); err != nil {
			return err
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
