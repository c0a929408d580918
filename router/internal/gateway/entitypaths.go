package gateway

// Exact paths for errors from entity fetches.
//
// A subgraph reports an entity's error at ["_entities", i, ...]: i is the
// position of the representation in the batch the router sent. The engine
// rewrites that to the fetch's response path but drops i, because the
// mapping from batch positions to list elements lives only inside its
// loader. When the response data still shows which element failed,
// fixErrors' fillIndexes can tell; when a null bubbled above the list
// (a failed non-null field in a [T!]! list), the data is null and nothing
// in the response says which elements failed.
//
// So each execution keeps a fetchLog of the subgraph requests it sent and
// the answers it got. When a response has errors, entityErrors replays the
// answers into a tree as the engine merged them (root fields at the root,
// each entity into the objects whose fields match its representation) and
// finds, for each entity error, the objects at the fetch's response path
// that the failing representation stands for. A representation shared by
// several objects (the engine sends each distinct one once) yields one
// error per object, as the field failed at each of them.
//
// What it cannot see it leaves to fillIndexes: an execution whose requests
// and answers exceed maxFetchLogBytes, an answer this execution did not
// fetch itself (another request's identical in-flight fetch served it),
// a representation that matches no object (an @interfaceObject names the
// interface, the objects their own types), or an answer it cannot parse.

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"sync"
	"sync/atomic"

	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/resolve"

	"github.com/nexus-commerce/nexus/router/internal/recovery"
)

// fetchLog is one execution's subgraph requests, in the order their answers
// arrived (a fetch that depends on another starts only after that one's
// answer was merged, so it comes later).
type fetchLog struct {
	mu    sync.Mutex
	calls []fetchCall
	// left is how many more bytes the log may keep (maxFetchLogBytes at
	// first); once a request or answer does not fit, overflow is set and
	// the log is not used (a replay missing one answer could be wrong).
	left     atomic.Int64
	overflow atomic.Bool

	// once guards fixes, computed at most once: the leader of an inbound
	// single-flight group and its followers share this log.
	once  sync.Once
	fixes []entityFix
}

// fetchCall is one subgraph request: the body the router sent and the body
// the subgraph answered, as it came over the wire (encoding says how to
// read it).
type fetchCall struct {
	service  string
	body     []byte
	out      []byte
	encoding string
}

type fetchLogKey struct{}

// withFetchLog returns ctx carrying a new log: recordingTransport adds the
// subgraph requests made under it.
func withFetchLog(ctx context.Context) (context.Context, *fetchLog) {
	l := &fetchLog{}
	l.left.Store(maxFetchLogBytes)
	return context.WithValue(ctx, fetchLogKey{}, l), l
}

// maxFetchLogBytes bounds the copies one execution keeps: an execution
// moving more than this through its subgraphs gets no exact entity paths.
const maxFetchLogBytes = 16 << 20

// reserve takes n bytes from the log's allowance; false (and overflow from
// then on) when they do not fit.
func (l *fetchLog) reserve(n int) bool {
	if l.overflow.Load() {
		return false
	}
	if l.left.Add(-int64(n)) < 0 {
		l.overflow.Store(true)
		return false
	}
	return true
}

func fetchLogFrom(ctx context.Context) *fetchLog {
	l, _ := ctx.Value(fetchLogKey{}).(*fetchLog)
	return l
}

func (l *fetchLog) add(c fetchCall) {
	l.mu.Lock()
	l.calls = append(l.calls, c)
	l.mu.Unlock()
}

// recordingTransport logs the requests to one subgraph that carry a
// fetchLog in their context; others pass straight through.
type recordingTransport struct {
	next    http.RoundTripper
	service string
}

