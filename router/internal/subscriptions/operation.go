package subscriptions

import (
	"context"
	"encoding/json"
	"errors"

	"github.com/wundergraph/graphql-go-tools/execution/graphql"

	"github.com/nexus-commerce/nexus/router/internal/gateway"
)

// errNotReady is returned when the router has no gateway yet.
var errNotReady = &gateway.RequestError{Err: errors.New("the router has no supergraph loaded yet"), Code: "NOT_READY"}

// request is the GraphQL request of a subscribe message or SSE request.
type request struct {
	Query         string          `json:"query"`
	OperationName string          `json:"operationName"`
	Variables     json.RawMessage `json:"variables"`
	Extensions    json.RawMessage `json:"extensions"`
}

// graphQL converts the request for the gateway. Variables default to {}
// so the engine still checks that required ones were provided.
func (r *request) graphQL() *graphql.Request {
	vars := r.Variables
	if len(vars) == 0 || string(vars) == "null" {
		vars = json.RawMessage("{}")
	}
	return &graphql.Request{Query: r.Query, OperationName: r.OperationName, Variables: vars}
}

// start begins one operation on the current gateway without blocking
// (no goroutine per subscription). A gateway retired between lookup and
// start refuses at once; the operation then starts on the new one.
func (h *Handler) start(ctx context.Context, req *graphql.Request, exec gateway.ExecOptions, w gateway.SubscriptionWriter) (func(), error) {
	for {
		gw := h.opts.Gateway()
		if gw == nil {
			return nil, errNotReady
		}
		stop, err := gw.Start(ctx, req, exec, w)
		if !errors.Is(err, gateway.ErrGatewayClosed) || h.opts.Gateway() == gw {
			return stop, err
		}
	}
}

// errorList renders an operation's refusal as a GraphQL errors array;
// errors that are not refusals are logged and shown as internal.
func (h *Handler) errorList(err error) []byte {
	var re *gateway.RequestError
	if !errors.As(err, &re) {
		if errors.Is(err, gateway.ErrGatewayClosed) {
			return codedError("the router is shutting down; subscribe again", "SHUTTING_DOWN")
		}
		h.opts.Log.Error("subscription", "err", err)
		return codedError("internal error", "INTERNAL_SERVER_ERROR")
	}
	reqErrs, ok := gateway.ClientErrors(re.Err, re.Code)
	if !ok {
		return codedError(re.Err.Error(), re.Code)
	}
	b, jerr := json.Marshal(reqErrs)
	if jerr != nil {
		return codedError(re.Err.Error(), re.Code)
	}
	return b
}

// codedError is a one-error GraphQL errors array.
func codedError(msg, code string) []byte {
	b, _ := json.Marshal([]map[string]any{{"message": msg, "extensions": map[string]string{"code": code}}})
	return b
}

// frame builds {"id":id,"type":typ,"payload":payload} without re-encoding
// the payload (already JSON); id and payload may be empty.
func frame(id, typ string, payload []byte) []byte {
	b := make([]byte, 0, len(payload)+len(id)+len(typ)+32)
	b = append(b, '{')
	if id != "" {
		qid, _ := json.Marshal(id)
		b = append(b, `"id":`...)
		b = append(b, qid...)
		b = append(b, ',')
	}
	b = append(b, `"type":"`...)
	b = append(b, typ...)
	b = append(b, '"')
	if len(payload) > 0 {
		b = append(b, `,"payload":`...)
		b = append(b, payload...)
	}
	return append(b, '}')
}
