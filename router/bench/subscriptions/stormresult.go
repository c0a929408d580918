package subscriptions

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/coder/websocket"

	"github.com/nexus-commerce/nexus/router/bench/harness"
)

// StormResult is what one resume storm measured.
type StormResult struct {
	// Fault names what was killed ("" for none); Clients and Rate repeat
	// the options.
	Fault   string
	Clients int
	Rate    float64
	// Start is the log position every client subscribed after; Head the
	// log's last event once the writer stopped.
	Start, Head int64
	// Commits answered, CommitFailures failed (the killed subgraph),
	// Skipped ticks found every writer busy; FirstCommitError is an
	// example failure.
	Commits, CommitFailures, Skipped int64
	FirstCommitError                 string
	// Tally sums every client's deliveries against the log: Lost,
	// Duplicated, OutOfOrder and Unknown must be 0.
	Tally Tally
	// Latencies are every first delivery's time from the event's
	// occurredAt to the client's read, sorted: replays after the fault
	// included.
	Latencies []time.Duration
	// Client-visible interruptions: sessions ended by the connection
	// closing or breaking (by close code), by an error (an error message
	// or a result with errors), by a complete; reconnection attempts that
	// failed; clients that saw at least one interruption; an example each.
	Closes, Errors, Completes, DialFailures int
	CloseCodes                              map[websocket.StatusCode]int
	Interrupted                             int
	FirstError, FirstClose                  string
	// Killed is when the fault began; Downtime runs from then until the
	// killed process was ready again.
	Killed   time.Time
	Downtime time.Duration
	// Recovery holds, per client, the time from the kill until it first
	// received an event committed after the kill, sorted; NotRecovered
	// clients never did.
	Recovery     []time.Duration
	NotRecovered int
	// Settled are the latencies of the events committed once every client
	// had recovered (Killed + RecoveredAll), sorted: whether the router is
	// back to its steady state after the storm.
	Settled []time.Duration
	// GoroutinesLive and GoroutinesAfter count the router's goroutines
	// with every client live before the fault and after the drain (0 when
	// not measured).
	GoroutinesLive, GoroutinesAfter int
	// LiveAfter is how long after the writer started every client had an
	// event; Writing how long the writer ran; Window the whole run from
	// the writer's start to the end of the drain; Behind the clients that
	// had not reached Head when the drain ended.
	LiveAfter, Writing, Window time.Duration
	Behind                     int
	// Connected is the router with every client live; PeakRSS the highest
	// resident memory of any of its processes in the run; CPU their CPU
	// time in the window; Processes how many there were (2 after a
	// restart).
	Connected harness.Stats
	PeakRSS   int64
	CPU       time.Duration
	Processes int
	// SelfConnected and SelfAfter are the load generator itself.
	SelfConnected, SelfAfter harness.Stats
}

// analyse checks every client against expected, the log's events after
// the common start, and gathers latencies, interruptions and recovery.
func (res *StormResult) analyse(clients []*resumer, expected []int64) {
	res.CloseCodes = map[websocket.StatusCode]int{}
	var lat []time.Duration
	killed := res.Killed.UnixNano()
	for _, c := range clients {
		res.Tally.Add(Count(expected, seqsOf(c.got), func(i int) {
			lat = append(lat, time.Duration(c.got[i].received-c.got[i].occurred))
		}))
		res.Closes += c.closes
		res.Errors += c.errors
		res.Completes += c.completes
		res.DialFailures += c.dialFailures
		for code, n := range c.closeCodes {
			res.CloseCodes[code] += n
		}
		if c.interrupted() {
			res.Interrupted++
		}
		if res.FirstError == "" {
			res.FirstError = c.firstError
		}
		if res.FirstClose == "" {
			res.FirstClose = c.firstClose
		}
		if res.Killed.IsZero() {
			continue
		}
		recovered := false
		for _, d := range c.got {
			if d.occurred > killed {
				res.Recovery = append(res.Recovery, time.Duration(d.received-killed))
				recovered = true
				break
			}
		}
		if !recovered {
			res.NotRecovered++
		}
	}
	slices.Sort(lat)
	res.Latencies = lat
	slices.Sort(res.Recovery)
	if all := res.RecoveredAll(); all > 0 {
		settled := killed + int64(all)
		for _, c := range clients {
			Count(expected, seqsOf(c.got), func(i int) {
				if d := c.got[i]; d.occurred > settled {
					res.Settled = append(res.Settled, time.Duration(d.received-d.occurred))
				}
			})
		}
		slices.Sort(res.Settled)
	}
}

