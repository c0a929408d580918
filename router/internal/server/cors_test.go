package server

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nexus-commerce/nexus/router/internal/config"
)

// corsCase is one request through the CORS layer and what must come back.
type corsCase struct {
	name    string
	cfg     config.CORS
	method  string
	origin  string
	reqMeth string // Access-Control-Request-Method
	status  int
	allow   string // Access-Control-Allow-Origin; "" means absent
	creds   bool
	reached bool // the wrapped handler ran
}

func TestCORS(t *testing.T) {
	shop := config.CORS{AllowOrigins: []string{"https://shop.example.com", "http://localhost:5173"}, MaxAge: 10 * time.Minute}
	creds := config.CORS{AllowOrigins: []string{"https://shop.example.com"}, AllowCredentials: true, MaxAge: time.Minute}
	any := config.CORS{AllowOrigins: []string{"*"}, MaxAge: time.Minute}
	sub := config.CORS{AllowOrigins: []string{"https://*.example.com"}, MaxAge: time.Minute}
	tests := []corsCase{
		{name: "no origin passes through", cfg: shop, method: "POST", status: 200, reached: true},
		{name: "allowed origin", cfg: shop, method: "POST", origin: "https://shop.example.com", status: 200, allow: "https://shop.example.com", reached: true},
		{name: "origin compared case-insensitively", cfg: shop, method: "GET", origin: "HTTP://LOCALHOST:5173", status: 200, allow: "HTTP://LOCALHOST:5173", reached: true},
		{name: "other port is another origin", cfg: shop, method: "POST", origin: "http://localhost:5174", status: 200, reached: true},
		{name: "unknown origin gets no CORS headers", cfg: shop, method: "POST", origin: "https://evil.example", status: 200, reached: true},
		{name: "preflight allowed", cfg: shop, method: "OPTIONS", origin: "https://shop.example.com", reqMeth: "POST", status: 204, allow: "https://shop.example.com"},
		{name: "preflight refused", cfg: shop, method: "OPTIONS", origin: "https://evil.example", reqMeth: "POST", status: 403},
		{name: "plain OPTIONS is not a preflight", cfg: shop, method: "OPTIONS", origin: "https://shop.example.com", status: 200, allow: "https://shop.example.com", reached: true},
		{name: "credentials echo the origin", cfg: creds, method: "POST", origin: "https://shop.example.com", status: 200, allow: "https://shop.example.com", creds: true, reached: true},
		{name: "credentials preflight", cfg: creds, method: "OPTIONS", origin: "https://shop.example.com", reqMeth: "GET", status: 204, allow: "https://shop.example.com", creds: true},
		{name: "wildcard", cfg: any, method: "POST", origin: "https://anything.test", status: 200, allow: "*", reached: true},
		{name: "wildcard never grants credentials", cfg: config.CORS{AllowOrigins: []string{"*"}, AllowCredentials: true}, method: "POST", origin: "https://anything.test", status: 200, allow: "*", reached: true},
		{name: "subdomain wildcard", cfg: sub, method: "POST", origin: "https://admin.example.com", status: 200, allow: "https://admin.example.com", reached: true},
		{name: "subdomain wildcard needs a subdomain", cfg: sub, method: "POST", origin: "https://example.com", status: 200, reached: true},
		{name: "subdomain wildcard keeps the scheme", cfg: sub, method: "POST", origin: "http://admin.example.com", status: 200, reached: true},
		{name: "subdomain wildcard is a suffix, not a substring", cfg: sub, method: "POST", origin: "https://admin.example.com.evil.test", status: 200, reached: true},
		{name: "off without origins", cfg: config.CORS{}, method: "POST", origin: "https://shop.example.com", status: 200, reached: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reached := false
			next := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { reached = true })
			req := httptest.NewRequest(tt.method, "/graphql", nil)
			if tt.origin != "" {
				req.Header.Set("Origin", tt.origin)
			}
			if tt.reqMeth != "" {
				req.Header.Set("Access-Control-Request-Method", tt.reqMeth)
				req.Header.Set("Access-Control-Request-Headers", "content-type, authorization")
			}
			rec := httptest.NewRecorder()
			newCORS(tt.cfg).wrap(next).ServeHTTP(rec, req)
			h := rec.Result().Header
			if rec.Code != tt.status {
				t.Fatalf("status = %d, want %d", rec.Code, tt.status)
			}
			if reached != tt.reached {
				t.Fatalf("wrapped handler reached = %v, want %v", reached, tt.reached)
			}
			if got := h.Get("Access-Control-Allow-Origin"); got != tt.allow {
				t.Fatalf("Access-Control-Allow-Origin = %q, want %q", got, tt.allow)
			}
			if got := h.Get("Access-Control-Allow-Credentials") == "true"; got != tt.creds {
				t.Fatalf("Access-Control-Allow-Credentials = %q, want credentials %v", h.Get("Access-Control-Allow-Credentials"), tt.creds)
			}
			if len(tt.cfg.AllowOrigins) > 0 && !slices.Contains(h.Values("Vary"), "Origin") {
				t.Fatalf("Vary = %q, want Origin", h.Values("Vary"))
			}
			if len(tt.cfg.AllowOrigins) == 0 && len(h) != 0 {
				t.Fatalf("CORS off added headers: %v", h)
			}
			preflightOK := tt.reqMeth != "" && tt.status == http.StatusNoContent
			if got := h.Get("Access-Control-Allow-Methods"); preflightOK != (got != "") {
				t.Fatalf("Access-Control-Allow-Methods = %q on a preflight answered %d", got, tt.status)
			}
			if tt.allow != "" && !preflightOK && h.Get("Access-Control-Expose-Headers") != "X-Request-ID" {
				t.Fatalf("Access-Control-Expose-Headers = %q, want X-Request-ID", h.Get("Access-Control-Expose-Headers"))
			}
		})
	}
}

