package gateway

// Subgraph errors reach the client as the engine passes them through, which
// breaks the GraphQL spec in four ways; fixErrors repairs what it can
// determine unambiguously and leaves the rest as it was:
//
//   - locations: the engine drops a subgraph error's own (they point into
//     the subgraph request); the spec wants the field's location in the
//     client document, found by walking the operation along the error's path.
//   - list indexes: errors from entity fetches carry "@" where a list index
//     belongs, or no index at all. The index is filled in when the response
//     data (which element holds a null where the error points) or the
//     message (naming a value of exactly one element) identifies one element,
//     or when k identical errors meet exactly k candidate elements.
//   - duplicates: a failed non-null field gets a second "Cannot return null
//     for non-nullable field" error from the engine although the subgraph
//     reported one for the same field (spec 6.4.4: one error per field).
//   - failed fetches: an HTTP error status from a subgraph becomes a bare
//     {"message":"500: Internal Server Error"}; with the plan's record of
//     what that fetch resolves, it becomes one error per affected field,
//     with path, serviceName and code SUBGRAPH_HTTP_ERROR.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/wundergraph/graphql-go-tools/v2/pkg/ast"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/resolve"
)

// fetchFailure is a subgraph fetch that failed without GraphQL errors (an
// HTTP error status), as the engine records it, with what the plan says
// the fetch resolves.
type fetchFailure struct {
	// Service is the subgraph's name.
	Service string
	// Path is the fetch's response path: response keys, "@" for a list.
	Path []string
	// Fields are the names (not aliases) of the fields the fetch resolves
	// on the objects at Path.
	Fields []string
	// StatusCode is the subgraph's HTTP status; Reason the message the
	// engine rendered for it ("500: Internal Server Error").
	StatusCode int
	Reason     string
}

// fetchFailures lists the fetches of an executed request that failed with
// an HTTP error status and no GraphQL errors, joined with the plan's fetch
// items (by subgraph and response path) to know which fields they resolve.
// err is the request's resolve.Context.SubgraphErrors().
func fetchFailures(err error, resp *resolve.GraphQLResponse) []fetchFailure {
	if err == nil || resp == nil {
		return nil
	}
	var ses []*resolve.SubgraphError
	collectSubgraphErrors(err, &ses)
	var items []*resolve.FetchItem
	collectFetchItems(resp.Fetches, &items)
	var out []fetchFailure
	for _, se := range ses {
		if se.ResponseCode < 300 || len(se.DownstreamErrors) > 0 || se.Reason == "" {
			continue
		}
		f := fetchFailure{Service: se.DataSourceInfo.Name, StatusCode: se.ResponseCode, Reason: se.Reason}
		found := false
		for _, it := range items {
			info := it.Fetch.FetchInfo()
			if info == nil || info.DataSourceName != f.Service || it.ResponsePath != se.Path {
				continue
			}
			if !found {
				f.Path = append([]string(nil), it.ResponsePathElements...)
				found = true
			}
			for _, rf := range info.RootFields {
				if !contains(f.Fields, rf.FieldName) {
					f.Fields = append(f.Fields, rf.FieldName)
				}
			}
		}
		out = append(out, f)
	}
	return out
}

func collectSubgraphErrors(err error, out *[]*resolve.SubgraphError) {
	switch e := err.(type) {
	case *resolve.SubgraphError:
		*out = append(*out, e)
	case interface{ Unwrap() []error }:
		for _, x := range e.Unwrap() {
			collectSubgraphErrors(x, out)
		}
	default:
		if x := errors.Unwrap(err); x != nil {
			collectSubgraphErrors(x, out)
		}
	}
}

func collectFetchItems(n *resolve.FetchTreeNode, out *[]*resolve.FetchItem) {
	if n == nil {
		return
	}
	if n.Item != nil && n.Item.Fetch != nil {
		*out = append(*out, n.Item)
	}
	for _, c := range n.ChildNodes {
		collectFetchItems(c, out)
	}
}

