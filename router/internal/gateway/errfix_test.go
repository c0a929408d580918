package gateway

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"github.com/wundergraph/graphql-go-tools/v2/pkg/ast"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/astparser"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/resolve"
)

func parseDoc(t testing.TB, query string) *ast.Document {
	t.Helper()
	doc, report := astparser.ParseGraphqlDocumentString(query)
	if report.HasErrors() {
		t.Fatalf("parse %q: %s", query, report.Error())
	}
	return &doc
}

func TestFixErrors(t *testing.T) {
	legacy500 := []fetchFailure{{Service: "legacy", Path: []string{"product"}, Fields: []string{"crash"}, StatusCode: 500, Reason: "500: Internal Server Error"}}
	tests := []struct {
		name, query, opName string
		failures            []fetchFailure
		in, want            string
	}{
		{
			name:  "no errors: untouched",
			query: `{ user(id: "u1") { name } }`,
			in:    `{"data":{"user":{"name":"Ada"}}}`,
			want:  `{"data":{"user":{"name":"Ada"}}}`,
		},
		{
			name:  "location of an aliased root field",
			query: `{ a: users(first: -1) { id } b: me { name } }`,
			in:    `{"errors":[{"message":"first must not be negative","path":["a"],"extensions":{"code":"X","serviceName":"users"}}],"data":null}`,
			want:  `{"errors":[{"message":"first must not be negative","locations":[{"line":1,"column":3}],"path":["a"],"extensions":{"code":"X","serviceName":"users"}}],"data":null}`,
		},
		{
			name:  "location across lines, list index skipped",
			query: "{\n  users(first: 2) {\n    id\n    secret\n  }\n}",
			in:    `{"errors":[{"message":"no","path":["users",1,"secret"],"extensions":{"serviceName":"s"}}],"data":{"users":[{"id":"u1","secret":"s"},{"id":"u2","secret":null}]}}`,
			want:  `{"errors":[{"message":"no","locations":[{"line":4,"column":5}],"path":["users",1,"secret"],"extensions":{"serviceName":"s"}}],"data":{"users":[{"id":"u1","secret":"s"},{"id":"u2","secret":null}]}}`,
		},
		{
			name:  "location through inline fragment and fragment spread",
			query: "query Q { node { ... on User { ...F } } }\nfragment F on User { secret }",
			in:    `{"errors":[{"message":"no","path":["node","secret"],"extensions":{"serviceName":"s"}}],"data":{"node":{"secret":null}}}`,
			want:  `{"errors":[{"message":"no","locations":[{"line":2,"column":22}],"path":["node","secret"],"extensions":{"serviceName":"s"}}],"data":{"node":{"secret":null}}}`,
		},
		{
			name:   "named operation picked among several",
			query:  "query A { x } query B { y: x }",
			opName: "B",
			in:     `{"errors":[{"message":"no","path":["y"],"extensions":{"serviceName":"s"}}],"data":{"y":null}}`,
			want:   `{"errors":[{"message":"no","locations":[{"line":1,"column":25}],"path":["y"],"extensions":{"serviceName":"s"}}],"data":{"y":null}}`,
		},
		{
			name:  "path the document does not select keeps no locations",
			query: `{ user { name } }`,
			in:    `{"errors":[{"message":"no","path":["other"],"extensions":{"serviceName":"s"}}],"data":null}`,
			want:  `{"errors":[{"message":"no","path":["other"],"extensions":{"serviceName":"s"}}],"data":null}`,
		},
		{
			name:  "existing locations kept",
			query: `{ user { name } }`,
			in:    `{"errors":[{"message":"no","locations":[{"line":9,"column":9}],"path":["user"],"extensions":{"serviceName":"s"}}],"data":null}`,
			want:  `{"errors":[{"message":"no","locations":[{"line":9,"column":9}],"path":["user"],"extensions":{"serviceName":"s"}}],"data":null}`,
		},
		{
			name:  "@ replaced by the one element holding the null; engine duplicate dropped",
			query: `{ product(sku: "SKU-1") { reviews { id author { handle } } } }`,
			in:    `{"errors":[{"message":"user u2 has no handle","path":["product","reviews","@","author","handle"],"extensions":{"code":"E","serviceName":"users"}},{"message":"Cannot return null for non-nullable field 'Query.product.reviews.author.handle'.","path":["product","reviews",1,"author","handle"]}],"data":{"product":{"reviews":[{"id":"r1","author":{"handle":"@ada"}},{"id":"r2","author":null}]}}}`,
			want:  `{"errors":[{"message":"user u2 has no handle","locations":[{"line":1,"column":49}],"path":["product","reviews",1,"author","handle"],"extensions":{"code":"E","serviceName":"users"}}],"data":{"product":{"reviews":[{"id":"r1","author":{"handle":"@ada"}},{"id":"r2","author":null}]}}}`,
		},
		{
			name:  "missing index named by the message, whole words only",
			query: `{ products { sku broken } }`,
			in:    `{"errors":[{"message":"broken for SKU-1","path":["products","broken"],"extensions":{"serviceName":"s"}},{"message":"broken for SKU-10","path":["products","broken"],"extensions":{"serviceName":"s"}}],"data":{"products":[{"sku":"SKU-10","broken":null},{"sku":"SKU-1","broken":null}]}}`,
			want:  `{"errors":[{"message":"broken for SKU-1","locations":[{"line":1,"column":18}],"path":["products",1,"broken"],"extensions":{"serviceName":"s"}},{"message":"broken for SKU-10","locations":[{"line":1,"column":18}],"path":["products",0,"broken"],"extensions":{"serviceName":"s"}}],"data":{"products":[{"sku":"SKU-10","broken":null},{"sku":"SKU-1","broken":null}]}}`,
		},
		{
			name:  "k identical errors over k nulls get the k indexes",
			query: `{ users { secret } }`,
			in:    `{"errors":[{"message":"no","path":["users","secret"],"extensions":{"serviceName":"s"}},{"message":"no","path":["users","secret"],"extensions":{"serviceName":"s"}}],"data":{"users":[{"secret":null},{"secret":"s"},{"secret":null}]}}`,
			want:  `{"errors":[{"message":"no","locations":[{"line":1,"column":11}],"path":["users",0,"secret"],"extensions":{"serviceName":"s"}},{"message":"no","locations":[{"line":1,"column":11}],"path":["users",2,"secret"],"extensions":{"serviceName":"s"}}],"data":{"users":[{"secret":null},{"secret":"s"},{"secret":null}]}}`,
		},
		{
			name:  "ambiguous index left as it was",
			query: `{ users { secret } }`,
			in:    `{"errors":[{"message":"no","path":["users","@","secret"],"extensions":{"serviceName":"s"}}],"data":{"users":[{"secret":null},{"secret":null}]}}`,
			want:  `{"errors":[{"message":"no","locations":[{"line":1,"column":11}],"path":["users","@","secret"],"extensions":{"serviceName":"s"}}],"data":{"users":[{"secret":null},{"secret":null}]}}`,
		},
		{
			name:  "null above the list: index unknowable, engine duplicate still dropped",
			query: `{ products { sku brokenNonNull } }`,
			in:    `{"errors":[{"message":"b","path":["products","brokenNonNull"],"extensions":{"serviceName":"s"}},{"message":"Cannot return null for non-nullable field 'Query.products.brokenNonNull'.","path":["products",0,"brokenNonNull"]}],"data":null}`,
			want:  `{"errors":[{"message":"b","locations":[{"line":1,"column":18}],"path":["products","brokenNonNull"],"extensions":{"serviceName":"s"}}],"data":null}`,
		},
		{
			name:  "engine duplicate with the same path dropped",
			query: `{ review(id: "r2") { id author { handle } } }`,
			in:    `{"errors":[{"message":"user u2 has no handle","path":["review","author","handle"],"extensions":{"serviceName":"s"}},{"message":"Cannot return null for non-nullable field 'Query.review.author.handle'.","path":["review","author","handle"]}],"data":{"review":{"id":"r2","author":null}}}`,
			want:  `{"errors":[{"message":"user u2 has no handle","locations":[{"line":1,"column":34}],"path":["review","author","handle"],"extensions":{"serviceName":"s"}}],"data":{"review":{"id":"r2","author":null}}}`,
		},
		{
			name:  "engine non-null error alone is kept, without locations",
			query: `{ review { author { handle } } }`,
			in:    `{"errors":[{"message":"Cannot return null for non-nullable field 'Query.review.author.handle'.","path":["review","author","handle"]}],"data":{"review":{"author":null}}}`,
			want:  `{"errors":[{"message":"Cannot return null for non-nullable field 'Query.review.author.handle'.","path":["review","author","handle"]}],"data":{"review":{"author":null}}}`,
		},
		{
			name:  "engine non-null error at another index is kept",
			query: `{ users { handle } }`,
			in:    `{"errors":[{"message":"a","path":["users",1,"handle"],"extensions":{"serviceName":"s"}},{"message":"Cannot return null for non-nullable field 'Query.users.handle'.","path":["users",0,"handle"]}],"data":null}`,
			want:  `{"errors":[{"message":"a","locations":[{"line":1,"column":11}],"path":["users",1,"handle"],"extensions":{"serviceName":"s"}},{"message":"Cannot return null for non-nullable field 'Query.users.handle'.","path":["users",0,"handle"]}],"data":null}`,
		},
		{
			name:  "router-raised field error (no serviceName) left without locations",
			query: `{ product { status } }`,
			in:    `{"errors":[{"message":"Enum \"S\" cannot represent value: \"X\"","path":["product","status"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"product":{"status":null}}}`,
			want:  `{"errors":[{"message":"Enum \"S\" cannot represent value: \"X\"","path":["product","status"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"product":{"status":null}}}`,
		},
		{
			name:     "HTTP 500 becomes a field error with path and serviceName",
			query:    `{ product(sku: "SKU-1") { name crash } }`,
			failures: legacy500,
			in:       `{"errors":[{"message":"500: Internal Server Error","extensions":{"statusCode":500}}],"data":{"product":{"name":"Lamp","crash":null}}}`,
			want:     `{"errors":[{"message":"HTTP 500 from subgraph 'legacy'","path":["product","crash"],"extensions":{"code":"SUBGRAPH_HTTP_ERROR","serviceName":"legacy","statusCode":500}}],"data":{"product":{"name":"Lamp","crash":null}}}`,
		},
		{
			name:     "HTTP 502 over a list, aliased field: one error per element",
			query:    `{ products { c: crash } }`,
			failures: []fetchFailure{{Service: "legacy", Path: []string{"products", "@"}, Fields: []string{"crash"}, StatusCode: 502, Reason: "502: Bad Gateway"}},
			in:       `{"errors":[{"message":"502: Bad Gateway","extensions":{"statusCode":502}}],"data":{"products":[{"c":null},null,{"c":null}]}}`,
			want:     `{"errors":[{"message":"HTTP 502 from subgraph 'legacy'","path":["products",0,"c"],"extensions":{"code":"SUBGRAPH_HTTP_ERROR","serviceName":"legacy","statusCode":502}},{"message":"HTTP 502 from subgraph 'legacy'","path":["products",2,"c"],"extensions":{"code":"SUBGRAPH_HTTP_ERROR","serviceName":"legacy","statusCode":502}}],"data":{"products":[{"c":null},null,{"c":null}]}}`,
		},
		{
			name:     "HTTP 500 of a root fetch",
			query:    `{ legacyThing }`,
			failures: []fetchFailure{{Service: "legacy", Fields: []string{"legacyThing"}, StatusCode: 500, Reason: "500: Internal Server Error"}},
			in:       `{"errors":[{"message":"500: Internal Server Error","extensions":{"statusCode":500}}],"data":{"legacyThing":null}}`,
			want:     `{"errors":[{"message":"HTTP 500 from subgraph 'legacy'","path":["legacyThing"],"extensions":{"code":"SUBGRAPH_HTTP_ERROR","serviceName":"legacy","statusCode":500}}],"data":{"legacyThing":null}}`,
		},
		{
			name:     "HTTP 500 whose fields are unknown keeps no path but names the subgraph",
			query:    `{ product { name } }`,
			failures: []fetchFailure{{Service: "legacy", StatusCode: 500, Reason: "500: Internal Server Error"}},
			in:       `{"errors":[{"message":"500: Internal Server Error","extensions":{"statusCode":500}}],"data":{"product":{"name":"Lamp"}}}`,
			want:     `{"errors":[{"message":"HTTP 500 from subgraph 'legacy'","extensions":{"code":"SUBGRAPH_HTTP_ERROR","serviceName":"legacy","statusCode":500}}],"data":{"product":{"name":"Lamp"}}}`,
		},
		{
			name:     "two status errors, one failure: which is which is unknown, both kept",
			query:    `{ product { name crash } }`,
			failures: legacy500,
			in:       `{"errors":[{"message":"500: Internal Server Error","extensions":{"statusCode":500}},{"message":"500: Internal Server Error","extensions":{"statusCode":500}}],"data":null}`,
			want:     `{"errors":[{"message":"500: Internal Server Error","extensions":{"statusCode":500}},{"message":"500: Internal Server Error","extensions":{"statusCode":500}}],"data":null}`,
		},
		{
			name:  "status error without a recorded failure untouched",
			query: `{ product { name } }`,
			in:    `{"errors":[{"message":"503: Service Unavailable","extensions":{"statusCode":503}}],"data":null}`,
			want:  `{"errors":[{"message":"503: Service Unavailable","extensions":{"statusCode":503}}],"data":null}`,
		},
		{
			name:  "data bytes, other errors and top-level keys kept exactly",
			query: `{ a { b } c }`,
			in:    `{"errors":[{"message":"x <&> y","path":["a","b"],"extensions":{"serviceName":"s"}},{"message":"Failed to fetch from Subgraph 'legacy' at Path 'c'."}],"data":{"a":{"b":null},  "c":"<&>\u00e9 1.50"},"extensions":{"trace":1}}`,
			want:  `{"errors":[{"message":"x <&> y","locations":[{"line":1,"column":7}],"path":["a","b"],"extensions":{"serviceName":"s"}},{"message":"Failed to fetch from Subgraph 'legacy' at Path 'c'."}],"data":{"a":{"b":null},  "c":"<&>\u00e9 1.50"},"extensions":{"trace":1}}`,
		},
		{
			name:  "not JSON: returned as it was",
			query: `{ a }`,
			in:    `{"errors":[{"message":"x","path":["a"],"extensions":{"serviceName":"s"}}`,
			want:  `{"errors":[{"message":"x","path":["a"],"extensions":{"serviceName":"s"}}`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := parseDoc(t, tc.query)
			got := fixErrors([]byte(tc.in), doc, tc.opName, tc.failures, nil)
			if string(got) != tc.want {
				t.Errorf("\ngot  %s\nwant %s", got, tc.want)
			}
			if !json.Valid(got) && json.Valid([]byte(tc.in)) {
				t.Errorf("output is not JSON")
			}
		})
	}
}

