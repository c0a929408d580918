// Package persisted resolves operations sent by id: trusted documents from
// a manifest file (clients send only the id; in safelist mode nothing else
// runs) and automatic persisted queries (APQ: clients register a query's
// sha256 once and then send only the hash).
package persisted

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"

	lru "github.com/hashicorp/golang-lru/v2"
)

// Error codes clients see in extensions.code. Apollo Client and urql retry
// with the full query on PERSISTED_QUERY_NOT_FOUND.
const (
	CodeNotFound     = "PERSISTED_QUERY_NOT_FOUND"
	CodeNotSupported = "PERSISTED_QUERY_NOT_SUPPORTED"
	CodeHashMismatch = "PERSISTED_QUERY_HASH_MISMATCH"
	CodeBadRequest   = "BAD_REQUEST"
	CodeNotAllowed   = "OPERATION_NOT_IN_SAFELIST"
)

// Error is a refusal; Message is safe to show to clients.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Message }

// HTTPStatus is the status a refusal is answered with over HTTP: not found
// is a 200 (Apollo's APQ protocol: the client then sends the full query),
// the safelist's refusal a 403, anything else other (the transport's
// status for a request that cannot run).
func (e *Error) HTTPStatus(other int) int {
	switch e.Code {
	case CodeNotFound:
		return http.StatusOK
	case CodeNotAllowed:
		return http.StatusForbidden
	}
	return other
}

// Options configures a Store.
type Options struct {
	// Manifest maps operation ids to their bodies (trusted documents).
	Manifest map[string]string
	// Safelist refuses anything that is not in Manifest.
	Safelist bool
	// APQ lets clients register operations by sha256 at run time.
	APQ bool
	// APQCacheSize bounds the registered operations. Default 10000.
	APQCacheSize int
}

// Store resolves the query text of a request. It is safe for concurrent use.
type Store struct {
	manifest map[string]string
	bodies   map[string]bool
	safelist bool
	apq      *lru.Cache[string, string]
}

// New builds a store.
func New(o Options) *Store {
	s := &Store{manifest: o.Manifest, safelist: o.Safelist, bodies: map[string]bool{}}
	for _, body := range o.Manifest {
		s.bodies[body] = true
	}
	if o.APQ && !o.Safelist {
		size := o.APQCacheSize
		if size <= 0 {
			size = 10000
		}
		s.apq, _ = lru.New[string, string](size)
	}
	return s
}

// Len is the number of trusted documents.
func (s *Store) Len() int { return len(s.manifest) }

// extension is extensions.persistedQuery as Apollo defines it.
type extension struct {
	Version    int    `json:"version"`
	SHA256Hash string `json:"sha256Hash"`
}

// Resolve returns the query to execute for a request's query text and
// extensions. A request without the persistedQuery extension passes
// through unchanged unless the safelist refuses its body.
func (s *Store) Resolve(query string, extensions json.RawMessage) (string, error) {
	ext, err := parseExtension(extensions)
	if err != nil {
		return "", err
	}
	if ext == nil {
		if s.safelist && !s.bodies[query] {
			return "", &Error{Code: CodeNotAllowed, Message: "this router only runs operations from its trusted documents; send a persisted operation id"}
		}
		return query, nil
	}
	id := ext.SHA256Hash
	if query == "" {
		if body, ok := s.manifest[id]; ok {
			return body, nil
		}
		if s.apq != nil {
			if body, ok := s.apq.Get(id); ok {
				return body, nil
			}
			return "", &Error{Code: CodeNotFound, Message: "PersistedQueryNotFound"}
		}
		if s.safelist {
			return "", &Error{Code: CodeNotAllowed, Message: fmt.Sprintf("operation %q is not among the trusted documents", id)}
		}
		return "", &Error{Code: CodeNotFound, Message: "PersistedQueryNotFound"}
	}
	// A query with its hash: the hash must be the query's, so nobody can
	// register a body under another operation's id.
	sum := sha256.Sum256([]byte(query))
	if !strings.EqualFold(hex.EncodeToString(sum[:]), id) {
		return "", &Error{Code: CodeHashMismatch, Message: "extensions.persistedQuery.sha256Hash does not match the sha256 of query"}
	}
	if body, ok := s.manifest[id]; ok && body == query {
		return query, nil
	}
	if s.safelist {
		if s.bodies[query] {
			return query, nil
		}
		return "", &Error{Code: CodeNotAllowed, Message: "this router only runs operations from its trusted documents"}
	}
	if s.apq != nil {
		s.apq.Add(strings.ToLower(id), query)
	}
	return query, nil
}