// errorsPrefix is how the engine starts a response that has errors; a
// response without it is returned untouched at the cost of one comparison.
var errorsPrefix = []byte(`{"errors":[`)

// fixErrors returns resp with its "errors" repaired as described at the top
// of this file. doc is the normalised operation (its field positions refer to
// the client's text), opName the operation to run ("" for the only one),
// failures the fetches that failed with an HTTP status (fetchFailures),
// entities the exact paths of entity errors (fetchLog.entityErrors).
// Everything but the errors array stays byte-identical, top-level key order
// included; a response it cannot parse is returned as it was.
func fixErrors(resp []byte, doc *ast.Document, opName string, failures []fetchFailure, entities []entityFix) []byte {
	if !bytes.HasPrefix(resp, errorsPrefix) {
		return resp
	}
	top, ok := splitObject(resp)
	if !ok {
		return resp
	}
	ei, di := top.index("errors"), top.index("data")
	var raws []json.RawMessage
	if ei < 0 || json.Unmarshal(top[ei].val, &raws) != nil {
		return resp
	}
	errs := make([]*gqlError, 0, len(raws))
	for _, r := range raws {
		e, ok := parseError(r)
		if !ok {
			return resp
		}
		errs = append(errs, e)
	}
	var data any
	if di >= 0 && decodeJSON(top[di].val, &data) != nil {
		return resp
	}
	op := findOperation(doc, opName)
	fx := &fixer{doc: doc, op: op, data: data}

	errs = fx.expandFailures(errs, failures)
	errs = placeEntityErrors(errs, entities)
	fx.fillIndexes(errs)
	errs = dropDuplicateNonNull(errs)
	errs = dropFetchAuthDuplicates(errs)
	for _, e := range errs {
		fx.addLocations(e)
	}

	changed := len(errs) != len(raws)
	for _, e := range errs {
		changed = changed || e.changed
	}
	if !changed {
		return resp
	}
	var out bytes.Buffer
	out.Grow(len(resp) + 64*len(errs))
	out.WriteByte('{')
	for i, m := range top {
		if i > 0 {
			out.WriteByte(',')
		}
		writeJSON(&out, m.key)
		out.WriteByte(':')
		if i == ei {
			out.WriteByte('[')
			for j, e := range errs {
				if j > 0 {
					out.WriteByte(',')
				}
				e.writeTo(&out)
			}
			out.WriteByte(']')
			continue
		}
		out.Write(m.val)
	}
	out.WriteByte('}')
	return out.Bytes()
}

// fixer holds what the repairs read: the operation and the response data.
type fixer struct {
	doc  *ast.Document
	op   int // operation definition ref, -1 if not found
	data any
}

// expandFailures turns each bare HTTP-status error of a failed fetch into one
// error per field the fetch resolves, at every object the fetch was for.
// Errors and failures are paired by message; when a message occurs more
// often among errors than failures (or the reverse) nothing is paired.
func (fx *fixer) expandFailures(errs []*gqlError, failures []fetchFailure) []*gqlError {
	if len(failures) == 0 {
		return errs
	}
	byReason := map[string][]fetchFailure{}
	for _, f := range failures {
		byReason[f.Reason] = append(byReason[f.Reason], f)
	}
	count := map[string]int{}
	for _, e := range errs {
		if e.isBareStatusError() {
			count[e.message]++
		}
	}
	used := map[string]int{}
	out := make([]*gqlError, 0, len(errs))
	for _, e := range errs {
		fs := byReason[e.message]
		if !e.isBareStatusError() || len(fs) == 0 || len(fs) != count[e.message] {
			out = append(out, e)
			continue
		}
		f := fs[used[e.message]]
		used[e.message]++
		out = append(out, fx.failureErrors(f)...)
	}
	return out
}

