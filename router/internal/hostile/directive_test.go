package hostile

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// repeated is `{ __typename @skip(if: false) ×n }`: one non-repeatable
// directive n times at one location.
func repeated(n int) string {
	return "{ __typename" + strings.Repeat(" @skip(if: false)", n) + " }"
}

// onFragment is a fragment definition carrying @skip(if: false) n times:
// the shape that made the engine print one unstructured line per
// directive ("RemoveDirectiveFromNode not implemented").
func onFragment(n int) string {
	return "query { ...F } fragment F on Query" + strings.Repeat(" @skip(if: false)", n) + " { __typename }"
}

// spread is n `__typename @include(if: true)` selections under one root
// field: n directives, none repeated at its location.
func spread(n int) string {
	return "{ products(first: 1) {" + strings.Repeat(" __typename @include(if: true)", n) + " } }"
}

// directiveRefusal is what a document with 1,000 repeated directives may
// get: both rules refuse it, and which one speaks first is the
// implementation's choice.
func directiveRefusal(t *testing.T, code string) {
	t.Helper()
	if code != "DIRECTIVE_LIMIT_EXCEEDED" && code != "GRAPHQL_VALIDATION_FAILED" {
		t.Fatalf("code %q, want DIRECTIVE_LIMIT_EXCEEDED or GRAPHQL_VALIDATION_FAILED", code)
	}
}

// logFlood (finding 8): a directive repeated 1,000 times wrote 1,000
// unstructured "RemoveDirectiveFromNode not implemented" lines. It is
// refused, and the router's log for the request is a few lines. Runs
// alone so every line written meanwhile is this request's.
func (s *stack) logFlood(t *testing.T) {
	mark := s.proc.log.Mark()
	const id = "hostile-log-flood"
	r := s.query(t, onFragment(1000), nil, map[string]string{"X-Request-ID": id})
	if r.Status != http.StatusOK {
		t.Fatalf("HTTP %d %s", r.Status, clip(r.Raw))
	}
	directiveRefusal(t, r.code())
	noInternals(t, string(r.Raw))
	// The access-log line comes after the answer; wait for it so the
	// count below covers the whole request.
	pollUntil(t, "the request's log line", 10*time.Second, func() bool {
		return strings.Contains(s.proc.log.Since(mark), id)
	})
	logged := strings.TrimRight(s.proc.log.Since(mark), "\n")
	if n := strings.Count(logged, "\n") + 1; n > 5 {
		t.Fatalf("one request wrote %d log lines, want at most 5:\n%s", n, trimLog(logged, 12))
	}
	s.stillAnswers(t)
}

// directives: limits.max_directives (default 100) caps a document's
// directives; a non-repeatable directive twice at one location is a
// validation error; both on every transport.
func (s *stack) directives(t *testing.T) {
	t.Run("100 directives run", func(t *testing.T) {
		t.Parallel()
		r := s.query(t, spread(100), nil, nil)
		if r.Status != http.StatusOK || len(r.Errors) > 0 || string(r.Data) != `{"products":{"__typename":"ProductConnection"}}` {
			t.Fatalf("HTTP %d %s", r.Status, clip(r.Raw))
		}
	})
	t.Run("101 directives", func(t *testing.T) {
		t.Parallel()
		expect(t, s.query(t, spread(101), nil, nil), http.StatusOK, "DIRECTIVE_LIMIT_EXCEEDED")
		s.stillAnswers(t)
	})
	t.Run("@skip twice at one location", func(t *testing.T) {
		t.Parallel()
		expect(t, s.query(t, repeated(2), nil, nil), http.StatusOK, "GRAPHQL_VALIDATION_FAILED")
		s.stillAnswers(t)
	})
	t.Run("1000 repeated on a field", func(t *testing.T) {
		t.Parallel()
		r := s.query(t, repeated(1000), nil, nil)
		if r.Status != http.StatusOK {
			t.Fatalf("HTTP %d %s", r.Status, clip(r.Raw))
		}
		directiveRefusal(t, r.code())
		s.stillAnswers(t)
	})
	t.Run("1000 repeated over WebSocket", func(t *testing.T) {
		t.Parallel()
		w := s.dialWS(t, nil)
		w.init(nil)
		w.subscribe("d", repeated(1000), nil)
		m := w.must()
		var p []gqlError
		if m.ID != "d" || m.Type != "error" || jsonInto(m.Payload, &p) != nil || len(p) == 0 {
			t.Fatalf("%s %s, want an error for d", m.Type, m.Payload)
		}
		directiveRefusal(t, codeOf(p))
		w.expectTypename("after")
		s.stillAnswers(t)
	})
	t.Run("1000 repeated over SSE", func(t *testing.T) {
		t.Parallel()
		r := s.sseQuery(t, repeated(1000), nil)
		var p reply
		if r.Status != http.StatusOK || len(r.Events) != 2 || jsonInto([]byte(r.Events[0].Data), &p) != nil {
			t.Fatalf("HTTP %d %+v %s", r.Status, r.Events, clip(r.Raw))
		}
		directiveRefusal(t, p.code())
		s.stillAnswers(t)
	})
}
