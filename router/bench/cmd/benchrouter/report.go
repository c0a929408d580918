package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/nexus-commerce/nexus/router/bench/load"
)

// row is one measured scenario.
type row struct {
	// name is the scenario's (BENCH_ONLY) name; label says what it measures.
	name, label string
	// unavailable, when set, is why the scenario did not run.
	unavailable string
	res         load.Result
	// serverCores, peakRSS and rss are of the process answering the load
	// (the router, the static server or the products subgraph).
	serverCores              float64
	peakRSS, rss             int64
	subgraphCores, loadCores float64
}

// line is the one-line progress report printed as each scenario ends.
func (r row) line() string {
	if r.unavailable != "" {
		return fmt.Sprintf("%-48s not available: %s", r.label, r.unavailable)
	}
	s := fmt.Sprintf("%-48s %8.0f RPS  p50 %-8s p99 %-8s errors %d  wrong %d", r.label, r.res.RPS(),
		ms(r.res.Percentile(0.50)), ms(r.res.Percentile(0.99)), r.res.Errors, r.res.Mismatches)
	if r.res.FirstProblem != "" {
		s += "\n    first problem: " + r.res.FirstProblem
	}
	return s
}

// printTable writes the rows as the Markdown table docs/benchmarks.md keeps.
func printTable(w io.Writer, rows []row) {
	fmt.Fprintln(w, "| scenario | RPS | p50 | p95 | p99 | errors | wrong answers | response | server RSS peak / after | server CPU | server CPU per request | all subgraphs CPU | load generator CPU |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, r := range rows {
		if r.unavailable != "" {
			fmt.Fprintf(w, "| %s | not available: %s | | | | | | | | | | | |\n", r.label, strings.ReplaceAll(r.unavailable, "|", "/"))
			continue
		}
		rss := fmt.Sprintf("%s / %s", mib(r.peakRSS), mib(r.rss))
		rcpu := fmt.Sprintf("%.0f%% of a core", 100*r.serverCores)
		// CPU per request holds steadier than RPS when other work shares
		// the machine, so it is the figure to compare across runs.
		perReq := "—"
		if rps := r.res.RPS(); rps > 0 {
			perReq = fmt.Sprintf("%.3f ms", 1000*r.serverCores/rps)
		}
		fmt.Fprintf(w, "| %s | %.0f | %s | %s | %s | %d | %d | %s | %s | %s | %s | %.2f cores | %.2f cores |\n",
			r.label, r.res.RPS(), ms(r.res.Percentile(0.50)), ms(r.res.Percentile(0.95)), ms(r.res.Percentile(0.99)),
			r.res.Errors, r.res.Mismatches, kb(r.res.ResponseBytes), rss, rcpu, perReq, r.subgraphCores, r.loadCores)
	}
}

// printComparison sets our router (single-flight on, the default) against
// Cosmo with its defaults (single-flight and inbound deduplication on), as
// ours/Cosmo ratios: above 1 means ours is higher (better for RPS, worse
// for latency, CPU and memory).
func printComparison(w io.Writer, rows []row) {
	ours, cosmo := find(rows, "router"), find(rows, "cosmo")
	if ours == nil || cosmo == nil || cosmo.unavailable != "" || cosmo.res.RPS() == 0 {
		return
	}
	ratio := func(a, b float64) string {
		if b == 0 {
			return "—"
		}
		return fmt.Sprintf("%.2fx", a/b)
	}
	cpuPerReq := func(r *row) float64 { return r.serverCores / r.res.RPS() }
	d := func(r *row, q float64) float64 { return float64(r.res.Percentile(q)) }
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| ours / Cosmo | RPS | p50 | p95 | p99 | server CPU per request | server RSS peak |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|")
	fmt.Fprintf(w, "| %s / %s | %s | %s | %s | %s | %s | %s |\n", ours.label, cosmo.label,
		ratio(ours.res.RPS(), cosmo.res.RPS()), ratio(d(ours, 0.50), d(cosmo, 0.50)), ratio(d(ours, 0.95), d(cosmo, 0.95)),
		ratio(d(ours, 0.99), d(cosmo, 0.99)), ratio(cpuPerReq(ours), cpuPerReq(cosmo)), ratio(float64(ours.peakRSS), float64(cosmo.peakRSS)))
}

func find(rows []row, name string) *row {
	for i := range rows {
		if rows[i].name == name {
			return &rows[i]
		}
	}
	return nil
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond)) }

func mib(b int64) string { return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20)) }

func kb(b int) string {
	if b == 0 {
		return "—"
	}
	return fmt.Sprintf("%.1f KB", float64(b)/1000)
}
