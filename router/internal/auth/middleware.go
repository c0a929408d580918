package auth

import (
	"encoding/json"
	"net/http"
)

// Middleware authenticates every request: a valid token puts its claims
// into the context (ClaimsFrom), no token lets the request through as
// anonymous, and a refused token goes to onError, which must write the
// response. A nil onError answers 401 with a GraphQL error whose
// extensions.code is UNAUTHENTICATED — a client with a bad token is told
// so, rather than silently served as anonymous.
func Middleware(a *Authenticator, onError func(w http.ResponseWriter, r *http.Request, err error)) func(http.Handler) http.Handler {
	if onError == nil {
		onError = WriteError
	}
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			c, err := a.Authenticate(r)
			if err != nil {
				onError(w, r, err)
				return
			}
			if c != nil {
				r = r.WithContext(WithClaims(r.Context(), c))
			}
			next.ServeHTTP(w, r)
		})
	}
}

// WriteError is the default response to a refused token (RFC 6750: 401
// with WWW-Authenticate) in the GraphQL over HTTP error shape.
func WriteError(w http.ResponseWriter, _ *http.Request, err error) {
	code := "UNAUTHENTICATED"
	if e, ok := err.(interface{ ErrorCode() string }); ok {
		code = e.ErrorCode()
	}
	body, _ := json.Marshal(map[string]any{"errors": []any{map[string]any{
		"message":    err.Error(),
		"extensions": map[string]string{"code": code},
	}}})
	w.Header().Set("Content-Type", "application/graphql-response+json; charset=utf-8")
	w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
	w.WriteHeader(http.StatusUnauthorized)
	_, _ = w.Write(body)
}
