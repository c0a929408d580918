package server

import (
	"net/http"
	"strings"
	"testing"
	"time"

	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
)

const accessSecret = "0123456789abcdef0123456789abcdef"

// In production (RequireRouter) /graphql answers only the router's signed
// requests; /healthz, /readyz and mounted routes stay open. In
// development a request without the header is served as anonymous.
func TestAccess(t *testing.T) {
	mount := func(mux *http.ServeMux) {
		mux.HandleFunc("GET /images/x.svg", func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("<svg/>")) })
	}
	prod, logs := newTest(t, Options{RouterSecret: []byte(accessSecret), RequireRouter: true, Mount: mount})
	dev, _ := newTest(t, Options{RouterSecret: []byte(accessSecret), Mount: mount})
	anon, err := kitauth.SignAnonymous([]byte(accessSecret), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	forged, _ := kitauth.SignAnonymous([]byte("another-secret-another-secret-xx"), time.Now())
	tests := []struct {
		name   string
		url    string
		header string
		status int
		want   string
	}{
		{"production: unsigned", prod.URL, "", 403, `"code":"FORBIDDEN"`},
		{"production: another secret", prod.URL, forged, 403, `"code":"FORBIDDEN"`},
		{"production: the router's anonymous signature", prod.URL, anon, 200, `"ok":"yes"`},
		{"development: unsigned", dev.URL, "", 200, `"ok":"yes"`},
		{"development: another secret is anonymous", dev.URL, forged, 200, `"ok":"yes"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var h []string
			if tt.header != "" {
				h = []string{kitauth.HeaderName, tt.header}
			}
			r := post(t, tt.url, query("{ ok }"), h...)
			if r.status != tt.status || !strings.Contains(r.raw, tt.want) {
				t.Fatalf("%d %s, want %d %s", r.status, r.raw, tt.status, tt.want)
			}
		})
	}
	for _, path := range []string{"/healthz", "/readyz", "/images/x.svg"} {
		t.Run("production: "+path+" stays open", func(t *testing.T) {
			if status, _, _ := get(t, prod.URL+path); status != http.StatusOK {
				t.Fatalf("status %d", status)
			}
		})
	}
	if !strings.Contains(logs.String(), "signature") {
		t.Errorf("the forged signature was not logged:\n%s", logs.String())
	}
	if strings.Contains(logs.String(), forged) {
		t.Error("the log repeats the header")
	}
	if _, err := New(Options{Schema: schema(newGate()), RequireRouter: true}); err == nil || !strings.Contains(err.Error(), kitauth.SecretEnv) {
		t.Fatalf("production without a secret: %v", err)
	}
}
