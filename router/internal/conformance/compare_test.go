package conformance

import (
	"bytes"
	"reflect"
	"slices"
	"testing"

	"github.com/nexus-commerce/nexus/router/internal/conformance/fixture"
	"github.com/nexus-commerce/nexus/router/internal/jsoncmp"
)

// anyMessage, as the message of an error in a golden, matches an error
// with any message whose other fields equal those the golden writes (the
// ones it leaves out are not compared): for answers where the specs demand
// an error but not its wording.
const anyMessage = "<any>"

// equalJSON compares a golden (want) with a GraphQL response semantically:
// object key order is irrelevant, list order matters, numbers compare by
// value — except the top-level errors list, whose order the GraphQL spec
// leaves open (parallel fetches finish in any order), so it is compared as
// a multiset, with anyMessage errors matched by their written fields.
func equalJSON(t *testing.T, want, got []byte) bool {
	t.Helper()
	if bytes.Contains(got, []byte(fixture.Trap)) {
		return false // a fixture's trap fired: never a correct answer
	}
	w, _ := jsoncmp.Decode(t, want).(map[string]any)
	g, _ := jsoncmp.Decode(t, got).(map[string]any)
	if w == nil || g == nil {
		return reflect.DeepEqual(jsoncmp.Decode(t, want), jsoncmp.Decode(t, got))
	}
	var loose []map[string]any
	if errs, ok := w["errors"].([]any); ok {
		var strict []any
		for _, e := range errs {
			if m, ok := e.(map[string]any); ok && m["message"] == anyMessage {
				loose = append(loose, m)
				continue
			}
			strict = append(strict, e)
		}
		w["errors"] = strict
	}
	if errs, ok := g["errors"].([]any); ok && len(loose) > 0 {
		var rest []any
		for _, e := range errs {
			m, _ := e.(map[string]any)
			i := slices.IndexFunc(loose, func(l map[string]any) bool { return matchesLoose(l, m) })
			if i < 0 {
				rest = append(rest, e)
				continue
			}
			loose = slices.Delete(loose, i, i+1)
		}
		g["errors"] = rest
	}
	if len(loose) > 0 {
		return false
	}
	for _, m := range []map[string]any{w, g} {
		if errs, ok := m["errors"].([]any); ok && len(errs) == 0 {
			delete(m, "errors")
		}
	}
	return reflect.DeepEqual(jsoncmp.Normalize(w), jsoncmp.Normalize(g))
}

// matchesLoose says whether got has every field of an anyMessage error
// other than its message.
func matchesLoose(want, got map[string]any) bool {
	for k, v := range want {
		if k != "message" && !reflect.DeepEqual(v, got[k]) {
			return false
		}
	}
	return got != nil
}
