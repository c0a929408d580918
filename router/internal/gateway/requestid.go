package gateway

import "context"

type requestIDKey struct{}

// WithRequestID returns ctx carrying the request id the front end assigned,
// so what the gateway logs about a request (a recovered panic while
// preparing it) can be matched to the front end's request log line.
func WithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, requestIDKey{}, id)
}

// requestID is the id WithRequestID put in ctx, or "".
func requestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

// syncRequestID makes the request id the same in ctx and o, whichever the
// front end set: logs of the prepare path read ctx, those of execution and
// subscriptions read o.RequestID.
func syncRequestID(ctx context.Context, o *ExecOptions) context.Context {
	switch id := requestID(ctx); {
	case o.RequestID == "" && id != "":
		o.RequestID = id
	case o.RequestID != "" && id == "":
		ctx = WithRequestID(ctx, o.RequestID)
	}
	return ctx
}
