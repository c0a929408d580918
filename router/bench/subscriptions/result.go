package subscriptions

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/nexus-commerce/nexus/router/bench/harness"
)

// Result is what one round measured.
type Result struct {
	// Subscribers, Rate and Duration repeat the round's options.
	Subscribers int
	Rate        float64
	Duration    time.Duration
	// Commits were made in the measured window; Skipped ticks found every
	// writer busy (the rate was not reached when non-zero).
	Commits, Skipped int
	// Expected deliveries (each commit times the subscribers of its
	// product) and what arrived: Delivered counts each (subscriber, event)
	// once; Missing, Duplicates, OutOfOrder and Unknown (a stock no
	// measured commit produced) must all be 0.
	Expected, Delivered                      int64
	Missing, Duplicates, OutOfOrder, Unknown int64
	// Failed subscribers lost their connection during the round;
	// FirstFailure says why the first one did.
	Failed       int
	FirstFailure string
	// Latencies are every first delivery's time from the event's
	// occurredAt (inside the committing transaction) to the client's read,
	// sorted ascending.
	Latencies []time.Duration
	// CommitP50 is the median round trip of the admin mutations (how long
	// commits take under this load).
	CommitP50 time.Duration
	// Writing is how long the commits took to make (about Duration).
	Writing time.Duration
	// Window runs from the first measured commit until the last delivery
	// (or the drain gave up).
	Window time.Duration
	// Before is the router with no subscriber, Connected with every
	// subscriber live, After at the end of the window.
	Before, Connected, After harness.Stats
	// SelfConnected and SelfAfter are the load generator itself (this
	// process) at the same moments: it shares the machine's cores.
	SelfConnected, SelfAfter harness.Stats
	// Goroutines in the router with every subscriber live (0 when not
	// measured).
	Goroutines int
}

// analyse matches every subscriber's deliveries against the commits of its
// product: one delivery per commit, in commit (stock) order, none unknown.
func (r *round) analyse(res *Result) {
	committed := make([]map[int64]bool, len(r.o.Products))
	for p := range committed {
		committed[p] = map[int64]bool{}
	}
	took := make([]time.Duration, 0, len(r.commits))
	for _, c := range r.commits {
		committed[c.product][c.stock] = true
		took = append(took, c.took)
	}
	slices.Sort(took)
	res.CommitP50 = percentile(took, 0.50)
	lat := make([]time.Duration, 0, r.delivered.Load())
	for _, s := range r.subs {
		if s == nil {
			continue
		}
		seen := make(map[int64]bool, len(s.got))
		var prev int64
		for _, d := range s.got {
			switch {
			case !committed[s.product][d.stock]:
				res.Unknown++
				continue
			case seen[d.stock]:
				res.Duplicates++
				continue
			}
			if d.stock < prev {
				res.OutOfOrder++
			}
			prev = d.stock
			seen[d.stock] = true
			res.Delivered++
			lat = append(lat, time.Duration(d.received-d.occurred))
		}
		res.Missing += int64(len(committed[s.product]) - len(seen))
	}
	slices.Sort(lat)
	res.Latencies = lat
}

// Check fails a round in which any subscriber missed, repeated, reordered
// or invented an event, lost its connection, or nothing was committed.
func (res *Result) Check() error {
	var errs []error
	if res.Commits == 0 {
		errs = append(errs, errors.New("no commit was made in the measured window"))
	}
	if res.Failed > 0 {
		errs = append(errs, fmt.Errorf("%d subscribers disconnected; first: %s", res.Failed, res.FirstFailure))
	}
	for _, c := range []struct {
		n    int64
		what string
	}{{res.Missing, "missing"}, {res.Duplicates, "duplicate"}, {res.OutOfOrder, "out-of-order"}, {res.Unknown, "unknown"}} {
		if c.n > 0 {
			errs = append(errs, fmt.Errorf("%d %s deliveries", c.n, c.what))
		}
	}
	if res.Delivered != res.Expected {
		errs = append(errs, fmt.Errorf("delivered %d of %d expected events", res.Delivered, res.Expected))
	}
	return errors.Join(errs...)
}

// CommitRate is the commits made per second of writing.
func (res *Result) CommitRate() float64 {
	if res.Writing <= 0 {
		return 0
	}
	return float64(res.Commits) / res.Writing.Seconds()
}

// P returns the q-quantile (0..1) of the delivery latencies.
func (res *Result) P(q float64) time.Duration { return percentile(res.Latencies, q) }

// EventsPerSecond is deliveries across all subscribers per second of the
// window.
func (res *Result) EventsPerSecond() float64 {
	if res.Window <= 0 {
		return 0
	}
	return float64(res.Delivered) / res.Window.Seconds()
}

// LiveRSS is the router's resident memory with every subscriber
// connected: the larger of the readings before and after the window, so
// buffers the deliveries touched count too.
func (res *Result) LiveRSS() int64 { return max(res.Connected.RSS, res.After.RSS) }

// RSSPerSubscriber is the router's resident memory growth from no
// subscriber to all of them live, divided by the subscribers.
func (res *Result) RSSPerSubscriber() int64 {
	return (res.LiveRSS() - res.Before.RSS) / int64(res.Subscribers)
}

// CPUCores is the router's CPU time over the window in cores (1.0 = one
// core busy all the time).
func (res *Result) CPUCores() float64 {
	if res.Window <= 0 {
		return 0
	}
	return (res.After.CPU - res.Connected.CPU).Seconds() / res.Window.Seconds()
}

// SelfCPUCores is the load generator's CPU over the window, in cores.
func (res *Result) SelfCPUCores() float64 {
	if res.Window <= 0 {
		return 0
	}
	return (res.SelfAfter.CPU - res.SelfConnected.CPU).Seconds() / res.Window.Seconds()
}

// percentile is the nearest-rank q-quantile of sorted samples.
func percentile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(q*float64(len(sorted))+0.999999) - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}

// WriteTable prints the results as a Markdown table, one row per round;
// what names the measured process ("router").
func WriteTable(w io.Writer, what string, results []*Result) {
	fmt.Fprintf(w, "| subscribers | commits/s | events delivered/s | p50 | p99 | max | missing / dup | %s RSS idle → live | RSS per subscriber | %s CPU | goroutines per subscriber | load generator CPU |\n", what, what)
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|---|---|---|")
	for _, r := range results {
		gor := "—"
		if r.Goroutines > 0 {
			gor = fmt.Sprintf("%.2f", float64(r.Goroutines)/float64(r.Subscribers))
		}
		fmt.Fprintf(w, "| %d | %.1f | %.0f | %s | %s | %s | %d / %d | %s → %s | %.1f KB | %.2f cores | %s | %.2f cores |\n",
			r.Subscribers, r.CommitRate(), r.EventsPerSecond(),
			ms(r.P(0.50)), ms(r.P(0.99)), ms(r.P(1)), r.Missing, r.Duplicates,
			mib(r.Before.RSS), mib(r.LiveRSS()), float64(r.RSSPerSubscriber())/1000, r.CPUCores(), gor, r.SelfCPUCores())
	}
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond)) }

func mib(b int64) string { return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20)) }
