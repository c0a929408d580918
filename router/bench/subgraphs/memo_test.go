package subgraphs

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// Memoize executes a body once and replays that answer; failed answers
// and other bodies go to the subgraph every time.
func TestMemoizeReplaysOnlyGoodAnswers(t *testing.T) {
	var calls atomic.Int32
	h := Memoize(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		raw, _ := io.ReadAll(r.Body)
		body := string(raw)
		if strings.Contains(body, "bad") {
			_, _ = w.Write([]byte(`{"errors":[{"message":"bad"}]}`))
			return
		}
		_, _ = w.Write([]byte(`{"data":{"echo":` + body + `}}`))
	}))
	do := func(body string) string {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body)))
		if rec.Code != http.StatusOK {
			t.Fatalf("status %d", rec.Code)
		}
		return rec.Body.String()
	}
	for range 3 {
		if got, want := do(`1`), `{"data":{"echo":1}}`; got != want {
			t.Fatalf("got %s, want %s", got, want)
		}
	}
	if n := calls.Load(); n != 1 {
		t.Fatalf("the same body reached the subgraph %d times, want 1", n)
	}
	if got := do(`2`); got != `{"data":{"echo":2}}` {
		t.Fatalf("a second body got %s", got)
	}
	do(`"bad"`)
	do(`"bad"`)
	if n := calls.Load(); n != 4 {
		t.Fatalf("subgraph calls = %d, want 4 (1 + 1 + an error answer twice)", n)
	}
}

// The real subgraphs behind Memoize answer the benchmark's query exactly
// (the harness tests check the whole query through the router).
func TestMemoizedSubgraphAnswersTopProducts(t *testing.T) {
	h, err := Handler("products")
	if err != nil {
		t.Fatal(err)
	}
	m := Memoize(h)
	body := `{"query":"{ topProducts { upc name } }"}`
	var first string
	for i := range 2 {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		m.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"topProducts":[`) {
			t.Fatalf("answer %d: %d %s", i, rec.Code, rec.Body.String())
		}
		if i == 0 {
			first = rec.Body.String()
		} else if rec.Body.String() != first {
			t.Fatalf("replayed answer differs:\n%s\n%s", first, rec.Body.String())
		}
	}
}
