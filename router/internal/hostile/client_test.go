package hostile

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// gqlError is one entry of a response's errors list.
type gqlError struct {
	Message    string         `json:"message"`
	Extensions map[string]any `json:"extensions"`
}

// reply is an HTTP answer as the cases read it.
type reply struct {
	Status int
	Header http.Header
	Raw    []byte
	Data   json.RawMessage `json:"data"`
	Errors []gqlError      `json:"errors"`
}

// code is the first error's extensions.code ("" without errors).
func (r reply) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// request is one HTTP request of a case.
type request struct {
	method, path string
	body         []byte
	header       map[string]string
}

// do sends req to the router and decodes a JSON answer (a body that is not
// JSON leaves Data and Errors empty; cases check Raw then).
func (s *stack) do(t *testing.T, req request) reply {
	t.Helper()
	r, err := s.send(req)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// send is do for goroutines other than the test's: it returns the error.
func (s *stack) send(req request) (reply, error) {
	if req.method == "" {
		req.method = http.MethodPost
	}
	if req.path == "" {
		req.path = "/graphql"
	}
	hr, err := http.NewRequest(req.method, s.origin+req.path, bytes.NewReader(req.body))
	if err != nil {
		return reply{}, err
	}
	if req.method == http.MethodPost {
		hr.Header.Set("Content-Type", "application/json")
	}
	for k, v := range req.header {
		hr.Header.Set(k, v)
	}
	resp, err := httpClient.Do(hr)
	if err != nil {
		return reply{}, fmt.Errorf("%s %s: %w", req.method, req.path, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return reply{}, fmt.Errorf("%s %s: reading the answer: %w", req.method, req.path, err)
	}
	r := reply{Status: resp.StatusCode, Header: resp.Header, Raw: raw}
	_ = json.Unmarshal(raw, &r)
	return r, nil
}

// query POSTs a GraphQL request with optional variables and headers.
func (s *stack) query(t *testing.T, q string, vars map[string]any, header map[string]string) reply {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": q, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	return s.do(t, request{body: body, header: header})
}

// expect fails t unless r has the status and (when code is set) the first
// error's code; no answer may carry a Go panic, stack or type name.
func expect(t *testing.T, r reply, status int, code string) {
	t.Helper()
	if r.Status != status || (code != "" && r.code() != code) {
		t.Fatalf("got HTTP %d code %q, want HTTP %d code %q; body: %s", r.Status, r.code(), status, code, clip(r.Raw))
	}
	noInternals(t, string(r.Raw))
}

// noInternals fails t when a client-visible text leaks Go internals.
func noInternals(t *testing.T, text string) {
	t.Helper()
	for _, bad := range []string{"goroutine ", "panic", "runtime error", "json: ", "Go value", "map[string]", ".go:", "sql:"} {
		if strings.Contains(text, bad) {
			t.Fatalf("answer leaks internals (%q): %s", bad, clip([]byte(text)))
		}
	}
}

// normal is the query every case sends afterwards: the router still
// answers it right, from both subgraphs.
const normal = `{ products(first: 2) { edges { node { id name reviewSummary { headline } } } } }`

// stillAnswers fails t unless a normal query is answered in full.
func (s *stack) stillAnswers(t *testing.T) {
	t.Helper()
	s.proc.alive(t)
	r := s.query(t, normal, nil, nil)
	var d struct {
		Products struct {
			Edges []struct {
				Node struct {
					ID            string `json:"id"`
					ReviewSummary struct {
						Headline string `json:"headline"`
					} `json:"reviewSummary"`
				} `json:"node"`
			} `json:"edges"`
		} `json:"products"`
	}
	if r.Status != http.StatusOK || len(r.Errors) > 0 || json.Unmarshal(r.Data, &d) != nil ||
		len(d.Products.Edges) != 2 || d.Products.Edges[0].Node.ID == "" || d.Products.Edges[0].Node.ReviewSummary.Headline == "" {
		t.Fatalf("a normal query right after: HTTP %d %s", r.Status, clip(r.Raw))
	}
}

// sseEvent is one event of an SSE stream.
type sseEvent struct {
	Event string
	Data  string
}

// sseReply is an SSE answer: the stream's events, or a JSON refusal.
type sseReply struct {
	reply
	Events []sseEvent
}

// sse sends an SSE request (POST with a JSON body, or GET with the query
// in the URL) and reads the stream to its end.
func (s *stack) sse(t *testing.T, method string, body []byte, rawQuery string, header map[string]string) sseReply {
	t.Helper()
	r, err := s.sseSend(method, body, rawQuery, header)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// sseSend is sse for goroutines other than the test's.
func (s *stack) sseSend(method string, body []byte, rawQuery string, header map[string]string) (sseReply, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	hr, err := http.NewRequestWithContext(ctx, method, s.url+rawQuery, bytes.NewReader(body))
	if err != nil {
		return sseReply{}, err
	}
	hr.Header.Set("Accept", "text/event-stream")
	if method == http.MethodPost {
		hr.Header.Set("Content-Type", "application/json")
	}
	for k, v := range header {
		hr.Header.Set(k, v)
	}
	resp, err := httpClient.Do(hr)
	if err != nil {
		return sseReply{}, fmt.Errorf("SSE %s: %w", method, err)
	}
	defer resp.Body.Close()
	out := sseReply{reply: reply{Status: resp.StatusCode, Header: resp.Header}}
	if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		out.Raw, _ = io.ReadAll(resp.Body)
		_ = json.Unmarshal(out.Raw, &out.reply)
		return out, nil
	}
	var all bytes.Buffer
	sc := bufio.NewScanner(io.TeeReader(resp.Body, &all))
	sc.Buffer(make([]byte, 64<<10), 8<<20)
	var ev sseEvent
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			if ev.Event != "" || ev.Data != "" {
				out.Events = append(out.Events, ev)
			}
			ev = sseEvent{}
		case strings.HasPrefix(line, "event: "):
			ev.Event = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			ev.Data += strings.TrimPrefix(line, "data: ")
		}
	}
	out.Raw = all.Bytes()
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("SSE stream broke: %w (read so far: %s)", err, clip(out.Raw))
	}
	return out, nil
}