// RoundTrip runs on the engine's fetch goroutines: a panic in it fails
// its execution (see fault), not the process.
func (t *recordingTransport) RoundTrip(req *http.Request) (resp *http.Response, err error) {
	defer func() {
		if faultFrom(req.Context()).recovered(recover()) {
			resp, err = nil, recovery.ErrPanic
		}
	}()
	if c := cookiesFrom(req.Context()); c != nil {
		defer func() {
			if err == nil && resp != nil {
				c.capture(t.service, resp.Header)
			}
		}()
	}
	log := fetchLogFrom(req.Context())
	if log == nil || req.GetBody == nil || log.overflow.Load() {
		return t.next.RoundTrip(req)
	}
	// The engine's request buffer is reused after the fetch: keep a copy.
	var body []byte
	if rc, err := req.GetBody(); err == nil {
		if n := req.ContentLength; n > 0 && log.reserve(int(n)) {
			body = make([]byte, n)
			n, _ := io.ReadFull(rc, body)
			body = body[:n]
		} else if n <= 0 {
			body, _ = io.ReadAll(rc)
			log.reserve(len(body))
		}
		_ = rc.Close()
	}
	resp, err = t.next.RoundTrip(req)
	if err != nil || resp.Body == nil || log.overflow.Load() {
		return resp, err
	}
	tee := &teeBody{ReadCloser: resp.Body, log: log, done: func(out []byte) {
		log.add(fetchCall{service: t.service, body: body, out: out, encoding: resp.Header.Get("Content-Encoding")})
	}}
	if n := resp.ContentLength; n > 0 {
		if !log.reserve(int(n)) {
			return resp, nil
		}
		tee.buf, tee.reserved = make([]byte, 0, n), int(n)
	}
	resp.Body = tee
	return resp, nil
}

// teeBody keeps what is read through it, within its log's allowance, and
// hands it to done once, at the end of the body or when it is closed.
type teeBody struct {
	io.ReadCloser
	log      *fetchLog
	buf      []byte
	reserved int // bytes taken from the allowance in advance
	dropped  bool
	done     func([]byte)
	once     sync.Once
}

func (b *teeBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if !b.dropped {
		if len(b.buf)+n <= b.reserved || b.log.reserve(len(b.buf)+n-max(b.reserved, len(b.buf))) {
			b.buf = append(b.buf, p[:n]...)
		} else {
			b.dropped, b.buf = true, nil
		}
	}
	if err == io.EOF {
		b.finish()
	}
	return n, err
}

func (b *teeBody) Close() error {
	b.finish()
	return b.ReadCloser.Close()
}

func (b *teeBody) finish() {
	b.once.Do(func() {
		if !b.dropped {
			b.done(b.buf)
		}
	})
}

// entityFix says where one entity error belongs: the error the engine
// rendered (message and rewritten path) and the concrete paths of the
// objects it stands for.
type entityFix struct {
	message string
	engine  []any
	paths   [][]any
}

// entityErrors returns the exact paths of this execution's entity errors
// (see the top of this file); fetches is the executed plan's fetch tree.
func (l *fetchLog) entityErrors(fetches *resolve.FetchTreeNode) []entityFix {
	if l == nil || l.overflow.Load() {
		return nil
	}
	l.once.Do(func() {
		l.mu.Lock()
		calls := append([]fetchCall(nil), l.calls...)
		l.mu.Unlock()
		l.fixes = replayEntityErrors(calls, fetches)
	})
	return l.fixes
}

// subgraphAnswer is what replayEntityErrors reads from an answer.
type subgraphAnswer struct {
	Data   map[string]any `json:"data"`
	Errors []struct {
		Message string `json:"message"`
		Path    []any  `json:"path"`
	} `json:"errors"`
}

// subgraphRequest is what replayEntityErrors reads from a request (the
// query's text is compared raw: rawMember).
type subgraphRequest struct {
	Variables struct {
		Representations []any `json:"representations"`
	} `json:"variables"`
}

var entitiesKey = []byte(`"_entities"`)

