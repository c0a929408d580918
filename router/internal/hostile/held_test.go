package hostile

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/coder/websocket"
)

// The classes below held when the issue was filed; the suite keeps them
// holding. Each case: its status and code, then a normal query answers.

// batches: a JSON array body is not a request this router runs (no
// batching), however long.
func (s *stack) batches(t *testing.T) {
	one := `{"query":"{ __typename }"}`
	for name, body := range map[string]string{
		"two operations":    "[" + one + "," + one + "]",
		"10,000 operations": "[" + strings.Repeat(one+",", 9999) + one + "]",
		"nested arrays":     strings.Repeat("[", 5000) + strings.Repeat("]", 5000),
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			expect(t, s.do(t, request{body: []byte(body)}), http.StatusBadRequest, "BAD_REQUEST")
			s.stillAnswers(t)
		})
	}
}

// circularFragments are validation errors on every transport.
func (s *stack) circularFragments(t *testing.T) {
	for name, q := range map[string]string{
		"self":        `query { ...A } fragment A on Query { __typename ...A }`,
		"two":         `query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }`,
		"three":       `query { ...A } fragment A on Query { ...B } fragment B on Query { ...C } fragment C on Query { __typename ...A }`,
		"inline+self": `query { ...A } fragment A on Query { ... on Query { ... @include(if: true) { ...A } } }`,
	} {
		t.Run("HTTP "+name, func(t *testing.T) {
			t.Parallel()
			expect(t, s.query(t, q, nil, nil), http.StatusOK, "GRAPHQL_VALIDATION_FAILED")
			s.stillAnswers(t)
		})
	}
	q := `query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }`
	t.Run("WebSocket", func(t *testing.T) {
		t.Parallel()
		w := s.dialWS(t, nil)
		w.init(nil)
		w.subscribe("c", q, nil)
		w.expectError("c", "GRAPHQL_VALIDATION_FAILED")
		w.expectTypename("after")
		s.stillAnswers(t)
	})
	t.Run("SSE", func(t *testing.T) {
		t.Parallel()
		expectSSEError(t, s.sseQuery(t, q, nil), "GRAPHQL_VALIDATION_FAILED")
		s.stillAnswers(t)
	})
}

// hugeValues: long strings and out-of-range numbers in documents,
// variables and bodies.
func (s *stack) hugeValues(t *testing.T) {
	long := strings.Repeat("x", 900<<10)
	for _, c := range []struct {
		name, query string
		vars        map[string]any
		status      int
		code        string
	}{
		{"900 KiB string argument", `{ product(id: "` + long + `") { id } }`, nil, http.StatusOK, "-"},
		{"900 KiB string variable", `query($id: ID!) { product(id: $id) { id } }`, map[string]any{"id": long}, http.StatusOK, "-"},
		{"900 KiB field name", `{ ` + long + ` }`, nil, http.StatusOK, "GRAPHQL_VALIDATION_FAILED"},
		{"Int literal past 64 bits", `{ products(first: 123456789012345678901234567890) { totalCount } }`, nil, http.StatusOK, "GRAPHQL_VALIDATION_FAILED"},
		{"Int literal past 32 bits", `{ products(first: 2147483648) { totalCount } }`, nil, http.StatusOK, "GRAPHQL_VALIDATION_FAILED"},
		{"Float literal for an Int", `{ products(first: 1e400) { totalCount } }`, nil, http.StatusOK, "GRAPHQL_VALIDATION_FAILED"},
		{"body over 1 MiB", `{ product(id: "` + long + long + `") { id } }`, nil, http.StatusRequestEntityTooLarge, "REQUEST_TOO_LARGE"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			r := s.query(t, c.query, c.vars, nil)
			if c.code == "-" {
				// A well-formed lookup of a product that does not exist.
				if r.Status != c.status || len(r.Errors) > 0 || string(r.Data) != `{"product":null}` {
					t.Fatalf("HTTP %d %s", r.Status, clip(r.Raw))
				}
			} else {
				expect(t, r, c.status, c.code)
			}
			if len(r.Raw) > len(c.query)+4096 {
				t.Fatalf("a %d-byte query got a %d-byte answer", len(c.query), len(r.Raw))
			}
			s.stillAnswers(t)
		})
	}
}

