package server

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/nexus-commerce/nexus/subgraphs/kit/pgtest"
)

// get fetches path and returns status, body and the response.
func get(t *testing.T, url string) (int, string, *http.Response) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body), resp
}

func TestHealthAndReadiness(t *testing.T) {
	db := pgtest.New(t)
	withDB, _ := newTest(t, Options{DB: db})
	noDB, _ := newTest(t, Options{})
	closed := pgtest.New(t)
	closed.Close()
	closedDB, _ := newTest(t, Options{DB: closed})
	tests := []struct {
		name, url string
		status    int
		body      string
	}{
		{"healthz", withDB.URL + "/healthz", 200, "ok"},
		{"ready with DB", withDB.URL + "/readyz", 200, `{"status":"ready"}`},
		{"ready without DB", noDB.URL + "/readyz", 200, `{"status":"ready"}`},
		{"closed DB", closedDB.URL + "/readyz", 503, `{"status":"unavailable","reason":"database does not answer"}`},
		{"healthz with closed DB", closedDB.URL + "/healthz", 200, "ok"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body, _ := get(t, tt.url)
			if status != tt.status || strings.TrimSpace(body) != tt.body {
				t.Fatalf("%d %s, want %d %s", status, body, tt.status, tt.body)
			}
		})
	}
}

func TestRequestID(t *testing.T) {
	ts, logs := newTest(t, Options{})
	tests := []struct {
		name, in string
		echoed   bool
	}{
		{"sane id is honoured", "req-42.a:b_C", true},
		{"missing id is generated", "", false},
		{"id with spaces is replaced", "req 42", false},
		{"overlong id is replaced", strings.Repeat("x", 129), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := post(t, ts.URL, query("{ ok }"), RequestIDHeader, tt.in)
			got := r.header.Get(RequestIDHeader)
			if tt.echoed && got != tt.in || !tt.echoed && (got == tt.in || !validRequestID.MatchString(got)) {
				t.Fatalf("X-Request-ID = %q for %q", got, tt.in)
			}
			if !strings.Contains(logs.String(), `"request_id":"`+got+`"`) {
				t.Fatalf("request log lacks id %q", got)
			}
		})
	}
}

func TestRequestLogLeavesOutSecrets(t *testing.T) {
	ts, logs := newTest(t, Options{Name: "catalog"})
	post(t, ts.URL, query(`{ ok } # body-secret`), "Authorization", "Bearer token-secret")
	get(t, ts.URL+"/graphql?query="+url.QueryEscape("{ ok } # query-secret"))
	var line map[string]any
	for l := range strings.Lines(logs.String()) {
		if strings.Contains(l, `"msg":"request"`) {
			if err := json.Unmarshal([]byte(l), &line); err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	for _, k := range []string{"service", "method", "path", "status", "duration", "request_id"} {
		if _, ok := line[k]; !ok {
			t.Errorf("request log line lacks %s: %v", k, line)
		}
	}
	if line["path"] != "/graphql" || line["status"] != float64(200) || line["service"] != "catalog" {
		t.Errorf("request log line = %v", line)
	}
	if strings.Contains(logs.String(), "secret") {
		t.Errorf("log holds a body, query or credential:\n%s", logs.String())
	}
}

func TestBodyLimit(t *testing.T) {
	ts, _ := newTest(t, Options{MaxBodyBytes: 64})
	big := query("{ ok }" + strings.Repeat(" ", 100))
	tests := []struct {
		name   string
		body   io.Reader
		length int64 // -1: chunked, no Content-Length
		status int
		code   string
	}{
		{"within the limit", strings.NewReader(query("{ ok }")), 0, 200, ""},
		{"declared too large", strings.NewReader(big), int64(len(big)), 413, CodeRequestTooLarge},
		{"chunked too large", io.MultiReader(strings.NewReader(big)), -1, 413, CodeRequestTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodPost, ts.URL+"/graphql", tt.body)
			req.Header.Set("Content-Type", "application/json")
			if tt.length != 0 {
				req.ContentLength = tt.length
			}
			r := do(t, req)
			if r.status != tt.status {
				t.Fatalf("status %d, want %d: %s", r.status, tt.status, r.raw)
			}
			if tt.code != "" && (len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != tt.code || !strings.Contains(r.Errors[0].Message, "64 bytes")) {
				t.Fatalf("body %s, want %s naming the 64 byte limit", r.raw, tt.code)
			}
		})
	}
}

func TestGraphQLTransportsAndExtensions(t *testing.T) {
	ts, _ := newTest(t, Options{})
	const hash = "ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38" // sha256("{__typename}")
	apq := func(withQuery bool) string {
		b := map[string]any{"extensions": map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hash}}}
		if withQuery {
			b["query"] = "{__typename}"
		}
		raw, _ := json.Marshal(b)
		return string(raw)
	}
	tests := []struct {
		name string
		send func() response
		want string // substring of the body
	}{
		{"POST", func() response { return post(t, ts.URL, query("{ ok }")) }, `"ok":"yes"`},
		{"GET query", func() response {
			req, _ := http.NewRequest(http.MethodGet, ts.URL+"/graphql?query="+url.QueryEscape("{ ok }"), nil)
			return do(t, req)
		}, `"ok":"yes"`},
		{"introspection on", func() response { return post(t, ts.URL, query("{ introspection }")) }, `"introspection":true`},
		{"APQ unknown hash", func() response { return post(t, ts.URL, apq(false)) }, "PERSISTED_QUERY_NOT_FOUND"},
		{"APQ register", func() response { return post(t, ts.URL, apq(true)) }, `"data"`},
		{"APQ by hash", func() response { return post(t, ts.URL, apq(false)) }, `"data"`},
	}
	for _, tt := range tests { // in order: APQ registers before it is used
		t.Run(tt.name, func(t *testing.T) {
			if r := tt.send(); !strings.Contains(r.raw, tt.want) {
				t.Fatalf("status %d body %s, want %s", r.status, r.raw, tt.want)
			}
		})
	}
}

func TestMountedRoutesCanStream(t *testing.T) {
	ts, _ := newTest(t, Options{Mount: func(mux *http.ServeMux) {
		mux.HandleFunc("GET /stream", func(w http.ResponseWriter, _ *http.Request) {
			_, _ = w.Write([]byte("a"))
			if err := http.NewResponseController(w).Flush(); err != nil {
				http.Error(w, err.Error(), 500)
			}
		})
	}})
	if status, body, _ := get(t, ts.URL+"/stream"); status != 200 || body != "a" {
		t.Fatalf("%d %q", status, body)
	}
}

func TestNewRejectsBadOptions(t *testing.T) {
	tests := []struct {
		name string
		o    Options
		want string
	}{
		{"no schema", Options{}, "Schema is required"},
		{"negative body limit", Options{Schema: schema(newGate()), MaxBodyBytes: -1}, "must not be negative"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := New(tt.o); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
}