// seqsOf is the sequence numbers of deliveries, in arrival order.
func seqsOf(got []logEvent) []int64 {
	seqs := make([]int64, len(got))
	for i, d := range got {
		seqs[i] = d.seq
	}
	return seqs
}

// Check fails a storm in which any client lost, repeated, reordered or
// invented an event, or nothing was committed. Interruptions fail only a
// run without a fault (nothing was killed, so no client's session should
// end); under a fault they are what the storm reports.
func (res *StormResult) Check() error {
	var errs []error
	if res.Tally.Expected == 0 {
		errs = append(errs, errors.New("no event was logged in the run"))
	}
	if res.Killed.IsZero() && res.Interrupted > 0 {
		errs = append(errs, fmt.Errorf("nothing was killed, yet %d clients saw their session end (%d closes, codes %s; %d errors; %d completes)",
			res.Interrupted, res.Closes, res.Codes(), res.Errors, res.Completes))
	}
	for _, c := range []struct {
		n    int64
		what string
	}{{res.Tally.Lost, "lost"}, {res.Tally.Duplicated, "duplicated"}, {res.Tally.OutOfOrder, "out-of-order"}, {res.Tally.Unknown, "unknown"}} {
		if c.n > 0 {
			errs = append(errs, fmt.Errorf("%d %s deliveries", c.n, c.what))
		}
	}
	if res.Behind > 0 {
		errs = append(errs, fmt.Errorf("%d clients had not reached the log's head pg:%d when the drain ended", res.Behind, res.Head))
	}
	return errors.Join(errs...)
}

// P returns the q-quantile (0..1) of the delivery latencies.
func (res *StormResult) P(q float64) time.Duration { return percentile(res.Latencies, q) }

// RecoveredAll is the time from the kill until every client had received
// an event committed after it (0 when some never did).
func (res *StormResult) RecoveredAll() time.Duration {
	if res.NotRecovered > 0 || len(res.Recovery) == 0 {
		return 0
	}
	return res.Recovery[len(res.Recovery)-1]
}

// CommitRate is the commits answered per second of writing (below Rate
// when the writer fell behind or the subgraph was down).
func (res *StormResult) CommitRate() float64 {
	if res.Writing <= 0 {
		return 0
	}
	return float64(res.Commits) / res.Writing.Seconds()
}

// DeliveriesPerSecond is first deliveries across all clients per second
// of the window.
func (res *StormResult) DeliveriesPerSecond() float64 {
	if res.Window <= 0 {
		return 0
	}
	return float64(res.Tally.Delivered) / res.Window.Seconds()
}

// CPUCores is the router's CPU over the window in cores.
func (res *StormResult) CPUCores() float64 {
	if res.Window <= 0 {
		return 0
	}
	return res.CPU.Seconds() / res.Window.Seconds()
}

// SelfCPUCores is the load generator's CPU from every client live to the
// end of the drain, in cores.
func (res *StormResult) SelfCPUCores() float64 {
	span := res.Window - res.LiveAfter
	if span <= 0 {
		return 0
	}
	return (res.SelfAfter.CPU - res.SelfConnected.CPU).Seconds() / span.Seconds()
}

// Codes renders the close codes seen, most frequent first ("4013×12 no
// close frame×1000"; a connection that broke without a close frame, as
// when the router is killed, has none).
func (res *StormResult) Codes() string {
	if len(res.CloseCodes) == 0 {
		return "none"
	}
	codes := slices.SortedFunc(maps.Keys(res.CloseCodes), func(a, b websocket.StatusCode) int {
		if d := res.CloseCodes[b] - res.CloseCodes[a]; d != 0 {
			return d
		}
		return int(a) - int(b)
	})
	parts := make([]string, len(codes))
	for i, c := range codes {
		name := strconv.Itoa(int(c))
		if c == -1 {
			name = "no close frame"
		}
		parts[i] = fmt.Sprintf("%s×%d", name, res.CloseCodes[c])
	}
	return strings.Join(parts, " ")
}

