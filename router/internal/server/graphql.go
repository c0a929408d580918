package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/cespare/xxhash/v2"
	"github.com/wundergraph/graphql-go-tools/execution/graphql"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/graphqlerrors"

	"github.com/nexus-commerce/nexus/router/internal/gateway"
	"github.com/nexus-commerce/nexus/router/internal/persisted"
)

// Media types of GraphQL over HTTP. Clients that accept the newer
// graphql-response+json get the spec's status codes (4xx for requests that
// cannot run); older clients get application/json and 200.
const (
	mediaGraphQLResponse = "application/graphql-response+json"
	mediaJSON            = "application/json"
)

// allowedMethods is the Allow header of the GraphQL endpoint.
const allowedMethods = "GET, POST, OPTIONS"

// gqlError is one entry of a response's "errors" list.
type gqlError struct {
	Message    string         `json:"message"`
	Extensions map[string]any `json:"extensions,omitempty"`
}

// paramError is a GraphQL-over-HTTP request parameter the router cannot use;
// Field names it (query, variables, ...) so clients can point at the mistake.
type paramError struct {
	Field, Msg string
}

func (e *paramError) Error() string { return e.Field + ": " + e.Msg }

// params are the GraphQL-over-HTTP request parameters, from a POST body or
// a GET query string.
type params struct {
	Query         string
	OperationName string
	// Variables is a JSON object; "{}" when the client sent none, so the
	// engine still checks that every required variable was provided (it
	// skips its variable validation for an empty Variables).
	Variables json.RawMessage
	// Extensions is the request's "extensions" JSON object, or nil.
	Extensions json.RawMessage
}

