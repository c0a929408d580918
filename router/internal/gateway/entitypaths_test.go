package gateway

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/resolve"
)

// entityFetch is a plan item for an entity fetch to service at path whose
// request carries query.
func entityFetch(service, query string, path ...string) *resolve.FetchTreeNode {
	q, _ := json.Marshal(query)
	header := `{"method":"POST","url":"http://x","body":{"query":` + string(q) + `,"variables":{"representations":[`
	return &resolve.FetchTreeNode{Item: &resolve.FetchItem{
		ResponsePathElements: path,
		Fetch: &resolve.BatchEntityFetch{
			Info: &resolve.FetchInfo{DataSourceName: service},
			Input: resolve.BatchInput{Header: resolve.InputTemplate{Segments: []resolve.TemplateSegment{
				{SegmentType: resolve.StaticSegmentType, Data: []byte(header)},
			}}},
		},
	}}
}

func rootFetch(service string) *resolve.FetchTreeNode {
	return &resolve.FetchTreeNode{Item: &resolve.FetchItem{Fetch: &resolve.SingleFetch{Info: &resolve.FetchInfo{DataSourceName: service}}}}
}

func tree(nodes ...*resolve.FetchTreeNode) *resolve.FetchTreeNode {
	return &resolve.FetchTreeNode{ChildNodes: nodes}
}

// entityCall is a recorded entity request with its answer.
func entityCall(service, query, reps, out string) fetchCall {
	q, _ := json.Marshal(query)
	return fetchCall{service: service, body: []byte(`{"query":` + string(q) + `,"variables":{"representations":` + reps + `}}`), out: []byte(out)}
}

func rootCall(service, out string) fetchCall {
	return fetchCall{service: service, body: []byte(`{"query":"{ x }"}`), out: []byte(out)}
}

