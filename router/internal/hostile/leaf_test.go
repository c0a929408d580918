package hostile

import (
	"net/http"
	"testing"
)

// leafQuery selects fields on a leaf (finding 1): graphql-go-tools'
// validator panicked on it, which killed the router over WebSocket, gave a
// 500 over HTTP and an empty stream over SSE.
const leafQuery = `{__typename { id } }`

// leafSelection: a selection on a leaf is a validation error on every
// transport, never a panic or a 500.
func (s *stack) leafSelection(t *testing.T) {
	t.Run("HTTP application/json", func(t *testing.T) {
		t.Parallel()
		expect(t, s.query(t, leafQuery, nil, map[string]string{"Accept": "application/json"}), http.StatusOK, "GRAPHQL_VALIDATION_FAILED")
		s.stillAnswers(t)
	})
	t.Run("HTTP graphql-response+json", func(t *testing.T) {
		t.Parallel()
		expect(t, s.query(t, leafQuery, nil, map[string]string{"Accept": "application/graphql-response+json"}), http.StatusBadRequest, "GRAPHQL_VALIDATION_FAILED")
		s.stillAnswers(t)
	})
	t.Run("WebSocket: an error for the operation, the connection stays open", func(t *testing.T) {
		t.Parallel()
		w := s.dialWS(t, nil)
		w.init(nil)
		w.subscribe("leaf", leafQuery, nil)
		w.expectError("leaf", "GRAPHQL_VALIDATION_FAILED")
		w.expectTypename("after")
		s.stillAnswers(t)
	})
	t.Run("SSE: the error any validation failure gets", func(t *testing.T) {
		t.Parallel()
		// The reference: an unknown field, refused by the same validator.
		expectSSEError(t, s.sseQuery(t, `{ noSuchField }`, nil), "GRAPHQL_VALIDATION_FAILED")
		expectSSEError(t, s.sseQuery(t, leafQuery, nil), "GRAPHQL_VALIDATION_FAILED")
		s.stillAnswers(t)
	})
}
