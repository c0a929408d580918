package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/wundergraph/graphql-go-tools/execution/graphql"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/graphqlerrors"

	"github.com/nexus-commerce/nexus/router/internal/gateway"
)

// Media types of GraphQL over HTTP. Clients that accept the newer
// graphql-response+json get the spec's status codes (4xx for requests that
// cannot run); older clients get application/json and 200.
const (
	mediaGraphQLResponse = "application/graphql-response+json"
	mediaJSON            = "application/json"
)

// gqlError is one entry of a response's "errors" list.
type gqlError struct {
	Message    string         `json:"message"`
	Extensions map[string]any `json:"extensions,omitempty"`
}

// serveGraphQL handles POST and GET GraphQL requests.
func (s *Server) serveGraphQL(w http.ResponseWriter, r *http.Request) {
	media := negotiate(r.Header.Get("Accept"))
	if media == "" {
		writeErrors(w, mediaJSON, http.StatusNotAcceptable, "GRAPHQL_NOT_ACCEPTABLE", "Accept must allow application/graphql-response+json or application/json")
		return
	}
	var req graphql.Request
	switch r.Method {
	case http.MethodPost:
		ct := r.Header.Get("Content-Type")
		if ct != "" && !strings.HasPrefix(strings.ToLower(ct), "application/json") {
			writeErrors(w, media, http.StatusUnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", "Content-Type must be application/json")
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.limits.MaxBodyBytes))
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				writeErrors(w, media, http.StatusRequestEntityTooLarge, "REQUEST_TOO_LARGE", fmt.Sprintf("request body exceeds %d bytes", s.limits.MaxBodyBytes))
				return
			}
			writeErrors(w, media, http.StatusBadRequest, "BAD_REQUEST", "could not read the request body")
			return
		}
		if err := decodeBody(body, &req); err != nil {
			writeErrors(w, media, http.StatusBadRequest, "BAD_REQUEST", err.Error())
			return
		}
	case http.MethodGet:
		q := r.URL.Query()
		req.Query = q.Get("query")
		req.OperationName = q.Get("operationName")
		if v := q.Get("variables"); v != "" {
			if !json.Valid([]byte(v)) {
				writeErrors(w, media, http.StatusBadRequest, "BAD_REQUEST", "variables is not valid JSON")
				return
			}
			req.Variables = json.RawMessage(v)
		}
	default:
		w.Header().Set("Allow", "GET, POST")
		writeErrors(w, media, http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED", "use GET or POST")
		return
	}
	if strings.TrimSpace(req.Query) == "" {
		writeErrors(w, media, http.StatusBadRequest, "BAD_REQUEST", "query is required")
		return
	}
	gw := s.gateway()
	if gw == nil {
		writeErrors(w, media, http.StatusServiceUnavailable, "NOT_READY", "the router has no supergraph loaded yet")
		return
	}
	opType, err := req.OperationType()
	if err != nil {
		writeErrors(w, media, graphQLStatus(media), "GRAPHQL_PARSE_FAILED", err.Error())
		return
	}
	if r.Method == http.MethodGet && opType != graphql.OperationTypeQuery {
		w.Header().Set("Allow", "POST")
		writeErrors(w, media, http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED", "only queries may be sent with GET; use POST")
		return
	}
	if opType == graphql.OperationTypeSubscription {
		writeErrors(w, media, http.StatusBadRequest, "SUBSCRIPTIONS_NOT_SUPPORTED", "subscriptions are served over WebSocket and SSE, not plain HTTP")
		return
	}
	if d := depth(req.Document(), req.OperationName); d > s.limits.MaxDepth {
		writeErrors(w, media, graphQLStatus(media), "DEPTH_LIMIT_EXCEEDED", fmt.Sprintf("operation depth %d exceeds the limit of %d", d, s.limits.MaxDepth))
		return
	}

	ctx, cancel := context.WithTimeout(r.Context(), s.limits.RequestTimeout)
	defer cancel()
	var buf bytes.Buffer
	if err := gw.Execute(ctx, &req, &buf); err != nil {
		var reqErr *gateway.RequestError
		if errors.As(err, &reqErr) {
			writeRequestError(w, media, reqErr)
			return
		}
		s.log.ErrorContext(r.Context(), "execute", "err", err)
		writeErrors(w, media, http.StatusInternalServerError, "INTERNAL_SERVER_ERROR", "internal error")
		return
	}
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(buf.Bytes())
}

// decodeBody parses a GraphQL-over-HTTP JSON body strictly enough to give
// clear errors for the common mistakes.
func decodeBody(body []byte, req *graphql.Request) error {
	var raw struct {
		Query         *string         `json:"query"`
		OperationName *string         `json:"operationName"`
		Variables     json.RawMessage `json:"variables"`
		Extensions    json.RawMessage `json:"extensions"`
	}
	if err := json.Unmarshal(body, &raw); err != nil {
		return fmt.Errorf("body is not a JSON object with query, variables and operationName: %v", err)
	}
	if raw.Query == nil {
		return errors.New("query is required")
	}
	req.Query = *raw.Query
	if raw.OperationName != nil {
		req.OperationName = *raw.OperationName
	}
	if v := bytes.TrimSpace(raw.Variables); len(v) > 0 && !bytes.Equal(v, []byte("null")) {
		if v[0] != '{' {
			return errors.New("variables must be a JSON object")
		}
		req.Variables = v
	}
	return nil
}

// negotiate picks the response media type from Accept. An absent Accept or
// */* gets application/json for compatibility with older clients.
func negotiate(accept string) string {
	if accept == "" {
		return mediaJSON
	}
	best, bestQ := "", -1.0
	for _, part := range strings.Split(accept, ",") {
		fields := strings.Split(part, ";")
		mt := strings.ToLower(strings.TrimSpace(fields[0]))
		q := 1.0
		for _, p := range fields[1:] {
			if k, v, ok := strings.Cut(strings.TrimSpace(p), "="); ok && k == "q" {
				fmt.Sscanf(v, "%g", &q)
			}
		}
		var cand string
		switch mt {
		case mediaGraphQLResponse:
			cand = mediaGraphQLResponse
		case mediaJSON, "*/*", "application/*":
			cand = mediaJSON
		default:
			continue
		}
		if q > bestQ || (q == bestQ && cand == mediaGraphQLResponse) {
			best, bestQ = cand, q
		}
	}
	if bestQ == 0 {
		return ""
	}
	return best
}

// writeRequestError maps an operation the engine refused (syntax,
// validation, variables) to the GraphQL errors format, keeping the engine's
// messages and locations. With application/json the status is 200 as older
// clients expect; with graphql-response+json it is 400 per the spec.
func writeRequestError(w http.ResponseWriter, media string, e *gateway.RequestError) {
	var out graphqlerrors.Errors
	if !errors.As(e.Err, &out) {
		out = graphqlerrors.RequestErrorsFromError(e.Err)
	}
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	w.WriteHeader(graphQLStatus(media))
	_, _ = out.WriteResponse(w)
}

// graphQLStatus is the status for a well-formed request whose document
// cannot run (parse, validation, limits).
func graphQLStatus(media string) int {
	if media == mediaGraphQLResponse {
		return http.StatusBadRequest
	}
	return http.StatusOK
}

// writeErrors writes a response with one error and no data.
func writeErrors(w http.ResponseWriter, media string, status int, code, msg string) {
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"errors": []gqlError{{Message: msg, Extensions: map[string]any{"code": code}}}})
}
