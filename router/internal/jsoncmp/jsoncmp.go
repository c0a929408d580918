// Package jsoncmp compares GraphQL responses the way the golden and
// conformance suites need: as decoded JSON, with the top-level errors list
// compared as a multiset (the GraphQL spec leaves its order open: parallel
// fetches finish in any order). Test helpers only.
package jsoncmp

import (
	"bytes"
	"encoding/json"
	"reflect"
	"sort"
	"testing"
)

// Equal compares two GraphQL responses semantically: object key order is
// irrelevant, list order matters, numbers compare by value, and the
// top-level errors list compares as a multiset.
func Equal(t testing.TB, a, b []byte) bool {
	t.Helper()
	return reflect.DeepEqual(Normalize(Decode(t, a)), Normalize(Decode(t, b)))
}

// Normalize replaces a response object's errors list by its members'
// sorted encodings, so two orders of the same errors compare equal.
func Normalize(v any) any {
	m, ok := v.(map[string]any)
	if !ok {
		return v
	}
	if errs, ok := m["errors"].([]any); ok {
		keyed := make([]string, len(errs))
		for i, e := range errs {
			b, _ := json.Marshal(e) // maps marshal with sorted keys
			keyed[i] = string(b)
		}
		sort.Strings(keyed)
		m["errors"] = keyed
	}
	return m
}

// Decode parses b, failing the test when it is not JSON.
func Decode(t testing.TB, b []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b)
	}
	return v
}

// Pretty is b indented with two spaces and a final newline, as golden files
// are written.
func Pretty(t testing.TB, b []byte) []byte {
	t.Helper()
	out, err := json.MarshalIndent(Decode(t, b), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(out, '\n')
}

// Compact is b on one line for a failure message (b itself when it is not
// JSON).
func Compact(b []byte) string {
	var buf bytes.Buffer
	if err := json.Compact(&buf, b); err != nil {
		return string(b)
	}
	return buf.String()
}