// serveGraphQL handles POST and GET GraphQL requests.
func (s *Server) serveGraphQL(w http.ResponseWriter, r *http.Request) {
	media := negotiate(r.Header.Get("Accept"))
	if media == "" {
		writeErrors(w, mediaJSON, http.StatusNotAcceptable, "GRAPHQL_NOT_ACCEPTABLE", "Accept must allow application/graphql-response+json or application/json")
		return
	}
	var p params
	switch r.Method {
	case http.MethodPost:
		if field, msg := checkContentType(r.Header.Get("Content-Type")); msg != "" {
			writeFieldError(w, media, http.StatusUnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", field, msg)
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.limits().MaxBodyBytes))
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				writeErrors(w, media, http.StatusRequestEntityTooLarge, "REQUEST_TOO_LARGE", fmt.Sprintf("request body exceeds %d bytes", s.limits().MaxBodyBytes))
				return
			}
			if IsBodyTimeout(err) {
				writeErrors(w, media, http.StatusRequestTimeout, "REQUEST_TIMEOUT", fmt.Sprintf("the request body did not arrive within %s", s.limits().BodyReadTimeout))
				return
			}
			writeErrors(w, media, http.StatusBadRequest, "BAD_REQUEST", "could not read the request body")
			return
		}
		p, err = s.decodeBodyCached(body)
		if err != nil {
			writeParamError(w, media, err)
			return
		}
	case http.MethodGet:
		var err error
		p, err = decodeQueryString(r.URL.Query())
		if err != nil {
			writeParamError(w, media, err)
			return
		}
	case http.MethodOptions:
		// A plain OPTIONS (CORS preflights are answered before this) asks
		// what the endpoint supports.
		w.Header().Set("Allow", allowedMethods)
		w.WriteHeader(http.StatusNoContent)
		return
	default:
		w.Header().Set("Allow", allowedMethods)
		writeErrors(w, media, http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED", "use GET or POST")
		return
	}

	query, err := s.ResolveQuery(p.Query, p.Extensions)
	if err != nil {
		writePersistedError(w, media, err)
		return
	}
	if strings.TrimSpace(query) == "" {
		writeErrors(w, media, http.StatusBadRequest, "BAD_REQUEST", "query is required (or a persisted operation id in extensions.persistedQuery)")
		return
	}
	req := graphql.Request{Query: query, OperationName: p.OperationName, Variables: p.Variables}

	gw := s.gateway()
	if gw == nil {
		writeErrors(w, media, http.StatusServiceUnavailable, "NOT_READY", "the router has no supergraph loaded yet")
		return
	}
	// Parsing, validation, limits and the GET rule (queries only) happen in
	// the gateway, whose results are cached by request text.
	exec := gateway.ExecOptions{
		AllowMutation: r.Method == http.MethodPost,
		Header:        r.Header,
		QueryPlan:     queryPlanRequested(r, "true"),
		QueryPlanOnly: queryPlanRequested(r, "only"),
	}
	if err := s.Exec(r, &exec); err != nil {
		writeExecHookError(w, r, media, err, s)
		return
	}
	// Cookies only here, on GraphQL over HTTP: never on subscriptions.
	exec.Cookies = s.cookies(r)
	// A query plan shows subgraph names and queries: in production only
	// an admin may see one (the gateway knows the mode).
	if exec.QueryPlan || exec.QueryPlanOnly {
		if err := gw.QueryPlanAllowed(exec.Principal); err != nil {
			var re *gateway.RequestError
			errors.As(err, &re)
			writeFieldError(w, media, http.StatusForbidden, re.Code, "X-Nexus-Query-Plan", re.Err.Error())
			return
		}
	}

	ctx, cancel := context.WithTimeout(r.Context(), s.limits().RequestTimeout)
	defer cancel()
	out := &responseSink{w: w, media: media, s: s, r: r, cookies: exec.Cookies}
	if err := gw.ExecuteWith(ctx, &req, out, exec); err != nil {
		if out.wrote {
			// The response is on its way; nothing else can be said.
			s.log.WarnContext(r.Context(), "execute after the response started", "err", err, "request_id", RequestID(r.Context()))
			return
		}
		if errors.Is(ctx.Err(), context.DeadlineExceeded) && r.Context().Err() == nil {
			writeErrors(w, media, http.StatusGatewayTimeout, "TIMEOUT", fmt.Sprintf("the request did not finish within %s", s.limits().RequestTimeout))
			return
		}
		var reqErr *gateway.RequestError
		if errors.As(err, &reqErr) {
			switch reqErr.Code {
			case "METHOD_NOT_ALLOWED":
				w.Header().Set("Allow", "POST")
				writeErrors(w, media, http.StatusMethodNotAllowed, reqErr.Code, reqErr.Err.Error())
			case gateway.CodeQueryPlanFailed:
				// Logged by the gateway with the planner's message.
				writeErrors(w, media, http.StatusInternalServerError, reqErr.Code, reqErr.Err.Error())
			case "INTERNAL_SERVER_ERROR":
				s.log.ErrorContext(r.Context(), "execute", "err", err, "request_id", RequestID(r.Context()))
				writeErrors(w, media, http.StatusInternalServerError, reqErr.Code, "internal error")
			default:
				writeGraphQLErrors(w, media, reqErr.Err, reqErr.Code)
			}
			return
		}
		s.log.ErrorContext(r.Context(), "execute", "err", err, "request_id", RequestID(r.Context()))
		writeErrors(w, media, http.StatusInternalServerError, "INTERNAL_SERVER_ERROR", "internal error")
		return
	}
	if !out.wrote {
		s.log.ErrorContext(r.Context(), "execute: no response", "request_id", RequestID(r.Context()))
		writeErrors(w, media, http.StatusInternalServerError, "INTERNAL_SERVER_ERROR", "internal error")
	}
}

// responseSink writes the gateway's response straight to the client: the
// gateway hands over the complete response in one Write, so the status
// and Content-Length are decided from it without buffering a copy.
type responseSink struct {
	w     http.ResponseWriter
	media string
	s     *Server
	r     *http.Request
	wrote bool
	// cookies' Set-Cookie lines (complete before the gateway writes) go
	// out with the response.
	cookies *gateway.Cookies
}

