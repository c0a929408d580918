package main

import (
	"context"
	"fmt"
	"slices"
)

// runPairs starts our router (single-flight on) and Cosmo side by side and
// loads them in turn, PairDuration each, Pairs rounds, alternating which
// goes first. It prints each round's RPS and CPU-per-request ratios and
// their median, lowest and highest. bad reports errors or wrong answers.
func runPairs(ctx context.Context, e *env) (bad bool, err error) {
	all := scenarios()
	sides := []scenario{all[slices.IndexFunc(all, func(s scenario) bool { return s.name == "router" })],
		all[slices.IndexFunc(all, func(s scenario) bool { return s.name == "cosmo" })]}
	type running struct {
		s   scenario
		row func() (row, error)
	}
	var run [2]running
	for i, s := range sides {
		target, proc, stop, err := startWarm(ctx, e, s)
		if err != nil {
			return false, fmt.Errorf("%s: %w", s.label, err)
		}
		defer stop()
		run[i] = running{s: s, row: func() (row, error) { return measure(ctx, e, target, proc, e.cfg.PairDuration) }}
	}

	fmt.Printf("\nalternating rounds, %v each side, both running throughout (BENCH_PAIRS=%d):\n", e.cfg.PairDuration, e.cfg.Pairs)
	fmt.Println("| round | first | ours RPS | Cosmo RPS | RPS ours / Cosmo | server CPU per request ours / Cosmo |")
	fmt.Println("|---:|---|---:|---:|---:|---:|")
	var rps, cpu []float64
	for i := range e.cfg.Pairs {
		order := []int{0, 1}
		if i%2 == 1 {
			order = []int{1, 0}
		}
		var got [2]row
		for _, k := range order {
			r, err := run[k].row()
			if err != nil {
				return bad, err
			}
			if r.res.Errors+r.res.Mismatches > 0 {
				bad = true
				fmt.Printf("%s: %d errors, %d wrong answers; first: %s\n", run[k].s.label, r.res.Errors, r.res.Mismatches, r.res.FirstProblem)
			}
			got[k] = r
		}
		ours, cosmo := got[0], got[1]
		if ours.res.RPS() == 0 || cosmo.res.RPS() == 0 {
			return true, fmt.Errorf("round %d: no requests completed", i+1)
		}
		rr := ours.res.RPS() / cosmo.res.RPS()
		cr := (ours.serverCores / ours.res.RPS()) / (cosmo.serverCores / cosmo.res.RPS())
		rps, cpu = append(rps, rr), append(cpu, cr)
		first := "ours"
		if order[0] == 1 {
			first = "Cosmo"
		}
		fmt.Printf("| %d | %s | %.0f | %.0f | %.2fx | %.2fx |\n", i+1, first, ours.res.RPS(), cosmo.res.RPS(), rr, cr)
	}
	fmt.Printf("\nRPS ours / Cosmo over %d rounds: median %.2fx, lowest %.2fx, highest %.2fx; server CPU per request: median %.2fx\n",
		len(rps), median(rps), slices.Min(rps), slices.Max(rps), median(cpu))
	return bad, nil
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
