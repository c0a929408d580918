package auth

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func TestMiddleware(t *testing.T) {
	now := time.Now()
	a := staticAuth(t, now)
	var got *Claims
	var called bool
	h := Middleware(a, nil)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		called, got = true, ClaimsFrom(r.Context())
	}))

	called = false
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodPost, "/graphql", nil))
	if !called || got != nil {
		t.Fatalf("anonymous: called=%v claims=%v", called, got)
	}

	called = false
	h.ServeHTTP(httptest.NewRecorder(), bearer(t, token(t, jwt.SigningMethodRS256, rsaA, "rsa", claimsAt(now))))
	if !called || got == nil || got.Subject != "user-1" {
		t.Fatalf("valid token: called=%v claims=%+v", called, got)
	}

	called = false
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, bearer(t, token(t, jwt.SigningMethodRS256, rsaB, "rsa", claimsAt(now))))
	if called {
		t.Fatal("handler ran for a bad token")
	}
	if rec.Code != http.StatusUnauthorized || rec.Header().Get("WWW-Authenticate") == "" {
		t.Fatalf("status %d, WWW-Authenticate %q", rec.Code, rec.Header().Get("WWW-Authenticate"))
	}
	var body struct {
		Errors []struct {
			Message    string
			Extensions map[string]string
		}
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || len(body.Errors) != 1 {
		t.Fatalf("body %s: %v", rec.Body, err)
	}
	if body.Errors[0].Extensions["code"] != "UNAUTHENTICATED" || body.Errors[0].Message != "invalid token: signature" {
		t.Fatalf("error = %+v", body.Errors[0])
	}

	var custom error
	h = Middleware(a, func(w http.ResponseWriter, r *http.Request, err error) {
		custom = err
		w.WriteHeader(http.StatusTeapot)
	})(h)
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, bearer(t, "garbage"))
	if custom == nil || rec.Code != http.StatusTeapot {
		t.Fatalf("onError not used: %v, %d", custom, rec.Code)
	}
}
