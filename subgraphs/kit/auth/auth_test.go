package auth

import (
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

var secret = []byte("0123456789abcdef0123456789abcdef")

func request(t *testing.T, values ...string) *http.Request {
	t.Helper()
	r := httptest.NewRequest(http.MethodPost, "/graphql", nil)
	for _, v := range values {
		r.Header.Add(HeaderName, v)
	}
	return r
}

func sign(t *testing.T, c *Claims, key []byte, now time.Time) string {
	t.Helper()
	v, err := Sign(c, key, now)
	if err != nil {
		t.Fatalf("Sign: %v", err)
	}
	return v
}

func TestVerifyRoundTrip(t *testing.T) {
	in := &Claims{Subject: "user-1", Scopes: []string{"orders:read", "admin"}, Raw: map[string]any{"sub": "user-1", "email": "a@example.com"}}
	got, err := Verify(request(t, sign(t, in, secret, time.Now())), secret)
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	if got.Subject != "user-1" || strings.Join(got.Scopes, ",") != "orders:read,admin" || got.Raw["email"] != "a@example.com" {
		t.Fatalf("claims = %+v", got)
	}
	if !got.HasScope("admin") || got.HasScope("root") {
		t.Fatalf("HasScope wrong for %v", got.Scopes)
	}
}

func TestVerifyNoHeaderIsAnonymous(t *testing.T) {
	c, err := Verify(request(t), secret)
	if c != nil || err != nil {
		t.Fatalf("Verify = %v, %v; want nil, nil", c, err)
	}
}

// forge signs arbitrary claims with key and method, as an attacker (or a
// misconfigured service) would.
func forge(t *testing.T, m jwt.SigningMethod, key any, claims jwt.MapClaims) string {
	t.Helper()
	s, err := jwt.NewWithClaims(m, claims).SignedString(key)
	if err != nil {
		t.Fatalf("forge: %v", err)
	}
	return s
}

func TestVerifyRejects(t *testing.T) {
	now := time.Now()
	good := jwt.MapClaims{"iss": Issuer, "aud": Audience, "sub": "u", "iat": now.Unix(), "exp": now.Add(time.Minute).Unix()}
	with := func(k string, v any) jwt.MapClaims {
		c := jwt.MapClaims{}
		for kk, vv := range good {
			c[kk] = vv
		}
		if v == nil {
			delete(c, k)
		} else {
			c[k] = v
		}
		return c
	}
	rsaKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	other := []byte("another-secret-another-secret-xx")
	claims := &Claims{Subject: "u"}
	tests := []struct {
		name   string
		value  string
		reason string
	}{
		{"forged with another secret", sign(t, claims, other, now), "signature"},
		{"expired", sign(t, claims, secret, now.Add(-2*TTL)), "expired"},
		{"issued in the future", sign(t, claims, secret, now.Add(time.Minute)), "expired"},
		{"wrong audience", forge(t, jwt.SigningMethodHS256, secret, with("aud", "someone-else")), "claims"},
		{"wrong issuer", forge(t, jwt.SigningMethodHS256, secret, with("iss", "auth-service")), "claims"},
		{"no expiry", forge(t, jwt.SigningMethodHS256, secret, with("exp", nil)), "claims"},
		{"no subject", forge(t, jwt.SigningMethodHS256, secret, with("sub", nil)), "claims"},
		{"HS512 instead of HS256", forge(t, jwt.SigningMethodHS512, secret, good), "signature"},
		{"RS256", forge(t, jwt.SigningMethodRS256, rsaKey, good), "signature"},
		{"alg none", forge(t, jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType, good), "signature"},
		{"not a token", "hello", "malformed"},
		{"empty", "", "malformed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Verify(request(t, tt.value), secret)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Verify = %v, %v; want *Error", c, err)
			}
			if c != nil {
				t.Fatalf("claims returned with error: %+v", c)
			}
			if e.Reason != tt.reason {
				t.Fatalf("reason = %q (%v), want %q", e.Reason, e.cause, tt.reason)
			}
			if tt.value != "" && strings.Contains(e.Error(), tt.value) {
				t.Fatalf("error echoes the header: %v", e)
			}
			if e.ErrorCode() != "UNAUTHENTICATED" {
				t.Fatalf("code = %q", e.ErrorCode())
			}
		})
	}
}

