package authbench

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"
)

func TestLoopStopsAtTheLimit(t *testing.T) {
	var calls atomic.Int64
	seen := make([]atomic.Int32, 100)
	tally := Loop(context.Background(), 7, 100, 0, func(_ context.Context, _, i int) (Answer, error) {
		calls.Add(1)
		seen[i].Add(1)
		switch {
		case i%10 == 0:
			return Answer{Status: 200, Code: "UNAUTHENTICATED", Message: "no"}, nil
		case i%25 == 1:
			return Answer{}, errors.New("connection refused")
		}
		return Answer{Status: 200}, nil
	})
	if calls.Load() != 100 || tally.Requests() != 100 {
		t.Fatalf("calls %d, tallied %d, want 100 each", calls.Load(), tally.Requests())
	}
	for i := range seen {
		if n := seen[i].Load(); n != 1 {
			t.Errorf("request index %d used %d times", i, n)
		}
	}
	want := map[string]int{"ok": 86, "UNAUTHENTICATED": 10, "transport": 4}
	for k, v := range want {
		if tally.Classes[k] != v {
			t.Errorf("class %s: %d, want %d (all: %v)", k, tally.Classes[k], v, tally.Classes)
		}
	}
	if tally.Problems["UNAUTHENTICATED"] != "no" || tally.Problems["transport"] != "connection refused" || len(tally.Problems) != 2 {
		t.Errorf("problems %v", tally.Problems)
	}
	if got := classes(tally); got != "86 ok, 10 UNAUTHENTICATED, 4 transport" {
		t.Errorf("classes() = %q", got)
	}
}

// A request in flight at the deadline is waited for and counted, and no
// worker starts another after it.
func TestLoopStopsAtTheDeadline(t *testing.T) {
	const d = 50 * time.Millisecond
	var started atomic.Int64
	tally := Loop(context.Background(), 3, 0, d, func(context.Context, int, int) (Answer, error) {
		started.Add(1)
		time.Sleep(d + 20*time.Millisecond) // a request slower than the whole run
		return Answer{Status: 200}, nil
	})
	n := tally.Requests()
	if n < 1 || n > 3 || int64(n) != started.Load() {
		t.Fatalf("%d requests tallied, %d started: want each started one counted, at most one per worker", n, started.Load())
	}
	if tally.Elapsed < d+20*time.Millisecond {
		t.Errorf("elapsed %v: the requests in flight were not waited for", tally.Elapsed)
	}
}

func TestPercentileIsNearestRank(t *testing.T) {
	var tl Tally
	for i := 1; i <= 100; i++ {
		tl.Latencies = append(tl.Latencies, time.Duration(i)*time.Millisecond)
	}
	for q, want := range map[float64]time.Duration{0.5: 50 * time.Millisecond, 0.95: 95 * time.Millisecond, 0.99: 99 * time.Millisecond, 1: 100 * time.Millisecond, 0: time.Millisecond} {
		if got := tl.Percentile(q); got != want {
			t.Errorf("p%v = %v, want %v", q*100, got, want)
		}
	}
	if (Tally{}).Percentile(0.5) != 0 {
		t.Error("percentile of nothing is not 0")
	}
}
