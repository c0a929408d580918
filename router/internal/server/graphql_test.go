package server

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/nexus-commerce/nexus/router/internal/config"
)

func TestNegotiate(t *testing.T) {
	tests := []struct{ accept, want string }{
		{"", mediaJSON},
		{"*/*", mediaJSON},
		{"application/*", mediaJSON},
		{"application/json", mediaJSON},
		{"application/graphql-response+json", mediaGraphQLResponse},
		{"Application/GraphQL-Response+JSON; charset=utf-8", mediaGraphQLResponse},
		{"application/graphql-response+json, application/json;q=0.9", mediaGraphQLResponse},
		{"application/json, application/graphql-response+json", mediaGraphQLResponse},
		{"application/json;q=1, application/graphql-response+json;q=0.5", mediaJSON},
		{"application/graphql-response+json;q=0, */*", mediaJSON},
		{"text/html, */*;q=0.8", mediaJSON},
		{"text/csv", ""},
		{"application/json;q=0", ""},
		{"application/json;q=bogus", mediaJSON},
	}
	for _, tt := range tests {
		if got := negotiate(tt.accept); got != tt.want {
			t.Errorf("negotiate(%q) = %q, want %q", tt.accept, got, tt.want)
		}
	}
}

func TestHasData(t *testing.T) {
	tests := []struct {
		resp string
		want bool
	}{
		{`{"data":{"a":1}}`, true},
		{`{"data":null,"errors":[{"message":"x"}]}`, true},
		{`{"errors":[{"message":"x","extensions":{"data":1}}],"data":null}`, true},
		{`{"errors":[{"message":"data"}]}`, false},
		{`{"errors":[],"extensions":{"data":{}}}`, false},
		{`{}`, false},
		{`[]`, false},
		{``, false},
	}
	for _, tt := range tests {
		if got := hasData([]byte(tt.resp)); got != tt.want {
			t.Errorf("hasData(%s) = %v, want %v", tt.resp, got, tt.want)
		}
	}
}

func TestCheckContentType(t *testing.T) {
	tests := []struct {
		ct, wantMsg string
	}{
		{"application/json", ""},
		{"application/json; charset=utf-8", ""},
		{"APPLICATION/JSON;CHARSET=UTF-8", ""},
		{"", "Content-Type is required"},
		{"text/plain;charset=UTF-8", "must be application/json"},
		{"application/x-www-form-urlencoded", "must be application/json"},
		{"application/json-patch+json", "must be application/json"},
		{"application/json; charset=utf-16", "charset must be utf-8"},
		{"application/json; charset", "must be application/json"},
	}
	for _, tt := range tests {
		field, msg := checkContentType(tt.ct)
		if tt.wantMsg == "" && msg != "" || !strings.Contains(msg, tt.wantMsg) {
			t.Errorf("checkContentType(%q) = %q, want a message containing %q", tt.ct, msg, tt.wantMsg)
		}
		if msg != "" && field != "Content-Type" {
			t.Errorf("checkContentType(%q) field = %q, want Content-Type", tt.ct, field)
		}
	}
}

func TestDecodeBodyKeepsExtensions(t *testing.T) {
	p, err := decodeBody([]byte(`{"query":"{ a }","extensions":{"persistedQuery":{"version":1,"sha256Hash":"abc"}}}`))
	if err != nil {
		t.Fatal(err)
	}
	if string(p.Extensions) != `{"persistedQuery":{"version":1,"sha256Hash":"abc"}}` {
		t.Fatalf("extensions = %s", p.Extensions)
	}
	if string(p.Variables) != `{}` {
		t.Fatalf("variables = %s, want {} when absent", p.Variables)
	}
}

func TestPlainOptions(t *testing.T) {
	base := start(t, config.Limits{})
	req, _ := http.NewRequest(http.MethodOptions, base, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent || resp.Header.Get("Allow") != "GET, POST, OPTIONS" {
		t.Fatalf("OPTIONS = %d Allow %q, want 204 GET, POST, OPTIONS", resp.StatusCode, resp.Header.Get("Allow"))
	}
}

// TestDecodeBodyPersistedQuery: APQ clients send only a hash in
// extensions.persistedQuery, so query may be absent then and only then.
func TestDecodeBodyPersistedQuery(t *testing.T) {
	tests := []struct {
		body      string
		wantField string // "" means accepted
	}{
		{`{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"abc"}}}`, ""},
		{`{"query":null,"extensions":{"persistedQuery":{"version":1,"sha256Hash":"abc"}}}`, ""},
		{`{"extensions":{"persistedQuery":null}}`, "query"},
		{`{"extensions":{"other":{}}}`, "query"},
		{`{"qeury":"{ a }"}`, "query"},
		{`{"query":"{ a }","variables":"{}"}`, "variables"},
	}
	for _, tt := range tests {
		_, err := decodeBody([]byte(tt.body))
		var pe *paramError
		switch {
		case tt.wantField == "" && err != nil:
			t.Errorf("decodeBody(%s) = %v, want accepted", tt.body, err)
		case tt.wantField != "" && (!errors.As(err, &pe) || pe.Field != tt.wantField):
			t.Errorf("decodeBody(%s) = %v, want an error naming %s", tt.body, err, tt.wantField)
		}
	}
}
