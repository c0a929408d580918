// Package load drives a closed-loop HTTP load: a fixed number of
// connections, each sending the next request as soon as the previous
// answer is read, for a fixed time. Every answer is checked against the
// expected bytes, and every latency is kept, so percentiles are exact.
//
// It is a tight loop on fasthttp's client rather than vegeta, hey or k6
// because the load generator shares the machine's two cores with the router
// and the subgraphs: fasthttp reads each 88 KB answer into a reused
// per-connection buffer on the calling goroutine, and the answer is
// compared in place. With net/http's client (a reader and a writer goroutine
// per connection, a fresh body buffer per answer) the generator needed
// about 1.7 times the CPU per request, which every router measured had to share.
package load

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"time"

	"github.com/valyala/fasthttp"
)

// Target is one endpoint under load.
type Target struct {
	// URL receives every request as a POST.
	URL string
	// Body is the request body (a GraphQL request in JSON).
	Body []byte
	// Expected is the response body every answer must equal (as compact JSON).
	Expected []byte
}

// Options shape a run. Zero values take the defaults.
type Options struct {
	// Connections is the number of concurrent connections (and in-flight
	// requests). Default 50.
	Connections int
	// Duration of the measured run. Default 20s.
	Duration time.Duration
}

// Result is what one run measured.
type Result struct {
	// Requests is the number of completed requests (answered or failed).
	Requests int
	// Errors counts transport failures and non-200 answers.
	Errors int
	// Mismatches counts 200 answers whose JSON differs from Target.Expected.
	Mismatches int
	// FirstProblem describes the first error or mismatch, for the report.
	FirstProblem string
	// Elapsed is the wall time from the first request to the last answer
	// (the duration plus the tail of the requests in flight at its end).
	Elapsed time.Duration
	// Latencies of every request, sorted ascending.
	Latencies []time.Duration
	// ResponseBytes is the size of the last good answer.
	ResponseBytes int
}

// RPS is completed requests per second.
func (r Result) RPS() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Requests) / r.Elapsed.Seconds()
}

// Percentile returns the latency at or below which a fraction q (0..1) of
// requests finished (nearest rank); 0 without requests.
func (r Result) Percentile(q float64) time.Duration {
	if len(r.Latencies) == 0 {
		return 0
	}
	i := int(q*float64(len(r.Latencies))+0.5) - 1
	return r.Latencies[min(max(i, 0), len(r.Latencies)-1)]
}

// Run loads the target until the duration passes (then waits for the
// requests in flight) or ctx ends.
func Run(ctx context.Context, t Target, o Options) Result {
	if o.Connections <= 0 {
		o.Connections = 50
	}
	if o.Duration <= 0 {
		o.Duration = 20 * time.Second
	}
	expected := compact(t.Expected)
	u, err := url.Parse(t.URL)
	if err != nil {
		return Result{Errors: 1, FirstProblem: err.Error()}
	}
	client := &fasthttp.HostClient{
		Addr:                          u.Host,
		MaxConns:                      o.Connections,
		NoDefaultUserAgentHeader:      true,
		DisableHeaderNamesNormalizing: true,
		ReadTimeout:                   30 * time.Second,
		WriteTimeout:                  30 * time.Second,
		MaxIdleConnDuration:           time.Minute,
	}
	defer client.CloseIdleConnections()

	deadline := time.Now().Add(o.Duration)
	workers := make([]worker, o.Connections)
	var wg sync.WaitGroup
	start := time.Now()
	for i := range workers {
		wg.Add(1)
		go func(w *worker) {
			defer wg.Done()
			w.run(ctx, deadline, client, t, expected)
		}(&workers[i])
	}
	wg.Wait()
	res := Result{Elapsed: time.Since(start)}
	for i := range workers {
		w := &workers[i]
		res.Requests += len(w.latencies)
		res.Errors += w.errors
		res.Mismatches += w.mismatches
		res.Latencies = append(res.Latencies, w.latencies...)
		if res.FirstProblem == "" {
			res.FirstProblem = w.problem
		}
		res.ResponseBytes = max(res.ResponseBytes, w.size)
	}
	slices.Sort(res.Latencies)
	return res
}

// worker is one connection's loop and tallies; only its goroutine writes it.
type worker struct {
	latencies  []time.Duration
	errors     int
	mismatches int
	size       int
	problem    string
}

// run sends requests until the deadline. A request in flight at the
// deadline is allowed to finish and is counted: cancelling it would close
// the connection under the server and measure its disconnect handling,
// not its answers.
func (w *worker) run(ctx context.Context, deadline time.Time, client *fasthttp.HostClient, t Target, expected []byte) {
	w.latencies = make([]time.Duration, 0, 1<<14)
	req := fasthttp.AcquireRequest()
	resp := fasthttp.AcquireResponse()
	defer fasthttp.ReleaseRequest(req)
	defer fasthttp.ReleaseResponse(resp)
	req.SetRequestURI(t.URL)
	req.Header.SetMethod(fasthttp.MethodPost)
	req.Header.SetContentType("application/json")
	req.Header.Set("Accept", "application/graphql-response+json, application/json")
	req.SetBody(t.Body)
	for ctx.Err() == nil && time.Now().Before(deadline) {
		began := time.Now()
		err := client.Do(req, resp)
		took := time.Since(began)
		if ctx.Err() != nil {
			return // interrupted (Ctrl-C): neither answered nor failed
		}
		w.latencies = append(w.latencies, took)
		body := resp.Body()
		switch {
		case err != nil:
			w.errors++
			w.fail(err.Error())
		case resp.StatusCode() != http.StatusOK:
			w.errors++
			w.fail(fmt.Sprintf("HTTP %d: %s", resp.StatusCode(), clip(body)))
		case !Equal(body, expected):
			w.mismatches++
			w.fail("unexpected response: " + clip(body))
		default:
			w.size = len(body)
		}
	}
}

func (w *worker) fail(msg string) {
	if w.problem == "" {
		w.problem = msg
	}
}

// Equal reports whether got is the expected compact JSON, ignoring only
// insignificant whitespace (field order is significant in GraphQL).
func Equal(got, expectedCompact []byte) bool {
	if bytes.Equal(got, expectedCompact) {
		return true
	}
	return bytes.Equal(compact(got), expectedCompact)
}

func compact(b []byte) []byte {
	var out bytes.Buffer
	if err := json.Compact(&out, b); err != nil {
		return b
	}
	return out.Bytes()
}

func clip(b []byte) string {
	const n = 300
	if len(b) > n {
		return string(b[:n]) + "…"
	}
	return string(b)
}