// TestCORSPreflightHeaders pins the preflight answer browsers act on.
func TestCORSPreflightHeaders(t *testing.T) {
	c := newCORS(config.CORS{AllowOrigins: []string{"https://shop.example.com"}, MaxAge: 10 * time.Minute})
	req := httptest.NewRequest("OPTIONS", "/graphql", nil)
	req.Header.Set("Origin", "https://shop.example.com")
	req.Header.Set("Access-Control-Request-Method", "POST")
	req.Header.Set("Access-Control-Request-Headers", "content-type,x-apollo-operation-name")
	rec := httptest.NewRecorder()
	c.wrap(http.NotFoundHandler()).ServeHTTP(rec, req)
	h := rec.Result().Header
	if got := h.Get("Access-Control-Allow-Methods"); got != "GET, POST" {
		t.Errorf("Access-Control-Allow-Methods = %q, want GET, POST", got)
	}
	allowed := strings.Split(strings.ToLower(h.Get("Access-Control-Allow-Headers")), ", ")
	for _, want := range []string{"content-type", "authorization", "x-request-id", "apollo-require-preflight", "x-apollo-operation-name"} {
		if !slices.Contains(allowed, want) {
			t.Errorf("Access-Control-Allow-Headers = %q, missing %s", h.Get("Access-Control-Allow-Headers"), want)
		}
	}
	if got := h.Get("Access-Control-Max-Age"); got != "600" {
		t.Errorf("Access-Control-Max-Age = %q, want 600", got)
	}
	for _, want := range []string{"Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers"} {
		if !slices.Contains(h.Values("Vary"), want) {
			t.Errorf("Vary = %q, missing %s", h.Values("Vary"), want)
		}
	}
}

