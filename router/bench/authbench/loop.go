package authbench

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// Tally is what one closed-loop run saw.
type Tally struct {
	// Latencies of every completed request, sorted ascending.
	Latencies []time.Duration
	// Classes counts outcomes by Answer.Class ("ok", "UNAUTHENTICATED", ...)
	// and "transport" for requests that got no answer.
	Classes map[string]int
	// Elapsed is the wall time from the first request to the last answer.
	Elapsed time.Duration
	// FirstProblem describes the first answer that was not ok.
	FirstProblem string
	// Problems holds the first message of each class but "ok".
	Problems map[string]string
}

// Requests is the number of completed requests.
func (t Tally) Requests() int { return len(t.Latencies) }

// Rate is completed requests per second.
func (t Tally) Rate() float64 {
	if t.Elapsed <= 0 {
		return 0
	}
	return float64(len(t.Latencies)) / t.Elapsed.Seconds()
}

// Percentile is the latency at or below which a fraction q (0..1) of the
// requests finished (nearest rank); 0 without requests.
func (t Tally) Percentile(q float64) time.Duration {
	n := len(t.Latencies)
	if n == 0 {
		return 0
	}
	i := int(q*float64(n)+0.5) - 1
	return t.Latencies[min(max(i, 0), n-1)]
}

// Step is one request of a run: worker is the client's index, i the
// request's index across the run (0, 1, 2, ...).
type Step func(ctx context.Context, worker, i int) (Answer, error)

// Loop runs clients workers, each sending its next request as soon as the
// previous one is answered, until limit requests were started (limit <= 0:
// no limit) or d has passed (d <= 0: no time limit), whichever comes first.
// A request in flight at the deadline is waited for and counted.
func Loop(ctx context.Context, clients, limit int, d time.Duration, step Step) Tally {
	var (
		next     atomic.Int64
		mu       sync.Mutex
		wg       sync.WaitGroup
		deadline time.Time
	)
	if d > 0 {
		deadline = time.Now().Add(d)
	}
	t := Tally{Classes: map[string]int{}, Problems: map[string]string{}}
	start := time.Now()
	for w := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var lat []time.Duration
			classes := map[string]int{}
			problems := map[string]string{}
			problem := ""
			for ctx.Err() == nil && (deadline.IsZero() || time.Now().Before(deadline)) {
				i := int(next.Add(1) - 1)
				if limit > 0 && i >= limit {
					break
				}
				began := time.Now()
				a, err := step(ctx, w, i)
				took := time.Since(began)
				if ctx.Err() != nil {
					break
				}
				class, msg := a.Class(), a.Message
				if err != nil {
					class, msg = "transport", err.Error()
				}
				if class != "ok" {
					if problem == "" {
						problem = class + ": " + msg
					}
					if _, ok := problems[class]; !ok {
						problems[class] = msg
					}
				}
				classes[class]++
				lat = append(lat, took)
			}
			mu.Lock()
			defer mu.Unlock()
			t.Latencies = append(t.Latencies, lat...)
			for k, v := range classes {
				t.Classes[k] += v
			}
			for k, v := range problems {
				if _, ok := t.Problems[k]; !ok {
					t.Problems[k] = v
				}
			}
			if t.FirstProblem == "" {
				t.FirstProblem = problem
			}
		}()
	}
	wg.Wait()
	t.Elapsed = time.Since(start)
	slices.Sort(t.Latencies)
	return t
}
