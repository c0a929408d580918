package hostile

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// smallLeaks (finding 9): bodies that are not a JSON object and malformed
// variables get clear messages that name what is wrong, without the Go
// types or the JSON parser's internal text.
func (s *stack) smallLeaks(t *testing.T) {
	for _, body := range []string{`[]`, `1`, `"x"`, `true`, `null`, `{"query": "{ __typename }"`, `{]`} {
		t.Run("body "+body, func(t *testing.T) {
			t.Parallel()
			r := s.do(t, request{body: []byte(body)})
			expect(t, r, http.StatusBadRequest, "BAD_REQUEST")
			if msg := r.Errors[0].Message; !strings.HasPrefix(msg, "body") || !strings.Contains(msg, "JSON object") {
				t.Fatalf("message %q: want it to say the body must be a JSON object", msg)
			}
			s.stillAnswers(t)
		})
	}
	const byID = `query Product($id: ID!) { product(id: $id) { id } }`
	const page = `query Page($first: Int) { products(first: $first) { totalCount } }`
	for _, c := range []struct {
		name, query, vars, variable string
	}{
		{"object for an ID", byID, `{"id": {"nested": true}}`, "id"},
		{"list for an ID", byID, `{"id": [1, 2]}`, "id"},
		{"missing required", byID, `{}`, "id"},
		{"string for an Int", page, `{"first": "ten"}`, "first"},
		{"float for an Int", page, `{"first": 1.5}`, "first"},
		{"Int out of range", page, `{"first": 123456789012345678901234567890}`, "first"},
		{"number beyond float64", page, `{"first": 1e400}`, "first"},
	} {
		t.Run("variables: "+c.name, func(t *testing.T) {
			t.Parallel()
			r := s.do(t, request{body: []byte(`{"query": ` + quote(c.query) + `, "variables": ` + c.vars + `}`)})
			expect(t, r, http.StatusOK, "BAD_USER_INPUT")
			if msg := r.Errors[0].Message; !strings.Contains(msg, c.variable) {
				t.Fatalf("message %q does not name the variable %s", msg, c.variable)
			}
			s.stillAnswers(t)
		})
	}
	for _, c := range []struct{ name, vars string }{
		{"not JSON", `{"first": `},
		{"an array", `[1]`},
		{"a string", `"x"`},
	} {
		t.Run("variables "+c.name+" in a GET", func(t *testing.T) {
			t.Parallel()
			qs := url.Values{"query": {page}, "variables": {c.vars}}.Encode()
			r := s.do(t, request{method: http.MethodGet, path: "/graphql?" + qs})
			expect(t, r, http.StatusBadRequest, "BAD_REQUEST")
			if msg := r.Errors[0].Message; !strings.HasPrefix(msg, "variables") {
				t.Fatalf("message %q does not name variables", msg)
			}
		})
	}
}

// queryPlan: X-Nexus-Query-Plan shows subgraph names and queries, so in
// production only an admin may ask for it; everyone else gets 403
// FORBIDDEN saying why (finding 9: it worked for anonymous callers).
func (s *stack) queryPlan(t *testing.T) {
	shopper := s.token(t, claims("hostile-shopper", "reviews:read"))
	for _, c := range []struct {
		name, mode, token string
	}{
		{"anonymous, true", "true", ""},
		{"anonymous, only", "only", ""},
		{"shopper, true", "true", shopper},
		{"shopper, only", "only", shopper},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			h := map[string]string{"X-Nexus-Query-Plan": c.mode}
			if c.token != "" {
				h["Authorization"] = "Bearer " + c.token
			}
			r := s.query(t, normal, nil, h)
			expect(t, r, http.StatusForbidden, "FORBIDDEN")
			if strings.Contains(string(r.Raw), "queryPlan") || strings.Contains(string(r.Raw), "subgraphName") || !strings.Contains(r.Errors[0].Message, "admin") {
				t.Fatalf("the refusal shows the plan or does not say why: %s", clip(r.Raw))
			}
		})
	}
	t.Run("admin", func(t *testing.T) {
		t.Parallel()
		r := s.query(t, normal, nil, map[string]string{"X-Nexus-Query-Plan": "true", "Authorization": "Bearer " + s.admin(t)})
		if r.Status != http.StatusOK || len(r.Errors) > 0 || !strings.Contains(string(r.Raw), `"queryPlan"`) {
			t.Fatalf("admin asking for the plan: HTTP %d %s", r.Status, clip(r.Raw))
		}
	})
	s.stillAnswers(t)
}
