package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// domainErr is a domain error as the services define them.
type domainErr struct{ code, field, msg string }

func (e domainErr) Error() string      { return e.msg }
func (e domainErr) ErrorCode() string  { return e.code }
func (e domainErr) ErrorField() string { return e.field }

var testSchema = gqlparser.MustLoadSchema(&ast.Source{Input: `
type Query {
  ok: String
  invalid: String
  codedInternal: String
  internal: String
  boom: String
  slow: String
  introspection: Boolean
  tree: Node
}

type Node {
  id: String
  child: Node
}`})

// gate lets a test hold the "slow" field until it says so.
type gate struct{ started, release chan struct{} }

func newGate() gate { return gate{make(chan struct{}), make(chan struct{})} }

// schema is a hand-written executable schema: each root field exercises one
// behaviour of the server (the first selected field picks it).
func schema(g gate) graphql.ExecutableSchema {
	return &graphql.ExecutableSchemaMock{
		SchemaFunc:     func() *ast.Schema { return testSchema },
		ComplexityFunc: func(context.Context, string, string, int, map[string]any) (int, bool) { return 1, true },
		ExecFunc: func(ctx context.Context) graphql.ResponseHandler {
			oc := graphql.GetOperationContext(ctx)
			field := oc.Operation.SelectionSet[0].(*ast.Field).Name
			path := ast.Path{ast.PathName(field)}
			data := `{"` + field + `":null}`
			switch field {
			case "ok":
				data = `{"ok":"yes"}`
			case "invalid":
				graphql.AddError(ctx, gqlerror.WrapPath(path, fmt.Errorf("store: list: %w", domainErr{"INVALID", "filter.minPrice", "minPrice must not be negative"})))
			case "codedInternal":
				graphql.AddError(ctx, gqlerror.WrapPath(path, domainErr{"INTERNAL", "", "pq: connection reset, host db-7"}))
			case "internal":
				graphql.AddError(ctx, gqlerror.WrapPath(path, errors.New(`pq: syntax error at "SELECT secret"`)))
			case "boom":
				panic("secret panic text")
			case "slow":
				close(g.started)
				<-g.release
				data = `{"slow":"done"}`
			case "introspection":
				data = fmt.Sprintf(`{"introspection":%t}`, !oc.DisableIntrospection)
			}
			return graphql.OneShot(&graphql.Response{Data: []byte(data)})
		},
	}
}

// logBuffer collects log output safely across goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// newTest starts the server's handler on httptest with a JSON logger whose
// output it returns.
func newTest(t *testing.T, o Options) (*httptest.Server, *logBuffer) {
	t.Helper()
	logs := &logBuffer{}
	o.Log = slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	if o.Schema == nil {
		o.Schema = schema(newGate())
	}
	s, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return ts, logs
}

// response is a decoded GraphQL response.
type response struct {
	status int
	header http.Header
	raw    string
	Data   map[string]any `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Path       []any          `json:"path"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

// do sends req and decodes a GraphQL response.
func do(t *testing.T, req *http.Request) response {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	out := response{status: resp.StatusCode, header: resp.Header, raw: string(raw)}
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("status %d, non-JSON body: %s", resp.StatusCode, raw)
	}
	return out
}

// post sends a GraphQL POST with the given JSON body.
func post(t *testing.T, url, body string, header ...string) response {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url+"/graphql", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return do(t, req)
}

// query is the JSON body of a plain query.
func query(q string) string {
	b, _ := json.Marshal(map[string]string{"query": q})
	return string(b)
}
