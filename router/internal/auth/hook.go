package auth

import (
	"net/http"
	"time"

	"github.com/nexus-commerce/nexus/router/internal/gateway"
)

// ExecHook returns the per-request hook the HTTP and subscription layers
// run before executing: it verifies the caller's token, hands the
// principal to the gateway (for @authenticated/@requiresScopes) and, when
// secret is set, forwards the claims to subgraphs in the router-signed
// header. No token is an anonymous request; a bad one is an *Error the
// HTTP layer answers with 401.
func ExecHook(a *Authenticator, secret []byte) func(*http.Request, *gateway.ExecOptions) error {
	return func(r *http.Request, o *gateway.ExecOptions) error {
		c, err := a.Authenticate(r)
		if err != nil || c == nil {
			return err
		}
		o.Principal = &gateway.Principal{Subject: c.Subject, Scopes: c.Scopes}
		if secret != nil {
			name, value, err := ForwardHeader(c, secret, time.Now())
			if err != nil {
				return err
			}
			if value != "" {
				o.ForwardHeaders = http.Header{name: {value}}
			}
		}
		return nil
	}
}