func TestFixErrorsNoErrorsReturnsInput(t *testing.T) {
	in := []byte(`{"data":{"user":{"name":"Ada"}}}`)
	if got := fixErrors(in, nil, "", nil, nil); &got[0] != &in[0] {
		t.Fatal("a response without errors must be returned as is, not copied")
	}
	in = []byte(`{"errors":[{"message":"x"}],"data":null}`)
	if got := fixErrors(in, nil, "", nil, nil); &got[0] != &in[0] {
		t.Fatal("a response with nothing to fix must be returned as is, not copied")
	}
}

func TestCovers(t *testing.T) {
	n := func(s string) json.Number { return json.Number(s) }
	tests := []struct {
		name string
		o, p []any
		want bool
	}{
		{"equal", []any{"a", n("1"), "b"}, []any{"a", n("1"), "b"}, true},
		{"@ for an index", []any{"a", "@", "b"}, []any{"a", n("3"), "b"}, true},
		{"missing index", []any{"a", "b"}, []any{"a", n("0"), "b"}, true},
		{"other index", []any{"a", n("1"), "b"}, []any{"a", n("0"), "b"}, false},
		{"other field", []any{"a", "c"}, []any{"a", n("0"), "b"}, false},
		{"shorter", []any{"a"}, []any{"a", n("0"), "b"}, false},
		{"string index is not a number", []any{"a", "0", "b"}, []any{"a", n("0"), "b"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := covers(tc.o, tc.p); got != tc.want {
				t.Errorf("covers(%v, %v) = %v, want %v", tc.o, tc.p, got, tc.want)
			}
		})
	}
}

