package gateway

import (
	"context"
	"errors"
)

// CodeQueryPlanFailed is the code of a valid operation the planner could
// not plan: the router's failure, not the client's, so it is never a
// validation code. The HTTP front end answers it with 500.
const CodeQueryPlanFailed = "QUERY_PLAN_FAILED"

// PlanError is a planning failure. Its Error is what the client sees:
// the planner's message when the gateway shows plan errors (development
// mode), else a message pointing to the log; Detail always holds the
// planner's message, which the gateway logs with the request id of every
// request that meets it (the refusal itself is cached per operation).
type PlanError struct {
	Detail error
	show   bool
}

func (e *PlanError) Error() string {
	if e.show {
		return "query planning failed: " + e.Detail.Error()
	}
	return "query planning failed: the router could not plan this valid operation; its log has the planner's message under this request's id (X-Request-ID)"
}

func (e *PlanError) Unwrap() error { return e.Detail }

// planFailed wraps a planner error as the request's refusal.
func (g *Gateway) planFailed(err error) *RequestError {
	return &RequestError{Err: &PlanError{Detail: err, show: g.opts.ShowPlanErrors}, Code: CodeQueryPlanFailed}
}

// logPlanFailure logs a planning failure with the request's id, once per
// request (the prepared refusal is shared by every request with the
// text), and reports whether err was one.
func (g *Gateway) logPlanFailure(ctx context.Context, err error) bool {
	var pe *PlanError
	if !errors.As(err, &pe) {
		return false
	}
	if g.opts.Log != nil {
		g.opts.Log.ErrorContext(ctx, "query planning failed", "err", pe.Detail.Error(), "request_id", RequestID(ctx))
	}
	return true
}
