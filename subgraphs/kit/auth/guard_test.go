package auth

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// RequireRouter lets through exactly the router's signatures — anonymous
// or with claims — and answers everything else 403 FORBIDDEN with the same
// body, before the handler runs.
func TestRequireRouter(t *testing.T) {
	now := time.Now()
	other := []byte("another-secret-another-secret-xx")
	anon, err := SignAnonymous(secret, now)
	if err != nil {
		t.Fatal(err)
	}
	admin := sign(t, &Claims{Subject: "ada", Scopes: []string{"admin"}}, secret, now)
	// tamper changes the signature's first character (the payload is
	// covered by "a client's own JWT" and "anonymous carrying a subject").
	tamper := func(v string) string {
		parts := strings.Split(v, ".")
		sig := []byte(parts[2])
		sig[0] = map[bool]byte{true: 'A', false: 'B'}[sig[0] != 'A']
		return parts[0] + "." + parts[1] + "." + string(sig)
	}
	anonWithClaims := forge(t, jwt.SigningMethodHS256, secret, jwt.MapClaims{
		"iss": Issuer, "aud": Audience, "sub": "root", "anon": true, "iat": now.Unix(), "exp": now.Add(time.Minute).Unix(),
	})
	otherAnon, _ := SignAnonymous(other, now)
	expiredAnon, _ := SignAnonymous(secret, now.Add(-2*TTL))
	tests := []struct {
		name    string
		headers []string
		subject string // "" with pass: anonymous
		pass    bool
		reason  string
	}{
		{"router's anonymous signature", []string{anon}, "", true, ""},
		{"router's signed claims", []string{admin}, "ada", true, ""},
		{"no header", nil, "", false, "missing"},
		{"two headers", []string{anon, anon}, "", false, "malformed"},
		{"tampered claims", []string{tamper(admin)}, "", false, "signature"},
		{"tampered anonymous", []string{tamper(anon)}, "", false, "signature"},
		{"expired", []string{sign(t, &Claims{Subject: "ada"}, secret, now.Add(-2*TTL))}, "", false, "expired"},
		{"expired anonymous", []string{expiredAnon}, "", false, "expired"},
		{"another secret", []string{sign(t, &Claims{Subject: "ada", Scopes: []string{"admin"}}, other, now)}, "", false, "signature"},
		{"another secret, anonymous", []string{otherAnon}, "", false, "signature"},
		{"anonymous carrying a subject", []string{anonWithClaims}, "", false, "claims"},
		{"alg none", []string{forge(t, jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType, jwt.MapClaims{"iss": Issuer, "aud": Audience, "anon": true, "exp": now.Add(time.Minute).Unix()})}, "", false, "signature"},
		{"a client's own JWT", []string{forge(t, jwt.SigningMethodHS256, []byte("client-jwt-secret-client-jwt-sec"), jwt.MapClaims{"sub": "u", "exp": now.Add(time.Minute).Unix()})}, "", false, "signature"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var refused error
			ran := false
			var seen *Claims
			h := RequireRouter(secret, func(_ *http.Request, err error) { refused = err })(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				ran, seen = true, ClaimsFrom(r.Context())
				if r.Header.Get(HeaderName) != "" {
					t.Error("the header reached the handler")
				}
			}))
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, request(t, tt.headers...))
			if tt.pass {
				if !ran || rec.Code != http.StatusOK || refused != nil {
					t.Fatalf("refused (%d, %v)", rec.Code, refused)
				}
				if (seen == nil) != (tt.subject == "") || (seen != nil && seen.Subject != tt.subject) {
					t.Fatalf("claims = %+v, want subject %q", seen, tt.subject)
				}
				return
			}
			if ran || rec.Code != http.StatusForbidden {
				t.Fatalf("status %d, handler ran %v", rec.Code, ran)
			}
			var body struct {
				Errors []struct {
					Message    string            `json:"message"`
					Extensions map[string]string `json:"extensions"`
				} `json:"errors"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || len(body.Errors) != 1 || body.Errors[0].Extensions["code"] != "FORBIDDEN" ||
				!strings.Contains(body.Errors[0].Message, "only from the Nexus router") {
				t.Fatalf("body %s (%v)", rec.Body.String(), err)
			}
			if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
				t.Fatalf("content type %q", ct)
			}
			e, ok := refused.(*Error)
			if !ok || (tt.reason != "" && e.Reason != tt.reason) {
				t.Fatalf("refusal cause %v, want reason %q", refused, tt.reason)
			}
		})
	}
}

// The remembered anonymous signature is honoured only while it is valid
// and only for the exact same value.
func TestRequireRouterAnonymousCache(t *testing.T) {
	t0 := time.Now()
	g := &guard{secret: secret, now: func() time.Time { return t0 }}
	v, err := SignAnonymous(secret, t0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := g.check(request(t, v)); err != nil {
		t.Fatalf("first check: %v", err)
	}
	if g.anon.Load() == nil || g.anon.Load().value != v {
		t.Fatal("the anonymous signature was not remembered")
	}
	if _, err := g.check(request(t, v+"x")); err == nil {
		t.Fatal("a different value passed on the remembered one")
	}
	g.now = func() time.Time { return t0.Add(TTL + leeway + time.Second) }
	if _, err := g.check(request(t, v)); err == nil {
		t.Fatal("the remembered signature passed after it expired")
	}
}

func TestSignAnonymousRoundTrip(t *testing.T) {
	now := time.Now()
	v, err := SignAnonymous(secret, now)
	if err != nil {
		t.Fatal(err)
	}
	if c, err := VerifyValue(v, secret, now); c != nil || err != nil {
		t.Fatalf("VerifyValue = %+v, %v; want anonymous", c, err)
	}
	if _, err := SignAnonymous([]byte("short"), now); err == nil {
		t.Fatal("short secret accepted")
	}
}