func parseExtension(raw json.RawMessage) (*extension, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var ext struct {
		PersistedQuery *json.RawMessage `json:"persistedQuery"`
	}
	if err := json.Unmarshal(raw, &ext); err != nil {
		return nil, &Error{Code: CodeBadRequest, Message: "extensions must be a JSON object"}
	}
	if ext.PersistedQuery == nil || string(*ext.PersistedQuery) == "null" {
		return nil, nil
	}
	var pq extension
	if err := json.Unmarshal(*ext.PersistedQuery, &pq); err != nil {
		return nil, &Error{Code: CodeBadRequest, Message: "extensions.persistedQuery must be an object with version and sha256Hash"}
	}
	if pq.Version != 1 {
		return nil, &Error{Code: CodeNotSupported, Message: fmt.Sprintf("extensions.persistedQuery.version %d is not supported; use 1", pq.Version)}
	}
	if len(pq.SHA256Hash) != 64 || strings.Trim(strings.ToLower(pq.SHA256Hash), "0123456789abcdef") != "" {
		return nil, &Error{Code: CodeBadRequest, Message: "extensions.persistedQuery.sha256Hash must be 64 hex digits"}
	}
	pq.SHA256Hash = strings.ToLower(pq.SHA256Hash)
	return &pq, nil
}

// LoadManifest reads trusted documents from a file: Apollo's persisted
// query manifest ({"format":"apollo-persisted-query-manifest","version":1,
// "operations":[{"id","body",...}]}) or a plain {"id": "body"} object (as
// Relay and GraphQL Code Generator write). Ids that are sha256 hashes must
// match their body, so a tampered manifest is refused at load.
func LoadManifest(path string) (map[string]string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("persisted operations: %w", err)
	}
	var apollo struct {
		Format     string `json:"format"`
		Version    int    `json:"version"`
		Operations []struct {
			ID   string `json:"id"`
			Body string `json:"body"`
		} `json:"operations"`
	}
	out := map[string]string{}
	if err := json.Unmarshal(raw, &apollo); err == nil && apollo.Format != "" {
		if apollo.Format != "apollo-persisted-query-manifest" || apollo.Version != 1 {
			return nil, fmt.Errorf("persisted operations %s: format %q version %d is not supported (want apollo-persisted-query-manifest 1)", path, apollo.Format, apollo.Version)
		}
		for i, op := range apollo.Operations {
			if op.ID == "" || op.Body == "" {
				return nil, fmt.Errorf("persisted operations %s: operations[%d] needs id and body", path, i)
			}
			out[strings.ToLower(op.ID)] = op.Body
		}
	} else {
		var plain map[string]string
		if err := json.Unmarshal(raw, &plain); err != nil {
			return nil, fmt.Errorf("persisted operations %s: neither an Apollo manifest nor an {\"id\": \"query\"} object: %v", path, err)
		}
		for id, body := range plain {
			out[strings.ToLower(id)] = body
		}
	}
	var errs []error
	for id, body := range out {
		if len(id) == 64 && strings.Trim(id, "0123456789abcdef") == "" {
			sum := sha256.Sum256([]byte(body))
			if hex.EncodeToString(sum[:]) != id {
				errs = append(errs, fmt.Errorf("persisted operations %s: id %s is not the sha256 of its body", path, id))
			}
		}
	}
	return out, errors.Join(errs...)
}