// invalidUTF8 in bodies and in WebSocket frames is refused with a clear
// error, never a crash.
func (s *stack) invalidUTF8(t *testing.T) {
	t.Run("in the query of a body", func(t *testing.T) {
		t.Parallel()
		r := s.do(t, request{body: []byte("{\"query\":\"{ __typename \xff\xfe }\"}")})
		brokenDocument(t, r)
		s.stillAnswers(t)
	})
	t.Run("as a body", func(t *testing.T) {
		t.Parallel()
		expect(t, s.do(t, request{body: []byte("\xff\xfe\xfd")}), http.StatusBadRequest, "BAD_REQUEST")
		s.stillAnswers(t)
	})
	t.Run("in a string variable", func(t *testing.T) {
		t.Parallel()
		r := s.do(t, request{body: []byte("{\"query\":\"query($id: ID!) { product(id: $id) { id } }\",\"variables\":{\"id\":\"\xff\xfe\"}}")})
		if r.Status != http.StatusOK || len(r.Errors) > 0 || string(r.Data) != `{"product":null}` {
			t.Fatalf("HTTP %d %s", r.Status, clip(r.Raw))
		}
		s.stillAnswers(t)
	})
	t.Run("in the query of a WebSocket subscribe", func(t *testing.T) {
		t.Parallel()
		w := s.dialWS(t, nil)
		w.init(nil)
		w.send("{\"id\":\"u\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ __typename \xff }\"}}")
		// RFC 6455 fails a connection whose text frame is not UTF-8 (close
		// 1007); a router that reads the frame anyway must refuse the
		// operation as a broken document and keep serving.
		m, err := w.read()
		if err != nil {
			if got := websocket.CloseStatus(err); got != websocket.StatusInvalidFramePayloadData {
				t.Fatalf("connection ended with %v (close status %d), want 1007 or an error for u", err, got)
			}
			s.stillAnswers(t)
			return
		}
		var errs []gqlError
		if m.ID != "u" || m.Type != "error" || jsonInto(m.Payload, &errs) != nil {
			t.Fatalf("%s %s, want an error for u", m.Type, m.Payload)
		}
		brokenDocument(t, reply{Status: http.StatusOK, Errors: errs, Raw: m.Payload})
		w.expectTypename("after")
		s.stillAnswers(t)
	})
	t.Run("as a WebSocket frame", func(t *testing.T) {
		t.Parallel()
		w := s.dialWS(t, nil)
		w.init(nil)
		w.send("\xff\xfe\xfd")
		// 1007 (RFC 6455: not UTF-8) or 4400 (graphql-ws: not a message).
		w.expectClose(websocket.StatusInvalidFramePayloadData, 4400)
		s.stillAnswers(t)
	})
}

// brokenDocument: a document the router cannot run (invalid UTF-8
// decodes to U+FFFD; literals nested thousands deep) is refused as a
// parse or validation error, whichever check meets it first.
func brokenDocument(t *testing.T, r reply) {
	t.Helper()
	if c := r.code(); r.Status != http.StatusOK || c != "GRAPHQL_PARSE_FAILED" && c != "GRAPHQL_VALIDATION_FAILED" {
		t.Fatalf("HTTP %d %s, want a parse or validation error", r.Status, clip(r.Raw))
	}
	noInternals(t, string(r.Raw))
}