func (o *responseSink) Write(b []byte) (int, error) {
	if !o.wrote {
		o.wrote = true
		status := http.StatusOK
		if o.media == mediaGraphQLResponse && !hasData(b) {
			// The spec requires 4xx/5xx for a response without "data";
			// the gateway accepted the request, so the failure is ours.
			o.s.log.WarnContext(o.r.Context(), "execute: response without data", "request_id", RequestID(o.r.Context()))
			status = http.StatusInternalServerError
		}
		h := o.w.Header()
		if set := o.cookies.SetCookies(); len(set) > 0 {
			for _, v := range set {
				h.Add("Set-Cookie", v)
			}
			// A response that sets a session is for this client alone.
			h.Set("Cache-Control", "no-store")
		}
		h.Set("Content-Type", o.media+"; charset=utf-8")
		h.Set("Content-Length", strconv.Itoa(len(b)))
		o.w.WriteHeader(status)
	}
	return o.w.Write(b)
}

// maxCachedBody is the largest POST body whose decoded parameters are
// cached; clients usually send the same few operations again and again.
const maxCachedBody = 16 << 10

type bodyEntry struct {
	body []byte
	p    params
}

// decodeBodyCached is decodeBody with a bounded cache keyed by the body's
// hash; an entry is used only when its stored body is byte-for-byte equal,
// so a hash collision cannot mix up two requests. Errors are not cached.
func (s *Server) decodeBodyCached(body []byte) (params, error) {
	if len(body) > maxCachedBody {
		return decodeBody(body)
	}
	key := xxhash.Sum64(body)
	if e, ok := s.bodies.Get(key); ok && bytes.Equal(e.body, body) {
		return e.p, nil
	}
	p, err := decodeBody(body)
	if err == nil {
		s.bodies.Add(key, &bodyEntry{body: bytes.Clone(body), p: p})
	}
	return p, err
}

// checkContentType accepts application/json in UTF-8 (the spec's only
// required request type) and otherwise says what is wrong. A POST without a
// Content-Type is refused too: the spec asks for a 4xx, and it keeps simple
// cross-site form posts (text/plain) from running operations.
func checkContentType(ct string) (field, msg string) {
	if ct == "" {
		return "Content-Type", "Content-Type is required: send application/json"
	}
	mt, ps, err := mime.ParseMediaType(ct)
	if err != nil || mt != mediaJSON {
		return "Content-Type", fmt.Sprintf("Content-Type must be application/json, not %q", ct)
	}
	if cs, ok := ps["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
		return "Content-Type", fmt.Sprintf("charset must be utf-8, not %q", cs)
	}
	return "", ""
}

// bodyShape is what a POST body must be, for error messages.
const bodyShape = `must be a JSON object with "query" (and optionally "variables", "operationName", "extensions")`

// decodeBody parses a GraphQL-over-HTTP JSON body, naming the parameter at
// fault when one has the wrong type. Messages describe the JSON the client
// sent, never the decoder's error text (which names Go types).
func decodeBody(body []byte) (params, error) {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return params{}, &paramError{"body", "the request body is empty; send a JSON object with query"}
	}
	if trimmed[0] != '{' || !json.Valid(trimmed) {
		return params{}, &paramError{"body", bodyShape + ", got " + jsonKind(trimmed)}
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(trimmed, &raw); err != nil {
		return params{}, &paramError{"body", bodyShape}
	}
	var p params
	if err := jsonString(raw, "query", &p.Query); err != nil {
		return p, err
	}
	if err := jsonString(raw, "operationName", &p.OperationName); err != nil {
		return p, err
	}
	var err error
	if p.Variables, err = jsonObject("variables", raw["variables"]); err != nil {
		return p, err
	}
	if p.Extensions, err = jsonObject("extensions", raw["extensions"]); err != nil {
		return p, err
	}
	if p.Query == "" && !persistedQuery(p.Extensions) {
		return p, &paramError{"query", "required: a non-empty string holding the GraphQL document"}
	}
	if p.Variables == nil {
		p.Variables = json.RawMessage("{}")
	}
	return p, nil
}

