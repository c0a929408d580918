package cookie

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestPolicyRequest(t *testing.T) {
	p := New([]Rule{{Name: "nexus_session", Subgraphs: []string{"auth"}}, {Name: "pref", Subgraphs: []string{"auth", "customer"}}}, "",
		func(o string) bool { return o == "https://admin.example.com" })
	req := func(headers ...string) *http.Request {
		r := httptest.NewRequest(http.MethodPost, "http://shop.example.com/graphql", nil)
		r.Header.Set("Cookie", "nexus_session=s3cr3t; other=x; pref=dark")
		for i := 0; i+1 < len(headers); i += 2 {
			r.Header.Set(headers[i], headers[i+1])
		}
		return r
	}
	cases := []struct {
		name     string
		r        *http.Request
		auth     string // Cookie sent to auth; "-" for no exchange at all
		customer string
	}{
		{"no CSRF header", req(), "-", ""},
		{"empty CSRF header", req("X-Nexus-CSRF", " "), "-", ""},
		{"CSRF header, no Origin", req("X-Nexus-CSRF", "1"), "nexus_session=s3cr3t; pref=dark", "pref=dark"},
		{"own origin", req("X-Nexus-CSRF", "1", "Origin", "https://shop.example.com"), "nexus_session=s3cr3t; pref=dark", "pref=dark"},
		{"CORS-allowed origin", req("X-Nexus-CSRF", "1", "Origin", "https://admin.example.com"), "nexus_session=s3cr3t; pref=dark", "pref=dark"},
		{"foreign origin", req("X-Nexus-CSRF", "1", "Origin", "https://evil.example"), "-", ""},
		{"null origin", req("X-Nexus-CSRF", "1", "Origin", "null"), "-", ""},
		{"origin with a path", req("X-Nexus-CSRF", "1", "Origin", "https://shop.example.com/x"), "-", ""},
		{"lookalike host", req("X-Nexus-CSRF", "1", "Origin", "https://shop.example.com.evil.example"), "-", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := p.Request(tc.r)
			if tc.auth == "-" {
				if c != nil {
					t.Fatalf("exchange %+v, want none", c.Send)
				}
				return
			}
			if c == nil {
				t.Fatal("no exchange")
			}
			if got := c.Send["auth"]; got != tc.auth {
				t.Fatalf("auth gets %q, want %q", got, tc.auth)
			}
			if got := c.Send["customer"]; got != tc.customer {
				t.Fatalf("customer gets %q, want %q", got, tc.customer)
			}
			if _, ok := c.Send["product"]; ok {
				t.Fatal("product gets a cookie")
			}
			if got := c.Pass["auth"]; len(got) != 2 || got[0] != "nexus_session" || got[1] != "pref" {
				t.Fatalf("auth may set %v", got)
			}
		})
	}
}

func TestPolicyCustomHeaderAndNoCookie(t *testing.T) {
	p := New([]Rule{{Name: "sid", Subgraphs: []string{"auth"}}}, "x-csrf-token", nil)
	r := httptest.NewRequest(http.MethodPost, "http://r.test/graphql", nil)
	r.Header.Set("X-Csrf-Token", "yes")
	c := p.Request(r)
	if c == nil || len(c.Send) != 0 || len(c.Pass["auth"]) != 1 {
		t.Fatalf("no cookie yet: exchange %+v (a subgraph must still be able to set one)", c)
	}
	r.Header.Set("X-Nexus-CSRF", "1")
	r.Header.Del("X-Csrf-Token")
	if p.Request(r) != nil {
		t.Fatal("the default header counted although another is configured")
	}
	if New(nil, "", nil) != nil {
		t.Fatal("no rules: want a nil policy")
	}
	var none *Policy
	if none.Request(r) != nil || none.CSRFHeader() != "" {
		t.Fatal("nil policy exchanged cookies")
	}
}