// failureErrors renders the errors of one failed fetch.
func (fx *fixer) failureErrors(f fetchFailure) []*gqlError {
	msg := fmt.Sprintf("HTTP %d from subgraph '%s'", f.StatusCode, f.Service)
	ext := fmt.Sprintf(`{"code":"SUBGRAPH_HTTP_ERROR","serviceName":%s,"statusCode":%d}`, quote(f.Service), f.StatusCode)
	var paths [][]any
	for _, obj := range objectPaths(fx.data, f.Path) {
		for _, key := range fx.responseKeys(f.Path, f.Fields) {
			paths = append(paths, append(append([]any(nil), obj...), key))
		}
	}
	if len(paths) == 0 {
		return []*gqlError{newError(msg, nil, ext)}
	}
	out := make([]*gqlError, len(paths))
	for i, p := range paths {
		out[i] = newError(msg, p, ext)
	}
	return out
}

// objectPaths returns the concrete paths (indexes for "@") of the non-null
// objects at a fetch's response path.
func objectPaths(data any, path []string) [][]any {
	var out [][]any
	for _, o := range objectsAt(data, path) {
		out = append(out, o.path)
	}
	return out
}

// fillIndexes replaces unknown list indexes ("@" or a missing index) in error
// paths where they are unambiguous.
func (fx *fixer) fillIndexes(errs []*gqlError) {
	type group struct {
		errs  []*gqlError
		cands [][]any
	}
	groups := map[string]*group{}
	var order []string
	for _, e := range errs {
		if e.path == nil {
			continue
		}
		cands, unknown, ok := candidates(fx.data, e.path)
		if !unknown || !ok || len(cands) == 0 {
			continue
		}
		if len(cands) > 1 {
			cands = byMessage(cands, e.message)
		}
		if len(cands) == 1 {
			e.setPath(cands[0].path)
			continue
		}
		key := e.message + "\x00" + string(e.member("extensions")) + "\x00" + pathKey(e.path)
		g := groups[key]
		if g == nil {
			g = &group{}
			for _, c := range cands {
				g.cands = append(g.cands, c.path)
			}
			groups[key] = g
			order = append(order, key)
		}
		g.errs = append(g.errs, e)
	}
	// k identical errors over exactly k candidates: whichever error goes to
	// which candidate, the errors list is the same.
	for _, key := range order {
		g := groups[key]
		if len(g.errs) != len(g.cands) {
			continue
		}
		for i, e := range g.errs {
			e.setPath(g.cands[i])
		}
	}
}

// candidate is one concrete path an error with unknown indexes may mean,
// with the list elements chosen at the unknown positions.
type candidate struct {
	path  []any
	elems []any
}

// candidates walks data along path. unknown reports whether the path has
// "@" or lacks an index where data has a list; the candidates are then the
// concrete paths on which data holds a null (the field, or an ancestor the
// null bubbled to). ok is false when a candidate would keep an unknown
// index (a null above the list).
func candidates(data any, path []any) (out []candidate, unknown, ok bool) {
	ok = true
	var walk func(v any, i int, prefix []any, elems []any)
	walk = func(v any, i int, prefix []any, elems []any) {
		if v == nil {
			rest := path[i:]
			for _, p := range rest {
				if p == "@" {
					unknown = true
					ok = false
					return
				}
			}
			out = append(out, candidate{path: append(append([]any(nil), prefix...), rest...), elems: elems})
			return
		}
		if i == len(path) {
			return // a value, not a null: no error lives here
		}
		p := path[i]
		switch x := v.(type) {
		case []any:
			if n, isNum := p.(json.Number); isNum {
				k, err := n.Int64()
				if err == nil && k >= 0 && int(k) < len(x) {
					walk(x[k], i+1, append(append([]any(nil), prefix...), p), elems)
				}
				return
			}
			unknown = true
			next := i
			if p == "@" {
				next = i + 1
			}
			for j, el := range x {
				walk(el, next, append(append([]any(nil), prefix...), index(j)), append(append([]any(nil), elems...), el))
			}
		case map[string]any:
			s, isStr := p.(string)
			if !isStr || s == "@" {
				return
			}
			if c, has := x[s]; has {
				walk(c, i+1, append(append([]any(nil), prefix...), p), elems)
			}
		}
	}
	walk(data, 0, nil, nil)
	return out, unknown, ok
}