// decodeQueryString reads the parameters of a GET request; variables and
// extensions are URL-encoded JSON objects.
func decodeQueryString(q url.Values) (params, error) {
	p := params{Query: q.Get("query"), OperationName: q.Get("operationName")}
	var err error
	if v, ok := q["variables"]; ok {
		if p.Variables, err = jsonObject("variables", json.RawMessage(v[0])); err != nil {
			return p, err
		}
	}
	if v, ok := q["extensions"]; ok {
		if p.Extensions, err = jsonObject("extensions", json.RawMessage(v[0])); err != nil {
			return p, err
		}
	}
	if strings.TrimSpace(p.Query) == "" && !persistedQuery(p.Extensions) {
		return p, &paramError{"query", "required: the GraphQL document in the query string"}
	}
	if p.Variables == nil {
		p.Variables = json.RawMessage("{}")
	}
	return p, nil
}

// ResolveQuery is the query text a request runs once persisted operations
// and APQ have had their say: the trusted document an id names, the query
// itself, or a *persisted.Error (not found, not in the safelist, not
// supported here). The HTTP endpoint and the subscription front end both
// ask it, so a safelist holds for every transport.
func (s *Server) ResolveQuery(query string, extensions json.RawMessage) (string, error) {
	if ps := s.current().Persisted; ps != nil {
		return ps.Resolve(query, extensions)
	}
	if query == "" && persistedQuery(extensions) {
		return "", &persisted.Error{Code: persisted.CodeNotSupported, Message: "this router does not accept persisted operations; send the query"}
	}
	return query, nil
}

// persistedQuery reports whether extensions names a persisted operation
// (APQ's extensions.persistedQuery), the one case where query may be absent.
func persistedQuery(extensions json.RawMessage) bool {
	if extensions == nil {
		return false
	}
	var ext map[string]json.RawMessage
	if json.Unmarshal(extensions, &ext) != nil {
		return false
	}
	pq := bytes.TrimSpace(ext["persistedQuery"])
	return len(pq) > 0 && pq[0] == '{'
}

// jsonString decodes raw[key] into dst when present and not null.
func jsonString(raw map[string]json.RawMessage, key string, dst *string) error {
	v, ok := raw[key]
	if !ok || string(bytes.TrimSpace(v)) == "null" {
		return nil
	}
	if err := json.Unmarshal(v, dst); err != nil {
		return &paramError{key, "must be a string, got " + jsonKind(v)}
	}
	return nil
}

// jsonObject checks that v, when present and not null, is a JSON object.
// Empty and null give nil.
func jsonObject(key string, v json.RawMessage) (json.RawMessage, error) {
	v = bytes.TrimSpace(v)
	if len(v) == 0 || string(v) == "null" {
		return nil, nil
	}
	if v[0] != '{' || !json.Valid(v) {
		return nil, &paramError{key, "must be a JSON object, got " + jsonKind(v)}
	}
	return v, nil
}

// jsonKind names the JSON type of v for error messages.
func jsonKind(v json.RawMessage) string {
	if !json.Valid(v) {
		return "invalid JSON"
	}
	switch v[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	default:
		return "a number"
	}
}

// hasData reports whether a GraphQL response has a top-level "data" entry.
// It stops at that key, which the engine writes first or right after
// "errors", so it does not re-read the whole result.
func hasData(resp []byte) bool {
	if bytes.HasPrefix(resp, []byte(`{"data":`)) {
		// The engine's shape for a response without errors: no decoder
		// (its setup costs more than the rest of this check) needed.
		return true
	}
	dec := json.NewDecoder(bytes.NewReader(resp))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return false
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return false
		}
		if key == "data" {
			return true
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return false
		}
	}
	return false
}

