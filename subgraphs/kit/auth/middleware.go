package auth

import "net/http"

// Middleware verifies X-Nexus-Claims and puts the claims into the request
// context (ClaimsFrom). A missing header means anonymous; a header that does
// not verify is reported to onInvalid (may be nil) and the request goes on
// as anonymous — a forged header gains nothing, and the field resolvers
// decide what anonymous callers may see. The header is always removed from
// the request so no handler can read unverified claims by accident.
func Middleware(secret []byte, onInvalid func(r *http.Request, err error)) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			c, err := Verify(r, secret)
			if err != nil && onInvalid != nil {
				onInvalid(r, err)
			}
			r = r.Clone(WithClaims(r.Context(), c))
			r.Header.Del(HeaderName)
			next.ServeHTTP(w, r)
		})
	}
}
