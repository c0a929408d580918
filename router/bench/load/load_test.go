package load

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"
)

// Run must count every answer the server gave, and classify each as good,
// wrong or failed exactly as the server chose, whatever the timing.
func TestRunCountsEveryAnswer(t *testing.T) {
	expected := []byte(`{"data":{"x":1}}`)
	var served atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch served.Add(1) % 5 {
		case 1:
			w.Write([]byte(`{"data":{"x":2}}`)) // wrong
		case 2:
			http.Error(w, "boom", http.StatusInternalServerError) // failed
		case 3:
			w.Write([]byte("{ \"data\" : { \"x\" : 1 } }\n")) // right, other whitespace
		default:
			w.Write(expected)
		}
	}))
	defer srv.Close()

	res := Run(context.Background(), Target{URL: srv.URL, Body: []byte(`{}`), Expected: expected},
		Options{Connections: 3, Duration: 50 * time.Millisecond})
	n := int(served.Load())
	if res.Requests != n {
		t.Fatalf("Requests = %d, server answered %d", res.Requests, n)
	}
	want := func(rem int) int { // how many of 1..n have n%5 == rem
		c := 0
		for i := 1; i <= n; i++ {
			if i%5 == rem {
				c++
			}
		}
		return c
	}
	if res.Mismatches != want(1) || res.Errors != want(2) {
		t.Errorf("mismatches %d, errors %d; want %d and %d of %d", res.Mismatches, res.Errors, want(1), want(2), n)
	}
	if len(res.Latencies) != n || res.FirstProblem == "" {
		t.Errorf("%d latencies for %d requests, first problem %q", len(res.Latencies), n, res.FirstProblem)
	}
	for i := 1; i < len(res.Latencies); i++ {
		if res.Latencies[i] < res.Latencies[i-1] {
			t.Fatal("latencies are not sorted")
		}
	}
}

func TestPercentileNearestRank(t *testing.T) {
	r := Result{}
	for i := 1; i <= 100; i++ {
		r.Latencies = append(r.Latencies, time.Duration(i))
	}
	for _, c := range []struct {
		q    float64
		want time.Duration
	}{{0.5, 50}, {0.95, 95}, {0.99, 99}, {1, 100}, {0, 1}} {
		if got := r.Percentile(c.q); got != c.want {
			t.Errorf("Percentile(%v) = %v, want %v", c.q, got, c.want)
		}
	}
	if (Result{}).Percentile(0.5) != 0 {
		t.Error("Percentile of no requests is not 0")
	}
}
