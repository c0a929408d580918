package gateway

import "context"

type requestIDKey struct{}

// WithRequestID returns ctx carrying the request id the front end assigned,
// so what the gateway logs about a request (a recovered panic while
// preparing, executing or streaming it) can be matched to the front end's
// request log line. Every front end (HTTP, WebSocket, SSE) sets it.
func WithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, requestIDKey{}, id)
}

// RequestID is the id WithRequestID put in ctx, or "".
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}
