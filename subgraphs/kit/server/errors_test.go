package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

func TestErrorPresenterOverHTTP(t *testing.T) {
	ts, logs := newTest(t, Options{Name: "t"})
	tests := []struct {
		name, query string
		status      int
		msg, code   string
		field       string
		path        []any
		logged      string // in the log, with the request id
	}{
		{"domain error through wrapping", "{ invalid }", 200, "minPrice must not be negative", "INVALID", "filter.minPrice", []any{"invalid"}, ""},
		{"coded INTERNAL is masked", "{ codedInternal }", 200, "internal error", "INTERNAL", "", []any{"codedInternal"}, "db-7"},
		{"plain error is masked", "{ internal }", 200, "internal error", "INTERNAL", "", []any{"internal"}, "SELECT secret"},
		{"panic is masked", "{ boom }", 500, "internal error", "INTERNAL", "", nil, "secret panic text"},
		{"validation error keeps its message", "{ nope }", 422, `Cannot query field "nope" on type "Query".`, "GRAPHQL_VALIDATION_FAILED", "", nil, ""},
		{"parse error keeps its message", "{ ok ", 422, "Expected Name, found <EOF>", "GRAPHQL_PARSE_FAILED", "", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id := strings.ReplaceAll(tt.name, " ", "-")
			r := post(t, ts.URL, query(tt.query), RequestIDHeader, id)
			if r.status != tt.status || len(r.Errors) != 1 {
				t.Fatalf("status %d, body %s; want %d and one error", r.status, r.raw, tt.status)
			}
			e := r.Errors[0]
			if e.Message != tt.msg || e.Extensions["code"] != tt.code {
				t.Errorf("error = %q %v, want %q code %s", e.Message, e.Extensions, tt.msg, tt.code)
			}
			if f, _ := e.Extensions["field"].(string); f != tt.field {
				t.Errorf("field = %q, want %q", f, tt.field)
			}
			if tt.path != nil && !reflect.DeepEqual(e.Path, tt.path) {
				t.Errorf("path = %v, want %v", e.Path, tt.path)
			}
			for _, secret := range []string{"SELECT", "secret", "db-7", "store:"} {
				if strings.Contains(r.raw, secret) {
					t.Errorf("%q leaked to the client: %s", secret, r.raw)
				}
			}
			if tt.logged != "" && !strings.Contains(logs.String(), tt.logged) {
				t.Errorf("log lacks %q:\n%s", tt.logged, logs.String())
			}
			if tt.logged != "" && !strings.Contains(logs.String(), `"request_id":"`+id+`"`) {
				t.Errorf("log lacks request id %s", id)
			}
		})
	}
}

func TestErrorPresenterDirect(t *testing.T) {
	path := ast.Path{ast.PathName("products"), ast.PathIndex(0), ast.PathName("name")}
	tests := []struct {
		name string
		err  error
		msg  string
		ext  map[string]any
		path ast.Path
	}{
		{"coded without field", domainErr{"NOT_FOUND", "", "no product p1"}, "no product p1", map[string]any{"code": "NOT_FOUND"}, nil},
		{"coded on a path", gqlerror.WrapPath(path, domainErr{"FORBIDDEN", "", "admins only"}), "admins only", map[string]any{"code": "FORBIDDEN"}, path},
		{"own gqlerror with code kept", &gqlerror.Error{Message: "persisted query not found", Extensions: map[string]any{"code": "PERSISTED_QUERY_NOT_FOUND"}},
			"persisted query not found", map[string]any{"code": "PERSISTED_QUERY_NOT_FOUND"}, nil},
		{"request-level gqlerror gets BAD_REQUEST", gqlerror.Errorf("json request body could not be decoded"), "json request body could not be decoded", map[string]any{"code": "BAD_REQUEST"}, nil},
		{"field-level gqlerror gets INTERNAL", &gqlerror.Error{Message: "must not be null", Path: path}, "must not be null", map[string]any{"code": "INTERNAL"}, path},
		{"anything else", fmt.Errorf("load: %w", errors.New("dial tcp 10.0.0.7:5432")), "internal error", map[string]any{"code": "INTERNAL"}, nil},
	}
	present := ErrorPresenter(nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := present(context.Background(), tt.err)
			if got.Message != tt.msg || !reflect.DeepEqual(got.Extensions, tt.ext) || !reflect.DeepEqual(got.Path, tt.path) {
				t.Fatalf("presented %q %v %v, want %q %v %v", got.Message, got.Extensions, got.Path, tt.msg, tt.ext, tt.path)
			}
		})
	}
}

func TestPanicOutsideGraphQL(t *testing.T) {
	ts, logs := newTest(t, Options{Mount: func(mux *http.ServeMux) {
		mux.HandleFunc("/explode", func(http.ResponseWriter, *http.Request) { panic("mount secret") })
	}})
	req, _ := http.NewRequest(http.MethodGet, ts.URL+"/explode", nil)
	r := do(t, req)
	if r.status != 500 || len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "INTERNAL" || strings.Contains(r.raw, "mount secret") {
		t.Fatalf("status %d body %s", r.status, r.raw)
	}
	if !strings.Contains(logs.String(), "mount secret") {
		t.Fatalf("panic not logged:\n%s", logs.String())
	}
}