// index is a list index as it appears in a decoded path.
func index(i int) json.Number { return json.Number(strconv.Itoa(i)) }

// byMessage keeps the candidates whose single chosen element has a string
// field whose value the message names as a whole word ("broken for SKU-1"
// names the element with sku "SKU-1", not the one with "SKU-10"); all of
// them when the message names none.
func byMessage(cands []candidate, msg string) []candidate {
	var out []candidate
	for _, c := range cands {
		if len(c.elems) != 1 {
			return cands
		}
		obj, _ := c.elems[0].(map[string]any)
		for _, v := range obj {
			if s, ok := v.(string); ok && len(s) >= 2 && namesWord(msg, s) {
				out = append(out, c)
				break
			}
		}
	}
	if len(out) == 0 {
		return cands
	}
	return out
}

func namesWord(msg, w string) bool {
	for i := 0; ; {
		j := strings.Index(msg[i:], w)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(w)
		if (j == 0 || !wordByte(msg[j-1])) && (end == len(msg) || !wordByte(msg[end])) {
			return true
		}
		i = j + 1
	}
}

func wordByte(b byte) bool {
	return b == '_' || b == '-' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80
}

// nonNullPrefix starts the error the engine adds when a non-null field is null.
const nonNullPrefix = "Cannot return null for non-nullable field"

// fetchAuthPrefix starts the engine's error for a fetch the authorizer
// refused before it was sent (a denied mutation root field).
const fetchAuthPrefix = "Unauthorized request to Subgraph "

// dropFetchAuthDuplicates drops that path-less fetch error when the same
// response already has the per-field authorisation error: one error per
// denied field, at its path, is what clients can act on.
func dropFetchAuthDuplicates(errs []*gqlError) []*gqlError {
	perField := false
	for _, e := range errs {
		if e.path != nil && strings.HasPrefix(e.message, "Unauthorized to load field ") {
			perField = true
			break
		}
	}
	if !perField {
		return errs
	}
	out := errs[:0:0]
	for _, e := range errs {
		if e.path == nil && strings.HasPrefix(e.message, fetchAuthPrefix) {
			continue
		}
		out = append(out, e)
	}
	return out
}

// dropDuplicateNonNull drops the engine's "Cannot return null" error for a
// field another error already reports (see covers).
func dropDuplicateNonNull(errs []*gqlError) []*gqlError {
	out := errs[:0:0]
	for _, e := range errs {
		if e.path != nil && strings.HasPrefix(e.message, nonNullPrefix) && e.member("extensions") == nil {
			dup := false
			for _, o := range errs {
				if o != e && o.path != nil && !strings.HasPrefix(o.message, nonNullPrefix) && covers(o.path, e.path) {
					dup = true
					break
				}
			}
			if dup {
				continue
			}
		}
		out = append(out, e)
	}
	return out
}

// covers reports whether path o (another error's) denotes the concrete
// path p: equal, except that o may have "@" for an index of p or lack it
// (a key where p has an index: the response has a list there, so o cannot
// be a concrete path without one).
func covers(o, p []any) bool {
	i, j := 0, 0
	for i < len(o) && j < len(p) {
		os, oStr := o[i].(string)
		_, pNum := p[j].(json.Number)
		switch {
		case pathKey(o[i:i+1]) == pathKey(p[j:j+1]):
			i, j = i+1, j+1
		case oStr && os == "@" && pNum:
			i, j = i+1, j+1
		case oStr && pNum:
			j++
		default:
			return false
		}
	}
	return i == len(o) && j == len(p)
}

func pathKey(p []any) string {
	var b strings.Builder
	for _, x := range p {
		switch v := x.(type) {
		case string:
			b.WriteString("s" + v)
		default: // json.Number or int: an index
			fmt.Fprintf(&b, "#%v", v)
		}
		b.WriteByte(0)
	}
	return b.String()
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