func TestVerifyLeeway(t *testing.T) {
	now := time.Now()
	v := sign(t, &Claims{Subject: "u"}, secret, now)
	if _, err := VerifyValue(v, secret, now.Add(TTL+leeway-time.Second)); err != nil {
		t.Fatalf("within leeway: %v", err)
	}
	if _, err := VerifyValue(v, secret, now.Add(TTL+leeway+time.Second)); err == nil {
		t.Fatal("past leeway: accepted")
	}
}

func TestVerifyTwoHeadersRejected(t *testing.T) {
	v := sign(t, &Claims{Subject: "u"}, secret, time.Now())
	if _, err := Verify(request(t, v, v), secret); err == nil {
		t.Fatal("two X-Nexus-Claims headers accepted")
	}
}

func TestVerifyEmptySecretRejects(t *testing.T) {
	v := forge(t, jwt.SigningMethodHS256, []byte("x"), jwt.MapClaims{"iss": Issuer, "aud": Audience, "sub": "u", "exp": time.Now().Add(time.Minute).Unix()})
	if _, err := Verify(request(t, v), nil); err == nil {
		t.Fatal("verified with no secret configured")
	}
}

func TestSignRefusesShortSecretAndNilClaims(t *testing.T) {
	if _, err := Sign(&Claims{Subject: "u"}, []byte("short"), time.Now()); err == nil || !strings.Contains(err.Error(), SecretEnv) {
		t.Fatalf("short secret: %v", err)
	}
	if _, err := Sign(nil, secret, time.Now()); err == nil {
		t.Fatal("nil claims signed")
	}
}

func TestMiddleware(t *testing.T) {
	var seen *Claims
	var rawHeader string
	h := Middleware(secret, func(r *http.Request, err error) {
		r.Header.Set("X-Test-Invalid", err.Error())
	})(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen = ClaimsFrom(r.Context())
		rawHeader = r.Header.Get(HeaderName)
		if HasScope(r.Context(), "admin") {
			w.Header().Set("X-Admin", "yes")
		}
	}))

	t.Run("valid header", func(t *testing.T) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, request(t, sign(t, &Claims{Subject: "u1", Scopes: []string{"admin"}}, secret, time.Now())))
		if seen == nil || seen.Subject != "u1" || rec.Header().Get("X-Admin") != "yes" {
			t.Fatalf("claims = %+v, admin = %q", seen, rec.Header().Get("X-Admin"))
		}
		if rawHeader != "" {
			t.Fatal("header left on the request")
		}
	})
	t.Run("forged header", func(t *testing.T) {
		var invalid error
		h := Middleware(secret, func(_ *http.Request, err error) { invalid = err })(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			seen = ClaimsFrom(r.Context())
			rawHeader = r.Header.Get(HeaderName)
		}))
		forged := sign(t, &Claims{Subject: "root", Scopes: []string{"admin"}}, []byte("attacker-secret-attacker-secret!"), time.Now())
		h.ServeHTTP(httptest.NewRecorder(), request(t, forged))
		if seen != nil {
			t.Fatalf("forged claims reached the handler: %+v", seen)
		}
		if rawHeader != "" {
			t.Fatal("forged header left on the request")
		}
		if invalid == nil {
			t.Fatal("onInvalid not called")
		}
	})
	t.Run("no header", func(t *testing.T) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, request(t))
		if seen != nil || rec.Header().Get("X-Admin") != "" {
			t.Fatalf("anonymous request got claims %+v", seen)
		}
	})
}

func TestSecretFromEnv(t *testing.T) {
	t.Setenv(SecretEnv, "")
	if _, err := SecretFromEnv(); err == nil || !strings.Contains(err.Error(), SecretEnv) {
		t.Fatalf("unset: %v", err)
	}
	t.Setenv(SecretEnv, "too-short")
	if _, err := SecretFromEnv(); err == nil || strings.Contains(err.Error(), "too-short") {
		t.Fatalf("short (and must not echo the value): %v", err)
	}
	t.Setenv(SecretEnv, string(secret))
	if got, err := SecretFromEnv(); err != nil || string(got) != string(secret) {
		t.Fatalf("valid: %q, %v", got, err)
	}
}
