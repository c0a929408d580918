package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/nexus-commerce/nexus/router/bench/load"
)

// profileRouter runs the router scenario once more under `perf record`
// (the router binary has no pprof endpoint) and prints the 30 functions
// with the most samples. perf adds overhead, so this run's figures are
// kept out of the table.
func profileRouter(ctx context.Context, e *env, s scenario) error {
	if _, err := exec.LookPath("perf"); err != nil {
		return fmt.Errorf("perf not found (apt-get install linux-perf): %w", err)
	}
	if err := os.MkdirAll(e.cfg.Profile, 0o755); err != nil {
		return err
	}
	url, proc, stop, err := s.start(ctx, e)
	if err != nil {
		return err
	}
	defer stop()
	target := load.Target{URL: url, Body: s.body, Expected: s.expected}
	load.Run(ctx, target, load.Options{Connections: e.cfg.Connections, Duration: e.cfg.Warmup})

	data := filepath.Join(e.cfg.Profile, "router.perf.data")
	rec := exec.CommandContext(ctx, "perf", "record", "-F", "499", "-g", "-p", fmt.Sprint(proc.PID()), "-o", data)
	var recOut strings.Builder
	rec.Stdout, rec.Stderr = &recOut, &recOut
	rec.Cancel = func() error { return rec.Process.Signal(os.Interrupt) }
	if err := rec.Start(); err != nil {
		return err
	}
	res := load.Run(ctx, target, load.Options{Connections: e.cfg.Connections, Duration: e.cfg.Duration})
	_ = rec.Process.Signal(os.Interrupt)
	if err := rec.Wait(); err != nil && !strings.Contains(recOut.String(), "data") {
		return fmt.Errorf("perf record: %v\n%s", err, recOut.String())
	}
	fmt.Printf("\nprofile run (under perf, not comparable): %.0f RPS, %d errors, %d wrong\n", res.RPS(), res.Errors, res.Mismatches)
	report := exec.CommandContext(ctx, "perf", "report", "-i", data, "--stdio", "--no-children", "--sort", "symbol", "-g", "none", "--percent-limit", "0.3")
	out, err := report.Output()
	if err != nil {
		return fmt.Errorf("perf report: %w", err)
	}
	top := filepath.Join(e.cfg.Profile, "router-top.txt")
	if err := os.WriteFile(top, out, 0o644); err != nil {
		return err
	}
	fmt.Printf("router CPU profile, top 30 by self time (full report %s, data %s):\n", top, data)
	n := 0
	for _, line := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		fmt.Println(strings.TrimRight(strings.TrimSuffix(strings.TrimRight(line, " "), "-      -"), " "))
		if n++; n == 30 {
			break
		}
	}
	return nil
}
