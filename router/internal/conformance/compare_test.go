package conformance

import (
	"bytes"
	"encoding/json"
	"reflect"
	"sort"
	"testing"
)

// equalJSON compares two GraphQL responses semantically: object key order
// is irrelevant, list order matters, numbers compare by value — except the
// top-level errors list, whose order the GraphQL spec leaves open (parallel
// fetches finish in any order), so it is compared as a multiset.
func equalJSON(t *testing.T, a, b []byte) bool {
	t.Helper()
	return reflect.DeepEqual(normalize(decode(t, a)), normalize(decode(t, b)))
}

func normalize(v any) any {
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

func decode(t *testing.T, b []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b)
	}
	return v
}

func pretty(t *testing.T, b []byte) []byte {
	t.Helper()
	out, err := json.MarshalIndent(decode(t, b), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(out, '\n')
}

func compact(b []byte) string {
	var buf bytes.Buffer
	if err := json.Compact(&buf, b); err != nil {
		return string(b)
	}
	return buf.String()
}