func replayEntityErrors(calls []fetchCall, fetches *resolve.FetchTreeNode) []entityFix {
	interesting := false
	for _, c := range calls {
		// An entity error mentions "_entities" in its path; compressed
		// answers are decoded to look.
		if c.encoding != "" || bytes.Contains(c.out, entitiesKey) && bytes.Contains(c.out, []byte(`"errors"`)) {
			interesting = true
			break
		}
	}
	if !interesting {
		return nil
	}
	var items []*resolve.FetchItem
	collectFetchItems(fetches, &items)
	root := map[string]any{}
	used := map[*resolve.FetchItem]bool{}
	var fixes []entityFix
	for _, c := range calls {
		out, ok := decodeAnswer(c)
		if !ok {
			return nil
		}
		var req subgraphRequest
		if decodeJSON(c.body, &req) != nil {
			return nil
		}
		reps := req.Variables.Representations
		if reps == nil {
			if out.Data != nil {
				mergeObject(root, out.Data)
			}
			continue
		}
		path, targets := entityTargets(root, items, used, c, reps)
		if path == nil {
			// The request matches no entity fetch of the plan: the tree
			// would miss what it merged, so nothing after it is certain.
			return fixes
		}
		ents, _ := out.Data["_entities"].([]any)
		for b, objs := range targets {
			if b >= len(ents) {
				break
			}
			if ent, ok := ents[b].(map[string]any); ok {
				for _, o := range objs {
					mergeObject(o.obj, ent)
				}
			}
		}
		for _, e := range out.Errors {
			if len(e.Path) < 2 || e.Path[0] != "_entities" {
				continue
			}
			n, ok := e.Path[1].(json.Number)
			if !ok {
				continue
			}
			b, err := n.Int64()
			if err != nil || b < 0 || int(b) >= len(targets) {
				continue
			}
			rest := e.Path[2:]
			f := entityFix{message: e.Message, engine: enginePath(path, rest)}
			for _, o := range targets[b] {
				f.paths = append(f.paths, append(append([]any(nil), o.path...), rest...))
			}
			fixes = append(fixes, f)
		}
	}
	return fixes
}

// enginePath is the path the engine gives an entity error of a fetch at
// path (response keys, "@" for lists): the path without a trailing "@",
// then the error's path after "_entities" and its index.
func enginePath(path []string, rest []any) []any {
	if n := len(path); n > 0 && path[n-1] == "@" {
		path = path[:n-1]
	}
	out := make([]any, 0, len(path)+len(rest))
	for _, p := range path {
		out = append(out, p)
	}
	return append(out, rest...)
}

// located is an object of the replayed tree and its concrete path.
type located struct {
	path []any
	obj  map[string]any
}

// entityTargets finds the plan's entity fetch a request was made for (same
// subgraph, same query) and, for each representation, the objects at that
// fetch's response path that it represents. Several fetches may send the
// same query from different paths; the engine sends every object at its
// fetch's path, so the one taken is a fetch not yet matched whose objects
// include every representation and that leaves the fewest of its objects
// unrepresented. path is nil when there is none.
func entityTargets(root map[string]any, items []*resolve.FetchItem, used map[*resolve.FetchItem]bool, c fetchCall, reps []any) (path []string, targets [][]located) {
	query, ok := rawMember(c.body, "query")
	if !ok {
		return nil, nil
	}
	var best *resolve.FetchItem
	bestLeft := -1
	for _, it := range items {
		info := it.Fetch.FetchInfo()
		if used[it] || info == nil || info.DataSourceName != c.service || !fetchSends(it.Fetch, query) {
			continue
		}
		objs := objectsAt(root, it.ResponsePathElements)
		found := make([][]located, len(reps))
		represented := make([]bool, len(objs))
		all := true
		for b, rep := range reps {
			for i, o := range objs {
				if represents(o.obj, rep) {
					found[b] = append(found[b], o)
					represented[i] = true
				}
			}
			all = all && len(found[b]) > 0
		}
		if !all {
			continue
		}
		left := 0
		for _, r := range represented {
			if !r {
				left++
			}
		}
		if best == nil || left < bestLeft {
			best, bestLeft, targets = it, left, found
		}
	}
	if best == nil {
		return nil, nil
	}
	used[best] = true
	return best.ResponsePathElements, targets
}

// fetchSends reports whether an entity fetch's request starts with the
// query whose JSON text (as sent, escapes included) is query.
func fetchSends(f resolve.Fetch, query []byte) bool {
	var header resolve.InputTemplate
	switch x := f.(type) {
	case *resolve.EntityFetch:
		header = x.Input.Header
	case *resolve.BatchEntityFetch:
		header = x.Input.Header
	default:
		return false
	}
	for _, s := range header.Segments {
		if s.SegmentType == resolve.StaticSegmentType && bytes.Contains(s.Data, query) {
			return true
		}
	}
	return false
}

// rawMember returns the raw JSON text of a top-level member of obj.
func rawMember(obj []byte, key string) ([]byte, bool) {
	ms, ok := splitObject(obj)
	if !ok {
		return nil, false
	}
	i := ms.index(key)
	if i < 0 {
		return nil, false
	}
	return ms[i].val, true
}