// WriteStorm prints one storm's figures.
func WriteStorm(w io.Writer, r *StormResult) {
	fmt.Fprintf(w, "  commits %d (%.1f/s; %d failed, %d ticks skipped with every writer busy) in %v; log pg:%d → pg:%d, %d events per client\n",
		r.Commits, r.CommitRate(), r.CommitFailures, r.Skipped, r.Writing.Round(time.Millisecond), r.Start, r.Head, r.Head-r.Start)
	if r.FirstCommitError != "" {
		fmt.Fprintf(w, "  first failed commit: %.300s\n", r.FirstCommitError)
	}
	fmt.Fprintf(w, "  deliveries %d of %d owed: lost %d, duplicated %d, out of order %d, unknown %d; %d clients behind the head at the end\n",
		r.Tally.Delivered, r.Tally.Expected, r.Tally.Lost, r.Tally.Duplicated, r.Tally.OutOfOrder, r.Tally.Unknown, r.Behind)
	fmt.Fprintf(w, "  interruptions: %d clients; %d closes (codes %s), %d errors, %d completes; %d failed reconnects\n",
		r.Interrupted, r.Closes, r.Codes(), r.Errors, r.Completes, r.DialFailures)
	if r.FirstError != "" {
		fmt.Fprintf(w, "  first error: %.300s\n", r.FirstError)
	}
	if r.FirstClose != "" {
		fmt.Fprintf(w, "  first close: %.300s\n", r.FirstClose)
	}
	if !r.Killed.IsZero() {
		fmt.Fprintf(w, "  %s down %v; recovered (every client has an event committed after the kill) %s, median client %v, %d never\n",
			r.Fault, r.Downtime.Round(time.Millisecond), dur(r.RecoveredAll()), percentile(r.Recovery, 0.5).Round(time.Millisecond), r.NotRecovered)
	}
	fmt.Fprintf(w, "  latency commit→client p50 %v p90 %v p99 %v max %v; %.0f deliveries/s over %v\n",
		r.P(0.5).Round(time.Millisecond/10), r.P(0.9).Round(time.Millisecond/10), r.P(0.99).Round(time.Millisecond/10),
		r.P(1).Round(time.Millisecond/10), r.DeliveriesPerSecond(), r.Window.Round(time.Millisecond))
	if len(r.Settled) > 0 {
		fmt.Fprintf(w, "  events committed after every client recovered: %d deliveries, p50 %v p99 %v\n",
			len(r.Settled), percentile(r.Settled, 0.5).Round(time.Millisecond/10), percentile(r.Settled, 0.99).Round(time.Millisecond/10))
	}
	if r.GoroutinesLive > 0 {
		fmt.Fprintf(w, "  router goroutines %d with all live, %d after the drain\n", r.GoroutinesLive, r.GoroutinesAfter)
	}
	fmt.Fprintf(w, "  router RSS %.1f MiB with all live, peak %.1f MiB (%d processes); CPU %.2f cores; load generator RSS %.1f MiB, CPU %.2f cores\n",
		float64(r.Connected.RSS)/(1<<20), float64(r.PeakRSS)/(1<<20), r.Processes, r.CPUCores(),
		float64(r.SelfAfter.RSS)/(1<<20), r.SelfCPUCores())
}

// WriteStormTable prints the storms as a Markdown table, one row each.
func WriteStormTable(w io.Writer, results []*StormResult) {
	fmt.Fprintln(w, "| killed | clients × commits/s | lost / dup / out of order | interrupted clients | closes (codes) / errors / completes | down | all recovered | p50 | p99 | p99 once recovered | deliveries/s | router RSS live → peak | router CPU | router goroutines live → after |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
	for _, r := range results {
		fault := r.Fault
		if fault == "" {
			fault = "nothing"
		}
		settled := "—"
		if len(r.Settled) > 0 {
			settled = ms(percentile(r.Settled, 0.99))
		}
		fmt.Fprintf(w, "| %s | %d × %.1f | %d / %d / %d | %d | %d (%s) / %d / %d | %s | %s | %s | %s | %s | %.0f | %s → %s | %.2f cores | %d → %d |\n",
			fault, r.Clients, r.CommitRate(), r.Tally.Lost, r.Tally.Duplicated, r.Tally.OutOfOrder, r.Interrupted,
			r.Closes, r.Codes(), r.Errors, r.Completes, dur(r.Downtime), dur(r.RecoveredAll()),
			ms(r.P(0.5)), ms(r.P(0.99)), settled, r.DeliveriesPerSecond(), mib(r.Connected.RSS), mib(r.PeakRSS), r.CPUCores(),
			r.GoroutinesLive, r.GoroutinesAfter)
	}
}

// dur renders a duration to the millisecond, "—" for none.
func dur(d time.Duration) string {
	if d <= 0 {
		return "—"
	}
	return d.Round(time.Millisecond).String()
}
