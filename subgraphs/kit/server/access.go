package server

import (
	"errors"
	"net/http"

	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
)

// access puts the router's signature check in front of the GraphQL
// handler: in production (RequireRouter) only requests the router signed
// get through; otherwise a valid header still identifies the caller and
// anything else is anonymous. A refusal of a request without any header
// (someone calling the service directly) logs at debug level; a header
// that does not verify — a forgery, or a router with another secret —
// logs a warning, since it is worth an operator's look.
func access(o Options, next http.Handler) http.Handler {
	report := func(r *http.Request, err error) {
		level := o.Log.WarnContext
		if errors.Is(err, kitauth.ErrNotFromRouter) {
			level = o.Log.DebugContext
		}
		level(r.Context(), "GraphQL request refused: not signed by the router", "err", err, "request_id", RequestID(r.Context()))
	}
	switch {
	case o.RequireRouter:
		return kitauth.RequireRouter(o.RouterSecret, report)(next)
	case len(o.RouterSecret) > 0:
		return kitauth.Middleware(o.RouterSecret, func(r *http.Request, err error) {
			o.Log.WarnContext(r.Context(), "forwarded claims rejected; request treated as anonymous", "err", err, "request_id", RequestID(r.Context()))
		})(next)
	}
	return next
}