// objectsAt returns the non-null objects at a response path with their
// concrete paths. As in the engine's item selection, a list met on the way
// (or at the end) stands for each of its elements; "@" marks one
// explicitly.
func objectsAt(data any, path []string) []located {
	var out []located
	var walk func(v any, i int, prefix []any)
	walk = func(v any, i int, prefix []any) {
		switch x := v.(type) {
		case []any:
			next := i
			if i < len(path) && path[i] == "@" {
				next = i + 1
			}
			for j, el := range x {
				walk(el, next, append(append([]any(nil), prefix...), index(j)))
			}
		case map[string]any:
			if i == len(path) {
				out = append(out, located{path: prefix, obj: x})
				return
			}
			if c, ok := x[path[i]]; ok && path[i] != "@" {
				walk(c, i+1, append(append([]any(nil), prefix...), path[i]))
			}
		}
	}
	walk(data, 0, []any{})
	return out
}

// represents reports whether obj is the entity rep stands for: every field
// of the representation has the same value in obj (objects compared field
// by field, so obj may have more). An object without __typename matches on
// its other fields.
func represents(obj map[string]any, rep any) bool {
	r, ok := rep.(map[string]any)
	if !ok || len(r) == 0 {
		return false
	}
	matched := false
	for k, v := range r {
		got, has := obj[k]
		if !has {
			if k == "__typename" {
				continue
			}
			return false
		}
		if !subset(got, v) {
			return false
		}
		matched = matched || k != "__typename"
	}
	return matched
}

// subset reports whether want's value is in got: equal scalars, objects
// whose every field of want is in got, lists element by element.
func subset(got, want any) bool {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return false
		}
		for k, v := range w {
			if gv, has := g[k]; !has || !subset(gv, v) {
				return false
			}
		}
		return true
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return false
		}
		for i := range w {
			if !subset(g[i], w[i]) {
				return false
			}
		}
		return true
	default:
		return got == want
	}
}

// mergeObject merges src into dst as the engine merges answers: objects
// field by field, lists of the same length element by element, anything
// else replaced.
func mergeObject(dst, src map[string]any) {
	for k, v := range src {
		dst[k] = mergeValue(dst[k], v)
	}
}

func mergeValue(dst, src any) any {
	switch s := src.(type) {
	case map[string]any:
		if d, ok := dst.(map[string]any); ok {
			mergeObject(d, s)
			return d
		}
	case []any:
		if d, ok := dst.([]any); ok && len(d) == len(s) {
			for i := range s {
				d[i] = mergeValue(d[i], s[i])
			}
			return d
		}
	}
	return src
}

func decodeAnswer(c fetchCall) (subgraphAnswer, bool) {
	var out subgraphAnswer
	body := c.out
	var r io.Reader
	switch c.encoding {
	case "":
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return out, false
		}
		r = zr
	case "deflate":
		r = flate.NewReader(bytes.NewReader(body))
	default:
		return out, false
	}
	if r != nil {
		b, err := io.ReadAll(r)
		if err != nil {
			return out, false
		}
		body = b
	}
	return out, decodeJSON(body, &out) == nil
}

// decodeJSON decodes with numbers kept as json.Number, as error paths are.
func decodeJSON(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	return dec.Decode(v)
}

// placeEntityErrors gives each error an entity fix names (same message, the
// engine's path) its exact paths, one error per path, consuming the fixes
// in order.
func placeEntityErrors(errs []*gqlError, fixes []entityFix) []*gqlError {
	if len(fixes) == 0 {
		return errs
	}
	queue := map[string][]entityFix{}
	for _, f := range fixes {
		k := f.message + "\x00" + pathKey(f.engine)
		queue[k] = append(queue[k], f)
	}
	out := make([]*gqlError, 0, len(errs))
	for _, e := range errs {
		if e.path == nil {
			out = append(out, e)
			continue
		}
		k := e.message + "\x00" + pathKey(e.path)
		q := queue[k]
		if len(q) == 0 {
			out = append(out, e)
			continue
		}
		f := q[0]
		queue[k] = q[1:]
		if len(f.paths) == 0 {
			out = append(out, e)
			continue
		}
		for i, p := range f.paths {
			c := e
			if i > 0 {
				c = e.clone()
			}
			c.setPath(p)
			out = append(out, c)
		}
	}
	return out
}
