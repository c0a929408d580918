package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/nexus-commerce/nexus/subgraphs/kit/pgtest"
)

type domainErr struct{ code, field, msg string }

func (e domainErr) Error() string      { return e.msg }
func (e domainErr) ErrorCode() string  { return e.code }
func (e domainErr) ErrorField() string { return e.field }

var testSchema = gqlparser.MustLoadSchema(&ast.Source{Input: `type Query { ok: String invalid: String internal: String slow: String }`})

// schema is a tiny executable schema whose fields exercise the error
// presenter and graceful shutdown; "slow" signals started and waits for release.
func schema(started chan<- struct{}, release <-chan struct{}) graphql.ExecutableSchema {
	return &graphql.ExecutableSchemaMock{
		SchemaFunc:     func() *ast.Schema { return testSchema },
		ComplexityFunc: func(context.Context, string, string, int, map[string]any) (int, bool) { return 1, true },
		ExecFunc: func(ctx context.Context) graphql.ResponseHandler {
			q := graphql.GetOperationContext(ctx).RawQuery
			switch {
			case strings.Contains(q, "invalid"):
				graphql.AddError(ctx, fmt.Errorf("wrapped: %w", domainErr{"INVALID", "filter.minPrice", "minPrice must be >= 0"}))
				return graphql.OneShot(&graphql.Response{Data: []byte(`{"invalid":null}`)})
			case strings.Contains(q, "internal"):
				graphql.AddError(ctx, errors.New(`pq: syntax error at "SELECT secret"`))
				return graphql.OneShot(&graphql.Response{Data: []byte(`{"internal":null}`)})
			case strings.Contains(q, "slow"):
				close(started)
				<-release
				return graphql.OneShot(&graphql.Response{Data: []byte(`{"slow":"done"}`)})
			}
			return graphql.OneShot(&graphql.Response{Data: []byte(`{"ok":"yes"}`)})
		},
	}
}

func post(t *testing.T, url, query string) (int, map[string]any) {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"query": query})
	resp, err := http.Post(url, "application/json", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var out map[string]any
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("non-JSON: %s", raw)
	}
	return resp.StatusCode, out
}

func newTest(t *testing.T, o Options) *httptest.Server {
	t.Helper()
	if o.Schema == nil {
		o.Schema = schema(make(chan struct{}), make(chan struct{}))
	}
	s, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return ts
}

func TestErrorPresenter(t *testing.T) {
	ts := newTest(t, Options{Name: "t"})
	tests := []struct {
		query, code, field, msg string
	}{
		{"{ invalid }", "INVALID", "filter.minPrice", "minPrice must be >= 0"},
		{"{ internal }", "INTERNAL", "", "internal error"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			_, out := post(t, ts.URL+"/graphql", tt.query)
			errs, _ := out["errors"].([]any)
			if len(errs) != 1 {
				t.Fatalf("errors = %v", out)
			}
			e := errs[0].(map[string]any)
			ext, _ := e["extensions"].(map[string]any)
			if e["message"] != tt.msg || ext["code"] != tt.code {
				t.Fatalf("error = %v", e)
			}
			if f, _ := ext["field"].(string); f != tt.field {
				t.Fatalf("field = %q, want %q", f, tt.field)
			}
			raw, _ := json.Marshal(out)
			if strings.Contains(string(raw), "SELECT") {
				t.Fatalf("internal detail leaked: %s", raw)
			}
		})
	}
	t.Run("validation error keeps its message", func(t *testing.T) {
		_, out := post(t, ts.URL+"/graphql", "{ nope }")
		raw, _ := json.Marshal(out)
		if !strings.Contains(string(raw), "nope") {
			t.Fatalf("out = %s", raw)
		}
	})
}

func TestHealthAndReadiness(t *testing.T) {
	db := pgtest.New(t)
	ts := newTest(t, Options{Name: "t", DB: db})
	for _, path := range []string{"/healthz", "/readyz"} {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("%s = %d", path, resp.StatusCode)
		}
	}
	db.Close()
	resp, err := http.Get(ts.URL + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("readyz with closed DB = %d, want 503", resp.StatusCode)
	}
}

func TestRequestIDAndBodyLimit(t *testing.T) {
	ts := newTest(t, Options{Name: "t", MaxBodyBytes: 64})
	req, _ := http.NewRequest("POST", ts.URL+"/graphql", strings.NewReader(`{"query":"{ ok }"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Request-ID", "req-42")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Header.Get("X-Request-ID") != "req-42" {
		t.Fatalf("X-Request-ID = %q", resp.Header.Get("X-Request-ID"))
	}
	status, out := post(t, ts.URL+"/graphql", "{ ok "+strings.Repeat(" ", 100)+"}")
	if status != http.StatusRequestEntityTooLarge {
		t.Fatalf("status = %d, %v", status, out)
	}
}

func TestGracefulShutdownFinishesInFlight(t *testing.T) {
	started, release := make(chan struct{}), make(chan struct{})
	s, err := New(Options{Name: "t", Schema: schema(started, release)})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	type result struct {
		status int
		out    map[string]any
	}
	res := make(chan result, 1)
	go func() {
		st, out := post(t, "http://"+ln.Addr().String()+"/graphql", "{ slow }")
		res <- result{st, out}
	}()
	<-started
	cancel()
	close(release)
	r := <-res
	if r.status != 200 || fmt.Sprint(r.out["data"]) != "map[slow:done]" {
		t.Fatalf("in-flight request = %d %v", r.status, r.out)
	}
	if err := <-done; err != nil {
		t.Fatalf("Serve = %v", err)
	}
}