// TestCORSConfigValidate checks the config rules the middleware relies on:
// origins it can match exactly, and no wildcard with credentials.
func TestCORSConfigValidate(t *testing.T) {
	tests := []struct {
		name string
		cors config.CORS
		want string // substring of the error; "" means valid
	}{
		{name: "origins", cors: config.CORS{AllowOrigins: []string{"https://shop.example.com", "http://localhost:5173", "https://*.example.com"}}},
		{name: "wildcard alone", cors: config.CORS{AllowOrigins: []string{"*"}}},
		{name: "wildcard with credentials", cors: config.CORS{AllowOrigins: []string{"*"}, AllowCredentials: true}, want: `cors.allow_origins[0]: "*" cannot be combined with cors.allow_credentials`},
		{name: "trailing slash", cors: config.CORS{AllowOrigins: []string{"https://a.example", "https://shop.example.com/"}}, want: "cors.allow_origins[1]"},
		{name: "no scheme", cors: config.CORS{AllowOrigins: []string{"shop.example.com"}}, want: "cors.allow_origins[0]"},
		{name: "wildcard in the middle", cors: config.CORS{AllowOrigins: []string{"https://shop.*.com"}}, want: "may only use * as the first label"},
		{name: "negative max age", cors: config.CORS{MaxAge: -time.Second}, want: "cors.max_age"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := config.Config{Supergraph: "supergraph.graphql", CORS: tt.cors}
			c.Defaults()
			err := c.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("Validate() = %v, want nil", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("Validate() = %v, want an error containing %q", err, tt.want)
			}
		})
	}
	c := config.Config{}
	c.Defaults()
	if c.CORS.MaxAge != 5*time.Minute {
		t.Fatalf("default cors.max_age = %s, want 5m", c.CORS.MaxAge)
	}
}

// TestCORSThroughServer checks the wiring: a browser preflight to the
// GraphQL endpoint is answered (with a request id) and the real POST that
// follows is readable by the allowed origin only.
func TestCORSThroughServer(t *testing.T) {
	base := startWith(t, config.Limits{}, config.CORS{AllowOrigins: []string{"https://shop.example.com"}, AllowCredentials: true})
	pre, _ := http.NewRequest(http.MethodOptions, base, nil)
	pre.Header.Set("Origin", "https://shop.example.com")
	pre.Header.Set("Access-Control-Request-Method", "POST")
	pre.Header.Set("Access-Control-Request-Headers", "content-type")
	resp, err := http.DefaultClient.Do(pre)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent || resp.Header.Get("Access-Control-Allow-Origin") != "https://shop.example.com" ||
		resp.Header.Get("Access-Control-Max-Age") != "300" || resp.Header.Get("X-Request-ID") == "" {
		t.Fatalf("preflight: %d %v", resp.StatusCode, resp.Header)
	}
	for _, tt := range []struct{ origin, allow string }{
		{"https://shop.example.com", "https://shop.example.com"},
		{"https://evil.example", ""},
	} {
		req, _ := http.NewRequest(http.MethodPost, base, strings.NewReader(`{"query":"{ recentlyReviewed }"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Origin", tt.origin)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Access-Control-Allow-Origin") != tt.allow {
			t.Fatalf("POST from %s: %d Access-Control-Allow-Origin %q, want 200 %q", tt.origin, resp.StatusCode, resp.Header.Get("Access-Control-Allow-Origin"), tt.allow)
		}
	}
}

// TestCORSFollowsReconfigure: a config reload changes the allowed origins
// for the next request without a restart.
func TestCORSFollowsReconfigure(t *testing.T) {
	s := New(Options{Path: "/graphql"})
	h := s.Handler()
	preflight := func() *http.Response {
		req := httptest.NewRequest(http.MethodOptions, "/graphql", nil)
		req.Header.Set("Origin", "https://shop.example.com")
		req.Header.Set("Access-Control-Request-Method", "POST")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Result()
	}
	if got := preflight().Header.Get("Access-Control-Allow-Origin"); got != "" {
		t.Fatalf("CORS off: Access-Control-Allow-Origin = %q, want none", got)
	}
	s.Reconfigure(Options{CORS: config.CORS{AllowOrigins: []string{"https://shop.example.com"}, MaxAge: time.Minute}})
	resp := preflight()
	if resp.StatusCode != http.StatusNoContent || resp.Header.Get("Access-Control-Allow-Origin") != "https://shop.example.com" {
		t.Fatalf("after Reconfigure: %d Access-Control-Allow-Origin %q", resp.StatusCode, resp.Header.Get("Access-Control-Allow-Origin"))
	}
	s.Reconfigure(Options{})
	if got := preflight().Header.Get("Access-Control-Allow-Origin"); got != "" {
		t.Fatalf("CORS off again: Access-Control-Allow-Origin = %q, want none", got)
	}
}