// BenchmarkFixErrorsNoErrors measures the common path: a response without
// errors must cost one prefix comparison.
func BenchmarkFixErrorsNoErrors(b *testing.B) {
	doc := parseDoc(b, `{ user(id: "u1") { name } }`)
	resp := []byte(`{"data":{"user":{"name":"Ada"}}}`)
	b.ReportAllocs()
	for b.Loop() {
		_ = fixErrors(resp, doc, "", nil, nil)
	}
}

// BenchmarkFixErrors measures a response with a subgraph error to repair.
func BenchmarkFixErrors(b *testing.B) {
	doc := parseDoc(b, `{ product(sku: "SKU-1") { reviews { id author { handle } } } }`)
	resp := []byte(`{"errors":[{"message":"user u2 has no handle","path":["product","reviews","@","author","handle"],"extensions":{"code":"E","serviceName":"users"}},{"message":"Cannot return null for non-nullable field 'Query.product.reviews.author.handle'.","path":["product","reviews",1,"author","handle"]}],"data":{"product":{"reviews":[{"id":"r1","author":{"handle":"@ada"}},{"id":"r2","author":null}]}}}`)
	b.ReportAllocs()
	for b.Loop() {
		_ = fixErrors(resp, doc, "", nil, nil)
	}
}

func TestFetchFailures(t *testing.T) {
	legacy := resolve.DataSourceInfo{ID: "legacy", Name: "legacy"}
	catalog := resolve.DataSourceInfo{ID: "catalog", Name: "catalog"}
	withDownstream := resolve.NewSubgraphError(catalog, "product", "", 200)
	withDownstream.AppendDownstreamError(&resolve.GraphQLError{Message: "boom"})
	resp := &resolve.GraphQLResponse{Fetches: &resolve.FetchTreeNode{
		Kind: resolve.FetchTreeNodeKindSequence,
		ChildNodes: []*resolve.FetchTreeNode{
			{Kind: resolve.FetchTreeNodeKindSingle, Item: &resolve.FetchItem{
				Fetch: &resolve.SingleFetch{Info: &resolve.FetchInfo{DataSourceName: "catalog",
					RootFields: []resolve.GraphCoordinate{{TypeName: "Query", FieldName: "product"}}}},
			}},
			{Kind: resolve.FetchTreeNodeKindParallel, ChildNodes: []*resolve.FetchTreeNode{
				{Kind: resolve.FetchTreeNodeKindSingle, Item: &resolve.FetchItem{
					Fetch: &resolve.EntityFetch{Info: &resolve.FetchInfo{DataSourceName: "legacy",
						RootFields: []resolve.GraphCoordinate{{TypeName: "Product", FieldName: "crash"}, {TypeName: "Product", FieldName: "broken"}}}},
					ResponsePath: "product", ResponsePathElements: []string{"product"},
				}},
			}},
		},
	}}
	err := errors.Join(
		errors.Join(resolve.NewSubgraphError(legacy, "product", "500: Internal Server Error", 500)),
		withDownstream, // GraphQL errors: not a bare status failure
		resolve.NewSubgraphError(catalog, "", "timeout", 0), // no status
	)
	got := fetchFailures(err, resp)
	want := []fetchFailure{{Service: "legacy", Path: []string{"product"}, Fields: []string{"crash", "broken"}, StatusCode: 500, Reason: "500: Internal Server Error"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	if got := fetchFailures(nil, resp); got != nil {
		t.Errorf("no subgraph errors: got %+v", got)
	}
}