// sseQuery POSTs q over SSE.
func (s *stack) sseQuery(t *testing.T, q string, header map[string]string) sseReply {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": q})
	return s.sse(t, http.MethodPost, body, "", header)
}

// expectSSEError fails t unless the stream is 200 text/event-stream with
// one next event carrying an error with code, then complete: what the SSE
// transport answers to any refused operation.
func expectSSEError(t *testing.T, r sseReply, code string) {
	t.Helper()
	if r.Status != http.StatusOK || len(r.Events) != 2 || r.Events[0].Event != "next" || r.Events[1].Event != "complete" {
		t.Fatalf("SSE: HTTP %d events %+v, want next (errors) then complete; raw: %s", r.Status, r.Events, clip(r.Raw))
	}
	var p reply
	if err := json.Unmarshal([]byte(r.Events[0].Data), &p); err != nil || p.code() != code || hasData(p.Data) {
		t.Fatalf("SSE next event %s: want errors with code %s and no data", r.Events[0].Data, code)
	}
	noInternals(t, string(r.Raw))
}

// hasData reports whether a response's data is present and not null.
func hasData(d json.RawMessage) bool { return len(d) > 0 && string(d) != "null" }

// clip shortens a body for a failure message.
func clip(b []byte) string {
	if len(b) > 600 {
		return string(b[:600]) + "…"
	}
	return string(b)
}

// jsonInto decodes b into v.
func jsonInto(b []byte, v any) error { return json.Unmarshal(b, v) }

// codeOf is the first error's extensions.code.
func codeOf(errs []gqlError) string {
	if len(errs) == 0 {
		return ""
	}
	c, _ := errs[0].Extensions["code"].(string)
	return c
}

// quote is s as a JSON string.
func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