func decodePath(t *testing.T, s string) []any {
	t.Helper()
	var p []any
	if err := decodeJSON([]byte(s), &p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReplayEntityErrors(t *testing.T) {
	const qReviews = `query($representations: [_Any!]!){_entities(representations: $representations){... on User {reviews {id product {__typename sku}}}}}`
	const qBroken = `query($representations: [_Any!]!){_entities(representations: $representations){... on Product {brokenNonNull}}}`
	users := rootCall("users", `{"data":{"users":[{"__typename":"User","id":"u1"},{"__typename":"User","id":"u2"},{"__typename":"User","id":"u3"}]}}`)
	reviews := entityCall("reviews", qReviews,
		`[{"__typename":"User","id":"u1"},{"__typename":"User","id":"u2"},{"__typename":"User","id":"u3"}]`,
		`{"data":{"_entities":[`+
			`{"reviews":[{"id":"r1","product":{"__typename":"Product","sku":"SKU-1"}},{"id":"r3","product":{"__typename":"Product","sku":"SKU-2"}}]},`+
			`{"reviews":[{"id":"r2","product":{"__typename":"Product","sku":"SKU-1"}}]},`+
			`{"reviews":[{"id":"r4","product":{"__typename":"Product","sku":"SKU-4"}}]}]}}`)
	// SKU-1 is sent once although two reviews hold it.
	broken := entityCall("legacy", qBroken,
		`[{"__typename":"Product","sku":"SKU-1"},{"__typename":"Product","sku":"SKU-2"},{"__typename":"Product","sku":"SKU-4"}]`,
		`{"errors":[{"message":"broken","path":["_entities",2,"brokenNonNull"]},{"message":"broken","path":["_entities",0,"brokenNonNull"]},{"message":"other","path":["elsewhere"]}],"data":{"_entities":[null,null,null]}}`)
	plan := tree(rootFetch("users"), entityFetch("reviews", qReviews, "users"), entityFetch("legacy", qBroken, "users", "reviews", "product"))

	t.Run("nested lists, a representation shared by two objects", func(t *testing.T) {
		got := replayEntityErrors([]fetchCall{users, reviews, broken}, plan)
		want := []entityFix{
			{message: "broken", engine: decodePath(t, `["users","reviews","product","brokenNonNull"]`), paths: [][]any{
				decodePath(t, `["users",2,"reviews",0,"product","brokenNonNull"]`),
			}},
			{message: "broken", engine: decodePath(t, `["users","reviews","product","brokenNonNull"]`), paths: [][]any{
				decodePath(t, `["users",0,"reviews",0,"product","brokenNonNull"]`),
				decodePath(t, `["users",1,"reviews",0,"product","brokenNonNull"]`),
			}},
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("got  %#v\nwant %#v", got, want)
		}
	})

	t.Run("no entity errors: nothing to replay", func(t *testing.T) {
		ok := entityCall("legacy", qBroken, `[{"__typename":"Product","sku":"SKU-1"}]`, `{"data":{"_entities":[{"brokenNonNull":"x"}]}}`)
		if got := replayEntityErrors([]fetchCall{users, reviews, ok}, plan); got != nil {
			t.Fatalf("got %v", got)
		}
	})

	t.Run("the same query from two paths: the path whose objects match", func(t *testing.T) {
		const q = `query($representations: [_Any!]!){_entities(representations: $representations){... on Product {brokenNonNull}}}`
		root := rootCall("catalog", `{"data":{"a":[{"__typename":"Product","sku":"SKU-1"}],"b":[{"__typename":"Product","sku":"SKU-7"},{"__typename":"Product","sku":"SKU-8"}]}}`)
		call := entityCall("legacy", q, `[{"__typename":"Product","sku":"SKU-8"}]`, `{"errors":[{"message":"broken","path":["_entities",0,"brokenNonNull"]}],"data":{"_entities":[null]}}`)
		got := replayEntityErrors([]fetchCall{root, call}, tree(rootFetch("catalog"), entityFetch("legacy", q, "a"), entityFetch("legacy", q, "b")))
		if len(got) != 1 || !reflect.DeepEqual(got[0].paths, [][]any{decodePath(t, `["b",1,"brokenNonNull"]`)}) || !reflect.DeepEqual(got[0].engine, decodePath(t, `["b","brokenNonNull"]`)) {
			t.Fatalf("got %#v", got)
		}
	})

	t.Run("the same query from two paths, both holding the entity: the path it fits best", func(t *testing.T) {
		const q = `query($representations: [_Any!]!){_entities(representations: $representations){... on Product {brokenNonNull}}}`
		root := rootCall("catalog", `{"data":{"a":[{"__typename":"Product","sku":"SKU-1"}],"b":[{"__typename":"Product","sku":"SKU-2"},{"__typename":"Product","sku":"SKU-1"}]}}`)
		// Fetch a's request (one representation) comes first; b lists its
		// objects too, but a holds nothing else.
		callA := entityCall("legacy", q, `[{"__typename":"Product","sku":"SKU-1"}]`, `{"errors":[{"message":"broken","path":["_entities",0,"brokenNonNull"]}],"data":{"_entities":[null]}}`)
		callB := entityCall("legacy", q, `[{"__typename":"Product","sku":"SKU-2"},{"__typename":"Product","sku":"SKU-1"}]`, `{"errors":[{"message":"broken","path":["_entities",1,"brokenNonNull"]}],"data":{"_entities":[{"brokenNonNull":"x"},null]}}`)
		got := replayEntityErrors([]fetchCall{root, callA, callB}, tree(rootFetch("catalog"), entityFetch("legacy", q, "b"), entityFetch("legacy", q, "a")))
		want := []entityFix{
			{message: "broken", engine: decodePath(t, `["a","brokenNonNull"]`), paths: [][]any{decodePath(t, `["a",0,"brokenNonNull"]`)}},
			{message: "broken", engine: decodePath(t, `["b","brokenNonNull"]`), paths: [][]any{decodePath(t, `["b",1,"brokenNonNull"]`)}},
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("got  %#v\nwant %#v", got, want)
		}
	})

	t.Run("a request the plan does not send: no fixes", func(t *testing.T) {
		stray := entityCall("legacy", "query other", `[{"__typename":"Product","sku":"SKU-1"}]`, `{"errors":[{"message":"broken","path":["_entities",0]}],"data":{"_entities":[null]}}`)
		if got := replayEntityErrors([]fetchCall{users, reviews, stray}, plan); len(got) != 0 {
			t.Fatalf("got %v", got)
		}
	})

	t.Run("a representation naming another type matches nothing", func(t *testing.T) {
		iface := entityCall("legacy", qBroken, `[{"__typename":"Media","sku":"SKU-2"}]`, `{"errors":[{"message":"broken","path":["_entities",0,"brokenNonNull"]}],"data":{"_entities":[null]}}`)
		if got := replayEntityErrors([]fetchCall{users, reviews, iface}, plan); len(got) != 0 {
			t.Fatalf("got %v", got)
		}
	})

	t.Run("gzip answers are read", func(t *testing.T) {
		var z bytes.Buffer
		zw := gzip.NewWriter(&z)
		_, _ = zw.Write(broken.out)
		_ = zw.Close()
		gz := broken
		gz.out, gz.encoding = z.Bytes(), "gzip"
		if got := replayEntityErrors([]fetchCall{users, reviews, gz}, plan); len(got) != 2 || len(got[1].paths) != 2 {
			t.Fatalf("got %#v", got)
		}
	})

	t.Run("an answer that is not JSON: no fixes", func(t *testing.T) {
		bad := broken
		bad.out = []byte(`{"errors":[{"path":["_entities",0]}`)
		if got := replayEntityErrors([]fetchCall{users, reviews, bad}, plan); got != nil {
			t.Fatalf("got %v", got)
		}
	})
}

func TestRepresents(t *testing.T) {
	obj := map[string]any{"__typename": "Product", "sku": "SKU-1", "org": map[string]any{"id": "o1", "name": "n"}, "name": "Lamp"}
	tests := []struct {
		rep  string
		want bool
	}{
		{`{"__typename":"Product","sku":"SKU-1"}`, true},
		{`{"__typename":"Product","sku":"SKU-2"}`, false},
		{`{"__typename":"Brand","sku":"SKU-1"}`, false},
		{`{"__typename":"Product","sku":"SKU-1","org":{"id":"o1"}}`, true},
		{`{"__typename":"Product","sku":"SKU-1","org":{"id":"o2"}}`, false},
		{`{"__typename":"Product","missing":"x"}`, false},
		{`{"__typename":"Product"}`, false}, // the type alone names no object
		{`{}`, false},
	}
	for _, tc := range tests {
		var rep any
		if err := decodeJSON([]byte(tc.rep), &rep); err != nil {
			t.Fatal(err)
		}
		if got := represents(obj, rep); got != tc.want {
			t.Errorf("represents(%s) = %v, want %v", tc.rep, got, tc.want)
		}
	}
}

func TestPlaceEntityErrors(t *testing.T) {
	parse := func(raw string) *gqlError {
		e, ok := parseError(json.RawMessage(raw))
		if !ok {
			t.Fatalf("parse %s", raw)
		}
		return e
	}
	errs := []*gqlError{
		parse(`{"message":"broken","path":["users","reviews","product","brokenNonNull"],"extensions":{"serviceName":"legacy"}}`),
		parse(`{"message":"unrelated","path":["users"]}`),
		parse(`{"message":"broken","path":["users","reviews","product","brokenNonNull"],"extensions":{"serviceName":"legacy"}}`),
		parse(`{"message":"broken","path":["users","reviews","product","brokenNonNull"],"extensions":{"serviceName":"legacy"}}`),
	}
	engine := decodePath(t, `["users","reviews","product","brokenNonNull"]`)
	fixes := []entityFix{
		{message: "broken", engine: engine, paths: [][]any{decodePath(t, `["users",2,"reviews",0,"product","brokenNonNull"]`)}},
		{message: "broken", engine: engine, paths: [][]any{
			decodePath(t, `["users",0,"reviews",0,"product","brokenNonNull"]`),
			decodePath(t, `["users",1,"reviews",0,"product","brokenNonNull"]`),
		}},
	}
	out := placeEntityErrors(errs, fixes)
	var got []string
	for _, e := range out {
		var b bytes.Buffer
		e.writeTo(&b)
		got = append(got, b.String())
	}
	want := []string{
		`{"message":"broken","path":["users",2,"reviews",0,"product","brokenNonNull"],"extensions":{"serviceName":"legacy"}}`,
		`{"message":"unrelated","path":["users"]}`,
		`{"message":"broken","path":["users",0,"reviews",0,"product","brokenNonNull"],"extensions":{"serviceName":"legacy"}}`,
		`{"message":"broken","path":["users",1,"reviews",0,"product","brokenNonNull"],"extensions":{"serviceName":"legacy"}}`,
		// A third error with no fix left stays as it was.
		`{"message":"broken","path":["users","reviews","product","brokenNonNull"],"extensions":{"serviceName":"legacy"}}`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestRecordingTransport(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		_, _ = w.Write(append([]byte(`{"echo":`), append(b, '}')...))
	}))
	defer srv.Close()
	client := &http.Client{Transport: &recordingTransport{next: http.DefaultTransport, service: "s"}}
	post := func(ctx context.Context, body string) string {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		out, _ := io.ReadAll(resp.Body)
		return string(out)
	}

	ctx, log := withFetchLog(context.Background())
	if got := post(ctx, `{"a":1}`); got != `{"echo":{"a":1}}` {
		t.Fatalf("answer %s", got)
	}
	if got := post(context.Background(), `{"b":2}`); got != `{"echo":{"b":2}}` {
		t.Fatalf("answer %s", got)
	}
	if len(log.calls) != 1 {
		t.Fatalf("recorded %d calls, want only the one made under the log", len(log.calls))
	}
	c := log.calls[0]
	if c.service != "s" || string(c.body) != `{"a":1}` || string(c.out) != `{"echo":{"a":1}}` {
		t.Fatalf("recorded %+v", c)
	}
	if log.overflow.Load() {
		t.Fatal("overflow after 23 bytes")
	}

	// Past its allowance a log keeps nothing more and is not used: the
	// answers still reach the engine whole.
	small, tight := withFetchLog(context.Background())
	tight.left.Store(20)
	if got := post(small, `{"a":1}`); got != `{"echo":{"a":1}}` {
		t.Fatalf("answer %s", got)
	}
	if !tight.overflow.Load() || len(tight.calls) != 0 {
		t.Fatalf("overflow %v, %d calls recorded", tight.overflow.Load(), len(tight.calls))
	}
	if got := tight.entityErrors(tree()); got != nil {
		t.Fatalf("an overflowed log gave fixes: %v", got)
	}
}
