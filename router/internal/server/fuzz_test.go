package server

import (
	"encoding/json"
	"errors"
	"net/url"
	"strings"
	"testing"
)

// FuzzDecode feeds arbitrary POST bodies and GET query strings to the
// GraphQL-over-HTTP decoder. Properties: it never panics; a refusal is a
// *paramError naming a request parameter, with a message that carries no
// Go or decoder internals; what it accepts has a query or a persisted
// operation, and variables and extensions that are JSON objects.
// Seeds: testdata/fuzz/FuzzDecode.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"query":"{ __typename }","variables":{"a":1}}`), "query=%7B__typename%7D&variables=%7B%7D")
	f.Fuzz(func(t *testing.T, body []byte, rawQuery string) {
		p, err := decodeBody(body)
		check(t, "body", p, err)
		q, qerr := url.ParseQuery(rawQuery)
		if qerr != nil {
			return // net/http answers 400 before the handler
		}
		p, err = decodeQueryString(q)
		check(t, "query string", p, err)
	})
}

func check(t *testing.T, from string, p params, err error) {
	t.Helper()
	if err != nil {
		var pe *paramError
		if !errors.As(err, &pe) || pe.Field == "" || pe.Msg == "" {
			t.Fatalf("%s: refusal %v is not a paramError naming a parameter", from, err)
		}
		for _, internal := range []string{"json:", "Go value", "map[", "RawMessage", "unmarshal", "invalid character"} {
			if strings.Contains(pe.Msg, internal) {
				t.Fatalf("%s: message %q leaks %q", from, pe.Msg, internal)
			}
		}
		return
	}
	if strings.TrimSpace(p.Query) == "" && !persistedQuery(p.Extensions) {
		t.Fatalf("%s: accepted without a query: %+v", from, p)
	}
	for name, v := range map[string]json.RawMessage{"variables": p.Variables, "extensions": p.Extensions} {
		if v == nil {
			continue
		}
		var obj map[string]json.RawMessage
		if json.Unmarshal(v, &obj) != nil {
			t.Fatalf("%s: %s accepted but not a JSON object: %q", from, name, v)
		}
	}
}