// negotiate picks the response media type from Accept. An absent Accept or
// */* gets application/json for compatibility with older clients; on equal
// preference graphql-response+json wins.
func negotiate(accept string) string {
	if strings.TrimSpace(accept) == "" {
		return mediaJSON
	}
	best, bestQ := "", 0.0
	for _, part := range strings.Split(accept, ",") {
		fields := strings.Split(part, ";")
		mt := strings.ToLower(strings.TrimSpace(fields[0]))
		q := 1.0
		for _, p := range fields[1:] {
			if k, v, ok := strings.Cut(strings.TrimSpace(p), "="); ok && strings.TrimSpace(k) == "q" {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil && f >= 0 && f <= 1 {
					q = f
				}
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
		if q > bestQ || (q == bestQ && q > 0 && cand == mediaGraphQLResponse) {
			best, bestQ = cand, q
		}
	}
	return best
}

// writeGraphQLErrors writes errors from parsing or from the engine refusing
// an operation (validation, variables) in the GraphQL errors format, keeping
// messages and locations; code, when set, fills extensions.code of errors
// that carry none. With
// application/json the status is 200 as older clients expect; with
// graphql-response+json it is 400 per the spec, and there is no "data".
func writeGraphQLErrors(w http.ResponseWriter, media string, err error, code string) {
	var out graphqlerrors.Errors
	if reqErrs, ok := gateway.ClientErrors(err, code); ok {
		out = reqErrs
	} else if !errors.As(err, &out) {
		out = graphqlerrors.RequestErrorsFromError(err)
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

// writeParamError answers a request whose parameters are unusable: 400
// whatever the media type, since no GraphQL document was run.
func writeParamError(w http.ResponseWriter, media string, err error) {
	var pe *paramError
	if errors.As(err, &pe) {
		writeFieldError(w, media, http.StatusBadRequest, "BAD_REQUEST", pe.Field, pe.Field+": "+pe.Msg)
		return
	}
	writeErrors(w, media, http.StatusBadRequest, "BAD_REQUEST", err.Error())
}

// writeErrors writes a response with one error and no data.
func writeErrors(w http.ResponseWriter, media string, status int, code, msg string) {
	writeFieldError(w, media, status, code, "", msg)
}

// writeFieldError is writeErrors naming the offending request parameter or
// header in extensions.field, as the subgraphs' errors do.
func writeFieldError(w http.ResponseWriter, media string, status int, code, field, msg string) {
	ext := map[string]any{"code": code}
	if field != "" {
		ext["field"] = field
	}
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"errors": []gqlError{{Message: msg, Extensions: ext}}})
}

// queryPlanRequested reports whether the client asked for the query plan
// (header X-Nexus-Query-Plan: true adds it to extensions; only returns the
// plan without fetching). GraphiQL's headers editor can send it.
func queryPlanRequested(r *http.Request, mode string) bool {
	return strings.EqualFold(r.Header.Get("X-Nexus-Query-Plan"), mode)
}

// writePersistedError answers a persisted-operation refusal. Not found is a
// 200 with the error (Apollo's APQ protocol: the client then sends the full
// query); the others are request errors.
func writePersistedError(w http.ResponseWriter, media string, err error) {
	var pe *persisted.Error
	if !errors.As(err, &pe) {
		writeErrors(w, media, http.StatusInternalServerError, "INTERNAL_SERVER_ERROR", "internal error")
		return
	}
	writeErrors(w, media, pe.HTTPStatus(graphQLStatus(media)), pe.Code, pe.Message)
}

// writeExecHookError answers a request the Exec hook refused: a bad or
// expired token is 401 with a WWW-Authenticate challenge (the message
// never repeats the token); anything else is the router's fault.
func writeExecHookError(w http.ResponseWriter, r *http.Request, media string, err error, s *Server) {
	var coded interface{ ErrorCode() string }
	if errors.As(err, &coded) && coded.ErrorCode() == "UNAUTHENTICATED" {
		w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
		writeErrors(w, media, http.StatusUnauthorized, "UNAUTHENTICATED", err.Error())
		return
	}
	s.log.ErrorContext(r.Context(), "request setup", "err", err, "request_id", RequestID(r.Context()))
	writeErrors(w, media, http.StatusInternalServerError, "INTERNAL_SERVER_ERROR", "internal error")
}
