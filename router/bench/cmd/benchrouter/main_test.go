package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseConfigRefusesBadSettings(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "router")
	if err := os.WriteFile(bin, nil, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-cpus", "half"}, `cpus (BENCH_CPUS): "half" must be pinned or shared`},
		{[]string{"-pairs", "-1"}, "pairs (BENCH_PAIRS): -1 must not be negative"},
		{[]string{"-pairs", "2", "-pair-duration", "0s"}, "pair-duration (BENCH_PAIR_DURATION): 0s must be positive"},
		{[]string{"-only", "router,nope"}, `only (BENCH_ONLY): unknown scenario "nope"`},
	} {
		_, err := parseConfig(append([]string{"-router", bin}, tc.args...))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: got %v, want an error containing %q", tc.args, err, tc.want)
		}
	}
	c, err := parseConfig([]string{"-router", bin, "-cpus", "shared", "-pairs", "0"})
	if err != nil || c.CPUs != "shared" || c.Pairs != 0 {
		t.Fatalf("valid settings: %+v, %v", c, err)
	}
}

func TestMedian(t *testing.T) {
	if got := median([]float64{1.5, 1.2, 1.9}); got != 1.5 {
		t.Errorf("odd: %v", got)
	}
	if got := median([]float64{2, 1, 4, 3}); got != 2.5 {
		t.Errorf("even: %v", got)
	}
}