// bigVariables: 10,000-element list variables are read and refused or
// run, never a crash or a 500.
func (s *stack) bigVariables(t *testing.T) {
	tags := make([]string, 10000)
	for i := range tags {
		tags[i] = "tag"
	}
	t.Run("10k tags, over the subgraph's 20", func(t *testing.T) {
		t.Parallel()
		r := s.query(t, `query($tags: [String!]) { products(first: 1, filter: {tags: $tags}) { totalCount } }`, map[string]any{"tags": tags}, nil)
		// The subgraph refuses it; production mode masks its message.
		if r.Status != http.StatusOK || hasData(r.Data) || len(r.Errors) != 1 || !strings.Contains(r.Errors[0].Message, "'product'") {
			t.Fatalf("HTTP %d %s", r.Status, clip(r.Raw))
		}
		noInternals(t, string(r.Raw))
		s.stillAnswers(t)
	})
	t.Run("10k-element variable of a skipped field", func(t *testing.T) {
		t.Parallel()
		// Used by a skipped field: read and validated, never sent.
		r := s.query(t, `query($tags: [String!]) { products(first: 1, filter: {tags: $tags}) @skip(if: true) { totalCount } __typename }`, map[string]any{"tags": tags}, nil)
		if r.Status != http.StatusOK || len(r.Errors) > 0 || string(r.Data) != `{"__typename":"Query"}` {
			t.Fatalf("HTTP %d %s", r.Status, clip(r.Raw))
		}
	})
	t.Run("10k ints for a String list", func(t *testing.T) {
		t.Parallel()
		ints := make([]int, 10000)
		r := s.query(t, `query($tags: [String!]) { products(first: 1, filter: {tags: $tags}) { totalCount } }`, map[string]any{"tags": ints}, nil)
		expect(t, r, http.StatusOK, "BAD_USER_INPUT")
		s.stillAnswers(t)
	})
	t.Run("10k variables", func(t *testing.T) {
		t.Parallel()
		vars := make(map[string]any, 10000)
		for i := range 10000 {
			vars["v"+strings.Repeat("x", i%7)+itoa(i)] = i
		}
		r := s.query(t, `{ __typename }`, vars, nil)
		if r.Status != http.StatusOK || string(r.Data) != `{"__typename":"Query"}` {
			t.Fatalf("HTTP %d %s", r.Status, clip(r.Raw))
		}
	})
}

// deepNesting in the document, in argument values and in variables.
func (s *stack) deepNesting(t *testing.T) {
	deep := "{ categories " + strings.Repeat("{ children ", 60) + "{ id }" + strings.Repeat(" }", 60) + " }"
	t.Run("selection 60 deep", func(t *testing.T) {
		t.Parallel()
		expect(t, s.query(t, deep, nil, nil), http.StatusOK, "DEPTH_LIMIT_EXCEEDED")
		s.stillAnswers(t)
	})
	t.Run("list literal 4000 deep", func(t *testing.T) {
		t.Parallel()
		q := `{ products(first: 1, filter: {tags: ` + strings.Repeat("[", 4000) + `"a"` + strings.Repeat("]", 4000) + `}) { totalCount } }`
		brokenDocument(t, s.query(t, q, nil, nil))
		s.stillAnswers(t)
	})
	t.Run("object literal 2000 deep", func(t *testing.T) {
		t.Parallel()
		q := `{ products(first: 1, filter: ` + strings.Repeat("{search: ", 2000) + `"a"` + strings.Repeat("}", 2000) + `) { totalCount } }`
		brokenDocument(t, s.query(t, q, nil, nil))
		s.stillAnswers(t)
	})
	t.Run("variable 10000 deep", func(t *testing.T) {
		t.Parallel()
		v := strings.Repeat("[", 10000) + strings.Repeat("]", 10000)
		body := `{"query":"query($tags: [String!]) { products(first: 1, filter: {tags: $tags}) { totalCount } }","variables":{"tags":` + v + `}}`
		r := s.do(t, request{body: []byte(body)})
		if r.Status != http.StatusBadRequest && r.Status != http.StatusOK || r.code() != "BAD_REQUEST" && r.code() != "BAD_USER_INPUT" {
			t.Fatalf("HTTP %d %s, want BAD_REQUEST or BAD_USER_INPUT", r.Status, clip(r.Raw))
		}
		noInternals(t, string(r.Raw))
		s.stillAnswers(t)
	})
	t.Run("body JSON 100000 deep", func(t *testing.T) {
		t.Parallel()
		body := `{"query":"{ __typename }","extensions":` + strings.Repeat(`{"a":`, 100000) + "1" + strings.Repeat("}", 100000) + "}"
		r := s.do(t, request{body: []byte(body)})
		if r.Status == http.StatusInternalServerError || r.Status == 0 {
			t.Fatalf("HTTP %d %s", r.Status, clip(r.Raw))
		}
		noInternals(t, string(r.Raw))
		s.stillAnswers(t)
	})
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }
